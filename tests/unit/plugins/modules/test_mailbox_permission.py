# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import mailbox_permission
from ansible_collections.mailops.workmail.plugins.modules import mailbox_permission_info


@pytest.fixture
def org(workmail_client, workmail_org):
    """Users ceo (enabled), assistant and jdoe, the group team and the room boardroom; jdoe has send_as on ceo."""
    client, ids = workmail_client, {}
    client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    for name in ("ceo", "assistant", "jdoe"):
        ids[name] = client.create_user(OrganizationId=workmail_org, Name=name, DisplayName=name)["UserId"]
    client.register_to_work_mail(OrganizationId=workmail_org, EntityId=ids["ceo"], Email="ceo@example.com")
    ids["team"] = client.create_group(OrganizationId=workmail_org, Name="team")["GroupId"]
    ids["boardroom"] = client.create_resource(OrganizationId=workmail_org, Name="boardroom", Type="ROOM")["ResourceId"]
    client.put_mailbox_permissions(OrganizationId=workmail_org, EntityId=ids["ceo"], GranteeId=ids["jdoe"], PermissionValues=["SEND_AS"])
    workmail_emulator.clear_calls()
    return ids


def stored(client, org_id, entity_id):
    permissions = client.list_mailbox_permissions(OrganizationId=org_id, EntityId=entity_id)["Permissions"]
    return dict((p["GranteeId"], sorted(p["PermissionValues"])) for p in permissions)


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def task(grants, **extra):
    return dict(dict(organization="example-corp", entity="ceo@example.com", grants=grants), **extra)


ASSISTANT = dict(grantee="assistant", permissions=["send_on_behalf", "full_access"])


def test_present_adds_and_rerun_changes_nothing(run_module, workmail_client, workmail_org, org):
    result = run_module(mailbox_permission, task([ASSISTANT, dict(grantee="jdoe", permissions=["full_access"])]), diff=True)

    assert result["changed"] is True
    assert result["mailbox_permission"] == {
        "entity": {"id": org["ceo"], "name": "ceo", "email": "ceo@example.com", "type": "user"},
        "grants": [{"grantee": "assistant", "permissions": ["full_access", "send_on_behalf"]},
                   {"grantee": "jdoe", "permissions": ["full_access", "send_as"]}],
        "added": [{"grantee": "assistant", "permissions": ["full_access", "send_on_behalf"]}, {"grantee": "jdoe", "permissions": ["full_access"]}],
        "removed": [],
    }
    assert result["diff"]["before"] == {"grants": [{"grantee": "jdoe", "permissions": ["send_as"]}]}
    assert stored(workmail_client, workmail_org, org["ceo"]) == {
        org["jdoe"]: ["FULL_ACCESS", "SEND_AS"], org["assistant"]: ["FULL_ACCESS", "SEND_ON_BEHALF"]}
    assert writes() == ["PutMailboxPermissions"] * 2

    workmail_emulator.clear_calls()
    again = run_module(mailbox_permission, task([dict(ASSISTANT, grantee=org["assistant"]), dict(grantee="JDOE", permissions=["send_as"])], entity="ceo"))
    assert again["changed"] is False
    assert writes() == []


def test_absent_removes_listed_or_all(run_module, workmail_client, workmail_org, org):
    run_module(mailbox_permission, task([ASSISTANT]))
    workmail_emulator.clear_calls()
    some = run_module(mailbox_permission, task([dict(grantee="assistant", permissions=["full_access"]), dict(grantee="team")], state="absent"))
    assert some["mailbox_permission"]["removed"] == [{"grantee": "assistant", "permissions": ["full_access"]}]
    assert writes() == ["PutMailboxPermissions"]
    workmail_emulator.clear_calls()
    everything = run_module(mailbox_permission, task([dict(grantee="assistant"), dict(grantee="jdoe")], state="absent"))
    assert everything["mailbox_permission"]["grants"] == []
    assert writes() == ["DeleteMailboxPermissions"] * 2
    assert stored(workmail_client, workmail_org, org["ceo"]) == {}


def test_exact_replaces_and_removes_unlisted(run_module, workmail_client, workmail_org, org):
    result = run_module(mailbox_permission, task([dict(grantee="team", permissions=["send_as"]), dict(grantee="boardroom", permissions=["full_access"])],
                                                 state="exact"))
    assert result["mailbox_permission"]["removed"] == [{"grantee": "jdoe", "permissions": ["send_as"]}]
    assert stored(workmail_client, workmail_org, org["ceo"]) == {org["team"]: ["SEND_AS"], org["boardroom"]: ["FULL_ACCESS"]}
    workmail_emulator.clear_calls()
    assert run_module(mailbox_permission, task([dict(grantee="team", permissions=["send_as"]), dict(grantee="boardroom", permissions=["full_access"])],
                                               state="exact"))["changed"] is False
    emptied = run_module(mailbox_permission, task([], state="exact"))
    assert emptied["changed"] is True and emptied["mailbox_permission"]["grants"] == []
    assert writes() == ["DeleteMailboxPermissions"] * 2


def test_a_resource_mailbox(run_module, workmail_client, workmail_org, org):
    result = run_module(mailbox_permission, dict(organization="example-corp", entity="boardroom", grants=[dict(grantee="jdoe", permissions=["full_access"])]))
    assert result["mailbox_permission"]["entity"]["type"] == "resource"
    assert stored(workmail_client, workmail_org, org["boardroom"]) == {org["jdoe"]: ["FULL_ACCESS"]}


def test_check_mode_writes_nothing(run_module, workmail_client, workmail_org, org):
    result = run_module(mailbox_permission, task([ASSISTANT], state="exact"), check_mode=True, diff=True)
    assert result["changed"] is True
    assert result["mailbox_permission"]["grants"] == [{"grantee": "assistant", "permissions": ["full_access", "send_on_behalf"]}]
    assert result["mailbox_permission"]["removed"] == [{"grantee": "jdoe", "permissions": ["send_as"]}]
    assert writes() == []
    assert stored(workmail_client, workmail_org, org["ceo"]) == {org["jdoe"]: ["SEND_AS"]}


def test_bad_input_fails_before_any_write(run_module, org):
    cases = [
        (task([dict(grantee="ghost", permissions=["send_as"])]), "grants: not found in organization 'example-corp': ghost"),
        (task([ASSISTANT], entity="nobody"), "entity: not found in organization 'example-corp': nobody"),
        (task([dict(grantee="ceo", permissions=["send_as"])]), "grants: 'ceo' owns the mailbox; give permissions to other users, groups or resources"),
        (task([ASSISTANT, dict(grantee=org["assistant"], permissions=["send_as"])]),
         "grants: 'assistant' is listed twice; give each grantee once, with all its permissions"),
        (task([dict(grantee="assistant")]),
         "grants[0].permissions: is empty; give at least one of full_access, send_as, send_on_behalf (state=absent removes permissions)"),
    ]
    for args, message in cases:
        result = run_module(mailbox_permission, args)
        assert result.failed and result["msg"] == message, result
    assert writes() == []


def test_info_returns_what_the_module_takes(run_module, org):
    run_module(mailbox_permission, task([ASSISTANT]))
    run_module(mailbox_permission, dict(organization="example-corp", entity="boardroom", grants=[dict(grantee="team", permissions=["send_as"])]))
    workmail_emulator.clear_calls()

    one = run_module(mailbox_permission_info, dict(organization="example-corp", entity="ceo"))["mailbox_permissions"]
    assert one == [{"entity": "ceo", "grants": [{"grantee": "assistant", "permissions": ["full_access", "send_on_behalf"]},
                                                {"grantee": "jdoe", "permissions": ["send_as"]}]}]
    none = run_module(mailbox_permission_info, dict(organization="example-corp", entity="assistant"))["mailbox_permissions"]
    assert none == [{"entity": "assistant", "grants": []}]
    every = run_module(mailbox_permission_info, dict(organization="example-corp"))["mailbox_permissions"]
    assert [item["entity"] for item in every] == ["ceo", "boardroom"]
    assert writes() == []

    for item in every:
        assert run_module(mailbox_permission, dict(item, organization="example-corp", state="exact"))["changed"] is False
    assert writes() == []
