# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""module_utils/exports.py against a small fake of the four export operations and a fake clock:
the manifest and its atomic writes, resuming, the ClientToken, the queue's limits."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import json
import os

import pytest

from ansible_collections.mailops.workmail.plugins.module_utils import exports
from ansible_collections.mailops.workmail.plugins.module_utils.api import client_token
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Context
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError

ORG = "m-" + "0" * 32
EPOCH = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone.utc)
TARGET = dict(s3_bucket="exports", s3_prefix="workmail", role_arn="arn:aws:iam::111122223333:role/workmail-export",
              kms_key_arn="arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")


class Clock:
    def __init__(self):
        self.now = 0.0

    def sleep(self, seconds):
        self.now += seconds

    def utc(self):
        return EPOCH + datetime.timedelta(seconds=self.now)


class FakeWorkMail:
    """Users (no resources) and export jobs as WorkMail keeps them; a job runs ``duration`` seconds of ``clock``."""

    def __init__(self, clock, users, duration=3.0):
        self.clock = clock
        self.duration = duration
        self.users = dict((name, dict(UserId="id-" + name, Name=name, State="ENABLED", UserRole="USER")) for name in users)
        self.jobs = []
        self.tokens = {}
        self.starts = []
        self.peak = 0

    def settle(self):
        for job in self.jobs:
            if job["State"] == "RUNNING" and self.clock.now >= job["started"] + self.duration:
                job.update(State="COMPLETED", EndTime=self.clock.utc(), S3Path="{0}/{1}/{2}.zip".format(job["S3BucketName"], job["S3Prefix"], job["JobId"]))

    def running(self):
        return sum(1 for job in self.jobs if job["State"] == "RUNNING")

    # -- the API's methods the module uses --

    def list_users(self, organization_id):
        return [dict(Id=u["UserId"], Name=u["Name"], State=u["State"], UserRole=u["UserRole"]) for u in self.users.values()]

    def describe_user(self, organization_id, ref):
        return next((dict(u) for u in self.users.values() if ref in (u["UserId"], u["Name"])), None)

    def list_resources(self, organization_id):
        return []

    def describe_resource(self, organization_id, ref):
        return None

    def describe_entity(self, organization_id, email):
        return None

    def start_mailbox_export_job(self, organization_id, salt=(), **params):
        self.settle()
        token = client_token("StartMailboxExportJob", dict(params, OrganizationId=organization_id), *salt)
        self.starts.append(token)
        if token in self.tokens:
            return self.tokens[token]
        if self.running() >= 10:
            raise WorkMailError("StartMailboxExportJob failed: too many jobs", code="LimitExceededException")
        job_id = "job-{0}".format(len(self.jobs) + 1)
        self.jobs.append(dict(params, JobId=job_id, State="RUNNING", started=self.clock.now, StartTime=self.clock.utc()))
        self.tokens[token] = job_id
        self.peak = max(self.peak, self.running())
        return job_id

    def describe_mailbox_export_job(self, organization_id, job_id):
        self.settle()
        job = next((j for j in self.jobs if j["JobId"] == job_id), None)
        if job is None:
            return None
        progress = 100 if job["State"] == "COMPLETED" else int(100 * (self.clock.now - job["started"]) / self.duration)
        return dict(job, EstimatedProgress=progress)

    def list_mailbox_export_jobs(self, organization_id):
        self.settle()
        return [dict((k, v) for k, v in job.items() if k not in ("S3Prefix", "RoleArn", "KmsKeyArn", "started")) for job in self.jobs]


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(exports, "sleep", fake.sleep)
    monkeypatch.setattr(exports, "monotonic", lambda: fake.now)
    monkeypatch.setattr(exports, "utcnow", fake.utc)
    return fake


def params(manifest=None, **extra):
    options = dict(TARGET, entities=None, manifest=manifest, concurrency=10, wait=True, wait_timeout=3600, force=False)
    options.update(extra)
    return options


def run(api, check_mode=False, **options):
    ctx = Context(api, ORG, check_mode, organization="example-corp")
    return exports.MailboxExport(ctx, params(**options), object_size=lambda path: 1234, region="us-east-1").run()


def states(task):
    return [(e.entity, e.result()["state"]) for e in task.exports]


# -- the manifest -----------------------------------------------------------------------------------

def test_a_missing_manifest_is_empty_and_save_creates_it(tmp_path):
    path = str(tmp_path / "m.json")
    manifest = exports.Manifest(path).load()
    assert manifest.records == []
    manifest.records.append(dict(organization_id=ORG, entity="jdoe", entity_id="id-jdoe", job_id="job-1", state="completed"))
    manifest.save()
    with open(path) as handle:
        saved = json.load(handle)
    assert saved["format"] == exports.MANIFEST_FORMAT
    assert exports.Manifest(path).load().latest(ORG, "id-jdoe")["job_id"] == "job-1"


def test_save_writes_a_whole_temporary_file_beside_it_then_renames_it(tmp_path, monkeypatch):
    path = str(tmp_path / "m.json")
    manifest = exports.Manifest(path)
    manifest.records.append(dict(entity="jdoe", state="running"))
    renames = []
    real_replace = os.replace

    def replace(source, destination):
        with open(source) as handle:
            renames.append((os.path.dirname(source), destination, json.load(handle)["exports"]))
        real_replace(source, destination)

    monkeypatch.setattr(exports.os, "replace", replace)
    manifest.save()

    assert renames == [(str(tmp_path), path, [dict(entity="jdoe", state="running")])]
    assert os.listdir(str(tmp_path)) == ["m.json"]


def test_an_interrupted_save_leaves_the_old_manifest_whole_and_no_temporary_file(tmp_path, monkeypatch):
    path = str(tmp_path / "m.json")
    manifest = exports.Manifest(path)
    manifest.records.append(dict(entity="jdoe", state="running"))
    manifest.save()
    with open(path) as handle:
        before = handle.read()

    def fail(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(exports.os, "replace", fail)
    manifest.records[0]["state"] = "completed"
    with pytest.raises(OSError):
        manifest.save()

    with open(path) as handle:
        assert handle.read() == before
    assert os.listdir(str(tmp_path)) == ["m.json"]


def test_save_keeps_the_file_mode(tmp_path):
    path = str(tmp_path / "m.json")
    manifest = exports.Manifest(path)
    manifest.save()
    os.chmod(path, 0o600)
    manifest.save()
    assert os.stat(path).st_mode & 0o777 == 0o600


@pytest.mark.parametrize("content, message", [
    ("[]", "is not a manifest of mailbox exports"),
    ('{"format": "other/1", "exports": []}', "is not a manifest of mailbox exports"),
    ("{", "is not a JSON file"),
])
def test_a_file_that_is_not_a_manifest_fails_naming_manifest(tmp_path, content, message):
    path = tmp_path / "m.json"
    path.write_text(content)
    with pytest.raises(ParameterError) as error:
        exports.Manifest(str(path)).load()
    assert error.value.option == "manifest" and message in error.value.message


def test_the_latest_record_of_a_mailbox_tells_where_it_stands():
    manifest = exports.Manifest(None)
    manifest.records = [dict(organization_id=ORG, entity="jdoe", entity_id="id-jdoe", job_id="job-1", state="completed"),
                        dict(organization_id="m-" + "1" * 32, entity="jdoe", entity_id="id-jdoe", job_id="job-9", state="running"),
                        dict(organization_id=ORG, entity="jdoe", entity_id="id-jdoe", job_id="job-2", state="running")]
    assert manifest.latest(ORG, "id-jdoe")["job_id"] == "job-2"
    assert manifest.latest(ORG, "id-ann") is None
    assert manifest.named(ORG, "JDOE")["job_id"] == "job-2"


# -- the token -------------------------------------------------------------------------------------

def test_the_token_follows_the_request_and_the_generation():
    request = dict(OrganizationId=ORG, EntityId="id-jdoe", S3BucketName="exports", S3Prefix="workmail", RoleArn="r", KmsKeyArn="k")
    token = client_token("StartMailboxExportJob", request, "generation", 0, "")
    assert token == client_token("StartMailboxExportJob", dict(request), "generation", 0, "")
    assert len(token) <= 128
    others = [client_token("StartMailboxExportJob", dict(request, **change), "generation", 0, "")
              for change in (dict(OrganizationId="m-" + "1" * 32), dict(EntityId="id-ann"), dict(S3BucketName="other"), dict(S3Prefix="p"))]
    others.append(client_token("StartMailboxExportJob", request, "generation", 1, "job-1"))
    assert token not in others and len(set(others)) == len(others)


def test_a_retried_start_sends_the_same_token_and_force_a_new_one(clock, tmp_path):
    api = FakeWorkMail(clock, ["jdoe"])
    manifest = str(tmp_path / "m.json")
    run(api, manifest=manifest)
    clock.now += 25 * 3600

    run(api, manifest=manifest, force=True)

    assert len(api.starts) == 2 and api.starts[0] != api.starts[1]
    assert [j["JobId"] for j in api.jobs] == ["job-1", "job-2"]


# -- resuming --------------------------------------------------------------------------------------

def test_a_start_whose_reply_was_lost_is_resent_with_the_same_token(clock, tmp_path):
    api = FakeWorkMail(clock, ["jdoe"])
    manifest = str(tmp_path / "m.json")
    # A run sent the start, which made job-0, then stopped before recording it: the manifest says "starting".
    first = client_token("StartMailboxExportJob", dict(
        OrganizationId=ORG, EntityId="id-jdoe", RoleArn=TARGET["role_arn"], KmsKeyArn=TARGET["kms_key_arn"], S3BucketName="exports",
        S3Prefix="workmail", Description=exports.DESCRIPTION), "generation", 0, "")
    api.tokens[first] = "job-0"
    api.jobs.append(dict(JobId="job-0", EntityId="id-jdoe", S3BucketName="exports", S3Prefix="workmail", State="RUNNING", started=0.0,
                         StartTime=clock.utc()))
    record = dict((k, None) for k in exports.RECORD_KEYS)
    record.update(organization_id=ORG, entity="jdoe", entity_id="id-jdoe", state="starting", s3_bucket="exports", s3_prefix="workmail",
                  generation=0)
    saved = exports.Manifest(manifest)
    saved.records = [record]
    saved.save()
    # The service does not list the job yet (its lag after a write): only the token can tell.
    api.list_mailbox_export_jobs = lambda organization_id: []

    task = run(api, manifest=manifest)

    assert api.starts == [first]
    assert len(api.jobs) == 1
    assert states(task) == [("jdoe", "completed")]
    assert [(r["job_id"], r["state"]) for r in exports.Manifest(manifest).load().records] == [("job-0", "completed")]


def test_running_jobs_of_the_manifest_are_followed_not_started_again(clock, tmp_path):
    api = FakeWorkMail(clock, ["ann", "bob"], duration=10)
    manifest = str(tmp_path / "m.json")
    started = run(api, manifest=manifest, wait=False)
    assert states(started) == [("ann", "running"), ("bob", "running")]

    clock.now += 10
    followed = run(api, manifest=manifest, wait=False)

    assert len(api.starts) == 2
    assert states(followed) == [("ann", "completed"), ("bob", "completed")]
    assert [r["size"] for r in exports.Manifest(manifest).load().records] == [1234, 1234]


def test_the_manifest_is_written_after_every_change_of_state(clock, tmp_path, monkeypatch):
    api = FakeWorkMail(clock, ["ann", "bob", "eve"], duration=2)
    manifest = str(tmp_path / "m.json")
    snapshots = []
    real_save = exports.Manifest.save

    def save(self):
        real_save(self)
        with open(manifest) as handle:
            snapshots.append([(r["entity"], r["state"]) for r in json.load(handle)["exports"]])

    monkeypatch.setattr(exports.Manifest, "save", save)
    run(api, manifest=manifest, concurrency=2)

    seen = {}
    for snapshot in snapshots:
        for entity, state in snapshot:
            if seen.setdefault(entity, [])[-1:] != [state]:
                seen[entity].append(state)
    assert seen == dict((name, ["starting", "running", "completed"]) for name in ("ann", "bob", "eve"))
    # eve waited for a free slot: she was not in the manifest until then.
    assert snapshots[0] == [("ann", "starting"), ("bob", "starting")]


# -- the queue -------------------------------------------------------------------------------------

def test_the_queue_keeps_concurrency_jobs_running_until_all_are_done(clock):
    api = FakeWorkMail(clock, ["user{0:02}".format(n) for n in range(25)], duration=5)

    task = run(api, concurrency=4)

    assert api.peak == 4
    assert len(api.jobs) == 25 and all(job["State"] == "COMPLETED" for job in api.jobs)
    assert [s for _e, s in states(task)] == ["completed"] * 25


def test_the_queue_leaves_room_for_jobs_others_run(clock):
    api = FakeWorkMail(clock, ["user{0:02}".format(n) for n in range(6)] + ["other{0}".format(n) for n in range(8)], duration=5)
    for n in range(8):
        api.start_mailbox_export_job(ORG, ("someone else",), EntityId="id-other{0}".format(n), S3BucketName="theirs", S3Prefix="p")

    task = run(api, entities=["user{0:02}".format(n) for n in range(6)], concurrency=10)

    assert api.peak == 10
    assert len(api.jobs) == 14
    assert [s for _e, s in states(task)] == ["completed"] * 6


def test_check_mode_starts_nothing(clock):
    api = FakeWorkMail(clock, ["ann", "bob"])
    task = run(api, check_mode=True)
    assert api.jobs == [] and states(task) == [("ann", "would_start"), ("bob", "would_start")]
    assert exports.summarize(task.exports)["pending"] == 2


def test_the_summary_and_its_line():
    done, running, pending = exports.Export("a"), exports.Export("b"), exports.Export("c")
    done.record = dict(state="completed")
    running.record = dict(state="running")
    running.estimated_progress = 41
    summary = exports.summarize([done, running, pending])
    assert summary == dict(total=3, completed=1, running=1, pending=1, failed=0, cancelled=0, progress_percent=47)
    assert exports.progress_line(summary) == "1 of 3 done, 47%"
