# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the integration targets against WorkMail emulators started for the occasion.

Usage: python tests/utils/run_integration.py [--jobs N] COLLECTION_DIR [ANSIBLE_TEST_ARGS...]

COLLECTION_DIR is the ``ansible_collections/mailops/workmail`` copy made by
tests/utils/sync_collection.py. This lists the targets ``ansible-test integration``
would run with ANSIBLE_TEST_ARGS (and fails if there is none), then runs them:

* with one job: in COLLECTION_DIR, against one ``workmail-emulator`` (from the same
  virtualenv as this Python) started on a free loopback port;
* with N jobs: N workers, each with its own copy of the collection
  (``<build>/integration-workers/N/...``) and its own emulator, take the targets one at
  a time, longest first, and run each with its own ``ansible-test integration`` (the
  other targets ``--exclude``-d); the first worker gets through ansible-test's set-up
  alone before the others start. A target's whole output is printed when it ends,
  followed by a summary with each target's result and duration.

Before a run, ``tests/integration/integration_config.yml`` is written in the copy it
uses; afterwards every emulator is stopped and every config file removed, whatever
happened. An emulator's log is kept in ``tests/output/emulator.log`` of its copy and
printed when the tests fail.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

HOST = "127.0.0.1"
START_TIMEOUT = 60
LOG_TAIL = 80
BANNER = re.compile(r"listening on (http://[0-9.]+:[0-9]+)")
WORKERS_DIR = "integration-workers"

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


def stop_process(process: subprocess.Popen, group: bool = False) -> None:
    """Stop a process this script started (and its process group if it leads one)."""
    if process.poll() is not None:
        return
    if group:
        os.killpg(process.pid, signal.SIGTERM)
    else:
        process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        if group:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait()


def show_log(log_path: str, lines: int | None = LOG_TAIL) -> None:
    """Print (the end of) a log file."""
    try:
        with open(log_path, encoding="utf-8", errors="replace") as log:
            content = log.readlines()
    except OSError:
        return
    shown = content if lines is None else content[-lines:]
    print("---- %s%s ----" % ("" if lines is None else "last %d lines of " % lines, log_path))
    sys.stdout.writelines(shown)
    print("---- end of %s ----" % os.path.basename(log_path), flush=True)


class Emulator:
    """A workmail-emulator process serving one copy of the collection."""

    def __init__(self, collection: str) -> None:
        output = os.path.join(collection, "tests", "output")
        os.makedirs(output, exist_ok=True)
        self.log_path = os.path.join(output, "emulator.log")
        self.config_path = os.path.join(collection, "tests", "integration", "integration_config.yml")
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> None:
        """Start the emulator on a free loopback port, wait until it answers, write the config."""
        command = os.path.join(os.path.dirname(sys.executable), "workmail-emulator")
        with open(self.log_path, "wb") as log:
            # Port 0: the emulator binds a free port itself and prints it.
            self.process = subprocess.Popen(  # pylint: disable=consider-using-with
                # Domains verified at once: a target that needs the PENDING state sets
                # domain_verification_delay itself (POST /_emulator/config).
                [command, "--host", HOST, "--port", "0", "--domain-verification-delay", "0"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and self.process.poll() is None:
            url = announced_url(self.log_path)
            if url and answers(url):
                self.url = url
                write_config(self.config_path, url)
                print("WorkMail emulator listening on %s (pid %d)" % (url, self.process.pid), flush=True)
                return
            time.sleep(0.2)
        status = self.process.poll()
        self.stop()
        show_log(self.log_path)
        if status is None:
            raise RuntimeError("workmail-emulator did not answer within %d seconds; see %s" % (START_TIMEOUT, self.log_path))
        raise RuntimeError("workmail-emulator exited with status %d before answering; see %s" % (status, self.log_path))

    def stop(self) -> None:
        """Stop the emulator and remove the config file that points to it."""
        if self.process is not None:
            stop_process(self.process)
            print("WorkMail emulator %s stopped" % (self.url or "(not started)"), flush=True)
            self.process = None
        if os.path.exists(self.config_path):
            os.unlink(self.config_path)


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


def target_size(collection: str, target: str) -> int:
    """Return the bytes of a target's files: a rough measure of how long it runs."""
    total = 0
    for dirpath, _dirnames, filenames in os.walk(os.path.join(collection, "tests", "integration", "targets", target)):
        total += sum(os.path.getsize(os.path.join(dirpath, name)) for name in filenames)
    return total


def worker_copy(collection: str, index: int) -> str:
    """Make (or refresh) a copy of the collection copy, with amazon.aws, for one worker."""
    build = os.path.dirname(os.path.dirname(os.path.dirname(collection)))
    root = os.path.join(build, WORKERS_DIR, str(index))
    copy = os.path.join(root, "ansible_collections", "mailops", "workmail")
    if os.path.isdir(root):
        shutil.rmtree(root)

    def ignore(directory: str, names: list[str]) -> set[str]:
        """Leave out results and caches; keep the copy's (empty) git repository."""
        left_out = {name for name in names if name == "__pycache__"}
        if os.path.abspath(directory) == os.path.join(collection, "tests"):
            left_out.add("output")
        return left_out

    # ansible-test lists the copy's files through its own git repository, copied along.
    shutil.copytree(collection, copy, symlinks=True, ignore=ignore)
    shutil.copytree(
        os.path.join(build, "ansible_collections", "amazon", "aws"),
        os.path.join(root, "ansible_collections", "amazon", "aws"),
        symlinks=True,
    )
    return copy


def run_serial(ansible_test: str, collection: str, arguments: list[str]) -> int:
    """Run every target in the collection copy against one emulator."""
    emulator = Emulator(collection)
    try:
        emulator.start()
        command = [ansible_test, "integration"] + arguments
        print("Running: %s" % " ".join(command), flush=True)
        status = subprocess.run(command, cwd=collection, check=False).returncode
        if status != 0:
            show_log(emulator.log_path)
        return status
    finally:
        emulator.stop()


class Worker:
    """Runs targets one at a time, each with its own ansible-test, in its own copy of the
    collection against its own emulator, taking the next target from a shared queue."""

    def __init__(self, index: int, collection: str, queue: "TargetQueue") -> None:
        self.index = index
        self.collection = collection
        self.queue = queue
        self.emulator = Emulator(collection)
        self.process: subprocess.Popen | None = None
        self.thread = threading.Thread(target=self.work, daemon=True)
        # Set once ansible-test runs its first target (or ends): its set-up is done.
        self.begun = threading.Event()
        self.error: Exception | None = None

    def work(self) -> None:
        """Start the emulator, then run targets until none is left."""
        try:
            self.emulator.start()
            while True:
                target = self.queue.next()
                if target is None:
                    break
                self.run(target)
        except Exception as error:  # pylint: disable=broad-exception-caught
            self.error = error
            print("[worker %d] %s" % (self.index, error), flush=True)
        finally:
            self.begun.set()

    def run(self, target: str) -> None:
        """Run one target and report its result."""
        log_path = os.path.join(self.collection, "tests", "output", "integration-%s.log" % target)
        excluded = [option for other in self.queue.targets if other != target for option in ("--exclude", other)]
        started = time.monotonic()
        print("[worker %d] Running %s" % (self.index, target), flush=True)
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(  # pylint: disable=consider-using-with
                self.queue.command + excluded,
                cwd=self.collection,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env=dict(os.environ, PYTHONUNBUFFERED="1"),
                start_new_session=True,
            )
            assert self.process.stdout is not None
            for line in self.process.stdout:
                log.write(line)
                if line.startswith(b"Running "):
                    self.begun.set()
            status = self.process.wait()
            self.process = None
        self.queue.done(target, status, time.monotonic() - started, log_path, self)

    def stop(self) -> None:
        """Stop a running ansible-test (if any) and the emulator."""
        process = self.process
        if process is not None:
            stop_process(process, group=True)
        self.emulator.stop()


class TargetQueue:
    """The targets still to run, longest first, and the results of those that ran."""

    def __init__(self, collection: str, targets: list[str], command: list[str]) -> None:
        self.targets = targets
        self.command = command
        self.pending = sorted(targets, key=lambda name: (-estimated_cost(collection, name), name))
        self.results: dict[str, tuple[int, float]] = {}
        self.lock = threading.Lock()

    def next(self) -> str | None:
        """Return the next target to run, or None when there is none left."""
        with self.lock:
            return self.pending.pop(0) if self.pending else None

    def done(self, target: str, status: int, duration: float, log_path: str, worker: Worker) -> None:
        """Record a result and print the target's whole output at once."""
        with self.lock:
            self.results[target] = (status, duration)
            verdict = "passed" if status == 0 else "FAILED"
            print("==== %s: %s in %ds (worker %d)" % (target, verdict, duration, worker.index), flush=True)
            show_log(log_path, lines=None)
            if status != 0:
                show_log(worker.emulator.log_path)


def estimated_cost(collection: str, target: str) -> int:
    """Guess how long a target runs: its size, times three for a runme.sh script target
    (they run whole playbooks several times)."""
    size = target_size(collection, target)
    if os.path.exists(os.path.join(collection, "tests", "integration", "targets", target, "runme.sh")):
        size *= 3
    return size


def run_parallel(ansible_test: str, collection: str, arguments: list[str], targets: list[str], jobs: int) -> int:
    """Run the targets on `jobs` workers, each with its own copy and emulator."""
    queue = TargetQueue(collection, targets, [ansible_test, "integration"] + arguments)
    workers = [Worker(index, worker_copy(collection, index), queue) for index in range(1, min(jobs, len(targets)) + 1)]
    started = time.monotonic()
    try:
        for worker in workers:
            worker.thread.start()
            if worker is workers[0]:
                # ansible-test's first run for a user creates shared files (an SSH key
                # in ~/.ansible/test) without a lock between processes: let the first
                # worker finish that set-up before the others start.
                worker.begun.wait(timeout=300)
        for worker in workers:
            # join with a timeout, so that signals (SIGTERM, Ctrl-C) are handled here.
            while worker.thread.is_alive():
                worker.thread.join(timeout=1)
    finally:
        for worker in workers:
            worker.stop()
    print("==== integration targets (%d workers, %ds):" % (len(workers), time.monotonic() - started))
    failed = [target for target in targets if queue.results.get(target, (1, 0))[0] != 0]
    for target in targets:
        if target in queue.results:
            status, duration = queue.results[target]
            print("%-24s %-7s %5ds" % (target, "passed" if status == 0 else "FAILED", duration))
        else:
            print("%-24s %-7s" % (target, "NOT RUN"))
    errors = [worker.error for worker in workers if worker.error]
    print("targets: %d passed, %d failed" % (len(targets) - len(failed), len(failed)), flush=True)
    return 1 if failed or errors else 0


def main() -> int:
    """Entry point."""
    # Parsed by hand: everything after COLLECTION_DIR belongs to ansible-test.
    argv = sys.argv[1:]
    jobs = 1
    if len(argv) >= 2 and argv[0] == "--jobs":
        if not argv[1].isdigit() or int(argv[1]) < 1:
            sys.exit("--jobs takes a positive number, not %r" % argv[1])
        jobs = int(argv[1])
        argv = argv[2:]
    if not argv:
        sys.exit("usage: run_integration.py [--jobs N] COLLECTION_DIR [ANSIBLE_TEST_ARGS...]")
    collection = os.path.abspath(argv[0])
    arguments = argv[1:]
    output = os.path.join(collection, "tests", "output")
    os.makedirs(output, exist_ok=True)

    # One run at a time per copy: they would share integration_config.yml and the worker copies.
    lock = open(os.path.join(output, "integration.lock"), "w", encoding="utf-8")  # pylint: disable=consider-using-with
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        print("Waiting for another integration run on this copy to finish...", flush=True)
        fcntl.flock(lock, fcntl.LOCK_EX)

    ansible_test = os.path.join(os.path.dirname(sys.executable), "ansible-test")
    # ansible-test succeeds when it finds nothing to run ("All targets skipped."): fail.
    targets = list_targets(ansible_test, collection, arguments)
    if not targets:
        print("No integration target to run: ansible-test found none under tests/integration/targets.")
        return 1
    print("Integration targets: %s" % ", ".join(targets), flush=True)

    # Turn SIGTERM (from CI or make) into SystemExit so the finally blocks run.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    try:
        if jobs == 1 or len(targets) == 1:
            return run_serial(ansible_test, collection, arguments)
        return run_parallel(ansible_test, collection, arguments, targets, jobs)
    except RuntimeError as error:
        print(error)
        return 1


if __name__ == "__main__":
    sys.exit(main())
