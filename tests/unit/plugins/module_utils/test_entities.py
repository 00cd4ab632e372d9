# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The resource entity: what it derives from the engine with its own few lines."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mailops.workmail.plugins.module_utils.entities import RESOURCE

BOOKING = dict(AutoAcceptRequests=True, AutoDeclineRecurringRequests=False, AutoDeclineConflictingRequests=True)
RAW = dict(ResourceId="r-" + "0" * 32, Name="boardroom", Type="ROOM", State="ENABLED", Email="boardroom@example.com",
           HiddenFromGlobalAddressList=False, BookingOptions=BOOKING)


def test_booking_options_are_returned_in_snake_case_and_unset_suboptions_are_dropped():
    current = RESOURCE.to_resource(None, RAW)
    assert current["booking_options"] == dict(auto_accept_requests=True, auto_decline_recurring_requests=False,
                                              auto_decline_conflicting_requests=True)
    assert (current["type"], current["enabled"], current["id"]) == ("room", True, RAW["ResourceId"])
    desired = RESOURCE.normalize(dict(name="boardroom", booking_options=dict(auto_accept_requests=None, auto_decline_recurring_requests=True)))
    assert desired["booking_options"] == dict(auto_decline_recurring_requests=True)


def test_changes_merge_booking_options_and_compare_only_what_is_set():
    current = RESOURCE.to_resource(None, RAW)
    assert RESOURCE.changes(None, current, dict(name="boardroom", booking_options=dict(auto_accept_requests=True))) == {}
    changes = RESOURCE.changes(None, current, dict(name="boardroom", type="equipment", booking_options=dict(auto_decline_recurring_requests=True)))
    assert changes == dict(type="equipment", booking_options=dict(auto_accept_requests=True, auto_decline_recurring_requests=True,
                                                                  auto_decline_conflicting_requests=True))
    assert RESOURCE.field_calls(changes) == ["UpdateResource"]


def test_a_create_predicts_the_service_defaults_and_leaves_the_rest_to_an_update():
    desired = dict(name="boardroom", type="room", email="boardroom@example.com", enabled=True,
                   booking_options=dict(auto_decline_conflicting_requests=False))
    predicted = RESOURCE.predict(None, desired)
    assert predicted["booking_options"] == dict(auto_accept_requests=True, auto_decline_recurring_requests=False,
                                                auto_decline_conflicting_requests=False)
    assert (predicted["enabled"], predicted["state"], predicted["id"]) == (True, "enabled", None)
    after_create = RESOURCE.set_after_create(desired)
    assert sorted(after_create) == ["booking_options", "email", "enabled"]
    assert RESOURCE.update_calls({}, after_create) == ["UpdateResource", "RegisterToWorkMail", "DescribeResource"]
