# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""mailbox_export and mailbox_export_info: main() against the in-process emulator, with moto's S3, KMS and IAM
holding the bucket, the key and the role, and the emulator's clock standing in for the module's waits."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import io
import json
import os
import time
import types
import zipfile

import boto3
import pytest

import workmail_emulator
from workmail_emulator import config as emulator_config

from ansible_collections.mailops.workmail.plugins.module_utils import exports
from ansible_collections.mailops.workmail.plugins.modules import mailbox_export
from ansible_collections.mailops.workmail.plugins.modules import mailbox_export_info

BUCKET = "exports"
PREFIX = "workmail"
DOMAIN = "example-corp.awsapps.com"
PEOPLE = ("ann", "bob", "eve", "jdoe", "tom")


def trust_policy():
    return {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "export.workmail.amazonaws.com"}, "Action": "sts:AssumeRole"}]}


def role_policy(bucket, key_arn):
    return {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:AbortMultipartUpload", "s3:PutObject", "s3:GetBucketPolicyStatus"],
         "Resource": ["arn:aws:s3:::{0}".format(bucket), "arn:aws:s3:::{0}/*".format(bucket)]},
        {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": key_arn}]}


@pytest.fixture
def target(workmail_client):
    """A bucket, a symmetric key and an export role in moto; the module's options naming them."""
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    key_arn = boto3.client("kms", region_name="us-east-1").create_key(Description="exports")["KeyMetadata"]["Arn"]
    iam = boto3.client("iam", region_name="us-east-1")
    role_arn = iam.create_role(RoleName="workmail-export", AssumeRolePolicyDocument=json.dumps(trust_policy()))["Role"]["Arn"]
    iam.put_role_policy(RoleName="workmail-export", PolicyName="export", PolicyDocument=json.dumps(role_policy(BUCKET, key_arn)))
    return dict(s3_bucket=BUCKET, s3_prefix=PREFIX, role_arn=role_arn, kms_key_arn=key_arn)


@pytest.fixture
def people(workmail_client, workmail_org):
    """Five enabled users with a few messages each, and a disabled one; the call log emptied."""
    ids = {}
    for name in PEOPLE + ("gone",):
        ids[name] = workmail_client.create_user(OrganizationId=workmail_org, Name=name, DisplayName=name.title())["UserId"]
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=ids[name], Email="{0}@{1}".format(name, DOMAIN))
    for index, name in enumerate(PEOPLE):
        workmail_emulator.add_messages(workmail_org, name, generate=index + 2)
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=ids["gone"])
    workmail_emulator.clear_calls()
    return ids


@pytest.fixture
def manifest(tmp_path):
    return str(tmp_path / "exports.json")


@pytest.fixture
def emulator_clock(monkeypatch):
    """The module waits on the emulator's clock, which only moves when the module sleeps (or the test
    advances it): a sleep advances it, and "now" is its time. Returns the list of the module's sleeps."""
    slept = []
    state = dict(now=0.0)
    frozen = time.time()
    monkeypatch.setattr(emulator_config, "time", types.SimpleNamespace(time=lambda: frozen))

    def sleep(seconds):
        slept.append(seconds)
        state["now"] += seconds
        workmail_emulator.advance_clock(seconds)

    monkeypatch.setattr(exports, "sleep", sleep)
    monkeypatch.setattr(exports, "monotonic", lambda: state["now"])
    monkeypatch.setattr(exports, "utcnow", lambda: datetime.datetime.fromtimestamp(emulator_config.now(), datetime.timezone.utc))
    return slept


class Interrupted(Exception):
    """The run stops, as when the controller is killed."""


def starts():
    return [c for c in workmail_emulator.calls() if c["operation"] == "StartMailboxExportJob"]


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def task(target, manifest_path=None, **extra):
    args = dict(target, organization="example-corp")
    if manifest_path:
        args["manifest"] = manifest_path
    args.update(extra)
    return args


def read_manifest(path):
    with open(path) as handle:
        return json.load(handle)


def zip_names(s3_path):
    bucket, _slash, key = s3_path.partition("/")
    body = boto3.client("s3", region_name="us-east-1").get_object(Bucket=bucket, Key=key)["Body"].read()
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return sorted(archive.namelist()), len(body)


# -- check, apply, check, apply ------------------------------------------------------------------

def test_check_mode_lists_what_it_would_export_and_writes_nothing(run_module, people, target, manifest, workmail_client, workmail_org):
    result = run_module(mailbox_export, task(target, manifest, entities=["jdoe", "ann@" + DOMAIN]), check_mode=True, diff=True)

    assert not result.failed, result.get("msg")
    assert result["changed"] is True
    assert [(e["entity"], e["entity_id"], e["state"], e["job_id"]) for e in result["exports"]] == [
        ("jdoe", people["jdoe"], "would_start", None), ("ann@" + DOMAIN, people["ann"], "would_start", None)]
    assert result["summary"] == dict(total=2, completed=0, running=0, pending=2, failed=0, cancelled=0, progress_percent=0)
    assert result["msg"] == "0 of 2 done, 0%"
    assert result["diff"] == dict(before={"jdoe": "not exported", "ann@" + DOMAIN: "not exported"},
                                  after={"jdoe": "would_start", "ann@" + DOMAIN: "would_start"})
    assert writes() == []
    assert workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"] == []
    assert not os.path.exists(manifest)
    assert "workmail:StartMailboxExportJob" in result["_workmail"]["actions"]
    assert result["_workmail"]["changes"] == [dict(type="mailbox_export", name="jdoe", action="create"),
                                              dict(type="mailbox_export", name="ann@" + DOMAIN, action="create")]


def test_apply_exports_each_mailbox_records_it_and_a_rerun_starts_nothing(run_module, people, target, manifest, workmail_client, workmail_org):
    result = run_module(mailbox_export, task(target, manifest, entities=["jdoe", "ann@" + DOMAIN]), diff=True)

    assert not result.failed, result.get("msg")
    assert result["changed"] is True
    assert len(starts()) == 2
    jobs = dict((j["EntityId"], j) for j in workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"])
    assert sorted(jobs) == sorted([people["jdoe"], people["ann"]])
    by_entity = dict((e["entity"], e) for e in result["exports"])
    jdoe = by_entity["jdoe"]
    assert jdoe["state"] == "completed" and jdoe["estimated_progress"] == 100 and jdoe["error"] is None
    assert jdoe["job_id"] == jobs[people["jdoe"]]["JobId"]
    assert jdoe["s3_path"] == "{0}/{1}/{2}.zip".format(BUCKET, PREFIX, jdoe["job_id"])
    names, size = zip_names(jdoe["s3_path"])
    assert len(names) == PEOPLE.index("jdoe") + 2 and all(name.endswith(".eml") for name in names)
    assert jdoe["size"] == size
    assert result["summary"] == dict(total=2, completed=2, running=0, pending=0, failed=0, cancelled=0, progress_percent=100)
    assert result["msg"] == "2 of 2 done, 100%"
    assert result["diff"]["after"] == {"jdoe": "completed", "ann@" + DOMAIN: "completed"}

    recorded = read_manifest(manifest)
    assert recorded["format"] == "mailops.workmail.mailbox_export/1"
    record = [r for r in recorded["exports"] if r["entity"] == "jdoe"]
    assert len(record) == 1 and len(recorded["exports"]) == 2
    assert dict((k, record[0][k]) for k in ("organization_id", "entity_id", "job_id", "state", "s3_bucket", "s3_prefix", "s3_path", "size")) == dict(
        organization_id=workmail_org, entity_id=people["jdoe"], job_id=jdoe["job_id"], state="completed", s3_bucket=BUCKET, s3_prefix=PREFIX,
        s3_path=jdoe["s3_path"], size=size)
    assert jdoe["end_time"] is not None
    assert (record[0]["start_time"], record[0]["end_time"]) == (jdoe["start_time"], jdoe["end_time"])

    workmail_emulator.clear_calls()
    again = run_module(mailbox_export, task(target, manifest, entities=["jdoe", "ann@" + DOMAIN]), check_mode=True)
    assert again["changed"] is False and [e["state"] for e in again["exports"]] == ["completed", "completed"]
    again = run_module(mailbox_export, task(target, manifest, entities=["jdoe", "ann@" + DOMAIN]))
    assert again["changed"] is False and not again.failed
    assert [e["job_id"] for e in again["exports"]] == [e["job_id"] for e in result["exports"]]
    assert writes() == []
    assert read_manifest(manifest) == recorded


def test_without_a_manifest_the_jobs_workmail_lists_are_kept(run_module, people, target):
    first = run_module(mailbox_export, task(target, entities=["jdoe"]))
    workmail_emulator.clear_calls()

    again = run_module(mailbox_export, task(target, entities=["jdoe"]))

    assert again["changed"] is False and writes() == []
    assert again["exports"][0]["job_id"] == first["exports"][0]["job_id"]
    assert again["exports"][0]["state"] == "completed"


def test_every_enabled_user_when_entities_is_left_out(run_module, people, target, manifest):
    result = run_module(mailbox_export, task(target, manifest))

    assert not result.failed, result.get("msg")
    assert [e["entity"] for e in result["exports"]] == list(PEOPLE)
    assert [e["state"] for e in result["exports"]] == ["completed"] * len(PEOPLE)
    assert len(starts()) == len(PEOPLE)


@pytest.fixture
def rooms(people, workmail_client, workmail_org):
    """The enabled room boardroom with a meeting and a message, and the room attic, registered then disabled; the call log emptied."""
    ids = {}
    for name in ("boardroom", "attic"):
        ids[name] = workmail_client.create_resource(OrganizationId=workmail_org, Name=name, Type="ROOM")["ResourceId"]
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=ids[name], Email="{0}@{1}".format(name, DOMAIN))
    meeting, request = {"type": "calendar", "subject": "Board meeting"}, {"folder": "Inbox", "subject": "Booking request"}
    workmail_emulator.add_messages(workmail_org, "boardroom", messages=[meeting, request])
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=ids["attic"])
    workmail_emulator.clear_calls()
    return ids


def test_a_room_named_by_name_is_exported(run_module, rooms, target, manifest, workmail_client, workmail_org):
    result = run_module(mailbox_export, task(target, manifest, entities=["boardroom"]))

    assert not result.failed, result.get("msg")
    assert result["changed"] is True
    jobs = workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]
    assert [(j["EntityId"], j["State"]) for j in jobs] == [(rooms["boardroom"], "COMPLETED")]
    [room] = result["exports"]
    assert (room["entity"], room["entity_id"], room["state"], room["job_id"]) == ("boardroom", rooms["boardroom"], "completed", jobs[0]["JobId"])
    names, size = zip_names(room["s3_path"])
    assert names == ["Calendar/000001.eml", "Inbox/000002.eml"] and room["size"] == size
    [record] = read_manifest(manifest)["exports"]
    assert (record["entity"], record["entity_id"], record["state"]) == ("boardroom", rooms["boardroom"], "completed")
    assert [c["operation"] for c in workmail_emulator.calls() if c["operation"] in ("DescribeUser", "DescribeResource")] == [
        "DescribeUser", "DescribeResource"]


def test_a_room_named_by_email_or_id_is_the_same_mailbox(run_module, rooms, target, manifest):
    result = run_module(mailbox_export, task(target, manifest, entities=["boardroom@" + DOMAIN, rooms["boardroom"]]))

    assert not result.failed, result.get("msg")
    assert [(e["entity"], e["entity_id"], e["state"]) for e in result["exports"]] == [
        ("boardroom@" + DOMAIN, rooms["boardroom"], "completed")]
    assert [c["request"]["EntityId"] for c in starts()] == [rooms["boardroom"]]


def test_a_disabled_room_fails_naming_entities_before_any_write(run_module, rooms, target, manifest):
    result = run_module(mailbox_export, task(target, manifest, entities=["boardroom", "attic"]))

    assert result.failed
    assert result["msg"] == "entities: attic is disabled: it has no mailbox to export (export a mailbox before disabling its resource)"
    assert writes() == []


def test_every_enabled_user_and_resource_when_entities_is_left_out(run_module, rooms, target, manifest, workmail_client, workmail_org):
    result = run_module(mailbox_export, task(target, manifest))

    assert not result.failed, result.get("msg")
    assert [e["entity"] for e in result["exports"]] == sorted(PEOPLE + ("boardroom",))
    assert [e["state"] for e in result["exports"]] == ["completed"] * (len(PEOPLE) + 1)
    by_entity = dict((e["entity"], e) for e in result["exports"])
    assert by_entity["boardroom"]["entity_id"] == rooms["boardroom"]
    assert zip_names(by_entity["boardroom"]["s3_path"])[0] == ["Calendar/000001.eml", "Inbox/000002.eml"]
    exported = sorted(j["EntityId"] for j in workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"])
    assert rooms["attic"] not in exported and rooms["boardroom"] in exported and len(exported) == len(PEOPLE) + 1
    operations = [c["operation"] for c in workmail_emulator.calls()]
    assert operations.count("ListResources") == 1 and operations.count("ListUsers") == 1


# -- the queue, waiting and resuming ---------------------------------------------------------------

def test_the_queue_never_runs_more_jobs_than_concurrency(run_module, people, target, manifest, workmail_client, workmail_org, emulator_clock,
                                                         monkeypatch):
    workmail_emulator.configure(export_job_duration=3)
    peak = []
    real_sleep = exports.sleep

    def sleep(seconds):
        jobs = workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]
        peak.append(sum(1 for job in jobs if job["State"] == "RUNNING"))
        real_sleep(seconds)

    monkeypatch.setattr(exports, "sleep", sleep)

    result = run_module(mailbox_export, task(target, manifest, concurrency=2))

    assert not result.failed, result.get("msg")
    assert [e["state"] for e in result["exports"]] == ["completed"] * len(PEOPLE)
    assert max(peak) == 2
    assert len(starts()) == len(PEOPLE)


def test_without_wait_jobs_start_and_the_next_runs_follow_them(run_module, people, target, manifest, workmail_client, workmail_org, emulator_clock):
    workmail_emulator.configure(export_job_duration=10)
    args = task(target, manifest, concurrency=2, wait=False)

    first = run_module(mailbox_export, args)

    assert not first.failed, first.get("msg")
    assert first["changed"] is True
    assert [e["state"] for e in first["exports"]] == ["running", "running", "pending", "pending", "pending"]
    assert first["summary"] == dict(total=5, completed=0, running=2, pending=3, failed=0, cancelled=0, progress_percent=0)
    assert first["msg"] == "0 of 5 done, 0%"
    recorded = read_manifest(manifest)["exports"]
    assert [(r["entity"], r["state"]) for r in recorded] == [("ann", "running"), ("bob", "running")]
    assert emulator_clock == []

    # Half way: the running jobs are followed, nothing new starts (no free slot).
    workmail_emulator.advance_clock(5)
    workmail_emulator.clear_calls()
    second = run_module(mailbox_export, args)
    assert second["changed"] is False and starts() == []
    assert [e["estimated_progress"] for e in second["exports"][:2]] == [50, 50]
    assert second["msg"] == "0 of 5 done, 20%"

    # Ended: the next two start.
    workmail_emulator.advance_clock(5)
    workmail_emulator.clear_calls()
    third = run_module(mailbox_export, args)
    assert third["changed"] is True and len(starts()) == 2
    assert [e["state"] for e in third["exports"]] == ["completed", "completed", "running", "running", "pending"]
    assert third["msg"] == "2 of 5 done, 40%"
    assert len(workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]) == 4


def test_wait_timeout_fails_saying_how_far_it_got_and_a_rerun_follows(run_module, people, target, manifest, emulator_clock):
    workmail_emulator.configure(export_job_duration=100)

    result = run_module(mailbox_export, task(target, manifest, entities=["jdoe"], wait_timeout=20))

    assert result.failed
    assert result["msg"].startswith("Timed out after 20 seconds: 0 of 1 done, ")
    assert result["msg"].endswith("The jobs go on running; a rerun with the same manifest follows them.")
    assert result["changed"] is True and result["exports"][0]["state"] == "running"
    workmail_emulator.clear_calls()

    again = run_module(mailbox_export, task(target, manifest, entities=["jdoe"]))

    assert not again.failed, again.get("msg")
    assert again["changed"] is False and starts() == []
    assert again["exports"][0]["state"] == "completed" and again["exports"][0]["job_id"] == result["exports"][0]["job_id"]


def test_a_start_whose_reply_was_never_recorded_is_sent_again_and_gets_the_same_job(run_module, people, target, manifest, workmail_client,
                                                                                    workmail_org, monkeypatch):
    real_start = exports.MailboxExport.start_one

    def interrupted(self, export):
        real_start(self, export)
        raise Interrupted("the run was interrupted")

    monkeypatch.setattr(exports.MailboxExport, "start_one", interrupted)
    with pytest.raises(Interrupted):
        run_module(mailbox_export, task(target, manifest, entities=["jdoe"]))
    recorded = read_manifest(manifest)["exports"]
    assert [(r["entity"], r["state"], r["job_id"]) for r in recorded] == [("jdoe", "starting", None)]
    monkeypatch.setattr(exports.MailboxExport, "start_one", real_start)
    # The job the lost reply started is gone from the listing too: the token alone tells the service.
    listed = workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]
    monkeypatch.setattr(exports.MailboxExport, "jobs_of", lambda self, entity_id: [])

    result = run_module(mailbox_export, task(target, manifest, entities=["jdoe"]))

    assert not result.failed, result.get("msg")
    assert len(starts()) == 2
    assert [j["JobId"] for j in workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]] == [listed[0]["JobId"]]
    assert result["exports"][0]["job_id"] == listed[0]["JobId"]
    assert [(r["state"], r["job_id"]) for r in read_manifest(manifest)["exports"]] == [("completed", listed[0]["JobId"])]


def test_a_job_running_that_the_manifest_does_not_hold_is_followed(run_module, people, target, manifest, workmail_client, workmail_org,
                                                                   emulator_clock):
    workmail_emulator.configure(export_job_duration=10)
    job_id = workmail_client.start_mailbox_export_job(
        OrganizationId=workmail_org, EntityId="jdoe", RoleArn=target["role_arn"], KmsKeyArn=target["kms_key_arn"],
        S3BucketName=BUCKET, S3Prefix=PREFIX)["JobId"]
    workmail_emulator.clear_calls()

    result = run_module(mailbox_export, task(target, manifest, entities=["jdoe"]))

    assert not result.failed, result.get("msg")
    assert starts() == [] and result["changed"] is False
    assert result["exports"][0]["job_id"] == job_id and result["exports"][0]["state"] == "completed"


# -- force and the 24-hour rule --------------------------------------------------------------------

def test_force_within_24_hours_fails_naming_force_before_any_write(run_module, people, target, manifest):
    first = run_module(mailbox_export, task(target, manifest, entities=["jdoe"]))
    workmail_emulator.clear_calls()

    result = run_module(mailbox_export, task(target, manifest, entities=["jdoe"], force=True))

    assert result.failed
    job = first["exports"][0]
    start = exports.parse_time(job["start_time"])
    assert result["msg"] == ("force: jdoe was exported at {0} (job {1}, {2}); WorkMail exports a mailbox at most once every 24 hours, so not "
                             "again before {3}").format(job["start_time"], job["job_id"], job["s3_path"],
                                                        exports.timestamp(start + datetime.timedelta(hours=24)))
    assert writes() == []


def test_force_a_day_later_exports_again_with_a_new_token(run_module, people, target, manifest, workmail_client, workmail_org, emulator_clock):
    first = run_module(mailbox_export, task(target, manifest, entities=["jdoe"]))
    workmail_emulator.advance_clock(24 * 3600 + 1)
    workmail_emulator.clear_calls()

    unforced = run_module(mailbox_export, task(target, manifest, entities=["jdoe"]))
    assert unforced["changed"] is False and starts() == []

    forced = run_module(mailbox_export, task(target, manifest, entities=["jdoe"], force=True))

    assert not forced.failed, forced.get("msg")
    assert forced["changed"] is True and len(starts()) == 1
    assert forced["exports"][0]["job_id"] != first["exports"][0]["job_id"]
    assert forced["exports"][0]["state"] == "completed"
    assert len(workmail_client.list_mailbox_export_jobs(OrganizationId=workmail_org)["Jobs"]) == 2
    records = read_manifest(manifest)["exports"]
    assert [(r["job_id"], r["generation"], r["previous_job_id"]) for r in records] == [
        (first["exports"][0]["job_id"], 0, None), (forced["exports"][0]["job_id"], 1, first["exports"][0]["job_id"])]


# -- failures ---------------------------------------------------------------------------------------

def test_a_failed_job_fails_the_task_naming_the_mailbox_and_a_rerun_starts_it_again(run_module, people, target, manifest, workmail_org):
    iam = boto3.client("iam", region_name="us-east-1")
    iam.delete_role_policy(RoleName="workmail-export", PolicyName="export")

    result = run_module(mailbox_export, task(target, manifest, entities=["jdoe", "ann"]))

    assert result.failed
    assert result["changed"] is True
    assert [e["state"] for e in result["exports"]] == ["failed", "failed"]
    error = result["exports"][0]["error"]
    assert error
    assert result["msg"] == "2 of the 2 mailbox exports failed: jdoe: {0}; ann: {1}. 0 of 2 done, 0%; a rerun starts them again.".format(
        error, result["exports"][1]["error"])
    assert result["summary"]["failed"] == 2

    iam.put_role_policy(RoleName="workmail-export", PolicyName="export", PolicyDocument=json.dumps(role_policy(BUCKET, target["kms_key_arn"])))
    workmail_emulator.clear_calls()
    again = run_module(mailbox_export, task(target, manifest, entities=["jdoe", "ann"]))

    assert not again.failed, again.get("msg")
    assert len(starts()) == 2 and [e["state"] for e in again["exports"]] == ["completed", "completed"]


BAD = {
    "unknown entity": (dict(entities=["jdoe", "nobody"]), "entities: nobody is neither a user nor a resource of organization 'example-corp'"),
    "disabled entity": (dict(entities=["gone"]),
                        "entities: gone is disabled: it has no mailbox to export (export a mailbox before disabling its user)"),
    "empty entity": (dict(entities=["jdoe", " "]), "entities: holds an empty entry; give each mailbox by user name, email address or ID"),
    "entity with a space": (dict(entities=["jane doe"]),
                            "entities: 'jane doe' is not valid: it must be a name, email address or ID: letters, digits and . _ % + @ - only, no spaces"),
    "bucket upper case": (dict(s3_bucket="Exports"), "s3_bucket: 'Exports' is not a valid S3 bucket name: it must have 3 to 63 characters, "
                          "lowercase letters, digits, '.' and '-' only, begin and end with a letter or digit, and not look like an IP address"),
    "bucket with a slash": (dict(s3_bucket="exports/2026"), "s3_bucket: 'exports/2026' is not valid: it must be an S3 bucket name such as "
                            "example-corp-mail-exports (letters, digits, '.' and '-' only)"),
    "prefix with a space": (dict(s3_prefix="work mail"), "s3_prefix: 'work mail' is not valid: it must be an S3 key prefix such as workmail/2026 "
                            "(letters, digits and ! _ . * ' ( ) / - only)"),
    "prefix from the root": (dict(s3_prefix="/workmail"), "s3_prefix: '/workmail' is not valid: it must not start with '/' or hold '//' (like exports/2026)"),
    "role a user": (dict(role_arn="arn:aws:iam::123456789012:user/export"),
                    "role_arn: 'arn:aws:iam::123456789012:user/export' is not the ARN of an IAM role (like arn:aws:iam::111122223333:role/workmail-export)"),
    "role not an ARN": (dict(role_arn="workmail-export"), "role_arn: 'workmail-export' is not valid: it must be an IAM role ARN such as "
                        "arn:aws:iam::111122223333:role/workmail-export"),
    "key a bucket": (dict(kms_key_arn="arn:aws:s3:::exports"), "kms_key_arn: 'arn:aws:s3:::exports' is not valid: it must be a KMS key ARN such as "
                     "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
    "key of another region": (dict(kms_key_arn="arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                              "kms_key_arn: the key is in eu-west-1 but the organization is in us-east-1: WorkMail needs the organization, the key "
                              "and the bucket in one Region"),
    "concurrency zero": (dict(concurrency=0), "concurrency: must be from 1 to 10 (WorkMail runs at most 10 export jobs at once in an organization), got 0"),
    "concurrency eleven": (dict(concurrency=11), "concurrency: must be from 1 to 10 (WorkMail runs at most 10 export jobs at once in an organization), got 11"),
    "negative timeout": (dict(wait_timeout=-1), "wait_timeout: must be 0 or more seconds, got -1"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_fails_naming_the_option_before_any_write(run_module, people, target, manifest, case):
    args, message = BAD[case]
    args = dict(dict(entities=["jdoe"]), **args)

    result = run_module(mailbox_export, task(target, manifest, **args))

    assert result.failed
    assert result["msg"] == message
    assert writes() == []


def test_a_manifest_that_is_not_one_fails_naming_manifest(run_module, people, target, tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("[1, 2]")
    result = run_module(mailbox_export, task(target, str(path), entities=["jdoe"]))
    assert result["msg"] == "manifest: {0} is not a manifest of mailbox exports (format mailops.workmail.mailbox_export/1); give another path".format(path)

    path.write_text("{not json")
    result = run_module(mailbox_export, task(target, str(path), entities=["jdoe"]))
    assert result["msg"].startswith("manifest: {0} is not a JSON file: ".format(path))

    missing = tmp_path / "no" / "such" / "dir.json"
    result = run_module(mailbox_export, task(target, str(missing), entities=["jdoe"]))
    assert result["msg"] == "manifest: the directory {0} does not exist".format(missing.parent)
    assert writes() == []


def test_a_disabled_mailbox_already_exported_is_kept_without_error(run_module, people, target, manifest, workmail_client, workmail_org):
    first = run_module(mailbox_export, task(target, manifest, entities=["jdoe@" + DOMAIN]))
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=people["jdoe"])
    workmail_emulator.clear_calls()

    again = run_module(mailbox_export, task(target, manifest, entities=["jdoe@" + DOMAIN]))

    assert not again.failed, again.get("msg")
    assert again["changed"] is False and writes() == []
    assert again["exports"][0]["state"] == "completed" and again["exports"][0]["job_id"] == first["exports"][0]["job_id"]


# -- mailbox_export_info ----------------------------------------------------------------------------

def test_info_without_a_manifest_names_a_room_by_its_name(run_module, rooms, target, manifest):
    assert not run_module(mailbox_export, task(target, manifest, entities=["boardroom", "jdoe"])).failed
    workmail_emulator.clear_calls()

    listed = run_module(mailbox_export_info, dict(organization="example-corp"))

    assert not listed.failed, listed.get("msg")
    assert sorted(e["entity"] for e in listed["exports"]) == ["boardroom", "jdoe"]
    assert [e["entity_id"] for e in listed["exports"] if e["entity"] == "boardroom"] == [rooms["boardroom"]]
    described = [(c["operation"], c["request"].get("ResourceId") or c["request"].get("UserId"))
                 for c in workmail_emulator.calls() if c["operation"] in ("DescribeUser", "DescribeResource")]
    assert sorted(operation for operation, _entity in described) == ["DescribeResource", "DescribeUser"]
    assert ("DescribeResource", rooms["boardroom"]) in described


def test_info_lists_the_jobs_merged_with_the_manifest(run_module, people, target, manifest, workmail_client, workmail_org):
    done = run_module(mailbox_export, task(target, manifest, entities=["jdoe", "ann"]))
    workmail_emulator.clear_calls()

    listed = run_module(mailbox_export_info, dict(organization="example-corp", manifest=manifest))

    assert not listed.failed, listed.get("msg")
    assert listed["changed"] is False and writes() == []
    sizes = dict((e["job_id"], e["size"]) for e in done["exports"])
    assert sorted((e["entity"], e["state"], e["size"], e["s3_bucket"], e["s3_prefix"]) for e in listed["exports"]) == sorted(
        (e["entity"], "completed", sizes[e["job_id"]], BUCKET, PREFIX) for e in done["exports"])
    assert listed["summary"]["completed"] == 2 and listed["msg"] == "2 of 2 done, 100%"

    bare = run_module(mailbox_export_info, dict(organization="example-corp"))
    assert sorted(e["entity"] for e in bare["exports"]) == ["ann", "jdoe"]
    assert all(e["size"] is None for e in bare["exports"])

    one = run_module(mailbox_export_info, dict(organization="example-corp", job_id=done["exports"][0]["job_id"]))
    assert [(e["job_id"], e["entity"], e["s3_prefix"]) for e in one["exports"]] == [(done["exports"][0]["job_id"], "jdoe", PREFIX)]

    none = run_module(mailbox_export_info, dict(organization="example-corp", job_id="no-such-job"))
    assert none["exports"] == [] and none["msg"] == "0 of 0 done, 100%"


def test_the_plan_reports_every_action_the_apply_calls(run_module, people, target, manifest):
    args = task(target, manifest, entities=["jdoe", "ann@" + DOMAIN])
    plan = run_module(mailbox_export, args, check_mode=True)["_workmail"]
    planned_calls = set("workmail:" + c["operation"] for c in workmail_emulator.calls())
    workmail_emulator.clear_calls()

    report = run_module(mailbox_export, args)["_workmail"]

    applied_calls = set("workmail:" + c["operation"] for c in workmail_emulator.calls())
    assert set(plan["actions"]) >= planned_calls
    assert set(report["actions"]) == applied_calls
    assert set(plan["actions"]) >= set(report["actions"])
    assert plan["changes"] == report["changes"] == [dict(type="mailbox_export", name="jdoe", action="create"),
                                                    dict(type="mailbox_export", name="ann@" + DOMAIN, action="create")]
