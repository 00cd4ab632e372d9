#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Print the entries of a mailbox export ZIP as JSON: {entry name: subject of the message}."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import email
import json
import sys
import zipfile


def main():
    with zipfile.ZipFile(sys.argv[1]) as archive:
        entries = dict((name, email.message_from_bytes(archive.read(name))["Subject"]) for name in archive.namelist())
    print(json.dumps(entries, sort_keys=True))


if __name__ == "__main__":
    main()
