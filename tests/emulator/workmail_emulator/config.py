"""Process-wide emulator settings and the emulator clock.

Settings are read at the moment an operation needs them: an organization
captures ``org_ready_delay`` when it is created, a mail domain captures
``domain_verification_delay`` when it is registered. Changing a setting never
rewrites the history of objects that already exist.
"""

import threading
import time

DEFAULTS = {
    # Seconds an organization spends in Requested, then Creating, before Active.
    "org_ready_delay": 0.0,
    # Seconds an organization spends in Deleting before Deleted.
    "org_delete_delay": 0.0,
    # Seconds before a custom mail domain's ownership and DKIM become VERIFIED.
    "domain_verification_delay": 0.0,
    # Seconds a Deleted organization stays visible before it is forgotten.
    "deleted_org_retention": 3600.0,
    # Seconds a ClientToken is remembered for deduplication.
    "client_token_ttl": 8 * 3600.0,
    # Error code for requests that break the model's constraints.
    "validation_error_code": "InvalidParameterException",
    # Quotas the reference does not state; LimitExceededException beyond them.
    "max_aliases_per_entity": 100,
    "max_mail_domains": 100,
    "max_impersonation_roles": 20,
    # Seconds a mailbox export job runs before it writes its ZIP object (EstimatedProgress grows meanwhile).
    "export_job_duration": 0.0,
    "max_availability_configurations": 100,
    # Whether a new organization enforces the DMARC policy of inbound mail (DescribeInboundDmarcSettings).
    "inbound_dmarc_default": False,
}

VALIDATION_CODES = ("InvalidParameterException", "ValidationException")


def _check(name, value):
    """Return ``value`` converted to the type of setting ``name``, or raise ValueError."""
    if name not in DEFAULTS:
        raise ValueError(f"unknown setting {name!r}; known settings: {', '.join(sorted(DEFAULTS))}")
    default = DEFAULTS[name]
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError(f"setting {name!r} must be true or false, got {value!r}")
        return value
    if isinstance(default, str):
        if value not in VALIDATION_CODES:
            raise ValueError(f"setting {name!r} must be one of {', '.join(VALIDATION_CODES)}, got {value!r}")
        return value
    allowed = (int,) if isinstance(default, int) else (int, float)
    if isinstance(value, bool) or not isinstance(value, allowed) or value < 0:
        kind = "a non-negative integer" if allowed == (int,) else "a non-negative number"
        raise ValueError(f"setting {name!r} must be {kind}, got {value!r}")
    return type(default)(value)


class _Config:
    """The settings and the clock offset, behind one lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.values = dict(DEFAULTS)
        self.clock_offset = 0.0


_CONFIG = _Config()


def configure(**changes):
    """Change one or more settings and return all settings.

    Raises ValueError for an unknown name or an invalid value; nothing changes then.
    """
    checked = {name: _check(name, value) for name, value in changes.items()}
    with _CONFIG.lock:
        _CONFIG.values.update(checked)
        return dict(_CONFIG.values)


def settings():
    """Return a copy of all settings."""
    with _CONFIG.lock:
        return dict(_CONFIG.values)


def get(name):
    """Return one setting."""
    with _CONFIG.lock:
        return _CONFIG.values[name]


def restore_defaults():
    """Put every setting back to its default and undo any clock advance."""
    with _CONFIG.lock:
        _CONFIG.values = dict(DEFAULTS)
        _CONFIG.clock_offset = 0.0


def now():
    """Return the emulator's current time in epoch seconds."""
    return time.time() + _CONFIG.clock_offset


def advance_clock(seconds):
    """Move the emulator clock forward so delays elapse without waiting; return the total offset."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
        raise ValueError(f"seconds must be a non-negative number, got {seconds!r}")
    with _CONFIG.lock:
        _CONFIG.clock_offset += float(seconds)
        return _CONFIG.clock_offset


def clock_offset():
    """Return how far the emulator clock has been advanced, in seconds."""
    with _CONFIG.lock:
        return _CONFIG.clock_offset
