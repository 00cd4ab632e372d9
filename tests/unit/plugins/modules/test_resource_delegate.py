# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import resource_delegate


@pytest.fixture
def org(workmail_client, workmail_org):
    """The room boardroom (enabled); users jdoe (enabled) and omar, group facilities; omar already a delegate."""
    client, ids = workmail_client, {}
    client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    ids["boardroom"] = client.create_resource(OrganizationId=workmail_org, Name="boardroom", Type="ROOM")["ResourceId"]
    client.register_to_work_mail(OrganizationId=workmail_org, EntityId=ids["boardroom"], Email="boardroom@example.com")
    for name in ("jdoe", "omar"):
        ids[name] = client.create_user(OrganizationId=workmail_org, Name=name, DisplayName=name)["UserId"]
    client.register_to_work_mail(OrganizationId=workmail_org, EntityId=ids["jdoe"], Email="jdoe@example.com")
    ids["facilities"] = client.create_group(OrganizationId=workmail_org, Name="facilities")["GroupId"]
    client.associate_delegate_to_resource(OrganizationId=workmail_org, ResourceId=ids["boardroom"], EntityId=ids["omar"])
    workmail_emulator.clear_calls()
    return ids


def delegates(client, org_id, resource_id):
    return sorted(d["Id"] for d in client.list_resource_delegates(OrganizationId=org_id, ResourceId=resource_id)["Delegates"])


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def task(**extra):
    return dict(dict(organization="example-corp", resource="boardroom", delegates=["jdoe@example.com", "facilities"]), **extra)


def test_present_adds_and_rerun_changes_nothing(run_module, workmail_client, workmail_org, org):
    result = run_module(resource_delegate, task(), diff=True)

    assert result["changed"] is True
    assert result["resource_delegates"] == {
        "resource": {"id": org["boardroom"], "name": "boardroom", "email": "boardroom@example.com"},
        "delegates": ["facilities", "jdoe", "omar"], "added": ["facilities", "jdoe"], "removed": []}
    assert result["diff"] == {"before": {"delegates": ["omar"]}, "after": {"delegates": ["facilities", "jdoe", "omar"]}}
    assert delegates(workmail_client, workmail_org, org["boardroom"]) == sorted([org["jdoe"], org["omar"], org["facilities"]])
    assert writes() == ["AssociateDelegateToResource"] * 2

    workmail_emulator.clear_calls()
    # The same delegates by ID and name: nothing to do.
    again = run_module(resource_delegate, task(resource=org["boardroom"], delegates=[org["jdoe"], "FACILITIES"]))
    assert again["changed"] is False
    assert writes() == []


def test_absent_and_exact(run_module, workmail_client, workmail_org, org):
    absent = run_module(resource_delegate, task(resource="boardroom@example.com", delegates=["omar", "jdoe"], state="absent"))
    assert (absent["changed"], absent["resource_delegates"]["removed"], absent["resource_delegates"]["delegates"]) == (True, ["omar"], [])
    assert writes() == ["DisassociateDelegateFromResource"]

    exact = run_module(resource_delegate, task(delegates=["facilities"], state="exact"))
    assert exact["resource_delegates"]["added"] == ["facilities"]
    run_module(resource_delegate, task(delegates=["jdoe"]))
    workmail_emulator.clear_calls()
    emptied = run_module(resource_delegate, task(delegates=[], state="exact"))
    assert sorted(emptied["resource_delegates"]["removed"]) == ["facilities", "jdoe"]
    assert delegates(workmail_client, workmail_org, org["boardroom"]) == []
    assert writes() == ["DisassociateDelegateFromResource"] * 2


def test_check_mode_writes_nothing(run_module, workmail_client, workmail_org, org):
    result = run_module(resource_delegate, task(state="exact"), check_mode=True, diff=True)
    assert result["changed"] is True
    assert result["resource_delegates"]["added"] == ["facilities", "jdoe"]
    assert result["resource_delegates"]["removed"] == ["omar"]
    assert writes() == []
    assert delegates(workmail_client, workmail_org, org["boardroom"]) == [org["omar"]]


def test_unknown_references_fail_before_any_write(run_module, org):
    unknown = run_module(resource_delegate, task(delegates=["jdoe", "ghost"]))
    assert unknown["msg"] == "delegates: not found in organization 'example-corp': ghost"
    not_a_resource = run_module(resource_delegate, task(resource="jdoe"))
    assert not_a_resource["msg"] == "resource: not found in organization 'example-corp': jdoe"
    resource_as_delegate = run_module(resource_delegate, task(delegates=["boardroom"]))
    assert resource_as_delegate["msg"] == "delegates: not found in organization 'example-corp': boardroom"
    assert writes() == []


def test_check_mode_plans_a_resource_still_to_be_created(run_module, org):
    result = run_module(resource_delegate, task(resource="projector", delegates=["jdoe"]), check_mode=True)
    assert result["changed"] is True
    assert result["resource_delegates"]["resource"]["id"] is None
    assert result["resource_delegates"]["added"] == ["jdoe"]
    assert "Not found, assumed to be created by an earlier task: projector" in result.warnings
    assert result["_workmail"]["assumes"] == [{"type": "resource", "name": "projector", "organization": "example-corp"}]
