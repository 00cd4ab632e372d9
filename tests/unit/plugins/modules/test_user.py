# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import user
from ansible_collections.mailops.workmail.plugins.modules import user_info

PASSWORD = "Corr3ct-Horse-Battery"


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    workmail_emulator.clear_calls()
    return workmail_org


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def jane(**extra):
    args = dict(organization="example-corp", name="jdoe", email="jane.doe@example.com", display_name="Jane Doe", department="Finance")
    args.update(extra)
    return args


def test_create_enables_and_returns_the_user(run_module, workmail_client, org):
    result = run_module(user, jane(password=PASSWORD), diff=True)

    assert result["changed"] is True
    stored = workmail_client.describe_user(OrganizationId=org, UserId="jdoe")
    assert stored["State"] == "ENABLED"
    assert stored["Email"] == "jane.doe@example.com"
    assert stored["Department"] == "Finance"
    assert result["user"]["id"] == stored["UserId"]
    assert result["user"]["enabled"] is True
    assert result["user"]["mailbox_quota"] == 51200
    assert result["diff"]["before"] == {}
    assert result["diff"]["after"]["display_name"] == "Jane Doe"
    assert result["diff"]["after"]["password"] == "(set)"
    assert "password" not in result["user"]
    assert writes() == ["CreateUser", "UpdateUser", "RegisterToWorkMail"]
    assert PASSWORD not in json.dumps(result)


def test_second_run_changes_nothing_and_writes_nothing(run_module, org):
    run_module(user, jane(password=PASSWORD))
    workmail_emulator.clear_calls()

    result = run_module(user, jane(password=PASSWORD))

    assert result["changed"] is False
    assert writes() == []


def test_check_mode_predicts_and_writes_nothing(run_module, workmail_client, org):
    result = run_module(user, jane(), check_mode=True, diff=True)

    assert result["changed"] is True
    assert result["user"]["id"] is None
    assert result["user"]["email"] == "jane.doe@example.com"
    assert result["user"]["role"] == "user"
    assert result["diff"]["after"]["department"] == "Finance"
    assert writes() == []
    assert workmail_client.list_users(OrganizationId=org)["Users"] == []


def test_unset_options_are_untouched_and_empty_string_clears(run_module, workmail_client, org):
    run_module(user, jane(city="Lisbon"))

    result = run_module(user, dict(organization="example-corp", name="jdoe", city="", job_title="Analyst"), diff=True)

    stored = workmail_client.describe_user(OrganizationId=org, UserId="jdoe")
    assert result["changed"] is True
    assert "City" not in stored
    assert stored["JobTitle"] == "Analyst"
    assert stored["Department"] == "Finance"
    assert result["diff"]["before"]["city"] == "Lisbon"
    assert result["diff"]["after"]["city"] is None


def test_check_mode_on_an_existing_user_predicts_the_update(run_module, org):
    run_module(user, jane())
    workmail_emulator.clear_calls()

    result = run_module(user, jane(department="Legal"), check_mode=True, diff=True)

    assert result["changed"] is True
    assert result["user"]["department"] == "Legal"
    assert result["diff"]["before"]["department"] == "Finance"
    assert writes() == []


def test_new_primary_address_keeps_the_old_one_as_alias(run_module, workmail_client, org):
    run_module(user, jane())

    result = run_module(user, jane(email="jane@example.com"))

    assert result["changed"] is True
    assert result["user"]["email"] == "jane@example.com"
    aliases = workmail_client.list_aliases(OrganizationId=org, EntityId=result["user"]["id"])["Aliases"]
    assert aliases == ["jane.doe@example.com"]


def test_disable_then_delete(run_module, workmail_client, org):
    created = run_module(user, jane())

    disabled = run_module(user, jane(enabled=False))
    assert disabled["changed"] is True
    assert disabled["user"]["enabled"] is False
    assert workmail_client.describe_user(OrganizationId=org, UserId=created["user"]["id"])["State"] == "DISABLED"

    deleted = run_module(user, dict(organization="example-corp", name="jdoe", state="absent"), diff=True)
    assert deleted["changed"] is True
    assert deleted["user"] == {}
    assert deleted["diff"]["after"] == {}
    assert workmail_client.describe_user(OrganizationId=org, UserId=created["user"]["id"])["State"] == "DELETED"

    again = run_module(user, dict(organization="example-corp", name="jdoe", state="absent"))
    assert again["changed"] is False


def test_absent_deregisters_an_enabled_user_first(run_module, org):
    run_module(user, jane())
    workmail_emulator.clear_calls()

    result = run_module(user, dict(organization="example-corp", name="jdoe", state="absent"))

    assert result["changed"] is True
    assert writes() == ["DeregisterFromWorkMail", "DeleteUser"]


def test_mailbox_quota(run_module, workmail_client, org):
    created = run_module(user, jane())

    result = run_module(user, jane(mailbox_quota=20480))

    assert result["changed"] is True
    details = workmail_client.get_mailbox_details(OrganizationId=org, UserId=created["user"]["id"])
    assert details["MailboxQuota"] == 20480


def test_a_mailbox_quota_above_50_gb_fails_before_any_write(run_module, workmail_client, org):
    created = run_module(user, jane())
    workmail_emulator.clear_calls()

    result = run_module(user, jane(mailbox_quota=102400))

    assert result.failed
    assert result["msg"] == (
        "mailbox_quota: 102400 is more than 51200: a WorkMail mailbox holds at most 50 GB (51200 MB), which is also the default quota"
    )
    assert writes() == []
    assert workmail_client.get_mailbox_details(OrganizationId=org, UserId=created["user"]["id"])["MailboxQuota"] == 51200


def test_update_password_always_resets_it_without_showing_it(run_module, org):
    run_module(user, jane(password=PASSWORD))
    workmail_emulator.clear_calls()

    planned = run_module(user, jane(password=PASSWORD, update_password="always"), check_mode=True, diff=True)
    assert writes() == []
    result = run_module(user, jane(password=PASSWORD, update_password="always"), diff=True)

    assert result["changed"] is True
    assert writes() == ["ResetPassword"]
    assert PASSWORD not in json.dumps(result)
    assert PASSWORD not in json.dumps(workmail_emulator.calls())
    # The diff shows that the password is reset, never the password; the returned user has no password.
    for run in (planned, result):
        assert run["changed"] is True
        assert run["diff"]["after"] == dict(run["diff"]["before"], password="(reset)")
        assert "password" not in run["user"]


@pytest.mark.parametrize(
    "args, message",
    [
        (dict(email="not-an-address"), "email: 'not-an-address' is not valid: it must be an email address such as jane.doe@example.com"),
        (dict(display_name="x" * 257), "display_name: must have at most 256 characters"),
        (dict(mailbox_quota=0), "mailbox_quota: 0 is less than the minimum 1"),
        (dict(name="jane doe"), "name: 'jane doe' is not valid: it must"),
    ],
)
def test_bad_input_fails_naming_the_option_before_any_write(run_module, org, args, message):
    result = run_module(user, jane(**args))

    assert result.failed
    assert result["msg"].startswith(message)
    assert writes() == []


@pytest.mark.parametrize("role", ["system_user", "resource"])
def test_a_role_the_service_refuses_fails_before_any_call(run_module, workmail_client, org, role):
    result = run_module(user, jane(role=role))

    assert result.failed
    assert result["msg"] == "value of role must be one of: user, remote_user, got: {0}".format(role)
    assert workmail_emulator.calls() == []


def test_remote_user_can_be_set(run_module, workmail_client, org):
    result = run_module(user, jane(role="remote_user"))

    assert result["user"]["role"] == "remote_user"
    assert workmail_client.describe_user(OrganizationId=org, UserId="jdoe")["UserRole"] == "REMOTE_USER"


POLICY = (
    "WorkMail asks for 8 to 63 characters from at least 3 of these groups: uppercase letters, lowercase letters, digits, "
    "special characters (such as ! or ~) and Latin-1 letters and symbols (such as \u00e9 or \u00f1)"
)


@pytest.mark.parametrize(
    "password, problem",
    [
        ("a", "is too short"),
        ("alllowercase", "does not mix enough kinds of characters"),
        ("\u00c0\u00e9\u00ee\u00f5\u00fc\u00e0\u00e8\u00ec", "does not mix enough kinds of characters"),
        ("Corr3ct-Horse-" * 5, "is too long"),
    ],
)
def test_a_password_the_policy_refuses_fails_before_any_write_with_a_readable_message(run_module, org, password, problem):
    result = run_module(user, jane(password=password))

    assert result.failed
    # Masking a secret found inside words would garble the message: a message never holds one.
    assert result["msg"] == "password: {0}: {1}".format(problem, POLICY)
    assert "********" not in json.dumps(result)
    assert result["invocation"]["module_args"]["password"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    assert writes() == []


def test_a_password_reset_the_policy_refuses_fails_before_any_write(run_module, org):
    run_module(user, jane(password=PASSWORD))
    workmail_emulator.clear_calls()

    result = run_module(user, jane(password="e", update_password="always"))

    assert result.failed
    assert result["msg"] == "password: is too short: " + POLICY
    assert writes() == []


def test_a_password_the_service_refuses_is_never_masked_into_the_message(run_module, org, monkeypatch):
    # A directory with its own policy may refuse what the documented one accepts.
    from ansible_collections.mailops.workmail.plugins.module_utils import validation

    monkeypatch.setattr(validation, "check_password", lambda option, password: None)
    result = run_module(user, jane(password="e"))

    assert result.failed
    assert result["msg"].startswith("CreateUser failed: The password must have")
    assert "********" not in result["msg"]
    assert result["invocation"]["module_args"]["password"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"


def test_enabling_without_an_address_fails_clearly(run_module, org):
    result = run_module(user, dict(organization="example-corp", name="nomail"))

    assert result.failed
    assert result["msg"] == "email: is required to enable the user 'nomail'"


def test_unknown_organization_fails(run_module, org):
    result = run_module(user, jane(organization="no-such-org"))

    assert result.failed
    assert "organization: no live organization has the ID or alias 'no-such-org'" in result["msg"]


def test_check_mode_plans_when_the_organization_does_not_exist_yet(run_module, org):
    result = run_module(user, jane(organization="future-corp"), check_mode=True)

    assert result["changed"] is True
    assert result["user"]["name"] == "jdoe"
    assert result.warnings == ["Organization 'future-corp' does not exist yet; check mode assumes an earlier task creates it."]
    assert result.deprecations == []
    assert writes() == []


def test_user_info_returns_the_module_shape(run_module, workmail_client, org):
    created = run_module(user, jane())
    run_module(user, dict(organization="example-corp", name="gone", enabled=False))
    run_module(user, dict(organization="example-corp", name="gone", state="absent"))

    everyone = run_module(user_info, dict(organization="example-corp"))
    by_email = run_module(user_info, dict(organization="example-corp", email="jane.doe@example.com"))
    by_id = run_module(user_info, dict(organization="example-corp", id=created["user"]["id"]))
    nobody = run_module(user_info, dict(organization="example-corp", name="nobody"))

    # The user as the user module returns it, with its aliases (it has none).
    assert everyone["users"] == [dict(created["user"], aliases=[])]
    assert by_email["users"] == by_id["users"] == [dict(created["user"], aliases=[])]
    assert nobody["users"] == []
    assert everyone["changed"] is False


def test_user_info_returns_the_aliases_with_one_call_per_enabled_user(run_module, workmail_client, org):
    created = run_module(user, jane())
    workmail_client.create_alias(OrganizationId=org, EntityId=created["user"]["id"], Alias="jane@example.com")
    workmail_client.create_alias(OrganizationId=org, EntityId=created["user"]["id"], Alias="Doe@example.com")
    run_module(user, dict(organization="example-corp", name="off", enabled=False))
    workmail_emulator.clear_calls()

    everyone = run_module(user_info, dict(organization="example-corp"))

    by_name = dict((u["name"], u) for u in everyone["users"])
    assert by_name["jdoe"]["aliases"] == ["Doe@example.com", "jane@example.com"]
    assert by_name["off"]["aliases"] == []
    listed = [c for c in workmail_emulator.calls() if c["operation"] == "ListAliases"]
    assert [c["request"]["EntityId"] for c in listed] == [created["user"]["id"]]
