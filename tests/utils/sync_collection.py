# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Lay the collection out the way ansible-test and ansible-lint need it.

ansible-test only works from a directory named ``ansible_collections/<namespace>/<name>``
and resolves symlinks, so this writes a real copy of the working tree (every file git
tracks plus every untracked file git does not ignore) to
``<build>/ansible_collections/mailops/workmail`` and copies the amazon.aws collection
of the running Python environment beside it.

The copy gets a git repository of its own (nothing committed): ansible-test lists the
files to test with git, and would otherwise find the enclosing checkout, where the
build directory is ignored, and test nothing.

Usage: python tests/utils/sync_collection.py BUILD_DIR
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

NAMESPACE = "mailops"
NAME = "workmail"
# Kept across refreshes: the copy's own git repository and ansible-test's results.
KEEP = (".git", "tests/output")


def source_files(root: str) -> list[str]:
    """Return the working-tree files git would commit: tracked plus untracked, not ignored."""
    output = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        check=True,
        stdout=subprocess.PIPE,
    ).stdout.decode("utf-8")
    names = sorted(set(name for name in output.split("\0") if name))
    # A tracked file deleted from the working tree is still listed by git; skip it.
    return [name for name in names if os.path.lexists(os.path.join(root, name))]


def clear(destination: str) -> None:
    """Empty the destination, except the directories in KEEP."""
    for dirpath, dirnames, filenames in os.walk(destination, topdown=True):
        relative = os.path.relpath(dirpath, destination)
        for dirname in list(dirnames):
            path = os.path.normpath(os.path.join(relative, dirname))
            if path in KEEP:
                dirnames.remove(dirname)
        for filename in filenames:
            os.unlink(os.path.join(dirpath, filename))
    for dirpath, dirnames, filenames in os.walk(destination, topdown=False):
        relative = os.path.normpath(os.path.relpath(dirpath, destination))
        if dirpath != destination and not any(
            relative == keep or relative.startswith(keep + os.sep) or keep.startswith(relative + os.sep) for keep in KEEP
        ):
            if not os.listdir(dirpath):
                os.rmdir(dirpath)


def copy_collection(root: str, destination: str) -> int:
    """Copy the working tree of the collection to the destination; return the file count."""
    os.makedirs(destination, exist_ok=True)
    clear(destination)
    files = source_files(root)
    for name in files:
        source = os.path.join(root, name)
        target = os.path.join(destination, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.islink(source):
            os.symlink(os.readlink(source), target)
        else:
            shutil.copy2(source, target)
    if not os.path.isdir(os.path.join(destination, ".git")):
        subprocess.run(["git", "init", "--quiet", destination], check=True)
    return len(files)


def copy_amazon_aws(build: str) -> str:
    """Copy amazon.aws from the ansible package of this Python beside the collection."""
    import ansible  # pylint: disable=import-outside-toplevel

    site_packages = os.path.dirname(os.path.dirname(os.path.abspath(ansible.__file__)))
    source = os.path.join(site_packages, "ansible_collections", "amazon", "aws")
    if not os.path.isfile(os.path.join(source, "MANIFEST.json")):
        sys.exit("amazon.aws not found at %s: install the ansible package (make venv)" % source)
    target = os.path.join(build, "ansible_collections", "amazon", "aws")
    if os.path.isdir(target):
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return source


def main() -> None:
    """Entry point."""
    if len(sys.argv) != 2:
        sys.exit("usage: sync_collection.py BUILD_DIR")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    build = os.path.abspath(sys.argv[1])
    destination = os.path.join(build, "ansible_collections", NAMESPACE, NAME)
    count = copy_collection(root, destination)
    source = copy_amazon_aws(build)
    print("Copied %d files to %s and amazon.aws from %s" % (count, os.path.relpath(destination, root), source))


if __name__ == "__main__":
    main()
