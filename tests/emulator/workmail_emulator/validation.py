"""Request validation.

Every request is first checked against its input shape in the botocore service
model (required members, types, string lengths, list sizes, numeric ranges,
enums and patterns, recursively), then against the few cross-field rules the
model cannot express. The model is the only source of constraints: no pattern
is typed here by hand.

Messages follow the AWS convention and name the member path in lowerCamelCase
with 1-based list indexes, for example::

    1 validation error detected: Value '731' at 'folderConfigurations.1.period' failed to
    satisfy constraint: Member must have value less than or equal to 730
"""

import functools
import re

import botocore.session
from botocore.model import OperationNotFoundError

from .errors import InvalidParameterException, validation_error

SERVICE_NAME = "workmail"
SENSITIVE_PLACEHOLDER = "*** Sensitive Data Redacted ***"
# The largest mailbox quota, in MB (50 GB, WorkMail's documented mailbox size).
MAX_MAILBOX_QUOTA = 51200


@functools.cache
def service_model():
    """Return the botocore service model of WorkMail (loaded once)."""
    return botocore.session.get_session().get_service_model(SERVICE_NAME)


@functools.cache
def input_shape(operation):
    """Return the input shape of ``operation``, or None when the model has no such operation."""
    try:
        return service_model().operation_model(operation).input_shape
    except OperationNotFoundError:
        return None


@functools.cache
def output_shape(operation):
    """Return the output shape of ``operation`` (None when it has no output members)."""
    return service_model().operation_model(operation).output_shape


@functools.cache
def idempotency_token_member(operation):
    """Return the name of the member of ``operation`` that carries the idempotencyToken trait, or None."""
    shape = input_shape(operation)
    for name, member in shape.members.items():
        if member.metadata.get("idempotencyToken"):
            return name
    return None


@functools.cache
def _compiled(pattern):
    return re.compile(pattern, re.ASCII)


def _camel(name):
    return name[:1].lower() + name[1:]


def _join(path, name):
    return f"{path}.{name}" if path else name


def _shown(shape, value):
    """Return the ``Value '...'`` part of a message; sensitive values are never echoed."""
    if shape.metadata.get("sensitive"):
        return f"Value '{SENSITIVE_PLACEHOLDER}'"
    if isinstance(value, (dict, list)):
        return "Value"
    return f"Value '{value}'"


class _Checker:
    """Walks one value along its shape and collects every violation."""

    def __init__(self):
        self.problems = []

    def fail(self, shape, value, path, constraint):
        self.problems.append(f"{_shown(shape, value)} at '{path}' failed to satisfy constraint: Member must {constraint}")

    def check(self, shape, value, path):
        handler = getattr(self, f"check_{shape.type_name}", None)
        if handler is not None:
            handler(shape, value, path)

    def check_structure(self, shape, value, path):
        if not isinstance(value, dict):
            self.fail(shape, value, path, "be a structure")
            return
        for name in shape.required_members:
            if value.get(name) is None:
                self.problems.append(f"Value null at '{_join(path, _camel(name))}' failed to satisfy constraint: Member must not be null")
        for name, member_value in value.items():
            member = shape.members.get(name)
            if member is not None and member_value is not None:
                self.check(member, member_value, _join(path, _camel(name)))

    def check_list(self, shape, value, path):
        if not isinstance(value, list):
            self.fail(shape, value, path, "be a list")
            return
        self._length(shape, value, path)
        for index, item in enumerate(value, start=1):
            if item is None:
                self.problems.append(f"Value null at '{path}.{index}' failed to satisfy constraint: Member must not be null")
            else:
                self.check(shape.member, item, f"{path}.{index}")

    def check_map(self, shape, value, path):
        if not isinstance(value, dict):
            self.fail(shape, value, path, "be a map")
            return
        self._length(shape, value, path)
        for key, item in value.items():
            self.check(shape.key, key, f"{path}.{key}.key")
            self.check(shape.value, item, f"{path}.{key}.value")

    def check_string(self, shape, value, path):
        if not isinstance(value, str):
            self.fail(shape, value, path, "be a string")
            return
        self._length(shape, value, path)
        enum = shape.metadata.get("enum")
        if enum and value not in enum:
            self.fail(shape, value, path, f"satisfy enum value set: [{', '.join(enum)}]")
        pattern = shape.metadata.get("pattern")
        if pattern and not _compiled(pattern).fullmatch(value):
            self.fail(shape, value, path, f"satisfy regular expression pattern: {pattern}")

    def check_integer(self, shape, value, path):
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(shape, value, path, "be an integer")
            return
        self._range(shape, value, path)

    check_long = check_integer

    def check_double(self, shape, value, path):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(shape, value, path, "be a number")
            return
        self._range(shape, value, path)

    check_float = check_double
    check_timestamp = check_double

    def check_boolean(self, shape, value, path):
        if not isinstance(value, bool):
            self.fail(shape, value, path, "be a boolean")

    def _length(self, shape, value, path):
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        if low is not None and len(value) < low:
            self.fail(shape, value, path, f"have length greater than or equal to {low}")
        if high is not None and len(value) > high:
            self.fail(shape, value, path, f"have length less than or equal to {high}")

    def _range(self, shape, value, path):
        low, high = shape.metadata.get("min"), shape.metadata.get("max")
        if low is not None and value < low:
            self.fail(shape, value, path, f"have value greater than or equal to {low}")
        if high is not None and value > high:
            self.fail(shape, value, path, f"have value less than or equal to {high}")


def model_problems(operation, params):
    """Return the list of model-constraint violations of a request (empty when it is valid)."""
    checker = _Checker()
    checker.check(input_shape(operation), params, "")
    return checker.problems


def validate_request(operation, params):
    """Raise the validation error when ``params`` break the model or a cross-field rule of ``operation``."""
    problems = model_problems(operation, params)
    if problems:
        count = len(problems)
        raise validation_error(f"{count} validation error{'s' if count > 1 else ''} detected: {'; '.join(problems)}")
    for rule in _RULES.get(operation, ()):
        rule(params)


# Cross-field and value rules that the model cannot express -------------------------------------

_RULES = {}

# Access protocol actions listed by the reference (the model only says [a-zA-Z]+).
ACCESS_CONTROL_ACTIONS = ("ActiveSync", "AutoDiscover", "EWS", "IMAP", "SMTP", "WindowsOutlook", "WebMail")


def _rule(*operations):
    """Register the decorated function as an extra check of ``operations``."""

    def register(func):
        for operation in operations:
            _RULES.setdefault(operation, []).append(func)
        return func

    return register


def invalid(member, reason):
    """Return the InvalidParameterException for a member that breaks a rule."""
    return InvalidParameterException(f"Invalid value for member '{member}': {reason}")


@_rule("CreateUser", "UpdateUser")
def _assignable_role(params):
    role = params.get("Role")
    if role in ("SYSTEM_USER", "RESOURCE"):
        raise invalid("Role", f"{role} cannot be set through the API")


@_rule("UpdateMailboxQuota")
def _quota_within_a_mailbox(params):
    # WorkMail mailboxes hold at most 50 GB, which is also the default quota.
    if params.get("MailboxQuota", 0) > MAX_MAILBOX_QUOTA:
        raise invalid("MailboxQuota", f"{params['MailboxQuota']} MB is more than the largest mailbox, {MAX_MAILBOX_QUOTA} MB")


@_rule("ListUsers", "ListGroups", "ListResources")
def _one_filter(params):
    filters = params.get("Filters") or {}
    given = sorted(name for name, value in filters.items() if value is not None)
    if len(given) > 1:
        raise invalid("Filters", f"only one filter may be set per request, got {', '.join(given)}")


@_rule("CreateOrganization")
def _interoperability_needs_directory(params):
    if params.get("EnableInteroperability") and not params.get("DirectoryId"):
        raise invalid("EnableInteroperability", "interoperability requires the DirectoryId of an AD Connector directory")


@_rule("TagResource")
def _no_reserved_tag_keys(params):
    for tag in params["Tags"]:
        if tag["Key"].lower().startswith("aws:"):
            raise invalid("Tags", f"tag keys starting with 'aws:' are reserved: {tag['Key']}")


@_rule("UntagResource")
def _no_reserved_untag_keys(params):
    for key in params["TagKeys"]:
        if key.lower().startswith("aws:"):
            raise invalid("TagKeys", f"tag keys starting with 'aws:' are reserved: {key}")


@_rule("PutAccessControlRule")
def _known_actions(params):
    for member in ("Actions", "NotActions"):
        for action in params.get(member) or ():
            if action not in ACCESS_CONTROL_ACTIONS:
                raise invalid(member, f"unknown action {action}; valid actions are {', '.join(ACCESS_CONTROL_ACTIONS)}")


@_rule("GetAccessControlEffect")
def _one_principal(params):
    if params.get("Action") not in ACCESS_CONTROL_ACTIONS:
        raise invalid("Action", f"unknown action {params.get('Action')}; valid actions are {', '.join(ACCESS_CONTROL_ACTIONS)}")
    has_user, has_role = params.get("UserId") is not None, params.get("ImpersonationRoleId") is not None
    if has_user == has_role:
        raise invalid("UserId", "exactly one of UserId and ImpersonationRoleId must be given")
    if has_role and params["Action"] != "EWS":
        raise invalid("ImpersonationRoleId", "an impersonation role can only be evaluated for the EWS action")


@_rule("PutRetentionPolicy")
def _folder_configurations(params):
    seen = set()
    for index, folder in enumerate(params["FolderConfigurations"], start=1):
        if folder["Name"] in seen:
            raise invalid("FolderConfigurations", f"folder {folder['Name']} is listed more than once")
        seen.add(folder["Name"])
        if folder["Action"] != "NONE" and folder.get("Period") is None:
            raise invalid(f"FolderConfigurations.{index}.Period", f"a period is required for the {folder['Action']} action")


@_rule("CreateImpersonationRole", "UpdateImpersonationRole")
def _unique_rule_ids(params):
    seen = set()
    for rule in params["Rules"]:
        if rule["ImpersonationRuleId"] in seen:
            raise invalid("Rules", f"rule ID {rule['ImpersonationRuleId']} is used more than once")
        seen.add(rule["ImpersonationRuleId"])


@_rule("PutMailboxPermissions")
def _some_permission(params):
    if not params["PermissionValues"]:
        raise invalid("PermissionValues", "give at least one permission; DeleteMailboxPermissions removes them all")
