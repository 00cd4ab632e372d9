"""Groups and their direct members (users or groups)."""

import uuid

from ..errors import EntityStateException, InvalidParameterException
from ..records import DELETED, ENABLED, GROUP, Group
from ..registry import operation
from .entities import check_new_name, prefix_filtered, require, require_not_deleted

GROUPS = (GROUP,)
_GROUP_FILTERS = {
    "NamePrefix": lambda group: group.name,
    "PrimaryEmailPrefix": lambda group: group.email,
    "State": lambda group: group.state,
}


@operation("CreateGroup")
def create_group(req):
    """Create a DISABLED group; RegisterToWorkMail enables it."""
    check_new_name(req.org, req["Name"])
    group = Group(id=str(uuid.uuid4()), name=req["Name"], hidden=req.get("HiddenFromGlobalAddressList", False))
    req.org.add_entity(group)
    return {"GroupId": group.id}


@operation("DescribeGroup")
def describe_group(req):
    """Describe a group in any state."""
    return require(req, "GroupId", GROUPS).describe()


@operation("ListGroups")
def list_groups(req):
    """List groups in creation order, DELETED ones included (filter on State to leave them out)."""
    groups = prefix_filtered(req.org.groups.values(), req.get("Filters", {}), _GROUP_FILTERS)
    return req.paginate("Groups", groups, Group.summary)


@operation("UpdateGroup")
def update_group(req):
    """Change whether the group is hidden from the global address list (omitted = unchanged)."""
    group = require(req, "GroupId", GROUPS)
    require_not_deleted(group)
    if req.get("HiddenFromGlobalAddressList") is not None:
        group.hidden = req["HiddenFromGlobalAddressList"]
    return {}


@operation("DeleteGroup")
def delete_group(req):
    """Delete a DISABLED group and its memberships; a missing or already deleted group is not an error."""
    group = req.org.find(req["GroupId"], GROUPS, by_email=False)
    if group is None or group.state == DELETED:
        return {}
    if group.state == ENABLED:
        raise EntityStateException(f"Group {group.id} is enabled; deregister it from WorkMail before deleting it")
    req.org.mark_deleted(group)
    return {}


def _group_and_member(req):
    group = require(req, "GroupId", GROUPS)
    member = require(req, "MemberId")
    if member is group:
        raise InvalidParameterException(f"Invalid value for member 'MemberId': group {group.id} cannot be a member of itself")
    require_not_deleted(group)
    require_not_deleted(member)
    return group, member


@operation("AssociateMemberToGroup")
def associate_member_to_group(req):
    """Add a user or group to a group; adding an existing member changes nothing."""
    req.org.add_member(*_group_and_member(req))
    return {}


@operation("DisassociateMemberFromGroup")
def disassociate_member_from_group(req):
    """Remove a member from a group; removing a non-member changes nothing."""
    req.org.remove_member(*_group_and_member(req))
    return {}


@operation("ListGroupMembers")
def list_group_members(req):
    """List a group's direct members in the order they were added."""
    group = require(req, "GroupId", GROUPS)
    require_not_deleted(group)
    entities = req.org.entities
    return req.paginate("Members", group.members, lambda member_id: entities[member_id].member_summary())


@operation("ListGroupsForEntity")
def list_groups_for_entity(req):
    """List the groups a user or group is a direct member of."""
    org = req.org
    entity = require(req, "EntityId")
    require_not_deleted(entity)
    prefix = (req.get("Filters", {}).get("GroupNamePrefix") or "").lower()
    groups = (org.groups[group_id] for group_id in org.member_of.get(entity.id, ()))
    matching = (group for group in groups if group.name.lower().startswith(prefix))
    return req.paginate("Groups", matching, lambda group: {"GroupId": group.id, "GroupName": group.name})
