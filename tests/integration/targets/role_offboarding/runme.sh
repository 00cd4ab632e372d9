#!/usr/bin/env bash
# mailops.workmail.offboarding the way users run it: ansible-playbook with --check --diff,
# then for real, then again (changed=0), reading the state back; a leaver whose aliases
# move to a successor, one deleted without a successor, one already gone, and a successor
# that does not exist, which must fail before any write.
source ../setup_role_tests/lib.sh
set -x

emulator reset
playbook setup setup.yml

# 1. alice leaves; carol takes over her aliases and her address.
ALICE="alice: left Project X, team; aliases moved to carol: a@offboarding.example.com, alice.smith@offboarding.example.com; mailbox disabled (WorkMail keeps it 30 days); alice@offboarding.example.com now reaches carol"
emulator clear_calls
playbook alice-plan offboard.yml --check --diff
expect_changed alice-plan some
expect_output alice-plan "Offboarding plan (check mode: nothing was changed) for integration-offboarding" "$ALICE"
emulator assert_no_writes

playbook alice offboard.yml
expect_changed alice some
expect_output alice "Offboarding result for integration-offboarding" "$ALICE"
playbook verify-alice verify.yml -e verify_stage=alice

emulator clear_calls
playbook alice-again offboard.yml --diff
expect_changed alice-again 0
expect_output alice-again "alice: unchanged (already offboarded)"
emulator assert_no_writes

# 2. bob (given by email) leaves and is deleted, without a successor; nobody does not exist.
BOB='{"offboarding_users": ["bob@offboarding.example.com", "nobody"], "offboarding_alias_successor": "", "offboarding_delete": true}'
BOB_LINE="bob: left team; aliases removed: bob.b@offboarding.example.com; mailbox disabled (WorkMail keeps it 30 days); user deleted"
NOBODY_LINE="nobody: not found (already deleted, or disabled and given by email); nothing to do"
emulator clear_calls
playbook bob-plan offboard.yml --check --diff -e "$BOB"
expect_changed bob-plan some
expect_output bob-plan "$BOB_LINE" "$NOBODY_LINE"
emulator assert_no_writes

playbook bob offboard.yml -e "$BOB"
expect_output bob "$BOB_LINE" "$NOBODY_LINE"
playbook verify-bob verify.yml -e verify_stage=bob

emulator clear_calls
playbook bob-again offboard.yml -e "$BOB"
expect_changed bob-again 0
emulator assert_no_writes

# 3. A successor that does not exist, or that leaves too: refused before any write.
emulator clear_calls
playbook_fails ghost offboard.yml -e '{"offboarding_users": ["carol"], "offboarding_alias_successor": "ghost"}'
expect_output ghost "offboarding_alias_successor: ghost is neither a user nor a group of integration-offboarding. It must be an enabled user or group that stays. Nothing was changed."
playbook_fails self offboard.yml -e '{"offboarding_users": ["carol"], "offboarding_alias_successor": "carol"}'
expect_output self "offboarding_alias_successor: carol is one of the leavers. It must be an enabled user or group that stays. Nothing was changed."
emulator assert_no_writes
playbook verify-refused verify.yml -e verify_stage=bob

# 4. One leaver given as a string, which the argument spec's list type accepts: read as a
# list of one, not a loop over a string.
emulator clear_calls
playbook one-string offboard.yml --check -e '{"offboarding_users": "nobody", "offboarding_alias_successor": ""}'
expect_output one-string "$NOBODY_LINE"
emulator assert_no_writes
