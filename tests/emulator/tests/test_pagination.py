"""Pagination: page sizes, MaxResults bounds and tokens."""

import base64

import pytest
from support import all_pages, new_user, raises_code

import workmail_emulator


@pytest.fixture
def user_ids(workmail_client, workmail_org):
    backend = workmail_emulator.backend()
    return [backend.handle("CreateUser", {"OrganizationId": workmail_org, "Name": f"user{n:03}", "DisplayName": f"User {n}"})["UserId"]
            for n in range(230)]


def test_default_page_is_one_hundred(workmail_client, workmail_org, user_ids):
    pages = [workmail_client.list_users(OrganizationId=workmail_org)]
    while "NextToken" in pages[-1]:
        pages.append(workmail_client.list_users(OrganizationId=workmail_org, NextToken=pages[-1]["NextToken"]))
    assert [len(page["Users"]) for page in pages] == [100, 100, 30]
    assert [user["Id"] for page in pages for user in page["Users"]] == user_ids


def test_max_results_edges(workmail_client, workmail_org, user_ids):
    one = workmail_client.list_users(OrganizationId=workmail_org, MaxResults=1)
    assert [user["Id"] for user in one["Users"]] == user_ids[:1] and "NextToken" in one
    full = workmail_client.list_users(OrganizationId=workmail_org, MaxResults=100)
    assert len(full["Users"]) == 100
    with raises_code("InvalidParameterException", match="'maxResults'"):
        workmail_client.list_users(OrganizationId=workmail_org, MaxResults=101)


def test_page_size_may_change_between_pages(workmail_client, workmail_org, user_ids):
    first = workmail_client.list_users(OrganizationId=workmail_org, MaxResults=7)
    second = workmail_client.list_users(OrganizationId=workmail_org, MaxResults=50, NextToken=first["NextToken"])
    assert [user["Id"] for user in first["Users"] + second["Users"]] == user_ids[:57]


def test_exact_last_page_has_no_token(workmail_client, workmail_org):
    for n in range(4):
        new_user(workmail_client, workmail_org, f"user{n}")
    page = workmail_client.list_users(OrganizationId=workmail_org, MaxResults=2)
    last = workmail_client.list_users(OrganizationId=workmail_org, MaxResults=2, NextToken=page["NextToken"])
    assert len(last["Users"]) == 2 and "NextToken" not in last
    assert "NextToken" not in workmail_client.list_groups(OrganizationId=workmail_org)


def test_botocore_paginator(workmail_client, workmail_org, user_ids):
    paginator = workmail_client.get_paginator("list_users")
    pages = list(paginator.paginate(OrganizationId=workmail_org, PaginationConfig={"PageSize": 60}))
    assert [len(page["Users"]) for page in pages] == [60, 60, 60, 50]


def test_tokens_are_bound_to_their_request(workmail_client, workmail_org, user_ids):
    token = workmail_client.list_users(OrganizationId=workmail_org, MaxResults=5)["NextToken"]
    with raises_code("InvalidParameterException", match="'NextToken'"):
        workmail_client.list_groups(OrganizationId=workmail_org, NextToken=token)
    with raises_code("InvalidParameterException", match="'NextToken'"):
        workmail_client.list_users(OrganizationId=workmail_org, NextToken=token, Filters={"State": "DISABLED"})
    other_org = workmail_client.create_organization(Alias="other")["OrganizationId"]
    with raises_code("InvalidParameterException", match="'NextToken'"):
        workmail_client.list_users(OrganizationId=other_org, NextToken=token)


@pytest.mark.parametrize("token", ["garbage", "!!!", base64.b64encode(b"5:0000").decode(), base64.b64encode(b"-1:x").decode()])
def test_malformed_tokens(workmail_client, workmail_org, token):
    with raises_code("InvalidParameterException", match="'NextToken'"):
        workmail_client.list_users(OrganizationId=workmail_org, NextToken=token)


def test_altered_token(workmail_client, workmail_org, user_ids):
    token = workmail_client.list_users(OrganizationId=workmail_org, MaxResults=5)["NextToken"]
    offset, checksum = base64.b64decode(token).decode().split(":")
    forged = base64.b64encode(f"{int(offset) + 1}:{checksum}".encode()).decode()
    with raises_code("InvalidParameterException", match="'NextToken'"):
        workmail_client.list_users(OrganizationId=workmail_org, NextToken=forged)


def test_organizations_paginate(workmail_client):
    created = [workmail_client.create_organization(Alias=f"org{n}")["OrganizationId"] for n in range(5)]
    summaries = all_pages(workmail_client.list_organizations, "OrganizationSummaries", MaxResults=2)
    assert [summary["OrganizationId"] for summary in summaries] == created
