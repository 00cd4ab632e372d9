# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import organization
from ansible_collections.mailops.workmail.plugins.modules import organization_info


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def test_create_tag_rerun_and_info(run_module, workmail_client):
    created = run_module(organization, dict(alias="acme", tags={"team": "it"}), diff=True)

    assert created["changed"] is True
    org = created["organization"]
    assert (org["state"], org["default_mail_domain"], org["tags"]) == ("Active", "acme.awsapps.com", {"team": "it"})
    assert workmail_client.describe_organization(OrganizationId=org["id"])["State"] == "Active"
    assert created["diff"]["before"] == {}

    workmail_emulator.clear_calls()
    assert run_module(organization, dict(alias="acme", tags={"team": "it"}))["changed"] is False
    assert writes() == []

    retagged = run_module(organization, dict(alias="acme", tags={"owner": "ops"}), diff=True)
    assert retagged["organization"]["tags"] == {"owner": "ops"}
    assert retagged["diff"]["before"]["tags"] == {"team": "it"}
    kept = run_module(organization, dict(alias="acme", tags={"team": "x"}, purge_tags=False))
    assert kept["organization"]["tags"] == {"owner": "ops", "team": "x"}

    found = run_module(organization_info, dict(alias="acme"))
    assert found["organizations"] == [kept["organization"]]
    assert [o["alias"] for o in run_module(organization_info, {})["organizations"]] == ["acme"]


def test_check_mode_predicts_a_new_organization(run_module, workmail_client):
    result = run_module(organization, dict(alias="acme"), check_mode=True, diff=True)

    assert result["changed"] is True
    assert result["organization"]["id"] is None
    assert result["organization"]["default_mail_domain"] == "acme.awsapps.com"
    assert writes() == []
    assert workmail_client.list_organizations()["OrganizationSummaries"] == []


def test_create_only_options_that_differ_fail_clearly(run_module):
    run_module(organization, dict(alias="acme"))

    result = run_module(organization, dict(alias="acme", enable_interoperability=True))
    domains = run_module(organization, dict(alias="acme", domains=[{"domain_name": "example.com"}]))

    assert result.failed
    assert result["msg"] == "enable_interoperability: can only be set when the organization is created; it differs from the existing organization"
    assert domains.failed
    assert domains["msg"].startswith("domains: is only used when the organization is created; example.com is not registered")


def test_domains_at_creation(run_module, workmail_client):
    created = run_module(organization, dict(alias="acme", domains=[{"domain_name": "example.com"}]))

    names = [d["DomainName"] for d in workmail_client.list_mail_domains(OrganizationId=created["organization"]["id"])["MailDomains"]]
    assert sorted(names) == ["acme.awsapps.com", "example.com"]
    assert run_module(organization, dict(alias="acme", domains=[{"domain_name": "example.com"}]))["changed"] is False
    # The trailing dot DNS tools print, and another case, name the same domain.
    assert run_module(organization, dict(alias="acme", domains=[{"domain_name": "Example.com."}]))["changed"] is False


def test_domains_are_normalised_and_checked_before_creation(run_module, workmail_client):
    created = run_module(organization, dict(alias="acme", domains=[{"domain_name": "Example.COM."}]))
    names = [d["DomainName"] for d in workmail_client.list_mail_domains(OrganizationId=created["organization"]["id"])["MailDomains"]]
    assert sorted(names) == ["acme.awsapps.com", "example.com"]

    workmail_emulator.clear_calls()
    refused = run_module(organization, dict(alias="other", domains=[{"domain_name": "b" * 64 + ".example.net"}]))
    assert refused.failed
    assert refused["msg"].startswith("domains[0].domain_name: '{0}.example.net' has a label of 64 characters".format("b" * 64))
    assert writes() == []


def test_delete_waits_for_deleted(run_module, workmail_client):
    created = run_module(organization, dict(alias="acme"))
    workmail_emulator.clear_calls()

    deleted = run_module(organization, dict(alias="acme", state="absent", delete_directory=True))

    assert deleted["changed"] is True
    assert writes() == ["DeleteOrganization"]
    request = [c for c in workmail_emulator.calls() if c["operation"] == "DeleteOrganization"][0]["request"]
    assert (request["DeleteDirectory"], request["ForceDelete"]) == (True, False)
    states = [o["State"] for o in workmail_client.list_organizations()["OrganizationSummaries"] if o["OrganizationId"] == created["organization"]["id"]]
    assert states in ([], ["Deleted"])
    assert run_module(organization, dict(alias="acme", state="absent"))["changed"] is False


def test_bad_alias_names_the_option(run_module):
    result = run_module(organization, dict(alias="d-not-allowed"))

    assert result.failed
    assert result["msg"].startswith(
        "alias: 'd-not-allowed' is not valid: it must use letters and digits in groups joined by single hyphens, not starting with 'd-'"
    )
    assert writes() == []
