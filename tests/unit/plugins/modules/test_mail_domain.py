# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import workmail_emulator

from ansible_collections.mailops.workmail.plugins.modules import mail_domain
from ansible_collections.mailops.workmail.plugins.modules import mail_domain_info


def writes():
    return [c["operation"] for c in workmail_emulator.calls() if workmail_emulator.is_write(c["operation"])]


def domain(**extra):
    return dict(dict(organization="example-corp", name="Example.COM"), **extra)


def test_register_default_and_records(run_module, workmail_client, workmail_org):
    workmail_emulator.clear_calls()
    result = run_module(mail_domain, domain(default=True), diff=True)

    assert result["changed"] is True
    assert writes() == ["RegisterMailDomain", "UpdateDefaultMailDomain"]
    assert result["mail_domain"]["name"] == "example.com"
    assert result["mail_domain"]["default"] is True
    assert {r["type"] for r in result["mail_domain"]["records"]} >= {"MX", "TXT", "CNAME"}
    assert all(set(r) == {"type", "hostname", "value"} for r in result["mail_domain"]["records"])
    assert workmail_client.describe_organization(OrganizationId=workmail_org)["DefaultMailDomain"] == "example.com"

    workmail_emulator.clear_calls()
    assert run_module(mail_domain, domain(default=True))["changed"] is False
    assert writes() == []

    listed = run_module(mail_domain_info, dict(organization="example-corp"))
    assert sorted(d["name"] for d in listed["mail_domains"]) == ["example-corp.awsapps.com", "example.com"]


def test_pending_domain_cannot_become_default_until_verified(run_module, workmail_client, workmail_org):
    workmail_emulator.configure(domain_verification_delay=3600)

    result = run_module(mail_domain, domain(default=True))

    assert result.failed
    assert result["msg"].startswith("default: example.com is not verified yet")
    stored = workmail_client.get_mail_domain(OrganizationId=workmail_org, DomainName="example.com")
    assert stored["OwnershipVerificationStatus"] == "PENDING"
    assert stored["IsDefault"] is False


def test_undefault_and_removing_the_default_fail_clearly(run_module, workmail_org):
    run_module(mail_domain, domain(default=True))

    undefault = run_module(mail_domain, domain(default=False))
    remove = run_module(mail_domain, domain(state="absent"))

    planned = run_module(mail_domain, domain(state="absent"), check_mode=True)
    test_domain = run_module(mail_domain, domain(name="example-corp.awsapps.com", state="absent"), check_mode=True)

    assert undefault["msg"].startswith("default: example.com is the default domain; make another domain the default")
    assert remove["msg"] == planned["msg"] == "name: example.com is the default domain; make another domain the default before removing it"
    assert test_domain["msg"] == "name: example-corp.awsapps.com is the organization's test domain, which cannot be deregistered"


def test_deregister_lists_who_still_uses_it(run_module, workmail_client, workmail_org):
    run_module(mail_domain, domain())
    user_id = workmail_client.create_user(OrganizationId=workmail_org, Name="jdoe", DisplayName="Jane")["UserId"]
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=user_id, Email="jane@example.com")

    workmail_emulator.clear_calls()

    result = run_module(mail_domain, domain(state="absent"))
    planned = run_module(mail_domain, domain(state="absent"), check_mode=True)

    assert result.failed
    assert result["error_code"] == "MailDomainInUseException"
    assert result["msg"].startswith("name: example.com is still in use by: user jdoe <jane@example.com>.")
    assert planned["msg"] == result["msg"]
    # Checked before DeregisterMailDomain is sent, not learnt from its failure.
    assert writes() == []


def test_check_mode_and_removal(run_module, workmail_client, workmail_org):
    workmail_emulator.clear_calls()
    planned = run_module(mail_domain, domain(), check_mode=True, diff=True)
    assert planned["changed"] is True
    assert planned["mail_domain"]["ownership_verification_status"] == "PENDING"
    assert writes() == []

    run_module(mail_domain, domain())
    removed = run_module(mail_domain, domain(state="absent"))
    assert removed["changed"] is True
    names = [d["DomainName"] for d in workmail_client.list_mail_domains(OrganizationId=workmail_org)["MailDomains"]]
    assert names == ["example-corp.awsapps.com"]


def test_a_trailing_dot_and_another_case_name_the_same_domain(run_module, workmail_client, workmail_org):
    run_module(mail_domain, domain())
    workmail_emulator.clear_calls()

    again = run_module(mail_domain, domain(name="EXAMPLE.com."))
    found = run_module(mail_domain_info, dict(organization="example-corp", name="example.com."))

    assert again["changed"] is False
    assert again["mail_domain"]["name"] == "example.com"
    assert writes() == []
    names = [d["DomainName"] for d in workmail_client.list_mail_domains(OrganizationId=workmail_org)["MailDomains"]]
    assert sorted(names) == ["example-corp.awsapps.com", "example.com"]
    assert [d["name"] for d in found["mail_domains"]] == ["example.com"]


def test_a_label_longer_than_dns_allows_fails_before_any_write(run_module, workmail_client, workmail_org):
    workmail_emulator.clear_calls()
    name = "a" * 70 + ".example.com"

    result = run_module(mail_domain, domain(name=name))
    info = run_module(mail_domain_info, dict(organization="example-corp", name="x..example.com"))

    assert result.failed
    assert result["msg"] == "name: '{0}' has a label of 70 characters (aaaaaaaaaaaa...); DNS labels hold at most 63".format(name)
    assert info["msg"] == "name: 'x..example.com' has an empty label (two dots in a row, or a dot at the start)"
    assert writes() == []


NOT_VERIFIED = (
    "default: example.com is not verified yet, so it cannot be the default domain. Publish its DNS records "
    "(returned as records) and rerun, or set wait_for_verification: true."
)


def test_check_mode_does_not_plan_a_pending_domain_as_the_default(run_module, workmail_client, workmail_org):
    workmail_emulator.configure(domain_verification_delay=3600)
    workmail_emulator.clear_calls()

    new = run_module(mail_domain, domain(default=True), check_mode=True, diff=True)
    waited = run_module(mail_domain, domain(default=True, wait_for_verification=True), check_mode=True)

    assert new["changed"] is True
    assert new["mail_domain"]["default"] is False
    assert new["diff"]["after"]["default"] is False
    assert new.warnings == [NOT_VERIFIED]
    # With wait_for_verification the run waits for the domain, so the plan may promise it.
    assert waited["mail_domain"]["default"] is True
    assert waited.warnings == []
    assert writes() == []

    run_module(mail_domain, domain())
    workmail_emulator.clear_calls()
    pending = run_module(mail_domain, domain(default=True), check_mode=True)
    applied = run_module(mail_domain, domain(default=True))

    assert pending["changed"] is False
    assert pending["mail_domain"]["default"] is False
    assert pending.warnings == [NOT_VERIFIED]
    # The real run refuses the same, before any write.
    assert applied.failed
    assert applied["msg"] == NOT_VERIFIED
    assert writes() == []
    assert workmail_client.describe_organization(OrganizationId=workmail_org)["DefaultMailDomain"] == "example-corp.awsapps.com"
