# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Access control rules: which protocols, addresses, users and impersonation roles may reach mail.

A rule is found by name and written whole with PutAccessControlRule (an upsert that replaces
every field), so an update sends the complete rule: what the user set merged into what is
there. Lists compare as sets; address ranges are normalised CIDRs; users are stored as user
IDs and impersonation roles as role IDs, whatever form the user gave them in. An organization
holds at most as many rules as ListAccessControlRules can return (10, the default rule WorkMail
gives every new organization included): a new rule beyond that fails with a clear message before
any write. WorkMail denies a request that no rule allows, so deleting the last rule that allows
access (the last rule of all, say) blocks all access to the organization's mailboxes: it warns.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress

from ansible_collections.mailops.workmail.plugins.module_utils import validation
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Field
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Resource
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.impersonation import check_references
from ansible_collections.mailops.workmail.plugins.module_utils.impersonation import list_roles
from ansible_collections.mailops.workmail.plugins.module_utils.impersonation import resolve_roles
from ansible_collections.mailops.workmail.plugins.module_utils.impersonation import resolve_users

# The protocol actions the API reference lists; users may write them in any case.
ACTIONS = ("ActiveSync", "AutoDiscover", "EWS", "IMAP", "SMTP", "WindowsOutlook", "WebMail")
_ACTIONS = dict((action.lower(), action) for action in ACTIONS)

ACTION_OPTIONS = ("actions", "not_actions")
RANGE_OPTIONS = ("ip_ranges", "not_ip_ranges")
USER_OPTIONS = ("users", "not_users")
ROLE_OPTIONS = ("impersonation_roles", "not_impersonation_roles")
LIST_OPTIONS = ACTION_OPTIONS + RANGE_OPTIONS + USER_OPTIONS + ROLE_OPTIONS


def canonical_action(option, value):
    """The API's spelling of a protocol action given in any case (``imap`` -> ``IMAP``)."""
    try:
        return _ACTIONS[value.strip().lower()]
    except KeyError:
        raise ParameterError(option, "{0!r} is not one of {1}".format(value, ", ".join(ACTIONS)))


def canonical_range(option, value):
    """An IPv4 range as WorkMail stores it: network address and prefix (``10.1.2.3/8`` ->
    ``10.0.0.0/8``, ``192.0.2.7`` -> ``192.0.2.7/32``)."""
    try:
        network = ipaddress.ip_network(value.strip(), strict=False)
    except ValueError:
        raise ParameterError(option, "{0!r} is not an IP address range in CIDR notation (for example 192.0.2.0/24)".format(value))
    if network.version != 4:
        raise ParameterError(option, "{0!r}: WorkMail access control rules take IPv4 ranges only".format(value))
    return str(network)


def _unique(values):
    seen = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def rule_limit():
    """The most rules an organization holds: the size of the list ListAccessControlRules returns."""
    rules = validation.service_model().operation_model("ListAccessControlRules").output_shape.members["Rules"]
    return rules.metadata["max"]


class AccessControlRule(Resource):
    name = "access_control_rule"
    operations = ("PutAccessControlRule",)
    fields = (
        Field("name", "Name"),
        Field("effect", "Effect", enum=True),
        Field("description", "Description"),
        Field("actions", "Actions", kind="list"),
        Field("not_actions", "NotActions", kind="list"),
        Field("ip_ranges", "IpRanges", kind="list"),
        Field("not_ip_ranges", "NotIpRanges", kind="list"),
        Field("users", "UserIds", kind="list"),
        Field("not_users", "NotUserIds", kind="list"),
        Field("impersonation_roles", "ImpersonationRoleIds", kind="list"),
        Field("not_impersonation_roles", "NotImpersonationRoleIds", kind="list"),
        Field("date_created", "DateCreated", read_only=True),
        Field("date_modified", "DateModified", read_only=True),
    )

    calls = dict(
        read=("ListAccessControlRules",), create=("PutAccessControlRule",), update=("PutAccessControlRule",), delete=("DeleteAccessControlRule",)
    )

    def read(self, ctx, desired):
        return next((rule for rule in ctx.api.list_access_control_rules(ctx.organization_id) if rule.get("Name") == desired["name"]), None)

    def check_delete(self, ctx, raw):
        others = [rule for rule in ctx.api.list_access_control_rules(ctx.organization_id) if rule.get("Name") != raw["Name"]]
        if not any(rule.get("Effect") == "ALLOW" for rule in others):
            ctx.warnings.append(
                "deleting {0!r} leaves no access control rule that allows access: WorkMail then blocks all access to the "
                "organization's mailboxes (a request no rule allows is denied)".format(raw["Name"])
            )

    def to_resource(self, ctx, raw):
        resource = super(AccessControlRule, self).to_resource(ctx, raw)
        # Ranges set elsewhere may carry host bits (10.1.2.3/8); they mean the same network.
        for option in RANGE_OPTIONS:
            resource[option] = [_stored_range(value) for value in resource[option]]
        return resource

    def normalize(self, desired):
        desired = dict(desired)
        for option in ACTION_OPTIONS:
            if desired.get(option) is not None:
                desired[option] = _unique(canonical_action(option, value) for value in desired[option])
        for option in RANGE_OPTIONS:
            if desired.get(option) is not None:
                desired[option] = _unique(canonical_range(option, value) for value in desired[option])
        for option in USER_OPTIONS + ROLE_OPTIONS:
            if desired.get(option) is not None:
                desired[option] = _unique(value.strip() for value in desired[option])
        return desired

    def validate(self, desired):
        validation.check("name", desired["name"], "PutAccessControlRule", "Name")
        if desired.get("effect") is not None:
            validation.check("effect", desired["effect"].upper(), "PutAccessControlRule", "Effect")
        if desired.get("description") is not None:
            if not desired["description"]:
                raise ParameterError(
                    "description", "cannot be empty: WorkMail requires a description (leave it unset to keep the current one, or the rule name on create)"
                )
            validation.check("description", desired["description"], "PutAccessControlRule", "Description")
        for option in ACTION_OPTIONS + RANGE_OPTIONS:
            if desired.get(option) is not None:
                validation.check(option, desired[option], "PutAccessControlRule", self.field(option).member)
        for option in USER_OPTIONS:
            if desired.get(option):
                check_references(option, desired[option], "PutAccessControlRule", self.field(option).member, "GetImpersonationRoleEffect", "TargetUser")
        for option in ROLE_OPTIONS:
            if desired.get(option):
                check_references(option, desired[option], "PutAccessControlRule", self.field(option).member, "CreateImpersonationRole", "Name")

    def resolve(self, ctx, desired):
        desired = dict(desired)
        for option in USER_OPTIONS:
            if desired.get(option):
                desired[option] = resolve_users(ctx, desired[option], option)
        if any(desired.get(option) for option in ROLE_OPTIONS):
            roles = list_roles(ctx)
            for option in ROLE_OPTIONS:
                if desired.get(option):
                    desired[option] = resolve_roles(ctx, desired[option], option, roles)
        return desired

    def check(self, ctx, current, desired):
        if not current:
            _require_effect(desired)
            self._check_room(ctx, desired["name"])

    def predict(self, ctx, desired):
        predicted = super(AccessControlRule, self).predict(ctx, desired)
        predicted["description"] = desired.get("description") or desired["name"]
        return predicted

    def create(self, ctx, desired):
        rule = dict((option, []) for option in LIST_OPTIONS)
        rule.update(desired)
        rule["description"] = desired.get("description") or desired["name"]
        self._put(ctx, rule)

    def update(self, ctx, raw, changes, desired):
        # PutAccessControlRule replaces the whole rule: send what stays as well.
        rule = self.to_resource(ctx, raw)
        rule.update(changes)
        self._put(ctx, rule)

    def delete(self, ctx, raw):
        ctx.api.delete_access_control_rule(ctx.organization_id, raw["Name"])

    def _put(self, ctx, rule):
        params = {"Name": rule["name"], "Effect": rule["effect"].upper(), "Description": rule["description"]}
        for option in LIST_OPTIONS:
            params[self.field(option).member] = list(rule.get(option) or [])
        ctx.api.put_access_control_rule(ctx.organization_id, **params)

    def _check_room(self, ctx, name):
        """Fail before writing a rule the organization has no room for (in check mode, warn: an
        earlier task may yet remove a rule)."""
        if ctx.organization_id is None:
            return
        names = [rule.get("Name") for rule in ctx.api.list_access_control_rules(ctx.organization_id)]
        limit = rule_limit()
        if name in names or len(names) < limit:
            return
        ctx.refuse(
            "name",
            [
                "the organization already has {0} access control rules ({1}), the most WorkMail allows; "
                "remove one (state=absent) before adding {2!r}".format(len(names), ", ".join(names), name)
            ],
            code="LimitExceededException",
        )


def _require_effect(desired):
    if not desired.get("effect"):
        raise ParameterError("effect", "is required to create the access control rule {0!r}".format(desired["name"]))


def _stored_range(value):
    try:
        return canonical_range("ip_ranges", value)
    except ParameterError:
        return value


ACCESS_CONTROL_RULE = AccessControlRule()


def describe_rules(ctx):
    """Every rule of the organization as the module returns it, in the service's order."""
    if ctx.organization_id is None:
        ctx.plan_calls(ACCESS_CONTROL_RULE.calls["read"])
        return []
    return [ACCESS_CONTROL_RULE.to_resource(ctx, raw) for raw in ctx.api.list_access_control_rules(ctx.organization_id)]


def evaluate(ctx, ip_address, action, user=None, impersonation_role=None):
    """GetAccessControlEffect: whether ``user`` (name, email or ID) or ``impersonation_role`` (name
    or ID) may use ``action`` from ``ip_address``.

    Returns a dict with ``effect`` (allow, deny) and ``matched_rules`` (rule names). In check mode,
    while the organization, the user or the role does not exist yet, ``effect`` is None.
    """
    try:
        address = ipaddress.ip_address(ip_address.strip())
    except ValueError:
        raise ParameterError("ip_address", "{0!r} is not an IP address".format(ip_address))
    if address.version != 4:
        raise ParameterError("ip_address", "{0!r}: WorkMail evaluates IPv4 addresses only".format(ip_address))
    action = canonical_action("action", action)
    if (user is None) == (impersonation_role is None):
        raise ParameterError("user", "give a user or an impersonation_role (one of them) to evaluate a request from ip_address")
    if impersonation_role is not None and action != "EWS":
        raise ParameterError("action", "must be EWS to evaluate an impersonation role (impersonation works through EWS only)")

    unknown = {"effect": None, "matched_rules": []}
    if ctx.organization_id is None:
        return unknown
    params = {"IpAddress": str(address), "Action": action}
    if user is not None:
        validation.check("user", user, "GetImpersonationRoleEffect", "TargetUser")
        params["UserId"] = resolve_users(ctx, [user], "user")[0]
        if not ctx.resolver.resolve(user, ("USER",)):
            return unknown
    else:
        validation.check("impersonation_role", impersonation_role, "CreateImpersonationRole", "Name")
        roles = list_roles(ctx)
        params["ImpersonationRoleId"] = resolve_roles(ctx, [impersonation_role], "impersonation_role", roles)[0]
        if not any(r["ImpersonationRoleId"] == params["ImpersonationRoleId"] for r in roles):
            return unknown
    answer = ctx.api.get_access_control_effect(ctx.organization_id, **params)
    return {"effect": (answer.get("Effect") or "").lower() or None, "matched_rules": list(answer.get("MatchedRules") or [])}
