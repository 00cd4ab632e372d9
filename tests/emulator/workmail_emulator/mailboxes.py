"""Mailbox content: what ``/_emulator/mailboxes`` and :func:`workmail_emulator.add_messages` put in a mailbox.

The WorkMail API has no call that delivers mail, so tests and demos give the
mailbox of a user or resource its content here, either as explicit items::

    {"organization_id": "m-...", "entity": "jdoe",
     "messages": [{"folder": "Inbox", "from": "a@example.com", "to": "jdoe@corp.example",
                   "subject": "Hello", "body": "...", "date": "2026-01-05T09:30:00Z"}]}

or as ``{"organization_id": ..., "entity": ..., "generate": N}``, which appends
N generated email messages. ``entity`` is the user's or resource's ID, name or
address. A resource has no mailbox quota of its own in the API: its mailbox
holds up to the default quota of a user (51200 MB).

Every item is stored in its MIME form (RFC 5322, CRLF line ends); the
mailbox's size is the sum of those forms, and is what GetMailboxDetails reports
(in MB) and what counts against the mailbox quota. An item's ``type`` is
``email`` (the default), ``calendar`` (a meeting: a message whose body is a
text/calendar VEVENT), ``contact`` (a text/vcard) or ``task`` (a
text/calendar VTODO). Mailbox export writes email messages and calendar items
only, as the administrator guide says.
"""

import datetime
import email.policy
import email.utils
import re
from email.message import EmailMessage

from . import config
from .endpoints import EndpointError, live_organization
from .records import ACTIVE, DEFAULT_MAILBOX_QUOTA, DELETED, ENABLED, RESOURCE, USER, Mailbox, MailboxItem

EMAIL, CALENDAR, CONTACT, TASK = "email", "calendar", "contact", "task"
ITEM_TYPES = (EMAIL, CALENDAR, CONTACT, TASK)
EXPORTED_TYPES = (EMAIL, CALENDAR)
DEFAULT_FOLDERS = {EMAIL: "Inbox", CALENDAR: "Calendar", CONTACT: "Contacts", TASK: "Tasks"}
MESSAGE_FIELDS = ("folder", "type", "from", "to", "subject", "body", "date")
MAX_ITEMS_PER_REQUEST = 10_000
MAX_GENERATE = 100_000
MAX_FOLDER_LENGTH = 255
DEFAULT_SENDER = "sender@example.com"
BYTES_PER_MB = 1024 * 1024
# The entities whose mailbox holds content: users and resources (groups have no mailbox).
MAILBOX_KINDS = (USER, RESOURCE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_POLICY = email.policy.SMTP


class MailboxContentError(EndpointError):
    """A request for mailbox content that cannot be served; ``status`` is the HTTP status the endpoint answers with."""


def _bad(message):
    return MailboxContentError(400, message)


# Finding the mailbox -----------------------------------------------------------------------------

def _organization(organization_id):
    """Return ``(backend, organization)`` for an organization ID of any account and Region, or raise (400, 404)."""
    return live_organization(organization_id, MailboxContentError)


def _owner(org, entity, now, enabled):
    """Return the user or resource ``entity`` names in ``org`` (ID, name or address); raise 404, or 409 when ``enabled`` and it
    is not ENABLED."""
    if not isinstance(entity, str) or not entity:
        raise _bad("'entity' must be the ID, name or email address of a user or resource")
    state = org.state(now)
    if state != ACTIVE:
        raise MailboxContentError(409, f"organization {org.id} is {state}, not Active")
    owner = org.find(entity, kinds=MAILBOX_KINDS)
    if owner is None or owner.state == DELETED:
        raise MailboxContentError(404, f"no user or resource {entity} in organization {org.id}")
    if enabled and owner.state != ENABLED:
        raise MailboxContentError(409, f"{owner.kind.lower()} {owner.name} is {owner.state}: only the mailbox of an enabled user or "
                                       "resource receives content")
    return owner


def mailbox_quota(owner):
    """Return the quota (MB) of the mailbox of ``owner``: a user's own, the default one for a resource."""
    return getattr(owner, "mailbox_quota", DEFAULT_MAILBOX_QUOTA)


def _describe(org, user, mailbox):
    return {
        "organization_id": org.id,
        "entity_id": user.id,
        "folders": mailbox.folders() if mailbox else {},
        "items": len(mailbox.items) if mailbox else 0,
        "size_bytes": mailbox.size if mailbox else 0,
        "mailbox_size_mb": mailbox_size_mb(mailbox),
    }


def mailbox_size_mb(mailbox):
    """Return a mailbox's size in MB, as GetMailboxDetails reports it (0.0 for a mailbox without content)."""
    return mailbox.size / BYTES_PER_MB if mailbox else 0.0


# Rendering items ---------------------------------------------------------------------------------

def _text(spec, index, name, default):
    value = spec.get(name, default)
    if not isinstance(value, str):
        raise _bad(f"message {index}: '{name}' must be a string, got {value!r}")
    return value


def _folder(spec, index, kind):
    folder = _text(spec, index, "folder", DEFAULT_FOLDERS[kind])
    parts = folder.split("/")
    if (not folder or len(folder) > MAX_FOLDER_LENGTH or _CONTROL.search(folder)
            or any(part.strip() in ("", ".", "..") for part in parts)):
        raise _bad(f"message {index}: 'folder' must be 1 to {MAX_FOLDER_LENGTH} characters, without control characters, "
                   f"its '/'-separated parts neither empty nor '.' or '..'; got {folder!r}")
    return folder


def _recipients(spec, index, default):
    value = spec.get("to", default)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item for item in value):
        raise _bad(f"message {index}: 'to' must be an address or a non-empty list of addresses, got {value!r}")
    return ", ".join(value)


def _date(spec, index, now):
    value = spec.get("date")
    if value is None:
        return datetime.datetime.fromtimestamp(now, datetime.timezone.utc)
    try:
        parsed = datetime.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise _bad(f"message {index}: 'date' must be an ISO 8601 date and time, got {value!r}")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)


def _ical(component, uid, subject, date, body):
    stamp = date.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mailops.workmail//emulator//EN", "METHOD:REQUEST",
             f"BEGIN:{component}", f"UID:{uid}", f"DTSTAMP:{stamp}",
             f"{'DTSTART' if component == 'VEVENT' else 'DUE'}:{stamp}", f"SUMMARY:{subject}"]
    if body:
        lines.append("DESCRIPTION:" + body.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;"))
    return "\r\n".join([*lines, f"END:{component}", "END:VCALENDAR", ""])


def render(spec, index, owner, now):
    """Return the MailboxItem that the item object ``spec`` (number ``index``, from 1) describes for the mailbox of ``owner``."""
    if not isinstance(spec, dict):
        raise _bad(f"message {index}: must be a JSON object with the fields {', '.join(MESSAGE_FIELDS)}")
    unknown = sorted(set(spec) - set(MESSAGE_FIELDS))
    if unknown:
        raise _bad(f"message {index}: unknown field {unknown[0]!r}; the fields are {', '.join(MESSAGE_FIELDS)}")
    kind = spec.get("type", EMAIL)
    if kind not in ITEM_TYPES:
        raise _bad(f"message {index}: 'type' must be one of {', '.join(ITEM_TYPES)}, got {kind!r}")
    folder = _folder(spec, index, kind)
    sender = _text(spec, index, "from", DEFAULT_SENDER)
    recipients = _recipients(spec, index, owner.email)
    subject, body, date = _text(spec, index, "subject", ""), _text(spec, index, "body", ""), _date(spec, index, now)
    domain = owner.email.rpartition("@")[2]
    message_id = email.utils.make_msgid(domain=domain)
    message = EmailMessage(policy=_POLICY)
    try:
        message["From"], message["To"], message["Subject"] = sender, recipients, subject
        message["Date"] = email.utils.format_datetime(date)
        message["Message-ID"] = message_id
        if kind == EMAIL:
            message.set_content(body)
        elif kind == CONTACT:
            card = "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", f"FN:{subject}", f"EMAIL:{sender}", "END:VCARD", ""])
            message.set_content(card, subtype="vcard")
        else:
            component = "VEVENT" if kind == CALENDAR else "VTODO"
            message.set_content(_ical(component, message_id.strip("<>"), subject, date, body), subtype="calendar",
                                params={"method": "REQUEST"})
        mime = message.as_bytes()
    except (ValueError, TypeError) as failure:
        raise _bad(f"message {index}: {failure}") from None
    return MailboxItem(folder, kind, mime)


def generated(count, first, owner, now):
    """Yield the item objects of ``count`` generated email messages, numbered from ``first``.

    Four in five are received in Inbox, one in five sent from Sent Items; dates
    step back one minute per message from ``now``, oldest first.
    """
    for number in range(first, first + count):
        sent = number % 5 == 0
        correspondent = f"contact{number % 97:02}@example.com"
        date = datetime.datetime.fromtimestamp(now - 60 * (first + count - number), datetime.timezone.utc)
        yield {
            "folder": "Sent Items" if sent else "Inbox",
            "from": owner.email if sent else correspondent,
            "to": correspondent if sent else owner.email,
            "subject": f"Generated message {number}",
            "body": "\n".join(f"Line {line} of generated message {number}: the quick brown fox jumps over the lazy dog."
                              for line in range(1, 6)) + "\n",
            "date": date.isoformat(),
        }


# The two entry points ----------------------------------------------------------------------------

def add(organization_id, entity, messages=None, generate=None):
    """Append items to the mailbox of a user or resource (explicit ``messages`` or ``generate`` N); return the mailbox as
    :func:`summary` does, with ``added``.

    Raises MailboxContentError (a ValueError; ``status`` 400, 404 or 409) and then adds nothing.
    """
    if (messages is None) == (generate is None):
        raise _bad("give either 'messages' (a list of messages) or 'generate' (a number of messages), not both")
    if messages is not None and (not isinstance(messages, list) or not 1 <= len(messages) <= MAX_ITEMS_PER_REQUEST):
        raise _bad(f"'messages' must be a list of 1 to {MAX_ITEMS_PER_REQUEST} messages")
    if generate is not None and (isinstance(generate, bool) or not isinstance(generate, int) or not 1 <= generate <= MAX_GENERATE):
        raise _bad(f"'generate' must be an integer from 1 to {MAX_GENERATE}, got {generate!r}")
    backend, org = _organization(organization_id)
    with backend.lock:
        now = config.now()
        user = _owner(org, entity, now, enabled=True)
        mailbox = org.mailboxes.get(user.id)
        if generate is not None:
            messages = generated(generate, (len(mailbox.items) if mailbox else 0) + 1, user, now)
        items = [render(spec, index, user, now) for index, spec in enumerate(messages, start=1)]
        size = (mailbox.size if mailbox else 0) + sum(len(item.mime) for item in items)
        quota = mailbox_quota(user)
        if size > quota * BYTES_PER_MB:
            raise MailboxContentError(409, f"the mailbox of {user.name} would hold {size} bytes, over its quota of {quota} MB")
        if mailbox is None:
            mailbox = org.mailboxes[user.id] = Mailbox()
        for item in items:
            mailbox.add(item)
        return {**_describe(org, user, mailbox), "added": len(items)}


def summary(organization_id, entity):
    """Return the mailbox of a user or resource: ``folders`` (items per folder), ``items``, ``size_bytes`` and ``mailbox_size_mb``.

    A disabled user's or resource's mailbox keeps its content. Raises MailboxContentError (404 for an unknown organization, user
    or resource).
    """
    backend, org = _organization(organization_id)
    with backend.lock:
        user = _owner(org, entity, config.now(), enabled=False)
        return _describe(org, user, org.mailboxes.get(user.id))
