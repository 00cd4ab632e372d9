# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Emulator housekeeping for the runme.sh targets: ``emulator.py CONFIG reset|clear_calls|assert_no_writes``.

The same three steps as setup_emulator's tasks files of those names, without starting
ansible-playbook for each (lib.sh's ``emulator`` runs this between the playbooks of a target):

* ``reset``: forget every organization, user, group, ... and the call log;
* ``clear_calls``: empty the call log;
* ``assert_no_writes``: fail, listing them, if the call log holds a write call (an operation that
  does not start with one of setup_emulator's ``setup_emulator_read_prefixes``).

CONFIG is tests/integration/integration_config.yml, which names the emulator's URL.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import sys

from urllib.request import Request, urlopen

import yaml

DEFAULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "setup_emulator", "defaults", "main.yml")


def read_prefixes():
    """setup_emulator_read_prefixes from setup_emulator's defaults."""
    with open(DEFAULTS, encoding="utf-8") as defaults:
        return tuple(yaml.safe_load(defaults)["setup_emulator_read_prefixes"])


def endpoint(config_path):
    """The emulator's URL from the integration config."""
    with open(config_path, encoding="utf-8") as config:
        return yaml.safe_load(config)["workmail_endpoint_url"].rstrip("/")


def call(url, method):
    with urlopen(Request(url, method=method), timeout=60) as response:  # nosec: the emulator on loopback
        body = response.read()
    return json.loads(body) if body else None


def main(argv):
    if len(argv) != 3 or argv[2] not in ("reset", "clear_calls", "assert_no_writes"):
        sys.exit("usage: emulator.py CONFIG reset|clear_calls|assert_no_writes")
    url, action = endpoint(argv[1]), argv[2]
    if action == "reset":
        call(url + "/moto-api/reset", "POST")
    if action in ("reset", "clear_calls"):
        call(url + "/_emulator/calls", "DELETE")
        return
    calls = call(url + "/_emulator/calls", "GET")
    reads = read_prefixes()
    writes = [entry for entry in calls if not entry["operation"].startswith(reads)]
    if writes:
        sys.exit(
            "The emulator received {0} write call(s) where none was expected: {1}.\nFull entries: {2}".format(
                len(writes), ", ".join("{0} -> HTTP {1}".format(entry["operation"], entry["status"]) for entry in writes), json.dumps(writes)
            )
        )
    print("No write call among {0} call(s).".format(len(calls)))


if __name__ == "__main__":
    main(sys.argv)
