# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The reconcile engine: each resource is described once, the rest is derived.

A ``Resource`` lists its ``Field``s (option name, API member, how to compare, whether it is
create-only or write-only) and implements four small verbs against the API: ``read``,
``create``, ``update`` and ``delete``. From that, ``reconcile`` derives what every module does
the same way: the comparison, the changes to send, the predicted state in check mode, the
before/after diff (secrets left out) and the re-read after a write. It takes a ``Context``
(an API and plain data), never an AnsibleModule, so bulk runs can call it in parallel.

Rules it enforces: an option left unset (None) is never changed; an empty string clears a text
field; check mode sends no write call; a create-only field that differs fails before any write.

Faults it survives, once for every resource: a create whose reply was lost (botocore's retry then
meets the object the first attempt made) or that another run made first is re-read and adopted
when it is the one asked for (``Resource.conflict_codes``, ``Resource.adopt``), and fails naming
the difference when it is not; an object just written that WorkMail does not show yet is waited
for (``waiters.LAG_TIMEOUT``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections import namedtuple

from ansible_collections.mailops.workmail.plugins.module_utils import validation
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError
from ansible_collections.mailops.workmail.plugins.module_utils.resolve import EntityResolver
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import LAG_TIMEOUT
from ansible_collections.mailops.workmail.plugins.module_utils.waiters import found

Outcome = namedtuple("Outcome", ["changed", "before", "after", "secrets"])
Outcome.__new__.__defaults__ = (None,)
"""``before`` and ``after`` are the normalised resource ({} when absent), secrets left out.
``secrets`` maps each secret option the run sends (or, in check mode, would send) to the mark that
stands for it in a diff (see ``diff_after``): SET when the resource is created, RESET afterwards."""

SET = "(set)"
RESET = "(reset)"


def diff_after(outcome):
    """The ``after`` of a diff: the resource, plus a mark for each secret the run sets or resets
    (``password: (reset)``), so that a change of a secret shows without showing the secret."""
    after = dict(outcome.after)
    after.update(outcome.secrets or {})
    return after


class Context:
    """What one reconcile needs: the API, the organization and plain options.

    ``organization_id`` is None only in check mode, when the organization does not exist yet.
    ``organization`` is the organization as the user named it (alias or ID), for messages.
    ``options`` holds a resource's behaviour switches that are not resource fields
    (``update_password``, ``wait``, ...). ``warnings`` collects messages for the user.
    """

    def __init__(self, api, organization_id=None, check_mode=False, options=None, organization=None):
        self.api = api
        self.organization_id = organization_id
        self.organization = organization or organization_id
        self.check_mode = check_mode
        self.options = options or {}
        self.confirm_writes = True
        """Wait until the service shows a registration before going on. A bulk run that does not
        read back sets it False, and retries what needs the registration instead."""
        self.resolver = EntityResolver(api, organization_id, self.organization, assume=self.assume, plan_calls=self.plan_calls)
        self.warnings = []
        self.assumed = []
        """What the plan takes an earlier task to create (check mode): {type, name} each."""
        self.provided = []
        """What the run creates (or would), which later tasks may name: see ``Resource.provides``."""
        self.planned_calls = []
        """The operations an apply would send (check mode), each once."""
        self.changes = []
        """What the run changes (or would): {type, name, action (create, update, delete)} each, and
        ``error`` for a change that failed."""

    def changed(self, kind, name, action, error=None):
        change = dict(type=kind, name=name, action=action)
        if error:
            change["error"] = error
        self.changes.append(change)

    def plan_calls(self, operations):
        """Note that applying the plan would send ``operations`` (check mode sends none of the writes)."""
        self.planned_calls.extend(op for op in operations if op not in self.planned_calls)

    def provide(self, objects):
        self.provided.extend(objects)

    def assume(self, kind, names):
        """Note that the plan (check mode only) takes ``names`` to be objects of ``kind`` that an earlier
        task creates: "user", "group", "entity" (a user or a group), "mail_domain" or "impersonation_role"."""
        if not self.check_mode:
            return
        for name in names:
            item = {"type": kind, "name": name}
            if item not in self.assumed:
                self.assumed.append(item)

    def address_problems(self, addresses, owner_id=None, owner=None):
        """Why each of ``addresses`` can't be given to the entity ``owner_id`` (see
        ``EntityResolver.address_problems``). While the organization is still to be created (check
        mode) nothing can be looked up: their domains are assumed to be registered by an earlier
        task, and the apply would look them up."""
        if self.organization_id is None:
            self.assume("mail_domain", sorted(set(address.rsplit("@", 1)[-1].lower() for address in addresses)))
            self.plan_calls(("GetMailDomain", "DescribeEntity"))
            return []
        return self.resolver.address_problems(addresses, owner_id, owner)

    def refuse(self, option, problems, code=None):
        """Report what stops a change, before any write: fail naming ``option`` (and the service
        error ``code`` it would have caused), or in check mode warn, since an earlier task of the
        same run may yet clear the way."""
        if not problems:
            return
        if self.check_mode:
            self.warnings.extend("{0}: {1}".format(option, problem) for problem in problems)
        else:
            raise ParameterError(option, "; ".join(problems), code=code)


class Field:
    """One option of a resource and how it maps to the API.

    option       the module option and the key in the returned resource (snake_case)
    member       the API member it is read from (None: not an API member)
    write_member the API member it is written to, when the write calls spell it otherwise
    kind         "str", "bool", "int", "list" (compared as a set) or "dict" (compared key by key
                 on the keys the user gives; the others are left alone)
    casefold     compare case-insensitively (addresses, domains)
    enum         the API spells the value in upper case; the module in lower case
    create_only  can only be set when the resource is created; a different value later fails
    write_only   the service never returns it: no comparison, never returned, never in a diff
    secret       a secret (a password): write-only, and a diff shows only that it is set or reset
    read_only    returned by the module, never set by it (IDs, states, dates)
    operation    the API operation whose input shape validates the option (default: the
                 resource's ``operations``, first that has ``member``)
    """

    def __init__(self, option, member=None, kind="str", casefold=False, enum=False, create_only=False,
                 write_only=False, read_only=False, operation=None, write_member=None, secret=False):
        self.option = option
        self.member = member
        self.write_member = write_member or member
        self.kind = kind
        self.casefold = casefold
        self.enum = enum
        self.create_only = create_only
        self.write_only = write_only or secret
        self.secret = secret
        self.read_only = read_only
        self.operation = operation

    def from_api(self, value):
        """The module's form of an API value."""
        if value is None or value == "":
            return [] if self.kind == "list" else None
        if self.enum:
            return value.lower()
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return value

    def to_api(self, value):
        """The API's form of a module value."""
        if self.enum and value is not None:
            return value.upper()
        return value

    def normal(self, value):
        """The form two values are compared in."""
        if value is None or value == "":
            return [] if self.kind == "list" else None
        if self.kind == "list":
            return sorted(set(self._fold(v) for v in value))
        return self._fold(value)

    def _fold(self, value):
        return value.casefold() if self.casefold and isinstance(value, str) else value

    def differs(self, current, desired):
        """True when ``desired`` (set by the user) would change ``current``."""
        if self.kind == "dict":
            current = current or {}
            return any(self.normal(current.get(k)) != self.normal(v) for k, v in desired.items())
        return self.normal(current) != self.normal(desired)

    def merged(self, current, desired):
        """The value once ``desired`` is applied to ``current``."""
        if self.kind == "dict":
            value = dict(current or {})
            value.update(desired)
            return value
        return desired


class Resource:
    """A WorkMail resource type. Subclasses describe ``fields`` and implement the verbs."""

    name = None
    """The key the resource is returned under, in snake_case (e.g. "user")."""

    fields = ()
    organization_scoped = True
    """False only for the organization itself."""
    operations = ()
    """API operations whose input shapes hold the constraints of the fields."""
    conflict_codes = ()
    """Error codes with which the create call says the object exists already (e.g.
    NameAvailabilityException). After one, the engine calls ``adopt``: the reply to an earlier
    attempt of the same create was lost, or another run created the object first."""

    calls = {}
    """The API operations each verb sends: "read", "create", "update", "delete" (with the reads a
    write waits with). ``apply_calls`` derives from it what an apply sends; a resource whose calls
    depend on the values overrides ``read_calls`` or ``update_calls``."""

    # -- the verbs a resource implements --------------------------------------------------

    def read(self, ctx, desired):
        """The raw API object matching ``desired``'s identity, or None."""
        raise NotImplementedError

    def create(self, ctx, desired):
        """Create the resource with what the create call takes; the engine re-reads it and
        applies the remaining options through ``update``. May return the raw API object as the
        create left it (with its ID), which a run that does not re-read uses instead."""
        raise NotImplementedError

    def update(self, ctx, raw, changes, desired):
        """Apply ``changes`` (option -> new value, only what differs) to the resource."""
        raise NotImplementedError

    def created_as(self, ctx, desired):
        """The options the create call sets, as ``create`` sends them (option -> value): what tells
        the object this create makes from one someone else made (see ``adopt``)."""
        return {}

    def adopt(self, ctx, desired, error):
        """The raw object that made the create fail with ``error`` (one of ``conflict_codes``), when
        it is the one ``desired`` asks for: it has every option ``created_as`` gives. Otherwise
        raise a WorkMailError naming the conflict and the difference. May return None once the
        object is known to be the one asked for, to have the engine read it.

        The object is read again, waiting out WorkMail's lag (what another run has just created
        may not show yet); an object that never shows fails with ``error``.
        """
        raw = found(lambda: self.read(ctx, desired), LAG_TIMEOUT)
        if raw is None:
            raise error
        current = self.to_resource(ctx, raw)
        differences = [
            "{0} is {1!r}, not {2!r}".format(option, current.get(option), value)
            for option, value in sorted(self.created_as(ctx, desired).items())
            if self.field(option).differs(current.get(option), value)
        ]
        if differences:
            raise conflict(
                error,
                "The {0} {1!r} exists already and is not the one this task creates ({2}): another run or person created it "
                "after this task looked. It was left as it is.".format(self.name.replace("_", " "), desired.get(self.fields[0].option), "; ".join(differences)),
            )
        return raw

    def delete(self, ctx, raw):
        raise NotImplementedError

    # -- what the engine derives, overridable where a resource knows better --------------------

    def to_resource(self, ctx, raw):
        """The normalised, returnable form of a raw API object."""
        return dict((f.option, f.from_api(raw.get(f.member))) for f in self.fields if not f.write_only and f.member)

    def predict(self, ctx, desired):
        """The resource ``desired`` would create (check mode): every field, unset ones as the
        service would leave them, IDs and dates as None."""
        predicted = dict((f.option, f.from_api(None)) for f in self.fields)
        predicted.update(desired)
        return predicted

    def changes(self, ctx, current, desired):
        """Option -> new value for every option the user set that differs from ``current``."""
        changes = {}
        for field in self.fields:
            if field.write_only or field.read_only or desired.get(field.option) is None:
                continue
            if field.differs(current.get(field.option), desired[field.option]):
                changes[field.option] = field.merged(current.get(field.option), desired[field.option])
        return changes

    def check(self, ctx, current, desired):
        """Refuse, before any write and in check mode too, a change the service would reject
        part way (``current`` is {} for a resource to create). Use ``ctx.refuse``."""

    def check_delete(self, ctx, raw):
        """Refuse, before any write and in check mode too, a delete the service would reject."""

    def predict_update(self, ctx, current, changes):
        """The resource once ``changes`` are applied (check mode's prediction of an update)."""
        predicted = dict(current)
        predicted.update(changes)
        return predicted

    def secret_changes(self, ctx, current, desired):
        """Write-only options to send to an existing resource (e.g. a password to reset)."""
        return {}

    def normalize(self, desired):
        """``desired`` in the form the resource compares and sends (e.g. a domain in lower case)."""
        return desired

    def resolve(self, ctx, desired):
        """``desired`` with the references it holds (users, roles by name or email) turned into the
        IDs the service stores. Called once, after the read and only to create or update. In check
        mode, references to things an earlier task would create may be planned instead of failing."""
        return desired

    def validate(self, desired):
        """Check every option the user set against the service model, naming the option."""
        for field in self.fields:
            value = desired.get(field.option)
            if value is None or not field.member or field.read_only:
                continue
            if field.kind == "list":
                value = [field.to_api(v) for v in value]
            else:
                value = field.to_api(value)
            operation = field.operation or next(
                (op for op in self.operations if field.write_member in validation.member_shape_names(op)), None
            )
            if operation and field.kind != "dict":
                validation.check(field.option, value, operation, field.write_member)

    def field(self, option):
        return next(f for f in self.fields if f.option == option)

    # -- what a plan tells a pipeline (see module.WorkMailModule.report) ----------------------

    def label(self, desired, before):
        """The name a run's report gives the resource."""
        return desired.get("name") or before.get("name")

    def read_calls(self, resource):
        """The operations ``read`` sends for ``resource`` (the normalised resource, as predicted)."""
        return self.calls.get("read", ())

    def update_calls(self, before, changes):
        """The operations ``update`` sends to apply ``changes`` to ``before``."""
        return self.calls.get("update", ())

    def delete_calls(self, before):
        """The operations ``delete`` sends to delete ``before``."""
        return self.calls.get("delete", ())

    def set_after_create(self, desired):
        """The options the create call leaves to an update right after it."""
        return {}

    def apply_calls(self, ctx, planned, reread=True):
        """The operations ``apply(ctx, planned, reread)`` would send: what check mode reports an apply
        would call. Writes are exact; reads are those the writes and the re-read need (``ctx.options``
        may tell which)."""
        if planned.action == "delete":
            return list(self.delete_calls(planned.before))
        calls = []
        if planned.action == "create":
            calls.extend(self.calls.get("create", ()))
            changes = self.set_after_create(planned.desired)
            if changes:
                calls.extend(self.update_calls({}, changes))
        elif planned.action == "update":
            calls.extend(self.update_calls(planned.before, planned.changes))
        if planned.action and reread:
            calls.extend(self.read_calls(planned.after))
        return calls

    def provides(self, planned):
        """The objects that applying ``planned`` makes exist, which later tasks may name:
        {type, name} each (an entity adds its ``addresses``)."""
        if planned.action != "create":
            return []
        return [{"type": self.name, "name": planned.desired.get("name")}]

    def public(self, resource):
        """``resource`` without write-only fields (for returns and diffs)."""
        secret = set(f.option for f in self.fields if f.write_only)
        return dict((k, v) for k, v in resource.items() if k not in secret)

    def as_options(self, resource):
        """``resource`` (normalised) in the shape its module takes, to feed back: the options the user
        can set and that are set; read-only fields (IDs, states, dates) and write-only ones (secrets)
        never. What an inventory writes, so that applying it again changes nothing."""
        return dict(
            (f.option, resource[f.option]) for f in self.fields if not f.read_only and not f.write_only and resource.get(f.option) is not None
        )


class Plan:
    """What reconciling one resource will do, decided before any write.

    ``action`` is "create", "update", "delete" or None (nothing to do); ``before`` the normalised
    resource as read ({} when absent); ``after`` the predicted one ({} once deleted); ``changes``
    the options an update sends (option -> new value); ``raw`` the API object read.
    """

    def __init__(self, resource, desired, raw, before, action=None, changes=None, after=None, secrets=None):
        self.resource = resource
        self.secrets = secrets or {}
        self.desired = desired
        self.raw = raw
        self.before = before
        self.action = action
        self.changes = changes or {}
        self.after = before if after is None else after

    @property
    def changed(self):
        return self.action is not None

    def outcome(self, after=None):
        """The Outcome of this plan (``after`` as written, when it was re-read), secrets left out."""
        public = self.resource.public
        return Outcome(self.changed, public(self.before), public(self.after if after is None else after), self.secrets)


_READ = object()


def plan(ctx, resource, desired, state="present", raw=_READ):
    """Decide what converging ``resource`` to ``desired`` takes, with no write.

    ``desired`` holds the options the user set (None = unset). ``raw`` is the API object when the
    caller has read it already (None: it does not exist); by default the resource reads it. Every
    check that can be made before a write is made here and raises ParameterError.
    """
    desired = resource.normalize(dict((k, v) for k, v in desired.items() if v is not None))
    resource.validate(desired)
    if raw is _READ:
        # In check mode the organization may not exist yet (an earlier task would create it).
        organization_missing = resource.organization_scoped and ctx.organization_id is None
        if organization_missing:
            ctx.plan_calls(resource.read_calls(desired))
        raw = None if organization_missing else resource.read(ctx, desired)
    before = resource.to_resource(ctx, raw) if raw else {}

    if state == "absent":
        if not raw:
            return Plan(resource, desired, raw, {})
        resource.check_delete(ctx, raw)
        return Plan(resource, desired, raw, before, "delete", after={})

    desired = resource.resolve(ctx, desired)
    resource.check(ctx, before, desired)
    if not raw:
        # The create call takes the secrets given.
        return Plan(resource, desired, raw, before, "create", after=resource.predict(ctx, desired), secrets=_marks(resource, desired, SET))
    changes = resource.changes(ctx, before, desired)
    _refuse_create_only(resource, changes)
    sent = resource.secret_changes(ctx, before, desired)
    changes.update(sent)
    if not changes:
        return Plan(resource, desired, raw, before)
    return Plan(resource, desired, raw, before, "update", changes, resource.predict_update(ctx, before, changes), _marks(resource, sent, RESET))


def apply(ctx, planned, reread=True):
    """Carry out ``planned`` (a Plan) and return its Outcome; in check mode, only the Outcome.

    With ``reread`` (the default) the resource is read back after its writes and returned as the
    service has it; without, ``after`` is predicted from what was written (bulk runs, which read
    once), with the ID a create returned.
    """
    resource, desired = planned.resource, planned.desired
    ctx.provide(resource.provides(planned))
    if ctx.check_mode:
        ctx.plan_calls(resource.apply_calls(ctx, planned, reread))
    if ctx.check_mode or not planned.changed:
        return planned.outcome()
    if planned.action == "delete":
        resource.delete(ctx, planned.raw)
        return planned.outcome()
    raw, current, changes = planned.raw, planned.before, planned.changes
    if planned.action == "create":
        try:
            raw = resource.create(ctx, desired)
        except WorkMailError as e:
            if e.code not in resource.conflict_codes:
                raise
            raw = resource.adopt(ctx, desired, e)
        if reread or raw is None:
            raw = read_back(ctx, resource, desired)
        current = resource.to_resource(ctx, raw)
        changes = resource.changes(ctx, current, desired)
        if not changes:
            return planned.outcome(current)
    resource.update(ctx, raw, changes, desired)
    if reread:
        return planned.outcome(resource.to_resource(ctx, read_back(ctx, resource, desired)))
    return planned.outcome(resource.predict_update(ctx, current, changes))


def read_back(ctx, resource, desired):
    """The raw resource ``desired`` names, right after this run wrote it: WorkMail may not show a
    new object yet, so it is waited for (``LAG_TIMEOUT``)."""
    raw = found(lambda: resource.read(ctx, desired), LAG_TIMEOUT)
    if raw is None:
        raise WorkMailError(
            "the {0} {1!r} was written but could not be read back within {2} seconds".format(
                resource.name.replace("_", " "), desired.get(resource.fields[0].option), LAG_TIMEOUT
            )
        )
    return raw


def describe_setting(ctx, resource):
    """An organization-wide setting (one per organization) as its module returns it, or {} when the
    organization has none, or does not exist yet (check mode, an earlier task would create it)."""
    if ctx.organization_id is None:
        ctx.plan_calls(resource.calls["read"])
        return {}
    raw = resource.read(ctx, {})
    return resource.to_resource(ctx, raw) if raw else {}


def conflict(error, explanation):
    """``error`` (a create that met an object of the same identity) with ``explanation`` added."""
    return WorkMailError("{0}. {1}".format(error.message.rstrip("."), explanation), code=error.code, exception=error.exception)


def reconcile(ctx, resource, desired, state="present"):
    """Converge one resource to ``desired`` (the options the user set; None = unset).

    Returns an Outcome. In check mode no write call is made and ``after`` is the prediction.
    """
    return apply(ctx, plan(ctx, resource, desired, state))


def _marks(resource, values, mark):
    """{option: mark} for each secret option of ``values`` that is set."""
    return dict((f.option, mark) for f in resource.fields if f.secret and values.get(f.option) is not None)


def _refuse_create_only(resource, changes):
    for option in changes:
        field = resource.field(option)
        if field.create_only:
            raise ParameterError(
                option, "can only be set when the {0} is created; it differs from the existing {0}".format(resource.name.replace("_", " "))
            )
