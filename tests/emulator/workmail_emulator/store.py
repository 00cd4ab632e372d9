"""Plumbing shared by every resource: pagination tokens, paging and ClientToken replay.

Pagination tokens are opaque to callers: base64 of ``<offset>:<checksum>``,
where the checksum binds the offset to the request it continues (operation and
every parameter except ``NextToken`` and ``MaxResults``). A token that was not
issued for the same request, or that was altered, is rejected with
InvalidParameterException.
"""

import base64
import binascii
import hashlib
import hmac
import itertools
import json
import secrets

from .errors import InvalidParameterException

DEFAULT_PAGE_SIZE = 100
_TOKEN_KEY = secrets.token_bytes(16)
_PAGING_MEMBERS = ("NextToken", "MaxResults")


def token_scope(operation, params):
    """Return the string a pagination token of this request is bound to."""
    rest = {name: value for name, value in params.items() if name not in _PAGING_MEMBERS}
    return f"{operation}:{json.dumps(rest, sort_keys=True, separators=(',', ':'))}"


def _checksum(scope, offset):
    return hmac.new(_TOKEN_KEY, f"{scope}|{offset}".encode(), hashlib.sha256).hexdigest()[:24]


def encode_token(scope, offset):
    """Return the NextToken that resumes the listing of ``scope`` at ``offset``."""
    return base64.b64encode(f"{offset}:{_checksum(scope, offset)}".encode()).decode("ascii")


def decode_token(scope, token):
    """Return the offset a NextToken stands for, or raise InvalidParameterException."""
    try:
        offset_text, checksum = base64.b64decode(token, validate=True).decode("ascii").split(":")
        offset = int(offset_text)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        offset, checksum = -1, ""
    if offset < 0 or not hmac.compare_digest(checksum, _checksum(scope, offset)):
        raise InvalidParameterException("Invalid value for member 'NextToken': the token is malformed or was not issued for this request")
    return offset


def page(items, start, size, scope, key, render):
    """Return the response fragment ``{key: [...], "NextToken": ...}`` for one page of ``items``.

    ``items`` may be any iterable (typically a generator of records); it is
    consumed up to the end of the page plus one item, to detect a next page, and
    only the items of the page are passed to ``render``. ``NextToken`` is
    omitted on the last page.
    """
    window = list(itertools.islice(items, start, start + size + 1))
    result = {key: [render(item) for item in window[:size]]}
    if len(window) > size:
        result["NextToken"] = encode_token(scope, start + size)
    return result


class ClientTokens:
    """ClientToken deduplication: (operation, token) -> the request, its original response and an expiry time."""

    def __init__(self):
        self._seen = {}

    def replay(self, operation, token, params, now):
        """Return the original response of an identical earlier request, or None.

        Raises InvalidParameterException when the token was used with other parameters.
        """
        entry = self._seen.get((operation, token))
        if entry is None or entry[2] <= now:
            return None
        fingerprint, response, _expires = entry
        if fingerprint != _fingerprint(params):
            raise InvalidParameterException(f"Invalid value for member 'ClientToken': {token} was already used with different parameters")
        return response

    def remember(self, operation, token, params, response, now, ttl):
        """Record the response of a successful request made with a ClientToken, and drop expired ones."""
        for key in [key for key, entry in self._seen.items() if entry[2] <= now]:
            del self._seen[key]
        self._seen[(operation, token)] = (_fingerprint(params), response, now + ttl)


def _fingerprint(params):
    return json.dumps(params, sort_keys=True, separators=(",", ":"))
