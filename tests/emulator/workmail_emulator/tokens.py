"""Personal access tokens as users create them: what ``/_emulator/personal-access-tokens`` and
:func:`workmail_emulator.add_personal_access_token` do.

Users create personal access tokens in the WorkMail web application; the API
only reads and deletes them. Tests and demos create one with::

    {"organization_id": "m-...", "user": "jdoe", "name": "Thunderbird",
     "lifetime_in_days": 30, "scopes": ["IMAP", "SMTP"]}

``user`` is the user's ID, name or address; the user must be ENABLED (it signs
in to the web application). The organization must be Active and its identity
provider configuration must allow tokens (PersonalAccessTokenConfiguration
Status ACTIVE). The token expires ``lifetime_in_days`` days after its creation
(default: the configuration's LifetimeInDays, or 365 days when it sets none),
or at ``expires`` (epoch seconds or ISO 8601); neither may go beyond the
configuration's LifetimeInDays. Times are on the emulator clock.
"""

import datetime
import re
import uuid

from . import config
from .endpoints import EndpointError, live_organization
from .records import ACTIVE, ENABLED, USER, PersonalAccessToken

FIELDS = ("organization_id", "user", "name", "lifetime_in_days", "expires", "scopes")
DEFAULT_LIFETIME_IN_DAYS = 365
MAX_LIFETIME_IN_DAYS = 3653
DEFAULT_SCOPES = ("IMAP", "SMTP", "EWS")
DAY = 86400.0
_NAME = re.compile(r"[^\x00-\x1F\x7F\x3C\x3E\x5C]{1,64}")
_SCOPE = re.compile(r"[^\x00-\x1F\x7F\x3C\x3E\x5C]{1,256}")


class PersonalAccessTokenError(EndpointError):
    """A token that cannot be created; ``status`` is the HTTP status the endpoint answers with (400, 404 or 409)."""


def _bad(message):
    return PersonalAccessTokenError(400, message)


def _expiry(expires):
    """Return ``expires`` (epoch seconds or an ISO 8601 string with a zone) in epoch seconds."""
    if isinstance(expires, (int, float)) and not isinstance(expires, bool):
        return float(expires)
    if isinstance(expires, str):
        try:
            moment = datetime.datetime.fromisoformat(expires.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return moment.timestamp()
    raise _bad(f"'expires' must be epoch seconds or an ISO 8601 time with a zone, got {expires!r}")


def _check(name, lifetime_in_days, expires, scopes):
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise _bad(f"'name' must be 1 to 64 characters without control characters, '<', '>' or '\\', got {name!r}")
    if lifetime_in_days is not None and expires is not None:
        raise _bad("give 'lifetime_in_days' or 'expires', not both")
    if lifetime_in_days is not None and (isinstance(lifetime_in_days, bool) or not isinstance(lifetime_in_days, int)
                                         or not 1 <= lifetime_in_days <= MAX_LIFETIME_IN_DAYS):
        raise _bad(f"'lifetime_in_days' must be an integer from 1 to {MAX_LIFETIME_IN_DAYS}, got {lifetime_in_days!r}")
    if scopes is not None and (not isinstance(scopes, list) or not 1 <= len(scopes) <= 10
                               or not all(isinstance(scope, str) and _SCOPE.fullmatch(scope) for scope in scopes)):
        raise _bad(f"'scopes' must be a list of 1 to 10 strings of 1 to 256 characters, got {scopes!r}")


def _organization(organization_id):
    """Return ``(backend, organization)`` for an organization ID of any account and Region, or raise (400, 404)."""
    return live_organization(organization_id, PersonalAccessTokenError)


def create(organization_id, user, name, lifetime_in_days=None, expires=None, scopes=None):
    """Create a personal access token for ``user`` and return its metadata as GetPersonalAccessTokenMetadata does.

    Raises PersonalAccessTokenError (400 bad field, 404 unknown organization or user, 409 organization not Active, user not
    ENABLED or tokens disabled); nothing is created then.
    """
    _check(name, lifetime_in_days, expires, scopes)
    expiry = None if expires is None else _expiry(expires)
    backend, org = _organization(organization_id)
    with backend.lock:
        now = config.now()
        state = org.state(now)
        if state != ACTIVE:
            raise PersonalAccessTokenError(409, f"organization {org.id} is {state}, not Active")
        if not isinstance(user, str) or not user:
            raise _bad("'user' must be the ID, name or email address of a user")
        owner = org.find(user, kinds=(USER,))
        if owner is None:
            raise PersonalAccessTokenError(404, f"no user {user} in organization {org.id}")
        if owner.state != ENABLED:
            raise PersonalAccessTokenError(409, f"user {owner.name} is {owner.state}: only an enabled user signs in to create tokens")
        settings = (org.identity_provider or {}).get("PersonalAccessTokenConfiguration", {})
        if settings.get("Status") != "ACTIVE":
            raise PersonalAccessTokenError(409, f"organization {org.id} does not allow personal access tokens (its identity provider "
                                                "configuration is missing or its PersonalAccessTokenConfiguration is INACTIVE)")
        allowed = settings.get("LifetimeInDays")
        if expiry is None:
            expiry = now + DAY * (lifetime_in_days or allowed or DEFAULT_LIFETIME_IN_DAYS)
        if expiry <= now:
            raise _bad(f"'expires' must be later than the emulator time {now}")
        if allowed is not None and expiry > now + DAY * allowed:
            raise _bad(f"the token would outlive the organization's LifetimeInDays of {allowed}")
        token = PersonalAccessToken(str(uuid.uuid4()), owner.id, name, now, expiry, list(scopes or DEFAULT_SCOPES))
        org.personal_access_tokens = {**org.personal_access_tokens, token.id: token}
        return token.summary()
