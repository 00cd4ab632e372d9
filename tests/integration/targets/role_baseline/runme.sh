#!/usr/bin/env bash
# mailops.workmail.baseline the way users run it: ansible-playbook with --check --diff on
# an empty account (the organization does not exist yet), then for real, then again
# (changed=0), reading the settings back; then a change; then an invalid tree that must
# fail before any write.
source ../setup_role_tests/lib.sh
set -x

# The Region of the Route 53 client (route53 takes no region option for it).
export AWS_DEFAULT_REGION=us-east-1

emulator reset

# 1. The plan for a new organization: every task plans, nothing is written.
emulator clear_calls
playbook plan baseline.yml --check --diff
expect_changed plan some
expect_output plan "Baseline plan (check mode: nothing was changed) of integration-baseline" \
    "organization: to be created" "access control rules: legacy-access-from-office-only" \
    "retention policy: default-retention"
emulator assert_no_writes

# 2. Apply, and read the settings back.
playbook apply baseline.yml
expect_changed apply some
expect_output apply "mail domain baseline.example.com: ownership VERIFIED, DKIM VERIFIED, the default"
playbook verify verify.yml

# 3. Again: nothing to change, nothing written.
emulator clear_calls
playbook again baseline.yml --diff
expect_changed again 0
emulator assert_no_writes

# 4. A change, previewed then applied, then stable.
emulator clear_calls
playbook change-plan baseline.yml -e baseline_change=true --check --diff
expect_changed change-plan 2
emulator assert_no_writes
playbook change baseline.yml -e baseline_change=true
expect_changed change 2
playbook verify-change verify.yml -e verify_change=true
emulator clear_calls
playbook change-again baseline.yml -e baseline_change=true
expect_changed change-again 0
emulator assert_no_writes

# 5. Two default domains: refused before any write.
playbook_fails two-defaults baseline.yml -e baseline_change=true \
    -e '{"baseline_mail_domains": [{"name": "baseline.example.com", "default": true}, {"name": "integration-baseline.awsapps.com", "default": true}]}'
expect_output two-defaults "baseline_mail_domains: only one domain can be the default, but these have default true: baseline.example.com, integration-baseline.awsapps.com"
emulator assert_no_writes
