# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A whole organization's users, groups, memberships and aliases in one task.

Three steps, in this order:

1. Read once. The organization's users and groups are listed once; an entity is described only
   when an option the input manages is not in its listing, its mailbox only where
   ``mailbox_quota`` is managed; members once per group the input lists or names; aliases once
   per entity whose ``aliases`` the input manages; each new address and domain once. Reads run
   in parallel on the workers.
2. Plan. Every entry goes through the engine's ``plan`` (the same comparison, checks and
   prediction as the user and group modules) and the one list grammar of ``lists`` (memberships,
   aliases), and is checked against the whole input: duplicates, addresses claimed twice or held
   by someone else, groups that neither exist nor are listed, nesting loops. An entry that fails
   a check is left out, with its error; nothing is written yet.
3. Write, in dependency order: groups, users (registration included), memberships, aliases, then
   the unlisted users. Each step runs on the workers; a write that fails fails its entity and
   what depends on it, nothing else.

Check mode stops after the plan. The result lists every change (planned, done or failed) and a
before/after per changed entity, in the shape the directory module takes.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.mailops.workmail.plugins.module_utils import lists
from ansible_collections.mailops.workmail.plugins.module_utils.engine import apply
from ansible_collections.mailops.workmail.plugins.module_utils.engine import diff_after
from ansible_collections.mailops.workmail.plugins.module_utils.engine import plan
from ansible_collections.mailops.workmail.plugins.module_utils.entities import GROUP
from ansible_collections.mailops.workmail.plugins.module_utils.entities import LAG_CODES
from ansible_collections.mailops.workmail.plugins.module_utils.entities import USER
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import nesting_path
from ansible_collections.mailops.workmail.plugins.module_utils.validation import check
from ansible_collections.mailops.workmail.plugins.module_utils.validation import service_model
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import LAG_TIMEOUT
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import retry_while

RELATIONS = ("groups", "aliases")
"""The entry keys that are relationships, not options of the user or group modules."""

UNTOUCHABLE_ROLES = ("SYSTEM_USER", "RESOURCE")
"""Users that ``unlisted`` never touches and ``directory_info`` never returns."""

READ_CALLS = ("ListUsers", "ListGroups", "DescribeUser", "GetMailboxDetails", "DescribeGroup", "ListGroupMembers", "ListAliases")
"""What reading an organization's directory may send."""

WRITE_CALLS = {("membership", "add"): "AssociateMemberToGroup", ("membership", "remove"): "DisassociateMemberFromGroup",
               ("alias", "add"): "CreateAlias", ("alias", "remove"): "DeleteAlias"}

KINDS = ("user", "group", "membership", "alias")
ACTIONS = {
    "user": ("create", "update", "disable", "delete"),
    "group": ("create", "update", "delete"),
    "membership": ("add", "remove"),
    "alias": ("add", "remove"),
}


def _fold(value):
    return (value or "").casefold()


def _id(raw):
    """The ID of a user or group as the Describe* calls spell it."""
    return raw.get("UserId") or raw.get("GroupId")


def _summary_members(shape):
    """The members a List* summary holds, in the Describe* spelling (Id -> UserId / GroupId)."""
    return set(service_model().shape_for(shape).members)


class Entry:
    """One user or group of the input, and what the run does with it."""

    def __init__(self, resource, index, options, state):
        self.resource = resource
        self.kind = resource.name
        self.index = index
        self.name = options.get("name") or ""
        self.desired = dict((k, v) for k, v in options.items() if k not in RELATIONS + ("update_password",) and v is not None)
        self.update_password = options.get("update_password") or "on_create"
        self.groups = options.get("groups")
        self.aliases = options.get("aliases")
        if state == "present" and not self.aliases:
            self.aliases = None  # adding none is managing none: nothing to read
        self.raw = None
        self.plan = None
        self.error = None
        self.warnings = []
        self.outcome = None

    @property
    def label(self):
        return "{0} {1!r} ({2}s[{3}])".format(self.kind, self.name, self.kind, self.index)

    @property
    def existing_id(self):
        """The ID of the entity as read before any write (None: it does not exist yet)."""
        return _id(self.raw or {})

    @property
    def id(self):
        """The entity's ID, once created when the run created it."""
        if self.outcome is not None:
            return self.outcome.after.get("id")
        return self.existing_id

    def fail(self, error):
        if self.error is None:
            self.error = error


class Change:
    """One row of the result: an entity or a relationship that changes (or would, or failed)."""

    def __init__(self, kind, name, action, options=None, entry=None, target=None, member=None, **extra):
        self.kind = kind
        self.name = name
        self.action = action
        self.options = options or []
        self.entry = entry
        self.target = target
        """For a membership: (group key, the group's Entry or None, its raw listing or None)."""
        self.member = member
        """For a membership: the member's Entry (to add) or its current listing (to remove)."""
        self.extra = extra
        self.error = None

    def as_dict(self):
        result = dict(kind=self.kind, name=self.name, action=self.action, changes=self.options)
        result.update(self.extra)
        if self.error:
            result["error"] = self.error
        return result


class Directory:
    """Converge an organization's directory; see the module docstring for the steps."""

    def __init__(self, ctx, users, groups, state="present", unlisted="keep", protect=(), max_unlisted=5, workers=8):
        check_workers(workers)
        if max_unlisted < 0:
            raise ParameterError("max_unlisted", "must be 0 or more, got {0}".format(max_unlisted))
        if unlisted != "keep" and state != "exact":
            raise ParameterError("unlisted", "applies to state=exact only; with state={0} unlisted users are always kept".format(state))
        self.ctx = ctx
        ctx.confirm_writes = False
        self.state = state
        self.unlisted = unlisted
        self.protect = set(_fold(p) for p in protect or ())
        self.max_unlisted = max_unlisted
        self.workers = max(1, workers)
        self.entries = [Entry(GROUP, i, g, state) for i, g in enumerate(groups or [])]
        self.entries += [Entry(USER, i, u, state) for i, u in enumerate(users or [])]
        self.by_name = {}
        for entry in self.entries:
            self.by_name.setdefault((entry.kind, _fold(entry.name)), entry)
        self.pool = None
        self.changes = []
        self.live = {"user": OrderedDict(), "group": OrderedDict()}
        self.members = {}
        self.current_aliases = {}
        self.unlisted_users = []
        self.nested = {}
        self.planned_nestings = {}
        """(group key, member group key) -> the Entry whose ``groups`` adds that nesting."""

    # -- the three steps --------------------------------------------------------------------

    def run(self):
        """Plan, then (unless in check mode) write. Returns self; see ``result``."""
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            self.pool = pool
            self.check_input()
            self.read()
            self.plan()
            if self.ctx.check_mode:
                self.plan_writes()
            else:
                self.write()
        return self

    def check_input(self):
        """What needs no read: options against the service model, duplicates, claimed addresses.
        An entry that fails here is read no further (its addresses are not looked up)."""
        names, addresses = {}, {}
        for entry in self.entries:
            self._guard(entry, lambda e=entry: e.resource.validate(e.resource.normalize(dict(e.desired))))
            for alias in entry.aliases or []:
                self._guard(entry, lambda a=alias: check("aliases", a, "CreateAlias", "Alias"))
            if any(not (group or "").strip() for group in entry.groups or []):
                entry.fail("groups: holds an empty entry; give each group by name, email address or ID")
            names.setdefault(_fold(entry.name), []).append(entry)
            if self.state != "absent":
                for address in [entry.desired.get("email")] + list(entry.aliases or []):
                    if address:
                        addresses.setdefault(_fold(address), []).append(entry)
        for same in names.values():
            if len(same) > 1:
                for entry in same:
                    entry.fail("name: {0!r} is listed {1} times ({2})".format(entry.name, len(same), ", ".join(e.label for e in same)))
        for address, holders in addresses.items():
            if len(set(id(e) for e in holders)) > 1:
                for entry in holders:
                    entry.fail("{0} is claimed by {1}".format(address, " and ".join(e.label for e in holders)))

    def read(self):
        ctx = self.ctx
        if ctx.organization_id is None:
            return  # check mode, the organization still to be created: everything is new
        listed = self._parallel([lambda: ctx.api.list_users(ctx.organization_id), lambda: ctx.api.list_groups(ctx.organization_id)])
        for kind, summaries in zip(("user", "group"), listed):
            id_member = USER.id_member if kind == "user" else GROUP.id_member
            for summary in summaries:
                if summary.get("State") != "DELETED":
                    raw = dict(summary)
                    raw[id_member] = raw.pop("Id")
                    self.live[kind][_fold(raw["Name"])] = raw
        reads = []
        for entry in self.entries:
            entry.raw = self.live[entry.kind].get(_fold(entry.name))
            if entry.raw and not entry.error and self.state != "absent":
                reads.extend(self._entity_reads(entry))
        for group in self._groups_to_read():
            reads.append(lambda g=group: self.members.__setitem__(g[GROUP.id_member], GROUP.members(ctx, g[GROUP.id_member])))
        self._parallel(reads)
        self._read_addresses()

    def _read_addresses(self):
        """Who holds each address the plan would give, and each of their domains, once."""
        if self.state == "absent":
            return
        addresses = set()
        for entry in self.entries:
            if entry.error:
                continue
            raw = entry.raw or {}
            email = entry.desired.get("email")
            if email and entry.desired.get("enabled", True) and _fold(email) != _fold(raw.get("Email")):
                addresses.add(_fold(email))
            current = set(_fold(a) for a in self.current_aliases.get(entry.existing_id, []))
            addresses.update(_fold(a) for a in entry.aliases or [] if _fold(a) not in current)
        resolver = self.ctx.resolver
        domains = set(address.rsplit("@", 1)[-1] for address in addresses)
        self._parallel([lambda d=d: resolver.domain(d) for d in sorted(domains)])
        # Only an enabled entity holds addresses: its primary one, in its listing, and its aliases.
        # Reading the aliases of every enabled entity costs one call each, asking for each new
        # address one call each: take the cheaper way (none at all in a new organization).
        enabled = [raw for kind in ("user", "group") for raw in self.live[kind].values() if raw.get("State") == "ENABLED"]
        if len(enabled) > len(addresses):
            self._parallel([lambda a=a: resolver.holder(a) for a in sorted(addresses)])
            return
        self._parallel([lambda i=_id(raw): self._read_aliases(i) for raw in enabled if _id(raw) not in self.current_aliases])
        holders = {}
        for raw in enabled:
            entity_id = _id(raw)
            holder = {"EntityId": entity_id, "Name": raw["Name"], "Type": "USER" if "UserId" in raw else "GROUP"}
            for address in [raw.get("Email")] + list(self.current_aliases.get(entity_id, [])):
                if address:
                    holders[_fold(address)] = holder
        resolver.know_holders(addresses, holders)

    def _entity_reads(self, entry):
        """The reads ``entry`` needs beyond its listing."""
        ctx, raw, reads = self.ctx, entry.raw, []
        summary = _summary_members("User" if entry.kind == "user" else "Group") | set([entry.resource.id_member])
        managed = [f for f in entry.resource.fields if f.option in entry.desired and f.member and not f.write_only]
        if any(f.member not in summary and f.option != "mailbox_quota" for f in managed):
            reads.append(lambda: raw.update(entry.resource.describe(ctx, _id(raw)) or {}))
        if "mailbox_quota" in entry.desired and raw.get("State") == "ENABLED":
            reads.append(lambda: raw.update(ctx.api.get_mailbox_details(ctx.organization_id, raw["UserId"]) or {}))
        if entry.aliases is not None:
            reads.append(lambda: self._read_aliases(_id(raw)))
        return reads

    def _read_aliases(self, entity_id):
        self.current_aliases[entity_id] = self.ctx.api.list_aliases(self.ctx.organization_id, entity_id)

    def _groups_to_read(self):
        """The existing groups whose members the plan needs: those listed or named in ``groups``."""
        if self.state == "absent":
            return []
        wanted = set(_fold(e.name) for e in self.entries if e.kind == "group")
        for entry in self.entries:
            wanted.update(_fold(g) for g in entry.groups or [])
        return [raw for raw in (self._find_group(ref) for ref in wanted) if raw]

    def _find_group(self, ref):
        """The live group ``ref`` names (name, email or ID), or None."""
        ref = _fold(ref)
        groups = self.live["group"]
        if ref in groups:
            return groups[ref]
        return next((g for g in groups.values() if ref in (_fold(g.get("Email")), _fold(g["GroupId"]))), None)

    # -- plan -------------------------------------------------------------------------------

    def plan(self):
        for entry in self.entries:
            if entry.error:
                continue
            self._guard(entry, lambda e=entry: self._plan_entity(e))
        if self.state != "absent":
            self._plan_memberships()
            self._plan_aliases()
        self._plan_unlisted()
        for entry in self.entries:
            if entry.error:
                self._fail_entry(entry)

    def _plan_entity(self, entry):
        ctx = self.ctx
        ctx.options = {"update_password": entry.update_password}
        entry.plan = plan(ctx, entry.resource, entry.desired, "absent" if self.state == "absent" else "present", raw=entry.raw)
        if entry.plan.changed:
            action = entry.plan.action
            if action == "update" and entry.plan.changes.get("enabled") is False:
                action = "disable"
            options = sorted(entry.plan.desired) if action == "create" else sorted(entry.plan.changes)
            self.changes.append(Change(entry.kind, entry.name, action, [o for o in options if o != "name"], entry))

    def _plan_memberships(self):
        """Each group's members as the input says (present: add; exact: add and remove)."""
        wanted = OrderedDict()  # group key -> [(member entry)]
        for entry in self.entries:
            for ref in entry.groups or []:
                group = self._group_key(entry, ref)
                if group is None:
                    continue
                wanted.setdefault(group, []).append(entry)
        if self.state == "exact":
            for entry in self.entries:
                if entry.kind == "group" and not entry.error:
                    wanted.setdefault(("group", _fold(entry.name)), [])
        for group, members in wanted.items():
            group_entry, group_raw = self._group_parts(group)
            current = self.members.get(group_raw[GROUP.id_member], []) if group_raw else []
            desired = [{"id": m.existing_id, "name": m.name, "type": m.kind, "entry": m} for m in members]
            mode = "exact" if self.state == "exact" and group_entry is not None else "present"
            to_add, to_remove = lists.plan(current, desired, mode, key=lambda m: (m["type"], _fold(m["name"])))
            group_name = self._group_name(group)
            for member in to_add:
                entry = member["entry"]
                if entry.error:
                    continue
                if entry.kind == "group":
                    key = ("group", _fold(entry.name))
                    path = nesting_path(self._nested_in, group, key)
                    if path:
                        # Every entry whose new membership closes the loop fails, not only the last one
                        # planned: none of them can be made as asked, and the loop is refused whole.
                        loop = "groups: adding {0!r} to {1!r} would make {1!r} contain itself ({2})".format(
                            entry.name, group_name, " contains ".join(self._group_name(k) for k in path))
                        for parent, child in zip(path, path[1:]):
                            if (parent, child) in self.planned_nestings:
                                self.planned_nestings[(parent, child)].fail(loop)
                        entry.fail(loop)
                        continue
                    self._nested_in(group).add(key)
                    self.planned_nestings[(group, key)] = entry
                self.changes.append(Change("membership", entry.name, "add", ["groups"], entry, (group, group_entry, group_raw), entry,
                                           group=group_name))
            for member in to_remove:
                self.changes.append(Change("membership", member["name"], "remove", ["groups"], group_entry, (group, group_entry, group_raw),
                                           member, group=group_name))

    def _group_key(self, entry, ref):
        """The key of the group ``ref`` names (listed or existing), or None with ``entry`` failed."""
        listed = self.by_name.get(("group", _fold(ref)))
        if listed is not None:
            return ("group", _fold(listed.name))
        raw = self._find_group(ref)
        if raw is not None:
            return ("group", _fold(raw["Name"]))
        problem = "{0!r} neither exists nor is listed in groups".format(ref)
        if self.ctx.check_mode:
            entry.warnings.append("groups: {0}; check mode assumes an earlier task creates it".format(problem))
            self.ctx.assume("group", [ref])
            return ("group", _fold(ref))
        entry.fail("groups: " + problem)
        return None

    def _group_parts(self, key):
        return self.by_name.get(key), self.live["group"].get(key[1])

    def _group_name(self, key):
        entry, raw = self._group_parts(key)
        return entry.name if entry else (raw["Name"] if raw else key[1])

    def _nested_in(self, key):
        """The keys of the groups directly in the group ``key``: as read, plus the nestings this
        plan adds. Members of a group the plan did not need yet are read here, once."""
        if key not in self.nested:
            raw = self.live["group"].get(key[1])
            found = set()
            if raw:
                if raw[GROUP.id_member] not in self.members:
                    self.members[raw[GROUP.id_member]] = GROUP.members(self.ctx, raw[GROUP.id_member])
                found = set(("group", _fold(m["name"])) for m in self.members[raw[GROUP.id_member]] if m["type"] == "group")
            self.nested[key] = found
        return self.nested[key]

    def _plan_aliases(self):
        for entry in self.entries:
            if entry.aliases is None or entry.error:
                continue
            entity_id = entry.existing_id
            current = self.current_aliases.get(entity_id, []) if entity_id else []
            primary = _fold(entry.desired.get("email") or (entry.raw or {}).get("Email"))
            if primary and primary in (_fold(a) for a in entry.aliases):
                entry.fail("aliases: {0} is the primary address of {1!r}, not an alias".format(primary, entry.name))
                continue
            mode = "exact" if self.state == "exact" else "present"
            to_add, to_remove = lists.plan(current, entry.aliases, mode, key=_fold)
            if to_add:
                enabled = entry.plan.after.get("enabled") if entry.plan else None
                if enabled is False:
                    entry.fail("aliases: {0!r} is disabled; enable it before adding aliases".format(entry.name))
                    continue
                self._guard(entry, lambda: self.ctx.refuse("aliases", self.ctx.address_problems(to_add, entity_id, (entry.kind, entry.name))))
                if entry.error:
                    continue
            for alias in to_add:
                self.changes.append(Change("alias", entry.name, "add", ["aliases"], entry, alias=alias))
            for alias in to_remove:
                self.changes.append(Change("alias", entry.name, "remove", ["aliases"], entry, alias=alias))

    def _plan_unlisted(self):
        if self.state != "exact" or self.unlisted == "keep":
            return
        listed = set(_fold(e.name) for e in self.entries if e.kind == "user")
        for name, raw in self.live["user"].items():
            if name in listed or name in self.protect or _fold(raw.get("Email")) in self.protect:
                continue
            if raw.get("UserRole") in UNTOUCHABLE_ROLES:
                continue
            if self.unlisted == "disable" and raw.get("State") != "ENABLED":
                continue
            self.unlisted_users.append(raw)
        if len(self.unlisted_users) > self.max_unlisted:
            names = sorted(raw["Name"] for raw in self.unlisted_users)
            raise ParameterError(
                "max_unlisted",
                "unlisted={0} would {0} {1} users, more than max_unlisted={2}: {3}{4}. Nothing was changed; list them, "
                "protect them, or raise max_unlisted.".format(
                    self.unlisted, len(names), self.max_unlisted, ", ".join(names[:20]), ", ..." if len(names) > 20 else ""),
            )
        for raw in self.unlisted_users:
            entry = Entry(USER, None, {"name": raw["Name"]}, self.state)
            entry.raw = raw
            desired = {"name": raw["Name"], "enabled": False} if self.unlisted == "disable" else {"name": raw["Name"]}
            self._guard(entry, lambda e=entry, d=desired: setattr(e, "plan", plan(
                self.ctx, USER, d, "absent" if self.unlisted == "delete" else "present", raw=e.raw)))
            if entry.plan and entry.plan.changed:
                self.changes.append(Change("user", raw["Name"], self.unlisted, ["enabled"] if self.unlisted == "disable" else [], entry, unlisted=True))

    def _fail_entry(self, entry):
        """Report a failed entry once, and drop what it would have done."""
        dropped = [c for c in self.changes if c.entry is entry or c.member is entry]
        for change in dropped:
            self.changes.remove(change)
        action = entry.plan.action if entry.plan and entry.plan.changed else "check"
        change = Change(entry.kind, entry.name, action, [], entry)
        change.error = entry.error
        self.changes.append(change)

    def plan_writes(self):
        """Check mode: record what the write step would send and create (see ``write``)."""
        ctx = self.ctx
        if ctx.organization_id is None:
            ctx.plan_calls(("ListUsers", "ListGroups"))
        for change in self.changes:
            if change.error:
                continue
            if change.kind in ("user", "group"):
                ctx.plan_calls(change.entry.resource.apply_calls(ctx, change.entry.plan, reread=False))
                ctx.provide(change.entry.resource.provides(change.entry.plan))
            else:
                ctx.plan_calls((WRITE_CALLS[(change.kind, change.action)],))
            if change.kind == "alias" and change.action == "add":
                ctx.provide([dict(type=change.entry.kind, name=change.entry.name, addresses=[change.extra["alias"]])])

    # -- write ------------------------------------------------------------------------------

    def write(self):
        entity_changes = dict((id(c.entry), c) for c in self.changes if c.kind in ("user", "group") and not c.error)
        # Groups first, so that users can join them; removing goes the other way.
        for kind in ("user", "group") if self.state == "absent" else ("group", "user"):
            entries = [e for e in self.entries if e.kind == kind and e.plan is not None and e.plan.changed and not e.error]
            self._parallel([lambda e=e: self._write_entity(e, entity_changes[id(e)]) for e in entries])
        memberships = [c for c in self.changes if c.kind == "membership" and not c.error]
        self._parallel([lambda c=c: self._write_membership(c) for c in memberships])
        aliases = [c for c in self.changes if c.kind == "alias" and not c.error]
        self._parallel([lambda c=c: self._write_alias(c) for c in aliases])
        unlisted = [c for c in self.changes if c.kind == "user" and c.extra.get("unlisted") and not c.error]
        self._parallel([lambda c=c: self._write_entity(c.entry, c) for c in unlisted])

    def _write_entity(self, entry, change):
        try:
            entry.outcome = apply(self.ctx, entry.plan, reread=False)
        except WorkMailError as e:
            entry.fail(e.message)
            change.error = e.message

    def _write_membership(self, change):
        (_key, group_entry, group_raw), member = change.target, change.member
        group_id = group_entry.id if group_entry else group_raw[GROUP.id_member]
        if isinstance(member, Entry):
            member_id, blocker = member.id, member.error
        else:
            member_id, blocker = member["id"], None
        blocker = blocker or (group_entry.error if group_entry else None)
        if blocker or not group_id or not member_id:
            change.error = "not done: {0}".format(blocker or "the group or the member was not created")
            return
        try:
            if change.action == "add":
                self._after_write(
                    (member if isinstance(member, Entry) else None, group_entry),
                    lambda: self.ctx.api.associate_member_to_group(self.ctx.organization_id, group_id, member_id),
                )
            else:
                self.ctx.api.disassociate_member_from_group(self.ctx.organization_id, group_id, member_id)
        except WorkMailError as e:
            change.error = e.message

    def _write_alias(self, change):
        entry = change.entry
        if change.action == "add":
            self.ctx.provide([dict(type=entry.kind, name=entry.name, addresses=[change.extra["alias"]])])
        if entry.error or not entry.id:
            change.error = "not done: {0}".format(entry.error or "{0} was not created".format(entry.name))
            return
        try:
            if change.action == "add":
                self._after_write((entry,), lambda: self.ctx.api.create_alias(self.ctx.organization_id, entry.id, change.extra["alias"]))
            else:
                self.ctx.api.delete_alias(self.ctx.organization_id, entry.id, change.extra["alias"])
        except WorkMailError as e:
            change.error = e.message

    @staticmethod
    def _after_write(entries, action):
        """Run ``action()``, a write about ``entries``. When this run has just created or changed
        one of them, WorkMail may not show it (or its registration) yet: the write is retried
        while it fails for that reason, within ``LAG_TIMEOUT``."""
        if any(entry is not None and entry.outcome is not None for entry in entries):
            return retry_while(LAG_CODES, action, LAG_TIMEOUT)
        return action()

    # -- plumbing ---------------------------------------------------------------------------

    def _guard(self, entry, action):
        """Run ``action()``, a step of planning ``entry``: a WorkMailError fails the entry instead of
        the task, and the warnings it gives (``ctx.refuse`` in check mode) are the entry's."""
        ctx = self.ctx
        warnings_before = len(ctx.warnings)
        try:
            return action()
        except WorkMailError as e:
            entry.fail(e.message)
            return None
        finally:
            entry.warnings.extend(ctx.warnings[warnings_before:])
            del ctx.warnings[warnings_before:]

    def _parallel(self, tasks):
        """Run ``tasks`` (callables) on the workers; return their results in order.

        A WorkMailError raised by a task stops the run (reads); writes record their own failures."""
        if self.workers == 1 or len(tasks) < 2:
            return [task() for task in tasks]
        return list(self.pool.map(lambda task: task(), tasks))

    # -- the result -------------------------------------------------------------------------

    def related(self):
        """Entry -> the changes about it: its own, its aliases, the memberships it gains or loses."""
        index = dict((id(entry), []) for entry in self.entries)
        for change in self.changes:
            entry = change.entry
            if change.kind == "membership":
                member = change.member
                entry = member if isinstance(member, Entry) else self.by_name.get((member["type"], _fold(member["name"])))
            if entry is not None and id(entry) in index:
                index[id(entry)].append(change)
        return index

    def failed(self):
        return [c for c in self.changes if c.error]

    def summary(self, related):
        summary = dict((kind, dict((action, 0) for action in ACTIONS[kind])) for kind in KINDS)
        for change in self.changes:
            if not change.error and change.action in summary[change.kind]:
                summary[change.kind][change.action] += 1
        for kind in ("user", "group"):
            summary[kind]["unchanged"] = sum(
                1 for e in self.entries if e.kind == kind and not e.error and e.plan is not None and not e.plan.changed and not related[id(e)])
        summary["failed"] = len(self.failed())
        return summary

    def result(self):
        """changed, the result keys (summary, changes), the diffs, the warnings and the failures."""
        changed = any(not c.error for c in self.changes)
        warnings = ["{0}: {1}".format(e.label, w) for e in self.entries for w in e.warnings]
        failures = ["{0} {1!r}{2}: {3}".format(c.kind, c.name, self._where(c), c.error) for c in self.failed()]
        related = self.related()
        return changed, dict(summary=self.summary(related), changes=[c.as_dict() for c in self.changes]), self.diffs(related), warnings, failures

    @staticmethod
    def _where(change):
        if change.kind == "membership":
            return " in group {0!r}".format(change.extra["group"])
        if change.kind == "alias":
            return " alias {0}".format(change.extra["alias"])
        return " ({0}s[{1}])".format(change.kind, change.entry.index) if change.entry and change.entry.index is not None else ""

    def diffs(self, related):
        """One before/after per entry that changes, in the directory's own shape."""
        diffs = []
        member_of = {}
        for group in self.live["group"].values():
            for member in self.members.get(group[GROUP.id_member], []):
                member_of.setdefault(member["id"], set()).add(group["Name"])
        for entry in self.entries:
            if not related[id(entry)]:
                continue
            before, after = self.entity_shape(entry, related[id(entry)], member_of)
            diffs.append(dict(before_header="{0} {1}".format(entry.kind, entry.name), after_header="{0} {1}".format(entry.kind, entry.name),
                              before=before, after=after))
        return diffs

    def entity_shape(self, entry, related, member_of):
        """Before and after of the options ``entry`` manages, with its groups and aliases
        (``related``: the changes about it; ``member_of``: entity ID -> the groups it is in)."""
        plan_ = entry.plan
        before = dict((k, v) for k, v in (plan_.before if plan_ else {}).items() if k in entry.desired)
        outcome = entry.outcome or (plan_.outcome() if plan_ else None)
        after = dict((k, v) for k, v in (diff_after(outcome) if outcome else {}).items() if k in entry.desired)
        if entry.plan and entry.plan.before:
            before["name"] = entry.name
        if after or self.state != "absent":
            after["name"] = entry.name
        memberships = [c for c in related if c.kind == "membership" and not c.error]
        if entry.groups is not None or memberships:
            current = member_of.get(entry.existing_id, set())
            before["groups"] = sorted(current, key=_fold)
            added = set(c.extra["group"] for c in memberships if c.action == "add")
            removed = set(c.extra["group"] for c in memberships if c.action == "remove")
            after["groups"] = sorted((current | added) - removed, key=_fold)
        if entry.aliases is not None:
            current = self.current_aliases.get(entry.existing_id, [])
            adds = [c.extra["alias"] for c in related if c.kind == "alias" and c.action == "add" and not c.error]
            removes = [c.extra["alias"] for c in related if c.kind == "alias" and c.action == "remove" and not c.error]
            before["aliases"] = sorted(current, key=_fold)
            after["aliases"] = sorted(lists.apply_plan(current, adds, removes, key=_fold), key=_fold)
        if not plan_ or not plan_.before:
            before = {}
        if self.state == "absent" and plan_ and plan_.action == "delete":
            after = {}
        return before, after


def check_workers(workers):
    """Fail naming ``workers`` unless it is 1 or more."""
    if workers < 1:
        raise ParameterError("workers", "must be 1 or more, got {0}".format(workers))


def converge(ctx, params):
    """The directory module's task: ``params`` are its options. See ``Directory``."""
    options = dict((k, params[k]) for k in ("users", "groups", "state", "unlisted", "protect", "max_unlisted", "workers"))
    return Directory(ctx, **options).run().result()


def gather(ctx, workers=8):
    """The organization's users and groups in the shape the directory module takes (no password,
    no read-only field, unset fields left out), each with the groups it is directly in and its
    aliases. System users and resources are left out."""
    check_workers(workers)
    if ctx.organization_id is None:
        ctx.plan_calls(READ_CALLS)
        return {"users": [], "groups": []}
    api, org = ctx.api, ctx.organization_id
    with ThreadPoolExecutor(max_workers=workers) as pool:
        users, groups = pool.map(lambda read: read(org), (api.list_users, api.list_groups))
        users = [u for u in users if u.get("State") != "DELETED" and u.get("UserRole") not in UNTOUCHABLE_ROLES]
        groups = [g for g in groups if g.get("State") != "DELETED"]
        raws = list(pool.map(lambda u: USER.fetch(ctx, u["Id"]), users)) + list(pool.map(lambda g: GROUP.fetch(ctx, g["Id"]), groups))
        raws = [raw for raw in raws if raw]
        members = dict(zip((g["Id"] for g in groups), pool.map(lambda g: GROUP.members(ctx, g["Id"]), groups)))
        enabled = [raw for raw in raws if raw.get("State") == "ENABLED"]
        aliases = dict(zip((raw.get("UserId") or raw["GroupId"] for raw in enabled),
                           pool.map(lambda raw: api.list_aliases(org, raw.get("UserId") or raw["GroupId"]), enabled)))
    names = dict((g["Id"], g["Name"]) for g in groups)
    parents = {}
    for group_id, group_members in members.items():
        for member in group_members:
            parents.setdefault(member["id"], []).append(names[group_id])
    directory = {"users": [], "groups": []}
    for raw in raws:
        resource = USER if "UserId" in raw else GROUP
        entity_id = raw[resource.id_member]
        entry = resource.as_options(resource.to_resource(ctx, raw))
        entry["groups"] = sorted(parents.get(entity_id, []), key=_fold)
        entry["aliases"] = sorted(aliases.get(entity_id, []), key=_fold)
        directory[resource.name + "s"].append(entry)
    for kind in directory.values():
        kind.sort(key=lambda entry: _fold(entry["name"]))
    return directory
