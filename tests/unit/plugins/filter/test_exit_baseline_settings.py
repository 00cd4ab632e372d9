# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The exit role's organization-wide settings: what the _info modules read, as the baseline role's variables."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.filter.exit_baseline_settings import exit_baseline_settings
from ansible_collections.mailops.workmail.plugins.modules import availability_configuration
from ansible_collections.mailops.workmail.plugins.modules import email_monitoring
from ansible_collections.mailops.workmail.plugins.modules import identity_provider
from ansible_collections.mailops.workmail.plugins.modules import inbound_dmarc
from ansible_collections.mailops.workmail.plugins.modules import mobile_device_access_rule

# As mobile_device_access_rule_info returns them.
RULES = [
    dict(name="no-unmanaged-android", effect="deny", description="Unmanaged Android", device_types=["Android"], not_device_types=[],
         device_models=[], not_device_models=["Pixel 8", "Pixel 8 Pro"], device_operating_systems=[], not_device_operating_systems=[],
         device_user_agents=[], not_device_user_agents=[], id="0a1b2c3d", date_created="2026-01-05T09:30:00+00:00",
         date_modified="2026-01-05T09:30:00+00:00"),
    dict(name="everything-else", effect="allow", description=None, device_types=[], not_device_types=[], device_models=[],
         not_device_models=[], device_operating_systems=[], not_device_operating_systems=[], device_user_agents=[],
         not_device_user_agents=[], id="1b2c3d4e", date_created="2026-01-05T09:31:00+00:00", date_modified=None),
]
# As availability_configuration_info returns them.
CONFIGURATIONS = [
    dict(domain_name="partner.example.com", ews_provider=dict(endpoint="https://mail.partner.example.com/EWS/Exchange.asmx",
                                                              username="freebusy@partner.example.com")),
    dict(domain_name="legacy.example.com", lambda_provider=dict(lambda_arn="arn:aws:lambda:us-east-1:111122223333:function:free-busy")),
]
# As identity_provider_info returns it.
IDENTITY_PROVIDER = dict(
    authentication_mode="identity_provider_only",
    identity_center=dict(instance_arn="arn:aws:sso:::instance/ssoins-1234567890abcdef",
                         application_arn="arn:aws:sso::111122223333:application/ssoins-1234567890abcdef/apl-0123456789abcdef"),
    personal_access_tokens=dict(enabled=True, lifetime_in_days=90),
)
# As email_monitoring_info and inbound_dmarc_info return them.
MONITORING = dict(log_group_arn="arn:aws:logs:us-east-1:111122223333:log-group:/workmail/events:*",
                  role_arn="arn:aws:iam::111122223333:role/aws-service-role/events.workmail.amazonaws.com/AWSServiceRoleForAmazonWorkMailEvents")
DMARC = dict(enforced=True)


def everything():
    return dict(mobile_device_access_rules=RULES, availability_configurations=CONFIGURATIONS, identity_provider=IDENTITY_PROVIDER,
                email_monitoring=MONITORING, inbound_dmarc=DMARC)


def test_the_settings_in_the_shape_the_modules_take():
    settings = exit_baseline_settings(everything())

    # No ID, no dates, no empty condition or description: only what the rule sets.
    assert settings["baseline_mobile_device_access_rules"] == [
        {"name": "no-unmanaged-android", "effect": "deny", "description": "Unmanaged Android", "device_types": ["Android"],
         "not_device_models": ["Pixel 8", "Pixel 8 Pro"]},
        {"name": "everything-else", "effect": "allow"},
    ]
    assert settings["baseline_availability_configurations"] == CONFIGURATIONS
    assert settings["baseline_identity_provider"] == IDENTITY_PROVIDER
    assert settings["baseline_email_monitoring"] == MONITORING
    assert settings["baseline_inbound_dmarc"] == DMARC
    assert sorted(settings) == ["baseline_availability_configurations", "baseline_email_monitoring", "baseline_identity_provider",
                                "baseline_inbound_dmarc", "baseline_mobile_device_access_rules"]


def test_every_key_written_is_an_option_of_the_module():
    settings = exit_baseline_settings(everything())

    for rule in settings["baseline_mobile_device_access_rules"]:
        assert set(rule) <= set(mobile_device_access_rule.ARGUMENT_SPEC)
    for configuration in settings["baseline_availability_configurations"]:
        assert set(configuration) <= set(availability_configuration.ARGUMENT_SPEC)
    assert set(settings["baseline_identity_provider"]) <= set(identity_provider.ARGUMENT_SPEC)
    assert set(settings["baseline_email_monitoring"]) <= set(email_monitoring.ARGUMENT_SPEC)
    assert set(settings["baseline_inbound_dmarc"]) <= set(inbound_dmarc.ARGUMENT_SPEC)


def test_an_ews_password_is_never_written():
    # The info module never returns one; should a configuration carry one, it is still left out.
    given = [dict(CONFIGURATIONS[0], ews_provider=dict(CONFIGURATIONS[0]["ews_provider"], password="Fr33busy-Secret"))]

    settings = exit_baseline_settings(dict(availability_configurations=given))

    assert settings["baseline_availability_configurations"] == [CONFIGURATIONS[0]]
    assert "Fr33busy-Secret" not in repr(settings)
    # The input keeps it.
    assert given[0]["ews_provider"]["password"] == "Fr33busy-Secret"


def test_an_organization_without_settings():
    # Monitoring off, no identity provider: {}, which the role leaves alone.
    assert exit_baseline_settings({}) == {
        "baseline_mobile_device_access_rules": [],
        "baseline_availability_configurations": [],
        "baseline_email_monitoring": {},
        "baseline_inbound_dmarc": {},
        "baseline_identity_provider": {},
    }
    assert exit_baseline_settings(dict(mobile_device_access_rules=[], availability_configurations=[], identity_provider={},
                                       email_monitoring={}, inbound_dmarc={})) == exit_baseline_settings({})


def test_the_input_is_not_changed():
    rules = [dict(RULES[0])]
    exit_baseline_settings(dict(mobile_device_access_rules=rules))
    assert rules == [RULES[0]]


@pytest.mark.parametrize("gathered, message", [
    ([], "exit_baseline_settings: the input must be a dictionary of what the _info modules returned"),
    (dict(mobile_device_access_rules={}),
     "exit_baseline_settings: mobile_device_access_rules: the mobile_device_access_rule_info result is needed (a list)"),
    (dict(availability_configurations="partner.example.com"),
     "exit_baseline_settings: availability_configurations: the availability_configuration_info result is needed (a list)"),
    (dict(identity_provider=[]),
     "exit_baseline_settings: identity_provider: the identity_provider_info result is needed (a dictionary)"),
    (dict(email_monitoring="off"),
     "exit_baseline_settings: email_monitoring: the email_monitoring_info result is needed (a dictionary)"),
    (dict(inbound_dmarc=True),
     "exit_baseline_settings: inbound_dmarc: the inbound_dmarc_info result is needed (a dictionary)"),
])
def test_bad_input(gathered, message):
    with pytest.raises(AnsibleFilterError) as raised:
        exit_baseline_settings(gathered)
    assert str(raised.value) == message
