# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.filter.members_by_group import members_by_group
from ansible_collections.mailops.workmail.plugins.filter.onboarding_groups import onboarding_groups
from ansible_collections.mailops.workmail.plugins.filter.onboarding_report import onboarding_report

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
        "created": 0, "changed": 0, "unchanged": 0, "failed": 0, "people": [], "lines": ["0 created, 0 changed, 0 unchanged"]}


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
