# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import access_control_rule
from ansible_collections.mailops.workmail.plugins.modules import access_control_rule_info


@pytest.fixture
def org(run_module, workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    user_id = workmail_client.create_user(OrganizationId=workmail_org, Name="jdoe", DisplayName="Jane")["UserId"]
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email="jdoe@example.com")
    role_id = workmail_client.create_impersonation_role(OrganizationId=workmail_org, Name="archiver", Type="READ_ONLY", Rules=[])["ImpersonationRoleId"]
    rule = dict(organization="example-corp", name="deny-imap-outside", effect="deny", actions=["IMAP"], not_ip_ranges=["192.0.2.0/24"])
    assert run_module(access_control_rule, rule)["changed"] is True
    workmail_emulator.clear_calls()
    return {"org": workmail_org, "jdoe": user_id, "archiver": role_id}


def test_lists_rules_in_the_module_shape(run_module, org):
    created = run_module(access_control_rule, dict(organization="example-corp", name="deny-imap-outside"))
    result = run_module(access_control_rule_info, dict(organization="example-corp"))

    assert result["changed"] is False
    assert [rule["name"] for rule in result["rules"]] == ["default", "deny-imap-outside"]
    assert result["rules"][0]["effect"] == "allow"
    assert result["rules"][1] == created["access_control_rule"]
    assert "effect" not in result


def test_may_this_user_reach_imap_from_this_address(run_module, org):
    outside = run_module(access_control_rule_info, dict(organization="example-corp", ip_address="203.0.113.5", action="IMAP", user="jdoe"))
    inside = run_module(access_control_rule_info, dict(organization="example-corp", ip_address="192.0.2.5", action="imap", user="jdoe@example.com"))
    webmail = run_module(access_control_rule_info, dict(organization="example-corp", ip_address="203.0.113.5", action="WebMail", user=org["jdoe"]))

    assert (outside["effect"], outside["matched_rules"]) == ("deny", ["default", "deny-imap-outside"])
    assert (inside["effect"], inside["matched_rules"]) == ("allow", ["default"])
    assert webmail["effect"] == "allow"
    assert [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])] == []


def test_impersonation_role_request(run_module, org):
    result = run_module(access_control_rule_info, dict(organization="example-corp", ip_address="203.0.113.5", action="EWS", impersonation_role="archiver"))

    assert (result["effect"], result["matched_rules"]) == ("allow", ["default"])


def test_a_request_no_rule_allows_is_denied(run_module, workmail_client, org):
    workmail_client.delete_access_control_rule(OrganizationId=org["org"], Name="default")

    inside = run_module(access_control_rule_info, dict(organization="example-corp", ip_address="192.0.2.5", action="IMAP", user="jdoe"))

    assert (inside["effect"], inside["matched_rules"]) == ("deny", [])


@pytest.mark.parametrize(
    "args, message",
    [
        (dict(ip_address="203.0.113.5"), "parameters are required together: ip_address, action"),
        (dict(user="jdoe"), "missing parameter(s) required by 'user': ip_address"),
        (dict(ip_address="203.0.113.5", action="IMAP", user="jdoe", impersonation_role="archiver"), "parameters are mutually exclusive"),
        (dict(ip_address="203.0.113.5", action="IMAP"), "user: give a user or an impersonation_role"),
        (dict(ip_address="203.0.113.5", action="IMAP", impersonation_role="archiver"), "action: must be EWS"),
        (dict(ip_address="203.0.113", action="IMAP", user="jdoe"), "ip_address: '203.0.113' is not an IP address"),
        (dict(ip_address="203.0.113.5", action="IMAP", user="ghost"), "user: not found in organization"),
    ],
)
def test_bad_input_fails_clearly(run_module, org, args, message):
    result = run_module(access_control_rule_info, dict(args, organization="example-corp"))

    assert result.failed
    assert message in result["msg"]


def test_check_mode_with_an_organization_to_be_created(run_module, org):
    result = run_module(
        access_control_rule_info, dict(organization="new-corp", ip_address="203.0.113.5", action="IMAP", user="jdoe"), check_mode=True
    )

    assert result.failed is False
    assert (result["rules"], result["effect"], result["matched_rules"]) == ([], None, [])
    assert any("new-corp" in w for w in result.warnings)
