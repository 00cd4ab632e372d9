# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run `make test`'s checks in lanes that run at the same time; report each, fail if any failed.

Each argument is a lane: the checks (Makefile targets) it runs one after the other, separated
by spaces; an empty lane is left out. The lanes start together. A check's output goes to ``LOG_DIR/<check>.log``; when a
check fails its whole log is shown, after the lanes have finished, so that the output of two
lanes never interleaves. A check that fails does not stop its lane: every check runs.

Two lanes suit a 2-core machine: integration (which runs its own workers and spends part of its
time waiting on the emulator) in one, every other check in the other, where most checks use
one core.

Usage: python tests/utils/run_checks.py --log-dir DIR LANE [LANE...]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time

PRINT_LOCK = threading.Lock()


def say(line: str) -> None:
    with PRINT_LOCK:
        print(line, flush=True)


class Check:
    """One Makefile target: its result, duration and log once it has run."""

    def __init__(self, name: str, log_dir: str) -> None:
        self.name = name
        self.log_path = os.path.join(log_dir, name + ".log")
        self.status: int | None = None
        self.seconds = 0.0

    def run(self, make: list[str]) -> None:
        say("==== make %s (output: %s)" % (self.name, self.log_path))
        started = time.monotonic()
        with open(self.log_path, "wb") as log:
            self.status = subprocess.call(make + [self.name], stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        self.seconds = time.monotonic() - started
        say("==== %s" % self.line())

    def line(self) -> str:
        result = "not run" if self.status is None else ("passed" if self.status == 0 else "FAILED")
        return "%-15s %-7s %5ds" % (self.name, result, self.seconds)


def run_lane(checks: list[Check], make: list[str]) -> None:
    for check in checks:
        check.run(make)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log-dir", required=True)
    parser.add_argument("--make", default=os.environ.get("MAKE", "make"), help="the make program (default: $MAKE or make)")
    parser.add_argument("lanes", nargs="+", metavar="LANE", help="checks run one after the other, separated by spaces")
    options = parser.parse_args()

    os.makedirs(options.log_dir, exist_ok=True)
    lanes = [[Check(name, options.log_dir) for name in lane.split()] for lane in options.lanes if lane.split()]
    # The copy of the collection is made once, before the lanes start (see the Makefile's
    # `collection`): a check never refreshes it while another one reads it.
    make = [options.make, "--no-print-directory", "COLLECTION_SYNCED=1"]
    started = time.monotonic()
    threads = [threading.Thread(target=run_lane, args=(lane, make)) for lane in lanes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    checks = [check for lane in lanes for check in lane]
    failed = [check for check in checks if check.status != 0]
    for check in failed:
        print("==== output of make %s (%s)" % (check.name, check.log_path))
        with open(check.log_path, "r", encoding="utf-8", errors="replace") as log:
            sys.stdout.writelines(log)
    print("==== make test summary (%d lanes at once, %ds)" % (len(lanes), time.monotonic() - started))
    for check in checks:
        print(check.line())
    print("checks: %d passed, %d failed" % (len(checks) - len(failed), len(failed)))
    if failed:
        print("make test: FAILED: " + " ".join(check.name for check in failed))
        return 1
    print("make test: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
