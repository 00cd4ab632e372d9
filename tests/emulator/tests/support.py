"""Helpers shared by the emulator's tests."""

import contextlib
import functools

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

TEST_DOMAIN = "example-corp.awsapps.com"


@contextlib.contextmanager
def raises_code(code, match=None):
    """Expect a ClientError whose error code is ``code`` (and whose message contains ``match``)."""
    with pytest.raises(ClientError) as info:
        yield info
    error = info.value.response["Error"]
    assert error["Code"] == code, error
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    if match is not None:
        assert match in error["Message"], error


def new_user(client, org_id, name, email=None, **attributes):
    """Create a user, register it with ``email`` when given, and return its ID."""
    attributes.setdefault("DisplayName", name.title())
    user_id = client.create_user(OrganizationId=org_id, Name=name, **attributes)["UserId"]
    if email:
        client.register_to_work_mail(OrganizationId=org_id, EntityId=user_id, Email=email)
    return user_id


def new_group(client, org_id, name, email=None):
    """Create a group, register it with ``email`` when given, and return its ID."""
    group_id = client.create_group(OrganizationId=org_id, Name=name)["GroupId"]
    if email:
        client.register_to_work_mail(OrganizationId=org_id, EntityId=group_id, Email=email)
    return group_id


def all_pages(call, key, **params):
    """Follow NextToken until the last page and return every item under ``key``."""
    items, token = [], None
    while True:
        page = call(**params, **({"NextToken": token} if token else {}))
        items += page[key]
        token = page.get("NextToken")
        if not token:
            return items


@functools.cache
def _session():
    return boto3.session.Session()


def without_retries(client):
    """Return a client like ``client`` that does not retry.

    botocore treats LimitExceededException as throttling and retries it with
    back-off; tests that expect that error use this to stay fast.
    """
    meta = client.meta
    return _session().client(meta.service_model.service_name, region_name=meta.region_name, endpoint_url=meta.endpoint_url,
                             aws_access_key_id="testing", aws_secret_access_key="testing",
                             config=Config(retries={"mode": "standard", "total_max_attempts": 1}))
