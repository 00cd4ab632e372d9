# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Access control rules against the in-process emulator: upsert, whole-rule puts, the limit."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.module_utils import access_control
from ansible_collections.mailops.workmail.plugins.module_utils.access_control import ACCESS_CONTROL_RULE
from ansible_collections.mailops.workmail.plugins.module_utils.api import WorkMailAPI
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Context
from ansible_collections.mailops.workmail.plugins.module_utils.engine import reconcile
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError

pytest_plugins = ["workmail_emulator.pytest_plugin"]


@pytest.fixture
def org(workmail_client, workmail_org):
    """The organization with two enabled users (jdoe, omar) and a role (archiver); IDs by name."""
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    ids = {"org": workmail_org}
    for name in ("jdoe", "omar"):
        ids[name] = workmail_client.create_user(OrganizationId=workmail_org, Name=name, DisplayName=name)["UserId"]
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=ids[name], Email=name + "@example.com")
    ids["archiver"] = workmail_client.create_impersonation_role(OrganizationId=workmail_org, Name="archiver", Type="READ_ONLY", Rules=[])[
        "ImpersonationRoleId"
    ]
    workmail_emulator.clear_calls()
    return ids


def context(client, organization_id, check_mode=False):
    return Context(WorkMailAPI(client), organization_id, check_mode)


def writes():
    return [c for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def stored(client, organization_id, name):
    return next(r for r in client.list_access_control_rules(OrganizationId=organization_id)["Rules"] if r["Name"] == name)


@pytest.mark.parametrize(
    "given, expected",
    [("10.1.2.3/8", "10.0.0.0/8"), (" 192.0.2.0/24 ", "192.0.2.0/24"), ("192.0.2.7", "192.0.2.7/32"), ("0.0.0.0/0", "0.0.0.0/0")],
)
def test_ranges_are_normalised(given, expected):
    assert access_control.canonical_range("ip_ranges", given) == expected


@pytest.mark.parametrize("given, fragment", [("2001:db8::/32", "IPv4 ranges only"), ("10.0.0.0/33", "CIDR"), ("office", "CIDR")])
def test_bad_ranges_fail_naming_the_option(given, fragment):
    with pytest.raises(ParameterError) as caught:
        access_control.canonical_range("not_ip_ranges", given)
    assert caught.value.option == "not_ip_ranges"
    assert fragment in str(caught.value)


def test_actions_take_any_case_and_unknown_ones_fail():
    assert access_control.canonical_action("actions", "imap") == "IMAP"
    assert access_control.canonical_action("actions", "windowsoutlook") == "WindowsOutlook"
    with pytest.raises(ParameterError, match="not_actions: 'POP3' is not one of ActiveSync"):
        access_control.canonical_action("not_actions", "POP3")


def test_the_limit_comes_from_the_service_model():
    assert access_control.rule_limit() == 10


def test_create_stores_ids_and_a_rerun_writes_nothing(workmail_client, org):
    desired = dict(
        name="deny-imap",
        effect="deny",
        actions=["imap", "SMTP"],
        not_ip_ranges=["10.1.2.3/8"],
        users=["jdoe", "omar@example.com", org["jdoe"]],
        impersonation_roles=["archiver"],
    )
    ctx = context(workmail_client, org["org"])

    outcome = reconcile(ctx, ACCESS_CONTROL_RULE, desired)

    assert outcome.changed is True
    assert outcome.before == {}
    rule = stored(workmail_client, org["org"], "deny-imap")
    assert rule["Description"] == "deny-imap"
    assert sorted(rule["UserIds"]) == sorted([org["jdoe"], org["omar"]])
    assert rule["ImpersonationRoleIds"] == [org["archiver"]]
    assert rule["NotIpRanges"] == ["10.0.0.0/8"]
    assert outcome.after["actions"] == ["IMAP", "SMTP"]
    assert [c["operation"] for c in writes()] == ["PutAccessControlRule"]

    workmail_emulator.clear_calls()
    reordered = dict(desired, actions=["smtp", "IMAP", "imap"], users=["omar", "jdoe@example.com"], impersonation_roles=[org["archiver"]])
    again = reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, reordered)
    assert again.changed is False
    assert writes() == []


def test_an_update_sends_the_whole_rule_and_unset_options_stay(workmail_client, org):
    reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1", effect="deny", actions=["IMAP"], ip_ranges=["192.0.2.0/24"]))
    workmail_emulator.clear_calls()

    outcome = reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1", description="IMAP from the lab"))

    assert outcome.changed is True
    assert outcome.before["description"] == "r1"
    put = writes()[0]["request"]
    assert (put["Effect"], put["Actions"], put["IpRanges"], put["Description"]) == ("DENY", ["IMAP"], ["192.0.2.0/24"], "IMAP from the lab")
    assert outcome.after["actions"] == ["IMAP"]


def test_an_empty_list_clears_a_condition(workmail_client, org):
    reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1", effect="deny", actions=["IMAP"], users=["jdoe"]))

    outcome = reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1", users=[]))

    assert outcome.changed is True
    assert stored(workmail_client, org["org"], "r1")["UserIds"] == []
    assert stored(workmail_client, org["org"], "r1")["Actions"] == ["IMAP"]


def test_effect_is_needed_to_create_and_description_cannot_be_empty(workmail_client, org):
    with pytest.raises(ParameterError, match="^effect: is required to create"):
        reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1", actions=["IMAP"]))
    with pytest.raises(ParameterError, match="^description: cannot be empty"):
        reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1", effect="allow", description=""))
    with pytest.raises(ParameterError, match="^name: "):
        reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="no spaces", effect="allow"))
    assert writes() == []


def test_too_many_users_fail_before_any_call(workmail_client, org):
    with pytest.raises(ParameterError, match="^users: must have at most 10 items"):
        reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1", effect="deny", users=["u%d" % i for i in range(11)]))
    assert workmail_emulator.calls() == []


def test_unknown_users_and_roles_fail_naming_the_option(workmail_client, org):
    with pytest.raises(WorkMailError, match="^not_users: not found .*: ghost"):
        reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1", effect="deny", not_users=["jdoe", "ghost"]))
    with pytest.raises(WorkMailError, match="^impersonation_roles: no impersonation role has the name or ID 'ghost'"):
        reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1", effect="deny", impersonation_roles=["ghost"]))
    assert writes() == []


def test_check_mode_plans_unknown_users_and_writes_nothing(workmail_client, org):
    ctx = context(workmail_client, org["org"], check_mode=True)

    outcome = reconcile(ctx, ACCESS_CONTROL_RULE, dict(name="r1", effect="deny", users=["jdoe", "newhire"], impersonation_roles=["later"]))

    assert outcome.changed is True
    assert outcome.after["users"] == [org["jdoe"], "newhire"]
    assert outcome.after["impersonation_roles"] == ["later"]
    assert outcome.after["description"] == "r1"
    assert outcome.after["date_created"] is None
    assert any("newhire" in w for w in ctx.warnings) and any("later" in w for w in ctx.warnings)
    assert writes() == []


def test_check_mode_without_the_organization_predicts_a_create(workmail_client, org):
    ctx = context(workmail_client, None, check_mode=True)

    outcome = reconcile(ctx, ACCESS_CONTROL_RULE, dict(name="r1", effect="allow", ip_ranges=["192.0.2.1/24"], users=["jdoe"]))

    assert outcome.changed is True
    assert (outcome.after["ip_ranges"], outcome.after["users"]) == (["192.0.2.0/24"], ["jdoe"])
    assert writes() == []


def test_the_eleventh_rule_fails_before_any_write(workmail_client, org):
    # The organization's default rule counts: nine more make ten.
    for i in range(9):
        workmail_client.put_access_control_rule(OrganizationId=org["org"], Name="rule%d" % i, Effect="ALLOW", Description="d")
    workmail_emulator.clear_calls()

    with pytest.raises(WorkMailError) as caught:
        reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="one-more", effect="deny"))
    assert "already has 10 access control rules (default, rule0, rule1" in str(caught.value)
    assert "before adding 'one-more'" in str(caught.value)
    assert writes() == []

    check = context(workmail_client, org["org"], check_mode=True)
    assert reconcile(check, ACCESS_CONTROL_RULE, dict(name="one-more", effect="deny")).changed is True
    assert any("already has 10" in w for w in check.warnings)

    # An existing rule can still change at the limit.
    assert reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="rule3", effect="deny")).changed is True


def test_absent_deletes_and_a_missing_rule_is_no_change(workmail_client, org):
    reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1", effect="deny"))
    workmail_emulator.clear_calls()

    gone = reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1"), state="absent")

    assert (gone.changed, gone.before["effect"], gone.after) == (True, "deny", {})
    assert [c["operation"] for c in writes()] == ["DeleteAccessControlRule"]
    assert [r["Name"] for r in workmail_client.list_access_control_rules(OrganizationId=org["org"])["Rules"]] == ["default"]
    assert reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1"), state="absent").changed is False


def test_a_rule_set_elsewhere_with_host_bits_compares_equal(workmail_client, org):
    workmail_client.put_access_control_rule(
        OrganizationId=org["org"], Name="console", Effect="DENY", Description="console", IpRanges=["10.1.2.3/8"], Actions=["IMAP"]
    )
    workmail_emulator.clear_calls()

    outcome = reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="console", ip_ranges=["10.0.0.0/8"]))

    assert outcome.changed is False
    assert outcome.after["ip_ranges"] == ["10.0.0.0/8"]
    assert writes() == []


def test_evaluate_user_requests(workmail_client, org):
    ctx = context(workmail_client, org["org"])
    reconcile(ctx, ACCESS_CONTROL_RULE, dict(name="deny-imap-outside", effect="deny", actions=["IMAP"], not_ip_ranges=["192.0.2.0/24"]))

    outside = access_control.evaluate(ctx, "203.0.113.9", "imap", user="jdoe@example.com")
    inside = access_control.evaluate(ctx, "192.0.2.10", "IMAP", user=org["jdoe"])

    assert outside == {"effect": "deny", "matched_rules": ["default", "deny-imap-outside"]}
    assert inside == {"effect": "allow", "matched_rules": ["default"]}
    requests = [c["request"] for c in workmail_emulator.calls() if c["operation"] == "GetAccessControlEffect"]
    assert [r["UserId"] for r in requests] == [org["jdoe"], org["jdoe"]]


def test_evaluate_impersonation_requests(workmail_client, org):
    ctx = context(workmail_client, org["org"])
    reconcile(ctx, ACCESS_CONTROL_RULE, dict(name="archiver-lab", effect="deny", impersonation_roles=["archiver"], not_ip_ranges=["192.0.2.0/24"]))

    assert access_control.evaluate(ctx, "203.0.113.9", "EWS", impersonation_role="archiver")["effect"] == "deny"
    assert access_control.evaluate(ctx, "192.0.2.9", "ews", impersonation_role=org["archiver"])["effect"] == "allow"
    with pytest.raises(ParameterError, match="^action: must be EWS"):
        access_control.evaluate(ctx, "192.0.2.9", "IMAP", impersonation_role="archiver")


@pytest.mark.parametrize(
    "args, message",
    [
        (dict(ip_address="192.0.2.300", action="IMAP", user="jdoe"), "^ip_address: '192.0.2.300' is not an IP address"),
        (dict(ip_address="2001:db8::1", action="IMAP", user="jdoe"), "^ip_address: .*IPv4"),
        (dict(ip_address="192.0.2.1", action="POP3", user="jdoe"), "^action: 'POP3' is not one of"),
        (dict(ip_address="192.0.2.1", action="IMAP"), "^user: give a user or an impersonation_role"),
    ],
)
def test_evaluate_rejects_bad_input(workmail_client, org, args, message):
    with pytest.raises(ParameterError, match=message):
        access_control.evaluate(context(workmail_client, org["org"]), **args)


def test_evaluate_in_check_mode_with_an_unknown_user_says_nothing(workmail_client, org):
    ctx = context(workmail_client, org["org"], check_mode=True)

    assert access_control.evaluate(ctx, "192.0.2.1", "IMAP", user="newhire") == {"effect": None, "matched_rules": []}
    assert access_control.evaluate(context(workmail_client, None, check_mode=True), "192.0.2.1", "IMAP", user="jdoe")["effect"] is None
    with pytest.raises(WorkMailError, match="^user: not found"):
        access_control.evaluate(context(workmail_client, org["org"]), "192.0.2.1", "IMAP", user="newhire")


def test_describe_rules_lists_every_rule_in_module_shape(workmail_client, org):
    ctx = context(workmail_client, org["org"])
    reconcile(ctx, ACCESS_CONTROL_RULE, dict(name="b-rule", effect="deny", actions=["IMAP"]))
    reconcile(ctx, ACCESS_CONTROL_RULE, dict(name="a-rule", effect="allow", users=["omar"]))

    rules = access_control.describe_rules(ctx)

    assert [r["name"] for r in rules] == ["default", "b-rule", "a-rule"]
    assert rules[2]["users"] == [org["omar"]]
    assert set(rules[1]) == set(f.option for f in ACCESS_CONTROL_RULE.fields)
    assert access_control.describe_rules(context(workmail_client, None, check_mode=True)) == []


def blocked(name):
    return (
        "deleting {0!r} leaves no access control rule that allows access: WorkMail then blocks all access to the "
        "organization's mailboxes (a request no rule allows is denied)".format(name)
    )


def delete(client, organization_id, name, check_mode=False):
    """Delete rule ``name`` and return the warnings."""
    ctx = context(client, organization_id, check_mode=check_mode)
    assert reconcile(ctx, ACCESS_CONTROL_RULE, dict(name=name), state="absent").changed is True
    return ctx.warnings


def test_deleting_the_last_rule_that_allows_access_warns(workmail_client, org):
    reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r1", effect="allow"))
    reconcile(context(workmail_client, org["org"]), ACCESS_CONTROL_RULE, dict(name="r2", effect="deny", actions=["IMAP"]))
    workmail_emulator.clear_calls()

    # r1 still allows access.
    assert delete(workmail_client, org["org"], "default") == []
    # Only r2, a deny rule, would be left.
    assert delete(workmail_client, org["org"], "r1", check_mode=True) == [blocked("r1")]
    assert [c["operation"] for c in writes()] == ["DeleteAccessControlRule"]
    assert delete(workmail_client, org["org"], "r2") == []
    # The last rule of all.
    assert delete(workmail_client, org["org"], "r1") == [blocked("r1")]
    assert workmail_client.list_access_control_rules(OrganizationId=org["org"])["Rules"] == []
    assert access_control.evaluate(context(workmail_client, org["org"]), "192.0.2.10", "IMAP", user="jdoe") == {"effect": "deny", "matched_rules": []}
