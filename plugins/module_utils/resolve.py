# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Turning what users write (aliases, names, emails) into the IDs the API wants."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError
from ansible_collections.mailops.workmail.plugins.module_utils.validation import check
from ansible_collections.mailops.workmail.plugins.module_utils.validation import fits

GONE_ORGANIZATION_STATES = ("Deleted", "Deleting", "Failed")


def find_organization(api, ref):
    """DescribeOrganization of the live organization whose ID or alias is ``ref``, or None."""
    if fits("DescribeOrganization", "OrganizationId", ref):
        found = api.describe_organization(ref)
    else:
        found = None
        for summary in api.list_organizations():
            if summary.get("Alias", "").lower() == ref.lower() and summary.get("State") not in GONE_ORGANIZATION_STATES:
                found = api.describe_organization(summary["OrganizationId"])
                break
    if found and found.get("State") in GONE_ORGANIZATION_STATES:
        return None
    return found


def refuse_empty(option, refs, types=("USER", "GROUP")):
    """Fail naming ``option`` when one of ``refs`` (references to users or groups) is empty, or could
    not name one: longer than any name, address or ID, or with characters no name holds."""
    if any(not (ref or "").strip() for ref in refs):
        kinds = " or ".join(t.lower() for t in types)
        raise ParameterError(option, "holds an empty entry; give each {0} by name, email address or ID".format(kinds))
    for ref in refs:
        # Group names are the widest form a reference takes (spaces, Latin-1, up to 256 characters);
        # user names, addresses and IDs all fit an entity identifier.
        if "GROUP" in types:
            check(option, ref, "CreateGroup", "Name")
        else:
            check(option, ref, "DescribeUser", "UserId")


# What the plan says a task assumes an earlier one creates, by the kinds of entity a reference may name.
ASSUMED_KINDS = {("USER", "GROUP"): "entity", ("USER", "GROUP", "RESOURCE"): "mailbox"}


def entity_summary(entity_type, raw):
    """A user, group or resource as the relationship modules return it."""
    return {
        "id": raw.get("UserId") or raw.get("GroupId") or raw.get("ResourceId") or raw.get("EntityId") or raw.get("Id"),
        "name": raw.get("Name"),
        "email": raw.get("Email"),
        "type": entity_type.lower(),
        "enabled": raw.get("State") == "ENABLED",
    }


class EntityResolver:
    """Resolves users, groups and resources given by name, email or ID, each at most once per task."""

    def __init__(self, api, organization_id, organization=None, assume=None, plan_calls=None):
        self.api = api
        self.organization_id = organization_id
        self.organization = organization or organization_id
        # Where a check-mode plan notes what it assumes and what an apply would call (see engine.Context).
        self._assume = assume or (lambda kind, names: None)
        self._plan_calls = plan_calls or (lambda operations: None)
        self._cache = {}
        self._domains = {}
        self._holders = {}

    def resolve(self, ref, types=("USER", "GROUP")):
        """The entity ``ref`` names (a dict with id, name, email, type), or None.

        An address is looked up with DescribeEntity (which knows aliases too); anything else is
        tried as a user, then as a group, then as a resource (each of ``types``), by name or ID.
        Deleted entities don't count.
        """
        key = (ref.lower(), tuple(types))
        if key not in self._cache:
            self._cache[key] = self._lookup(ref, types)
        return self._cache[key]

    def resolve_all(self, refs, option, types=("USER", "GROUP"), planning=False):
        """The entities ``refs`` name, in order; fails naming ``option`` and every unknown one.

        When ``planning`` (check mode), unknown ones are not an error: an earlier task may create
        them, so they come back as placeholders with ``id`` None, ``missing`` lists them, and they
        are noted as assumed. An empty reference fails naming ``option``, in check mode too.
        """
        refuse_empty(option, refs, types)
        found, missing = [], []
        for ref in refs:
            if self.organization_id:
                entity = self.resolve(ref, types)
            else:
                entity = None
                self._plan_calls(self.lookup_calls(ref, types))
            if entity is None:
                missing.append(ref)
                entity = {"id": None, "name": ref, "email": ref if "@" in ref else None, "type": None, "enabled": None}
            found.append(entity)
        if missing and not planning:
            raise WorkMailError(
                "{0}: not found in organization {1!r}: {2}".format(option, self.organization, ", ".join(missing)), option=option
            )
        self._assume(ASSUMED_KINDS.get(tuple(types), types[0].lower()), missing)
        return found, missing

    @staticmethod
    def lookup_calls(ref, types):
        """The operations ``resolve`` may send to find ``ref`` (for a plan that could not look)."""
        calls = ["DescribeEntity"] if "@" in ref else []
        calls.extend("Describe" + entity_type.title() for entity_type in types)
        if "GROUP" in types and not fits("DescribeGroup", "GroupId", ref):
            calls.append("ListGroups")
        return calls

    def _lookup(self, ref, types):
        if "@" in ref:
            hit = self.api.describe_entity(self.organization_id, ref)
            if hit and hit.get("Type") in types:
                return self._describe(hit["Type"], hit["EntityId"])
        for entity_type in ("USER", "GROUP", "RESOURCE"):
            if entity_type in types:
                entity = self._describe(entity_type, ref)
                if entity:
                    return entity
        if "GROUP" in types and not ref.startswith("S-"):
            # Group names may hold spaces, which no identifier parameter accepts: list instead.
            for group in self.api.list_groups(self.organization_id, NamePrefix=ref):
                if group["Name"].lower() == ref.lower() and group.get("State") != "DELETED":
                    return entity_summary("GROUP", group)
        return None

    def _describe(self, entity_type, ref):
        # Names with spaces fit no identifier parameter.
        if not fits("DescribeUser", "UserId", ref):
            return None
        if entity_type == "USER":
            raw = self.api.describe_user(self.organization_id, ref)
        elif entity_type == "GROUP":
            raw = self.api.describe_group(self.organization_id, ref)
        else:
            raw = self.api.describe_resource(self.organization_id, ref)
        if not raw or raw.get("State") == "DELETED":
            return None
        return entity_summary(entity_type, raw)

    def domain(self, domain):
        """GetMailDomain of ``domain`` in the organization (None: not one of its domains), read once."""
        domain = domain.lower()
        if domain not in self._domains:
            # An address may have a domain no mail domain can have (longer, say): not one, nothing to ask.
            found = fits("GetMailDomain", "DomainName", domain)
            self._domains[domain] = self.api.get_mail_domain(self.organization_id, domain) if found else None
        return self._domains[domain]

    def holder(self, address):
        """DescribeEntity of who holds ``address``, as primary address or alias (None: nobody), read once."""
        address = address.lower()
        if address not in self._holders:
            self._holders[address] = self.api.describe_entity(self.organization_id, address)
        return self._holders[address]

    def know_holders(self, addresses, holders):
        """Record who holds each of ``addresses`` from ``holders`` (address -> DescribeEntity-like
        answer; an address missing from it is held by nobody), read by other means than
        DescribeEntity: ``holder`` then asks the service nothing for them."""
        for address in addresses:
            self._holders[address.lower()] = holders.get(address.lower())

    def address_problems(self, addresses, owner_id=None, owner=None):
        """Why each of ``addresses`` can't be given to the entity ``owner_id`` (None: one to be
        created, ``owner``: its kind and name, such as ("user", "jdoe")): its domain is not a verified mail domain of the
        organization, or another user or group holds it. An empty list when all is well.

        An entity to be created that holds the address already is not another: names are unique
        among users and groups, so it is this one, made by another run since this one looked."""
        problems = []
        for address in addresses:
            domain = address.rsplit("@", 1)[-1].lower()
            found = self.domain(domain)
            if found is None:
                problems.append("{0}: {1} is not a mail domain of the organization".format(address, domain))
                self._assume("mail_domain", [domain])
            elif found.get("OwnershipVerificationStatus") != "VERIFIED":
                problems.append("{0}: {1} is not verified yet".format(address, domain))
            holder = self.holder(address)
            if holder and holder.get("EntityId") != owner_id and not _is_new_owner(holder, owner_id, owner):
                problems.append("{0} is already used by {1} {2!r}".format(address, holder.get("Type", "").lower(), holder.get("Name")))
        return problems


def _is_new_owner(holder, owner_id, owner):
    """Whether ``holder`` (DescribeEntity) is the entity ``owner`` (kind, name) to be created."""
    if owner_id is not None or owner is None:
        return False
    kind, name = owner
    return (holder.get("Type") or "").lower() == kind and (holder.get("Name") or "").lower() == name.lower()
