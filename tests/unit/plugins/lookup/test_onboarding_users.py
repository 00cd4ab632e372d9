# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.errors import AnsibleError
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import lookup_loader


@pytest.fixture
def lookup():
    return lookup_loader.get("mailops.workmail.onboarding_users", loader=DataLoader(), templar=None)


def test_reads_files_and_merges_the_list(lookup, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("name,groups\njdoe,finance\n")
    second = tmp_path / "b.csv"
    second.write_text("name\nomar\n")
    people = lookup.run([[str(first)], str(second), ""], variables={}, users=[{"name": "zoe"}], default_domain="example.com")
    assert [(p["name"], p["email"], p["groups"]) for p in people] == [
        ("jdoe", "jdoe@example.com", ["finance"]),
        ("omar", "omar@example.com", []),
        ("zoe", "zoe@example.com", []),
    ]


def test_no_file_at_all(lookup):
    assert lookup.run([], variables={}, users=[{"name": "zoe"}]) == [{"name": "zoe", "groups": []}]


def test_a_problem_is_an_ansible_error_naming_the_file_row_and_column(lookup, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,enabled\njdoe,maybe\n")
    with pytest.raises(AnsibleError) as caught:
        lookup.run([str(path)], variables={})
    assert caught.value.message == "{0}, row 2, column 'enabled': 'maybe' is not a boolean (use true or false)".format(path)


def test_a_missing_file(lookup, tmp_path):
    with pytest.raises(AnsibleError) as caught:
        lookup.run([str(tmp_path / "missing.csv")], variables={})
    assert caught.value.message == (
        "{0}: file not found (relative paths are looked up in the files directories of the role and the playbook)".format(tmp_path / "missing.csv")
    )
