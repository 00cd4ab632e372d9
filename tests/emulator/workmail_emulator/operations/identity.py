"""IAM Identity Center integration (account-level applications, the organization's configuration) and personal access tokens.

Users create personal access tokens in the web application, not through the
API: tests and demos create them with :func:`workmail_emulator.add_personal_access_token`
(``POST /_emulator/personal-access-tokens``, see :mod:`workmail_emulator.tokens`).
"""

import secrets

from ..errors import EntityStateException, InvalidParameterException, OrganizationStateException, ResourceNotFoundException
from ..records import DELETED, DELETED_ORG, USER, IdentityCenterApplication, compact
from ..registry import operation
from .entities import require

_APPLICATION_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def _instance_parts(instance_arn):
    """Return (partition, instance segment) of an Identity Center instance ARN the model has already validated."""
    return instance_arn.split(":")[1], instance_arn.rpartition("/")[2]


@operation("CreateIdentityCenterApplication", org=None)
def create_identity_center_application(req):
    """Create an application of the instance for WorkMail; a repeated ClientToken returns the first ARN (see models.handle)."""
    backend, instance_arn = req.backend, req["InstanceArn"]
    partition, instance = _instance_parts(instance_arn)
    application_id = "".join(secrets.choice(_APPLICATION_ID_ALPHABET) for _position in range(16))
    arn = f"arn:{partition}:sso::{backend.account_id}:application/{instance}/apl-{application_id}"
    backend.identity_center_applications[arn] = IdentityCenterApplication(arn, req["Name"], instance_arn)
    return {"ApplicationArn": arn}


@operation("DeleteIdentityCenterApplication", org=None)
def delete_identity_center_application(req):
    """Delete an application; one an organization's configuration still uses is OrganizationStateException, an unknown one is
    not an error."""
    backend, arn = req.backend, req["ApplicationArn"]
    for org in backend.organizations.values():
        config = org.identity_provider
        if org.state(req.now) != DELETED_ORG and config and config["IdentityCenterConfiguration"]["ApplicationArn"] == arn:
            raise OrganizationStateException(f"Application {arn} is used by organization {org.id}; delete its identity provider "
                                             "configuration first")
    backend.identity_center_applications.pop(arn, None)
    return {}


@operation("PutIdentityProviderConfiguration")
def put_identity_provider_configuration(req):
    """Create or replace the organization's configuration; the application must exist in this account and Region and belong
    to the instance named beside it."""
    center = req["IdentityCenterConfiguration"]
    application = req.backend.identity_center_applications.get(center["ApplicationArn"])
    if application is None:
        raise ResourceNotFoundException(f"Identity Center application {center['ApplicationArn']} does not exist in this account "
                                        "and Region")
    if application.instance_arn != center["InstanceArn"]:
        raise InvalidParameterException(f"Invalid value for member 'IdentityCenterConfiguration.InstanceArn': application "
                                        f"{application.arn} belongs to instance {application.instance_arn}")
    tokens = req["PersonalAccessTokenConfiguration"]
    req.org.identity_provider = {
        "AuthenticationMode": req["AuthenticationMode"],
        "IdentityCenterConfiguration": {"InstanceArn": center["InstanceArn"], "ApplicationArn": center["ApplicationArn"]},
        "PersonalAccessTokenConfiguration": compact(Status=tokens["Status"], LifetimeInDays=tokens.get("LifetimeInDays")),
    }
    return {}


@operation("DescribeIdentityProviderConfiguration")
def describe_identity_provider_configuration(req):
    """Return the configuration, or raise ResourceNotFoundException when the organization has none."""
    config = req.org.identity_provider
    if config is None:
        raise ResourceNotFoundException(f"Organization {req.org.id} has no identity provider configuration")
    return {**config, "IdentityCenterConfiguration": dict(config["IdentityCenterConfiguration"]),
            "PersonalAccessTokenConfiguration": dict(config["PersonalAccessTokenConfiguration"])}


@operation("DeleteIdentityProviderConfiguration")
def delete_identity_provider_configuration(req):
    """Remove the configuration (authentication falls back to the directory); none is not an error. Tokens are kept."""
    req.org.identity_provider = None
    return {}


def _token(req):
    token = req.org.personal_access_tokens.get(req["PersonalAccessTokenId"])
    if token is None:
        raise ResourceNotFoundException(f"Personal access token {req['PersonalAccessTokenId']} does not exist in organization "
                                        f"{req.org.id}")
    return token


@operation("GetPersonalAccessTokenMetadata")
def get_personal_access_token_metadata(req):
    """Return a token's metadata (never its secret); an unknown ID is ResourceNotFoundException."""
    return _token(req).summary()


@operation("ListPersonalAccessTokens")
def list_personal_access_tokens(req):
    """List the tokens of one user (ID, name or email) or, without UserId, of the organization, oldest first.

    Expired tokens are listed until they are deleted (their ExpiresTime is in the past).
    """
    tokens = list(req.org.personal_access_tokens.values())
    if req.get("UserId") is not None:
        user = require(req, "UserId", (USER,))
        if user.state == DELETED:
            raise EntityStateException(f"User {user.id} is deleted")
        tokens = [token for token in tokens if token.user_id == user.id]
    return req.paginate("PersonalAccessTokenSummaries", tokens, lambda token: token.summary())


@operation("DeletePersonalAccessToken")
def delete_personal_access_token(req):
    """Revoke a token; an unknown ID is not an error."""
    token_id = req["PersonalAccessTokenId"]
    if token_id in req.org.personal_access_tokens:
        req.org.personal_access_tokens = {key: token for key, token in req.org.personal_access_tokens.items() if key != token_id}
    return {}
