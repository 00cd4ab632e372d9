# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The WorkMail organization, found by its alias.

There is no update call: directory, interoperability, KMS key and the first domains are set at
creation only. Tags are the one thing that changes. Creation and deletion are asynchronous
(Requested, Creating, Active; Deleting, Deleted) and are waited for unless ``wait`` is false.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.amazon.aws.plugins.module_utils.tagging import compare_aws_tags

from ansible_collections.mailops.workmail.plugins.module_utils.engine import Field
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Resource
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.resolve import GONE_ORGANIZATION_STATES
from ansible_collections.mailops.workmail.plugins.module_utils.resolve import find_organization
from ansible_collections.mailops.workmail.plugins.module_utils.validation import check
from ansible_collections.mailops.workmail.plugins.module_utils.validation import check_timeout
from ansible_collections.mailops.workmail.plugins.module_utils.validation import domain_name
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import wait_for

ACTIVE = "Active"
CREATING_STATES = ("Requested", "Creating")
DELETED = "Deleted"


class Organization(Resource):
    name = "organization"
    organization_scoped = False
    operations = ("CreateOrganization", "DeleteOrganization")
    # Aliases are unique among the live organizations of an account and Region.
    conflict_codes = ("NameAvailabilityException",)
    fields = (
        Field("alias", "Alias", casefold=True, create_only=True),
        Field("id", "OrganizationId", read_only=True),
        Field("arn", "ARN", read_only=True),
        Field("state", "State", read_only=True),
        Field("default_mail_domain", "DefaultMailDomain", read_only=True),
        Field("directory_id", "DirectoryId", create_only=True),
        Field("directory_type", "DirectoryType", read_only=True),
        Field("enable_interoperability", "InteroperabilityEnabled", kind="bool", create_only=True, write_member="EnableInteroperability"),
        Field("kms_key_arn", "KmsKeyArn", write_only=True),
        Field("domains", "Domains", kind="list", write_only=True),
        Field("tags", "Tags", kind="dict"),
        Field("completed_date", "CompletedDate", read_only=True),
        Field("error_message", "ErrorMessage", read_only=True),
    )

    calls = dict(create=("CreateOrganization",), delete=("DeleteOrganization",))

    def label(self, desired, before):
        return desired.get("alias") or before.get("alias")

    def read_calls(self, resource):
        # Found by alias; only an active organization answers ListTagsForResource.
        calls = ["ListOrganizations", "DescribeOrganization"]
        return calls + ["ListTagsForResource"] if resource.get("state", ACTIVE) == ACTIVE else calls

    def update_calls(self, before, changes):
        current, wanted = before.get("tags") or {}, changes.get("tags")
        if wanted is None:
            return []
        calls = ["UntagResource"] if any(k not in wanted for k in current) else []
        return calls + (["TagResource"] if any(current.get(k) != v for k, v in wanted.items()) else [])

    def apply_calls(self, ctx, planned, reread=True):
        calls = super(Organization, self).apply_calls(ctx, planned, reread)
        desired, wait = planned.desired, ctx.options.get("wait", True)
        # Creating waits (with wait, or to tag), and deleting with wait, polling DescribeOrganization;
        # once created, a task that gives domains checks they are registered.
        if planned.action == "create" and (wait or desired.get("tags")) or planned.action == "delete" and wait:
            calls.append("DescribeOrganization")
        if planned.action == "create" and desired.get("domains"):
            calls.append("ListMailDomains")
        return calls

    def set_after_create(self, desired):
        return {"tags": desired["tags"]} if desired.get("tags") else {}

    def provides(self, planned):
        if planned.action != "create":
            return []
        alias = planned.desired["alias"]
        domains = ["{0}.awsapps.com".format(alias.lower())] + [d["domain_name"] for d in planned.desired.get("domains") or []]
        return [dict(type="organization", name=alias, organization=None)] + [
            dict(type="mail_domain", name=domain, organization=alias) for domain in domains
        ]

    def normalize(self, desired):
        if desired.get("domains"):
            desired = dict(desired)
            desired["domains"] = [
                dict(domain, domain_name=domain_name("domains[{0}].domain_name".format(index), domain["domain_name"]))
                if domain.get("domain_name") is not None
                else domain
                for index, domain in enumerate(desired["domains"])
            ]
        return desired

    def validate(self, desired):
        super(Organization, self).validate(dict((k, v) for k, v in desired.items() if k != "domains"))
        for index, domain in enumerate(desired.get("domains") or []):
            option = "domains[{0}]".format(index)
            check(option + ".domain_name", domain.get("domain_name"), "CreateOrganization", "Domains.DomainName")
            check(option + ".hosted_zone_id", domain.get("hosted_zone_id"), "CreateOrganization", "Domains.HostedZoneId")
        if len(desired.get("domains") or []) > 5:
            raise ParameterError("domains", "must have at most 5 items")
        if desired.get("tags"):
            check("tags", [{"Key": k, "Value": v} for k, v in desired["tags"].items()], "TagResource", "Tags")
            reserved = sorted(k for k in desired["tags"] if k.lower().startswith("aws:"))
            if reserved:
                raise ParameterError("tags", "keys starting with 'aws:' are reserved for AWS: {0}".format(", ".join(reserved)))

    def read(self, ctx, desired):
        raw = find_organization(ctx.api, desired["alias"])
        if raw and raw.get("State") in CREATING_STATES and ctx.options.get("wait"):
            # Being created, by another run or an earlier one that did not wait: the tasks that
            # follow need it active, as they would after this module had created it.
            self._wait_for_state(ctx, raw["OrganizationId"], ACTIVE)
            raw = ctx.api.describe_organization(raw["OrganizationId"])
        return self._with_tags(ctx, raw)

    def check(self, ctx, current, desired):
        check_timeout("wait_timeout", ctx.options.get("wait_timeout"))
        if not current and desired.get("enable_interoperability") and not desired.get("directory_id"):
            raise ParameterError(
                "enable_interoperability",
                "needs directory_id: interoperability with Microsoft Exchange works through an AD Connector directory, "
                "which must be given when the organization is created",
            )

    def check_delete(self, ctx, raw):
        check_timeout("wait_timeout", ctx.options.get("wait_timeout"))

    def find_all(self, ctx, alias=None, organization_id=None):
        """Normalised organizations: the one with the alias ``alias`` or the ID ``organization_id``,
        or all live ones. A filter no organization could match (an ID that is not one, an empty
        value) fails naming its option."""
        if alias is not None:
            check("alias", alias, "CreateOrganization", "Alias")
            raws = [raw for raw in [self.read(ctx, {"alias": alias})] if raw and raw.get("Alias", "").lower() == alias.lower()]
        elif organization_id is not None:
            check("organization_id", organization_id, "DescribeOrganization", "OrganizationId")
            raws = [self.read(ctx, {"alias": organization_id})]
        else:
            raws = [
                self._with_tags(ctx, ctx.api.describe_organization(summary["OrganizationId"]))
                for summary in ctx.api.list_organizations()
                if summary.get("State") not in GONE_ORGANIZATION_STATES
            ]
        return [self.to_resource(ctx, raw) for raw in raws if raw]

    def _with_tags(self, ctx, raw):
        # Only an active organization answers ListTagsForResource.
        if raw and raw.get("ARN") and raw.get("State") == ACTIVE:
            raw["Tags"] = ctx.api.list_tags(raw["ARN"])
        return raw

    def to_resource(self, ctx, raw):
        resource = super(Organization, self).to_resource(ctx, raw)
        resource["tags"] = raw.get("Tags") or {}
        return resource

    def predict(self, ctx, desired):
        predicted = super(Organization, self).predict(ctx, desired)
        predicted.update(
            state=ACTIVE if ctx.options.get("wait", True) else "Requested",
            default_mail_domain="{0}.awsapps.com".format(desired["alias"].lower()),
            enable_interoperability=bool(desired.get("enable_interoperability")),
            tags=desired.get("tags") or {},
        )
        return predicted

    def changes(self, ctx, current, desired):
        changes = super(Organization, self).changes(ctx, current, desired)
        changes.pop("tags", None)
        if desired.get("tags") is not None:
            to_set, to_unset = compare_aws_tags(current.get("tags") or {}, desired["tags"], ctx.options.get("purge_tags", True))
            if to_set or to_unset:
                tags = dict((k, v) for k, v in (current.get("tags") or {}).items() if k not in to_unset)
                tags.update(to_set)
                changes["tags"] = tags
        if current.get("id") and desired.get("domains"):
            self._refuse_new_domains(ctx, current, desired["domains"])
        return changes

    def _refuse_new_domains(self, ctx, current, domains):
        registered = set(d["DomainName"].lower() for d in ctx.api.list_mail_domains(current["id"]))
        missing = [d["domain_name"] for d in domains if d["domain_name"].lower() not in registered]
        if missing:
            raise ParameterError(
                "domains",
                "is only used when the organization is created; {0} is not registered in the existing organization. "
                "Register mail domains with mailops.workmail.mail_domain.".format(", ".join(missing)),
            )

    def create(self, ctx, desired):
        params = {"Alias": desired["alias"]}
        for option, member in (("directory_id", "DirectoryId"), ("kms_key_arn", "KmsKeyArn"), ("enable_interoperability", "EnableInteroperability")):
            if desired.get(option) is not None:
                params[member] = desired[option]
        if desired.get("domains"):
            params["Domains"] = [
                dict([("DomainName", d["domain_name"])] + ([("HostedZoneId", d["hosted_zone_id"])] if d.get("hosted_zone_id") else []))
                for d in desired["domains"]
            ]
        # The ClientToken makes a create sent twice (a lost reply retried, two runs at once) make one
        # organization; the one answered must be live: one deleted since is not this create's.

        def live(organization_id):
            found = ctx.api.describe_organization(organization_id)
            return found is not None and found.get("State") not in GONE_ORGANIZATION_STATES

        organization_id = ctx.api.create_organization(live, **params)
        self._wait_until_usable(ctx, desired, organization_id)

    def created_as(self, ctx, desired):
        created = dict((option, desired[option]) for option in ("directory_id", "enable_interoperability") if desired.get(option) is not None)
        return created

    def adopt(self, ctx, desired, error):
        raw = super(Organization, self).adopt(ctx, desired, error)
        self._wait_until_usable(ctx, desired, raw["OrganizationId"])
        return None  # read again, now that it is active

    def _wait_until_usable(self, ctx, desired, organization_id):
        # Tags can only be set on an active organization.
        if ctx.options.get("wait", True) or desired.get("tags"):
            self._wait_for_state(ctx, organization_id, ACTIVE)

    def update(self, ctx, raw, changes, desired):
        if "tags" in changes:
            current = raw.get("Tags") or {}
            wanted = changes["tags"]
            gone = [k for k in current if k not in wanted]
            if gone:
                ctx.api.untag_resource(raw["ARN"], gone)
            new = dict((k, v) for k, v in wanted.items() if current.get(k) != v)
            if new:
                ctx.api.tag_resource(raw["ARN"], new)

    def delete(self, ctx, raw):
        ctx.api.delete_organization(
            raw["OrganizationId"],
            DeleteDirectory=ctx.options.get("delete_directory", False),
            ForceDelete=ctx.options.get("force_delete", False),
            DeleteIdentityCenterApplication=ctx.options.get("delete_identity_center_application", False),
        )
        if ctx.options.get("wait", True):
            self._wait_for_state(ctx, raw["OrganizationId"], DELETED)

    def _wait_for_state(self, ctx, organization_id, state):
        wait_for(
            lambda: ctx.api.describe_organization(organization_id),
            lambda raw: raw is None and state == DELETED or raw is not None and raw.get("State") == state,
            ctx.options.get("wait_timeout", 600),
            "organization {0} to become {1}".format(organization_id, state),
        )


ORGANIZATION = Organization()
