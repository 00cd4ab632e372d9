"""Helpers shared by the emulator's tests."""

import contextlib
import functools
import io
import json
import zipfile

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


# Mailbox export ----------------------------------------------------------------------------------

EXPORT_PRINCIPAL = "export.workmail.amazonaws.com"


def export_trust_policy(condition=None):
    """Return the trust policy of an export role (the administrator guide's, with an optional Condition)."""
    statement = {"Effect": "Allow", "Principal": {"Service": EXPORT_PRINCIPAL}, "Action": "sts:AssumeRole"}
    if condition:
        statement["Condition"] = condition
    return {"Version": "2012-10-17", "Statement": [statement]}


def export_role_policy(bucket, key_arn, region="us-east-1", prefix="*"):
    """Return the permissions of an export role as the administrator guide's example grants them."""
    return {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:AbortMultipartUpload", "s3:PutObject", "s3:GetBucketPolicyStatus"],
         "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"]},
        {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": key_arn,
         "Condition": {"StringEquals": {"kms:ViaService": f"s3.{region}.amazonaws.com"},
                       "StringLike": {"kms:EncryptionContext:aws:s3:arn": f"arn:aws:s3:::{bucket}/{prefix}"}}},
    ]}


def export_target(make_client, bucket="exports", region="us-east-1", role_name="workmail-export", trust=None, policy=None):
    """Create a bucket, a symmetric KMS key and an export role with ``make_client(service)``; return the
    StartMailboxExportJob arguments naming them (S3Prefix ``workmail``)."""
    s3 = make_client("s3")
    if region == "us-east-1":
        s3.create_bucket(Bucket=bucket)
    else:
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
    key_arn = make_client("kms").create_key(Description="mailbox exports")["KeyMetadata"]["Arn"]
    iam = make_client("iam")
    role_arn = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=json.dumps(trust or export_trust_policy()))["Role"]["Arn"]
    iam.put_role_policy(RoleName=role_name, PolicyName="export",
                        PolicyDocument=json.dumps(policy or export_role_policy(bucket, key_arn, region)))
    return {"RoleArn": role_arn, "KmsKeyArn": key_arn, "S3BucketName": bucket, "S3Prefix": "workmail"}


def read_zip(s3, bucket, key):
    """Return the object's ZIP entries as {name: bytes}, and the object's GetObject response."""
    response = s3.get_object(Bucket=bucket, Key=key)
    with zipfile.ZipFile(io.BytesIO(response["Body"].read())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}, response
