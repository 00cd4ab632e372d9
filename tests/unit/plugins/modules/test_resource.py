# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import resource
from ansible_collections.mailops.workmail.plugins.modules import resource_info

MANUAL = dict(auto_accept_requests=False, auto_decline_recurring_requests=True, auto_decline_conflicting_requests=True)


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    workmail_emulator.clear_calls()
    return workmail_org


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def boardroom(**extra):
    return dict(dict(organization="example-corp", name="boardroom", type="room", email="boardroom@example.com"), **extra)


def test_create_update_and_rerun(run_module, workmail_client, org):
    created = run_module(resource, boardroom(description="Board room, 12 seats"), diff=True)
    assert created["changed"] is True
    assert created["diff"]["before"] == {}
    stored = workmail_client.describe_resource(OrganizationId=org, ResourceId=created["resource"]["id"])
    assert (stored["State"], stored["Email"], stored["Type"], stored["Description"]) == ("ENABLED", "boardroom@example.com", "ROOM", "Board room, 12 seats")
    assert writes() == ["CreateResource", "RegisterToWorkMail"]
    assert created["resource"]["booking_options"] == dict(auto_accept_requests=True, auto_decline_recurring_requests=False,
                                                          auto_decline_conflicting_requests=True)

    workmail_emulator.clear_calls()
    assert run_module(resource, boardroom())["changed"] is False
    assert writes() == []

    changed = run_module(resource, boardroom(type="equipment", hidden_from_global_address_list=True,
                                             booking_options=dict(auto_decline_recurring_requests=True)), diff=True)
    assert changed["changed"] is True
    assert writes() == ["UpdateResource"]
    assert changed["diff"]["before"]["type"] == "room" and changed["diff"]["after"]["type"] == "equipment"
    stored = workmail_client.describe_resource(OrganizationId=org, ResourceId="boardroom")
    # Booking options left unset are sent as they were.
    assert stored["BookingOptions"] == {"AutoAcceptRequests": True, "AutoDeclineRecurringRequests": True, "AutoDeclineConflictingRequests": True}
    assert (stored["Type"], stored["HiddenFromGlobalAddressList"]) == ("EQUIPMENT", True)

    cleared = run_module(resource, boardroom(description=""))
    assert cleared["changed"] is True and cleared["resource"]["description"] is None
    assert "Description" not in workmail_client.describe_resource(OrganizationId=org, ResourceId="boardroom")


def test_check_mode_writes_nothing(run_module, workmail_client, org):
    result = run_module(resource, boardroom(booking_options=dict(auto_decline_conflicting_requests=False)), check_mode=True, diff=True)
    assert result["changed"] is True
    assert result["resource"]["id"] is None
    assert result["resource"]["email"] == "boardroom@example.com"
    assert result["resource"]["booking_options"]["auto_decline_conflicting_requests"] is False
    assert writes() == []
    assert workmail_client.list_resources(OrganizationId=org)["Resources"] == []


def test_disable_enable_and_absent(run_module, workmail_client, org):
    created = run_module(resource, boardroom())
    workmail_emulator.clear_calls()
    disabled = run_module(resource, boardroom(enabled=False))
    assert disabled["changed"] is True and disabled["resource"]["email"] is None
    assert writes() == ["DeregisterFromWorkMail"]
    assert run_module(resource, boardroom(enabled=False))["changed"] is False

    workmail_emulator.clear_calls()
    assert run_module(resource, boardroom(state="absent"))["changed"] is True
    assert writes() == ["DeleteResource"]
    assert workmail_client.describe_resource(OrganizationId=org, ResourceId=created["resource"]["id"])["State"] == "DELETED"
    assert run_module(resource, boardroom(state="absent"))["changed"] is False


def test_manual_booking_needs_a_delegate(run_module, workmail_client, org):
    created = run_module(resource, boardroom())
    workmail_emulator.clear_calls()
    refused = run_module(resource, boardroom(booking_options=dict(auto_accept_requests=False)))
    assert refused.failed
    assert refused["msg"].startswith("booking_options: auto_accept_requests: false needs a delegate")
    assert refused["error_code"] == "InvalidConfigurationException"
    assert writes() == []

    workmail_client.create_user(OrganizationId=org, Name="facility", DisplayName="Facility")
    workmail_client.associate_delegate_to_resource(OrganizationId=org, ResourceId=created["resource"]["id"], EntityId="facility")
    manual = run_module(resource, boardroom(booking_options=MANUAL))
    assert manual["changed"] is True and manual["resource"]["booking_options"] == MANUAL


def test_bad_input_is_refused_before_any_write(run_module, org):
    missing_type = run_module(resource, dict(organization="example-corp", name="boardroom", email="boardroom@example.com"))
    assert missing_type["msg"] == "type: is required to create the resource 'boardroom' (room or equipment)"
    no_email = run_module(resource, dict(organization="example-corp", name="boardroom", type="room"))
    assert no_email["msg"] == "email: is required to enable the resource 'boardroom'"
    long_name = run_module(resource, boardroom(name="a-name-longer-than-twenty"))
    assert long_name["msg"].startswith("name: ")
    assert writes() == []


def test_name_of_a_user_is_taken(run_module, workmail_client, org):
    workmail_client.create_user(OrganizationId=org, Name="boardroom", DisplayName="Board")
    workmail_emulator.clear_calls()
    result = run_module(resource, boardroom(enabled=False))
    assert result.failed
    assert result["msg"] == "name: 'boardroom' is the name of a user; names are unique among users, groups and resources"
    assert writes() == []


def test_info_returns_what_the_module_takes(run_module, workmail_client, org):
    created = run_module(resource, boardroom(description="Board room"))["resource"]
    run_module(resource, dict(organization="example-corp", name="projector", type="equipment", enabled=False))
    workmail_client.create_user(OrganizationId=org, Name="facility", DisplayName="Facility")
    workmail_client.associate_delegate_to_resource(OrganizationId=org, ResourceId="boardroom", EntityId="facility")
    workmail_emulator.clear_calls()

    listed = run_module(resource_info, dict(organization="example-corp"))["resources"]
    assert [r["name"] for r in listed] == ["boardroom", "projector"]
    assert listed[0] == created
    assert run_module(resource_info, dict(organization="example-corp", email="boardroom@example.com"))["resources"] == [created]
    assert run_module(resource_info, dict(organization="example-corp", id=created["id"]))["resources"] == [created]
    assert run_module(resource_info, dict(organization="example-corp", name="nothing"))["resources"] == []
    with_delegates = run_module(resource_info, dict(organization="example-corp", name="boardroom", include_delegates=True))["resources"]
    assert [(d["name"], d["type"]) for d in with_delegates[0]["delegates"]] == [("facility", "user")]
    assert writes() == []

    # What the info module returns, fed back to the module, changes nothing.
    # (Its "state" is the service's state of the resource, not the module's option.)
    fed_back = dict((k, v) for k, v in listed[0].items() if k in resource.ARGUMENT_SPEC and k != "state")
    assert run_module(resource, dict(fed_back, organization="example-corp"))["changed"] is False
    assert writes() == []
