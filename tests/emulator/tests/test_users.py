"""Users: creation, attributes, lifecycle, passwords, mailboxes and identifier forms."""

import pytest
from support import TEST_DOMAIN, new_group, new_user, raises_code

import workmail_emulator

EMAIL = f"jdoe@{TEST_DOMAIN}"


def test_created_user_is_disabled_and_unset_attributes_are_omitted(workmail_client, workmail_org):
    user_id = workmail_client.create_user(OrganizationId=workmail_org, Name="jdoe", DisplayName="John Doe", FirstName="John")["UserId"]
    described = workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)
    described.pop("ResponseMetadata")
    assert described == {"UserId": user_id, "Name": "jdoe", "DisplayName": "John Doe", "FirstName": "John", "State": "DISABLED",
                         "UserRole": "USER", "HiddenFromGlobalAddressList": False}


def test_create_options(workmail_client, workmail_org):
    idp = "0123456789-01234567-89ab-cdef-0123-456789abcdef"
    user_id = workmail_client.create_user(OrganizationId=workmail_org, Name="remote", DisplayName="", Role="REMOTE_USER",
                                          HiddenFromGlobalAddressList=True, IdentityProviderUserId=idp)["UserId"]
    described = workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)
    assert described["UserRole"] == "REMOTE_USER"
    assert described["HiddenFromGlobalAddressList"] is True
    assert described["IdentityProviderUserId"] == idp
    assert "DisplayName" not in described


@pytest.mark.parametrize("role", ["SYSTEM_USER", "RESOURCE"])
def test_roles_that_cannot_be_set(workmail_client, workmail_org, role):
    with raises_code("InvalidParameterException", match="'Role'"):
        workmail_client.create_user(OrganizationId=workmail_org, Name="sys", DisplayName="S", Role=role)
    user_id = new_user(workmail_client, workmail_org, "jdoe")
    with raises_code("InvalidParameterException", match="'Role'"):
        workmail_client.update_user(OrganizationId=workmail_org, UserId=user_id, Role=role)


def test_names_are_unique_across_users_and_groups_ignoring_case(workmail_client, workmail_org):
    new_user(workmail_client, workmail_org, "jdoe")
    with raises_code("NameAvailabilityException"):
        workmail_client.create_user(OrganizationId=workmail_org, Name="JDoe", DisplayName="x")
    with raises_code("NameAvailabilityException"):
        workmail_client.create_group(OrganizationId=workmail_org, Name="jdoe")
    new_group(workmail_client, workmail_org, "sales")
    with raises_code("NameAvailabilityException"):
        workmail_client.create_user(OrganizationId=workmail_org, Name="Sales", DisplayName="x")


def test_reserved_names(workmail_client, workmail_org):
    with raises_code("ReservedNameException"):
        workmail_client.create_user(OrganizationId=workmail_org, Name="Administrator", DisplayName="x")


def test_password_policy(workmail_client, workmail_org):
    # The WorkMail directory's documented policy: 8 to 63 characters, 3 of 5 groups, Latin-1
    # supplement characters (é, ñ) being a group of their own.
    for weak in ("Sh0rt!", "alllowercase1", "NoDigitsOrSymbols", "Corr3ct-horse" * 5, "\u00c0\u00e9\u00ee\u00f5\u00fc\u00e0\u00e8\u00ec"):
        with raises_code("InvalidPasswordException"):
            workmail_client.create_user(OrganizationId=workmail_org, Name="jdoe", DisplayName="J", Password=weak)
    for strong in ("abcdefg\u00e91", "ABCDEFG!\u00f1", "Corr3ct-horse" + "x" * 50):
        assert workmail_client.create_user(OrganizationId=workmail_org, Name="strong", DisplayName="S", Password=strong)["UserId"]
        workmail_client.delete_user(OrganizationId=workmail_org, UserId="strong")
    user_id = new_user(workmail_client, workmail_org, "jdoe", Password="Corr3ct-horse")
    backend = workmail_emulator.backend()
    assert backend.password_matches(workmail_org, "jdoe", "Corr3ct-horse")
    with raises_code("InvalidPasswordException"):
        workmail_client.reset_password(OrganizationId=workmail_org, UserId=user_id, Password="weak")
    workmail_client.reset_password(OrganizationId=workmail_org, UserId=user_id, Password="Battery-Stap1e")
    assert backend.password_matches(workmail_org, user_id, "Battery-Stap1e")
    assert not backend.password_matches(workmail_org, user_id, "Corr3ct-horse")


def test_password_is_never_stored_in_clear(workmail_client, workmail_org):
    new_user(workmail_client, workmail_org, "jdoe", Password="Corr3ct-horse")
    user = workmail_emulator.backend().organizations[workmail_org].find("jdoe")
    assert b"Corr3ct-horse" not in user.password_digest
    assert "Corr3ct-horse" not in repr(user)


def test_reset_password_needs_a_user_id(workmail_client, workmail_org):
    new_user(workmail_client, workmail_org, "jane.doe.long")
    with raises_code("EntityNotFoundException"):
        workmail_client.reset_password(OrganizationId=workmail_org, UserId="jane.doe.long", Password="Corr3ct-horse")


def test_update_user_omitted_unchanged_empty_clears(workmail_client, workmail_org):
    user_id = new_user(workmail_client, workmail_org, "jdoe", FirstName="John", LastName="Doe")
    workmail_client.update_user(OrganizationId=workmail_org, UserId=user_id, City="Paris", FirstName="", HiddenFromGlobalAddressList=True,
                                IdentityProviderUserId="01234567-89ab-cdef-0123-456789abcdef")
    described = workmail_client.describe_user(OrganizationId=workmail_org, UserId="jdoe")
    assert described["City"] == "Paris"
    assert described["LastName"] == "Doe"
    assert "FirstName" not in described
    assert described["HiddenFromGlobalAddressList"] is True
    workmail_client.update_user(OrganizationId=workmail_org, UserId=user_id, IdentityProviderUserId="", Role="REMOTE_USER")
    described = workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)
    assert "IdentityProviderUserId" not in described
    assert described["UserRole"] == "REMOTE_USER"
    assert described["HiddenFromGlobalAddressList"] is True
    assert described["DisplayName"] == "Jdoe"


def test_register_deregister_delete_lifecycle(workmail_client, workmail_org):
    user_id = new_user(workmail_client, workmail_org, "jdoe")
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId="jdoe", Email=EMAIL)
    described = workmail_client.describe_user(OrganizationId=workmail_org, UserId=EMAIL)
    assert (described["UserId"], described["State"], described["Email"]) == (user_id, "ENABLED", EMAIL)
    assert "EnabledDate" in described and "MailboxProvisionedDate" in described
    with raises_code("EntityStateException", match="deregister"):
        workmail_client.delete_user(OrganizationId=workmail_org, UserId=user_id)
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=EMAIL)
    described = workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)
    assert described["State"] == "DISABLED" and "Email" not in described and "DisabledDate" in described
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=user_id)
    workmail_client.delete_user(OrganizationId=workmail_org, UserId="jdoe")
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)["State"] == "DELETED"
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId="jdoe")["State"] == "DELETED"
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=user_id)
    workmail_client.delete_user(OrganizationId=workmail_org, UserId="nobody-at-all")
    for call in (lambda: workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email=EMAIL),
                 lambda: workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=user_id),
                 lambda: workmail_client.update_user(OrganizationId=workmail_org, UserId=user_id, City="x"),
                 lambda: workmail_client.reset_password(OrganizationId=workmail_org, UserId=user_id, Password="Corr3ct-horse")):
        with raises_code("EntityStateException"):
            call()


def test_deleted_name_is_reusable(workmail_client, workmail_org):
    old_id = new_user(workmail_client, workmail_org, "jdoe")
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=old_id)
    new_id = new_user(workmail_client, workmail_org, "jdoe")
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId="jdoe")["UserId"] == new_id
    states = {user["Id"]: user["State"] for user in workmail_client.list_users(OrganizationId=workmail_org)["Users"]}
    assert states == {old_id: "DELETED", new_id: "DISABLED"}


def test_register_same_email_is_a_no_op_other_email_fails(workmail_client, workmail_org):
    user_id = new_user(workmail_client, workmail_org, "jdoe", email=EMAIL)
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email=EMAIL.upper())
    with raises_code("EntityAlreadyRegisteredException"):
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email=f"john@{TEST_DOMAIN}")
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId=user_id)["Email"] == EMAIL


def test_register_address_checks(workmail_client, workmail_org):
    new_user(workmail_client, workmail_org, "jdoe", email=EMAIL)
    other = new_user(workmail_client, workmail_org, "other")
    with raises_code("EmailAddressInUseException"):
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=other, Email=EMAIL.title())
    with raises_code("MailDomainNotFoundException"):
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=other, Email="other@unknown.example")
    workmail_emulator.configure(domain_verification_delay=60)
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="pending.example")
    with raises_code("MailDomainStateException"):
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=other, Email="other@pending.example")
    with raises_code("EntityNotFoundException"):
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId="ghost", Email=f"ghost@{TEST_DOMAIN}")


def test_register_does_not_accept_an_email_identifier(workmail_client, workmail_org):
    new_user(workmail_client, workmail_org, "jdoe", email=EMAIL)
    with raises_code("EntityNotFoundException"):
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=EMAIL, Email=EMAIL)


def test_deregister_releases_primary_and_aliases(workmail_client, workmail_org):
    user_id = new_user(workmail_client, workmail_org, "jdoe", email=EMAIL)
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user_id, Alias=f"john@{TEST_DOMAIN}")
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=user_id)
    other = new_user(workmail_client, workmail_org, "other", email=EMAIL)
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=other, Alias=f"john@{TEST_DOMAIN}")
    assert workmail_client.describe_entity(OrganizationId=workmail_org, Email=f"john@{TEST_DOMAIN}")["EntityId"] == other
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email=f"jdoe2@{TEST_DOMAIN}")
    assert workmail_client.list_aliases(OrganizationId=workmail_org, EntityId=user_id)["Aliases"] == []


def test_identifier_forms(workmail_client, workmail_org):
    user_id = new_user(workmail_client, workmail_org, "jdoe", email=EMAIL)
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user_id, Alias=f"john@{TEST_DOMAIN}")
    for identifier in (user_id, user_id.upper(), "jdoe", "JDOE", EMAIL, f"John@{TEST_DOMAIN}"):
        assert workmail_client.describe_user(OrganizationId=workmail_org, UserId=identifier)["UserId"] == user_id
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_user(OrganizationId=workmail_org, UserId="nobody")
    group_id = new_group(workmail_client, workmail_org, "sales")
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_user(OrganizationId=workmail_org, UserId=group_id)


def test_user_name_in_email_form_is_a_name(workmail_client, workmail_org):
    user_id = new_user(workmail_client, workmail_org, "jane@corp.example")
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId="jane@corp.example")["UserId"] == user_id


def test_identifier_with_a_space_is_invalid(workmail_client, workmail_org):
    with raises_code("InvalidParameterException", match="'userId'"):
        workmail_client.describe_user(OrganizationId=workmail_org, UserId="John Doe")


def test_describe_entity(workmail_client, workmail_org):
    user_id = new_user(workmail_client, workmail_org, "jdoe", email=EMAIL)
    group_id = new_group(workmail_client, workmail_org, "sales", email=f"sales@{TEST_DOMAIN}")
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=group_id, Alias=f"team@{TEST_DOMAIN}")
    found = workmail_client.describe_entity(OrganizationId=workmail_org, Email=EMAIL.upper())
    assert (found["EntityId"], found["Name"], found["Type"]) == (user_id, "jdoe", "USER")
    found = workmail_client.describe_entity(OrganizationId=workmail_org, Email=f"team@{TEST_DOMAIN}")
    assert (found["EntityId"], found["Name"], found["Type"]) == (group_id, "sales", "GROUP")
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_entity(OrganizationId=workmail_org, Email=f"nobody@{TEST_DOMAIN}")


def test_mailbox(workmail_client, workmail_org):
    user_id = new_user(workmail_client, workmail_org, "jdoe")
    with raises_code("EntityStateException"):
        workmail_client.update_mailbox_quota(OrganizationId=workmail_org, UserId=user_id, MailboxQuota=1024)
    details = workmail_client.get_mailbox_details(OrganizationId=workmail_org, UserId=user_id)
    assert (details["MailboxQuota"], details["MailboxSize"]) == (51200, 0.0)
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email=EMAIL)
    # A mailbox holds at most 50 GB.
    with raises_code("InvalidParameterException"):
        workmail_client.update_mailbox_quota(OrganizationId=workmail_org, UserId=EMAIL, MailboxQuota=51201)
    workmail_client.update_mailbox_quota(OrganizationId=workmail_org, UserId=EMAIL, MailboxQuota=1024)
    assert workmail_client.get_mailbox_details(OrganizationId=workmail_org, UserId="jdoe")["MailboxQuota"] == 1024
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=user_id)
    assert workmail_client.get_mailbox_details(OrganizationId=workmail_org, UserId=user_id)["MailboxQuota"] == 1024
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=user_id)
    with raises_code("EntityNotFoundException"):
        workmail_client.get_mailbox_details(OrganizationId=workmail_org, UserId=user_id)
    with raises_code("EntityNotFoundException"):
        workmail_client.get_mailbox_details(OrganizationId=workmail_org, UserId="ghost")


def test_list_users_filters(workmail_client, workmail_org):
    ann = new_user(workmail_client, workmail_org, "ann", DisplayName="Ann Smith", email=f"ann@{TEST_DOMAIN}")
    bob = new_user(workmail_client, workmail_org, "bob", DisplayName="Bob Smith",
                   IdentityProviderUserId="01234567-89ab-cdef-0123-456789abcdef")
    anna = new_user(workmail_client, workmail_org, "Anna", DisplayName="Anna Jones")

    def ids(**filters):
        return [user["Id"] for user in workmail_client.list_users(OrganizationId=workmail_org, Filters=filters)["Users"]]

    assert ids() == [ann, bob, anna]
    assert ids(UsernamePrefix="an") == [ann, anna]
    assert ids(DisplayNamePrefix="bob s") == [bob]
    assert ids(PrimaryEmailPrefix="ANN@") == [ann]
    assert ids(State="ENABLED") == [ann]
    assert ids(IdentityProviderUserIdPrefix="0123") == [bob]
    with raises_code("InvalidParameterException", match="one filter"):
        ids(UsernamePrefix="a", State="ENABLED")
    with raises_code("InvalidParameterException", match="'filters.state'"):
        ids(State="ACTIVE")
    summary = workmail_client.list_users(OrganizationId=workmail_org)["Users"][0]
    assert set(summary) == {"Id", "Email", "Name", "DisplayName", "State", "UserRole", "EnabledDate"}


def test_unknown_user(workmail_client, workmail_org):
    for call in (lambda: workmail_client.update_user(OrganizationId=workmail_org, UserId="ghost", City="Paris"),
                 lambda: workmail_client.update_mailbox_quota(OrganizationId=workmail_org, UserId="ghost", MailboxQuota=10),
                 lambda: workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=f"ghost@{TEST_DOMAIN}"),
                 lambda: workmail_client.reset_password(OrganizationId=workmail_org, UserId="0" * 12, Password="Corr3ct-horse")):
        with raises_code("EntityNotFoundException"):
            call()
