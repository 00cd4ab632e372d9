"""What users and groups share: lookups, registration to WorkMail, the primary address and aliases."""

from .. import config
from ..errors import (EntityAlreadyRegisteredException, EntityNotFoundException, EntityStateException,
                      InvalidParameterException, LimitExceededException, NameAvailabilityException, ReservedNameException)
from ..records import DELETED, DISABLED, ENABLED, GROUP, RESOURCE, USER
from ..registry import operation

# Names of the built-in accounts of the directory; creating a user or group with one is refused.
RESERVED_NAMES = frozenset({"administrator", "guest", "krbtgt"})
_LABELS = {(USER,): "User", (GROUP,): "Group", (RESOURCE,): "Resource", (USER, RESOURCE): "User or resource"}
# The entities that have a mailbox, an address and aliases.
MAILBOX_OWNERS = (USER, GROUP, RESOURCE)


def require(req, member, kinds=(USER, GROUP), by_email=True, by_name=True):
    """Return the entity the request member ``member`` names, or raise EntityNotFoundException.

    ``by_email`` and ``by_name`` say which identifier forms the member accepts
    besides the ID (see the identifier table of the semantics reference).
    """
    return find_or_raise(req.org, req[member], kinds, by_email, by_name)


def find_or_raise(org, identifier, kinds=(USER, GROUP), by_email=True, by_name=True):
    """Return the entity ``identifier`` names in ``org``, or raise EntityNotFoundException."""
    entity = org.find(identifier, kinds, by_email, by_name)
    if entity is None:
        raise EntityNotFoundException(f"{_LABELS.get(tuple(kinds), 'Entity')} {identifier} does not exist in organization {org.id}")
    return entity


def require_not_deleted(entity):
    """Raise EntityStateException when ``entity`` is DELETED."""
    if entity.state == DELETED:
        raise EntityStateException(f"{entity.kind.title()} {entity.id} is deleted")


def require_enabled(entity):
    """Raise EntityStateException unless ``entity`` is ENABLED (registered to WorkMail)."""
    if entity.state != ENABLED:
        raise EntityStateException(f"{entity.kind.title()} {entity.id} is {entity.state}; it must be registered to WorkMail first")


def check_new_name(org, name):
    """Raise unless ``name`` can be given to a new user, group or resource of ``org`` (names are
    unique across the three)."""
    if name.lower() in RESERVED_NAMES:
        raise ReservedNameException(f"The name {name} is reserved")
    if name.lower() in org.names:
        raise NameAvailabilityException(f"The name {name} is already used by another user, group or resource")


def prefix_filtered(entities, filters, fields):
    """Yield the entities that pass every filter; ``fields`` maps a filter name to the entity value it tests.

    Prefix filters compare case-insensitively; the ``State`` filter compares exactly.
    """
    active = {name: value for name, value in filters.items() if value is not None and name in fields}
    for entity in entities:
        if all(_passes(fields[name](entity), name, value) for name, value in active.items()):
            yield entity


def _passes(actual, name, wanted):
    if name == "State":
        return actual == wanted
    return (actual or "").lower().startswith(wanted.lower())


@operation("RegisterToWorkMail")
def register_to_workmail(req):
    """Enable a user, group or resource with a primary address; the same address again changes nothing."""
    org, now, email = req.org, req.now, req["Email"]
    entity = require(req, "EntityId", MAILBOX_OWNERS, by_email=False)
    domain = org.domain_of(email)
    require_not_deleted(entity)
    if entity.state == ENABLED:
        if entity.email.lower() == email.lower():
            return {}
        raise EntityAlreadyRegisteredException(f"{entity.kind.title()} {entity.id} is already registered to WorkMail with {entity.email}")
    org.require_verified(domain, now)
    org.require_free(email, entity)
    entity.state, entity.email, entity.enabled_date = ENABLED, email, now
    org.claim(entity, email)
    if entity.kind == USER:
        entity.mailbox_provisioned_date = now
    return {}


@operation("DeregisterFromWorkMail")
def deregister_from_workmail(req):
    """Disable a user, group or resource: its primary address and aliases are released."""
    org = req.org
    entity = require(req, "EntityId", MAILBOX_OWNERS)
    require_not_deleted(entity)
    if entity.state == DISABLED:
        return {}
    for address in [entity.email, *entity.aliases]:
        org.release(address)
    entity.state, entity.email, entity.aliases, entity.disabled_date = DISABLED, None, [], req.now
    return {}


@operation("UpdatePrimaryEmailAddress")
def update_primary_email_address(req):
    """Make an address primary; the old primary becomes an alias (they swap when the new one was an alias)."""
    org, email = req.org, req["Email"]
    entity = require(req, "EntityId", MAILBOX_OWNERS)
    domain = org.domain_of(email)
    require_enabled(entity)
    if entity.email.lower() == email.lower():
        return {}
    org.require_verified(domain, req.now)
    org.require_free(email, entity)
    lowered = [alias.lower() for alias in entity.aliases]
    if email.lower() in lowered:
        entity.aliases[lowered.index(email.lower())] = entity.email
    else:
        entity.aliases.append(entity.email)
    entity.email = email
    org.claim(entity, email)
    return {}


@operation("DescribeEntity")
def describe_entity(req):
    """Tell which user, group or resource holds an address, as primary address or alias."""
    holder = req.org.addresses.get(req["Email"].lower())
    if holder is None:
        raise EntityNotFoundException(f"No user, group or resource of organization {req.org.id} has the address {req['Email']}")
    entity = req.org.entities[holder]
    return {"EntityId": entity.id, "Name": entity.name, "Type": entity.kind}


@operation("CreateAlias")
def create_alias(req):
    """Add an alias to an enabled user, group or resource; adding one it already has changes nothing."""
    org, alias = req.org, req["Alias"]
    entity = require(req, "EntityId", MAILBOX_OWNERS, by_email=False, by_name=False)
    domain = org.domain_of(alias)
    require_enabled(entity)
    if alias.lower() == entity.email.lower():
        raise InvalidParameterException(f"Invalid value for member 'Alias': {alias} is the primary address of {entity.id}")
    if org.addresses.get(alias.lower()) == entity.id:
        return {}
    org.require_verified(domain, req.now)
    org.require_free(alias, entity)
    limit = config.get("max_aliases_per_entity")
    if len(entity.aliases) >= limit:
        raise LimitExceededException(f"{entity.kind.title()} {entity.id} already has {limit} aliases")
    entity.aliases.append(alias)
    org.claim(entity, alias)
    return {}


@operation("DeleteAlias")
def delete_alias(req):
    """Remove an alias; removing one the entity does not have changes nothing."""
    org, alias = req.org, req["Alias"]
    entity = require(req, "EntityId", MAILBOX_OWNERS, by_email=False, by_name=False)
    require_not_deleted(entity)
    if entity.email and alias.lower() == entity.email.lower():
        raise InvalidParameterException(f"Invalid value for member 'Alias': {alias} is the primary address of {entity.id}, not an alias")
    if org.addresses.get(alias.lower()) != entity.id:
        return {}
    entity.aliases = [existing for existing in entity.aliases if existing.lower() != alias.lower()]
    org.release(alias)
    return {}


@operation("ListAliases")
def list_aliases(req):
    """List an entity's aliases (its primary address is not one)."""
    entity = require(req, "EntityId", MAILBOX_OWNERS, by_email=False, by_name=False)
    require_not_deleted(entity)
    return req.paginate("Aliases", entity.aliases)
