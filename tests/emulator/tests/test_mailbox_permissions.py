"""Mailbox permissions of users, groups and resources."""

import pytest
from support import TEST_DOMAIN, all_pages, new_group, new_user, raises_code


@pytest.fixture
def owner(workmail_client, workmail_org):
    return new_user(workmail_client, workmail_org, "boss", email=f"boss@{TEST_DOMAIN}")


def permissions(client, org_id, entity_id):
    return client.list_mailbox_permissions(OrganizationId=org_id, EntityId=entity_id)["Permissions"]


def put(client, org_id, entity_id, grantee_id, *values):
    client.put_mailbox_permissions(OrganizationId=org_id, EntityId=entity_id, GranteeId=grantee_id, PermissionValues=list(values))


def test_put_replaces_and_delete_removes(workmail_client, workmail_org, owner):
    assistant = new_user(workmail_client, workmail_org, "assistant", email=f"assistant@{TEST_DOMAIN}")
    team = new_group(workmail_client, workmail_org, "team")
    put(workmail_client, workmail_org, "boss", f"assistant@{TEST_DOMAIN}", "SEND_ON_BEHALF", "FULL_ACCESS", "FULL_ACCESS")
    put(workmail_client, workmail_org, f"boss@{TEST_DOMAIN}", "team", "SEND_AS")
    assert permissions(workmail_client, workmail_org, owner) == [
        {"GranteeId": assistant, "GranteeType": "USER", "PermissionValues": ["FULL_ACCESS", "SEND_ON_BEHALF"]},
        {"GranteeId": team, "GranteeType": "GROUP", "PermissionValues": ["SEND_AS"]},
    ]
    put(workmail_client, workmail_org, owner, assistant, "SEND_AS")
    assert permissions(workmail_client, workmail_org, "boss")[0] == {"GranteeId": assistant, "GranteeType": "USER", "PermissionValues": ["SEND_AS"]}
    workmail_client.delete_mailbox_permissions(OrganizationId=workmail_org, EntityId=owner, GranteeId="assistant")
    workmail_client.delete_mailbox_permissions(OrganizationId=workmail_org, EntityId=owner, GranteeId="assistant")
    assert permissions(workmail_client, workmail_org, owner) == [{"GranteeId": team, "GranteeType": "GROUP", "PermissionValues": ["SEND_AS"]}]
    # Permissions are per mailbox.
    assert permissions(workmail_client, workmail_org, assistant) == []


def test_group_and_resource_mailboxes_and_resource_grantees(workmail_client, workmail_org, owner):
    team = new_group(workmail_client, workmail_org, "team", email=f"team@{TEST_DOMAIN}")
    room = workmail_client.create_resource(OrganizationId=workmail_org, Name="room1", Type="ROOM")["ResourceId"]
    put(workmail_client, workmail_org, team, owner, "SEND_AS")
    put(workmail_client, workmail_org, "room1", "boss", "FULL_ACCESS")
    put(workmail_client, workmail_org, owner, room, "SEND_ON_BEHALF")
    assert permissions(workmail_client, workmail_org, "team") == [{"GranteeId": owner, "GranteeType": "USER", "PermissionValues": ["SEND_AS"]}]
    assert permissions(workmail_client, workmail_org, room) == [{"GranteeId": owner, "GranteeType": "USER", "PermissionValues": ["FULL_ACCESS"]}]
    # The model's GranteeType has no RESOURCE: a resource grantee is reported as USER.
    assert permissions(workmail_client, workmail_org, owner) == [{"GranteeId": room, "GranteeType": "USER", "PermissionValues": ["SEND_ON_BEHALF"]}]


def test_errors(workmail_client, workmail_org, owner):
    other = new_user(workmail_client, workmail_org, "other")
    with raises_code("EntityNotFoundException"):
        put(workmail_client, workmail_org, "ghost", other, "FULL_ACCESS")
    with raises_code("EntityNotFoundException"):
        put(workmail_client, workmail_org, owner, "ghost", "FULL_ACCESS")
    with raises_code("EntityNotFoundException"):
        workmail_client.delete_mailbox_permissions(OrganizationId=workmail_org, EntityId=owner, GranteeId="ghost")
    with raises_code("EntityNotFoundException"):
        permissions(workmail_client, workmail_org, "ghost")
    with raises_code("InvalidParameterException", match="owns the mailbox"):
        put(workmail_client, workmail_org, owner, "boss", "FULL_ACCESS")
    with raises_code("InvalidParameterException", match="at least one permission"):
        put(workmail_client, workmail_org, owner, other)
    with raises_code("InvalidParameterException", match="at 'permissionValues.1'"):
        put(workmail_client, workmail_org, owner, other, "READ")
    with raises_code("InvalidParameterException", match="at 'granteeId'"):
        put(workmail_client, workmail_org, owner, "o ther", "FULL_ACCESS")
    with raises_code("OrganizationNotFoundException"):
        put(workmail_client, "m-" + "0" * 32, owner, other, "FULL_ACCESS")


def test_deleted_entities(workmail_client, workmail_org, owner):
    other = new_user(workmail_client, workmail_org, "other")
    put(workmail_client, workmail_org, owner, other, "FULL_ACCESS")
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=other)
    # Deleting a grantee drops its permissions.
    assert permissions(workmail_client, workmail_org, owner) == []
    with raises_code("EntityStateException"):
        put(workmail_client, workmail_org, owner, other, "FULL_ACCESS")
    with raises_code("EntityStateException"):
        workmail_client.delete_mailbox_permissions(OrganizationId=workmail_org, EntityId=owner, GranteeId=other)
    with raises_code("EntityStateException"):
        put(workmail_client, workmail_org, other, owner, "FULL_ACCESS")
    # ListMailboxPermissions models no EntityStateException: a deleted owner has no mailbox to list.
    with raises_code("EntityNotFoundException", match="deleted"):
        permissions(workmail_client, workmail_org, other)


def test_pagination(workmail_client, workmail_org, owner):
    grantees = [new_user(workmail_client, workmail_org, f"user{n}") for n in range(5)]
    for grantee in grantees:
        put(workmail_client, workmail_org, owner, grantee, "FULL_ACCESS")
    listed = all_pages(workmail_client.list_mailbox_permissions, "Permissions", OrganizationId=workmail_org, EntityId=owner, MaxResults=2)
    assert [item["GranteeId"] for item in listed] == grantees
    pages = list(workmail_client.get_paginator("list_mailbox_permissions").paginate(
        OrganizationId=workmail_org, EntityId=owner, PaginationConfig={"PageSize": 3}))
    assert [len(page["Permissions"]) for page in pages] == [3, 2]
