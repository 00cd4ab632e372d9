"""Organization gating and the order of checks, for every organization-scoped operation."""

import pytest
from support import TEST_DOMAIN, new_user, raises_code

import workmail_emulator
from workmail_emulator.errors import WorkMailError
from workmail_emulator.operations import OPERATIONS

USER_ID = "01234567-89ab-cdef-0123-456789abcdef"
LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:free-busy"
MINIMAL_REQUESTS = {
    "DescribeOrganization": {},
    "DeleteOrganization": {"DeleteDirectory": True},
    "CreateUser": {"Name": "jdoe", "DisplayName": "J"},
    "DescribeUser": {"UserId": "jdoe"},
    "ListUsers": {},
    "UpdateUser": {"UserId": "jdoe"},
    "DeleteUser": {"UserId": "jdoe"},
    "RegisterToWorkMail": {"EntityId": "jdoe", "Email": f"jdoe@{TEST_DOMAIN}"},
    "DeregisterFromWorkMail": {"EntityId": "jdoe"},
    "ResetPassword": {"UserId": USER_ID, "Password": "Corr3ct-horse"},
    "UpdatePrimaryEmailAddress": {"EntityId": "jdoe", "Email": f"jdoe@{TEST_DOMAIN}"},
    "UpdateMailboxQuota": {"UserId": "jdoe", "MailboxQuota": 10},
    "GetMailboxDetails": {"UserId": "jdoe"},
    "DescribeEntity": {"Email": f"jdoe@{TEST_DOMAIN}"},
    "CreateGroup": {"Name": "sales"},
    "DescribeGroup": {"GroupId": "sales"},
    "ListGroups": {},
    "UpdateGroup": {"GroupId": "sales"},
    "DeleteGroup": {"GroupId": "sales"},
    "ListGroupsForEntity": {"EntityId": "jdoe"},
    "AssociateMemberToGroup": {"GroupId": "sales", "MemberId": "jdoe"},
    "DisassociateMemberFromGroup": {"GroupId": "sales", "MemberId": "jdoe"},
    "ListGroupMembers": {"GroupId": "sales"},
    "CreateResource": {"Name": "room1", "Type": "ROOM"},
    "DescribeResource": {"ResourceId": "room1"},
    "ListResources": {},
    "UpdateResource": {"ResourceId": "room1"},
    "DeleteResource": {"ResourceId": "room1"},
    "AssociateDelegateToResource": {"ResourceId": "room1", "EntityId": "jdoe"},
    "DisassociateDelegateFromResource": {"ResourceId": "room1", "EntityId": "jdoe"},
    "ListResourceDelegates": {"ResourceId": "room1"},
    "PutMailboxPermissions": {"EntityId": "jdoe", "GranteeId": "sales", "PermissionValues": ["FULL_ACCESS"]},
    "DeleteMailboxPermissions": {"EntityId": "jdoe", "GranteeId": "sales"},
    "ListMailboxPermissions": {"EntityId": "jdoe"},
    "CreateAlias": {"EntityId": USER_ID, "Alias": f"j@{TEST_DOMAIN}"},
    "DeleteAlias": {"EntityId": USER_ID, "Alias": f"j@{TEST_DOMAIN}"},
    "ListAliases": {"EntityId": USER_ID},
    "RegisterMailDomain": {"DomainName": "corp.example"},
    "DeregisterMailDomain": {"DomainName": "corp.example"},
    "GetMailDomain": {"DomainName": "corp.example"},
    "ListMailDomains": {},
    "UpdateDefaultMailDomain": {"DomainName": "corp.example"},
    "PutAccessControlRule": {"Name": "r", "Effect": "ALLOW", "Description": "d"},
    "ListAccessControlRules": {},
    "DeleteAccessControlRule": {"Name": "r"},
    "GetAccessControlEffect": {"IpAddress": "10.0.0.1", "Action": "IMAP", "UserId": USER_ID},
    "PutRetentionPolicy": {"Name": "p", "FolderConfigurations": []},
    "GetDefaultRetentionPolicy": {},
    "DeleteRetentionPolicy": {"Id": "p"},
    "CreateImpersonationRole": {"Name": "r", "Type": "READ_ONLY", "Rules": []},
    "GetImpersonationRole": {"ImpersonationRoleId": "r"},
    "ListImpersonationRoles": {},
    "UpdateImpersonationRole": {"ImpersonationRoleId": "r", "Name": "r", "Type": "READ_ONLY", "Rules": []},
    "DeleteImpersonationRole": {"ImpersonationRoleId": "r"},
    "GetImpersonationRoleEffect": {"ImpersonationRoleId": "r", "TargetUser": "jdoe"},
    "AssumeImpersonationRole": {"ImpersonationRoleId": "r"},
    "StartMailboxExportJob": {"EntityId": "jdoe", "RoleArn": "arn:aws:iam::123456789012:role/export",
                              "KmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k", "S3BucketName": "exports",
                              "S3Prefix": "workmail", "ClientToken": "token"},
    "DescribeMailboxExportJob": {"JobId": "job"},
    "ListMailboxExportJobs": {},
    "CancelMailboxExportJob": {"JobId": "job", "ClientToken": "token"},
    "PutIdentityProviderConfiguration": {
        "AuthenticationMode": "IDENTITY_PROVIDER_ONLY", "PersonalAccessTokenConfiguration": {"Status": "ACTIVE"},
        "IdentityCenterConfiguration": {"InstanceArn": "arn:aws:sso:::instance/ssoins-1234567890abcdef",
                                        "ApplicationArn": "arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-1234567890abcdef"}},
    "DescribeIdentityProviderConfiguration": {},
    "DeleteIdentityProviderConfiguration": {},
    "GetPersonalAccessTokenMetadata": {"PersonalAccessTokenId": "token"},
    "ListPersonalAccessTokens": {},
    "DeletePersonalAccessToken": {"PersonalAccessTokenId": "token"},
    "CreateMobileDeviceAccessRule": {"Name": "r", "Effect": "DENY"},
    "UpdateMobileDeviceAccessRule": {"MobileDeviceAccessRuleId": "r", "Name": "r", "Effect": "DENY"},
    "DeleteMobileDeviceAccessRule": {"MobileDeviceAccessRuleId": "r"},
    "ListMobileDeviceAccessRules": {},
    "GetMobileDeviceAccessEffect": {},
    "PutMobileDeviceAccessOverride": {"UserId": "jdoe", "DeviceId": "device1", "Effect": "DENY"},
    "GetMobileDeviceAccessOverride": {"UserId": "jdoe", "DeviceId": "device1"},
    "DeleteMobileDeviceAccessOverride": {"UserId": "jdoe", "DeviceId": "device1"},
    "ListMobileDeviceAccessOverrides": {},
    "CreateAvailabilityConfiguration": {"DomainName": "example.com", "LambdaProvider": {"LambdaArn": LAMBDA_ARN}},
    "UpdateAvailabilityConfiguration": {"DomainName": "example.com", "LambdaProvider": {"LambdaArn": LAMBDA_ARN}},
    "DeleteAvailabilityConfiguration": {"DomainName": "example.com"},
    "ListAvailabilityConfigurations": {},
    "TestAvailabilityConfiguration": {"DomainName": "example.com"},
    "PutEmailMonitoringConfiguration": {"LogGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:/workmail/events:*"},
    "DescribeEmailMonitoringConfiguration": {},
    "DeleteEmailMonitoringConfiguration": {},
    "PutInboundDmarcSettings": {"Enforced": True},
    "DescribeInboundDmarcSettings": {},
}
WORKS_IN_ANY_STATE = {"DescribeOrganization", "DeleteOrganization"}


def error_code(operation, params):
    with pytest.raises(WorkMailError) as info:
        workmail_emulator.backend().handle(operation, params)
    return info.value.code


def test_every_organization_scoped_operation_is_listed():
    scoped = {name for name, spec in OPERATIONS.items() if spec.org is not None}
    assert scoped == set(MINIMAL_REQUESTS)


@pytest.mark.parametrize("operation", sorted(MINIMAL_REQUESTS))
def test_unknown_organization(workmail_backend_reset, operation):
    assert error_code(operation, {"OrganizationId": "m-" + "0" * 32, **MINIMAL_REQUESTS[operation]}) == "OrganizationNotFoundException"


@pytest.mark.parametrize("operation", sorted(set(MINIMAL_REQUESTS) - WORKS_IN_ANY_STATE))
def test_organization_that_is_not_active(workmail_backend_reset, operation):
    workmail_emulator.configure(org_ready_delay=60)
    org_id = workmail_emulator.backend().handle("CreateOrganization", {"Alias": "young"})["OrganizationId"]
    assert error_code(operation, {"OrganizationId": org_id, **MINIMAL_REQUESTS[operation]}) == "OrganizationStateException"


def test_deleted_organization(workmail_backend_reset):
    backend = workmail_emulator.backend()
    org_id = backend.handle("CreateOrganization", {"Alias": "gone"})["OrganizationId"]
    backend.handle("DeleteOrganization", {"OrganizationId": org_id, "DeleteDirectory": True})
    assert backend.handle("DescribeOrganization", {"OrganizationId": org_id})["State"] == "Deleted"
    assert error_code("ListUsers", {"OrganizationId": org_id}) == "OrganizationStateException"


def test_domain_lookup_comes_before_entity_state(workmail_client, workmail_org):
    disabled = new_user(workmail_client, workmail_org, "disabled")
    with raises_code("MailDomainNotFoundException"):
        workmail_client.create_alias(OrganizationId=workmail_org, EntityId=disabled, Alias="x@unknown.example")
    with raises_code("EntityStateException"):
        workmail_client.create_alias(OrganizationId=workmail_org, EntityId=disabled, Alias=f"x@{TEST_DOMAIN}")


def test_entity_state_comes_before_domain_verification(workmail_client, workmail_org):
    workmail_emulator.configure(domain_verification_delay=60)
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="pending.example")
    user = new_user(workmail_client, workmail_org, "jdoe")
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=user)
    with raises_code("EntityStateException"):
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user, Email="jdoe@pending.example")


def test_domain_verification_comes_before_uniqueness(workmail_client, workmail_org):
    workmail_emulator.configure(domain_verification_delay=60)
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="pending.example")
    other = new_user(workmail_client, workmail_org, "other")
    with raises_code("MailDomainStateException"):
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=other, Email="jdoe@pending.example")
