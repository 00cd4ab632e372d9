# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Check option values against the WorkMail service model before any call.

The constraints (length, pattern, enum, range, item count) come from the botocore model that
ships with the SDK, never from hand-typed copies, and a failure names the Ansible option.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

try:
    import botocore.session
except ImportError:
    pass  # AnsibleAWSModule reports the missing SDK

from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError

_MODEL = []

# What each pattern of the model allows, in plain words, to complete "it must ...". Keyed by the
# model's pattern string; a test fails when a pattern the collection validates has no entry here.
PATTERN_HINTS = {
    r"[\S\s]*|[a-zA-Z0-9/+=]{1,1024}": "be a token the service returned",
    r"[\u0020-\u00FF]+": "use Latin-1 characters only (letters, digits, spaces and symbols of Western European "
    "languages; no line breaks, tabs, emoji or other scripts)",
    r"[\w\-.]+(@[a-zA-Z0-9.\-]+\.[a-zA-Z0-9-]{2,})?": "use letters, digits, '_', '-' and '.' only, optionally followed "
    "by @ and a domain (like jdoe or jdoe@example.com); no spaces",
    r"[\w\d\s\S\-!?=,.;:'_]+": "not be empty",
    r"[\x21-\x7e]+": "use printable ASCII characters only, without spaces",
    r"[^/\\]*": "be a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (no '/' or '\\')",
    r"[^\x00-\x09\x0B\x0C\x0E-\x1F\x7F\x3C\x3E\x5C]+": "not hold '<', '>', '\\', tabs or other control characters "
    "(line breaks are fine)",
    r"[^\x00-\x1F\x7F\x3C\x3E\x5C]+": "not hold '<', '>', '\\', line breaks, tabs or other control characters",
    r"[a-zA-Z0-9.-]+": "be a domain name such as example.com (letters, digits, '.' and '-' only)",
    r"[a-zA-Z0-9._%+-]{1,64}@[a-zA-Z0-9.-]+\.[a-zA-Z-]{2,}": "be an email address such as jane.doe@example.com",
    r"[a-zA-Z0-9._%+@-]+": "be a name, email address or ID: letters, digits and . _ % + @ - only, no spaces",
    r"[a-zA-Z0-9_-]+": "use letters, digits, '_' and '-' only",
    r"[a-zA-Z]+": "use letters only",
    r"^$|^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$": "be an IAM Identity "
    "Center user ID (a UUID such as 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, optionally after 10 hexadecimal digits and '-'), "
    "or empty",
    r"^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])$": "be an "
    "IPv4 address such as 192.0.2.10",
    r"^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])"
    r"/([0-9]|[12][0-9]|3[0-2])$": "be an IPv4 range in CIDR notation such as 192.0.2.0/24",
    r"^(?!d-)([\da-zA-Z]+)([-][\da-zA-Z]+)*": "use letters and digits in groups joined by single hyphens, not starting "
    "with 'd-' (like example-corp)",
    r"^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$": "be an IAM Identity "
    "Center user ID (a UUID such as 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, optionally after 10 hexadecimal digits and '-')",
    r"^[A-Fa-f0-9-]+$": "use hexadecimal digits and '-' only",
    r"^d-[0-9a-f]{10}$": "be a directory ID: d- and 10 lowercase hexadecimal digits (like d-0123456789)",
    r"^m-[0-9a-f]{32}$": "be an organization ID: m- and 32 lowercase hexadecimal digits",
    r"arn:aws:kms:[a-z0-9-]*:[a-z0-9-]+:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}": "be a KMS key ARN such as "
    "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    r"arn:aws:workmail:[a-z0-9-]*:[a-z0-9-]+:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}": "be a WorkMail ARN such as "
    "arn:aws:workmail:us-east-1:111122223333:organization/m-0123456789abcdef0123456789abcdef",
}


def service_model():
    """The botocore WorkMail service model, loaded once per process."""
    if not _MODEL:
        _MODEL.append(botocore.session.get_session().get_service_model("workmail"))
    return _MODEL[0]


def member_shape(operation, member):
    """The input shape of ``member`` of ``operation`` (e.g. "CreateUser", "DisplayName")."""
    shape = service_model().operation_model(operation).input_shape
    for part in member.split("."):
        if shape.type_name == "list":
            shape = shape.member
        shape = shape.members[part]
    return shape


def check(option, value, operation, member):
    """Raise ParameterError naming ``option`` when ``value`` breaks the model's constraints.

    ``member`` may be a dotted path into nested structures ("Rules.TargetUsers").
    """
    _check_shape(option, value, member_shape(operation, member))


def _check_shape(option, value, shape):
    if value is None:
        return
    meta = shape.metadata
    if shape.type_name == "list":
        _check_range(option, len(value), meta, "items")
        for item in value:
            _check_shape(option, item, shape.member)
    elif shape.type_name == "structure" and isinstance(value, dict):
        # Members given in the API's spelling (e.g. tags as [{"Key": ..., "Value": ...}]).
        for name, member in shape.members.items():
            if name in value:
                _check_shape(option, value[name], member)
    elif shape.type_name == "string":
        if not isinstance(value, str):
            value = str(value)
        _check_range(option, len(value), meta, "characters")
        if "enum" in meta and value not in meta["enum"]:
            raise ParameterError(option, "{0!r} is not one of {1}".format(value, ", ".join(meta["enum"])))
        # An empty string clears a field; patterns that need one character don't apply to it.
        if value and "pattern" in meta and not re.fullmatch(meta["pattern"], value, re.ASCII):
            # A secret is never repeated, not even in part.
            given = "the value given" if is_secret(shape) else repr(value)
            raise ParameterError(option, "{0} is not valid: it must {1}".format(given, pattern_hint(meta["pattern"])))
    elif shape.type_name in ("integer", "long"):
        if "min" in meta and value < meta["min"]:
            raise ParameterError(option, "{0} is less than the minimum {1}".format(value, meta["min"]))
        if "max" in meta and value > meta["max"]:
            raise ParameterError(option, "{0} is more than the maximum {1}".format(value, meta["max"]))


def pattern_hint(pattern):
    """What ``pattern`` (a pattern string of the model) allows, in plain words."""
    return PATTERN_HINTS.get(pattern) or "match the pattern {0}".format(pattern)


def is_secret(shape):
    """Whether values of ``shape`` are secrets (passwords), never to be repeated in a message."""
    return bool(shape.metadata.get("sensitive")) and shape.name.endswith("Password")


def _check_range(option, size, meta, unit):
    if size < meta.get("min", 0):
        raise ParameterError(option, "must have at least {0} {1}".format(meta["min"], unit))
    if "max" in meta and size > meta["max"]:
        raise ParameterError(option, "must have at most {0} {1}".format(meta["max"], unit))


def member_shape_names(operation):
    """The top-level input member names of ``operation``."""
    return service_model().operation_model(operation).input_shape.members


def fits(operation, member, value):
    """Whether ``value`` satisfies the constraints of ``member`` of ``operation``."""
    try:
        check(member, value, operation, member)
    except ParameterError:
        return False
    return True
