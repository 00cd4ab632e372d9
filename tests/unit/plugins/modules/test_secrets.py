# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""No password ever comes back: not in a result, a diff, a message or the emulator's call log,
whether the task sets it, resets it, plans it, refuses it or fails for another reason."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import directory
from ansible_collections.mailops.workmail.plugins.modules import user

# Each is used once, so a leak points at its scenario.
NEW_USER = "Us3r-Created-Passw0rd"
RESET = "Us3r-Reset-Passw0rd"
PLANNED = "Us3r-Planned-Passw0rd"
REFUSED = "refusedbythepolicyallinlowercase"
FAILING = "Us3r-Failing-Task-Passw0rd"
WRONG_TYPE = "Us3r-Wrong-Type-Passw0rd"
BULK_NEW = "Bulk-Created-Passw0rd1"
BULK_RESET = "Bulk-Reset-Passw0rd1"
BULK_REFUSED = "bulkrefusedallinlowercase"
BULK_FAILING = "Bulk-Failing-Entry-Passw0rd1"
BULK_SHAPE = "Bulk-Shape-Problem-Passw0rd1"
SECRETS = (NEW_USER, RESET, PLANNED, REFUSED, FAILING, WRONG_TYPE, BULK_NEW, BULK_RESET, BULK_REFUSED, BULK_FAILING, BULK_SHAPE)


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    workmail_emulator.clear_calls()
    return workmail_org


def jane(**extra):
    return dict(dict(organization="example-corp", name="jdoe", email="jdoe@example.com"), **extra)


def people(*users):
    return dict(organization="example-corp", users=list(users))


def test_no_password_comes_back(run_module, org):
    runs = [
        # user: set on create, planned and done resets, refused by the policy, a task failing with one
        run_module(user, jane(password=NEW_USER), diff=True),
        run_module(user, jane(password=PLANNED, update_password="always"), check_mode=True, diff=True),
        run_module(user, jane(password=RESET, update_password="always"), diff=True),
        run_module(user, jane(name="ref", email="ref@example.com", password=REFUSED), diff=True),
        run_module(user, jane(name="far", email="far@unknown.example", password=FAILING), diff=True),
        run_module(user, jane(name="typo", password=WRONG_TYPE, mailbox_quota="lots"), diff=True),
        # directory: the same in bulk, and an input whose shape fails before the module starts
        run_module(directory, people(dict(name="eve", email="eve@example.com", password=BULK_NEW)), diff=True),
        run_module(directory, people(dict(name="eve", password=BULK_RESET, update_password="always")), diff=True),
        run_module(directory, people(dict(name="bob", email="bob@example.com", password=BULK_REFUSED)), diff=True),
        run_module(directory, people(dict(name="ann", email="ann@unknown.example", password=BULK_FAILING)), diff=True),
        run_module(directory, people("zed", dict(name="ivy", email="ivy@example.com", password=BULK_SHAPE)), diff=True),
    ]

    outcomes = [(run.get("changed"), run.failed) for run in runs]
    assert outcomes == [(True, False), (True, False), (True, False), (None, True), (None, True), (None, True),
                        (True, False), (True, False), (False, True), (False, True), (None, True)]
    for run in runs:
        for secret in SECRETS:
            assert secret not in json.dumps(run), run
    assert runs[2]["diff"]["after"]["password"] == "(reset)"
    assert runs[3]["msg"].startswith("password: does not mix enough kinds of characters: ")
    # A failed task shows what it was given, secrets masked.
    assert runs[4]["invocation"]["module_args"]["password"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    assert runs[10]["invocation"]["module_args"]["users"][1]["password"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    calls = json.dumps(workmail_emulator.calls())
    assert [secret for secret in SECRETS if secret in calls] == []
    # The passwords were sent all the same.
    assert [c["operation"] for c in workmail_emulator.calls() if c["operation"] in ("CreateUser", "ResetPassword")] == [
        "CreateUser", "ResetPassword", "CreateUser", "ResetPassword"]
