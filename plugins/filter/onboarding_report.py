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
seealso:
  - plugin: mailops.workmail.onboarding_users
    plugin_type: lookup
  - module: mailops.workmail.directory
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
    lines:
      description: The report as text, one line per person and a total, to print.
      type: list
      elements: str
"""

from ansible.errors import AnsibleFilterError


def onboarding_report(people, directory=None):
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

    counts = dict((status, sum(1 for p in entries if p["status"] == status)) for status in ("created", "changed", "unchanged", "failed"))
    width = max([len(p["name"]) for p in entries] + [4])
    lines = ["{0:<{1}}  {2:<9}  {3}".format(p["name"], width, p["status"], said).rstrip() for p, said in zip(entries, details)]
    total = "{created} created, {changed} changed, {unchanged} unchanged".format(**counts)
    lines.append(total + (", {failed} failed".format(**counts) if counts["failed"] else ""))
    report = dict(counts)
    report.update(people=entries, lines=lines)
    return report


class FilterModule(object):
    def filters(self):
        return {"onboarding_report": onboarding_report}
