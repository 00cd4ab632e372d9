"""Mail domains: test domain, custom domains, verification, default domain and deregistration."""

import pytest
from support import TEST_DOMAIN, all_pages, new_user, raises_code, without_retries

import workmail_emulator


def test_test_domain_is_verified_and_default(workmail_client, workmail_org):
    domain = workmail_client.get_mail_domain(OrganizationId=workmail_org, DomainName=TEST_DOMAIN.upper())
    assert (domain["IsTestDomain"], domain["IsDefault"]) == (True, True)
    assert (domain["OwnershipVerificationStatus"], domain["DkimVerificationStatus"]) == ("VERIFIED", "VERIFIED")
    assert workmail_client.list_mail_domains(OrganizationId=workmail_org)["MailDomains"] == [{"DomainName": TEST_DOMAIN, "DefaultDomain": True}]


def test_custom_domain_is_verified_at_once_by_default(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="Corp.Example")
    domain = workmail_client.get_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    assert (domain["IsTestDomain"], domain["IsDefault"]) == (False, False)
    assert (domain["OwnershipVerificationStatus"], domain["DkimVerificationStatus"]) == ("VERIFIED", "VERIFIED")
    new_user(workmail_client, workmail_org, "jdoe", email="jdoe@Corp.Example")


def test_custom_domain_verifies_after_the_delay(workmail_client, workmail_org):
    workmail_emulator.configure(domain_verification_delay=120)
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    domain = workmail_client.get_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    assert (domain["OwnershipVerificationStatus"], domain["DkimVerificationStatus"]) == ("PENDING", "PENDING")
    with raises_code("MailDomainStateException"):
        workmail_client.update_default_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    workmail_emulator.advance_clock(120)
    assert workmail_client.get_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")["OwnershipVerificationStatus"] == "VERIFIED"
    workmail_client.update_default_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")


def test_records(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    records = workmail_client.get_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")["Records"]
    by_type = {}
    for record in records:
        by_type.setdefault(record["Type"], []).append(record)
    assert {record["Hostname"] for record in by_type["TXT"]} == {"_amazonses.corp.example", "corp.example", "_dmarc.corp.example"}
    assert by_type["MX"] == [{"Type": "MX", "Hostname": "corp.example", "Value": "10 inbound-smtp.us-east-1.amazonaws.com."}]
    cnames = {record["Hostname"]: record["Value"] for record in by_type["CNAME"]}
    assert cnames.pop("autodiscover.corp.example") == "autodiscover.mail.us-east-1.awsapps.com."
    assert len(cnames) == 3
    for hostname, value in cnames.items():
        token = hostname.split(".", 1)[0]
        assert hostname == f"{token}._domainkey.corp.example" and value == f"{token}.dkim.amazonses.com."
    assert any(record["Value"].startswith("v=spf1 ") for record in by_type["TXT"])
    assert workmail_client.get_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")["Records"] == records


def test_default_domain(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    workmail_client.update_default_mail_domain(OrganizationId=workmail_org, DomainName="CORP.example")
    workmail_client.update_default_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    assert workmail_client.describe_organization(OrganizationId=workmail_org)["DefaultMailDomain"] == "corp.example"
    domains = workmail_client.list_mail_domains(OrganizationId=workmail_org)["MailDomains"]
    assert domains == [{"DomainName": TEST_DOMAIN, "DefaultDomain": False}, {"DomainName": "corp.example", "DefaultDomain": True}]
    assert workmail_client.get_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")["IsDefault"] is True
    with raises_code("MailDomainNotFoundException"):
        workmail_client.update_default_mail_domain(OrganizationId=workmail_org, DomainName="unknown.example")


def test_register_is_idempotent_and_exclusive(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName=TEST_DOMAIN)
    assert len(workmail_client.list_mail_domains(OrganizationId=workmail_org)["MailDomains"]) == 2
    other = workmail_client.create_organization(Alias="other")["OrganizationId"]
    with raises_code("MailDomainInUseException"):
        workmail_client.register_mail_domain(OrganizationId=other, DomainName="corp.example")
    with raises_code("InvalidParameterException", match="awsapps.com"):
        workmail_client.register_mail_domain(OrganizationId=other, DomainName="somebody.awsapps.com")


def test_domain_of_a_deleted_organization_is_free(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    workmail_client.delete_organization(OrganizationId=workmail_org, DeleteDirectory=True)
    other = workmail_client.create_organization(Alias="other")["OrganizationId"]
    workmail_client.register_mail_domain(OrganizationId=other, DomainName="corp.example")


def test_domain_limit(workmail_client, workmail_org):
    workmail_emulator.configure(max_mail_domains=1)
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="one.example")
    with raises_code("LimitExceededException"):
        without_retries(workmail_client).register_mail_domain(OrganizationId=workmail_org, DomainName="two.example")


def test_deregister(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    user = new_user(workmail_client, workmail_org, "jdoe", email=f"jdoe@{TEST_DOMAIN}")
    workmail_client.create_alias(OrganizationId=workmail_org, EntityId=user, Alias="jdoe@corp.example")
    with raises_code("MailDomainInUseException"):
        workmail_client.deregister_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    workmail_client.delete_alias(OrganizationId=workmail_org, EntityId=user, Alias="jdoe@corp.example")
    workmail_client.update_default_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    with raises_code("InvalidParameterException", match="default"):
        workmail_client.deregister_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    workmail_client.update_default_mail_domain(OrganizationId=workmail_org, DomainName=TEST_DOMAIN)
    workmail_client.deregister_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    with raises_code("MailDomainNotFoundException"):
        workmail_client.get_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    with raises_code("MailDomainNotFoundException"):
        workmail_client.deregister_mail_domain(OrganizationId=workmail_org, DomainName="corp.example")
    with raises_code("InvalidParameterException", match="test domain"):
        workmail_client.deregister_mail_domain(OrganizationId=workmail_org, DomainName=TEST_DOMAIN)


def test_domains_paginate(workmail_client, workmail_org):
    for number in range(4):
        workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName=f"d{number}.example")
    domains = all_pages(workmail_client.list_mail_domains, "MailDomains", OrganizationId=workmail_org, MaxResults=2)
    assert [domain["DomainName"] for domain in domains] == [TEST_DOMAIN] + [f"d{number}.example" for number in range(4)]


@pytest.mark.parametrize("name", ["a", "bad_domain.example", "x" * 210])
def test_domain_name_constraints(workmail_client, workmail_org, name):
    with pytest.raises(Exception) as info:
        workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName=name)
    assert "domainName" in str(info.value) or "DomainName" in str(info.value)
