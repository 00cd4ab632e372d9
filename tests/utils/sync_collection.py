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


def same_file(source: str, target: str) -> bool:
    """Return whether target already is an identical copy of source."""
    if os.path.islink(source) or os.path.islink(target):
        return os.path.islink(source) and os.path.islink(target) and os.readlink(source) == os.readlink(target)
    if not os.path.isfile(target):
        return False
    with open(source, "rb") as left, open(target, "rb") as right:
        return left.read() == right.read()


def ignored(root: str, paths: list[str]) -> set[str]:
    """Return the paths (relative to root) that the checkout's ignore rules ignore."""
    if not paths:
        return set()
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "-z", "--stdin"],
        cwd=root,
        input="\0".join(paths).encode("utf-8"),
        stdout=subprocess.PIPE,
        check=False,
    )
    if result.returncode not in (0, 1):
        raise RuntimeError("git check-ignore failed with status %d" % result.returncode)
    return set(name for name in result.stdout.decode("utf-8").split("\0") if name)


def kept(relative: str) -> bool:
    """Return whether a path of the copy is in (or above) one of the KEEP directories."""
    return any(relative == keep or relative.startswith(keep + os.sep) for keep in KEEP)


def copy_collection(root: str, destination: str) -> tuple[int, int, int]:
    """Bring the copy in line with the working tree; return (files, updated, removed).

    Files are only rewritten when they differ, each through a temporary file and an
    atomic rename, and only files gone from the working tree are removed, so a test
    reading the copy while it is refreshed never finds a file missing or half-written.
    """
    os.makedirs(destination, exist_ok=True)
    files = source_files(root)
    wanted = set(files)
    updated = 0
    for name in files:
        source = os.path.join(root, name)
        target = os.path.join(destination, name)
        if same_file(source, target):
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        temporary = target + ".sync-tmp"
        if os.path.lexists(temporary):
            os.unlink(temporary)
        if os.path.islink(source):
            os.symlink(os.readlink(source), temporary)
        else:
            shutil.copy2(source, temporary)
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target)
        os.replace(temporary, target)
        updated += 1
    removed = 0
    stale = []
    for dirpath, dirnames, filenames in os.walk(destination, topdown=True):
        relative_dir = os.path.relpath(dirpath, destination)
        relative_dir = "" if relative_dir == os.curdir else relative_dir
        dirnames[:] = [name for name in dirnames if not kept(os.path.join(relative_dir, name))]
        stale.extend(
            os.path.join(relative_dir, name) for name in filenames if os.path.join(relative_dir, name) not in wanted
        )
    # Files the checkout ignores were made in the copy by a check (the integration
    # config, caches) and may be in use by one still running: leave them.
    for relative in sorted(set(stale) - ignored(root, stale)):
        os.unlink(os.path.join(destination, relative))
        removed += 1
    for dirpath, dirnames, filenames in os.walk(destination, topdown=False):
        relative_dir = os.path.relpath(dirpath, destination)
        relative_dir = "" if relative_dir == os.curdir else relative_dir
        if kept(relative_dir):
            continue
        for dirname in dirnames:
            path = os.path.join(dirpath, dirname)
            relative = os.path.join(relative_dir, dirname)
            if os.path.islink(path):
                if relative not in wanted:
                    os.unlink(path)
                    removed += 1
            elif not kept(relative) and not os.listdir(path):
                os.rmdir(path)
    if not os.path.isdir(os.path.join(destination, ".git")):
        subprocess.run(["git", "init", "--quiet", destination], check=True)
    return len(files), updated, removed


def copy_amazon_aws(build: str) -> str:
    """Copy amazon.aws from the ansible package of this Python beside the collection."""
    import ansible  # pylint: disable=import-outside-toplevel

    site_packages = os.path.dirname(os.path.dirname(os.path.abspath(ansible.__file__)))
    source = os.path.join(site_packages, "ansible_collections", "amazon", "aws")
    if not os.path.isfile(os.path.join(source, "MANIFEST.json")):
        sys.exit("amazon.aws not found at %s: install the ansible package (make venv)" % source)
    target = os.path.join(build, "ansible_collections", "amazon", "aws")
    manifest = os.path.join(target, "MANIFEST.json")
    if os.path.isfile(manifest) and same_file(os.path.join(source, "MANIFEST.json"), manifest):
        return source
    # Another version (or none) is there: replace it as a whole.
    staging = target + ".sync-tmp"
    if os.path.isdir(staging):
        shutil.rmtree(staging)
    shutil.copytree(source, staging, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    if os.path.isdir(target):
        shutil.rmtree(target)
    os.replace(staging, target)
    return source


def main() -> None:
    """Entry point."""
    if len(sys.argv) != 2:
        sys.exit("usage: sync_collection.py BUILD_DIR")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    build = os.path.abspath(sys.argv[1])
    destination = os.path.join(build, "ansible_collections", NAMESPACE, NAME)
    count, updated, removed = copy_collection(root, destination)
    source = copy_amazon_aws(build)
    print(
        "%s: %d files (%d updated, %d removed); amazon.aws from %s"
        % (os.path.relpath(destination, root), count, updated, removed, source)
    )


if __name__ == "__main__":
    main()
