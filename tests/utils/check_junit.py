# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fail unless the JUnit reports in a directory show that tests really ran.

ansible-test treats pytest's "no tests collected" (exit status 5) as a success and
prints "All targets skipped." when there is nothing to run; `make units` uses this
so that a run which tested nothing fails instead.

Usage: python tests/utils/check_junit.py JUNIT_DIR PATTERN
"""

from __future__ import annotations

import fnmatch
import os
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    """Entry point."""
    if len(sys.argv) != 3:
        sys.exit("usage: check_junit.py JUNIT_DIR PATTERN")
    directory, pattern = sys.argv[1:]
    reports = sorted(name for name in os.listdir(directory) if fnmatch.fnmatch(name, pattern)) if os.path.isdir(directory) else []
    if not reports:
        print("No JUnit report matching %s in %s: no tests ran." % (pattern, directory))
        return 1
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for name in reports:
        root = ET.parse(os.path.join(directory, name)).getroot()
        suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
        for suite in suites:
            for key in total:
                total[key] += int(suite.get(key, 0))
    ran = total["tests"] - total["skipped"]
    print("%s: %d tests, %d skipped, %d failures, %d errors" % (", ".join(reports), total["tests"], total["skipped"], total["failures"], total["errors"]))
    if ran <= 0:
        print("No test ran.")
        return 1
    if total["failures"] or total["errors"]:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
