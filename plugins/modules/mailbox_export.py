#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: mailbox_export
short_description: Export Amazon WorkMail mailboxes to S3, remembering every export in a manifest
version_added: 0.2.0
description:
  - Exports the email messages and calendar items of WorkMail mailboxes to an S3 bucket, one ZIP of MIME files
    per mailbox (C(StartMailboxExportJob)), encrypted with a KMS key. Contacts and tasks are not exported by
    WorkMail.
  - "A queue keeps at most O(concurrency) jobs of the task running at once (WorkMail runs at most 10 per
    organization, and the queue also leaves room for jobs that others run): it starts jobs as others end, and with
    O(wait=true) follows them until every one has ended."
  - "O(manifest) is a JSON file that records every job: the mailbox, the job ID, its state, where the export is
    (RV(exports[].s3_path)), its times and, once it completed, its size. It is rewritten atomically (a temporary file
    renamed over it) after every change of state, so an interrupted run loses nothing: the next run with the same
    manifest follows the jobs that run instead of starting new ones. Keep it: WorkMail forgets jobs after 7 days."
  - "Idempotent: a mailbox whose job runs is followed, one already exported to O(s3_bucket) under O(s3_prefix) is
    kept as it is (unless O(force=true)), whether the manifest records the job or WorkMail still lists it; a failed
    or cancelled export is started again. A second run after a complete one starts nothing and reports
    C(changed=false)."
  - Each start sends a ClientToken derived from the request (organization, mailbox, bucket, prefix, role, key) and
    the mailbox's export generation, so a start retried after a lost reply, or sent again by a run that resumes an
    interrupted one, gets the same job back instead of a second one. O(force=true) moves to the next generation.
  - "Everything is checked before the first job starts, and a bad value fails naming the option: the bucket name,
    prefix and ARNs; that every mailbox of O(entities) exists and is enabled; the manifest file; and that no mailbox to
    export again was exported in the last 24 hours (WorkMail exports a mailbox at most once a day)."
  - "Progress: with O(wait=false) the task starts what the queue lets it and returns at once; the same task run
    again (with C(until) and C(retries), see the examples) follows the jobs, starts the next ones and returns
    RV(summary) and a RV(msg) line such as C(3 of 10 done, 47%). M(mailops.workmail.mailbox_export_info) reads
    the same without starting anything."
  - When an export fails, the task fails naming each failed mailbox and why, and still returns every outcome in
    RV(exports).
  - Check mode starts nothing and writes no manifest; it lists what the run would export (state V(would_start)) and
    reads the state of the jobs that run.
author:
  - mailops.workmail maintainers (@mailops)
options:
  entities:
    description:
      - The mailboxes to export, each a user or a resource (a room or a piece of equipment) by name, email address
        or ID.
      - Left out, every enabled user and every enabled resource of the organization is exported (system users are
        not).
      - A mailbox named twice is exported once. A mailbox that does not exist, or whose user or resource is disabled
        (a disabled user or resource has no mailbox WorkMail can export), fails the task before any export starts,
        unless the manifest holds its completed export already.
    type: list
    elements: str
  s3_bucket:
    description:
      - The S3 bucket the exports are written to, in the organization's Region. It must not allow public access.
    type: str
    required: true
  s3_prefix:
    description:
      - The key prefix of the exports in O(s3_bucket); each export is one object under it, its key chosen by
        WorkMail (RV(exports[].s3_path) gives it).
    type: str
    required: true
  role_arn:
    description:
      - The IAM role WorkMail assumes to write the exports. Its trust policy lets C(export.workmail.amazonaws.com)
        call C(sts:AssumeRole); it may call C(s3:PutObject), C(s3:AbortMultipartUpload) and
        C(s3:GetBucketPolicyStatus) on the bucket and its objects, C(kms:GenerateDataKey) and C(kms:Decrypt) on the
        key (the administrator guide's "Exporting mailbox content" has the policies).
    type: str
    required: true
  kms_key_arn:
    description:
      - The symmetric KMS key (or alias) ARN that encrypts the exports, in the organization's Region.
    type: str
    required: true
  manifest:
    description:
      - Path of the JSON file that records every export job, on the host the task runs on (the controller when, as
        usual, it runs on C(localhost)). Read at the start of every run, written after every change of state;
        created when missing, in a directory that must exist.
      - Left out, the task relies on what WorkMail still lists (jobs of the last 7 days) to follow running jobs and
        keep completed exports.
      - Several tasks, organizations and destinations may share one manifest; a mailbox's latest record tells where
        its export stands.
    type: path
  concurrency:
    description:
      - How many jobs of the task run at once, from 1 to 10 (WorkMail's limit per organization).
    type: int
    default: 10
  wait:
    description:
      - Wait until every export has ended (completed, failed or cancelled).
      - V(false) starts the jobs the queue lets start and returns; run the task again to follow them and start
        the next ones.
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds to wait with O(wait=true). When they pass, the task fails saying how far the exports got;
        the jobs go on running and the next run with the same manifest follows them.
    type: int
    default: 3600
  force:
    description:
      - Export again a mailbox whose completed export the manifest holds (or WorkMail lists), into a new object.
      - WorkMail exports a mailbox at most once every 24 hours; a mailbox exported more recently fails the task,
        naming this option, before any export starts.
    type: bool
    default: false
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:ListMailboxExportJobs),
    C(workmail:DescribeMailboxExportJob), C(workmail:StartMailboxExportJob), and to find the mailboxes
    C(workmail:DescribeUser), C(workmail:DescribeResource) and C(workmail:DescribeEntity) (mailboxes given by email),
    or C(workmail:ListUsers) and C(workmail:ListResources) (O(entities) left out). C(s3:GetObject) on the exports
    (O(s3_bucket)/O(s3_prefix)/*) to read each export's size with C(HeadObject); without it the size stays unknown and
    the task warns."
  - The module calls no other S3 or KMS operation and does not create the bucket, key or role; WorkMail checks them
    with the role's permissions when a job starts. A job whose checks fail ends as failed, with the reason in
    RV(exports[].error).
  - Jobs are never cancelled by the module. The content is read while the job runs, so an export is not a snapshot
    of one moment.
attributes:
  check_mode:
    description: Can run in check mode, listing what it would export without starting any job or writing the manifest.
    support: full
  diff_mode:
    description: Returns the state of each mailbox's export before and after the run when run with C(--diff).
    support: full
  action_group:
    description: Use C(group/mailops.workmail.workmail) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - mailops.workmail.workmail
seealso:
  - module: mailops.workmail.mailbox_export_info
  - name: Exporting mailbox content
    description: The WorkMail administrator guide on exports, the bucket, the key and the role.
    link: https://docs.aws.amazon.com/workmail/latest/adminguide/mail-export.html
  - name: WorkMail API reference for StartMailboxExportJob
    description: The API call behind an export.
    link: https://docs.aws.amazon.com/workmail/latest/APIReference/API_StartMailboxExportJob.html
extends_documentation_fragment:
  - mailops.workmail.workmail
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Export Jane's and Tom's mailboxes, and wait for them
  mailops.workmail.mailbox_export:
    organization: example-corp
    entities:
      - jdoe
      - tom.kowalski@example.com
    s3_bucket: example-corp-mail-exports
    s3_prefix: workmail/2026
    role_arn: arn:aws:iam::111122223333:role/workmail-export
    kms_key_arn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
    manifest: exports/example-corp.json

# Every mailbox of the organization, with progress: the first task starts up to 10 jobs and returns;
# the second runs the same export every minute, starting the next jobs as others end, until none is
# left. Each retry's result holds summary and msg ("37 of 120 done, 41%"); an interrupted playbook,
# run again, picks up the jobs from the manifest.
- name: Start exporting every mailbox
  mailops.workmail.mailbox_export: &export_all
    organization: example-corp
    s3_bucket: example-corp-mail-exports
    s3_prefix: workmail/2026
    role_arn: arn:aws:iam::111122223333:role/workmail-export
    kms_key_arn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
    manifest: exports/example-corp.json
    wait: false

- name: Follow the exports until every one has ended
  mailops.workmail.mailbox_export: *export_all
  register: exports
  until: exports.summary.running + exports.summary.pending == 0 or exports is failed
  retries: 600
  delay: 60

- name: Show where the exports stand
  ansible.builtin.debug:
    msg: "{{ exports.msg }}"

- name: Export Jane's mailbox again, into a new object (at most once every 24 hours)
  mailops.workmail.mailbox_export:
    organization: example-corp
    entities: [jdoe]
    s3_bucket: example-corp-mail-exports
    s3_prefix: workmail/2026
    role_arn: arn:aws:iam::111122223333:role/workmail-export
    kms_key_arn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
    manifest: exports/example-corp.json
    force: true
"""

RETURN = r"""
exports:
  description:
    - One entry per mailbox, in the order of O(entities) (by name when it is left out).
  returned: always
  type: list
  elements: dict
  contains:
    entity:
      description: The mailbox as O(entities) gives it (the name of its user or resource when O(entities) is left out).
      type: str
      sample: jdoe
    entity_id:
      description: The ID of the user or resource; null in check mode for a mailbox of an organization an earlier task creates.
      type: str
      sample: 4f1c5b5e-0b5e-4b8e-9a43-1a2b3c4d5e6f
    job_id:
      description: The export job's ID; null while the export has not started.
      type: str
      sample: 9e3a0c4f-5b6d-4e7f-8a9b-0c1d2e3f4a5b
    state:
      description:
        - V(completed), V(running), V(failed) or V(cancelled), as WorkMail reports the job;
        - V(pending) when the export waits for a free slot of the queue (with O(wait=false) the next run starts it);
        - V(would_start) in check mode, for an export the run would start.
      type: str
      sample: completed
    s3_path:
      description: Where the export is written, C(BUCKET/KEY); null until the job has started.
      type: str
      sample: example-corp-mail-exports/workmail/2026/9e3a0c4f-5b6d-4e7f-8a9b-0c1d2e3f4a5b.zip
    estimated_progress:
      description: How far the job is, in percent (100 once completed, 0 before it starts).
      type: int
      sample: 100
    start_time:
      description: When the job started (ISO 8601, UTC).
      type: str
      sample: "2026-03-02T09:30:00+00:00"
    end_time:
      description: When the job ended (ISO 8601, UTC); null while it runs.
      type: str
      sample: "2026-03-02T09:41:12+00:00"
    error:
      description: Why the export failed (WorkMail's reason, or the error of the start); null otherwise.
      type: str
    size:
      description: The size of the export object in bytes, once the job completed and the object could be read
        (C(s3:GetObject)); null otherwise.
      type: int
      sample: 1048576
summary:
  description: How far the exports of the task are.
  returned: always
  type: dict
  contains:
    total:
      description: The mailboxes of the task.
      type: int
      sample: 10
    completed:
      description: Mailboxes whose export completed.
      type: int
      sample: 3
    running:
      description: Mailboxes whose job runs.
      type: int
      sample: 5
    pending:
      description: Mailboxes to export whose job has not started (V(pending) and V(would_start)).
      type: int
      sample: 2
    failed:
      description: Mailboxes whose export failed.
      type: int
      sample: 0
    cancelled:
      description: Mailboxes whose job was cancelled.
      type: int
      sample: 0
    progress_percent:
      description: The mean progress of the mailboxes' exports, 0 to 100 (a completed export counts 100, a pending
        or failed one 0).
      type: int
      sample: 47
msg:
  description: The progress in one line, C(N of M done, X%) (when the task fails, the failure instead).
  returned: always
  type: str
  sample: 3 of 10 done, 47%
"""

from ansible_collections.mailops.workmail.plugins.module_utils.exports import MAX_CONCURRENCY
from ansible_collections.mailops.workmail.plugins.module_utils.exports import export_mailboxes
from ansible_collections.mailops.workmail.plugins.module_utils.exports import s3_object_size
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    entities=dict(type="list", elements="str"),
    s3_bucket=dict(type="str", required=True),
    s3_prefix=dict(type="str", required=True),
    role_arn=dict(type="str", required=True),
    kms_key_arn=dict(type="str", required=True, no_log=False),
    manifest=dict(type="path"),
    concurrency=dict(type="int", default=MAX_CONCURRENCY),
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=3600),
    force=dict(type="bool", default=False),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.parallel(module.params["concurrency"])
    object_size = s3_object_size(lambda: module.module.client("s3"))
    module.action(lambda ctx: export_mailboxes(ctx, module.params, object_size, module.api.client.meta.region_name))


if __name__ == "__main__":
    main()
