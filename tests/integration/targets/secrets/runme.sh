#!/usr/bin/env bash
# No password ever shows. Passwords are set through the user module, the directory module, the
# availability_configuration module (its EWS password) and the onboarding role (from its CSV file and its variables), reset with update_password=always,
# planned in check mode, refused by the policy and carried by failing tasks, all with
# ansible-playbook -vvv --diff. Then the output of every run, every registered result and the
# emulator's call log are searched for every password: none may appear.
source ../setup_role_tests/lib.sh

PASSWORDS="$(sed -n 's/^  [a-z_]*: //p' passwords.yml)"
RESULTS="$LOGS/secrets-results"
mkdir -p "$RESULTS"
set -x

emulator reset
playbook setup setup.yml

# 1. The user and directory modules: every scenario, checked by the playbook's own asserts.
playbook modules modules.yml -vvv --diff -e secrets_results_file="$RESULTS/modules.json"
expect_output modules '"password": "(set)"' '"password": "(reset)"' '"ews_password": "(set)"' '"ews_password": "(reset)"'
# At -vvv a failed task shows what it was given: the passwords masked, in nested options too.
expect_output modules '"password": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"'

# 2. The onboarding role: planned, applied, applied again (update_password=always resets).
playbook onboard-plan onboard.yml -vvv --check --diff -e secrets_results_file="$RESULTS/onboard-plan.json"
expect_output onboard-plan "3 created, 0 changed, 0 unchanged"
playbook onboard onboard.yml -vvv --diff -e secrets_results_file="$RESULTS/onboard.json"
expect_output onboard "3 created, 0 changed, 0 unchanged"
playbook onboard-again onboard.yml -vvv --diff -e secrets_results_file="$RESULTS/onboard-again.json"
expect_output onboard-again "1 unchanged" '"password": "(reset)"'

# The passwords were sent, and the call log records none.
playbook calls calls.yml -e secrets_calls_file="$RESULTS/calls.json"
for operation in CreateUser ResetPassword CreateAvailabilityConfiguration UpdateAvailabilityConfiguration; do
    if ! grep -q "\"operation\": \"$operation\"" "$RESULTS/calls.json"; then
        echo "FAILED: the call log has no $operation: the passwords were not sent" >&2
        exit 1
    fi
done

# 3. The role refuses a password the policy refuses, and one given as a list, before any write.
emulator clear_calls
playbook_fails onboard-refused onboard.yml -vvv --diff -e secrets_scenario=refused -e secrets_results_file="$RESULTS/unused.json"
expect_output onboard-refused "option 'password': does not mix enough kinds of characters"
playbook_fails onboard-list onboard.yml -vvv --diff -e secrets_scenario=list -e secrets_results_file="$RESULTS/unused.json"
expect_output onboard-list "option 'password': must be a string"
emulator assert_no_writes
playbook calls-refused calls.yml -e secrets_calls_file="$RESULTS/calls-refused.json"

# 4. No password anywhere: the output of every run, the registered results, the call log.
set +x
leaks=0
while IFS= read -r password; do
    [ -n "$password" ] || continue
    for file in "$LOGS"/*.log "$RESULTS"/*.json; do
        if grep -qF -- "$password" "$file"; then
            echo "FAILED: a password shows in $file:" >&2
            grep -nF -- "$password" "$file" | sed "s/$password/<the password>/g" >&2
            leaks=$((leaks + 1))
        fi
    done
done <<<"$PASSWORDS"
if [ "$leaks" -ne 0 ]; then
    exit 1
fi
searched=("$LOGS"/*.log "$RESULTS"/*.json)
echo "No password in the ${#searched[@]} files of output, results and call log."
