# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mailops.workmail.plugins.module_utils.engine import Context
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import nesting_path
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import reconcile_delegates
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import reconcile_mailbox_permissions

# all-staff holds finance, finance holds payroll; audit stands alone.
NESTED = {"all-staff": ["finance"], "finance": ["payroll"], "payroll": [], "audit": []}


@pytest.mark.parametrize(
    "group, member, path",
    [
        ("payroll", "all-staff", ["all-staff", "finance", "payroll"]),
        ("finance", "all-staff", ["all-staff", "finance"]),
        ("finance", "finance", ["finance"]),
        ("all-staff", "payroll", None),
        ("finance", "audit", None),
        ("audit", "all-staff", None),
    ],
)
def test_nesting_path(group, member, path):
    assert nesting_path(lambda key: NESTED.get(key, []), group, member) == path


def test_nesting_path_stops_on_an_existing_loop():
    looped = {"a": ["b"], "b": ["a"]}
    assert nesting_path(lambda key: looped[key], "c", "a") is None


# -- resource delegates and mailbox permissions, against a fake API ---------------------------------


class FakeAPI:
    """Users jdoe, omar; group team; resource room. Records the writes it receives."""

    ENTITIES = {
        "USER": [dict(UserId="u-jdoe-0000001", Name="jdoe", Email="jdoe@example.com", State="ENABLED"),
                 dict(UserId="u-omar-0000001", Name="omar", State="DISABLED")],
        "GROUP": [dict(GroupId="g-team-0000001", Name="team", State="DISABLED")],
        "RESOURCE": [dict(ResourceId="r-room-0000001", Name="room", Email="room@example.com", State="ENABLED")],
    }

    def __init__(self, permissions=None, delegates=None):
        self.permissions = permissions or []
        self.delegates = delegates or []
        self.writes = []

    def _find(self, kind, ref):
        for raw in self.ENTITIES[kind]:
            if ref.lower() in (raw["Name"].lower(), (raw.get("Email") or "").lower(), list(raw.values())[0].lower()):
                return dict(raw)
        return None

    def describe_user(self, org, ref):
        return self._find("USER", ref)

    def describe_group(self, org, ref):
        return self._find("GROUP", ref)

    def describe_resource(self, org, ref):
        return self._find("RESOURCE", ref)

    def describe_entity(self, org, email):
        for kind in self.ENTITIES:
            raw = self._find(kind, email)
            if raw:
                return dict(EntityId=list(raw.values())[0], Name=raw["Name"], Type=kind)
        return None

    def list_groups(self, org, **filters):
        return []

    def list_mailbox_permissions(self, org, owner):
        return self.permissions

    def put_mailbox_permissions(self, org, owner, grantee, values):
        self.writes.append(("put", grantee, list(values)))

    def delete_mailbox_permissions(self, org, owner, grantee):
        self.writes.append(("delete", grantee))

    def list_resource_delegates(self, org, resource):
        return self.delegates

    def associate_delegate_to_resource(self, org, resource, entity):
        self.writes.append(("associate", entity))

    def disassociate_delegate_from_resource(self, org, resource, entity):
        self.writes.append(("disassociate", entity))


def context(api, check_mode=False):
    return Context(api, "m-" + "0" * 32, check_mode)


CURRENT = [dict(GranteeId="u-jdoe-0000001", GranteeType="USER", PermissionValues=["SEND_AS"]),
           dict(GranteeId="r-room-0000001", GranteeType="USER", PermissionValues=["FULL_ACCESS", "SEND_ON_BEHALF"])]


@pytest.mark.parametrize(
    "mode, grants, writes, after",
    [
        ("present", [dict(grantee="jdoe", permissions=["full_access"])],
         [("put", "u-jdoe-0000001", ["FULL_ACCESS", "SEND_AS"])],
         [dict(grantee="jdoe", permissions=["full_access", "send_as"]), dict(grantee="room", permissions=["full_access", "send_on_behalf"])]),
        ("present", [dict(grantee="JDOE@example.com", permissions=["send_as"])], [], None),
        ("absent", [dict(grantee="room", permissions=["full_access"])],
         [("put", "r-room-0000001", ["SEND_ON_BEHALF"])],
         [dict(grantee="jdoe", permissions=["send_as"]), dict(grantee="room", permissions=["send_on_behalf"])]),
        ("absent", [dict(grantee="room", permissions=None), dict(grantee="team", permissions=None)],
         [("delete", "r-room-0000001")], [dict(grantee="jdoe", permissions=["send_as"])]),
        ("exact", [dict(grantee="team", permissions=["send_as"])],
         [("delete", "u-jdoe-0000001"), ("delete", "r-room-0000001"), ("put", "g-team-0000001", ["SEND_AS"])],
         [dict(grantee="team", permissions=["send_as"])]),
        ("exact", [], [("delete", "u-jdoe-0000001"), ("delete", "r-room-0000001")], []),
    ],
)
def test_mailbox_permissions_follow_the_list_grammar(mode, grants, writes, after):
    api = FakeAPI(permissions=CURRENT)
    change = reconcile_mailbox_permissions(context(api), "omar", grants, mode)
    assert api.writes == writes
    assert change.changed is bool(writes)
    assert change.before == {"grants": [dict(grantee="jdoe", permissions=["send_as"]), dict(grantee="room", permissions=["full_access", "send_on_behalf"])]}
    assert change.result["grants"] == (change.before["grants"] if after is None else after)


def test_mailbox_permissions_in_check_mode_write_nothing_and_plan_the_calls():
    api = FakeAPI(permissions=CURRENT)
    ctx = context(api, check_mode=True)
    change = reconcile_mailbox_permissions(ctx, "omar", [dict(grantee="team", permissions=["send_as"])], "exact")
    assert api.writes == []
    assert change.result["removed"] == [dict(grantee="jdoe", permissions=["send_as"]), dict(grantee="room", permissions=["full_access", "send_on_behalf"])]
    assert set(ctx.planned_calls) >= {"PutMailboxPermissions", "DeleteMailboxPermissions"}


@pytest.mark.parametrize(
    "grants, mode, message",
    [
        ([dict(grantee="omar", permissions=["send_as"])], "present", "grants: 'omar' owns the mailbox; give permissions to other users, groups or resources"),
        ([dict(grantee="jdoe", permissions=["send_as"]), dict(grantee="jdoe@example.com", permissions=["full_access"])], "present",
         "grants: 'jdoe' is listed twice; give each grantee once, with all its permissions"),
        ([dict(grantee="jdoe", permissions=[])], "exact",
         "grants[0].permissions: is empty; give at least one of full_access, send_as, send_on_behalf (state=absent removes permissions)"),
        ([dict(grantee=" ", permissions=["send_as"])], "absent", "grants[0].grantee: is empty; give a user, group or resource by name, email address or ID"),
    ],
)
def test_mailbox_permissions_refuse_bad_grants_before_any_write(grants, mode, message):
    api = FakeAPI(permissions=CURRENT)
    with pytest.raises(ParameterError) as error:
        reconcile_mailbox_permissions(context(api), "omar", grants, mode)
    assert str(error.value) == message
    assert api.writes == []


def test_delegates_follow_the_list_grammar():
    api = FakeAPI(delegates=[dict(Id="u-jdoe-0000001", Type="USER")])
    change = reconcile_delegates(context(api), "room@example.com", ["team", "jdoe"], "exact")
    assert api.writes == [("associate", "g-team-0000001")]
    assert change.result == {"resource": {"id": "r-room-0000001", "name": "room", "email": "room@example.com"},
                             "delegates": ["jdoe", "team"], "added": ["team"], "removed": []}
    api = FakeAPI(delegates=[dict(Id="u-jdoe-0000001", Type="USER")])
    change = reconcile_delegates(context(api), "room", [], "exact")
    assert api.writes == [("disassociate", "u-jdoe-0000001")]
    assert change.before == {"delegates": ["jdoe"]} and change.after == {"delegates": []}


def test_a_delegate_must_be_a_user_or_group_and_the_resource_a_resource():
    with pytest.raises(WorkMailError) as error:
        reconcile_delegates(context(FakeAPI()), "room", ["room"], "present")
    assert error.value.message == "delegates: not found in organization 'm-{0}': room".format("0" * 32)
    with pytest.raises(WorkMailError) as error:
        reconcile_delegates(context(FakeAPI()), "jdoe", ["omar"], "present")
    assert error.value.message == "resource: not found in organization 'm-{0}': jdoe".format("0" * 32)
