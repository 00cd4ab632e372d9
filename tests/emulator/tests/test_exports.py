"""Mailbox export jobs in process: start, describe, list, cancel, the checks of the role, bucket and key, limits and the object written."""

import email
import email.policy
import functools
import json
import types

import boto3
import pytest
from botocore.config import Config
from support import (TEST_DOMAIN, export_role_policy, export_target, export_trust_policy, new_group, new_user, raises_code, read_zip,
                     without_retries)

import workmail_emulator

EMAIL = f"jdoe@{TEST_DOMAIN}"
DAY = 24 * 3600


@functools.cache
def _session():
    return boto3.session.Session()


def make_client(service, region="us-east-1"):
    """Return a client of moto's ``service`` (one boto3 session for all: its loaded models are reused)."""
    return _session().client(service, region_name=region)


@pytest.fixture(autouse=True)
def still_clock(monkeypatch):
    """The emulator clock moves only when a test advances it: the progress, 24-hour and 7-day assertions
    stay exact however long a loaded machine takes between two calls."""
    frozen = workmail_emulator.config.time.time()
    monkeypatch.setattr(workmail_emulator.config, "time", types.SimpleNamespace(time=lambda: frozen))


@pytest.fixture
def target(workmail_client):
    """A bucket, a key and a role as the administrator guide describes them; the StartMailboxExportJob arguments."""
    return export_target(make_client)


@pytest.fixture
def jdoe(workmail_client, workmail_org):
    """The enabled user jdoe; returns its ID."""
    return new_user(workmail_client, workmail_org, "jdoe", EMAIL)


def start(workmail_client, org_id, target, entity="jdoe", **overrides):
    return workmail_client.start_mailbox_export_job(OrganizationId=org_id, EntityId=entity, **{**target, **overrides})["JobId"]


def describe(workmail_client, org_id, job_id):
    described = workmail_client.describe_mailbox_export_job(OrganizationId=org_id, JobId=job_id)
    described.pop("ResponseMetadata")
    return described


def exported(job, target):
    """Return the entries of the ZIP a job wrote and the S3 GetObject response."""
    bucket, _slash, key = job["S3Path"].partition("/")
    assert bucket == target["S3BucketName"]
    return read_zip(make_client("s3"), bucket, key)


def object_keys(bucket="exports"):
    return [entry["Key"] for entry in make_client("s3").list_objects_v2(Bucket=bucket).get("Contents", [])]


# A job from start to end -------------------------------------------------------------------------

def test_a_job_writes_one_zip_with_one_eml_per_message_under_its_folder(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.add_messages(workmail_org, "jdoe", messages=[
        {"folder": "Inbox", "from": "ann@example.com", "to": EMAIL, "subject": "Quarterly numbers", "body": "See attached.\n",
         "date": "2026-01-05T09:30:00Z"},
        {"folder": "Projects/Apollo", "from": EMAIL, "to": ["ann@example.com", "bob@example.com"], "subject": "Plan"},
        {"type": "calendar", "subject": "Weekly sync"},
        {"type": "contact", "subject": "Ann Example"},
        {"type": "task", "subject": "Renew the domain"},
    ])
    job_id = start(workmail_client, workmail_org, target, Description="leaver jdoe")
    job = describe(workmail_client, workmail_org, job_id)
    assert job["S3Path"] == f"exports/workmail/{job_id}.zip"
    assert {key: job[key] for key in ("EntityId", "Description", "RoleArn", "KmsKeyArn", "S3BucketName", "S3Prefix", "State",
                                      "EstimatedProgress")} == {
        "EntityId": jdoe, "Description": "leaver jdoe", "RoleArn": target["RoleArn"], "KmsKeyArn": target["KmsKeyArn"],
        "S3BucketName": "exports", "S3Prefix": "workmail", "State": "COMPLETED", "EstimatedProgress": 100}
    assert job["EndTime"] >= job["StartTime"] and "ErrorInfo" not in job
    entries, response = exported(job, target)
    assert object_keys() == [f"workmail/{job_id}.zip"]
    assert response["ContentType"] == "application/zip"
    assert (response["ServerSideEncryption"], response["SSEKMSKeyId"]) == ("aws:kms", target["KmsKeyArn"])
    # Contacts and tasks are not exported; email messages and calendar items are, each under its folder.
    assert sorted(entries) == ["Calendar/000003.eml", "Inbox/000001.eml", "Projects/Apollo/000002.eml"]
    first = email.message_from_bytes(entries["Inbox/000001.eml"], policy=email.policy.default)
    assert (first["From"], first["To"], first["Subject"]) == ("ann@example.com", EMAIL, "Quarterly numbers")
    assert first["Date"].datetime.isoformat() == "2026-01-05T09:30:00+00:00" and first["Message-ID"]
    assert first.get_content() == "See attached.\r\n" and b"\r\n\r\n" in entries["Inbox/000001.eml"]
    assert email.message_from_bytes(entries["Projects/Apollo/000002.eml"], policy=email.policy.default)["To"] == \
        "ann@example.com, bob@example.com"
    meeting = email.message_from_bytes(entries["Calendar/000003.eml"], policy=email.policy.default)
    assert meeting.get_content_type() == "text/calendar" and "BEGIN:VEVENT" in meeting.get_content()
    assert "SUMMARY:Weekly sync" in meeting.get_content()


def test_an_empty_mailbox_exports_an_empty_zip(workmail_client, workmail_org, jdoe, target):
    job = describe(workmail_client, workmail_org, start(workmail_client, workmail_org, target))
    assert job["State"] == "COMPLETED" and exported(job, target)[0] == {}


def test_progress_grows_with_the_emulator_clock(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=10)
    workmail_emulator.add_messages(workmail_org, "jdoe", generate=20)
    job_id = start(workmail_client, workmail_org, target)
    seen = []
    for step in (0, 2.5, 5, 2):
        workmail_emulator.advance_clock(step)
        job = describe(workmail_client, workmail_org, job_id)
        assert job["State"] == "RUNNING" and "EndTime" not in job
        seen.append(job["EstimatedProgress"])
    assert seen == [0, 25, 75, 95]
    assert object_keys() == []
    listed = workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]
    assert [(entry["JobId"], entry["State"], entry["EstimatedProgress"]) for entry in listed] == [(job_id, "RUNNING", 95)]
    # Content that arrives while the job runs is exported: an export is not a point-in-time snapshot.
    workmail_emulator.add_messages(workmail_org, "jdoe", messages=[{"folder": "Late", "subject": "just in time"}])
    workmail_emulator.advance_clock(0.5)
    job = describe(workmail_client, workmail_org, job_id)
    assert (job["State"], job["EstimatedProgress"]) == ("COMPLETED", 100)
    assert (job["EndTime"] - job["StartTime"]).total_seconds() == pytest.approx(10, abs=0.01)
    entries = exported(job, target)[0]
    assert len(entries) == 21 and "Late/000021.eml" in entries


def test_advancing_the_clock_ends_a_job_without_a_workmail_call(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=30)
    job_id = start(workmail_client, workmail_org, target)
    workmail_emulator.advance_clock(30)
    assert object_keys() == [f"workmail/{job_id}.zip"]


def test_the_duration_is_captured_when_the_job_starts(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=100)
    job_id = start(workmail_client, workmail_org, target)
    workmail_emulator.configure(export_job_duration=0)
    assert describe(workmail_client, workmail_org, job_id)["State"] == "RUNNING"


# The mailbox -------------------------------------------------------------------------------------

def test_the_mailbox_is_named_by_id_name_or_email(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=10)
    for number, entity in enumerate((jdoe, "JDoe", EMAIL.upper())):
        user_id = jdoe if number == 0 else new_user(workmail_client, workmail_org, f"user{number}", f"user{number}@{TEST_DOMAIN}")
        identifier = entity if number == 0 else (f"User{number}" if number == 1 else f"USER{number}@{TEST_DOMAIN.upper()}")
        job_id = start(workmail_client, workmail_org, target, entity=identifier)
        assert describe(workmail_client, workmail_org, job_id)["EntityId"] == user_id


def test_mailboxes_that_cannot_be_exported(workmail_client, workmail_org, jdoe, target):
    new_group(workmail_client, workmail_org, "sales", f"sales@{TEST_DOMAIN}")
    for entity in ("nobody", "sales", f"sales@{TEST_DOMAIN}", "00000000-0000-0000-0000-000000000000"):
        with raises_code("EntityNotFoundException"):
            start(workmail_client, workmail_org, target, entity=entity)
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=jdoe)
    with raises_code("EntityStateException", match="DISABLED"):
        start(workmail_client, workmail_org, target)
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=jdoe)
    with raises_code("EntityNotFoundException"):
        start(workmail_client, workmail_org, target, entity=jdoe)
    assert workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"] == []


def test_a_room_mailbox_is_exported(workmail_client, workmail_org, target):
    room_email = f"room1@{TEST_DOMAIN}"
    room = workmail_client.create_resource(OrganizationId=workmail_org, Name="room1", Type="ROOM")["ResourceId"]
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=room, Email=room_email)
    workmail_emulator.add_messages(workmail_org, "room1", messages=[
        {"type": "calendar", "from": EMAIL, "to": room_email, "subject": "Board meeting"},
        {"folder": "Inbox", "from": EMAIL, "to": room_email, "subject": "Booking request", "body": "Tuesday?\n"},
        {"type": "task", "subject": "Clean the whiteboard"},
    ])
    for entity in (room, "room1", room_email.upper()):
        workmail_emulator.advance_clock(DAY)
        job = describe(workmail_client, workmail_org, start(workmail_client, workmail_org, target, entity=entity))
        assert (job["EntityId"], job["State"]) == (room, "COMPLETED")
        entries = exported(job, target)[0]
        assert sorted(entries) == ["Calendar/000001.eml", "Inbox/000002.eml"]
        meeting = email.message_from_bytes(entries["Calendar/000001.eml"], policy=email.policy.default)
        assert meeting.get_content_type() == "text/calendar" and "SUMMARY:Board meeting" in meeting.get_content()
        request = email.message_from_bytes(entries["Inbox/000002.eml"], policy=email.policy.default)
        assert (request["From"], request["To"], request["Subject"]) == (EMAIL, room_email, "Booking request")
    with raises_code("LimitExceededException"):
        start(workmail_client, workmail_org, target, entity="room1")


def test_a_room_that_cannot_be_exported(workmail_client, workmail_org, target):
    room = workmail_client.create_resource(OrganizationId=workmail_org, Name="room1", Type="ROOM")["ResourceId"]
    with raises_code("EntityStateException", match=f"Resource {room} is DISABLED"):
        start(workmail_client, workmail_org, target, entity="room1")
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=room, Email=f"room1@{TEST_DOMAIN}")
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=room)
    with raises_code("EntityStateException", match=f"Resource {room} is DISABLED"):
        start(workmail_client, workmail_org, target, entity=room)
    workmail_client.delete_resource(OrganizationId=workmail_org, ResourceId=room)
    with raises_code("EntityNotFoundException"):
        start(workmail_client, workmail_org, target, entity=room)
    assert workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"] == []


def test_a_room_disabled_while_the_job_runs_fails_it(workmail_client, workmail_org, target):
    workmail_emulator.configure(export_job_duration=10)
    room = workmail_client.create_resource(OrganizationId=workmail_org, Name="room1", Type="ROOM")["ResourceId"]
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=room, Email=f"room1@{TEST_DOMAIN}")
    job_id = start(workmail_client, workmail_org, target, entity=room)
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=room)
    workmail_emulator.advance_clock(10)
    job = describe(workmail_client, workmail_org, job_id)
    assert job["State"] == "FAILED" and job["ErrorInfo"] == f"The mailbox of {room} is no longer available: the resource is DISABLED"
    assert object_keys() == []


def test_a_user_disabled_while_the_job_runs_fails_it(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=10)
    job_id = start(workmail_client, workmail_org, target)
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=jdoe)
    workmail_emulator.advance_clock(10)
    job = describe(workmail_client, workmail_org, job_id)
    assert job["State"] == "FAILED" and "no longer available" in job["ErrorInfo"] and object_keys() == []


# The role, checked at the call -------------------------------------------------------------------

def _role(name, trust):
    return make_client("iam").create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]


@pytest.mark.parametrize("trust, accepted", [
    (export_trust_policy(), True),
    (export_trust_policy({"StringEquals": {"aws:SourceAccount": "123456789012"}}), True),
    (export_trust_policy({"ArnLike": {"aws:SourceArn": "arn:aws:workmail:us-east-1:123456789012:organization/*"}}), True),
    ({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com", "export.workmail.amazonaws.com"]},
                                             "Action": ["sts:AssumeRole", "sts:TagSession"]}}, True),
    ({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}, False),
    ({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]}, False),
    (export_trust_policy({"StringEquals": {"aws:SourceAccount": "111122223333"}}), False),
    (export_trust_policy({"ArnEquals": {"aws:SourceArn": "arn:aws:workmail:us-east-1:123456789012:organization/m-00000000000000000000000000000000"}}), False),
    (export_trust_policy({"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}), False),
    ({"Version": "2012-10-17", "Statement": [export_trust_policy()["Statement"][0],
                                             {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole"}]}, False),
])
def test_the_role_must_trust_workmail_export(workmail_client, workmail_org, jdoe, target, trust, accepted):
    role_arn = _role("candidate", trust)
    make_client("iam").put_role_policy(RoleName="candidate", PolicyName="export",
                                       PolicyDocument=json.dumps(export_role_policy("exports", target["KmsKeyArn"])))
    if accepted:
        job_id = start(workmail_client, workmail_org, target, RoleArn=role_arn)
        assert describe(workmail_client, workmail_org, job_id)["State"] == "COMPLETED"
    else:
        with raises_code("InvalidParameterException", match="cannot assume the role"):
            start(workmail_client, workmail_org, target, RoleArn=role_arn)
        assert workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"] == []


@pytest.mark.parametrize("role_arn, reason", [
    ("arn:aws:iam::123456789012:role/missing", "does not exist"),
    ("arn:aws:iam::111122223333:role/workmail-export", "not a role of account 123456789012"),
])
def test_a_missing_role_or_one_of_another_account_is_refused(workmail_client, workmail_org, jdoe, target, role_arn, reason):
    with raises_code("InvalidParameterException", match=reason):
        start(workmail_client, workmail_org, target, RoleArn=role_arn)


def test_a_key_in_another_region_is_refused(workmail_client, workmail_org, jdoe, target):
    key_arn = make_client("kms", "eu-west-1").create_key()["KeyMetadata"]["Arn"]
    with raises_code("InvalidParameterException", match="one Region"):
        start(workmail_client, workmail_org, target, KmsKeyArn=key_arn)


# The bucket, the key and the role's permissions, checked by the job ------------------------------

def _fails_at_once(workmail_client, org_id, target, reason, **overrides):
    workmail_emulator.configure(export_job_duration=60)
    job_id = start(workmail_client, org_id, target, **overrides)
    job = describe(workmail_client, org_id, job_id)
    assert (job["State"], job["EstimatedProgress"], job["EndTime"]) == ("FAILED", 0, job["StartTime"])
    assert reason in job["ErrorInfo"]
    return job


def test_a_missing_bucket_fails_the_job(workmail_client, workmail_org, jdoe, target):
    _fails_at_once(workmail_client, workmail_org, target, "bucket nowhere does not exist", S3BucketName="nowhere")


def test_a_bucket_in_another_region_fails_the_job(workmail_client, workmail_org, jdoe, target):
    make_client("s3", "eu-west-1").create_bucket(Bucket="elsewhere", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    _fails_at_once(workmail_client, workmail_org, target, "is in eu-west-1", S3BucketName="elsewhere")


@pytest.mark.parametrize("make_public", ["policy", "acl"])
def test_a_public_bucket_fails_the_job(workmail_client, workmail_org, jdoe, target, make_public):
    s3 = make_client("s3")
    if make_public == "policy":
        s3.put_bucket_policy(Bucket="exports", Policy=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::exports/*"}]}))
    else:
        s3.put_bucket_acl(Bucket="exports", ACL="public-read")
    _fails_at_once(workmail_client, workmail_org, target, "allows public access")
    assert object_keys() == []


def test_restricted_bucket_policies_and_ignored_public_acls_are_not_public(workmail_client, workmail_org, jdoe, target):
    s3 = make_client("s3")
    s3.put_bucket_policy(Bucket="exports", Policy=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::exports/*"},
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::exports/*",
         "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-example"}}}]}))
    s3.put_bucket_acl(Bucket="exports", ACL="public-read")
    s3.put_public_access_block(Bucket="exports", PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    assert describe(workmail_client, workmail_org, start(workmail_client, workmail_org, target))["State"] == "COMPLETED"


@pytest.mark.parametrize("change, reason", [
    (lambda kms, key: kms.disable_key(KeyId=key.rpartition("/")[2]), "its state is Disabled"),
    (lambda kms, key: kms.schedule_key_deletion(KeyId=key.rpartition("/")[2], PendingWindowInDays=7), "its state is PendingDeletion"),
])
def test_a_key_that_cannot_be_used_fails_the_job(workmail_client, workmail_org, jdoe, target, change, reason):
    change(make_client("kms"), target["KmsKeyArn"])
    _fails_at_once(workmail_client, workmail_org, target, reason)


def test_a_missing_or_asymmetric_key_fails_the_job(workmail_client, workmail_org, jdoe, target):
    _fails_at_once(workmail_client, workmail_org, target, "does not exist",
                   KmsKeyArn="arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000")
    _fails_at_once(workmail_client, workmail_org, target, "does not exist",
                   KmsKeyArn=target["KmsKeyArn"].replace("123456789012", "111122223333"))
    kms = make_client("kms")
    rsa = kms.create_key(KeySpec="RSA_2048", KeyUsage="ENCRYPT_DECRYPT")["KeyMetadata"]["Arn"]
    make_client("iam").put_role_policy(RoleName="workmail-export", PolicyName="export",
                                       PolicyDocument=json.dumps(export_role_policy("exports", "*")))
    _fails_at_once(workmail_client, workmail_org, target, "not a symmetric encryption key", KmsKeyArn=rsa)


def test_a_key_alias_names_the_key(workmail_client, workmail_org, jdoe, target):
    kms = make_client("kms")
    kms.create_alias(AliasName="alias/workmail-exports", TargetKeyId=target["KmsKeyArn"])
    alias_arn = "arn:aws:kms:us-east-1:123456789012:alias/workmail-exports"
    job = describe(workmail_client, workmail_org, start(workmail_client, workmail_org, target, KmsKeyArn=alias_arn))
    assert job["State"] == "COMPLETED" and job["KmsKeyArn"] == alias_arn
    assert exported(job, target)[1]["SSEKMSKeyId"] == target["KmsKeyArn"]
    jane = new_user(workmail_client, workmail_org, "jane", f"jane@{TEST_DOMAIN}")
    _fails_at_once(workmail_client, workmail_org, target, "does not exist", entity=jane,
                   KmsKeyArn="arn:aws:kms:us-east-1:123456789012:alias/missing")


def _statement(actions, resource, condition=None, effect="Allow"):
    statement = {"Effect": effect, "Action": actions, "Resource": resource}
    if condition:
        statement["Condition"] = condition
    return statement


def _policy(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


KEY = "KEY_ARN"
ENOUGH = (_statement(["s3:PutObject", "s3:GetBucketPolicyStatus"], ["arn:aws:s3:::exports", "arn:aws:s3:::exports/*"]),
          _statement(["kms:Decrypt", "kms:GenerateDataKey"], KEY))


@pytest.mark.parametrize("statements, reason", [
    (ENOUGH[1:], "s3:GetBucketPolicyStatus on arn:aws:s3:::exports"),
    ((_statement("s3:GetBucketPolicyStatus", "arn:aws:s3:::exports"), ENOUGH[1]), "s3:PutObject on arn:aws:s3:::exports/workmail/"),
    ((_statement(["s3:*"], "arn:aws:s3:::exports/other/*"), _statement("s3:GetBucketPolicyStatus", "*"), ENOUGH[1]), "s3:PutObject"),
    ((ENOUGH[0], _statement("kms:GenerateDataKey", KEY)), "kms:Decrypt"),
    ((ENOUGH[0], _statement("kms:*", "arn:aws:kms:us-east-1:123456789012:key/other")), "kms:GenerateDataKey"),
    ((ENOUGH[0], _statement("kms:*", KEY, {"StringEquals": {"kms:ViaService": "s3.eu-west-1.amazonaws.com"}})), "kms:GenerateDataKey"),
    ((ENOUGH[0], _statement("kms:*", KEY, {"StringLike": {"kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::exports/elsewhere/*"}})),
     "kms:GenerateDataKey"),
    ((*ENOUGH, _statement("s3:PutObject", "*", effect="Deny")), "s3:PutObject"),
    ((*ENOUGH, _statement("kms:Decrypt", KEY, {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}, effect="Deny")), "kms:Decrypt"),
])
def test_permissions_the_role_lacks_fail_the_job(workmail_client, workmail_org, jdoe, target, statements, reason):
    document = _policy(*statements).replace(KEY, target["KmsKeyArn"])
    make_client("iam").put_role_policy(RoleName="workmail-export", PolicyName="export", PolicyDocument=document)
    _fails_at_once(workmail_client, workmail_org, target, reason)
    assert object_keys() == []


def test_permissions_from_a_managed_policy_and_a_boundary(workmail_client, workmail_org, jdoe, target):
    iam = make_client("iam")
    iam.delete_role_policy(RoleName="workmail-export", PolicyName="export")
    _fails_at_once(workmail_client, workmail_org, target, "Access denied")
    managed = iam.create_policy(PolicyName="workmail-export", PolicyDocument=_policy(
        _statement(["s3:*"], "*"), _statement(["kms:*"], "*")))["Policy"]["Arn"]
    iam.attach_role_policy(RoleName="workmail-export", PolicyArn=managed)
    boundary = iam.create_policy(PolicyName="boundary", PolicyDocument=_policy(_statement(["s3:*"], "*")))["Policy"]["Arn"]
    iam.put_role_permissions_boundary(RoleName="workmail-export", PermissionsBoundary=boundary)
    _fails_at_once(workmail_client, workmail_org, target, "kms:GenerateDataKey", S3Prefix="second")
    iam.delete_role_permissions_boundary(RoleName="workmail-export")
    workmail_emulator.configure(export_job_duration=0)
    assert describe(workmail_client, workmail_org, start(workmail_client, workmail_org, target, S3Prefix="third"))["State"] == "COMPLETED"


def test_what_breaks_while_the_job_runs_fails_it_when_it_writes(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=10)
    workmail_emulator.add_messages(workmail_org, "jdoe", generate=3)
    job_id = start(workmail_client, workmail_org, target)
    workmail_emulator.advance_clock(4)
    make_client("kms").disable_key(KeyId=target["KmsKeyArn"].rpartition("/")[2])
    workmail_emulator.advance_clock(6)
    job = describe(workmail_client, workmail_org, job_id)
    assert (job["State"], job["EstimatedProgress"]) == ("FAILED", 99) and "Disabled" in job["ErrorInfo"]
    assert (job["EndTime"] - job["StartTime"]).total_seconds() == pytest.approx(10, abs=0.01)
    assert object_keys() == []


def test_a_role_deleted_while_the_job_runs_fails_it(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=10)
    job_id = start(workmail_client, workmail_org, target)
    iam = make_client("iam")
    iam.delete_role_policy(RoleName="workmail-export", PolicyName="export")
    iam.delete_role(RoleName="workmail-export")
    workmail_emulator.advance_clock(10)
    job = describe(workmail_client, workmail_org, job_id)
    assert job["State"] == "FAILED" and "the role does not exist" in job["ErrorInfo"]


# Limits ------------------------------------------------------------------------------------------

def test_at_most_ten_jobs_run_at_once(workmail_client, workmail_org, target):
    workmail_emulator.configure(export_job_duration=60)
    users = [new_user(workmail_client, workmail_org, f"user{number}", f"user{number}@{TEST_DOMAIN}") for number in range(12)]
    jobs = [start(workmail_client, workmail_org, target, entity=user) for user in users[:10]]
    quick = without_retries(workmail_client)
    with raises_code("LimitExceededException", match="10 mailbox export jobs"):
        start(quick, workmail_org, target, entity=users[10])
    workmail_client.cancel_mailbox_export_job(OrganizationId=workmail_org, JobId=jobs[0])
    start(workmail_client, workmail_org, target, entity=users[10])
    with raises_code("LimitExceededException"):
        start(quick, workmail_org, target, entity=users[11])
    workmail_emulator.advance_clock(60)
    start(workmail_client, workmail_org, target, entity=users[11])
    states = [job["State"] for job in workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]]
    assert states == ["CANCELLED"] + ["COMPLETED"] * 10 + ["RUNNING"]


def test_jobs_that_failed_at_once_do_not_count_against_the_limit(workmail_client, workmail_org, target):
    users = [new_user(workmail_client, workmail_org, f"user{number}", f"user{number}@{TEST_DOMAIN}") for number in range(11)]
    workmail_emulator.configure(export_job_duration=60)
    for user in users:
        start(workmail_client, workmail_org, target, entity=user, S3BucketName="missing")


def test_a_mailbox_is_exported_once_a_day(workmail_client, workmail_org, jdoe, target):
    quick = without_retries(workmail_client)
    workmail_emulator.configure(export_job_duration=600)
    first = start(workmail_client, workmail_org, target)
    with raises_code("LimitExceededException", match="last 24 hours"):
        start(quick, workmail_org, target)
    workmail_emulator.advance_clock(600)
    assert describe(workmail_client, workmail_org, first)["State"] == "COMPLETED"
    with raises_code("LimitExceededException", match="last 24 hours"):
        start(quick, workmail_org, target, entity=EMAIL)
    workmail_emulator.advance_clock(DAY - 601)
    with raises_code("LimitExceededException"):
        start(quick, workmail_org, target)
    workmail_emulator.advance_clock(1)
    second = start(workmail_client, workmail_org, target)
    assert second != first


def test_a_failed_or_cancelled_export_can_be_retried_at_once(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=600)
    failed = start(workmail_client, workmail_org, target, S3BucketName="typo")
    assert describe(workmail_client, workmail_org, failed)["State"] == "FAILED"
    cancelled = start(workmail_client, workmail_org, target)
    workmail_client.cancel_mailbox_export_job(OrganizationId=workmail_org, JobId=cancelled)
    retried = start(workmail_client, workmail_org, target)
    assert describe(workmail_client, workmail_org, retried)["State"] == "RUNNING"


# ClientToken -------------------------------------------------------------------------------------

def test_client_token_replays_the_start_and_refuses_other_parameters(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=60)
    job_id = start(workmail_client, workmail_org, target, ClientToken="export-jdoe-1")
    assert start(workmail_client, workmail_org, target, ClientToken="export-jdoe-1") == job_id
    assert len(workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]) == 1
    with raises_code("InvalidParameterException", match="ClientToken"):
        start(workmail_client, workmail_org, target, ClientToken="export-jdoe-1", S3Prefix="elsewhere")
    workmail_client.cancel_mailbox_export_job(OrganizationId=workmail_org, JobId=job_id, ClientToken="cancel-1")
    workmail_client.cancel_mailbox_export_job(OrganizationId=workmail_org, JobId=job_id, ClientToken="cancel-1")
    with raises_code("InvalidParameterException", match="ClientToken"):
        workmail_client.cancel_mailbox_export_job(OrganizationId=workmail_org, JobId="other", ClientToken="cancel-1")


def test_without_a_client_token_botocore_makes_each_start_distinct(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=60)
    start(workmail_client, workmail_org, target)
    with raises_code("LimitExceededException"):
        start(without_retries(workmail_client), workmail_org, target)
    requests = [call["request"] for call in workmail_emulator.calls() if call["operation"] == "StartMailboxExportJob"]
    assert len({request["ClientToken"] for request in requests}) == 2


# Cancel ------------------------------------------------------------------------------------------

def test_cancel_stops_a_running_job(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=10)
    job_id = start(workmail_client, workmail_org, target)
    workmail_emulator.advance_clock(3)
    workmail_client.cancel_mailbox_export_job(OrganizationId=workmail_org, JobId=job_id)
    job = describe(workmail_client, workmail_org, job_id)
    assert (job["State"], job["EstimatedProgress"]) == ("CANCELLED", 30) and job["EndTime"] > job["StartTime"]
    workmail_emulator.advance_clock(10)
    assert describe(workmail_client, workmail_org, job_id) == job
    assert object_keys() == []


def test_cancel_of_a_finished_job_changes_nothing(workmail_client, workmail_org, jdoe, target):
    job_id = start(workmail_client, workmail_org, target)
    completed = describe(workmail_client, workmail_org, job_id)
    workmail_client.cancel_mailbox_export_job(OrganizationId=workmail_org, JobId=job_id)
    assert describe(workmail_client, workmail_org, job_id) == completed
    failed_id = start(workmail_client, workmail_org, target, entity=new_user(workmail_client, workmail_org, "jane", f"jane@{TEST_DOMAIN}"),
                      S3BucketName="missing")
    failed = describe(workmail_client, workmail_org, failed_id)
    workmail_client.cancel_mailbox_export_job(OrganizationId=workmail_org, JobId=failed_id)
    assert describe(workmail_client, workmail_org, failed_id) == failed


def test_a_job_near_completion_cannot_be_cancelled(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.configure(export_job_duration=10)
    job_id = start(workmail_client, workmail_org, target)
    workmail_emulator.advance_clock(9)
    workmail_client.cancel_mailbox_export_job(OrganizationId=workmail_org, JobId=job_id)
    assert describe(workmail_client, workmail_org, job_id)["State"] == "RUNNING"
    workmail_emulator.advance_clock(1)
    assert describe(workmail_client, workmail_org, job_id)["State"] == "COMPLETED"
    assert object_keys() == [f"workmail/{job_id}.zip"]


def test_unknown_jobs(workmail_client, workmail_org, jdoe):
    for call in (workmail_client.describe_mailbox_export_job, workmail_client.cancel_mailbox_export_job):
        with raises_code("EntityNotFoundException"):
            call(OrganizationId=workmail_org, JobId="00000000-0000-0000-0000-000000000000")


# List --------------------------------------------------------------------------------------------

def test_list_pages_through_the_jobs_oldest_first(workmail_client, workmail_org, target):
    workmail_emulator.configure(export_job_duration=60)
    users = [new_user(workmail_client, workmail_org, f"user{number}", f"user{number}@{TEST_DOMAIN}") for number in range(7)]
    jobs = []
    for user in users:
        jobs.append(start(workmail_client, workmail_org, target, entity=user, Description=f"export of {user}"))
        workmail_emulator.advance_clock(1)
    pages, token = [], None
    while True:
        page = workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org, MaxResults=3, **({"NextToken": token} if token else {}))
        pages.append(page["Jobs"])
        token = page.get("NextToken")
        if not token:
            break
    assert [len(page) for page in pages] == [3, 3, 1]
    listed = [job for page in pages for job in page]
    assert [job["JobId"] for job in listed] == jobs
    assert [job["EntityId"] for job in listed] == users
    assert set(listed[0]) == {"JobId", "EntityId", "Description", "S3BucketName", "S3Path", "EstimatedProgress", "State", "StartTime"}
    assert listed[0]["Description"] == f"export of {users[0]}" and listed[0]["S3Path"] == f"exports/workmail/{jobs[0]}.zip"
    with raises_code("InvalidParameterException", match="NextToken"):
        workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org, NextToken="garbage")


def test_jobs_older_than_seven_days_drop_out(workmail_client, workmail_org, target):
    users = [new_user(workmail_client, workmail_org, f"user{number}", f"user{number}@{TEST_DOMAIN}") for number in range(2)]
    old = start(workmail_client, workmail_org, target, entity=users[0])
    workmail_emulator.advance_clock(DAY)
    recent = start(workmail_client, workmail_org, target, entity=users[1])
    workmail_emulator.advance_clock(6 * DAY - 1)
    assert [job["JobId"] for job in workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]] == [old, recent]
    workmail_emulator.advance_clock(1)
    assert [job["JobId"] for job in workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]] == [recent]
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_mailbox_export_job(OrganizationId=workmail_org, JobId=old)
    assert describe(workmail_client, workmail_org, recent)["State"] == "COMPLETED"
    # The object stays in the bucket: only the service's record of the job goes.
    assert f"workmail/{old}.zip" in object_keys()


# Validation and the call log ---------------------------------------------------------------------

@pytest.mark.parametrize("member, value", [
    ("S3Prefix", "with space"), ("S3BucketName", "bad_bucket!"), ("RoleArn", "arn:aws:s3:::not-a-role-arn"),
    ("KmsKeyArn", "arn:aws:iam::123456789012:role/not-a-key"), ("Description", "x" * 1024),
])
def test_model_constraints(workmail_client, workmail_org, jdoe, target, member, value):
    with raises_code("InvalidParameterException", match=member[0].lower() + member[1:]):
        start(workmail_client, workmail_org, target, **{member: value})


def test_start_and_cancel_are_logged_as_writes(workmail_client, workmail_org, jdoe, target):
    workmail_emulator.clear_calls()
    job_id = start(workmail_client, workmail_org, target)
    describe(workmail_client, workmail_org, job_id)
    workmail_client.cancel_mailbox_export_job(OrganizationId=workmail_org, JobId=job_id)
    assert [call["operation"] for call in workmail_emulator.calls(writes_only=True)] == ["StartMailboxExportJob", "CancelMailboxExportJob"]
    assert workmail_emulator.calls()[0]["response"] == {"JobId": job_id}


# Faults ------------------------------------------------------------------------------------------

@pytest.fixture
def retrying(workmail_client, monkeypatch):
    """A WorkMail client that makes up to 3 attempts, with botocore's back-off recorded instead of slept."""
    monkeypatch.setattr("botocore.endpoint.time", types.SimpleNamespace(sleep=lambda seconds: None))
    return _session().client("workmail", region_name="us-east-1",
                             config=Config(retries={"mode": "standard", "total_max_attempts": 3}))


def logged(operation):
    return [(call["status"], call["error"], call["fault"]) for call in workmail_emulator.calls() if call["operation"] == operation]


def test_a_throttled_start_is_retried_and_starts_one_job(workmail_client, workmail_org, jdoe, target, workmail_faults, retrying):
    workmail_faults([{"operation": "StartMailboxExportJob", "fault": "throttle", "count": 1},
                     {"operation": "DescribeMailboxExportJob", "fault": "server_error", "status": 503, "count": 1}])
    workmail_emulator.clear_calls()
    job_id = start(retrying, workmail_org, target)
    assert describe(retrying, workmail_org, job_id)["State"] == "COMPLETED"
    assert logged("StartMailboxExportJob") == [(400, "ThrottlingException", "throttle"), (200, None, None)]
    assert logged("DescribeMailboxExportJob") == [(503, "ServiceUnavailable", "server_error"), (200, None, None)]
    assert [job["JobId"] for job in workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]] == [job_id]


def test_a_start_whose_reply_was_lost_is_replayed_by_its_client_token(workmail_client, workmail_org, jdoe, target, workmail_faults, retrying):
    workmail_faults([{"operation": "StartMailboxExportJob", "fault": "lost_response", "count": 1}])
    workmail_emulator.clear_calls()
    job_id = start(retrying, workmail_org, target)
    lost, replayed = (call for call in workmail_emulator.calls() if call["operation"] == "StartMailboxExportJob")
    assert (lost["status"], lost["fault"], lost["lost"]["response"]) == (500, "lost_response", {"JobId": job_id})
    assert replayed["response"] == {"JobId": job_id} and replayed["request"]["ClientToken"] == lost["request"]["ClientToken"]
    assert [job["JobId"] for job in workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]] == [job_id]
    assert object_keys() == [f"workmail/{job_id}.zip"]


def test_state_lag_hides_a_new_job_and_a_cancellation(workmail_client, workmail_org, jdoe, target, workmail_faults):
    workmail_emulator.configure(export_job_duration=100)
    workmail_faults([{"operation": "StartMailboxExportJob", "fault": "state_lag", "seconds": 20, "count": 1},
                     {"operation": "CancelMailboxExportJob", "fault": "state_lag", "seconds": 20, "count": 1}])
    job_id = start(workmail_client, workmail_org, target)
    with raises_code("EntityNotFoundException"):
        workmail_client.describe_mailbox_export_job(OrganizationId=workmail_org, JobId=job_id)
    assert workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"] == []
    with raises_code("LimitExceededException"):
        start(without_retries(workmail_client), workmail_org, target)
    workmail_emulator.advance_clock(20)
    assert describe(workmail_client, workmail_org, job_id)["EstimatedProgress"] == 20
    workmail_client.cancel_mailbox_export_job(OrganizationId=workmail_org, JobId=job_id)
    assert describe(workmail_client, workmail_org, job_id)["State"] == "RUNNING"
    workmail_emulator.advance_clock(20)
    job = describe(workmail_client, workmail_org, job_id)
    assert (job["State"], job["EstimatedProgress"]) == ("CANCELLED", 20)
    assert object_keys() == []
