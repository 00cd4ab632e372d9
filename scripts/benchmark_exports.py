# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark (not a test): exporting every mailbox of an organization with mailops.workmail.mailbox_export.

Starts the WorkMail emulator on a free loopback port with export jobs of --duration seconds (default
1), creates --mailboxes enabled users (default 100) with --messages generated messages each (default
50), a bucket, a KMS key and an export role in the emulator's S3, KMS and IAM, then runs one
ansible-playbook task: mailops.workmail.mailbox_export of every mailbox, waiting, with a manifest.

It prints the wall time of that task, the WorkMail calls it made by operation, and the peak number of
jobs running at once, worked out from the start and end times of every job WorkMail lists (the
module must never run more than 10, WorkMail's limit). Then it checks every export: one ZIP per
mailbox holding one .eml per message, the manifest recording each job completed with its size, and
a second run starting nothing. It exits 1 when a check fails.

Usage (from the repository root, after `make collection`, which builds .build/):

    .venv/bin/python scripts/benchmark_exports.py [--mailboxes 100] [--messages 50] [--duration 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import collections
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

import boto3

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchmark_onboarding as base  # noqa: E402  pylint: disable=wrong-import-position

ORGANIZATION = "bench-exports"
BUCKET = "bench-exports"
PREFIX = "mailboxes"
LIMIT = 10

PLAYBOOK = """\
- name: Export every mailbox
  hosts: localhost
  gather_facts: false
  module_defaults:
    group/mailops.workmail.workmail: "{{ connection }}"
  tasks:
    - name: Export
      mailops.workmail.mailbox_export:
        organization: %(organization)s
        s3_bucket: %(bucket)s
        s3_prefix: %(prefix)s
        role_arn: "{{ role_arn }}"
        kms_key_arn: "{{ kms_key_arn }}"
        manifest: "{{ playbook_dir }}/manifest.json"
      register: exported
""" % dict(organization=ORGANIZATION, bucket=BUCKET, prefix=PREFIX)


def post(url: str, path: str, body) -> dict:
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def aws(url: str, service: str):
    return boto3.client(service, region_name="us-east-1", endpoint_url=url, aws_access_key_id="bench", aws_secret_access_key="bench")


def prepare(url: str, mailboxes: int, messages: int, duration: float) -> tuple[str, dict]:
    """The organization, its users and their content, the bucket, key and role; returns the organization ID and the export options."""
    post(url, "/_emulator/config", {"export_job_duration": duration, "org_ready_delay": 0})
    workmail = aws(url, "workmail")
    org_id = workmail.create_organization(Alias=ORGANIZATION)["OrganizationId"]
    for number in range(mailboxes):
        name = "user%03d" % number
        user_id = workmail.create_user(OrganizationId=org_id, Name=name, DisplayName=name)["UserId"]
        workmail.register_to_work_mail(OrganizationId=org_id, EntityId=user_id, Email="%s@%s.awsapps.com" % (name, ORGANIZATION))
        post(url, "/_emulator/mailboxes", {"organization_id": org_id, "entity": name, "generate": messages})
    aws(url, "s3").create_bucket(Bucket=BUCKET)
    key_arn = aws(url, "kms").create_key(Description="bench exports")["KeyMetadata"]["Arn"]
    iam = aws(url, "iam")
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "export.workmail.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    role_arn = iam.create_role(RoleName="bench-export", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    policy = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetBucketPolicyStatus"],
         "Resource": ["arn:aws:s3:::%s" % BUCKET, "arn:aws:s3:::%s/*" % BUCKET]},
        {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": key_arn}]}
    iam.put_role_policy(RoleName="bench-export", PolicyName="export", PolicyDocument=json.dumps(policy))
    return org_id, {"role_arn": role_arn, "kms_key_arn": key_arn}


def peak_running(jobs: list[dict]) -> int:
    """The most jobs running at one moment, from their start and end times."""
    events = sorted([(job["StartTime"], 1) for job in jobs] + [(job["EndTime"], -1) for job in jobs], key=lambda e: (e[0], e[1]))
    running = peak = 0
    for _when, step in events:
        running += step
        peak = max(peak, running)
    return peak


def all_jobs(workmail, org_id: str) -> list[dict]:
    jobs, token = [], None
    while True:
        page = workmail.list_mailbox_export_jobs(OrganizationId=org_id, MaxResults=100, **({"NextToken": token} if token else {}))
        jobs += page["Jobs"]
        token = page.get("NextToken")
        if not token:
            return jobs


def check(url: str, org_id: str, workdir: str, mailboxes: int, messages: int) -> list[str]:
    """What is wrong with the exports (nothing: an empty list)."""
    problems = []
    workmail, s3 = aws(url, "workmail"), aws(url, "s3")
    jobs = [workmail.describe_mailbox_export_job(OrganizationId=org_id, JobId=job["JobId"]) for job in all_jobs(workmail, org_id)]
    if len(jobs) != mailboxes or any(job["State"] != "COMPLETED" for job in jobs):
        problems.append("expected %d COMPLETED jobs, got %s" % (mailboxes, collections.Counter(job["State"] for job in jobs)))
    for job in jobs:
        bucket, _slash, key = job["S3Path"].partition("/")
        body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            names = [name for name in archive.namelist() if name.endswith(".eml")]
        if len(names) != messages:
            problems.append("%s holds %d messages, not %d" % (job["S3Path"], len(names), messages))
    with open(os.path.join(workdir, "manifest.json"), encoding="utf-8") as handle:
        records = json.load(handle)["exports"]
    if len(records) != mailboxes or any(r["state"] != "completed" or not r["size"] for r in records):
        problems.append("the manifest does not record %d completed exports with their sizes" % mailboxes)
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--mailboxes", type=int, default=100)
    parser.add_argument("--messages", type=int, default=50)
    parser.add_argument("--duration", type=float, default=1.0, help="seconds an export job runs in the emulator (default 1)")
    parser.add_argument("--keep", metavar="DIR", help="keep the playbook, manifest and logs in DIR")
    parser.add_argument("--collections-path", default=os.path.join(base.ROOT, ".build"),
                        help="where ansible_collections/mailops/workmail is (default: .build, made by `make collection`)")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.collections_path, "ansible_collections", "mailops", "workmail")):
        sys.exit("no collection tree in %s: run `make collection` first" % args.collections_path)
    os.environ["ANSIBLE_COLLECTIONS_PATH"] = os.path.abspath(args.collections_path)
    workdir = args.keep or tempfile.mkdtemp(prefix="workmail-benchmark-")
    os.makedirs(workdir, exist_ok=True)
    with open(os.path.join(workdir, "export.yml"), "w", encoding="utf-8") as handle:
        handle.write(PLAYBOOK)
    process, url = base.start_emulator(os.path.join(workdir, "emulator.log"))
    try:
        started = time.monotonic()
        org_id, options = prepare(url, args.mailboxes, args.messages, args.duration)
        print("content: %d mailboxes of %d messages in %.1f s" % (args.mailboxes, args.messages, time.monotonic() - started))
        base.calls(url)
        wall, _report = base.run_playbook(workdir, "export.yml", url, sys.executable, ["-e", json.dumps(options)])
        made = collections.Counter(call["operation"] for call in base.calls(url))
        peak = peak_running(all_jobs(aws(url, "workmail"), org_id))
        print("export: %d mailboxes in %.1f s of wall time (the floor is %d waves of %d jobs x %.1f s)" % (
            args.mailboxes, wall, -(-args.mailboxes // LIMIT), LIMIT, args.duration))
        print("WorkMail calls: %d (%s)" % (sum(made.values()), ", ".join("%s %d" % item for item in sorted(made.items()))))
        print("peak jobs running at once: %d (limit %d)" % (peak, LIMIT))
        problems = check(url, org_id, workdir, args.mailboxes, args.messages)
        base.calls(url)
        rerun, _report = base.run_playbook(workdir, "export.yml", url, sys.executable, ["-e", json.dumps(options)])
        starts = sum(1 for call in base.calls(url) if call["operation"] == "StartMailboxExportJob")
        print("second run: %.1f s, %d StartMailboxExportJob" % (rerun, starts))
        if starts:
            problems.append("the second run started %d jobs" % starts)
        if peak > LIMIT:
            problems.append("%d jobs ran at once, more than %d" % (peak, LIMIT))
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    for problem in problems:
        print("FAILED: " + problem)
    if not problems:
        print("checks: every mailbox exported once, %d .eml each, recorded in the manifest; nothing started twice" % args.messages)
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
