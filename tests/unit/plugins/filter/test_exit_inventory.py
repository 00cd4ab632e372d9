# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The exit role's filters: the organization as variable files, people as CSV, the export report."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import csv
import io

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.filter.exit_inventory import exit_inventory
from ansible_collections.mailops.workmail.plugins.filter.exit_report import exit_report
from ansible_collections.mailops.workmail.plugins.filter.people_csv import people_csv
from ansible_collections.mailops.workmail.plugins.plugin_utils.exit_inventory import GOOGLE_WORKSPACE_COLUMNS
from ansible_collections.mailops.workmail.plugins.plugin_utils.exit_inventory import MICROSOFT_365_COLUMNS
from ansible_collections.mailops.workmail.plugins.plugin_utils.exit_inventory import referenced_user_ids

ORGANIZATION = dict(id="m-" + "0" * 32, alias="example-corp", default_mail_domain="example.com", tags={"team": "mail"}, state="Active")
DOMAINS = [
    dict(name="example-corp.awsapps.com", default=False, is_test_domain=True, records=[dict(type="MX", hostname="x", value="y")]),
    dict(name="example.org", default=False, is_test_domain=False, ownership_verification_status="PENDING", records=[]),
    dict(name="example.com", default=True, is_test_domain=False, ownership_verification_status="VERIFIED",
         dkim_verification_status="VERIFIED", records=[dict(type="MX", hostname="example.com", value="10 inbound-smtp.us-east-1.amazonaws.com.")]),
]
ROLES = [
    dict(id="r-1", name="archiver", type="read_only", description=None, date_created="2026-01-01",
         rules=[dict(id="all", name="all", effect="allow", description=None, target_users=[], not_target_users=["u-ana"])]),
    dict(id="r-2", name="twin", type="full_access", description="one", rules=[]),
    dict(id="r-3", name="twin", type="full_access", description="two", rules=[]),
]
RULES = [
    dict(name="default", effect="allow", description="Default rule", actions=[], not_actions=[], ip_ranges=[], not_ip_ranges=[],
         users=[], not_users=[], impersonation_roles=[], not_impersonation_roles=[], date_created="2026-01-01", date_modified=None),
    dict(name="no-imap", effect="deny", description="IMAP", actions=["IMAP"], not_actions=[], ip_ranges=[], not_ip_ranges=["192.0.2.0/24"],
         users=["u-ana", "u-gone"], not_users=[], impersonation_roles=["r-1", "r-2"], not_impersonation_roles=[]),
]
DIRECTORY = dict(
    users=[
        dict(name="ana", email="ana@example.com", enabled=True, first_name="Ana", last_name="Lima", display_name="Ana Lima",
             job_title="CFO", department="Finance", office="3.14", telephone="+351 1", street="Rua 1", city="Lisbon",
             zip_code="1100", country="Portugal", groups=["finance"], aliases=["a@example.com"]),
        dict(name="ben", email="Ben@example.com", enabled=True, display_name='Ben, the "builder"', groups=[], aliases=[]),
        dict(name="cleo", enabled=False, groups=[], aliases=[]),
    ],
    groups=[
        dict(name="finance", email="finance@example.com", enabled=True, hidden_from_global_address_list=False, groups=["staff"],
             aliases=["accounts@example.com"]),
        dict(name="old", enabled=False, hidden_from_global_address_list=False, groups=[], aliases=[]),
    ],
)
RETENTION = dict(name="keep", folders=dict(inbox=dict(action="none")))


def gathered(**changes):
    result = dict(organization=ORGANIZATION, mail_domains=DOMAINS, impersonation_roles=ROLES, access_control_rules=RULES,
                  retention_policy=RETENTION, directory=DIRECTORY, users=[dict(id="u-ana", name="ana", aliases=[])])
    result.update(changes)
    return result


def rows(text):
    assert text.endswith("\r\n")
    return list(csv.reader(io.StringIO(text)))


def test_baseline_vars_name_users_and_roles_and_leave_out_what_the_modules_do_not_take():
    baseline = exit_inventory(gathered())["baseline"]

    assert baseline["baseline_organization"] == {"alias": "example-corp", "tags": {"team": "mail"}}
    # The default first; the test domain only when it is the default.
    assert baseline["baseline_mail_domains"] == [{"name": "example.com", "default": True}, {"name": "example.org"}]
    assert baseline["baseline_impersonation_roles"][0] == {
        "name": "archiver", "type": "read_only", "rules": [{"name": "all", "effect": "allow", "not_target_users": ["ana"]}]}
    assert baseline["baseline_access_control_rules"] == [
        {"name": "default", "effect": "allow", "description": "Default rule"},
        # A user the inventory could not name stays an ID, and so does a role whose name two roles share.
        {"name": "no-imap", "effect": "deny", "description": "IMAP", "actions": ["IMAP"], "not_ip_ranges": ["192.0.2.0/24"],
         "users": ["ana", "u-gone"], "impersonation_roles": ["archiver", "r-2"]},
    ]
    assert baseline["baseline_retention_policy"] == RETENTION


def test_the_test_domain_is_listed_when_it_is_the_default():
    domains = [dict(DOMAINS[0], default=True), dict(DOMAINS[2], default=False)]
    baseline = exit_inventory(gathered(mail_domains=domains))["baseline"]
    assert baseline["baseline_mail_domains"] == [{"name": "example-corp.awsapps.com", "default": True}, {"name": "example.com"}]


def test_onboarding_and_directory_vars():
    files = exit_inventory(gathered())

    assert files["onboarding"] == {
        "onboarding_organization": "example-corp",
        "onboarding_default_domain": "example.com",
        # The role's groups take neither aliases nor parent groups.
        "onboarding_groups": [
            {"name": "finance", "email": "finance@example.com", "enabled": True, "hidden_from_global_address_list": False},
            {"name": "old", "enabled": False, "hidden_from_global_address_list": False},
        ],
        "onboarding_users": DIRECTORY["users"],
        "onboarding_resources": [],
        "onboarding_mailbox_permissions": [],
    }
    assert files["directory"] == {"directory_organization": "example-corp", "directory_users": DIRECTORY["users"], "directory_groups": DIRECTORY["groups"]}


RESOURCES = [
    dict(id="r-2", name="projector", type="equipment", description=None, email=None, enabled=False, state="disabled",
         hidden_from_global_address_list=False, booking_options=dict(auto_accept_requests=True, auto_decline_recurring_requests=False,
                                                                     auto_decline_conflicting_requests=True), delegates=[]),
    dict(id="r-1", name="boardroom", type="room", description="12 seats", email="boardroom@example.com", enabled=True, state="enabled",
         hidden_from_global_address_list=False, enabled_date="2026-01-01",
         booking_options=dict(auto_accept_requests=False, auto_decline_recurring_requests=True, auto_decline_conflicting_requests=True),
         delegates=[dict(id="u-ben", name="ben", type="user"), dict(id="g-1", name="finance", type="group")]),
]
PERMISSIONS = [
    dict(entity="finance", grants=[dict(grantee="ana", permissions=["full_access", "send_as"]), dict(grantee="ben", permissions=["send_as"])]),
    dict(entity="ana", grants=[dict(grantee="ben", permissions=["send_on_behalf"])]),
]


def test_onboarding_vars_with_resources_and_mailbox_permissions():
    onboarding = exit_inventory(gathered(resources=RESOURCES, mailbox_permissions=PERMISSIONS))["onboarding"]

    # By name, sorted; the options the resource module takes (no ID, state or dates), delegates by name.
    assert onboarding["onboarding_resources"] == [
        {"name": "boardroom", "type": "room", "description": "12 seats", "email": "boardroom@example.com", "enabled": True,
         "hidden_from_global_address_list": False,
         "booking_options": {"auto_accept_requests": False, "auto_decline_recurring_requests": True, "auto_decline_conflicting_requests": True},
         "delegates": ["ben", "finance"]},
        # A disabled resource holds no address; no delegates is written as none, for the exact state.
        {"name": "projector", "type": "equipment", "enabled": False, "hidden_from_global_address_list": False,
         "booking_options": {"auto_accept_requests": True, "auto_decline_recurring_requests": False, "auto_decline_conflicting_requests": True},
         "delegates": []},
    ]
    assert onboarding["onboarding_mailbox_permissions"] == [PERMISSIONS[1], PERMISSIONS[0]]
    # Without them (an organization that has none), both are empty.
    assert exit_inventory(gathered())["onboarding"]["onboarding_resources"] == []
    assert exit_inventory(gathered())["onboarding"]["onboarding_mailbox_permissions"] == []


def test_dns_records_default_first_test_domain_without_records():
    domains = exit_inventory(gathered())["dns_records"]["exit_mail_domains"]

    assert [d["name"] for d in domains] == ["example.com", "example-corp.awsapps.com", "example.org"]
    assert domains[0]["records"] == DOMAINS[2]["records"] and domains[0]["default"] is True
    assert domains[1]["test_domain"] is True and domains[1]["records"] == []


def test_referenced_user_ids():
    assert referenced_user_ids(ROLES, RULES) == ["u-ana", "u-gone"]


@pytest.mark.parametrize("changes, message", [
    (dict(organization={}), "exit_inventory: organization: an organization with an alias is needed (the organization_info result)"),
    (dict(directory=None), "exit_inventory: directory: the directory_info result is needed (a dictionary with users and groups lists)"),
    (dict(resources=[dict(type="room")]), "exit_inventory: resources: the resource_info result is needed (a list of resources, with include_delegates)"),
    (dict(mailbox_permissions=dict(entity="ana")),
     "exit_inventory: mailbox_permissions: the mailbox_permission_info result is needed (a list of {entity, grants})"),
])
def test_bad_input(changes, message):
    with pytest.raises(AnsibleFilterError) as raised:
        exit_inventory(gathered(**changes))
    assert str(raised.value) == message


def test_microsoft_365_csv():
    lines = rows(people_csv(DIRECTORY["users"], "microsoft365"))

    assert tuple(lines[0]) == MICROSOFT_365_COLUMNS
    # Enabled people with an address only, sorted by address; commas and quotes survive.
    assert lines[1:] == [
        ["ana@example.com", "Ana", "Lima", "Ana Lima", "CFO", "Finance", "3.14", "+351 1", "", "", "", "Rua 1", "Lisbon", "", "1100", "Portugal"],
        ["Ben@example.com", "", "", 'Ben, the "builder"', "", "", "", "", "", "", "", "", "", "", "", ""],
    ]


def test_google_workspace_csv_has_no_password_and_the_org_unit():
    lines = rows(people_csv(DIRECTORY["users"], "google_workspace", org_unit_path="/Staff"))

    assert tuple(lines[0]) == GOOGLE_WORKSPACE_COLUMNS
    ana = dict(zip(lines[0], lines[1]))
    assert ana["First Name [Required]"] == "Ana" and ana["Last Name [Required]"] == "Lima"
    assert ana["Email Address [Required]"] == "ana@example.com"
    assert ana["Password [Required]"] == "" and ana["Password Hash Function [UPLOAD ONLY]"] == ""
    assert ana["Org Unit Path [Required]"] == "/Staff"
    assert ana["Work Address"] == "Rua 1, 1100 Lisbon, Portugal"
    assert ana["Change Password at Next Sign-In"] == "True"
    ben = dict(zip(lines[0], lines[2]))
    # No first name: the display name stands in; Google needs a last name WorkMail does not have.
    assert ben["First Name [Required]"] == 'Ben, the "builder"' and ben["Last Name [Required]"] == ""


@pytest.mark.parametrize("args, message", [
    (([], "outlook"), "people_csv: template: 'outlook' is not one of microsoft365, google_workspace"),
    (("ana", "microsoft365"), "people_csv: the input must be a list of users (the directory_info users)"),
    (([], "google_workspace", "Staff"), "people_csv: org_unit_path: 'Staff' is not an organizational unit path; it starts with / (/ alone is the top level)"),
])
def test_people_csv_bad_input(args, message):
    with pytest.raises(AnsibleFilterError) as raised:
        people_csv(*args)
    assert str(raised.value) == message


def export(entity, state="completed", key=None, error=None):
    return dict(entity=entity, entity_id="id-" + entity, job_id="j-" + entity, state=state, error=error,
                s3_path="bucket/exports/{0}.zip".format(key or entity) if state == "completed" else None)


def found(entity, size):
    return dict(item=export(entity), object_info=[dict(object_data=dict(content_length=size))], failed=False)


def test_every_mailbox_is_reported_and_none_skipped():
    exports = [export("ana"), export("ben"), export("cleo", state="failed", error="Access denied"), export("dan", state="running"),
               export("eve")]
    checks = [found("ana", 1234), found("ben", 0), dict(item=export("eve"), failed=True, msg="Object does not exist")]
    expected = [dict(name="ana", email="ana@example.com"), dict(name="Ben"), "cleo", dict(name="fay", email="fay@example.com")]

    report = exit_report(exports, checks=checks, expected=expected)

    assert report["lines"] == [
        "ana: completed, s3://bucket/exports/ana.zip, 1234 bytes",
        "ben: completed, s3://bucket/exports/ben.zip, 0 bytes",
        "cleo: NOT EXPORTED (failed: Access denied)",
        "dan: NOT EXPORTED (running)",
        "eve: NOT EXPORTED (the object s3://bucket/exports/eve.zip is not in the bucket: Object does not exist)",
        "fay: NOT EXPORTED (no export job was reported for it)",
    ]
    assert [m["size"] for m in report["mailboxes"]] == [1234, 0, None, None, None]
    assert [n["entity"] for n in report["not_exported"]] == ["cleo", "dan", "eve", "fay"]
    assert report["problems"][0] == "cleo (failed: Access denied)"


def test_a_completed_export_whose_object_was_not_checked_is_not_exported():
    report = exit_report([export("ana")])
    assert report["not_exported"] == [{"entity": "ana", "reason": "the object s3://bucket/exports/ana.zip is not in the bucket"}]


def test_a_task_that_failed_as_a_whole_names_every_expected_mailbox():
    report = exit_report([], expected=["ana", "ben"], error="s3_bucket: 'Bad' is not valid")
    assert report["problems"] == ["ana (no export job: s3_bucket: 'Bad' is not valid)", "ben (no export job: s3_bucket: 'Bad' is not valid)"]
    assert exit_report([], error="boom")["problems"] == ["every mailbox (boom)"]


def test_exit_report_bad_input():
    with pytest.raises(AnsibleFilterError) as raised:
        exit_report("ana")
    assert str(raised.value) == "exit_report: the input must be the list of exports that mailops.workmail.mailbox_export returns"
