# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the integration targets against a WorkMail emulator started for the occasion.

Usage: python tests/utils/run_integration.py COLLECTION_DIR [ANSIBLE_TEST_ARGS...]

COLLECTION_DIR is the ``ansible_collections/mailops/workmail`` copy made by
tests/utils/sync_collection.py. This starts ``workmail-emulator`` (from the same
virtualenv as this Python) on a free loopback port, writes
``tests/integration/integration_config.yml`` in that copy, runs
``ansible-test integration`` there with the remaining arguments, and always stops the
emulator and removes the config file afterwards. The emulator's log is kept in
``tests/output/emulator.log`` of the copy and printed when the tests fail.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

HOST = "127.0.0.1"
START_TIMEOUT = 60
LOG_TAIL = 80
BANNER = re.compile(r"listening on (http://[0-9.]+:[0-9]+)")

CONFIG_HEADER = """\
# Written by tests/utils/run_integration.py for one run of `make integration`; the
# emulator it points to only lives for that run. Do not edit or commit.
"""


def answers(url: str) -> bool:
    """Return whether the emulator answers its call-log endpoint."""
    try:
        with urllib.request.urlopen(url + "/_emulator/calls", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def announced_url(log_path: str) -> str | None:
    """Return the URL the emulator printed when it started listening, if it did yet."""
    with open(log_path, encoding="utf-8", errors="replace") as log:
        match = BANNER.search(log.read())
    return match.group(1) if match else None


def start_emulator(log_path: str) -> tuple[subprocess.Popen, str]:
    """Start the emulator on a free loopback port and wait until it answers."""
    command = os.path.join(os.path.dirname(sys.executable), "workmail-emulator")
    with open(log_path, "wb") as log:
        # Port 0: the emulator binds a free port itself and prints it.
        process = subprocess.Popen(  # pylint: disable=consider-using-with
            [command, "--host", HOST, "--port", "0"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        url = announced_url(log_path)
        if url and answers(url):
            print("WorkMail emulator listening on %s (pid %d)" % (url, process.pid), flush=True)
            return process, url
        time.sleep(0.2)
    status = process.poll()
    stop_emulator(process)
    show_log(log_path)
    if status is None:
        sys.exit("workmail-emulator did not answer within %d seconds; see %s" % (START_TIMEOUT, log_path))
    sys.exit("workmail-emulator exited with status %d before answering; see %s" % (status, log_path))


def stop_emulator(process: subprocess.Popen) -> None:
    """Stop the emulator this script started."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def show_log(log_path: str) -> None:
    """Print the end of the emulator's log."""
    try:
        with open(log_path, encoding="utf-8", errors="replace") as log:
            lines = log.readlines()
    except OSError:
        return
    print("---- last %d lines of %s ----" % (LOG_TAIL, log_path))
    sys.stdout.writelines(lines[-LOG_TAIL:])
    print("---- end of emulator log ----", flush=True)


def write_config(path: str, url: str) -> None:
    """Write the integration config the targets read (as extra vars)."""
    settings = {
        "workmail_endpoint_url": url,
        "aws_region": "us-east-1",
        "aws_access_key": "testing",
        "aws_secret_key": "testing",
        # Use the Python running ansible-playbook (the project virtualenv) on localhost
        # rather than whatever interpreter discovery finds first.
        "ansible_python_interpreter": "{{ ansible_playbook_python }}",
        # For `module_defaults: {group/mailops.workmail.workmail: "{{ workmail_module_defaults }}"}`.
        "workmail_module_defaults": {
            "endpoint_url": "{{ workmail_endpoint_url }}",
            "region": "{{ aws_region }}",
            "access_key": "{{ aws_access_key }}",
            "secret_key": "{{ aws_secret_key }}",
        },
    }
    with open(path, "w", encoding="utf-8") as config:
        config.write(CONFIG_HEADER)
        # JSON is YAML; it keeps this free of a YAML dependency.
        json.dump(settings, config, indent=2, sort_keys=True)
        config.write("\n")


def list_targets(ansible_test: str, collection: str, arguments: list[str]) -> list[str]:
    """Return the targets ansible-test would run with these arguments."""
    result = subprocess.run(
        [ansible_test, "integration", "--list-targets"] + arguments,
        cwd=collection,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return [line.strip() for line in result.stdout.splitlines() if line.strip() and not line.startswith("WARNING")]


def main() -> int:
    """Entry point."""
    if len(sys.argv) < 2:
        sys.exit("usage: run_integration.py COLLECTION_DIR [ANSIBLE_TEST_ARGS...]")
    collection = os.path.abspath(sys.argv[1])
    arguments = sys.argv[2:]
    output = os.path.join(collection, "tests", "output")
    os.makedirs(output, exist_ok=True)
    log_path = os.path.join(output, "emulator.log")
    config_path = os.path.join(collection, "tests", "integration", "integration_config.yml")

    # One run at a time per copy: they would share integration_config.yml.
    lock = open(os.path.join(output, "integration.lock"), "w", encoding="utf-8")  # pylint: disable=consider-using-with
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        print("Waiting for another integration run on this copy to finish...", flush=True)
        fcntl.flock(lock, fcntl.LOCK_EX)
    if os.path.exists(log_path):
        os.unlink(log_path)

    ansible_test = os.path.join(os.path.dirname(sys.executable), "ansible-test")
    # ansible-test succeeds when it finds nothing to run ("All targets skipped."): fail.
    targets = list_targets(ansible_test, collection, arguments)
    if not targets:
        print("No integration target to run: ansible-test found none under tests/integration/targets.")
        return 1
    print("Integration targets: %s" % ", ".join(targets), flush=True)

    # Turn SIGTERM (from CI or make) into SystemExit so the finally block runs.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    process, url = start_emulator(log_path)
    try:
        write_config(config_path, url)
        command = [ansible_test, "integration"] + arguments
        print("Running: %s" % " ".join(command), flush=True)
        status = subprocess.run(command, cwd=collection, check=False).returncode
        if status != 0:
            show_log(log_path)
        return status
    finally:
        stop_emulator(process)
        if os.path.exists(config_path):
            os.unlink(config_path)
        print("WorkMail emulator stopped", flush=True)


if __name__ == "__main__":
    sys.exit(main())
