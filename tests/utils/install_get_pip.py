# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Put tests/utils/get_pip.py where ansible-test looks for its cached get-pip script.

The pip version, and so the file name, is read from the installed ansible-test, so this
keeps working when ansible-core is upgraded. A real get-pip script already in the cache
is left alone.
"""

from __future__ import annotations

import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARKER = "mailops.workmail get-pip stand-in"


def pip_version() -> str:
    """Return the pip version ansible-test bootstraps into its virtual environments."""
    import ansible_test  # pylint: disable=import-outside-toplevel

    path = os.path.join(os.path.dirname(os.path.abspath(ansible_test.__file__)), "_internal", "python_requirements.py")
    with open(path, encoding="utf-8") as source:
        match = re.search(r"""\bpip=['"]([0-9.]+)['"]""", source.read())
    if not match:
        sys.exit("Cannot find the pip version ansible-test bootstraps in %s" % path)
    return match.group(1)


def main() -> None:
    """Entry point."""
    version = pip_version()
    cache = os.path.expanduser(os.path.join("~", ".ansible", "test", "cache"))
    target = os.path.join(cache, "get_pip_%s.py" % version.replace(".", "_"))
    if os.path.exists(target):
        with open(target, encoding="utf-8", errors="replace") as current:
            if MARKER not in current.read():
                print("Using the get-pip script already cached at %s" % target)
                return
    os.makedirs(cache, exist_ok=True)
    shutil.copyfile(os.path.join(HERE, "get_pip.py"), target)
    print("Installed the get-pip stand-in for pip %s at %s" % (version, target))


if __name__ == "__main__":
    main()
