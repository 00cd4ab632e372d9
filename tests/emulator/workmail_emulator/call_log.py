"""The call log: every WorkMail API request the emulator answered, in order, secrets redacted.

An entry is a JSON-ready dict::

    {"sequence": 7, "time": 1767225600.25, "operation": "CreateUser", "status": 200,
     "error": None, "message": None, "account_id": "123456789012", "region": "us-east-1",
     "organization_id": "m-...", "request": {...}, "response": {...},
     "fault": None, "lagged": False}

``error`` and ``message`` hold the code and message of a failed call (what
the client saw). ``fault`` names the fault injected into the call, if any;
``lagged`` tells that open state_lag windows hid changes from the call;
a ``lost_response`` entry also holds ``lost``: the outcome the client did not
get, ``{"status", "error", "message", "response"}``.

The log is process-wide and bounded: beyond ``MAX_ENTRIES`` the oldest entries
are dropped (``sequence`` keeps counting, so a gap shows the drop).
"""

import collections
import itertools
import threading

from . import config
from .validation import input_shape, output_shape, service_model

MAX_ENTRIES = 100_000
REDACTED = "**redacted**"
_READ_PREFIXES = ("Describe", "Get", "List", "Test")


def is_write(operation):
    """Tell whether ``operation`` may change state: any operation not starting with Describe, Get, List or Test."""
    return not operation.startswith(_READ_PREFIXES)


def _secret_shapes():
    """Return the names of the shapes whose values never appear in the log.

    The rule, kept here only: every shape the model marks sensitive that holds a
    password (``Password``, used by ``Password`` and ``EwsPassword`` members),
    plus the session token returned by AssumeImpersonationRole.
    """
    model = service_model()
    passwords = {name for name in model.shape_names if name.endswith("Password") and model.shape_for(name).metadata.get("sensitive")}
    return frozenset(passwords | {"ImpersonationToken"})


SECRET_SHAPES = _secret_shapes()


def redact(shape, value):
    """Return a copy of ``value`` in which every secret, found by walking ``shape``, is replaced."""
    if shape is None or value is None:
        return value
    if shape.name in SECRET_SHAPES:
        return REDACTED
    if shape.type_name == "structure" and isinstance(value, dict):
        return {name: redact(shape.members.get(name), item) for name, item in value.items()}
    if shape.type_name == "list" and isinstance(value, list):
        return [redact(shape.member, item) for item in value]
    if shape.type_name == "map" and isinstance(value, dict):
        return {key: redact(shape.value, item) for key, item in value.items()}
    return value


def _organization_id(request, response):
    """Return the organization a call is about: the request's, or the one CreateOrganization returned."""
    for part in (request, response):
        if isinstance(part, dict) and isinstance(part.get("OrganizationId"), str):
            return part["OrganizationId"]
    return None


class CallLog:
    """A thread-safe, bounded, ordered record of API calls."""

    def __init__(self, max_entries=MAX_ENTRIES):
        self._lock = threading.Lock()
        self._entries = collections.deque(maxlen=max_entries)
        self._sequence = itertools.count(1)

    def record(self, operation, status, request, response, error=None, account_id=None, region=None, call=None):
        """Append one call; ``request`` and ``response`` are redacted here, ``error`` is a WorkMailError or None.

        ``call`` is the call's :class:`~workmail_emulator.fault_injection.Call` while fault rules are set.
        """
        known = input_shape(operation) is not None
        details = {
            "time": config.now(),
            "operation": operation,
            "status": status,
            "error": error.code if error else None,
            "message": error.message if error else None,
            "account_id": account_id,
            "region": region,
            "organization_id": _organization_id(request, response),
            "request": redact(input_shape(operation), request) if known else request,
            "response": response if error or not known else redact(output_shape(operation), response),
            "fault": None,
            "lagged": False,
        }
        if call is not None:
            details["fault"], details["lagged"] = call.fault, call.lagged
            if call.lost:
                lost_status, lost_body, lost_error = call.lost
                details["lost"] = {
                    "status": lost_status,
                    "error": lost_error.code if lost_error else None,
                    "message": lost_error.message if lost_error else None,
                    "response": lost_body if lost_error or not known else redact(output_shape(operation), lost_body),
                }
                details["organization_id"] = _organization_id(request, lost_body)
        with self._lock:
            self._entries.append({"sequence": next(self._sequence), **details})

    def entries(self, writes_only=False):
        """Return the recorded calls, oldest first (optionally only the write operations)."""
        with self._lock:
            selected = list(self._entries)
        if writes_only:
            selected = [entry for entry in selected if is_write(entry["operation"])]
        return selected

    def clear(self):
        """Forget every recorded call; return how many there were."""
        with self._lock:
            count = len(self._entries)
            self._entries.clear()
            return count


CALL_LOG = CallLog()
