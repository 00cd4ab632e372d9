# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Check that `make docs` built a page for every module, plugin, role and guide.

Usage: python tests/utils/check_docs.py HTML_DIR

The pages expected are read from the working tree (plugins/<type>/*.py, roles/*,
docs/docsite/rst/*.rst), so a new module or guide without a page fails.
"""

from __future__ import annotations

import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLUGIN_TYPES = {"modules": "module", "callback": "callback", "filter": "filter", "lookup": "lookup"}


def expected_pages() -> list[str]:
    """The HTML pages, relative to the site's root, the collection's docs must have."""
    base = os.path.join("collections", "mailops", "workmail")
    pages = [os.path.join(base, "index.html")]
    for directory, kind in PLUGIN_TYPES.items():
        for path in sorted(glob.glob(os.path.join(ROOT, "plugins", directory, "*.py"))):
            name = os.path.splitext(os.path.basename(path))[0]
            if not name.startswith("_"):
                pages.append(os.path.join(base, "%s_%s.html" % (name, kind)))
    for path in sorted(glob.glob(os.path.join(ROOT, "roles", "*", "meta", "argument_specs.yml"))):
        pages.append(os.path.join(base, "%s_role.html" % path.split(os.sep)[-3]))
    for path in sorted(glob.glob(os.path.join(ROOT, "docs", "docsite", "rst", "*.rst"))):
        pages.append(os.path.join(base, "docsite", os.path.splitext(os.path.basename(path))[0] + ".html"))
    return pages


def main() -> int:
    """Entry point."""
    if len(sys.argv) != 2:
        sys.exit("usage: check_docs.py HTML_DIR")
    html = sys.argv[1]
    pages = expected_pages()
    missing = [page for page in pages if not os.path.isfile(os.path.join(html, page))]
    for page in missing:
        print("make docs: no page %s" % page)
    if not missing:
        print("make docs: %d pages (every module, plugin, role and guide) in %s" % (len(pages), html))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
