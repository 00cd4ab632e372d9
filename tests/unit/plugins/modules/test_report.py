# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The private ``_workmail`` run report of every module, against the in-process emulator.

Each scenario runs a task in check mode, then for real, from the same state. The apply's report
must list exactly the actions of the calls the emulator received; the plan's report must list
every action the apply then needed (so a policy made from a plan lets the apply run), the same
writes, and the same changes.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import access_control_rule
from ansible_collections.mailops.workmail.plugins.modules import alias
from ansible_collections.mailops.workmail.plugins.modules import directory
from ansible_collections.mailops.workmail.plugins.modules import group
from ansible_collections.mailops.workmail.plugins.modules import group_membership
from ansible_collections.mailops.workmail.plugins.modules import impersonation_role
from ansible_collections.mailops.workmail.plugins.modules import mail_domain
from ansible_collections.mailops.workmail.plugins.modules import mailbox_permission
from ansible_collections.mailops.workmail.plugins.modules import organization
from ansible_collections.mailops.workmail.plugins.modules import resource
from ansible_collections.mailops.workmail.plugins.modules import resource_delegate
from ansible_collections.mailops.workmail.plugins.modules import retention_policy
from ansible_collections.mailops.workmail.plugins.modules import user
from ansible_collections.mailops.workmail.plugins.modules import user_info

ORG = "example-corp"
PASSWORD = "Corr3ct-Horse-Battery"
JDOE = dict(organization=ORG, name="jdoe", email="jdoe@example.com", first_name="Jane", department="Finance", password=PASSWORD)
FINANCE = dict(organization=ORG, name="finance", email="finance@example.com")
ROOM = dict(organization=ORG, name="boardroom", type="room", email="boardroom@example.com")


def actions_called():
    return set("workmail:" + c["operation"] for c in workmail_emulator.calls())


def writes(actions):
    return set(a for a in actions if workmail_emulator.is_write(a.split(":", 1)[1]))


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    return workmail_org


# (module, the state to start from: tasks run for real first, the task)
SCENARIOS = {
    "user create": (user, [], dict(JDOE, mailbox_quota=10240)),
    "user update": (user, [(user, JDOE)], dict(JDOE, department="Audit", mailbox_quota=2048)),
    "user password reset": (user, [(user, JDOE)], dict(JDOE, update_password="always")),
    "user disable": (user, [(user, JDOE)], dict(JDOE, enabled=False)),
    "user new address": (user, [(user, JDOE)], dict(JDOE, email="jane.doe@example.com")),
    "user delete": (user, [(user, JDOE)], dict(organization=ORG, name="jdoe", state="absent")),
    "group create": (group, [], FINANCE),
    "group with a space": (group, [], dict(organization=ORG, name="all staff", email="all@example.com")),
    "group delete": (group, [(group, FINANCE)], dict(organization=ORG, name="finance", state="absent")),
    "membership": (group_membership, [(user, JDOE), (group, FINANCE)], dict(organization=ORG, groups=["finance"], members=["jdoe"])),
    "membership exact": (group_membership, [(user, JDOE), (group, FINANCE), (group_membership, dict(organization=ORG, groups=["finance"], members=["jdoe"]))],
                         dict(organization=ORG, groups=["finance"], members=[], state="exact")),
    "resource create": (resource, [], dict(ROOM, description="Board room", booking_options=dict(auto_decline_recurring_requests=True))),
    "resource update": (resource, [(resource, ROOM)], dict(ROOM, type="equipment", description="")),
    "resource disable": (resource, [(resource, ROOM)], dict(ROOM, enabled=False)),
    "resource delete": (resource, [(resource, ROOM)], dict(organization=ORG, name="boardroom", state="absent")),
    "resource delegate": (resource_delegate, [(user, JDOE), (group, FINANCE), (resource, ROOM)],
                          dict(organization=ORG, resource="boardroom@example.com", delegates=["jdoe", "finance"])),
    "resource delegate exact": (resource_delegate, [(user, JDOE), (resource, ROOM),
                                                    (resource_delegate, dict(organization=ORG, resource="boardroom", delegates=["jdoe"]))],
                                dict(organization=ORG, resource="boardroom", delegates=[], state="exact")),
    "mailbox permission": (mailbox_permission, [(user, JDOE), (group, FINANCE)],
                           dict(organization=ORG, entity="jdoe", grants=[dict(grantee="finance@example.com", permissions=["send_as"])])),
    "mailbox permission exact": (mailbox_permission, [(user, JDOE), (resource, ROOM), (mailbox_permission, dict(
        organization=ORG, entity="boardroom", grants=[dict(grantee="jdoe", permissions=["full_access", "send_as"])]))],
        dict(organization=ORG, entity="boardroom", grants=[], state="exact")),
    "alias": (alias, [(user, JDOE)], dict(organization=ORG, entity="jdoe@example.com", aliases=["jane@example.com"])),
    "mail domain default": (mail_domain, [], dict(organization=ORG, name="corp.example.org", default=True, wait_for_verification=True)),
    "mail domain delete": (mail_domain, [(mail_domain, dict(organization=ORG, name="old.example.org"))],
                           dict(organization=ORG, name="old.example.org", state="absent")),
    "access control rule": (access_control_rule, [(user, JDOE)],
                            dict(organization=ORG, name="no-imap", effect="deny", actions=["IMAP"], users=["jdoe"])),
    "impersonation role": (impersonation_role, [(user, JDOE)],
                           dict(organization=ORG, name="archiver", type="read_only", rules=[dict(name="jane", effect="allow", target_users=["jdoe"])])),
    "retention policy": (retention_policy, [], dict(organization=ORG, name="short", folders=dict(junk_email=dict(action="delete", period=7)))),
    "organization tags": (organization, [], dict(alias=ORG, tags=dict(team="mail"))),
    "organization create": (organization, [], dict(alias="new-corp", tags=dict(team="mail"))),
    "directory": (directory, [(group, FINANCE)], dict(
        organization=ORG, workers=1,
        groups=[dict(name="support", email="support@example.com", groups=["finance"])],
        users=[dict(name="omar", email="omar@example.com", department="Support", groups=["support", "finance"], aliases=["o@example.com"])])),
}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_the_plan_lists_what_the_apply_calls(run_module, org, scenario):
    module, before, args = SCENARIOS[scenario]
    for setup_module, setup_args in before:
        assert not run_module(setup_module, setup_args).failed
    workmail_emulator.clear_calls()

    planned = run_module(module, args, check_mode=True)
    assert not planned.failed, planned.get("msg")
    plan = planned["_workmail"]
    assert set(plan["actions"]) >= actions_called()
    assert plan["check_mode"] is True
    workmail_emulator.clear_calls()

    applied = run_module(module, args)
    assert not applied.failed, applied.get("msg")
    report = applied["_workmail"]
    assert set(report["actions"]) == actions_called()
    assert set(plan["actions"]) >= set(report["actions"]), "the plan misses " + ", ".join(sorted(set(report["actions"]) - set(plan["actions"])))
    assert writes(plan["actions"]) == writes(report["actions"])
    assert plan["changes"] == report["changes"] and report["changes"]
    assert report["check_mode"] is False and report["assumes"] == []


def test_a_task_that_changes_nothing_reports_reads_only(run_module, org):
    run_module(user, JDOE)
    workmail_emulator.clear_calls()

    report = run_module(user, JDOE)["_workmail"]

    assert report["changes"] == []
    reads = {"workmail:ListOrganizations", "workmail:DescribeOrganization", "workmail:DescribeUser", "workmail:GetMailboxDetails"}
    assert set(report["actions"]) == actions_called() == reads


def test_check_mode_in_a_missing_organization_lists_its_assumptions(run_module, workmail_client):
    membership = run_module(group_membership, dict(organization="new-corp", groups=["finance"], members=["jdoe", "omar@new.example.com"]),
                            check_mode=True)["_workmail"]
    assert membership["assumes"] == [
        dict(type="organization", name="new-corp", organization=None),
        dict(type="group", name="finance", organization="new-corp"),
        dict(type="entity", name="jdoe", organization="new-corp"),
        dict(type="entity", name="omar@new.example.com", organization="new-corp"),
    ]
    assert membership["changes"] == [
        dict(type="membership", name="jdoe in finance", action="create"),
        dict(type="membership", name="omar@new.example.com in finance", action="create"),
    ]

    created = run_module(user, dict(JDOE, organization="new-corp", email="jdoe@new.example.com"), check_mode=True)["_workmail"]
    assert dict(type="mail_domain", name="new.example.com", organization="new-corp") in created["assumes"]
    assert created["creates"] == [dict(type="user", name="jdoe", organization="new-corp", addresses=["jdoe@new.example.com"])]

    new_org = run_module(organization, dict(alias="new-corp", domains=[dict(domain_name="new.example.com")]), check_mode=True)["_workmail"]
    assert new_org["creates"] == [
        dict(type="organization", name="new-corp", organization=None),
        dict(type="mail_domain", name="new-corp.awsapps.com", organization="new-corp"),
        dict(type="mail_domain", name="new.example.com", organization="new-corp"),
    ]

    info = run_module(user_info, dict(organization="new-corp"), check_mode=True)["_workmail"]
    assert info["assumes"] == [dict(type="organization", name="new-corp", organization=None)]
    assert "workmail:ListUsers" in info["actions"]


def test_an_existing_organization_named_by_id_is_reported_by_alias(run_module, org):
    report = run_module(group, dict(FINANCE, organization=org), check_mode=True)["_workmail"]
    assert report["organization"] == ORG
    assert report["creates"] == [dict(type="group", name="finance", organization=ORG, addresses=["finance@example.com"])]


def test_a_failed_task_reports_the_calls_it_sent(run_module, org):
    workmail_emulator.clear_calls()
    result = run_module(group_membership, dict(organization=ORG, groups=["finance"], members=["nobody"]))
    assert result.failed
    report = result["_workmail"]
    assert report["changes"] == [] and report["creates"] == []
    assert set(report["actions"]) == actions_called() and "workmail:DescribeGroup" in report["actions"]
