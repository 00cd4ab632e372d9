"""Access control rules and their evaluation."""

import pytest
from support import new_user, raises_code, without_retries

DEFAULT_RULE = "default"


def put(client, org_id, name, effect="ALLOW", **fields):
    client.put_access_control_rule(OrganizationId=org_id, Name=name, Effect=effect, Description=f"rule {name}", **fields)


def rules(client, org_id):
    return client.list_access_control_rules(OrganizationId=org_id)["Rules"]


def effect(client, org_id, ip="10.0.0.1", action="IMAP", **principal):
    result = client.get_access_control_effect(OrganizationId=org_id, IpAddress=ip, Action=action, **principal)
    return result["Effect"], result["MatchedRules"]


@pytest.fixture
def user(workmail_client, workmail_org):
    return new_user(workmail_client, workmail_org, "jdoe")


@pytest.fixture
def without_default_rule(workmail_client, workmail_org):
    """The organization without its default rule: only the rules a test writes match."""
    workmail_client.delete_access_control_rule(OrganizationId=workmail_org, Name=DEFAULT_RULE)


@pytest.fixture
def role(workmail_client, workmail_org):
    return workmail_client.create_impersonation_role(OrganizationId=workmail_org, Name="reader", Type="READ_ONLY", Rules=[])["ImpersonationRoleId"]


def test_a_new_organization_has_the_default_rule(workmail_client, workmail_org):
    [rule] = rules(workmail_client, workmail_org)
    assert {key: value for key, value in rule.items() if not key.startswith("Date")} == {
        "Name": DEFAULT_RULE, "Effect": "ALLOW", "Description": "Default access control rule: allows all users and impersonation roles",
        "Actions": [], "NotActions": [], "IpRanges": [], "NotIpRanges": [], "UserIds": [], "NotUserIds": [],
        "ImpersonationRoleIds": [], "NotImpersonationRoleIds": [],
    }
    assert rule["DateCreated"] == rule["DateModified"]


def test_the_default_rule_allows_every_user_and_role(workmail_client, workmail_org, user, role):
    assert effect(workmail_client, workmail_org, ip="203.0.113.9", action="WebMail", UserId=user) == ("ALLOW", [DEFAULT_RULE])
    assert effect(workmail_client, workmail_org, action="EWS", ImpersonationRoleId=role) == ("ALLOW", [DEFAULT_RULE])


def test_the_default_rule_is_a_rule_like_any_other(workmail_client, workmail_org, user):
    put(workmail_client, workmail_org, "office-only", effect="DENY", NotIpRanges=["10.0.0.0/8"])
    put(workmail_client, workmail_org, DEFAULT_RULE, effect="ALLOW", Actions=["EWS"])
    assert [rule["Name"] for rule in rules(workmail_client, workmail_org)] == [DEFAULT_RULE, "office-only"]
    assert effect(workmail_client, workmail_org, action="EWS", UserId=user) == ("ALLOW", [DEFAULT_RULE])
    assert effect(workmail_client, workmail_org, action="IMAP", UserId=user) == ("DENY", [])
    workmail_client.delete_access_control_rule(OrganizationId=workmail_org, Name=DEFAULT_RULE)
    assert [rule["Name"] for rule in rules(workmail_client, workmail_org)] == ["office-only"]


def test_no_rule_at_all_blocks_all_access(workmail_client, workmail_org, user, role):
    workmail_client.delete_access_control_rule(OrganizationId=workmail_org, Name=DEFAULT_RULE)
    assert rules(workmail_client, workmail_org) == []
    assert effect(workmail_client, workmail_org, UserId=user) == ("DENY", [])
    assert effect(workmail_client, workmail_org, action="EWS", ImpersonationRoleId=role) == ("DENY", [])


def test_put_is_an_upsert_by_name(workmail_client, workmail_org, without_default_rule, user):
    put(workmail_client, workmail_org, "first", Actions=["IMAP"], IpRanges=["10.0.0.0/8"], UserIds=[user])
    put(workmail_client, workmail_org, "second", effect="DENY")
    created = rules(workmail_client, workmail_org)[0]
    assert created["Actions"] == ["IMAP"] and created["UserIds"] == [user] and created["NotIpRanges"] == []
    put(workmail_client, workmail_org, "first", effect="DENY", NotActions=["EWS"])
    replaced = rules(workmail_client, workmail_org)
    assert [rule["Name"] for rule in replaced] == ["first", "second"]
    assert replaced[0]["Effect"] == "DENY"
    assert replaced[0]["Actions"] == [] and replaced[0]["UserIds"] == [] and replaced[0]["NotActions"] == ["EWS"]
    assert replaced[0]["DateCreated"] == created["DateCreated"]
    assert replaced[0]["DateModified"] >= created["DateModified"]


def test_delete_missing_is_not_an_error(workmail_client, workmail_org):
    put(workmail_client, workmail_org, "first")
    workmail_client.delete_access_control_rule(OrganizationId=workmail_org, Name="first")
    workmail_client.delete_access_control_rule(OrganizationId=workmail_org, Name="first")
    assert [rule["Name"] for rule in rules(workmail_client, workmail_org)] == [DEFAULT_RULE]


def test_at_most_ten_rules_the_default_one_included(workmail_client, workmail_org):
    for number in range(9):
        put(workmail_client, workmail_org, f"rule{number}")
    with raises_code("LimitExceededException"):
        put(without_retries(workmail_client), workmail_org, "tenth")
    put(workmail_client, workmail_org, "rule3", effect="DENY")
    put(workmail_client, workmail_org, DEFAULT_RULE, effect="DENY")
    assert len(rules(workmail_client, workmail_org)) == 10
    workmail_client.delete_access_control_rule(OrganizationId=workmail_org, Name=DEFAULT_RULE)
    put(workmail_client, workmail_org, "tenth")
    assert len(rules(workmail_client, workmail_org)) == 10


def test_unknown_references(workmail_client, workmail_org, user):
    with raises_code("EntityNotFoundException"):
        put(workmail_client, workmail_org, "r", UserIds=["00000000-0000-0000-0000-000000000000"])
    with raises_code("ResourceNotFoundException"):
        put(workmail_client, workmail_org, "r", NotImpersonationRoleIds=["no-such-role"])
    with raises_code("EntityNotFoundException"):
        effect(workmail_client, workmail_org, UserId="00000000-0000-0000-0000-000000000000")
    with raises_code("ResourceNotFoundException"):
        effect(workmail_client, workmail_org, action="EWS", ImpersonationRoleId="no-such-role")


def test_input_validation(workmail_client, workmail_org, user):
    with raises_code("InvalidParameterException", match="'Actions'"):
        put(workmail_client, workmail_org, "r", Actions=["POP"])
    with raises_code("InvalidParameterException", match="'ipRanges.1'"):
        put(workmail_client, workmail_org, "r", IpRanges=["10.0.0.0"])
    with raises_code("InvalidParameterException", match="'description'"):
        workmail_client.put_access_control_rule(OrganizationId=workmail_org, Name="r", Effect="ALLOW", Description="")
    with raises_code("InvalidParameterException", match="exactly one"):
        effect(workmail_client, workmail_org)
    with raises_code("InvalidParameterException", match="exactly one"):
        effect(workmail_client, workmail_org, UserId=user, ImpersonationRoleId="role")
    with raises_code("InvalidParameterException", match="EWS"):
        effect(workmail_client, workmail_org, action="IMAP", ImpersonationRoleId="role")
    with raises_code("InvalidParameterException", match="'Action'"):
        effect(workmail_client, workmail_org, action="Telnet", UserId=user)


def test_no_matching_rule_means_deny(workmail_client, workmail_org, without_default_rule, user):
    put(workmail_client, workmail_org, "allow-office", IpRanges=["10.0.0.0/8"])
    assert effect(workmail_client, workmail_org, UserId=user) == ("ALLOW", ["allow-office"])
    assert effect(workmail_client, workmail_org, ip="192.168.1.1", UserId=user) == ("DENY", [])


def test_deny_wins_and_matches_are_in_list_order(workmail_client, workmail_org, user):
    put(workmail_client, workmail_org, "allow-office", IpRanges=["10.0.0.0/8"])
    put(workmail_client, workmail_org, "deny-imap", effect="DENY", Actions=["IMAP"])
    assert effect(workmail_client, workmail_org, UserId=user) == ("DENY", [DEFAULT_RULE, "allow-office", "deny-imap"])
    assert effect(workmail_client, workmail_org, ip="192.168.1.1", action="EWS", UserId=user) == ("ALLOW", [DEFAULT_RULE])


def test_conditions(workmail_client, workmail_org, without_default_rule, user, role):
    other = new_user(workmail_client, workmail_org, "other")
    put(workmail_client, workmail_org, "not-office", effect="DENY", NotIpRanges=["10.0.0.0/8"])
    put(workmail_client, workmail_org, "not-ews", effect="DENY", NotActions=["EWS"], UserIds=[other])
    put(workmail_client, workmail_org, "except-jdoe", effect="DENY", NotUserIds=[user], Actions=["SMTP"])
    put(workmail_client, workmail_org, "role-only", effect="DENY", ImpersonationRoleIds=[role], Actions=["EWS"])
    put(workmail_client, workmail_org, "not-role", NotImpersonationRoleIds=[role])
    assert effect(workmail_client, workmail_org, ip="8.8.8.8", UserId=user)[1] == ["not-office", "not-role"]
    assert effect(workmail_client, workmail_org, UserId=other) == ("DENY", ["not-ews", "not-role"])
    assert effect(workmail_client, workmail_org, action="EWS", UserId=other) == ("ALLOW", ["not-role"])
    assert effect(workmail_client, workmail_org, action="SMTP", UserId=user) == ("ALLOW", ["not-role"])
    assert effect(workmail_client, workmail_org, action="SMTP", UserId=other) == ("DENY", ["not-ews", "except-jdoe", "not-role"])
    assert effect(workmail_client, workmail_org, action="EWS", ImpersonationRoleId=role) == ("DENY", ["role-only"])
