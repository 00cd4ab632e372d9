# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The IAM Identity Center integration of an organization, and its users' personal access tokens.

The identity provider configuration is one per organization: PutIdentityProviderConfiguration
creates or rewrites all of it, DescribeIdentityProviderConfiguration reads it,
DeleteIdentityProviderConfiguration removes it. Its Identity Center application is either named by
ARN or created by name with CreateIdentityCenterApplication; the API can neither list nor read
applications, so a named application is created only when the organization has no configuration
on that instance yet, and the one it has is kept otherwise.

Personal access tokens are created by users in the web application; the API reads and revokes them.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mailops.workmail.plugins.module_utils import validation
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Field
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Resource
from ansible_collections.mailops.workmail.plugins.module_utils.engine import apply
from ansible_collections.mailops.workmail.plugins.module_utils.engine import describe_setting
from ansible_collections.mailops.workmail.plugins.module_utils.engine import plan
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import Change
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError

AUTHENTICATION_MODES = ("identity_provider_only", "identity_provider_and_directory")
PUT = "PutIdentityProviderConfiguration"


def _given(values):
    """``values`` (a dict option) without the sub-options left unset."""
    return dict((k, v) for k, v in (values or {}).items() if v is not None)


def tokens_from_api(configuration):
    configuration = configuration or {}
    return {"enabled": configuration.get("Status") == "ACTIVE", "lifetime_in_days": configuration.get("LifetimeInDays")}


def tokens_to_api(tokens):
    configuration = {"Status": "ACTIVE" if tokens.get("enabled") else "INACTIVE"}
    if tokens.get("lifetime_in_days") is not None:
        configuration["LifetimeInDays"] = tokens["lifetime_in_days"]
    return configuration


def instance_of(application_arn):
    """The instance segment (``ssoins-...``) of an application ARN."""
    parts = (application_arn or "").split("/")
    return parts[1] if len(parts) == 3 else None


class IdentityProvider(Resource):
    name = "identity_provider"
    operations = (PUT,)
    fields = (
        Field("authentication_mode", "AuthenticationMode", enum=True),
        Field("identity_center", "IdentityCenterConfiguration", kind="dict"),
        Field("personal_access_tokens", "PersonalAccessTokenConfiguration", kind="dict"),
    )
    calls = dict(read=("DescribeIdentityProviderConfiguration",), create=(PUT,), update=(PUT,), delete=("DeleteIdentityProviderConfiguration",))

    def read(self, ctx, desired):
        return ctx.api.describe_identity_provider_configuration(ctx.organization_id)

    def to_resource(self, ctx, raw):
        center = raw.get("IdentityCenterConfiguration") or {}
        return {
            "authentication_mode": self.field("authentication_mode").from_api(raw.get("AuthenticationMode")),
            "identity_center": {"instance_arn": center.get("InstanceArn"), "application_arn": center.get("ApplicationArn")},
            "personal_access_tokens": tokens_from_api(raw.get("PersonalAccessTokenConfiguration")),
        }

    def normalize(self, desired):
        desired = dict(desired)
        for option in ("identity_center", "personal_access_tokens"):
            if option in desired:
                desired[option] = _given(desired[option])
                if not desired[option]:
                    del desired[option]
        return desired

    def validate(self, desired):
        if desired.get("authentication_mode"):
            validation.check("authentication_mode", desired["authentication_mode"].upper(), PUT, "AuthenticationMode")
        center = desired.get("identity_center") or {}
        for option, operation, member in (
            ("instance_arn", PUT, "IdentityCenterConfiguration.InstanceArn"),
            ("application_arn", PUT, "IdentityCenterConfiguration.ApplicationArn"),
            ("application_name", "CreateIdentityCenterApplication", "Name"),
        ):
            validation.check("identity_center." + option, center.get(option), operation, member)
        if "application_name" in center and not center["application_name"]:
            raise ParameterError("identity_center.application_name", "must not be empty")
        instance = (center.get("instance_arn") or "").rsplit("/", 1)[-1]
        if center.get("application_arn") and center.get("instance_arn") and instance_of(center["application_arn"]) != instance:
            raise ParameterError(
                "identity_center.application_arn", "{0} is an application of instance {1}, not of identity_center.instance_arn {2}".format(
                    center["application_arn"], instance_of(center["application_arn"]), center["instance_arn"]
                )
            )
        lifetime = (desired.get("personal_access_tokens") or {}).get("lifetime_in_days")
        validation.check("personal_access_tokens.lifetime_in_days", lifetime, PUT, "PersonalAccessTokenConfiguration.LifetimeInDays")

    def check(self, ctx, current, desired):
        center = desired.get("identity_center") or {}
        if not current:
            if not desired.get("authentication_mode"):
                raise ParameterError("authentication_mode", "is required to create the identity provider configuration")
            if not center.get("instance_arn"):
                raise ParameterError("identity_center.instance_arn", "is required to create the identity provider configuration")
        if center and not (center.get("application_arn") or center.get("application_name")) and self._new_instance(current, center):
            raise ParameterError(
                "identity_center", "application_arn or application_name is required with an instance_arn the organization does not use yet"
            )

    @staticmethod
    def _new_instance(current, center):
        """True when ``center`` names another instance than the configuration ``current`` uses."""
        used = (current.get("identity_center") or {}).get("instance_arn")
        return not used or (center.get("instance_arn") not in (None, used))

    def _adopt_application(self, current, desired):
        """``desired`` with a named application replaced by the ARN of the one the organization uses on
        that instance, or by a null ARN (to create) when it uses none there."""
        center = desired.get("identity_center") or {}
        if not center.get("application_name"):
            return desired
        center = dict(center)
        name = center.pop("application_name")
        if self._new_instance(current, center):
            center["application_arn"] = None
            center["_application_name"] = name
        else:
            center["application_arn"] = current["identity_center"]["application_arn"]
        return dict(desired, identity_center=center)

    def changes(self, ctx, current, desired):
        return super(IdentityProvider, self).changes(ctx, current, self._adopt_application(current, desired))

    def predict(self, ctx, desired):
        predicted = {"authentication_mode": desired.get("authentication_mode")}
        center = self._adopt_application({}, desired).get("identity_center") or {}
        predicted["identity_center"] = {"instance_arn": center.get("instance_arn"), "application_arn": center.get("application_arn")}
        predicted["personal_access_tokens"] = dict(tokens_from_api(None), **(desired.get("personal_access_tokens") or {}))
        return predicted

    def predict_update(self, ctx, current, changes):
        predicted = super(IdentityProvider, self).predict_update(ctx, current, changes)
        predicted["identity_center"] = dict((k, v) for k, v in predicted["identity_center"].items() if not k.startswith("_"))
        return predicted

    def create(self, ctx, desired):
        self._put(ctx, self.predict(ctx, desired), self._adopt_application({}, desired).get("identity_center") or {})

    def update(self, ctx, raw, changes, desired):
        # A put rewrites the whole configuration: send what stays as well.
        configuration = self.to_resource(ctx, raw)
        configuration.update(changes)
        self._put(ctx, configuration, configuration["identity_center"])

    def delete(self, ctx, raw):
        ctx.api.delete_identity_provider_configuration(ctx.organization_id)

    def update_calls(self, before, changes):
        return self._with_application((changes.get("identity_center") or {}).get("_application_name"), (PUT,))

    def apply_calls(self, ctx, planned, reread=True):
        calls = super(IdentityProvider, self).apply_calls(ctx, planned, reread)
        if planned.action == "create" and (planned.desired.get("identity_center") or {}).get("application_name"):
            calls.insert(0, "CreateIdentityCenterApplication")
        return calls

    @staticmethod
    def _with_application(name, calls):
        return (("CreateIdentityCenterApplication",) if name else ()) + tuple(calls)

    def _put(self, ctx, configuration, center):
        application_arn = center.get("application_arn")
        if not application_arn:
            application_arn = ctx.api.create_identity_center_application(ctx.organization_id, center["_application_name"], center["instance_arn"])
        tokens = tokens_from_api(None)
        tokens.update(configuration.get("personal_access_tokens") or {})
        ctx.api.put_identity_provider_configuration(
            ctx.organization_id,
            AuthenticationMode=configuration["authentication_mode"].upper(),
            IdentityCenterConfiguration={"InstanceArn": center["instance_arn"], "ApplicationArn": application_arn},
            PersonalAccessTokenConfiguration=tokens_to_api(tokens),
        )

    def label(self, desired, before):
        return "identity provider"


def describe_identity_provider(ctx):
    """The organization's configuration in the shape the identity_provider module takes
    (authentication_mode, identity_center {instance_arn, application_arn}, personal_access_tokens
    {enabled, lifetime_in_days when set}), or {} when it has none. Feeding it back changes nothing."""
    configuration = describe_setting(ctx, IDENTITY_PROVIDER)
    if configuration:
        configuration["personal_access_tokens"] = _given(configuration["personal_access_tokens"])
    return configuration


class PersonalAccessToken(Resource):
    """A personal access token; the collection only reads and revokes (deletes) them."""

    name = "personal_access_token"
    operations = ("DeletePersonalAccessToken",)
    fields = (
        Field("token_id", "PersonalAccessTokenId"),
        Field("user_id", "UserId", read_only=True),
        Field("name", "Name", read_only=True),
        Field("date_created", "DateCreated", read_only=True),
        Field("date_last_used", "DateLastUsed", read_only=True),
        Field("expires_time", "ExpiresTime", read_only=True),
        Field("scopes", "Scopes", kind="list", read_only=True),
    )
    calls = dict(read=("GetPersonalAccessTokenMetadata",), delete=("DeletePersonalAccessToken",))

    def read(self, ctx, desired):
        return ctx.api.get_personal_access_token_metadata(ctx.organization_id, desired["token_id"])

    def delete(self, ctx, raw):
        ctx.api.delete_personal_access_token(ctx.organization_id, raw["PersonalAccessTokenId"])

    def label(self, desired, before):
        name = before.get("name")
        return "{0} ({1})".format(name, before.get("token_id")) if name else desired.get("token_id")


def list_tokens(ctx, user=None, token_id=None):
    """The raw tokens of the organization, of ``user`` (ID, name or email) or the one ``token_id``
    names (none when it does not exist). An unknown user fails naming the option ``user``."""
    if ctx.organization_id is None:
        ctx.plan_calls(PERSONAL_ACCESS_TOKEN.calls["read"] if token_id else ("ListPersonalAccessTokens",))
        return []
    if token_id:
        raw = PERSONAL_ACCESS_TOKEN.read(ctx, {"token_id": token_id})
        return [raw] if raw else []
    tokens = ctx.api.list_personal_access_tokens(ctx.organization_id, user)
    if tokens is None:
        raise ParameterError("user", "no user {0!r} in organization {1}".format(user, ctx.organization))
    return tokens


def check_token_options(user, token_id):
    """Check ``user`` and ``token_id`` against the model, naming the option."""
    validation.check("user", user, "ListPersonalAccessTokens", "UserId")
    validation.check("token_id", token_id, "DeletePersonalAccessToken", "PersonalAccessTokenId")


def gather_tokens(ctx, user=None, token_id=None):
    """The tokens' metadata, as the personal_access_token_info module returns it (never a secret:
    the API has none to give)."""
    check_token_options(user, token_id)
    return [PERSONAL_ACCESS_TOKEN.to_resource(ctx, raw) for raw in list_tokens(ctx, user, token_id)]


def revoke_tokens(ctx, user=None, token_id=None):
    """Revoke the token ``token_id`` names, or every token of ``user``: each a delete on the engine, so
    check mode sends no write. The Change's result is the list of tokens revoked (or that would be);
    before and after, the tokens in scope. Revoking nothing changes nothing."""
    check_token_options(user, token_id)
    if not (user or token_id):
        raise ParameterError("user", "name the user whose tokens to revoke, or set token_id")
    found = list_tokens(ctx, user, token_id)
    before = [PERSONAL_ACCESS_TOKEN.to_resource(ctx, raw) for raw in found]
    revoked = []
    for raw, token in zip(found, before):
        planned = plan(ctx, PERSONAL_ACCESS_TOKEN, {"token_id": token["token_id"]}, "absent", raw=raw)
        apply(ctx, planned)
        ctx.changed(PERSONAL_ACCESS_TOKEN.name, PERSONAL_ACCESS_TOKEN.label(planned.desired, token), "delete")
        revoked.append(token)
    return Change(bool(revoked), revoked, {"personal_access_tokens": before}, {"personal_access_tokens": []})


IDENTITY_PROVIDER = IdentityProvider()
PERSONAL_ACCESS_TOKEN = PersonalAccessToken()
