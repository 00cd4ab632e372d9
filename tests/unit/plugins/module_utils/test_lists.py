# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mailops.workmail.plugins.module_utils.lists import apply_plan
from ansible_collections.mailops.workmail.plugins.module_utils.lists import plan


@pytest.mark.parametrize(
    "mode, desired, added, removed",
    [
        ("present", ["b", "c"], ["c"], []),
        ("absent", ["b", "c"], [], ["b"]),
        ("exact", ["b", "c"], ["c"], ["a"]),
        ("exact", [], [], ["a", "b"]),
        ("present", [], [], []),
    ],
)
def test_plan(mode, desired, added, removed):
    assert plan(["a", "b"], desired, mode) == (added, removed)


def test_plan_compares_through_the_key_and_keeps_the_callers_items():
    to_add, to_remove = plan(["Jane@Example.com"], ["jane@example.com", "OMAR@example.com", "omar@example.com"], "exact", key=str.lower)
    assert to_add == ["OMAR@example.com"]
    assert to_remove == []


def test_apply_plan():
    assert apply_plan(["a", "b"], ["c"], ["a"]) == ["b", "c"]


def test_unknown_mode():
    with pytest.raises(ValueError):
        plan([], [], "sometimes")
