# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The retention policy: one per organization, read with GetDefaultRetentionPolicy.

PutRetentionPolicy without an ID creates it, with its ID rewrites it in place. Its folder
configurations are kept as a dict keyed by folder (inbox, deleted_items, ...), each with an
action and a period in days; a folder the user leaves out keeps its configuration.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mailops.workmail.plugins.module_utils import validation
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Field
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Resource
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError

FOLDERS = ("inbox", "deleted_items", "sent_items", "drafts", "junk_email")
RETENTION_ACTIONS = ("none", "delete", "permanently_delete")


def folders_from_api(configurations):
    """{folder: {action, period}} from the API's FolderConfigurations, in FOLDERS order."""
    found = dict(
        (c["Name"].lower(), {"action": c["Action"].lower(), "period": c.get("Period")}) for c in configurations or []
    )
    return dict((folder, found[folder]) for folder in sorted(found, key=_folder_order))


def folders_to_api(folders):
    configurations = []
    for folder in sorted(folders, key=_folder_order):
        configuration = {"Name": folder.upper(), "Action": folders[folder]["action"].upper()}
        if folders[folder].get("period") is not None:
            configuration["Period"] = folders[folder]["period"]
        configurations.append(configuration)
    return configurations


def _folder_order(folder):
    return FOLDERS.index(folder) if folder in FOLDERS else len(FOLDERS)


class RetentionPolicy(Resource):
    name = "retention_policy"
    operations = ("PutRetentionPolicy",)
    fields = (
        Field("name", "Name"),
        Field("description", "Description"),
        Field("folders", "FolderConfigurations", kind="dict"),
        Field("id", "Id", read_only=True),
    )

    def read(self, ctx, desired):
        return ctx.api.get_default_retention_policy(ctx.organization_id)

    calls = dict(
        read=("GetDefaultRetentionPolicy",), create=("PutRetentionPolicy",), update=("PutRetentionPolicy",), delete=("DeleteRetentionPolicy",)
    )

    def to_resource(self, ctx, raw):
        resource = super(RetentionPolicy, self).to_resource(ctx, raw)
        resource["folders"] = folders_from_api(raw.get("FolderConfigurations"))
        return resource

    def normalize(self, desired):
        desired = dict(desired)
        folders = {}
        for folder, configuration in (desired.pop("folders", None) or {}).items():
            if configuration is None:
                continue
            where = "folders.{0}".format(folder)
            if folder not in FOLDERS:
                raise ParameterError("folders", "{0!r} is not one of {1}".format(folder, ", ".join(FOLDERS)))
            action, period = (configuration.get("action") or "").lower(), configuration.get("period")
            if action not in RETENTION_ACTIONS:
                raise ParameterError(where + ".action", "{0!r} is not one of {1}".format(configuration.get("action"), ", ".join(RETENTION_ACTIONS)))
            if action == "none" and period is not None:
                raise ParameterError(where + ".period", "applies only when the action is delete or permanently_delete")
            if action != "none" and period is None:
                raise ParameterError(where + ".period", "is required when the action is {0}".format(action))
            folders[folder] = {"action": action, "period": period}
        if folders:
            desired["folders"] = folders
        return desired

    def validate(self, desired):
        for option in ("name", "description"):
            if desired.get(option):
                validation.check(option, desired[option], "PutRetentionPolicy", self.field(option).member)
        for folder, configuration in (desired.get("folders") or {}).items():
            validation.check("folders.{0}.period".format(folder), configuration["period"], "PutRetentionPolicy", "FolderConfigurations.Period")

    def check(self, ctx, current, desired):
        if not current:
            _require_name(desired)

    def predict(self, ctx, desired):
        predicted = super(RetentionPolicy, self).predict(ctx, desired)
        predicted["folders"] = desired.get("folders") or {}
        return predicted

    def create(self, ctx, desired):
        self._put(ctx, desired, None)

    def update(self, ctx, raw, changes, desired):
        # A put with the ID rewrites the whole policy: send what stays as well.
        policy = self.to_resource(ctx, raw)
        policy.update(changes)
        self._put(ctx, policy, raw["Id"])

    def delete(self, ctx, raw):
        ctx.api.delete_retention_policy(ctx.organization_id, raw["Id"])

    def _put(self, ctx, policy, policy_id):
        params = {"Name": policy["name"], "FolderConfigurations": folders_to_api(policy.get("folders") or {})}
        if policy_id:
            params["Id"] = policy_id
        if policy.get("description"):
            params["Description"] = policy["description"]
        ctx.api.put_retention_policy(ctx.organization_id, **params)


def describe_policy(ctx):
    """The organization's retention policy in the shape the retention_policy module takes (name,
    description when set, folders; a folder whose action is none has no period), or {} when it has
    none. Feeding it back to the module changes nothing."""
    if ctx.organization_id is None:
        ctx.plan_calls(RETENTION_POLICY.calls["read"])
        return {}
    raw = RETENTION_POLICY.read(ctx, {})
    if not raw:
        return {}
    policy = RETENTION_POLICY.as_options(RETENTION_POLICY.to_resource(ctx, raw))
    policy["folders"] = dict(
        (folder, dict((k, v) for k, v in configuration.items() if v is not None)) for folder, configuration in policy.get("folders", {}).items()
    )
    return policy


def _require_name(desired):
    if not desired.get("name"):
        raise ParameterError("name", "is required to create the retention policy")


RETENTION_POLICY = RetentionPolicy()
