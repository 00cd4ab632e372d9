# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: plan
type: aggregate
short_description: Summarise a run's WorkMail changes, check the plan's assumptions, write the run's IAM policy
version_added: 0.2.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - "Runs beside the stdout callback (enable it with C(callbacks_enabled)). At the end of a run it prints a summary of
    the tasks of the mailops.workmail collection: per resource type, how many objects are to be created, changed or
    removed (with C(--check)) or were created, changed or removed, and every failed task or change."
  - "Checks the plan: in check mode a task may assume that an object an earlier task creates will exist (the
    organization, a user or group it names, the mail domain of an address, an impersonation role). Every such
    assumption that no earlier task of the run creates or plans to create (a typo in a member's name, a misspelled
    organization alias) is listed as a plan error. With O(strict), the run then fails, so a typo never reaches the
    apply."
  - With O(plan_file), writes the same summary as Markdown (ready to paste as a merge request comment) and as JSON
    beside it.
  - "With O(iam_policy_file), writes the least-privilege IAM policy of the run: the exact C(workmail:) actions its tasks
    called and, in check mode, those the apply would call, as a JSON policy document."
  - It reads the private C(_workmail) key every module of the collection adds to its result. A task run with
    C(no_log) hides it, and its changes and actions are not counted.
requirements:
  - enabled with C(callbacks_enabled=mailops.workmail.plan) (or C(ANSIBLE_CALLBACKS_ENABLED=mailops.workmail.plan) in the environment)
options:
  plan_file:
    description:
      - Where to write the summary as Markdown. The JSON version goes beside it, with the extension C(.json) in place
        of C(.md) (or added, when the name does not end in C(.md)).
      - Unset, no file is written.
    type: path
    env:
      - name: WORKMAIL_PLAN_FILE
    ini:
      - section: mailops_workmail_plan
        key: plan_file
  iam_policy_file:
    description:
      - Where to write the least-privilege IAM policy of the run (a JSON policy document). Unset, none is written.
    type: path
    env:
      - name: WORKMAIL_IAM_POLICY_FILE
    ini:
      - section: mailops_workmail_plan
        key: iam_policy_file
  strict:
    description:
      - "Fail the run (exit status 2) when the plan has errors: assumptions that no earlier task creates."
      - The summary, the files and the recap are written first.
    type: bool
    default: false
    env:
      - name: WORKMAIL_PLAN_STRICT
    ini:
      - section: mailops_workmail_plan
        key: strict
notes:
  - An assumption is only met by a task that runs before the one that makes it, in the same run, in the same
    organization; a loop's items count one after the other.
  - "The policy allows the actions on every resource (C(Resource: *)): WorkMail actions take the organization's ARN,
    which a plan for a new organization does not know yet. Creating an organization and registering domains also need
    the Directory Service, SES and KMS permissions the WorkMail administrator guide lists."
seealso:
  - ref: ansible_collections.mailops.workmail.docsite.guide_pipelines
    description: Checking a merge request with a plan, its summary and its IAM policy.
"""

EXAMPLES = r"""
# ansible.cfg
# [defaults]
# callbacks_enabled = mailops.workmail.plan
#
# In a merge request pipeline:
#   WORKMAIL_PLAN_STRICT=1 WORKMAIL_PLAN_FILE=plan.md WORKMAIL_IAM_POLICY_FILE=policy.json \
#     ansible-playbook site.yml --check --diff
# then post plan.md as a comment, and review policy.json.
"""

import json
import os

from ansible import context
from ansible.plugins.callback import CallbackBase

COLLECTION = "mailops.workmail."
REPORT_KEY = "_workmail"
ACTIONS = ("create", "update", "delete")
WORDS = {
    True: {"create": "to create", "update": "to change", "delete": "to remove"},
    False: {"create": "created", "update": "changed", "delete": "removed"},
}
# What an assumption of a type is met by: an entity is a user or a group, a mailbox a user, group or
# resource; an object created as an entity (an alias added to a user or group still to be created)
# meets any of them.
MET_BY = {
    "user": ("user", "entity"),
    "group": ("group", "entity"),
    "entity": ("user", "group", "entity"),
    "resource": ("resource",),
    "mailbox": ("user", "group", "resource", "entity"),
}
KIND_WORDS = {
    "organization": "organization",
    "user": "user",
    "group": "group",
    "entity": "user or group",
    "resource": "resource",
    "mailbox": "user, group or resource",
    "mail_domain": "mail domain",
    "impersonation_role": "impersonation role",
}


def _fold(value):
    return (value or "").casefold().rstrip(".")


def meets(created, assumed):
    """Whether the object ``created`` (as a task reports it) is the object ``assumed`` names."""
    if _fold(created.get("organization")) != _fold(assumed.get("organization")):
        return False
    if created.get("type") not in MET_BY.get(assumed.get("type"), (assumed.get("type"),)):
        return False
    names = [created.get("name")] + list(created.get("addresses") or [])
    return _fold(assumed.get("name")) in set(_fold(name) for name in names)


def describe(assumed):
    """``assumed`` in words: "user or group 'jdeo' in organization 'example-corp'"."""
    words = "{0} {1!r}".format(KIND_WORDS.get(assumed.get("type"), assumed.get("type")), assumed.get("name"))
    if assumed.get("organization"):
        words += " in organization {0!r}".format(assumed["organization"])
    return words


class RunPlan:
    """What the collection's tasks of a run reported, in the order they reported it."""

    def __init__(self, check_mode=False):
        self.check_mode = check_mode
        self.changes = []
        self.failures = []
        self.errors = []
        self.actions = set()
        self._created = []

    def add(self, task, host, result, failed=False, ignored=False):
        """Take in the result of one task (or loop item) of the collection."""
        report = result.get(REPORT_KEY) if isinstance(result.get(REPORT_KEY), dict) else None
        if failed:
            self.failures.append(dict(task=task, host=host, msg=str(result.get("msg") or "failed"), ignored=bool(ignored)))
        if report is None:
            return
        self.actions.update(report.get("actions") or [])
        self._check_assumptions(task, host, report.get("assumes") or [])
        self._created.extend(report.get("creates") or [])
        if report.get("check_mode") and not self.check_mode:
            return  # a preview inside a real run: nothing changed
        for change in report.get("changes") or []:
            entry = dict(task=task, host=host, type=change.get("type"), name=change.get("name"), action=change.get("action"))
            if change.get("error"):
                self.failures.append(dict(task=task, host=host, msg="{0} {1}: {2}".format(change.get("type"), change.get("name"), change["error"]),
                                          ignored=bool(ignored)))
            elif entry["action"] in ACTIONS:
                self.changes.append(entry)

    def _check_assumptions(self, task, host, assumes):
        missing_organizations = set()
        for assumed in assumes:
            if any(meets(created, assumed) for created in self._created):
                continue
            if assumed.get("type") == "organization":
                missing_organizations.add(_fold(assumed.get("name")))
            elif _fold(assumed.get("organization")) in missing_organizations:
                continue  # follows from the missing organization, reported once
            self.errors.append(dict(task=task, host=host, type=assumed.get("type"), name=assumed.get("name"),
                                    organization=assumed.get("organization"),
                                    msg="{0} is assumed to be created by an earlier task, but no earlier task creates it".format(describe(assumed))))

    def summary(self):
        """{resource type: {create, update, delete: count}}, sorted by type."""
        summary = {}
        for change in self.changes:
            counts = summary.setdefault(change["type"], dict((action, 0) for action in ACTIONS))
            counts[change["action"]] += 1
        return dict(sorted(summary.items()))

    def as_dict(self):
        return dict(
            check_mode=self.check_mode,
            summary=self.summary(),
            changes=self.changes,
            errors=self.errors,
            failures=self.failures,
            actions=sorted(self.actions),
        )

    def lines(self):
        """The summary as plain text lines, for the terminal."""
        words = WORDS[self.check_mode]
        lines = []
        for kind, counts in self.summary().items():
            lines.append("{0:<22} {1}".format(kind, ", ".join("{0} {1}".format(counts[a], words[a]) for a in ACTIONS)))
        if not lines:
            lines.append("no change {0}".format("planned" if self.check_mode else "made"))
        for error in self.errors:
            lines.append("PLAN ERROR: {0}: {1}".format(error["task"], error["msg"]))
        for failure in self.failures:
            lines.append("FAILED{0}: {1}: {2}".format(" (ignored)" if failure["ignored"] else "", failure["task"], failure["msg"]))
        return lines

    def markdown(self):
        """The summary as Markdown, for a merge request comment."""
        words = WORDS[self.check_mode]
        title = "WorkMail plan (check mode: nothing was changed)" if self.check_mode else "WorkMail changes"
        out = ["## " + title, ""]
        summary = self.summary()
        if summary:
            out.append("| resource | {0} |".format(" | ".join(words[a] for a in ACTIONS)))
            out.append("|---|" + "---:|" * len(ACTIONS))
            for kind, counts in summary.items():
                out.append("| {0} | {1} |".format(kind, " | ".join(str(counts[a]) for a in ACTIONS)))
        else:
            out.append("No change {0}.".format("planned" if self.check_mode else "made"))
        if self.errors:
            out += ["", "### Plan errors", ""]
            out += ["- **{0}**: {1}".format(_md(e["task"]), _md(e["msg"])) for e in self.errors]
        if self.failures:
            out += ["", "### Failures", ""]
            out += ["- **{0}**{1}: {2}".format(_md(f["task"]), " (ignored)" if f["ignored"] else "", _md(f["msg"])) for f in self.failures]
        if self.changes:
            out += ["", "<details><summary>Every change</summary>", "", "| task | resource | name | action |", "|---|---|---|---|"]
            out += ["| {0} | {1} | {2} | {3} |".format(_md(c["task"]), c["type"], _md(c["name"]), words[c["action"]]) for c in self.changes]
            out += ["", "</details>"]
        return "\n".join(out) + "\n"

    def iam_policy(self):
        """The least-privilege IAM policy document of the run."""
        statement = dict(Sid="WorkMailRun", Effect="Allow", Action=sorted(self.actions), Resource="*")
        return {"Version": "2012-10-17", "Statement": [statement] if self.actions else []}


def _md(text):
    """``text`` safe in a Markdown table cell or list item."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def json_path(plan_file):
    """Where the JSON version of the Markdown ``plan_file`` goes."""
    root, extension = os.path.splitext(plan_file)
    return root + ".json" if extension.lower() == ".md" else plan_file + ".json"


def _parts(result):
    """The task, host and result dictionary of a task result (ansible-core 2.19 names them without
    the underscore its predecessors used)."""
    if hasattr(result, "result"):
        return result.task, result.host, result.result
    return result._task, result._host, result._result  # pylint: disable=protected-access


def _write(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        os.makedirs(directory)
    with open(path, "w", encoding="utf-8") as output:
        output.write(text)


class CallbackModule(CallbackBase):
    """Collects the mailops.workmail tasks' reports; see DOCUMENTATION."""

    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "mailops.workmail.plan"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self.plan = RunPlan(check_mode=bool(context.CLIARGS.get("check")))

    def _take(self, result, failed=False, ignored=False):
        task, host, outcome = _parts(result)
        action = getattr(task, "resolved_action", None) or task.action or ""
        if not action.startswith(COLLECTION):
            return
        if "results" in outcome and REPORT_KEY not in outcome:
            return  # a loop: its items were taken one by one
        self.plan.add(task.get_name(), host.get_name(), outcome, failed=failed, ignored=ignored)

    def v2_runner_on_ok(self, result):
        self._take(result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._take(result, failed=True, ignored=ignore_errors)

    def v2_runner_item_on_ok(self, result):
        self._take(result)

    def v2_runner_item_on_failed(self, result):
        self._take(result, failed=True, ignored=bool(getattr(_parts(result)[0], "ignore_errors", False)))

    def v2_playbook_on_stats(self, stats):
        plan = self.plan
        self._display.banner("WORKMAIL " + ("PLAN" if plan.check_mode else "CHANGES"))
        for line in plan.lines():
            color = "bright red" if line.startswith(("PLAN ERROR", "FAILED:")) else None
            self._display.display(line, color=color)
        plan_file = self.get_option("plan_file")
        if plan_file:
            _write(plan_file, plan.markdown())
            _write(json_path(plan_file), json.dumps(plan.as_dict(), indent=2, sort_keys=True) + "\n")
            self._display.display("Plan written to {0} and {1}".format(plan_file, json_path(plan_file)))
        policy_file = self.get_option("iam_policy_file")
        if policy_file:
            _write(policy_file, json.dumps(plan.iam_policy(), indent=2) + "\n")
            self._display.display("IAM policy ({0} actions) written to {1}".format(len(plan.actions), policy_file))
        if plan.errors and self.get_option("strict"):
            self._display.error("mailops.workmail.plan: the strict plan has {0} error(s)".format(len(plan.errors)), wrap_text=False)
            # The only way a callback can fail a run: leave with the status of a failed run.
            raise SystemExit(2)
