# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Offline stand-in for the get-pip.py script ansible-test downloads.

ansible-test bootstraps pip into the virtual environments it creates by running a
get-pip.py script it downloads from ci-files.testing.ansible.com and caches as
``~/.ansible/test/cache/get_pip_<version>.py``. Where that host cannot be reached,
``make`` installs this file under that name instead. It does what get-pip.py does with
the arguments ansible-test passes (``pip==<version>`` plus ``--no-setuptools`` /
``--no-wheel``): install pip with the standard library's ``ensurepip``, then let that pip
install the requested packages from the configured package index.
"""

from __future__ import annotations

import subprocess
import sys

# Marks the file as this stand-in, so make can refresh it without touching a real get-pip.
MARKER = "mailops.workmail get-pip stand-in"
GET_PIP_ONLY = ("--no-setuptools", "--no-wheel", "--no-pip")


def main() -> None:
    """Install pip, then the packages named on the command line."""
    arguments = sys.argv[1:]
    pip_arguments = [argument for argument in arguments if argument not in GET_PIP_ONLY]
    subprocess.run([sys.executable, "-m", "ensurepip", "--upgrade", "--default-pip"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "pip", "install", "--upgrade"] + pip_arguments, check=True)
    if "--no-setuptools" in arguments:
        # ensurepip of Python < 3.12 also installs setuptools, which get-pip would not.
        subprocess.run([sys.executable, "-m", "pip", "uninstall", "--yes", "--quiet", "setuptools"], check=False)


if __name__ == "__main__":
    main()
