"""Impersonation roles: names are not unique, rules are kept verbatim, and no matching rule means DENY."""

import secrets
import uuid

from .. import config
from ..errors import LimitExceededException, ResourceNotFoundException
from ..records import USER, ImpersonationRole, compact
from ..registry import operation
from .entities import find_or_raise, require, require_enabled

ROLES_PAGE_CAP = 20
TOKEN_LIFETIME = 900
_RULE_MEMBERS = ("ImpersonationRuleId", "Name", "Description", "Effect", "TargetUsers", "NotTargetUsers")


def _role(req):
    """Return the role ``ImpersonationRoleId`` names, or raise ResourceNotFoundException."""
    role = req.org.impersonation_roles.get(req["ImpersonationRoleId"])
    if role is None:
        raise ResourceNotFoundException(f"Impersonation role {req['ImpersonationRoleId']} does not exist in organization {req.org.id}")
    return role


def _rules(req):
    """Return the request's rules as they will be stored, after checking that every target user is enabled."""
    for rule in req["Rules"]:
        for target in rule.get("TargetUsers", []) + rule.get("NotTargetUsers", []):
            require_enabled(find_or_raise(req.org, target, (USER,)))
    return [compact(**{member: rule.get(member) for member in _RULE_MEMBERS}) for rule in req["Rules"]]


@operation("CreateImpersonationRole")
def create_impersonation_role(req):
    """Create a role; several roles may share a name."""
    org = req.org
    rules = _rules(req)
    limit = config.get("max_impersonation_roles")
    if len(org.impersonation_roles) >= limit:
        raise LimitExceededException(f"Organization {org.id} already has {limit} impersonation roles")
    role = ImpersonationRole(str(uuid.uuid4()), req["Name"], req["Type"], req.get("Description"), rules, req.now, req.now)
    org.impersonation_roles[role.id] = role
    return {"ImpersonationRoleId": role.id}


@operation("GetImpersonationRole")
def get_impersonation_role(req):
    """Return a role with its rules."""
    return _role(req).describe()


@operation("ListImpersonationRoles", page_cap=ROLES_PAGE_CAP)
def list_impersonation_roles(req):
    """List role summaries, at most 20 per page whatever MaxResults says."""
    return req.paginate("Roles", req.org.impersonation_roles.values(), ImpersonationRole.summary)


@operation("UpdateImpersonationRole")
def update_impersonation_role(req):
    """Replace a role's name, type, description and rules."""
    role = _role(req)
    role.rules = _rules(req)
    role.name, role.type, role.description, role.modified = req["Name"], req["Type"], req.get("Description"), req.now
    return {}


@operation("DeleteImpersonationRole")
def delete_impersonation_role(req):
    """Delete a role; deleting a missing role is not an error."""
    req.org.impersonation_roles.pop(req["ImpersonationRoleId"], None)
    return {}


def _target_ids(org, identifiers):
    """Return the IDs of the users a rule's target list names (entries that name nobody are skipped)."""
    found = (org.find(identifier, (USER,)) for identifier in identifiers)
    return {user.id for user in found if user is not None}


@operation("GetImpersonationRoleEffect")
def get_impersonation_role_effect(req):
    """Evaluate a role for one target user: any matching DENY wins, then any ALLOW; no match is DENY."""
    org, role = req.org, _role(req)
    target = require(req, "TargetUser", (USER,))
    require_enabled(target)
    matched = [
        rule for rule in role.rules
        if ("TargetUsers" not in rule or target.id in _target_ids(org, rule["TargetUsers"]))
        and ("NotTargetUsers" not in rule or target.id not in _target_ids(org, rule["NotTargetUsers"]))
    ]
    effects = {rule["Effect"] for rule in matched}
    effect = "ALLOW" if effects == {"ALLOW"} else "DENY"
    return {"Type": role.type, "Effect": effect,
            "MatchedRules": [compact(ImpersonationRuleId=rule["ImpersonationRuleId"], Name=rule.get("Name")) for rule in matched]}


@operation("AssumeImpersonationRole")
def assume_impersonation_role(req):
    """Return a fresh opaque session token for a role (the call log shows it redacted)."""
    _role(req)
    return {"Token": secrets.token_urlsafe(48), "ExpiresIn": TOKEN_LIFETIME}
