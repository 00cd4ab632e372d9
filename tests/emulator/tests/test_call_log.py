"""The call log in process: order, content, filters and redaction."""

import json

import pytest
from support import TEST_DOMAIN, new_user

import workmail_emulator
from workmail_emulator.call_log import REDACTED, SECRET_SHAPES, CallLog


def test_calls_are_recorded_in_order(workmail_client, workmail_org):
    workmail_emulator.clear_calls()
    user_id = new_user(workmail_client, workmail_org, "jdoe")
    with pytest.raises(workmail_client.exceptions.EntityNotFoundException):
        workmail_client.describe_user(OrganizationId=workmail_org, UserId="ghost-user")
    log = workmail_emulator.calls()
    assert [(call["operation"], call["status"], call["error"]) for call in log] == [
        ("CreateUser", 200, None), ("DescribeUser", 400, "EntityNotFoundException")]
    created, failed = log
    assert created["organization_id"] == workmail_org and failed["organization_id"] == workmail_org
    assert created["request"] == {"OrganizationId": workmail_org, "Name": "jdoe", "DisplayName": "Jdoe"}
    assert created["response"] == {"UserId": user_id}
    assert failed["message"] == failed["response"]["Message"]
    assert (created["account_id"], created["region"]) == ("123456789012", "us-east-1")
    assert failed["sequence"] > created["sequence"] and failed["time"] >= created["time"]


def test_create_organization_records_the_new_id(workmail_client):
    org_id = workmail_client.create_organization(Alias="acme")["OrganizationId"]
    assert workmail_emulator.calls()[-1]["organization_id"] == org_id


def test_writes_filter_and_clear(workmail_client, workmail_org):
    workmail_client.list_users(OrganizationId=workmail_org)
    workmail_client.create_group(OrganizationId=workmail_org, Name="sales")
    workmail_client.get_mail_domain(OrganizationId=workmail_org, DomainName=TEST_DOMAIN)
    assert [call["operation"] for call in workmail_emulator.calls(writes_only=True)] == ["CreateOrganization", "CreateGroup"]
    workmail_emulator.clear_calls()
    assert workmail_emulator.calls() == []


@pytest.mark.parametrize("operation, write", [
    ("CreateUser", True), ("PutAccessControlRule", True), ("AssumeImpersonationRole", True), ("RegisterToWorkMail", True),
    ("DescribeUser", False), ("GetMailDomain", False), ("ListUsers", False), ("TestAvailabilityConfiguration", False),
])
def test_is_write(operation, write):
    assert workmail_emulator.is_write(operation) is write


def test_secrets_are_redacted(workmail_client, workmail_org):
    user_id = new_user(workmail_client, workmail_org, "jdoe", Password="Corr3ct-horse", FirstName="John")
    workmail_client.reset_password(OrganizationId=workmail_org, UserId=user_id, Password="Battery-Stap1e")
    role_id = workmail_client.create_impersonation_role(OrganizationId=workmail_org, Name="r", Type="READ_ONLY", Rules=[])["ImpersonationRoleId"]
    token = workmail_client.assume_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId=role_id)["Token"]
    with pytest.raises(workmail_client.exceptions.InvalidPasswordException):
        workmail_client.create_user(OrganizationId=workmail_org, Name="weak", DisplayName="W", Password="weakling")
    log = {call["operation"]: call for call in workmail_emulator.calls()}
    assert log["CreateUser"]["request"]["Password"] == REDACTED
    assert log["CreateUser"]["error"] == "InvalidPasswordException"
    first_create = next(call for call in workmail_emulator.calls() if call["operation"] == "CreateUser")
    assert first_create["request"] == {"OrganizationId": workmail_org, "Name": "jdoe", "DisplayName": "Jdoe",
                                       "Password": REDACTED, "FirstName": "John"}
    assert log["ResetPassword"]["request"]["Password"] == REDACTED
    assert log["AssumeImpersonationRole"]["response"] == {"Token": REDACTED, "ExpiresIn": 900}
    dumped = json.dumps(workmail_emulator.calls())
    for secret in ("Corr3ct-horse", "Battery-Stap1e", "weakling", token):
        assert secret not in dumped
    assert "John" in dumped


def test_the_redaction_rule():
    assert SECRET_SHAPES == {"Password", "ImpersonationToken"}


def test_the_log_is_bounded():
    log = CallLog(max_entries=3)
    for number in range(5):
        log.record("ListOrganizations", 200, {"MaxResults": number + 1}, {"OrganizationSummaries": []})
    assert [entry["sequence"] for entry in log.entries()] == [3, 4, 5]
    assert log.clear() == 3 and log.entries() == []
