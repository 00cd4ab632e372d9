# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Mobile device access: rules that allow or deny devices, and overrides for one user's device.

Rules: WorkMail does not keep rule names unique, so a rule is found by listing and matching the
name, and two rules of the same name are an error the user must settle. UpdateMobileDeviceAccessRule
replaces the whole rule, so an update sends what stays as well. A condition list left empty is left
out of the call (the service takes 1 to 10 values or no member). An organization holds at most as
many rules as ListMobileDeviceAccessRules returns (10): one more fails before any write. A create is
sent with a ClientToken derived from the request, so a create retried after a lost reply makes one rule.

Overrides: found by user (name, email or ID, stored as the user ID) and device ID (compared
regardless of case, as WorkMail does); PutMobileDeviceAccessOverride creates or replaces one, and
needs an enabled user.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mailops.workmail.plugins.module_utils import validation
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Field
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Resource
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import appears

# The conditions of a rule (option, API member), each with its exclusion twin.
CONDITIONS = (
    ("device_types", "DeviceTypes"),
    ("not_device_types", "NotDeviceTypes"),
    ("device_models", "DeviceModels"),
    ("not_device_models", "NotDeviceModels"),
    ("device_operating_systems", "DeviceOperatingSystems"),
    ("not_device_operating_systems", "NotDeviceOperatingSystems"),
    ("device_user_agents", "DeviceUserAgents"),
    ("not_device_user_agents", "NotDeviceUserAgents"),
)
CONDITION_OPTIONS = tuple(option for option, member in CONDITIONS)
# The attributes of a device to evaluate (option of the info module's device, GetMobileDeviceAccessEffect member).
DEVICE_ATTRIBUTES = (
    ("type", "DeviceType"),
    ("model", "DeviceModel"),
    ("operating_system", "DeviceOperatingSystem"),
    ("user_agent", "DeviceUserAgent"),
)
# How long a rule just created may take to be listed (seconds); one still missing after that was
# deleted since the same create was last sent (see WorkMailAPI.create_once).
CREATED_RULE_LAG = 5


def _unique(values):
    seen = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def rule_limit():
    """The most rules an organization holds: the size of the list ListMobileDeviceAccessRules returns."""
    rules = validation.service_model().operation_model("ListMobileDeviceAccessRules").output_shape.members["Rules"]
    return rules.metadata["max"]


def _empty_description_removed(predicted):
    """A prediction with an empty description shown as the service leaves it: removed (None)."""
    if predicted.get("description") == "":
        predicted["description"] = None
    return predicted


def list_rules(ctx):
    """The organization's raw rules, or [] while it does not exist (check mode)."""
    if ctx.organization_id is None:
        ctx.plan_calls(("ListMobileDeviceAccessRules",))
        return []
    return ctx.api.list_mobile_device_access_rules(ctx.organization_id)


class MobileDeviceAccessRule(Resource):
    name = "mobile_device_access_rule"
    operations = ("CreateMobileDeviceAccessRule",)
    fields = (
        (Field("name", "Name"), Field("effect", "Effect", enum=True), Field("description", "Description"))
        + tuple(Field(option, member, kind="list") for option, member in CONDITIONS)
        + (
            Field("id", "MobileDeviceAccessRuleId", read_only=True),
            Field("date_created", "DateCreated", read_only=True),
            Field("date_modified", "DateModified", read_only=True),
        )
    )

    calls = dict(
        read=("ListMobileDeviceAccessRules",),
        # The create lists the rules again, to tell a new rule from the replay of a deleted one.
        create=("CreateMobileDeviceAccessRule", "ListMobileDeviceAccessRules"),
        update=("UpdateMobileDeviceAccessRule",),
        delete=("DeleteMobileDeviceAccessRule",),
    )

    def read(self, ctx, desired):
        matches = [rule for rule in list_rules(ctx) if rule.get("Name") == desired["name"]]
        if len(matches) > 1:
            raise ParameterError(
                "name",
                "{0} mobile device access rules are named {1!r} ({2}); WorkMail allows it, this module cannot tell them "
                "apart: rename or delete all but one".format(len(matches), desired["name"], ", ".join(r["MobileDeviceAccessRuleId"] for r in matches)),
            )
        return matches[0] if matches else None

    def normalize(self, desired):
        desired = dict(desired)
        for option in CONDITION_OPTIONS:
            if desired.get(option) is not None:
                desired[option] = _unique(desired[option])
        return desired

    def validate(self, desired):
        validation.check("name", desired["name"], "CreateMobileDeviceAccessRule", "Name")
        if desired.get("effect") is not None:
            validation.check("effect", desired["effect"].upper(), "CreateMobileDeviceAccessRule", "Effect")
        if desired.get("description"):
            # An empty description removes it: nothing to check.
            validation.check("description", desired["description"], "CreateMobileDeviceAccessRule", "Description")
        for option, member in CONDITIONS:
            if desired.get(option):
                # An empty list removes the condition: nothing to check.
                validation.check(option, desired[option], "CreateMobileDeviceAccessRule", member)

    def check(self, ctx, current, desired):
        if current:
            return
        if not desired.get("effect"):
            raise ParameterError("effect", "is required to create the mobile device access rule {0!r}".format(desired["name"]))
        if ctx.organization_id is None:
            return
        names = [rule.get("Name") for rule in list_rules(ctx)]
        limit = rule_limit()
        if len(names) >= limit:
            ctx.refuse(
                "name",
                [
                    "the organization already has {0} mobile device access rules ({1}), the most WorkMail allows; "
                    "remove one (state=absent) before adding {2!r}".format(len(names), ", ".join(names), desired["name"])
                ],
                code="LimitExceededException",
            )

    def predict(self, ctx, desired):
        return _empty_description_removed(super(MobileDeviceAccessRule, self).predict(ctx, desired))

    def predict_update(self, ctx, current, changes):
        return _empty_description_removed(super(MobileDeviceAccessRule, self).predict_update(ctx, current, changes))

    def create(self, ctx, desired):
        params = self._request(desired)
        # Rule names are not unique: a create sent twice (a lost reply retried, two runs at once)
        # must make one rule, which a ClientToken derived from the request ensures. The rule answered
        # must be there under this name: one deleted or renamed since is not this create's.

        def live(rule_id):
            return next((r for r in list_rules(ctx) if r.get("MobileDeviceAccessRuleId") == rule_id and r.get("Name") == desired["name"]), None)

        ctx.api.create_mobile_device_access_rule(ctx.organization_id, lambda rule_id: appears(lambda: live(rule_id), CREATED_RULE_LAG), **params)

    def update(self, ctx, raw, changes, desired):
        # UpdateMobileDeviceAccessRule replaces the whole rule: send what stays as well.
        rule = self.to_resource(ctx, raw)
        rule.update(changes)
        ctx.api.update_mobile_device_access_rule(ctx.organization_id, raw["MobileDeviceAccessRuleId"], **self._request(rule))

    def delete(self, ctx, raw):
        ctx.api.delete_mobile_device_access_rule(ctx.organization_id, raw["MobileDeviceAccessRuleId"])

    def _request(self, rule):
        params = {"Name": rule["name"], "Effect": rule["effect"].upper()}
        if rule.get("description"):
            params["Description"] = rule["description"]
        for option, member in CONDITIONS:
            if rule.get(option):
                params[member] = list(rule[option])
        return params


MOBILE_DEVICE_ACCESS_RULE = MobileDeviceAccessRule()


def describe_rules(ctx, name=None):
    """The organization's rules (all, or those named ``name``) as the module returns them, in the service's order."""
    if name is not None:
        validation.check("name", name, "CreateMobileDeviceAccessRule", "Name")
    rules = [MOBILE_DEVICE_ACCESS_RULE.to_resource(ctx, raw) for raw in list_rules(ctx)]
    return [rule for rule in rules if name is None or rule["name"] == name]


def evaluate(ctx, device):
    """GetMobileDeviceAccessEffect for ``device`` (type, model, operating_system, user_agent; each optional).

    Returns a dict with ``effect`` (allow, deny) and ``matched_rules`` ({id, name} each, the rules
    that decide it). Overrides are not taken into account: the service evaluates the rules only. In
    check mode, while the organization does not exist yet, ``effect`` is None.
    """
    params = {}
    for option, member in DEVICE_ATTRIBUTES:
        value = device.get(option)
        if value is not None:
            validation.check("device." + option, value, "GetMobileDeviceAccessEffect", member)
            params[member] = value
    if ctx.organization_id is None:
        ctx.plan_calls(("GetMobileDeviceAccessEffect",))
        return {"effect": None, "matched_rules": []}
    answer = ctx.api.get_mobile_device_access_effect(ctx.organization_id, **params)
    return {
        "effect": (answer.get("Effect") or "").lower() or None,
        "matched_rules": [{"id": m.get("MobileDeviceAccessRuleId"), "name": m.get("Name")} for m in answer.get("MatchedRules") or []],
    }


class MobileDeviceAccessOverride(Resource):
    name = "mobile_device_access_override"
    operations = ("PutMobileDeviceAccessOverride",)
    fields = (
        Field("user", "UserId"),
        Field("device_id", "DeviceId", casefold=True),
        Field("effect", "Effect", enum=True),
        Field("description", "Description"),
        Field("date_created", "DateCreated", read_only=True),
        Field("date_modified", "DateModified", read_only=True),
    )

    calls = dict(
        read=("GetMobileDeviceAccessOverride",),
        create=("PutMobileDeviceAccessOverride",),
        update=("PutMobileDeviceAccessOverride",),
        delete=("DeleteMobileDeviceAccessOverride",),
    )

    def validate(self, desired):
        validation.check("user", desired["user"], "PutMobileDeviceAccessOverride", "UserId")
        validation.check("device_id", desired["device_id"], "PutMobileDeviceAccessOverride", "DeviceId")
        if desired.get("effect") is not None:
            validation.check("effect", desired["effect"].upper(), "PutMobileDeviceAccessOverride", "Effect")
        if desired.get("description"):
            validation.check("description", desired["description"], "PutMobileDeviceAccessOverride", "Description")

    def read(self, ctx, desired):
        user = _user(ctx, desired["user"], planning=True)
        if not user["id"]:
            return None
        return ctx.api.get_mobile_device_access_override(ctx.organization_id, user["id"], desired["device_id"])

    def resolve(self, ctx, desired):
        user = _user(ctx, desired["user"], planning=ctx.check_mode)
        if not user["id"]:
            ctx.warnings.append("user: {0!r} not found, assumed to be created by an earlier task".format(desired["user"]))
        elif not user["enabled"]:
            ctx.refuse(
                "user", ["{0!r} is disabled; a device access override can only be given to an enabled user".format(user["name"])], code="EntityStateException"
            )
        desired = dict(desired)
        desired["user"] = user["id"] or user["name"]
        return desired

    def check(self, ctx, current, desired):
        if not current and not desired.get("effect"):
            raise ParameterError("effect", "is required to create the mobile device access override of {0!r}".format(desired["device_id"]))

    def predict(self, ctx, desired):
        return _empty_description_removed(super(MobileDeviceAccessOverride, self).predict(ctx, desired))

    def predict_update(self, ctx, current, changes):
        return _empty_description_removed(super(MobileDeviceAccessOverride, self).predict_update(ctx, current, changes))

    def create(self, ctx, desired):
        self._put(ctx, desired)

    def update(self, ctx, raw, changes, desired):
        # PutMobileDeviceAccessOverride replaces the whole override: send what stays as well.
        override = self.to_resource(ctx, raw)
        override.update(changes)
        self._put(ctx, override)

    def delete(self, ctx, raw):
        ctx.api.delete_mobile_device_access_override(ctx.organization_id, raw["UserId"], raw["DeviceId"])

    def label(self, desired, before):
        return "{0} {1}".format(desired.get("user") or before.get("user"), desired.get("device_id") or before.get("device_id"))

    def provides(self, planned):
        return []

    def _put(self, ctx, override):
        params = {"Effect": override["effect"].upper()}
        if override.get("description"):
            params["Description"] = override["description"]
        ctx.api.put_mobile_device_access_override(ctx.organization_id, override["user"], override["device_id"], **params)


def _user(ctx, ref, planning):
    """The user ``ref`` names (name, email or ID). With ``planning`` an unknown user is not an error
    and comes back with id None: it has no override yet, or an earlier task creates it (check mode)."""
    users, dummy = ctx.resolver.resolve_all([ref], "user", types=("USER",), planning=planning)
    return users[0]


MOBILE_DEVICE_ACCESS_OVERRIDE = MobileDeviceAccessOverride()


def describe_overrides(ctx, user=None, device_id=None):
    """The organization's overrides (of one user and/or one device when given) as the module returns them.

    A user that does not exist has none (in check mode, one an earlier task would create)."""
    filters = {}
    if device_id is not None:
        validation.check("device_id", device_id, "ListMobileDeviceAccessOverrides", "DeviceId")
        filters["DeviceId"] = device_id
    if ctx.organization_id is None:
        ctx.plan_calls(("ListMobileDeviceAccessOverrides",))
        return []
    if user is not None:
        validation.check("user", user, "ListMobileDeviceAccessOverrides", "UserId")
        found = ctx.resolver.resolve(user, ("USER",))
        if found is None:
            ctx.warnings.append("user: {0!r} not found in organization {1!r}; it has no override".format(user, ctx.organization))
            return []
        filters["UserId"] = found["id"]
    return [MOBILE_DEVICE_ACCESS_OVERRIDE.to_resource(ctx, raw) for raw in ctx.api.list_mobile_device_access_overrides(ctx.organization_id, **filters)]
