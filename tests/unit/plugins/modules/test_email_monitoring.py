# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import boto3
import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import email_monitoring
from ansible_collections.mailops.workmail.plugins.modules import email_monitoring_info
from ansible_collections.mailops.workmail.plugins.modules import inbound_dmarc
from ansible_collections.mailops.workmail.plugins.modules import inbound_dmarc_info

LOG_GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/workmail/events:*"
OTHER_LOG_GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/workmail/other:*"
SERVICE_LINKED_ROLE = "arn:aws:iam::123456789012:role/aws-service-role/events.workmail.amazonaws.com/AWSServiceRoleForAmazonWorkMailEvents"


@pytest.fixture
def org(workmail_client, workmail_org):
    logs = boto3.client("logs", region_name="us-east-1")
    logs.create_log_group(logGroupName="/workmail/events")
    logs.create_log_group(logGroupName="/workmail/other")
    workmail_emulator.clear_calls()
    return workmail_org


@pytest.fixture
def role(org):
    return boto3.client("iam", region_name="us-east-1").create_role(
        RoleName="workmail-monitoring", AssumeRolePolicyDocument='{"Version": "2012-10-17", "Statement": []}')["Role"]["Arn"]


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def monitoring(**extra):
    return dict(dict(organization="example-corp", log_group_arn=LOG_GROUP_ARN), **extra)


def described(client, org_id):
    result = client.describe_email_monitoring_configuration(OrganizationId=org_id)
    result.pop("ResponseMetadata")
    return result


def test_turn_on_change_and_off(run_module, workmail_client, org, role):
    planned = run_module(email_monitoring, monitoring(), check_mode=True, diff=True)
    assert planned["changed"] is True and planned["email_monitoring"] == dict(log_group_arn=LOG_GROUP_ARN, role_arn=None)
    assert writes() == []

    created = run_module(email_monitoring, monitoring(), diff=True)
    assert created["changed"] is True and writes() == ["PutEmailMonitoringConfiguration"]
    assert created["email_monitoring"] == dict(log_group_arn=LOG_GROUP_ARN, role_arn=SERVICE_LINKED_ROLE)
    assert created["diff"] == dict(before={}, after=created["email_monitoring"])
    assert described(workmail_client, org) == {"LogGroupArn": LOG_GROUP_ARN, "RoleArn": SERVICE_LINKED_ROLE}

    workmail_emulator.clear_calls()
    assert run_module(email_monitoring, monitoring())["changed"] is False
    assert run_module(email_monitoring, monitoring(), check_mode=True)["changed"] is False
    assert writes() == []
    # The _info twin gives the configuration back in the module's shape: fed back, nothing changes.
    info = run_module(email_monitoring_info, dict(organization="example-corp"))["email_monitoring"]
    assert info == created["email_monitoring"]
    assert run_module(email_monitoring, dict(info, organization="example-corp"))["changed"] is False
    assert writes() == []

    with_role = run_module(email_monitoring, monitoring(role_arn=role), diff=True)
    assert with_role["changed"] is True and with_role["diff"]["before"]["role_arn"] == SERVICE_LINKED_ROLE
    assert described(workmail_client, org) == {"LogGroupArn": LOG_GROUP_ARN, "RoleArn": role}
    # The role stays when only the log group changes.
    moved = run_module(email_monitoring, dict(organization="example-corp", log_group_arn=OTHER_LOG_GROUP_ARN))
    assert moved["changed"] is True
    assert described(workmail_client, org) == {"LogGroupArn": OTHER_LOG_GROUP_ARN, "RoleArn": role}

    workmail_emulator.clear_calls()
    off = run_module(email_monitoring, dict(organization="example-corp", state="absent"), diff=True)
    assert off["changed"] is True and writes() == ["DeleteEmailMonitoringConfiguration"]
    assert off["diff"] == dict(before=dict(log_group_arn=OTHER_LOG_GROUP_ARN, role_arn=role), after={})
    with pytest.raises(workmail_client.exceptions.ResourceNotFoundException):
        workmail_client.describe_email_monitoring_configuration(OrganizationId=org)
    workmail_emulator.clear_calls()
    assert run_module(email_monitoring, dict(organization="example-corp", state="absent"))["changed"] is False
    assert run_module(email_monitoring_info, dict(organization="example-corp"))["email_monitoring"] == {}
    assert writes() == []


@pytest.mark.parametrize("args, message", [
    (dict(log_group_arn=None), "log_group_arn: is required to turn email monitoring on"),
    (dict(log_group_arn="arn:aws:logs:us-east-1:123456789012:log-group:/workmail/events"),
     "log_group_arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/workmail/events' is not valid: it must be a CloudWatch Logs "
     "log group ARN ending in :*, such as arn:aws:logs:us-east-1:111122223333:log-group:/workmail/events:*"),
    (dict(role_arn="workmail-monitoring"),
     "role_arn: 'workmail-monitoring' is not valid: it must be an IAM role ARN such as arn:aws:iam::111122223333:role/workmail-export"),
])
def test_bad_input_is_refused_before_any_write(run_module, org, args, message):
    result = run_module(email_monitoring, monitoring(**args))
    assert result.failed and result["msg"] == message
    assert writes() == []


def test_a_missing_role_fails_with_the_service_error(run_module, workmail_client, org):
    result = run_module(email_monitoring, monitoring(role_arn="arn:aws:iam::123456789012:role/missing"))
    assert result.failed and result["error_code"] == "ResourceNotFoundException"
    assert result["msg"] == ("PutEmailMonitoringConfiguration failed: Role arn:aws:iam::123456789012:role/missing "
                             "does not exist in account 123456789012")
    with pytest.raises(workmail_client.exceptions.ResourceNotFoundException):
        workmail_client.describe_email_monitoring_configuration(OrganizationId=org)


def test_inbound_dmarc(run_module, workmail_client, org):
    planned = run_module(inbound_dmarc, dict(organization="example-corp", enforced=True), check_mode=True, diff=True)
    assert planned["changed"] is True and planned["diff"] == dict(before=dict(enforced=False), after=dict(enforced=True))
    assert writes() == []
    assert workmail_client.describe_inbound_dmarc_settings(OrganizationId=org)["Enforced"] is False
    assert run_module(inbound_dmarc_info, dict(organization="example-corp"))["inbound_dmarc"] == dict(enforced=False)

    applied = run_module(inbound_dmarc, dict(organization="example-corp", enforced=True), diff=True)
    assert applied["changed"] is True and applied["inbound_dmarc"] == dict(enforced=True)
    assert writes() == ["PutInboundDmarcSettings"]
    assert workmail_client.describe_inbound_dmarc_settings(OrganizationId=org)["Enforced"] is True

    workmail_emulator.clear_calls()
    assert run_module(inbound_dmarc, dict(organization="example-corp", enforced=True))["changed"] is False
    assert run_module(inbound_dmarc, dict(organization="example-corp", enforced=True), check_mode=True)["changed"] is False
    info = run_module(inbound_dmarc_info, dict(organization="example-corp"))["inbound_dmarc"]
    assert info == dict(enforced=True)
    assert run_module(inbound_dmarc, dict(info, organization="example-corp"))["changed"] is False
    assert writes() == []

    assert run_module(inbound_dmarc, dict(organization="example-corp", enforced=False))["changed"] is True
    assert workmail_client.describe_inbound_dmarc_settings(OrganizationId=org)["Enforced"] is False


def test_inbound_dmarc_needs_enforced(run_module, org):
    result = run_module(inbound_dmarc, dict(organization="example-corp"))
    assert result.failed and result["msg"] == "missing required arguments: enforced"
    result = run_module(inbound_dmarc, dict(organization="example-corp", enforced="sometimes"))
    assert result.failed and result["msg"] == "enforced: must be true or false; got 'sometimes'"
    assert writes() == []


def test_info_of_an_organization_still_to_be_created(run_module, workmail_client):
    """In check mode, the organization an earlier task would create reads as empty."""
    for module, key in ((email_monitoring_info, "email_monitoring"), (inbound_dmarc_info, "inbound_dmarc")):
        result = run_module(module, dict(organization="not-yet-created"), check_mode=True)
        assert not result.failed and result[key] == {}
    assert writes() == []
