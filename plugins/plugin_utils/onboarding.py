# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The onboarding role's groups, rooms and equipment, and mailbox permissions, on the controller.

Groups and resources get their default address here. Resources and mailbox permissions are checked
here, before the role's first write, against the options of the modules the role gives them to
(resource, resource_delegate, mailbox_permission) and the WorkMail service model: those modules
run after the directory task, so what they would refuse must be refused before it writes. A
problem names the role variable, the entry and the option, as ``onboarding_resources[2].type``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.parsing.convert_bool import boolean
from ansible.module_utils.six import string_types

from ansible_collections.mailops.workmail.plugins.module_utils import validation
from ansible_collections.mailops.workmail.plugins.module_utils.entities import RESOURCE
from ansible_collections.mailops.workmail.plugins.module_utils.entities import RESOURCE_OPTIONS
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import MAILBOX_TYPES
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import PERMISSIONS
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import check_grants
from ansible_collections.mailops.workmail.plugins.module_utils.resolve import refuse_empty
from ansible_collections.mailops.workmail.plugins.modules.mailbox_permission import ARGUMENT_SPEC as MAILBOX_PERMISSION_SPEC

try:
    import botocore  # noqa: F401 pylint: disable=unused-import

    HAS_BOTOCORE = True
except ImportError:
    HAS_BOTOCORE = False

RESOURCE_SPEC = dict(RESOURCE_OPTIONS, delegates=dict(type="list", elements="str"))
"""An entry of onboarding_resources: the resource module's options but ``state``, plus ``delegates``."""

PERMISSION_SPEC = dict((option, spec) for option, spec in MAILBOX_PERMISSION_SPEC.items() if option != "state")
"""An entry of onboarding_mailbox_permissions: the mailbox_permission module's options but ``state``."""


class OnboardingError(ValueError):
    """A problem with an entry of a role variable; the message names the variable, entry and option."""


def with_default_address(entries, default_domain):
    """``entries`` (groups or resources, each a dictionary with a name), each that is enabled (the
    modules' default) and has no ``email`` given ``name@default_domain``, when ``default_domain`` is
    not empty. Other entries are returned as they are."""
    result = []
    for entry in entries:
        entry = dict(entry)
        if default_domain and not entry.get("email") and boolean(entry.get("enabled", True), strict=False):
            entry["email"] = "{0}@{1}".format(entry["name"], default_domain)
        result.append(entry)
    return result


def _options(where, entry, spec):
    """``entry`` without its unset (None) values, refused when a key is unknown, a required one is
    missing or a value is not one of its choices; dictionaries and lists of dictionaries in it are
    checked the same way."""
    if not isinstance(entry, dict):
        raise OnboardingError("{0}: must be a dictionary with the keys {1}".format(where, ", ".join(sorted(spec))))
    for key in entry:
        if key not in spec:
            raise OnboardingError("{0}.{1}: unknown option; use {2}".format(where, key, ", ".join(sorted(spec))))
    shaped = {}
    for key, option_spec in spec.items():
        value = entry.get(key)
        if value is None:
            if option_spec.get("required"):
                raise OnboardingError("{0}.{1}: is required".format(where, key))
            continue
        if option_spec.get("options") and option_spec.get("type") == "dict":
            value = _options("{0}.{1}".format(where, key), value, option_spec["options"])
        elif option_spec.get("options"):
            value = [_options("{0}.{1}[{2}]".format(where, key, index), item, option_spec["options"]) for index, item in enumerate(value)]
        if option_spec.get("type") == "bool":
            value = boolean(value, strict=True)
        choices = option_spec.get("choices")
        for index, item in enumerate(value if option_spec.get("type") == "list" else [value]):
            if choices and item not in choices:
                at = "[{0}]".format(index) if option_spec.get("type") == "list" else ""
                raise OnboardingError("{0}.{1}{2}: {3!r} is not one of {4}".format(where, key, at, item, ", ".join(choices)))
        shaped[key] = value
    return shaped


def _entries(variable, entries, spec):
    """The entries of the list variable ``variable``, each checked by ``_options``."""
    if entries is None:
        return []
    if not isinstance(entries, (list, tuple)):
        raise OnboardingError("{0}: must be a list of dictionaries, got {1}".format(variable, type(entries).__name__))
    problem = validation.shape_problem({variable: dict(type="list", elements="dict", options=spec)}, {variable: list(entries)})
    if problem:
        raise OnboardingError(problem[1])
    return [_options("{0}[{1}]".format(variable, index), entry, spec) for index, entry in enumerate(entries)]


def _located(where, error):
    """``error`` (a ParameterError naming a module option) as a problem of ``where``."""
    return OnboardingError("{0}.{1}".format(where, error.message))


def _check_refs(where, option, refs, types):
    """Refuse an empty reference, or one that can name no entity of ``types``, naming its index."""
    for index, ref in enumerate(refs):
        at = "{0}[{1}]".format(option, index)
        if not isinstance(ref, string_types) or not ref.strip():
            raise OnboardingError("{0}.{1}: is empty; give each {2} by name, email address or ID".format(
                where, at, " or ".join(t.lower() for t in types)))
        if HAS_BOTOCORE:
            try:
                refuse_empty(at, [ref], types=types)
            except ParameterError as e:
                raise _located(where, e)


def resources(entries, default_domain="", variable="onboarding_resources"):
    """The rooms and equipment of ``entries``, checked, with unset options left out and their default
    address (see ``with_default_address``). Raises OnboardingError naming the entry and option."""
    checked = _entries(variable, entries, RESOURCE_SPEC)
    seen = {}
    for index, entry in enumerate(checked):
        where = "{0}[{1}]".format(variable, index)
        if HAS_BOTOCORE:
            try:
                RESOURCE.validate(dict((key, value) for key, value in entry.items() if key in RESOURCE_OPTIONS))
            except ParameterError as e:
                raise _located(where, e)
        if entry["name"].lower() in seen:
            raise OnboardingError("{0}.name: {1!r} is already {2}".format(where, entry["name"], seen[entry["name"].lower()]))
        seen[entry["name"].lower()] = where
        _check_refs(where, "delegates", entry.get("delegates") or [], ("USER", "GROUP"))
    return with_default_address(checked, (default_domain or "").strip().lstrip("@"))


def mailbox_permissions(entries, state="present", variable="onboarding_mailbox_permissions"):
    """The mailbox permissions of ``entries``, checked for ``state`` (present or exact: every grant
    lists permissions). Raises OnboardingError naming the entry and option."""
    checked = _entries(variable, entries, PERMISSION_SPEC)
    seen = {}
    for index, entry in enumerate(checked):
        where = "{0}[{1}]".format(variable, index)
        _check_refs(where, "entity", [entry["entity"]], MAILBOX_TYPES)
        for number, grant in enumerate(entry["grants"]):
            if not grant.get("permissions"):
                raise OnboardingError("{0}.grants[{1}].permissions: is empty; give at least one of {2}".format(where, number, ", ".join(PERMISSIONS)))
        try:
            check_grants(entry["grants"], state)
        except ParameterError as e:
            raise _located(where, e)
        _check_refs(where, "grants", [grant["grantee"] for grant in entry["grants"]], MAILBOX_TYPES)
        if entry["entity"].lower() in seen:
            raise OnboardingError("{0}.entity: {1!r} is already {2}".format(where, entry["entity"], seen[entry["entity"].lower()]))
        seen[entry["entity"].lower()] = where
        grantees = {}
        for number, grant in enumerate(entry["grants"]):
            at = "{0}.grants[{1}].grantee".format(where, number)
            grantee = grant["grantee"].lower()
            if grantee == entry["entity"].lower():
                raise OnboardingError("{0}: {1!r} owns the mailbox; give permissions to other users, groups or resources".format(at, grant["grantee"]))
            if grantee in grantees:
                raise OnboardingError("{0}: {1!r} is already grants[{2}]; give each grantee once, with all its permissions".format(
                    at, grant["grantee"], grantees[grantee]))
            grantees[grantee] = number
    return checked
