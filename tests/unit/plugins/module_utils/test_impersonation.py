# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Impersonation roles against the in-process emulator: found by name, rule IDs from rule names."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.module_utils import impersonation
from ansible_collections.mailops.workmail.plugins.module_utils.api import WorkMailAPI
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Context
from ansible_collections.mailops.workmail.plugins.module_utils.engine import reconcile
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError
from ansible_collections.mailops.workmail.plugins.module_utils.impersonation import IMPERSONATION_ROLE

pytest_plugins = ["workmail_emulator.pytest_plugin"]


@pytest.fixture
def org(workmail_client, workmail_org):
    """The organization with three enabled users; their IDs by name."""
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    ids = {"org": workmail_org}
    for name in ("jdoe", "omar", "ceo"):
        ids[name] = workmail_client.create_user(OrganizationId=workmail_org, Name=name, DisplayName=name)["UserId"]
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=ids[name], Email=name + "@example.com")
    workmail_emulator.clear_calls()
    return ids


def context(client, organization_id, check_mode=False):
    return Context(WorkMailAPI(client), organization_id, check_mode)


def writes():
    return [c for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def rule(name, effect="allow", **extra):
    return dict(dict(name=name, effect=effect, description=None, target_users=None, not_target_users=None), **extra)


def archiver(**extra):
    return dict(dict(name="archiver", type="read_only", rules=[rule("everyone", not_target_users=["ceo@example.com"])]), **extra)


def stored_roles(client, organization_id):
    return [
        client.get_impersonation_role(OrganizationId=organization_id, ImpersonationRoleId=r["ImpersonationRoleId"])
        for r in client.list_impersonation_roles(OrganizationId=organization_id)["Roles"]
    ]


@pytest.mark.parametrize("name", ["everyone", "Allow_all-2", "x" * 64])
def test_a_name_that_is_a_valid_id_is_its_own_rule_id(name):
    assert impersonation.rule_id(name) == name


@pytest.mark.parametrize("name", ["Migration wave 1", "élan", "x" * 65, "<<>>", "a b"])
def test_other_names_get_a_stable_slug_with_a_digest(name):
    derived = impersonation.rule_id(name)
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", derived)
    assert derived == impersonation.rule_id(name)
    assert derived != impersonation.rule_id(name + " ")


def test_names_that_slug_alike_get_different_ids():
    assert len(set(impersonation.rule_id(n) for n in ("a b", "a-b", "a  b", "a_b"))) == 4


def test_create_stores_user_ids_and_a_rerun_writes_nothing(workmail_client, org):
    outcome = reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, archiver(description="Journal"))

    assert outcome.changed is True
    assert outcome.after["rules"] == [
        {"id": "everyone", "name": "everyone", "effect": "allow", "description": None, "target_users": [], "not_target_users": [org["ceo"]]}
    ]
    role = stored_roles(workmail_client, org["org"])[0]
    assert (role["Name"], role["Type"], role["Description"]) == ("archiver", "READ_ONLY", "Journal")
    create = writes()[0]["request"]
    assert create["ClientToken"]
    assert create["Rules"] == [{"ImpersonationRuleId": "everyone", "Name": "everyone", "Effect": "ALLOW", "NotTargetUsers": [org["ceo"]]}]

    workmail_emulator.clear_calls()
    again = reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, archiver(rules=[rule("everyone", not_target_users=["ceo"])]))
    assert again.changed is False
    assert writes() == []


def test_rules_compare_regardless_of_order(workmail_client, org):
    rules = [rule("Wave 1", target_users=["jdoe", "omar"]), rule("no ceo", "deny", target_users=["ceo"])]
    reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, dict(name="migration", type="full_access", rules=rules))
    workmail_emulator.clear_calls()

    swapped = [rule("no ceo", "deny", target_users=[org["ceo"]]), rule("Wave 1", target_users=["omar@example.com", "jdoe"])]
    outcome = reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, dict(name="migration", rules=swapped))

    assert outcome.changed is False
    assert writes() == []


def test_an_update_replaces_the_role_and_keeps_unset_options(workmail_client, org):
    created = reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, archiver(description="Journal"))
    workmail_emulator.clear_calls()

    outcome = reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, dict(name="archiver", type="full_access"))

    assert outcome.changed is True
    assert outcome.after["id"] == created.after["id"]
    assert (outcome.before["type"], outcome.after["type"]) == ("read_only", "full_access")
    update = writes()[0]["request"]
    assert update["Description"] == "Journal"
    assert update["Rules"][0]["NotTargetUsers"] == [org["ceo"]]

    cleared = reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, dict(name="archiver", description="", rules=[]))
    assert (cleared.after["description"], cleared.after["rules"]) == (None, [])


def test_renaming_a_rule_replaces_it(workmail_client, org):
    reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, archiver())

    outcome = reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, archiver(rules=[rule("All staff", not_target_users=["ceo"])]))

    assert outcome.changed is True
    assert [r["id"] for r in outcome.after["rules"]] == [impersonation.rule_id("All staff")]


def test_bad_input_fails_before_any_write(workmail_client, org):
    ctx = context(workmail_client, org["org"])
    with pytest.raises(ParameterError, match="^type: is required to create"):
        reconcile(ctx, IMPERSONATION_ROLE, dict(name="archiver"))
    with pytest.raises(ParameterError, match="^rules: two rules are named 'a'"):
        reconcile(ctx, IMPERSONATION_ROLE, archiver(rules=[rule("a"), rule("a", "deny")]))
    with pytest.raises(ParameterError, match=r"^rules\[a\]\.target_users: must have at most 10 items"):
        reconcile(ctx, IMPERSONATION_ROLE, archiver(rules=[rule("a", target_users=["u%d" % i for i in range(11)])]))
    with pytest.raises(ParameterError, match="^rules: must have at most 10 items"):
        reconcile(ctx, IMPERSONATION_ROLE, archiver(rules=[rule("r%d" % i) for i in range(11)]))
    with pytest.raises(ParameterError, match="^name: "):
        reconcile(ctx, IMPERSONATION_ROLE, archiver(name="a<b"))
    with pytest.raises(WorkMailError, match=r"^rules\[everyone\]\.not_target_users: not found .*: ghost"):
        reconcile(ctx, IMPERSONATION_ROLE, archiver(rules=[rule("everyone", not_target_users=["ghost"])]))
    assert writes() == []


def test_two_roles_with_the_name_fail_naming_their_ids(workmail_client, org):
    first = workmail_client.create_impersonation_role(OrganizationId=org["org"], Name="archiver", Type="READ_ONLY", Rules=[])["ImpersonationRoleId"]
    second = workmail_client.create_impersonation_role(OrganizationId=org["org"], Name="archiver", Type="READ_ONLY", Rules=[])["ImpersonationRoleId"]

    with pytest.raises(ParameterError) as caught:
        reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, archiver())
    assert caught.value.option == "name"
    assert first in str(caught.value) and second in str(caught.value)


def test_check_mode_plans_unknown_users_and_writes_nothing(workmail_client, org):
    ctx = context(workmail_client, org["org"], check_mode=True)

    outcome = reconcile(ctx, IMPERSONATION_ROLE, archiver(rules=[rule("everyone", not_target_users=["ceo", "newhire"])]))

    assert outcome.changed is True
    assert outcome.after["id"] is None
    assert outcome.after["rules"][0]["not_target_users"] == [org["ceo"], "newhire"]
    assert any("newhire" in w for w in ctx.warnings)
    assert writes() == []

    missing_org = reconcile(context(workmail_client, None, check_mode=True), IMPERSONATION_ROLE, archiver())
    assert missing_org.after["rules"][0]["not_target_users"] == ["ceo@example.com"]


def test_absent_deletes(workmail_client, org):
    reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, archiver())

    gone = reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, dict(name="archiver"), state="absent")

    assert (gone.changed, gone.after) == (True, {})
    assert workmail_client.list_impersonation_roles(OrganizationId=org["org"])["Roles"] == []
    assert reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, dict(name="archiver"), state="absent").changed is False


def test_resolve_roles_by_id_or_name(workmail_client, org):
    ctx = context(workmail_client, org["org"])
    one = workmail_client.create_impersonation_role(OrganizationId=org["org"], Name="one", Type="READ_ONLY", Rules=[])["ImpersonationRoleId"]
    twin = [
        workmail_client.create_impersonation_role(OrganizationId=org["org"], Name="twin", Type="READ_ONLY", Rules=[])["ImpersonationRoleId"]
        for dummy in range(2)
    ]
    roles = impersonation.list_roles(ctx)

    assert impersonation.resolve_roles(ctx, ["one", one, twin[1]], "impersonation_roles", roles) == [one, twin[1]]
    with pytest.raises(ParameterError, match="2 impersonation roles are named 'twin'"):
        impersonation.resolve_roles(ctx, ["twin"], "impersonation_roles", roles)


def test_describe_and_evaluate(workmail_client, org):
    ctx = context(workmail_client, org["org"])
    reconcile(ctx, IMPERSONATION_ROLE, archiver())
    reconcile(ctx, IMPERSONATION_ROLE, dict(name="migration", type="full_access", rules=[rule("wave1", target_users=["jdoe"])]))

    roles = impersonation.describe_roles(ctx)
    archiver_only = impersonation.describe_roles(ctx, "archiver")
    effects = impersonation.evaluate(ctx, roles, "jdoe@example.com")
    ceo = impersonation.evaluate(ctx, archiver_only, "ceo")

    assert [r["name"] for r in roles] == ["archiver", "migration"]
    assert archiver_only == roles[:1]
    assert [(e["impersonation_role"], e["effect"], e["type"]) for e in effects] == [("archiver", "allow", "read_only"), ("migration", "allow", "full_access")]
    assert effects[0]["matched_rules"] == [{"id": "everyone", "name": "everyone"}]
    assert effects[0]["target_user"] == org["jdoe"]
    assert (ceo[0]["effect"], ceo[0]["matched_rules"]) == ("deny", [])


def test_evaluate_an_unknown_user(workmail_client, org):
    reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, archiver())
    roles = impersonation.describe_roles(context(workmail_client, org["org"]))

    check = context(workmail_client, org["org"], check_mode=True)
    assert impersonation.evaluate(check, roles, "newhire") == []
    assert any("newhire" in w for w in check.warnings)
    with pytest.raises(WorkMailError, match="^target_user: not found"):
        impersonation.evaluate(context(workmail_client, org["org"]), roles, "newhire")


def creates():
    return [c for c in writes() if c["operation"] == "CreateImpersonationRole"]


def test_a_create_sent_twice_makes_one_role(workmail_client, org):
    # Two runs at once both find no role and both create it; a retried create whose first
    # reply was lost is the same request again.
    desired = dict(name="archiver", type="read_only", description="Journal archiving", rules=[])
    first = IMPERSONATION_ROLE.create(context(workmail_client, org["org"]), desired)
    second = IMPERSONATION_ROLE.create(context(workmail_client, org["org"]), dict(desired))

    assert [r["Name"] for r in stored_roles(workmail_client, org["org"])] == ["archiver"]
    assert first == second
    tokens = [c["request"]["ClientToken"] for c in creates()]
    assert len(tokens) == 2 and tokens[0] == tokens[1]
    # Another request gets another token: the service refuses a token reused with other parameters.
    other = IMPERSONATION_ROLE.create(context(workmail_client, org["org"]), dict(desired, type="full_access"))
    assert other != first
    assert creates()[-1]["request"]["ClientToken"] != tokens[0]


def test_a_role_created_again_after_a_delete_is_not_taken_for_a_replay(workmail_client, org, monkeypatch):
    monkeypatch.setattr(impersonation, "CREATED_ROLE_LAG", 0)
    reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, archiver())
    reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, dict(name="archiver"), state="absent")
    workmail_emulator.clear_calls()

    again = reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, archiver())

    roles = stored_roles(workmail_client, org["org"])
    assert [r["Name"] for r in roles] == ["archiver"]
    assert again.after["id"] == roles[0]["ImpersonationRoleId"]
    # The first create was answered with the deleted role; the second, told apart by that ID, made one.
    replayed, created = creates()
    assert replayed["response"]["ImpersonationRoleId"] != created["response"]["ImpersonationRoleId"]
    assert replayed["request"]["ClientToken"] != created["request"]["ClientToken"]

    # Two runs re-creating at once still make one role.
    reconcile(context(workmail_client, org["org"]), IMPERSONATION_ROLE, dict(name="archiver"), state="absent")
    desired = IMPERSONATION_ROLE.resolve(context(workmail_client, org["org"]), IMPERSONATION_ROLE.normalize(archiver()))
    one = IMPERSONATION_ROLE.create(context(workmail_client, org["org"]), desired)
    two = IMPERSONATION_ROLE.create(context(workmail_client, org["org"]), desired)
    assert one == two
    assert len(stored_roles(workmail_client, org["org"])) == 1
