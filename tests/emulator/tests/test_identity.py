"""IAM Identity Center integration and personal access tokens."""

import json
import re
import urllib.error
import urllib.request

import pytest
import workmail_emulator
from support import TEST_DOMAIN, all_pages, new_user, raises_code
from workmail_emulator import PersonalAccessTokenError

INSTANCE = "arn:aws:sso:::instance/ssoins-1234567890abcdef"
OTHER_INSTANCE = "arn:aws:sso:::instance/ssoins-fedcba0987654321"
APPLICATION = re.compile(r"arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-[a-z0-9]{16}")
DAY = 86400


def application(client, name="workmail", instance=INSTANCE, **params):
    return client.create_identity_center_application(Name=name, InstanceArn=instance, **params)["ApplicationArn"]


def configure(client, org_id, application_arn, status="ACTIVE", lifetime=None, mode="IDENTITY_PROVIDER_AND_DIRECTORY", instance=INSTANCE):
    tokens = {"Status": status, **({"LifetimeInDays": lifetime} if lifetime is not None else {})}
    client.put_identity_provider_configuration(
        OrganizationId=org_id, AuthenticationMode=mode,
        IdentityCenterConfiguration={"InstanceArn": instance, "ApplicationArn": application_arn},
        PersonalAccessTokenConfiguration=tokens)


def described(client, org_id):
    result = client.describe_identity_provider_configuration(OrganizationId=org_id)
    result.pop("ResponseMetadata")
    return result


@pytest.fixture
def jdoe(workmail_client, workmail_org):
    return new_user(workmail_client, workmail_org, "jdoe", f"jdoe@{TEST_DOMAIN}")


@pytest.fixture
def tokens_on(workmail_client, workmail_org):
    """An organization whose configuration allows tokens for at most 90 days; returns the application ARN."""
    arn = application(workmail_client)
    configure(workmail_client, workmail_org, arn, lifetime=90)
    return arn


# Identity Center applications --------------------------------------------------------------------

def test_create_application_returns_an_arn_of_the_instance(workmail_client):
    first, second = application(workmail_client), application(workmail_client, name="second")
    assert APPLICATION.fullmatch(first) and APPLICATION.fullmatch(second) and first != second
    gov = application(workmail_client, instance="arn:aws-us-gov:sso:::instance/ins-abcdefgh.1234567")
    assert gov.startswith("arn:aws-us-gov:sso::123456789012:application/ins-abcdefgh.1234567/apl-")


def test_create_application_is_idempotent_by_client_token(workmail_client):
    first = application(workmail_client, ClientToken="token-1")
    assert application(workmail_client, ClientToken="token-1") == first
    assert application(workmail_client, ClientToken="token-2") != first
    with raises_code("InvalidParameterException"):
        application(workmail_client, name="other", ClientToken="token-1")


@pytest.mark.parametrize("params, member", [
    ({"Name": "bad name", "InstanceArn": INSTANCE}, "'name'"),
    ({"Name": "a" * 256, "InstanceArn": INSTANCE}, "'name'"),
    ({"Name": "", "InstanceArn": INSTANCE}, "'name'"),
    ({"Name": "workmail", "InstanceArn": "arn:aws:sso:::instance/ssoins-short"}, "'instanceArn'"),
    ({"Name": "workmail", "InstanceArn": "arn:aws:sso:::instance/other-1234567890abcdef"}, "'instanceArn'"),
])
def test_create_application_refuses_bad_input(workmail_client, params, member):
    with raises_code("InvalidParameterException", match=member):
        workmail_client.create_identity_center_application(**params)


def test_delete_application(workmail_client, workmail_org):
    arn = application(workmail_client)
    configure(workmail_client, workmail_org, arn)
    with raises_code("OrganizationStateException", match=workmail_org):
        workmail_client.delete_identity_center_application(ApplicationArn=arn)
    workmail_client.delete_identity_provider_configuration(OrganizationId=workmail_org)
    workmail_client.delete_identity_center_application(ApplicationArn=arn)
    workmail_client.delete_identity_center_application(ApplicationArn=arn)
    with raises_code("ResourceNotFoundException", match=arn):
        configure(workmail_client, workmail_org, arn)
    with raises_code("InvalidParameterException", match="'applicationArn'"):
        workmail_client.delete_identity_center_application(ApplicationArn="arn:aws:sso::123456789012:application/bad")


def test_deleting_the_organization_can_delete_its_application(workmail_client, workmail_org):
    arn = application(workmail_client)
    configure(workmail_client, workmail_org, arn)
    workmail_client.delete_organization(OrganizationId=workmail_org, DeleteDirectory=False, DeleteIdentityCenterApplication=True)
    other = workmail_client.create_organization(Alias="other-corp")["OrganizationId"]
    with raises_code("ResourceNotFoundException"):
        configure(workmail_client, other, arn)


# The organization's configuration ------------------------------------------------------------------

def test_put_describe_replace_delete(workmail_client, workmail_org):
    with raises_code("ResourceNotFoundException", match=workmail_org):
        described(workmail_client, workmail_org)
    arn = application(workmail_client)
    configure(workmail_client, workmail_org, arn, status="INACTIVE")
    assert described(workmail_client, workmail_org) == {
        "AuthenticationMode": "IDENTITY_PROVIDER_AND_DIRECTORY",
        "IdentityCenterConfiguration": {"InstanceArn": INSTANCE, "ApplicationArn": arn},
        "PersonalAccessTokenConfiguration": {"Status": "INACTIVE"}}
    configure(workmail_client, workmail_org, arn, status="ACTIVE", lifetime=3653, mode="IDENTITY_PROVIDER_ONLY")
    assert described(workmail_client, workmail_org) == {
        "AuthenticationMode": "IDENTITY_PROVIDER_ONLY",
        "IdentityCenterConfiguration": {"InstanceArn": INSTANCE, "ApplicationArn": arn},
        "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 3653}}
    workmail_client.delete_identity_provider_configuration(OrganizationId=workmail_org)
    workmail_client.delete_identity_provider_configuration(OrganizationId=workmail_org)
    with raises_code("ResourceNotFoundException"):
        described(workmail_client, workmail_org)


def test_put_needs_the_application_of_the_instance_in_this_region(workmail_client, workmail_org):
    unknown = "arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-0000000000000000"
    with raises_code("ResourceNotFoundException", match=unknown):
        configure(workmail_client, workmail_org, unknown)
    arn = application(workmail_client)
    with raises_code("InvalidParameterException", match="IdentityCenterConfiguration.InstanceArn"):
        configure(workmail_client, workmail_org, arn, instance=OTHER_INSTANCE)
    elsewhere = workmail_emulator.backend(region="eu-west-1")
    assert arn not in elsewhere.identity_center_applications


@pytest.mark.parametrize("change, member", [
    ({"AuthenticationMode": "PASSWORD"}, "'authenticationMode'"),
    ({"PersonalAccessTokenConfiguration": {"Status": "ENABLED"}}, "personalAccessTokenConfiguration.status"),
    ({"PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 3654}}, "personalAccessTokenConfiguration.lifetimeInDays"),
    ({"IdentityCenterConfiguration": {"InstanceArn": INSTANCE, "ApplicationArn": "arn:aws:sso::1:application/x"}},
     "identityCenterConfiguration.applicationArn"),
])
def test_put_refuses_bad_input(workmail_client, workmail_org, change, member):
    arn = application(workmail_client)
    params = {"OrganizationId": workmail_org, "AuthenticationMode": "IDENTITY_PROVIDER_ONLY",
              "IdentityCenterConfiguration": {"InstanceArn": INSTANCE, "ApplicationArn": arn},
              "PersonalAccessTokenConfiguration": {"Status": "ACTIVE"}, **change}
    with raises_code("InvalidParameterException", match=member):
        workmail_client.put_identity_provider_configuration(**params)
    with raises_code("ResourceNotFoundException"):
        described(workmail_client, workmail_org)


def test_the_organization_gates_every_call(workmail_client):
    missing = "m-" + "0" * 32
    arn = application(workmail_client)
    calls = [
        lambda org: configure(workmail_client, org, arn),
        lambda org: workmail_client.describe_identity_provider_configuration(OrganizationId=org),
        lambda org: workmail_client.delete_identity_provider_configuration(OrganizationId=org),
        lambda org: workmail_client.get_personal_access_token_metadata(OrganizationId=org, PersonalAccessTokenId="t1"),
        lambda org: workmail_client.list_personal_access_tokens(OrganizationId=org),
        lambda org: workmail_client.delete_personal_access_token(OrganizationId=org, PersonalAccessTokenId="t1"),
    ]
    workmail_emulator.configure(org_ready_delay=60)
    young = workmail_client.create_organization(Alias="young-corp")["OrganizationId"]
    for call in calls:
        with raises_code("OrganizationNotFoundException"):
            call(missing)
        with raises_code("OrganizationStateException"):
            call(young)


# Personal access tokens --------------------------------------------------------------------------

def test_tokens_are_listed_described_and_deleted(workmail_client, workmail_org, jdoe, tokens_on):
    created = workmail_emulator.add_personal_access_token(workmail_org, "jdoe", "Thunderbird", lifetime_in_days=30, scopes=["IMAP"])
    token_id = created["PersonalAccessTokenId"]
    assert created == {"PersonalAccessTokenId": token_id, "UserId": jdoe, "Name": "Thunderbird", "DateCreated": created["DateCreated"],
                       "ExpiresTime": created["DateCreated"] + 30 * DAY, "Scopes": ["IMAP"]}
    metadata = workmail_client.get_personal_access_token_metadata(OrganizationId=workmail_org, PersonalAccessTokenId=token_id)
    assert metadata["UserId"] == jdoe and metadata["Name"] == "Thunderbird" and metadata["Scopes"] == ["IMAP"]
    assert metadata["ExpiresTime"].timestamp() == pytest.approx(created["ExpiresTime"])
    assert "DateLastUsed" not in metadata
    listed = workmail_client.list_personal_access_tokens(OrganizationId=workmail_org, UserId=f"jdoe@{TEST_DOMAIN}")
    assert [token["PersonalAccessTokenId"] for token in listed["PersonalAccessTokenSummaries"]] == [token_id]
    workmail_client.delete_personal_access_token(OrganizationId=workmail_org, PersonalAccessTokenId=token_id)
    workmail_client.delete_personal_access_token(OrganizationId=workmail_org, PersonalAccessTokenId=token_id)
    with raises_code("ResourceNotFoundException", match=token_id):
        workmail_client.get_personal_access_token_metadata(OrganizationId=workmail_org, PersonalAccessTokenId=token_id)
    assert workmail_client.list_personal_access_tokens(OrganizationId=workmail_org)["PersonalAccessTokenSummaries"] == []


def test_list_per_user_or_organization_with_pages(workmail_client, workmail_org, jdoe, tokens_on):
    ann = new_user(workmail_client, workmail_org, "ann", f"ann@{TEST_DOMAIN}")
    made = [workmail_emulator.add_personal_access_token(workmail_org, user, f"token {index}")["PersonalAccessTokenId"]
            for index, user in enumerate(["jdoe", "ann", jdoe, "ann", "jdoe"])]
    everyone = all_pages(workmail_client.list_personal_access_tokens, "PersonalAccessTokenSummaries", OrganizationId=workmail_org, MaxResults=2)
    assert [token["PersonalAccessTokenId"] for token in everyone] == made
    by_name = all_pages(workmail_client.list_personal_access_tokens, "PersonalAccessTokenSummaries", OrganizationId=workmail_org, UserId="ann")
    assert [token["PersonalAccessTokenId"] for token in by_name] == [made[1], made[3]]
    assert {token["UserId"] for token in by_name} == {ann}
    paginator = workmail_client.get_paginator("list_personal_access_tokens")
    pages = list(paginator.paginate(OrganizationId=workmail_org, UserId=jdoe, PaginationConfig={"PageSize": 1}))
    assert len(pages) == 3 and all(len(page["PersonalAccessTokenSummaries"]) == 1 for page in pages)


def test_list_errors_for_the_user(workmail_client, workmail_org, tokens_on):
    with raises_code("EntityNotFoundException", match="nobody"):
        workmail_client.list_personal_access_tokens(OrganizationId=workmail_org, UserId="nobody")
    user = new_user(workmail_client, workmail_org, "leaver", f"leaver@{TEST_DOMAIN}")
    workmail_emulator.add_personal_access_token(workmail_org, user, "phone")
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=user)
    assert len(workmail_client.list_personal_access_tokens(OrganizationId=workmail_org, UserId=user)["PersonalAccessTokenSummaries"]) == 1
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=user)
    with raises_code("EntityStateException", match=user):
        workmail_client.list_personal_access_tokens(OrganizationId=workmail_org, UserId=user)
    assert workmail_client.list_personal_access_tokens(OrganizationId=workmail_org)["PersonalAccessTokenSummaries"] == []
    with raises_code("InvalidParameterException", match="'userId'"):
        workmail_client.list_personal_access_tokens(OrganizationId=workmail_org, UserId="not a name")
    with raises_code("InvalidParameterException", match="'maxResults'"):
        workmail_client.list_personal_access_tokens(OrganizationId=workmail_org, MaxResults=101)


@pytest.mark.parametrize("token_id", ["bad id", "a" * 65])
def test_token_ids_are_checked(workmail_client, workmail_org, token_id):
    with raises_code("InvalidParameterException", match="'personalAccessTokenId'"):
        workmail_client.get_personal_access_token_metadata(OrganizationId=workmail_org, PersonalAccessTokenId=token_id)
    with raises_code("InvalidParameterException", match="'personalAccessTokenId'"):
        workmail_client.delete_personal_access_token(OrganizationId=workmail_org, PersonalAccessTokenId=token_id)


def test_expiry_follows_the_emulator_clock(workmail_client, workmail_org, jdoe, tokens_on):
    default = workmail_emulator.add_personal_access_token(workmail_org, "jdoe", "default")
    assert default["ExpiresTime"] == default["DateCreated"] + 90 * DAY
    at = workmail_emulator.add_personal_access_token(workmail_org, "jdoe", "at", expires=default["DateCreated"] + 2 * DAY)
    workmail_emulator.advance_clock(3 * DAY)
    listed = workmail_client.list_personal_access_tokens(OrganizationId=workmail_org)["PersonalAccessTokenSummaries"]
    assert [token["PersonalAccessTokenId"] for token in listed] == [default["PersonalAccessTokenId"], at["PersonalAccessTokenId"]]
    later = workmail_emulator.add_personal_access_token(workmail_org, "jdoe", "later", lifetime_in_days=1)
    assert later["DateCreated"] >= default["DateCreated"] + 3 * DAY and later["ExpiresTime"] == later["DateCreated"] + DAY
    with pytest.raises(PersonalAccessTokenError, match="later than"):
        workmail_emulator.add_personal_access_token(workmail_org, "jdoe", "past", expires="2020-01-01T00:00:00Z")
    with pytest.raises(PersonalAccessTokenError, match="LifetimeInDays of 90"):
        workmail_emulator.add_personal_access_token(workmail_org, "jdoe", "long", lifetime_in_days=91)


def test_changing_the_configuration_keeps_existing_tokens(workmail_client, workmail_org, jdoe, tokens_on):
    token = workmail_emulator.add_personal_access_token(workmail_org, "jdoe", "phone")
    configure(workmail_client, workmail_org, tokens_on, status="INACTIVE")
    with pytest.raises(PersonalAccessTokenError, match="INACTIVE") as info:
        workmail_emulator.add_personal_access_token(workmail_org, "jdoe", "laptop")
    assert info.value.status == 409
    workmail_client.delete_identity_provider_configuration(OrganizationId=workmail_org)
    with pytest.raises(PersonalAccessTokenError, match="missing"):
        workmail_emulator.add_personal_access_token(workmail_org, "jdoe", "laptop")
    listed = workmail_client.list_personal_access_tokens(OrganizationId=workmail_org)["PersonalAccessTokenSummaries"]
    assert [item["PersonalAccessTokenId"] for item in listed] == [token["PersonalAccessTokenId"]]


def test_only_an_enabled_user_creates_a_token(workmail_client, workmail_org, tokens_on):
    user = new_user(workmail_client, workmail_org, "newbie")
    with pytest.raises(PersonalAccessTokenError, match="DISABLED") as info:
        workmail_emulator.add_personal_access_token(workmail_org, user, "phone")
    assert info.value.status == 409
    with pytest.raises(PersonalAccessTokenError) as info:
        workmail_emulator.add_personal_access_token(workmail_org, "nobody", "phone")
    assert info.value.status == 404
    with pytest.raises(PersonalAccessTokenError) as info:
        workmail_emulator.add_personal_access_token("m-" + "0" * 32, "nobody", "phone")
    assert info.value.status == 404


@pytest.mark.parametrize("kwargs, message", [
    ({"name": ""}, "'name'"),
    ({"name": "a<b"}, "'name'"),
    ({"name": "ok", "lifetime_in_days": 0}, "'lifetime_in_days'"),
    ({"name": "ok", "lifetime_in_days": 5, "expires": 1}, "not both"),
    ({"name": "ok", "expires": "tomorrow"}, "'expires'"),
    ({"name": "ok", "scopes": []}, "'scopes'"),
    ({"name": "ok", "scopes": ["x"] * 11}, "'scopes'"),
])
def test_the_helper_refuses_bad_fields(workmail_client, workmail_org, jdoe, tokens_on, kwargs, message):
    with pytest.raises(PersonalAccessTokenError, match=message) as info:
        workmail_emulator.add_personal_access_token(workmail_org, "jdoe", **kwargs)
    assert info.value.status == 400
    assert workmail_client.list_personal_access_tokens(OrganizationId=workmail_org)["PersonalAccessTokenSummaries"] == []


# Over HTTP ---------------------------------------------------------------------------------------

def http(server, method, path, body=None):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(server.url + path, data=data, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as failure:
        with failure:
            return failure.code, json.loads(failure.read())


def test_the_endpoint_creates_tokens(server):
    assert http(server, "POST", "/moto-api/reset")[0] == 200
    client = server.client()
    org_id = client.create_organization(Alias="example-corp")["OrganizationId"]
    http(server, "POST", "/_emulator/clock", {"advance": http(server, "GET", "/_emulator/config")[1]["org_ready_delay"]})
    user_id = new_user(client, org_id, "jdoe", f"jdoe@{TEST_DOMAIN}")
    path = "/_emulator/personal-access-tokens"
    status, body = http(server, "POST", path, {"organization_id": org_id, "user": "jdoe", "name": "phone"})
    assert status == 409 and "does not allow" in body["error"]
    configure(client, org_id, application(client), lifetime=10)
    status, body = http(server, "POST", path, {"organization_id": org_id, "user": "jdoe", "name": "phone", "lifetime_in_days": 2})
    assert status == 200 and body["UserId"] == user_id and body["ExpiresTime"] == body["DateCreated"] + 2 * DAY
    listed = client.list_personal_access_tokens(OrganizationId=org_id, UserId="jdoe")["PersonalAccessTokenSummaries"]
    assert [token["PersonalAccessTokenId"] for token in listed] == [body["PersonalAccessTokenId"]]
    status, body = http(server, "POST", path, {"organization_id": org_id, "user": "jdoe", "name": "phone", "extra": 1})
    assert status == 400 and "unknown field 'extra'" in body["error"]
    assert http(server, "POST", path, b"not json")[0] == 400
    assert http(server, "POST", path, {"organization_id": org_id, "user": "nobody", "name": "phone"})[0] == 404
    assert http(server, "GET", path)[0] == 405
    assert len(client.list_personal_access_tokens(OrganizationId=org_id)["PersonalAccessTokenSummaries"]) == 1
