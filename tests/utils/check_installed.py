# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Check that ansible-doc reads a module's documentation from an installed collection.

Usage: python tests/utils/check_installed.py ANSIBLE_DOC COLLECTIONS_PATH MODULE_FQCN

Run with ANSIBLE_COLLECTIONS_PATH=COLLECTIONS_PATH. Fails unless ansible-doc succeeds,
returns the module's documentation, and found it under COLLECTIONS_PATH (not in
some other copy of the collection).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys


def main() -> int:
    """Entry point."""
    if len(sys.argv) != 4:
        sys.exit("usage: check_installed.py ANSIBLE_DOC COLLECTIONS_PATH MODULE_FQCN")
    ansible_doc, collections_path, fqcn = sys.argv[1:]
    result = subprocess.run([ansible_doc, "--json", "--type", "module", fqcn], check=False, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print("ansible-doc %s failed with status %d" % (fqcn, result.returncode))
        return 1
    try:
        doc = json.loads(result.stdout)[fqcn]["doc"]
    except (ValueError, KeyError, TypeError):
        print("ansible-doc %s returned no documentation:\n%s" % (fqcn, result.stdout[:2000]))
        return 1
    filename = os.path.realpath(doc.get("filename") or "")
    installed = os.path.realpath(collections_path)
    if not filename.startswith(installed + os.sep):
        print("ansible-doc read %s from %s, not from the installed copy under %s" % (fqcn, filename, installed))
        return 1
    print("ansible-doc %s: %d options, read from %s" % (fqcn, len(doc.get("options") or {}), os.path.relpath(filename, installed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
