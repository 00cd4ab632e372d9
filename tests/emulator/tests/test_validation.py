"""Validation of requests against the botocore model, and the cross-field rules."""

import re

import pytest
from support import raises_code

import workmail_emulator
from workmail_emulator.errors import WorkMailError
from workmail_emulator.operations import OPERATIONS
from workmail_emulator.validation import service_model

WAVE_ONE = """
CreateOrganization DescribeOrganization ListOrganizations DeleteOrganization TagResource UntagResource ListTagsForResource
CreateUser DescribeUser ListUsers UpdateUser DeleteUser RegisterToWorkMail DeregisterFromWorkMail ResetPassword
UpdatePrimaryEmailAddress UpdateMailboxQuota GetMailboxDetails DescribeEntity CreateGroup DescribeGroup ListGroups UpdateGroup
DeleteGroup ListGroupsForEntity AssociateMemberToGroup DisassociateMemberFromGroup ListGroupMembers CreateAlias DeleteAlias
ListAliases RegisterMailDomain DeregisterMailDomain GetMailDomain ListMailDomains UpdateDefaultMailDomain PutAccessControlRule
ListAccessControlRules DeleteAccessControlRule GetAccessControlEffect PutRetentionPolicy GetDefaultRetentionPolicy
DeleteRetentionPolicy CreateImpersonationRole GetImpersonationRole ListImpersonationRoles UpdateImpersonationRole
DeleteImpersonationRole GetImpersonationRoleEffect
""".split()


def failure(operation, params):
    """Run one request on the in-process backend and return the error it raises."""
    with pytest.raises(WorkMailError) as info:
        workmail_emulator.backend().handle(operation, params)
    return info.value


@pytest.fixture
def org(workmail_backend_reset):
    return workmail_emulator.backend().handle("CreateOrganization", {"Alias": "example-corp"})["OrganizationId"]


def test_every_wave_one_operation_is_implemented_and_modeled():
    assert set(WAVE_ONE) <= set(OPERATIONS)
    assert set(OPERATIONS) <= set(service_model().operation_names)


def test_every_model_pattern_compiles():
    model = service_model()
    patterns = [model.shape_for(name).metadata["pattern"] for name in model.shape_names if "pattern" in model.shape_for(name).metadata]
    assert len(patterns) == 59
    for pattern in patterns:
        re.compile(pattern, re.ASCII)


def test_required_member(org):
    error = failure("CreateUser", {"OrganizationId": org, "DisplayName": "x"})
    assert error.code == "InvalidParameterException"
    assert error.message == "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null"


def test_every_violation_is_reported(org):
    error = failure("CreateUser", {"OrganizationId": org, "Name": "bad name", "DisplayName": "x" * 257, "Role": "BOSS"})
    assert error.message.startswith("3 validation errors detected: ")
    assert "Value 'bad name' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern" in error.message
    assert "at 'displayName' failed to satisfy constraint: Member must have length less than or equal to 256" in error.message
    enum = "[USER, RESOURCE, SYSTEM_USER, REMOTE_USER]"
    assert f"Value 'BOSS' at 'role' failed to satisfy constraint: Member must satisfy enum value set: {enum}" in error.message


def test_sensitive_values_are_not_echoed(org):
    secret = "S3cret!" + "x" * 300
    error = failure("CreateUser", {"OrganizationId": org, "Name": "jdoe", "DisplayName": "Secret Name" * 30, "Password": secret})
    assert secret not in error.message and "Secret Name" not in error.message
    assert "Value '*** Sensitive Data Redacted ***' at 'password'" in error.message


@pytest.mark.parametrize("operation, params, path, constraint", [
    ("ListUsers", {"MaxResults": 0}, "maxResults", "have value greater than or equal to 1"),
    ("ListUsers", {"MaxResults": 101}, "maxResults", "have value less than or equal to 100"),
    ("ListUsers", {"MaxResults": "10"}, "maxResults", "be an integer"),
    ("ListUsers", {"MaxResults": True}, "maxResults", "be an integer"),
    ("ListUsers", {"NextToken": ""}, "nextToken", "have length greater than or equal to 1"),
    ("ListUsers", {"Filters": {"State": "GONE"}}, "filters.state", "satisfy enum value set"),
    ("ListUsers", {"Filters": "State"}, "filters", "be a structure"),
    ("CreateGroup", {"Name": "Sales", "HiddenFromGlobalAddressList": "yes"}, "hiddenFromGlobalAddressList", "be a boolean"),
    ("DescribeUser", {"UserId": ""}, "userId", "have length greater than or equal to 1"),
    ("ResetPassword", {"UserId": "short", "Password": "Corr3ct-horse"}, "userId", "have length greater than or equal to 12"),
    ("UpdateMailboxQuota", {"UserId": "jdoe", "MailboxQuota": 0}, "mailboxQuota", "have value greater than or equal to 1"),
    ("RegisterToWorkMail", {"EntityId": "jdoe", "Email": "a@b.c"}, "email", "satisfy regular expression pattern"),
    ("PutRetentionPolicy", {"Name": "p", "FolderConfigurations": [{"Name": "INBOX", "Action": "DELETE", "Period": 731}]},
     "folderConfigurations.1.period", "have value less than or equal to 730"),
    ("PutRetentionPolicy", {"Name": "p", "FolderConfigurations": [{"Name": "INBOX"}]}, "folderConfigurations.1.action", "not be null"),
    ("CreateImpersonationRole", {"Name": "r", "Type": "READ_ONLY", "Rules": [{"ImpersonationRuleId": "a", "Effect": "ALLOW", "TargetUsers": []}]},
     "rules.1.targetUsers", "have length greater than or equal to 1"),
    ("CreateImpersonationRole", {"Name": "r", "Type": "READ_ONLY", "Rules": [None]}, "rules.1", "not be null"),
    ("PutAccessControlRule", {"Name": "r", "Effect": "ALLOW", "Description": "d", "UserIds": ["x" * 12] * 11},
     "userIds", "have length less than or equal to 10"),
    ("PutAccessControlRule", {"Name": "r", "Effect": "ALLOW", "Description": "d", "IpRanges": ["1.2.3.4/33"]},
     "ipRanges.1", "satisfy regular expression pattern"),
])
def test_constraint_messages_name_the_member(org, operation, params, path, constraint):
    error = failure(operation, {"OrganizationId": org, **params})
    assert error.code == "InvalidParameterException"
    assert f"at '{path}' failed to satisfy constraint: Member must {constraint}" in error.message


@pytest.mark.parametrize("alias", ["my--org", "org-", "d-anything", "-org", "a b"])
def test_patterns_match_the_whole_value(workmail_backend_reset, alias):
    assert "at 'alias'" in failure("CreateOrganization", {"Alias": alias}).message


def test_tag_members(org):
    arn = workmail_emulator.backend().handle("DescribeOrganization", {"OrganizationId": org})["ARN"]
    error = failure("TagResource", {"ResourceARN": arn, "Tags": [{"Key": "", "Value": "x"}, {"Key": "k"}]})
    assert "'tags.1.key'" in error.message and "Value null at 'tags.2.value'" in error.message


def test_model_checks_come_before_the_organization(workmail_backend_reset):
    error = failure("ListUsers", {"OrganizationId": "m-" + "0" * 32, "MaxResults": 500})
    assert error.code == "InvalidParameterException"
    assert failure("ListUsers", {"OrganizationId": "m-" + "0" * 32}).code == "OrganizationNotFoundException"


def test_unknown_members_are_ignored(org):
    assert workmail_emulator.backend().handle("ListUsers", {"OrganizationId": org, "Unexpected": 1}) == {"Users": []}


def test_every_operation_of_the_model_is_implemented():
    names = set(service_model().operation_names)
    assert len(names) == 92
    assert sorted(names - set(OPERATIONS)) == []
    assert sorted(set(OPERATIONS) - names) == []


def test_operations_outside_the_model(workmail_backend_reset):
    assert failure("FlyToTheMoon", {}).code == "InvalidAction"
    assert "not a WorkMail operation" in failure("FlyToTheMoon", {}).message


def test_validation_error_code_is_configurable(org):
    workmail_emulator.configure(validation_error_code="ValidationException")
    assert failure("ListUsers", {"OrganizationId": org, "MaxResults": 101}).code == "ValidationException"


def test_validation_through_boto3(workmail_client, workmail_org):
    with raises_code("InvalidParameterException", match="Value '1000' at 'maxResults'"):
        workmail_client.list_users(OrganizationId=workmail_org, MaxResults=1000)
    with raises_code("InvalidParameterException", match="at 'role'"):
        workmail_client.create_user(OrganizationId=workmail_org, Name="jdoe", DisplayName="J", Role="BOGUS")
