"""The retention policy."""

from support import raises_code, without_retries

INBOX = {"Name": "INBOX", "Action": "DELETE", "Period": 30}
JUNK = {"Name": "JUNK_EMAIL", "Action": "NONE"}


def policy(client, org_id):
    result = client.get_default_retention_policy(OrganizationId=org_id)
    result.pop("ResponseMetadata")
    return result


def test_create_read_update_delete(workmail_client, workmail_org):
    with raises_code("EntityNotFoundException"):
        workmail_client.get_default_retention_policy(OrganizationId=workmail_org)
    workmail_client.put_retention_policy(OrganizationId=workmail_org, Name="default", Description="Keep a month", FolderConfigurations=[INBOX, JUNK])
    created = policy(workmail_client, workmail_org)
    policy_id = created.pop("Id")
    assert created == {"Name": "default", "Description": "Keep a month", "FolderConfigurations": [INBOX, JUNK]}
    workmail_client.put_retention_policy(OrganizationId=workmail_org, Id=policy_id, Name="renamed", FolderConfigurations=[JUNK])
    assert policy(workmail_client, workmail_org) == {"Id": policy_id, "Name": "renamed", "FolderConfigurations": [JUNK]}
    workmail_client.delete_retention_policy(OrganizationId=workmail_org, Id="unknown-id")
    assert policy(workmail_client, workmail_org)["Id"] == policy_id
    workmail_client.delete_retention_policy(OrganizationId=workmail_org, Id=policy_id)
    with raises_code("EntityNotFoundException"):
        workmail_client.get_default_retention_policy(OrganizationId=workmail_org)


def test_one_policy_per_organization(workmail_client, workmail_org):
    workmail_client.put_retention_policy(OrganizationId=workmail_org, Id="mine", Name="default", FolderConfigurations=[INBOX])
    assert policy(workmail_client, workmail_org)["Id"] == "mine"
    client = without_retries(workmail_client)
    with raises_code("LimitExceededException"):
        client.put_retention_policy(OrganizationId=workmail_org, Name="second", FolderConfigurations=[INBOX])
    with raises_code("LimitExceededException"):
        client.put_retention_policy(OrganizationId=workmail_org, Id="other", Name="second", FolderConfigurations=[INBOX])


def test_folder_rules(workmail_client, workmail_org):
    with raises_code("InvalidParameterException", match="'FolderConfigurations.1.Period'"):
        workmail_client.put_retention_policy(OrganizationId=workmail_org, Name="p", FolderConfigurations=[{"Name": "INBOX", "Action": "DELETE"}])
    with raises_code("InvalidParameterException", match="more than once"):
        workmail_client.put_retention_policy(OrganizationId=workmail_org, Name="p", FolderConfigurations=[INBOX, INBOX])
    with raises_code("InvalidParameterException", match="'folderConfigurations.2.period'"):
        workmail_client.put_retention_policy(OrganizationId=workmail_org, Name="p", FolderConfigurations=[JUNK, {**INBOX, "Period": 731}])
    with raises_code("InvalidParameterException", match="'folderConfigurations.1.name'"):
        workmail_client.put_retention_policy(OrganizationId=workmail_org, Name="p", FolderConfigurations=[{**INBOX, "Name": "ARCHIVE"}])
