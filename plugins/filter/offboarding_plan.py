# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: offboarding_plan
short_description: Say for each leaver who it is and which groups it is in
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
  - The role P(mailops.workmail.offboarding#role) uses it to remove the leavers from every group with one
    M(mailops.workmail.group_membership) call.
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
seealso:
  - module: mailops.workmail.user_info
  - module: mailops.workmail.group_info
"""

EXAMPLES = r"""
- name: Work out the leavers and their groups
  ansible.builtin.set_fact:
    leavers: "{{ lookups.results | mailops.workmail.offboarding_plan(groups=all_groups.groups) }}"

# gives, for example:
#   - {ref: jdoe, found: true, id: 4f1c..., name: jdoe, email: jdoe@example.com, enabled: true,
#      groups: [all-staff, finance], alias_of: null}
#   - {ref: nobody, found: false, id: null, name: null, email: null, enabled: false, groups: [], alias_of: null}
#   - {ref: tom@example.com, found: false, ..., alias_of: {id: 9b2e..., name: sofia, email: sofia@example.com}}
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
"""

from ansible.errors import AnsibleFilterError


def offboarding_plan(lookups, groups=None):
    if not isinstance(lookups, (list, tuple)):
        raise AnsibleFilterError("offboarding_plan: expects the results list of a user_info loop")
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
        plan.append(
            {
                "ref": ref,
                "found": bool(user),
                "id": user.get("id"),
                "name": user.get("name"),
                "email": user.get("email"),
                "enabled": bool(user.get("enabled")),
                "groups": member_of,
                "alias_of": alias_of,
            }
        )
    return plan


class FilterModule(object):
    def filters(self):
        return {"offboarding_plan": offboarding_plan}
