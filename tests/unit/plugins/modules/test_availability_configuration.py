# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import availability_configuration
from ansible_collections.mailops.workmail.plugins.modules import availability_configuration_info

PASSWORD = "Fr33busy-secret"
NEW_PASSWORD = "N3w-freebusy-secret"
ENDPOINT = "https://127.0.0.1/EWS/Exchange.asmx"
LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:free-busy"


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_emulator.clear_calls()
    return workmail_org


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def partner(**extra):
    ews = dict(endpoint=ENDPOINT, username="freebusy@partner.example.com", password=PASSWORD)
    args = dict(dict(organization="example-corp", domain_name="Partner.Example.com", ews_provider=ews), **extra)
    return dict((k, v) for k, v in args.items() if v is not None)


def stored(client, org_id):
    return [dict((k, v) for k, v in c.items() if not k.startswith("Date"))
            for c in client.list_availability_configurations(OrganizationId=org_id)["AvailabilityConfigurations"]]


def test_create_rerun_update_and_delete(run_module, workmail_client, org):
    created = run_module(availability_configuration, partner(), diff=True)
    assert created["changed"] is True
    assert writes() == ["CreateAvailabilityConfiguration"]
    assert stored(workmail_client, org) == [{"DomainName": "partner.example.com", "ProviderType": "EWS",
                                             "EwsProvider": {"EwsEndpoint": ENDPOINT, "EwsUsername": "freebusy@partner.example.com"}}]
    configuration = created["availability_configuration"]
    assert configuration["provider_type"] == "ews" and configuration["lambda_provider"] is None
    assert configuration["ews_provider"] == dict(endpoint=ENDPOINT, username="freebusy@partner.example.com")
    assert created["diff"] == dict(before={}, after=dict(configuration, ews_password="(set)"))

    workmail_emulator.clear_calls()
    rerun = run_module(availability_configuration, partner(), diff=True)
    assert rerun["changed"] is False and writes() == []
    assert rerun["diff"]["before"] == rerun["diff"]["after"]

    # A new user name: the provider goes whole, the password with it.
    moved = run_module(availability_configuration, partner(ews_provider=dict(endpoint=ENDPOINT, username="fb@partner.example.com",
                                                                             password=PASSWORD)), diff=True)
    assert moved["changed"] is True and writes() == ["UpdateAvailabilityConfiguration"]
    assert moved["diff"]["before"]["ews_provider"]["username"] == "freebusy@partner.example.com"
    assert moved["diff"]["after"]["ews_provider"]["username"] == "fb@partner.example.com"
    assert moved["diff"]["after"]["ews_password"] == "(reset)"

    workmail_emulator.clear_calls()
    switched = run_module(availability_configuration, dict(organization="example-corp", domain_name="partner.example.com",
                                                           lambda_provider=dict(lambda_arn=LAMBDA_ARN)), diff=True)
    assert switched["changed"] is True and writes() == ["UpdateAvailabilityConfiguration"]
    assert switched["availability_configuration"]["ews_provider"] is None
    assert stored(workmail_client, org) == [{"DomainName": "partner.example.com", "ProviderType": "LAMBDA", "LambdaProvider": {"LambdaArn": LAMBDA_ARN}}]

    workmail_emulator.clear_calls()
    deleted = run_module(availability_configuration, dict(organization="example-corp", domain_name="PARTNER.example.com", state="absent"), diff=True)
    assert deleted["changed"] is True and writes() == ["DeleteAvailabilityConfiguration"]
    assert deleted["diff"]["after"] == {} and deleted["availability_configuration"] == {}
    assert stored(workmail_client, org) == []
    workmail_emulator.clear_calls()
    assert run_module(availability_configuration, dict(organization="example-corp", domain_name="partner.example.com", state="absent"))["changed"] is False
    assert writes() == []


def test_check_mode_writes_nothing(run_module, workmail_client, org):
    planned = run_module(availability_configuration, partner(), check_mode=True, diff=True)
    assert planned["changed"] is True
    assert planned["availability_configuration"]["domain_name"] == "partner.example.com"
    assert planned["availability_configuration"]["date_created"] is None
    assert planned["diff"]["after"]["ews_password"] == "(set)"
    run_module(availability_configuration, partner())
    workmail_emulator.clear_calls()
    switch = run_module(availability_configuration, partner(ews_provider=None, lambda_provider=dict(lambda_arn=LAMBDA_ARN)), check_mode=True, diff=True)
    assert switch["changed"] is True
    assert switch["availability_configuration"]["provider_type"] == "lambda"
    assert switch["availability_configuration"]["ews_provider"] is None
    always = run_module(availability_configuration, partner(update_password="always"), check_mode=True, diff=True)
    assert always["changed"] is True and always["diff"]["after"]["ews_password"] == "(reset)"
    assert writes() == []
    assert stored(workmail_client, org)[0]["ProviderType"] == "EWS"


def test_update_password(run_module, workmail_client, org):
    run_module(availability_configuration, partner())
    workmail_emulator.clear_calls()
    # on_create: a new password alone is not sent (it cannot be compared).
    new_password = dict(endpoint=ENDPOINT, username="freebusy@partner.example.com", password=NEW_PASSWORD)
    assert run_module(availability_configuration, partner(ews_provider=new_password))["changed"] is False
    assert writes() == []
    always = run_module(availability_configuration, partner(update_password="always"), diff=True)
    assert always["changed"] is True and writes() == ["UpdateAvailabilityConfiguration"]
    after = dict(always["diff"]["after"])
    assert after.pop("ews_password") == "(reset)"
    assert dict(after, date_modified=None) == dict(always["diff"]["before"], date_modified=None)
    workmail_emulator.clear_calls()
    assert run_module(availability_configuration, partner(update_password="always"))["changed"] is True
    assert writes() == ["UpdateAvailabilityConfiguration"]


def test_info_round_trip_and_test(run_module, workmail_client, org):
    run_module(availability_configuration, partner())
    run_module(availability_configuration, dict(organization="example-corp", domain_name="remote.example.net",
                                                ews_provider=dict(endpoint="https://mail.example.net/EWS/Exchange.asmx", username="fb", password=PASSWORD)))
    run_module(availability_configuration, dict(organization="example-corp", domain_name="lambda.example.org", lambda_provider=dict(lambda_arn=LAMBDA_ARN)))
    info = run_module(availability_configuration_info, dict(organization="example-corp"))
    assert info["changed"] is False
    assert info["availability_configurations"] == [
        dict(domain_name="partner.example.com", ews_provider=dict(endpoint=ENDPOINT, username="freebusy@partner.example.com")),
        dict(domain_name="remote.example.net", ews_provider=dict(endpoint="https://mail.example.net/EWS/Exchange.asmx", username="fb")),
        dict(domain_name="lambda.example.org", lambda_provider=dict(lambda_arn=LAMBDA_ARN)),
    ]
    assert PASSWORD not in json.dumps(info)
    workmail_emulator.clear_calls()
    for item in info["availability_configurations"]:
        assert run_module(availability_configuration, dict(item, organization="example-corp"))["changed"] is False
    assert writes() == []

    one = run_module(availability_configuration_info, dict(organization="example-corp", domain_name="PARTNER.example.com", test=True))
    assert [c["domain_name"] for c in one["availability_configurations"]] == ["partner.example.com"]
    assert one["test"] == dict(test_passed=True, failure_reason=None)
    remote = run_module(availability_configuration_info, dict(organization="example-corp", domain_name="remote.example.net", test=True), check_mode=True)
    assert remote["test"] == dict(test_passed=False, failure_reason="Could not connect to the EWS endpoint https://mail.example.net/EWS/Exchange.asmx")
    assert writes() == []
    missing = run_module(availability_configuration_info, dict(organization="example-corp", domain_name="none.example.com", test=True))
    assert missing.failed and missing["msg"] == "domain_name: the organization has no availability configuration for 'none.example.com' to test"
    no_domain = run_module(availability_configuration_info, dict(organization="example-corp", test=True))
    assert no_domain.failed and no_domain["msg"] == "test is True but all of the following are missing: domain_name"


@pytest.mark.parametrize("args, message", [
    (dict(ews_provider=None), "ews_provider: or lambda_provider is required to create the availability configuration of partner.example.com"),
    (dict(ews_provider=dict(endpoint=ENDPOINT, username="fb")),
     "ews_provider.password: is required to create an EWS provider: the service takes the provider whole, password included"),
    (dict(ews_provider=dict(endpoint="ftp://mail.example.com/", username="fb", password=PASSWORD)),
     "ews_provider.endpoint: 'ftp://mail.example.com/' is not valid: it must be an http or https URL with a path, such as "
     "https://mail.example.com/EWS/Exchange.asmx"),
    (dict(ews_provider=None, lambda_provider=dict(lambda_arn="arn:aws:lambda:us-gov-west-1:123456789012:function:free-busy")),
     "lambda_provider.lambda_arn: 'arn:aws:lambda:us-gov-west-1:123456789012:function:free-busy' is not valid: it must be a Lambda "
     "function ARN such as arn:aws:lambda:us-east-1:111122223333:function:free-busy (optionally with :$LATEST, a version or an alias)"),
    (dict(domain_name="partner example.com"),
     "domain_name: 'partner example.com' is not valid: it must be a domain name such as example.com (letters, digits, '.' and '-' only)"),
    (dict(lambda_provider=dict(lambda_arn=LAMBDA_ARN)), "parameters are mutually exclusive: ews_provider|lambda_provider"),
])
def test_bad_input_is_refused_before_any_write(run_module, org, args, message):
    result = run_module(availability_configuration, partner(**args))
    assert result.failed and result["msg"] == message
    assert writes() == []
    assert PASSWORD not in json.dumps(result)


def test_changing_ews_needs_the_password(run_module, org):
    run_module(availability_configuration, partner())
    workmail_emulator.clear_calls()
    result = run_module(availability_configuration, partner(ews_provider=dict(endpoint="https://127.0.0.1/EWS/other", username="fb")))
    assert result.failed
    assert result["msg"] == "ews_provider.password: is required to change an EWS provider: the service takes the provider whole, password included"
    assert writes() == []
