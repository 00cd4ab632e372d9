# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The plan callback's bookkeeping: summary, assumptions met or not, files, IAM policy."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mailops.workmail.plugins.callback.plan import RunPlan
from ansible_collections.mailops.workmail.plugins.callback.plan import json_path
from ansible_collections.mailops.workmail.plugins.callback.plan import meets


def report(changes=(), actions=(), assumes=(), creates=(), check_mode=True):
    return {"_workmail": dict(check_mode=check_mode, changes=list(changes), actions=list(actions), assumes=list(assumes), creates=list(creates))}


ORG = dict(type="organization", name="Example-Corp", organization=None)
JDOE = dict(type="user", name="jdoe", organization="example-corp", addresses=["Jane.Doe@example.com"])


def test_an_object_meets_an_assumption_by_name_or_address_in_its_organization():
    assert meets(ORG, dict(type="organization", name="example-corp", organization=None))
    assert meets(JDOE, dict(type="entity", name="JDOE", organization="Example-Corp"))
    assert meets(JDOE, dict(type="user", name="jane.doe@example.com", organization="example-corp"))
    assert not meets(JDOE, dict(type="group", name="jdoe", organization="example-corp"))
    assert not meets(JDOE, dict(type="user", name="jdoe", organization="other-corp"))
    assert meets(dict(type="entity", name="jdoe", organization="example-corp", addresses=["j@example.com"]),
                 dict(type="user", name="j@example.com", organization="example-corp"))
    assert meets(dict(type="mail_domain", name="example.com", organization="x"), dict(type="mail_domain", name="Example.com.", organization="x"))


def test_only_an_earlier_task_meets_an_assumption():
    plan = RunPlan(check_mode=True)
    plan.add("members", "localhost", report(assumes=[ORG, dict(type="entity", name="jdoe", organization="example-corp")]))
    plan.add("org", "localhost", report(creates=[ORG]))
    plan.add("jane", "localhost", report(creates=[JDOE]))
    plan.add("members again", "localhost", report(assumes=[ORG, dict(type="entity", name="jdoe", organization="example-corp")]))

    assert [(e["task"], e["type"], e["name"]) for e in plan.errors] == [("members", "organization", "Example-Corp")]
    assert "organization 'Example-Corp' is assumed to be created by an earlier task, but no earlier task creates it" == plan.errors[0]["msg"]


def test_a_misspelled_organization_is_one_error_not_one_per_object_in_it():
    plan = RunPlan(check_mode=True)
    typo = dict(type="organization", name="exmaple-corp", organization=None)
    plan.add("jane", "localhost", report(assumes=[typo, dict(type="mail_domain", name="example.com", organization="exmaple-corp")]))
    assert [e["name"] for e in plan.errors] == ["exmaple-corp"]


def test_summary_counts_changes_per_type_and_lists_failures():
    plan = RunPlan(check_mode=False)
    plan.add("people", "localhost", report(check_mode=False, actions=["workmail:CreateUser", "workmail:ListUsers"], changes=[
        dict(type="user", name="jdoe", action="create"),
        dict(type="user", name="omar", action="update"),
        dict(type="membership", name="jdoe in finance", action="create"),
        dict(type="user", name="li", action="create", error="email: not a mail domain"),
    ]))
    plan.add("preview", "localhost", report(check_mode=True, changes=[dict(type="group", name="x", action="create")]))
    plan.add("broken", "localhost", {"msg": "organization: no live organization"}, failed=True)

    assert plan.summary() == {"membership": dict(create=1, update=0, delete=0), "user": dict(create=1, update=1, delete=0)}
    assert [f["msg"] for f in plan.failures] == ["user li: email: not a mail domain", "organization: no live organization"]
    lines = plan.lines()
    assert "user                   1 created, 1 changed, 0 removed" in lines
    markdown = plan.markdown()
    assert markdown.startswith("## WorkMail changes\n")
    assert "| user | 1 | 1 | 0 |" in markdown and "### Failures" in markdown
    assert plan.iam_policy() == {"Version": "2012-10-17", "Statement": [
        dict(Sid="WorkMailRun", Effect="Allow", Action=["workmail:CreateUser", "workmail:ListUsers"], Resource="*")]}


def test_a_plan_says_what_it_would_do():
    plan = RunPlan(check_mode=True)
    plan.add("jane", "localhost", report(changes=[dict(type="user", name="jdoe", action="delete")]))
    assert plan.lines() == ["user                   0 to create, 0 to change, 1 to remove"]
    assert "| resource | to create | to change | to remove |" in plan.markdown()
    assert RunPlan(check_mode=True).lines() == ["no change planned"]
    assert RunPlan().iam_policy()["Statement"] == []


def test_the_json_goes_beside_the_markdown():
    assert json_path("out/plan.md") == "out/plan.json"
    assert json_path("plan.txt") == "plan.txt.json"
