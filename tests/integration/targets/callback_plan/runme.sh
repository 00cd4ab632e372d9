#!/usr/bin/env bash
# The mailops.workmail.plan callback as a pipeline runs it: a fresh setup planned with
# --check (summary, Markdown and JSON, IAM policy), applied, applied again; then the same plan
# with a typo in a member's name and in an organization alias, which the strict plan fails on.
# verify.yml checks each phase's files against the emulator's call log.
source ../setup_role_tests/lib.sh
set -x

export ANSIBLE_CALLBACKS_ENABLED=mailops.workmail.plan
unset WORKMAIL_PLAN_FILE WORKMAIL_IAM_POLICY_FILE WORKMAIL_PLAN_STRICT

# run PHASE ARGS...: setup.yml with the callback writing $LOGS/PHASE.md, .json and -policy.json.
run() {
    local phase="$1"
    shift
    WORKMAIL_PLAN_FILE="$LOGS/$phase.md" WORKMAIL_IAM_POLICY_FILE="$LOGS/$phase-policy.json" playbook "$phase" setup.yml "$@"
}

verify() {
    playbook "verify-$1" verify.yml -e callback_phase="$1"
}

emulator reset

# 1. The plan: strict, and it has no error.
emulator clear_calls
WORKMAIL_PLAN_STRICT=1 run plan --check --diff
expect_output plan "WORKMAIL PLAN" "membership             3 to create, 0 to change, 0 to remove" \
    "Plan written to $LOGS/plan.md and $LOGS/plan.json" "IAM policy ("
expect_no_output plan "PLAN ERROR"
verify plan

# 2. The apply: what the plan said, and a policy that is exactly what it called.
emulator clear_calls
run apply
expect_output apply "WORKMAIL CHANGES" "user                   2 created, 0 changed, 0 removed"
verify apply

# 3. Again: nothing changed, a read-only policy.
emulator clear_calls
run again
expect_changed again 0
expect_output again "no change made"
verify again

# 4. Typos on a fresh account: without strict the run lists them and succeeds ...
emulator reset
run typo --check -e callback_member=jdeo -e callback_alias_organization=integraton-callback
expect_output typo "PLAN ERROR: Ensure Jane is in finance: user or group 'jdeo' in organization 'integration-callback'" \
    "PLAN ERROR: Ensure Jane's alias: organization 'integraton-callback' is assumed to be created by an earlier task"
verify typo

# ... and with strict the run fails, after writing its summary and files, and sends no write.
emulator clear_calls
rm -f "$LOGS/typo.json"
WORKMAIL_PLAN_STRICT=1 WORKMAIL_PLAN_FILE="$LOGS/typo.md" WORKMAIL_IAM_POLICY_FILE="$LOGS/typo-policy.json" \
    playbook_fails strict setup.yml --check -e callback_member=jdeo -e callback_alias_organization=integraton-callback
expect_output strict "mailops.workmail.plan: the strict plan has 2 error(s)"
verify typo
emulator assert_no_writes
