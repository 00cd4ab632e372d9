# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every WorkMail API call the collection makes, one small method each.

``WorkMailAPI`` wraps a boto3 ``workmail`` client built with ``client_config``: botocore retries
each call on throttling and transient faults (its "standard" retry mode, ``MAX_ATTEMPTS``
attempts), and any failure becomes a ``WorkMailError`` carrying the service's error code, so the
rest of the collection never touches botocore exceptions. Readers return ``None`` where the
service answers "not found". The class takes a client, not an AnsibleModule, so the same code
serves modules and bulk runs.

Retries are botocore's. It retries every code WorkMail throttles or fails with
(ThrottlingException, LimitExceededException, InternalFailure, ServiceUnavailable, any HTTP 5xx,
connection errors and timeouts) with jittered exponential back-off. AWSRetry (amazon.aws) comes in
only where botocore does not retry: once the client's retry quota is spent (see ``QuotaRetry``).
What botocore cannot know, WorkMail's lag after a write, is waited for in ``waiters``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import json
import threading

try:
    import botocore.exceptions
    from botocore import xform_name
except ImportError:
    pass  # AnsibleAWSModule reports the missing SDK

from ansible_collections.amazon.aws.plugins.module_utils.retries import AWSRetry

from ansible_collections.mailops.workmail.plugins.module_utils.errors import NOT_FOUND_CODES
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import error_code

PAGE_SIZE = 100
# How many times a create is sent again when the service answers with an object deleted since.
MAX_REPLAYS = 5

# The retry policy of every client (see client_config). botocore sleeps rand(0, 1) * min(base *
# 2 ** (attempt - 1), MAX_BACKOFF) seconds before each retry: base 1 s after throttling, 50 ms
# after other errors. With 10 attempts a call sleeps at most 111 s in all when throttled
# (1 + 2 + 4 + 8 + 16 + 20 * 4), at most 25.6 s after server errors; half that on average.
# A call botocore gives up on because the client's retry quota is spent is sent again by
# QuotaRetry, at most MAX_ATTEMPTS times in all with the same back-off after throttling.
MAX_ATTEMPTS = 10
MAX_BACKOFF = 20
# Seconds to open a connection, and to wait for a reply, before an attempt counts as failed
# (and is retried: a reply that never comes is a lost reply).
CONNECT_TIMEOUT = 10
READ_TIMEOUT = 30


def client_config(workers=1):
    """The botocore configuration of every WorkMail client of the collection, as a dict.

    botocore's standard retry mode with ``MAX_ATTEMPTS`` attempts a call, short timeouts, and a
    connection per worker for clients shared by ``workers`` threads. A task's ``aws_config`` is merged over it,
    so ``aws_config: {retries: {mode: adaptive, total_max_attempts: 5}}`` replaces the policy.
    """
    return dict(
        retries=dict(mode="standard", total_max_attempts=MAX_ATTEMPTS),
        connect_timeout=CONNECT_TIMEOUT,
        read_timeout=READ_TIMEOUT,
        max_pool_connections=max(10, workers),
    )


class QuotaRetry(AWSRetry):
    """amazon.aws's retry decorator for the one case botocore does not retry: its retry quota spent.

    Besides its attempts a call, botocore keeps a retry budget per client (its retry quota: 500
    tokens, 5 spent on a retry after throttling, 14 after another error, given back when the call
    then succeeds, 1 earned by a call that succeeds at once) and stops retrying while it is spent.
    WorkMail answers "not found" with an error, which gives nothing back, and the collection asks
    whether addresses and names are free many times in a bulk run: under sustained throttling the
    budget runs out and calls that botocore would have retried fail at their first attempt. Those,
    and only those, are sent again here, with botocore's back-off after throttling.
    """

    @staticmethod
    def status_code_from_exception(error):
        if (error.response.get("ResponseMetadata") or {}).get("RetryQuotaReached"):
            return "RetryQuotaReached"
        return error.response.get("Error", {}).get("Code")

    @staticmethod
    def found(response_code, catch_extra_error_codes=None):
        return response_code == "RetryQuotaReached"


def max_backoff(attempts=MAX_ATTEMPTS, base=1.0):
    """The longest a call can sleep between its ``attempts`` attempts in all (seconds): every draw
    of botocore's jitter at its maximum. ``base`` is 1 after throttling, 0.05 after other errors."""
    return sum(min(base * 2 ** retry, MAX_BACKOFF) for retry in range(attempts - 1))


def client_token(operation, params, *salt):
    """A ClientToken derived from the request itself: ``operation`` and every parameter but the
    token (the organization, the name, the content), plus ``salt``.

    The same request gives the same token, so a create sent twice (a retry whose first reply was
    lost, two runs at once) is made once: the service answers the second with the first's reply.
    A different request gives another token, as the service asks (a token reused with other
    parameters is refused). ``salt`` tells apart a request that must not be taken for an earlier
    identical one (see ``WorkMailAPI.create_once``).
    """
    request = dict((k, v) for k, v in params.items() if k != "ClientToken")
    body = json.dumps([operation, request, list(salt)], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class WorkMailAPI:
    """The WorkMail API as the collection uses it."""

    def __init__(self, client):
        self.client = client
        self._lock = threading.Lock()
        self.called = []
        """The operations sent, each once, in the order first sent (every attempt counts: one the
        service refused needed its permission too). Bulk runs share the API among threads."""

    # -- plumbing -------------------------------------------------------------------------

    def call(self, operation, **params):
        """Call ``operation`` (e.g. "CreateUser") with ``params``; return the response."""
        with self._lock:
            if operation not in self.called:
                self.called.append(operation)
        # A decorator a call: its back-off iterator is not shared between threads.
        method = QuotaRetry.jittered_backoff(retries=MAX_ATTEMPTS, delay=1, max_delay=MAX_BACKOFF)(getattr(self.client, xform_name(operation)))
        try:
            response = method(**params)
        except botocore.exceptions.ClientError as e:
            code = error_code(e)
            attempts = 1 + (e.response.get("ResponseMetadata") or {}).get("RetryAttempts", 0)
            raise WorkMailError(
                "{0} failed{1}: {2}".format(
                    operation, " after {0} attempts".format(attempts) if attempts > 1 else "", e.response.get("Error", {}).get("Message") or code
                ),
                code=code,
                exception=e,
            )
        except botocore.exceptions.BotoCoreError as e:
            raise WorkMailError("{0} failed: {1}".format(operation, e), exception=e)
        response.pop("ResponseMetadata", None)
        return response

    def find(self, operation, **params):
        """Like ``call`` but return None when the service answers "not found"."""
        try:
            return self.call(operation, **params)
        except WorkMailError as e:
            if e.code in NOT_FOUND_CODES:
                return None
            raise

    def create_once(self, operation, id_key, exists, **params):
        """Send the create ``operation`` with a ClientToken derived from ``params``; return the new
        object's ID (``response[id_key]``).

        The service remembers a token for hours and answers a repeat with the original reply and no
        second effect. So after a delete, the same create again would get the deleted object's ID
        back and create nothing: ``exists(id)`` tells whether the ID answered is a live object. When it
        is not, the create is sent again with that ID folded into the token, which makes it a new
        request, and the same new request for any run that finds the same dead ID.
        """
        dead = []
        for _attempt in range(MAX_REPLAYS):
            object_id = self.call(operation, ClientToken=client_token(operation, params, *dead), **params)[id_key]
            if exists(object_id):
                return object_id
            dead.append(object_id)
        raise WorkMailError(
            "{0} answered {1} times with objects that no longer exist ({2})".format(operation, len(dead), ", ".join(dead))
        )

    def paginate(self, operation, result_key, page_size=PAGE_SIZE, **params):
        """All items of a list operation, following NextToken by hand (five have no paginator)."""
        items = []
        params["MaxResults"] = page_size
        while True:
            response = self.call(operation, **params)
            items.extend(response.get(result_key) or [])
            token = response.get("NextToken")
            if not token:
                return items
            params["NextToken"] = token

    # -- organizations ---------------------------------------------------------------------

    def list_organizations(self):
        return self.paginate("ListOrganizations", "OrganizationSummaries")

    def describe_organization(self, organization_id):
        return self.find("DescribeOrganization", OrganizationId=organization_id)

    def create_organization(self, exists, **params):
        """Create an organization once (see ``create_once``); ``exists(organization_id)`` tells a live one."""
        return self.create_once("CreateOrganization", "OrganizationId", exists, **params)

    def delete_organization(self, organization_id, **flags):
        params = dict(flags, OrganizationId=organization_id)
        return self.call("DeleteOrganization", ClientToken=client_token("DeleteOrganization", params), **params)

    def list_tags(self, arn):
        return dict((t["Key"], t["Value"]) for t in self.call("ListTagsForResource", ResourceARN=arn).get("Tags", []))

    def tag_resource(self, arn, tags):
        self.call("TagResource", ResourceARN=arn, Tags=[{"Key": k, "Value": v} for k, v in sorted(tags.items())])

    def untag_resource(self, arn, keys):
        self.call("UntagResource", ResourceARN=arn, TagKeys=sorted(keys))

    # -- mail domains --------------------------------------------------------------------------

    def list_mail_domains(self, organization_id):
        return self.paginate("ListMailDomains", "MailDomains", OrganizationId=organization_id)

    def get_mail_domain(self, organization_id, domain):
        return self.find("GetMailDomain", OrganizationId=organization_id, DomainName=domain)

    def register_mail_domain(self, organization_id, domain):
        """RegisterMailDomain with a ClientToken derived from the request.

        Registering a domain the organization has is a no-op, so a repeat is harmless; but the
        service answers a token it remembers with the earlier reply and no effect, which, for a
        domain deregistered since, registers nothing. Then the domain is registered again with a
        token of its own (botocore's).
        """
        params = dict(OrganizationId=organization_id, DomainName=domain)
        self.call("RegisterMailDomain", ClientToken=client_token("RegisterMailDomain", params), **params)
        if self.get_mail_domain(organization_id, domain) is None:
            self.call("RegisterMailDomain", **params)

    def deregister_mail_domain(self, organization_id, domain):
        self.call("DeregisterMailDomain", OrganizationId=organization_id, DomainName=domain)

    def update_default_mail_domain(self, organization_id, domain):
        self.call("UpdateDefaultMailDomain", OrganizationId=organization_id, DomainName=domain)

    # -- entities (users, groups) ----------------------------------------------------------------

    def describe_entity(self, organization_id, email):
        return self.find("DescribeEntity", OrganizationId=organization_id, Email=email)

    def list_users(self, organization_id, **filters):
        params = {"Filters": filters} if filters else {}
        return self.paginate("ListUsers", "Users", OrganizationId=organization_id, **params)

    def describe_user(self, organization_id, user):
        return self.find("DescribeUser", OrganizationId=organization_id, UserId=user)

    def create_user(self, organization_id, **params):
        return self.call("CreateUser", OrganizationId=organization_id, **params)["UserId"]

    def update_user(self, organization_id, user_id, **params):
        self.call("UpdateUser", OrganizationId=organization_id, UserId=user_id, **params)

    def delete_user(self, organization_id, user_id):
        self.call("DeleteUser", OrganizationId=organization_id, UserId=user_id)

    def reset_password(self, organization_id, user_id, password):
        self.call("ResetPassword", OrganizationId=organization_id, UserId=user_id, Password=password)

    def get_mailbox_details(self, organization_id, user_id):
        return self.find("GetMailboxDetails", OrganizationId=organization_id, UserId=user_id)

    def update_mailbox_quota(self, organization_id, user_id, quota):
        self.call("UpdateMailboxQuota", OrganizationId=organization_id, UserId=user_id, MailboxQuota=quota)

    def list_groups(self, organization_id, **filters):
        params = {"Filters": filters} if filters else {}
        return self.paginate("ListGroups", "Groups", OrganizationId=organization_id, **params)

    def describe_group(self, organization_id, group):
        return self.find("DescribeGroup", OrganizationId=organization_id, GroupId=group)

    def create_group(self, organization_id, **params):
        return self.call("CreateGroup", OrganizationId=organization_id, **params)["GroupId"]

    def update_group(self, organization_id, group_id, **params):
        self.call("UpdateGroup", OrganizationId=organization_id, GroupId=group_id, **params)

    def delete_group(self, organization_id, group_id):
        self.call("DeleteGroup", OrganizationId=organization_id, GroupId=group_id)

    def register_to_workmail(self, organization_id, entity_id, email):
        """RegisterToWorkMail. An entity that holds ``email`` already is registered: a retry that
        meets its own first attempt, or another run, may be refused as registered or in use."""
        try:
            self.call("RegisterToWorkMail", OrganizationId=organization_id, EntityId=entity_id, Email=email)
        except WorkMailError as e:
            if e.code not in ("EntityAlreadyRegisteredException", "EmailAddressInUseException") or not self.holds(organization_id, entity_id, email):
                raise

    def deregister_from_workmail(self, organization_id, entity_id):
        self.call("DeregisterFromWorkMail", OrganizationId=organization_id, EntityId=entity_id)

    def update_primary_email_address(self, organization_id, entity_id, email):
        self.call("UpdatePrimaryEmailAddress", OrganizationId=organization_id, EntityId=entity_id, Email=email)

    # -- group membership and aliases ------------------------------------------------------------

    def list_group_members(self, organization_id, group_id):
        return self.paginate("ListGroupMembers", "Members", OrganizationId=organization_id, GroupId=group_id)

    def list_groups_for_entity(self, organization_id, entity_id):
        return self.paginate("ListGroupsForEntity", "Groups", OrganizationId=organization_id, EntityId=entity_id)

    def associate_member_to_group(self, organization_id, group_id, member_id):
        self.call("AssociateMemberToGroup", OrganizationId=organization_id, GroupId=group_id, MemberId=member_id)

    def disassociate_member_from_group(self, organization_id, group_id, member_id):
        self.call("DisassociateMemberFromGroup", OrganizationId=organization_id, GroupId=group_id, MemberId=member_id)

    def list_aliases(self, organization_id, entity_id):
        return self.paginate("ListAliases", "Aliases", OrganizationId=organization_id, EntityId=entity_id)

    def create_alias(self, organization_id, entity_id, alias):
        """CreateAlias. An alias the entity holds already is made: a retry that meets its own first
        attempt, or another run, may be refused as in use. (AssociateMemberToGroup needs no such
        care: the service answers a member added again with success.)"""
        try:
            self.call("CreateAlias", OrganizationId=organization_id, EntityId=entity_id, Alias=alias)
        except WorkMailError as e:
            if e.code != "EmailAddressInUseException" or not self.holds(organization_id, entity_id, alias):
                raise

    def holds(self, organization_id, entity_id, address):
        """Whether the entity ``entity_id`` holds ``address`` (primary or alias)."""
        holder = self.describe_entity(organization_id, address)
        return bool(holder) and holder.get("EntityId") == entity_id

    def delete_alias(self, organization_id, entity_id, alias):
        self.call("DeleteAlias", OrganizationId=organization_id, EntityId=entity_id, Alias=alias)

    # -- resources, their delegates, mailbox permissions -------------------------------------------

    def list_resources(self, organization_id, **filters):
        params = {"Filters": filters} if filters else {}
        return self.paginate("ListResources", "Resources", OrganizationId=organization_id, **params)

    def describe_resource(self, organization_id, resource):
        return self.find("DescribeResource", OrganizationId=organization_id, ResourceId=resource)

    def create_resource(self, organization_id, **params):
        return self.call("CreateResource", OrganizationId=organization_id, **params)["ResourceId"]

    def update_resource(self, organization_id, resource_id, **params):
        self.call("UpdateResource", OrganizationId=organization_id, ResourceId=resource_id, **params)

    def delete_resource(self, organization_id, resource_id):
        self.call("DeleteResource", OrganizationId=organization_id, ResourceId=resource_id)

    def list_resource_delegates(self, organization_id, resource_id):
        return self.paginate("ListResourceDelegates", "Delegates", OrganizationId=organization_id, ResourceId=resource_id)

    def associate_delegate_to_resource(self, organization_id, resource_id, entity_id):
        self.call("AssociateDelegateToResource", OrganizationId=organization_id, ResourceId=resource_id, EntityId=entity_id)

    def disassociate_delegate_from_resource(self, organization_id, resource_id, entity_id):
        self.call("DisassociateDelegateFromResource", OrganizationId=organization_id, ResourceId=resource_id, EntityId=entity_id)

    def list_mailbox_permissions(self, organization_id, entity_id):
        return self.paginate("ListMailboxPermissions", "Permissions", OrganizationId=organization_id, EntityId=entity_id)

    def put_mailbox_permissions(self, organization_id, entity_id, grantee_id, values):
        self.call("PutMailboxPermissions", OrganizationId=organization_id, EntityId=entity_id, GranteeId=grantee_id, PermissionValues=list(values))

    def delete_mailbox_permissions(self, organization_id, entity_id, grantee_id):
        self.call("DeleteMailboxPermissions", OrganizationId=organization_id, EntityId=entity_id, GranteeId=grantee_id)

    # -- access control rules ----------------------------------------------------------------------

    def list_access_control_rules(self, organization_id):
        return self.call("ListAccessControlRules", OrganizationId=organization_id).get("Rules", [])

    def put_access_control_rule(self, organization_id, **rule):
        self.call("PutAccessControlRule", OrganizationId=organization_id, **rule)

    def delete_access_control_rule(self, organization_id, name):
        self.call("DeleteAccessControlRule", OrganizationId=organization_id, Name=name)

    def get_access_control_effect(self, organization_id, **params):
        return self.call("GetAccessControlEffect", OrganizationId=organization_id, **params)

    # -- retention policy --------------------------------------------------------------------------

    def get_default_retention_policy(self, organization_id):
        return self.find("GetDefaultRetentionPolicy", OrganizationId=organization_id)

    def put_retention_policy(self, organization_id, **policy):
        self.call("PutRetentionPolicy", OrganizationId=organization_id, **policy)

    def delete_retention_policy(self, organization_id, policy_id):
        self.call("DeleteRetentionPolicy", OrganizationId=organization_id, Id=policy_id)

    # -- availability configurations ---------------------------------------------------------------

    def list_availability_configurations(self, organization_id):
        return self.paginate("ListAvailabilityConfigurations", "AvailabilityConfigurations", OrganizationId=organization_id)

    def create_availability_configuration(self, organization_id, domain_name, **provider):
        # botocore adds a ClientToken of its own, which its retries of a lost reply resend.
        self.call("CreateAvailabilityConfiguration", OrganizationId=organization_id, DomainName=domain_name, **provider)

    def update_availability_configuration(self, organization_id, domain_name, **provider):
        self.call("UpdateAvailabilityConfiguration", OrganizationId=organization_id, DomainName=domain_name, **provider)

    def delete_availability_configuration(self, organization_id, domain_name):
        self.call("DeleteAvailabilityConfiguration", OrganizationId=organization_id, DomainName=domain_name)

    def test_availability_configuration(self, organization_id, domain_name):
        return self.call("TestAvailabilityConfiguration", OrganizationId=organization_id, DomainName=domain_name)

    # -- email monitoring and inbound DMARC ----------------------------------------------------------

    def describe_email_monitoring_configuration(self, organization_id):
        return self.find("DescribeEmailMonitoringConfiguration", OrganizationId=organization_id)

    def put_email_monitoring_configuration(self, organization_id, **configuration):
        self.call("PutEmailMonitoringConfiguration", OrganizationId=organization_id, **configuration)

    def delete_email_monitoring_configuration(self, organization_id):
        self.call("DeleteEmailMonitoringConfiguration", OrganizationId=organization_id)

    def describe_inbound_dmarc_settings(self, organization_id):
        return self.call("DescribeInboundDmarcSettings", OrganizationId=organization_id)

    def put_inbound_dmarc_settings(self, organization_id, enforced):
        self.call("PutInboundDmarcSettings", OrganizationId=organization_id, Enforced=enforced)

    # -- impersonation roles -----------------------------------------------------------------------

    def list_impersonation_roles(self, organization_id):
        # The service returns at most 20 roles a page.
        return self.paginate("ListImpersonationRoles", "Roles", page_size=20, OrganizationId=organization_id)

    def get_impersonation_role(self, organization_id, role_id):
        return self.find("GetImpersonationRole", OrganizationId=organization_id, ImpersonationRoleId=role_id)

    def create_impersonation_role(self, organization_id, exists, **role):
        """Create a role once (see ``create_once``); ``exists(role_id)`` tells a live role."""
        return self.create_once("CreateImpersonationRole", "ImpersonationRoleId", exists, OrganizationId=organization_id, **role)

    def update_impersonation_role(self, organization_id, role_id, **role):
        self.call("UpdateImpersonationRole", OrganizationId=organization_id, ImpersonationRoleId=role_id, **role)

    def delete_impersonation_role(self, organization_id, role_id):
        self.call("DeleteImpersonationRole", OrganizationId=organization_id, ImpersonationRoleId=role_id)

    def get_impersonation_role_effect(self, organization_id, role_id, target_user):
        return self.call("GetImpersonationRoleEffect", OrganizationId=organization_id, ImpersonationRoleId=role_id, TargetUser=target_user)

    # -- mobile device access ----------------------------------------------------------------------

    def list_mobile_device_access_rules(self, organization_id):
        return self.call("ListMobileDeviceAccessRules", OrganizationId=organization_id).get("Rules", [])

    def create_mobile_device_access_rule(self, organization_id, exists, **rule):
        """Create a rule once (see ``create_once``); ``exists(rule_id)`` tells a live rule."""
        return self.create_once("CreateMobileDeviceAccessRule", "MobileDeviceAccessRuleId", exists, OrganizationId=organization_id, **rule)

    def update_mobile_device_access_rule(self, organization_id, rule_id, **rule):
        self.call("UpdateMobileDeviceAccessRule", OrganizationId=organization_id, MobileDeviceAccessRuleId=rule_id, **rule)

    def delete_mobile_device_access_rule(self, organization_id, rule_id):
        self.call("DeleteMobileDeviceAccessRule", OrganizationId=organization_id, MobileDeviceAccessRuleId=rule_id)

    def get_mobile_device_access_effect(self, organization_id, **device):
        return self.call("GetMobileDeviceAccessEffect", OrganizationId=organization_id, **device)

    def get_mobile_device_access_override(self, organization_id, user_id, device_id):
        return self.find("GetMobileDeviceAccessOverride", OrganizationId=organization_id, UserId=user_id, DeviceId=device_id)

    def put_mobile_device_access_override(self, organization_id, user_id, device_id, **override):
        self.call("PutMobileDeviceAccessOverride", OrganizationId=organization_id, UserId=user_id, DeviceId=device_id, **override)

    def delete_mobile_device_access_override(self, organization_id, user_id, device_id):
        self.call("DeleteMobileDeviceAccessOverride", OrganizationId=organization_id, UserId=user_id, DeviceId=device_id)

    def list_mobile_device_access_overrides(self, organization_id, **filters):
        # No botocore paginator: followed by hand.
        return self.paginate("ListMobileDeviceAccessOverrides", "Overrides", OrganizationId=organization_id, **filters)

    # -- mailbox export jobs ------------------------------------------------------------------------

    def start_mailbox_export_job(self, organization_id, salt=(), **params):
        """StartMailboxExportJob with a ClientToken derived from the request and ``salt`` (see
        ``client_token``): a retry, or a later run resending the same start, gets the first job back."""
        params = dict(params, OrganizationId=organization_id)
        return self.call("StartMailboxExportJob", ClientToken=client_token("StartMailboxExportJob", params, *salt), **params)["JobId"]

    def describe_mailbox_export_job(self, organization_id, job_id):
        """The job, or None once the service has forgotten it (it lists and describes jobs of the last 7 days)."""
        return self.find("DescribeMailboxExportJob", OrganizationId=organization_id, JobId=job_id)

    def list_mailbox_export_jobs(self, organization_id):
        return self.paginate("ListMailboxExportJobs", "Jobs", OrganizationId=organization_id)

    # -- IAM Identity Center and personal access tokens ----------------------------------------------

    def create_identity_center_application(self, organization_id, name, instance_arn):
        """The ARN of a new application of the instance, made for ``organization_id``.

        The ClientToken is derived from the request and the organization: a run that made the
        application but failed before configuring the organization with it gets the same application
        back when it runs again (while the service remembers the token), instead of leaving one more
        behind. The service has no call that lists or finds applications."""
        params = dict(Name=name, InstanceArn=instance_arn)
        token = client_token("CreateIdentityCenterApplication", params, organization_id)
        return self.call("CreateIdentityCenterApplication", ClientToken=token, **params)["ApplicationArn"]

    def describe_identity_provider_configuration(self, organization_id):
        return self.find("DescribeIdentityProviderConfiguration", OrganizationId=organization_id)

    def put_identity_provider_configuration(self, organization_id, **configuration):
        self.call("PutIdentityProviderConfiguration", OrganizationId=organization_id, **configuration)

    def delete_identity_provider_configuration(self, organization_id):
        self.call("DeleteIdentityProviderConfiguration", OrganizationId=organization_id)

    def get_personal_access_token_metadata(self, organization_id, token_id):
        return self.find("GetPersonalAccessTokenMetadata", OrganizationId=organization_id, PersonalAccessTokenId=token_id)

    def list_personal_access_tokens(self, organization_id, user=None):
        """The tokens of ``user`` (ID, name or email) or, without, of the organization; None when the user does not exist."""
        params = dict(OrganizationId=organization_id)
        if user:
            params["UserId"] = user
        try:
            return self.paginate("ListPersonalAccessTokens", "PersonalAccessTokenSummaries", **params)
        except WorkMailError as e:
            if user and e.code == "EntityNotFoundException":
                return None
            raise

    def delete_personal_access_token(self, organization_id, token_id):
        self.call("DeletePersonalAccessToken", OrganizationId=organization_id, PersonalAccessTokenId=token_id)
