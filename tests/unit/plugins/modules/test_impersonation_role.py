# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import impersonation_role


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    ids = {"org": workmail_org}
    for name in ("jdoe", "ceo"):
        ids[name] = workmail_client.create_user(OrganizationId=workmail_org, Name=name, DisplayName=name)["UserId"]
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=ids[name], Email=name + "@example.com")
    workmail_emulator.clear_calls()
    return ids


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def archiver(**extra):
    rules = [dict(name="Everyone but the CEO", effect="allow", not_target_users=["ceo@example.com"])]
    args = dict(dict(organization="example-corp", name="archiver", type="read_only", description="Journal archiving", rules=rules), **extra)
    # An option given as None is one the task leaves out.
    return dict((k, v) for k, v in args.items() if v is not None)


def test_create_then_rerun(run_module, workmail_client, org):
    created = run_module(impersonation_role, archiver(), diff=True)

    assert created["changed"] is True
    role = created["impersonation_role"]
    assert (role["name"], role["type"], role["description"]) == ("archiver", "read_only", "Journal archiving")
    assert role["rules"][0]["not_target_users"] == [org["ceo"]]
    assert role["rules"][0]["id"].startswith("Everyone-but-the-CEO-")
    stored = workmail_client.get_impersonation_role(OrganizationId=org["org"], ImpersonationRoleId=role["id"])
    assert stored["Rules"][0]["ImpersonationRuleId"] == role["rules"][0]["id"]
    assert writes() == ["CreateImpersonationRole"]

    workmail_emulator.clear_calls()
    again = run_module(impersonation_role, archiver(rules=[dict(name="Everyone but the CEO", effect="allow", not_target_users=["ceo"])]))
    assert again["changed"] is False
    assert again["impersonation_role"]["id"] == role["id"]
    assert writes() == []


def test_check_mode_shows_drift_and_writes_nothing(run_module, workmail_client, org):
    role_id = run_module(impersonation_role, archiver())["impersonation_role"]["id"]
    # A change made in the console: the CEO exception removed.
    workmail_client.update_impersonation_role(
        OrganizationId=org["org"], ImpersonationRoleId=role_id, Name="archiver", Type="FULL_ACCESS", Description="Journal archiving",
        Rules=[{"ImpersonationRuleId": "all", "Name": "all", "Effect": "ALLOW"}],
    )
    workmail_emulator.clear_calls()

    drift = run_module(impersonation_role, archiver(), check_mode=True, diff=True)

    assert drift["changed"] is True
    assert (drift["diff"]["before"]["type"], drift["diff"]["after"]["type"]) == ("full_access", "read_only")
    assert [r["name"] for r in drift["diff"]["before"]["rules"]] == ["all"]
    assert drift["diff"]["after"]["rules"][0]["not_target_users"] == [org["ceo"]]
    assert writes() == []

    assert run_module(impersonation_role, archiver())["changed"] is True
    assert writes() == ["UpdateImpersonationRole"]


@pytest.mark.parametrize(
    "args, message",
    [
        (dict(type=None), "type: is required to create the impersonation role 'archiver'"),
        (dict(rules=[dict(name="a", effect="allow"), dict(name="a", effect="deny")]), "rules: two rules are named 'a'"),
        (dict(rules=[dict(name="a", effect="allow", target_users=["ghost"])]), "rules[a].target_users: not found in organization"),
        (dict(rules=[dict(name="a", effect="maybe")]), "value of effect must be one of: allow, deny"),
        (dict(description="x" * 257), "description: must have at most 256 characters"),
    ],
)
def test_bad_input_fails_naming_the_option_before_any_write(run_module, org, args, message):
    result = run_module(impersonation_role, archiver(**args))

    assert result.failed
    assert message in result["msg"]
    assert writes() == []


@pytest.mark.parametrize(
    "rules, message",
    [
        (
            "everyone",
            "rules: must be a list of dictionaries with the keys name, effect, description, target_users and not_target_users "
            "(name and effect are required), for example [{name: ..., effect: ...}]; got a string",
        ),
        (
            [dict(name="a", effect="allow"), "everyone"],
            "rules[1]: must be a dictionary with the keys name, effect, description, target_users and not_target_users "
            "(name and effect are required), for example {name: ..., effect: ...}; got a string",
        ),
    ],
)
def test_rules_that_are_not_dictionaries_fail_showing_the_shape_before_any_call(run_module, org, rules, message):
    result = run_module(impersonation_role, archiver(rules=rules))

    assert result.failed
    assert result["msg"] == message
    assert workmail_emulator.calls() == []


def test_absent(run_module, workmail_client, org):
    run_module(impersonation_role, archiver())

    gone = run_module(impersonation_role, dict(organization="example-corp", name="archiver", state="absent"))

    assert (gone["changed"], gone["impersonation_role"]) == (True, {})
    assert workmail_client.list_impersonation_roles(OrganizationId=org["org"])["Roles"] == []
    assert run_module(impersonation_role, dict(organization="example-corp", name="archiver", state="absent"))["changed"] is False


def test_check_mode_plans_users_and_organization_to_be_created(run_module, org):
    result = run_module(
        impersonation_role, archiver(organization="new-corp", rules=[dict(name="new", effect="allow", target_users=["newhire"])]), check_mode=True
    )

    assert result["changed"] is True
    assert result["impersonation_role"]["id"] is None
    assert result["impersonation_role"]["rules"][0]["target_users"] == ["newhire"]
    assert writes() == []
