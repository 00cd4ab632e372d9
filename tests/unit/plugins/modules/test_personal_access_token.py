# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import personal_access_token
from ansible_collections.mailops.workmail.plugins.modules import personal_access_token_info

INSTANCE = "arn:aws:sso:::instance/ssoins-1234567890abcdef"
DOMAIN = "example-corp.awsapps.com"


@pytest.fixture
def tokens(workmail_client, workmail_org):
    """jdoe with two tokens, ann with one; returns their IDs by owner."""
    arn = workmail_client.create_identity_center_application(Name="workmail", InstanceArn=INSTANCE)["ApplicationArn"]
    workmail_client.put_identity_provider_configuration(
        OrganizationId=workmail_org, AuthenticationMode="IDENTITY_PROVIDER_AND_DIRECTORY",
        IdentityCenterConfiguration={"InstanceArn": INSTANCE, "ApplicationArn": arn},
        PersonalAccessTokenConfiguration={"Status": "ACTIVE", "LifetimeInDays": 30},
    )
    made = {}
    for name in ("jdoe", "ann"):
        user_id = workmail_client.create_user(OrganizationId=workmail_org, Name=name, DisplayName=name.title())["UserId"]
        workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email="{0}@{1}".format(name, DOMAIN))
    for user, name in (("jdoe", "phone"), ("ann", "laptop"), ("jdoe", "tablet")):
        made.setdefault(user, []).append(workmail_emulator.add_personal_access_token(workmail_org, user, name, scopes=["IMAP"])["PersonalAccessTokenId"])
    workmail_emulator.clear_calls()
    return made


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def remaining(client, org_id):
    return [t["PersonalAccessTokenId"] for t in client.list_personal_access_tokens(OrganizationId=org_id)["PersonalAccessTokenSummaries"]]


def test_info_lists_a_user_a_token_or_the_organization(run_module, workmail_org, tokens):
    everyone = run_module(personal_access_token_info, dict(organization="example-corp"))
    assert [t["token_id"] for t in everyone["personal_access_tokens"]] == [tokens["jdoe"][0], tokens["ann"][0], tokens["jdoe"][1]]
    first = everyone["personal_access_tokens"][0]
    assert sorted(first) == ["date_created", "date_last_used", "expires_time", "name", "scopes", "token_id", "user_id"]
    assert first["name"] == "phone" and first["scopes"] == ["IMAP"] and first["date_last_used"] is None

    jdoe = run_module(personal_access_token_info, dict(organization="example-corp", user="jdoe@" + DOMAIN))
    assert [t["name"] for t in jdoe["personal_access_tokens"]] == ["phone", "tablet"]
    one = run_module(personal_access_token_info, dict(organization="example-corp", token_id=tokens["ann"][0]))
    assert one["personal_access_tokens"] == [everyone["personal_access_tokens"][1]]
    assert run_module(personal_access_token_info, dict(organization="example-corp", token_id="gone"))["personal_access_tokens"] == []
    assert writes() == []


def test_revoke_every_token_of_a_user(run_module, workmail_client, workmail_org, tokens):
    planned = run_module(personal_access_token, dict(organization="example-corp", user="jdoe", state="absent"), check_mode=True, diff=True)
    assert planned["changed"] is True
    assert [t["token_id"] for t in planned["personal_access_tokens"]] == tokens["jdoe"]
    assert [t["token_id"] for t in planned["diff"]["before"]["personal_access_tokens"]] == tokens["jdoe"]
    assert planned["diff"]["after"] == {"personal_access_tokens": []}
    assert "workmail:DeletePersonalAccessToken" in planned["_workmail"]["actions"]
    assert writes() == []
    assert len(remaining(workmail_client, workmail_org)) == 3

    revoked = run_module(personal_access_token, dict(organization="example-corp", user="jdoe", state="absent"))
    assert revoked["changed"] is True
    assert writes() == ["DeletePersonalAccessToken", "DeletePersonalAccessToken"]
    assert remaining(workmail_client, workmail_org) == tokens["ann"]

    workmail_emulator.clear_calls()
    for check_mode in (True, False):
        again = run_module(personal_access_token, dict(organization="example-corp", user="jdoe", state="absent"), check_mode=check_mode)
        assert again["changed"] is False and again["personal_access_tokens"] == []
    assert writes() == []


def test_revoke_one_token_by_id(run_module, workmail_client, workmail_org, tokens):
    token_id = tokens["ann"][0]
    revoked = run_module(personal_access_token, dict(organization="example-corp", token_id=token_id, state="absent"), diff=True)
    assert revoked["changed"] is True
    assert [t["name"] for t in revoked["personal_access_tokens"]] == ["laptop"]
    assert writes() == ["DeletePersonalAccessToken"]
    assert remaining(workmail_client, workmail_org) == tokens["jdoe"]

    workmail_emulator.clear_calls()
    again = run_module(personal_access_token, dict(organization="example-corp", token_id=token_id, state="absent"))
    assert again["changed"] is False and writes() == []
    info = run_module(personal_access_token_info, dict(organization="example-corp", token_id=token_id))
    assert info["personal_access_tokens"] == []


@pytest.mark.parametrize(
    "module, args, message",
    [
        (personal_access_token, dict(user="nobody", state="absent"), "user: no user 'nobody' in organization example-corp"),
        (personal_access_token, dict(user="jdoe", token_id="x", state="absent"), "parameters are mutually exclusive: user|token_id"),
        (personal_access_token, dict(state="absent"), "one of the following is required: user, token_id"),
        (personal_access_token, dict(token_id="bad id", state="absent"), "token_id: 'bad id' is not valid"),
        (personal_access_token, dict(user="jdoe"), "missing required arguments: state"),
        (personal_access_token_info, dict(user="nobody"), "user: no user 'nobody' in organization example-corp"),
        (personal_access_token_info, dict(user="not a name"), "user: 'not a name' is not valid"),
    ],
)
def test_bad_input_fails_before_any_write(run_module, workmail_client, workmail_org, tokens, module, args, message):
    result = run_module(module, dict(args, organization="example-corp"))

    assert result.failed
    assert message in result["msg"]
    assert writes() == []
    assert len(remaining(workmail_client, workmail_org)) == 3
