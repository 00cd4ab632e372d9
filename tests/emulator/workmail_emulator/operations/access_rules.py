"""Access control rules: upsert by name, at most 10 per organization, and their evaluation.

A new organization starts with one rule, the administrator guide's default rule: it allows
every user and impersonation role, whatever the protocol or IP address. It is an ordinary
rule (it counts toward the 10, can be replaced or deleted); with no rule at all, nothing
matches and every request is denied.
"""

from ..errors import EntityNotFoundException, LimitExceededException, ResourceNotFoundException
from ..records import ACCESS_RULE_LISTS, USER, AccessControlRule
from ..registry import operation

MAX_RULES = 10
# The guide documents the default rule but not its name or description (chosen here).
DEFAULT_RULE_NAME = "default"
DEFAULT_RULE_DESCRIPTION = "Default access control rule: allows all users and impersonation roles"


def default_rule(now):
    """Return the rule a new organization starts with: ALLOW, without any condition."""
    return AccessControlRule(DEFAULT_RULE_NAME, "ALLOW", DEFAULT_RULE_DESCRIPTION, {member: [] for member in ACCESS_RULE_LISTS}, now, now)


def _known_user(org, user_id):
    """Return the user with ID ``user_id``, or raise EntityNotFoundException."""
    user = org.find(user_id, (USER,), by_email=False, by_name=False)
    if user is None:
        raise EntityNotFoundException(f"User {user_id} does not exist in organization {org.id}")
    return user


def _known_role(org, role_id):
    """Raise ResourceNotFoundException unless the organization has impersonation role ``role_id``."""
    if role_id not in org.impersonation_roles:
        raise ResourceNotFoundException(f"Impersonation role {role_id} does not exist in organization {org.id}")


@operation("PutAccessControlRule")
def put_access_control_rule(req):
    """Create a rule, or replace every field of the rule with the same name (its creation date is kept)."""
    org, name = req.org, req["Name"]
    lists = {member: list(req.get(member, [])) for member in ACCESS_RULE_LISTS}
    for user_id in lists["UserIds"] + lists["NotUserIds"]:
        _known_user(org, user_id)
    for role_id in lists["ImpersonationRoleIds"] + lists["NotImpersonationRoleIds"]:
        _known_role(org, role_id)
    existing = org.access_rules.get(name)
    if existing is None and len(org.access_rules) >= MAX_RULES:
        raise LimitExceededException(f"Organization {org.id} already has {MAX_RULES} access control rules")
    created = existing.created if existing else req.now
    org.access_rules[name] = AccessControlRule(name, req["Effect"], req["Description"], lists, created, req.now)
    return {}


@operation("ListAccessControlRules")
def list_access_control_rules(req):
    """List the rules in creation order (a replaced rule keeps its place)."""
    return {"Rules": [rule.describe() for rule in req.org.access_rules.values()]}


@operation("DeleteAccessControlRule")
def delete_access_control_rule(req):
    """Delete a rule; deleting a missing rule is not an error."""
    req.org.access_rules.pop(req["Name"], None)
    return {}


@operation("GetAccessControlEffect")
def get_access_control_effect(req):
    """Evaluate the rules for one request: any matching DENY wins, then any ALLOW; no match is DENY."""
    org = req.org
    user_id, role_id = req.get("UserId"), req.get("ImpersonationRoleId")
    if user_id is not None:
        user_id = _known_user(org, user_id).id
    if role_id is not None:
        _known_role(org, role_id)
    matched = [rule for rule in org.access_rules.values() if rule.matches(req["IpAddress"], req["Action"], user_id, role_id)]
    denied = not matched or any(rule.effect == "DENY" for rule in matched)
    effect = "DENY" if denied else "ALLOW"
    return {"Effect": effect, "MatchedRules": [rule.name for rule in matched]}
