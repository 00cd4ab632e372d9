# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Two runs at once against the in-process emulator: a create that loses the race to another run
converges on what that run made when it is the same thing, and fails naming the difference when it
is not. Each run is planned before the other writes, as runs started together are."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections
import threading

from concurrent.futures import ThreadPoolExecutor

import boto3
import pytest

from botocore.config import Config

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.module_utils import api
from ansible_collections.mailops.workmail.plugins.module_utils.api import WorkMailAPI
from ansible_collections.mailops.workmail.plugins.module_utils.directory import Directory
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Context
from ansible_collections.mailops.workmail.plugins.module_utils.engine import apply
from ansible_collections.mailops.workmail.plugins.module_utils.engine import plan
from ansible_collections.mailops.workmail.plugins.module_utils.entities import GROUP
from ansible_collections.mailops.workmail.plugins.module_utils.entities import USER
from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError

pytest_plugins = ["workmail_emulator.pytest_plugin"]


@pytest.fixture
def org(workmail_client, workmail_org):
    workmail_client.register_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    workmail_emulator.clear_calls()
    return workmail_org


def run(organization_id):
    """The context of one run, with a client of its own built as the modules build theirs."""
    client = boto3.session.Session().client("workmail", region_name="us-east-1", config=Config(**api.client_config(8)))
    return Context(WorkMailAPI(client), organization_id, organization="example-corp")


def writes():
    return collections.Counter((c["operation"], c["error"]) for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"]))


JANE = dict(name="jdoe", enabled=True, email="jdoe@example.com", display_name="Jane Doe", first_name="Jane", department="Finance")


def test_a_user_created_by_another_run_in_between_is_adopted(workmail_client, org):
    first, second = run(org), run(org)
    plans = [plan(first, USER, JANE), plan(second, USER, JANE)]
    assert [p.action for p in plans] == ["create", "create"]

    outcomes = [apply(first, plans[0]), apply(second, plans[1])]

    users = workmail_client.list_users(OrganizationId=org)["Users"]
    assert [(u["Name"], u["State"], u["Email"]) for u in users] == [("jdoe", "ENABLED", "jdoe@example.com")]
    assert outcomes[0].after == outcomes[1].after
    assert outcomes[1].after["id"] == users[0]["Id"] and outcomes[1].after["department"] == "Finance"
    # The second run's create lost; it read the user back and sent only what was left (nothing).
    assert writes() == collections.Counter({("CreateUser", None): 1, ("UpdateUser", None): 1, ("RegisterToWorkMail", None): 1,
                                            ("CreateUser", "NameAvailabilityException"): 1})


def test_a_user_another_run_created_and_enabled_after_this_run_listed_is_adopted(workmail_client, org):
    """The directory lists users first and looks up who holds each new address afterwards: by then
    another run may have created and enabled the same person, address included."""
    first, second = run(org), run(org)
    apply(first, plan(first, USER, JANE))
    workmail_emulator.clear_calls()

    # As listed before the first run wrote: no jdoe. The address check sees his address taken, by him.
    planned = plan(second, USER, JANE, raw=None)
    outcome = apply(second, planned)

    assert planned.action == "create" and second.warnings == []
    assert outcome.after["email"] == "jdoe@example.com" and outcome.after["enabled"] is True
    assert len(workmail_client.list_users(OrganizationId=org)["Users"]) == 1
    assert writes() == collections.Counter({("CreateUser", "NameAvailabilityException"): 1})


def test_an_address_held_by_someone_else_is_still_refused_before_any_write(workmail_client, org):
    other = workmail_client.create_user(OrganizationId=org, Name="jane", DisplayName="Jane")["UserId"]
    workmail_client.register_to_work_mail(OrganizationId=org, EntityId=other, Email="jdoe@example.com")
    workmail_emulator.clear_calls()

    with pytest.raises(WorkMailError) as caught:
        plan(run(org), USER, JANE, raw=None)

    assert caught.value.message == "email: jdoe@example.com is already used by user 'jane'"
    assert writes() == collections.Counter()


@pytest.mark.parametrize("theirs, difference", [
    (dict(DisplayName="Jane Other", FirstName="Jane"), "display_name is 'Jane Other', not 'Jane Doe'"),
    (dict(DisplayName="Jane Doe"), "first_name is None, not 'Jane'"),
])
def test_a_user_someone_else_created_in_between_fails_naming_the_difference(workmail_client, org, theirs, difference):
    ours = run(org)
    planned = plan(ours, USER, JANE)
    workmail_client.create_user(OrganizationId=org, Name="jdoe", **theirs)
    workmail_emulator.clear_calls()

    with pytest.raises(WorkMailError) as caught:
        apply(ours, planned)

    assert caught.value.code == "NameAvailabilityException"
    assert caught.value.message == (
        "CreateUser failed: The name jdoe is already used by another user, group or resource. The user 'jdoe' exists already and is not the one "
        "this task creates ({0}): another run or person created it after this task looked. It was left as it is.".format(difference)
    )
    assert writes() == collections.Counter({("CreateUser", "NameAvailabilityException"): 1})
    assert workmail_client.describe_user(OrganizationId=org, UserId="jdoe")["State"] == "DISABLED"


def test_a_name_a_group_took_in_between_fails_at_once(workmail_client, org):
    ours = run(org)
    planned = plan(ours, USER, JANE)
    workmail_client.create_group(OrganizationId=org, Name="jdoe")

    with pytest.raises(WorkMailError) as caught:
        apply(ours, planned)

    assert caught.value.message.endswith("already used by another user, group or resource. 'jdoe' is the name of a group; it was left as it is.")


def test_a_name_a_resource_took_in_between_fails_at_once(workmail_client, org):
    ours = run(org)
    planned = plan(ours, USER, JANE)
    workmail_client.create_resource(OrganizationId=org, Name="jdoe", Type="ROOM")

    with pytest.raises(WorkMailError) as caught:
        apply(ours, planned)

    assert caught.value.message.endswith("already used by another user, group or resource. 'jdoe' is the name of a resource; it was left as it is.")


def test_a_group_created_by_another_run_in_between_is_adopted(workmail_client, org):
    first, second = run(org), run(org)
    desired = dict(name="finance", enabled=True, email="finance@example.com", hidden_from_global_address_list=True)
    plans = [plan(first, GROUP, desired), plan(second, GROUP, desired)]

    apply(first, plans[0])
    outcome = apply(second, plans[1])

    groups = workmail_client.list_groups(OrganizationId=org)["Groups"]
    assert [(g["Name"], g["State"]) for g in groups] == [("finance", "ENABLED")]
    assert outcome.after["id"] == groups[0]["Id"] and outcome.after["hidden_from_global_address_list"] is True


def company():
    """The directory module's options as its argument spec leaves them (enabled defaults to true)."""
    return dict(
        groups=[dict(name="all-staff", enabled=True, email="all-staff@example.com"), dict(name="finance", groups=["all-staff"], enabled=False)],
        users=[dict(name="user{0}".format(i), enabled=True, email="user{0}@example.com".format(i), department="Finance", groups=["finance"],
                    aliases=["u{0}@example.com".format(i)]) for i in range(6)],
    )


def test_two_directory_runs_planned_together_both_converge_with_no_duplicate(workmail_client, org):
    runs = [Directory(run(org), **company()), Directory(run(org), **company())]
    with ThreadPoolExecutor(max_workers=8) as first, ThreadPoolExecutor(max_workers=8) as second:
        for directory, pool in zip(runs, (first, second)):
            directory.pool = pool
            directory.check_input()
            directory.read()
            directory.plan()

        threads = [threading.Thread(target=directory.write) for directory in runs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    for directory in runs:
        changed, result, _diffs, _warnings, failures = directory.result()
        assert failures == [] and changed is True
        assert result["summary"]["user"]["create"] == 6 and result["summary"]["alias"]["add"] == 6
    users = workmail_client.list_users(OrganizationId=org)["Users"]
    assert sorted(u["Name"] for u in users) == ["user{0}".format(i) for i in range(6)]
    assert all(u["State"] == "ENABLED" for u in users)
    assert sorted(g["Name"] for g in workmail_client.list_groups(OrganizationId=org)["Groups"]) == ["all-staff", "finance"]
    assert writes()[("CreateUser", "NameAvailabilityException")] + writes()[("CreateGroup", "NameAvailabilityException")] > 0

    workmail_emulator.clear_calls()
    third = Directory(run(org), **company()).run().result()
    assert third[0] is False and third[4] == []
    assert writes() == collections.Counter()
