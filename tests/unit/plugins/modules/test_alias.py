# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import alias


@pytest.fixture
def jdoe(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    user_id = workmail_client.create_user(OrganizationId=workmail_org, Name="jdoe", DisplayName="Jane")["UserId"]
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email="jane.doe@example.com")
    other = workmail_client.create_user(OrganizationId=workmail_org, Name="omar", DisplayName="Omar")["UserId"]
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=other, Email="omar@example.com")
    workmail_emulator.clear_calls()
    return user_id


def stored(client, org_id, user_id):
    return sorted(client.list_aliases(OrganizationId=org_id, EntityId=user_id)["Aliases"])


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def aliases(addresses, **extra):
    return dict(dict(organization="example-corp", entity="jdoe", aliases=addresses), **extra)


def test_present_then_rerun(run_module, workmail_client, workmail_org, jdoe):
    result = run_module(alias, aliases(["jane@example.com", "J.Doe@example.com"]), diff=True)

    assert result["changed"] is True
    assert result["aliases"]["added"] == ["jane@example.com", "J.Doe@example.com"]
    assert result["aliases"]["entity"]["id"] == jdoe
    assert result["diff"] == {"before": {"aliases": []}, "after": {"aliases": ["J.Doe@example.com", "jane@example.com"]}}
    assert stored(workmail_client, workmail_org, jdoe) == ["J.Doe@example.com", "jane@example.com"]

    workmail_emulator.clear_calls()
    again = run_module(alias, aliases(["JANE@example.com"], entity="jane.doe@example.com"))
    assert again["changed"] is False
    assert writes() == []


def test_exact_and_absent(run_module, workmail_client, workmail_org, jdoe):
    run_module(alias, aliases(["a1@example.com", "a2@example.com"]))

    exact = run_module(alias, aliases(["a2@example.com", "a3@example.com"], state="exact"))
    assert (exact["aliases"]["added"], exact["aliases"]["removed"]) == (["a3@example.com"], ["a1@example.com"])

    absent = run_module(alias, aliases(["a3@example.com", "never@example.com"], state="absent"))
    assert absent["aliases"]["removed"] == ["a3@example.com"]

    emptied = run_module(alias, aliases([], state="exact"))
    assert emptied["aliases"]["aliases"] == []
    assert stored(workmail_client, workmail_org, jdoe) == []


def test_problems_are_all_reported_before_any_write(run_module, jdoe):
    result = run_module(alias, aliases(["ok@example.com", "omar@example.com", "x@unknown.org"]))

    assert result.failed
    assert result["msg"] == (
        "aliases: omar@example.com is already used by user 'omar'; x@unknown.org: unknown.org is not a mail domain of the organization"
    )
    assert writes() == []


def test_the_primary_address_is_not_an_alias(run_module, jdoe):
    result = run_module(alias, aliases(["jane.doe@example.com"]))

    assert result.failed
    assert result["msg"] == "aliases: jane.doe@example.com is the primary address of 'jdoe', not an alias"


def test_invalid_address_names_the_option(run_module, jdoe):
    result = run_module(alias, aliases(["not-an-address"]))

    assert result.failed
    assert result["msg"].startswith("aliases: 'not-an-address' is not valid: it must be an email address such as jane.doe@example.com")


def test_check_mode_writes_nothing_and_plans_a_move(run_module, workmail_client, workmail_org, jdoe):
    result = run_module(alias, aliases(["omar@example.com", "new@example.com"]), check_mode=True)

    assert result["changed"] is True
    assert result["aliases"]["added"] == ["omar@example.com", "new@example.com"]
    assert result.warnings == ["aliases: omar@example.com is already used by user 'omar'"]
    assert writes() == []
    assert stored(workmail_client, workmail_org, jdoe) == []
