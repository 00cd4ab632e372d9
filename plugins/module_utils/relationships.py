# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The relationships: group members, entity aliases, resource delegates and mailbox permissions.

Each has one owner (group_membership, alias, resource_delegate, mailbox_permission) and the one
list grammar of ``lists``:
present / absent / exact. Everything is resolved and checked before the first write, so a bad
name or a taken address fails with nothing half done. In check mode, entities an earlier task
would create are planned as placeholders instead of failing.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.mailops.workmail.plugins.module_utils import lists
from ansible_collections.mailops.workmail.plugins.module_utils.entities import GROUP
from ansible_collections.mailops.workmail.plugins.module_utils.entities import RESOURCE
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.resolve import refuse_empty
from ansible_collections.mailops.workmail.plugins.module_utils.validation import check

Change = namedtuple("Change", ["changed", "result", "before", "after"])


def _entity_key(entity):
    return entity["id"] or "name:" + entity["name"].lower()


def _names(entities):
    return sorted(e["name"] for e in entities)


def nesting_path(members_of, group, member):
    """The chain ``[member, ..., group]`` when ``member`` is ``group`` or already holds it, directly
    or through nested groups, so that adding ``member`` to ``group`` would make a group contain
    itself; None otherwise.

    ``members_of(key)`` gives the keys of the groups directly in the group ``key``; keys are
    whatever the caller uses (IDs, or names for groups still to be created).
    """
    parents = {member: None}
    stack = [member]
    while stack:
        key = stack.pop()
        if key == group:
            path = []
            while key is not None:
                path.append(key)
                key = parents[key]
            return path[::-1]
        for child in members_of(key):
            if child not in parents:
                parents[child] = key
                stack.append(child)
    return None


def reconcile_membership(ctx, groups, members, mode):
    """Make ``members`` (users or groups) members of each of ``groups`` as ``mode`` says.

    Returns a Change whose result is a list, one item per group: name, id, added, removed
    (member names) and members (the member names afterwards).
    """
    refuse_empty("groups", groups, types=("GROUP",))
    refuse_empty("members", members)
    planning = ctx.check_mode
    group_entities, missing_groups = ctx.resolver.resolve_all(groups, "groups", types=("GROUP",), planning=planning)
    currents = [(group, GROUP.members(ctx, group["id"]) if group["id"] else []) for group in group_entities]
    # Members already in a group are known by name and ID from its listing: only look up the others.
    listed = dict((key.lower(), member) for _group, current in currents for member in current for key in (member["id"], member["name"]))
    looked_up, missing_members = ctx.resolver.resolve_all([m for m in members if m.lower() not in listed], "members", planning=planning)
    member_entities = [listed[m.lower()] for m in members if m.lower() in listed] + looked_up
    if missing_groups or missing_members:
        ctx.warnings.append("Not found, assumed to be created by an earlier task: {0}".format(", ".join(missing_groups + missing_members)))

    plans = []
    for group, current in currents:
        if any(_entity_key(m) == _entity_key(group) for m in member_entities):
            raise ParameterError("members", "group {0!r} cannot be a member of itself".format(group["name"]))
        to_add, to_remove = lists.plan(current, member_entities, mode, key=_entity_key)
        plans.append((group, current, to_add, to_remove))
    _refuse_nesting_loops(ctx, plans)

    result, before, after = [], {}, {}
    if ctx.check_mode:
        ctx.plan_calls(_membership_calls(group_entities, plans))
    for group, current, to_add, to_remove in plans:
        if not ctx.check_mode:
            for member in to_remove:
                ctx.api.disassociate_member_from_group(ctx.organization_id, group["id"], member["id"])
            for member in to_add:
                ctx.api.associate_member_to_group(ctx.organization_id, group["id"], member["id"])
        for member in to_add:
            ctx.changed("membership", "{0} in {1}".format(member["name"], group["name"]), "create")
        for member in to_remove:
            ctx.changed("membership", "{0} in {1}".format(member["name"], group["name"]), "delete")
        members_after = lists.apply_plan(current, to_add, to_remove, key=_entity_key)
        before[group["name"]] = _names(current)
        after[group["name"]] = _names(members_after)
        result.append(
            {
                "name": group["name"],
                "id": group["id"],
                "added": _names(to_add),
                "removed": _names(to_remove),
                "members": _names(members_after),
            }
        )
    changed = any(item["added"] or item["removed"] for item in result)
    return Change(changed, result, before, after)


def _membership_calls(groups, plans):
    """What applying the membership ``plans`` would send, with the reads of groups still to be created."""
    calls = ["ListGroupMembers"] if any(group["id"] is None for group in groups) else []
    if any(to_remove for _group, _current, _to_add, to_remove in plans):
        calls.append("DisassociateMemberFromGroup")
    if any(to_add for _group, _current, to_add, _to_remove in plans):
        calls.append("AssociateMemberToGroup")
    return calls


def _may_be_group(entity):
    # In check mode an entity still to be created has no type yet: it may be a group.
    return entity["type"] in ("group", None)


def _refuse_nesting_loops(ctx, plans):
    """Refuse, before any write, an added group member that would make a group contain itself
    through a chain of nested groups.

    The groups of the task are taken as the plans leave them; other groups are read as needed
    (ListGroupMembers of member groups, recursively). A group still to be created (check mode)
    has no members yet.
    """
    names = {}
    members = {}
    for group, current, to_add, to_remove in plans:
        names[_entity_key(group)] = group["name"]
        members[_entity_key(group)] = [m for m in lists.apply_plan(current, to_add, to_remove, key=_entity_key) if _may_be_group(m)]
        names.update((_entity_key(m), m["name"]) for m in to_add)

    def members_of(key):
        if key not in members:
            # Keys are IDs, or "name:..." for a group still to be created.
            members[key] = [m for m in GROUP.members(ctx, key) if m["type"] == "group"] if not key.startswith("name:") else []
        for member in members[key]:
            names.setdefault(_entity_key(member), member["name"])
        return [_entity_key(member) for member in members[key]]

    for group, _current, to_add, _to_remove in plans:
        for member in to_add:
            path = nesting_path(members_of, _entity_key(group), _entity_key(member)) if _may_be_group(member) else None
            if path:
                steps = ["{0} contains {1}".format(names[path[0]], names[path[1]])] + [names[key] for key in path[2:]]
                raise ParameterError(
                    "members",
                    "adding group {0!r} to {1!r} would make {1!r} contain itself ({2})".format(
                        member["name"], group["name"], ", which contains ".join(steps)
                    ),
                )


def reconcile_aliases(ctx, entity_ref, aliases, mode):
    """Make ``aliases`` the aliases of the user or group ``entity_ref`` as ``mode`` says.

    Returns a Change whose result is a dict: entity (id, name, email, type), aliases (afterwards),
    added and removed.
    """
    for alias in aliases:
        check("aliases", alias, "CreateAlias", "Alias")
    if not entity_ref.strip():
        raise ParameterError("entity", "is empty; give a user or group by name, email address or ID")
    entities, missing = ctx.resolver.resolve_all([entity_ref], "entity", planning=ctx.check_mode)
    entity = entities[0]
    if missing:
        ctx.warnings.append("Entity {0!r} not found, assumed to be created by an earlier task".format(entity_ref))
    primary = (entity.get("email") or "").lower()
    if primary and primary in (a.lower() for a in aliases) and mode != "absent":
        raise ParameterError("aliases", "{0} is the primary address of {1!r}, not an alias".format(primary, entity["name"]))

    if entity["id"]:
        current = ctx.api.list_aliases(ctx.organization_id, entity["id"])
    else:
        current = []
        ctx.plan_calls(("ListAliases",))
    to_add, to_remove = lists.plan(current, aliases, mode, key=str.lower)
    if to_add:
        _check_addresses(ctx, entity, to_add)

    for alias in to_remove:
        ctx.changed("alias", alias, "delete")
    for alias in to_add:
        ctx.changed("alias", alias, "create")
    if to_add:
        ctx.provide([dict(type=entity["type"] or "entity", name=entity["name"], addresses=list(to_add))])
    if ctx.check_mode:
        ctx.plan_calls((["DeleteAlias"] if to_remove else []) + (["CreateAlias"] if to_add else []))
    else:
        for alias in to_remove:
            ctx.api.delete_alias(ctx.organization_id, entity["id"], alias)
        for alias in to_add:
            ctx.api.create_alias(ctx.organization_id, entity["id"], alias)
    after = lists.apply_plan(current, to_add, to_remove, key=str.lower)
    result = {"entity": entity, "aliases": sorted(after, key=str.lower), "added": to_add, "removed": to_remove}
    return Change(bool(to_add or to_remove), result, {"aliases": sorted(current, key=str.lower)}, {"aliases": result["aliases"]})


def _check_addresses(ctx, entity, addresses):
    """Refuse before any write the aliases that can't be added (in check mode, warn instead)."""
    problems = []
    if entity["id"] and not entity["enabled"]:
        problems.append("{0!r} is disabled; enable it before adding aliases".format(entity["name"]))
    problems.extend(ctx.address_problems(addresses, entity["id"]))
    ctx.refuse("aliases", problems)


def _known_by(entities):
    """{key: entity} for every ID, name and address of ``entities`` (case-insensitive keys)."""
    return dict((key.lower(), entity) for entity in entities for key in (entity["id"], entity["name"], entity.get("email")) if key)


def reconcile_delegates(ctx, resource_ref, delegates, mode):
    """Make ``delegates`` (users or groups) the delegates of the resource ``resource_ref`` as ``mode`` says.

    Returns a Change whose result is a dict: resource (id, name, email), delegates (names
    afterwards), added and removed (names).
    """
    if not (resource_ref or "").strip():
        raise ParameterError("resource", "is empty; give a resource by name, email address or ID")
    refuse_empty("delegates", delegates)
    resources, missing = ctx.resolver.resolve_all([resource_ref], "resource", types=("RESOURCE",), planning=ctx.check_mode)
    resource = resources[0]
    if resource["id"]:
        current = RESOURCE.delegates(ctx, resource["id"])
    else:
        current = []
        ctx.plan_calls(("ListResourceDelegates",))
    # Delegates already there are known by name, address and ID from the listing: only look up the others.
    listed = _known_by(current)
    looked_up, missing_delegates = ctx.resolver.resolve_all([d for d in delegates if d.lower() not in listed], "delegates", planning=ctx.check_mode)
    wanted = [listed[d.lower()] for d in delegates if d.lower() in listed] + looked_up
    if missing or missing_delegates:
        ctx.warnings.append("Not found, assumed to be created by an earlier task: {0}".format(", ".join(missing + missing_delegates)))
    to_add, to_remove = lists.plan(current, wanted, mode, key=_entity_key)

    label = resource["name"]
    for delegate in to_add:
        ctx.changed("resource_delegate", "{0} for {1}".format(delegate["name"], label), "create")
    for delegate in to_remove:
        ctx.changed("resource_delegate", "{0} for {1}".format(delegate["name"], label), "delete")
    if ctx.check_mode:
        ctx.plan_calls((["DisassociateDelegateFromResource"] if to_remove else []) + (["AssociateDelegateToResource"] if to_add else []))
    else:
        for delegate in to_remove:
            ctx.api.disassociate_delegate_from_resource(ctx.organization_id, resource["id"], delegate["id"])
        for delegate in to_add:
            ctx.api.associate_delegate_to_resource(ctx.organization_id, resource["id"], delegate["id"])
    after = lists.apply_plan(current, to_add, to_remove, key=_entity_key)
    result = {
        "resource": {"id": resource["id"], "name": resource["name"], "email": resource.get("email")},
        "delegates": _names(after),
        "added": _names(to_add),
        "removed": _names(to_remove),
    }
    return Change(bool(to_add or to_remove), result, {"delegates": _names(current)}, {"delegates": result["delegates"]})


MAILBOX_TYPES = ("USER", "GROUP", "RESOURCE")
PERMISSIONS = ("full_access", "send_as", "send_on_behalf")
"""The mailbox permissions, in the order the service lists them."""


def _permissions(values):
    """``values`` as the module gives permissions: lower case, once each, in the service's order."""
    values = set(value.lower() for value in values)
    return [permission for permission in PERMISSIONS if permission in values]


def mailbox_grants(ctx, owner_id):
    """The grants on the mailbox of ``owner_id``: {grantee (an entity as the resolver gives it),
    permissions}, in the order the service lists them."""
    grants = []
    for permission in ctx.api.list_mailbox_permissions(ctx.organization_id, owner_id):
        grantee = ctx.resolver.resolve(permission["GranteeId"], types=MAILBOX_TYPES) or {
            "id": permission["GranteeId"], "name": permission["GranteeId"], "email": None,
            "type": (permission.get("GranteeType") or "").lower(), "enabled": None,
        }
        grants.append({"grantee": grantee, "permissions": _permissions(permission.get("PermissionValues") or [])})
    return grants


def _grant_list(grants):
    """Grants as the module takes them, by grantee name."""
    return sorted(({"grantee": grant["grantee"]["name"], "permissions": list(grant["permissions"])} for grant in grants if grant["permissions"]),
                  key=lambda grant: grant["grantee"].lower())


def check_grants(grants, mode):
    """Refuse, naming the item, a grant whose permissions can't do what ``mode`` says."""
    for index, grant in enumerate(grants):
        if not (grant.get("grantee") or "").strip():
            raise ParameterError("grants[{0}].grantee".format(index), "is empty; give a user, group or resource by name, email address or ID")
        if mode != "absent" and not grant.get("permissions"):
            raise ParameterError(
                "grants[{0}].permissions".format(index),
                "is empty; give at least one of {0} (state=absent removes permissions)".format(", ".join(PERMISSIONS)),
            )


def reconcile_mailbox_permissions(ctx, entity_ref, grants, mode):
    """Make ``grants`` ({grantee, permissions} each) the permissions on the mailbox of the user, group
    or resource ``entity_ref`` as ``mode`` says: ``present`` adds the listed permissions, ``absent``
    removes them (all of the grantee's when a grant lists none), ``exact`` makes every grantee's
    permissions exactly the listed ones and removes those of grantees not listed.

    Returns a Change whose result is a dict: entity (id, name, email, type), grants (afterwards),
    added and removed (the permissions each grantee gains or loses).
    """
    if not (entity_ref or "").strip():
        raise ParameterError("entity", "is empty; give a user, group or resource by name, email address or ID")
    check_grants(grants, mode)
    owners, missing = ctx.resolver.resolve_all([entity_ref], "entity", types=MAILBOX_TYPES, planning=ctx.check_mode)
    owner = owners[0]
    if owner["id"]:
        current = mailbox_grants(ctx, owner["id"])
    else:
        current = []
        ctx.plan_calls(("ListMailboxPermissions",))
    listed = _known_by(grant["grantee"] for grant in current)
    refs = [grant["grantee"] for grant in grants]
    looked_up, missing_grantees = ctx.resolver.resolve_all([ref for ref in refs if ref.lower() not in listed], "grants", types=MAILBOX_TYPES,
                                                           planning=ctx.check_mode)
    found = dict((ref.lower(), entity) for ref, entity in zip([ref for ref in refs if ref.lower() not in listed], looked_up))
    found.update(listed)
    if missing or missing_grantees:
        ctx.warnings.append("Not found, assumed to be created by an earlier task: {0}".format(", ".join(missing + missing_grantees)))

    wanted = {}
    for grant in grants:
        grantee = found[grant["grantee"].lower()]
        key = _entity_key(grantee)
        if key == _entity_key(owner):
            raise ParameterError("grants", "{0!r} owns the mailbox; give permissions to other users, groups or resources".format(grant["grantee"]))
        if key in wanted:
            raise ParameterError("grants", "{0!r} is listed twice; give each grantee once, with all its permissions".format(grantee["name"]))
        wanted[key] = (grantee, None if grant.get("permissions") is None else set(_permissions(grant["permissions"])))

    have = dict((_entity_key(grant["grantee"]), (grant["grantee"], set(grant["permissions"]))) for grant in current)
    after, added, removed, writes = {}, [], [], []
    for key in list(have) + [key for key in wanted if key not in have]:
        grantee, old = have.get(key, (wanted.get(key, (None,))[0], set()))
        new = set(old)
        if key in wanted:
            listed_permissions = wanted[key][1]
            if mode == "present":
                new = old | listed_permissions
            elif mode == "absent":
                new = set() if listed_permissions is None else old - listed_permissions
            else:
                new = listed_permissions
        elif mode == "exact":
            new = set()
        after[key] = {"grantee": grantee, "permissions": _permissions(new)}
        if new == old:
            continue
        if new - old:
            added.append({"grantee": grantee["name"], "permissions": _permissions(new - old)})
        if old - new:
            removed.append({"grantee": grantee["name"], "permissions": _permissions(old - new)})
        writes.append((grantee, _permissions(new), "delete" if not new else ("create" if not old else "update")))

    label = owner["name"]
    for grantee, _new, action in writes:
        ctx.changed("mailbox_permission", "{0} on {1}".format(grantee["name"], label), action)
    if ctx.check_mode:
        ctx.plan_calls(sorted(set("DeleteMailboxPermissions" if not new else "PutMailboxPermissions" for _grantee, new, _action in writes)))
    else:
        for grantee, new, _action in writes:
            if new:
                ctx.api.put_mailbox_permissions(ctx.organization_id, owner["id"], grantee["id"], [value.upper() for value in new])
            else:
                ctx.api.delete_mailbox_permissions(ctx.organization_id, owner["id"], grantee["id"])
    result = {
        "entity": {"id": owner["id"], "name": owner["name"], "email": owner.get("email"), "type": owner.get("type")},
        "grants": _grant_list(after.values()),
        "added": sorted(added, key=lambda grant: grant["grantee"].lower()),
        "removed": sorted(removed, key=lambda grant: grant["grantee"].lower()),
    }
    return Change(bool(writes), result, {"grants": _grant_list(current)}, {"grants": result["grants"]})


def gather_mailbox_permissions(ctx, entity_ref=None):
    """The permissions on the mailbox of ``entity_ref`` (a user, group or resource by name, email or
    ID), or on every mailbox that has some: a list of {entity, grants}, the shape the
    mailbox_permission module takes."""
    if entity_ref is not None:
        if not entity_ref.strip():
            raise ParameterError("entity", "is empty; give a user, group or resource by name, email address or ID")
        owners, _missing = ctx.resolver.resolve_all([entity_ref], "entity", types=MAILBOX_TYPES)
    elif ctx.organization_id is None:
        ctx.plan_calls(("ListUsers", "ListGroups", "ListResources", "ListMailboxPermissions"))
        return []
    else:
        api, org = ctx.api, ctx.organization_id
        summaries = api.list_users(org) + api.list_groups(org) + api.list_resources(org)
        owners = [{"id": summary["Id"], "name": summary["Name"]} for summary in summaries if summary.get("State") != "DELETED"]
    found = []
    for owner in owners:
        grants = _grant_list(mailbox_grants(ctx, owner["id"])) if owner["id"] else []
        if grants or entity_ref is not None:
            found.append({"entity": owner["name"], "grants": grants})
    return found
