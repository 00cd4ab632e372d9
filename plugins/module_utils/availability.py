# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Availability configurations: where WorkMail fetches the free/busy of an external domain.

One per domain, found by listing (there is no Get). The provider is EWS (endpoint, user name and a
password the service never returns) or a Lambda function. An update sends the provider whole, so
the EWS password goes with every EWS change; with ``update_password: always`` it is also sent when
nothing else differs (it cannot be compared).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mailops.workmail.plugins.module_utils import validation
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Field
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Resource
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError

PROVIDERS = ("ews_provider", "lambda_provider")
# Module option -> API member, for each provider's keys.
EWS_MEMBERS = (("endpoint", "EwsEndpoint"), ("username", "EwsUsername"))
LAMBDA_MEMBERS = (("lambda_arn", "LambdaArn"),)


class AvailabilityConfiguration(Resource):
    name = "availability_configuration"
    operations = ("CreateAvailabilityConfiguration",)
    # A create whose reply was lost, retried by botocore with its own ClientToken, is answered with
    # the first reply; one that another run made first is NameAvailabilityException.
    conflict_codes = ("NameAvailabilityException",)
    fields = (
        Field("domain_name", "DomainName", casefold=True),
        Field("ews_provider", "EwsProvider", kind="dict"),
        Field("lambda_provider", "LambdaProvider", kind="dict"),
        Field("ews_password", secret=True),
        Field("provider_type", "ProviderType", enum=True, read_only=True),
        Field("date_created", "DateCreated", read_only=True),
        Field("date_modified", "DateModified", read_only=True),
    )
    calls = dict(
        read=("ListAvailabilityConfigurations",),
        create=("CreateAvailabilityConfiguration",),
        update=("UpdateAvailabilityConfiguration",),
        delete=("DeleteAvailabilityConfiguration",),
    )

    def read(self, ctx, desired):
        domain = desired["domain_name"].lower()
        return next((c for c in ctx.api.list_availability_configurations(ctx.organization_id) if c["DomainName"].lower() == domain), None)

    def to_resource(self, ctx, raw):
        resource = super(AvailabilityConfiguration, self).to_resource(ctx, raw)
        resource["ews_provider"] = _from_api(raw.get("EwsProvider"), EWS_MEMBERS)
        resource["lambda_provider"] = _from_api(raw.get("LambdaProvider"), LAMBDA_MEMBERS)
        return resource

    def normalize(self, desired):
        """The domain in lower case (as the service keeps it); the EWS password apart from the
        provider, as the secret field ``ews_password``."""
        desired = dict(desired)
        if desired.get("domain_name"):
            desired["domain_name"] = desired["domain_name"].lower()
        for option in PROVIDERS:
            if desired.get(option) is not None:
                provider = dict((k, v) for k, v in desired[option].items() if v is not None)
                if option == "ews_provider" and "password" in provider:
                    desired["ews_password"] = provider.pop("password")
                desired[option] = provider
        if desired.get("ews_provider") and desired.get("lambda_provider"):
            raise ParameterError("ews_provider", "and lambda_provider are mutually exclusive: a domain has one provider")
        return desired

    def validate(self, desired):
        super(AvailabilityConfiguration, self).validate(desired)
        operation = self.operations[0]
        for option, member in EWS_MEMBERS:
            value = (desired.get("ews_provider") or {}).get(option)
            validation.check("ews_provider." + option, value, operation, "EwsProvider." + member)
        validation.check("ews_provider.password", desired.get("ews_password"), operation, "EwsProvider.EwsPassword")
        validation.check("lambda_provider.lambda_arn", (desired.get("lambda_provider") or {}).get("lambda_arn"), operation, "LambdaProvider.LambdaArn")

    def check(self, ctx, current, desired):
        if not current and not (desired.get("ews_provider") or desired.get("lambda_provider")):
            raise ParameterError(
                "ews_provider", "or lambda_provider is required to create the availability configuration of {0}".format(desired["domain_name"])
            )
        ews = desired.get("ews_provider")
        if ews is None:
            return
        if not (ews.get("endpoint") and ews.get("username")):
            raise ParameterError("ews_provider", "needs both endpoint and username")
        if desired.get("ews_password") is None and (not current or self.field("ews_provider").differs(current.get("ews_provider"), ews)):
            raise ParameterError(
                "ews_provider.password",
                "is required to {0} an EWS provider: the service takes the provider whole, password included".format("create" if not current else "change"),
            )

    def secret_changes(self, ctx, current, desired):
        """The EWS password goes with every change of the EWS provider, and, with update_password
        always, even when nothing else differs."""
        password = desired.get("ews_password")
        if password is None or desired.get("ews_provider") is None:
            return {}
        if ctx.options.get("update_password") == "always" or self.changes(ctx, current, desired):
            return {"ews_password": password}
        return {}

    def predict(self, ctx, desired):
        predicted = super(AvailabilityConfiguration, self).predict(ctx, desired)
        return _with_provider_type(predicted)

    def predict_update(self, ctx, current, changes):
        predicted = super(AvailabilityConfiguration, self).predict_update(ctx, current, changes)
        if "lambda_provider" in changes:
            predicted["ews_provider"] = None
        elif "ews_provider" in changes:
            predicted["lambda_provider"] = None
        return _with_provider_type(predicted)

    def created_as(self, ctx, desired):
        return dict((option, desired[option]) for option in PROVIDERS if desired.get(option))

    def create(self, ctx, desired):
        ctx.api.create_availability_configuration(ctx.organization_id, desired["domain_name"], **_provider(desired, desired))

    def update(self, ctx, raw, changes, desired):
        current = self.to_resource(ctx, raw)
        current.update(changes)
        # A change of provider type replaces the provider.
        if "lambda_provider" in changes:
            current["ews_provider"] = None
        elif "ews_provider" in changes:
            current["lambda_provider"] = None
        ctx.api.update_availability_configuration(ctx.organization_id, raw["DomainName"], **_provider(current, desired))

    def delete(self, ctx, raw):
        ctx.api.delete_availability_configuration(ctx.organization_id, raw["DomainName"])

    def label(self, desired, before):
        return desired.get("domain_name") or before.get("domain_name")

    def provides(self, planned):
        return []

    def find_all(self, ctx, domain_name=None):
        """The organization's configurations (the one of ``domain_name`` when given), each in the
        shape the module takes: domain_name and its provider, without the password."""
        if ctx.organization_id is None:
            ctx.plan_calls(self.calls["read"])
            return []
        found = ctx.api.list_availability_configurations(ctx.organization_id)
        if domain_name:
            found = [c for c in found if c["DomainName"].lower() == domain_name.lower()]
        return [self.as_options(self.to_resource(ctx, raw)) for raw in found]

    def test(self, ctx, domain_name):
        """TestAvailabilityConfiguration of the stored configuration: {test_passed, failure_reason}."""
        result = ctx.api.test_availability_configuration(ctx.organization_id, domain_name)
        return dict(test_passed=result["TestPassed"], failure_reason=result.get("FailureReason"))


def _from_api(provider, members):
    if not provider:
        return None
    return dict((option, provider.get(member)) for option, member in members)


def _with_provider_type(resource):
    resource["provider_type"] = "lambda" if resource.get("lambda_provider") else "ews" if resource.get("ews_provider") else None
    return resource


def _provider(resource, desired):
    """The EwsProvider or LambdaProvider member of a create or update, from the resource's provider."""
    if resource.get("lambda_provider"):
        return dict(LambdaProvider=dict((member, resource["lambda_provider"][option]) for option, member in LAMBDA_MEMBERS))
    ews = dict((member, resource["ews_provider"][option]) for option, member in EWS_MEMBERS)
    ews["EwsPassword"] = desired["ews_password"]
    return dict(EwsProvider=ews)


AVAILABILITY_CONFIGURATION = AvailabilityConfiguration()
