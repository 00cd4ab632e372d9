"""Aliases and the primary address."""

import pytest
from support import TEST_DOMAIN, all_pages, new_group, new_user, raises_code, without_retries

import workmail_emulator

PRIMARY = f"jdoe@{TEST_DOMAIN}"
ALIAS = f"john@{TEST_DOMAIN}"


@pytest.fixture
def user(workmail_client, workmail_org):
    return new_user(workmail_client, workmail_org, "jdoe", email=PRIMARY)


def aliases(client, org_id, entity_id):
    return client.list_aliases(OrganizationId=org_id, EntityId=entity_id)["Aliases"]


def test_create_list_delete(workmail_client, workmail_org, user):
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user, Alias=ALIAS)
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user, Alias=ALIAS.upper())
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user, Alias=f"j.doe@{TEST_DOMAIN}")
    assert aliases(workmail_client, workmail_org, user) == [ALIAS, f"j.doe@{TEST_DOMAIN}"]
    workmail_client.delete_alias(OrganizationId=workmail_org, EntityId=user, Alias=ALIAS.upper())
    workmail_client.delete_alias(OrganizationId=workmail_org, EntityId=user, Alias=f"absent@{TEST_DOMAIN}")
    assert aliases(workmail_client, workmail_org, user) == [f"j.doe@{TEST_DOMAIN}"]


def test_alias_rules(workmail_client, workmail_org, user):
    with raises_code("InvalidParameterException", match="primary"):
        workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user, Alias=PRIMARY)
    with raises_code("InvalidParameterException", match="primary"):
        workmail_client.delete_alias(OrganizationId=workmail_org, EntityId=user, Alias=PRIMARY)
    other = new_user(workmail_client, workmail_org, "other", email=f"other@{TEST_DOMAIN}")
    with raises_code("EmailAddressInUseException"):
        workmail_client.create_alias(OrganizationId=workmail_org, EntityId=other, Alias=PRIMARY)
    with raises_code("MailDomainNotFoundException"):
        workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user, Alias="jdoe@elsewhere.example")
    workmail_emulator.configure(domain_verification_delay=60)
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="pending.example")
    with raises_code("MailDomainStateException"):
        workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user, Alias="jdoe@pending.example")


def test_alias_needs_an_enabled_entity_named_by_id(workmail_client, workmail_org, user):
    disabled = new_user(workmail_client, workmail_org, "disabled")
    with raises_code("EntityStateException"):
        workmail_client.create_alias(OrganizationId=workmail_org, EntityId=disabled, Alias=f"d@{TEST_DOMAIN}")
    with raises_code("EntityNotFoundException"):
        workmail_client.create_alias(OrganizationId=workmail_org, EntityId="disabled-user-name", Alias=f"d@{TEST_DOMAIN}")
    with raises_code("EntityNotFoundException"):
        workmail_client.list_aliases(OrganizationId=workmail_org, EntityId=PRIMARY)
    with raises_code("EntityNotFoundException"):
        workmail_client.delete_alias(OrganizationId=workmail_org, EntityId="0" * 12, Alias=ALIAS)
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=disabled)
    with raises_code("EntityStateException"):
        workmail_client.list_aliases(OrganizationId=workmail_org, EntityId=disabled)
    with raises_code("EntityStateException"):
        workmail_client.delete_alias(OrganizationId=workmail_org, EntityId=disabled, Alias=f"d@{TEST_DOMAIN}")


def test_groups_have_aliases(workmail_client, workmail_org):
    group = new_group(workmail_client, workmail_org, "sales", email=f"sales@{TEST_DOMAIN}")
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=group, Alias=f"team@{TEST_DOMAIN}")
    assert aliases(workmail_client, workmail_org, group) == [f"team@{TEST_DOMAIN}"]


def test_alias_limit(workmail_client, workmail_org, user):
    workmail_emulator.configure(max_aliases_per_entity=2)
    for name in ("a", "b"):
        workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user, Alias=f"{name}@{TEST_DOMAIN}")
    with raises_code("LimitExceededException"):
        without_retries(workmail_client).create_alias(OrganizationId=workmail_org, EntityId=user, Alias=f"c@{TEST_DOMAIN}")


def test_aliases_paginate(workmail_client, workmail_org, user):
    expected = [f"alias{n}@{TEST_DOMAIN}" for n in range(5)]
    for alias in expected:
        workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user, Alias=alias)
    assert all_pages(workmail_client.list_aliases, "Aliases", OrganizationId=workmail_org, EntityId=user, MaxResults=2) == expected


def test_update_primary_moves_the_old_primary_to_the_aliases(workmail_client, workmail_org, user):
    workmail_client.update_primary_email_address(OrganizationId=workmail_org, EntityId="jdoe", Email=f"john.doe@{TEST_DOMAIN}")
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId=user)["Email"] == f"john.doe@{TEST_DOMAIN}"
    assert aliases(workmail_client, workmail_org, user) == [PRIMARY]
    assert workmail_client.describe_entity(OrganizationId=workmail_org, Email=PRIMARY)["EntityId"] == user


def test_update_primary_swaps_with_an_alias(workmail_client, workmail_org, user):
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user, Alias=ALIAS)
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user, Alias=f"other@{TEST_DOMAIN}")
    workmail_client.update_primary_email_address(OrganizationId=workmail_org, EntityId=user, Email=ALIAS)
    assert workmail_client.describe_user(OrganizationId=workmail_org, UserId=user)["Email"] == ALIAS
    assert aliases(workmail_client, workmail_org, user) == [PRIMARY, f"other@{TEST_DOMAIN}"]
    workmail_client.update_primary_email_address(OrganizationId=workmail_org, EntityId=user, Email=ALIAS)
    assert aliases(workmail_client, workmail_org, user) == [PRIMARY, f"other@{TEST_DOMAIN}"]


def test_update_primary_errors(workmail_client, workmail_org, user):
    other = new_user(workmail_client, workmail_org, "other", email=f"other@{TEST_DOMAIN}")
    with raises_code("EmailAddressInUseException"):
        workmail_client.update_primary_email_address(OrganizationId=workmail_org, EntityId=other, Email=PRIMARY)
    with raises_code("MailDomainNotFoundException"):
        workmail_client.update_primary_email_address(OrganizationId=workmail_org, EntityId=other, Email="other@nowhere.example")
    disabled = new_user(workmail_client, workmail_org, "disabled")
    with raises_code("EntityStateException"):
        workmail_client.update_primary_email_address(OrganizationId=workmail_org, EntityId=disabled, Email=f"d@{TEST_DOMAIN}")
    with raises_code("EntityNotFoundException"):
        workmail_client.update_primary_email_address(OrganizationId=workmail_org, EntityId="ghost", Email=f"g@{TEST_DOMAIN}")
    workmail_emulator.configure(domain_verification_delay=60)
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="pending.example")
    with raises_code("MailDomainStateException"):
        workmail_client.update_primary_email_address(OrganizationId=workmail_org, EntityId=other, Email="other@pending.example")
