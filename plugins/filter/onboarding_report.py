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
  - Turns the result of the M(mailops.workmail.directory) task of an onboarding run into one entry per person,
    with a status of V(created), V(changed), V(unchanged) or V(failed) and what changed.
  - A person is V(created) when the user is created, V(changed) when its options, groups or aliases change,
    V(failed) when any change of the person failed, V(unchanged) otherwise. In check mode the same words
    describe what the run would do.
  - The role P(mailops.workmail.onboarding#role) prints it at the end of each run.
options:
  _input:
    description: The people, each a dictionary with at least C(name) (for example from the P(mailops.workmail.onboarding_users#lookup) lookup).
    type: list
    elements: dict
    required: true
  directory:
    description: The registered result of the M(mailops.workmail.directory) task (its RV(mailops.workmail.directory#module:changes) are read).
    type: dict
    required: true
  resources:
    description:
      - The registered results of the tasks that loop M(mailops.workmail.resource) and M(mailops.workmail.resource_delegate)
        over the rooms and equipment (each item the resource, with its C(name)), in the order they ran.
      - A resource is V(created) when the resource is created, V(changed) when its options or delegates change,
        V(failed) when one of its tasks failed, V(unchanged) otherwise.
    type: list
    elements: dict
    default: []
    version_added: 0.2.0
  mailbox_permissions:
    description:
      - The registered result of the task that loops M(mailops.workmail.mailbox_permission) over the mailboxes (each
        item with its C(entity)).
      - A mailbox is V(changed) when permissions on it are granted or revoked, V(failed) when its task failed,
        V(unchanged) otherwise.
    type: dict
    version_added: 0.2.0
seealso:
  - plugin: mailops.workmail.onboarding_users
    plugin_type: lookup
  - module: mailops.workmail.directory
  - module: mailops.workmail.resource
  - module: mailops.workmail.resource_delegate
  - module: mailops.workmail.mailbox_permission
"""

EXAMPLES = r"""
- name: Report per person
  ansible.builtin.debug:
    msg: "{{ (people | mailops.workmail.onboarding_report(directory=converged)).lines }}"
"""

RETURN = r"""
_value:
  description: The report.
  type: dict
  contains:
    people:
      description: One entry per person, in the order given.
      type: list
      elements: dict
      contains:
        name:
          description: The user name.
          type: str
        status:
          description: V(created), V(changed), V(unchanged) or V(failed).
          type: str
        fields:
          description: The user options that changed (empty for a person created).
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
        error:
          description: For a person who V(failed), why (every failed change of the person, joined).
          type: str
    created:
      description: How many people were created.
      type: int
    changed:
      description: How many existing people changed.
      type: int
    unchanged:
      description: How many people were already as described.
      type: int
    failed:
      description: How many people could not be onboarded (or only in part).
      type: int
    resources:
      description: One entry per room or piece of equipment, in the order given; empty without O(resources).
      type: list
      elements: dict
      version_added: 0.2.0
      contains:
        name:
          description: The resource name.
          type: str
        type:
          description: V(room) or V(equipment) (null when neither the entry nor the result says).
          type: str
        status:
          description: V(created), V(changed), V(unchanged) or V(failed).
          type: str
        fields:
          description: The resource options that changed, when the run shows its diffs (C(--diff)); empty otherwise.
          type: list
          elements: str
        delegates_added:
          description: The delegates added.
          type: list
          elements: str
        delegates_removed:
          description: The delegates removed.
          type: list
          elements: str
        error:
          description: For a resource that V(failed), why.
          type: str
    mailboxes:
      description: One entry per mailbox of O(mailbox_permissions), in the order given.
      type: list
      elements: dict
      version_added: 0.2.0
      contains:
        entity:
          description: The mailbox, as the entry names it.
          type: str
        status:
          description: V(changed), V(unchanged) or V(failed).
          type: str
        granted:
          description: The permissions each grantee gained (C(grantee), C(permissions)).
          type: list
          elements: dict
        revoked:
          description: The permissions each grantee lost (C(grantee), C(permissions)).
          type: list
          elements: dict
        error:
          description: For a mailbox that V(failed), why.
          type: str
    problems:
      description: "C(resource 'NAME': ERROR) and C(mailbox 'NAME': ERROR) for each resource and mailbox that failed."
      type: list
      elements: str
      version_added: 0.2.0
    lines:
      description:
        - The report as text, to print; one line per person, then per resource and per mailbox, then the totals
          of people, and of resources and of mailboxes when there are some.
      type: list
      elements: str
"""

from ansible.errors import AnsibleFilterError


def onboarding_report(people, directory=None, resources=None, mailbox_permissions=None):
    if not isinstance(people, (list, tuple)) or not all(isinstance(p, dict) and p.get("name") for p in people):
        raise AnsibleFilterError("onboarding_report: the input must be a list of people, each with a name")
    if not isinstance(directory, dict):
        raise AnsibleFilterError("onboarding_report: directory must be the registered result of the mailops.workmail.directory task")

    by_person = {}
    for change in directory.get("changes") or []:
        if change.get("kind") in ("user", "membership", "alias"):
            by_person.setdefault((change.get("name") or "").lower(), []).append(change)

    entries, details = [], []
    for person in people:
        changes = by_person.get(person["name"].lower(), [])
        own = [c for c in changes if c["kind"] == "user"]
        errors = [c["error"] for c in changes if c.get("error")]
        created = any(c["action"] == "create" and not c.get("error") for c in own)
        entry = {
            "name": person["name"],
            "fields": [] if created else sorted(set(f for c in own if not c.get("error") for f in c.get("changes") or [])),
            "groups_added": sorted((c["group"] for c in changes if c["kind"] == "membership" and c["action"] == "add" and not c.get("error")),
                                   key=str.lower),
            "aliases_added": sorted((c["alias"] for c in changes if c["kind"] == "alias" and c["action"] == "add" and not c.get("error")),
                                    key=str.lower),
        }
        if errors:
            entry["status"] = "failed"
            entry["error"] = "; ".join(errors)
        elif created:
            entry["status"] = "created"
        elif entry["fields"] or entry["groups_added"] or entry["aliases_added"] or own:
            entry["status"] = "changed"
        else:
            entry["status"] = "unchanged"
        entries.append(entry)

        said = []
        if entry["fields"]:
            said.append("fields: " + ", ".join(entry["fields"]))
        if entry["groups_added"]:
            said.append("joined: " + ", ".join(entry["groups_added"]))
        if entry["aliases_added"]:
            said.append("aliases: " + ", ".join(entry["aliases_added"]))
        if errors:
            said.append("error: " + entry["error"])
        details.append("; ".join(said))

    counts = _counts(entries)
    rooms, room_details = _resources(resources)
    mailboxes, mailbox_details = _mailboxes(mailbox_permissions)
    rows = [(p["name"], p["status"], said) for p, said in zip(entries, details)]
    rows += [(r["name"], r["status"], said) for r, said in zip(rooms, room_details)]
    rows += [(m["entity"], m["status"], said) for m, said in zip(mailboxes, mailbox_details)]
    width = max([len(name) for name, _status, _said in rows] + [4])
    lines = ["{0:<{1}}  {2:<9}  {3}".format(name, width, status, said).rstrip() for name, status, said in rows]
    lines.append(_total(counts))
    if rooms:
        lines.append("rooms and equipment: " + _total(_counts(rooms)))
    if mailboxes:
        lines.append("mailboxes: " + _total(_counts(mailboxes), ("changed", "unchanged", "failed")))
    problems = ["resource {0!r}: {1}".format(r["name"], r["error"]) for r in rooms if r.get("error")]
    problems += ["mailbox {0!r}: {1}".format(m["entity"], m["error"]) for m in mailboxes if m.get("error")]
    report = dict(counts)
    report.update(people=entries, resources=rooms, mailboxes=mailboxes, problems=problems, lines=lines)
    return report


STATUSES = ("created", "changed", "unchanged", "failed")
# What a resource's diff shows that no option sets.
READ_ONLY = ("id", "state", "enabled_date", "disabled_date")


def _counts(entries):
    return dict((status, sum(1 for entry in entries if entry["status"] == status)) for status in STATUSES)


def _total(counts, statuses=STATUSES[:3]):
    """"2 created, 1 changed, 0 unchanged", and ", 1 failed" when some failed."""
    said = ["{0} {1}".format(counts[status], status) for status in statuses if status != "failed"]
    if counts["failed"]:
        said.append("{0} failed".format(counts["failed"]))
    return ", ".join(said)


def _loop_results(registered):
    """The item results of registered loop results that ran (skipped items left out)."""
    for task in registered or []:
        if not isinstance(task, dict):
            raise AnsibleFilterError("onboarding_report: resources and mailbox_permissions must be registered results of loop tasks")
        for result in task.get("results") or []:
            if isinstance(result, dict) and not result.get("skipped") and isinstance(result.get("item"), dict):
                yield result


def _resources(registered):
    """Entries and report details of the resources, from the resource and resource_delegate results."""
    entries, by_name = [], {}
    for result in _loop_results(registered):
        name = result["item"].get("name")
        if not name:
            continue
        if name.lower() not in by_name:
            by_name[name.lower()] = {"name": name, "type": result["item"].get("type"), "fields": [], "created": False, "changed": False,
                                     "delegates_added": [], "delegates_removed": [], "errors": []}
            entries.append(by_name[name.lower()])
        entry = by_name[name.lower()]
        if result.get("msg"):
            entry["errors"].append(result["msg"])
        elif "resource" in result:
            entry["type"] = entry["type"] or result["resource"].get("type")
            actions = [c.get("action") for c in (result.get("_workmail") or {}).get("changes") or []]
            entry["created"] = entry["created"] or "create" in actions
            entry["changed"] = entry["changed"] or bool(result.get("changed"))
            diff = result.get("diff") or {}
            if "create" not in actions and isinstance(diff.get("before"), dict) and isinstance(diff.get("after"), dict):
                entry["fields"].extend(key for key in diff["after"] if key not in READ_ONLY and diff["before"].get(key) != diff["after"][key])
        elif "resource_delegates" in result:
            entry["delegates_added"].extend(result["resource_delegates"].get("added") or [])
            entry["delegates_removed"].extend(result["resource_delegates"].get("removed") or [])
    details = []
    for entry in entries:
        errors = entry.pop("errors")
        created, changed = entry.pop("created"), entry.pop("changed")
        entry["fields"] = [] if created else sorted(set(entry["fields"]))
        if errors:
            entry["status"] = "failed"
            entry["error"] = "; ".join(errors)
        elif created:
            entry["status"] = "created"
        elif changed or entry["delegates_added"] or entry["delegates_removed"]:
            entry["status"] = "changed"
        else:
            entry["status"] = "unchanged"
        said = [entry["type"]] if entry["type"] else []
        if entry["fields"]:
            said.append("fields: " + ", ".join(entry["fields"]))
        if entry["delegates_added"]:
            said.append("delegates added: " + ", ".join(entry["delegates_added"]))
        if entry["delegates_removed"]:
            said.append("delegates removed: " + ", ".join(entry["delegates_removed"]))
        if errors:
            said.append("error: " + entry["error"])
        details.append("; ".join(said))
    return entries, details


def _grants(grants):
    """"ana (full_access, send_as), ben (send_as)"."""
    return ", ".join("{0} ({1})".format(grant["grantee"], ", ".join(grant["permissions"])) for grant in grants)


def _mailboxes(registered):
    """Entries and report details of the mailboxes, from the mailbox_permission results."""
    entries, details = [], []
    for result in _loop_results([registered] if registered else []):
        entry = {"entity": result["item"].get("entity"), "granted": [], "revoked": []}
        said = ["mailbox"]
        if result.get("msg"):
            entry["status"] = "failed"
            entry["error"] = result["msg"]
        else:
            permission = result.get("mailbox_permission") or {}
            entry["granted"] = permission.get("added") or []
            entry["revoked"] = permission.get("removed") or []
            entry["status"] = "changed" if result.get("changed") else "unchanged"
        if entry["granted"]:
            said.append("granted: " + _grants(entry["granted"]))
        if entry["revoked"]:
            said.append("revoked: " + _grants(entry["revoked"]))
        if entry.get("error"):
            said.append("error: " + entry["error"])
        entries.append(entry)
        details.append("; ".join(said))
    return entries, details


class FilterModule(object):
    def filters(self):
        return {"onboarding_report": onboarding_report}
