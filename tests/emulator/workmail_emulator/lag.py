"""state_lag: the changes of a call stay hidden from every call for a while, as a replica that has not caught up.

When a state_lag fault fires on a write, the backend snapshots its
organizations before the write and compares them after it (:func:`hide`). What
changed is recorded as a *window*, open until ``now + seconds`` on the
emulator clock:

* organizations the call created (CreateOrganization);
* for each existing organization, every entry of its indexes and tables that
  the call added, changed or removed (a user in ``entities``/``users``, its name
  in ``names``, an address in ``addresses``, a domain, a rule, a tag...), with
  the value it had before, and every other attribute that changed (the default
  domain, the retention policy, the deletion time...).

While windows are open, a call in the same account and Region is answered from
a :class:`View`: the current organizations with the windows' changes undone,
newest window first. Hidden organizations are absent, hidden entries show
their earlier value (or are absent when the call created them), and changes
made later by calls without the fault stay visible unless they touched the same
entry. Every operation reads through the same organization tables, so this is
the one place where lag is applied: no operation knows about it.

A read is answered from the view. A write is first run against a private copy
of the view: if it fails there, that is the answer and nothing changes;
otherwise it is applied to the current state (whose uniqueness checks still
see the hidden objects).
"""

import copy
import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    """The changes one state_lag call made: hidden until ``until`` (emulator time) while ``epoch`` is the rules' epoch."""

    until: float
    epoch: int
    created: tuple
    changed: dict


@dataclass(frozen=True)
class _Table:
    """What changed in one table (a dict attribute) of an organization: its keys' order before, the keys that changed and their earlier values."""

    order: tuple
    changed: frozenset
    earlier: dict


@dataclass(frozen=True)
class _Changes:
    """What changed in one organization: its tables (name -> _Table) and its other attributes (name -> earlier value)."""

    tables: dict
    attributes: dict


class View:
    """What a call sees while windows are open: stands in for the backend in :class:`~workmail_emulator.registry.Request`."""

    __slots__ = ("organizations", "region_name", "account_id", "identity_center_applications")

    def __init__(self, organizations, region_name, account_id, identity_center_applications):
        self.organizations, self.region_name, self.account_id = organizations, region_name, account_id
        self.identity_center_applications = identity_center_applications

    def private_copy(self):
        """Return a deep copy a write can be tried against without touching the backend."""
        return View(copy.deepcopy(self.organizations), self.region_name, self.account_id,
                    copy.deepcopy(self.identity_center_applications))


def snapshot(backend):
    """Return a deep copy of the backend's organizations, taken before a state_lag write."""
    return copy.deepcopy(backend.organizations)


def hide(backend, before, until, epoch):
    """Open a window hiding what changed in the backend's organizations since ``before`` (no window when nothing did)."""
    after = backend.organizations
    created = tuple(org_id for org_id in after if org_id not in before)
    changed = {}
    for org_id, old in before.items():
        new = after.get(org_id)
        changes = _compare(old, new) if new is not None else None
        if changes is not None:
            changed[org_id] = changes
    if created or changed:
        backend.lag_windows.append(Window(until, epoch, created, changed))


def _compare(old, new):
    """Return the _Changes from ``old`` to ``new`` (two versions of one organization), or None when they are equal.

    Values are compared by their ``repr``, which for the records' dataclasses
    covers every field, recursively.
    """
    tables, attributes = {}, {}
    for attribute in (field.name for field in dataclasses.fields(old)):
        before, now = getattr(old, attribute), getattr(new, attribute)
        if isinstance(before, dict) and isinstance(now, dict):
            changed = frozenset(key for key in before.keys() | now.keys()
                                if key not in before or key not in now or repr(before[key]) != repr(now[key]))
            if changed:
                tables[attribute] = _Table(tuple(before), changed, {key: before[key] for key in changed if key in before})
        elif repr(before) != repr(now):
            attributes[attribute] = before
    return _Changes(tables, attributes) if tables or attributes else None


def view(backend, now, epoch):
    """Return the View a call of the backend sees at ``now``, or None when no window of ``epoch`` is open.

    Closed windows, and those of an earlier epoch (the rules changed since), are dropped.
    """
    windows = [window for window in backend.lag_windows if window.until > now and window.epoch == epoch]
    backend.lag_windows[:] = windows
    if not windows:
        return None
    organizations = dict(backend.organizations)
    copies = {}
    for window in reversed(windows):
        for org_id in window.created:
            organizations.pop(org_id, None)
        for org_id, changes in window.changed.items():
            if org_id not in organizations:
                continue
            if org_id not in copies:
                copies[org_id] = organizations[org_id] = copy.copy(organizations[org_id])
            _undo(copies[org_id], changes)
    return View(organizations, backend.region_name, backend.account_id, backend.identity_center_applications)


def _undo(org, changes):
    """Undo ``changes`` on ``org``, a shallow copy of an organization (its tables are replaced, never changed in place).

    A table gets back its earlier order and values for the changed keys, loses
    the keys the change added, and keeps the current value of every other key.
    """
    for attribute, value in changes.attributes.items():
        setattr(org, attribute, value)
    for attribute, change in changes.tables.items():
        current = getattr(org, attribute)
        table = {}
        for key in change.order:
            if key in change.changed:
                table[key] = change.earlier[key]
            elif key in current:
                table[key] = current[key]
        for key, value in current.items():
            if key not in table and key not in change.changed:
                table[key] = value
        setattr(org, attribute, table)
