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

from ansible.module_utils.common.validation import check_type_bool
from ansible.module_utils.common.validation import check_type_dict
from ansible.module_utils.common.validation import check_type_int

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
    r"[A-Za-z0-9]+": "use letters and digits only",
    r"[\S\s]+": "not be empty",
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
    r"^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$": "be an IAM Identity Center "
    "instance ARN such as arn:aws:sso:::instance/ssoins-1234567890abcdef",
    r"^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso::\d{12}:application/(sso)?ins-[a-zA-Z0-9-.]{16}/apl-[a-zA-Z0-9]{16}$": "be "
    "an IAM Identity Center application ARN such as arn:aws:sso::111122223333:application/ssoins-1234567890abcdef/apl-1234567890abcdef",
    r"^[\w+=,.@-]+$": "use letters, digits and + = , . @ _ - only, no spaces",
    r"arn:aws:kms:[a-z0-9-]*:[a-z0-9-]+:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}": "be a KMS key ARN such as "
    "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    r"arn:aws:iam:[a-z0-9-]*:[a-z0-9-]+:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}": "be an IAM role ARN such as "
    "arn:aws:iam::111122223333:role/workmail-export",
    r"[A-Za-z0-9.-]+": "be an S3 bucket name such as example-corp-mail-exports (letters, digits, '.' and '-' only)",
    r"[A-Za-z0-9!_.*'()/-]+": "be an S3 key prefix such as workmail/2026 (letters, digits and ! _ . * ' ( ) / - only)",
    r"[A-Za-z0-9-]+": "be a job ID such as 9e3a0c4f-5b6d-4e7f-8a9b-0c1d2e3f4a5b (letters, digits and '-' only)",
    r"[\S\s]*": "be text",
    r"arn:aws:workmail:[a-z0-9-]*:[a-z0-9-]+:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}": "be a WorkMail ARN such as "
    "arn:aws:workmail:us-east-1:111122223333:organization/m-0123456789abcdef0123456789abcdef",
    r"https?://[A-Za-z0-9.-]+(:[0-9]+)?/.*": "be an http or https URL with a path, such as https://mail.example.com/EWS/Exchange.asmx",
    r"arn:aws:lambda:[a-z]{2}-[a-z]+-\d{1}:\d{12}:function:[a-zA-Z0-9\-_\.]+(:(\$LATEST|[a-zA-Z0-9\-_]+))?": "be a Lambda "
    "function ARN such as arn:aws:lambda:us-east-1:111122223333:function:free-busy (optionally with :$LATEST, a version or an alias)",
    r"arn:aws:logs:[a-z\-0-9]*:[0-9]{12}:log-group:([\.\-_/#A-Za-z0-9]+):\*$": "be a CloudWatch Logs log group ARN ending "
    "in :*, such as arn:aws:logs:us-east-1:111122223333:log-group:/workmail/events:*",
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
        # What the value must look like says more than its length ("m-123" is no organization ID, rather
        # than too short for one). An empty string clears a field; patterns that need one character don't
        # apply to it.
        if value and "pattern" in meta and not re.fullmatch(meta["pattern"], value, re.ASCII):
            # A secret is never repeated, not even in part.
            given = "the value given" if is_secret(shape) else repr(value)
            raise ParameterError(option, "{0} is not valid: it must {1}".format(given, pattern_hint(meta["pattern"])))
        _check_range(option, len(value), meta, "characters")
        if "enum" in meta and value not in meta["enum"]:
            raise ParameterError(option, "{0!r} is not one of {1}".format(value, ", ".join(meta["enum"])))
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
        raise ParameterError(option, "must have at least {0} {1}".format(meta["min"], _plural(unit, meta["min"])))
    if "max" in meta and size > meta["max"]:
        raise ParameterError(option, "must have at most {0} {1}".format(meta["max"], _plural(unit, meta["max"])))


def _plural(unit, count):
    return unit if count != 1 else unit[:-1]


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


def shape_problem(spec, params):
    """The first value of ``params`` that does not have the type the Ansible argument ``spec`` gives
    it: ``(option, message)`` with the top-level option at fault and a message that names the option
    (or the item, as ``rules[1]`` or ``users[0].mailbox_quota``) and says in plain words what it takes.
    None when every value has its type, or one Ansible converts (``"5"`` for a number, ``yes`` for a
    boolean, ``key=value`` for a dictionary).

    Where a dictionary or a list of dictionaries is expected, the message shows the expected shape and
    never the value itself. Ansible's own conversion would only say "dictionary requested, could not
    parse JSON or key=value", name a nested option without its entry, print Python type names, or
    silently turn a dictionary into the text of a string option.
    """
    for option, option_spec in spec.items():
        value = option_value(option, option_spec, params)
        problem = _value_shape_problem(option, option_spec, value)
        if problem:
            return option, problem
    return None


def option_value(option, option_spec, params):
    """The value ``params`` give ``option`` under its name or one of its aliases (None: unset)."""
    for name in [option] + list(option_spec.get("aliases") or []):
        if params.get(name) is not None:
            return params[name]
    return None


def _value_shape_problem(where, option_spec, value):
    if value is None:
        return None
    kind, elements = option_spec.get("type", "str"), option_spec.get("elements")
    if kind in _SCALARS:
        return _scalar_problem(where, kind, value, option_spec.get("no_log"))
    if kind == "list" and elements in _SCALARS and isinstance(value, dict):
        # Ansible would say it is "unable to convert to list: <class 'dict'>".
        return "{0}: must be a list; got a dictionary".format(where)
    if kind == "list" and elements in _SCALARS and isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            problem = _scalar_problem("{0}[{1}]".format(where, index), elements, item, option_spec.get("no_log"))
            if problem:
                return problem
        return None
    if kind == "dict":
        if not _dict_like(value):
            return "{0}: must be {1}; got {2}".format(where, _shape(option_spec), _kind_of(value))
        return _sub_shape_problem(where + ".", option_spec, value)
    if kind == "list" and elements == "dict":
        if not isinstance(value, (list, tuple)):
            return "{0}: must be {1}; got {2}".format(where, _shape(option_spec), _kind_of(value))
        item_spec = dict(option_spec, type="dict")
        for index, item in enumerate(value):
            item_where = "{0}[{1}]".format(where, index)
            if not _dict_like(item):
                return "{0}: must be {1}; got {2}".format(item_where, _shape(item_spec), _kind_of(item))
            problem = _sub_shape_problem(item_where + ".", item_spec, item)
            if problem:
                return problem
    return None


def _sub_shape_problem(prefix, option_spec, value):
    if not isinstance(value, dict):
        return None  # a string Ansible converts; it checks what it holds
    for name, sub_spec in (option_spec.get("options") or {}).items():
        problem = _value_shape_problem(prefix + name, sub_spec, option_value(name, sub_spec, value))
        if problem:
            return problem
    return None


def _scalar_problem(where, kind, value, secret=False):
    """Why ``value`` is no ``kind`` ("str", "int" or "bool") as Ansible would take it, or None."""
    wanted, takes = _SCALARS[kind]
    if kind == "str":
        # Ansible turns numbers and booleans into text, and would turn a dictionary into its Python text.
        fits_kind = not isinstance(value, (dict, list, tuple))
    else:
        try:
            takes(value)
            fits_kind = not (kind == "int" and isinstance(value, bool))
        except (TypeError, ValueError):
            fits_kind = False
    if fits_kind:
        return None
    if secret or isinstance(value, (bool, dict, list, tuple)):
        got = _kind_of(value)
    else:
        got = repr(value) if isinstance(value, str) else str(value)
    return "{0}: must be {1}; got {2}".format(where, wanted, got)


_SCALARS = {
    "str": ("a string", None),
    "int": ("a whole number", check_type_int),
    "bool": ("true or false", check_type_bool),
}


def _dict_like(value):
    if isinstance(value, dict):
        return True
    try:
        check_type_dict(value)
    except TypeError:
        return False
    return True


def _shape(option_spec):
    """The shape ``option_spec`` asks for, in words, with an example in YAML flow style."""
    options = option_spec.get("options") or {}
    if option_spec.get("type") == "list":
        noun, example = "a list of dictionaries", "[{0}]"
    else:
        noun, example = "a dictionary", "{0}"
    if not options:
        return "{0} of keys and values, for example {1}".format(noun, example.format("{key: value}"))
    required = [name for name, sub in options.items() if sub.get("required")]
    keys = _and(list(options))
    if required:
        keys += " ({0} {1} required)".format(_and(required), "is" if len(required) == 1 else "are")
    return "{0} with the keys {1}, for example {2}".format(noun, keys, example.format(_example(option_spec)))


def _example(option_spec):
    options = option_spec.get("options") or {}
    names = [name for name, sub in options.items() if sub.get("required")] or list(options)[:1]
    parts = []
    for name in names:
        sub = options[name]
        if sub.get("options"):
            nested = _example(sub)
            value = "[{0}]".format(nested) if sub.get("type") == "list" else nested
        else:
            value = "..."
        parts.append("{0}: {1}".format(name, value))
    return "{" + ", ".join(parts) + "}"


def _and(words):
    return words[0] if len(words) == 1 else "{0} and {1}".format(", ".join(words[:-1]), words[-1])


def _kind_of(value):
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a dictionary"
    return "a {0}".format(type(value).__name__)


def check_timeout(option, seconds):
    """Raise ParameterError naming ``option`` unless ``seconds`` (a time to wait) is 0 or more."""
    if seconds is not None and seconds < 0:
        raise ParameterError(option, "must be 0 or more seconds, got {0}".format(seconds))


# WorkMail's password policy for its own directory and Simple AD (administrator guide, "password
# policies"): 8 to 63 characters, Basic Latin or Latin-1 only, from at least 3 of 5 groups.
PASSWORD_LENGTH = (8, 63)
PASSWORD_GROUPS = (
    ("uppercase letters", lambda c: "A" <= c <= "Z"),
    ("lowercase letters", lambda c: "a" <= c <= "z"),
    ("digits", lambda c: "0" <= c <= "9"),
    ("special characters (such as ! or ~)", lambda c: " " <= c <= "~" and not c.isalnum()),
    ("Latin-1 letters and symbols (such as \u00e9 or \u00f1)", lambda c: "\x80" <= c <= "\xff"),
)


def check_password(option, password):
    """Raise ParameterError naming ``option`` when ``password`` breaks WorkMail's password policy.

    The message says which rule it breaks, never the password or any part of it.
    """
    groups = sum(1 for _name, in_group in PASSWORD_GROUPS if any(in_group(c) for c in password))
    if len(password) < PASSWORD_LENGTH[0]:
        problem = "is too short"
    elif len(password) > PASSWORD_LENGTH[1]:
        problem = "is too long"
    elif any(not " " <= c <= "\xff" for c in password):
        problem = "holds characters that are not Latin-1"
    elif groups < 3:
        problem = "does not mix enough kinds of characters"
    else:
        return
    raise ParameterError(option, "{0}: {1}".format(problem, password_policy()))


def password_policy():
    """WorkMail's password policy in words."""
    return "WorkMail asks for {0} to {1} characters from at least 3 of these groups: {2}".format(
        PASSWORD_LENGTH[0], PASSWORD_LENGTH[1], _and([name for name, _in_group in PASSWORD_GROUPS])
    )


# DNS labels (the parts between dots) hold at most 63 characters (RFC 1035).
MAX_DNS_LABEL = 63


def domain_name(option, value):
    """``value`` as WorkMail keeps domain names: lower case, without the trailing dot DNS tools
    print (``Example.COM.`` -> ``example.com``). Fails naming ``option`` on an empty label, a
    label longer than DNS allows or one that starts or ends with a hyphen (RFC 1123 host names);
    the model's own checks (length, characters) come after."""
    name = value.strip().lower()
    if name.endswith("."):
        name = name[:-1]
    labels = name.split(".")
    if name and not all(labels):
        raise ParameterError(option, "{0!r} has an empty label (two dots in a row, or a dot at the start)".format(value))
    for label in labels:
        if len(label) > MAX_DNS_LABEL:
            raise ParameterError(
                option,
                "{0!r} has a label of {1} characters ({2}...); DNS labels hold at most {3}".format(value, len(label), label[:12], MAX_DNS_LABEL),
            )
        if label.startswith("-") or label.endswith("-"):
            raise ParameterError(option, "{0!r} has a label that starts or ends with '-' ({1}); host names never do".format(value, label))
    return name
