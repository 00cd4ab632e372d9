"""An in-memory Amazon WorkMail for tests and demos, built as a moto extension.

Importing the package registers it with moto (see :func:`register`), so
``moto.mock_aws()`` and moto's server answer WorkMail calls. The helpers here
configure the emulator, read its call log and inject faults in process; the
server exposes the same under ``/_emulator/``.
"""

import re
import sys
import threading
import types

from . import config, fault_injection, mailboxes, tokens
from .call_log import CALL_LOG, is_write
from .mailboxes import MailboxContentError
from .tokens import PersonalAccessTokenError

__all__ = ["register", "configure", "settings", "reset", "calls", "clear_calls", "is_write", "advance_clock", "backend",
           "set_faults", "faults", "clear_faults", "add_messages", "mailbox_summary", "MailboxContentError",
           "add_personal_access_token", "PersonalAccessTokenError"]

URL_PATTERN = re.compile(r"https?://workmail\.(.+)\.amazonaws\.com")
_REGISTRATION_LOCK = threading.Lock()


def register():
    """Make the emulator moto's ``workmail`` backend; safe to call more than once.

    moto finds a service through ``moto.<service>`` modules and the URL patterns
    of ``moto.backend_index``. This publishes the package as ``moto.workmail``
    (with ``.models``, ``.responses`` and ``.urls``) and adds the WorkMail
    endpoint pattern, without changing any moto file.
    """
    import moto
    import moto.backend_index

    from . import models, responses, urls

    with _REGISTRATION_LOCK:
        if "moto.workmail" in sys.modules:
            return
        package = types.ModuleType("moto.workmail", "WorkMail backend provided by workmail_emulator.")
        package.workmail_backends = models.workmail_backends
        package.models, package.responses, package.urls = models, responses, urls
        sys.modules.update({"moto.workmail": package, "moto.workmail.models": models,
                            "moto.workmail.responses": responses, "moto.workmail.urls": urls})
        moto.workmail = package
        patterns = moto.backend_index.backend_url_patterns
        if not any(name == "workmail" for name, _pattern in patterns):
            patterns.append(("workmail", URL_PATTERN))


def configure(**changes):
    """Change emulator settings (see :data:`workmail_emulator.config.DEFAULTS`); return all settings."""
    return config.configure(**changes)


def settings():
    """Return the current settings."""
    return config.settings()


def backend(account_id="123456789012", region="us-east-1"):
    """Return the WorkMail backend of one account and Region (for test helpers such as ``password_matches``)."""
    from .models import workmail_backends
    return workmail_backends[account_id][region]


def advance_clock(seconds):
    """Move the emulator clock forward so delays elapse without waiting; return the total offset.

    Mailbox export jobs whose duration has passed then end at once (their
    objects are written), as they would while the time passed.
    """
    offset = config.advance_clock(seconds)
    from .models import workmail_backends
    for _account_id, _region, region_backend in list(workmail_backends.iter_backends()):
        region_backend.settle_exports()
    return offset


def add_messages(organization_id, entity, messages=None, generate=None):
    """Append items to the mailbox of an enabled user or resource (ID, name or address): ``messages`` (a list of item objects, see
    :mod:`workmail_emulator.mailboxes`) or ``generate`` N email messages. Return the mailbox as :func:`mailbox_summary`
    does, plus ``added``.

    Raises MailboxContentError (a ValueError whose ``status`` is 400, 404 or 409); nothing is added then.
    """
    return mailboxes.add(organization_id, entity, messages=messages, generate=generate)


def mailbox_summary(organization_id, entity):
    """Return the mailbox of a user or resource: ``folders`` (item count per folder), ``items``, ``size_bytes``, ``mailbox_size_mb``
    (GetMailboxDetails's MailboxSize), ``organization_id`` and ``entity_id``. Raises MailboxContentError."""
    return mailboxes.summary(organization_id, entity)


def add_personal_access_token(organization_id, user, name, lifetime_in_days=None, expires=None, scopes=None):
    """Create a personal access token of an enabled user (ID, name or address), as the user would in the web application; return
    its metadata as GetPersonalAccessTokenMetadata does. The organization's identity provider configuration must allow tokens.

    The token expires ``lifetime_in_days`` days from now or at ``expires`` (epoch seconds or ISO 8601), by default after the
    configuration's LifetimeInDays (see :mod:`workmail_emulator.tokens`). Raises PersonalAccessTokenError (a ValueError whose
    ``status`` is 400, 404 or 409); nothing is created then.
    """
    return tokens.create(organization_id, user, name, lifetime_in_days=lifetime_in_days, expires=expires, scopes=scopes)


def reset():
    """Start afresh: forget every organization in every account and Region, clear the call log and
    the fault rules, restore the default settings and undo any clock advance."""
    from .models import workmail_backends
    for _account_id, _region, region_backend in list(workmail_backends.iter_backends()):
        region_backend.reset()
    workmail_backends.clear()
    CALL_LOG.clear()
    fault_injection.clear_faults()
    config.restore_defaults()


def calls(writes_only=False):
    """Return the call log, oldest first (optionally only the write operations)."""
    return CALL_LOG.entries(writes_only=writes_only)


def clear_calls():
    """Empty the call log."""
    CALL_LOG.clear()


def set_faults(rules):
    """Replace the fault rules (a list of rule dicts, see :mod:`workmail_emulator.fault_injection`); return them as listed.

    Raises ValueError, naming the rule and the field, for an invalid rule; the rules in force are then kept.
    """
    return fault_injection.set_faults(rules)


def faults():
    """Return the fault rules in force, each with how many calls it matched and how often it fired."""
    return fault_injection.faults()


def clear_faults():
    """Remove every fault rule and end the open state_lag windows; return how many rules there were."""
    return fault_injection.clear_faults()


register()
