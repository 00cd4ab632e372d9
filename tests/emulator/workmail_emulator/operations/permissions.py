"""Mailbox permissions: what a user, group or resource may do with the mailbox of another."""

from ..errors import EntityNotFoundException, InvalidParameterException
from ..records import DELETED, RESOURCE
from ..registry import operation
from .entities import MAILBOX_OWNERS, require, require_not_deleted

# The values in the order the model lists them; a grant is kept in this order.
PERMISSION_VALUES = ("FULL_ACCESS", "SEND_AS", "SEND_ON_BEHALF")


def _owner_and_grantee(req):
    owner = require(req, "EntityId", MAILBOX_OWNERS)
    grantee = require(req, "GranteeId", MAILBOX_OWNERS)
    if grantee is owner:
        raise InvalidParameterException(f"Invalid value for member 'GranteeId': {grantee.kind.lower()} {grantee.id} owns the mailbox")
    require_not_deleted(owner)
    require_not_deleted(grantee)
    return owner, grantee


@operation("PutMailboxPermissions")
def put_mailbox_permissions(req):
    """Set the grantee's permissions on the mailbox, replacing the ones it had."""
    owner, grantee = _owner_and_grantee(req)
    values = [value for value in PERMISSION_VALUES if value in req["PermissionValues"]]
    owner.permissions = {**owner.permissions, grantee.id: values}
    return {}


@operation("DeleteMailboxPermissions")
def delete_mailbox_permissions(req):
    """Remove every permission of the grantee on the mailbox; a grantee without any changes nothing."""
    owner, grantee = _owner_and_grantee(req)
    owner.permissions = {grantee_id: values for grantee_id, values in owner.permissions.items() if grantee_id != grantee.id}
    return {}


@operation("ListMailboxPermissions")
def list_mailbox_permissions(req):
    """List who has which permissions on a mailbox, in the order they were first granted.

    A resource grantee is reported as USER: the model's GranteeType has no RESOURCE value.
    """
    owner = require(req, "EntityId", MAILBOX_OWNERS)
    if owner.state == DELETED:
        raise EntityNotFoundException(f"{owner.kind.title()} {owner.id} is deleted and has no mailbox")
    entities = req.org.entities

    def render(item):
        grantee_id, values = item
        kind = entities[grantee_id].kind
        return {"GranteeId": grantee_id, "GranteeType": "USER" if kind == RESOURCE else kind, "PermissionValues": list(values)}

    return req.paginate("Permissions", list(owner.permissions.items()), render)
