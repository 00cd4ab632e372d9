"""Benchmark of mailbox exports on the WorkMail emulator server (not a test).

Starts ``workmail-emulator`` on a free loopback port with a job duration of
``--duration`` seconds (default 1), then over HTTP with boto3 on one thread:

1. creates ``--mailboxes`` enabled users (default 100) and gives each
   ``--messages`` generated messages (default 50) through ``/_emulator/mailboxes``;
2. exports every mailbox to one bucket as greedily as the service lets it:
   each round starts jobs until StartMailboxExportJob answers
   LimitExceededException, then lists the jobs (ListMailboxExportJobs, every
   page) and counts those RUNNING, and sleeps ``--poll`` seconds;
3. checks the result: every job COMPLETED, one ZIP per mailbox in the bucket,
   each holding one .eml per message.

It prints the wall time of each phase, the calls made, the largest number of
jobs seen RUNNING at once (the service allows at most 10 per organization) and
the server's peak memory; it exits 1 when a check fails.

Run from the collection root: ``.venv/bin/python tests/emulator/bench/bench_exports.py``
"""

import argparse
import io
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import boto3
from botocore.config import Config

SERVER = Path(sys.executable).with_name("workmail-emulator")
LIMIT = 10
MAX_ROUNDS = 100_000


def start_server(duration):
    """Start the emulator with zero organization and domain delays; return the process and its URL."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith("AWS_")}
    process = subprocess.Popen([str(SERVER), "--port", "0", "--org-ready-delay", "0", "--domain-verification-delay", "0",
                                "--export-job-duration", str(duration)], stdout=subprocess.PIPE, text=True, env=environment)
    banner = process.stdout.readline().strip()
    if "listening on" not in banner:
        process.kill()
        raise SystemExit(f"the emulator did not start: {banner!r}")
    return process, banner.rsplit(" ", 1)[1]


def peak_memory_mb(pid):
    """Return the peak resident memory (VmHWM) of a process in MB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"VmHWM is not reported for process {pid}")


def post(url, path, body):
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def export_target(client):
    """Create the bucket, key and role an export needs; return the StartMailboxExportJob arguments."""
    client("s3").create_bucket(Bucket="exports")
    key_arn = client("kms").create_key()["KeyMetadata"]["Arn"]
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "export.workmail.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    permissions = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:AbortMultipartUpload", "s3:PutObject", "s3:GetBucketPolicyStatus"],
         "Resource": ["arn:aws:s3:::exports", "arn:aws:s3:::exports/*"]},
        {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": key_arn}]}
    iam = client("iam")
    role_arn = iam.create_role(RoleName="workmail-export", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    iam.put_role_policy(RoleName="workmail-export", PolicyName="export", PolicyDocument=json.dumps(permissions))
    return {"RoleArn": role_arn, "KmsKeyArn": key_arn, "S3BucketName": "exports", "S3Prefix": "bench"}


def all_jobs(workmail, org_id):
    """Return every job ListMailboxExportJobs lists, following NextToken; and the pages it took."""
    jobs, pages, token = [], 0, None
    while True:
        page = workmail.list_mailbox_export_jobs(OrganizationId=org_id, MaxResults=100, **({"NextToken": token} if token else {}))
        jobs, pages, token = jobs + page["Jobs"], pages + 1, page.get("NextToken")
        if not token:
            return jobs, pages


def export_all(workmail, org_id, users, target, poll):
    """Export every mailbox, starting jobs until the service refuses; return (calls, refusals, largest RUNNING count, rounds)."""
    pending, calls, refused, most, rounds = list(users), 0, 0, 0, 0
    while rounds < MAX_ROUNDS:
        rounds += 1
        while pending:
            calls += 1
            try:
                workmail.start_mailbox_export_job(OrganizationId=org_id, EntityId=pending[0], **target)
            except workmail.exceptions.LimitExceededException:
                refused += 1
                break
            pending.pop(0)
        jobs, pages = all_jobs(workmail, org_id)
        calls += pages
        running = sum(1 for job in jobs if job["State"] == "RUNNING")
        most = max(most, running)
        if not pending and running == 0:
            return jobs, calls, refused, most, rounds
        time.sleep(poll)
    raise SystemExit(f"the exports did not end within {MAX_ROUNDS} rounds")


def main():
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mailboxes", type=int, default=100, help="mailboxes exported")
    parser.add_argument("--messages", type=int, default=50, help="generated messages per mailbox")
    parser.add_argument("--duration", type=float, default=1.0, help="seconds each export job runs (--export-job-duration)")
    parser.add_argument("--poll", type=float, default=0.1, help="seconds between two rounds of the driver")
    args = parser.parse_args()

    process, url = start_server(args.duration)
    try:
        def client(service):
            return boto3.client(service, region_name="us-east-1", endpoint_url=url, aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                                aws_secret_access_key="bench", config=Config(retries={"mode": "standard", "total_max_attempts": 1}))

        workmail = client("workmail")
        org_id = workmail.create_organization(Alias="bench")["OrganizationId"]
        started = time.perf_counter()
        users = []
        for number in range(args.mailboxes):
            user_id = workmail.create_user(OrganizationId=org_id, Name=f"user{number:03}", DisplayName=f"User {number}")["UserId"]
            workmail.register_to_work_mail(OrganizationId=org_id, EntityId=user_id, Email=f"user{number:03}@bench.awsapps.com")
            post(url, "/_emulator/mailboxes", {"organization_id": org_id, "entity": user_id, "generate": args.messages})
            users.append(user_id)
        print(f"Content:  {args.mailboxes} mailboxes x {args.messages} messages in {time.perf_counter() - started:.2f} s")
        target = export_target(client)

        started = time.perf_counter()
        jobs, calls, refused, most, rounds = export_all(workmail, org_id, users, target, args.poll)
        elapsed = time.perf_counter() - started
        waves = -(-args.mailboxes // LIMIT)
        print(f"Export:   {args.mailboxes} jobs of {args.duration:g} s in {elapsed:.2f} s wall time "
              f"(at least {waves} waves x {args.duration:g} s = {waves * args.duration:g} s), {calls} WorkMail calls in {rounds} rounds, "
              f"{refused} starts refused with LimitExceededException")
        print(f"Running:  at most {most} jobs at once (limit {LIMIT})")

        started = time.perf_counter()
        s3 = client("s3")
        states = {job["State"] for job in jobs}
        counts = set()
        for job in jobs:
            body = s3.get_object(Bucket="exports", Key=job["S3Path"].partition("/")[2])["Body"].read()
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                counts.add(sum(1 for name in archive.namelist() if name.endswith(".eml")))
        keys = s3.list_objects_v2(Bucket="exports")["KeyCount"]
        print(f"Check:    states {sorted(states)}, {keys} objects, .eml per ZIP {sorted(counts)}, read in {time.perf_counter() - started:.2f} s")
        ok = states == {"COMPLETED"} and keys == len(jobs) == args.mailboxes and counts == {args.messages} and most <= LIMIT
        print(f"Memory:   server peak (VmHWM) {peak_memory_mb(process.pid):.1f} MB")
        print("Result:   OK" if ok else "Result:   FAILED")
        return 0 if ok else 1
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        process.stdout.close()


if __name__ == "__main__":
    sys.exit(main())
