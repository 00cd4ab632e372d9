# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.filter.members_by_group import members_by_group
from ansible_collections.mailops.workmail.plugins.filter.onboarding_groups import onboarding_groups
from ansible_collections.mailops.workmail.plugins.filter.onboarding_mailbox_permissions import onboarding_mailbox_permissions
from ansible_collections.mailops.workmail.plugins.filter.onboarding_report import onboarding_report
from ansible_collections.mailops.workmail.plugins.filter.onboarding_resources import onboarding_resources

PEOPLE = [{"name": "new", "password": "s3cret"}, {"name": "moved"}, {"name": "Joined"}, {"name": "same"}, {"name": "bad"}]


def change(kind, name, action, **extra):
    return dict(kind=kind, name=name, action=action, changes=extra.pop("changes", []), **extra)


def test_created_changed_unchanged_and_failed():
    directory = {"changes": [
        change("user", "new", "create", changes=["email", "enabled", "password"]),
        change("user", "moved", "update", changes=["department"]),
        change("membership", "new", "add", group="finance"),
        change("membership", "joined", "add", group="finance"),
        change("alias", "new", "add", alias="n@example.com"),
        change("group", "finance", "create"),
        change("user", "bad", "create", error="email: bad@nowhere.example: nowhere.example is not a mail domain of the organization"),
    ]}

    report = onboarding_report(PEOPLE, directory=directory)

    assert [(p["name"], p["status"]) for p in report["people"]] == [
        ("new", "created"), ("moved", "changed"), ("Joined", "changed"), ("same", "unchanged"), ("bad", "failed")]
    assert report["people"][1]["fields"] == ["department"]
    assert report["people"][0]["fields"] == []
    assert (report["created"], report["changed"], report["unchanged"], report["failed"]) == (1, 2, 1, 1)
    assert report["lines"] == [
        "new     created    joined: finance; aliases: n@example.com",
        "moved   changed    fields: department",
        "Joined  changed    joined: finance",
        "same    unchanged",
        "bad     failed     error: email: bad@nowhere.example: nowhere.example is not a mail domain of the organization",
        "1 created, 2 changed, 1 unchanged, 1 failed",
    ]
    assert "s3cret" not in repr(report)


def test_a_failed_membership_fails_the_person():
    directory = {"changes": [change("membership", "same", "add", group="finance", error="not done: group 'finance' failed")]}
    report = onboarding_report([{"name": "same"}], directory=directory)
    assert report["people"][0]["status"] == "failed"
    assert report["people"][0]["groups_added"] == []


def test_no_people():
    assert onboarding_report([], directory={"changes": []}) == {
        "created": 0, "changed": 0, "unchanged": 0, "failed": 0, "people": [], "resources": [], "mailboxes": [], "problems": [],
        "lines": ["0 created, 0 changed, 0 unchanged"]}


def test_bad_input():
    with pytest.raises(AnsibleFilterError, match="directory must be the registered result"):
        onboarding_report([], directory="x")
    with pytest.raises(AnsibleFilterError, match="each with a name"):
        onboarding_report([{"changed": False}], directory={})


def test_onboarding_groups_give_enabled_groups_their_default_address():
    groups = [{"name": "finance"}, {"name": "ops", "enabled": False}, {"name": "hr", "email": "people@example.com"}]
    assert onboarding_groups(groups, "example.com") == [
        {"name": "finance", "email": "finance@example.com"}, {"name": "ops", "enabled": False}, {"name": "hr", "email": "people@example.com"}]
    assert onboarding_groups(groups, "") == groups
    with pytest.raises(AnsibleFilterError, match="each a dictionary with a name"):
        onboarding_groups([{"email": "x@example.com"}], "example.com")


def test_members_by_group_filter():
    assert members_by_group([{"name": "a", "groups": ["g"]}]) == {"g": ["a"]}
    with pytest.raises(AnsibleFilterError):
        members_by_group([{"groups": ["g"]}])


def loop(*results):
    return {"results": list(results)}


def test_rooms_equipment_and_mailboxes_have_their_lines_and_totals():
    boardroom = {"name": "boardroom", "type": "room", "delegates": ["grace"]}
    projector = {"name": "projector", "type": "equipment"}
    hall = {"name": "hall", "type": "room"}
    lab = {"name": "lab", "delegates": ["ghost"]}
    resource_results = loop(
        {"item": boardroom, "changed": True, "resource": {"type": "room"}, "_workmail": {"changes": [{"type": "resource", "action": "create"}]}},
        {"item": projector, "changed": True, "resource": {"type": "equipment"}, "_workmail": {"changes": [{"action": "update"}]},
         "diff": {"before": {"description": None, "state": "enabled"}, "after": {"description": "4K", "state": "enabled"}}},
        {"item": hall, "changed": False, "resource": {"type": "room"}, "_workmail": {"changes": []}},
        {"item": lab, "changed": False, "resource": {"type": "room"}, "_workmail": {"changes": []}},
    )
    delegate_results = loop(
        {"item": boardroom, "changed": True, "resource_delegates": {"added": ["grace"], "removed": []}},
        {"item": lab, "changed": False, "msg": "delegates: not found in organization 'o': ghost"},
    )
    booking_results = loop({"item": projector, "skipped": True})
    permission_results = loop(
        {"item": {"entity": "support"}, "changed": True, "mailbox_permission": {
            "added": [{"grantee": "ada", "permissions": ["full_access", "send_as"]}],
            "removed": [{"grantee": "bob", "permissions": ["send_on_behalf"]}]}},
        {"item": {"entity": "ada"}, "changed": False, "mailbox_permission": {"added": [], "removed": []}},
    )

    report = onboarding_report([{"name": "grace"}], directory={"changes": []}, resources=[resource_results, delegate_results, booking_results],
                               mailbox_permissions=permission_results)

    assert report["lines"] == [
        "grace      unchanged",
        "boardroom  created    room; delegates added: grace",
        "projector  changed    equipment; fields: description",
        "hall       unchanged  room",
        "lab        failed     room; error: delegates: not found in organization 'o': ghost",
        "support    changed    mailbox; granted: ada (full_access, send_as); revoked: bob (send_on_behalf)",
        "ada        unchanged  mailbox",
        "0 created, 0 changed, 1 unchanged",
        "rooms and equipment: 1 created, 1 changed, 1 unchanged, 1 failed",
        "mailboxes: 1 changed, 1 unchanged",
    ]
    assert report["resources"][0] == {"name": "boardroom", "type": "room", "status": "created", "fields": [], "delegates_added": ["grace"],
                                      "delegates_removed": []}
    assert report["mailboxes"][0]["granted"] == [{"grantee": "ada", "permissions": ["full_access", "send_as"]}]
    assert report["problems"] == ["resource 'lab': delegates: not found in organization 'o': ghost"]
    # The people's counts stay the people's.
    assert (report["created"], report["changed"], report["unchanged"], report["failed"]) == (0, 0, 1, 0)


def test_a_failed_mailbox_and_a_delegate_removed():
    report = onboarding_report([], directory={"changes": []},
                               resources=[loop({"item": {"name": "lab"}, "changed": True, "resource_delegates": {"added": [], "removed": ["bob"]}})],
                               mailbox_permissions=loop({"item": {"entity": "ghost"}, "msg": "entity: not found in organization 'o': ghost"}))
    assert report["lines"] == [
        "lab    changed    delegates removed: bob",
        "ghost  failed     mailbox; error: entity: not found in organization 'o': ghost",
        "0 created, 0 changed, 0 unchanged",
        "rooms and equipment: 0 created, 1 changed, 0 unchanged",
        "mailboxes: 0 changed, 0 unchanged, 1 failed",
    ]
    assert report["problems"] == ["mailbox 'ghost': entity: not found in organization 'o': ghost"]
    with pytest.raises(AnsibleFilterError, match="registered results of loop tasks"):
        onboarding_report([], directory={}, resources=["x"])


def test_onboarding_resources_checks_and_gives_the_default_address():
    resources = [{"name": "boardroom", "type": "room", "delegates": ["grace"], "booking_options": {"auto_accept_requests": "no"}},
                 {"name": "projector", "type": "equipment", "enabled": False, "description": None},
                 {"name": "hall", "email": "hall@example.org"}]
    assert onboarding_resources(resources, "example.com") == [
        {"name": "boardroom", "type": "room", "delegates": ["grace"], "booking_options": {"auto_accept_requests": False},
         "email": "boardroom@example.com"},
        {"name": "projector", "type": "equipment", "enabled": False},
        {"name": "hall", "email": "hall@example.org"},
    ]
    assert onboarding_resources([], "example.com") == []


@pytest.mark.parametrize("resources, message", [
    ("boardroom", "onboarding_resources: must be a list of dictionaries, got str"),
    ([{"type": "room"}], "onboarding_resources[0].name: is required"),
    ([{"name": "a"}, {"name": "b", "type": "hall"}], "onboarding_resources[1].type: 'hall' is not one of room, equipment"),
    ([{"name": "a", "seats": 12}], "onboarding_resources[0].seats: unknown option; use booking_options, delegates, description, email, enabled, "
                                   "hidden_from_global_address_list, name, type"),
    ([{"name": "board room"}], "onboarding_resources[0].name: 'board room' is not valid: it must use letters, digits"),
    ([{"name": "a", "description": "x" * 65}], "onboarding_resources[0].description: must have at most 64 characters"),
    ([{"name": "a", "booking_options": {"auto_accept": True}}], "onboarding_resources[0].booking_options.auto_accept: unknown option"),
    ([{"name": "a", "enabled": "maybe"}], "onboarding_resources[0].enabled: must be true or false; got 'maybe'"),
    ([{"name": "a", "delegates": ["grace", " "]}], "onboarding_resources[0].delegates[1]: is empty; give each user or group by name"),
    ([{"name": "a"}, {"name": "A"}], "onboarding_resources[1].name: 'A' is already onboarding_resources[0]"),
])
def test_onboarding_resources_refuses_bad_input(resources, message):
    with pytest.raises(AnsibleFilterError) as raised:
        onboarding_resources(resources, "example.com")
    assert str(raised.value).startswith(message)
    assert str(raised.value).endswith("Nothing was changed.")


def test_onboarding_mailbox_permissions():
    permissions = [{"entity": "support", "grants": [{"grantee": "ada", "permissions": ["full_access", "send_as"]}]}]
    assert onboarding_mailbox_permissions(permissions, "exact") == permissions


@pytest.mark.parametrize("permissions, message", [
    ({"entity": "support"}, "onboarding_mailbox_permissions: must be a list of dictionaries, got dict"),
    ([{"grants": []}], "onboarding_mailbox_permissions[0].entity: is required"),
    ([{"entity": "support"}], "onboarding_mailbox_permissions[0].grants: is required"),
    ([{"entity": "support", "grants": [{"permissions": ["send_as"]}]}], "onboarding_mailbox_permissions[0].grants[0].grantee: is required"),
    ([{"entity": "support", "grants": [{"grantee": "", "permissions": ["send_as"]}]}],
     "onboarding_mailbox_permissions[0].grants[0].grantee: is empty; give a user, group or resource"),
    ([{"entity": "support", "grants": [{"grantee": "ada", "permissions": ["send_as", "read"]}]}],
     "onboarding_mailbox_permissions[0].grants[0].permissions[1]: 'read' is not one of full_access, send_as, send_on_behalf"),
    ([{"entity": "support", "grants": [{"grantee": "ada", "permissions": []}]}],
     "onboarding_mailbox_permissions[0].grants[0].permissions: is empty; give at least one of full_access, send_as, send_on_behalf"),
    ([{"entity": "support", "grants": [{"grantee": "Support", "permissions": ["send_as"]}]}],
     "onboarding_mailbox_permissions[0].grants[0].grantee: 'Support' owns the mailbox"),
    ([{"entity": "support", "grants": [{"grantee": "ada", "permissions": ["send_as"]}, {"grantee": "ADA", "permissions": ["full_access"]}]}],
     "onboarding_mailbox_permissions[0].grants[1].grantee: 'ADA' is already grants[0]"),
    ([{"entity": "support", "grants": []}, {"entity": "Support", "grants": []}],
     "onboarding_mailbox_permissions[1].entity: 'Support' is already onboarding_mailbox_permissions[0]"),
])
def test_onboarding_mailbox_permissions_refuses_bad_input(permissions, message):
    with pytest.raises(AnsibleFilterError) as raised:
        onboarding_mailbox_permissions(permissions)
    assert str(raised.value).startswith(message)
