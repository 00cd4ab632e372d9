"""Resources (rooms and equipment), their booking options and their delegates."""

import uuid

from ..errors import EntityStateException, InvalidConfigurationException, NameAvailabilityException
from ..records import DELETED, ENABLED, GROUP, RESOURCE, USER, Resource
from ..registry import operation
from .entities import RESERVED_NAMES, check_new_name, prefix_filtered, require, require_not_deleted

RESOURCES = (RESOURCE,)
BOOKING_MEMBERS = ("AutoAcceptRequests", "AutoDeclineRecurringRequests", "AutoDeclineConflictingRequests")
_RESOURCE_FILTERS = {
    "NamePrefix": lambda resource: resource.name,
    "PrimaryEmailPrefix": lambda resource: resource.email,
    "State": lambda resource: resource.state,
}


@operation("CreateResource")
def create_resource(req):
    """Create a DISABLED resource with the default booking options; RegisterToWorkMail enables it."""
    check_new_name(req.org, req["Name"])
    resource = Resource(id=f"r-{uuid.uuid4().hex}", name=req["Name"], type=req["Type"], description=req.get("Description"),
                        hidden=req.get("HiddenFromGlobalAddressList", False))
    req.org.add_entity(resource)
    return {"ResourceId": resource.id}


@operation("DescribeResource")
def describe_resource(req):
    """Describe a resource in any state."""
    return require(req, "ResourceId", RESOURCES).describe()


@operation("ListResources")
def list_resources(req):
    """List resources in creation order, DELETED ones included (filter on State to leave them out)."""
    resources = prefix_filtered(req.org.resources.values(), req.get("Filters", {}), _RESOURCE_FILTERS)
    return req.paginate("Resources", resources, Resource.summary)


@operation("UpdateResource")
def update_resource(req):
    """Change the members given (omitted = unchanged; an empty Description clears it).

    BookingOptions is one structure of plain booleans: it replaces the resource's options whole,
    a member left out of it being false. A resource that would neither accept requests on its own
    nor have a delegate is refused (InvalidConfigurationException).
    """
    org = req.org
    resource = require(req, "ResourceId", RESOURCES)
    require_not_deleted(resource)
    name = req.get("Name")
    if name is not None and name.lower() != resource.name.lower():
        if name.lower() in RESERVED_NAMES:
            # ReservedNameException is not in UpdateResource's error list.
            raise NameAvailabilityException(f"The name {name} is reserved")
        check_new_name(org, name)
    booking = req.get("BookingOptions")
    if booking is not None:
        booking = {member: bool(booking.get(member, False)) for member in BOOKING_MEMBERS}
        if not booking["AutoAcceptRequests"] and not resource.delegates:
            raise InvalidConfigurationException(
                f"Resource {resource.id} has no delegate: it must accept requests automatically (AutoAcceptRequests) "
                "until a delegate is associated to it")
        resource.booking = booking
    if name is not None and name != resource.name:
        if name.lower() == resource.name.lower():
            resource.name = name
        else:
            org.rename(resource, name)
    resource.type = req.get("Type", resource.type)
    if req.get("Description") is not None:
        resource.description = req["Description"] or None
    if req.get("HiddenFromGlobalAddressList") is not None:
        resource.hidden = req["HiddenFromGlobalAddressList"]
    return {}


@operation("DeleteResource")
def delete_resource(req):
    """Delete a DISABLED resource; a missing or already deleted resource is not an error."""
    resource = req.org.find(req["ResourceId"], RESOURCES, by_email=False)
    if resource is None or resource.state == DELETED:
        return {}
    if resource.state == ENABLED:
        raise EntityStateException(f"Resource {resource.id} is enabled; deregister it from WorkMail before deleting it")
    req.org.mark_deleted(resource)
    return {}


def _resource_and_delegate(req):
    resource = require(req, "ResourceId", RESOURCES)
    delegate = require(req, "EntityId", (USER, GROUP))
    require_not_deleted(resource)
    require_not_deleted(delegate)
    return resource, delegate


@operation("AssociateDelegateToResource")
def associate_delegate_to_resource(req):
    """Make a user or group a delegate of a resource; an existing delegate changes nothing."""
    req.org.add_delegate(*_resource_and_delegate(req))
    return {}


@operation("DisassociateDelegateFromResource")
def disassociate_delegate_from_resource(req):
    """Remove a delegate of a resource; removing a non-delegate changes nothing."""
    req.org.remove_delegate(*_resource_and_delegate(req))
    return {}


@operation("ListResourceDelegates")
def list_resource_delegates(req):
    """List a resource's delegates in the order they were added."""
    resource = require(req, "ResourceId", RESOURCES)
    require_not_deleted(resource)
    entities = req.org.entities
    return req.paginate("Delegates", resource.delegates, lambda delegate_id: {"Id": delegate_id, "Type": entities[delegate_id].kind})
