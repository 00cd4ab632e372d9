# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Check the execution environment build context that `ansible-builder create` wrote.

Usage: python tests/utils/check_ee.py CONTEXT_DIR INSTALLED_COLLECTIONS_DIR

CI has no container engine, so the image is not built; this checks what the build would
use: the Containerfile installs the collection tarball the context holds, that tarball is
this version of the collection with its meta/execution-environment.yml, the galaxy
requirements bring amazon.aws, and `ansible-builder introspect` finds the collection's Python
requirements (boto3, botocore) in the installed collection, as the image build does.
"""

from __future__ import annotations

import glob
import json
import os
import subprocess
import sys
import tarfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def problems(context: str, installed: str) -> list[str]:
    """Return what is wrong with the build context (nothing when all is well)."""
    found = []
    with open(os.path.join(ROOT, "galaxy.yml"), encoding="utf-8") as galaxy:
        version = yaml.safe_load(galaxy)["version"]
    tarballs = sorted(os.path.basename(p) for p in glob.glob(os.path.join(context, "_build", "collections", "*.tar.gz")))
    expected = "mailops-workmail-%s.tar.gz" % version
    if tarballs != [expected]:
        found.append("_build/collections holds %s, expected only %s" % (tarballs or "nothing", expected))
    else:
        with tarfile.open(os.path.join(context, "_build", "collections", expected)) as tarball:
            names = tarball.getnames()
            manifest = json.load(tarball.extractfile("MANIFEST.json"))["collection_info"]
        if (manifest["namespace"], manifest["name"], manifest["version"]) != ("mailops", "workmail", version):
            found.append("the tarball is %(namespace)s.%(name)s %(version)s" % manifest)
        for needed in ("meta/execution-environment.yml", "requirements.txt", "plugins/callback/plan.py"):
            if needed not in names:
                found.append("the tarball lacks %s" % needed)
    with open(os.path.join(context, "Containerfile"), encoding="utf-8") as containerfile:
        text = containerfile.read()
    if "ansible-galaxy collection install --collections-path /usr/share/ansible/collections /build/collections/*.tar.gz" not in text:
        found.append("the Containerfile does not install the collection tarball")
    with open(os.path.join(context, "_build", "requirements.yml"), encoding="utf-8") as requirements:
        collections = [c["name"] for c in yaml.safe_load(requirements).get("collections", [])]
    if "amazon.aws" not in collections:
        found.append("_build/requirements.yml does not bring amazon.aws: %s" % collections)
    builder = os.path.join(os.path.dirname(sys.executable), "ansible-builder")
    result = subprocess.run([builder, "introspect", "--sanitize", installed], check=False, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(result.stdout)
    python = (yaml.safe_load(result.stdout.split("---", 1)[-1]) or {}).get("python") or [] if result.returncode == 0 else []
    for package in ("boto3", "botocore"):
        if not any(line.startswith(package + ">=") and "mailops.workmail" in line for line in python):
            found.append("ansible-builder introspect does not find %s from mailops.workmail" % package)
    return found


def main() -> int:
    """Entry point."""
    if len(sys.argv) != 3:
        sys.exit("usage: check_ee.py CONTEXT_DIR INSTALLED_COLLECTIONS_DIR")
    found = problems(*sys.argv[1:])
    for problem in found:
        print("execution environment: " + problem)
    if not found:
        print("execution environment: the build context at %s installs this collection and its requirements" % sys.argv[1])
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
