# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The API layer: ClientTokens, the one retry policy (against the emulator's throttle and
server_error faults), and writes that a retry or another run may find done already."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import types

import boto3
import botocore.exceptions
import pytest

from botocore.config import Config
from botocore.retries.standard import ExponentialBackoff
from botocore.stub import Stubber

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.module_utils import api
from ansible_collections.mailops.workmail.plugins.module_utils.api import WorkMailAPI
from ansible_collections.mailops.workmail.plugins.module_utils.api import client_token
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError
from ansible_collections.mailops.workmail.plugins.module_utils.validation import fits

pytest_plugins = ["workmail_emulator.pytest_plugin"]

REQUEST = {"OrganizationId": "m-" + "0" * 32, "Name": "archiver", "Type": "READ_ONLY", "Rules": []}


@pytest.fixture
def backoffs(monkeypatch):
    """Record the back-off botocore sleeps between attempts instead of sleeping it; the attempts are real."""
    slept = []
    monkeypatch.setattr("botocore.endpoint.time", types.SimpleNamespace(sleep=slept.append))
    return slept


@pytest.fixture
def workmail(workmail_client):
    """A WorkMailAPI over a client built as every module builds it (api.client_config)."""
    return WorkMailAPI(boto3.session.Session().client("workmail", region_name="us-east-1", config=Config(**api.client_config())))


def attempts(operation):
    """(status, error, fault) of each logged call of ``operation``."""
    return [(c["status"], c["error"], c["fault"]) for c in workmail_emulator.calls() if c["operation"] == operation]


def test_client_token_is_the_request_s_own():
    token = client_token("CreateImpersonationRole", REQUEST)

    assert token == client_token("CreateImpersonationRole", dict(reversed(list(REQUEST.items()))))
    assert token == client_token("CreateImpersonationRole", dict(REQUEST, ClientToken="ignored"))
    assert token != client_token("CreateImpersonationRole", dict(REQUEST, Name="journal"))
    assert token != client_token("CreateImpersonationRole", dict(REQUEST, OrganizationId="m-" + "1" * 32))
    assert token != client_token("CreateMobileDeviceAccessRule", REQUEST)
    assert token != client_token("CreateImpersonationRole", REQUEST, "deleted-role-id")
    assert fits("CreateImpersonationRole", "ClientToken", token)


# The retry policy --------------------------------------------------------------------------------

def test_every_client_retries_in_botocore_standard_mode_with_bounded_attempts(workmail):
    assert api.client_config()["retries"] == {"mode": "standard", "total_max_attempts": 10}
    assert api.client_config(workers=32)["max_pool_connections"] == 32
    retries = workmail.client.meta.config.retries
    assert retries["mode"] == "standard" and retries["total_max_attempts"] == 10


class _Attempt:
    def __init__(self, number):
        self.attempt_number = number
        self.http_response = None


@pytest.mark.parametrize("throttled, bound", [(True, 111), (False, 25.55)])
def test_the_documented_bound_is_botocore_s_longest_back_off(throttled, bound):
    detector = types.SimpleNamespace(is_throttling_error_from_context=lambda context: throttled)
    longest = ExponentialBackoff(random=lambda: 1.0, throttling_detector=detector)

    slept = sum(longest.delay_amount(_Attempt(n)) for n in range(1, api.MAX_ATTEMPTS))

    assert slept == pytest.approx(bound)
    assert api.max_backoff(base=1.0 if throttled else 0.05) == pytest.approx(bound)


def test_throttling_is_retried_by_botocore_within_the_bound(workmail, workmail_org, workmail_faults, backoffs):
    workmail_faults([{"operation": "ListUsers", "fault": "throttle", "count": 9}])

    assert workmail.list_users(workmail_org) == []

    assert attempts("ListUsers") == [(400, "ThrottlingException", "throttle")] * 9 + [(200, None, None)]
    assert len(backoffs) == 9
    assert all(0 <= slept <= min(2 ** n, api.MAX_BACKOFF) for n, slept in enumerate(backoffs))
    assert sum(backoffs) <= api.max_backoff()


def test_a_call_gives_up_after_the_last_attempt_and_says_so(workmail, workmail_org, workmail_faults, backoffs):
    workmail_faults([{"operation": "ListUsers", "fault": "throttle"}])

    with pytest.raises(WorkMailError) as caught:
        workmail.list_users(workmail_org)

    assert caught.value.code == "ThrottlingException"
    assert caught.value.message == "ListUsers failed after 10 attempts: Rate exceeded"
    # One layer of retries: 10 attempts, not 10 times those of a second retrier.
    assert attempts("ListUsers") == [(400, "ThrottlingException", "throttle")] * 10
    assert len(backoffs) == 9


@pytest.mark.parametrize("status, code", [(500, "InternalFailure"), (503, "ServiceUnavailable")])
def test_server_errors_are_retried_with_a_short_back_off(workmail, workmail_org, workmail_faults, backoffs, status, code):
    workmail_faults([{"operation": "CreateGroup", "fault": "server_error", "status": status, "count": 3}])

    group_id = workmail.create_group(workmail_org, Name="finance")

    assert attempts("CreateGroup") == [(status, code, "server_error")] * 3 + [(200, None, None)]
    assert [g["Id"] for g in workmail.list_groups(workmail_org)] == [group_id]
    assert all(slept <= 0.05 * 2 ** n for n, slept in enumerate(backoffs))


def test_a_task_s_aws_config_replaces_the_policy():
    merged = Config(**api.client_config()).merge(Config(retries={"mode": "adaptive", "total_max_attempts": 3}))
    assert merged.retries == {"mode": "adaptive", "total_max_attempts": 3}


# ClientTokens derived from the request -------------------------------------------------------------

def test_an_organization_created_twice_is_one_organization(workmail, workmail_client, workmail_faults, backoffs):
    def live(organization_id):
        return workmail.describe_organization(organization_id)["State"] != "Deleted"

    workmail_faults([{"operation": "CreateOrganization", "fault": "lost_response", "count": 1}])

    first = workmail.create_organization(live, Alias="acme")
    # Another run sending the same request gets the same organization.
    second = workmail.create_organization(live, Alias="acme")

    assert first == second
    organizations = workmail_client.list_organizations()["OrganizationSummaries"]
    assert [o["OrganizationId"] for o in organizations] == [first]
    tokens = set(c["request"]["ClientToken"] for c in workmail_emulator.calls() if c["operation"] == "CreateOrganization")
    assert tokens == set([client_token("CreateOrganization", {"Alias": "acme"})])


def test_an_organization_deleted_then_created_again_is_a_new_one(workmail, workmail_client):
    def live(organization_id):
        return workmail.describe_organization(organization_id)["State"] not in ("Deleted", "Deleting")

    first = workmail.create_organization(live, Alias="acme")
    workmail.delete_organization(first, DeleteDirectory=True, ForceDelete=True)

    second = workmail.create_organization(live, Alias="acme")

    assert second != first
    assert workmail_client.describe_organization(OrganizationId=second)["State"] == "Active"
    deletes = [c["request"] for c in workmail_emulator.calls() if c["operation"] == "DeleteOrganization"]
    assert deletes[0]["ClientToken"] == client_token("DeleteOrganization", dict(OrganizationId=first, DeleteDirectory=True, ForceDelete=True))


def test_a_domain_registered_deregistered_and_registered_again_is_registered(workmail, workmail_org):
    workmail.register_mail_domain(workmail_org, "example.com")
    workmail.deregister_mail_domain(workmail_org, "example.com")

    workmail.register_mail_domain(workmail_org, "example.com")

    assert workmail.get_mail_domain(workmail_org, "example.com") is not None
    registrations = [c for c in workmail_emulator.calls() if c["operation"] == "RegisterMailDomain"]
    token = client_token("RegisterMailDomain", dict(OrganizationId=workmail_org, DomainName="example.com"))
    # The second time, the derived token was replayed (no effect), so a token of botocore's followed.
    assert [c["request"]["ClientToken"] == token for c in registrations] == [True, True, False]


# Writes a retry or another run may find done ---------------------------------------------------------

def stubbed(*steps):
    """A WorkMailAPI over a stubbed client answering ``steps`` in order: (operation, response) or
    (operation, error code)."""
    client = boto3.session.Session().client("workmail", region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s")
    stubber = Stubber(client)
    for operation, answer in steps:
        if isinstance(answer, dict):
            stubber.add_response(operation, answer)
        else:
            stubber.add_client_error(operation, service_error_code=answer, http_status_code=400)
    stubber.activate()
    return WorkMailAPI(client), stubber


ORG = "m-" + "0" * 32
JDOE = "d1f3c2a0-0000-4000-8000-000000000001"
JANE = "d1f3c2a0-0000-4000-8000-000000000002"


@pytest.mark.parametrize("write, operation, code", [
    (lambda a: a.create_alias(ORG, JDOE, "john@example.com"), "create_alias", "EmailAddressInUseException"),
    (lambda a: a.register_to_workmail(ORG, JDOE, "john@example.com"), "register_to_work_mail", "EntityAlreadyRegisteredException"),
    (lambda a: a.register_to_workmail(ORG, JDOE, "john@example.com"), "register_to_work_mail", "EmailAddressInUseException"),
])
def test_an_address_the_entity_holds_already_is_done(write, operation, code):
    workmail, stubber = stubbed((operation, code), ("describe_entity", {"EntityId": JDOE, "Name": "jdoe", "Type": "USER"}))

    write(workmail)

    stubber.assert_no_pending_responses()


@pytest.mark.parametrize("write, operation, code", [
    (lambda a: a.create_alias(ORG, JDOE, "john@example.com"), "create_alias", "EmailAddressInUseException"),
    (lambda a: a.register_to_workmail(ORG, JDOE, "john@example.com"), "register_to_work_mail", "EmailAddressInUseException"),
])
def test_an_address_another_entity_holds_fails(write, operation, code):
    workmail, stubber = stubbed((operation, code), ("describe_entity", {"EntityId": JANE, "Name": "jane", "Type": "USER"}))

    with pytest.raises(WorkMailError) as caught:
        write(workmail)

    assert caught.value.code == code
    stubber.assert_no_pending_responses()


def test_an_alias_retried_after_a_lost_reply_is_made_once(workmail, workmail_org, workmail_faults, backoffs):
    workmail.register_mail_domain(workmail_org, "example.com")
    user_id = workmail.create_user(workmail_org, Name="jdoe", DisplayName="jdoe")
    workmail.register_to_workmail(workmail_org, user_id, "jdoe@example.com")
    workmail_faults([{"operation": "CreateAlias", "fault": "lost_response", "count": 1}])

    workmail.create_alias(workmail_org, user_id, "john@example.com")

    assert workmail.list_aliases(workmail_org, user_id) == ["john@example.com"]
    assert attempts("CreateAlias") == [(500, "InternalFailure", "lost_response"), (200, None, None)]


# When botocore's retry quota is spent --------------------------------------------------------------

@pytest.fixture
def quota_backoffs(monkeypatch):
    """Record the back-off of QuotaRetry (amazon.aws's retry loop) instead of sleeping it."""
    slept = []
    monkeypatch.setattr("ansible_collections.amazon.aws.plugins.module_utils.cloud.time", types.SimpleNamespace(sleep=slept.append))
    return slept


def test_calls_botocore_stops_retrying_once_its_quota_is_spent_are_sent_again(
        workmail, workmail_org, workmail_faults, backoffs, quota_backoffs):
    """Existence checks answered "not found" give botocore's retry quota nothing back: many of
    them under throttling spend it, after which botocore no longer retries."""
    workmail_faults([{"operation": "DescribeEntity", "fault": "throttle", "rate": 0.3, "seed": 3}])

    looked_up = [workmail.describe_entity(workmail_org, "nobody{0}@example.com".format(n)) for n in range(600)]

    assert looked_up == [None] * 600
    spent = [c for c in workmail_emulator.calls() if c["fault"] == "throttle"]
    assert len(spent) > 100  # enough throttled, never refunded retries to spend 500 tokens
    assert quota_backoffs, "the quota was never spent: the test tests nothing"
    assert all(slept <= api.MAX_BACKOFF for slept in quota_backoffs)


def test_only_a_spent_quota_is_retried_by_quota_retry():
    def error(code, **metadata):
        return botocore.exceptions.ClientError({"Error": {"Code": code}, "ResponseMetadata": metadata}, "DescribeEntity")

    assert api.QuotaRetry.found(api.QuotaRetry.status_code_from_exception(error("ThrottlingException", RetryQuotaReached=True)))
    assert not api.QuotaRetry.found(api.QuotaRetry.status_code_from_exception(error("ThrottlingException", MaxAttemptsReached=True)))
    assert not api.QuotaRetry.found(api.QuotaRetry.status_code_from_exception(error("EntityNotFoundException")))
