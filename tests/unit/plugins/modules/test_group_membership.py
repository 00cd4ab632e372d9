# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import group_membership


@pytest.fixture
def org(workmail_client, workmail_org):
    """Groups finance and staff; users jdoe, omar, li (omar already in finance)."""
    ids = {}
    for name in ("finance", "staff"):
        ids[name] = workmail_client.create_group(OrganizationId=workmail_org, Name=name)["GroupId"]
    for name in ("jdoe", "omar", "li"):
        ids[name] = workmail_client.create_user(OrganizationId=workmail_org, Name=name, DisplayName=name)["UserId"]
    workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=ids["finance"], MemberId=ids["omar"])
    workmail_emulator.clear_calls()
    return ids


def members(client, org_id, group_id):
    return sorted(m["Name"] for m in client.list_group_members(OrganizationId=org_id, GroupId=group_id)["Members"])


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def membership(**extra):
    return dict(dict(organization="example-corp", groups=["finance", "staff"], members=["jdoe", "omar"]), **extra)


def test_present_adds_to_every_group_and_reports_per_group(run_module, workmail_client, workmail_org, org):
    result = run_module(group_membership, membership(), diff=True)

    assert result["changed"] is True
    assert result["groups"] == [
        {"name": "finance", "id": org["finance"], "added": ["jdoe"], "removed": [], "members": ["jdoe", "omar"]},
        {"name": "staff", "id": org["staff"], "added": ["jdoe", "omar"], "removed": [], "members": ["jdoe", "omar"]},
    ]
    assert result["diff"] == {"before": {"finance": ["omar"], "staff": []}, "after": {"finance": ["jdoe", "omar"], "staff": ["jdoe", "omar"]}}
    assert members(workmail_client, workmail_org, org["staff"]) == ["jdoe", "omar"]
    assert writes() == ["AssociateMemberToGroup"] * 3

    workmail_emulator.clear_calls()
    assert run_module(group_membership, membership())["changed"] is False
    assert writes() == []


def test_exact_replaces_and_empty_list_empties(run_module, workmail_client, workmail_org, org):
    exact = run_module(group_membership, membership(groups=["finance"], members=["li"], state="exact"))
    assert exact["groups"][0]["added"] == ["li"]
    assert exact["groups"][0]["removed"] == ["omar"]
    assert members(workmail_client, workmail_org, org["finance"]) == ["li"]

    emptied = run_module(group_membership, membership(groups=["finance"], members=[], state="exact"))
    assert emptied["changed"] is True
    assert members(workmail_client, workmail_org, org["finance"]) == []


def test_absent_removes_only_listed_members(run_module, workmail_client, workmail_org, org):
    result = run_module(group_membership, membership(groups=["finance"], members=["omar", "li"], state="absent"))

    assert result["groups"][0]["removed"] == ["omar"]
    assert members(workmail_client, workmail_org, org["finance"]) == []


def test_members_by_id_and_nested_groups(run_module, workmail_client, workmail_org, org):
    result = run_module(group_membership, membership(groups=["staff"], members=[org["li"], "finance"]))

    assert result["groups"][0]["added"] == ["finance", "li"]
    types = sorted(m["Type"] for m in workmail_client.list_group_members(OrganizationId=workmail_org, GroupId=org["staff"])["Members"])
    assert types == ["GROUP", "USER"]


def test_unknown_members_fail_listing_them_with_no_write(run_module, org):
    result = run_module(group_membership, membership(members=["jdoe", "ghost", "nobody@example.com"]))

    assert result.failed
    # The organization is named as the task names it, not by its ID.
    assert result["msg"] == "members: not found in organization 'example-corp': ghost, nobody@example.com"
    assert writes() == []


@pytest.mark.parametrize("check_mode", [False, True])
@pytest.mark.parametrize("option, value", [("members", ["jdoe", ""]), ("groups", [" "])])
def test_an_empty_entry_fails_naming_the_option_before_any_lookup(run_module, org, option, value, check_mode):
    result = run_module(group_membership, membership(**{option: value}), check_mode=check_mode)

    assert result.failed
    kinds = "user or group" if option == "members" else "group"
    assert result["msg"] == "{0}: holds an empty entry; give each {1} by name, email address or ID".format(option, kinds)
    assert [c["operation"] for c in workmail_emulator.calls()] == ["ListOrganizations", "DescribeOrganization"]


def test_check_mode_plans_without_writing(run_module, workmail_client, workmail_org, org):
    result = run_module(group_membership, membership(members=["jdoe", "newcomer"]), check_mode=True)

    assert result["changed"] is True
    assert result["groups"][1]["added"] == ["jdoe", "newcomer"]
    assert result.warnings == ["Not found, assumed to be created by an earlier task: newcomer"]
    assert writes() == []
    assert members(workmail_client, workmail_org, org["staff"]) == []


def test_a_group_cannot_contain_itself(run_module, org):
    result = run_module(group_membership, membership(groups=["finance"], members=["finance"]))

    assert result.failed
    assert result["msg"] == "members: group 'finance' cannot be a member of itself"


def test_current_members_are_not_looked_up_again(run_module, org):
    run_module(group_membership, membership())
    workmail_emulator.clear_calls()

    result = run_module(group_membership, membership(members=["jdoe", "OMAR", org["omar"]]))

    assert result["changed"] is False
    operations = [c["operation"] for c in workmail_emulator.calls()]
    assert "DescribeUser" not in operations
    assert operations.count("ListGroupMembers") == 2


def nest(client, org_id, parent, child):
    client.associate_member_to_group(OrganizationId=org_id, GroupId=parent, MemberId=child)


def test_a_membership_that_would_loop_fails_naming_the_chain_before_any_write(run_module, workmail_client, workmail_org, org):
    all_staff = workmail_client.create_group(OrganizationId=workmail_org, Name="all-staff")["GroupId"]
    nest(workmail_client, workmail_org, all_staff, org["finance"])
    workmail_emulator.clear_calls()

    result = run_module(group_membership, membership(groups=["finance"], members=["all-staff"]))
    planned = run_module(group_membership, membership(groups=["finance"], members=["all-staff"]), check_mode=True)

    assert result.failed
    assert result["msg"] == "members: adding group 'all-staff' to 'finance' would make 'finance' contain itself (all-staff contains finance)"
    assert planned["msg"] == result["msg"]
    assert writes() == []
    assert members(workmail_client, workmail_org, org["finance"]) == ["omar"]


def test_a_loop_through_several_groups_is_named_and_only_member_groups_are_read(run_module, workmail_client, workmail_org, org):
    ids = dict((name, workmail_client.create_group(OrganizationId=workmail_org, Name=name)["GroupId"]) for name in ("all-staff", "dept", "audit"))
    nest(workmail_client, workmail_org, ids["all-staff"], ids["dept"])
    nest(workmail_client, workmail_org, ids["all-staff"], org["jdoe"])
    nest(workmail_client, workmail_org, ids["dept"], org["finance"])
    nest(workmail_client, workmail_org, ids["audit"], org["staff"])
    workmail_emulator.clear_calls()

    result = run_module(group_membership, membership(groups=["finance"], members=["li", "all-staff"]))

    assert result["msg"] == (
        "members: adding group 'all-staff' to 'finance' would make 'finance' contain itself (all-staff contains dept, which contains finance)"
    )
    assert writes() == []
    listed = [c["request"]["GroupId"] for c in workmail_emulator.calls() if c["operation"] == "ListGroupMembers"]
    assert sorted(listed) == sorted([org["finance"], ids["all-staff"], ids["dept"]])


def test_nesting_without_a_loop_is_applied(run_module, workmail_client, workmail_org, org):
    nest(workmail_client, workmail_org, org["staff"], org["finance"])

    result = run_module(group_membership, membership(groups=["finance"], members=["li"]))
    deeper = run_module(group_membership, membership(groups=["staff"], members=["finance", "jdoe"]))

    assert result["changed"] is True
    assert deeper["changed"] is True
    assert members(workmail_client, workmail_org, org["staff"]) == ["finance", "jdoe"]


def test_check_mode_takes_groups_to_be_created_as_empty(run_module, workmail_client, workmail_org, org):
    nest(workmail_client, workmail_org, org["staff"], org["finance"])
    workmail_emulator.clear_calls()

    planned = run_module(group_membership, membership(groups=["finance", "new-team"], members=["new-team", "li"]), check_mode=True)

    assert planned.failed
    assert planned["msg"] == "members: group 'new-team' cannot be a member of itself"

    planned = run_module(group_membership, membership(groups=["finance"], members=["new-team", "li"]), check_mode=True)

    assert planned["changed"] is True
    assert planned["groups"][0]["added"] == ["li", "new-team"]
    assert writes() == []
