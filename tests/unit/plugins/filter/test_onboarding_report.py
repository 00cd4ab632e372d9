# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.filter.members_by_group import members_by_group
from ansible_collections.mailops.workmail.plugins.filter.onboarding_report import onboarding_report


def user_result(name, changed, user_id="id-" + "x", diff=None):
    result = {"item": {"name": name, "password": "s3cret"}, "changed": changed, "user": {"name": name, "id": user_id}}
    if diff is not None:
        result["diff"] = diff
    return result


def test_created_changed_and_unchanged():
    users = [
        user_result("new", True),
        user_result("moved", True, diff={"before": {"department": "Sales", "state": "enabled"}, "after": {"department": "Finance", "state": "enabled"}}),
        user_result("joined", False),
        user_result("same", False),
    ]
    memberships = [{"item": {"key": "finance"}, "groups": [{"name": "finance", "added": ["new", "Joined"], "removed": []}]}]
    aliases = [{"item": {"name": "new"}, "aliases": {"added": ["n@example.com"], "removed": []}}]
    report = onboarding_report(users, existing=[{"name": "moved"}, {"name": "joined"}, {"name": "same"}], memberships=memberships, aliases=aliases)
    assert [(p["name"], p["status"]) for p in report["people"]] == [
        ("new", "created"),
        ("moved", "changed"),
        ("joined", "changed"),
        ("same", "unchanged"),
    ]
    assert report["people"][1]["fields"] == ["department"]
    assert (report["created"], report["changed"], report["unchanged"]) == (1, 2, 1)
    assert report["lines"] == [
        "new     created    joined: finance; aliases: n@example.com",
        "moved   changed    fields: department",
        "joined  changed    joined: finance",
        "same    unchanged",
        "1 created, 2 changed, 1 unchanged",
    ]
    assert "s3cret" not in repr(report)


def test_in_check_mode_a_user_without_id_is_a_creation_even_without_the_existing_users():
    report = onboarding_report([user_result("new", True, user_id=None), user_result("old", True)])
    assert [p["status"] for p in report["people"]] == ["created", "changed"]
    assert report["lines"][1] == "old   changed    user options updated"


def test_no_people():
    assert onboarding_report([], existing=[]) == {"created": 0, "changed": 0, "unchanged": 0, "people": [], "lines": ["0 created, 0 changed, 0 unchanged"]}


def test_bad_input():
    with pytest.raises(AnsibleFilterError, match="memberships must be a list of task results"):
        onboarding_report([], memberships="x")
    with pytest.raises(AnsibleFilterError, match="has no item with a name"):
        onboarding_report([{"changed": False}])


def test_members_by_group_filter():
    assert members_by_group([{"name": "a", "groups": ["g"]}]) == {"g": ["a"]}
    with pytest.raises(AnsibleFilterError):
        members_by_group([{"groups": ["g"]}])
