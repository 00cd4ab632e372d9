# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Impersonation roles: found by name, replaced whole on update.

WorkMail does not keep role names unique, so a role is found by listing and matching the name,
and two roles of the same name are an error the user must settle. Rule IDs are chosen by the
client; they are derived from the rule names here, so a rerun sends the same IDs. Target users
are given by name, email or ID and stored as user IDs.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import re

from ansible_collections.mailops.workmail.plugins.module_utils import validation
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Field
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Resource
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import appears

RULE_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]+")
# How long a role just created may take to be readable (seconds). A role that is still not there
# after it was answered to a create is one deleted since the same create was last sent.
CREATED_ROLE_LAG = 5
RULE_TARGETS = (("target_users", "TargetUsers"), ("not_target_users", "NotTargetUsers"))


def rule_id(name):
    """The rule ID derived from a rule name: the name itself when it is a valid ID, else a slug
    of it with a short digest of the whole name, so different names never share an ID."""
    limit = validation.member_shape("CreateImpersonationRole", "Rules.ImpersonationRuleId").metadata["max"]
    if RULE_ID_PATTERN.fullmatch(name) and len(name) <= limit:
        return name
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "rule"
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return "{0}-{1}".format(slug[: limit - len(digest) - 1], digest)


def check_references(option, refs, operation, member, item_operation, item_member):
    """Check references (names, emails or IDs) before they are resolved: the item count against
    ``operation.member`` (the list as sent) and each item against ``item_operation.item_member``
    (a parameter that takes any of the forms)."""
    limit = validation.member_shape(operation, member).metadata.get("max")
    if limit is not None and len(set(refs)) > limit:
        raise ParameterError(option, "must have at most {0} items".format(limit))
    for ref in refs:
        validation.check(option, ref, item_operation, item_member)


def list_roles(ctx):
    """The organization's role summaries (no rules), or [] while it does not exist (check mode)."""
    if ctx.organization_id is None:
        ctx.plan_calls(("ListImpersonationRoles",))
        return []
    return ctx.api.list_impersonation_roles(ctx.organization_id)


def resolve_roles(ctx, refs, option, roles):
    """The IDs of the roles ``refs`` name (each an ID or a name), in order, without duplicates.

    ``roles`` are the organization's role summaries. A name two roles share fails, asking for the
    ID. An unknown role fails naming ``option``; in check mode it stays as given (an earlier task
    may create it) and a warning says so.
    """
    ids, missing = [], []
    for ref in refs:
        matches = [r for r in roles if r["ImpersonationRoleId"] == ref] or [r for r in roles if r.get("Name") == ref]
        if len(matches) > 1:
            raise ParameterError(
                option,
                "{0} impersonation roles are named {1!r}; give the ID of the one you mean ({2})".format(
                    len(matches), ref, ", ".join(r["ImpersonationRoleId"] for r in matches)
                ),
            )
        if matches:
            found = matches[0]["ImpersonationRoleId"]
        else:
            missing.append(ref)
            found = ref
        if found not in ids:
            ids.append(found)
    if missing and not ctx.check_mode:
        raise WorkMailError(
            "{0}: no impersonation role has the name or ID {1} in organization {2!r}".format(
                option, ", ".join(repr(m) for m in missing), ctx.organization
            ),
            option=option,
        )
    if missing:
        ctx.warnings.append("{0}: impersonation role not found, assumed to be created by an earlier task: {1}".format(option, ", ".join(missing)))
        ctx.assume("impersonation_role", missing)
    return ids


def resolve_users(ctx, refs, option, enabled=False):
    """The user IDs of users given by name, email or ID, in order, without duplicates.

    In check mode an unknown user stays as given (an earlier task may create it), with a warning.
    With ``enabled``, a disabled user is refused before any write (in check mode, warned about),
    as the service refuses it.
    """
    entities, missing = ctx.resolver.resolve_all(refs, option, types=("USER",), planning=ctx.check_mode)
    if missing:
        ctx.warnings.append("{0}: user not found, assumed to be created by an earlier task: {1}".format(option, ", ".join(missing)))
    if enabled:
        disabled = [entity["name"] for entity in entities if entity["id"] and not entity["enabled"]]
        ctx.refuse(
            option,
            ["{0!r} is disabled; an impersonation rule can only name enabled users".format(name) for name in disabled],
            code="EntityStateException",
        )
    ids = []
    for entity in entities:
        found = entity["id"] or entity["name"]
        if found not in ids:
            ids.append(found)
    return ids


class RulesField(Field):
    """The rules of a role: a whole list, compared regardless of order (of rules and of users)."""

    def normal(self, value):
        if not value:
            return []
        return sorted(
            (
                rule.get("id"),
                rule.get("name"),
                rule.get("effect"),
                rule.get("description") or None,
                tuple(sorted(rule.get("target_users") or [])),
                tuple(sorted(rule.get("not_target_users") or [])),
            )
            for rule in value
        )


def rule_from_api(raw):
    rule = {
        "id": raw.get("ImpersonationRuleId"),
        "name": raw.get("Name"),
        "effect": (raw.get("Effect") or "").lower() or None,
        "description": raw.get("Description"),
    }
    for option, member in RULE_TARGETS:
        rule[option] = list(raw.get(member) or [])
    return rule


def rule_to_api(rule):
    raw = {"ImpersonationRuleId": rule["id"], "Name": rule["name"], "Effect": rule["effect"].upper()}
    if rule.get("description"):
        raw["Description"] = rule["description"]
    for option, member in RULE_TARGETS:
        # The service takes 1 to 10 users or no member at all.
        if rule.get(option):
            raw[member] = list(rule[option])
    return raw


class ImpersonationRole(Resource):
    name = "impersonation_role"
    operations = ("CreateImpersonationRole",)
    fields = (
        Field("name", "Name"),
        Field("type", "Type", enum=True),
        Field("description", "Description"),
        RulesField("rules", "Rules", kind="list"),
        Field("id", "ImpersonationRoleId", read_only=True),
        Field("date_created", "DateCreated", read_only=True),
        Field("date_modified", "DateModified", read_only=True),
    )

    calls = dict(
        read=("ListImpersonationRoles", "GetImpersonationRole"),
        # The create looks the role up by the ID it answers, to tell a new role from a replay.
        create=("CreateImpersonationRole", "GetImpersonationRole"),
        update=("UpdateImpersonationRole",),
        delete=("DeleteImpersonationRole",),
    )

    def read(self, ctx, desired):
        matches = [r for r in list_roles(ctx) if r.get("Name") == desired["name"]]
        if len(matches) > 1:
            raise ParameterError(
                "name",
                "{0} impersonation roles are named {1!r} ({2}); WorkMail allows it, this module cannot tell them "
                "apart: rename or delete all but one".format(len(matches), desired["name"], ", ".join(r["ImpersonationRoleId"] for r in matches)),
            )
        if not matches:
            return None
        return ctx.api.get_impersonation_role(ctx.organization_id, matches[0]["ImpersonationRoleId"])

    def to_resource(self, ctx, raw):
        resource = super(ImpersonationRole, self).to_resource(ctx, raw)
        resource["rules"] = [rule_from_api(rule) for rule in raw.get("Rules") or []]
        return resource

    def normalize(self, desired):
        if desired.get("rules") is None:
            return desired
        rules, ids = [], {}
        for rule in desired["rules"]:
            rule = dict(rule)
            rule["id"] = rule_id(rule["name"])
            if rule["id"] in ids:
                raise ParameterError("rules", "two rules are named {0!r}; rule names must be unique in a role".format(rule["name"]))
            ids[rule["id"]] = rule["name"]
            for option, dummy in RULE_TARGETS:
                rule[option] = list(rule.get(option) or [])
            rules.append(rule)
        desired = dict(desired)
        desired["rules"] = rules
        return desired

    def validate(self, desired):
        validation.check("name", desired["name"], "CreateImpersonationRole", "Name")
        if desired.get("description"):
            # An empty description removes it: nothing to check.
            validation.check("description", desired["description"], "CreateImpersonationRole", "Description")
        if desired.get("type") is not None:
            validation.check("type", desired["type"].upper(), "CreateImpersonationRole", "Type")
        rules = desired.get("rules")
        if rules is None:
            return
        validation.check("rules", rules, "CreateImpersonationRole", "Rules")
        for rule in rules:
            where = "rules[{0}]".format(rule["name"])
            validation.check(where + ".name", rule["name"], "CreateImpersonationRole", "Rules.Name")
            validation.check(where + ".effect", (rule.get("effect") or "").upper(), "CreateImpersonationRole", "Rules.Effect")
            if rule.get("description"):
                validation.check(where + ".description", rule["description"], "CreateImpersonationRole", "Rules.Description")
            for option, member in RULE_TARGETS:
                check_references(where + "." + option, rule[option], "CreateImpersonationRole", "Rules." + member, "GetImpersonationRoleEffect", "TargetUser")

    def resolve(self, ctx, desired):
        if not desired.get("rules"):
            return desired
        rules = []
        for rule in desired["rules"]:
            rule = dict(rule)
            where = "rules[{0}]".format(rule["name"])
            for option, dummy in RULE_TARGETS:
                rule[option] = resolve_users(ctx, rule[option], where + "." + option, enabled=True) if rule[option] else []
            rules.append(rule)
        desired = dict(desired)
        desired["rules"] = rules
        return desired

    def check(self, ctx, current, desired):
        if not current:
            _require_type(desired)

    def predict(self, ctx, desired):
        predicted = super(ImpersonationRole, self).predict(ctx, desired)
        predicted["rules"] = [_public_rule(rule) for rule in desired.get("rules") or []]
        return predicted

    def changes(self, ctx, current, desired):
        changes = super(ImpersonationRole, self).changes(ctx, current, desired)
        if "rules" in changes:
            changes["rules"] = [_public_rule(rule) for rule in changes["rules"]]
        return changes

    def create(self, ctx, desired):
        params = {
            "Name": desired["name"],
            "Type": desired["type"].upper(),
            "Rules": [rule_to_api(rule) for rule in desired.get("rules") or []],
        }
        if desired.get("description"):
            params["Description"] = desired["description"]
        # Role names are not unique: a create sent twice (a lost reply retried, two runs at once)
        # must make one role, which a ClientToken derived from the request ensures. The role answered
        # must be there under this name: one deleted or renamed since is not this create's.

        def live(role_id):
            role = ctx.api.get_impersonation_role(ctx.organization_id, role_id)
            return role if role and role.get("Name") == desired["name"] else None

        return ctx.api.create_impersonation_role(ctx.organization_id, lambda role_id: appears(lambda: live(role_id), CREATED_ROLE_LAG), **params)

    def update(self, ctx, raw, changes, desired):
        # UpdateImpersonationRole replaces the whole role: send what stays as well.
        role = self.to_resource(ctx, raw)
        role.update(changes)
        params = {"Name": role["name"], "Type": role["type"].upper(), "Rules": [rule_to_api(rule) for rule in role["rules"]]}
        if role.get("description"):
            params["Description"] = role["description"]
        ctx.api.update_impersonation_role(ctx.organization_id, raw["ImpersonationRoleId"], **params)

    def delete(self, ctx, raw):
        ctx.api.delete_impersonation_role(ctx.organization_id, raw["ImpersonationRoleId"])


def _require_type(desired):
    if not desired.get("type"):
        raise ParameterError("type", "is required to create the impersonation role {0!r}".format(desired["name"]))


def _public_rule(rule):
    return dict((key, rule.get(key)) for key in ("id", "name", "effect", "description", "target_users", "not_target_users"))


IMPERSONATION_ROLE = ImpersonationRole()


def describe_roles(ctx, name=None):
    """The organization's roles (all of them, or those named ``name``) as the module returns them.
    A name no role can have (an empty one included) fails naming the option, before any call."""
    if name is not None:
        validation.check("name", name, "CreateImpersonationRole", "Name")
    if ctx.organization_id is None:
        ctx.plan_calls(IMPERSONATION_ROLE.calls["read"])
    found = []
    for summary in list_roles(ctx):
        if name is not None and summary.get("Name") != name:
            continue
        raw = ctx.api.get_impersonation_role(ctx.organization_id, summary["ImpersonationRoleId"])
        if raw:
            found.append(IMPERSONATION_ROLE.to_resource(ctx, raw))
    return found


def evaluate(ctx, roles, target_user):
    """GetImpersonationRoleEffect of ``target_user`` (name, email or ID) for each of ``roles``.

    Returns one item per role: impersonation_role (name), impersonation_role_id, target_user (the
    user ID), type, effect and matched_rules (id, name). In check mode, while the organization or
    the user does not exist yet, the list is empty and a warning says why.
    """
    check_references("target_user", [target_user], "CreateImpersonationRole", "Rules.TargetUsers", "GetImpersonationRoleEffect", "TargetUser")
    if ctx.organization_id is None:
        return []
    users, missing = ctx.resolver.resolve_all([target_user], "target_user", types=("USER",), planning=ctx.check_mode)
    if missing:
        ctx.warnings.append("target_user: {0!r} not found, assumed to be created by an earlier task; nothing evaluated".format(target_user))
        return []
    if not users[0]["enabled"]:
        raise ParameterError("target_user", "{0!r} is disabled; impersonation roles apply to enabled users only".format(users[0]["name"]))
    user_id = users[0]["id"]
    effects = []
    for role in roles:
        answer = ctx.api.get_impersonation_role_effect(ctx.organization_id, role["id"], user_id)
        effects.append(
            {
                "impersonation_role": role["name"],
                "impersonation_role_id": role["id"],
                "target_user": user_id,
                "type": (answer.get("Type") or "").lower() or role.get("type"),
                "effect": (answer.get("Effect") or "").lower() or None,
                "matched_rules": [{"id": m.get("ImpersonationRuleId"), "name": m.get("Name")} for m in answer.get("MatchedRules") or []],
            }
        )
    return effects
