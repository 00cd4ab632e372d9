"""Resources (rooms and equipment), booking options and delegates."""

import re

import pytest
from support import TEST_DOMAIN, all_pages, new_group, new_user, raises_code

ROOM_EMAIL = f"room1@{TEST_DOMAIN}"
DEFAULT_BOOKING = {"AutoAcceptRequests": True, "AutoDeclineRecurringRequests": False, "AutoDeclineConflictingRequests": True}


def new_resource(client, org_id, name, email=None, resource_type="ROOM", **members):
    resource_id = client.create_resource(OrganizationId=org_id, Name=name, Type=resource_type, **members)["ResourceId"]
    if email:
        client.register_to_work_mail(OrganizationId=org_id, EntityId=resource_id, Email=email)
    return resource_id


def describe(client, org_id, resource_id):
    described = client.describe_resource(OrganizationId=org_id, ResourceId=resource_id)
    described.pop("ResponseMetadata")
    return described


@pytest.fixture
def room(workmail_client, workmail_org):
    return new_resource(workmail_client, workmail_org, "room1", Description="Big room")


def test_create_and_describe(workmail_client, workmail_org, room):
    assert re.fullmatch(r"r-[0-9a-f]{32}", room)
    assert describe(workmail_client, workmail_org, room) == {
        "ResourceId": room, "Name": "room1", "Type": "ROOM", "State": "DISABLED", "Description": "Big room",
        "BookingOptions": DEFAULT_BOOKING, "HiddenFromGlobalAddressList": False}
    other = new_resource(workmail_client, workmail_org, "projector", resource_type="EQUIPMENT", HiddenFromGlobalAddressList=True)
    described = describe(workmail_client, workmail_org, "PROJECTOR")
    assert (described["ResourceId"], described["Type"], described["HiddenFromGlobalAddressList"]) == (other, "EQUIPMENT", True)
    assert "Description" not in described


def test_register_describe_by_email_and_lifecycle(workmail_client, workmail_org, room):
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId="room1", Email=ROOM_EMAIL)
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=room, Email=ROOM_EMAIL)
    described = describe(workmail_client, workmail_org, ROOM_EMAIL)
    assert (described["ResourceId"], described["State"], described["Email"]) == (room, "ENABLED", ROOM_EMAIL)
    assert "EnabledDate" in described
    entity = workmail_client.describe_entity(OrganizationId=workmail_org, Email=ROOM_EMAIL)
    assert (entity["EntityId"], entity["Name"], entity["Type"]) == (room, "room1", "RESOURCE")
    with raises_code("EntityAlreadyRegisteredException"):
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=room, Email=f"other@{TEST_DOMAIN}")
    with raises_code("EmailAddressInUseException"):
        new_user(workmail_client, workmail_org, "jdoe", email=ROOM_EMAIL)
    with raises_code("EntityStateException", match="deregister"):
        workmail_client.delete_resource(OrganizationId=workmail_org, ResourceId=room)
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=ROOM_EMAIL)
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=room)
    described = describe(workmail_client, workmail_org, room)
    assert (described["State"], "Email" in described, "DisabledDate" in described) == ("DISABLED", False, True)
    workmail_client.delete_resource(OrganizationId=workmail_org, ResourceId="room1")
    assert describe(workmail_client, workmail_org, room)["State"] == "DELETED"
    workmail_client.delete_resource(OrganizationId=workmail_org, ResourceId=room)
    workmail_client.delete_resource(OrganizationId=workmail_org, ResourceId="never-existed")
    with raises_code("EntityStateException"):
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=room, Email=ROOM_EMAIL)
    with raises_code("EntityStateException"):
        workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, Description="x")
    # A deleted resource's name can be used again.
    assert new_resource(workmail_client, workmail_org, "room1") != room


def test_names_are_shared_with_users_and_groups(workmail_client, workmail_org, room):
    with raises_code("NameAvailabilityException"):
        new_resource(workmail_client, workmail_org, "ROOM1")
    with raises_code("NameAvailabilityException"):
        new_user(workmail_client, workmail_org, "room1")
    with raises_code("NameAvailabilityException"):
        new_group(workmail_client, workmail_org, "room1")
    new_user(workmail_client, workmail_org, "jdoe")
    with raises_code("NameAvailabilityException"):
        new_resource(workmail_client, workmail_org, "jdoe")
    with raises_code("ReservedNameException"):
        new_resource(workmail_client, workmail_org, "Administrator")


def test_resource_is_not_a_user_or_group(workmail_client, workmail_org, room):
    user = new_user(workmail_client, workmail_org, "jdoe")
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_resource(OrganizationId=workmail_org, ResourceId=user)
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_user(OrganizationId=workmail_org, UserId=room)
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_group(OrganizationId=workmail_org, GroupId="room1")
    with raises_code("EntityNotFoundException"):
        workmail_client.get_mailbox_details(OrganizationId=workmail_org, UserId=room)
    group = new_group(workmail_client, workmail_org, "sales")
    with raises_code("EntityNotFoundException"):
        workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=group, MemberId=room)
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_resource(OrganizationId=workmail_org, ResourceId="ghost")


def test_create_validation(workmail_client, workmail_org):
    with raises_code("InvalidParameterException", match="at 'name'"):
        new_resource(workmail_client, workmail_org, "a-name-longer-than-twenty")
    with raises_code("InvalidParameterException", match="at 'name'"):
        new_resource(workmail_client, workmail_org, "room one")
    with raises_code("InvalidParameterException", match="at 'type'"):
        new_resource(workmail_client, workmail_org, "room1", resource_type="DESK")
    with raises_code("InvalidParameterException", match="at 'description'"):
        new_resource(workmail_client, workmail_org, "room1", Description="x" * 65)
    assert workmail_client.list_resources(OrganizationId=workmail_org)["Resources"] == []
    # A UPN-style name is a name.
    resource_id = new_resource(workmail_client, workmail_org, "room2@corp.example")
    assert describe(workmail_client, workmail_org, "room2@corp.example")["ResourceId"] == resource_id


def test_update(workmail_client, workmail_org, room):
    workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, Type="EQUIPMENT", Description="Beamer",
                                    HiddenFromGlobalAddressList=True)
    workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room)
    described = describe(workmail_client, workmail_org, room)
    assert (described["Type"], described["Description"], described["HiddenFromGlobalAddressList"]) == ("EQUIPMENT", "Beamer", True)
    assert described["BookingOptions"] == DEFAULT_BOOKING
    workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, Description="")
    assert "Description" not in describe(workmail_client, workmail_org, room)
    # BookingOptions is replaced whole: a member left out is false.
    workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, BookingOptions={"AutoAcceptRequests": True})
    assert describe(workmail_client, workmail_org, room)["BookingOptions"] == {
        "AutoAcceptRequests": True, "AutoDeclineRecurringRequests": False, "AutoDeclineConflictingRequests": False}
    with raises_code("InvalidParameterException", match="at 'description'"):
        workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, Description="x" * 65)
    with raises_code("InvalidParameterException", match="at 'type'"):
        workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, Type="DESK")
    with raises_code("EntityNotFoundException"):
        workmail_client.update_resource(OrganizationId=workmail_org, ResourceId="ghost", Description="x")


def test_rename(workmail_client, workmail_org, room):
    new_user(workmail_client, workmail_org, "jdoe")
    with raises_code("NameAvailabilityException"):
        workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, Name="JDOE")
    with raises_code("NameAvailabilityException", match="reserved"):
        workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, Name="guest")
    workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, Name="Room1")
    assert describe(workmail_client, workmail_org, room)["Name"] == "Room1"
    workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, Name="boardroom")
    assert describe(workmail_client, workmail_org, "boardroom")["ResourceId"] == room
    with raises_code("EntityNotFoundException"):
        describe(workmail_client, workmail_org, "room1")
    new_user(workmail_client, workmail_org, "room1")


def test_auto_accept_needs_a_delegate(workmail_client, workmail_org, room):
    manual = {"AutoAcceptRequests": False, "AutoDeclineRecurringRequests": True, "AutoDeclineConflictingRequests": False}
    with raises_code("InvalidConfigurationException", match="delegate"):
        workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, BookingOptions=manual, Description="kept?")
    assert describe(workmail_client, workmail_org, room)["Description"] == "Big room"
    new_user(workmail_client, workmail_org, "jdoe")
    workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId=room, EntityId="jdoe")
    workmail_client.update_resource(OrganizationId=workmail_org, ResourceId=room, BookingOptions=manual)
    assert describe(workmail_client, workmail_org, room)["BookingOptions"] == manual
    # Removing the last delegate afterwards is allowed.
    workmail_client.disassociate_delegate_from_resource(OrganizationId=workmail_org, ResourceId=room, EntityId="jdoe")
    assert describe(workmail_client, workmail_org, room)["BookingOptions"] == manual


def test_list_resources_and_filters(workmail_client, workmail_org):
    room = new_resource(workmail_client, workmail_org, "room1", email=ROOM_EMAIL, Description="Big")
    beamer = new_resource(workmail_client, workmail_org, "Beamer", resource_type="EQUIPMENT")
    old = new_resource(workmail_client, workmail_org, "old-room")
    workmail_client.delete_resource(OrganizationId=workmail_org, ResourceId=old)

    def ids(**filters):
        return [item["Id"] for item in workmail_client.list_resources(OrganizationId=workmail_org, Filters=filters)["Resources"]]

    assert ids() == [room, beamer, old]
    assert ids(NamePrefix="b") == [beamer]
    assert ids(PrimaryEmailPrefix="ROOM1@") == [room]
    assert ids(State="DELETED") == [old]
    with raises_code("InvalidParameterException", match="one filter"):
        ids(NamePrefix="r", State="ENABLED")
    with raises_code("InvalidParameterException", match="at 'filters.state'"):
        ids(State="GONE")
    first = workmail_client.list_resources(OrganizationId=workmail_org)["Resources"][0]
    assert set(first) == {"Id", "Email", "Name", "Type", "State", "EnabledDate", "Description"}
    assert all_pages(workmail_client.list_resources, "Resources", OrganizationId=workmail_org, MaxResults=1) == \
        workmail_client.list_resources(OrganizationId=workmail_org)["Resources"]
    pages = list(workmail_client.get_paginator("list_resources").paginate(OrganizationId=workmail_org, PaginationConfig={"PageSize": 2}))
    assert [len(page["Resources"]) for page in pages] == [2, 1]
    assert "NextToken" not in pages[-1]


def test_delegates(workmail_client, workmail_org, room):
    user = new_user(workmail_client, workmail_org, "jdoe", email=f"jdoe@{TEST_DOMAIN}")
    group = new_group(workmail_client, workmail_org, "facilities")
    workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId="room1", EntityId=f"jdoe@{TEST_DOMAIN}")
    workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId=room, EntityId="facilities")
    workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId=room, EntityId=user)
    delegates = workmail_client.list_resource_delegates(OrganizationId=workmail_org, ResourceId=room)
    assert delegates["Delegates"] == [{"Id": user, "Type": "USER"}, {"Id": group, "Type": "GROUP"}]
    assert "NextToken" not in delegates
    assert all_pages(workmail_client.list_resource_delegates, "Delegates", OrganizationId=workmail_org, ResourceId=room,
                     MaxResults=1) == delegates["Delegates"]
    workmail_client.disassociate_delegate_from_resource(OrganizationId=workmail_org, ResourceId=room, EntityId="jdoe")
    workmail_client.disassociate_delegate_from_resource(OrganizationId=workmail_org, ResourceId=room, EntityId="jdoe")
    assert workmail_client.list_resource_delegates(OrganizationId=workmail_org, ResourceId=room)["Delegates"] == [
        {"Id": group, "Type": "GROUP"}]
    # Deleting a delegate drops the delegation.
    workmail_client.delete_group(OrganizationId=workmail_org, GroupId=group)
    assert workmail_client.list_resource_delegates(OrganizationId=workmail_org, ResourceId=room)["Delegates"] == []


def test_delegate_errors(workmail_client, workmail_org, room):
    other_room = new_resource(workmail_client, workmail_org, "room2")
    user = new_user(workmail_client, workmail_org, "jdoe")
    with raises_code("EntityNotFoundException"):
        workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId="ghost", EntityId=user)
    with raises_code("EntityNotFoundException"):
        workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId=room, EntityId="ghost")
    with raises_code("EntityNotFoundException"):
        workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId=room, EntityId=other_room)
    with raises_code("EntityNotFoundException"):
        workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId=user, EntityId=user)
    with raises_code("EntityNotFoundException"):
        workmail_client.list_resource_delegates(OrganizationId=workmail_org, ResourceId="ghost")
    with raises_code("InvalidParameterException", match="at 'entityId'"):
        workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId=room, EntityId="j doe")
    workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId=room, EntityId=user)
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=user)
    with raises_code("EntityStateException"):
        workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId=room, EntityId=user)
    with raises_code("EntityStateException"):
        workmail_client.disassociate_delegate_from_resource(OrganizationId=workmail_org, ResourceId=room, EntityId=user)
    workmail_client.delete_resource(OrganizationId=workmail_org, ResourceId=room)
    with raises_code("EntityStateException"):
        workmail_client.list_resource_delegates(OrganizationId=workmail_org, ResourceId=room)
    new_user(workmail_client, workmail_org, "ann")
    with raises_code("EntityStateException"):
        workmail_client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId=room, EntityId="ann")


def test_aliases_and_primary_address_of_a_resource(workmail_client, workmail_org, room):
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=room, Email=ROOM_EMAIL)
    alias = f"boardroom@{TEST_DOMAIN}"
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=room, Alias=alias)
    assert workmail_client.list_aliases(OrganizationId=workmail_org, EntityId=room)["Aliases"] == [alias]
    assert workmail_client.describe_entity(OrganizationId=workmail_org, Email=alias)["EntityId"] == room
    workmail_client.update_primary_email_address(OrganizationId=workmail_org, EntityId="room1", Email=alias)
    assert describe(workmail_client, workmail_org, room)["Email"] == alias
    assert workmail_client.list_aliases(OrganizationId=workmail_org, EntityId=room)["Aliases"] == [ROOM_EMAIL]
    workmail_client.delete_alias(OrganizationId=workmail_org, EntityId=room, Alias=ROOM_EMAIL)
    assert workmail_client.list_aliases(OrganizationId=workmail_org, EntityId=room)["Aliases"] == []


def test_deleting_an_organization_with_enabled_resources(workmail_client, workmail_org, room):
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=room, Email=ROOM_EMAIL)
    assert workmail_client.delete_organization(OrganizationId=workmail_org, DeleteDirectory=False)["State"] == "Deleting"
