# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.module_utils.impersonation import rule_id
from ansible_collections.mailops.workmail.plugins.modules import impersonation_role
from ansible_collections.mailops.workmail.plugins.modules import impersonation_role_info


@pytest.fixture
def org(run_module, workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    ids = {"org": workmail_org}
    for name in ("jdoe", "ceo"):
        ids[name] = workmail_client.create_user(OrganizationId=workmail_org, Name=name, DisplayName=name)["UserId"]
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=ids[name], Email=name + "@example.com")
    rules = [dict(name="everyone", effect="allow"), dict(name="not the ceo", effect="deny", target_users=["ceo"])]
    ids["archiver"] = run_module(impersonation_role, dict(organization="example-corp", name="archiver", type="read_only", rules=rules))
    ids["migration"] = run_module(
        impersonation_role,
        dict(organization="example-corp", name="migration", type="full_access", rules=[dict(name="w1", effect="allow", target_users=["jdoe"])]),
    )
    workmail_emulator.clear_calls()
    return ids


def test_lists_roles_in_the_module_shape(run_module, org):
    everything = run_module(impersonation_role_info, dict(organization="example-corp"))
    one = run_module(impersonation_role_info, dict(organization="example-corp", name="archiver"))

    assert everything["changed"] is False
    assert everything["impersonation_roles"] == [org["archiver"]["impersonation_role"], org["migration"]["impersonation_role"]]
    assert one["impersonation_roles"] == [org["archiver"]["impersonation_role"]]
    assert "effects" not in one
    assert run_module(impersonation_role_info, dict(organization="example-corp", name="nothing"))["impersonation_roles"] == []


def test_whom_may_each_role_impersonate(run_module, org):
    ceo = run_module(impersonation_role_info, dict(organization="example-corp", name="archiver", target_user="ceo@example.com"))
    jdoe = run_module(impersonation_role_info, dict(organization="example-corp", target_user="jdoe"))

    assert ceo["effects"] == [
        {
            "impersonation_role": "archiver",
            "impersonation_role_id": org["archiver"]["impersonation_role"]["id"],
            "target_user": org["ceo"],
            "type": "read_only",
            "effect": "deny",
            "matched_rules": [{"id": "everyone", "name": "everyone"}, {"id": rule_id("not the ceo"), "name": "not the ceo"}],
        }
    ]
    assert [(e["impersonation_role"], e["effect"]) for e in jdoe["effects"]] == [("archiver", "allow"), ("migration", "allow")]
    assert [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])] == []


def test_unknown_target_user(run_module, org):
    failed = run_module(impersonation_role_info, dict(organization="example-corp", target_user="ghost"))
    planned = run_module(impersonation_role_info, dict(organization="example-corp", target_user="ghost"), check_mode=True)

    assert failed.failed
    assert failed["msg"].startswith("target_user: not found in organization")
    assert planned["effects"] == []
    assert any("ghost" in w for w in planned.warnings)
