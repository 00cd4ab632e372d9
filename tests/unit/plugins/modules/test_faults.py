# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Modules under the emulator's faults: throttling, server errors, latency, lost replies and lag.

Each run must converge (the state read back is complete, with nothing made twice), and the next
run without faults must change nothing and write nothing. botocore's back-off between attempts is
recorded instead of slept; the attempts, and the lag waited for, are real.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections
import json
import types

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.module_utils import api
from ansible_collections.mailops.workmail.plugins.modules import alias
from ansible_collections.mailops.workmail.plugins.modules import directory
from ansible_collections.mailops.workmail.plugins.modules import group
from ansible_collections.mailops.workmail.plugins.modules import group_membership
from ansible_collections.mailops.workmail.plugins.modules import impersonation_role
from ansible_collections.mailops.workmail.plugins.modules import mail_domain
from ansible_collections.mailops.workmail.plugins.modules import organization
from ansible_collections.mailops.workmail.plugins.modules import user

PASSWORD = "Corr3ct-Horse-Battery"

# One rule list per fault kind, and all of them together (the first rule that fires decides a call's fault).
THROTTLE = {"operation": "*", "fault": "throttle", "rate": 0.3, "seed": 11}
SERVER_ERROR = {"operation": "*", "fault": "server_error", "rate": 0.2, "status": 503, "seed": 12}
LATENCY = {"operation": "*", "fault": "latency", "rate": 0.3, "seconds": 0.05, "seed": 13}
LOST_RESPONSE = {"operation": "*", "fault": "lost_response", "rate": 0.3, "seed": 14}
STATE_LAG = {"operation": "*", "fault": "state_lag", "rate": 0.5, "seconds": 1, "seed": 15}
FAULTS = {
    "throttle": [THROTTLE],
    "server_error": [SERVER_ERROR],
    "latency": [LATENCY],
    "lost_response": [LOST_RESPONSE],
    "state_lag": [STATE_LAG],
    "all": [dict(THROTTLE, rate=0.15), dict(SERVER_ERROR, rate=0.05), dict(LOST_RESPONSE, rate=0.15), dict(LATENCY, rate=0.1),
            dict(STATE_LAG, rate=0.3)],
}


@pytest.fixture
def backoffs(monkeypatch):
    slept = []
    monkeypatch.setattr("botocore.endpoint.time", types.SimpleNamespace(sleep=slept.append))
    return slept


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    workmail_emulator.clear_calls()
    return workmail_org


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def faulted():
    """How many calls met each fault."""
    return collections.Counter(c["fault"] for c in workmail_emulator.calls() if c["fault"])


def converges_then_rests(run_module, module, args, faults, workmail_faults):
    """Run ``module`` under ``faults``; then without them, which must change and write nothing.
    Returns the faulted run's result, with the calls it made as ``result.calls``."""
    workmail_faults(faults)
    workmail_emulator.clear_calls()
    result = run_module(module, args)
    assert not result.failed, result
    assert faulted(), "no fault fired: the test tests nothing"
    result.calls = workmail_emulator.calls()
    workmail_faults([])
    workmail_emulator.clear_calls()
    again = run_module(module, args)
    assert again["changed"] is False, again
    assert writes() == []
    return result


# One module at a time ------------------------------------------------------------------------------

def on_writes(kind, *operations):
    """``kind`` on the first call of each of ``operations`` (writes), or every fault at random ("all")."""
    if kind == "all":
        return FAULTS["all"]
    extra = {"seconds": 1} if kind == "state_lag" else {}
    return [dict(operation=operation, fault=kind, count=1, **extra) for operation in operations]


@pytest.mark.parametrize("kind", sorted(FAULTS))
def test_user(run_module, workmail_client, org, workmail_faults, backoffs, kind):
    args = dict(organization="example-corp", name="jdoe", email="jdoe@example.com", display_name="Jane Doe", department="Finance",
                password=PASSWORD, mailbox_quota=10240)

    faults = on_writes(kind, "CreateUser", "UpdateUser", "RegisterToWorkMail", "UpdateMailboxQuota") if kind in ("lost_response", "state_lag") else FAULTS[kind]

    result = converges_then_rests(run_module, user, args, faults, workmail_faults)

    assert result["changed"] is True
    users = workmail_client.list_users(OrganizationId=org)["Users"]
    assert [(u["Name"], u["State"], u["Email"]) for u in users] == [("jdoe", "ENABLED", "jdoe@example.com")]
    stored = workmail_client.describe_user(OrganizationId=org, UserId="jdoe")
    assert (stored["DisplayName"], stored["Department"]) == ("Jane Doe", "Finance")
    assert workmail_client.get_mailbox_details(OrganizationId=org, UserId="jdoe")["MailboxQuota"] == 10240
    assert result["user"]["id"] == stored["UserId"] and result["user"]["enabled"] is True
    assert workmail_emulator.backend("123456789012", "us-east-1").password_matches(org, "jdoe", PASSWORD)
    assert PASSWORD not in json.dumps(result)


@pytest.mark.parametrize("kind", ["lost_response", "state_lag", "all"])
def test_group_alias_and_membership(run_module, workmail_client, org, workmail_faults, backoffs, kind):
    jdoe = workmail_client.create_user(OrganizationId=org, Name="jdoe", DisplayName="jdoe")["UserId"]
    workmail_client.register_to_work_mail(OrganizationId=org, EntityId=jdoe, Email="jdoe@example.com")

    converges_then_rests(run_module, group, dict(organization="example-corp", name="finance", email="finance@example.com"),
                         on_writes(kind, "CreateGroup", "RegisterToWorkMail"), workmail_faults)
    converges_then_rests(run_module, group_membership, dict(organization="example-corp", groups=["finance"], members=["jdoe"]),
                         on_writes(kind, "AssociateMemberToGroup"), workmail_faults)
    converges_then_rests(run_module, alias, dict(organization="example-corp", entity="jdoe", aliases=["jane@example.com"]),
                         on_writes(kind, "CreateAlias"), workmail_faults)

    groups = workmail_client.list_groups(OrganizationId=org)["Groups"]
    assert [(g["Name"], g["State"], g["Email"]) for g in groups] == [("finance", "ENABLED", "finance@example.com")]
    assert [m["Id"] for m in workmail_client.list_group_members(OrganizationId=org, GroupId=groups[0]["Id"])["Members"]] == [jdoe]
    assert workmail_client.list_aliases(OrganizationId=org, EntityId=jdoe)["Aliases"] == ["jane@example.com"]


@pytest.mark.parametrize("kind", ["lost_response", "state_lag", "all"])
def test_organization_domain_and_role(run_module, workmail_client, workmail_faults, backoffs, kind):
    converges_then_rests(run_module, organization, dict(alias="acme", tags={"team": "it"}), on_writes(kind, "CreateOrganization", "TagResource"),
                         workmail_faults)
    converges_then_rests(run_module, mail_domain, dict(organization="acme", name="acme.example", default=True, wait_for_verification=True),
                         on_writes(kind, "RegisterMailDomain", "UpdateDefaultMailDomain"), workmail_faults)
    converges_then_rests(run_module, impersonation_role, dict(organization="acme", name="archiver", type="read_only", rules=[]),
                         on_writes(kind, "CreateImpersonationRole"), workmail_faults)

    organizations = workmail_client.list_organizations()["OrganizationSummaries"]
    assert [(o["Alias"], o["State"], o["DefaultMailDomain"]) for o in organizations] == [("acme", "Active", "acme.example")]
    org_id = organizations[0]["OrganizationId"]
    arn = workmail_client.describe_organization(OrganizationId=org_id)["ARN"]
    assert workmail_client.list_tags_for_resource(ResourceARN=arn)["Tags"] == [{"Key": "team", "Value": "it"}]
    assert [r["Name"] for r in workmail_client.list_impersonation_roles(OrganizationId=org_id)["Roles"]] == ["archiver"]


def test_a_call_still_failing_after_the_last_attempt_fails_the_task_naming_it(run_module, org, workmail_faults, backoffs):
    workmail_faults([{"operation": "CreateUser", "fault": "throttle"}])

    result = run_module(user, dict(organization="example-corp", name="jdoe", email="jdoe@example.com"))

    assert result.failed
    assert result["msg"] == "CreateUser failed after {0} attempts: Rate exceeded".format(api.MAX_ATTEMPTS)
    assert result["error_code"] == "ThrottlingException"
    assert writes() == ["CreateUser"] * api.MAX_ATTEMPTS
    assert sum(backoffs) <= api.max_backoff()


# The directory -------------------------------------------------------------------------------------

def company():
    """Two groups (finance nested in all-staff), three people, aliases."""
    return dict(
        organization="example-corp",
        groups=[
            dict(name="all-staff", email="all-staff@example.com"),
            dict(name="finance", email="finance@example.com", groups=["all-staff"], aliases=["accounts@example.com"]),
        ],
        users=[
            dict(name="jdoe", email="jdoe@example.com", display_name="Jane Doe", department="Finance", password=PASSWORD,
                 groups=["finance"], aliases=["jane.doe@example.com"]),
            dict(name="omar", email="omar@example.com", first_name="Omar", groups=["all-staff"]),
            dict(name="li", email="li@example.com", mailbox_quota=10240, groups=["all-staff", "finance"], aliases=["li.wei@example.com"]),
        ],
    )


COMPANY_STATE = {
    "all-staff": dict(state="ENABLED", email="all-staff@example.com", aliases=[], groups=[]),
    "finance": dict(state="ENABLED", email="finance@example.com", aliases=["accounts@example.com"], groups=["all-staff"]),
    "jdoe": dict(state="ENABLED", email="jdoe@example.com", aliases=["jane.doe@example.com"], groups=["finance"]),
    "omar": dict(state="ENABLED", email="omar@example.com", aliases=[], groups=["all-staff"]),
    "li": dict(state="ENABLED", email="li@example.com", aliases=["li.wei@example.com"], groups=["all-staff", "finance"]),
}


def state_of(client, org_id):
    """Every user and group (DELETED ones included: a duplicate would show) with its groups and aliases."""
    found = {}
    groups = client.list_groups(OrganizationId=org_id)["Groups"]
    members = dict((g["Name"], [m["Name"] for m in client.list_group_members(OrganizationId=org_id, GroupId=g["Id"])["Members"]]) for g in groups)
    for entity in client.list_users(OrganizationId=org_id)["Users"] + groups:
        assert entity["Name"] not in found, "{0} is there twice".format(entity["Name"])
        aliases = client.list_aliases(OrganizationId=org_id, EntityId=entity["Id"])["Aliases"] if entity["State"] == "ENABLED" else []
        found[entity["Name"]] = dict(state=entity["State"], email=entity.get("Email"), aliases=sorted(aliases),
                                     groups=sorted(g for g, names in members.items() if entity["Name"] in names))
    return found


@pytest.mark.parametrize("kind", sorted(FAULTS))
def test_directory(run_module, workmail_client, org, workmail_faults, backoffs, kind):
    result = converges_then_rests(run_module, directory, company(), FAULTS[kind], workmail_faults)

    assert result["summary"] == {
        "user": {"create": 3, "update": 0, "disable": 0, "delete": 0, "unchanged": 0},
        "group": {"create": 2, "update": 0, "delete": 0, "unchanged": 0},
        "membership": {"add": 5, "remove": 0},
        "alias": {"add": 3, "remove": 0},
        "failed": 0,
    }
    assert state_of(workmail_client, org) == COMPANY_STATE
    assert workmail_client.describe_user(OrganizationId=org, UserId="jdoe")["Department"] == "Finance"
    assert workmail_client.get_mailbox_details(OrganizationId=org, UserId="li")["MailboxQuota"] == 10240


def test_directory_exact_changes_under_every_fault(run_module, workmail_client, org, workmail_faults, backoffs):
    run_module(directory, company())
    changed = company()
    changed["state"] = "exact"
    changed["users"][0].update(department="Audit", groups=["all-staff"], aliases=[])
    changed["users"][1]["aliases"] = ["o@example.com"]

    result = converges_then_rests(run_module, directory, changed, FAULTS["all"], workmail_faults)

    assert result["summary"]["membership"] == {"add": 1, "remove": 1} and result["summary"]["alias"] == {"add": 1, "remove": 1}
    expected = dict(COMPANY_STATE)
    expected["jdoe"] = dict(state="ENABLED", email="jdoe@example.com", aliases=[], groups=["all-staff"])
    expected["omar"] = dict(COMPANY_STATE["omar"], aliases=["o@example.com"])
    assert state_of(workmail_client, org) == expected
    assert workmail_client.describe_user(OrganizationId=org, UserId="jdoe")["Department"] == "Audit"


def test_directory_waits_for_what_it_has_just_created(run_module, workmail_client, org, workmail_faults):
    """Right after a create, WorkMail may not know the new user or group yet: the update and the
    memberships that follow are retried until it does. (Disabled entities: no registration to wait
    for. One worker: jdoe's create lags 1 s, which his update waits out; omar's 3 s, which outlasts
    jdoe's, so the memberships meet it.)"""
    args = dict(organization="example-corp", workers=1, groups=[dict(name="staff", enabled=False)],
                users=[dict(name="jdoe", enabled=False, department="Finance", groups=["staff"]), dict(name="omar", enabled=False, groups=["staff"])])
    faults = [{"operation": "CreateUser", "fault": "state_lag", "seconds": 1, "count": 1}, {"operation": "Create*", "fault": "state_lag", "seconds": 3}]

    result = converges_then_rests(run_module, directory, args, faults, workmail_faults)

    assert result["summary"]["failed"] == 0
    assert state_of(workmail_client, org) == {
        "staff": dict(state="DISABLED", email=None, aliases=[], groups=[]),
        "jdoe": dict(state="DISABLED", email=None, aliases=[], groups=["staff"]),
        "omar": dict(state="DISABLED", email=None, aliases=[], groups=["staff"]),
    }
    assert workmail_client.describe_user(OrganizationId=org, UserId="jdoe")["Department"] == "Finance"
    # Each was refused while the lag lasted, then made once.
    for operation in ("UpdateUser", "AssociateMemberToGroup"):
        answers = [c["error"] for c in result.calls if c["operation"] == operation]
        assert "EntityNotFoundException" in answers and set(answers) == set(["EntityNotFoundException", None]), (operation, answers)
    assert [c["error"] for c in result.calls if c["operation"] == "UpdateUser"][-1] is None


def test_an_organization_another_run_is_creating_is_waited_for(run_module, workmail_client):
    """The second of two runs finds the organization the first one is creating: with wait (the
    default) it returns it active, as it would have after creating it, so the tasks that follow
    can use it."""
    workmail_emulator.configure(org_ready_delay=1)
    created = workmail_client.create_organization(Alias="acme")["OrganizationId"]
    assert workmail_client.describe_organization(OrganizationId=created)["State"] == "Requested"
    workmail_emulator.clear_calls()

    result = run_module(organization, dict(alias="acme", tags={"team": "it"}))

    assert not result.failed, result
    assert result["organization"]["id"] == created and result["organization"]["state"] == "Active"
    assert writes() == ["TagResource"]
    assert [o["Alias"] for o in workmail_client.list_organizations()["OrganizationSummaries"]] == ["acme"]
