# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark (not a test): onboard generated people from a CSV file against the emulator,
side by side with a plain boto3 script doing the same work, in one run on one emulator.

For each size in --people (default 1000): generates that many people in 10 department
groups plus all-staff, a third of them with an alias, as a CSV file; starts the WorkMail
emulator on a free loopback port; then, each on an organization of its own with a verified
domain:

* the mailops.workmail.onboarding role (one mailops.workmail.directory task) with
  ansible-playbook: on the fresh organization, again once converged, and with --check after
  drift made behind its back (a tenth of the people moved to another department);
* a sequential boto3 script making the same writes on a fresh organization, and a
  sequential boto3 read pass of the same data (the least a script reads to tell what
  differs), each run as a script is run: a process of its own, start-up included.

It prints the wall times, the ratios, the directory task's own time, the peak memory of the
module process, and the API calls by operation and kind, from the emulator's call log.

Usage (from the repository root, after `make collection`, which builds .build/):

    .venv/bin/python scripts/benchmark_onboarding.py [--people 100,1000,5000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import calendar
import collections
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import boto3

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(os.path.abspath(sys.executable))
ORGANIZATION = "bench-corp"
SCRIPT_ORGANIZATION = "bench-script"
DOMAIN = "bench.example.com"
SCRIPT_DOMAIN = "script.bench.example.com"
DEPARTMENTS = ["engineering", "sales", "marketing", "finance", "support", "operations", "legal", "people", "product", "design"]
FIRST = ["ana", "ben", "chloe", "david", "elif", "farid", "greta", "hiro", "ines", "jonas",
         "kira", "liam", "maya", "nils", "olga", "pavel", "quinn", "rosa", "sami", "tara"]
LAST = ["adler", "berg", "costa", "diaz", "engel", "fischer", "garcia", "horvat", "ivanova", "jensen"]
READ_PREFIXES = ("Describe", "Get", "List")

PLAYBOOK_SETUP = """\
- name: An organization with a verified domain
  hosts: localhost
  gather_facts: false
  module_defaults:
    group/mailops.workmail.workmail: "{{ connection }}"
  tasks:
    - name: Organization
      mailops.workmail.organization:
        alias: "{{ item.0 }}"
      loop: %(orgs)s
    - name: Domain
      mailops.workmail.mail_domain:
        organization: "{{ item.0 }}"
        name: "{{ item.1 }}"
        wait_for_verification: true
      loop: %(orgs)s
""" % {"orgs": json.dumps([[ORGANIZATION, DOMAIN], [SCRIPT_ORGANIZATION, SCRIPT_DOMAIN]])}

PLAYBOOK_ONBOARD = """\
- name: Onboard the generated people
  hosts: localhost
  gather_facts: false
  module_defaults:
    group/mailops.workmail.workmail: "{{ connection }}"
  roles:
    - role: mailops.workmail.onboarding
      vars:
        onboarding_organization: %(org)s
        onboarding_default_domain: %(domain)s
        onboarding_groups: %(groups)s
        onboarding_users_csv: "{{ playbook_dir }}/people.csv"
""" % {"org": ORGANIZATION, "domain": DOMAIN, "groups": json.dumps([{"name": g} for g in ["all-staff"] + DEPARTMENTS])}


def generate(path: str, count: int) -> None:
    """Write ``count`` people (first.last, a department, a third with an alias) to ``path``."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "first_name", "last_name", "display_name", "department", "job_title", "groups", "aliases"])
        for i in range(count):
            first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
            suffix = str(i // (len(FIRST) * len(LAST)) or "")
            department = DEPARTMENTS[i % len(DEPARTMENTS)]
            name = "%s.%s%s" % (first, last, suffix)
            alias = "%s.%s%s@%s" % (last, first, suffix, DOMAIN) if i % 3 == 0 else ""
            writer.writerow([name, first.title(), last.title(), "%s %s" % (first.title(), last.title()), department.title(),
                             "Member of %s" % department, "%s;all-staff" % department, alias])


def start_emulator(log_path: str) -> tuple[subprocess.Popen, str]:
    log = open(log_path, "wb")  # pylint: disable=consider-using-with
    # The domain verified at once: the benchmark measures onboarding, not the wait.
    command = [os.path.join(BIN, "workmail-emulator"), "--host", "127.0.0.1", "--port", "0", "--domain-verification-delay", "0"]
    process = subprocess.Popen(command,  # pylint: disable=consider-using-with
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        with open(log_path, encoding="utf-8", errors="replace") as handle:
            match = re.search(r"listening on (http://[0-9.]+:[0-9]+)", handle.read())
        if match:
            return process, match.group(1)
        time.sleep(0.2)
    process.kill()
    sys.exit("the emulator did not start; see %s" % log_path)


def calls(url: str, clear: bool = True) -> list[dict]:
    with urllib.request.urlopen(url + "/_emulator/calls") as response:
        found = json.load(response)
    if clear:
        urllib.request.urlopen(urllib.request.Request(url + "/_emulator/calls", method="DELETE")).close()
    return found


def run_playbook(workdir: str, playbook: str, url: str, interpreter: str, options: list | None = None) -> tuple[float, dict]:
    """Run ``playbook``; return the wall time and ansible.posix.json's report of it."""
    extra = {
        "connection": {"endpoint_url": url, "region": "us-east-1", "access_key": "bench", "secret_key": "bench"},
        "ansible_python_interpreter": interpreter,
    }
    env = dict(os.environ, ANSIBLE_STDOUT_CALLBACK="ansible.posix.json",
               ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_INVENTORY_UNPARSED_WARNING="false")
    start = time.monotonic()
    result = subprocess.run([os.path.join(BIN, "ansible-playbook"), os.path.join(workdir, playbook), "-e", json.dumps(extra)] + (options or []),
                            env=env, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        sys.exit("ansible-playbook %s failed" % playbook)
    return elapsed, json.loads(result.stdout[result.stdout.index("{"):])


def task_seconds(report: dict, action: str) -> float:
    """The wall time of the tasks running ``action``, from ansible.posix.json's durations."""
    total = 0.0
    for play in report["plays"]:
        for task in play["tasks"]:
            if any(r.get("action") == action for r in task["hosts"].values()):
                duration = task["task"]["duration"]
                total += _seconds(duration["end"]) - _seconds(duration["start"])
    return total


def _seconds(stamp: str) -> float:
    """Seconds since the epoch of an ISO 8601 UTC time stamp as ansible.posix.json writes it."""
    whole, _dot, fraction = stamp.rstrip("Z").partition(".")
    return calendar.timegm(time.strptime(whole, "%Y-%m-%dT%H:%M:%S")) + float("0." + (fraction or "0"))


def people(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def client(url: str):
    return boto3.client("workmail", region_name="us-east-1", endpoint_url=url, aws_access_key_id="bench", aws_secret_access_key="bench")


def organization_id(workmail, alias: str) -> str:
    return next(o["OrganizationId"] for o in workmail.list_organizations()["OrganizationSummaries"] if o.get("Alias") == alias)


def script_apply(url: str, rows: list[dict]) -> None:
    """What a plain sequential boto3 script does to onboard ``rows``: the same writes, no checks."""
    workmail = client(url)
    org = organization_id(workmail, SCRIPT_ORGANIZATION)
    group_ids = {}
    for group in ["all-staff"] + DEPARTMENTS:
        group_ids[group] = workmail.create_group(OrganizationId=org, Name=group)["GroupId"]
        workmail.register_to_work_mail(OrganizationId=org, EntityId=group_ids[group], Email="%s@%s" % (group, SCRIPT_DOMAIN))
    for row in rows:
        user_id = workmail.create_user(OrganizationId=org, Name=row["name"], DisplayName=row["display_name"],
                                       FirstName=row["first_name"], LastName=row["last_name"])["UserId"]
        workmail.update_user(OrganizationId=org, UserId=user_id, Department=row["department"], JobTitle=row["job_title"])
        workmail.register_to_work_mail(OrganizationId=org, EntityId=user_id, Email="%s@%s" % (row["name"], SCRIPT_DOMAIN))
        for group in row["groups"].split(";"):
            workmail.associate_member_to_group(OrganizationId=org, GroupId=group_ids[group], MemberId=user_id)
        if row["aliases"]:
            workmail.create_alias(OrganizationId=org, EntityId=user_id, Alias=row["aliases"].replace(DOMAIN, SCRIPT_DOMAIN))


def script_read(url: str, rows: list[dict]) -> None:
    """The reads a plain sequential boto3 script needs to tell what differs from ``rows``."""
    workmail = client(url)
    org = organization_id(workmail, ORGANIZATION)
    with_alias = set(row["name"] for row in rows if row["aliases"])
    for page in workmail.get_paginator("list_users").paginate(OrganizationId=org):
        for user in page["Users"]:
            workmail.describe_user(OrganizationId=org, UserId=user["Id"])
            if user["Name"] in with_alias:
                workmail.list_aliases(OrganizationId=org, EntityId=user["Id"])
    for page in workmail.get_paginator("list_groups").paginate(OrganizationId=org):
        for group in page["Groups"]:
            for _members in workmail.get_paginator("list_group_members").paginate(OrganizationId=org, GroupId=group["Id"]):
                pass


def drift(url: str, rows: list[dict]) -> int:
    """Move a tenth of the people to another department behind the role's back."""
    workmail = client(url)
    org = organization_id(workmail, ORGANIZATION)
    moved = rows[::10]
    for row in moved:
        workmail.update_user(OrganizationId=org, UserId=row["name"], Department="Elsewhere")
    return len(moved)


MEASURE = """\
import resource, subprocess, sys
code = subprocess.call([%(python)r] + sys.argv[1:])
with open(%(log)r, "a") as log:
    log.write("%%d\\n" %% resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""


def write_interpreter(workdir: str) -> str:
    """A Python for the modules that records the peak memory of each module process."""
    with open(os.path.join(workdir, "measure.py"), "w", encoding="utf-8") as handle:
        handle.write(MEASURE % {"python": sys.executable, "log": os.path.join(workdir, "peak-rss.log")})
    path = os.path.join(workdir, "python")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('#!/bin/sh\nexec %s %s "$@"\n' % (sys.executable, os.path.join(workdir, "measure.py")))
    os.chmod(path, 0o755)
    return path


def peak_rss_mb(workdir: str) -> float:
    """The largest peak memory of the module processes since the last call, in MB."""
    path = os.path.join(workdir, "peak-rss.log")
    if not os.path.exists(path):
        return 0.0
    with open(path, encoding="utf-8") as handle:
        peak = max(int(line) for line in handle if line.strip())
    os.remove(path)
    return peak / 1024.0


def timed(action) -> float:
    start = time.monotonic()
    action()
    return time.monotonic() - start


def bench(size: int, workdir: str, interpreter: str) -> dict:
    """Every run for ``size`` people on a new emulator; returns the figures."""
    generate(os.path.join(workdir, "people.csv"), size)
    rows = people(os.path.join(workdir, "people.csv"))
    process, url = start_emulator(os.path.join(workdir, "emulator-%d.log" % size))
    figures = {}
    try:
        run_playbook(workdir, "setup.yml", url, interpreter)
        calls(url)
        peak_rss_mb(workdir)
        for label, options in (("fresh", []), ("converged", []), ("check after drift", ["--check"])):
            if options:
                figures["drifted"] = drift(url, rows)
                calls(url)
            elapsed, report = run_playbook(workdir, "onboard.yml", url, interpreter, options)
            with open(os.path.join(workdir, "%d-%s.json" % (size, label.replace(" ", "-"))), "w", encoding="utf-8") as handle:
                json.dump(report, handle, indent=1)
            figures[label] = dict(wall=elapsed, task=task_seconds(report, "mailops.workmail.directory"), rss=peak_rss_mb(workdir),
                                  calls=collections.Counter(c["operation"] for c in calls(url)))
        for label, mode in (("boto3 script", "apply"), ("boto3 read pass", "read")):
            # Run as users run a script: its own process, Python and boto3 start-up included.
            command = [sys.executable, os.path.abspath(__file__), "--script", mode, "--url", url, "--csv", os.path.join(workdir, "people.csv")]
            figures[label] = dict(wall=timed(lambda: subprocess.run(command, check=True)),
                                  calls=collections.Counter(c["operation"] for c in calls(url)))
    finally:
        process.terminate()
        process.wait(timeout=15)
    return figures


def reads_writes(counter: collections.Counter) -> tuple[int, int]:
    reads = sum(n for op, n in counter.items() if op.startswith(READ_PREFIXES))
    return reads, sum(counter.values()) - reads


def report_size(size: int, figures: dict) -> None:
    labels = ["fresh", "converged", "check after drift", "boto3 script", "boto3 read pass"]

    def row(label, values):
        print("%-30s" % label + "".join(" %17s" % value for value in values))

    print()
    print("%d people (%d groups, %d aliases); %d moved before the check run" % (size, len(DEPARTMENTS) + 1, (size + 2) // 3, figures["drifted"]))
    row("", labels)
    row("wall time (s)", ["%.1f" % figures[label]["wall"] for label in labels])
    row("  of which the directory task", ["%.1f" % figures[label]["task"] if "task" in figures[label] else "" for label in labels])
    row("module peak RSS (MB)", ["%.0f" % figures[label]["rss"] if "rss" in figures[label] else "" for label in labels])
    row("API calls", [sum(figures[label]["calls"].values()) for label in labels])
    row("  reads", [reads_writes(figures[label]["calls"])[0] for label in labels])
    row("  writes", [reads_writes(figures[label]["calls"])[1] for label in labels])
    for operation in sorted(set().union(*(figures[label]["calls"] for label in labels))):
        row("    " + operation, [figures[label]["calls"][operation] or "" for label in labels])
    fresh, converged, script, read_pass = (figures[k] for k in ("fresh", "converged", "boto3 script", "boto3 read pass"))
    print("ratios: fresh apply / boto3 script %.2f; converged rerun / boto3 read pass %.2f; "
          "reads, converged rerun / read pass %.2f; writes, fresh apply / script %.2f"
          % (fresh["wall"] / script["wall"], converged["wall"] / read_pass["wall"],
             reads_writes(converged["calls"])[0] / max(1, reads_writes(read_pass["calls"])[0]),
             reads_writes(fresh["calls"])[1] / max(1, reads_writes(script["calls"])[1])))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--people", default="1000", help="how many people to onboard, or several sizes separated by commas (default 1000)")
    parser.add_argument("--keep", metavar="DIR", help="keep the generated files and logs in DIR")
    parser.add_argument("--collections-path", default=os.path.join(ROOT, ".build"),
                        help="where ansible_collections/mailops/workmail is (default: .build, made by `make collection`)")
    parser.add_argument("--script", choices=["apply", "read"], help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--csv", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.script:
        (script_apply if args.script == "apply" else script_read)(args.url, people(args.csv))
        return 0
    if not os.path.isdir(os.path.join(args.collections_path, "ansible_collections", "mailops", "workmail")):
        sys.exit("no collection tree in %s: run `make collection` first" % args.collections_path)
    os.environ["ANSIBLE_COLLECTIONS_PATH"] = os.path.abspath(args.collections_path)
    sizes = [int(size) for size in args.people.split(",")]

    workdir = args.keep or tempfile.mkdtemp(prefix="workmail-benchmark-")
    os.makedirs(workdir, exist_ok=True)
    for name, text in (("setup.yml", PLAYBOOK_SETUP), ("onboard.yml", PLAYBOOK_ONBOARD)):
        with open(os.path.join(workdir, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    interpreter = write_interpreter(workdir)
    results = {}
    for size in sizes:
        results[size] = bench(size, workdir, interpreter)
        report_size(size, results[size])
    if len(sizes) > 1:
        print()
        per_thousand = dict((size, (1000 * results[size]["fresh"]["wall"] / size, 1000 * results[size]["converged"]["wall"] / size))
                            for size in sizes)
        growth = ["%d people: fresh %.1f, converged %.1f" % ((size,) + per_thousand[size]) for size in sizes]
        print("growth, wall seconds per 1,000 people: " + "; ".join(growth))
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print("files and logs kept in %s" % workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
