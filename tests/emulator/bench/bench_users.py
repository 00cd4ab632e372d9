"""Benchmark of the WorkMail emulator server (not a test).

Starts ``workmail-emulator`` on a free loopback port, then over HTTP with boto3
on one thread:

1. creates ``--users`` users (default 1,000) and lists them all, and prints the
   calls per second of each phase;
2. grows the organization to ``--memory-users`` users (default 10,000), lists
   them all, and prints the server's peak resident memory (VmHWM).

Targets: at least 300 calls/s on one thread, below 200 MB at 10,000 users.

Run from the collection root: ``.venv/bin/python tests/emulator/bench/bench_users.py``
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import boto3

SERVER = Path(sys.executable).with_name("workmail-emulator")


def start_server():
    """Start the emulator with zero delays; return the process and its URL."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith("AWS_")}
    process = subprocess.Popen([str(SERVER), "--port", "0", "--org-ready-delay", "0", "--org-delete-delay", "0"],
                               stdout=subprocess.PIPE, text=True, env=environment)
    banner = process.stdout.readline().strip()
    if "listening on" not in banner:
        process.kill()
        raise SystemExit(f"the emulator did not start: {banner!r}")
    return process, banner.rsplit(" ", 1)[1]


def memory_kib(pid, field):
    """Return a memory figure (``VmHWM``, ``VmRSS``) of a process, in KiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} is not reported for process {pid}")


def create_users(client, org_id, first, count):
    """Create ``count`` users numbered from ``first``; return the elapsed seconds."""
    started = time.perf_counter()
    for number in range(first, first + count):
        client.create_user(OrganizationId=org_id, Name=f"user{number:05}", DisplayName=f"User {number}")
    return time.perf_counter() - started


def list_all_users(client, org_id):
    """List every user, page by page; return (users, pages, elapsed seconds)."""
    started, users, pages, token = time.perf_counter(), 0, 0, None
    while True:
        page = client.list_users(OrganizationId=org_id, MaxResults=100, **({"NextToken": token} if token else {}))
        users, pages, token = users + len(page["Users"]), pages + 1, page.get("NextToken")
        if not token:
            return users, pages, time.perf_counter() - started


def main():
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, default=1000, help="users created in the throughput phase")
    parser.add_argument("--memory-users", type=int, default=10000, help="organization size for the memory phase")
    args = parser.parse_args()

    process, url = start_server()
    try:
        client = boto3.client("workmail", region_name="us-east-1", endpoint_url=url,
                              aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="bench")
        org_id = client.create_organization(Alias="bench")["OrganizationId"]
        client.list_users(OrganizationId=org_id)
        baseline = memory_kib(process.pid, "VmRSS")

        elapsed = create_users(client, org_id, 0, args.users)
        print(f"CreateUser: {args.users} calls in {elapsed:.2f} s = {args.users / elapsed:.0f} calls/s")
        users, pages, elapsed = list_all_users(client, org_id)
        print(f"ListUsers:  {users} users in {pages} pages in {elapsed:.2f} s = {pages / elapsed:.0f} calls/s")

        create_users(client, org_id, args.users, max(0, args.memory_users - args.users))
        users, pages, elapsed = list_all_users(client, org_id)
        print(f"ListUsers:  {users} users in {pages} pages in {elapsed:.2f} s = {pages / elapsed:.0f} calls/s")
        print(f"Memory:     baseline RSS {baseline / 1024:.1f} MB; with {users} users RSS {memory_kib(process.pid, 'VmRSS') / 1024:.1f} MB, "
              f"peak (VmHWM) {memory_kib(process.pid, 'VmHWM') / 1024:.1f} MB")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        process.stdout.close()


if __name__ == "__main__":
    main()
