# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import access_control_rule
from ansible_collections.mailops.workmail.plugins.modules import access_control_rule_info

# The rule WorkMail gives every new organization (the emulator calls it "default").
DEFAULT_RULE = "default"


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    user_id = workmail_client.create_user(OrganizationId=workmail_org, Name="jdoe", DisplayName="Jane")["UserId"]
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email="jdoe@example.com")
    workmail_emulator.clear_calls()
    return {"org": workmail_org, "jdoe": user_id}


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def deny_imap(**extra):
    return dict(
        dict(organization="example-corp", name="deny-imap-outside", effect="deny", actions=["IMAP"], not_ip_ranges=["192.0.2.0/24"], users=["jdoe"]),
        **extra
    )


def stored(client, organization_id):
    return client.list_access_control_rules(OrganizationId=organization_id)["Rules"]


def test_create_then_rerun(run_module, workmail_client, org):
    created = run_module(access_control_rule, deny_imap(), diff=True)

    assert created["changed"] is True
    assert created["access_control_rule"]["users"] == [org["jdoe"]]
    assert created["access_control_rule"]["description"] == "deny-imap-outside"
    assert created["diff"]["before"] == {}
    assert created["diff"]["after"]["not_ip_ranges"] == ["192.0.2.0/24"]
    assert [r["Name"] for r in stored(workmail_client, org["org"])] == [DEFAULT_RULE, "deny-imap-outside"]
    assert writes() == ["PutAccessControlRule"]

    workmail_emulator.clear_calls()
    again = run_module(access_control_rule, deny_imap(users=["jdoe@example.com"], actions=["imap"]))
    assert again["changed"] is False
    assert writes() == []


def test_check_mode_shows_drift_and_writes_nothing(run_module, workmail_client, org):
    run_module(access_control_rule, deny_imap())
    # A change made in the console: the office range widened.
    workmail_client.put_access_control_rule(
        OrganizationId=org["org"], Name="deny-imap-outside", Effect="DENY", Description="deny-imap-outside",
        Actions=["IMAP"], NotIpRanges=["192.0.2.0/24", "0.0.0.0/0"], UserIds=[org["jdoe"]],
    )
    workmail_emulator.clear_calls()

    drift = run_module(access_control_rule, deny_imap(), check_mode=True, diff=True)

    assert drift["changed"] is True
    assert drift["diff"]["before"]["not_ip_ranges"] == ["192.0.2.0/24", "0.0.0.0/0"]
    assert drift["diff"]["after"]["not_ip_ranges"] == ["192.0.2.0/24"]
    assert writes() == []

    converged = run_module(access_control_rule, deny_imap())
    assert converged["changed"] is True
    assert stored(workmail_client, org["org"])[1]["NotIpRanges"] == ["192.0.2.0/24"]


@pytest.mark.parametrize(
    "args, message",
    [
        (dict(ip_ranges=["2001:db8::/32"]), "ip_ranges: '2001:db8::/32': WorkMail access control rules take IPv4 ranges only"),
        (dict(actions=["POP3"]), "actions: 'POP3' is not one of ActiveSync"),
        (dict(users=["ghost"]), "users: not found in organization"),
        (dict(name="deny imap"), "name: 'deny imap' is not valid: it must"),
        (dict(description=""), "description: cannot be empty"),
    ],
)
def test_bad_input_fails_naming_the_option_before_any_write(run_module, org, args, message):
    result = run_module(access_control_rule, deny_imap(**args))

    assert result.failed
    assert result["msg"].startswith(message)
    assert writes() == []


def test_the_rule_limit_is_reported_before_the_write(run_module, workmail_client, org):
    # The default rule counts: nine more make ten.
    for i in range(9):
        workmail_client.put_access_control_rule(OrganizationId=org["org"], Name="rule%d" % i, Effect="ALLOW", Description="d")
    workmail_emulator.clear_calls()

    result = run_module(access_control_rule, deny_imap())

    assert result.failed
    assert result["msg"].startswith("name: the organization already has 10 access control rules")
    assert result["error_code"] == "LimitExceededException"
    assert DEFAULT_RULE in result["msg"]
    assert writes() == []


def test_absent(run_module, workmail_client, org):
    run_module(access_control_rule, deny_imap())

    gone = run_module(access_control_rule, dict(organization="example-corp", name="deny-imap-outside", state="absent"), diff=True)

    assert gone["changed"] is True
    assert gone.warnings == []
    assert gone["access_control_rule"] == {}
    assert gone["diff"]["before"]["effect"] == "deny"
    assert [r["Name"] for r in stored(workmail_client, org["org"])] == [DEFAULT_RULE]
    assert run_module(access_control_rule, dict(organization="example-corp", name="deny-imap-outside", state="absent"))["changed"] is False


def may_jdoe_use_imap(run_module):
    return run_module(access_control_rule_info, dict(organization="example-corp", ip_address="192.0.2.5", action="IMAP", user="jdoe"))["effect"]


BLOCKED = (
    "deleting 'default' leaves no access control rule that allows access: WorkMail then blocks all access to the "
    "organization's mailboxes (a request no rule allows is denied)"
)


def test_deleting_the_last_rule_warns_that_all_access_is_blocked(run_module, workmail_client, org):
    assert may_jdoe_use_imap(run_module) == "allow"
    delete_default = dict(organization="example-corp", name=DEFAULT_RULE, state="absent")

    planned = run_module(access_control_rule, delete_default, check_mode=True)
    assert planned["changed"] is True
    assert planned.warnings == [BLOCKED]
    assert writes() == []

    deleted = run_module(access_control_rule, delete_default)
    assert deleted["changed"] is True
    assert deleted.warnings == [BLOCKED]
    assert stored(workmail_client, org["org"]) == []
    assert may_jdoe_use_imap(run_module) == "deny"


def test_deleting_the_last_allow_rule_warns_too(run_module, workmail_client, org):
    run_module(access_control_rule, deny_imap())

    deleted = run_module(access_control_rule, dict(organization="example-corp", name=DEFAULT_RULE, state="absent"))

    assert deleted.warnings == [BLOCKED]
    assert [r["Name"] for r in stored(workmail_client, org["org"])] == ["deny-imap-outside"]
    # Not matched by the deny rule (from the office), and yet denied: no rule allows it.
    assert may_jdoe_use_imap(run_module) == "deny"


def test_check_mode_plans_when_the_organization_does_not_exist_yet(run_module, org):
    result = run_module(access_control_rule, deny_imap(organization="new-corp"), check_mode=True)

    assert result["changed"] is True
    assert result["access_control_rule"]["users"] == ["jdoe"]
    assert any("new-corp" in w for w in result.warnings)
    assert writes() == []
