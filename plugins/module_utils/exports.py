# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Mailbox exports: a queue of StartMailboxExportJob jobs, remembered in a manifest.

An export is an action, not a desired state: the service keeps its jobs for 7 days, then forgets
them, and exports a mailbox at most once every 24 hours. What was exported is remembered in the
manifest, a JSON file beside the playbook that every run reads and rewrites, atomically, after each
change of state; so an interrupted run loses nothing, and the next one takes up where it stopped.

Three steps, in this order:

1. Check. Every option, every mailbox and the manifest are checked before the first write: the
   target against the service model and S3's rules, each mailbox (it exists, it has a mailbox to
   export), the 24-hour rule for every mailbox to export again.
2. Plan. For each mailbox, from the manifest and the jobs the service still lists: a job that
   runs is followed, a completed export is kept (unless ``force``), anything else is to start.
3. Run the queue: at most ``concurrency`` jobs of the task run at once (and at most 10 in the
   organization, the service's limit); jobs are started as others end, followed until they end
   (``wait``) or started and left to run (``wait: false``, the next run follows them).

Each start sends a ClientToken derived from the request (organization, mailbox, bucket, prefix,
role, key) and the mailbox's export generation: a retry of the same start, or a later run that
resends a start whose reply was never recorded, gets the same job back rather than a second one;
``force`` moves to the next generation, hence a new token and a new job.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import json
import os
import re
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.mailops.workmail.plugins.module_utils import validation
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import FIRST_INTERVAL
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import MAX_INTERVAL

START = "StartMailboxExportJob"
DESCRIBE = "DescribeMailboxExportJob"
LIST = "ListMailboxExportJobs"
MAILBOX_OWNERS = ("USER", "RESOURCE")
"""Whose mailboxes WorkMail exports: "the user or resource associated with the mailbox" (API reference)."""

MAX_CONCURRENCY = 10
"""Jobs that run at once in an organization: the service refuses more (administrator guide)."""
EXPORT_INTERVAL = datetime.timedelta(hours=24)
"""A mailbox is exported at most once in this time, counted from the start of a job that runs or completed."""
DESCRIPTION = "mailops.workmail.mailbox_export"
"""The Description of every job the module starts, which tells them from others in a listing."""
MANIFEST_FORMAT = "mailops.workmail.mailbox_export/1"

# The states of an export: the service's (in lower case), and three of the module's own.
RUNNING, COMPLETED, FAILED, CANCELLED = "running", "completed", "failed", "cancelled"
PENDING = "pending"
"""To start, waiting for a free slot of the queue (``wait: false`` leaves it to the next run)."""
WOULD_START = "would_start"
"""Check mode: the run would start it."""
STARTING = "starting"
"""In the manifest only: a start is being sent and its job ID is not known yet."""
ENDED = (COMPLETED, FAILED, CANCELLED)

RESULT_KEYS = ("entity", "entity_id", "job_id", "state", "s3_path", "estimated_progress", "start_time", "end_time", "error", "size")
RECORD_KEYS = ("organization_id", "entity", "entity_id", "job_id", "state", "s3_bucket", "s3_prefix", "s3_path",
               "start_time", "end_time", "size", "error", "generation", "previous_job_id")

# What waits and what tells time; tests replace them with the emulator's clock.
sleep = time.sleep
monotonic = time.monotonic


def utcnow():
    return datetime.datetime.now(datetime.timezone.utc)


def timestamp(value):
    """An API time (a datetime) as ISO 8601 in UTC; None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value.astimezone(datetime.timezone.utc).isoformat()
    return str(value)


def parse_time(value):
    """A datetime (UTC) from an ISO 8601 string of ``timestamp``; None when there is none."""
    if not value:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)


# -- checks ---------------------------------------------------------------------------------------

BUCKET_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
IP_ADDRESS = re.compile(r"^\d+\.\d+\.\d+\.\d+$")


def check_target(params, region=None):
    """Fail naming the option when the export target is not one WorkMail can write to: checked
    against the service model, S3's bucket naming rules and the ARNs' kinds and Region."""
    bucket = params["s3_bucket"]
    validation.check("s3_bucket", bucket, START, "S3BucketName")
    if not BUCKET_NAME.match(bucket) or ".." in bucket or IP_ADDRESS.match(bucket):
        raise ParameterError("s3_bucket", "{0!r} is not a valid S3 bucket name: it must have 3 to 63 characters, lowercase letters, "
                             "digits, '.' and '-' only, begin and end with a letter or digit, and not look like an IP address".format(bucket))
    prefix = params["s3_prefix"]
    validation.check("s3_prefix", prefix, START, "S3Prefix")
    if prefix.startswith("/") or "//" in prefix:
        raise ParameterError("s3_prefix", "{0!r} is not valid: it must not start with '/' or hold '//' (like exports/2026)".format(prefix))
    validation.check("role_arn", params["role_arn"], START, "RoleArn")
    if ":role/" not in params["role_arn"]:
        raise ParameterError("role_arn", "{0!r} is not the ARN of an IAM role (like arn:aws:iam::111122223333:role/workmail-export)".format(
            params["role_arn"]))
    key = params["kms_key_arn"]
    validation.check("kms_key_arn", key, START, "KmsKeyArn")
    resource = key.split(":", 5)[-1]
    if not (resource.startswith("key/") or resource.startswith("alias/")):
        raise ParameterError("kms_key_arn", "{0!r} is neither the ARN of a KMS key (arn:aws:kms:REGION:ACCOUNT:key/ID) nor of an alias "
                             "(arn:aws:kms:REGION:ACCOUNT:alias/NAME)".format(key))
    key_region = key.split(":")[3]
    if region and key_region and key_region != region:
        raise ParameterError("kms_key_arn", "the key is in {0} but the organization is in {1}: WorkMail needs the organization, the key and "
                             "the bucket in one Region".format(key_region, region))


def check_queue(concurrency, wait_timeout):
    if not 1 <= concurrency <= MAX_CONCURRENCY:
        raise ParameterError("concurrency", "must be from 1 to {0} (WorkMail runs at most {0} export jobs at once in an organization), got {1}".format(
            MAX_CONCURRENCY, concurrency))
    validation.check_timeout("wait_timeout", wait_timeout)


def check_entities(entities):
    for ref in entities:
        if not (ref or "").strip():
            raise ParameterError("entities", "holds an empty entry; give each mailbox by user name, email address or ID")
        validation.check("entities", ref, START, "EntityId")


# -- the manifest ---------------------------------------------------------------------------------

class Manifest:
    """The JSON file that records every export job: ``{"format": ..., "exports": [record, ...]}``,
    one record per job (RECORD_KEYS), oldest first; a mailbox's latest record tells where its export
    stands. ``path`` None: no file, the run relies on what the service still lists."""

    def __init__(self, path):
        self.path = os.path.expanduser(path) if path else None
        self.records = []

    def load(self):
        """Read the file (a missing one is empty); fail naming ``manifest`` when it is not one."""
        if not self.path or not os.path.exists(self.path):
            return self
        try:
            with open(self.path, "r") as handle:
                content = json.load(handle)
        except (IOError, OSError) as e:
            raise ParameterError("manifest", "cannot read {0}: {1}".format(self.path, e))
        except ValueError as e:
            raise ParameterError("manifest", "{0} is not a JSON file: {1}".format(self.path, e))
        if not isinstance(content, dict) or content.get("format") != MANIFEST_FORMAT or not isinstance(content.get("exports"), list):
            raise ParameterError("manifest", "{0} is not a manifest of mailbox exports (format {1}); give another path".format(self.path, MANIFEST_FORMAT))
        self.records = [dict((k, record.get(k)) for k in RECORD_KEYS) for record in content["exports"] if isinstance(record, dict)]
        return self

    def check_writable(self):
        """Fail naming ``manifest`` when the file could not be written, before any export starts."""
        if not self.path:
            return
        directory = os.path.dirname(os.path.abspath(self.path))
        if not os.path.isdir(directory):
            raise ParameterError("manifest", "the directory {0} does not exist".format(directory))
        if not os.access(directory, os.W_OK | os.X_OK) or (os.path.exists(self.path) and not os.access(self.path, os.W_OK)):
            raise ParameterError("manifest", "{0} cannot be written: no permission".format(self.path))

    def latest(self, organization_id, entity_id):
        """The latest record of a mailbox, or None."""
        for record in reversed(self.records):
            if record.get("organization_id") == organization_id and record.get("entity_id") == entity_id:
                return record
        return None

    def named(self, organization_id, ref):
        """The latest record of the mailbox ``ref`` (as given in an earlier run, or its ID), or None."""
        for record in reversed(self.records):
            if record.get("organization_id") == organization_id and ref.lower() in ((record.get("entity") or "").lower(), record.get("entity_id")):
                return record
        return None

    def save(self):
        """Write the file atomically: a temporary file beside it, then renamed over it, so a reader (or
        an interrupted run) finds the old content or the new, never part of it."""
        if not self.path:
            return
        directory = os.path.dirname(os.path.abspath(self.path))
        content = json.dumps(dict(format=MANIFEST_FORMAT, exports=self.records), indent=2, sort_keys=True)
        mode = os.stat(self.path).st_mode & 0o777 if os.path.exists(self.path) else 0o644
        handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(self.path) + ".", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(handle, "w") as out:
                out.write(content + "\n")
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, self.path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise


# -- one mailbox ----------------------------------------------------------------------------------

class Export:
    """One mailbox of the task and its export job."""

    def __init__(self, entity, entity_id=None, enabled=True, kind="user"):
        self.entity = entity
        self.entity_id = entity_id
        self.enabled = enabled
        """True, False (disabled) or None (deleted, known from the manifest only)."""
        self.kind = kind
        """Whose mailbox: "user" or "resource"."""
        self.record = None
        """The manifest record of the job this run follows or starts (None: none yet)."""
        self.before = None
        """The state before the run (None: never exported)."""
        self.action = None
        """"follow" a running job, "start" one, or None: nothing to do."""
        self.estimated_progress = None
        self.started_here = False
        self.generation = 0
        self.previous = None

    @property
    def state(self):
        if self.record is None:
            return None
        return self.record["state"]

    def result(self):
        record = self.record or {}
        result = dict((key, record.get(key)) for key in RESULT_KEYS)
        result.update(entity=self.entity, entity_id=self.entity_id)
        if result["state"] in (None, STARTING):
            result["state"] = PENDING
        result["estimated_progress"] = self.estimated_progress
        if result["state"] == COMPLETED:
            result["estimated_progress"] = 100
        elif result["state"] in (PENDING, WOULD_START):
            result["estimated_progress"] = 0
        return result

    def progress(self):
        """How far the export is, from 0 to 100, for the summary."""
        if self.state == COMPLETED:
            return 100
        if self.state == RUNNING:
            return self.estimated_progress or 0
        return 0


def record_from_job(organization_id, entity, entity_id, job, **extra):
    """A manifest record of a job as DescribeMailboxExportJob or ListMailboxExportJobs gives it."""
    record = dict((key, None) for key in RECORD_KEYS)
    record.update(
        organization_id=organization_id,
        entity=entity,
        entity_id=entity_id,
        job_id=job.get("JobId"),
        state=(job.get("State") or RUNNING).lower(),
        s3_bucket=job.get("S3BucketName"),
        s3_prefix=job.get("S3Prefix"),
        s3_path=job.get("S3Path"),
        start_time=timestamp(job.get("StartTime")),
        end_time=timestamp(job.get("EndTime")),
        error=job.get("ErrorInfo"),
        generation=0,
    )
    record.update(extra)
    return record


def under(job, bucket, prefix):
    """Whether a listed job writes to ``bucket`` under ``prefix`` (the list form has no S3Prefix)."""
    if job.get("S3BucketName") != bucket:
        return False
    if job.get("S3Prefix") is not None:
        return job["S3Prefix"].rstrip("/") == prefix.rstrip("/")
    return (job.get("S3Path") or "").startswith("{0}/{1}/".format(bucket, prefix.rstrip("/")))


# -- the task -------------------------------------------------------------------------------------

class MailboxExport:
    """The mailbox_export task: check, plan, run the queue; see the module docstring."""

    def __init__(self, ctx, params, object_size=None, region=None):
        self.ctx = ctx
        self.api = ctx.api
        self.params = params
        self.bucket = params["s3_bucket"]
        self.prefix = params["s3_prefix"]
        self.concurrency = MAX_CONCURRENCY if params.get("concurrency") is None else params["concurrency"]
        self.wait = params.get("wait", True)
        self.wait_timeout = params.get("wait_timeout") or 0
        self.force = params.get("force", False)
        self.object_size = object_size
        self.region = region
        self.manifest = Manifest(params.get("manifest"))
        self.exports = []
        self.listed = []
        self.foreign_running = 0
        self.timed_out = False
        self.warnings = ctx.warnings
        self.pool = None

    # -- 1. check -----------------------------------------------------------------------------------

    def check(self):
        """What needs no call: the options and the manifest file."""
        check_target(self.params, self.region)
        check_queue(self.concurrency, self.wait_timeout)
        check_entities(self.params.get("entities") or [])
        self.manifest.load()
        if not self.ctx.check_mode:
            self.manifest.check_writable()

    # -- 2. plan ------------------------------------------------------------------------------------

    def plan(self):
        """Find each mailbox, then decide for each what the run does. Fails, before any write, naming
        the option, for a mailbox that is unknown or has no mailbox to export and for an export again
        that the 24-hour rule forbids."""
        org = self.ctx.organization_id
        if org is None:
            # Check mode, in an organization an earlier task creates: every mailbox named would start.
            self.ctx.plan_calls(("ListUsers", "ListResources", "DescribeUser", "DescribeResource", "DescribeEntity", LIST))
            for ref in self.params.get("entities") or []:
                export = Export(ref)
                export.action = "start"
                self.exports.append(export)
            return
        self.listed = self.api.list_mailbox_export_jobs(org)
        self.exports = self.find_mailboxes()
        problems, too_soon = [], []
        for export in self.exports:
            self.plan_one(export)
            if export.action != "start":
                continue
            if export.entity_id is None:
                problems.append("{0} is neither a user nor a resource of organization {1!r}".format(export.entity, self.ctx.organization))
            elif not export.enabled:
                problems.append("{0} is {1}: it has no mailbox to export (export a mailbox before disabling its {2})".format(
                    export.entity, "disabled" if export.enabled is False else "deleted", export.kind))
            else:
                last = self.last_counted(export)
                if last is not None:
                    too_soon.append(self.too_soon(export, last))
        if problems:
            raise ParameterError("entities", "; ".join(problems))
        if too_soon:
            raise ParameterError("force" if self.force else "entities", "; ".join(too_soon))
        ours = set(e.record["job_id"] for e in self.exports if e.record and e.record.get("job_id"))
        self.foreign_running = sum(1 for job in self.listed if job.get("State") == "RUNNING" and job.get("JobId") not in ours)

    def find_mailboxes(self):
        """An Export per mailbox: those ``entities`` names, in order (each once), or every enabled user
        and resource of the organization, by name."""
        refs = self.params.get("entities")
        if refs is None:
            org = self.ctx.organization_id
            owners = [(u, "user") for u in self.api.list_users(org) if u.get("State") == "ENABLED" and u.get("UserRole") != "SYSTEM_USER"]
            owners.extend((r, "resource") for r in self.api.list_resources(org) if r.get("State") == "ENABLED")
            owners.sort(key=lambda owner: owner[0]["Name"].lower())
            return [Export(owner["Name"], owner["Id"], kind=kind) for owner, kind in owners]
        exports, seen = [], set()
        for ref in refs:
            export = self.find(ref)
            if export.entity_id is not None and export.entity_id in seen:
                continue
            seen.add(export.entity_id)
            exports.append(export)
        return exports

    def find(self, ref):
        """The Export of the mailbox ``ref`` names: a user or a resource, by name, email or ID."""
        org = self.ctx.organization_id
        owner = self.ctx.resolver.resolve(ref, MAILBOX_OWNERS)
        if owner is None:
            # Gone, or disabled and given by the address it no longer has: the manifest may know it.
            record = self.manifest.named(org, ref)
            if record is not None:
                return Export(ref, record["entity_id"], None)
            return Export(ref)
        return Export(ref, owner["id"], owner["enabled"], owner["type"])

    def jobs_of(self, entity_id):
        """The jobs the service lists for a mailbox, newest first."""
        jobs = [job for job in self.listed if job.get("EntityId") == entity_id]
        return sorted(jobs, key=lambda job: timestamp(job.get("StartTime")) or "", reverse=True)

    def plan_one(self, export):
        org = self.ctx.organization_id
        record = self.manifest.latest(org, export.entity_id) if export.entity_id else None
        export.before = record["state"] if record and record.get("job_id") else None
        if record is not None and record.get("job_id"):
            if record["state"] == RUNNING:
                return self.follow(export, record)
            if record["state"] == COMPLETED and not self.force:
                self.keep(export, record)
                return None
            return self.to_start(export, generation=(record.get("generation") or 0) + 1, previous=record["job_id"])
        # No job recorded (or a start whose reply was never recorded): what does the service know?
        jobs = self.jobs_of(export.entity_id)
        running = next((job for job in jobs if job.get("State") == "RUNNING"), None)
        if running is not None:
            if not under(running, self.bucket, self.prefix):
                self.warnings.append("{0}: a job this task did not start exports the mailbox to {1}; it is followed instead of starting "
                                     "another".format(export.entity, running.get("S3Path") or running.get("S3BucketName")))
            return self.follow(export, self.adopt(export, running, record))
        done = next((job for job in jobs if under(job, self.bucket, self.prefix)), None)
        if done is not None and done.get("State") == "COMPLETED":
            export.before = COMPLETED
            adopted = self.adopt(export, done, record)
            if not self.force:
                self.keep(export, adopted)
                return None
            return self.to_start(export, generation=adopted["generation"] + 1, previous=adopted["job_id"])
        if record is not None:
            # The same start again, with the same token: the service answers with the job it made, if any.
            return self.to_start(export, generation=record.get("generation") or 0, previous=record.get("previous_job_id"), record=record)
        if done is not None:
            return self.to_start(export, generation=len(jobs), previous=done.get("JobId"))
        return self.to_start(export, generation=len(jobs), previous=jobs[0].get("JobId") if jobs else None)

    def adopt(self, export, job, starting=None):
        """A record of a job the service lists for the mailbox (the manifest lost it, or never had it)."""
        generation = (starting or {}).get("generation") or 0
        record = record_from_job(self.ctx.organization_id, export.entity, export.entity_id, job, generation=generation)
        export.estimated_progress = job.get("EstimatedProgress")
        if starting is not None:
            starting.update(record)
            return starting
        self.manifest.records.append(record)
        return record

    def follow(self, export, record):
        export.record = record
        export.before = export.before or RUNNING
        export.action = "follow"

    def keep(self, export, record):
        export.record = record
        export.estimated_progress = 100

    def to_start(self, export, generation, previous, record=None):
        export.action = "start"
        export.generation = generation
        export.previous = previous
        export.record = record

    def last_counted(self, export):
        """The latest job of the mailbox that the 24-hour rule counts (one that runs or completed,
        started less than 24 hours ago), from the manifest and the service's list; or None."""
        since = utcnow() - EXPORT_INTERVAL
        org = self.ctx.organization_id
        candidates = [dict(job_id=job.get("JobId"), start_time=timestamp(job.get("StartTime")), s3_path=job.get("S3Path"), state=job["State"].lower())
                      for job in self.jobs_of(export.entity_id) if job.get("State") in ("RUNNING", "COMPLETED")]
        candidates += [r for r in self.manifest.records if r.get("organization_id") == org and r.get("entity_id") == export.entity_id
                       and r.get("state") in (RUNNING, COMPLETED) and r.get("job_id")]
        recent = [c for c in candidates if (parse_time(c.get("start_time")) or since) > since]
        return max(recent, key=lambda c: c["start_time"]) if recent else None

    def too_soon(self, export, last):
        start = parse_time(last["start_time"])
        return "{0} was exported at {1} (job {2}, {3}); WorkMail exports a mailbox at most once every 24 hours, so not again before {4}".format(
            export.entity, last["start_time"], last["job_id"], last.get("s3_path") or "still running", timestamp(start + EXPORT_INTERVAL))

    # -- 3. the queue -------------------------------------------------------------------------------

    def run(self):
        """Check, plan and (unless in check mode) run the queue. Returns self; see ``result``."""
        self.check()
        self.plan()
        if self.ctx.check_mode:
            self.plan_writes()
            return self
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            self.pool = pool
            self.queue()
        return self

    def plan_writes(self):
        starting = [e for e in self.exports if e.action == "start"]
        for export in starting:
            export.record = dict(state=WOULD_START)
            self.ctx.changed("mailbox_export", export.entity, "create")
        if starting:
            self.ctx.plan_calls((START, DESCRIBE))
        if self.ctx.organization_id is not None:
            self.poll()

    def queue(self):
        deadline = monotonic() + self.wait_timeout
        pending = [e for e in self.exports if e.action == "start"]
        for export in pending:
            export.record = export.record or dict(state=PENDING)
        interval = FIRST_INTERVAL
        self.poll()
        first = True
        while True:
            started = self.start(pending)
            pending = [e for e in pending if e.state in (PENDING, STARTING)]
            changed = self.poll() or started
            if changed or first:
                self.manifest.save()
            first = False
            if not self.wait or not (pending or self.running()):
                return
            if monotonic() + interval > deadline:
                self.timed_out = True
                return
            sleep(interval)
            interval = FIRST_INTERVAL if changed else min(interval * 2, MAX_INTERVAL)

    def running(self):
        return [e for e in self.exports if e.state == RUNNING]

    def free_slots(self, pending):
        """How many jobs may start now: ``concurrency`` less the task's running jobs, and no more than
        the organization's limit leaves free besides the jobs of others (listed again when they fill it)."""
        ours = len(self.running())
        if pending and self.foreign_running and ours + self.foreign_running >= MAX_CONCURRENCY:
            known = set(e.record.get("job_id") for e in self.exports if e.record)
            self.foreign_running = sum(1 for job in self.api.list_mailbox_export_jobs(self.ctx.organization_id)
                                       if job.get("State") == "RUNNING" and job.get("JobId") not in known)
        return max(0, min(self.concurrency - ours, MAX_CONCURRENCY - self.foreign_running - ours))

    def start(self, pending):
        """Start as many pending exports as slots are free; True when one was started."""
        batch = pending[:self.free_slots(pending)]
        if not batch:
            return False
        org = self.ctx.organization_id
        for export in batch:
            if export.state != STARTING:
                export.record = dict((key, None) for key in RECORD_KEYS)
                export.record.update(organization_id=org, entity=export.entity, entity_id=export.entity_id, state=STARTING,
                                     s3_bucket=self.bucket, s3_prefix=self.prefix, generation=export.generation,
                                     previous_job_id=export.previous)
                self.manifest.records.append(export.record)
        # Recorded before the starts: a run interrupted now resends them with the same tokens.
        self.manifest.save()
        outcomes = list(self.pool.map(self.start_one, batch))
        for export, (job_id, error) in zip(batch, outcomes):
            export.started_here = True
            if job_id:
                export.record.update(job_id=job_id, state=RUNNING, error=None)
                export.estimated_progress = 0
                self.ctx.changed("mailbox_export", export.entity, "create")
            else:
                export.record.update(state=FAILED, error=error)
                self.ctx.changed("mailbox_export", export.entity, "create", error)
        return True

    def start_one(self, export):
        salt = ("generation", export.generation, export.previous or "")
        try:
            job_id = self.api.start_mailbox_export_job(
                self.ctx.organization_id, salt, EntityId=export.entity_id, RoleArn=self.params["role_arn"],
                KmsKeyArn=self.params["kms_key_arn"], S3BucketName=self.bucket, S3Prefix=self.prefix, Description=DESCRIPTION)
        except WorkMailError as e:
            return None, e.message
        return job_id, None

    def poll(self):
        """Describe every running job of the task; record what ended, and the size of each new
        export. True when a state changed."""
        following = [e for e in self.exports if e.state == RUNNING and e.record.get("job_id")]
        changed = False
        for export, job in zip(following, self._map(self.describe, following)):
            if job is None:
                export.record.update(state=FAILED, error="WorkMail no longer knows job {0}: it forgets jobs after 7 days".format(export.record["job_id"]))
                changed = True
                continue
            state = job["State"].lower()
            export.estimated_progress = job.get("EstimatedProgress")
            update = dict(state=state, s3_path=job.get("S3Path"), start_time=timestamp(job.get("StartTime")),
                          end_time=timestamp(job.get("EndTime")), error=job.get("ErrorInfo"),
                          s3_bucket=job.get("S3BucketName"), s3_prefix=job.get("S3Prefix"))
            if state == CANCELLED and not update["error"]:
                update["error"] = "the job was cancelled"
            changed = changed or state != RUNNING
            export.record.update(update)
        for export in self.exports:
            if export.state == COMPLETED and export.record.get("size") is None and export.record.get("s3_path"):
                self.measure(export)
        return changed

    def describe(self, export):
        return self.api.describe_mailbox_export_job(self.ctx.organization_id, export.record["job_id"])

    def measure(self, export):
        if self.object_size is None:
            return
        try:
            export.record["size"] = self.object_size(export.record["s3_path"])
        except WorkMailError as e:
            warning = "The size of the exports is unknown: {0}".format(e.message)
            if warning not in self.warnings:
                self.warnings.append(warning)
            self.object_size = None

    def _map(self, function, items):
        if self.pool is None or len(items) < 2:
            return [function(item) for item in items]
        return list(self.pool.map(function, items))

    # -- the result ---------------------------------------------------------------------------------

    def result(self):
        """(changed, result, diff, failure): ``failure`` is the message to fail with, or None."""
        exports = [export.result() for export in self.exports]
        summary = summarize(self.exports)
        changed = any(export.action == "start" and (self.ctx.check_mode or export.started_here) for export in self.exports)
        result = dict(exports=exports, summary=summary, msg=progress_line(summary))
        diff = dict(before=dict((e.entity, e.before or "not exported") for e in self.exports),
                    after=dict((r["entity"], r["state"]) for r in exports))
        failed = [r for r in exports if r["state"] in (FAILED, CANCELLED)]
        failure = None
        if failed:
            failure = "{0} of the {1} mailbox exports failed: {2}. {3}; a rerun starts them again.".format(
                len(failed), len(exports), "; ".join("{0}: {1}".format(r["entity"], r["error"] or r["state"]) for r in failed), result["msg"])
        elif self.timed_out:
            failure = "Timed out after {0} seconds: {1}. The jobs go on running; a rerun with the same manifest follows them.".format(
                self.wait_timeout, result["msg"])
        return changed, result, diff, failure


def summarize(exports):
    """{total, completed, running, pending, failed, cancelled, progress_percent} of Exports."""
    states = [e.result()["state"] for e in exports]
    total = len(exports)
    summary = dict(
        total=total,
        completed=states.count(COMPLETED),
        running=states.count(RUNNING),
        pending=states.count(PENDING) + states.count(WOULD_START),
        failed=states.count(FAILED),
        cancelled=states.count(CANCELLED),
    )
    summary["progress_percent"] = int(sum(e.progress() for e in exports) / total) if total else 100
    return summary


def progress_line(summary):
    """"N of M done, X%"."""
    return "{0} of {1} done, {2}%".format(summary["completed"], summary["total"], summary["progress_percent"])


def export_mailboxes(ctx, params, object_size=None, region=None):
    """The mailbox_export module's task: see ``MailboxExport``."""
    return MailboxExport(ctx, params, object_size, region).run().result()


# -- the size of an export --------------------------------------------------------------------------

def s3_object_size(client_factory):
    """A function of an S3Path (BUCKET/KEY) that returns the object's size in bytes (HeadObject,
    which needs s3:GetObject); ``client_factory()`` makes the S3 client, once, when first needed."""
    clients = []

    def size(s3_path):
        import botocore.exceptions  # pylint: disable=import-outside-toplevel

        bucket, _slash, key = s3_path.partition("/")
        if not clients:
            clients.append(client_factory())
        try:
            return clients[0].head_object(Bucket=bucket, Key=key)["ContentLength"]
        except (botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError) as e:
            raise WorkMailError("HeadObject of s3://{0} failed (the task needs s3:GetObject on the exports to read their size): {1}".format(s3_path, e))

    return size


# -- mailbox_export_info ------------------------------------------------------------------------------

def gather(ctx, job_id=None, manifest=None):
    """The mailbox_export_info task: (exports, summary). One job by ``job_id``, or every job the
    service lists (the last 7 days), merged with the records of ``manifest`` (a path) when given:
    the service's state wins, the manifest adds the jobs it forgot and the sizes."""
    if job_id is not None:
        validation.check("job_id", job_id, DESCRIBE, "JobId")
    records = Manifest(manifest).load().records if manifest else []
    org = ctx.organization_id
    if org is None:
        ctx.plan_calls((DESCRIBE,) if job_id else (LIST, "DescribeUser", "DescribeResource"))
        return [], summarize([])
    records = [r for r in records if r.get("organization_id") == org and r.get("job_id")]
    if job_id is not None:
        job = ctx.api.describe_mailbox_export_job(org, job_id)
        jobs = [dict(job, JobId=job_id)] if job else []
        records = [r for r in records if r["job_id"] == job_id]
    else:
        jobs = ctx.api.list_mailbox_export_jobs(org)
    by_id = dict((r["job_id"], r) for r in records)
    names = dict((r["entity_id"], r["entity"]) for r in records)
    entries = []
    for job in jobs:
        known = by_id.pop(job["JobId"], {})
        entity = known.get("entity") or names.get(job.get("EntityId")) or entity_name(ctx, job.get("EntityId"), names)
        record = record_from_job(org, entity, job.get("EntityId"), job)
        for key in ("size", "s3_prefix", "error"):
            record[key] = record.get(key) or known.get(key)
        entries.append((record, job.get("EstimatedProgress")))
    entries += [(r, 100 if r["state"] == COMPLETED else None) for r in records if r["job_id"] in by_id]
    exports = []
    for record, progress in entries:
        export = Export(record["entity"], record["entity_id"])
        export.record = record
        export.estimated_progress = progress
        exports.append(export)
    latest = {}
    for export in sorted(exports, key=lambda e: e.record.get("start_time") or ""):
        latest[export.entity_id] = export
    result = []
    for export in exports:
        entry = export.result()
        entry.update(s3_bucket=export.record.get("s3_bucket"), s3_prefix=export.record.get("s3_prefix"))
        result.append(entry)
    return result, summarize(list(latest.values()))


def entity_name(ctx, entity_id, names):
    """The name of the user or resource ``entity_id`` (its ID when it is gone), read once.
    A resource's ID is ``r-`` and 32 hexadecimal digits (ResourceId's pattern); a user's is not."""
    if entity_id and entity_id not in names:
        if entity_id.startswith("r-"):
            entity = ctx.api.describe_resource(ctx.organization_id, entity_id)
        else:
            entity = ctx.api.describe_user(ctx.organization_id, entity_id)
        names[entity_id] = entity["Name"] if entity else entity_id
    return names.get(entity_id)
