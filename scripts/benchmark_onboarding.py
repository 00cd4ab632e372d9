# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark (not a test): onboard generated people from a CSV file against the emulator.

Generates PEOPLE people (default 200) in 10 department groups plus all-staff, a third of
them with an alias, as a CSV file; starts the WorkMail emulator on a free loopback port;
creates an organization with a verified domain; then runs the mailops.workmail.onboarding
role twice with ansible-playbook: on the fresh organization, and again once everything is
converged. For each run it prints the wall time, the number of module executions and the
API calls the emulator received, by operation (from its call log).

Usage (from the repository root, after `make collection`, which builds .build/):

    .venv/bin/python scripts/benchmark_onboarding.py [--people 200] [--keep DIR]
"""

from __future__ import annotations

import argparse
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(os.path.abspath(sys.executable))
ORGANIZATION = "bench-corp"
DOMAIN = "bench.example.com"
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
        alias: %(org)s
    - name: Domain
      mailops.workmail.mail_domain:
        organization: %(org)s
        name: %(domain)s
        wait_for_verification: true
""" % {"org": ORGANIZATION, "domain": DOMAIN}

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
    if count > len(FIRST) * len(LAST) * 10:
        sys.exit("at most %d people" % (len(FIRST) * len(LAST) * 10))
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


def run_playbook(workdir: str, playbook: str, url: str) -> tuple[float, dict]:
    """Run ``playbook``; return the wall time and ansible.posix.json's report of it."""
    extra = {
        "connection": {"endpoint_url": url, "region": "us-east-1", "access_key": "bench", "secret_key": "bench"},
        "ansible_python_interpreter": sys.executable,
    }
    env = dict(os.environ, ANSIBLE_STDOUT_CALLBACK="ansible.posix.json",
               ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_INVENTORY_UNPARSED_WARNING="false")
    start = time.monotonic()
    result = subprocess.run([os.path.join(BIN, "ansible-playbook"), os.path.join(workdir, playbook), "-e", json.dumps(extra)],
                            env=env, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        sys.exit("ansible-playbook %s failed" % playbook)
    return elapsed, json.loads(result.stdout[result.stdout.index("{"):])


def module_executions(report: dict) -> collections.Counter:
    """How many times each mailops.workmail module ran (loop items count one each)."""
    counts = collections.Counter()
    for play in report["plays"]:
        for task in play["tasks"]:
            for host_result in task["hosts"].values():
                action = host_result.get("action", "")
                if not action.startswith("mailops.workmail."):
                    continue
                items = host_result.get("results")
                if items is None:
                    ran = 0 if host_result.get("skipped") else 1
                else:
                    ran = sum(1 for item in items if not item.get("skipped"))
                if ran:
                    counts[action] += ran
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--people", type=int, default=200, help="how many people to onboard (default 200)")
    parser.add_argument("--keep", metavar="DIR", help="keep the generated files and logs in DIR")
    parser.add_argument("--collections-path", default=os.path.join(ROOT, ".build"),
                        help="where ansible_collections/mailops/workmail is (default: .build, made by `make collection`)")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.collections_path, "ansible_collections", "mailops", "workmail")):
        sys.exit("no collection tree in %s: run `make collection` first" % args.collections_path)
    os.environ["ANSIBLE_COLLECTIONS_PATH"] = os.path.abspath(args.collections_path)

    workdir = args.keep or tempfile.mkdtemp(prefix="workmail-benchmark-")
    os.makedirs(workdir, exist_ok=True)
    generate(os.path.join(workdir, "people.csv"), args.people)
    for name, text in (("setup.yml", PLAYBOOK_SETUP), ("onboard.yml", PLAYBOOK_ONBOARD)):
        with open(os.path.join(workdir, name), "w", encoding="utf-8") as handle:
            handle.write(text)

    process, url = start_emulator(os.path.join(workdir, "emulator.log"))
    runs = {}
    try:
        run_playbook(workdir, "setup.yml", url)
        calls(url)
        for label in ("fresh", "converged"):
            elapsed, report = run_playbook(workdir, "onboard.yml", url)
            with open(os.path.join(workdir, "%s.json" % label), "w", encoding="utf-8") as handle:
                json.dump(report, handle, indent=1)
            changed = sum(s.get("changed", 0) for s in report["stats"].values())
            runs[label] = (elapsed, module_executions(report), collections.Counter(c["operation"] for c in calls(url)), changed)
    finally:
        process.terminate()
        process.wait(timeout=15)

    labels = list(runs)

    def row(label, values, cell="%12d"):
        print("%-34s" % label + "".join(" " + cell % value for value in values))

    print("Onboarding %d people from a CSV file (%d groups, %d aliases) with mailops.workmail.onboarding"
          % (args.people, len(DEPARTMENTS) + 1, (args.people + 2) // 3))
    row("", labels, "%12s")
    row("wall time", [runs[label][0] for label in labels], "%11.1fs")
    row("tasks changed (PLAY RECAP)", [runs[label][3] for label in labels])
    row("module executions", [sum(runs[label][1].values()) for label in labels])
    for module in sorted(set().union(*(runs[label][1] for label in labels))):
        row("  " + module.split(".")[-1], [runs[label][1][module] for label in labels])
    row("API calls", [sum(runs[label][2].values()) for label in labels])
    row("  of which writes", [sum(n for op, n in runs[label][2].items() if not op.startswith(READ_PREFIXES)) for label in labels])
    for operation in sorted(set().union(*(runs[label][2] for label in labels))):
        row("  " + operation, [runs[label][2][operation] for label in labels])
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print("files and logs kept in %s" % workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
