# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import group
from ansible_collections.mailops.workmail.plugins.modules import group_info


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    workmail_emulator.clear_calls()
    return workmail_org


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def finance(**extra):
    return dict(dict(organization="example-corp", name="finance", email="finance@example.com"), **extra)


def test_create_update_and_rerun(run_module, workmail_client, org):
    created = run_module(group, finance(), diff=True)
    assert created["changed"] is True
    stored = workmail_client.describe_group(OrganizationId=org, GroupId=created["group"]["id"])
    assert (stored["State"], stored["Email"]) == ("ENABLED", "finance@example.com")
    assert writes() == ["CreateGroup", "RegisterToWorkMail"]

    workmail_emulator.clear_calls()
    assert run_module(group, finance())["changed"] is False
    assert writes() == []

    hidden = run_module(group, finance(hidden_from_global_address_list=True), diff=True)
    assert hidden["changed"] is True
    assert hidden["diff"]["before"]["hidden_from_global_address_list"] is False
    assert workmail_client.describe_group(OrganizationId=org, GroupId=created["group"]["id"])["HiddenFromGlobalAddressList"] is True


def test_group_name_with_spaces_is_found_by_listing(run_module, workmail_client, org):
    created = run_module(group, dict(organization="example-corp", name="Contractors EMEA", enabled=False))
    assert created["changed"] is True
    assert created["group"]["enabled"] is False

    again = run_module(group, dict(organization="example-corp", name="Contractors EMEA", enabled=False))
    assert again["changed"] is False
    assert again["group"]["id"] == created["group"]["id"]


def test_check_mode_writes_nothing(run_module, workmail_client, org):
    result = run_module(group, finance(), check_mode=True, diff=True)

    assert result["changed"] is True
    assert result["group"]["email"] == "finance@example.com"
    assert result["group"]["id"] is None
    assert writes() == []
    assert workmail_client.list_groups(OrganizationId=org)["Groups"] == []


def test_absent_deregisters_then_deletes(run_module, workmail_client, org):
    created = run_module(group, finance())
    workmail_emulator.clear_calls()

    result = run_module(group, finance(state="absent"))

    assert result["changed"] is True
    assert writes() == ["DeregisterFromWorkMail", "DeleteGroup"]
    assert workmail_client.describe_group(OrganizationId=org, GroupId=created["group"]["id"])["State"] == "DELETED"
    assert run_module(group, finance(state="absent"))["changed"] is False


def test_address_on_an_unknown_domain_fails_before_any_write(run_module, workmail_client, org):
    result = run_module(group, finance(email="finance@elsewhere.org"))

    assert result.failed
    assert result["msg"] == "email: finance@elsewhere.org: elsewhere.org is not a mail domain of the organization"
    assert writes() == []
    assert workmail_client.list_groups(OrganizationId=org)["Groups"] == []


def test_new_group_without_address_fails_before_any_write(run_module, workmail_client, org):
    result = run_module(group, dict(organization="example-corp", name="nomail"))

    assert result.failed
    assert result["msg"] == "email: is required to enable the group 'nomail'"
    assert writes() == []


def test_check_mode_predicts_enable_and_disable(run_module, org):
    run_module(group, finance())
    run_module(group, dict(organization="example-corp", name="quiet", enabled=False))

    disable = run_module(group, finance(enabled=False), check_mode=True, diff=True)
    enable = run_module(group, dict(organization="example-corp", name="quiet", email="quiet@example.com"), check_mode=True)

    assert (disable["group"]["state"], disable["group"]["email"]) == ("disabled", None)
    assert (enable["group"]["state"], enable["group"]["email"]) == ("enabled", "quiet@example.com")
    assert disable["diff"]["before"]["email"] == "finance@example.com"


def test_check_mode_warns_instead_of_failing_on_an_address_an_earlier_task_may_free(run_module, org):
    result = run_module(group, finance(email="finance@later.example.org"), check_mode=True)

    assert result["changed"] is True
    assert result.warnings == ["email: finance@later.example.org: later.example.org is not a mail domain of the organization"]


def test_group_info_with_members(run_module, workmail_client, org):
    created = run_module(group, finance())
    user_id = workmail_client.create_user(OrganizationId=org, Name="jdoe", DisplayName="Jane")["UserId"]
    workmail_client.associate_member_to_group(OrganizationId=org, GroupId=created["group"]["id"], MemberId=user_id)

    everything = run_module(group_info, dict(organization="example-corp", include_members=True))
    one = run_module(group_info, dict(organization="example-corp", name="finance"))
    none = run_module(group_info, dict(organization="example-corp", name="nobody"))

    assert [g["name"] for g in everything["groups"]] == ["finance"]
    assert everything["groups"][0]["members"] == [{"id": user_id, "name": "jdoe", "type": "user"}]
    assert one["groups"][0] == dict(created["group"], aliases=[])
    assert none["groups"] == []
