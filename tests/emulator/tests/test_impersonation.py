"""Impersonation roles and their evaluation."""

import pytest
from support import TEST_DOMAIN, new_user, raises_code, without_retries

import workmail_emulator


@pytest.fixture
def people(workmail_client, workmail_org):
    return {name: new_user(workmail_client, workmail_org, name, email=f"{name}@{TEST_DOMAIN}") for name in ("ann", "bob", "eve")}


def create(client, org_id, rules, name="helpdesk", **extra):
    return client.create_impersonation_role(OrganizationId=org_id, Name=name, Type="FULL_ACCESS", Rules=rules, **extra)["ImpersonationRoleId"]


def role_effect(client, org_id, role_id, target):
    result = client.get_impersonation_role_effect(OrganizationId=org_id, ImpersonationRoleId=role_id, TargetUser=target)
    return result["Effect"], [rule["ImpersonationRuleId"] for rule in result["MatchedRules"]]


def test_create_get_list_update_delete(workmail_client, workmail_org, people):
    rules = [{"ImpersonationRuleId": "r1", "Name": "everyone but eve", "Effect": "ALLOW", "NotTargetUsers": ["eve"]},
             {"ImpersonationRuleId": "r2", "Effect": "DENY", "TargetUsers": [people["bob"], f"ann@{TEST_DOMAIN}"], "Description": "no"}]
    role_id = create(workmail_client, workmail_org, rules, Description="Help desk")
    role = workmail_client.get_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId=role_id)
    assert (role["Name"], role["Type"], role["Description"], role["Rules"]) == ("helpdesk", "FULL_ACCESS", "Help desk", rules)
    assert role["DateCreated"] == role["DateModified"]
    summaries = workmail_client.list_impersonation_roles(OrganizationId=workmail_org)["Roles"]
    assert [(summary["ImpersonationRoleId"], summary["Name"]) for summary in summaries] == [(role_id, "helpdesk")]
    assert "Rules" not in summaries[0]
    workmail_client.update_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId=role_id, Name="readers", Type="READ_ONLY", Rules=[])
    role = workmail_client.get_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId=role_id)
    assert (role["Name"], role["Type"], role["Rules"]) == ("readers", "READ_ONLY", [])
    assert "Description" not in role
    workmail_client.delete_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId=role_id)
    workmail_client.delete_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId=role_id)
    with raises_code("ResourceNotFoundException"):
        workmail_client.get_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId=role_id)
    with raises_code("ResourceNotFoundException"):
        workmail_client.update_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId=role_id, Name="x", Type="READ_ONLY", Rules=[])


def test_names_are_not_unique(workmail_client, workmail_org):
    first, second = create(workmail_client, workmail_org, []), create(workmail_client, workmail_org, [])
    assert first != second
    assert len(workmail_client.list_impersonation_roles(OrganizationId=workmail_org)["Roles"]) == 2


def test_client_token(workmail_client, workmail_org):
    first = create(workmail_client, workmail_org, [], ClientToken="retry-safe")
    assert create(workmail_client, workmail_org, [], ClientToken="retry-safe") == first
    with raises_code("InvalidParameterException", match="ClientToken"):
        create(workmail_client, workmail_org, [], name="other", ClientToken="retry-safe")


def test_rule_checks(workmail_client, workmail_org, people):
    with raises_code("InvalidParameterException", match="r1"):
        create(workmail_client, workmail_org, [{"ImpersonationRuleId": "r1", "Effect": "ALLOW"}, {"ImpersonationRuleId": "r1", "Effect": "DENY"}])
    with raises_code("EntityNotFoundException"):
        create(workmail_client, workmail_org, [{"ImpersonationRuleId": "r1", "Effect": "ALLOW", "TargetUsers": ["ghost"]}])
    disabled = new_user(workmail_client, workmail_org, "disabled")
    with raises_code("EntityStateException"):
        create(workmail_client, workmail_org, [{"ImpersonationRuleId": "r1", "Effect": "ALLOW", "NotTargetUsers": [disabled]}])
    with raises_code("InvalidParameterException", match="'name'"):
        create(workmail_client, workmail_org, [], name="<script>")
    role_id = create(workmail_client, workmail_org, [])
    with raises_code("EntityNotFoundException"):
        workmail_client.update_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId=role_id, Name="r", Type="READ_ONLY",
                                                  Rules=[{"ImpersonationRuleId": "r1", "Effect": "ALLOW", "TargetUsers": ["ghost"]}])


def test_role_limit(workmail_client, workmail_org):
    workmail_emulator.configure(max_impersonation_roles=2)
    create(workmail_client, workmail_org, [])
    create(workmail_client, workmail_org, [])
    with raises_code("LimitExceededException"):
        create(without_retries(workmail_client), workmail_org, [])


def test_effect(workmail_client, workmail_org, people):
    rules = [{"ImpersonationRuleId": "all-but-eve", "Effect": "ALLOW", "NotTargetUsers": [f"eve@{TEST_DOMAIN}"]},
             {"ImpersonationRuleId": "not-bob", "Name": "Not Bob", "Effect": "DENY", "TargetUsers": ["bob"]}]
    role_id = create(workmail_client, workmail_org, rules)
    assert role_effect(workmail_client, workmail_org, role_id, "ann") == ("ALLOW", ["all-but-eve"])
    assert role_effect(workmail_client, workmail_org, role_id, people["bob"]) == ("DENY", ["all-but-eve", "not-bob"])
    assert role_effect(workmail_client, workmail_org, role_id, f"eve@{TEST_DOMAIN}") == ("DENY", [])
    result = workmail_client.get_impersonation_role_effect(OrganizationId=workmail_org, ImpersonationRoleId=role_id, TargetUser="bob")
    assert result["Type"] == "FULL_ACCESS"
    assert result["MatchedRules"] == [{"ImpersonationRuleId": "all-but-eve"}, {"ImpersonationRuleId": "not-bob", "Name": "Not Bob"}]
    empty = create(workmail_client, workmail_org, [])
    assert role_effect(workmail_client, workmail_org, empty, "ann") == ("DENY", [])


def test_effect_errors(workmail_client, workmail_org, people):
    role_id = create(workmail_client, workmail_org, [])
    with raises_code("ResourceNotFoundException"):
        workmail_client.get_impersonation_role_effect(OrganizationId=workmail_org, ImpersonationRoleId="missing", TargetUser="ann")
    with raises_code("EntityNotFoundException"):
        workmail_client.get_impersonation_role_effect(OrganizationId=workmail_org, ImpersonationRoleId=role_id, TargetUser="ghost")
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId="ann")
    with raises_code("EntityStateException"):
        workmail_client.get_impersonation_role_effect(OrganizationId=workmail_org, ImpersonationRoleId=role_id, TargetUser="ann")


def test_roles_page_at_most_twenty(workmail_client, workmail_org):
    workmail_emulator.configure(max_impersonation_roles=25)
    created = [create(workmail_client, workmail_org, [], name=f"role{n}") for n in range(25)]
    first = workmail_client.list_impersonation_roles(OrganizationId=workmail_org, MaxResults=100)
    assert len(first["Roles"]) == 20
    second = workmail_client.list_impersonation_roles(OrganizationId=workmail_org, MaxResults=100, NextToken=first["NextToken"])
    assert "NextToken" not in second
    assert [role["ImpersonationRoleId"] for role in first["Roles"] + second["Roles"]] == created


def test_assume_role(workmail_client, workmail_org):
    role_id = create(workmail_client, workmail_org, [])
    token = workmail_client.assume_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId=role_id)
    assert len(token["Token"]) > 20 and token["ExpiresIn"] == 900
    with raises_code("ResourceNotFoundException"):
        workmail_client.assume_impersonation_role(OrganizationId=workmail_org, ImpersonationRoleId="missing")
