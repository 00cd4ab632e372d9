# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import mobile_device_access_rule
from ansible_collections.mailops.workmail.plugins.modules import mobile_device_access_rule_info

ANDROID = dict(type="Android", model="Galaxy S23", operating_system="Android 14", user_agent="Android-Mail/2023")
PIXEL = dict(ANDROID, model="Pixel 8")


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_emulator.clear_calls()
    return workmail_org


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def no_android(**extra):
    return dict(
        dict(organization="example-corp", name="no-unmanaged-android", effect="deny", description="Unmanaged Android",
             device_types=["Android"], not_device_models=["Pixel 8", "Pixel 8 Pro"]),
        **extra
    )


def stored(client, organization_id):
    return client.list_mobile_device_access_rules(OrganizationId=organization_id)["Rules"]


def test_check_mode_then_create_then_rerun(run_module, workmail_client, org):
    planned = run_module(mobile_device_access_rule, no_android(), check_mode=True, diff=True)
    assert planned["changed"] is True
    assert planned["mobile_device_access_rule"]["id"] is None and planned["mobile_device_access_rule"]["device_types"] == ["Android"]
    assert planned["diff"] == {"before": {}, "after": planned["mobile_device_access_rule"]}
    assert writes() == [] and stored(workmail_client, org) == []

    created = run_module(mobile_device_access_rule, no_android(), diff=True)
    assert created["changed"] is True
    assert writes() == ["CreateMobileDeviceAccessRule"]
    [rule] = stored(workmail_client, org)
    assert {k: v for k, v in rule.items() if not k.startswith("Date")} == {
        "MobileDeviceAccessRuleId": created["mobile_device_access_rule"]["id"], "Name": "no-unmanaged-android", "Effect": "DENY",
        "Description": "Unmanaged Android", "DeviceTypes": ["Android"], "NotDeviceModels": ["Pixel 8", "Pixel 8 Pro"],
    }
    assert created["mobile_device_access_rule"]["device_models"] == [] and created["mobile_device_access_rule"]["effect"] == "deny"
    assert created["diff"]["after"] == created["mobile_device_access_rule"]

    workmail_emulator.clear_calls()
    for check_mode in (True, False):
        again = run_module(mobile_device_access_rule, no_android(not_device_models=["Pixel 8 Pro", "Pixel 8", "Pixel 8"]), check_mode=check_mode)
        assert again["changed"] is False
        assert again["mobile_device_access_rule"] == created["mobile_device_access_rule"]
    assert writes() == []


def test_update_sends_the_whole_rule_and_an_empty_value_removes(run_module, workmail_client, org):
    created = run_module(mobile_device_access_rule, no_android())["mobile_device_access_rule"]
    workmail_emulator.clear_calls()

    planned = run_module(mobile_device_access_rule, dict(organization="example-corp", name="no-unmanaged-android", effect="allow",
                                                         device_user_agents=["Android-Mail/2023"]), check_mode=True, diff=True)
    assert planned["changed"] is True and writes() == []
    assert (planned["diff"]["before"]["effect"], planned["diff"]["after"]["effect"]) == ("deny", "allow")

    changed = run_module(mobile_device_access_rule, dict(organization="example-corp", name="no-unmanaged-android", effect="allow",
                                                         device_user_agents=["Android-Mail/2023"]), diff=True)
    assert changed["changed"] is True and writes() == ["UpdateMobileDeviceAccessRule"]
    assert changed["diff"]["after"] == dict(planned["diff"]["after"], date_modified=changed["diff"]["after"]["date_modified"])
    [rule] = stored(workmail_client, org)
    # What the task left unset is sent as it was.
    assert (rule["MobileDeviceAccessRuleId"], rule["Effect"], rule["Description"], rule["DeviceTypes"], rule["NotDeviceModels"],
            rule["DeviceUserAgents"]) == (created["id"], "ALLOW", "Unmanaged Android", ["Android"], ["Pixel 8", "Pixel 8 Pro"], ["Android-Mail/2023"])

    clear = dict(organization="example-corp", name="no-unmanaged-android", description="", not_device_models=[])
    # Check mode predicts what the service leaves: no description.
    planned = run_module(mobile_device_access_rule, clear, check_mode=True)["mobile_device_access_rule"]
    assert (planned["description"], planned["not_device_models"]) == (None, [])
    cleared = run_module(mobile_device_access_rule, clear)
    assert cleared["changed"] is True
    assert (cleared["mobile_device_access_rule"]["description"], cleared["mobile_device_access_rule"]["not_device_models"]) == (None, [])
    [rule] = stored(workmail_client, org)
    assert "Description" not in rule and "NotDeviceModels" not in rule and rule["DeviceTypes"] == ["Android"]


def test_delete_check_mode_then_delete_then_rerun(run_module, workmail_client, org):
    run_module(mobile_device_access_rule, no_android())
    workmail_emulator.clear_calls()
    absent = dict(organization="example-corp", name="no-unmanaged-android", state="absent")
    planned = run_module(mobile_device_access_rule, absent, check_mode=True, diff=True)
    assert planned["changed"] is True and planned["diff"]["after"] == {} and writes() == []
    assert len(stored(workmail_client, org)) == 1
    assert run_module(mobile_device_access_rule, absent)["changed"] is True
    assert writes() == ["DeleteMobileDeviceAccessRule"] and stored(workmail_client, org) == []
    workmail_emulator.clear_calls()
    assert run_module(mobile_device_access_rule, absent)["changed"] is False
    assert writes() == []


def test_two_rules_of_the_same_name_fail(run_module, workmail_client, org):
    ids = [workmail_client.create_mobile_device_access_rule(OrganizationId=org, Name="twin", Effect=effect)["MobileDeviceAccessRuleId"]
           for effect in ("DENY", "ALLOW")]
    workmail_emulator.clear_calls()
    result = run_module(mobile_device_access_rule, dict(organization="example-corp", name="twin", effect="allow"))
    assert result.failed
    assert result["msg"] == ("name: 2 mobile device access rules are named 'twin' ({0}, {1}); WorkMail allows it, this module cannot tell them "
                             "apart: rename or delete all but one".format(*ids))
    assert writes() == []


def test_the_eleventh_rule_fails_before_any_write(run_module, workmail_client, org):
    for n in range(10):
        workmail_client.create_mobile_device_access_rule(OrganizationId=org, Name="rule-{0}".format(n), Effect="DENY")
    workmail_emulator.clear_calls()
    result = run_module(mobile_device_access_rule, no_android())
    assert result.failed and result["error_code"] == "LimitExceededException"
    assert result["msg"].startswith("name: the organization already has 10 mobile device access rules (rule-0, rule-1,")
    assert writes() == []
    # Check mode warns instead: an earlier task may remove a rule.
    planned = run_module(mobile_device_access_rule, no_android(), check_mode=True)
    assert planned["changed"] is True and any("already has 10" in w for w in planned.warnings)


def test_effect_is_required_to_create(run_module, org):
    result = run_module(mobile_device_access_rule, dict(organization="example-corp", name="nameless", device_types=["iPhone"]))
    assert result.failed and result["msg"] == "effect: is required to create the mobile device access rule 'nameless'"
    assert writes() == []


def test_a_create_retried_after_a_lost_reply_makes_one_rule(run_module, workmail_client, org, workmail_faults):
    workmail_faults([{"operation": "CreateMobileDeviceAccessRule", "fault": "lost_response", "count": 1}])
    created = run_module(mobile_device_access_rule, no_android())
    assert created["changed"] is True and not created.failed
    assert [rule["MobileDeviceAccessRuleId"] for rule in stored(workmail_client, org)] == [created["mobile_device_access_rule"]["id"]]


def test_info_lists_evaluates_and_round_trips(run_module, workmail_client, org):
    created = run_module(mobile_device_access_rule, no_android())["mobile_device_access_rule"]
    allow = run_module(mobile_device_access_rule, dict(organization="example-corp", name="allow-pixels", effect="allow", device_models=["Pixel 8"]))
    workmail_emulator.clear_calls()

    listed = run_module(mobile_device_access_rule_info, dict(organization="example-corp"))
    assert listed["changed"] is False
    assert listed["mobile_device_access_rules"] == [created, allow["mobile_device_access_rule"]]
    assert "effect" not in listed
    assert run_module(mobile_device_access_rule_info, dict(organization="example-corp", name="allow-pixels"))["mobile_device_access_rules"] == [
        allow["mobile_device_access_rule"]]

    denied = run_module(mobile_device_access_rule_info, dict(organization="example-corp", device=ANDROID))
    assert (denied["effect"], denied["matched_rules"]) == ("deny", [{"id": created["id"], "name": "no-unmanaged-android"}])
    allowed = run_module(mobile_device_access_rule_info, dict(organization="example-corp", device=PIXEL))
    assert (allowed["effect"], [m["name"] for m in allowed["matched_rules"]]) == ("allow", ["allow-pixels"])
    unknown = run_module(mobile_device_access_rule_info, dict(organization="example-corp", device=dict(type="iPhone")))
    assert (unknown["effect"], unknown["matched_rules"]) == ("allow", [])
    assert writes() == []

    # What the info module returns, fed back to the module, changes nothing.
    for rule in listed["mobile_device_access_rules"]:
        fed_back = dict((k, v) for k, v in rule.items() if k in mobile_device_access_rule.ARGUMENT_SPEC)
        assert run_module(mobile_device_access_rule, dict(fed_back, organization="example-corp"))["changed"] is False
    assert writes() == []


def test_info_in_check_mode_before_the_organization_exists(run_module, workmail_client):
    result = run_module(mobile_device_access_rule_info, dict(organization="new-corp", device=ANDROID), check_mode=True)
    assert not result.failed
    assert (result["mobile_device_access_rules"], result["effect"], result["matched_rules"]) == ([], None, [])
    assert any("does not exist yet" in w for w in result.warnings)
