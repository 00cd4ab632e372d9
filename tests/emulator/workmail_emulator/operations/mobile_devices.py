"""Mobile device access: rules that allow or deny devices by type, model, operating system and user
agent, at most 10 per organization, and overrides for one user's device.

Evaluation (GetMobileDeviceAccessEffect): a rule matches when every condition it sets holds; any
matching DENY rule wins, then any matching ALLOW rule; when no rule matches, the device is allowed.
The call takes no user or device ID, so it evaluates the rules only: an override, which decides
for one user's device whatever the rules say, never enters it.
"""

import uuid

from ..errors import EntityNotFoundException, LimitExceededException, ResourceNotFoundException
from ..records import MOBILE_DEVICE_DIMENSIONS, MOBILE_RULE_LISTS, USER, MobileDeviceAccessOverride, MobileDeviceAccessRule
from ..registry import operation
from .entities import require, require_enabled

MAX_RULES = 10


def _rule(req):
    """Return the rule ``MobileDeviceAccessRuleId`` names, or raise EntityNotFoundException (the code the model lists)."""
    rule = req.org.mobile_rules.get(req["MobileDeviceAccessRuleId"])
    if rule is None:
        raise EntityNotFoundException(f"Mobile device access rule {req['MobileDeviceAccessRuleId']} does not exist in organization {req.org.id}")
    return rule


def _conditions(req):
    """Return the rule's conditions as sent: only the lists the request sets."""
    return {member: list(req[member]) for member in MOBILE_RULE_LISTS if req.get(member) is not None}


@operation("CreateMobileDeviceAccessRule")
def create_mobile_device_access_rule(req):
    """Create a rule; several rules may share a name."""
    org = req.org
    if len(org.mobile_rules) >= MAX_RULES:
        raise LimitExceededException(f"Organization {org.id} already has {MAX_RULES} mobile device access rules")
    rule = MobileDeviceAccessRule(str(uuid.uuid4()), req["Name"], req["Effect"], req.get("Description"), _conditions(req), req.now, req.now)
    org.mobile_rules[rule.id] = rule
    return {"MobileDeviceAccessRuleId": rule.id}


@operation("UpdateMobileDeviceAccessRule")
def update_mobile_device_access_rule(req):
    """Replace a rule's name, effect, description and conditions (what the request leaves out is removed)."""
    rule = _rule(req)
    rule.name, rule.effect, rule.description = req["Name"], req["Effect"], req.get("Description")
    rule.lists, rule.modified = _conditions(req), req.now
    return {}


@operation("DeleteMobileDeviceAccessRule")
def delete_mobile_device_access_rule(req):
    """Delete a rule; deleting a missing rule is not an error."""
    req.org.mobile_rules.pop(req["MobileDeviceAccessRuleId"], None)
    return {}


@operation("ListMobileDeviceAccessRules")
def list_mobile_device_access_rules(req):
    """List the rules in creation order (an updated rule keeps its place)."""
    return {"Rules": [rule.describe() for rule in req.org.mobile_rules.values()]}


@operation("GetMobileDeviceAccessEffect")
def get_mobile_device_access_effect(req):
    """Evaluate the rules for a simulated device: any matching DENY wins, then any matching ALLOW; no match is ALLOW.

    MatchedRules are the rules that produced the effect (the matching rules of that effect), in list order.
    """
    device = {attribute: req.get(attribute) for attribute, included, excluded in MOBILE_DEVICE_DIMENSIONS}
    matched = [rule for rule in req.org.mobile_rules.values() if rule.matches(device)]
    effect = "DENY" if any(rule.effect == "DENY" for rule in matched) else "ALLOW"
    return {"Effect": effect,
            "MatchedRules": [{"MobileDeviceAccessRuleId": rule.id, "Name": rule.name} for rule in matched if rule.effect == effect]}


def _user(req, member="UserId"):
    """Return the user the member names by ID, email or name, or raise EntityNotFoundException."""
    return require(req, member, (USER,))


@operation("PutMobileDeviceAccessOverride")
def put_mobile_device_access_override(req):
    """Create or replace the override of one user's device (the user must be enabled); its creation date is kept."""
    user = _user(req)
    require_enabled(user)
    key = (user.id, req["DeviceId"].lower())
    existing = req.org.mobile_overrides.get(key)
    device_id = existing.device_id if existing else req["DeviceId"]
    created = existing.created if existing else req.now
    req.org.mobile_overrides[key] = MobileDeviceAccessOverride(user.id, device_id, req["Effect"], req.get("Description"), created, req.now)
    return {}


@operation("GetMobileDeviceAccessOverride")
def get_mobile_device_access_override(req):
    """Return the override of one user's device, or raise ResourceNotFoundException."""
    user = _user(req)
    override = req.org.mobile_overrides.get((user.id, req["DeviceId"].lower()))
    if override is None:
        raise ResourceNotFoundException(f"User {user.id} has no mobile device access override for device {req['DeviceId']}")
    return override.describe()


@operation("DeleteMobileDeviceAccessOverride")
def delete_mobile_device_access_override(req):
    """Delete the override of one user's device; deleting a missing override is not an error."""
    user = _user(req)
    req.org.mobile_overrides.pop((user.id, req["DeviceId"].lower()), None)
    return {}


@operation("ListMobileDeviceAccessOverrides")
def list_mobile_device_access_overrides(req):
    """List the overrides, of one user and/or one device when the request says so, in creation order."""
    overrides = req.org.mobile_overrides
    user_id = _user(req).id if req.get("UserId") is not None else None
    device_id = req.get("DeviceId")
    selected = [override for (owner, device), override in overrides.items()
                if (user_id is None or owner == user_id) and (device_id is None or device == device_id.lower())]
    return req.paginate("Overrides", selected, MobileDeviceAccessOverride.describe)
