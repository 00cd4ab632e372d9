"""Fault injection: rules that make WorkMail calls fail, slow down, lose their reply or lag.

A rule is a JSON object (every field but ``operation`` and ``fault`` optional)::

    {"operation": "CreateUser", "fault": "throttle", "rate": 1.0, "count": null, "seed": null}

* ``operation``: a WorkMail operation name or an :mod:`fnmatch` pattern
  (``"Create*"``, ``"*"``), matched case-sensitively against the operations of
  the botocore model; a pattern that matches none is refused.
* ``fault``: ``throttle`` (HTTP 400 ThrottlingException, the call is not
  applied), ``server_error`` (HTTP 500 InternalFailure, or 503
  ServiceUnavailable with ``"status": 503``; not applied), ``latency`` (the
  answer leaves ``seconds`` late), ``lost_response`` (the call is applied, the
  client gets HTTP 500 InternalFailure) or ``state_lag`` (the changes the call
  makes stay hidden from every call for ``seconds`` of emulator time; write
  operations only, see :mod:`workmail_emulator.lag`).
* ``rate`` (default 1.0): the chance that the rule fires on a matching call,
  drawn from the rule's own random generator, seeded with ``seed`` when given
  (so the sequence of fired and spared calls replays exactly).
* ``count`` (default: no limit): the rule fires at most this many times.
* ``seconds``: required by ``latency`` and ``state_lag``, refused by the others.
* ``status``: ``server_error`` only, 500 (default) or 503.

Rules are tried in order for each WorkMail call; the first one that matches the
operation and fires decides the call's fault: at most one fault per call.
Setting rules replaces the previous ones. While no rule is set, a call costs
one truth test of ``FAULTS.rules``.
"""

import fnmatch
import math
import random
import threading
import time
from dataclasses import dataclass

from .call_log import is_write
from .errors import WorkMailError
from .validation import service_model

THROTTLE, SERVER_ERROR, LATENCY, LOST_RESPONSE, STATE_LAG = "throttle", "server_error", "latency", "lost_response", "state_lag"
KINDS = (THROTTLE, SERVER_ERROR, LATENCY, LOST_RESPONSE, STATE_LAG)
FIELDS = ("operation", "fault", "rate", "count", "seconds", "seed", "status")
TIMED_KINDS = (LATENCY, STATE_LAG)
SERVER_ERROR_STATUSES = (500, 503)


@dataclass(frozen=True)
class WireError:
    """An error as AWS's JSON protocol frameworks send it: the code, its namespace, the HTTP status and the message."""

    code: str
    namespace: str | None
    status: int
    message: str | None


# The framework-level errors of AWS JSON services. The code is what botocore
# reports (it drops the namespace before '#'); botocore retries all three:
# ThrottlingException by its code (as throttling, with the longer back-off),
# 500 and 503 by their status.
THROTTLING = WireError("ThrottlingException", "com.amazon.coral.availability", 400, "Rate exceeded")
INTERNAL_FAILURE = WireError("InternalFailure", "com.amazon.coral.service", 500, None)
SERVICE_UNAVAILABLE = WireError("ServiceUnavailable", None, 503, None)


class FaultError(WorkMailError):
    """An injected error: its body and ``x-amzn-ErrorType`` header have the service framework's form."""

    def __init__(self, wire):
        super().__init__(wire.code, wire.message)
        self.status = wire.status
        self.wire = wire

    def body(self):
        """Return the JSON body: ``__type`` with the namespace, ``message`` (lowercase, as the framework writes it) when there is one."""
        wire = self.wire
        body = {"__type": f"{wire.namespace}#{wire.code}" if wire.namespace else wire.code}
        if wire.message is not None:
            body["message"] = wire.message
        return body

    def headers(self):
        """Return the headers the framework adds to the error."""
        wire = self.wire
        return {"x-amzn-ErrorType": f"{wire.code}:http://internal.amazon.com/coral/{wire.namespace}/" if wire.namespace else wire.code}


class Rule:
    """One validated fault rule, its random generator and its counters."""

    __slots__ = ("operation", "fault", "rate", "count", "seconds", "seed", "status", "operations", "random", "matched", "fired")

    def __init__(self, spec, operations):
        self.operation, self.fault = spec["operation"], spec["fault"]
        self.rate, self.count, self.seconds, self.seed, self.status = (spec[name] for name in ("rate", "count", "seconds", "seed", "status"))
        self.operations = operations
        self.random = random.Random(self.seed)
        self.matched = self.fired = 0

    def fires(self):
        """Count one matching call and tell whether the rule fires on it (call with the module lock held)."""
        self.matched += 1
        if self.count is not None and self.fired >= self.count:
            return False
        if self.random.random() >= self.rate:
            return False
        self.fired += 1
        return True

    def describe(self):
        """Return the rule as ``GET /_emulator/faults`` lists it: every field, defaults filled in, and its counters."""
        return {"operation": self.operation, "fault": self.fault, "rate": self.rate, "count": self.count, "seconds": self.seconds,
                "seed": self.seed, "status": self.status, "matched": self.matched, "fired": self.fired}


class Call:
    """What the rules decided for one WorkMail call, and what happened to it, for the call log.

    ``fault`` is the kind of the rule that fired (None when none did);
    ``lagged`` is set by the backend when the call was answered from a view in
    which state_lag windows hid changes; ``lost`` holds the outcome a
    lost_response fault replaced: ``(status, body, error)``.
    """

    __slots__ = ("fault", "seconds", "status", "epoch", "lagged", "lost", "error")

    def __init__(self, rule, epoch):
        self.fault = rule.fault if rule else None
        self.seconds = rule.seconds if rule else None
        self.status = rule.status if rule else None
        self.epoch = epoch
        self.lagged = False
        self.lost = None
        self.error = None

    @property
    def lag_seconds(self):
        """Return how long the changes of this call stay hidden, or None."""
        return self.seconds if self.fault == STATE_LAG else None

    def run(self, handle, operation, params):
        """Answer the call through ``handle(operation, params, call)``, or raise the injected error instead."""
        if self.fault == THROTTLE:
            raise self._raised(THROTTLING)
        if self.fault == SERVER_ERROR:
            raise self._raised(SERVICE_UNAVAILABLE if self.status == 503 else INTERNAL_FAILURE)
        return handle(operation, params, self)

    def outcome(self, result, error):
        """Return the ``(result, error)`` the client gets: a lost_response swaps the real outcome for InternalFailure."""
        if self.fault != LOST_RESPONSE:
            return result, error
        self.lost = (error.status, error.body(), error) if error else (200, result, None)
        return None, self._raised(INTERNAL_FAILURE)

    def headers(self):
        """Return the extra headers of the answer (those of an injected error)."""
        return self.error.headers() if self.error else {}

    def delay(self):
        """Hold the answer back for a latency fault (wall-clock time: the client really waits)."""
        if self.fault == LATENCY:
            time.sleep(self.seconds)

    def _raised(self, wire):
        self.error = FaultError(wire)
        return self.error


class _Faults:
    """The rules in force, behind one lock.

    ``rules`` is read without the lock on every call: an empty tuple means no
    fault and no lag. ``epoch`` counts rule changes (a change ends every open
    state_lag window).
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.rules = ()
        self.epoch = 0


FAULTS = _Faults()


def _operation_names():
    return sorted(service_model().operation_names)


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _rate(index, value):
    if not _is_number(value) or not 0 <= value <= 1:
        raise ValueError(f"rule {index}: 'rate' must be a number from 0 to 1, got {value!r}")
    return float(value)


def _seconds(index, value):
    if not _is_number(value) or value <= 0:
        raise ValueError(f"rule {index}: 'seconds' must be a number greater than 0, got {value!r}")
    return float(value)


def _integer(index, name, value, low=None):
    if isinstance(value, bool) or not isinstance(value, int) or (low is not None and value < low):
        kind = f"an integer of at least {low}" if low is not None else "an integer"
        raise ValueError(f"rule {index}: {name!r} must be {kind}, got {value!r}")
    return value


def parse_rule(index, spec):
    """Return the Rule that the JSON object ``spec`` (rule number ``index``, from 1) describes, or raise ValueError naming the field."""
    if not isinstance(spec, dict):
        raise ValueError(f"rule {index}: must be a JSON object with the fields {', '.join(FIELDS)}, got {spec!r}")
    unknown = sorted(set(spec) - set(FIELDS))
    if unknown:
        raise ValueError(f"rule {index}: unknown field {unknown[0]!r}; the fields are {', '.join(FIELDS)}")
    fault = spec.get("fault")
    if fault not in KINDS:
        raise ValueError(f"rule {index}: 'fault' must be one of {', '.join(KINDS)}, got {fault!r}")
    operation = spec.get("operation")
    if not isinstance(operation, str) or not operation:
        raise ValueError(f"rule {index}: 'operation' must be a WorkMail operation name or an fnmatch pattern such as 'Create*', got {operation!r}")
    operations = frozenset(name for name in _operation_names() if fnmatch.fnmatchcase(name, operation))
    if not operations:
        raise ValueError(f"rule {index}: 'operation' {operation!r} matches no WorkMail operation")
    if fault == STATE_LAG:
        operations = frozenset(name for name in operations if is_write(name))
        if not operations:
            raise ValueError(f"rule {index}: 'operation' {operation!r} matches no write operation; state_lag hides what a write changed")
    rule = {"operation": operation, "fault": fault, "rate": 1.0, "count": None, "seconds": None, "seed": None, "status": None}
    if spec.get("rate") is not None:
        rule["rate"] = _rate(index, spec["rate"])
    if spec.get("count") is not None:
        rule["count"] = _integer(index, "count", spec["count"], low=1)
    if spec.get("seed") is not None:
        rule["seed"] = _integer(index, "seed", spec["seed"])
    if fault in TIMED_KINDS:
        if spec.get("seconds") is None:
            raise ValueError(f"rule {index}: 'seconds' is required by {fault}")
        rule["seconds"] = _seconds(index, spec["seconds"])
    elif spec.get("seconds") is not None:
        raise ValueError(f"rule {index}: 'seconds' applies only to {' and '.join(TIMED_KINDS)}, not to {fault}")
    if fault == SERVER_ERROR:
        status = spec.get("status", 500)
        if isinstance(status, bool) or status not in SERVER_ERROR_STATUSES:
            raise ValueError(f"rule {index}: 'status' must be 500 (InternalFailure) or 503 (ServiceUnavailable), got {status!r}")
        rule["status"] = status
    elif spec.get("status") is not None:
        raise ValueError(f"rule {index}: 'status' applies only to server_error, not to {fault}")
    return Rule(rule, operations)


def set_faults(rules):
    """Replace the fault rules with ``rules`` (a list of rule objects) and return them as :func:`faults` lists them.

    Raises ValueError naming the rule and the field when one is invalid; the
    rules in force then stay as they were. Any change of the rules ends the
    state_lag windows still open.
    """
    if not isinstance(rules, (list, tuple)):
        raise ValueError(f"the faults must be a JSON list of rules, got {type(rules).__name__}")
    parsed = tuple(parse_rule(index, spec) for index, spec in enumerate(rules, start=1))
    with FAULTS.lock:
        FAULTS.epoch += 1
        FAULTS.rules = parsed
        return [rule.describe() for rule in parsed]


def faults():
    """Return the rules in force, in order, each with how many calls it matched and how often it fired."""
    with FAULTS.lock:
        return [rule.describe() for rule in FAULTS.rules]


def clear_faults():
    """Remove every rule (and end the open state_lag windows); return how many rules there were."""
    with FAULTS.lock:
        count = len(FAULTS.rules)
        FAULTS.epoch += 1
        FAULTS.rules = ()
        return count


def decide(operation):
    """Return the :class:`Call` for one call of ``operation``: the fault of the first rule that matches and fires, if any."""
    with FAULTS.lock:
        fired = next((rule for rule in FAULTS.rules if operation in rule.operations and rule.fires()), None)
        return Call(fired, FAULTS.epoch)
