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
            raise ParameterError(option, "{0!r} does not match the pattern {1}".format(value, meta["pattern"]))
    elif shape.type_name in ("integer", "long"):
        if "min" in meta and value < meta["min"]:
            raise ParameterError(option, "{0} is less than the minimum {1}".format(value, meta["min"]))
        if "max" in meta and value > meta["max"]:
            raise ParameterError(option, "{0} is more than the maximum {1}".format(value, meta["max"]))


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
