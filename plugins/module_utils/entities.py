# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Users, groups and resources: WorkMail entities with a shared lifecycle.

An entity is created DISABLED (no address, no mailbox); RegisterToWorkMail with an address
enables it, DeregisterFromWorkMail disables it again and releases its addresses, and it can
only be deleted while disabled. ``enabled`` and ``email`` ride on that lifecycle; the rest of
an entity is plain fields. Members, aliases, delegates and mailbox permissions belong to the
group_membership, alias, resource_delegate and mailbox_permission modules, not here.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mailops.workmail.plugins.module_utils import validation
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Field
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Resource
from ansible_collections.mailops.workmail.plugins.module_utils.engine import conflict
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.validation import fits
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import LAG_TIMEOUT
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import retry_while
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import wait_for

# What WorkMail answers, for a while after an entity is created or registered, to calls that
# need it (or its new state): it is not there yet, or not enabled yet.
LAG_CODES = ("EntityNotFoundException", "EntityStateException")
# The largest mailbox quota, in MB: WorkMail mailboxes hold at most 50 GB (also the default).
MAX_MAILBOX_QUOTA = 51200

ENTITY_FIELDS = (
    Field("name", "Name", casefold=True, create_only=True),
    Field("email", "Email", casefold=True),
    Field("enabled", kind="bool"),
    Field("state", "State", enum=True, read_only=True),
    Field("hidden_from_global_address_list", "HiddenFromGlobalAddressList", kind="bool"),
    Field("enabled_date", "EnabledDate", read_only=True),
    Field("disabled_date", "DisabledDate", read_only=True),
)


class Entity(Resource):
    """What users, groups and resources share: identity by name, the enable/disable/delete lifecycle."""

    id_member = None
    # Names are unique among the users, groups and resources of an organization.
    conflict_codes = ("NameAvailabilityException",)

    def describe(self, ctx, entity_id):
        """DescribeUser / DescribeGroup of ``entity_id`` (an ID, name or email), or None."""
        raise NotImplementedError

    def list_all(self, ctx):
        """Summaries of every entity of this type in the organization."""
        raise NotImplementedError

    def fetch(self, ctx, ref):
        """The live entity ``ref`` names (name, email or ID) with everything ``to_resource`` needs."""
        raw = self.describe(ctx, ref) if fits("DescribeUser", "UserId", ref) else None
        return raw if raw and raw.get("State") != "DELETED" else None

    def read(self, ctx, desired):
        return self.fetch(ctx, desired["name"])

    def find_all(self, ctx, name=None, email=None, entity_id=None):
        """Normalised entities (for the _info modules): the one a filter names, or all live ones.

        Each filter is checked first and fails naming its option (``name``, ``email``, ``id``) when
        no entity could match it, an empty one included; and each matches only what it says: a
        name the entity's name, an email one of its addresses, an ID its ID.
        """
        if name is not None:
            validation.check("name", name, self.operations[0], "Name")
        if email is not None:
            validation.check("email", email, "DescribeEntity", "Email")
        if entity_id is not None:
            validation.check("id", entity_id, "CreateAlias", "EntityId")
        if ctx.organization_id is None:
            ctx.plan_calls(("List{0}s".format(self.name.title()),) + tuple(self.read_calls({})))
            return []
        if name is not None:
            raws = [raw for raw in [self.fetch(ctx, name)] if raw and raw["Name"].lower() == name.lower()]
        elif email is not None:
            hit = ctx.api.describe_entity(ctx.organization_id, email)
            raws = [self.fetch(ctx, hit["EntityId"])] if hit and hit.get("Type") == self.name.upper() else []
        elif entity_id is not None:
            raws = [raw for raw in [self.fetch(ctx, entity_id)] if raw and raw[self.id_member].lower() == entity_id.lower()]
        else:
            raws = [self.fetch(ctx, summary["Id"]) for summary in self.list_all(ctx) if summary.get("State") != "DELETED"]
        return [self.to_resource(ctx, raw) for raw in raws if raw]

    def to_resource(self, ctx, raw):
        resource = super(Entity, self).to_resource(ctx, raw)
        resource["enabled"] = raw.get("State") == "ENABLED"
        return resource

    def add_aliases(self, ctx, resources):
        """Give each of ``resources`` (normalised entities) its ``aliases``, sorted, as the alias module
        takes them: one ListAliases call per enabled entity; a disabled one holds no address, so none."""
        if ctx.organization_id is None:
            ctx.plan_calls(("ListAliases",))
        for resource in resources:
            if resource.get("enabled") and resource.get("id"):
                resource["aliases"] = sorted(ctx.api.list_aliases(ctx.organization_id, resource["id"]), key=lambda a: a.casefold())
            else:
                resource["aliases"] = []
        return resources

    def adopt(self, ctx, desired, error):
        if self.read(ctx, desired) is None:
            # The name may be taken by another kind of entity, which no wait will change.
            for other in (USER, GROUP, RESOURCE):
                if other is not self and other.fetch(ctx, desired["name"]):
                    raise conflict(error, "{0!r} is the name of a {1}; it was left as it is.".format(desired["name"], other.name))
        return super(Entity, self).adopt(ctx, desired, error)

    def predict(self, ctx, desired):
        predicted = super(Entity, self).predict(ctx, desired)
        predicted["enabled"] = desired.get("enabled", True)
        predicted["state"] = "enabled" if predicted["enabled"] else "disabled"
        predicted["hidden_from_global_address_list"] = desired.get("hidden_from_global_address_list", False)
        if not predicted["enabled"]:
            predicted["email"] = None
        predicted["id"] = None
        return predicted

    def changes(self, ctx, current, desired):
        changes = super(Entity, self).changes(ctx, current, desired)
        if not changes.get("enabled", current.get("enabled")):
            # A disabled entity holds no address: nothing to compare.
            changes.pop("email", None)
        return changes

    def check(self, ctx, current, desired):
        enabled = desired.get("enabled", current.get("enabled"))
        email = desired.get("email")
        if enabled and not (email or current.get("email")):
            raise ParameterError("email", "is required to enable the {0} {1!r}".format(self.name, desired["name"]))
        if enabled and email and email.lower() != (current.get("email") or "").lower():
            ctx.refuse("email", ctx.address_problems([email], current.get("id"), (self.name, desired["name"])))

    def predict_update(self, ctx, current, changes):
        predicted = super(Entity, self).predict_update(ctx, current, changes)
        if "enabled" in changes:
            predicted["state"] = "enabled" if changes["enabled"] else "disabled"
            # Deregistering releases the addresses; registering gives the desired (or kept) one.
            predicted["email"] = changes.get("email", current.get("email")) if changes["enabled"] else None
        return predicted

    def update(self, ctx, raw, changes, desired):
        api, org, entity_id = ctx.api, ctx.organization_id, raw[self.id_member]
        if changes.get("enabled") is False:
            api.deregister_from_workmail(org, entity_id)
            self._wait_for_state(ctx, entity_id, "DISABLED")
        # Right after a create, WorkMail may not know the entity yet.
        retry_while(("EntityNotFoundException",), lambda: self.update_fields(ctx, raw, changes), LAG_TIMEOUT)
        if changes.get("enabled"):
            email = desired.get("email") or raw.get("Email")
            retry_while(
                ("EntityNotFoundException", "MailDomainStateException"),
                lambda: api.register_to_workmail(org, entity_id, email),
                LAG_TIMEOUT,
            )
            if ctx.confirm_writes or self.needs_mailbox(changes):
                self._wait_for_state(ctx, entity_id, "ENABLED")
        elif "email" in changes:
            api.update_primary_email_address(org, entity_id, changes["email"])
        self.update_after_enable(ctx, raw, changes)

    def update_fields(self, ctx, raw, changes):
        """Send the plain field changes (UpdateUser / UpdateGroup)."""
        raise NotImplementedError

    def update_after_enable(self, ctx, raw, changes):
        """Changes that need the entity enabled (mailbox quota, ...)."""

    def needs_mailbox(self, changes):
        """Whether ``update_after_enable`` has something to send for ``changes``."""
        return False

    def delete(self, ctx, raw):
        api, org, entity_id = ctx.api, ctx.organization_id, raw[self.id_member]
        if raw.get("State") == "ENABLED":
            api.deregister_from_workmail(org, entity_id)
        retry_while(("EntityStateException",), lambda: self.delete_call(ctx, entity_id), LAG_TIMEOUT)

    def delete_call(self, ctx, entity_id):
        raise NotImplementedError

    # -- what an apply would call (check mode) --------------------------------------------------

    create_sets = ("name",)
    """The options the create call sets; an update right after it applies the others."""

    def field_calls(self, changes):
        """The operations ``update_fields`` and ``update_after_enable`` send for ``changes``."""
        return []

    def update_calls(self, before, changes):
        describe = self.calls["read"][0]
        calls = []
        if changes.get("enabled") is False:
            calls += ["DeregisterFromWorkMail", describe]
        calls += self.field_calls(changes)
        if changes.get("enabled"):
            calls += ["RegisterToWorkMail", describe]
        elif "email" in changes:
            calls.append("UpdatePrimaryEmailAddress")
        return calls

    def delete_calls(self, before):
        calls = list(self.calls["delete"])
        return calls if before.get("enabled") else [call for call in calls if call != "DeregisterFromWorkMail"]

    def set_after_create(self, desired):
        created = dict(enabled=False)
        created.update((option, desired.get(option)) for option in self.create_sets)
        current = self.predict(None, created)
        return self.changes(None, current, desired)

    def provides(self, planned):
        email = planned.after.get("email") if planned.after.get("enabled") else None
        if planned.action == "create" or (planned.action == "update" and email and email != planned.before.get("email")):
            return [dict(type=self.name, name=planned.desired["name"], addresses=[email] if email else [])]
        return []

    def _wait_for_state(self, ctx, entity_id, state):
        wait_for(
            lambda: self.describe(ctx, entity_id),
            lambda raw: raw and raw.get("State") == state,
            LAG_TIMEOUT,
            "{0} {1} to become {2}".format(self.name, entity_id, state.lower()),
        )


GROUP_OPTIONS = dict(
    name=dict(type="str", required=True),
    email=dict(type="str"),
    enabled=dict(type="bool", default=True),
    hidden_from_global_address_list=dict(type="bool"),
)
"""The group module's options but ``state``, as an argument spec (the directory module takes them too)."""

USER_OPTIONS = dict(
    name=dict(type="str", required=True),
    email=dict(type="str"),
    enabled=dict(type="bool", default=True),
    display_name=dict(type="str"),
    first_name=dict(type="str"),
    last_name=dict(type="str"),
    initials=dict(type="str"),
    telephone=dict(type="str"),
    street=dict(type="str"),
    job_title=dict(type="str"),
    city=dict(type="str"),
    company=dict(type="str"),
    zip_code=dict(type="str"),
    department=dict(type="str"),
    country=dict(type="str"),
    office=dict(type="str"),
    hidden_from_global_address_list=dict(type="bool"),
    role=dict(type="str", choices=["user", "remote_user"]),
    identity_provider_user_id=dict(type="str"),
    password=dict(type="str", no_log=True),
    update_password=dict(type="str", choices=["on_create", "always"], default="on_create", no_log=False),
    mailbox_quota=dict(type="int"),
)
"""The user module's options but ``state``, as an argument spec (the directory module takes them too)."""

USER_PROFILE = (
    "display_name", "first_name", "last_name", "initials", "telephone", "street", "job_title",
    "city", "company", "zip_code", "department", "country", "office",
)
# The options CreateUser sets besides the name and the display name (the password aside: the
# service never shows it).
CREATE_USER_OPTIONS = ("first_name", "last_name", "hidden_from_global_address_list", "identity_provider_user_id", "role")


class User(Entity):
    name = "user"
    id_member = "UserId"
    operations = ("CreateUser", "UpdateUser", "RegisterToWorkMail")
    calls = dict(read=("DescribeUser",), create=("CreateUser",), delete=("DeregisterFromWorkMail", "DeleteUser"))
    create_sets = ("name", "display_name", "first_name", "last_name", "hidden_from_global_address_list", "identity_provider_user_id", "role", "password")
    fields = ENTITY_FIELDS + tuple(Field(option, "".join(p.title() for p in option.split("_"))) for option in USER_PROFILE) + (
        Field("role", "UserRole", write_member="Role", enum=True, operation="UpdateUser"),
        Field("identity_provider_user_id", "IdentityProviderUserId"),
        Field("password", "Password", secret=True, operation="CreateUser"),
        Field("mailbox_quota", "MailboxQuota", kind="int", operation="UpdateMailboxQuota"),
        Field("mailbox_size", "MailboxSize", read_only=True),
        Field("id", "UserId", read_only=True),
    )

    def describe(self, ctx, entity_id):
        return ctx.api.describe_user(ctx.organization_id, entity_id)

    def list_all(self, ctx):
        return ctx.api.list_users(ctx.organization_id)

    def fetch(self, ctx, ref):
        raw = super(User, self).fetch(ctx, ref)
        if raw and raw.get("State") == "ENABLED":
            raw.update(ctx.api.get_mailbox_details(ctx.organization_id, raw["UserId"]) or {})
        return raw

    def predict(self, ctx, desired):
        predicted = super(User, self).predict(ctx, desired)
        predicted["display_name"] = desired.get("display_name") or desired["name"]
        predicted["role"] = desired.get("role") or "user"
        return predicted

    def created_as(self, ctx, desired):
        created = dict((option, desired[option]) for option in CREATE_USER_OPTIONS if desired.get(option) is not None)
        created["display_name"] = desired.get("display_name") or desired["name"]
        return created

    def create(self, ctx, desired):
        params = {"Name": desired["name"], "DisplayName": desired.get("display_name") or desired["name"]}
        for option in ("password",) + CREATE_USER_OPTIONS:
            if desired.get(option) is not None:
                field = self.field(option)
                params[field.write_member] = field.to_api(desired[option])
        user_id = ctx.api.create_user(ctx.organization_id, **params)
        created = dict((k, v) for k, v in params.items() if k not in ("Password", "Role"))
        created.update(UserId=user_id, State="DISABLED", UserRole=params.get("Role", "USER"))
        return created

    def secret_changes(self, ctx, current, desired):
        if desired.get("password") and ctx.options.get("update_password") == "always":
            return {"password": desired["password"]}
        return {}

    def update_fields(self, ctx, raw, changes):
        params = {}
        for option in USER_PROFILE + ("hidden_from_global_address_list", "identity_provider_user_id", "role"):
            if option in changes:
                field = self.field(option)
                params[field.write_member] = "" if changes[option] is None else field.to_api(changes[option])
        if params:
            ctx.api.update_user(ctx.organization_id, raw["UserId"], **params)
        if "password" in changes:
            ctx.api.reset_password(ctx.organization_id, raw["UserId"], changes["password"])

    def needs_mailbox(self, changes):
        return "mailbox_quota" in changes

    def read_calls(self, resource):
        return ("DescribeUser", "GetMailboxDetails") if resource.get("enabled", True) else ("DescribeUser",)

    def field_calls(self, changes):
        calls = []
        if any(option in changes for option in USER_PROFILE + ("hidden_from_global_address_list", "identity_provider_user_id", "role")):
            calls.append("UpdateUser")
        if "password" in changes:
            calls.append("ResetPassword")
        if "mailbox_quota" in changes:
            calls.append("UpdateMailboxQuota")
        return calls

    def update_after_enable(self, ctx, raw, changes):
        if "mailbox_quota" in changes:
            ctx.api.update_mailbox_quota(ctx.organization_id, raw["UserId"], changes["mailbox_quota"])

    def validate(self, desired):
        super(User, self).validate(desired)
        if desired.get("password") is not None:
            validation.check_password("password", desired["password"])
        if (desired.get("mailbox_quota") or 0) > MAX_MAILBOX_QUOTA:
            raise ParameterError(
                "mailbox_quota",
                "{0} is more than {1}: a WorkMail mailbox holds at most 50 GB ({1} MB), which is also the default quota".format(
                    desired["mailbox_quota"], MAX_MAILBOX_QUOTA
                ),
            )

    def check(self, ctx, current, desired):
        super(User, self).check(ctx, current, desired)
        if desired.get("mailbox_quota") is not None and not desired.get("enabled", current.get("enabled")):
            raise ParameterError("mailbox_quota", "needs a mailbox: set it on an enabled user")

    def delete_call(self, ctx, entity_id):
        ctx.api.delete_user(ctx.organization_id, entity_id)


class Group(Entity):
    name = "group"
    id_member = "GroupId"
    operations = ("CreateGroup", "RegisterToWorkMail")
    fields = ENTITY_FIELDS + (Field("id", "GroupId", read_only=True),)
    calls = dict(read=("DescribeGroup",), create=("CreateGroup",), delete=("DeregisterFromWorkMail", "DeleteGroup"))
    create_sets = ("name", "hidden_from_global_address_list")

    def read_calls(self, resource):
        # A name with spaces fits no identifier: the group is found by listing.
        return ("DescribeGroup",) if fits("DescribeGroup", "GroupId", resource.get("name") or "") else ("ListGroups", "DescribeGroup")

    def field_calls(self, changes):
        return ["UpdateGroup"] if "hidden_from_global_address_list" in changes else []

    def describe(self, ctx, entity_id):
        return ctx.api.describe_group(ctx.organization_id, entity_id)

    def list_all(self, ctx):
        return ctx.api.list_groups(ctx.organization_id)

    def fetch(self, ctx, ref):
        # Group names may hold spaces, which no identifier accepts: find the ID by listing.
        if not fits("DescribeGroup", "GroupId", ref):
            for group in ctx.api.list_groups(ctx.organization_id, NamePrefix=ref):
                if group["Name"].lower() == ref.lower() and group.get("State") != "DELETED":
                    return self.describe(ctx, group["Id"])
            return None
        return super(Group, self).fetch(ctx, ref)

    def members(self, ctx, group_id):
        """The group's direct members: id, name and type (user or group)."""
        return [
            {"id": m["Id"], "name": m.get("Name"), "type": (m.get("Type") or "").lower()}
            for m in ctx.api.list_group_members(ctx.organization_id, group_id)
            if m.get("State") != "DELETED"
        ]

    def created_as(self, ctx, desired):
        hidden = desired.get("hidden_from_global_address_list")
        return {} if hidden is None else {"hidden_from_global_address_list": hidden}

    def create(self, ctx, desired):
        params = {"Name": desired["name"]}
        if desired.get("hidden_from_global_address_list") is not None:
            params["HiddenFromGlobalAddressList"] = desired["hidden_from_global_address_list"]
        group_id = ctx.api.create_group(ctx.organization_id, **params)
        return dict(params, GroupId=group_id, State="DISABLED")

    def update_fields(self, ctx, raw, changes):
        if "hidden_from_global_address_list" in changes:
            ctx.api.update_group(ctx.organization_id, raw["GroupId"], HiddenFromGlobalAddressList=changes["hidden_from_global_address_list"])

    def delete_call(self, ctx, entity_id):
        ctx.api.delete_group(ctx.organization_id, entity_id)


RESOURCE_OPTIONS = dict(
    name=dict(type="str", required=True),
    type=dict(type="str", choices=["room", "equipment"]),
    description=dict(type="str"),
    email=dict(type="str"),
    enabled=dict(type="bool", default=True),
    hidden_from_global_address_list=dict(type="bool"),
    booking_options=dict(
        type="dict",
        options=dict(
            auto_accept_requests=dict(type="bool"),
            auto_decline_recurring_requests=dict(type="bool"),
            auto_decline_conflicting_requests=dict(type="bool"),
        ),
    ),
)
"""The resource module's options but ``state``, as an argument spec."""

# Booking options: option -> API member, and what WorkMail gives a new resource.
BOOKING_MEMBERS = dict(
    auto_accept_requests="AutoAcceptRequests",
    auto_decline_recurring_requests="AutoDeclineRecurringRequests",
    auto_decline_conflicting_requests="AutoDeclineConflictingRequests",
)
DEFAULT_BOOKING_OPTIONS = dict(auto_accept_requests=True, auto_decline_recurring_requests=False, auto_decline_conflicting_requests=True)
RESOURCE_UPDATE_OPTIONS = ("type", "description", "hidden_from_global_address_list", "booking_options")


class Resource(Entity):
    """A room or a piece of equipment: an entity with a type, a description and booking options.

    BookingOptions is one structure of plain booleans on the wire, so an update always sends all
    three flags: those the user set over those the resource has.
    """

    name = "resource"
    id_member = "ResourceId"
    operations = ("CreateResource", "UpdateResource", "RegisterToWorkMail")
    fields = ENTITY_FIELDS + (
        Field("type", "Type", enum=True),
        # An empty description clears it: the update takes "", the create does not.
        Field("description", "Description", operation="UpdateResource"),
        Field("booking_options", "BookingOptions", kind="dict"),
        Field("id", "ResourceId", read_only=True),
    )
    calls = dict(read=("DescribeResource",), create=("CreateResource",), delete=("DeregisterFromWorkMail", "DeleteResource"))
    create_sets = ("name", "type", "description", "hidden_from_global_address_list")

    def describe(self, ctx, entity_id):
        return ctx.api.describe_resource(ctx.organization_id, entity_id)

    def list_all(self, ctx):
        return ctx.api.list_resources(ctx.organization_id)

    def normalize(self, desired):
        booking = desired.get("booking_options")
        if booking is not None:
            # Suboptions left unset are left alone.
            desired = dict(desired, booking_options=dict((k, v) for k, v in booking.items() if v is not None))
        return desired

    def to_resource(self, ctx, raw):
        resource = super(Resource, self).to_resource(ctx, raw)
        booking = raw.get("BookingOptions") or {}
        resource["booking_options"] = dict((option, bool(booking.get(member))) for option, member in BOOKING_MEMBERS.items())
        return resource

    def predict(self, ctx, desired):
        predicted = super(Resource, self).predict(ctx, desired)
        predicted["booking_options"] = dict(DEFAULT_BOOKING_OPTIONS, **desired.get("booking_options", {}))
        return predicted

    def created_as(self, ctx, desired):
        return dict((option, desired[option]) for option in self.create_sets[1:] if desired.get(option) not in (None, ""))

    def check(self, ctx, current, desired):
        if not current and desired.get("type") is None:
            raise ParameterError("type", "is required to create the resource {0!r} (room or equipment)".format(desired["name"]))
        if not current and ctx.organization_id is not None:
            # Names are shared with users and groups: a taken one is refused before the create.
            taken = [other.name for other in (USER, GROUP) if other.fetch(ctx, desired["name"])]
            ctx.refuse("name", ["{0!r} is the name of a {1}; names are unique among users, groups and resources".format(desired["name"], kind)
                                for kind in taken], code="NameAvailabilityException")
        super(Resource, self).check(ctx, current, desired)
        booking = dict(current.get("booking_options") or DEFAULT_BOOKING_OPTIONS, **desired.get("booking_options", {}))
        if not booking["auto_accept_requests"] and (current.get("booking_options") or DEFAULT_BOOKING_OPTIONS)["auto_accept_requests"]:
            delegates = ctx.api.list_resource_delegates(ctx.organization_id, current["id"]) if current.get("id") else []
            if not delegates:
                ctx.refuse(
                    "booking_options",
                    ["auto_accept_requests: false needs a delegate to answer requests, and {0!r} has none; "
                     "add one with mailops.workmail.resource_delegate first".format(desired["name"])],
                    code="InvalidConfigurationException",
                )

    def create(self, ctx, desired):
        params = {"Name": desired["name"], "Type": self.field("type").to_api(desired["type"])}
        if desired.get("description"):
            params["Description"] = desired["description"]
        if desired.get("hidden_from_global_address_list") is not None:
            params["HiddenFromGlobalAddressList"] = desired["hidden_from_global_address_list"]
        resource_id = ctx.api.create_resource(ctx.organization_id, **params)
        return dict(params, ResourceId=resource_id, State="DISABLED", BookingOptions=dict(
            (member, DEFAULT_BOOKING_OPTIONS[option]) for option, member in BOOKING_MEMBERS.items()))

    def update_fields(self, ctx, raw, changes):
        params = {}
        if "type" in changes:
            params["Type"] = self.field("type").to_api(changes["type"])
        if "description" in changes:
            params["Description"] = changes["description"] or ""
        if "hidden_from_global_address_list" in changes:
            params["HiddenFromGlobalAddressList"] = changes["hidden_from_global_address_list"]
        if "booking_options" in changes:
            params["BookingOptions"] = dict((member, changes["booking_options"][option]) for option, member in BOOKING_MEMBERS.items())
        if params:
            ctx.api.update_resource(ctx.organization_id, raw["ResourceId"], **params)

    def field_calls(self, changes):
        return ["UpdateResource"] if any(option in changes for option in RESOURCE_UPDATE_OPTIONS) else []

    def read_calls(self, resource):
        return ("DescribeResource",)

    def delegates(self, ctx, resource_id):
        """The resource's delegates, as the relationship modules give entities (id, name, email, type,
        enabled), in the order the service lists them."""
        found = []
        for delegate in ctx.api.list_resource_delegates(ctx.organization_id, resource_id):
            entity = ctx.resolver.resolve(delegate["Id"], types=(delegate["Type"],))
            if entity is not None:
                found.append(entity)
        return found

    def delete_call(self, ctx, entity_id):
        ctx.api.delete_resource(ctx.organization_id, entity_id)


USER = User()
GROUP = Group()
RESOURCE = Resource()
