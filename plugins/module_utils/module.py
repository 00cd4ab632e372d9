# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What every WorkMail module does the same way, on top of amazon.aws's AnsibleAWSModule.

It adds the ``organization`` option and resolves it once, builds the API client, turns a
``WorkMailError`` into a clean failure, and shapes results: the resource under its own key,
``diff`` with before/after when ``--diff`` is on, and the private ``_workmail`` report (see
``report``) that the ``mailops.workmail.plan`` callback reads.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils import basic

from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule

from ansible_collections.mailops.workmail.plugins.module_utils import validation

from ansible_collections.mailops.workmail.plugins.module_utils.api import WorkMailAPI
from ansible_collections.mailops.workmail.plugins.module_utils.api import client_config
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Context
from ansible_collections.mailops.workmail.plugins.module_utils.engine import apply
from ansible_collections.mailops.workmail.plugins.module_utils.engine import diff_after
from ansible_collections.mailops.workmail.plugins.module_utils.engine import plan
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError
from ansible_collections.mailops.workmail.plugins.module_utils.resolve import find_organization

ORGANIZATION_OPTION = dict(type="str", required=True)

REPORT_KEY = "_workmail"
"""The private result key of the run report (see ``WorkMailModule.report``); not a documented return."""
REPORT_VERSION = 1
# What ``directory`` reports as an action, in the words of the run report.
BULK_ACTIONS = dict(create="create", update="update", disable="update", delete="delete", add="create", remove="delete")


class WorkMailModule:
    """An AnsibleAWSModule for a WorkMail resource.

    ``organization`` (default True) adds the required ``organization`` option (ID or alias).
    Other keyword arguments go to AnsibleAWSModule; check mode is supported by default.
    """

    def __init__(self, argument_spec, organization=True, **kwargs):
        spec = dict(organization=ORGANIZATION_OPTION) if organization else {}
        spec.update(argument_spec)
        kwargs.setdefault("supports_check_mode", True)
        _refuse_bad_shapes(spec, kwargs)
        self.module = AnsibleAWSModule(argument_spec=spec, **kwargs)
        self.params = self.module.params
        self.check_mode = self.module.check_mode
        self._api = None
        self._workers = 1
        self._ctx = None
        self._organization = None
        self._organization_assumed = False

    @property
    def api(self):
        if self._api is None:
            # One retry policy for every module (api.client_config); the task's aws_config goes over it.
            self._api = WorkMailAPI(self.module.client("workmail", config=client_config(self._workers)))
        return self._api

    def parallel(self, workers):
        """Share one client among ``workers`` threads, with a connection each (the retry policy and
        its retry quota are the client's, so shared too). Call before the first API call."""
        self._workers = workers

    def organization_id(self):
        """The ID of the organization the ``organization`` option names.

        In check mode a missing organization is not an error: an earlier task of the same
        playbook may create it, so the module reports what it would do there (None).
        """
        ref = self.params["organization"]
        found = find_organization(self.api, ref)
        self._organization = (found or {}).get("Alias") or ref
        if found:
            return found["OrganizationId"]
        if self.check_mode:
            self.warn("Organization {0!r} does not exist yet; check mode assumes an earlier task creates it.".format(ref))
            self._organization_assumed = True
            return None
        raise WorkMailError("organization: no live organization has the ID or alias {0!r} in this account and region".format(ref), option="organization")

    def context(self, **options):
        """A reconcile Context for this task (resolving ``organization`` when the module has it)."""
        if "organization" not in self.params:
            self._ctx = Context(self.api, None, self.check_mode, options)
        else:
            self._ctx = Context(self.api, self.organization_id(), self.check_mode, options, organization=self.params["organization"])
        return self._ctx

    def desired(self, resource):
        """The resource's options as the user set them (None = unset)."""
        return dict((f.option, self.params.get(f.option)) for f in resource.fields if f.option in self.params)

    def run(self, task):
        """Run ``task()`` (which exits the module) and fail cleanly on a WorkMailError."""
        try:
            task()
        except WorkMailError as e:
            self.fail(e)

    def reconcile(self, resource, state=None, **options):
        """The whole of a resource module: converge ``resource`` and exit with the result."""

        def task():
            ctx = self.context(**options)
            planned = plan(ctx, resource, self.desired(resource), state or self.params["state"])
            outcome = apply(ctx, planned)
            if planned.changed:
                ctx.changed(resource.name, resource.label(planned.desired, planned.before), planned.action)
            self.exit(outcome.changed, {resource.name: outcome.after}, outcome.before, diff_after(outcome), ctx.warnings)

        self.run(task)

    def relate(self, reconcile_relationship, key, *args):
        """The whole of a relationship module: run ``reconcile_relationship(ctx, *args)`` (a
        function of ``relationships``) and exit with its result under ``key``."""

        def task():
            ctx = self.context()
            change = reconcile_relationship(ctx, *args)
            self.exit(change.changed, {key: change.result}, change.before, change.after, ctx.warnings)

        self.run(task)

    def info(self, key, gather):
        """The whole of an _info module: exit with ``gather(ctx)`` (a list) under ``key``."""

        def task():
            ctx = self.context()
            self.exit(False, {key: gather(ctx)}, warnings=ctx.warnings)

        self.run(task)

    def bulk(self, converge):
        """The whole of a bulk module: ``converge(ctx)`` returns (changed, result, diffs, warnings,
        failures); each diff is a before/after of one entity and each failure a message. Exits
        with the result, or fails listing every failure (the result, ``changed`` included, kept)."""

        def task():
            ctx = self.context()
            changed, result, diffs, warnings, failures = converge(ctx)
            for change in result.get("changes", []):
                name = "{0} in {1}".format(change["name"], change["group"]) if change["kind"] == "membership" else change.get("alias", change["name"])
                ctx.changed(change["kind"], name, BULK_ACTIONS.get(change["action"]), change.get("error"))
            for warning in warnings:
                self.warn(warning)
            if self.module._diff and diffs:
                result["diff"] = diffs
            result[REPORT_KEY] = self.report()
            if failures:
                if changed:
                    others = "the others were planned" if self.check_mode else "the others were made"
                else:
                    others = "nothing else would change" if self.check_mode else "nothing else was changed"
                msg = "{0} of the changes failed ({1}): {2}".format(len(failures), others, "; ".join(failures))
                self._keep_readable(msg)
                self.module.fail_json(msg=msg, changed=changed, **result)
            self.module.exit_json(changed=changed, **result)

        self.run(task)

    def action(self, act):
        """The whole of an action module, one that starts jobs rather than converging a resource:
        ``act(ctx)`` returns (changed, result, diff, failure). With ``--diff`` the diff (before/after)
        is added; with a ``failure`` message the task fails with it, the result (``changed``
        included) kept."""

        def task():
            ctx = self.context()
            changed, result, diff, failure = act(ctx)
            for warning in ctx.warnings:
                self.warn(warning)
            if self.module._diff and diff is not None:
                result["diff"] = diff
            result[REPORT_KEY] = self.report()
            if failure:
                result.pop("msg", None)
                self._keep_readable(failure)
                self.module.fail_json(msg=failure, changed=changed, **result)
            self.module.exit_json(changed=changed, **result)

        self.run(task)

    def exit(self, changed, result, before=None, after=None, warnings=()):
        """Exit with ``result``; with ``--diff``, add before/after (which hold no secrets)."""
        for warning in warnings:
            self.warn(warning)
        if self.module._diff and (before is not None or after is not None):
            result["diff"] = dict(before=before or {}, after=after or {})
        result[REPORT_KEY] = self.report()
        self.module.exit_json(changed=changed, **result)

    def warn(self, message):
        # AnsibleAWSModule.warn (amazon.aws 10) also copies warnings into the result, which
        # ansible-core 2.19 reports as a deprecated use of exit_json; warn on the module itself.
        getattr(self.module, "_module", self.module).warn(message)

    def fail(self, error):
        extra = {"error_code": error.code} if error.code else {}
        self._keep_readable(error.message)
        self.module.fail_json(msg=error.message, **dict(extra, **{REPORT_KEY: self.report(failed=True)}))

    def report(self, failed=False):
        """The task's run report for the ``mailops.workmail.plan`` callback, under the private result key
        ``_workmail``:

        - ``organization``: the organization the task works in, by alias where known;
        - ``check_mode``;
        - ``changes``: {type, name, action (create, update, delete), error (when it failed)} for each
          thing the task changes or, in check mode, would change (none when the task failed, nor
          ``creates``);
        - ``actions``: the IAM actions (``workmail:Operation``) of every call the task sent and, in
          check mode, of every call an apply would send;
        - ``assumes``: what the check-mode plan takes an earlier task to create ({type, name,
          organization}): a missing organization, users, groups, mail domains, impersonation roles;
        - ``creates``: what the task creates or would create that later tasks may name ({type, name,
          organization, addresses}).
        """
        ctx = self._ctx
        organization = self._organization

        def scoped(objects):
            return [dict(dict(item, organization=organization), **item) for item in objects]

        calls = list(self._api.called) if self._api is not None else []
        calls += ctx.planned_calls if ctx else []
        if self._organization_assumed:
            calls.append("DescribeOrganization")  # how the apply finds the organization once created
        assumes = [dict(type="organization", name=organization, organization=None)] if self._organization_assumed else []
        return {
            "version": REPORT_VERSION,
            "organization": organization,
            "check_mode": self.check_mode,
            "changes": [] if failed or ctx is None else list(ctx.changes),
            "actions": sorted(set("workmail:" + operation for operation in calls)),
            "assumes": assumes + scoped(ctx.assumed if ctx else []),
            "creates": [] if failed or ctx is None else scoped(ctx.provided),
        }

    def _keep_readable(self, message):
        _keep_readable(self.module, message)


def _keep_readable(module, message):
    """Messages of the collection never hold a secret, so a secret found in ``message`` is a
    coincidence (a password "a" is in most words). Ansible would mask it wherever it appears and
    garble the message ("Cre********teUser"): keep it out of the invocation instead, and let the
    message through."""
    module = getattr(module, "_module", module)
    coincidences = [value for value in module.no_log_values if value and value in message]
    for value in coincidences:
        module.no_log_values.discard(value)
        _hide(module.params, value)


def _refuse_bad_shapes(spec, kwargs):
    """Fail when a value does not have the type its option takes (a string or a list where a
    dictionary is expected, a word where a number is), with a message that names the option and
    says what it takes (see ``validation.shape_problem``). To fail, the module is built with that
    option accepting anything; the secrets the option holds (a password in a list of users) stay
    masked all the same."""
    params = basic._load_params() or {}  # pylint: disable=protected-access
    problem = validation.shape_problem(spec, params)
    if problem is None:
        return
    option, message = problem
    relaxed = dict(spec)
    relaxed[option] = dict((k, v) for k, v in spec[option].items() if k not in ("type", "elements", "options"))
    relaxed[option]["type"] = "raw"
    module = AnsibleAWSModule(argument_spec=relaxed, **kwargs)
    getattr(module, "_module", module).no_log_values.update(_secrets(spec, params))
    _keep_readable(module, message)
    module.fail_json(msg=message)


def _secrets(spec, params):
    """The values of ``params`` that ``spec`` marks no_log, at any depth (suboptions of
    dictionaries and of lists of dictionaries), as the strings Ansible masks."""
    found = set()
    for option, option_spec in spec.items():
        value = validation.option_value(option, option_spec, params)
        if value is None:
            continue
        if option_spec.get("no_log"):
            found.update(_leaves(value))
        elif option_spec.get("options"):
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, dict):
                    found.update(_secrets(option_spec["options"], item))
    return found


def _leaves(value):
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return set(leaf for item in value for leaf in _leaves(item))
    return set([str(value)]) if str(value) else set()


NO_LOG_MARK = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"


def _hide(container, secret):
    """Replace every value equal to ``secret`` in the parameters ``container`` (nested) by Ansible's mark."""
    keys = container.keys() if isinstance(container, dict) else range(len(container))
    for key in list(keys):
        value = container[key]
        if isinstance(value, (dict, list)):
            _hide(value, secret)
        elif value == secret:
            container[key] = NO_LOG_MARK
