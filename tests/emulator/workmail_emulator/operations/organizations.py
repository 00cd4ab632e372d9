"""Organizations and their tags."""

import uuid

from .. import config
from ..errors import (DirectoryInUseException, NameAvailabilityException, OrganizationStateException,
                      ResourceNotFoundException, TooManyTagsException)
from ..records import ACTIVE, DELETED_ORG, DELETING, ENABLED, TEST_DOMAIN_SUFFIX, MailDomain, Organization
from ..registry import ORG_ANY_STATE, operation
from .access_rules import DEFAULT_RULE_NAME, default_rule
from .domains import check_registrable, new_custom_domain

MAX_TAGS = 50


@operation("CreateOrganization", org=None)
def create_organization(req):
    """Create an organization with the default access control rule; it passes Requested and Creating
    before Active (``org_ready_delay``)."""
    backend, now, alias = req.backend, req.now, req["Alias"]
    live = [org for org in backend.organizations.values() if org.state(now) != DELETED_ORG]
    directory_id = req.get("DirectoryId")
    if directory_id and any(org.directory_id == directory_id for org in live):
        raise DirectoryInUseException(f"Directory {directory_id} is already used by another organization")
    if any(org.alias.lower() == alias.lower() for org in live):
        raise NameAvailabilityException(f"Organization alias {alias} is not available")
    domain_names = list(dict.fromkeys(domain["DomainName"].lower() for domain in req.get("Domains", [])))
    for name in domain_names:
        check_registrable(backend, None, name, now)
    org_id = f"m-{uuid.uuid4().hex}"
    test_domain = f"{alias.lower()}{TEST_DOMAIN_SUFFIX}"
    org = Organization(
        id=org_id, alias=alias, arn=f"arn:aws:workmail:{backend.region_name}:{backend.account_id}:organization/{org_id}",
        directory_id=directory_id or f"d-{uuid.uuid4().hex[:10]}", interoperability=req.get("EnableInteroperability", False),
        created=now, ready_delay=config.get("org_ready_delay"), default_domain=test_domain,
        inbound_dmarc_enforced=config.get("inbound_dmarc_default"),
    )
    org.domains[test_domain] = MailDomain(test_domain, now, 0.0, [], is_test=True)
    for name in domain_names:
        org.domains[name] = new_custom_domain(name, now, backend.region_name)
    org.access_rules[DEFAULT_RULE_NAME] = default_rule(now)
    backend.organizations[org_id] = org
    return {"OrganizationId": org_id}


@operation("DescribeOrganization", org=ORG_ANY_STATE)
def describe_organization(req):
    """Describe an organization in any state (the call to poll)."""
    return req.org.describe(req.now)


@operation("ListOrganizations", org=None)
def list_organizations(req):
    """List the organizations of the account and Region, Deleted ones included until they fade."""
    now = req.now
    visible = (org for org in req.backend.organizations.values() if org.visible(now))
    return req.paginate("OrganizationSummaries", visible, lambda org: org.summary(now))


@operation("DeleteOrganization", org=ORG_ANY_STATE)
def delete_organization(req):
    """Start deleting an Active organization; repeating the call returns the current state."""
    org, now = req.org, req.now
    state = org.state(now)
    if state in (DELETING, DELETED_ORG):
        return {"OrganizationId": org.id, "State": state}
    if state != ACTIVE:
        raise OrganizationStateException(f"Organization {org.id} is {state}; it can be deleted once Active")
    if not req.get("ForceDelete", False) and any(user.state == ENABLED for user in org.users.values()):
        raise OrganizationStateException(f"Organization {org.id} still has enabled users; disable them first or set ForceDelete")
    org.delete_requested, org.delete_delay, org.retention = now, config.get("org_delete_delay"), config.get("deleted_org_retention")
    if req.get("DeleteIdentityCenterApplication", False) and org.identity_provider is not None:
        req.backend.identity_center_applications.pop(org.identity_provider["IdentityCenterConfiguration"]["ApplicationArn"], None)
    return {"OrganizationId": org.id, "State": DELETING}


def _tagged(req):
    """Return the organization ``ResourceARN`` names, or raise ResourceNotFoundException."""
    arn = req["ResourceARN"]
    org = req.backend.organizations.get(arn.rpartition("/")[2])
    if org is None or org.arn != arn or org.state(req.now) == DELETED_ORG:
        raise ResourceNotFoundException(f"Resource {arn} does not exist")
    return org


@operation("TagResource", org=None)
def tag_resource(req):
    """Add or overwrite tags on an Active organization (at most 50 in all)."""
    org = _tagged(req)
    state = org.state(req.now)
    if state != ACTIVE:
        raise OrganizationStateException(f"Organization {org.id} is {state}, not Active")
    tags = {**org.tags, **{tag["Key"]: tag["Value"] for tag in req["Tags"]}}
    if len(tags) > MAX_TAGS:
        raise TooManyTagsException(f"A resource can have at most {MAX_TAGS} tags; this request would make {len(tags)}")
    org.tags = tags
    return {}


@operation("UntagResource", org=None)
def untag_resource(req):
    """Remove tags; keys that are not set are ignored."""
    org = _tagged(req)
    for key in req["TagKeys"]:
        org.tags.pop(key, None)
    return {}


@operation("ListTagsForResource", org=None)
def list_tags_for_resource(req):
    """List an organization's tags."""
    return {"Tags": [{"Key": key, "Value": value} for key, value in _tagged(req).tags.items()]}
