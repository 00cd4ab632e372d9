# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: offboarding_plan
short_description: Say for each leaver who it is, what it still holds, and whether it is already offboarded
version_added: 0.1.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - Takes the registered results of a M(mailops.workmail.user_info) loop over the leavers (one lookup per
    leaver) and the groups with their members from M(mailops.workmail.group_info) (with C(include_members=true)),
    and returns one entry per leaver with the user found (if any) and the names of the groups it is a direct
    member of.
  - A leaver given by email is the user whose primary address it is, and no one else. M(mailops.workmail.user_info)
    also finds the user that has the address as an alias; such a user is not the leaver (the entry is not found,
    and C(alias_of) names that user). After an offboarding, a leaver's address is nobody's primary address
    any more (a disabled user has none; a successor may have it as an alias), so a rerun finds nobody to change.
  - With the registered results of the M(mailops.workmail.personal_access_token_info),
    M(mailops.workmail.mobile_device_access_override_info) and M(mailops.workmail.mailbox_permission_info) loops over
    the leavers found, each entry also lists the leaver's personal access tokens and the devices it has overrides for,
    and, with O(mailbox_successor), whether its mailbox stays enabled for the successor and whether the successor
    already has full access to it.
  - C(offboarded) says whether a leaver found has nothing left to do. A leaver whose mailbox stays (O(mailbox_successor)
    and an enabled user) is offboarded when it is in no group, has no alias, no token and no device override, and the
    successor has full access to its mailbox; any other leaver when it is disabled, in no group, with no token and no
    device override (deleting it is not counted).
  - The role P(mailops.workmail.offboarding#role) uses it to remove the leavers from every group with one
    M(mailops.workmail.group_membership) call, and to reset the password of a leaver whose mailbox stays only when
    the run has something else to do for it.
options:
  _input:
    description: The C(results) of the M(mailops.workmail.user_info) loop; each has C(item) (the leaver as given) and C(users).
    type: list
    elements: dict
    required: true
  groups:
    description: The groups with their C(members), as RV(mailops.workmail.group_info#module:groups) returns them.
    type: list
    elements: dict
    default: []
  tokens:
    description:
      - The C(results) of a M(mailops.workmail.personal_access_token_info) loop over the leavers found (each C(item) a
        leaver of this filter, with its C(id)).
    type: list
    elements: dict
    default: []
  overrides:
    description:
      - The C(results) of a M(mailops.workmail.mobile_device_access_override_info) loop over the leavers found (each
        C(item) a leaver, with its C(id)).
    type: list
    elements: dict
    default: []
  permissions:
    description:
      - The C(results) of a M(mailops.workmail.mailbox_permission_info) loop over the enabled leavers (each C(item) a
        leaver, with its C(id)).
    type: list
    elements: dict
    default: []
  mailbox_successor:
    description:
      - The user or group that gets full access to the leavers' mailboxes, as M(mailops.workmail.user_info) or
        M(mailops.workmail.group_info) returns it (its C(name) is compared with the grantees of O(permissions)).
      - Null or empty - no mailbox successor; every leaver's mailbox is to be disabled.
    type: dict
seealso:
  - module: mailops.workmail.user_info
  - module: mailops.workmail.group_info
  - module: mailops.workmail.personal_access_token_info
  - module: mailops.workmail.mobile_device_access_override_info
  - module: mailops.workmail.mailbox_permission_info
"""

EXAMPLES = r"""
- name: Work out the leavers and their groups
  ansible.builtin.set_fact:
    leavers: "{{ lookups.results | mailops.workmail.offboarding_plan(groups=all_groups.groups) }}"

# gives, for example:
#   - {ref: jdoe, found: true, id: 4f1c..., name: jdoe, email: jdoe@example.com, enabled: true,
#      groups: [all-staff, finance], alias_of: null, aliases: [], tokens: [], devices: [],
#      keep_mailbox: false, full_access: false, offboarded: false}
#   - {ref: nobody, found: false, id: null, name: null, email: null, enabled: false, groups: [], alias_of: null, ...}
#   - {ref: tom@example.com, found: false, ..., alias_of: {id: 9b2e..., name: sofia, email: sofia@example.com}}

- name: The same, with what each leaver still holds and a successor that keeps the mailboxes open
  ansible.builtin.set_fact:
    leavers: >-
      {{ lookups.results | mailops.workmail.offboarding_plan(groups=all_groups.groups, tokens=tokens.results,
                                                             overrides=overrides.results, permissions=permissions.results,
                                                             mailbox_successor=successor.users[0]) }}
"""

RETURN = r"""
_value:
  description: One entry per leaver, in the order given.
  type: list
  elements: dict
  contains:
    ref:
      description: The leaver as given (name, email or ID).
      type: str
    found:
      description: Whether a user was found (given by email, a user whose primary address it is).
      type: bool
    id:
      description: The user ID (null when not found).
      type: str
    name:
      description: The user name (null when not found).
      type: str
    email:
      description: The primary address (null when not found or disabled).
      type: str
    enabled:
      description: Whether the user has a mailbox.
      type: bool
    groups:
      description: Names of the groups the user is a direct member of, sorted.
      type: list
      elements: str
    alias_of:
      description:
        - For a leaver given by an email that is no user's primary address, the user that has it as an alias (not the
          leaver, never offboarded for it); null otherwise.
      type: dict
      contains:
        id:
          description: The user ID.
          type: str
        name:
          description: The user name.
          type: str
        email:
          description: Its primary address.
          type: str
    aliases:
      description: The user's aliases, sorted.
      type: list
      elements: str
    tokens:
      description: The IDs of the user's personal access tokens (empty without O(tokens)).
      type: list
      elements: str
    devices:
      description: The device IDs of the user's mobile device access overrides (empty without O(overrides)).
      type: list
      elements: str
    keep_mailbox:
      description: Whether the mailbox stays enabled for O(mailbox_successor) (an enabled user and a mailbox successor).
      type: bool
    full_access:
      description: Whether O(mailbox_successor) already has full access to the mailbox (false when the mailbox does not stay).
      type: bool
    offboarded:
      description: Whether a leaver found has nothing left to do (see the description); false when not found.
      type: bool
"""

from ansible.errors import AnsibleFilterError


def _by_leaver(results, key):
    """The ``key`` list of each looped result, by the ID of the leaver it was read for."""
    found = {}
    for result in results or []:
        if isinstance(result, dict) and not result.get("skipped") and isinstance(result.get("item"), dict):
            found[result["item"].get("id")] = result.get(key) or []
    return found


def _has_full_access(permissions, successor):
    """Whether ``successor`` (a user or group) is among the grantees with full access of ``permissions``."""
    name = (successor.get("name") or "").lower()
    return any(
        (grant.get("grantee") or "").lower() == name and "full_access" in (grant.get("permissions") or [])
        for mailbox in permissions
        for grant in mailbox.get("grants") or []
    )


def offboarding_plan(lookups, groups=None, tokens=None, overrides=None, permissions=None, mailbox_successor=None):
    if not isinstance(lookups, (list, tuple)):
        raise AnsibleFilterError("offboarding_plan: expects the results list of a user_info loop")
    tokens, overrides = _by_leaver(tokens, "personal_access_tokens"), _by_leaver(overrides, "mobile_device_access_overrides")
    permissions = _by_leaver(permissions, "mailbox_permissions")
    plan, seen = [], set()
    for result in lookups:
        if not isinstance(result, dict) or "item" not in result:
            raise AnsibleFilterError("offboarding_plan: each result needs the looped 'item'")
        ref = result["item"]
        users = result.get("users") or []
        user = users[0] if users else {}
        alias_of = None
        if user and "@" in ref and (user.get("email") or "").lower() != ref.lower():
            # The address is one of this user's aliases: not the leaver (see DOCUMENTATION).
            alias_of = {"id": user.get("id"), "name": user.get("name"), "email": user.get("email")}
            user = {}
        if user.get("id") in seen:
            continue  # the same person given twice (name and email, say)
        if user:
            seen.add(user["id"])
        member_of = sorted(
            (g.get("name") for g in groups or [] if user and any(m.get("id") == user["id"] for m in g.get("members") or [])),
            key=lambda name: name.lower(),
        )
        leaver = {
            "ref": ref,
            "found": bool(user),
            "id": user.get("id"),
            "name": user.get("name"),
            "email": user.get("email"),
            "enabled": bool(user.get("enabled")),
            "groups": member_of,
            "alias_of": alias_of,
            "aliases": sorted(user.get("aliases") or [], key=str.lower),
            "tokens": [token.get("token_id") for token in tokens.get(user.get("id"), [])] if user else [],
            "devices": [override.get("device_id") for override in overrides.get(user.get("id"), [])] if user else [],
        }
        # A disabled mailbox cannot be opened by anyone, so only an enabled one stays for the successor.
        leaver["keep_mailbox"] = bool(mailbox_successor) and leaver["enabled"]
        leaver["full_access"] = leaver["keep_mailbox"] and _has_full_access(permissions.get(user.get("id"), []), mailbox_successor)
        holds = leaver["groups"] or leaver["tokens"] or leaver["devices"]
        if leaver["keep_mailbox"]:
            # The successor's full access is the last change of a run: a leaver that has it and holds nothing else is done.
            leaver["offboarded"] = not (holds or leaver["aliases"]) and leaver["full_access"]
        else:
            leaver["offboarded"] = leaver["found"] and not (holds or leaver["enabled"])
        plan.append(leaver)
    return plan


class FilterModule(object):
    def filters(self):
        return {"offboarding_plan": offboarding_plan}
