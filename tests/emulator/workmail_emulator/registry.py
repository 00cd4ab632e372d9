"""The registry of implemented operations and the request object they receive.

An operation is a function ``func(req) -> dict`` registered with::

    @operation("DescribeUser")
    def describe_user(req):
        ...

``org`` says how the function is gated on ``req["OrganizationId"]`` before it
runs: ``ORG_ACTIVE`` (the organization must exist and be Active; the default),
``ORG_ANY_STATE`` (it must exist, in any state) or ``None`` (not organization-scoped).
The function finds that organization in ``req.org``.
"""

from dataclasses import dataclass

from . import store

ORG_ACTIVE, ORG_ANY_STATE = "active", "any state"


@dataclass(frozen=True)
class Operation:
    """One implemented WorkMail operation."""

    name: str
    func: object
    org: str | None
    page_cap: int | None


OPERATIONS = {}


def operation(name, org=ORG_ACTIVE, page_cap=None):
    """Register the decorated function as the implementation of WorkMail operation ``name``.

    ``page_cap`` bounds the page size below ``MaxResults`` (ListImpersonationRoles returns at most 20).
    """

    def register(func):
        if name in OPERATIONS:
            raise ValueError(f"operation {name} is registered twice")
        OPERATIONS[name] = Operation(name, func, org, page_cap)
        return func

    return register


class Request:
    """A validated call as an operation function sees it.

    ``req["Member"]`` reads a required member, ``req.get("Member", default)`` an
    optional one; ``req.org`` is the gated organization, ``req.backend`` the
    account and Region backend, ``req.now`` the emulator time of the call.
    """

    __slots__ = ("backend", "params", "org", "now", "start", "page_size", "scope")

    def __init__(self, backend, params, org, now, paging):
        self.backend, self.params, self.org, self.now = backend, params, org, now
        self.start, self.page_size, self.scope = paging

    def __getitem__(self, member):
        return self.params[member]

    def get(self, member, default=None):
        """Return an optional member, or ``default`` when it is absent or null."""
        value = self.params.get(member)
        return default if value is None else value

    def paginate(self, key, items, render=None):
        """Return the page of ``items`` this request asks for, as ``{key: [render(item), ...], "NextToken": ...}``."""
        return store.page(items, self.start, self.page_size, self.scope, key, render or (lambda item: item))
