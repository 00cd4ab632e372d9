# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark (not a test): onboarding under throttling and server errors, against a clean run.

Generates --people people (default 500) as scripts/benchmark_onboarding.py does (10
department groups plus all-staff, a third with an alias), starts the WorkMail emulator on a
free loopback port with two organizations, and runs the mailops.workmail.onboarding role with
ansible-playbook:

* on the first organization with no fault (the clean run);
* on the second under faults: by default ThrottlingException on 20% of all calls and a server
  error (HTTP 500) on 2% (--throttle, --server-errors; seeded);
* on the second again, without faults: it must report changed=0 and send no write.

It prints the wall times and their ratio, the API calls by operation with the attempts that met
a fault (each one retried by botocore), and checks that the faulted organization holds exactly
what the clean one holds (every person once, with the same address, department, groups and
aliases: no duplicate, nothing missing).

Usage (from the repository root, after `make collection`, which builds .build/):

    .venv/bin/python scripts/benchmark_faults.py [--people 500] [--retry-mode adaptive] [--keep DIR]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchmark_onboarding as base  # noqa: E402  pylint: disable=wrong-import-position

CLEAN, FAULTED = "bench-clean", "bench-faults"
DOMAINS = {CLEAN: "clean.bench.example.com", FAULTED: "faults.bench.example.com"}

PLAYBOOK_SETUP = """\
- name: Two organizations with a verified domain each
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
""" % {"orgs": json.dumps(sorted(DOMAINS.items()))}

PLAYBOOK_ONBOARD = """\
- name: Onboard the generated people
  hosts: localhost
  gather_facts: false
  module_defaults:
    group/mailops.workmail.workmail: "{{ connection }}"
  roles:
    - role: mailops.workmail.onboarding
      vars:
        onboarding_organization: "{{ organization }}"
        onboarding_default_domain: "{{ domain }}"
        onboarding_groups: %(groups)s
        onboarding_users_csv: "{{ playbook_dir }}/{{ organization }}.csv"
        onboarding_print_report: false
""" % {"groups": json.dumps([{"name": g} for g in ["all-staff"] + base.DEPARTMENTS])}


def post(url: str, path: str, body, method: str = "POST") -> None:
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method=method, headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request).close()


def onboard(workdir: str, url: str, interpreter: str, organization: str, retry_mode: str | None) -> tuple[float, float, dict]:
    """Run the role on ``organization``: wall time, the directory task's time, the play's stats."""
    extra = ["-e", json.dumps({"organization": organization, "domain": DOMAINS[organization]})]
    if retry_mode:
        # A task's aws_config goes over the collection's retry policy.
        extra += ["-e", json.dumps({"connection": dict(connection(url), aws_config={"retries": {"mode": retry_mode, "total_max_attempts": 10}})})]
    elapsed, report = base.run_playbook(workdir, "onboard.yml", url, interpreter, extra)
    return elapsed, base.task_seconds(report, "mailops.workmail.directory"), report["stats"]["localhost"]


def connection(url: str) -> dict:
    return {"endpoint_url": url, "region": "us-east-1", "access_key": "bench", "secret_key": "bench"}


def contents(url: str, organization: str) -> dict:
    """Every user and group of ``organization``: name -> (state, address with the domain cut,
    department, groups, aliases with the domain cut). Fails on a name listed twice."""
    workmail = base.client(url)
    org = base.organization_id(workmail, organization)
    suffix = "@" + DOMAINS[organization]

    def local(address):
        return address[: -len(suffix)] if address and address.endswith(suffix) else address

    users = [u for page in workmail.get_paginator("list_users").paginate(OrganizationId=org) for u in page["Users"]]
    groups = [g for page in workmail.get_paginator("list_groups").paginate(OrganizationId=org) for g in page["Groups"]]
    member_of = collections.defaultdict(list)
    for group in groups:
        for page in workmail.get_paginator("list_group_members").paginate(OrganizationId=org, GroupId=group["Id"]):
            for member in page["Members"]:
                member_of[member["Id"]].append(group["Name"])
    found = {}
    for entity in users + groups:
        if entity["Name"] in found:
            sys.exit("%s: %s is there twice" % (organization, entity["Name"]))
        department = workmail.describe_user(OrganizationId=org, UserId=entity["Id"]).get("Department") if entity in users else None
        aliases = [a for page in workmail.get_paginator("list_aliases").paginate(OrganizationId=org, EntityId=entity["Id"]) for a in page["Aliases"]]
        found[entity["Name"]] = (entity["State"], local(entity.get("Email")), department, sorted(member_of[entity["Id"]]), sorted(local(a) for a in aliases))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--people", type=int, default=500, help="how many people to onboard (default 500)")
    parser.add_argument("--throttle", type=float, default=0.2, help="share of all calls answered ThrottlingException (default 0.2)")
    parser.add_argument("--server-errors", type=float, default=0.02, help="share of all calls answered HTTP 500 (default 0.02)")
    parser.add_argument("--retry-mode", choices=["standard", "adaptive"],
                        help="botocore retry mode through the tasks' aws_config (default: the collection's policy, standard)")
    parser.add_argument("--keep", metavar="DIR", help="keep the generated files and logs in DIR")
    parser.add_argument("--collections-path", default=os.path.join(base.ROOT, ".build"),
                        help="where ansible_collections/mailops/workmail is (default: .build, made by `make collection`)")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.collections_path, "ansible_collections", "mailops", "workmail")):
        sys.exit("no collection tree in %s: run `make collection` first" % args.collections_path)
    os.environ["ANSIBLE_COLLECTIONS_PATH"] = os.path.abspath(args.collections_path)

    workdir = args.keep or tempfile.mkdtemp(prefix="workmail-benchmark-faults-")
    os.makedirs(workdir, exist_ok=True)
    for name, text in (("setup.yml", PLAYBOOK_SETUP), ("onboard.yml", PLAYBOOK_ONBOARD)):
        with open(os.path.join(workdir, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    base.generate(os.path.join(workdir, "people.csv"), args.people)
    with open(os.path.join(workdir, "people.csv"), encoding="utf-8") as handle:
        rows = handle.read()
    for organization, domain in DOMAINS.items():
        with open(os.path.join(workdir, organization + ".csv"), "w", encoding="utf-8") as handle:
            handle.write(rows.replace(base.DOMAIN, domain))
    interpreter = base.write_interpreter(workdir)

    # Throttling on a share of every call; server errors on a share of the rest, so that of all
    # calls the shares are the ones asked for.
    rules = [{"operation": "*", "fault": "throttle", "rate": args.throttle, "seed": 1},
             {"operation": "*", "fault": "server_error", "rate": args.server_errors / (1 - args.throttle), "seed": 2}]
    process, url = base.start_emulator(os.path.join(workdir, "emulator.log"))
    try:
        base.run_playbook(workdir, "setup.yml", url, interpreter)
        base.calls(url)
        clean = onboard(workdir, url, interpreter, CLEAN, args.retry_mode)
        clean_calls = base.calls(url)
        post(url, "/_emulator/faults", rules)
        faulted = onboard(workdir, url, interpreter, FAULTED, args.retry_mode)
        faulted_calls = base.calls(url)
        post(url, "/_emulator/faults", None, method="DELETE")
        rerun = onboard(workdir, url, interpreter, FAULTED, args.retry_mode)
        rerun_writes = [c for c in base.calls(url) if not c["operation"].startswith(base.READ_PREFIXES)]
        same = contents(url, CLEAN) == contents(url, FAULTED)
        people_there = len([name for name in contents(url, FAULTED) if "." in name])
    finally:
        process.terminate()
        process.wait(timeout=15)

    print("%d people, %d groups; faults: throttling on %.0f%% of calls, server errors on %.0f%%; retry mode: %s"
          % (args.people, len(base.DEPARTMENTS) + 1, 100 * args.throttle, 100 * args.server_errors, args.retry_mode or "standard (the collection's)"))
    print("%-34s %12s %12s %12s" % ("", "clean", "faults", "rerun"))
    print("%-34s %12.1f %12.1f %12.1f" % ("wall time (s)", clean[0], faulted[0], rerun[0]))
    print("%-34s %12.1f %12.1f %12.1f" % ("  of which the directory task", clean[1], faulted[1], rerun[1]))
    print("%-34s %12d %12d %12d" % ("changed tasks", clean[2]["changed"], faulted[2]["changed"], rerun[2]["changed"]))
    print("faulted / clean wall time: %.2f" % (faulted[0] / clean[0]))
    by_operation = collections.Counter(c["operation"] for c in clean_calls)
    attempts = collections.Counter(c["operation"] for c in faulted_calls)
    met = collections.defaultdict(collections.Counter)
    for call in faulted_calls:
        if call["fault"]:
            met[call["operation"]][call["fault"]] += 1
    print()
    line = "%-26s %12s %14s %10s %13s"
    print(line % ("operation", "calls clean", "attempts fault", "throttled", "server error"))
    for operation in sorted(set(by_operation) | set(attempts)):
        print(line % (operation, by_operation[operation], attempts[operation], met[operation]["throttle"], met[operation]["server_error"]))
    retried = sum(sum(counter.values()) for counter in met.values())
    throttled, failed = sum(c["throttle"] for c in met.values()), sum(c["server_error"] for c in met.values())
    print(line % ("total", sum(by_operation.values()), sum(attempts.values()), throttled, failed))
    print("attempts retried after a fault: %d (%.1f%% of the faulted run's attempts)" % (retried, 100.0 * retried / max(1, sum(attempts.values()))))
    print()
    print("faulted organization holds what the clean one holds (every person once, same addresses, departments, groups, aliases): %s"
          % ("yes" if same else "NO"))
    print("people in the faulted organization: %d of %d" % (people_there, args.people))
    print("rerun without faults: changed=%d, write calls: %d" % (rerun[2]["changed"], len(rerun_writes)))
    if args.keep:
        print("files and logs kept in %s" % workdir)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if same and people_there == args.people and not rerun_writes and rerun[2]["changed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
