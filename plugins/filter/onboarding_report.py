# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: onboarding_report
short_description: Say per person what an onboarding run created or changed
version_added: 0.1.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - Combines the registered results of the user, group membership and alias tasks of an onboarding run
    into one entry per person, with a status of V(created), V(changed) or V(unchanged) and what changed.
  - A person is V(created) when the user did not exist before the run (per O(existing)), V(changed) when
    the user's options, groups or aliases changed, V(unchanged) otherwise. In check mode the same words
    describe what the run would do.
  - The role M(mailops.workmail.onboarding) prints it at the end of each run.
options:
  _input:
    description: The registered result of the M(mailops.workmail.user) loop (its C(results) list).
    type: list
    elements: dict
    required: true
  existing:
    description:
      - The users that existed before the run, for example RV(mailops.workmail.user_info#module:users).
      - When unset, only check mode tells a creation from a change (a user it would create has no ID yet);
        otherwise a created user counts as V(changed).
    type: list
    elements: dict
  memberships:
    description: The C(results) of the M(mailops.workmail.group_membership) loop.
    type: list
    elements: dict
    default: []
  aliases:
    description: The C(results) of the M(mailops.workmail.alias) loop.
    type: list
    elements: dict
    default: []
seealso:
  - plugin: mailops.workmail.onboarding_users
    plugin_type: lookup
"""

EXAMPLES = r"""
- name: Report per person
  ansible.builtin.debug:
    msg: "{{ report.lines }}"
  vars:
    report: >-
      {{ user_results.results | mailops.workmail.onboarding_report(existing=before.users,
           memberships=membership_results.results, aliases=alias_results.results) }}
"""

RETURN = r"""
_value:
  description: The report.
  type: dict
  contains:
    people:
      description: One entry per person, in the order of the user task.
      type: list
      elements: dict
      contains:
        name:
          description: The user name.
          type: str
        status:
          description: V(created), V(changed) or V(unchanged).
          type: str
        fields:
          description: The user options that changed (known only with C(--diff); empty otherwise).
          type: list
          elements: str
        groups_added:
          description: The groups the person joined.
          type: list
          elements: str
        aliases_added:
          description: The aliases the person got.
          type: list
          elements: str
    created:
      description: How many people were created.
      type: int
    changed:
      description: How many existing people changed.
      type: int
    unchanged:
      description: How many people were already as described.
      type: int
    lines:
      description: The report as text, one line per person and a total, to print.
      type: list
      elements: str
"""

from ansible.errors import AnsibleFilterError

# Returned by the user module but never set by a person: left out of "fields".
READ_ONLY = ("id", "state", "enabled_date", "disabled_date", "mailbox_size")


def _changed_fields(result):
    diff = result.get("diff") or {}
    before, after = diff.get("before") or {}, diff.get("after") or {}
    if not before:
        return []
    return sorted(k for k in set(before) | set(after) if k not in READ_ONLY and before.get(k) != after.get(k))


def _results(value, option):
    if value is None:
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(r, dict) for r in value):
        raise AnsibleFilterError("onboarding_report: {0} must be a list of task results".format(option))
    return value


def onboarding_report(user_results, existing=None, memberships=None, aliases=None):
    user_results = _results(user_results, "the input")
    # Without the users that existed before, only check mode can tell a creation (its user has no ID yet).
    existing_names = None if existing is None else set((u.get("name") or "").lower() for u in _results(existing, "existing"))

    joined = {}
    for result in _results(memberships, "memberships"):
        for group in result.get("groups") or []:
            for member in group.get("added") or []:
                joined.setdefault(member.lower(), []).append(group.get("name"))
    got = {}
    for result in _results(aliases, "aliases"):
        person = result.get("item") or {}
        added = (result.get("aliases") or {}).get("added") or []
        if person.get("name"):
            got.setdefault(person["name"].lower(), []).extend(added)

    people, details = [], []
    for result in user_results:
        person = result.get("item") or {}
        name = person.get("name") or (result.get("user") or {}).get("name")
        if not name:
            raise AnsibleFilterError("onboarding_report: a user result has no item with a name")
        user = result.get("user") or {}
        user_changed = bool(result.get("changed"))
        created = user_changed and (user.get("id") is None or (existing_names is not None and name.lower() not in existing_names))
        entry = {
            "name": name,
            "fields": [] if created else _changed_fields(result),
            "groups_added": sorted(joined.get(name.lower(), []), key=str.lower),
            "aliases_added": sorted(got.get(name.lower(), []), key=str.lower),
        }
        if created:
            entry["status"] = "created"
        elif user_changed or entry["groups_added"] or entry["aliases_added"]:
            entry["status"] = "changed"
        else:
            entry["status"] = "unchanged"
        people.append(entry)

        said = []
        if entry["fields"]:
            said.append("fields: " + ", ".join(entry["fields"]))
        elif user_changed and not created:
            said.append("user options updated")
        if entry["groups_added"]:
            said.append("joined: " + ", ".join(entry["groups_added"]))
        if entry["aliases_added"]:
            said.append("aliases: " + ", ".join(entry["aliases_added"]))
        details.append("; ".join(said))

    counts = dict((status, sum(1 for p in people if p["status"] == status)) for status in ("created", "changed", "unchanged"))
    width = max([len(p["name"]) for p in people] + [4])
    lines = ["{0:<{1}}  {2:<9}  {3}".format(p["name"], width, p["status"], said).rstrip() for p, said in zip(people, details)]
    lines.append("{created} created, {changed} changed, {unchanged} unchanged".format(**counts))
    report = dict(counts)
    report.update(people=people, lines=lines)
    return report


class FilterModule(object):
    def filters(self):
        return {"onboarding_report": onboarding_report}
