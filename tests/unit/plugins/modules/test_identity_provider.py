# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import identity_provider
from ansible_collections.mailops.workmail.plugins.modules import identity_provider_info

INSTANCE = "arn:aws:sso:::instance/ssoins-1234567890abcdef"
OTHER_INSTANCE = "arn:aws:sso:::instance/ssoins-fedcba0987654321"
OTHER_APPLICATION = "arn:aws:sso::123456789012:application/ssoins-fedcba0987654321/apl-0123456789abcdef"


@pytest.fixture
def org(workmail_org):
    workmail_emulator.clear_calls()
    return workmail_org


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def configuration(**extra):
    args = dict(
        organization="example-corp",
        authentication_mode="identity_provider_only",
        identity_center=dict(instance_arn=INSTANCE, application_name="workmail-example-corp"),
        personal_access_tokens=dict(enabled=True, lifetime_in_days=90),
    )
    args.update(extra)
    return dict((k, v) for k, v in args.items() if v is not None)


def described(client, org_id):
    result = client.describe_identity_provider_configuration(OrganizationId=org_id)
    result.pop("ResponseMetadata")
    return result


def test_check_create_check_rerun(run_module, workmail_client, org):
    planned = run_module(identity_provider, configuration(), check_mode=True, diff=True)

    assert planned["changed"] is True
    assert planned["identity_provider"] == {
        "authentication_mode": "identity_provider_only",
        "identity_center": {"instance_arn": INSTANCE, "application_arn": None},
        "personal_access_tokens": {"enabled": True, "lifetime_in_days": 90},
    }
    assert planned["diff"] == {"before": {}, "after": planned["identity_provider"]}
    assert writes() == []
    assert "workmail:CreateIdentityCenterApplication" in planned["_workmail"]["actions"]

    created = run_module(identity_provider, configuration(), diff=True)

    assert created["changed"] is True
    assert writes() == ["CreateIdentityCenterApplication", "PutIdentityProviderConfiguration"]
    application_arn = created["identity_provider"]["identity_center"]["application_arn"]
    assert application_arn.startswith("arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-")
    assert described(workmail_client, org) == {
        "AuthenticationMode": "IDENTITY_PROVIDER_ONLY",
        "IdentityCenterConfiguration": {"InstanceArn": INSTANCE, "ApplicationArn": application_arn},
        "PersonalAccessTokenConfiguration": {"Status": "ACTIVE", "LifetimeInDays": 90},
    }

    workmail_emulator.clear_calls()
    assert run_module(identity_provider, configuration(), check_mode=True)["changed"] is False
    rerun = run_module(identity_provider, configuration(), diff=True)
    assert rerun["changed"] is False
    assert rerun["identity_provider"] == created["identity_provider"]
    assert writes() == []


def test_update_sends_the_whole_configuration(run_module, workmail_client, org):
    created = run_module(identity_provider, configuration())
    application_arn = created["identity_provider"]["identity_center"]["application_arn"]
    workmail_emulator.clear_calls()

    planned = run_module(identity_provider, dict(organization="example-corp", personal_access_tokens=dict(enabled=False)), check_mode=True, diff=True)
    assert planned["changed"] is True and writes() == []
    assert planned["diff"]["before"]["personal_access_tokens"] == {"enabled": True, "lifetime_in_days": 90}
    assert planned["diff"]["after"]["personal_access_tokens"] == {"enabled": False, "lifetime_in_days": 90}

    changed = run_module(identity_provider, dict(organization="example-corp", personal_access_tokens=dict(enabled=False)))
    assert changed["changed"] is True
    assert writes() == ["PutIdentityProviderConfiguration"]
    assert described(workmail_client, org) == {
        "AuthenticationMode": "IDENTITY_PROVIDER_ONLY",
        "IdentityCenterConfiguration": {"InstanceArn": INSTANCE, "ApplicationArn": application_arn},
        "PersonalAccessTokenConfiguration": {"Status": "INACTIVE", "LifetimeInDays": 90},
    }


def test_an_application_arn_or_a_new_instance(run_module, workmail_client, org):
    arn = workmail_client.create_identity_center_application(Name="made-before", InstanceArn=OTHER_INSTANCE)["ApplicationArn"]
    run_module(identity_provider, configuration())
    workmail_emulator.clear_calls()

    moved = run_module(identity_provider, configuration(identity_center=dict(instance_arn=OTHER_INSTANCE, application_arn=arn)))
    assert moved["changed"] is True
    assert writes() == ["PutIdentityProviderConfiguration"]
    assert described(workmail_client, org)["IdentityCenterConfiguration"] == {"InstanceArn": OTHER_INSTANCE, "ApplicationArn": arn}

    workmail_emulator.clear_calls()
    back = run_module(identity_provider, configuration(), check_mode=True, diff=True)
    assert back["changed"] is True and writes() == []
    assert back["diff"]["after"]["identity_center"] == {"instance_arn": INSTANCE, "application_arn": None}
    assert "workmail:CreateIdentityCenterApplication" in back["_workmail"]["actions"]


def test_absent_removes_it_once(run_module, workmail_client, org):
    run_module(identity_provider, configuration())
    workmail_emulator.clear_calls()

    planned = run_module(identity_provider, dict(organization="example-corp", state="absent"), check_mode=True, diff=True)
    assert planned["changed"] is True and planned["identity_provider"] == {} and writes() == []

    removed = run_module(identity_provider, dict(organization="example-corp", state="absent"))
    assert removed["changed"] is True
    assert writes() == ["DeleteIdentityProviderConfiguration"]
    with pytest.raises(workmail_client.exceptions.ResourceNotFoundException):
        workmail_client.describe_identity_provider_configuration(OrganizationId=org)

    workmail_emulator.clear_calls()
    assert run_module(identity_provider, dict(organization="example-corp", state="absent"))["changed"] is False
    assert writes() == []


@pytest.mark.parametrize(
    "args, message",
    [
        (dict(authentication_mode=None), "authentication_mode: is required to create the identity provider configuration"),
        (dict(identity_center=dict(application_name="x")), "identity_center.instance_arn: is required to create"),
        (dict(identity_center=dict(instance_arn=INSTANCE)), "identity_center: application_arn or application_name is required"),
        (
            dict(identity_center=dict(instance_arn="arn:aws:sso:::instance/nope", application_name="x")),
            "identity_center.instance_arn: 'arn:aws:sso:::instance/nope' is not valid",
        ),
        (dict(identity_center=dict(instance_arn=INSTANCE, application_name="bad name")), "identity_center.application_name: 'bad name' is not valid"),
        (
            dict(identity_center=dict(instance_arn=INSTANCE, application_arn=OTHER_APPLICATION)),
            "identity_center.application_arn: {0} is an application of instance ssoins-fedcba0987654321".format(OTHER_APPLICATION),
        ),
        (dict(personal_access_tokens=dict(enabled=True, lifetime_in_days=3654)), "personal_access_tokens.lifetime_in_days: 3654 is more than the maximum 3653"),
    ],
)
def test_bad_input_fails_before_any_write(run_module, org, args, message):
    result = run_module(identity_provider, configuration(**args))

    assert result.failed
    assert message in result["msg"]
    assert writes() == []


def test_an_unknown_application_fails_with_the_service_error(run_module, org):
    unknown = "arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-0000000000000000"
    result = run_module(identity_provider, configuration(identity_center=dict(instance_arn=INSTANCE, application_arn=unknown)))

    assert result.failed
    assert result["error_code"] == "ResourceNotFoundException"
    assert result["msg"].startswith("PutIdentityProviderConfiguration failed: Identity Center application {0} does not exist".format(unknown))


def test_info_gives_back_what_the_module_takes(run_module, workmail_client, org):
    assert run_module(identity_provider_info, dict(organization="example-corp"))["identity_provider"] == {}
    created = run_module(identity_provider, configuration(personal_access_tokens=dict(enabled=False)))
    workmail_emulator.clear_calls()

    info = run_module(identity_provider_info, dict(organization="example-corp"))
    assert info["changed"] is False
    assert info["identity_provider"] == {
        "authentication_mode": "identity_provider_only",
        "identity_center": created["identity_provider"]["identity_center"],
        "personal_access_tokens": {"enabled": False},
    }
    fed_back = run_module(identity_provider, dict(info["identity_provider"], organization="example-corp"))
    assert fed_back["changed"] is False
    assert writes() == []


def test_a_rerun_after_a_failed_configuration_uses_the_application_the_failed_run_made(run_module, workmail_client, org, workmail_faults):
    # Every attempt of the configuration fails: the run made the application, then failed.
    workmail_faults([{"operation": "PutIdentityProviderConfiguration", "fault": "server_error", "count": 100}])
    failed = run_module(identity_provider, configuration())
    assert failed.failed and failed["msg"].startswith("PutIdentityProviderConfiguration failed after")
    applications = workmail_emulator.backend().identity_center_applications
    assert len(applications) == 1
    workmail_emulator.clear_faults()

    rerun = run_module(identity_provider, configuration())

    assert not rerun.failed and rerun["changed"] is True
    assert list(applications) == [rerun["identity_provider"]["identity_center"]["application_arn"]]
