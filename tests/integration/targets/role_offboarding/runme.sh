#!/usr/bin/env bash
# mailops.workmail.offboarding the way users run it: ansible-playbook with --check --diff,
# then for real, then again (changed=0), reading the state back; a leaver whose aliases
# move to a successor, one deleted without a successor, one already gone, successors
# that do not exist or leave, and a deletion with a mailbox successor, which must fail
# before any write, in check mode too; a leaver whose tokens and device override go and
# whose mailbox stays open for a successor, then is disabled by a later run; and leavers
# given by their addresses, whose reruns must change nothing and never take an address
# that has moved to someone else for that person. A rerun sends no write, so the state is
# read back once per stage, after its reruns.
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

emulator clear_calls
playbook alice-again offboard.yml --diff
expect_changed alice-again 0
expect_output alice-again "alice: unchanged (already offboarded)"
emulator assert_no_writes
playbook verify-alice verify.yml -e verify_stage=alice

# 2. bob (given by email) leaves and is deleted, without a successor; nobody does not exist.
BOB='{"offboarding_users": ["bob@offboarding.example.com", "nobody"], "offboarding_alias_successor": "", "offboarding_delete": true}'
BOB_LINE="bob: left team; aliases removed: bob.b@offboarding.example.com; mailbox disabled (WorkMail keeps it 30 days); user deleted"
NOBODY_LINE="nobody: not found (already deleted, or never existed); nothing to do"
emulator clear_calls
playbook bob-plan offboard.yml --check --diff -e "$BOB"
expect_changed bob-plan some
expect_output bob-plan "$BOB_LINE" "$NOBODY_LINE"
emulator assert_no_writes

playbook bob offboard.yml -e "$BOB"
expect_output bob "$BOB_LINE" "$NOBODY_LINE"

emulator clear_calls
playbook bob-again offboard.yml -e "$BOB"
expect_changed bob-again 0
expect_output bob-again "bob@offboarding.example.com: not found as a primary address (already offboarded, or never one); nothing to do"
emulator assert_no_writes

# 3. Successors that do not exist, or that leave too, and a deletion of the mailboxes a
# mailbox successor is to keep: refused before any write, in check mode too, every
# problem named at once.
ALIAS_GHOST="offboarding_alias_successor: ghost is neither a user nor a group of integration-offboarding. It must be an enabled user or group that stays."
MAILBOX_GHOST="offboarding_mailbox_successor: ghost is neither a user nor a group of integration-offboarding. It must be an enabled user or group that stays."
ALIAS_SELF="offboarding_alias_successor: carol is one of the leavers. It must be an enabled user or group that stays."
MAILBOX_SELF="offboarding_mailbox_successor: carol is one of the leavers. It must be an enabled user or group that stays."
DELETE_KEPT="offboarding_delete: true would delete the mailboxes that offboarding_mailbox_successor (ivy) is to be given full access to; delete the leavers in a later run, without offboarding_mailbox_successor."
emulator clear_calls
playbook_fails ghost offboard.yml -e '{"offboarding_users": ["carol"], "offboarding_alias_successor": "ghost", "offboarding_mailbox_successor": "ghost"}'
expect_output ghost "$ALIAS_GHOST $MAILBOX_GHOST Nothing was changed."
playbook_fails self offboard.yml -e '{"offboarding_users": ["carol"], "offboarding_alias_successor": "carol", "offboarding_mailbox_successor": "carol"}'
expect_output self "$ALIAS_SELF $MAILBOX_SELF Nothing was changed."
playbook_fails ghost-plan offboard.yml --check --diff -e '{"offboarding_users": ["carol"], "offboarding_alias_successor": "ghost", "offboarding_mailbox_successor": "ivy", "offboarding_delete": true}'
expect_output ghost-plan "$DELETE_KEPT $ALIAS_GHOST Nothing was changed."
expect_no_output ghost-plan "now reaches ghost" "offboarding_mailbox_successor: ivy is"
emulator assert_no_writes
playbook verify-bob verify.yml -e verify_stage=bob

# 4. lee leaves; his mailbox stays open for carol, who gets full access to it and his alias.
# His password is reset first (never shown), his two tokens are revoked and his phone's
# override removed; the rerun changes nothing. The plan gives him as a string, which the
# argument spec's list type accepts: read as a list of one, not a loop over a string.
LEE='{"offboarding_users": "lee", "offboarding_alias_successor": "carol", "offboarding_mailbox_successor": "carol"}'
LEE_LINE="lee: password reset; left Project X; aliases moved to carol: l@offboarding.example.com; 2 personal access tokens revoked; mobile device overrides removed: ApplLEE1PHONE; mailbox kept enabled; full access given to carol"
# What the password lookup draws: 12 capitals, 12 small letters, 12 digits; it never shows.
DRAWN='[A-Z]{12}[a-z]{12}[0-9]{12}'
emulator clear_calls
playbook lee-plan offboard.yml --check --diff -e "$LEE"
expect_changed lee-plan some
expect_output lee-plan "Offboarding plan (check mode: nothing was changed) for integration-offboarding" "$LEE_LINE" '"password": "(reset)"'
expect_no_output lee-plan "l: not found"
emulator assert_no_writes
playbook lee offboard.yml --diff -e "$LEE"
expect_output lee "Offboarding result for integration-offboarding" "$LEE_LINE" '"password": "(reset)"'

emulator clear_calls
playbook lee-again offboard.yml --diff -e "$LEE"
expect_changed lee-again 0
expect_output lee-again "lee: unchanged (already offboarded)"
emulator assert_no_writes
for run in lee-plan lee lee-again; do
    if grep -qE -- "$DRAWN" "$LOGS/$run.log"; then
        echo "FAILED: $run: the output shows a drawn password" >&2
        exit 1
    fi
done

# 5. hank, given by his address, leaves; ivy takes over his addresses. Afterwards
# hank@ is one of ivy's aliases, nobody's primary address: reruns, with or without the
# successor, in check mode or not, find nothing to do and never take it for ivy.
HANK='{"offboarding_users": ["hank@offboarding.example.com"], "offboarding_alias_successor": "ivy"}'
HANK_ALONE='{"offboarding_users": ["hank@offboarding.example.com"], "offboarding_alias_successor": ""}'
HANK_LINE="hank: left crew; aliases moved to ivy: h@offboarding.example.com; mailbox disabled (WorkMail keeps it 30 days); hank@offboarding.example.com now reaches ivy"
HANK_DONE="hank@offboarding.example.com: not found as a primary address (it is an alias of ivy, the successor: already offboarded); nothing to do"
HANK_ALONE_DONE="hank@offboarding.example.com: not found as a primary address (it is an alias of ivy); nothing to do"
emulator clear_calls
playbook hank-plan offboard.yml --check --diff -e "$HANK"
expect_changed hank-plan some
expect_output hank-plan "$HANK_LINE"
emulator assert_no_writes
playbook hank offboard.yml -e "$HANK"
expect_output hank "Offboarding result for integration-offboarding" "$HANK_LINE"

emulator clear_calls
playbook hank-again-plan offboard.yml --check --diff -e "$HANK"
playbook hank-again offboard.yml --diff -e "$HANK"
playbook hank-alone-plan offboard.yml --check --diff -e "$HANK_ALONE"
playbook hank-alone offboard.yml --diff -e "$HANK_ALONE"
emulator assert_no_writes
for run in hank-again-plan hank-again; do
    expect_changed "$run" 0
    expect_output "$run" "$HANK_DONE"
done
for run in hank-alone-plan hank-alone; do
    expect_changed "$run" 0
    expect_output "$run" "$HANK_ALONE_DONE"
done
for run in hank-again-plan hank-again hank-alone-plan hank-alone; do
    expect_no_output "$run" "ivy:" "is one of the leavers"
done
playbook verify-hank verify.yml -e verify_stage=hank

# 6. jon, given by his address, leaves without a successor; his addresses are released,
# and reruns find nothing to do. In the same runs, the usual run 30 days after lee's,
# without the mailbox successor, disables lee's mailbox.
JON='{"offboarding_users": ["jon@offboarding.example.com", "lee"], "offboarding_alias_successor": ""}'
JON_LINE="jon: left crew; aliases removed: j@offboarding.example.com; mailbox disabled (WorkMail keeps it 30 days)"
JON_DONE="jon@offboarding.example.com: not found as a primary address (already offboarded, or never one); nothing to do"
LEE_LATER="lee: mailbox disabled (WorkMail keeps it 30 days)"
emulator clear_calls
playbook jon-plan offboard.yml --check --diff -e "$JON"
expect_changed jon-plan some
expect_output jon-plan "$JON_LINE" "$LEE_LATER"
emulator assert_no_writes
playbook jon offboard.yml -e "$JON"
expect_output jon "$JON_LINE" "$LEE_LATER"

emulator clear_calls
playbook jon-again-plan offboard.yml --check --diff -e "$JON"
playbook jon-again offboard.yml --diff -e "$JON"
emulator assert_no_writes
for run in jon-again-plan jon-again; do
    expect_changed "$run" 0
    expect_output "$run" "$JON_DONE" "lee: unchanged (already offboarded)"
done
playbook verify-jon verify.yml -e verify_stage=jon

# 7. kim leaves with her mailbox exported first (offboarding_export): the plan says so and
# starts nothing, the run exports then disables, the rerun changes nothing and exports nothing.
EXPORT_VARS="$LOGS/export-vars.json"
playbook export-setup export-setup.yml -e export_vars_file="$EXPORT_VARS"
KIM_DISABLED="; mailbox disabled (WorkMail keeps it 30 days)"
emulator clear_calls
playbook kim-plan offboard.yml --check --diff -e @"$EXPORT_VARS"
expect_changed kim-plan some
expect_output kim-plan "kim: mailbox exported$KIM_DISABLED"
emulator assert_no_writes
playbook kim offboard.yml -e @"$EXPORT_VARS"
expect_output kim "kim: mailbox exported to integration-offboarding-exports/offboarding/" "$KIM_DISABLED"
playbook verify-kim verify-export.yml -e export_vars_file="$EXPORT_VARS"
emulator clear_calls
playbook kim-again offboard.yml -e @"$EXPORT_VARS"
expect_changed kim-again 0
expect_output kim-again "kim: unchanged (already offboarded)"
emulator assert_no_writes
playbook export-restore export-setup.yml -e export_restore=true
