# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.filter.offboarding_plan import offboarding_plan
from ansible_collections.mailops.workmail.plugins.filter.offboarding_report import offboarding_report

ALICE = {"id": "u-alice", "name": "alice", "email": "alice@example.com", "enabled": True}
# carol, the successor, after alice's offboarding moved alice's address to her.
CAROL = {"id": "u-carol", "name": "carol", "email": "carol@example.com", "enabled": True}
GROUPS = [
    {"name": "team", "members": [{"id": "u-alice", "name": "alice"}, {"id": "u-bob", "name": "bob"}]},
    {"name": "Board", "members": [{"id": "u-alice", "name": "alice"}]},
    {"name": "empty", "members": []},
]


def test_plan_finds_each_leaver_and_its_groups():
    lookups = [
        {"item": "alice", "users": [ALICE]},
        {"item": "alice@example.com", "users": [ALICE]},
        {"item": "ghost", "users": []},
    ]
    assert offboarding_plan(lookups, groups=GROUPS) == [
        {
            "ref": "alice", "found": True, "id": "u-alice", "name": "alice", "email": "alice@example.com", "enabled": True,
            "groups": ["Board", "team"], "alias_of": None,
        },
        {"ref": "ghost", "found": False, "id": None, "name": None, "email": None, "enabled": False, "groups": [], "alias_of": None},
    ]


def test_an_email_finds_only_the_user_whose_primary_address_it_is():
    # user_info finds a user by any of its addresses; an alias holder is not the leaver.
    lookups = [{"item": "ALICE@example.com", "users": [ALICE]}, {"item": "alice.old@example.com", "users": [CAROL]}]
    groups = GROUPS + [{"name": "carols", "members": [{"id": "u-carol", "name": "carol"}]}]

    plan = offboarding_plan(lookups, groups=groups)

    assert [(leaver["ref"], leaver["found"], leaver["id"]) for leaver in plan] == [
        ("ALICE@example.com", True, "u-alice"),
        ("alice.old@example.com", False, None),
    ]
    assert plan[1] == {
        "ref": "alice.old@example.com", "found": False, "id": None, "name": None, "email": None, "enabled": False, "groups": [],
        "alias_of": {"id": "u-carol", "name": "carol", "email": "carol@example.com"},
    }


def test_plan_needs_loop_results():
    with pytest.raises(AnsibleFilterError):
        offboarding_plan("alice")
    with pytest.raises(AnsibleFilterError):
        offboarding_plan([{"users": []}])


def test_report_with_a_successor():
    leavers = offboarding_plan([{"item": "alice", "users": [ALICE]}, {"item": "ghost", "users": []}], groups=GROUPS)
    alias_result = {"item": leavers[0], "changed": True, "aliases": {"removed": ["a@example.com"], "added": []}}
    report = offboarding_report(
        leavers,
        memberships=[{"name": "team", "removed": ["alice"]}, {"name": "Board", "removed": ["ALICE"]}],
        aliases=[alias_result],
        moved_aliases=[{"item": alias_result, "changed": True}],
        disabled=[{"item": leavers[0], "changed": True}],
        moved_primary=[{"item": leavers[0], "changed": True}],
        deleted=[{"item": leavers[0], "skipped": True}],
        successor="carol",
    )
    assert report["lines"] == [
        "alice: left Board, team; aliases moved to carol: a@example.com; mailbox disabled (WorkMail keeps it 30 days); "
        "alice@example.com now reaches carol",
        "ghost: not found (already deleted, or never existed); nothing to do",
    ]
    assert report["people"][0]["changed"] is True
    assert report["people"][0]["deleted"] is False
    assert report["people"][1]["changed"] is False


def test_report_of_a_second_run():
    leaver = dict(ALICE, ref="alice", found=True, enabled=False, email=None, groups=[])
    report = offboarding_report([leaver], disabled=[{"item": leaver, "changed": False}])
    assert report["lines"] == ["alice: unchanged (already offboarded)"]


def test_report_of_a_deletion_without_successor():
    leaver = offboarding_plan([{"item": "alice", "users": [ALICE]}], groups=[])[0]
    report = offboarding_report(
        [leaver],
        aliases=[{"item": leaver, "changed": True, "aliases": {"removed": ["a@example.com"]}}],
        disabled=[{"item": leaver, "changed": True}],
        deleted=[{"item": leaver, "changed": True}],
    )
    assert report["lines"] == ["alice: aliases removed: a@example.com; mailbox disabled (WorkMail keeps it 30 days); user deleted"]


@pytest.mark.parametrize(
    "successor, line",
    [
        ("carol", "alice@example.com: not found as a primary address (it is an alias of carol, the successor: already offboarded); nothing to do"),
        ("CAROL@example.com", "alice@example.com: not found as a primary address (it is an alias of carol, the successor: already offboarded); nothing to do"),
        ("u-carol", "alice@example.com: not found as a primary address (it is an alias of carol, the successor: already offboarded); nothing to do"),
        ("", "alice@example.com: not found as a primary address (it is an alias of carol); nothing to do"),
        ("dave", "alice@example.com: not found as a primary address (it is an alias of carol); nothing to do"),
    ],
    ids=["successor by name", "successor by email", "successor by ID", "no successor", "another successor"],
)
def test_report_of_a_rerun_for_a_leaver_given_by_email_whose_address_moved(successor, line):
    leavers = offboarding_plan([{"item": "alice@example.com", "users": [CAROL]}], groups=GROUPS)

    report = offboarding_report(leavers, successor=successor)

    assert report["lines"] == [line]
    assert report["people"] == [
        {
            "leaver": "alice@example.com", "name": None, "found": False, "exported_to": None, "groups_left": [], "aliases_removed": [],
            "aliases_moved_to": None, "primary_email_moved": None, "disabled": False, "deleted": False, "changed": False,
        }
    ]


def test_report_of_a_rerun_for_a_leaver_given_by_email_whose_address_was_released():
    leavers = offboarding_plan([{"item": "alice@example.com", "users": []}])

    report = offboarding_report(leavers, successor="")

    assert report["lines"] == ["alice@example.com: not found as a primary address (already offboarded, or never one); nothing to do"]
    assert report["people"][0]["changed"] is False


def test_report_of_an_export_before_the_offboarding():
    leaver = dict(ALICE, ref="alice", found=True, groups=[], alias_of=None)
    exports = [{"entity": "alice", "state": "completed", "s3_path": "exports/offboarding/job-1.zip"},
               {"entity": "bob", "state": "completed", "s3_path": "exports/offboarding/job-2.zip"}]
    report = offboarding_report([leaver], disabled=[{"item": leaver, "changed": True}], exports=exports)
    assert report["people"][0]["exported_to"] == "exports/offboarding/job-1.zip"
    assert report["lines"] == [
        "alice: mailbox exported to exports/offboarding/job-1.zip; mailbox disabled (WorkMail keeps it 30 days)"]

    planned = offboarding_report([leaver], disabled=[{"item": leaver, "changed": True}], exports=[{"entity": "alice", "state": "would_start"}])
    assert planned["lines"] == ["alice: mailbox exported; mailbox disabled (WorkMail keeps it 30 days)"]
    assert offboarding_report([leaver], exports=[])["people"][0]["exported_to"] is None
