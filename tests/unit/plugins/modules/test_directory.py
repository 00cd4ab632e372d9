# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""main() of directory and directory_info against the in-process emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections
import json

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import directory
from ansible_collections.mailops.workmail.plugins.modules import directory_info

PASSWORD = "Corr3ct-Horse-Battery"


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    workmail_emulator.clear_calls()
    return workmail_org


def calls():
    return collections.Counter(c["operation"] for c in workmail_emulator.calls())


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def company(**extra):
    """Two groups (finance in all-staff), three people, one alias."""
    args = dict(
        organization="example-corp",
        groups=[
            dict(name="all-staff", email="all-staff@example.com"),
            dict(name="finance", email="finance@example.com", groups=["all-staff"]),
        ],
        users=[
            dict(name="jdoe", email="jdoe@example.com", display_name="Jane Doe", department="Finance", password=PASSWORD,
                 groups=["finance"], aliases=["jane.doe@example.com"]),
            dict(name="omar", email="omar@example.com", first_name="Omar", groups=["all-staff"]),
            dict(name="li", email="li@example.com", mailbox_quota=10240, groups=["all-staff", "finance"]),
        ],
    )
    args.update(extra)
    return args


def state_of(client, org_id):
    """Every live user and group with its groups and aliases, read straight from the emulator."""
    found = {}
    groups = [g for g in client.list_groups(OrganizationId=org_id)["Groups"] if g["State"] != "DELETED"]
    members = dict((g["Name"], [m["Name"] for m in client.list_group_members(OrganizationId=org_id, GroupId=g["Id"])["Members"]]) for g in groups)
    for entity in client.list_users(OrganizationId=org_id)["Users"] + groups:
        if entity["State"] == "DELETED":
            continue
        aliases = client.list_aliases(OrganizationId=org_id, EntityId=entity["Id"])["Aliases"] if entity["State"] == "ENABLED" else []
        found[entity["Name"]] = dict(state=entity["State"], email=entity.get("Email"), aliases=sorted(aliases),
                                     groups=sorted(g for g, names in members.items() if entity["Name"] in names))
    return found


def test_fresh_apply_creates_everything_in_one_task(run_module, workmail_client, org):
    result = run_module(directory, company(), diff=True)

    assert result["changed"] is True, result
    assert result["summary"] == {
        "user": {"create": 3, "update": 0, "disable": 0, "delete": 0, "unchanged": 0},
        "group": {"create": 2, "update": 0, "delete": 0, "unchanged": 0},
        "membership": {"add": 5, "remove": 0},
        "alias": {"add": 1, "remove": 0},
        "failed": 0,
    }
    assert state_of(workmail_client, org) == {
        "all-staff": dict(state="ENABLED", email="all-staff@example.com", aliases=[], groups=[]),
        "finance": dict(state="ENABLED", email="finance@example.com", aliases=[], groups=["all-staff"]),
        "jdoe": dict(state="ENABLED", email="jdoe@example.com", aliases=["jane.doe@example.com"], groups=["finance"]),
        "omar": dict(state="ENABLED", email="omar@example.com", aliases=[], groups=["all-staff"]),
        "li": dict(state="ENABLED", email="li@example.com", aliases=[], groups=["all-staff", "finance"]),
    }
    assert workmail_client.describe_user(OrganizationId=org, UserId="jdoe")["Department"] == "Finance"
    assert workmail_client.get_mailbox_details(OrganizationId=org, UserId="li")["MailboxQuota"] == 10240
    jdoe = next(d for d in result["diff"] if d["after_header"] == "user jdoe")
    assert jdoe["before"] == {}
    assert jdoe["after"]["groups"] == ["finance"] and jdoe["after"]["aliases"] == ["jane.doe@example.com"]
    assert jdoe["after"]["password"] == "(set)"
    assert PASSWORD not in json.dumps(result)
    written = collections.Counter(writes())
    assert written == collections.Counter(CreateGroup=2, CreateUser=3, RegisterToWorkMail=5, UpdateUser=1, UpdateMailboxQuota=1,
                                          AssociateMemberToGroup=5, CreateAlias=1)


def test_rerun_changes_nothing_and_reads_each_thing_once(run_module, org):
    run_module(directory, company())
    workmail_emulator.clear_calls()

    result = run_module(directory, company())

    assert result["changed"] is False, result["changes"]
    assert result["changes"] == []
    assert result["summary"]["user"]["unchanged"] == 3 and result["summary"]["group"]["unchanged"] == 2
    assert writes() == []
    read = calls()
    assert read["ListUsers"] == 1 and read["ListGroups"] == 1
    # Described only where a managed option is not in the listing (department, first_name; not for li).
    assert read["DescribeUser"] == 2
    assert read["GetMailboxDetails"] == 1
    assert read["ListGroupMembers"] == 2
    assert read["ListAliases"] == 1
    assert read["DescribeEntity"] == 0 and read["DescribeGroup"] == 0


def test_check_mode_plans_everything_and_writes_nothing(run_module, workmail_client, org):
    result = run_module(directory, company(), check_mode=True, diff=True)

    assert result["changed"] is True
    assert writes() == []
    assert state_of(workmail_client, org) == {}
    assert result["summary"]["user"]["create"] == 3 and result["summary"]["membership"]["add"] == 5
    actions = sorted((c["kind"], c["name"], c["action"]) for c in result["changes"])
    assert ("alias", "jdoe", "add") in actions and ("user", "li", "create") in actions


def test_check_mode_on_an_organization_still_to_be_created(run_module):
    result = run_module(directory, company(organization="not-yet"), check_mode=True)

    assert result["changed"] is True
    assert result["summary"]["group"]["create"] == 2
    assert writes() == []


def test_a_bad_entry_fails_alone_and_is_named(run_module, workmail_client, org):
    args = company()
    args["users"].append(dict(name="eve", email="eve@unknown.example", groups=["finance"]))

    result = run_module(directory, args)

    assert result.failed
    assert "user 'eve' (users[3]): email: eve@unknown.example: unknown.example is not a mail domain of the organization" in result["msg"]
    assert result["changed"] is True
    assert result["summary"]["failed"] == 1 and result["summary"]["user"]["create"] == 3
    failed = [c for c in result["changes"] if c.get("error")]
    assert [(c["kind"], c["name"]) for c in failed] == [("user", "eve")]
    found = state_of(workmail_client, org)
    assert "eve" not in found and found["li"]["groups"] == ["all-staff", "finance"]
    # Nothing of eve was attempted, and nothing failed at the service.
    assert "eve" not in json.dumps([c["request"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])])
    assert all(c["status"] == 200 for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"]))


def test_duplicates_and_addresses_claimed_twice_fail_before_any_write(run_module, org):
    args = company()
    args["users"].append(dict(name="JDOE", email="other@example.com"))
    args["users"].append(dict(name="omar2", email="omar@example.com"))

    result = run_module(directory, args)

    assert result.failed
    assert "name: 'jdoe' is listed 2 times" in result["msg"]
    assert "omar@example.com is claimed by user 'omar' (users[1]) and user 'omar2' (users[4])" in result["msg"]
    failed = sorted(c["name"] for c in result["changes"] if c.get("error"))
    assert failed == ["JDOE", "jdoe", "omar", "omar2"]


def test_unknown_groups_and_nesting_loops_fail_the_entry(run_module, workmail_client, org):
    run_module(directory, company())
    workmail_emulator.clear_calls()
    args = company()
    args["groups"][0]["groups"] = ["finance"]  # all-staff into finance, which is in all-staff
    args["users"][1]["groups"] = ["fnance"]

    result = run_module(directory, args)

    assert result.failed
    assert "group 'all-staff' (groups[0]): groups: adding 'all-staff' to 'finance' would make 'finance' contain itself " \
           "(all-staff contains finance)" in result["msg"]
    assert "user 'omar' (users[1]): groups: 'fnance' neither exists nor is listed in groups" in result["msg"]
    assert writes() == []


def test_check_mode_plans_joining_a_group_an_earlier_task_creates(run_module, org):
    args = company()
    args["users"][1]["groups"] = ["all-staff", "Auditors"]

    result = run_module(directory, args, check_mode=True)

    assert not result.failed, result.get("msg")
    assert "user 'omar' (users[1]): groups: 'Auditors' neither exists nor is listed in groups; check mode assumes an earlier task creates it" \
        in result.warnings
    joins = [(c["name"], c["group"]) for c in result["changes"] if c["kind"] == "membership"]
    assert ("omar", "auditors") in joins or ("omar", "Auditors") in joins
    assert writes() == []


def test_exact_removes_unlisted_members_and_aliases(run_module, workmail_client, org):
    run_module(directory, company())
    args = company(state="exact")
    args["users"][0]["aliases"] = []
    args["users"][2]["groups"] = ["finance"]
    workmail_emulator.clear_calls()

    result = run_module(directory, args, diff=True)

    assert result["changed"] is True
    assert sorted(writes()) == ["DeleteAlias", "DisassociateMemberFromGroup"]
    diffs = dict((d["after_header"], d) for d in result["diff"])
    assert sorted(diffs) == ["user jdoe", "user li"]
    assert (diffs["user li"]["before"]["groups"], diffs["user li"]["after"]["groups"]) == (["all-staff", "finance"], ["finance"])
    assert (diffs["user jdoe"]["before"]["aliases"], diffs["user jdoe"]["after"]["aliases"]) == (["jane.doe@example.com"], [])
    assert result["summary"]["user"]["unchanged"] == 1
    found = state_of(workmail_client, org)
    assert found["jdoe"]["aliases"] == [] and found["li"]["groups"] == ["finance"]


def test_unlisted_guard_refuses_before_any_write(run_module, workmail_client, org):
    run_module(directory, company())
    workmail_emulator.clear_calls()

    result = run_module(directory, company(state="exact", users=[], unlisted="disable", max_unlisted=2))

    assert result.failed
    assert result["msg"] == ("max_unlisted: unlisted=disable would disable 3 users, more than max_unlisted=2: jdoe, li, omar. "
                             "Nothing was changed; list them, protect them, or raise max_unlisted.")
    assert writes() == []

    result = run_module(directory, company(state="exact", users=[], unlisted="disable", protect=["jdoe", "li@example.com"]))
    assert [(c["name"], c["action"]) for c in result["changes"] if c["kind"] == "user"] == [("omar", "disable")]
    assert state_of(workmail_client, org)["omar"]["state"] == "DISABLED"
    assert state_of(workmail_client, org)["jdoe"]["state"] == "ENABLED"


def test_absent_removes_listed_users_and_groups(run_module, workmail_client, org):
    run_module(directory, company())

    result = run_module(directory, dict(organization="example-corp", state="absent", users=[dict(name="omar")], groups=[dict(name="finance")]))

    assert result["changed"] is True
    assert sorted(state_of(workmail_client, org)) == ["all-staff", "jdoe", "li"]
    workmail_emulator.clear_calls()
    again = run_module(directory, dict(organization="example-corp", state="absent", users=[dict(name="omar")], groups=[dict(name="finance")]))
    assert again["changed"] is False and writes() == []


def test_directory_info_round_trips_with_exact(run_module, org):
    run_module(directory, company())

    info = run_module(directory_info, dict(organization="example-corp"))

    users = dict((u["name"], u) for u in info["directory"]["users"])
    assert users["jdoe"]["aliases"] == ["jane.doe@example.com"] and users["jdoe"]["groups"] == ["finance"]
    assert users["li"]["mailbox_quota"] == 10240
    assert "password" not in users["jdoe"] and "id" not in users["jdoe"]
    groups = dict((g["name"], g) for g in info["directory"]["groups"])
    assert groups["finance"]["groups"] == ["all-staff"]
    workmail_emulator.clear_calls()

    again = run_module(directory, dict(organization="example-corp", state="exact", users=info["directory"]["users"],
                                       groups=info["directory"]["groups"]))

    assert again["changed"] is False, again["changes"]
    assert writes() == []


@pytest.mark.parametrize("newcomers, holders_read_by", [
    # One new address, three enabled entities: asking who holds it is cheaper.
    ([dict(name="eve", email="eve@example.com", aliases=["jane.doe@example.com"])], "DescribeEntity"),
    # Six new addresses: reading the aliases of the three enabled users is cheaper.
    ([dict(name="eve", email="eve@example.com", aliases=["jane.doe@example.com", "e1@example.com", "e2@example.com"]),
      dict(name="ivy", email="ivy@example.com", aliases=["i1@example.com"])], "ListAliases"),
])
def test_an_address_held_by_someone_else_fails_the_entry(run_module, workmail_client, org, newcomers, holders_read_by):
    run_module(directory, company(groups=[], users=[dict(u, groups=[]) for u in company()["users"]]))
    workmail_emulator.clear_calls()

    result = run_module(directory, dict(organization="example-corp", users=newcomers))

    assert result.failed
    assert "user 'eve' (users[0]): aliases: jane.doe@example.com is already used by user 'jdoe'" in result["msg"]
    read = calls()
    assert read[holders_read_by] >= 1
    assert read["DescribeEntity" if holders_read_by == "ListAliases" else "ListAliases"] == 0
    assert "eve" not in json.dumps([c["request"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])])
    assert "eve" not in state_of(workmail_client, org)


def test_a_new_organization_needs_no_address_lookups(run_module, org):
    run_module(directory, company())

    read = calls()
    assert read["DescribeEntity"] == 0 and read["ListAliases"] == 0
    # Registration is waited for only where the mailbox is needed next (li's quota); aliases
    # retry instead while it lands.
    assert read["DescribeUser"] == 1 and read["DescribeGroup"] == 0
