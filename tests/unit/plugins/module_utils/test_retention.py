# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The retention policy against the in-process emulator: one per organization, folders merged."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.module_utils.api import WorkMailAPI
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Context
from ansible_collections.mailops.workmail.plugins.module_utils.engine import reconcile
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.retention import RETENTION_POLICY
from ansible_collections.mailops.workmail.plugins.module_utils.retention import folders_from_api

pytest_plugins = ["workmail_emulator.pytest_plugin"]


@pytest.fixture
def org(workmail_org):
    workmail_emulator.clear_calls()
    return workmail_org


def context(client, organization_id, check_mode=False):
    return Context(WorkMailAPI(client), organization_id, check_mode)


def writes():
    return [c for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def folder(action, period=None):
    return {"action": action, "period": period}


def stored(client, organization_id):
    return client.get_default_retention_policy(OrganizationId=organization_id)


def test_folders_from_api_are_keyed_in_folder_order():
    folders = folders_from_api(
        [{"Name": "JUNK_EMAIL", "Action": "PERMANENTLY_DELETE", "Period": 14}, {"Name": "INBOX", "Action": "NONE"}]
    )
    assert list(folders) == ["inbox", "junk_email"]
    assert folders["junk_email"] == {"action": "permanently_delete", "period": 14}
    assert folders["inbox"] == {"action": "none", "period": None}


def test_create_then_rerun(workmail_client, org):
    desired = dict(name="default-retention", description="Short junk", folders=dict(junk_email=folder("permanently_delete", 14), inbox=None))

    outcome = reconcile(context(workmail_client, org), RETENTION_POLICY, desired)

    assert outcome.changed is True
    assert outcome.after["folders"] == {"junk_email": folder("permanently_delete", 14)}
    assert outcome.after["id"]
    policy = stored(workmail_client, org)
    assert (policy["Name"], policy["Description"]) == ("default-retention", "Short junk")
    assert policy["FolderConfigurations"] == [{"Name": "JUNK_EMAIL", "Action": "PERMANENTLY_DELETE", "Period": 14}]
    assert "Id" not in writes()[0]["request"]

    workmail_emulator.clear_calls()
    assert reconcile(context(workmail_client, org), RETENTION_POLICY, desired).changed is False
    assert writes() == []


def test_a_folder_left_out_keeps_its_configuration(workmail_client, org):
    reconcile(context(workmail_client, org), RETENTION_POLICY, dict(name="p", folders=dict(junk_email=folder("delete", 14), drafts=folder("delete", 90))))
    policy_id = stored(workmail_client, org)["Id"]
    workmail_emulator.clear_calls()

    outcome = reconcile(context(workmail_client, org), RETENTION_POLICY, dict(name="p", folders=dict(junk_email=folder("none"))))

    assert outcome.changed is True
    assert outcome.before["folders"]["junk_email"] == folder("delete", 14)
    assert outcome.after["folders"] == {"drafts": folder("delete", 90), "junk_email": folder("none")}
    put = writes()[0]["request"]
    assert put["Id"] == policy_id
    assert put["FolderConfigurations"] == [{"Name": "DRAFTS", "Action": "DELETE", "Period": 90}, {"Name": "JUNK_EMAIL", "Action": "NONE"}]


def test_rename_and_clear_the_description(workmail_client, org):
    reconcile(context(workmail_client, org), RETENTION_POLICY, dict(name="p", description="old", folders=dict(inbox=folder("none"))))

    outcome = reconcile(context(workmail_client, org), RETENTION_POLICY, dict(name="p2", description=""))

    assert outcome.changed is True
    assert (outcome.after["name"], outcome.after["description"]) == ("p2", None)
    assert outcome.after["folders"] == {"inbox": folder("none")}
    assert "Description" not in writes()[-1]["request"]


def test_check_mode_predicts_and_writes_nothing(workmail_client, org):
    created = reconcile(context(workmail_client, org, check_mode=True), RETENTION_POLICY, dict(name="p", folders=dict(inbox=folder("delete", 365))))
    assert (created.changed, created.after["id"], created.after["folders"]) == (True, None, {"inbox": folder("delete", 365)})

    reconcile(context(workmail_client, org), RETENTION_POLICY, dict(name="p", folders=dict(inbox=folder("delete", 365))))
    workmail_emulator.clear_calls()
    changed = reconcile(context(workmail_client, org, check_mode=True), RETENTION_POLICY, dict(name="p", folders=dict(inbox=folder("delete", 30))))

    assert changed.changed is True
    assert changed.after["folders"]["inbox"] == folder("delete", 30)
    assert writes() == []
    assert stored(workmail_client, org)["FolderConfigurations"][0]["Period"] == 365

    missing_org = reconcile(context(workmail_client, None, check_mode=True), RETENTION_POLICY, dict(name="p"))
    assert (missing_org.changed, missing_org.after["folders"]) == (True, {})


def test_absent_removes_the_policy_whatever_its_name(workmail_client, org):
    reconcile(context(workmail_client, org), RETENTION_POLICY, dict(name="p", folders=dict(inbox=folder("none"))))

    gone = reconcile(context(workmail_client, org), RETENTION_POLICY, {"name": None}, state="absent")

    assert (gone.changed, gone.before["name"], gone.after) == (True, "p", {})
    assert [c["operation"] for c in writes()][-1] == "DeleteRetentionPolicy"
    assert reconcile(context(workmail_client, org), RETENTION_POLICY, {}, state="absent").changed is False


@pytest.mark.parametrize(
    "folders, message",
    [
        (dict(inbox=folder("delete")), r"^folders\.inbox\.period: is required when the action is delete"),
        (dict(drafts=folder("none", 30)), r"^folders\.drafts\.period: applies only when"),
        (dict(junk_email=folder("delete", 731)), r"^folders\.junk_email\.period: 731 is more than the maximum 730"),
        (dict(junk_email=folder("delete", 0)), r"^folders\.junk_email\.period: 0 is less than the minimum 1"),
        (dict(outbox=folder("none")), r"^folders: 'outbox' is not one of inbox"),
        (dict(inbox=folder("archive", 3)), r"^folders\.inbox\.action: 'archive' is not one of none"),
    ],
)
def test_bad_folders_fail_before_any_call(workmail_client, org, folders, message):
    with pytest.raises(ParameterError, match=message):
        reconcile(context(workmail_client, org), RETENTION_POLICY, dict(name="p", folders=folders))
    assert workmail_emulator.calls() == []


def test_bad_name_fails_naming_it(workmail_client, org):
    with pytest.raises(ParameterError, match="^name: 'my policy' is not valid: it must"):
        reconcile(context(workmail_client, org), RETENTION_POLICY, dict(name="my policy"))


def test_a_name_is_needed_to_create(workmail_client, org):
    with pytest.raises(ParameterError, match="^name: is required to create the retention policy"):
        reconcile(context(workmail_client, org), RETENTION_POLICY, dict(folders=dict(inbox=folder("none"))))
    with pytest.raises(ParameterError, match="^name: is required"):
        reconcile(context(workmail_client, org, check_mode=True), RETENTION_POLICY, dict(description="x"))
    assert writes() == []
