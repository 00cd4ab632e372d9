# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mailops.workmail.plugins.module_utils.relationships import nesting_path

# all-staff holds finance, finance holds payroll; audit stands alone.
NESTED = {"all-staff": ["finance"], "finance": ["payroll"], "payroll": [], "audit": []}


@pytest.mark.parametrize(
    "group, member, path",
    [
        ("payroll", "all-staff", ["all-staff", "finance", "payroll"]),
        ("finance", "all-staff", ["all-staff", "finance"]),
        ("finance", "finance", ["finance"]),
        ("all-staff", "payroll", None),
        ("finance", "audit", None),
        ("audit", "all-staff", None),
    ],
)
def test_nesting_path(group, member, path):
    assert nesting_path(lambda key: NESTED.get(key, []), group, member) == path


def test_nesting_path_stops_on_an_existing_loop():
    looped = {"a": ["b"], "b": ["a"]}
    assert nesting_path(lambda key: looped[key], "c", "a") is None
