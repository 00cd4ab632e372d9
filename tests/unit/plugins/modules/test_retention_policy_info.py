# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import retention_policy
from ansible_collections.mailops.workmail.plugins.modules import retention_policy_info

ORG = "example-corp"


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def test_no_policy_is_an_empty_dictionary(run_module, workmail_org):
    result = run_module(retention_policy_info, dict(organization=ORG))

    assert result["changed"] is False
    assert result["retention_policy"] == {}


def test_the_policy_in_the_shape_the_module_takes(run_module, workmail_client, workmail_org):
    workmail_client.put_retention_policy(
        OrganizationId=workmail_org, Name="keep-mail", Description="Short junk",
        FolderConfigurations=[
            {"Name": "JUNK_EMAIL", "Action": "PERMANENTLY_DELETE", "Period": 14},
            {"Name": "INBOX", "Action": "NONE"},
            {"Name": "DELETED_ITEMS", "Action": "DELETE", "Period": 30},
        ],
    )

    result = run_module(retention_policy_info, dict(organization=ORG))

    assert result["retention_policy"] == {
        "name": "keep-mail",
        "description": "Short junk",
        "folders": {
            "inbox": {"action": "none"},
            "deleted_items": {"action": "delete", "period": 30},
            "junk_email": {"action": "permanently_delete", "period": 14},
        },
    }


def test_feeding_it_back_changes_nothing_and_writes_nothing(run_module, workmail_client, workmail_org):
    workmail_client.put_retention_policy(
        OrganizationId=workmail_org, Name="keep-mail",
        FolderConfigurations=[{"Name": "SENT_ITEMS", "Action": "NONE"}, {"Name": "DRAFTS", "Action": "PERMANENTLY_DELETE", "Period": 700}],
    )
    policy = run_module(retention_policy_info, dict(organization=ORG))["retention_policy"]
    assert "description" not in policy
    workmail_emulator.clear_calls()

    planned = run_module(retention_policy, dict(policy, organization=ORG), check_mode=True, diff=True)
    applied = run_module(retention_policy, dict(policy, organization=ORG))

    assert planned["changed"] is False
    assert applied["changed"] is False
    assert planned["diff"]["before"] == planned["diff"]["after"]
    assert writes() == []


def test_a_changed_policy_is_a_change_when_fed_back(run_module, workmail_client, workmail_org):
    """The round trip is not vacuous: the module does see a difference from what was read."""
    workmail_client.put_retention_policy(
        OrganizationId=workmail_org, Name="keep-mail", FolderConfigurations=[{"Name": "INBOX", "Action": "DELETE", "Period": 90}]
    )
    policy = run_module(retention_policy_info, dict(organization=ORG))["retention_policy"]
    policy["folders"]["inbox"]["period"] = 91

    assert run_module(retention_policy, dict(policy, organization=ORG), check_mode=True)["changed"] is True


def test_check_mode_on_an_organization_still_to_be_created(run_module, workmail_org):
    result = run_module(retention_policy_info, dict(organization="future-corp"), check_mode=True)

    assert result["retention_policy"] == {}
    assert result.warnings == ["Organization 'future-corp' does not exist yet; check mode assumes an earlier task creates it."]
    assert "workmail:GetDefaultRetentionPolicy" in result["_workmail"]["actions"]
