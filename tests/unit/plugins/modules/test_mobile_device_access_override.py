# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import mobile_device_access_override
from ansible_collections.mailops.workmail.plugins.modules import mobile_device_access_override_info


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    users = {}
    for name in ("jdoe", "kim"):
        users[name] = workmail_client.create_user(OrganizationId=workmail_org, Name=name, DisplayName=name.title())["UserId"]
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=users[name], Email="{0}@example.com".format(name))
    workmail_emulator.clear_calls()
    return dict(users, org=workmail_org)


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def lost_phone(**extra):
    """The task's arguments; an extra value None leaves that option out."""
    args = dict(dict(organization="example-corp", user="jdoe@example.com", device_id="ApplC39XK2Q1N72J", effect="deny", description="Reported lost"), **extra)
    return dict((k, v) for k, v in args.items() if v is not None)


def stored(client, organization_id, **filters):
    return client.list_mobile_device_access_overrides(OrganizationId=organization_id, **filters)["Overrides"]


def test_check_mode_then_create_then_rerun(run_module, workmail_client, org):
    planned = run_module(mobile_device_access_override, lost_phone(), check_mode=True, diff=True)
    assert planned["changed"] is True
    assert planned["mobile_device_access_override"] == dict(user=org["jdoe"], device_id="ApplC39XK2Q1N72J", effect="deny",
                                                            description="Reported lost", date_created=None, date_modified=None)
    assert planned["diff"] == {"before": {}, "after": planned["mobile_device_access_override"]}
    assert writes() == [] and stored(workmail_client, org["org"]) == []

    created = run_module(mobile_device_access_override, lost_phone(), diff=True)
    assert created["changed"] is True and writes() == ["PutMobileDeviceAccessOverride"]
    [override] = stored(workmail_client, org["org"])
    assert (override["UserId"], override["DeviceId"], override["Effect"], override["Description"]) == (org["jdoe"], "ApplC39XK2Q1N72J", "DENY", "Reported lost")
    assert created["mobile_device_access_override"]["date_created"] is not None
    assert created["diff"]["after"] == created["mobile_device_access_override"]

    workmail_emulator.clear_calls()
    # The same override by another name of the user and another case of the device ID.
    for check_mode in (True, False):
        again = run_module(mobile_device_access_override, lost_phone(user="jdoe", device_id="applc39xk2q1n72j"), check_mode=check_mode)
        assert again["changed"] is False
        assert again["mobile_device_access_override"] == created["mobile_device_access_override"]
    assert writes() == []


def test_update_keeps_what_is_unset_and_an_empty_description_removes(run_module, workmail_client, org):
    run_module(mobile_device_access_override, lost_phone())
    workmail_emulator.clear_calls()
    changed = run_module(mobile_device_access_override, lost_phone(effect="allow", description=None), diff=True)
    assert changed["changed"] is True and writes() == ["PutMobileDeviceAccessOverride"]
    assert (changed["diff"]["before"]["effect"], changed["diff"]["after"]["effect"]) == ("deny", "allow")
    [override] = stored(workmail_client, org["org"])
    assert (override["Effect"], override["Description"]) == ("ALLOW", "Reported lost")

    cleared = run_module(mobile_device_access_override, lost_phone(effect=None, description=""))
    assert cleared["changed"] is True and cleared["mobile_device_access_override"]["description"] is None
    [override] = stored(workmail_client, org["org"])
    assert override["Effect"] == "ALLOW" and "Description" not in override


def test_delete_check_mode_then_delete_then_rerun(run_module, workmail_client, org):
    run_module(mobile_device_access_override, lost_phone())
    workmail_emulator.clear_calls()
    absent = dict(organization="example-corp", user=org["jdoe"], device_id="APPLC39XK2Q1N72J", state="absent")
    planned = run_module(mobile_device_access_override, absent, check_mode=True, diff=True)
    assert planned["changed"] is True and planned["diff"]["after"] == {} and writes() == []
    assert run_module(mobile_device_access_override, absent)["changed"] is True
    assert writes() == ["DeleteMobileDeviceAccessOverride"] and stored(workmail_client, org["org"]) == []
    workmail_emulator.clear_calls()
    assert run_module(mobile_device_access_override, absent)["changed"] is False
    # A user that does not exist has no override to remove.
    assert run_module(mobile_device_access_override, dict(absent, user="nobody"))["changed"] is False
    assert writes() == []


def test_unknown_and_disabled_users_fail_before_any_write(run_module, workmail_client, org):
    unknown = run_module(mobile_device_access_override, lost_phone(user="nobody"))
    assert unknown.failed and unknown["msg"] == "user: not found in organization 'example-corp': nobody"
    workmail_client.deregister_from_work_mail(OrganizationId=org["org"], EntityId=org["kim"])
    workmail_emulator.clear_calls()
    disabled = run_module(mobile_device_access_override, lost_phone(user="kim"))
    assert disabled.failed and disabled["error_code"] == "EntityStateException"
    assert disabled["msg"] == "user: 'kim' is disabled; a device access override can only be given to an enabled user"
    assert writes() == []
    planned = run_module(mobile_device_access_override, lost_phone(user="newbie"), check_mode=True)
    assert planned["changed"] is True and planned["mobile_device_access_override"]["user"] == "newbie"
    assert "user: 'newbie' not found, assumed to be created by an earlier task" in planned.warnings
    assert writes() == []


def test_effect_is_required_to_create(run_module, org):
    result = run_module(mobile_device_access_override, lost_phone(effect=None))
    assert result.failed and result["msg"] == "effect: is required to create the mobile device access override of 'ApplC39XK2Q1N72J'"
    assert writes() == []


def test_info_filters_and_round_trips(run_module, workmail_client, org):
    jdoe_phone = run_module(mobile_device_access_override, lost_phone())["mobile_device_access_override"]
    jdoe_tablet = run_module(mobile_device_access_override, lost_phone(device_id="Tablet01", effect="allow", description=None))["mobile_device_access_override"]
    kim_phone = run_module(mobile_device_access_override, lost_phone(user="kim", effect="allow"))["mobile_device_access_override"]
    workmail_emulator.clear_calls()

    def listed(**filters):
        result = run_module(mobile_device_access_override_info, dict(filters, organization="example-corp"))
        assert result["changed"] is False
        return result["mobile_device_access_overrides"]

    everything = listed()
    assert everything == [jdoe_phone, jdoe_tablet, kim_phone]
    assert listed(user="jdoe@example.com") == [jdoe_phone, jdoe_tablet]
    assert listed(device_id="applc39xk2q1n72j") == [jdoe_phone, kim_phone]
    assert listed(user="kim", device_id="APPLC39XK2Q1N72J") == [kim_phone]
    assert listed(user="nobody") == []
    assert writes() == []

    # What the info module returns, fed back to the module, changes nothing.
    for override in everything:
        fed_back = dict((k, v) for k, v in override.items() if k in mobile_device_access_override.ARGUMENT_SPEC)
        assert run_module(mobile_device_access_override, dict(fed_back, organization="example-corp"))["changed"] is False
    assert writes() == []
