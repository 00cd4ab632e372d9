#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: mailbox_export_info
short_description: List Amazon WorkMail mailbox export jobs
version_added: 0.2.0
description:
  - Returns one mailbox export job by O(job_id), or every job WorkMail still lists (those started in the last 7
    days), in the shape M(mailops.workmail.mailbox_export) returns, with RV(summary) and a RV(msg) line of progress.
  - "With O(manifest), the jobs that M(mailops.workmail.mailbox_export) recorded there are merged in: WorkMail's state
    of a job wins, the manifest adds the jobs WorkMail has forgotten, the mailboxes' names and the exports' sizes. The
    manifest is only read."
  - Starts, changes and writes nothing.
author:
  - mailops.workmail maintainers (@mailops)
options:
  job_id:
    description:
      - Return only this job (an unknown one gives an empty list).
    type: str
  manifest:
    description:
      - Path of a manifest that M(mailops.workmail.mailbox_export) wrote, on the host the task runs on.
    type: path
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:ListMailboxExportJobs) (or C(workmail:DescribeMailboxExportJob) with O(job_id)), and
    C(workmail:DescribeUser) and C(workmail:DescribeResource) for the names of mailboxes the manifest does not hold."
seealso:
  - module: mailops.workmail.mailbox_export
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Where do the exports of the manifest stand?
  mailops.workmail.mailbox_export_info:
    organization: example-corp
    manifest: exports/example-corp.json
  register: exports

- name: Wait until no export runs, showing progress
  mailops.workmail.mailbox_export_info:
    organization: example-corp
    manifest: exports/example-corp.json
  register: exports
  until: exports.summary.running == 0
  retries: 120
  delay: 60

- name: List the mailboxes that were not exported
  ansible.builtin.debug:
    msg: "{{ exports.exports | rejectattr('state', 'equalto', 'completed') | map(attribute='entity') | list }}"

- name: One job
  mailops.workmail.mailbox_export_info:
    organization: example-corp
    job_id: 9e3a0c4f-5b6d-4e7f-8a9b-0c1d2e3f4a5b
  register: job
"""

RETURN = r"""
exports:
  description:
    - The jobs, one entry each, oldest first (then the manifest's jobs that WorkMail no longer lists).
  returned: always
  type: list
  elements: dict
  contains:
    entity:
      description:
        - The mailbox, as the manifest names it, else the name of its user or resource (its ID once that is deleted).
      type: str
      sample: jdoe
    entity_id:
      description: The ID of the user or resource.
      type: str
      sample: 4f1c5b5e-0b5e-4b8e-9a43-1a2b3c4d5e6f
    job_id:
      description: The job's ID.
      type: str
      sample: 9e3a0c4f-5b6d-4e7f-8a9b-0c1d2e3f4a5b
    state:
      description: V(running), V(completed), V(failed) or V(cancelled).
      type: str
      sample: completed
    s3_bucket:
      description: The bucket the export is written to.
      type: str
      sample: example-corp-mail-exports
    s3_prefix:
      description: The key prefix (known for a job read by O(job_id) or recorded in the manifest).
      type: str
      sample: workmail/2026
    s3_path:
      description: Where the export is written, C(BUCKET/KEY).
      type: str
      sample: example-corp-mail-exports/workmail/2026/9e3a0c4f-5b6d-4e7f-8a9b-0c1d2e3f4a5b.zip
    estimated_progress:
      description: How far the job is, in percent; null for a job only the manifest knows that did not complete.
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
      description: Why the job failed (known for a job read by O(job_id) or recorded in the manifest).
      type: str
    size:
      description: The size of the export object in bytes, as the manifest records it; null otherwise.
      type: int
      sample: 1048576
summary:
  description: How far the exports are, counting each mailbox's latest job once.
  returned: always
  type: dict
  contains:
    total:
      description: The mailboxes.
      type: int
      sample: 10
    completed:
      description: Mailboxes whose latest export completed.
      type: int
      sample: 3
    running:
      description: Mailboxes whose latest job runs.
      type: int
      sample: 5
    pending:
      description: Always 0 here (jobs not started are not listed).
      type: int
      sample: 0
    failed:
      description: Mailboxes whose latest export failed.
      type: int
      sample: 0
    cancelled:
      description: Mailboxes whose latest job was cancelled.
      type: int
      sample: 0
    progress_percent:
      description: The mean progress of the mailboxes' latest jobs, 0 to 100.
      type: int
      sample: 47
msg:
  description: The progress in one line, C(N of M done, X%).
  returned: always
  type: str
  sample: 3 of 10 done, 47%
"""

from ansible_collections.mailops.workmail.plugins.module_utils.exports import gather
from ansible_collections.mailops.workmail.plugins.module_utils.exports import progress_line
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    job_id=dict(type="str"),
    manifest=dict(type="path"),
)


def listing(ctx, params):
    exports, summary = gather(ctx, params["job_id"], params["manifest"])
    return False, dict(exports=exports, summary=summary, msg=progress_line(summary)), None, None


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.action(lambda ctx: listing(ctx, module.params))


if __name__ == "__main__":
    main()
