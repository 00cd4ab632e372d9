"""Mailbox export jobs: start, describe, list, cancel, and the settling of jobs whose time has come.

A job runs ``export_job_duration`` seconds of emulator time (captured at
start); meanwhile EstimatedProgress grows linearly, at most 99. Nothing runs
in the background: :func:`settle` ends the jobs whose duration has passed,
writing their ZIP object to moto's S3 (or failing them), and forgets the jobs
started more than 7 days ago. The backend calls it before every WorkMail call
it answers, and :func:`workmail_emulator.advance_clock` after moving the clock.
"""

import datetime
import io
import uuid
import zipfile

from .. import config
from ..errors import EntityNotFoundException, EntityStateException, InvalidParameterException, LimitExceededException
from ..export_target import Target, TargetError, object_key
from ..mailboxes import EXPORTED_TYPES
from ..records import CANCELLED, COMPLETED, DELETED, ENABLED, FAILED, RESOURCE, RUNNING, USER, ExportJob
from ..registry import operation
from .entities import require

# Whose mailboxes can be exported: users and resources ("the user or resource associated with the mailbox").
MAILBOX_KINDS = (USER, RESOURCE)
# Documented in the administrator guide ("Exporting mailbox content").
MAX_RUNNING_JOBS = 10
EXPORT_INTERVAL = 24 * 3600
# ListMailboxExportJobs lists the jobs started within the last seven days (API reference).
JOB_RETENTION = 7 * 24 * 3600
# From this EstimatedProgress on, a job is "near completion": CancelMailboxExportJob no longer stops it.
CANCEL_CUTOFF = 90


def _mailbox_owner(req):
    """Return the enabled user or resource whose mailbox ``EntityId`` names; a deleted one is not found, a disabled one has no
    mailbox to export."""
    owner = require(req, "EntityId", MAILBOX_KINDS)
    label = owner.kind.title()
    if owner.state == DELETED:
        raise EntityNotFoundException(f"{label} {owner.id} is deleted and has no mailbox")
    if owner.state != ENABLED:
        raise EntityStateException(f"{label} {owner.id} is {owner.state}: its mailbox is not associated with WorkMail and cannot be "
                                   "exported; register it to WorkMail again first")
    return owner


def _target(backend, org, job):
    return Target(backend.account_id, backend.region_name, org.arn, job.role_arn, job.kms_key_arn, job.bucket, job.key)


def _job(req):
    """Return the job ``JobId`` names (started within the last 7 days), or raise EntityNotFoundException."""
    job = req.org.export_jobs.get(req["JobId"])
    if job is None or job.start <= req.now - JOB_RETENTION:
        raise EntityNotFoundException(f"Mailbox export job {req['JobId']} does not exist in organization {req.org.id}")
    return job


@operation("StartMailboxExportJob")
def start_mailbox_export_job(req):
    """Start exporting the mailbox of a user or resource: the role must be assumable, at most 10 jobs run at once, one export a
    day per mailbox.

    The job checks the bucket, the key and the role's permissions as it starts:
    when one fails, the call still returns the job, which is FAILED with ErrorInfo.
    """
    org, now = req.org, req.now
    owner = _mailbox_owner(req)
    job_id = str(uuid.uuid4())
    job = ExportJob(id=job_id, entity_id=owner.id, description=req.get("Description"), role_arn=req["RoleArn"],
                    kms_key_arn=req["KmsKeyArn"], bucket=req["S3BucketName"], prefix=req["S3Prefix"],
                    key=object_key(req["S3Prefix"], job_id), start=now, duration=config.get("export_job_duration"))
    target = _target(req.backend, org, job)
    try:
        target.check_request()
    except TargetError as failure:
        raise InvalidParameterException(str(failure)) from None
    jobs = org.export_jobs.values()
    if any(other.entity_id == owner.id and other.state in (RUNNING, COMPLETED) and other.start > now - EXPORT_INTERVAL for other in jobs):
        raise LimitExceededException(f"The mailbox of {owner.id} was already exported (or is being exported) in the last 24 hours")
    if sum(1 for other in jobs if other.state == RUNNING) >= MAX_RUNNING_JOBS:
        raise LimitExceededException(f"Organization {org.id} already runs {MAX_RUNNING_JOBS} mailbox export jobs")
    org.export_jobs[job_id] = job
    try:
        target.check_job()
    except TargetError as failure:
        job.finish(FAILED, now, str(failure))
    return {"JobId": job_id}


@operation("DescribeMailboxExportJob")
def describe_mailbox_export_job(req):
    """Describe a job started within the last 7 days."""
    return _job(req).describe(req.now)


@operation("ListMailboxExportJobs")
def list_mailbox_export_jobs(req):
    """List the jobs started within the last 7 days, oldest first."""
    now = req.now
    recent = (job for job in req.org.export_jobs.values() if job.start > now - JOB_RETENTION)
    return req.paginate("Jobs", recent, lambda job: job.summary(now))


@operation("CancelMailboxExportJob")
def cancel_mailbox_export_job(req):
    """Cancel a running job; a job that ended, or is near completion (90%), is left as it is."""
    job = _job(req)
    if job.state == RUNNING and job.progress_at(req.now) < CANCEL_CUTOFF:
        job.finish(CANCELLED, req.now)
    return {}


# Settling ------------------------------------------------------------------------------------------

def export_zip(mailbox, written):
    """Return the ZIP of a mailbox's email messages and calendar items: ``<folder>/<n>.eml``, n counting from 1."""
    buffer = io.BytesIO()
    stamp = datetime.datetime.fromtimestamp(max(written, 315532800), datetime.timezone.utc).timetuple()[:6]
    items = [item for item in (mailbox.items if mailbox else ()) if item.kind in EXPORTED_TYPES]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, item in enumerate(items, start=1):
            archive.writestr(zipfile.ZipInfo(f"{item.folder}/{number:06}.eml", stamp), item.mime, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _complete(backend, org, job):
    """End a job whose duration has passed: write its object, or fail it."""
    ended = job.start + job.duration
    owner = org.entities.get(job.entity_id)
    if owner is None or owner.state != ENABLED:
        state = "deleted" if owner is None or owner.state == DELETED else owner.state
        kind = "owner" if owner is None else owner.kind.lower()
        job.finish(FAILED, ended, f"The mailbox of {job.entity_id} is no longer available: the {kind} is {state}")
        return
    try:
        _target(backend, org, job).write(export_zip(org.mailboxes.get(job.entity_id), ended))
    except TargetError as failure:
        job.finish(FAILED, ended, str(failure))
        return
    job.finish(COMPLETED, ended)


def settle(backend, now):
    """End every RUNNING job of the backend whose duration has passed at ``now``; forget jobs started over 7 days ago."""
    for org in backend.organizations.values():
        jobs = org.export_jobs
        if not jobs:
            continue
        for job in sorted((job for job in jobs.values() if job.due(now)), key=lambda job: job.start + job.duration):
            _complete(backend, org, job)
        expired = [job_id for job_id, job in jobs.items() if job.start <= now - JOB_RETENTION]
        for job_id in expired:
            del jobs[job_id]
