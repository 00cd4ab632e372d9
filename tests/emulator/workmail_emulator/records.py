"""The records a backend keeps: organizations and everything that lives inside one.

An :class:`Organization` is the aggregate root. Besides its users, groups, mail
domains and policies it keeps the indexes every lookup goes through:

* ``names``: lowercase name -> ID of the live (not DELETED) user or group that
  holds it (names are unique per organization across users and groups);
* ``deleted_names``: lowercase name -> ID of the entity last deleted under it,
  so a deleted entity can still be described by name until the name is reused;
* ``addresses``: lowercase address -> ID of the entity that holds it as its
  primary address or as an alias (one index for every address in the organization);
* ``member_of``: entity ID -> the groups it is a direct member of;
* ``delegate_of``: entity ID -> the resources it is a delegate of.

Names and addresses are shared by users, groups and resources (``resources``: resource ID ->
:class:`Resource`). Mailbox permissions are kept by the mailbox's owner (``Entity.permissions``:
grantee ID -> the permission values granted).

Its identity provider configuration (``identity_provider``: the DescribeIdentityProviderConfiguration
output, or None) and its users' personal access tokens (``personal_access_tokens``: token ID ->
:class:`PersonalAccessToken`, in creation order) live here too.
Mobile device access: ``mobile_rules`` (rule ID -> :class:`MobileDeviceAccessRule`, in creation
order) and ``mobile_overrides`` ((user ID, lowercase device ID) -> :class:`MobileDeviceAccessOverride`).

It also holds the content of its users' and resources' mailboxes (``mailboxes``: entity ID ->
:class:`Mailbox`) and its mailbox export jobs (``export_jobs``: job ID ->
:class:`ExportJob`, in start order).

Its settings: the availability configurations (lowercase domain -> :class:`AvailabilityConfiguration`),
the email monitoring configuration (:class:`EmailMonitoring` or None) and whether inbound DMARC is enforced.
"""

import hashlib
import hmac
import ipaddress
import os
from dataclasses import dataclass, field
from typing import ClassVar

from .errors import EmailAddressInUseException, MailDomainNotFoundException, MailDomainStateException

# Organization states (free-form strings in the model, Title case in practice).
REQUESTED, CREATING, ACTIVE, DELETING, DELETED_ORG = "Requested", "Creating", "Active", "Deleting", "Deleted"
# Entity states and types.
ENABLED, DISABLED, DELETED = "ENABLED", "DISABLED", "DELETED"
USER, GROUP, RESOURCE = "USER", "GROUP", "RESOURCE"
PENDING, VERIFIED = "PENDING", "VERIFIED"
# Mailbox export job states.
RUNNING, COMPLETED, FAILED, CANCELLED = "RUNNING", "COMPLETED", "FAILED", "CANCELLED"

DEFAULT_MAILBOX_QUOTA = 51200
TEST_DOMAIN_SUFFIX = ".awsapps.com"
DIRECTORY_TYPE = "VpcDirectory"
USER_PROFILE_MEMBERS = (
    "DisplayName", "FirstName", "LastName", "Initials", "Telephone", "Street", "JobTitle",
    "City", "Company", "ZipCode", "Department", "Country", "Office",
)


def compact(**members):
    """Return ``members`` without the ones whose value is None (the API omits unset members)."""
    return {name: value for name, value in members.items() if value is not None}


# Entities ---------------------------------------------------------------------------------------

@dataclass(slots=True, eq=False)
class Entity:
    """What users, groups and resources share: identity, state, mail addresses and the mailbox
    permissions granted on the entity's mailbox (grantee ID -> permission values)."""

    kind: ClassVar[str]
    id: str
    name: str
    state: str = DISABLED
    email: str | None = None
    aliases: list = field(default_factory=list)
    hidden: bool = False
    enabled_date: float | None = None
    disabled_date: float | None = None
    permissions: dict = field(default_factory=dict)

    def member_summary(self):
        """Return the ``Member`` structure of ListGroupMembers."""
        return compact(Id=self.id, Name=self.name, Type=self.kind, State=self.state,
                       EnabledDate=self.enabled_date, DisabledDate=self.disabled_date)


@dataclass(slots=True, eq=False)
class User(Entity):
    """A WorkMail user; ``profile`` holds only the attributes that are set."""

    kind: ClassVar[str] = USER
    role: str = "USER"
    profile: dict = field(default_factory=dict)
    identity_provider_user_id: str | None = None
    password_digest: bytes | None = None
    mailbox_quota: int = DEFAULT_MAILBOX_QUOTA
    mailbox_provisioned_date: float | None = None

    def set_password(self, password):
        """Keep a salted SHA-256 digest of ``password``; the password itself is never stored."""
        salt = os.urandom(16)
        self.password_digest = salt + hashlib.sha256(salt + password.encode("utf-8")).digest()

    def password_matches(self, password):
        """Tell whether ``password`` is the user's current password."""
        if self.password_digest is None:
            return False
        salt, digest = self.password_digest[:16], self.password_digest[16:]
        return hmac.compare_digest(digest, hashlib.sha256(salt + password.encode("utf-8")).digest())

    def describe(self):
        """Return the DescribeUser output."""
        return compact(
            UserId=self.id, Name=self.name, Email=self.email, State=self.state, UserRole=self.role,
            EnabledDate=self.enabled_date, DisabledDate=self.disabled_date,
            MailboxProvisionedDate=self.mailbox_provisioned_date,
            HiddenFromGlobalAddressList=self.hidden, IdentityProviderUserId=self.identity_provider_user_id,
            **self.profile,
        )

    def summary(self):
        """Return the ``User`` structure of ListUsers."""
        return compact(Id=self.id, Email=self.email, Name=self.name, DisplayName=self.profile.get("DisplayName"),
                       State=self.state, UserRole=self.role, EnabledDate=self.enabled_date,
                       DisabledDate=self.disabled_date, IdentityProviderUserId=self.identity_provider_user_id)


@dataclass(slots=True, eq=False)
class Group(Entity):
    """A WorkMail group; ``members`` is the ordered set of its direct members' IDs."""

    kind: ClassVar[str] = GROUP
    members: dict = field(default_factory=dict)

    def describe(self):
        """Return the DescribeGroup output."""
        return compact(GroupId=self.id, Name=self.name, Email=self.email, State=self.state,
                       EnabledDate=self.enabled_date, DisabledDate=self.disabled_date,
                       HiddenFromGlobalAddressList=self.hidden)

    def summary(self):
        """Return the ``Group`` structure of ListGroups."""
        return compact(Id=self.id, Email=self.email, Name=self.name, State=self.state,
                       EnabledDate=self.enabled_date, DisabledDate=self.disabled_date)


# Booking options of a new resource (undocumented; the semantics digest's recommendation).
DEFAULT_BOOKING_OPTIONS = {"AutoAcceptRequests": True, "AutoDeclineRecurringRequests": False, "AutoDeclineConflictingRequests": True}


@dataclass(slots=True, eq=False)
class Resource(Entity):
    """A WorkMail resource (a room or a piece of equipment); ``delegates`` is the ordered set of its
    delegates' IDs (users or groups)."""

    kind: ClassVar[str] = RESOURCE
    type: str = "ROOM"
    description: str | None = None
    booking: dict = field(default_factory=lambda: dict(DEFAULT_BOOKING_OPTIONS))
    delegates: dict = field(default_factory=dict)

    def describe(self):
        """Return the DescribeResource output."""
        return compact(ResourceId=self.id, Email=self.email, Name=self.name, Type=self.type, BookingOptions=dict(self.booking),
                       State=self.state, EnabledDate=self.enabled_date, DisabledDate=self.disabled_date,
                       Description=self.description, HiddenFromGlobalAddressList=self.hidden)

    def summary(self):
        """Return the ``Resource`` structure of ListResources."""
        return compact(Id=self.id, Email=self.email, Name=self.name, Type=self.type, State=self.state,
                       EnabledDate=self.enabled_date, DisabledDate=self.disabled_date, Description=self.description)


# Mail domains -----------------------------------------------------------------------------------

def dns_records(domain, region):
    """Return the DNS records WorkMail asks the owner of a custom domain to publish.

    Tokens are derived from the domain name, so the same domain always shows the same records.
    """
    seed = hashlib.sha256(domain.encode()).hexdigest()
    dkim = [hashlib.sha256(f"{seed}{n}".encode()).hexdigest()[:32] for n in range(3)]
    verification = hashlib.sha256(f"{seed}ses".encode()).digest()[:30].hex()
    records = [
        {"Type": "TXT", "Hostname": f"_amazonses.{domain}", "Value": verification},
        {"Type": "MX", "Hostname": domain, "Value": f"10 inbound-smtp.{region}.amazonaws.com."},
        {"Type": "CNAME", "Hostname": f"autodiscover.{domain}", "Value": f"autodiscover.mail.{region}.awsapps.com."},
    ]
    records += [{"Type": "CNAME", "Hostname": f"{token}._domainkey.{domain}", "Value": f"{token}.dkim.amazonses.com."} for token in dkim]
    records += [
        {"Type": "TXT", "Hostname": domain, "Value": "v=spf1 include:amazonses.com ~all"},
        {"Type": "TXT", "Hostname": f"_dmarc.{domain}", "Value": "v=DMARC1;p=quarantine;pct=100;fo=1"},
    ]
    return records


@dataclass(slots=True, eq=False)
class MailDomain:
    """A mail domain of an organization: the test domain or a custom one."""

    name: str
    registered: float
    verification_delay: float
    records: list
    is_test: bool = False

    def status(self, now):
        """Return the ownership (and DKIM) verification status at ``now``."""
        return VERIFIED if self.is_test or now >= self.registered + self.verification_delay else PENDING

    def describe(self, now, is_default):
        """Return the GetMailDomain output."""
        status = self.status(now)
        return {"Records": list(self.records), "IsTestDomain": self.is_test, "IsDefault": is_default,
                "OwnershipVerificationStatus": status, "DkimVerificationStatus": status}


# Policies ---------------------------------------------------------------------------------------

ACCESS_RULE_LISTS = ("Actions", "NotActions", "IpRanges", "NotIpRanges", "UserIds", "NotUserIds",
                     "ImpersonationRoleIds", "NotImpersonationRoleIds")


def _in_ranges(ip, ranges):
    address = ipaddress.ip_address(ip)
    return any(address in ipaddress.ip_network(cidr, strict=False) for cidr in ranges)


def _passes(value, included, excluded, contains):
    """Apply one include/exclude pair of conditions; empty lists do not constrain."""
    if included and (value is None or not contains(value, included)):
        return False
    return not (excluded and value is not None and contains(value, excluded))


@dataclass(slots=True, eq=False)
class AccessControlRule:
    """An access control rule, as last written by PutAccessControlRule."""

    name: str
    effect: str
    description: str
    lists: dict
    created: float
    modified: float

    def describe(self):
        """Return the ``AccessControlRule`` structure of ListAccessControlRules."""
        return {"Name": self.name, "Effect": self.effect, "Description": self.description,
                **{member: list(self.lists[member]) for member in ACCESS_RULE_LISTS},
                "DateCreated": self.created, "DateModified": self.modified}

    def matches(self, ip, action, user_id, role_id):
        """Tell whether every condition the rule sets holds for one request.

        A user request (``user_id``) never satisfies a non-empty ``ImpersonationRoleIds``;
        an impersonation request (``role_id``) never satisfies a non-empty ``UserIds``.
        """
        lists = self.lists
        return (_passes(ip, lists["IpRanges"], lists["NotIpRanges"], _in_ranges)
                and _passes(action, lists["Actions"], lists["NotActions"], lambda value, items: value in items)
                and _passes(user_id, lists["UserIds"], lists["NotUserIds"], lambda value, items: value in items)
                and _passes(role_id, lists["ImpersonationRoleIds"], lists["NotImpersonationRoleIds"], lambda value, items: value in items))


MOBILE_DEVICE_DIMENSIONS = (
    ("DeviceType", "DeviceTypes", "NotDeviceTypes"),
    ("DeviceModel", "DeviceModels", "NotDeviceModels"),
    ("DeviceOperatingSystem", "DeviceOperatingSystems", "NotDeviceOperatingSystems"),
    ("DeviceUserAgent", "DeviceUserAgents", "NotDeviceUserAgents"),
)
MOBILE_RULE_LISTS = tuple(member for attribute, included, excluded in MOBILE_DEVICE_DIMENSIONS for member in (included, excluded))


def _casefold_in(value, items):
    return value.casefold() in {item.casefold() for item in items}


@dataclass(slots=True, eq=False)
class MobileDeviceAccessRule:
    """A mobile device access rule; ``lists`` holds only the conditions that are set (member -> values)."""

    id: str
    name: str
    effect: str
    description: str | None
    lists: dict
    created: float
    modified: float

    def describe(self):
        """Return the ``MobileDeviceAccessRule`` structure of ListMobileDeviceAccessRules."""
        return compact(MobileDeviceAccessRuleId=self.id, Name=self.name, Description=self.description, Effect=self.effect,
                       **{member: list(values) for member, values in self.lists.items()},
                       DateCreated=self.created, DateModified=self.modified)

    def matches(self, device):
        """Tell whether every condition the rule sets holds for ``device`` (request member -> value).

        Values compare exactly but case-insensitively; an attribute the device does not report
        fails an inclusion list and passes an exclusion list.
        """
        return all(_passes(device.get(attribute), self.lists.get(included), self.lists.get(excluded), _casefold_in)
                   for attribute, included, excluded in MOBILE_DEVICE_DIMENSIONS)


@dataclass(slots=True, eq=False)
class MobileDeviceAccessOverride:
    """The access a user's device gets whatever the rules say; ``device_id`` keeps the case first given."""

    user_id: str
    device_id: str
    effect: str
    description: str | None
    created: float
    modified: float

    def describe(self):
        """Return the GetMobileDeviceAccessOverride output (the ``MobileDeviceAccessOverride`` structure)."""
        return compact(UserId=self.user_id, DeviceId=self.device_id, Effect=self.effect, Description=self.description,
                       DateCreated=self.created, DateModified=self.modified)


@dataclass(slots=True, eq=False)
class RetentionPolicy:
    """The organization's (single) retention policy."""

    id: str
    name: str
    description: str | None
    folders: list

    def describe(self):
        """Return the GetDefaultRetentionPolicy output."""
        return compact(Id=self.id, Name=self.name, Description=self.description, FolderConfigurations=list(self.folders))


@dataclass(slots=True, eq=False)
class AvailabilityConfiguration:
    """The free/busy provider of one external domain: EWS (endpoint, user name and a digest of the
    password, which is never returned) or a Lambda function."""

    domain_name: str
    created: float
    modified: float
    ews_endpoint: str | None = None
    ews_username: str | None = None
    ews_password_digest: bytes | None = None
    lambda_arn: str | None = None

    def set_provider(self, ews, lambda_provider):
        """Replace the provider with the EwsProvider or LambdaProvider of a request (exactly one is given)."""
        self.ews_endpoint = self.ews_username = self.ews_password_digest = self.lambda_arn = None
        if ews is not None:
            self.ews_endpoint, self.ews_username = ews["EwsEndpoint"], ews["EwsUsername"]
            self.ews_password_digest = _digest(ews["EwsPassword"])
        else:
            self.lambda_arn = lambda_provider["LambdaArn"]

    def summary(self):
        """Return the ``AvailabilityConfiguration`` structure of ListAvailabilityConfigurations (no password)."""
        if self.lambda_arn is not None:
            provider = {"ProviderType": "LAMBDA", "LambdaProvider": {"LambdaArn": self.lambda_arn}}
        else:
            provider = {"ProviderType": "EWS", "EwsProvider": {"EwsEndpoint": self.ews_endpoint, "EwsUsername": self.ews_username}}
        return {"DomainName": self.domain_name, **provider, "DateCreated": self.created, "DateModified": self.modified}


def _digest(secret):
    """Return a salted SHA-256 digest of ``secret``: the emulator never keeps a secret itself."""
    salt = os.urandom(16)
    return salt + hashlib.sha256(salt + secret.encode("utf-8")).digest()


@dataclass(slots=True, eq=False)
class EmailMonitoring:
    """The organization's email monitoring configuration: the CloudWatch Logs log group and the role WorkMail writes with."""

    log_group_arn: str
    role_arn: str

    def describe(self):
        """Return the DescribeEmailMonitoringConfiguration output."""
        return {"LogGroupArn": self.log_group_arn, "RoleArn": self.role_arn}


@dataclass(slots=True, eq=False)
class ImpersonationRole:
    """An impersonation role; its rules are kept exactly as the caller sent them."""

    id: str
    name: str
    type: str
    description: str | None
    rules: list
    created: float
    modified: float

    def summary(self):
        """Return the ``ImpersonationRole`` structure of ListImpersonationRoles."""
        return {"ImpersonationRoleId": self.id, "Name": self.name, "Type": self.type,
                "DateCreated": self.created, "DateModified": self.modified}

    def describe(self):
        """Return the GetImpersonationRole output."""
        return compact(ImpersonationRoleId=self.id, Name=self.name, Type=self.type, Description=self.description,
                       Rules=self.rules, DateCreated=self.created, DateModified=self.modified)


# Identity Center and personal access tokens -------------------------------------------------------

@dataclass(slots=True, eq=False)
class IdentityCenterApplication:
    """An IAM Identity Center application made by CreateIdentityCenterApplication (kept per account and Region)."""

    arn: str
    name: str
    instance_arn: str


@dataclass(slots=True, eq=False)
class PersonalAccessToken:
    """A personal access token of a user; ``expires`` is fixed when the token is created."""

    id: str
    user_id: str
    name: str
    created: float
    expires: float
    scopes: list
    last_used: float | None = None

    def summary(self):
        """Return the ``PersonalAccessTokenSummary`` structure (also the GetPersonalAccessTokenMetadata output)."""
        return compact(PersonalAccessTokenId=self.id, UserId=self.user_id, Name=self.name, DateCreated=self.created,
                       DateLastUsed=self.last_used, ExpiresTime=self.expires, Scopes=list(self.scopes))


# Mailboxes and their export ----------------------------------------------------------------------

@dataclass(slots=True, eq=False)
class MailboxItem:
    """One item of a mailbox: its folder, its kind (email, calendar, contact, task) and its MIME form."""

    folder: str
    kind: str
    mime: bytes


class Mailbox:
    """The content of the mailbox of one user or resource: items in the order they were added, and their total size.

    Items are only ever appended, so the count and the size identify a version
    of the mailbox: that is its ``repr``, which is what state_lag compares,
    without rendering every message.
    """

    __slots__ = ("items", "size")

    def __init__(self):
        self.items = []
        self.size = 0

    def add(self, item):
        """Append an item."""
        self.items.append(item)
        self.size += len(item.mime)

    def folders(self):
        """Return the number of items per folder, folders in the order they first received one."""
        counts = {}
        for item in self.items:
            counts[item.folder] = counts.get(item.folder, 0) + 1
        return counts

    def __repr__(self):
        return f"Mailbox(items={len(self.items)}, size={self.size})"


@dataclass(slots=True, eq=False)
class ExportJob:
    """A mailbox export job. ``key`` is the S3 object key it writes; ``duration`` is captured at start.

    While RUNNING, the progress grows with the emulator clock; a job that ended
    keeps the progress it had (100 when COMPLETED).
    """

    id: str
    entity_id: str
    description: str | None
    role_arn: str
    kms_key_arn: str
    bucket: str
    prefix: str
    key: str
    start: float
    duration: float
    state: str = RUNNING
    end: float | None = None
    error: str | None = None
    progress: int = 0

    def due(self, now):
        """Tell whether a RUNNING job has run its whole duration at ``now``."""
        return self.state == RUNNING and now >= self.start + self.duration

    def progress_at(self, now):
        """Return EstimatedProgress at ``now``: linear in the time run, at most 99 until the job completes."""
        if self.state != RUNNING:
            return self.progress
        if self.duration <= 0:
            return 0 if now <= self.start else 99
        return max(0, min(99, int(100 * (now - self.start) / self.duration)))

    def finish(self, state, now, error=None):
        """Move a RUNNING job to a terminal state at ``now``."""
        self.progress = 100 if state == COMPLETED else self.progress_at(now)
        self.state, self.end, self.error = state, now, error

    def summary(self, now):
        """Return the ``MailboxExportJob`` structure of ListMailboxExportJobs."""
        return compact(JobId=self.id, EntityId=self.entity_id, Description=self.description, S3BucketName=self.bucket,
                       S3Path=f"{self.bucket}/{self.key}", EstimatedProgress=self.progress_at(now), State=self.state,
                       StartTime=self.start, EndTime=self.end)

    def describe(self, now):
        """Return the DescribeMailboxExportJob output."""
        return compact(EntityId=self.entity_id, Description=self.description, RoleArn=self.role_arn, KmsKeyArn=self.kms_key_arn,
                       S3BucketName=self.bucket, S3Prefix=self.prefix, S3Path=f"{self.bucket}/{self.key}",
                       EstimatedProgress=self.progress_at(now), State=self.state, ErrorInfo=self.error,
                       StartTime=self.start, EndTime=self.end)


# Organizations ----------------------------------------------------------------------------------

@dataclass(slots=True, eq=False)
class Organization:
    """A WorkMail organization and the indexes of everything it holds (see the module docstring)."""

    id: str
    alias: str
    arn: str
    directory_id: str
    interoperability: bool
    created: float
    ready_delay: float
    default_domain: str
    delete_requested: float | None = None
    delete_delay: float = 0.0
    retention: float = 0.0
    domains: dict = field(default_factory=dict)
    tags: dict = field(default_factory=dict)
    entities: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    groups: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    deleted_names: dict = field(default_factory=dict)
    addresses: dict = field(default_factory=dict)
    member_of: dict = field(default_factory=dict)
    resources: dict = field(default_factory=dict)
    delegate_of: dict = field(default_factory=dict)
    access_rules: dict = field(default_factory=dict)
    retention_policy: RetentionPolicy | None = None
    impersonation_roles: dict = field(default_factory=dict)
    mobile_rules: dict = field(default_factory=dict)
    mobile_overrides: dict = field(default_factory=dict)
    mailboxes: dict = field(default_factory=dict)
    export_jobs: dict = field(default_factory=dict)
    identity_provider: dict | None = None
    personal_access_tokens: dict = field(default_factory=dict)
    availability_configurations: dict = field(default_factory=dict)
    email_monitoring: EmailMonitoring | None = None
    inbound_dmarc_enforced: bool = False

    # State ------------------------------------------------------------------

    def state(self, now):
        """Return the state at ``now``: Requested and Creating share the ready delay, then Active;
        after a delete request, Deleting for the delete delay, then Deleted."""
        if self.delete_requested is not None:
            return DELETED_ORG if now >= self.delete_requested + self.delete_delay else DELETING
        if now >= self.created + self.ready_delay:
            return ACTIVE
        return REQUESTED if now < self.created + self.ready_delay / 2 else CREATING

    def visible(self, now):
        """Tell whether the organization still exists for its callers (Deleted ones fade after the retention)."""
        if self.delete_requested is None:
            return True
        return now < self.delete_requested + self.delete_delay + self.retention

    def describe(self, now):
        """Return the DescribeOrganization output."""
        state = self.state(now)
        return compact(OrganizationId=self.id, Alias=self.alias, State=state, DirectoryId=self.directory_id,
                       DirectoryType=DIRECTORY_TYPE, DefaultMailDomain=self.default_domain,
                       CompletedDate=None if state in (REQUESTED, CREATING) else self.created + self.ready_delay,
                       ARN=self.arn, InteroperabilityEnabled=self.interoperability)

    def summary(self, now):
        """Return the ``OrganizationSummary`` structure of ListOrganizations."""
        return {"OrganizationId": self.id, "Alias": self.alias, "DefaultMailDomain": self.default_domain, "State": self.state(now)}

    # Entities ---------------------------------------------------------------

    def find(self, identifier, kinds=(USER, GROUP), by_email=True, by_name=True):
        """Return the entity ``identifier`` names, or None.

        Tried in order: ID, address (primary or alias), name of a live entity,
        name of the entity last deleted under it. Only entities of ``kinds`` are found.
        """
        key = identifier.lower()
        entity_id = key if key in self.entities else None
        if entity_id is None and by_email and "@" in key:
            entity_id = self.addresses.get(key)
        if entity_id is None and by_name:
            entity_id = self.names.get(key) or self.deleted_names.get(key)
        entity = self.entities.get(entity_id) if entity_id else None
        return entity if entity is not None and entity.kind in kinds else None

    def add_entity(self, entity):
        """Store a new entity and index its name."""
        self.entities[entity.id] = entity
        self.table(entity.kind)[entity.id] = entity
        self.names[entity.name.lower()] = entity.id

    def table(self, kind):
        """Return the table of the entities of ``kind``."""
        return {USER: self.users, GROUP: self.groups, RESOURCE: self.resources}[kind]

    def rename(self, entity, name):
        """Give ``entity`` a new name (the caller has checked that it is free)."""
        self.names.pop(entity.name.lower(), None)
        entity.name = name
        self.names[name.lower()] = entity.id

    def mark_deleted(self, entity):
        """Move an entity to DELETED: free its name, drop its memberships, delegations, mailbox
        permissions (granted on its mailbox and to it), its mobile device access overrides, its mailbox
        content and its personal access tokens."""
        entity.state = DELETED
        self.mailboxes.pop(entity.id, None)
        if any(token.user_id == entity.id for token in self.personal_access_tokens.values()):
            self.personal_access_tokens = {token_id: token for token_id, token in self.personal_access_tokens.items()
                                           if token.user_id != entity.id}
        key = entity.name.lower()
        self.names.pop(key, None)
        self.deleted_names[key] = entity.id
        for group_id in list(self.member_of.get(entity.id, ())):
            self.remove_member(self.groups[group_id], entity)
        if entity.kind == GROUP:
            for member_id in list(entity.members):
                self.remove_member(entity, self.entities[member_id])
        for resource_id in list(self.delegate_of.get(entity.id, ())):
            self.remove_delegate(self.resources[resource_id], entity)
        if entity.kind == RESOURCE:
            for delegate_id in list(entity.delegates):
                self.remove_delegate(entity, self.entities[delegate_id])
        entity.permissions = {}
        if entity.kind == USER:
            self.mobile_overrides = {key: override for key, override in self.mobile_overrides.items() if key[0] != entity.id}
        for owner in self.entities.values():
            if entity.id in owner.permissions:
                owner.permissions = {grantee: values for grantee, values in owner.permissions.items() if grantee != entity.id}

    def add_delegate(self, resource, delegate):
        """Make ``delegate`` (a user or group) a delegate of ``resource``."""
        resource.delegates[delegate.id] = None
        self.delegate_of.setdefault(delegate.id, {})[resource.id] = None

    def remove_delegate(self, resource, delegate):
        """Remove ``delegate`` from the delegates of ``resource`` (no-op when it is not one)."""
        resource.delegates.pop(delegate.id, None)
        self.delegate_of.get(delegate.id, {}).pop(resource.id, None)

    def add_member(self, group, member):
        """Make ``member`` a direct member of ``group``."""
        group.members[member.id] = None
        self.member_of.setdefault(member.id, {})[group.id] = None

    def remove_member(self, group, member):
        """Remove ``member`` from ``group`` (no-op when it is not a member)."""
        group.members.pop(member.id, None)
        self.member_of.get(member.id, {}).pop(group.id, None)

    # Addresses --------------------------------------------------------------

    def domain_of(self, address):
        """Return the mail domain of ``address``, or raise MailDomainNotFoundException."""
        domain = self.domains.get(address.rpartition("@")[2].lower())
        if domain is None:
            raise MailDomainNotFoundException(f"Mail domain {address.rpartition('@')[2]} is not registered in organization {self.id}")
        return domain

    def require_verified(self, domain, now):
        """Raise MailDomainStateException unless ``domain`` is verified."""
        if domain.status(now) != VERIFIED:
            raise MailDomainStateException(f"Mail domain {domain.name} is not verified yet")

    def require_free(self, address, owner):
        """Raise EmailAddressInUseException when another entity holds ``address``."""
        holder = self.addresses.get(address.lower())
        if holder is not None and holder != owner.id:
            raise EmailAddressInUseException(f"Email address {address} is already in use by another entity")

    def claim(self, entity, address):
        """Index ``address`` as held by ``entity``."""
        self.addresses[address.lower()] = entity.id

    def release(self, address):
        """Forget who holds ``address``."""
        self.addresses.pop(address.lower(), None)

    def addresses_on(self, domain_name):
        """Return how many addresses of the organization are on ``domain_name``."""
        suffix = f"@{domain_name}"
        return sum(1 for address in self.addresses if address.endswith(suffix))
