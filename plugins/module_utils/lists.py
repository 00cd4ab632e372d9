# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one list grammar of the collection: ``state: present | absent | exact``.

``present`` adds the listed items and keeps the others, ``absent`` removes the listed items,
``exact`` makes the list exactly the listed items (an empty list empties it).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

LIST_STATES = ("present", "absent", "exact")


def plan(current, desired, mode, key=None):
    """Return ``(to_add, to_remove)`` turning ``current`` into what ``mode`` asks of ``desired``.

    Items are compared through ``key`` (for example ``str.casefold`` for addresses); the
    returned items are the caller's own, in the order they were given, without duplicates.
    """
    key = key or (lambda item: item)
    have = dict((key(item), item) for item in current)
    want = _unique(desired, key)
    if mode == "present":
        return [item for k, item in want.items() if k not in have], []
    if mode == "absent":
        return [], [have[k] for k in want if k in have]
    if mode == "exact":
        return [item for k, item in want.items() if k not in have], [item for k, item in have.items() if k not in want]
    raise ValueError("unknown list state {0!r}".format(mode))


def apply_plan(current, to_add, to_remove, key=None):
    """The list ``current`` becomes once ``to_add`` and ``to_remove`` are applied."""
    key = key or (lambda item: item)
    gone = set(key(item) for item in to_remove)
    return [item for item in current if key(item) not in gone] + list(to_add)


def _unique(items, key):
    seen = {}
    for item in items:
        seen.setdefault(key(item), item)
    return seen
