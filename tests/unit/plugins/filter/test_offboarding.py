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
            "groups": ["Board", "team"], "alias_of": None, "aliases": [], "tokens": [], "devices": [], "keep_mailbox": False,
            "full_access": False, "offboarded": False,
        },
        {
            "ref": "ghost", "found": False, "id": None, "name": None, "email": None, "enabled": False, "groups": [], "alias_of": None,
            "aliases": [], "tokens": [], "devices": [], "keep_mailbox": False, "full_access": False, "offboarded": False,
        },
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
        "alias_of": {"id": "u-carol", "name": "carol", "email": "carol@example.com"}, "aliases": [], "tokens": [], "devices": [],
        "keep_mailbox": False, "full_access": False, "offboarded": False,
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
            "aliases_moved_to": None, "primary_email_moved": None, "password_reset": False, "tokens_revoked": 0, "device_overrides_removed": [],
            "mailbox_kept": False, "full_access_given_to": None, "disabled": False, "deleted": False, "changed": False,
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


# dave leaves; his mailbox stays for carol. He has two tokens and an override, an alias, and is in a group.
DAVE = {"id": "u-dave", "name": "dave", "email": "dave@example.com", "enabled": True, "aliases": ["d@example.com"]}
DAVE_GROUPS = [{"name": "team", "members": [{"id": "u-dave", "name": "dave"}]}]


def _reads(leaver_id, tokens=(), devices=(), grants=()):
    """The registered results of the three reads the role makes for a leaver, as keyword arguments of offboarding_plan."""
    item = {"id": leaver_id}
    return dict(
        tokens=[{"item": item, "personal_access_tokens": [{"token_id": token, "name": token} for token in tokens]}],
        overrides=[{"item": item, "mobile_device_access_overrides": [{"user": leaver_id, "device_id": device} for device in devices]}],
        permissions=[{"item": item, "mailbox_permissions": [{"entity": "dave", "grants": list(grants)}]}],
    )


def test_plan_of_a_leaver_whose_mailbox_stays_for_a_successor():
    plan = offboarding_plan(
        [{"item": "dave", "users": [DAVE]}], groups=DAVE_GROUPS, mailbox_successor=CAROL,
        **_reads("u-dave", tokens=["t1", "t2"], devices=["ApplPHONE1"], grants=[{"grantee": "carol", "permissions": ["send_as"]}])
    )
    assert plan == [
        {
            "ref": "dave", "found": True, "id": "u-dave", "name": "dave", "email": "dave@example.com", "enabled": True, "groups": ["team"],
            "alias_of": None, "aliases": ["d@example.com"], "tokens": ["t1", "t2"], "devices": ["ApplPHONE1"], "keep_mailbox": True,
            "full_access": False, "offboarded": False,
        }
    ]


@pytest.mark.parametrize(
    "user, reads, offboarded",
    [
        (dict(DAVE, aliases=[]), dict(grants=[{"grantee": "CAROL", "permissions": ["full_access", "send_as"]}]), True),
        (dict(DAVE, aliases=[]), dict(), False),
        (dict(DAVE, aliases=[]), dict(grants=[{"grantee": "carol", "permissions": ["send_as"]}]), False),
        (dict(DAVE, aliases=[]), dict(grants=[{"grantee": "bob", "permissions": ["full_access"]}]), False),
        (dict(DAVE, aliases=["d@example.com"]), dict(grants=[{"grantee": "carol", "permissions": ["full_access"]}]), False),
        (dict(DAVE, aliases=[]), dict(tokens=["t1"], grants=[{"grantee": "carol", "permissions": ["full_access"]}]), False),
        (dict(DAVE, aliases=[]), dict(devices=["ApplPHONE1"], grants=[{"grantee": "carol", "permissions": ["full_access"]}]), False),
    ],
    ids=["done", "no grant yet", "carol without full access", "another grantee", "an alias left", "a token left", "an override left"],
)
def test_a_leaver_whose_mailbox_stays_is_offboarded_once_it_holds_nothing_and_the_successor_has_full_access(user, reads, offboarded):
    plan = offboarding_plan([{"item": "dave", "users": [user]}], groups=[], mailbox_successor=CAROL, **_reads("u-dave", **reads))
    assert plan[0]["keep_mailbox"] is True
    assert plan[0]["offboarded"] is offboarded


def test_a_disabled_leaver_keeps_no_mailbox_and_is_offboarded_once_it_holds_nothing():
    disabled = dict(DAVE, enabled=False, email=None, aliases=[])
    done = offboarding_plan([{"item": "dave", "users": [disabled]}], mailbox_successor=CAROL, **_reads("u-dave"))[0]
    assert (done["keep_mailbox"], done["full_access"], done["offboarded"]) == (False, False, True)
    # A disabled user keeps its tokens and overrides until they are removed.
    left = offboarding_plan([{"item": "dave", "users": [disabled]}], **_reads("u-dave", tokens=["t1"]))[0]
    assert (left["tokens"], left["offboarded"]) == (["t1"], False)
    # Without a mailbox successor, an enabled leaver is never offboarded: its mailbox is to be disabled.
    assert offboarding_plan([{"item": "dave", "users": [dict(DAVE, aliases=[])]}], **_reads("u-dave"))[0]["offboarded"] is False


def test_report_of_a_leaver_whose_mailbox_stays():
    leaver = offboarding_plan(
        [{"item": "dave", "users": [DAVE]}], groups=DAVE_GROUPS, mailbox_successor=CAROL,
        **_reads("u-dave", tokens=["t1", "t2"], devices=["ApplPHONE1", "SEC1"])
    )[0]
    alias_result = {"item": leaver, "changed": True, "aliases": {"removed": ["d@example.com"], "added": []}}
    report = offboarding_report(
        [leaver],
        memberships=[{"name": "team", "removed": ["dave"]}],
        aliases=[alias_result],
        moved_aliases=[{"item": alias_result, "changed": True}],
        passwords=[{"item": leaver, "changed": True}],
        tokens=[{"item": leaver, "changed": True, "personal_access_tokens": [{"token_id": "t1"}, {"token_id": "t2"}]}],
        overrides=[{"item": [leaver, "ApplPHONE1"], "changed": True}, {"item": [leaver, "SEC1"], "changed": True}],
        grants=[{"item": leaver, "changed": True}],
        disabled=[{"item": leaver, "skipped": True}],
        successor="carol",
        mailbox_successor="carol",
    )
    assert report["lines"] == [
        "dave: password reset; left team; aliases moved to carol: d@example.com; 2 personal access tokens revoked; "
        "mobile device overrides removed: ApplPHONE1, SEC1; mailbox kept enabled; full access given to carol"
    ]
    person = report["people"][0]
    assert (person["password_reset"], person["tokens_revoked"], person["device_overrides_removed"]) == (True, 2, ["ApplPHONE1", "SEC1"])
    assert (person["mailbox_kept"], person["full_access_given_to"], person["disabled"], person["changed"]) == (True, "carol", False, True)


def test_report_of_a_rerun_for_a_leaver_whose_mailbox_stays():
    leaver = offboarding_plan(
        [{"item": "dave", "users": [dict(DAVE, aliases=[])]}], mailbox_successor=CAROL,
        **_reads("u-dave", grants=[{"grantee": "carol", "permissions": ["full_access"]}])
    )[0]
    report = offboarding_report([leaver], grants=[{"item": leaver, "changed": False}], mailbox_successor="carol")
    assert report["lines"] == ["dave: unchanged (already offboarded)"]
    assert report["people"][0]["changed"] is False


def test_report_of_a_run_that_finishes_an_interrupted_one():
    # The grant was given, but a token was left (a run that failed before revoking it, then a grant given by hand).
    leaver = offboarding_plan(
        [{"item": "dave", "users": [dict(DAVE, aliases=[])]}], mailbox_successor=CAROL,
        **_reads("u-dave", tokens=["t1"], grants=[{"grantee": "carol", "permissions": ["full_access"]}])
    )[0]
    report = offboarding_report(
        [leaver],
        passwords=[{"item": leaver, "changed": True}],
        tokens=[{"item": leaver, "changed": True, "personal_access_tokens": [{"token_id": "t1"}]}],
        grants=[{"item": leaver, "changed": False}],
        mailbox_successor="carol",
    )
    assert report["lines"] == ["dave: password reset; 1 personal access token revoked; mailbox kept enabled; carol already has full access"]


def test_report_of_a_disabled_leaver_with_a_mailbox_successor():
    disabled = dict(DAVE, enabled=False, email=None, aliases=[])
    leaver = offboarding_plan([{"item": "dave", "users": [disabled]}], mailbox_successor=CAROL, **_reads("u-dave", devices=["SEC1"]))[0]
    report = offboarding_report([leaver], overrides=[{"item": [leaver, "SEC1"], "changed": True}], mailbox_successor="carol")
    assert report["lines"] == ["dave: mobile device overrides removed: SEC1; mailbox already disabled, so no full access for carol"]
    rerun = offboarding_plan([{"item": "dave", "users": [disabled]}], mailbox_successor=CAROL, **_reads("u-dave"))[0]
    assert offboarding_report([rerun], mailbox_successor="carol")["lines"] == [
        "dave: unchanged (already offboarded; mailbox already disabled, so no full access for carol)"
    ]


def test_report_of_a_later_run_without_the_mailbox_successor():
    # The usual run after 30 days: the mailbox that stayed is disabled now, and the address goes to the alias successor.
    leaver = offboarding_plan([{"item": "dave", "users": [dict(DAVE, aliases=[])]}], **_reads("u-dave"))[0]
    report = offboarding_report(
        [leaver], disabled=[{"item": leaver, "changed": True}], moved_primary=[{"item": leaver, "changed": True}], successor="carol"
    )
    assert report["lines"] == ["dave: mailbox disabled (WorkMail keeps it 30 days); dave@example.com now reaches carol"]
