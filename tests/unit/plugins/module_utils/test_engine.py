# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The reconcile engine against a resource kept in a dict: what every module inherits."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mailops.workmail.plugins.module_utils.engine import Context
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Field
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Resource
from ansible_collections.mailops.workmail.plugins.module_utils.engine import diff_after
from ansible_collections.mailops.workmail.plugins.module_utils.engine import reconcile
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError


class Thing(Resource):
    """A resource whose API is a dict; it records every write."""

    name = "thing"
    fields = (
        Field("name", "Name", create_only=True),
        Field("color", "Color"),
        Field("email", "Email", casefold=True),
        Field("kind", "Kind", enum=True, create_only=True),
        Field("tags", "Tags", kind="list"),
        Field("limits", "Limits", kind="dict"),
        Field("secret", "Secret", secret=True),
        Field("id", "Id", read_only=True),
    )

    def __init__(self):
        self.store = {}
        self.writes = []

    def read(self, ctx, desired):
        raw = self.store.get(desired["name"])
        return dict(raw) if raw else None

    def create(self, ctx, desired):
        self.writes.append(("create", desired["name"]))
        self.store[desired["name"]] = {"Name": desired["name"], "Id": "id-1", "Kind": (desired.get("kind") or "plain").upper()}

    def update(self, ctx, raw, changes, desired):
        self.writes.append(("update", sorted(changes)))
        stored = self.store[raw["Name"]]
        for option, value in changes.items():
            stored[self.field(option).member] = self.field(option).to_api(value)

    def delete(self, ctx, raw):
        self.writes.append(("delete", raw["Name"]))
        del self.store[raw["Name"]]

    def secret_changes(self, ctx, current, desired):
        return {"secret": desired["secret"]} if desired.get("secret") and ctx.options.get("always") else {}


def ctx(check_mode=False, **options):
    return Context(api=None, organization_id="m-1", check_mode=check_mode, options=options)


@pytest.fixture
def thing():
    return Thing()


def test_create_then_apply_the_rest(thing):
    outcome = reconcile(ctx(), thing, dict(name="a", color="red", secret="s3"))

    assert outcome.changed is True
    assert outcome.before == {}
    assert outcome.after["color"] == "red"
    assert "secret" not in outcome.after
    assert thing.writes == [("create", "a"), ("update", ["color"])]


def test_second_run_is_a_no_op(thing):
    reconcile(ctx(), thing, dict(name="a", color="red", tags=["x", "y"]))
    thing.writes = []

    outcome = reconcile(ctx(), thing, dict(name="a", color="red", tags=["y", "x", "x"]))

    assert outcome.changed is False
    assert outcome.before == outcome.after
    assert thing.writes == []


def test_unset_is_untouched_and_empty_clears(thing):
    reconcile(ctx(), thing, dict(name="a", color="red", email="A@x.io"))

    outcome = reconcile(ctx(), thing, dict(name="a", color="", email="a@X.IO", tags=None))

    assert outcome.changed is True
    assert thing.writes[-1] == ("update", ["color"])
    assert outcome.after["email"] == "A@x.io"


def test_check_mode_predicts_a_create_without_writing(thing):
    outcome = reconcile(ctx(check_mode=True), thing, dict(name="a", color="red", secret="s3"))

    assert outcome.changed is True
    assert outcome.after == dict(name="a", color="red", email=None, kind=None, tags=[], limits=None, id=None)
    assert thing.writes == []


def test_check_mode_predicts_an_update_without_writing(thing):
    reconcile(ctx(), thing, dict(name="a", color="red"))
    thing.writes = []

    outcome = reconcile(ctx(check_mode=True), thing, dict(name="a", color="blue"))

    assert outcome.changed is True
    assert (outcome.before["color"], outcome.after["color"]) == ("red", "blue")
    assert thing.writes == []


def test_missing_organization_in_check_mode_plans_a_create(thing):
    check = Context(api=None, organization_id=None, check_mode=True)
    thing.store["a"] = {"Name": "a"}

    outcome = reconcile(check, thing, dict(name="a", color="red"))

    assert outcome.changed is True
    assert outcome.before == {}


def test_create_only_field_that_differs_fails_before_any_write(thing):
    reconcile(ctx(), thing, dict(name="a", kind="plain"))
    thing.writes = []

    with pytest.raises(ParameterError) as error:
        reconcile(ctx(), thing, dict(name="a", kind="fancy", color="red"))

    assert error.value.option == "kind"
    assert "can only be set when the thing is created" in str(error.value)
    assert thing.writes == []


def test_dict_fields_compare_only_given_keys_and_merge(thing):
    reconcile(ctx(), thing, dict(name="a", limits={"x": 1, "y": 2}))

    same = reconcile(ctx(), thing, dict(name="a", limits={"x": 1}))
    merged = reconcile(ctx(), thing, dict(name="a", limits={"y": 3}))

    assert same.changed is False
    assert merged.after["limits"] == {"x": 1, "y": 3}


def test_secret_changes_are_sent_but_never_shown(thing):
    reconcile(ctx(), thing, dict(name="a", secret="s3"))
    thing.writes = []

    kept = reconcile(ctx(), thing, dict(name="a", secret="s4"))
    reset = reconcile(ctx(always=True), thing, dict(name="a", secret="s4"))

    assert kept.changed is False
    assert reset.changed is True
    assert thing.writes == [("update", ["secret"])]
    assert "secret" not in reset.after


def test_absent(thing):
    reconcile(ctx(), thing, dict(name="a"))

    planned = reconcile(ctx(check_mode=True), thing, dict(name="a"), state="absent")
    deleted = reconcile(ctx(), thing, dict(name="a"), state="absent")
    again = reconcile(ctx(), thing, dict(name="a"), state="absent")

    assert planned.changed and deleted.changed and not again.changed
    assert planned.after == deleted.after == {}
    assert thing.writes[-1] == ("delete", "a")
    assert len([w for w in thing.writes if w[0] == "delete"]) == 1


class ResolvingThing(Thing):
    """A Thing whose tags are given by name and stored as IDs."""

    ids = {"red": "tag-1", "blue": "tag-2"}

    def __init__(self):
        super(ResolvingThing, self).__init__()
        self.resolved = []

    def resolve(self, ctx, desired):
        self.resolved.append(sorted(desired))
        if desired.get("tags") is None:
            return desired
        return dict(desired, tags=[self.ids.get(tag, tag) for tag in desired["tags"]])


def test_references_are_resolved_once_before_comparing_and_never_for_absent():
    thing = ResolvingThing()

    predicted = reconcile(ctx(check_mode=True), thing, dict(name="a", tags=["red", "new"]))
    created = reconcile(ctx(), thing, dict(name="a", tags=["red"]))
    again = reconcile(ctx(), thing, dict(name="a", tags=["red"]))
    reconcile(ctx(), thing, dict(name="a", tags=["red"]), state="absent")

    assert predicted.after["tags"] == ["tag-1", "new"]
    assert created.after["tags"] == ["tag-1"]
    assert again.changed is False
    assert thing.resolved == [["name", "tags"]] * 3


class Guarded(Thing):
    """A Thing whose service refuses red things and deleting 'keep', and recolours on update."""

    def check(self, ctx, current, desired):
        if desired.get("color") == "red":
            ctx.refuse("color", ["red is not allowed"], code="InvalidParameterException")

    def check_delete(self, ctx, raw):
        if raw["Name"] == "keep":
            raise ParameterError("name", "keep cannot be deleted")

    def predict_update(self, ctx, current, changes):
        predicted = super(Guarded, self).predict_update(ctx, current, changes)
        predicted["email"] = "changed@x.io"
        return predicted


def test_check_refuses_before_any_write_and_warns_in_check_mode():
    guarded = Guarded()

    with pytest.raises(ParameterError) as error:
        reconcile(ctx(), guarded, dict(name="a", color="red"))
    planning = ctx(check_mode=True)
    planned = reconcile(planning, guarded, dict(name="a", color="red"))

    assert str(error.value) == "color: red is not allowed"
    assert error.value.code == "InvalidParameterException"
    assert guarded.writes == []
    assert planned.changed is True
    assert planning.warnings == ["color: red is not allowed"]


def test_check_delete_refuses_in_both_modes():
    guarded = Guarded()
    reconcile(ctx(), guarded, dict(name="keep"))

    for check_mode in (True, False):
        with pytest.raises(ParameterError):
            reconcile(ctx(check_mode=check_mode), guarded, dict(name="keep"), state="absent")
    assert ("delete", "keep") not in guarded.writes


def test_check_mode_update_is_predicted_by_the_resource():
    guarded = Guarded()
    reconcile(ctx(), guarded, dict(name="a", color="blue"))

    outcome = reconcile(ctx(check_mode=True), guarded, dict(name="a", color="green"))

    assert (outcome.after["color"], outcome.after["email"]) == ("green", "changed@x.io")


@pytest.mark.parametrize("check_mode", [False, True])
def test_a_diff_marks_a_secret_set_or_reset_without_showing_it(thing, check_mode):
    created = reconcile(ctx(check_mode=check_mode), thing, dict(name="a", color="red", secret="s3"))
    if check_mode:
        reconcile(ctx(), thing, dict(name="a", color="red", secret="s3"))
    reset = reconcile(ctx(check_mode=check_mode, always=True), thing, dict(name="a", color="red", secret="s3"))
    kept = reconcile(ctx(check_mode=check_mode), thing, dict(name="a", color="red", secret="s3"))

    assert diff_after(created)["secret"] == "(set)"
    assert "secret" not in created.after
    assert reset.changed is True
    assert diff_after(reset)["secret"] == "(reset)"
    assert "secret" not in reset.before and "secret" not in reset.after
    assert "secret" not in diff_after(kept)
    assert kept.changed is False


class Contested(Thing):
    """A Thing whose name someone else may take between the read and the create: ``taken`` holds
    what the store gets just before the create call arrives (another run's create, or this run's
    own first attempt whose reply was lost); the create then fails as the service does."""

    conflict_codes = ("NameTaken",)

    def __init__(self, taken=None, seen_after=0):
        super(Contested, self).__init__()
        self.taken = taken
        self.reads = 0
        self.seen_after = seen_after
        """How many reads after the conflict still miss the object (WorkMail's lag)."""

    def read(self, ctx, desired):
        self.reads += 1
        if desired["name"] in self.store and self.seen_after > 0:
            self.seen_after -= 1
            return None
        return super(Contested, self).read(ctx, desired)

    def create(self, ctx, desired):
        if self.taken is not None:
            self.store[desired["name"]] = dict(self.taken)
            self.writes.append(("create", desired["name"]))
            raise WorkMailError("Create failed: the name {0} is taken".format(desired["name"]), code="NameTaken")
        return super(Contested, self).create(ctx, desired)

    def created_as(self, ctx, desired):
        return dict((option, desired[option]) for option in ("kind",) if desired.get(option) is not None)


def test_a_create_that_meets_the_object_it_asked_for_adopts_it_and_applies_the_rest():
    contested = Contested(taken={"Name": "a", "Id": "id-7", "Kind": "PLAIN"})

    outcome = reconcile(ctx(), contested, dict(name="a", kind="plain", color="red"))

    assert outcome.changed is True
    assert outcome.after["id"] == "id-7" and outcome.after["color"] == "red"
    assert contested.writes == [("create", "a"), ("update", ["color"])]
    assert contested.store == {"a": {"Name": "a", "Id": "id-7", "Kind": "PLAIN", "Color": "red"}}


def test_an_object_that_does_not_show_yet_is_waited_for():
    contested = Contested(taken={"Name": "a", "Id": "id-7", "Kind": "PLAIN"}, seen_after=2)

    outcome = reconcile(ctx(), contested, dict(name="a", kind="plain"))

    assert outcome.after["id"] == "id-7"
    # The plan's read, two reads that miss it, the one that finds it and the read back.
    assert contested.reads == 5


def test_a_create_that_meets_another_object_fails_naming_the_difference():
    contested = Contested(taken={"Name": "a", "Id": "id-7", "Kind": "SPECIAL", "Color": "blue"})

    with pytest.raises(WorkMailError) as caught:
        reconcile(ctx(), contested, dict(name="a", kind="plain", color="red"))

    assert caught.value.code == "NameTaken"
    assert caught.value.message == (
        "Create failed: the name a is taken. The thing 'a' exists already and is not the one this task creates "
        "(kind is 'special', not 'plain'): another run or person created it after this task looked. It was left as it is."
    )
    assert contested.writes == [("create", "a")]
    assert contested.store["a"]["Color"] == "blue"


def test_other_create_errors_are_not_taken_for_a_conflict():
    contested = Contested(taken={"Name": "a", "Id": "id-7", "Kind": "PLAIN"})
    contested.conflict_codes = ()

    with pytest.raises(WorkMailError) as caught:
        reconcile(ctx(), contested, dict(name="a", kind="plain"))

    assert caught.value.code == "NameTaken" and caught.value.message == "Create failed: the name a is taken"
    assert contested.reads == 1
