"""Organization settings: the email monitoring configuration and inbound DMARC."""

import boto3
import pytest

import workmail_emulator
from workmail_emulator.errors import WorkMailError
from support import raises_code

ACCOUNT = "123456789012"
LOG_GROUP_ARN = f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:/workmail/events:*"
SERVICE_LINKED_ROLE = f"arn:aws:iam::{ACCOUNT}:role/aws-service-role/events.workmail.amazonaws.com/AWSServiceRoleForAmazonWorkMailEvents"


def monitoring(client, org_id):
    result = client.describe_email_monitoring_configuration(OrganizationId=org_id)
    result.pop("ResponseMetadata")
    return result


@pytest.fixture
def log_group(workmail_client):
    boto3.client("logs", region_name="us-east-1").create_log_group(logGroupName="/workmail/events")
    return LOG_GROUP_ARN


@pytest.fixture
def role(workmail_client):
    return boto3.client("iam", region_name="us-east-1").create_role(
        RoleName="workmail-monitoring", AssumeRolePolicyDocument='{"Version": "2012-10-17", "Statement": []}')["Role"]["Arn"]


def test_put_describe_delete(workmail_client, workmail_org, log_group, role):
    with raises_code("ResourceNotFoundException", match="no email monitoring configuration"):
        workmail_client.describe_email_monitoring_configuration(OrganizationId=workmail_org)
    workmail_client.put_email_monitoring_configuration(OrganizationId=workmail_org, LogGroupArn=log_group, RoleArn=role)
    assert monitoring(workmail_client, workmail_org) == {"LogGroupArn": log_group, "RoleArn": role}
    workmail_client.put_email_monitoring_configuration(OrganizationId=workmail_org, LogGroupArn=log_group)
    assert monitoring(workmail_client, workmail_org) == {"LogGroupArn": log_group, "RoleArn": SERVICE_LINKED_ROLE}
    workmail_client.delete_email_monitoring_configuration(OrganizationId=workmail_org)
    with raises_code("ResourceNotFoundException"):
        workmail_client.describe_email_monitoring_configuration(OrganizationId=workmail_org)
    workmail_client.delete_email_monitoring_configuration(OrganizationId=workmail_org)


@pytest.mark.parametrize("log_group_arn, role_arn, message", [
    (f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:/workmail/missing:*", None, "Log group"),
    (f"arn:aws:logs:us-west-2:{ACCOUNT}:log-group:/workmail/events:*", None, "Log group"),
    ("arn:aws:logs:us-east-1:111122223333:log-group:/workmail/events:*", None, "Log group"),
    (LOG_GROUP_ARN, f"arn:aws:iam::{ACCOUNT}:role/missing", "Role"),
    (LOG_GROUP_ARN, "arn:aws:iam::111122223333:role/workmail-monitoring", "Role"),
])
def test_missing_log_group_or_role(workmail_client, workmail_org, log_group, role, log_group_arn, role_arn, message):
    with raises_code("ResourceNotFoundException", match=message):
        workmail_client.put_email_monitoring_configuration(OrganizationId=workmail_org, LogGroupArn=log_group_arn,
                                                           **({"RoleArn": role_arn} if role_arn else {}))
    with raises_code("ResourceNotFoundException"):
        workmail_client.describe_email_monitoring_configuration(OrganizationId=workmail_org)


@pytest.mark.parametrize("params, member", [
    ({"LogGroupArn": f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:/workmail/events"}, "'logGroupArn'"),
    ({"LogGroupArn": LOG_GROUP_ARN, "RoleArn": "arn:aws:s3:::bucket-name-here"}, "'roleArn'"),
])
def test_invalid_parameters(workmail_client, workmail_org, params, member):
    with raises_code("InvalidParameterException", match=member):
        workmail_client.put_email_monitoring_configuration(OrganizationId=workmail_org, **params)


def test_inbound_dmarc(workmail_client, workmail_org):
    assert workmail_client.describe_inbound_dmarc_settings(OrganizationId=workmail_org)["Enforced"] is False
    workmail_client.put_inbound_dmarc_settings(OrganizationId=workmail_org, Enforced=True)
    assert workmail_client.describe_inbound_dmarc_settings(OrganizationId=workmail_org)["Enforced"] is True
    workmail_client.put_inbound_dmarc_settings(OrganizationId=workmail_org, Enforced=False)
    assert workmail_client.describe_inbound_dmarc_settings(OrganizationId=workmail_org)["Enforced"] is False


def test_inbound_dmarc_default_is_a_setting(workmail_client, workmail_org):
    workmail_emulator.configure(inbound_dmarc_default=True)
    enforcing = workmail_client.create_organization(Alias="enforcing")["OrganizationId"]
    assert workmail_client.describe_inbound_dmarc_settings(OrganizationId=enforcing)["Enforced"] is True
    assert workmail_client.describe_inbound_dmarc_settings(OrganizationId=workmail_org)["Enforced"] is False
    with pytest.raises(ValueError, match="true or false"):
        workmail_emulator.configure(inbound_dmarc_default=1)


def test_enforced_is_required(workmail_client, workmail_org):
    # botocore refuses the call without Enforced before sending it: send the request straight to the backend.
    with pytest.raises(WorkMailError) as info:
        workmail_emulator.backend().handle("PutInboundDmarcSettings", {"OrganizationId": workmail_org})
    assert info.value.code == "InvalidParameterException" and "'enforced'" in info.value.message


@pytest.mark.parametrize("operation, params", [
    ("put_email_monitoring_configuration", {"LogGroupArn": LOG_GROUP_ARN}),
    ("describe_email_monitoring_configuration", {}),
    ("delete_email_monitoring_configuration", {}),
    ("put_inbound_dmarc_settings", {"Enforced": True}),
    ("describe_inbound_dmarc_settings", {}),
])
def test_organization_errors(workmail_client, operation, params):
    with raises_code("OrganizationNotFoundException"):
        getattr(workmail_client, operation)(OrganizationId="m-" + "0" * 32, **params)
    workmail_emulator.configure(org_ready_delay=60)
    pending = workmail_client.create_organization(Alias="pending-org")["OrganizationId"]
    with raises_code("OrganizationStateException"):
        getattr(workmail_client, operation)(OrganizationId=pending, **params)
