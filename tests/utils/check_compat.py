# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Check that `make compat` tests the oldest ansible-core the collection claims.

Usage: python tests/utils/check_compat.py COMPAT_PYTHON

The claim is in meta/runtime.yml (requires_ansible: ">=X.Y.Z") and in the README's
compatibility table ("X.Y or later"); COMPAT_PYTHON's ansible-core must be that X.Y.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main() -> int:
    """Entry point."""
    if len(sys.argv) != 2:
        sys.exit("usage: check_compat.py COMPAT_PYTHON")
    with open(os.path.join(ROOT, "meta", "runtime.yml"), encoding="utf-8") as runtime:
        requires = yaml.safe_load(runtime)["requires_ansible"]
    floor = re.fullmatch(r">=\s*(\d+\.\d+)(\.\d+)?", requires.split(",")[0].strip())
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as readme:
        claim = re.search(r"^\| ansible-core \| (\d+\.\d+) or later \|", readme.read(), re.M)
    tested = subprocess.run(
        [sys.argv[1], "-c", "import ansible.release; print(ansible.release.__version__)"], check=True, stdout=subprocess.PIPE, text=True
    ).stdout.strip()
    problems = []
    if not floor:
        problems.append("meta/runtime.yml: requires_ansible %r has no >=X.Y floor" % requires)
    if not claim:
        problems.append("README.md: the compatibility table has no 'ansible-core | X.Y or later' row")
    if floor and claim and floor.group(1) != claim.group(1):
        problems.append("meta/runtime.yml claims %s, README.md %s" % (floor.group(1), claim.group(1)))
    if floor and ".".join(tested.split(".")[:2]) != floor.group(1):
        problems.append("requirements-compat.txt installs ansible-core %s, not the oldest claimed, %s" % (tested, floor.group(1)))
    for problem in problems:
        print("make compat: " + problem)
    if not problems:
        print("make compat: testing ansible-core %s, the oldest the collection claims (%s)" % (tested, requires))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
