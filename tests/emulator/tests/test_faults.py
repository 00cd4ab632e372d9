"""Fault injection: each fault kind through boto3 in process and over HTTP, the rules, their counters and the call log."""

import json
import time
import types
import urllib.error
import urllib.request

import boto3
import botocore.exceptions
import pytest
from botocore.config import Config
from support import TEST_DOMAIN, new_user, raises_code

import workmail_emulator

EMAIL = f"jdoe@{TEST_DOMAIN}"


# Helpers -----------------------------------------------------------------------------------------

@pytest.fixture
def backoffs(monkeypatch):
    """Record the back-off botocore sleeps between retries instead of sleeping it; the retries themselves are real."""
    slept = []
    monkeypatch.setattr("botocore.endpoint.time", types.SimpleNamespace(sleep=slept.append))
    return slept


def client(endpoint_url=None, mode="standard", attempts=1, read_timeout=60, validate=True):
    """Return a WorkMail client that makes at most ``attempts`` attempts per call (1: no retry)."""
    return boto3.session.Session().client(
        "workmail", region_name="us-east-1", endpoint_url=endpoint_url, aws_access_key_id="testing", aws_secret_access_key="testing",
        config=Config(retries={"mode": mode, "total_max_attempts": attempts}, read_timeout=read_timeout, parameter_validation=validate))


def failure(call, *args, **kwargs):
    """Call ``call`` expecting a ClientError; return ``(HTTP status, error code, message)``."""
    with pytest.raises(botocore.exceptions.ClientError) as info:
        call(*args, **kwargs)
    response = info.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Code"], response["Error"]["Message"]


def logged(calls, *operations):
    """Return ``(operation, status, error, fault)`` of the logged calls of ``operations`` (all when none is named)."""
    return [(call["operation"], call["status"], call["error"], call["fault"]) for call in calls if not operations or call["operation"] in operations]


def names(workmail_client, org_id):
    """Return the names ListUsers shows."""
    return [user["Name"] for user in workmail_client.list_users(OrganizationId=org_id)["Users"]]


# Rules: validation, listing, replacement ---------------------------------------------------------

@pytest.mark.parametrize("rule, field", [
    ({"fault": "throttle"}, "'operation'"),
    ({"operation": "", "fault": "throttle"}, "'operation'"),
    ({"operation": "CreateUsr", "fault": "throttle"}, "'operation' 'CreateUsr' matches no WorkMail operation"),
    ({"operation": "createuser", "fault": "throttle"}, "'operation'"),
    ({"operation": "List*", "fault": "state_lag", "seconds": 1}, "matches no write operation"),
    ({"operation": "CreateUser"}, "'fault'"),
    ({"operation": "CreateUser", "fault": "explode"}, "'fault' must be one of throttle, server_error, latency, lost_response, state_lag"),
    ({"operation": "CreateUser", "fault": "throttle", "rate": 1.5}, "'rate' must be a number from 0 to 1"),
    ({"operation": "CreateUser", "fault": "throttle", "rate": "0.5"}, "'rate'"),
    ({"operation": "CreateUser", "fault": "throttle", "rate": True}, "'rate'"),
    ({"operation": "CreateUser", "fault": "throttle", "count": 0}, "'count' must be an integer of at least 1"),
    ({"operation": "CreateUser", "fault": "throttle", "count": 1.5}, "'count'"),
    ({"operation": "CreateUser", "fault": "throttle", "seed": "abc"}, "'seed' must be an integer"),
    ({"operation": "CreateUser", "fault": "latency"}, "'seconds' is required by latency"),
    ({"operation": "CreateUser", "fault": "latency", "seconds": 0}, "'seconds' must be a number greater than 0"),
    ({"operation": "CreateUser", "fault": "state_lag"}, "'seconds' is required by state_lag"),
    ({"operation": "CreateUser", "fault": "latency", "seconds": -1}, "'seconds'"),
    ({"operation": "CreateUser", "fault": "throttle", "seconds": 1}, "'seconds' applies only to latency and state_lag"),
    ({"operation": "CreateUser", "fault": "server_error", "status": 502}, "'status' must be 500 (InternalFailure) or 503 (ServiceUnavailable)"),
    ({"operation": "CreateUser", "fault": "throttle", "status": 500}, "'status' applies only to server_error"),
    ({"operation": "CreateUser", "fault": "throttle", "sconds": 1}, "unknown field 'sconds'"),
    ("CreateUser", "must be a JSON object"),
])
def test_bad_rules_are_refused_naming_the_field(workmail_faults, rule, field):
    workmail_faults([{"operation": "ListUsers", "fault": "throttle"}])
    with pytest.raises(ValueError) as info:
        workmail_faults([{"operation": "CreateGroup", "fault": "throttle"}, rule])
    assert str(info.value).startswith("rule 2: ") and field in str(info.value)
    assert [kept["operation"] for kept in workmail_emulator.faults()] == ["ListUsers"]


def test_rules_must_be_a_list(workmail_faults):
    with pytest.raises(ValueError, match="list of rules"):
        workmail_faults({"operation": "CreateUser", "fault": "throttle"})


def test_defaults_listing_replacement_and_clearing(workmail_faults):
    listed = workmail_faults([{"operation": "Create*", "fault": "throttle"},
                              {"operation": "*", "fault": "server_error", "rate": 0.25, "count": 3, "seed": 9},
                              {"operation": "ListUsers", "fault": "latency", "seconds": 0.5},
                              {"operation": "CreateUser", "fault": "server_error", "status": 503}])
    assert listed == [
        {"operation": "Create*", "fault": "throttle", "rate": 1.0, "count": None, "seconds": None, "seed": None, "status": None,
         "matched": 0, "fired": 0},
        {"operation": "*", "fault": "server_error", "rate": 0.25, "count": 3, "seconds": None, "seed": 9, "status": 500,
         "matched": 0, "fired": 0},
        {"operation": "ListUsers", "fault": "latency", "rate": 1.0, "count": None, "seconds": 0.5, "seed": None, "status": None,
         "matched": 0, "fired": 0},
        {"operation": "CreateUser", "fault": "server_error", "rate": 1.0, "count": None, "seconds": None, "seed": None, "status": 503,
         "matched": 0, "fired": 0},
    ]
    assert workmail_emulator.faults() == listed
    assert [rule["operation"] for rule in workmail_faults([{"operation": "DeleteUser", "fault": "lost_response"}])] == ["DeleteUser"]
    assert workmail_emulator.clear_faults() == 1
    assert workmail_emulator.faults() == []


def test_reset_clears_the_rules(workmail_backend_reset):
    workmail_emulator.set_faults([{"operation": "CreateUser", "fault": "throttle"}])
    workmail_emulator.reset()
    assert workmail_emulator.faults() == []


# Matching, counting and replay -------------------------------------------------------------------

def test_count_caps_a_rule_and_the_first_rule_that_fires_decides(workmail_client, workmail_org, workmail_faults):
    workmail_faults([{"operation": "Create*", "fault": "throttle", "count": 1},
                     {"operation": "CreateGroup", "fault": "server_error", "rate": 0},
                     {"operation": "*", "fault": "lost_response", "count": 2}])
    workmail_emulator.clear_calls()
    once = client()
    assert failure(once.create_group, OrganizationId=workmail_org, Name="sales")[:2] == (400, "ThrottlingException")
    assert failure(once.create_group, OrganizationId=workmail_org, Name="support")[:2] == (500, "InternalFailure")
    assert failure(once.list_groups, OrganizationId=workmail_org)[:2] == (500, "InternalFailure")
    assert once.create_group(OrganizationId=workmail_org, Name="legal")["GroupId"]
    assert logged(workmail_emulator.calls()) == [
        ("CreateGroup", 400, "ThrottlingException", "throttle"), ("CreateGroup", 500, "InternalFailure", "lost_response"),
        ("ListGroups", 500, "InternalFailure", "lost_response"), ("CreateGroup", 200, None, None)]
    assert [(rule["matched"], rule["fired"]) for rule in workmail_emulator.faults()] == [(3, 1), (2, 0), (3, 2)]
    assert sorted(group["Name"] for group in workmail_client.list_groups(OrganizationId=workmail_org)["Groups"]) == ["legal", "support"]


def test_exact_names_and_patterns(workmail_client, workmail_org, workmail_faults):
    workmail_faults([{"operation": "DescribeOrganization", "fault": "throttle"}, {"operation": "List*Groups*", "fault": "throttle"}])
    once = client()
    assert failure(once.describe_organization, OrganizationId=workmail_org)[1] == "ThrottlingException"
    assert failure(once.list_groups, OrganizationId=workmail_org)[1] == "ThrottlingException"
    assert once.list_organizations()["OrganizationSummaries"]
    assert once.list_users(OrganizationId=workmail_org)["Users"] == []


def _fault_pattern(org_id, rules, calls=24):
    workmail_emulator.set_faults(rules)
    workmail_emulator.clear_calls()
    once = client()
    for _number in range(calls):
        try:
            once.list_users(OrganizationId=org_id)
        except botocore.exceptions.ClientError:
            pass
    return [call["fault"] for call in workmail_emulator.calls()]


def test_a_seeded_rate_replays_the_same_faults(workmail_client, workmail_org, workmail_faults):
    rule = {"operation": "ListUsers", "fault": "throttle", "rate": 0.5, "seed": 1234}
    first = _fault_pattern(workmail_org, [rule])
    assert set(first) == {"throttle", None}
    assert _fault_pattern(workmail_org, [rule]) == first
    assert _fault_pattern(workmail_org, [{**rule, "seed": 4321}]) != first
    counted = workmail_emulator.faults()[0]
    assert counted["matched"] == 24 and 0 < counted["fired"] < 24


def test_other_services_are_never_faulted(workmail_client, workmail_faults):
    workmail_faults([{"operation": "*", "fault": "throttle"}])
    assert boto3.client("sts", region_name="us-east-1").get_caller_identity()["Account"] == "123456789012"
    assert workmail_emulator.calls() == []


# throttle and server_error -----------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["legacy", "standard"])
def test_throttling_is_retried_by_botocore_then_succeeds(workmail_client, workmail_org, workmail_faults, backoffs, mode):
    workmail_faults([{"operation": "CreateUser", "fault": "throttle", "count": 2}])
    workmail_emulator.clear_calls()
    created = client(mode=mode, attempts=3).create_user(OrganizationId=workmail_org, Name="jdoe", DisplayName="John")
    assert created["ResponseMetadata"]["RetryAttempts"] == 2 and len(backoffs) == 2
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId=created["UserId"])["Name"] == "jdoe"
    assert logged(workmail_emulator.calls(), "CreateUser") == [("CreateUser", 400, "ThrottlingException", "throttle")] * 2 + [
        ("CreateUser", 200, None, None)]
    assert workmail_emulator.faults()[0]["fired"] == 2


def test_throttling_surfaces_when_retries_are_off_and_nothing_is_applied(workmail_client, workmail_org, workmail_faults):
    workmail_faults([{"operation": "CreateUser", "fault": "throttle", "rate": 1}])
    assert failure(client().create_user, OrganizationId=workmail_org, Name="jdoe", DisplayName="John") == (
        400, "ThrottlingException", "Rate exceeded")
    assert names(workmail_client, workmail_org) == []
    entry = next(call for call in workmail_emulator.calls() if call["operation"] == "CreateUser")
    assert (entry["operation"], entry["status"], entry["error"], entry["message"], entry["fault"]) == (
        "CreateUser", 400, "ThrottlingException", "Rate exceeded", "throttle")
    assert entry["response"] == {"__type": "com.amazon.coral.availability#ThrottlingException", "message": "Rate exceeded"}
    assert entry["request"]["Name"] == "jdoe" and entry["organization_id"] == workmail_org


@pytest.mark.parametrize("status, code", [(None, "InternalFailure"), (500, "InternalFailure"), (503, "ServiceUnavailable")])
def test_server_errors(workmail_client, workmail_org, workmail_faults, backoffs, status, code):
    rule = {"operation": "CreateUser", "fault": "server_error", **({"status": status} if status else {})}
    workmail_faults([rule])
    assert failure(client().create_user, OrganizationId=workmail_org, Name="jdoe", DisplayName="John")[:2] == (status or 500, code)
    assert names(workmail_client, workmail_org) == []
    workmail_faults([{**rule, "count": 1}])
    assert client(attempts=2).create_user(OrganizationId=workmail_org, Name="jdoe", DisplayName="John")["ResponseMetadata"]["RetryAttempts"] == 1
    assert names(workmail_client, workmail_org) == ["jdoe"]
    assert logged(workmail_emulator.calls(), "CreateUser") == [("CreateUser", status or 500, code, "server_error")] * 2 + [
        ("CreateUser", 200, None, None)]


# latency -----------------------------------------------------------------------------------------

def test_latency_delays_the_answer(workmail_client, workmail_org, workmail_faults):
    workmail_faults([{"operation": "ListUsers", "fault": "latency", "seconds": 0.2}])
    started = time.monotonic()
    assert workmail_client.list_users(OrganizationId=workmail_org)["Users"] == []
    assert time.monotonic() - started >= 0.2
    assert logged(workmail_emulator.calls(), "ListUsers") == [("ListUsers", 200, None, "latency")]


# lost_response -----------------------------------------------------------------------------------

def test_a_lost_response_was_applied(workmail_client, workmail_org, workmail_faults):
    workmail_faults([{"operation": "CreateUser", "fault": "lost_response"}])
    assert failure(client().create_user, OrganizationId=workmail_org, Name="jdoe", DisplayName="John", Password="Corr3ct-horse")[:2] == (
        500, "InternalFailure")
    user_id = workmail_client.list_users(OrganizationId=workmail_org)["Users"][0]["Id"]
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId="jdoe")["UserId"] == user_id
    entry = next(call for call in workmail_emulator.calls() if call["operation"] == "CreateUser")
    assert (entry["operation"], entry["status"], entry["error"], entry["fault"]) == ("CreateUser", 500, "InternalFailure", "lost_response")
    assert entry["response"] == {"__type": "com.amazon.coral.service#InternalFailure"}
    assert entry["lost"] == {"status": 200, "error": None, "message": None, "response": {"UserId": user_id}}
    assert entry["request"]["Password"] == "**redacted**"


@pytest.mark.parametrize("operation, create, conflict", [
    ("CreateUser", lambda c, org: c.create_user(OrganizationId=org, Name="jdoe", DisplayName="John"), "NameAvailabilityException"),
    ("CreateGroup", lambda c, org: c.create_group(OrganizationId=org, Name="jdoe"), "NameAvailabilityException"),
])
def test_a_retried_create_after_a_lost_response_conflicts(workmail_client, workmail_org, workmail_faults, backoffs, operation, create, conflict):
    workmail_faults([{"operation": operation, "fault": "lost_response", "count": 1}])
    workmail_emulator.clear_calls()
    with raises_code(conflict):
        create(client(attempts=3), workmail_org)
    assert logged(workmail_emulator.calls()) == [(operation, 500, "InternalFailure", "lost_response"), (operation, 400, conflict, None)]
    assert len(workmail_client.list_users(OrganizationId=workmail_org)["Users"] + workmail_client.list_groups(OrganizationId=workmail_org)["Groups"]) == 1


def test_a_retried_alias_after_a_lost_response_conflicts_only_for_another_entity(workmail_client, workmail_org, workmail_faults, backoffs):
    jdoe = new_user(workmail_client, workmail_org, "jdoe", EMAIL)
    jane = new_user(workmail_client, workmail_org, "jane", f"jane@{TEST_DOMAIN}")
    workmail_faults([{"operation": "CreateAlias", "fault": "lost_response", "count": 1}])
    retrying = client(attempts=3)
    retrying.create_alias(OrganizationId=workmail_org, EntityId=jdoe, Alias=f"john@{TEST_DOMAIN}")
    with raises_code("EmailAddressInUseException"):
        retrying.create_alias(OrganizationId=workmail_org, EntityId=jane, Alias=f"john@{TEST_DOMAIN}")
    assert workmail_client.list_aliases(OrganizationId=workmail_org, EntityId=jdoe)["Aliases"] == [f"john@{TEST_DOMAIN}"]


def test_a_client_token_makes_a_create_after_a_lost_response_replay(workmail_client, workmail_faults, backoffs):
    workmail_faults([{"operation": "CreateOrganization", "fault": "lost_response", "count": 1}])
    org_id = client(attempts=3).create_organization(Alias="acme")["OrganizationId"]
    calls = workmail_emulator.calls()
    assert logged(calls) == [("CreateOrganization", 500, "InternalFailure", "lost_response"), ("CreateOrganization", 200, None, None)]
    assert calls[0]["lost"]["response"] == {"OrganizationId": org_id} and calls[0]["organization_id"] == org_id
    assert calls[0]["request"]["ClientToken"] == calls[1]["request"]["ClientToken"]
    assert [org["OrganizationId"] for org in workmail_client.list_organizations()["OrganizationSummaries"]] == [org_id]


def test_a_caller_that_repeats_its_client_token_gets_the_lost_response(workmail_client, workmail_org, workmail_faults):
    workmail_faults([{"operation": "CreateImpersonationRole", "fault": "lost_response", "count": 1}])
    once = client()
    request = {"OrganizationId": workmail_org, "Name": "auditor", "Type": "READ_ONLY", "Rules": [], "ClientToken": "create-auditor-1"}
    assert failure(once.create_impersonation_role, **request)[:2] == (500, "InternalFailure")
    role_id = once.create_impersonation_role(**request)["ImpersonationRoleId"]
    assert [role["ImpersonationRoleId"] for role in workmail_client.list_impersonation_roles(OrganizationId=workmail_org)["Roles"]] == [role_id]
    lost, replayed = (call for call in workmail_emulator.calls() if call["operation"] == "CreateImpersonationRole")
    assert lost["fault"] == "lost_response" and replayed["fault"] is None
    assert lost["lost"]["response"] == replayed["response"] == {"ImpersonationRoleId": role_id}


# state_lag ---------------------------------------------------------------------------------------

def test_state_lag_hides_a_new_user_for_the_window(workmail_client, workmail_org, workmail_faults):
    workmail_faults([{"operation": "CreateUser", "fault": "state_lag", "seconds": 20, "count": 1}])
    workmail_emulator.clear_calls()
    user_id = workmail_client.create_user(OrganizationId=workmail_org, Name="jdoe", DisplayName="John")["UserId"]
    for identifier in (user_id, "jdoe"):
        with raises_code("EntityNotFoundException"):
            workmail_client.describe_user(OrganizationId=workmail_org, UserId=identifier)
    assert names(workmail_client, workmail_org) == []
    with raises_code("EntityNotFoundException"):
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email=EMAIL)
    with raises_code("NameAvailabilityException"):
        workmail_client.create_user(OrganizationId=workmail_org, Name="jdoe", DisplayName="Again")
    workmail_emulator.advance_clock(15)
    assert names(workmail_client, workmail_org) == []
    workmail_emulator.advance_clock(5)
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)["State"] == "DISABLED"
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email=EMAIL)
    calls = workmail_emulator.calls()
    assert [(call["operation"], call["fault"], call["lagged"]) for call in calls[:7]] == [
        ("CreateUser", "state_lag", False), ("DescribeUser", None, True), ("DescribeUser", None, True), ("ListUsers", None, True),
        ("RegisterToWorkMail", None, True), ("CreateUser", None, True), ("ListUsers", None, True)]
    assert [call["lagged"] for call in calls[7:]] == [False, False]


def test_state_lag_shows_the_old_state_of_a_change(workmail_client, workmail_org, workmail_faults):
    user_id = new_user(workmail_client, workmail_org, "jdoe", EMAIL, FirstName="John")
    workmail_faults([{"operation": "DeregisterFromWorkMail", "fault": "state_lag", "seconds": 20},
                     {"operation": "UpdateUser", "fault": "state_lag", "seconds": 10}])
    workmail_client.update_user(OrganizationId=workmail_org, UserId=user_id, FirstName="Johnny")
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)["FirstName"] == "John"
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=user_id)
    described = workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)
    assert (described["State"], described["Email"], described["FirstName"]) == ("ENABLED", EMAIL, "John")
    assert workmail_client.describe_entity(OrganizationId=workmail_org, Email=EMAIL)["EntityId"] == user_id
    assert workmail_client.list_users(OrganizationId=workmail_org, Filters={"State": "ENABLED"})["Users"][0]["Id"] == user_id
    with raises_code("EntityStateException"):
        workmail_client.delete_user(OrganizationId=workmail_org, UserId=user_id)
    workmail_emulator.advance_clock(10)
    described = workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)
    assert (described["State"], described["FirstName"]) == ("ENABLED", "Johnny")
    workmail_emulator.advance_clock(10)
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)["State"] == "DISABLED"
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_entity(OrganizationId=workmail_org, Email=EMAIL)
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=user_id)


def test_state_lag_shows_a_registered_user_as_it_was(workmail_client, workmail_org, workmail_faults):
    user_id = new_user(workmail_client, workmail_org, "jdoe")
    workmail_faults([{"operation": "RegisterToWorkMail", "fault": "state_lag", "seconds": 10}])
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email=EMAIL)
    described = workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)
    assert described["State"] == "DISABLED" and "Email" not in described
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_entity(OrganizationId=workmail_org, Email=EMAIL)
    with raises_code("EmailAddressInUseException"):
        new_user(workmail_client, workmail_org, "jane", EMAIL)
    workmail_emulator.advance_clock(10)
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)["Email"] == EMAIL


def test_state_lag_shows_a_deleted_user_as_it_was(workmail_client, workmail_org, workmail_faults):
    user_id = new_user(workmail_client, workmail_org, "jdoe")
    group_id = workmail_client.create_group(OrganizationId=workmail_org, Name="sales")["GroupId"]
    workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=group_id, MemberId=user_id)
    new_user(workmail_client, workmail_org, "jane")
    workmail_faults([{"operation": "DeleteUser", "fault": "state_lag", "seconds": 10}])
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=user_id)
    assert [(user["Name"], user["State"]) for user in workmail_client.list_users(OrganizationId=workmail_org)["Users"]] == [
        ("jdoe", "DISABLED"), ("jane", "DISABLED")]
    assert [member["Id"] for member in workmail_client.list_group_members(OrganizationId=workmail_org, GroupId=group_id)["Members"]] == [user_id]
    workmail_emulator.advance_clock(10)
    assert [(user["Name"], user["State"]) for user in workmail_client.list_users(OrganizationId=workmail_org)["Users"]] == [
        ("jdoe", "DELETED"), ("jane", "DISABLED")]
    assert workmail_client.list_group_members(OrganizationId=workmail_org, GroupId=group_id)["Members"] == []


def test_state_lag_hides_a_new_alias_and_membership(workmail_client, workmail_org, workmail_faults):
    user_id = new_user(workmail_client, workmail_org, "jdoe", EMAIL)
    group_id = workmail_client.create_group(OrganizationId=workmail_org, Name="sales")["GroupId"]
    workmail_faults([{"operation": "CreateAlias", "fault": "state_lag", "seconds": 10},
                     {"operation": "AssociateMemberToGroup", "fault": "state_lag", "seconds": 10}])
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user_id, Alias=f"john@{TEST_DOMAIN}")
    workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=group_id, MemberId=user_id)
    assert workmail_client.list_aliases(OrganizationId=workmail_org, EntityId=user_id)["Aliases"] == []
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_entity(OrganizationId=workmail_org, Email=f"john@{TEST_DOMAIN}")
    assert workmail_client.list_group_members(OrganizationId=workmail_org, GroupId=group_id)["Members"] == []
    assert workmail_client.list_groups_for_entity(OrganizationId=workmail_org, EntityId=user_id)["Groups"] == []
    workmail_emulator.advance_clock(10)
    assert workmail_client.list_aliases(OrganizationId=workmail_org, EntityId=user_id)["Aliases"] == [f"john@{TEST_DOMAIN}"]
    assert [member["Id"] for member in workmail_client.list_group_members(OrganizationId=workmail_org, GroupId=group_id)["Members"]] == [user_id]


def test_state_lag_hides_a_new_organization(workmail_client, workmail_faults):
    workmail_faults([{"operation": "CreateOrganization", "fault": "state_lag", "seconds": 10}])
    org_id = workmail_client.create_organization(Alias="acme")["OrganizationId"]
    with raises_code("OrganizationNotFoundException"):
        workmail_client.describe_organization(OrganizationId=org_id)
    with raises_code("OrganizationNotFoundException"):
        workmail_client.create_user(OrganizationId=org_id, Name="jdoe", DisplayName="John")
    assert workmail_client.list_organizations()["OrganizationSummaries"] == []
    workmail_emulator.advance_clock(10)
    assert workmail_client.describe_organization(OrganizationId=org_id)["State"] == "Active"


def test_state_lag_hides_a_new_domain_and_role_and_a_deletion(workmail_client, workmail_org, workmail_faults):
    workmail_faults([{"operation": "RegisterMailDomain", "fault": "state_lag", "seconds": 10},
                     {"operation": "CreateImpersonationRole", "fault": "state_lag", "seconds": 10},
                     {"operation": "DeleteOrganization", "fault": "state_lag", "seconds": 10}])
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    role_id = workmail_client.create_impersonation_role(OrganizationId=workmail_org, Name="auditor", Type="READ_ONLY", Rules=[])[
        "ImpersonationRoleId"]
    with raises_code("MailDomainNotFoundException"):
        workmail_client.get_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    assert [domain["DomainName"] for domain in workmail_client.list_mail_domains(OrganizationId=workmail_org)["MailDomains"]] == [TEST_DOMAIN]
    with raises_code("ResourceNotFoundException"):
        workmail_client.get_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId=role_id)
    assert workmail_client.delete_organization(OrganizationId=workmail_org, DeleteDirectory=True)["State"] == "Deleting"
    assert workmail_client.describe_organization(OrganizationId=workmail_org)["State"] == "Active"
    workmail_emulator.advance_clock(10)
    assert workmail_client.describe_organization(OrganizationId=workmail_org)["State"] == "Deleted"
    assert workmail_emulator.backend().organizations[workmail_org].domains["corp.example"].name == "corp.example"


def test_state_lag_hides_only_the_lagged_change(workmail_client, workmail_org, workmail_faults):
    new_user(workmail_client, workmail_org, "first")
    workmail_faults([{"operation": "CreateUser", "fault": "state_lag", "seconds": 10, "count": 1}])
    new_user(workmail_client, workmail_org, "lagged")
    new_user(workmail_client, workmail_org, "prompt")
    assert names(workmail_client, workmail_org) == ["first", "prompt"]
    workmail_emulator.advance_clock(10)
    assert names(workmail_client, workmail_org) == ["first", "lagged", "prompt"]


def test_changing_the_rules_ends_the_windows(workmail_client, workmail_org, workmail_faults):
    workmail_faults([{"operation": "CreateUser", "fault": "state_lag", "seconds": 60}])
    new_user(workmail_client, workmail_org, "jdoe")
    assert names(workmail_client, workmail_org) == []
    workmail_faults([{"operation": "DeleteUser", "fault": "throttle"}])
    assert names(workmail_client, workmail_org) == ["jdoe"]
    workmail_faults([{"operation": "CreateUser", "fault": "state_lag", "seconds": 60}])
    new_user(workmail_client, workmail_org, "jane")
    workmail_emulator.clear_faults()
    assert names(workmail_client, workmail_org) == ["jdoe", "jane"]


# Over HTTP ---------------------------------------------------------------------------------------

def http(server, method, path, body=None, headers=None):
    """Send one request; return (status, headers, decoded JSON body)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(server.url + path, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, json.loads(error.read() or b"null")


def eventually(check, timeout=5.0, interval=0.05):
    """Return True as soon as ``check()`` is true, False after ``timeout`` seconds (for work a server thread finishes)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
    return True


def set_rules(server, rules):
    status, _headers, body = http(server, "POST", "/_emulator/faults", rules)
    assert status == 200, body
    return body


@pytest.fixture
def live(server):
    """The module's server, reset (rules included), with an Active organization; yields (server, organization ID)."""
    assert http(server, "POST", "/moto-api/reset")[0] == 200
    http(server, "DELETE", "/_emulator/calls")
    org_id = server.client().create_organization(Alias="acme")["OrganizationId"]
    http(server, "POST", "/_emulator/clock", {"advance": 1})
    yield server, org_id
    http(server, "DELETE", "/_emulator/faults")


def test_server_throttling_on_the_wire(live, backoffs):
    server, org_id = live
    set_rules(server, [{"operation": "ListUsers", "fault": "throttle", "count": 1}])
    target = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "WorkMailService.ListUsers"}
    status, headers, body = http(server, "POST", "/", {"OrganizationId": org_id}, target)
    assert (status, body) == (400, {"__type": "com.amazon.coral.availability#ThrottlingException", "message": "Rate exceeded"})
    assert headers["Content-Type"] == "application/x-amz-json-1.1" and headers["x-amzn-RequestId"]
    assert headers["x-amzn-ErrorType"] == "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/"
    set_rules(server, [{"operation": "ListUsers", "fault": "throttle", "count": 1}])
    listed = client(server.url, attempts=2).list_users(OrganizationId=org_id)
    assert listed["Users"] == [] and listed["ResponseMetadata"]["RetryAttempts"] == 1
    set_rules(server, [{"operation": "ListUsers", "fault": "throttle"}])
    assert failure(client(server.url).list_users, OrganizationId=org_id) == (400, "ThrottlingException", "Rate exceeded")


def test_server_errors_over_http(live, backoffs):
    server, org_id = live
    set_rules(server, [{"operation": "CreateUser", "fault": "server_error", "status": 503, "count": 1},
                       {"operation": "CreateUser", "fault": "server_error", "count": 1}])
    once = client(server.url)
    assert failure(once.create_user, OrganizationId=org_id, Name="jdoe", DisplayName="John")[:2] == (503, "ServiceUnavailable")
    assert failure(once.create_user, OrganizationId=org_id, Name="jdoe", DisplayName="John")[:2] == (500, "InternalFailure")
    assert server.client().list_users(OrganizationId=org_id)["Users"] == []
    calls = http(server, "GET", "/_emulator/calls?writes=1")[2]
    assert logged(calls, "CreateUser") == [("CreateUser", 503, "ServiceUnavailable", "server_error"),
                                           ("CreateUser", 500, "InternalFailure", "server_error")]


def test_server_latency_and_a_reply_later_than_the_read_timeout(live):
    server, org_id = live
    set_rules(server, [{"operation": "ListUsers", "fault": "latency", "seconds": 0.3}])
    started = time.monotonic()
    assert server.client().list_users(OrganizationId=org_id)["Users"] == []
    assert time.monotonic() - started >= 0.3
    set_rules(server, [{"operation": "CreateUser", "fault": "latency", "seconds": 1}])
    with pytest.raises(botocore.exceptions.ReadTimeoutError):
        client(server.url, read_timeout=0.2).create_user(OrganizationId=org_id, Name="jdoe", DisplayName="John")
    assert eventually(lambda: [user["Name"] for user in server.client().list_users(OrganizationId=org_id)["Users"]] == ["jdoe"])


def test_server_lost_response(live, backoffs):
    server, org_id = live
    set_rules(server, [{"operation": "CreateUser", "fault": "lost_response", "count": 1}])
    status, _headers, body = http(server, "POST", "/", {"OrganizationId": org_id, "Name": "jdoe", "DisplayName": "John"},
                                  {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "WorkMailService.CreateUser"})
    assert (status, body) == (500, {"__type": "com.amazon.coral.service#InternalFailure"})
    user_id = server.client().describe_user(OrganizationId=org_id, UserId="jdoe")["UserId"]
    set_rules(server, [{"operation": "CreateUser", "fault": "lost_response", "count": 1}])
    with raises_code("NameAvailabilityException"):
        client(server.url, attempts=3).create_user(OrganizationId=org_id, Name="jdoe", DisplayName="John")
    entries = [call for call in http(server, "GET", "/_emulator/calls")[2] if call["operation"] == "CreateUser"]
    assert logged(entries) == [("CreateUser", 500, "InternalFailure", "lost_response"), ("CreateUser", 500, "InternalFailure", "lost_response"),
                               ("CreateUser", 400, "NameAvailabilityException", None)]
    assert entries[0]["lost"]["response"] == {"UserId": user_id}
    assert entries[1]["lost"]["error"] == "NameAvailabilityException"


def test_server_state_lag_and_the_clock(live):
    server, org_id = live
    set_rules(server, [{"operation": "CreateUser", "fault": "state_lag", "seconds": 20}])
    workmail = server.client()
    user_id = workmail.create_user(OrganizationId=org_id, Name="jdoe", DisplayName="John")["UserId"]
    with raises_code("EntityNotFoundException"):
        workmail.describe_user(OrganizationId=org_id, UserId=user_id)
    assert workmail.list_users(OrganizationId=org_id)["Users"] == []
    http(server, "POST", "/_emulator/clock", {"advance": 20})
    assert workmail.describe_user(OrganizationId=org_id, UserId=user_id)["Name"] == "jdoe"
    assert [call["lagged"] for call in http(server, "GET", "/_emulator/calls")[2] if call["operation"] != "CreateOrganization"] == [
        False, True, True, False]


def test_server_faults_endpoint(live):
    server, _org_id = live
    assert http(server, "GET", "/_emulator/faults")[::2] == (200, [])
    listed = set_rules(server, [{"operation": "ListUsers", "fault": "throttle", "count": 2}])
    assert listed[0]["count"] == 2 and listed[0]["fired"] == 0
    status, _headers, error = http(server, "POST", "/_emulator/faults", [{"operation": "ListUsers", "fault": "throttle", "rate": 2}])
    assert status == 400 and error["error"].startswith("rule 1: 'rate'")
    assert http(server, "POST", "/_emulator/faults", {"operation": "ListUsers", "fault": "throttle"})[0] == 400
    assert http(server, "GET", "/_emulator/faults")[2] == listed
    assert http(server, "PUT", "/_emulator/faults", [])[0] == 405
    assert http(server, "DELETE", "/_emulator/faults")[::2] == (200, {"status": "ok", "removed": 1})
    assert http(server, "GET", "/_emulator/faults")[2] == []


def test_server_counts_and_the_admin_endpoints_are_never_faulted(live):
    server, org_id = live
    set_rules(server, [{"operation": "*", "fault": "throttle", "count": 2}])
    assert http(server, "GET", "/_emulator/calls")[0] == 200
    assert http(server, "GET", "/_emulator/config")[0] == 200
    assert server.client(service="sts").get_caller_identity()["Account"] == "123456789012"
    once = client(server.url)
    for _attempt in range(2):
        assert failure(once.list_users, OrganizationId=org_id)[1] == "ThrottlingException"
    assert once.list_users(OrganizationId=org_id)["Users"] == []
    assert [(rule["matched"], rule["fired"]) for rule in http(server, "GET", "/_emulator/faults")[2]] == [(3, 2)]


def test_moto_reset_clears_the_rules(live):
    server, _org_id = live
    set_rules(server, [{"operation": "ListUsers", "fault": "throttle"}])
    assert http(server, "POST", "/moto-api/reset")[0] == 200
    assert http(server, "GET", "/_emulator/faults")[2] == []
