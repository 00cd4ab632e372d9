"""Mobile device access rules, their evaluation, and the overrides of one user's device."""

import pytest
from support import TEST_DOMAIN, all_pages, new_user, raises_code, without_retries

import workmail_emulator
from workmail_emulator.errors import WorkMailError

IPHONE = {"DeviceType": "iPhone", "DeviceModel": "iPhone15,2", "DeviceOperatingSystem": "iOS 17.1", "DeviceUserAgent": "Apple-iPhone15C2/2101.1"}
ANDROID = {"DeviceType": "Android", "DeviceModel": "Pixel 8", "DeviceOperatingSystem": "Android 14", "DeviceUserAgent": "Android-Mail/2023"}


def create(client, org_id, name, effect="DENY", **fields):
    return client.create_mobile_device_access_rule(OrganizationId=org_id, Name=name, Effect=effect, **fields)["MobileDeviceAccessRuleId"]


def rules(client, org_id):
    return client.list_mobile_device_access_rules(OrganizationId=org_id)["Rules"]


def effect(client, org_id, **device):
    result = client.get_mobile_device_access_effect(OrganizationId=org_id, **device)
    return result["Effect"], [rule["Name"] for rule in result["MatchedRules"]]


def overrides(client, org_id, **filters):
    return all_pages(client.list_mobile_device_access_overrides, "Overrides", OrganizationId=org_id, **filters)


@pytest.fixture
def user(workmail_client, workmail_org):
    return new_user(workmail_client, workmail_org, "jdoe", email=f"jdoe@{TEST_DOMAIN}")


# Rules ------------------------------------------------------------------------------------------

def test_a_new_organization_has_no_rule_and_allows_every_device(workmail_client, workmail_org):
    assert rules(workmail_client, workmail_org) == []
    assert effect(workmail_client, workmail_org, **IPHONE) == ("ALLOW", [])
    assert effect(workmail_client, workmail_org) == ("ALLOW", [])


def test_create_lists_the_rule_with_only_the_conditions_set(workmail_client, workmail_org):
    rule_id = create(workmail_client, workmail_org, "no-android", Description="Android devices are not allowed",
                     DeviceTypes=["Android"], NotDeviceModels=["Pixel 8", "Pixel 7"])
    [rule] = rules(workmail_client, workmail_org)
    assert {key: value for key, value in rule.items() if not key.startswith("Date")} == {
        "MobileDeviceAccessRuleId": rule_id, "Name": "no-android", "Description": "Android devices are not allowed", "Effect": "DENY",
        "DeviceTypes": ["Android"], "NotDeviceModels": ["Pixel 8", "Pixel 7"],
    }
    assert rule["DateCreated"] == rule["DateModified"]


def test_names_are_not_unique(workmail_client, workmail_org):
    first = create(workmail_client, workmail_org, "same")
    second = create(workmail_client, workmail_org, "same", effect="ALLOW")
    assert first != second
    assert [(rule["MobileDeviceAccessRuleId"], rule["Effect"]) for rule in rules(workmail_client, workmail_org)] == [(first, "DENY"), (second, "ALLOW")]


def test_a_client_token_makes_a_retried_create_create_once(workmail_client, workmail_org):
    first = create(workmail_client, workmail_org, "once", ClientToken="token-1")
    assert create(workmail_client, workmail_org, "once", ClientToken="token-1") == first
    assert len(rules(workmail_client, workmail_org)) == 1
    with raises_code("InvalidParameterException", match="ClientToken"):
        create(workmail_client, workmail_org, "other", ClientToken="token-1")


def test_update_replaces_the_whole_rule_and_keeps_its_place(workmail_client, workmail_org):
    first = create(workmail_client, workmail_org, "first", Description="d", DeviceTypes=["Android"], DeviceModels=["Pixel 8"])
    create(workmail_client, workmail_org, "second", effect="ALLOW")
    workmail_emulator.advance_clock(60)
    workmail_client.update_mobile_device_access_rule(OrganizationId=workmail_org, MobileDeviceAccessRuleId=first, Name="renamed",
                                                     Effect="ALLOW", NotDeviceUserAgents=["Old-Agent/1"])
    updated, _second = rules(workmail_client, workmail_org)
    assert {key: value for key, value in updated.items() if not key.startswith("Date")} == {
        "MobileDeviceAccessRuleId": first, "Name": "renamed", "Effect": "ALLOW", "NotDeviceUserAgents": ["Old-Agent/1"],
    }
    assert (updated["DateModified"] - updated["DateCreated"]).total_seconds() == pytest.approx(60, abs=1)


def test_update_of_an_unknown_rule(workmail_client, workmail_org):
    with raises_code("EntityNotFoundException", match="missing-rule"):
        workmail_client.update_mobile_device_access_rule(OrganizationId=workmail_org, MobileDeviceAccessRuleId="missing-rule", Name="r", Effect="DENY")


def test_delete_and_delete_again(workmail_client, workmail_org):
    rule_id = create(workmail_client, workmail_org, "gone")
    workmail_client.delete_mobile_device_access_rule(OrganizationId=workmail_org, MobileDeviceAccessRuleId=rule_id)
    workmail_client.delete_mobile_device_access_rule(OrganizationId=workmail_org, MobileDeviceAccessRuleId=rule_id)
    assert rules(workmail_client, workmail_org) == []


def test_at_most_ten_rules(workmail_client, workmail_org):
    ids = [create(workmail_client, workmail_org, f"rule-{n}") for n in range(10)]
    with raises_code("LimitExceededException", match="10 mobile device access rules"):
        create(without_retries(workmail_client), workmail_org, "eleventh")
    assert len(rules(workmail_client, workmail_org)) == 10
    workmail_client.delete_mobile_device_access_rule(OrganizationId=workmail_org, MobileDeviceAccessRuleId=ids[0])
    create(workmail_client, workmail_org, "eleventh")


def model_error(operation, params):
    """The error the emulator's model validation answers (botocore would refuse these before sending)."""
    with pytest.raises(WorkMailError) as info:
        workmail_emulator.backend().handle(operation, params)
    return info.value.code, info.value.message


@pytest.mark.parametrize("fields, member", [
    ({"DeviceTypes": []}, "deviceTypes"),
    ({"NotDeviceModels": [f"model-{n}" for n in range(11)]}, "notDeviceModels"),
    ({"DeviceUserAgents": ["agent\u20ac"]}, "deviceUserAgents"),
    ({"Description": ""}, "description"),
    ({"Name": "x" * 65}, "name"),
    ({"Effect": "MAYBE"}, "effect"),
])
def test_model_constraints(workmail_client, workmail_org, fields, member):
    params = {"OrganizationId": workmail_org, "Name": "r", "Effect": "DENY", **fields}
    code, message = model_error("CreateMobileDeviceAccessRule", params)
    assert code == "InvalidParameterException" and f"'{member}" in message
    assert rules(workmail_client, workmail_org) == []


# Evaluation -------------------------------------------------------------------------------------

def test_a_rule_matches_when_every_condition_it_sets_holds(workmail_client, workmail_org):
    create(workmail_client, workmail_org, "old-ios", DeviceTypes=["iPhone", "iPad"], DeviceOperatingSystems=["iOS 16.0", "iOS 17.1"])
    assert effect(workmail_client, workmail_org, **IPHONE) == ("DENY", ["old-ios"])
    assert effect(workmail_client, workmail_org, **{**IPHONE, "DeviceOperatingSystem": "iOS 18.0"}) == ("ALLOW", [])
    assert effect(workmail_client, workmail_org, **ANDROID) == ("ALLOW", [])


def test_values_match_whole_and_regardless_of_case(workmail_client, workmail_org):
    create(workmail_client, workmail_org, "pixels", DeviceModels=["Pixel 8"])
    assert effect(workmail_client, workmail_org, DeviceModel="PIXEL 8") == ("DENY", ["pixels"])
    assert effect(workmail_client, workmail_org, DeviceModel="Pixel") == ("ALLOW", [])
    assert effect(workmail_client, workmail_org, DeviceModel="Pixel 8 Pro") == ("ALLOW", [])


def test_not_lists_match_every_other_value(workmail_client, workmail_org):
    create(workmail_client, workmail_org, "only-iphones", NotDeviceTypes=["iPhone"])
    assert effect(workmail_client, workmail_org, **IPHONE) == ("ALLOW", [])
    assert effect(workmail_client, workmail_org, **ANDROID) == ("DENY", ["only-iphones"])


def test_an_attribute_left_out_fails_an_inclusion_list_and_passes_an_exclusion_list(workmail_client, workmail_org):
    create(workmail_client, workmail_org, "androids", DeviceTypes=["Android"])
    create(workmail_client, workmail_org, "not-old-agents", effect="ALLOW", NotDeviceUserAgents=["Old/1"])
    assert effect(workmail_client, workmail_org, DeviceModel="Pixel 8") == ("ALLOW", ["not-old-agents"])


def test_deny_wins_over_allow_and_matched_rules_are_those_of_the_effect(workmail_client, workmail_org):
    create(workmail_client, workmail_org, "allow-everything", effect="ALLOW")
    create(workmail_client, workmail_org, "deny-android", DeviceTypes=["Android"])
    create(workmail_client, workmail_org, "allow-pixel", effect="ALLOW", DeviceModels=["Pixel 8"])
    create(workmail_client, workmail_org, "deny-android-14", DeviceOperatingSystems=["Android 14"])
    assert effect(workmail_client, workmail_org, **ANDROID) == ("DENY", ["deny-android", "deny-android-14"])
    assert effect(workmail_client, workmail_org, **IPHONE) == ("ALLOW", ["allow-everything"])
    result = workmail_client.get_mobile_device_access_effect(OrganizationId=workmail_org, **ANDROID)
    assert [rule["MobileDeviceAccessRuleId"] for rule in result["MatchedRules"]] == [
        rule["MobileDeviceAccessRuleId"] for rule in rules(workmail_client, workmail_org) if rule["Name"].startswith("deny")]


def test_overrides_do_not_enter_the_simulation(workmail_client, workmail_org, user):
    create(workmail_client, workmail_org, "deny-android", DeviceTypes=["Android"])
    workmail_client.put_mobile_device_access_override(OrganizationId=workmail_org, UserId=user, DeviceId="pixel1", Effect="ALLOW")
    assert effect(workmail_client, workmail_org, **ANDROID) == ("DENY", ["deny-android"])


# Overrides --------------------------------------------------------------------------------------

def test_put_get_and_list_an_override_by_id_email_or_name(workmail_client, workmail_org, user):
    workmail_client.put_mobile_device_access_override(OrganizationId=workmail_org, UserId=f"jdoe@{TEST_DOMAIN}", DeviceId="Pixel8abc",
                                                      Effect="DENY", Description="lost phone")
    for identifier in (user, "jdoe", f"JDoe@{TEST_DOMAIN}"):
        got = workmail_client.get_mobile_device_access_override(OrganizationId=workmail_org, UserId=identifier, DeviceId="pixel8ABC")
        assert {key: value for key, value in got.items() if key not in ("DateCreated", "DateModified", "ResponseMetadata")} == {
            "UserId": user, "DeviceId": "Pixel8abc", "Effect": "DENY", "Description": "lost phone"}
    [listed] = overrides(workmail_client, workmail_org)
    assert listed["UserId"] == user and listed["DeviceId"] == "Pixel8abc" and listed["DateCreated"] == listed["DateModified"]


def test_put_replaces_the_effect_and_description_and_keeps_the_creation_date_and_device_id(workmail_client, workmail_org, user):
    workmail_client.put_mobile_device_access_override(OrganizationId=workmail_org, UserId=user, DeviceId="Pixel8abc", Effect="DENY", Description="lost")
    workmail_emulator.advance_clock(30)
    workmail_client.put_mobile_device_access_override(OrganizationId=workmail_org, UserId="jdoe", DeviceId="PIXEL8ABC", Effect="ALLOW")
    [override] = overrides(workmail_client, workmail_org)
    assert (override["DeviceId"], override["Effect"], "Description" in override) == ("Pixel8abc", "ALLOW", False)
    assert (override["DateModified"] - override["DateCreated"]).total_seconds() == pytest.approx(30, abs=1)


def test_list_filters_by_user_and_device(workmail_client, workmail_org, user):
    other = new_user(workmail_client, workmail_org, "kim", email=f"kim@{TEST_DOMAIN}")
    for user_id, device in ((user, "phoneA"), (user, "tabletB"), (other, "phoneA")):
        workmail_client.put_mobile_device_access_override(OrganizationId=workmail_org, UserId=user_id, DeviceId=device, Effect="ALLOW")
    assert [(o["UserId"], o["DeviceId"]) for o in overrides(workmail_client, workmail_org)] == [(user, "phoneA"), (user, "tabletB"), (other, "phoneA")]
    assert [o["DeviceId"] for o in overrides(workmail_client, workmail_org, UserId="jdoe")] == ["phoneA", "tabletB"]
    assert [o["UserId"] for o in overrides(workmail_client, workmail_org, DeviceId="PHONEA")] == [user, other]
    both = overrides(workmail_client, workmail_org, UserId=f"kim@{TEST_DOMAIN}", DeviceId="phonea")
    assert [(o["UserId"], o["DeviceId"]) for o in both] == [(other, "phoneA")]
    page = workmail_client.list_mobile_device_access_overrides(OrganizationId=workmail_org, MaxResults=2)
    assert len(page["Overrides"]) == 2 and page["NextToken"]
    assert len(overrides(workmail_client, workmail_org, MaxResults=1)) == 3


def test_delete_and_delete_again(workmail_client, workmail_org, user):
    workmail_client.put_mobile_device_access_override(OrganizationId=workmail_org, UserId=user, DeviceId="phoneA", Effect="DENY")
    workmail_client.delete_mobile_device_access_override(OrganizationId=workmail_org, UserId="jdoe", DeviceId="PHONEA")
    workmail_client.delete_mobile_device_access_override(OrganizationId=workmail_org, UserId="jdoe", DeviceId="PHONEA")
    assert overrides(workmail_client, workmail_org) == []
    with raises_code("ResourceNotFoundException", match="phoneA"):
        workmail_client.get_mobile_device_access_override(OrganizationId=workmail_org, UserId=user, DeviceId="phoneA")


def test_unknown_users(workmail_client, workmail_org):
    group = workmail_client.create_group(OrganizationId=workmail_org, Name="sales")["GroupId"]
    for identifier in ("nobody", f"nobody@{TEST_DOMAIN}", group):
        with raises_code("EntityNotFoundException", match=identifier):
            workmail_client.put_mobile_device_access_override(OrganizationId=workmail_org, UserId=identifier, DeviceId="phoneA", Effect="DENY")
        with raises_code("EntityNotFoundException"):
            workmail_client.get_mobile_device_access_override(OrganizationId=workmail_org, UserId=identifier, DeviceId="phoneA")
        with raises_code("EntityNotFoundException"):
            workmail_client.delete_mobile_device_access_override(OrganizationId=workmail_org, UserId=identifier, DeviceId="phoneA")
        with raises_code("EntityNotFoundException"):
            workmail_client.list_mobile_device_access_overrides(OrganizationId=workmail_org, UserId=identifier)


def test_an_override_needs_an_enabled_user(workmail_client, workmail_org, user):
    new_user(workmail_client, workmail_org, "pending")
    with raises_code("EntityStateException", match="DISABLED"):
        workmail_client.put_mobile_device_access_override(OrganizationId=workmail_org, UserId="pending", DeviceId="phoneA", Effect="DENY")
    assert overrides(workmail_client, workmail_org) == []


def test_a_deleted_user_loses_its_overrides(workmail_client, workmail_org, user):
    workmail_client.put_mobile_device_access_override(OrganizationId=workmail_org, UserId=user, DeviceId="phoneA", Effect="DENY")
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=user)
    # A disabled user keeps them (they can still be read and removed).
    assert [o["DeviceId"] for o in overrides(workmail_client, workmail_org, UserId=user)] == ["phoneA"]
    with raises_code("EntityStateException"):
        workmail_client.put_mobile_device_access_override(OrganizationId=workmail_org, UserId=user, DeviceId="phoneA", Effect="ALLOW")
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=user)
    assert overrides(workmail_client, workmail_org) == []


@pytest.mark.parametrize("device_id", ["", "phone-a", "x" * 33])
def test_device_id_constraints(workmail_client, workmail_org, user, device_id):
    params = {"OrganizationId": workmail_org, "UserId": user, "DeviceId": device_id, "Effect": "DENY"}
    code, message = model_error("PutMobileDeviceAccessOverride", params)
    assert code == "InvalidParameterException" and "'deviceId'" in message
    assert overrides(workmail_client, workmail_org) == []
