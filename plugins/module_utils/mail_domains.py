# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Mail domains of an organization: register, verify, make default, deregister.

A registered custom domain starts with ownership and DKIM verification pending; it becomes
verified once the DNS records the service returns are published. Only a verified domain can
carry addresses or be the default, and exactly one domain is the default: there is no call to
"undefault" one, so the default moves by making another domain the default.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mailops.workmail.plugins.module_utils.engine import Field
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Resource
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError
from ansible_collections.mailops.workmail.plugins.module_utils.validation import check_timeout
from ansible_collections.mailops.workmail.plugins.module_utils.validation import domain_name
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import wait_for

VERIFIED = "VERIFIED"
# WorkMail's test domains are <organization alias>.awsapps.com; no other domain under it can be registered.
TEST_DOMAIN_PARENT = "awsapps.com"


def test_domain(organization):
    """The test domain of the organization with the alias ``organization`` (as the task names it)."""
    return "{0}.{1}".format((organization or "").lower(), TEST_DOMAIN_PARENT)


def records(raw):
    """The DNS records to publish, in a shape to loop over with amazon.aws.route53."""
    return [{"type": r.get("Type"), "hostname": r.get("Hostname"), "value": r.get("Value")} for r in raw.get("Records") or []]


class MailDomain(Resource):
    name = "mail_domain"
    operations = ("RegisterMailDomain",)
    fields = (
        Field("name", "DomainName", casefold=True, create_only=True),
        Field("default", "IsDefault", kind="bool"),
        Field("is_test_domain", "IsTestDomain", read_only=True),
        Field("ownership_verification_status", "OwnershipVerificationStatus", read_only=True),
        Field("dkim_verification_status", "DkimVerificationStatus", read_only=True),
        Field("records", "Records", kind="list", read_only=True),
    )

    calls = dict(read=("GetMailDomain",), create=("RegisterMailDomain",), update=("UpdateDefaultMailDomain",), delete=("DeregisterMailDomain",))

    def set_after_create(self, desired):
        return {"default": True} if desired.get("default") else {}

    def normalize(self, desired):
        desired["name"] = domain_name("name", desired["name"])
        return desired

    def read(self, ctx, desired):
        # Before anything waits, or a new domain is registered to be waited for.
        check_timeout("wait_timeout", ctx.options.get("wait_timeout"))
        raw = ctx.api.get_mail_domain(ctx.organization_id, desired["name"])
        if raw is None:
            return None
        raw["DomainName"] = desired["name"]
        if ctx.options.get("wait_for_verification") and not verified(raw):
            raw = self._wait_until_verified(ctx, desired["name"])
        return raw

    def find_all(self, ctx, name=None):
        """Normalised domains: the one ``name`` names, or all of the organization. A name no mail
        domain can have (an empty one included) fails naming the option, before any call."""
        if name is not None:
            name = self.normalize({"name": name})["name"]
            self.validate({"name": name})
        if ctx.organization_id is None:
            ctx.plan_calls(("GetMailDomain",) if name else ("ListMailDomains", "GetMailDomain"))
            return []
        names = [name] if name is not None else [d["DomainName"] for d in ctx.api.list_mail_domains(ctx.organization_id)]
        raws = [self.read(ctx, {"name": n}) for n in names]
        return [self.to_resource(ctx, raw) for raw in raws if raw]

    def to_resource(self, ctx, raw):
        resource = super(MailDomain, self).to_resource(ctx, raw)
        resource["records"] = records(raw)
        return resource

    def check(self, ctx, current, desired):
        if not current and desired["name"].endswith("." + TEST_DOMAIN_PARENT) and desired["name"] != test_domain(ctx.organization):
            raise ParameterError(
                "name",
                "{0} is under {1}, which holds only WorkMail's test domains (one per organization, ALIAS.{1}, registered "
                "with it); register a domain you own instead".format(desired["name"], TEST_DOMAIN_PARENT),
            )
        problem = self._default_problem(ctx, current, desired)
        if problem:
            # A real run refuses here (an existing domain) or once it has registered it (a new one);
            # check mode warns, since an earlier task may yet get the domain verified.
            ctx.refuse("default", [problem])

    def _default_problem(self, ctx, current, desired):
        """Why this run could not make the domain the default, as far as can be told before it
        starts: it is not verified and the run will not wait for it. None when nothing stops it."""
        if not desired.get("default") or current.get("default") or ctx.options.get("wait_for_verification"):
            return None
        if current and resource_verified(current):
            return None
        if not current and not ctx.check_mode:
            return None  # a real run registers it, then looks (the service may verify it at once)
        return _not_verified_message(desired["name"])

    def predict(self, ctx, desired):
        predicted = super(MailDomain, self).predict(ctx, desired)
        predicted.update(
            default=bool(desired.get("default")) and not self._default_problem(ctx, {}, desired),
            is_test_domain=False,
            ownership_verification_status=VERIFIED if ctx.options.get("wait_for_verification") else "PENDING",
            dkim_verification_status=VERIFIED if ctx.options.get("wait_for_verification") else "PENDING",
        )
        return predicted

    def changes(self, ctx, current, desired):
        changes = super(MailDomain, self).changes(ctx, current, desired)
        if ctx.check_mode and changes.get("default") and self._default_problem(ctx, current, desired):
            # The plan does not promise what the run would refuse (check warned why).
            del changes["default"]
        if changes.get("default") is False:
            raise ParameterError(
                "default", "{0} is the default domain; make another domain the default instead (default: true on it)".format(desired["name"])
            )
        return changes

    def create(self, ctx, desired):
        ctx.api.register_mail_domain(ctx.organization_id, desired["name"])

    def update(self, ctx, raw, changes, desired):
        if changes.get("default"):
            if not verified(raw):
                raise WorkMailError("default: " + _not_verified_message(desired["name"]), option="default")
            ctx.api.update_default_mail_domain(ctx.organization_id, desired["name"])

    def check_delete(self, ctx, raw):
        name = raw["DomainName"]
        if raw.get("IsTestDomain"):
            raise ParameterError("name", "{0} is the organization's test domain, which cannot be deregistered".format(name))
        if raw.get("IsDefault"):
            raise ParameterError("name", "{0} is the default domain; make another domain the default before removing it".format(name))
        # Look before deregistering: the service only says "in use", this says by whom.
        holders = addresses_on(ctx, name)
        if holders:
            raise ParameterError("name", _in_use_message(name, holders), code="MailDomainInUseException")

    def delete(self, ctx, raw):
        name = raw["DomainName"]
        try:
            # An address may still have been given out since check_delete looked.
            ctx.api.deregister_mail_domain(ctx.organization_id, name)
        except WorkMailError as e:
            if e.code != "MailDomainInUseException":
                raise
            raise WorkMailError("name: " + _in_use_message(name, addresses_on(ctx, name)), code=e.code, option="name")

    def _wait_until_verified(self, ctx, name):
        raw = wait_for(
            lambda: ctx.api.get_mail_domain(ctx.organization_id, name),
            verified,
            ctx.options.get("wait_timeout", 600),
            "mail domain {0} to be verified".format(name),
        )
        raw["DomainName"] = name
        return raw


def verified(raw):
    return raw.get("OwnershipVerificationStatus") == VERIFIED and raw.get("DkimVerificationStatus") == VERIFIED


def resource_verified(resource):
    """``verified`` of a domain in the module's form."""
    return resource.get("ownership_verification_status") == VERIFIED and resource.get("dkim_verification_status") == VERIFIED


def _not_verified_message(name):
    return (
        "{0} is not verified yet, so it cannot be the default domain. Publish its DNS records "
        "(returned as records) and rerun, or set wait_for_verification: true.".format(name)
    )


def _in_use_message(name, holders):
    return "{0} is still in use by: {1}. Move or remove these addresses first (mailops.workmail.user, mailops.workmail.group, mailops.workmail.alias).".format(
        name, ", ".join(holders) or "aliases of disabled entities"
    )


def addresses_on(ctx, domain):
    """Who holds an address on ``domain``: "name <address>" for each user, group and alias."""
    suffix = "@" + domain.lower()
    holders = []
    for kind, entities in (("user", ctx.api.list_users(ctx.organization_id)), ("group", ctx.api.list_groups(ctx.organization_id))):
        for entity in entities:
            if entity.get("State") != "ENABLED":
                continue
            addresses = [entity.get("Email") or ""] + ctx.api.list_aliases(ctx.organization_id, entity["Id"])
            holders.extend("{0} {1} <{2}>".format(kind, entity["Name"], a) for a in addresses if a.lower().endswith(suffix))
    return holders


MAIL_DOMAIN = MailDomain()
