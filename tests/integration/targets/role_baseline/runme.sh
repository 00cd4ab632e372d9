#!/usr/bin/env bash
# mailops.workmail.baseline the way users run it: ansible-playbook with --check --diff on
# an empty account (the organization does not exist yet), then for real, reading the settings
# back in the same run (verify.yml), then again (changed=0); then a change; then an invalid tree
# that must fail before any write. No output of any run shows the EWS password.
source ../setup_role_tests/lib.sh
set -x

# The Region of the Route 53 client (route53 takes no region option for it).
export AWS_DEFAULT_REGION=us-east-1
EWS_PASSWORD="$(sed -n 's/^    baseline_ews_password: //p' baseline.yml)"
test -n "$EWS_PASSWORD"

emulator reset

# 1. The plan for a new organization: every task plans, nothing is written.
emulator clear_calls
playbook plan baseline.yml --check --diff
expect_changed plan some
expect_output plan "Baseline plan (check mode: nothing was changed) of integration-baseline" \
    "organization: to be created" "access control rules: legacy-access-from-office-only" \
    "retention policy: default-retention" "mobile device access rules: no-unmanaged-android" \
    "availability configurations: partner.example.com (ews), legacy.example.com (lambda)" \
    "email monitoring: on, log group arn:aws:logs:us-east-1:123456789012:log-group:/workmail/integration-baseline:*" \
    "inbound DMARC: enforced" \
    "identity provider: IAM Identity Center (identity_provider_and_directory), personal access tokens enabled, valid 30 days" \
    '"ews_password": "(set)"'
emulator assert_no_writes

# 2. Apply (at -vvv, with the diff: the EWS password is sent, and must not show), and read the
# settings back.
playbook apply baseline.yml verify.yml -e baseline_first_apply=true -vvv --diff
expect_changed apply some
expect_output apply "mail domain baseline.example.com: ownership VERIFIED, DKIM VERIFIED, the default" '"ews_password": "(set)"'

# 3. Again: nothing to change, nothing written.
emulator clear_calls
playbook again baseline.yml --diff
expect_changed again 0
expect_output again "availability configurations: partner.example.com (ews), legacy.example.com (lambda)"
emulator assert_no_writes

# 4. A change, previewed then applied (and read back), then stable.
emulator clear_calls
playbook change-plan baseline.yml -e baseline_change=true --check --diff
expect_changed change-plan 3
expect_output change-plan '"Pixel 9"'
emulator assert_no_writes
playbook change baseline.yml verify.yml -e baseline_change=true -e verify_change=true
expect_changed change 3
emulator clear_calls
playbook change-again baseline.yml -e baseline_change=true
expect_changed change-again 0
emulator assert_no_writes

# 5. A tree that contradicts itself (two default domains, a rule name twice, a domain twice and
# one with both providers, DMARC without enforced, an application by ARN and by name): each
# variable is named, and nothing is written.
playbook_fails bad-input baseline.yml -e baseline_change=true -e '{
    "baseline_mail_domains": [{"name": "baseline.example.com", "default": true}, {"name": "integration-baseline.awsapps.com", "default": true}],
    "baseline_mobile_device_access_rules": [{"name": "no-old-ios"}, {"name": "No-Old-iOS"}, {"name": "no-old-ios"}],
    "baseline_availability_configurations": [
        {"domain_name": "partner.example.com", "lambda_provider": {"lambda_arn": "arn:aws:lambda:us-east-1:123456789012:function:a"}},
        {"domain_name": "Partner.Example.com", "lambda_provider": {"lambda_arn": "arn:aws:lambda:us-east-1:123456789012:function:b"}},
        {"domain_name": "legacy.example.com", "lambda_provider": {"lambda_arn": "arn:aws:lambda:us-east-1:123456789012:function:c"},
         "ews_provider": {"endpoint": "https://127.0.0.1/EWS/Exchange.asmx", "username": "freebusy@legacy.example.com"}}],
    "baseline_inbound_dmarc": {"enforced": null},
    "baseline_identity_provider": {"identity_center": {"application_arn": "arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-0123456789abcdef",
                                                       "application_name": "integration-baseline"}}}'
expect_output bad-input \
    "baseline_mail_domains: only one domain can be the default, but these have default true: baseline.example.com, integration-baseline.awsapps.com" \
    "baseline_mobile_device_access_rules: a rule is found by its name, but these names are given more than once: no-old-ios. Nothing was changed." \
    "baseline_availability_configurations: a domain has one configuration, but these domains are given more than once: partner.example.com; a configuration has one provider, ews_provider or lambda_provider, but these have both: legacy.example.com. Nothing was changed." \
    "baseline_inbound_dmarc: enforced must be true or false (or leave the variable empty to leave the setting as it is). Nothing was changed." \
    "baseline_identity_provider: identity_center takes application_arn or application_name, not both. Nothing was changed."
emulator assert_no_writes

# 6. The EWS password shows in no output: plan, apply at -vvv, diffs, reports, failures.
set +x
for log in "$LOGS"/*.log; do
    expect_no_output "$(basename "$log" .log)" "$EWS_PASSWORD"
done
echo "The EWS password is in none of the outputs."
