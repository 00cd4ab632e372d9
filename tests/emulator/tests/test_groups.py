"""Groups and group membership."""

from support import TEST_DOMAIN, all_pages, new_group, new_user, raises_code


def test_group_lifecycle(workmail_client, workmail_org):
    group_id = workmail_client.create_group(OrganizationId=workmail_org, Name="Sales Team", HiddenFromGlobalAddressList=True)["GroupId"]
    described = workmail_client.describe_group(OrganizationId=workmail_org, GroupId=group_id)
    described.pop("ResponseMetadata")
    assert described == {"GroupId": group_id, "Name": "Sales Team", "State": "DISABLED", "HiddenFromGlobalAddressList": True}
    workmail_client.update_group(OrganizationId=workmail_org, GroupId=group_id, HiddenFromGlobalAddressList=False)
    workmail_client.update_group(OrganizationId=workmail_org, GroupId=group_id)
    assert workmail_client.describe_group(OrganizationId=workmail_org, GroupId=group_id)["HiddenFromGlobalAddressList"] is False
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=group_id, Email=f"sales@{TEST_DOMAIN}")
    described = workmail_client.describe_group(OrganizationId=workmail_org, GroupId=f"sales@{TEST_DOMAIN}")
    assert (described["State"], described["Email"]) == ("ENABLED", f"sales@{TEST_DOMAIN}")
    with raises_code("EntityStateException"):
        workmail_client.delete_group(OrganizationId=workmail_org, GroupId=group_id)
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=group_id)
    workmail_client.delete_group(OrganizationId=workmail_org, GroupId=group_id)
    assert workmail_client.describe_group(OrganizationId=workmail_org, GroupId=group_id)["State"] == "DELETED"
    workmail_client.delete_group(OrganizationId=workmail_org, GroupId=group_id)
    workmail_client.delete_group(OrganizationId=workmail_org, GroupId="never-existed")
    with raises_code("EntityStateException"):
        workmail_client.update_group(OrganizationId=workmail_org, GroupId=group_id, HiddenFromGlobalAddressList=True)


def test_group_name_is_unique_and_group_is_not_a_user(workmail_client, workmail_org):
    group_id = new_group(workmail_client, workmail_org, "sales")
    with raises_code("NameAvailabilityException"):
        workmail_client.create_group(OrganizationId=workmail_org, Name="SALES")
    user_id = new_user(workmail_client, workmail_org, "jdoe")
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_group(OrganizationId=workmail_org, GroupId=user_id)
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_group(OrganizationId=workmail_org, GroupId="nobody")
    assert workmail_client.describe_group(OrganizationId=workmail_org, GroupId="Sales")["GroupId"] == group_id


def test_list_groups_filters(workmail_client, workmail_org):
    sales = new_group(workmail_client, workmail_org, "sales", email=f"sales@{TEST_DOMAIN}")
    support = new_group(workmail_client, workmail_org, "Support")
    ops = new_group(workmail_client, workmail_org, "ops")

    def ids(**filters):
        return [group["Id"] for group in workmail_client.list_groups(OrganizationId=workmail_org, Filters=filters)["Groups"]]

    assert ids() == [sales, support, ops]
    assert ids(NamePrefix="s") == [sales, support]
    assert ids(PrimaryEmailPrefix="sales@") == [sales]
    assert ids(State="DISABLED") == [support, ops]
    with raises_code("InvalidParameterException", match="one filter"):
        ids(NamePrefix="s", State="DISABLED")
    assert set(workmail_client.list_groups(OrganizationId=workmail_org)["Groups"][0]) == {"Id", "Email", "Name", "State", "EnabledDate"}


def test_membership_add_remove_and_nesting(workmail_client, workmail_org):
    group = new_group(workmail_client, workmail_org, "sales", email=f"sales@{TEST_DOMAIN}")
    nested = new_group(workmail_client, workmail_org, "emea")
    user = new_user(workmail_client, workmail_org, "jdoe", email=f"jdoe@{TEST_DOMAIN}")
    workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=f"sales@{TEST_DOMAIN}", MemberId="jdoe")
    workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId="sales", MemberId=nested)
    workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=group, MemberId=f"jdoe@{TEST_DOMAIN}")
    workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=nested, MemberId=user)
    members = workmail_client.list_group_members(OrganizationId=workmail_org, GroupId=group)["Members"]
    assert [(member["Id"], member["Name"], member["Type"], member["State"]) for member in members] == [
        (user, "jdoe", "USER", "ENABLED"), (nested, "emea", "GROUP", "DISABLED")]
    assert "EnabledDate" in members[0]
    groups = workmail_client.list_groups_for_entity(OrganizationId=workmail_org, EntityId=user)["Groups"]
    assert groups == [{"GroupId": group, "GroupName": "sales"}, {"GroupId": nested, "GroupName": "emea"}]
    filtered = workmail_client.list_groups_for_entity(OrganizationId=workmail_org, EntityId="jdoe", Filters={"GroupNamePrefix": "EM"})
    assert filtered["Groups"] == [{"GroupId": nested, "GroupName": "emea"}]
    assert workmail_client.list_groups_for_entity(OrganizationId=workmail_org, EntityId=nested)["Groups"] == [{"GroupId": group, "GroupName": "sales"}]
    workmail_client.disassociate_member_from_group(OrganizationId=workmail_org, GroupId=group, MemberId=user)
    workmail_client.disassociate_member_from_group(OrganizationId=workmail_org, GroupId=group, MemberId=user)
    assert [member["Id"] for member in workmail_client.list_group_members(OrganizationId=workmail_org, GroupId=group)["Members"]] == [nested]


def test_membership_errors(workmail_client, workmail_org):
    group = new_group(workmail_client, workmail_org, "sales")
    user = new_user(workmail_client, workmail_org, "jdoe")
    with raises_code("InvalidParameterException", match="itself"):
        workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=group, MemberId="sales")
    with raises_code("EntityNotFoundException"):
        workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=group, MemberId="ghost")
    with raises_code("EntityNotFoundException"):
        workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId="ghost", MemberId=user)
    with raises_code("EntityNotFoundException"):
        workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=user, MemberId=group)
    with raises_code("EntityNotFoundException"):
        workmail_client.list_group_members(OrganizationId=workmail_org, GroupId="ghost")
    with raises_code("EntityNotFoundException"):
        workmail_client.list_groups_for_entity(OrganizationId=workmail_org, EntityId="ghost")
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=user)
    with raises_code("EntityStateException"):
        workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=group, MemberId=user)
    with raises_code("EntityStateException"):
        workmail_client.list_groups_for_entity(OrganizationId=workmail_org, EntityId=user)
    workmail_client.delete_group(OrganizationId=workmail_org, GroupId=group)
    with raises_code("EntityStateException"):
        workmail_client.list_group_members(OrganizationId=workmail_org, GroupId=group)


def test_deleting_drops_memberships(workmail_client, workmail_org):
    parent = new_group(workmail_client, workmail_org, "parent")
    child = new_group(workmail_client, workmail_org, "child")
    user = new_user(workmail_client, workmail_org, "jdoe")
    workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=parent, MemberId=child)
    workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=parent, MemberId=user)
    workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=child, MemberId=user)
    workmail_client.delete_group(OrganizationId=workmail_org, GroupId=child)
    assert [member["Id"] for member in workmail_client.list_group_members(OrganizationId=workmail_org, GroupId=parent)["Members"]] == [user]
    assert workmail_client.list_groups_for_entity(OrganizationId=workmail_org, EntityId=user)["Groups"] == [{"GroupId": parent, "GroupName": "parent"}]
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=user)
    assert workmail_client.list_group_members(OrganizationId=workmail_org, GroupId=parent)["Members"] == []


def test_members_paginate(workmail_client, workmail_org):
    group = new_group(workmail_client, workmail_org, "all")
    users = [new_user(workmail_client, workmail_org, f"user{n}") for n in range(7)]
    for user in users:
        workmail_client.associate_member_to_group(OrganizationId=workmail_org, GroupId=group, MemberId=user)
    members = all_pages(workmail_client.list_group_members, "Members", OrganizationId=workmail_org, GroupId=group, MaxResults=3)
    assert [member["Id"] for member in members] == users
    paginator = workmail_client.get_paginator("list_group_members")
    pages = list(paginator.paginate(OrganizationId=workmail_org, GroupId=group, PaginationConfig={"PageSize": 2}))
    assert [len(page["Members"]) for page in pages] == [2, 2, 2, 1]


def test_unknown_group_and_reserved_name(workmail_client, workmail_org):
    user = new_user(workmail_client, workmail_org, "jdoe")
    with raises_code("EntityNotFoundException"):
        workmail_client.update_group(OrganizationId=workmail_org, GroupId="ghost", HiddenFromGlobalAddressList=True)
    with raises_code("EntityNotFoundException"):
        workmail_client.disassociate_member_from_group(OrganizationId=workmail_org, GroupId="ghost", MemberId=user)
    with raises_code("ReservedNameException"):
        workmail_client.create_group(OrganizationId=workmail_org, Name="Guest")
