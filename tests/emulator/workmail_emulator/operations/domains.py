"""Mail domains: the test domain every organization has, custom domains and the default domain."""

from .. import config
from ..errors import InvalidParameterException, LimitExceededException, MailDomainInUseException, MailDomainNotFoundException
from ..records import DELETED_ORG, TEST_DOMAIN_SUFFIX, MailDomain, dns_records
from ..registry import operation


def new_custom_domain(name, now, region):
    """Return a freshly registered custom domain: PENDING until ``domain_verification_delay`` has passed."""
    return MailDomain(name, now, config.get("domain_verification_delay"), dns_records(name, region))


def check_registrable(backend, org, name, now):
    """Raise unless ``name`` may be registered in ``org`` (None for an organization being created)."""
    if name.endswith(TEST_DOMAIN_SUFFIX):
        raise InvalidParameterException(f"Invalid value for member 'DomainName': {TEST_DOMAIN_SUFFIX[1:]} is reserved for test domains")
    for other in backend.organizations.values():
        if other is not org and name in other.domains and other.state(now) != DELETED_ORG:
            raise MailDomainInUseException(f"Mail domain {name} is already used by another organization")


def _domain(req):
    """Return the organization's domain named by ``DomainName``, or raise MailDomainNotFoundException."""
    domain = req.org.domains.get(req["DomainName"].lower())
    if domain is None:
        raise MailDomainNotFoundException(f"Mail domain {req['DomainName']} is not registered in organization {req.org.id}")
    return domain


@operation("RegisterMailDomain")
def register_mail_domain(req):
    """Register a custom domain; registering one the organization already has changes nothing."""
    org, name = req.org, req["DomainName"].lower()
    if name in org.domains:
        return {}
    check_registrable(req.backend, org, name, req.now)
    limit = config.get("max_mail_domains")
    if sum(1 for domain in org.domains.values() if not domain.is_test) >= limit:
        raise LimitExceededException(f"Organization {org.id} already has {limit} custom mail domains")
    org.domains[name] = new_custom_domain(name, req.now, req.backend.region_name)
    return {}


@operation("GetMailDomain")
def get_mail_domain(req):
    """Return a domain's DNS records and verification status."""
    domain = _domain(req)
    return domain.describe(req.now, domain.name == req.org.default_domain)


@operation("ListMailDomains")
def list_mail_domains(req):
    """List the organization's domains, the test domain first."""
    org = req.org
    return req.paginate("MailDomains", org.domains, lambda name: {"DomainName": name, "DefaultDomain": name == org.default_domain})


@operation("UpdateDefaultMailDomain")
def update_default_mail_domain(req):
    """Make a verified domain the organization's default."""
    domain = _domain(req)
    req.org.require_verified(domain, req.now)
    req.org.default_domain = domain.name
    return {}


@operation("DeregisterMailDomain")
def deregister_mail_domain(req):
    """Remove a custom domain that is neither the default nor used by any address."""
    org, domain = req.org, _domain(req)
    if domain.is_test:
        raise InvalidParameterException(f"Invalid value for member 'DomainName': {domain.name} is the test domain and cannot be deregistered")
    if domain.name == org.default_domain:
        raise InvalidParameterException(f"Invalid value for member 'DomainName': {domain.name} is the default domain; make another domain the default first")
    in_use = org.addresses_on(domain.name)
    if in_use:
        raise MailDomainInUseException(f"Mail domain {domain.name} is still used by {in_use} email address(es); remove them first")
    del org.domains[domain.name]
    return {}
