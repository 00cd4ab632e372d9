# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The roles' argument specs describe the modules' options: they must not drift apart."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import pytest
import yaml

from ansible_collections.mailops.workmail.plugins.modules import access_control_rule
from ansible_collections.mailops.workmail.plugins.modules import availability_configuration
from ansible_collections.mailops.workmail.plugins.modules import email_monitoring
from ansible_collections.mailops.workmail.plugins.modules import group
from ansible_collections.mailops.workmail.plugins.modules import identity_provider
from ansible_collections.mailops.workmail.plugins.modules import impersonation_role
from ansible_collections.mailops.workmail.plugins.modules import inbound_dmarc
from ansible_collections.mailops.workmail.plugins.modules import mail_domain
from ansible_collections.mailops.workmail.plugins.modules import mailbox_export
from ansible_collections.mailops.workmail.plugins.modules import mailbox_permission
from ansible_collections.mailops.workmail.plugins.modules import mobile_device_access_rule
from ansible_collections.mailops.workmail.plugins.modules import organization
from ansible_collections.mailops.workmail.plugins.modules import resource
from ansible_collections.mailops.workmail.plugins.modules import retention_policy
from ansible_collections.mailops.workmail.plugins.modules import user
from ansible_collections.mailops.workmail.plugins.plugin_utils.people import PERSON_KEYS

ROLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "roles")


def role_options(role):
    with open(os.path.join(ROLES, role, "meta", "argument_specs.yml")) as handle:
        return yaml.safe_load(handle)["argument_specs"]["main"]["options"]


def role_defaults(role):
    with open(os.path.join(ROLES, role, "defaults", "main.yml")) as handle:
        return yaml.safe_load(handle) or {}


def assert_same_options(role_spec, module_spec, path):
    """Every option in ``role_spec`` is one of ``module_spec``, with its type, elements and choices."""
    for name, option in role_spec.items():
        assert name in module_spec, "{0}.{1} is not a module option".format(path, name)
        module_option = module_spec[name]
        for key, default in (("type", "str"), ("elements", None), ("choices", None)):
            assert option.get(key, default) == module_option.get(key, default), "{0}.{1}: {2} differs".format(path, name, key)
        assert bool(option.get("no_log")) == bool(module_option.get("no_log")), "{0}.{1}: no_log differs".format(path, name)
        sub = module_option.get("options")
        if sub:
            assert set(option.get("options", {})) == set(sub), "{0}.{1}: suboptions differ".format(path, name)
            assert_same_options(option["options"], sub, path + "." + name)


@pytest.mark.parametrize("role", ["baseline", "onboarding", "offboarding", "exit"])
def test_every_variable_is_prefixed_described_and_defaulted(role):
    options = role_options(role)
    defaults = role_defaults(role)
    for name, option in options.items():
        assert name.startswith(role + "_")
        assert option.get("description")
        assert option.get("type")
        if option.get("required"):
            assert name not in defaults, "{0} is required, so it has no default".format(name)
        else:
            assert name in defaults, "{0} has no default in defaults/main.yml".format(name)
            assert defaults[name] == option.get("default"), "{0}: the documented default differs".format(name)
    assert set(defaults) <= set(options)


def test_onboarding_person_options_are_the_user_module_options():
    person = role_options("onboarding")["onboarding_users"]["options"]
    assert set(person) == set(PERSON_KEYS)
    assert_same_options(dict((k, v) for k, v in person.items() if k not in ("groups", "aliases")), user.ARGUMENT_SPEC, "onboarding_users")
    assert_same_options(role_options("onboarding")["onboarding_groups"]["options"], group.ARGUMENT_SPEC, "onboarding_groups")


def test_onboarding_resources_and_mailbox_permissions_are_the_module_options():
    resources = role_options("onboarding")["onboarding_resources"]["options"]
    assert set(resources) == (set(resource.ARGUMENT_SPEC) - set(["state"])) | set(["delegates"])
    assert_same_options(dict((k, v) for k, v in resources.items() if k != "delegates"), resource.ARGUMENT_SPEC, "onboarding_resources")
    permissions = role_options("onboarding")["onboarding_mailbox_permissions"]["options"]
    assert set(permissions) == set(mailbox_permission.ARGUMENT_SPEC) - set(["state"])
    assert_same_options(permissions, mailbox_permission.ARGUMENT_SPEC, "onboarding_mailbox_permissions")


@pytest.mark.parametrize(
    "variable, module, left_out, added",
    [
        ("baseline_organization", organization, ("state", "delete_directory", "force_delete", "delete_identity_center_application"), ()),
        # A domain's Route 53 hosted zone is the role's, not the module's.
        ("baseline_mail_domains", mail_domain, ("organization",), ("route53_zone_id",)),
        ("baseline_impersonation_roles", impersonation_role, ("organization",), ()),
        ("baseline_access_control_rules", access_control_rule, ("organization",), ()),
        ("baseline_retention_policy", retention_policy, ("organization",), ()),
        ("baseline_mobile_device_access_rules", mobile_device_access_rule, ("organization",), ()),
        ("baseline_availability_configurations", availability_configuration, ("organization",), ()),
        ("baseline_email_monitoring", email_monitoring, ("organization",), ()),
        ("baseline_inbound_dmarc", inbound_dmarc, ("organization",), ()),
        ("baseline_identity_provider", identity_provider, ("organization",), ()),
    ],
)
def test_baseline_variables_hold_the_module_options(variable, module, left_out, added):
    options = role_options("baseline")[variable]["options"]
    assert set(options) == (set(module.ARGUMENT_SPEC) - set(left_out)) | set(added)
    assert_same_options(dict((k, v) for k, v in options.items() if k not in added), module.ARGUMENT_SPEC, variable)


def test_offboarding_export_variables_are_mailbox_export_options():
    options = role_options("offboarding")
    prefix = "offboarding_export_"
    exported = dict((name[len(prefix):], option) for name, option in options.items() if name.startswith(prefix))
    assert set(exported) == set(["s3_bucket", "s3_prefix", "role_arn", "kms_key_arn", "manifest", "wait_timeout"])
    assert_same_options(exported, mailbox_export.ARGUMENT_SPEC, "offboarding_export")


def test_exit_export_options_are_the_mailbox_export_module_options():
    """The exit role hands its export options to mailbox_export: the same types, and the same
    default concurrency."""
    options = role_options("exit")
    for variable, module_option in (("exit_s3_bucket", "s3_bucket"), ("exit_s3_prefix", "s3_prefix"), ("exit_role_arn", "role_arn"),
                                    ("exit_kms_key_arn", "kms_key_arn"), ("exit_entities", "entities"),
                                    ("exit_export_concurrency", "concurrency"), ("exit_export_wait_timeout", "wait_timeout"),
                                    ("exit_export_force", "force")):
        spec = mailbox_export.ARGUMENT_SPEC[module_option]
        assert options[variable]["type"] == spec.get("type", "str"), variable
        assert options[variable].get("elements") == spec.get("elements"), variable
    assert options["exit_export_concurrency"]["default"] == mailbox_export.ARGUMENT_SPEC["concurrency"]["default"]
