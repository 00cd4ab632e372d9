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
    steps of an offboarding run into one entry per leaver - the groups it left, the aliases removed or moved, the
    personal access tokens revoked and the mobile device access overrides removed, whether its password was reset and
    its mailbox kept enabled with full access for a successor, or disabled, and whether it was deleted. In check mode
    the same words describe what the run would do.
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
  passwords:
    description: The C(results) of the M(mailops.workmail.user) loop that reset the passwords of the leavers whose mailbox stays.
    type: list
    elements: dict
    default: []
  tokens:
    description: The C(results) of the M(mailops.workmail.personal_access_token) loop that revoked the leavers' tokens (looped over leavers).
    type: list
    elements: dict
    default: []
  overrides:
    description:
      - The C(results) of the M(mailops.workmail.mobile_device_access_override) loop that removed the leavers' overrides,
        looped over C(subelements('devices')) of the leavers (each C(item) a leaver and a device ID).
    type: list
    elements: dict
    default: []
  grants:
    description: The C(results) of the M(mailops.workmail.mailbox_permission) loop that gave the mailbox successor full access (looped over leavers).
    type: list
    elements: dict
    default: []
  mailbox_successor:
    description: The mailbox successor as given, for the report; empty when there is none.
    type: str
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
        password_reset:
          description: Whether its password was reset (to a random one nobody is told) by this run.
          type: bool
        tokens_revoked:
          description: How many of its personal access tokens were revoked.
          type: int
        device_overrides_removed:
          description: The device IDs whose mobile device access overrides were removed.
          type: list
          elements: str
        mailbox_kept:
          description: Whether its mailbox stays enabled for the mailbox successor.
          type: bool
        full_access_given_to:
          description: The mailbox successor that was given full access to its mailbox by this run, or null.
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


def _tokens(count):
    return "{0} personal access token{1} revoked".format(count, "" if count == 1 else "s")


def _mailbox(entry, leaver, mailbox_successor):
    """What became of the mailbox of a leaver found, when a mailbox successor was given; None otherwise."""
    if entry["mailbox_kept"]:
        if entry["full_access_given_to"]:
            return "mailbox kept enabled; full access given to " + mailbox_successor
        return "mailbox kept enabled; {0} already has full access".format(mailbox_successor)
    if mailbox_successor and not leaver.get("enabled"):
        return "mailbox already disabled, so no full access for " + mailbox_successor
    return None


def offboarding_report(leavers, memberships=None, aliases=None, moved_aliases=None, disabled=None, moved_primary=None, deleted=None, successor=None,
                       exports=None, passwords=None, tokens=None, overrides=None, grants=None, mailbox_successor=None):
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
        revoked = sum(len(r.get("personal_access_tokens") or []) for r in _for(tokens, lid) if r.get("changed"))
        devices = [r["item"][1] for r in _for(overrides, lid, key=lambda r: ((r.get("item") or [{}])[0] or {}).get("id")) if r.get("changed")]
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
            "password_reset": any(r.get("changed") for r in _for(passwords, lid)),
            "tokens_revoked": revoked,
            "device_overrides_removed": devices,
            "mailbox_kept": bool(leaver.get("keep_mailbox")),
            "full_access_given_to": mailbox_successor if any(r.get("changed") for r in _for(grants, lid)) else None,
            "disabled": any(r.get("changed") for r in _for(disabled, lid)),
            "deleted": any(r.get("changed") for r in _for(deleted, lid)),
        }
        entry["changed"] = bool(
            entry["groups_left"] or entry["aliases_removed"] or entry["primary_email_moved"] or entry["password_reset"] or entry["tokens_revoked"]
            or entry["device_overrides_removed"] or entry["full_access_given_to"] or entry["disabled"] or entry["deleted"]
        )
        people.append(entry)

        if not entry["found"]:
            lines.append("{0}: {1}; nothing to do".format(entry["leaver"], _not_found(leaver, successor)))
            continue
        done = []
        if entry["exported_to"] and entry["changed"]:
            done.append("mailbox exported" + ("" if entry["exported_to"] == "planned" else " to " + entry["exported_to"]))
        if entry["password_reset"]:
            done.append("password reset")
        if entry["groups_left"]:
            done.append("left " + ", ".join(entry["groups_left"]))
        if entry["aliases_removed"]:
            if entry["aliases_moved_to"]:
                done.append("aliases moved to {0}: {1}".format(successor, ", ".join(entry["aliases_removed"])))
            else:
                done.append("aliases removed: " + ", ".join(entry["aliases_removed"]))
        if entry["tokens_revoked"]:
            done.append(_tokens(entry["tokens_revoked"]))
        if entry["device_overrides_removed"]:
            done.append("mobile device overrides removed: " + ", ".join(entry["device_overrides_removed"]))
        mailbox = _mailbox(entry, leaver, mailbox_successor)
        if entry["disabled"]:
            done.append("mailbox disabled (WorkMail keeps it 30 days)")
        if entry["primary_email_moved"]:
            done.append("{0} now reaches {1}".format(entry["primary_email_moved"], successor))
        if entry["deleted"]:
            done.append("user deleted")
        if not done:
            lines.append("{0}: unchanged (already offboarded{1})".format(name, "; " + mailbox if mailbox and not entry["mailbox_kept"] else ""))
            continue
        if mailbox:
            done.append(mailbox)
        lines.append("{0}: {1}".format(name, "; ".join(done)))
    return {"people": people, "lines": lines}


class FilterModule(object):
    def filters(self):
        return {"offboarding_report": offboarding_report}
