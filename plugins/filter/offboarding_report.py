# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: offboarding_report
short_description: Say per leaver what an offboarding run did
version_added: 0.1.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - Combines the leavers (from P(mailops.workmail.offboarding_plan#filter)) and the registered results of the
    steps of an offboarding run into one entry per leaver - the groups it left, the aliases removed or moved, whether
    its mailbox was disabled and whether it was deleted. In check mode the same words describe what the run would do.
  - A leaver that was not found reads as nothing to do, with the likely reason - given by name or ID, already deleted
    (or never existed); given by email, the address is no user's primary address, because the leaver was already
    offboarded (a disabled user has no address) or it never was one, and when a user has it as an alias (the
    successor, after an offboarding that moved it), which one.
  - The role P(mailops.workmail.offboarding#role) prints it at the end of each run.
options:
  _input:
    description: The leavers, as P(mailops.workmail.offboarding_plan#filter) returns them.
    type: list
    elements: dict
    required: true
  memberships:
    description: RV(mailops.workmail.group_membership#module:groups) of the task that removed the leavers from their groups.
    type: list
    elements: dict
    default: []
  aliases:
    description: The C(results) of the M(mailops.workmail.alias) loop that removed the leavers' aliases (looped over leavers).
    type: list
    elements: dict
    default: []
  moved_aliases:
    description: The C(results) of the M(mailops.workmail.alias) loop that gave them to the successor (looped over O(aliases)).
    type: list
    elements: dict
    default: []
  disabled:
    description: The C(results) of the M(mailops.workmail.user) loop that disabled the leavers.
    type: list
    elements: dict
    default: []
  moved_primary:
    description: The C(results) of the M(mailops.workmail.alias) loop that gave the former primary addresses to the successor.
    type: list
    elements: dict
    default: []
  deleted:
    description: The C(results) of the M(mailops.workmail.user) loop that deleted the leavers.
    type: list
    elements: dict
    default: []
  successor:
    description: The successor as given, for the report.
    type: str
  exports:
    description: RV(mailops.workmail.mailbox_export#module:exports) of the task that exported the leavers' mailboxes
      (each entity given by user name).
    type: list
    elements: dict
    default: []
seealso:
  - plugin: mailops.workmail.offboarding_plan
    plugin_type: filter
"""

EXAMPLES = r"""
- name: Report per leaver
  ansible.builtin.debug:
    msg: >-
      {{ (leavers | mailops.workmail.offboarding_report(memberships=left.groups, aliases=dropped.results,
                                                        disabled=disabled.results)).lines }}
"""

RETURN = r"""
_value:
  description: The report.
  type: dict
  contains:
    people:
      description: One entry per leaver, in the order given.
      type: list
      elements: dict
      contains:
        leaver:
          description: The leaver as given.
          type: str
        name:
          description: The user name (null when not found).
          type: str
        found:
          description: Whether the user exists.
          type: bool
        groups_left:
          description: The groups it was removed from.
          type: list
          elements: str
        aliases_removed:
          description: The aliases taken off the leaver.
          type: list
          elements: str
        aliases_moved_to:
          description: The successor that got them, or null.
          type: str
        primary_email_moved:
          description: The former primary address the successor got, or null.
          type: str
        exported_to:
          description: Where its mailbox was exported, C(BUCKET/KEY) (V(planned) in check mode), or null when it was not.
          type: str
        disabled:
          description: Whether its mailbox was disabled by this run.
          type: bool
        deleted:
          description: Whether it was deleted by this run.
          type: bool
        changed:
          description: Whether anything changed for this leaver.
          type: bool
    lines:
      description: The report as text, one line per leaver, to print.
      type: list
      elements: str
"""

from ansible.errors import AnsibleFilterError


def _for(results, leaver_id, key=lambda r: (r.get("item") or {}).get("id")):
    return [r for r in results or [] if isinstance(r, dict) and key(r) == leaver_id and not r.get("skipped")]


def _not_found(leaver, successor):
    """Why nobody was found for ``leaver``, and what its address is now when it was an email."""
    if "@" not in (leaver.get("ref") or ""):
        return "not found (already deleted, or never existed)"
    holder = leaver.get("alias_of")
    if not holder:
        # A disabled user has no address: an offboarded leaver given by email ends up here.
        return "not found as a primary address (already offboarded, or never one)"
    if successor and successor.lower() in [(holder.get(key) or "").lower() for key in ("id", "name", "email")]:
        return "not found as a primary address (it is an alias of {0}, the successor: already offboarded)".format(holder.get("name"))
    return "not found as a primary address (it is an alias of {0})".format(holder.get("name"))


def _exported_to(exports, name):
    """Where the mailbox of the user ``name`` was exported (or "planned"), or None."""
    for export in exports or []:
        if name and (export.get("entity") or "").lower() == name.lower() and export.get("state") in ("completed", "would_start"):
            return export.get("s3_path") or "planned"
    return None


def offboarding_report(leavers, memberships=None, aliases=None, moved_aliases=None, disabled=None, moved_primary=None, deleted=None, successor=None,
                       exports=None):
    if not isinstance(leavers, (list, tuple)):
        raise AnsibleFilterError("offboarding_report: expects the leavers list of offboarding_plan")
    people, lines = [], []
    for leaver in leavers:
        lid, name = leaver.get("id"), leaver.get("name")
        removed = []
        for result in _for(aliases, lid):
            removed.extend((result.get("aliases") or {}).get("removed") or [])
        moved = any(r.get("changed") for r in _for(moved_aliases, lid, key=lambda r: ((r.get("item") or {}).get("item") or {}).get("id")))
        primary = [r for r in _for(moved_primary, lid) if r.get("changed")]
        entry = {
            "leaver": leaver.get("ref"),
            "name": name,
            "found": bool(leaver.get("found")),
            "groups_left": sorted(
                (g.get("name") for g in memberships or [] if name and name.lower() in [m.lower() for m in g.get("removed") or []]),
                key=str.lower,
            ),
            "aliases_removed": sorted(removed, key=str.lower),
            "aliases_moved_to": successor if (moved and successor) else None,
            "primary_email_moved": leaver.get("email") if primary else None,
            "exported_to": _exported_to(exports, name),
            "disabled": any(r.get("changed") for r in _for(disabled, lid)),
            "deleted": any(r.get("changed") for r in _for(deleted, lid)),
        }
        entry["changed"] = bool(
            entry["groups_left"] or entry["aliases_removed"] or entry["primary_email_moved"] or entry["disabled"] or entry["deleted"]
        )
        people.append(entry)

        if not entry["found"]:
            lines.append("{0}: {1}; nothing to do".format(entry["leaver"], _not_found(leaver, successor)))
            continue
        done = []
        if entry["exported_to"] and entry["changed"]:
            done.append("mailbox exported" + ("" if entry["exported_to"] == "planned" else " to " + entry["exported_to"]))
        if entry["groups_left"]:
            done.append("left " + ", ".join(entry["groups_left"]))
        if entry["aliases_removed"]:
            if entry["aliases_moved_to"]:
                done.append("aliases moved to {0}: {1}".format(successor, ", ".join(entry["aliases_removed"])))
            else:
                done.append("aliases removed: " + ", ".join(entry["aliases_removed"]))
        if entry["disabled"]:
            done.append("mailbox disabled (WorkMail keeps it 30 days)")
        if entry["primary_email_moved"]:
            done.append("{0} now reaches {1}".format(entry["primary_email_moved"], successor))
        if entry["deleted"]:
            done.append("user deleted")
        lines.append("{0}: {1}".format(name, "; ".join(done) if done else "unchanged (already offboarded)"))
    return {"people": people, "lines": lines}


class FilterModule(object):
    def filters(self):
        return {"offboarding_report": offboarding_report}
