"""Organizations: lifecycle, uniqueness, deletion and tags."""

import re

import boto3
import pytest
from support import new_user, raises_code

import workmail_emulator


def test_create_describe_and_list(workmail_client):
    org_id = workmail_client.create_organization(Alias="acme")["OrganizationId"]
    assert re.fullmatch(r"m-[0-9a-f]{32}", org_id)
    described = workmail_client.describe_organization(OrganizationId=org_id)
    assert described["Alias"] == "acme"
    assert described["State"] == "Active"
    assert described["DefaultMailDomain"] == "acme.awsapps.com"
    assert described["ARN"] == f"arn:aws:workmail:us-east-1:123456789012:organization/{org_id}"
    assert described["InteroperabilityEnabled"] is False
    assert re.fullmatch(r"d-[0-9a-f]{10}", described["DirectoryId"])
    assert "CompletedDate" in described
    summaries = workmail_client.list_organizations()["OrganizationSummaries"]
    assert summaries == [{"OrganizationId": org_id, "Alias": "acme", "DefaultMailDomain": "acme.awsapps.com", "State": "Active"}]


def test_states_follow_the_ready_delay(workmail_client):
    workmail_emulator.configure(org_ready_delay=10)
    org_id = workmail_client.create_organization(Alias="slow")["OrganizationId"]
    described = workmail_client.describe_organization(OrganizationId=org_id)
    assert described["State"] == "Requested"
    assert "CompletedDate" not in described
    with raises_code("OrganizationStateException"):
        workmail_client.list_users(OrganizationId=org_id)
    workmail_emulator.advance_clock(6)
    assert workmail_client.describe_organization(OrganizationId=org_id)["State"] == "Creating"
    workmail_emulator.advance_clock(4)
    assert workmail_client.describe_organization(OrganizationId=org_id)["State"] == "Active"
    assert workmail_client.list_users(OrganizationId=org_id)["Users"] == []


def test_delete_passes_deleting_then_deleted_then_fades(workmail_client, workmail_org):
    workmail_emulator.configure(org_delete_delay=5, deleted_org_retention=60)
    deleted = workmail_client.delete_organization(OrganizationId=workmail_org, DeleteDirectory=True)
    assert deleted == {"OrganizationId": workmail_org, "State": "Deleting", "ResponseMetadata": deleted["ResponseMetadata"]}
    assert workmail_client.describe_organization(OrganizationId=workmail_org)["State"] == "Deleting"
    with raises_code("OrganizationStateException"):
        workmail_client.list_groups(OrganizationId=workmail_org)
    workmail_emulator.advance_clock(5)
    assert workmail_client.describe_organization(OrganizationId=workmail_org)["State"] == "Deleted"
    repeated = workmail_client.delete_organization(OrganizationId=workmail_org, DeleteDirectory=True)
    assert repeated["State"] == "Deleted"
    assert [org["State"] for org in workmail_client.list_organizations()["OrganizationSummaries"]] == ["Deleted"]
    workmail_emulator.advance_clock(60)
    with raises_code("OrganizationNotFoundException"):
        workmail_client.describe_organization(OrganizationId=workmail_org)
    assert workmail_client.list_organizations()["OrganizationSummaries"] == []


def test_delete_refuses_enabled_users_without_force(workmail_client, workmail_org):
    new_user(workmail_client, workmail_org, "jdoe", email="jdoe@example-corp.awsapps.com")
    with raises_code("OrganizationStateException", match="enabled users"):
        workmail_client.delete_organization(OrganizationId=workmail_org, DeleteDirectory=True)
    assert workmail_client.delete_organization(OrganizationId=workmail_org, DeleteDirectory=True, ForceDelete=True)["State"] == "Deleting"


def test_delete_refuses_an_organization_that_is_not_active_yet(workmail_client):
    workmail_emulator.configure(org_ready_delay=10)
    org_id = workmail_client.create_organization(Alias="young")["OrganizationId"]
    with raises_code("OrganizationStateException", match="Requested"):
        workmail_client.delete_organization(OrganizationId=org_id, DeleteDirectory=True)


def test_alias_is_unique_until_the_organization_is_deleted(workmail_client, workmail_org):
    with raises_code("NameAvailabilityException"):
        workmail_client.create_organization(Alias="Example-Corp")
    workmail_client.delete_organization(OrganizationId=workmail_org, DeleteDirectory=True)
    reused = workmail_client.create_organization(Alias="example-corp")["OrganizationId"]
    assert reused != workmail_org
    states = {org["OrganizationId"]: org["State"] for org in workmail_client.list_organizations()["OrganizationSummaries"]}
    assert states == {workmail_org: "Deleted", reused: "Active"}


def test_directory_is_used_by_one_organization(workmail_client):
    workmail_client.create_organization(Alias="first", DirectoryId="d-0123456789")
    with raises_code("DirectoryInUseException"):
        workmail_client.create_organization(Alias="second", DirectoryId="d-0123456789")
    interop = workmail_client.create_organization(Alias="third", DirectoryId="d-abcdefabcd", EnableInteroperability=True)
    assert workmail_client.describe_organization(OrganizationId=interop["OrganizationId"])["InteroperabilityEnabled"] is True


def test_interoperability_needs_a_directory(workmail_client):
    with raises_code("InvalidParameterException", match="'EnableInteroperability'"):
        workmail_client.create_organization(Alias="interop", EnableInteroperability=True)


def test_domains_given_at_creation_are_registered(workmail_client):
    workmail_emulator.configure(domain_verification_delay=30)
    org_id = workmail_client.create_organization(Alias="acme", Domains=[{"DomainName": "Acme.example"}, {"DomainName": "acme.example"}])["OrganizationId"]
    domains = workmail_client.list_mail_domains(OrganizationId=org_id)["MailDomains"]
    assert domains == [{"DomainName": "acme.awsapps.com", "DefaultDomain": True}, {"DomainName": "acme.example", "DefaultDomain": False}]
    assert workmail_client.get_mail_domain(OrganizationId=org_id, DomainName="acme.example")["OwnershipVerificationStatus"] == "PENDING"
    with raises_code("MailDomainInUseException"):
        workmail_client.create_organization(Alias="other", Domains=[{"DomainName": "acme.example"}])


def test_unknown_organization(workmail_client):
    missing = "m-" + "0" * 32
    with raises_code("OrganizationNotFoundException"):
        workmail_client.describe_organization(OrganizationId=missing)
    with raises_code("OrganizationNotFoundException"):
        workmail_client.delete_organization(OrganizationId=missing, DeleteDirectory=True)
    with raises_code("OrganizationNotFoundException"):
        workmail_client.create_user(OrganizationId=missing, Name="jdoe", DisplayName="J")


def test_organizations_are_per_region_and_account(workmail_client, workmail_org):
    other_region = boto3.client("workmail", region_name="eu-west-1")
    assert other_region.list_organizations()["OrganizationSummaries"] == []
    with raises_code("OrganizationNotFoundException"):
        other_region.describe_organization(OrganizationId=workmail_org)


def test_client_token_replays_the_original_response(workmail_client):
    first = workmail_client.create_organization(Alias="acme", ClientToken="token-1")["OrganizationId"]
    again = workmail_client.create_organization(Alias="acme", ClientToken="token-1")["OrganizationId"]
    assert again == first
    assert len(workmail_client.list_organizations()["OrganizationSummaries"]) == 1
    with raises_code("InvalidParameterException", match="ClientToken"):
        workmail_client.create_organization(Alias="other", ClientToken="token-1")


def test_client_tokens_expire(workmail_client):
    workmail_emulator.configure(client_token_ttl=100)
    first = workmail_client.create_organization(Alias="acme", ClientToken="token-1")["OrganizationId"]
    workmail_emulator.advance_clock(100)
    second = workmail_client.create_organization(Alias="other", ClientToken="token-1")["OrganizationId"]
    assert second != first


class TestTags:
    """Tags on the organization ARN."""

    @pytest.fixture
    def arn(self, workmail_client, workmail_org):
        return workmail_client.describe_organization(OrganizationId=workmail_org)["ARN"]

    def test_tag_overwrite_untag(self, workmail_client, arn):
        workmail_client.tag_resource(ResourceARN=arn, Tags=[{"Key": "team", "Value": "it"}, {"Key": "env", "Value": "prod"}])
        workmail_client.tag_resource(ResourceARN=arn, Tags=[{"Key": "team", "Value": "mail"}])
        assert workmail_client.list_tags_for_resource(ResourceARN=arn)["Tags"] == [{"Key": "team", "Value": "mail"}, {"Key": "env", "Value": "prod"}]
        workmail_client.untag_resource(ResourceARN=arn, TagKeys=["team", "absent"])
        assert workmail_client.list_tags_for_resource(ResourceARN=arn)["Tags"] == [{"Key": "env", "Value": "prod"}]

    def test_at_most_fifty_tags_in_all(self, workmail_client, arn):
        workmail_client.tag_resource(ResourceARN=arn, Tags=[{"Key": f"k{n}", "Value": ""} for n in range(50)])
        with raises_code("TooManyTagsException"):
            workmail_client.tag_resource(ResourceARN=arn, Tags=[{"Key": "one-more", "Value": "x"}])
        assert len(workmail_client.list_tags_for_resource(ResourceARN=arn)["Tags"]) == 50

    def test_aws_prefix_is_reserved(self, workmail_client, arn):
        with raises_code("InvalidParameterException", match="aws:"):
            workmail_client.tag_resource(ResourceARN=arn, Tags=[{"Key": "aws:owner", "Value": "x"}])
        with raises_code("InvalidParameterException", match="aws:"):
            workmail_client.untag_resource(ResourceARN=arn, TagKeys=["AWS:owner"])

    def test_unknown_resource(self, workmail_client, arn):
        unknown = arn[:-32] + "0" * 32
        for call in (lambda: workmail_client.list_tags_for_resource(ResourceARN=unknown),
                     lambda: workmail_client.untag_resource(ResourceARN=unknown, TagKeys=["a"]),
                     lambda: workmail_client.tag_resource(ResourceARN=unknown, Tags=[])):
            with raises_code("ResourceNotFoundException"):
                call()

    def test_tagging_needs_an_active_organization(self, workmail_client, workmail_org, arn):
        workmail_emulator.configure(org_delete_delay=5)
        workmail_client.delete_organization(OrganizationId=workmail_org, DeleteDirectory=True)
        with raises_code("OrganizationStateException"):
            workmail_client.tag_resource(ResourceARN=arn, Tags=[{"Key": "a", "Value": "b"}])
        assert workmail_client.list_tags_for_resource(ResourceARN=arn)["Tags"] == []
