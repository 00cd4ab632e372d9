# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import retention_policy


@pytest.fixture
def org(workmail_org):
    workmail_emulator.clear_calls()
    return workmail_org


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def policy(**extra):
    folders = dict(deleted_items=dict(action="permanently_delete", period=30), junk_email=dict(action="permanently_delete", period=14))
    args = dict(dict(organization="example-corp", name="default-retention", folders=folders), **extra)
    # An option given as None is one the task leaves out.
    return dict((k, v) for k, v in args.items() if v is not None)


def test_create_then_rerun(run_module, workmail_client, org):
    created = run_module(retention_policy, policy(description="Short junk"), diff=True)

    assert created["changed"] is True
    assert created["retention_policy"]["folders"] == {
        "deleted_items": {"action": "permanently_delete", "period": 30},
        "junk_email": {"action": "permanently_delete", "period": 14},
    }
    assert created["retention_policy"]["id"] == workmail_client.get_default_retention_policy(OrganizationId=org)["Id"]
    assert created["diff"]["before"] == {}
    assert writes() == ["PutRetentionPolicy"]

    workmail_emulator.clear_calls()
    assert run_module(retention_policy, policy(description="Short junk"))["changed"] is False
    assert writes() == []


def test_drift_in_one_folder_is_shown_and_converged(run_module, workmail_client, org):
    created = run_module(retention_policy, policy())
    workmail_client.put_retention_policy(
        OrganizationId=org, Id=created["retention_policy"]["id"], Name="default-retention",
        FolderConfigurations=[
            {"Name": "DELETED_ITEMS", "Action": "PERMANENTLY_DELETE", "Period": 30},
            {"Name": "JUNK_EMAIL", "Action": "DELETE", "Period": 90},
            {"Name": "INBOX", "Action": "DELETE", "Period": 700},
        ],
    )
    workmail_emulator.clear_calls()

    drift = run_module(retention_policy, policy(), check_mode=True, diff=True)

    assert drift["changed"] is True
    assert drift["diff"]["before"]["folders"]["junk_email"] == {"action": "delete", "period": 90}
    assert drift["diff"]["after"]["folders"]["junk_email"] == {"action": "permanently_delete", "period": 14}
    # The inbox is not in the task: it stays as the console left it.
    assert drift["diff"]["after"]["folders"]["inbox"] == {"action": "delete", "period": 700}
    assert writes() == []

    assert run_module(retention_policy, policy())["changed"] is True
    assert run_module(retention_policy, policy())["changed"] is False


@pytest.mark.parametrize(
    "args, message",
    [
        (dict(folders=dict(inbox=dict(action="delete"))), "folders.inbox.period: is required when the action is delete"),
        (dict(folders=dict(inbox=dict(action="delete", period=1000))), "folders.inbox.period: 1000 is more than the maximum 730"),
        (dict(folders=dict(inbox=dict(action="archive", period=3))), "value of action must be one of: none, delete, permanently_delete"),
        (dict(name=None), "state is present but all of the following are missing: name"),
        (dict(name="my policy"), "name: 'my policy' is not valid: it must"),
    ],
)
def test_bad_input_fails_naming_the_option_before_any_write(run_module, org, args, message):
    result = run_module(retention_policy, policy(**args))

    assert result.failed
    assert message in result["msg"]
    assert writes() == []


@pytest.mark.parametrize(
    "folders, message",
    [
        (
            ["inbox"],
            "folders: must be a dictionary with the keys inbox, deleted_items, sent_items, drafts and junk_email, "
            "for example {inbox: {action: ...}}; got a list",
        ),
        (
            dict(inbox="delete"),
            "folders.inbox: must be a dictionary with the keys action and period (action is required), "
            "for example {action: ...}; got a string",
        ),
    ],
)
def test_folders_that_are_not_dictionaries_fail_showing_the_shape_before_any_call(run_module, org, folders, message):
    result = run_module(retention_policy, policy(folders=folders))

    assert result.failed
    assert result["msg"] == message
    assert workmail_emulator.calls() == []


def test_absent(run_module, workmail_client, org):
    run_module(retention_policy, policy())

    gone = run_module(retention_policy, dict(organization="example-corp", state="absent"), diff=True)

    assert gone["changed"] is True
    assert gone["retention_policy"] == {}
    assert gone["diff"]["before"]["name"] == "default-retention"
    assert writes()[-1] == "DeleteRetentionPolicy"
    assert run_module(retention_policy, dict(organization="example-corp", state="absent"))["changed"] is False


def test_check_mode_plans_when_the_organization_does_not_exist_yet(run_module, org):
    result = run_module(retention_policy, policy(organization="new-corp"), check_mode=True)

    assert result["changed"] is True
    assert result["retention_policy"]["id"] is None
    assert result["retention_policy"]["folders"]["junk_email"]["period"] == 14
    assert writes() == []
