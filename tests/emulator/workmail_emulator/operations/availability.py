"""Availability configurations: the free/busy provider (EWS or Lambda) of an external domain.

The emulator reaches no network. TestAvailabilityConfiguration passes an EWS provider whose
endpoint is on loopback (``localhost``, ``127.0.0.0/8``, ``::1``), whatever its credentials, and a
Lambda provider whose function exists in moto's Lambda and whose resource policy lets
``workmail.amazonaws.com`` invoke it with ``aws:SourceAccount``/``aws:SourceArn`` while
refusing anonymous invocations; anything else answers TestPassed false with a FailureReason.
"""

import ipaddress
import urllib.parse

from moto.backends import get_backend

from .. import config, iam_policy
from ..errors import InvalidParameterException, LimitExceededException, NameAvailabilityException, ResourceNotFoundException
from ..records import AvailabilityConfiguration
from ..registry import operation

WORKMAIL_PRINCIPAL = "workmail.amazonaws.com"
PROVIDERS = ("EwsProvider", "LambdaProvider")


def _one_provider(req):
    """Return (EwsProvider, LambdaProvider) of a create or update, exactly one of them set."""
    ews, lambda_provider = req.get("EwsProvider"), req.get("LambdaProvider")
    if (ews is None) == (lambda_provider is None):
        raise InvalidParameterException("The request must contain exactly one provider definition, either EwsProvider or LambdaProvider")
    return ews, lambda_provider


def _configuration(req):
    """Return the configuration of ``DomainName`` (case-insensitive), or raise ResourceNotFoundException."""
    configuration = req.org.availability_configurations.get(req["DomainName"].lower())
    if configuration is None:
        raise ResourceNotFoundException(f"Organization {req.org.id} has no availability configuration for domain {req['DomainName']}")
    return configuration


@operation("CreateAvailabilityConfiguration")
def create_availability_configuration(req):
    """Create the configuration of a domain (kept lowercase); a second one for the same domain is NameAvailabilityException."""
    ews, lambda_provider = _one_provider(req)
    org, domain = req.org, req["DomainName"].lower()
    if domain in org.availability_configurations:
        raise NameAvailabilityException(f"An availability configuration for domain {domain} already exists in organization {org.id}")
    limit = config.get("max_availability_configurations")
    if len(org.availability_configurations) >= limit:
        raise LimitExceededException(f"Organization {org.id} already has {limit} availability configurations")
    configuration = AvailabilityConfiguration(domain, req.now, req.now)
    configuration.set_provider(ews, lambda_provider)
    org.availability_configurations[domain] = configuration
    return {}


@operation("UpdateAvailabilityConfiguration")
def update_availability_configuration(req):
    """Replace the provider of a domain's configuration (the provider type may change)."""
    ews, lambda_provider = _one_provider(req)
    configuration = _configuration(req)
    configuration.set_provider(ews, lambda_provider)
    configuration.modified = req.now
    return {}


@operation("DeleteAvailabilityConfiguration")
def delete_availability_configuration(req):
    """Delete a domain's configuration; a domain without one is not an error."""
    req.org.availability_configurations.pop(req["DomainName"].lower(), None)
    return {}


@operation("ListAvailabilityConfigurations")
def list_availability_configurations(req):
    """List the configurations in creation order, without EWS passwords."""
    return req.paginate("AvailabilityConfigurations", list(req.org.availability_configurations.values()), AvailabilityConfiguration.summary)


@operation("TestAvailabilityConfiguration")
def test_availability_configuration(req):
    """Test the stored configuration of ``DomainName``, or the provider given (exactly one of the three)."""
    given = [member for member in ("DomainName", *PROVIDERS) if req.get(member) is not None]
    if len(given) != 1:
        raise InvalidParameterException("The request must contain either one provider definition (EwsProvider or LambdaProvider) "
                                        "or the DomainName parameter")
    if given[0] == "DomainName":
        configuration = _configuration(req)
        endpoint, lambda_arn = configuration.ews_endpoint, configuration.lambda_arn
    else:
        endpoint = req.get("EwsProvider", {}).get("EwsEndpoint")
        lambda_arn = req.get("LambdaProvider", {}).get("LambdaArn")
    failure = _lambda_failure(req, lambda_arn) if lambda_arn is not None else _ews_failure(endpoint)
    return {"TestPassed": False, "FailureReason": failure} if failure else {"TestPassed": True}


def _ews_failure(endpoint):
    """Return why the EWS endpoint cannot be reached, or None when it is on loopback."""
    host = urllib.parse.urlsplit(endpoint).hostname or ""
    if host == "localhost":
        return None
    try:
        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass
    return f"Could not connect to the EWS endpoint {endpoint}"[:256]


def _lambda_failure(req, lambda_arn):
    """Return why WorkMail could not invoke the function, or None when it could and anonymous callers could not."""
    _arn, _partition, _service, region, account, _kind, rest = lambda_arn.split(":", 6)
    name, _colon, qualifier = rest.partition(":")
    try:
        function = get_backend("lambda")[account][region].get_function(name, qualifier or None)
    except Exception:  # moto raises its own not-found errors, and KeyError for a Region it does not know
        return f"The Lambda function {lambda_arn} does not exist"[:256]
    statements = function.policy.statements
    document = {"Version": "2012-10-17", "Statement": statements}
    source = {"aws:SourceAccount": req.backend.account_id, "aws:SourceArn": req.org.arn}
    # Condition keys are case-insensitive in IAM; moto writes them as AWS:SourceArn.
    context = {**source, **{key.replace("aws:", "AWS:"): value for key, value in source.items()}}
    if iam_policy.decide([document], "lambda:InvokeFunction", context=context, service=WORKMAIL_PRINCIPAL) != iam_policy.ALLOW:
        return f"The resource policy of {lambda_arn} does not allow {WORKMAIL_PRINCIPAL} to invoke it"[:256]
    if iam_policy.decide([document], "lambda:InvokeFunction", service=WORKMAIL_PRINCIPAL) == iam_policy.ALLOW:
        return (f"The resource policy of {lambda_arn} allows anonymous invocations: "
                "condition the permission on aws:SourceArn or aws:SourceAccount")[:256]
    return None
