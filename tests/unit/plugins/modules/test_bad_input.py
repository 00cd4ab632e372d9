# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Bad input, for every module: refused before any write, with a message that names the option.

One row per bad input: the module, the options that differ from the module's valid baseline
(``BASE``; ``OMIT`` leaves one out), and the exact message. Each row runs the module's main() in
process against the organization ``seed`` makes, and must fail with that message and leave no write
call in the emulator's call log. The rows cover malformed values, values too long, out of range or
of the wrong type, unknown references, conflicting options, and values the service would only
refuse part way through a change.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections
import importlib
import os

import boto3
import moto
import pytest

import workmail_emulator
from workmail_emulator.pytest_plugin import FAKE_ENVIRONMENT
from workmail_emulator.pytest_plugin import REGION

OMIT = object()
PASSWORD = "Corr3ct-Horse-Battery"

# A valid task for each module; a row changes what makes it bad.
BASE = {
    "access_control_rule": dict(name="block-imap", effect="deny", actions=["IMAP"]),
    "access_control_rule_info": dict(ip_address="192.0.2.1", action="IMAP", user="jdoe"),
    "alias": dict(entity="jdoe", aliases=["jane@example.com"]),
    "directory": dict(users=[dict(name="eve", email="eve@example.com")]),
    "directory_info": dict(),
    "group": dict(name="newgroup", email="newgroup@example.com"),
    "group_info": dict(),
    "group_membership": dict(groups=["finance"], members=["jdoe"]),
    "impersonation_role": dict(name="helpdesk", type="read_only", rules=[dict(name="all", effect="allow")]),
    "impersonation_role_info": dict(),
    "mailbox_permission": dict(entity="jdoe", grants=[dict(grantee="omar", permissions=["full_access"])]),
    "mailbox_permission_info": dict(entity="jdoe"),
    "mail_domain": dict(name="new.example.org"),
    "mail_domain_info": dict(),
    "mobile_device_access_override": dict(user="jdoe", device_id="ApplC39XK2Q1N72J", effect="deny"),
    "mobile_device_access_override_info": dict(),
    "mobile_device_access_rule": dict(name="no-android", effect="deny", device_types=["Android"]),
    "mobile_device_access_rule_info": dict(),
    "organization": dict(alias="neworg"),
    "organization_info": dict(),
    "resource": dict(name="newroom", type="room", email="newroom@example.com"),
    "resource_delegate": dict(resource="boardroom", delegates=["jdoe"]),
    "resource_info": dict(),
    "retention_policy": dict(name="keep-mail", folders=dict(deleted_items=dict(action="delete", period=30))),
    "retention_policy_info": dict(),
    "user": dict(name="newbie", email="newbie@example.com"),
    "user_info": dict(),
    "identity_provider": dict(authentication_mode="identity_provider_only",
                              identity_center=dict(instance_arn="arn:aws:sso:::instance/ssoins-1234567890abcdef", application_name="workmail"),
                              personal_access_tokens=dict(enabled=True, lifetime_in_days=30)),
    "identity_provider_info": dict(),
    "personal_access_token": dict(user="jdoe", state="absent"),
    "personal_access_token_info": dict(user="jdoe"),
}
ORGANIZATION_OPTION = "example-corp"
WITHOUT_ORGANIZATION_OPTION = ("organization", "organization_info")

NO_ORGANIZATION = "organization: no live organization has the ID or alias 'no-such-org' in this account and region"
PASSWORD_POLICY = (
    "WorkMail asks for 8 to 63 characters from at least 3 of these groups: uppercase letters, lowercase letters, digits, "
    "special characters (such as ! or ~) and Latin-1 letters and symbols (such as \u00e9 or \u00f1)"
)
EMAIL_HINT = "it must be an email address such as jane.doe@example.com"
USER_NAME_HINT = (
    "it must use letters, digits, '_', '-' and '.' only, optionally followed by @ and a domain (like jdoe or jdoe@example.com); no spaces"
)
LATIN1_HINT = (
    "it must use Latin-1 characters only (letters, digits, spaces and symbols of Western European languages; no line breaks, "
    "tabs, emoji or other scripts)"
)
REFERENCE_HINT = "it must be a name, email address or ID: letters, digits and . _ % + @ - only, no spaces"
DOMAIN_HINT = "it must be a domain name such as example.com (letters, digits, '.' and '-' only)"
ALIAS_HINT = "it must use letters and digits in groups joined by single hyphens, not starting with 'd-' (like example-corp)"
ACTIONS = "ActiveSync, AutoDiscover, EWS, IMAP, SMTP, WindowsOutlook, WebMail"
NOT_VERIFIED = (
    "pending.example.com is not verified yet, so it cannot be the default domain. Publish its DNS records (returned as records) "
    "and rerun, or set wait_for_verification: true."
)
USER_KEYS = (
    "name, email, enabled, display_name, first_name, last_name, initials, telephone, street, job_title, city, company, zip_code, "
    "department, country, office, hidden_from_global_address_list, role, identity_provider_user_id, password, update_password, "
    "mailbox_quota, groups and aliases (name is required)"
)
# The module reads; it takes nothing but the organization and the connection. (In process the module is named
# after the file that runs it, basic.py.)
RETENTION_INFO_UNSUPPORTED = (
    "Unsupported parameters for (basic.py) module: {0}. Supported parameters include: access_key, aws_ca_bundle, aws_config, "
    "debug_botocore_endpoint_logs, endpoint_url, organization, profile, region, secret_key, session_token, validate_certs "
    "(aws_access_key, aws_access_key_id, aws_endpoint_url, aws_profile, aws_region, aws_secret_access_key, aws_secret_key, aws_session_token)."
)
RULE_KEYS = "name, effect, description, target_users and not_target_users (name and effect are required)"


def failed(count, problems, made=False):
    """The directory module's message when ``count`` changes fail."""
    return "{0} of the changes failed ({1}): {2}".format(count, "the others were made" if made else "nothing else was changed", "; ".join(problems))


def twins(seed, option):
    return "{0}: 2 impersonation roles are named 'twins'; give the ID of the one you mean ({1})".format(option, ", ".join(seed["twins"]))


CASES = collections.OrderedDict()


def bad(module, case, args, message, setup=None, check_mode=False):
    """A row of the matrix: ``module`` with BASE[module] changed by ``args`` must fail with ``message``
    (a string, or a function of the seed) before any write. ``setup(client, seed)`` prepares more."""
    CASES["{0}: {1}".format(module, case)] = (module, args, message, setup, check_mode)


# -- setups beyond the seed -----------------------------------------------------------------------

def example_is_default(client, seed):
    client.update_default_mail_domain(OrganizationId=seed["org"], DomainName="example.com")


def ten_rules(client, seed):
    for index in range(9):
        client.put_access_control_rule(OrganizationId=seed["org"], Name="rule{0}".format(index), Effect="ALLOW", Description="d")


def a_policy(client, seed):
    client.put_retention_policy(OrganizationId=seed["org"], Name="keep-mail", FolderConfigurations=[
        dict(Name="INBOX", Action="NONE")])


# -- user -----------------------------------------------------------------------------------------

bad("user", "email malformed", dict(email="not-an-address"), "email: 'not-an-address' is not valid: " + EMAIL_HINT)
bad("user", "name with a space", dict(name="jane doe"), "name: 'jane doe' is not valid: " + USER_NAME_HINT)
bad("user", "name too long", dict(name="j" * 65), "name: must have at most 64 characters")
bad("user", "name empty", dict(name=""), "name: must have at least 1 character")
bad("user", "display_name too long", dict(display_name="x" * 257), "display_name: must have at most 256 characters")
bad("user", "telephone too long", dict(telephone="1" * 257), "telephone: must have at most 256 characters")
bad("user", "mailbox_quota zero", dict(mailbox_quota=0), "mailbox_quota: 0 is less than the minimum 1")
bad("user", "mailbox_quota above 50 GB", dict(mailbox_quota=102400),
    "mailbox_quota: 102400 is more than 51200: a WorkMail mailbox holds at most 50 GB (51200 MB), which is also the default quota")
bad("user", "mailbox_quota a word", dict(mailbox_quota="lots"), "mailbox_quota: must be a whole number; got 'lots'")
bad("user", "mailbox_quota a boolean", dict(mailbox_quota=True), "mailbox_quota: must be a whole number; got true or false")
bad("user", "enabled a word", dict(enabled="maybe"), "enabled: must be true or false; got 'maybe'")
bad("user", "first_name a dictionary", dict(first_name=dict(given="Jane")), "first_name: must be a string; got a dictionary")
bad("user", "password a list", dict(password=[PASSWORD]), "password: must be a string; got a list")
bad("user", "role the service sets itself", dict(role="system_user"), "value of role must be one of: user, remote_user, got: system_user")
bad("user", "update_password unknown", dict(update_password="sometimes"), "value of update_password must be one of: on_create, always, got: sometimes")
bad("user", "password too short", dict(password="Sh0rt!"), "password: is too short: " + PASSWORD_POLICY)
bad("user", "password of one kind", dict(password="alllowercase"), "password: does not mix enough kinds of characters: " + PASSWORD_POLICY)
bad("user", "identity_provider_user_id malformed", dict(identity_provider_user_id="not-a-uuid"),
    "identity_provider_user_id: 'not-a-uuid' is not valid: it must be an IAM Identity Center user ID (a UUID such as "
    "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, optionally after 10 hexadecimal digits and '-')")
bad("user", "email on an unknown domain", dict(email="newbie@unknown.example"),
    "email: newbie@unknown.example: unknown.example is not a mail domain of the organization")
bad("user", "email on a pending domain", dict(email="newbie@pending.example.com"),
    "email: newbie@pending.example.com: pending.example.com is not verified yet")
bad("user", "email held by another user", dict(email="omar@example.com"), "email: omar@example.com is already used by user 'omar'")
bad("user", "email held by a group", dict(name="jdoe", email="finance@example.com"), "email: finance@example.com is already used by group 'finance'")
bad("user", "enabled without email", dict(email=OMIT), "email: is required to enable the user 'newbie'")
bad("user", "enable a disabled user without email", dict(name="li", email=OMIT), "email: is required to enable the user 'li'")
bad("user", "mailbox_quota without a mailbox", dict(enabled=False, mailbox_quota=100), "mailbox_quota: needs a mailbox: set it on an enabled user")
bad("user", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("user", "state unknown", dict(state="disabled"), "value of state must be one of: present, absent, got: disabled")

# -- group ----------------------------------------------------------------------------------------

bad("group", "email malformed", dict(email="not-an-address"), "email: 'not-an-address' is not valid: " + EMAIL_HINT)
bad("group", "name too long", dict(name="g" * 257), "name: must have at most 256 characters")
bad("group", "name empty", dict(name=""), "name: must have at least 1 character")
bad("group", "name with an emoji", dict(name="party \u263a"), "name: 'party \u263a' is not valid: " + LATIN1_HINT)
bad("group", "hidden_from_global_address_list a word", dict(hidden_from_global_address_list="maybe"),
    "hidden_from_global_address_list: must be true or false; got 'maybe'")
bad("group", "name a list", dict(name=["finance"]), "name: must be a string; got a list")
bad("group", "enabled without email", dict(email=OMIT), "email: is required to enable the group 'newgroup'")
bad("group", "email on an unknown domain", dict(email="x@unknown.example"),
    "email: x@unknown.example: unknown.example is not a mail domain of the organization")
bad("group", "email on a pending domain", dict(email="team@pending.example.com"), "email: team@pending.example.com: pending.example.com is not verified yet")
bad("group", "email held by a user", dict(email="jdoe@example.com"), "email: jdoe@example.com is already used by user 'jdoe'")
bad("group", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("group", "state unknown", dict(state="gone"), "value of state must be one of: present, absent, got: gone")

# -- group_membership -----------------------------------------------------------------------------

bad("group_membership", "unknown member", dict(members=["jdoe", "ghost"]), "members: not found in organization 'example-corp': ghost")
bad("group_membership", "unknown group", dict(groups=["nogroup"]), "groups: not found in organization 'example-corp': nogroup")
bad("group_membership", "group in itself", dict(members=["finance"]), "members: group 'finance' cannot be a member of itself")
bad("group_membership", "nesting loop", dict(members=["staff"]),
    "members: adding group 'staff' to 'finance' would make 'finance' contain itself (staff contains finance)")
bad("group_membership", "nesting loop in check mode", dict(members=["staff"]),
    "members: adding group 'staff' to 'finance' would make 'finance' contain itself (staff contains finance)", check_mode=True)
bad("group_membership", "empty member", dict(members=["jdoe", ""]), "members: holds an empty entry; give each user or group by name, email address or ID")
bad("group_membership", "empty group", dict(groups=[""]), "groups: holds an empty entry; give each group by name, email address or ID")
bad("group_membership", "member too long", dict(members=["j" * 300]), "members: must have at most 256 characters")
bad("group_membership", "member a dictionary", dict(members=[dict(name="jdoe")]), "members[0]: must be a string; got a dictionary")
bad("group_membership", "state unknown", dict(state="replace"), "value of state must be one of: present, absent, exact, got: replace")
bad("group_membership", "members missing", dict(members=OMIT), "missing required arguments: members")
bad("group_membership", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

# -- alias ----------------------------------------------------------------------------------------

bad("alias", "alias malformed", dict(aliases=["not-an-address"]), "aliases: 'not-an-address' is not valid: " + EMAIL_HINT)
LONG_DOMAIN = ".".join(letter * 55 for letter in "bcde") + ".com"  # 227 characters: an address, not a mail domain (209 at most)
bad("alias", "alias too long", dict(aliases=["jane@" + "a" * 25 + "." + LONG_DOMAIN]), "aliases: must have at most 254 characters")
bad("alias", "alias on a domain longer than any mail domain", dict(aliases=["jane@" + LONG_DOMAIN]),
    "aliases: jane@{0}: {0} is not a mail domain of the organization".format(LONG_DOMAIN))
bad("alias", "alias empty", dict(aliases=[""]), "aliases: must have at least 1 character")
bad("alias", "primary address as alias", dict(aliases=["jdoe@example.com"]), "aliases: jdoe@example.com is the primary address of 'jdoe', not an alias")
bad("alias", "alias held by another user", dict(aliases=["omar@example.com"]), "aliases: omar@example.com is already used by user 'omar'")
bad("alias", "alias on an unknown domain", dict(aliases=["x@unknown.example"]),
    "aliases: x@unknown.example: unknown.example is not a mail domain of the organization")
bad("alias", "alias on a pending domain", dict(aliases=["jane@pending.example.com"]),
    "aliases: jane@pending.example.com: pending.example.com is not verified yet")
bad("alias", "alias of a disabled user", dict(entity="li", aliases=["li@example.com"]), "aliases: 'li' is disabled; enable it before adding aliases")
bad("alias", "unknown entity", dict(entity="ghost"), "entity: not found in organization 'example-corp': ghost")
bad("alias", "empty entity", dict(entity=" "), "entity: is empty; give a user or group by name, email address or ID")
bad("alias", "aliases a dictionary", dict(aliases=[dict(address="jane@example.com")]), "aliases[0]: must be a string; got a dictionary")
bad("alias", "aliases missing", dict(aliases=OMIT), "missing required arguments: aliases")
bad("alias", "state unknown", dict(state="replace"), "value of state must be one of: present, absent, exact, got: replace")
bad("alias", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

# -- mail_domain ----------------------------------------------------------------------------------

bad("mail_domain", "name with a space", dict(name="exa mple.com"), "name: 'exa mple.com' is not valid: " + DOMAIN_HINT)
bad("mail_domain", "name with an underscore", dict(name="ex_ample.com"), "name: 'ex_ample.com' is not valid: " + DOMAIN_HINT)
bad("mail_domain", "empty label", dict(name="a..b.com"), "name: 'a..b.com' has an empty label (two dots in a row, or a dot at the start)")
bad("mail_domain", "label too long", dict(name="b" * 64 + ".com"),
    "name: '{0}.com' has a label of 64 characters (bbbbbbbbbbbb...); DNS labels hold at most 63".format("b" * 64))
bad("mail_domain", "label with edge hyphens", dict(name="-bad-.com"), "name: '-bad-.com' has a label that starts or ends with '-' (-bad-); host names never do")
bad("mail_domain", "name too long", dict(name=("a" * 60 + ".") * 4 + "com"), "name: must have at most 209 characters")
bad("mail_domain", "name too short", dict(name="x"), "name: must have at least 3 characters")
bad("mail_domain", "another test domain", dict(name="other.awsapps.com"),
    "name: other.awsapps.com is under awsapps.com, which holds only WorkMail's test domains (one per organization, "
    "ALIAS.awsapps.com, registered with it); register a domain you own instead")
bad("mail_domain", "deregister the test domain", dict(name="example-corp.awsapps.com", state="absent"),
    "name: example-corp.awsapps.com is the organization's test domain, which cannot be deregistered")
bad("mail_domain", "deregister the default domain", dict(name="example.com", state="absent"),
    "name: example.com is the default domain; make another domain the default before removing it", setup=example_is_default)
bad("mail_domain", "deregister a domain in use", dict(name="example.com", state="absent"),
    "name: example.com is still in use by: user jdoe <jdoe@example.com>, user omar <omar@example.com>, group finance <finance@example.com>, "
    "group staff <staff@example.com>. Move or remove these addresses first (mailops.workmail.user, mailops.workmail.group, "
    "mailops.workmail.alias).")
bad("mail_domain", "undefault the default domain", dict(name="example-corp.awsapps.com", default=False),
    "default: example-corp.awsapps.com is the default domain; make another domain the default instead (default: true on it)")
bad("mail_domain", "default on a pending domain", dict(name="pending.example.com", default=True), "default: " + NOT_VERIFIED)
bad("mail_domain", "wait_timeout negative", dict(wait_for_verification=True, wait_timeout=-5), "wait_timeout: must be 0 or more seconds, got -5")
bad("mail_domain", "default a word", dict(default="maybe"), "default: must be true or false; got 'maybe'")
bad("mail_domain", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

# -- organization ---------------------------------------------------------------------------------

bad("organization", "alias starting with d-", dict(alias="d-not-allowed"), "alias: 'd-not-allowed' is not valid: " + ALIAS_HINT)
bad("organization", "alias with a space", dict(alias="bad alias"), "alias: 'bad alias' is not valid: " + ALIAS_HINT)
bad("organization", "alias too long", dict(alias="a" * 63), "alias: must have at most 62 characters")
bad("organization", "alias empty", dict(alias=""), "alias: must have at least 1 character")
bad("organization", "directory_id malformed", dict(directory_id="d-123"),
    "directory_id: 'd-123' is not valid: it must be a directory ID: d- and 10 lowercase hexadecimal digits (like d-0123456789)")
bad("organization", "kms_key_arn malformed", dict(kms_key_arn="not-an-arn"),
    "kms_key_arn: 'not-an-arn' is not valid: it must be a KMS key ARN such as "
    "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
bad("organization", "interoperability without a directory", dict(enable_interoperability=True),
    "enable_interoperability: needs directory_id: interoperability with Microsoft Exchange works through an AD Connector directory, "
    "which must be given when the organization is created")
bad("organization", "interoperability on an existing organization", dict(alias="example-corp", enable_interoperability=True),
    "enable_interoperability: can only be set when the organization is created; it differs from the existing organization")
bad("organization", "another directory on an existing organization", dict(alias="example-corp", directory_id="d-0123456789"),
    "directory_id: can only be set when the organization is created; it differs from the existing organization")
bad("organization", "domains on an existing organization", dict(alias="example-corp", domains=[dict(domain_name="late.example.com")]),
    "domains: is only used when the organization is created; late.example.com is not registered in the existing organization. "
    "Register mail domains with mailops.workmail.mail_domain.")
bad("organization", "six domains", dict(domains=[dict(domain_name="d{0}.example.com".format(i)) for i in range(6)]), "domains: must have at most 5 items")
bad("organization", "domains a string", dict(domains="example.net"),
    "domains: must be a list of dictionaries with the keys domain_name and hosted_zone_id (domain_name is required), "
    "for example [{domain_name: ...}]; got a string")
bad("organization", "domain without a name", dict(domains=[dict(hosted_zone_id="Z1")]), "missing required arguments: domain_name found in domains")
bad("organization", "hosted_zone_id with a slash", dict(domains=[dict(domain_name="x.example.com", hosted_zone_id="a/b")]),
    "domains[0].hosted_zone_id: 'a/b' is not valid: it must be a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (no '/' or '\\')")
bad("organization", "reserved tag key", dict(tags={"aws:owner": "ops"}), "tags: keys starting with 'aws:' are reserved for AWS: aws:owner")
bad("organization", "tag value too long", dict(tags={"note": "x" * 257}), "tags: must have at most 256 characters")
bad("organization", "tags a list", dict(tags=["team"]), "tags: must be a dictionary of keys and values, for example {key: value}; got a list")
bad("organization", "wait_timeout negative", dict(wait_timeout=-1), "wait_timeout: must be 0 or more seconds, got -1")
bad("organization", "wait a word", dict(wait="soon"), "wait: must be true or false; got 'soon'")

# -- access_control_rule --------------------------------------------------------------------------

bad("access_control_rule", "effect missing on create", dict(effect=OMIT), "effect: is required to create the access control rule 'block-imap'")
bad("access_control_rule", "effect unknown", dict(effect="maybe"), "value of effect must be one of: allow, deny, got: maybe")
bad("access_control_rule", "action unknown", dict(actions=["FTP"]), "actions: 'FTP' is not one of " + ACTIONS)
bad("access_control_rule", "range malformed", dict(ip_ranges=["not-a-range"]),
    "ip_ranges: 'not-a-range' is not an IP address range in CIDR notation (for example 192.0.2.0/24)")
bad("access_control_rule", "range prefix out of range", dict(not_ip_ranges=["10.0.0.0/33"]),
    "not_ip_ranges: '10.0.0.0/33' is not an IP address range in CIDR notation (for example 192.0.2.0/24)")
bad("access_control_rule", "IPv6 range", dict(ip_ranges=["2001:db8::/32"]), "ip_ranges: '2001:db8::/32': WorkMail access control rules take IPv4 ranges only")
bad("access_control_rule", "description empty", dict(description=""),
    "description: cannot be empty: WorkMail requires a description (leave it unset to keep the current one, or the rule name on create)")
bad("access_control_rule", "description too long", dict(description="x" * 256), "description: must have at most 255 characters")
bad("access_control_rule", "description with a tab", dict(description="tab\there"), "description: 'tab\\there' is not valid: " + LATIN1_HINT)
bad("access_control_rule", "name with a space", dict(name="bad name"), "name: 'bad name' is not valid: it must use letters, digits, '_' and '-' only")
bad("access_control_rule", "name too long", dict(name="n" * 65), "name: must have at most 64 characters")
bad("access_control_rule", "unknown user", dict(users=["ghost"]), "users: not found in organization 'example-corp': ghost")
bad("access_control_rule", "eleven users", dict(not_users=["u{0}".format(i) for i in range(11)]), "not_users: must have at most 10 items")
bad("access_control_rule", "empty user", dict(users=[""]), "users: must have at least 1 character")
bad("access_control_rule", "unknown impersonation role", dict(impersonation_roles=["nobody"]),
    "impersonation_roles: no impersonation role has the name or ID 'nobody' in organization 'example-corp'")
bad("access_control_rule", "ambiguous impersonation role", dict(impersonation_roles=["twins"]), lambda seed: twins(seed, "impersonation_roles"))
bad("access_control_rule", "an eleventh rule", dict(), "name: the organization already has 10 access control rules (default, rule0, rule1, rule2, "
    "rule3, rule4, rule5, rule6, rule7, rule8), the most WorkMail allows; remove one (state=absent) before adding 'block-imap'", setup=ten_rules)
bad("access_control_rule", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

# -- impersonation_role ---------------------------------------------------------------------------

bad("impersonation_role", "type missing on create", dict(type=OMIT), "type: is required to create the impersonation role 'helpdesk'")
bad("impersonation_role", "type unknown", dict(type="admin"), "value of type must be one of: full_access, read_only, got: admin")
bad("impersonation_role", "name too long", dict(name="n" * 65), "name: must have at most 64 characters")
bad("impersonation_role", "name empty", dict(name=""), "name: must have at least 1 character")
bad("impersonation_role", "description with <", dict(description="a<b"),
    "description: 'a<b' is not valid: it must not hold '<', '>', '\\', tabs or other control characters (line breaks are fine)")
bad("impersonation_role", "description too long", dict(description="d" * 257), "description: must have at most 256 characters")
bad("impersonation_role", "rules a string", dict(rules="everyone"),
    "rules: must be a list of dictionaries with the keys " + RULE_KEYS + ", for example [{name: ..., effect: ...}]; got a string")
bad("impersonation_role", "rule a string", dict(rules=["all"]),
    "rules[0]: must be a dictionary with the keys " + RULE_KEYS + ", for example {name: ..., effect: ...}; got a string")
bad("impersonation_role", "rule without effect", dict(rules=[dict(name="all")]), "missing required arguments: effect found in rules")
bad("impersonation_role", "rule effect unknown", dict(rules=[dict(name="all", effect="maybe")]),
    "value of effect must be one of: allow, deny, got: maybe found in rules")
bad("impersonation_role", "two rules of one name", dict(rules=[dict(name="a", effect="allow"), dict(name="a", effect="deny")]),
    "rules: two rules are named 'a'; rule names must be unique in a role")
bad("impersonation_role", "eleven rules", dict(rules=[dict(name="r{0}".format(i), effect="allow") for i in range(11)]), "rules: must have at most 10 items")
bad("impersonation_role", "eleven target users", dict(rules=[dict(name="a", effect="allow", target_users=["u{0}".format(i) for i in range(11)])]),
    "rules[a].target_users: must have at most 10 items")
bad("impersonation_role", "unknown target user", dict(rules=[dict(name="a", effect="allow", target_users=["ghost"])]),
    "rules[a].target_users: not found in organization 'example-corp': ghost")
bad("impersonation_role", "disabled target user", dict(rules=[dict(name="a", effect="allow", not_target_users=["li"])]),
    "rules[a].not_target_users: 'li' is disabled; an impersonation rule can only name enabled users")
bad("impersonation_role", "ambiguous name", dict(name="twins"),
    lambda seed: "name: 2 impersonation roles are named 'twins' ({0}); WorkMail allows it, this module cannot tell them apart: "
    "rename or delete all but one".format(", ".join(seed["twins"])))
bad("impersonation_role", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

# -- retention_policy -----------------------------------------------------------------------------

bad("retention_policy", "folders a list", dict(folders=["inbox"]),
    "folders: must be a dictionary with the keys inbox, deleted_items, sent_items, drafts and junk_email, for example {inbox: {action: ...}}; got a list")
bad("retention_policy", "folder a string", dict(folders=dict(inbox="delete")),
    "folders.inbox: must be a dictionary with the keys action and period (action is required), for example {action: ...}; got a string")
bad("retention_policy", "action unknown", dict(folders=dict(inbox=dict(action="shred", period=1))),
    "value of action must be one of: none, delete, permanently_delete, got: shred found in folders -> inbox")
bad("retention_policy", "action missing", dict(folders=dict(inbox=dict(period=3))), "missing required arguments: action found in folders -> inbox")
bad("retention_policy", "period missing", dict(folders=dict(inbox=dict(action="delete"))), "folders.inbox.period: is required when the action is delete")
bad("retention_policy", "period with none", dict(folders=dict(inbox=dict(action="none", period=3))),
    "folders.inbox.period: applies only when the action is delete or permanently_delete")
bad("retention_policy", "period zero", dict(folders=dict(inbox=dict(action="delete", period=0))), "folders.inbox.period: 0 is less than the minimum 1")
bad("retention_policy", "period above two years", dict(folders=dict(junk_email=dict(action="delete", period=731))),
    "folders.junk_email.period: 731 is more than the maximum 730")
bad("retention_policy", "period a word", dict(folders=dict(inbox=dict(action="delete", period="month"))),
    "folders.inbox.period: must be a whole number; got 'month'")
bad("retention_policy", "name missing", dict(name=OMIT), "state is present but all of the following are missing: name")
bad("retention_policy", "name empty", dict(name=""), "name: is required to create the retention policy")
bad("retention_policy", "name with a space", dict(name="keep mail"), "name: 'keep mail' is not valid: it must use letters, digits, '_' and '-' only")
bad("retention_policy", "rename to a bad name", dict(name="keep mail", folders=OMIT),
    "name: 'keep mail' is not valid: it must use letters, digits, '_' and '-' only", setup=a_policy)
bad("retention_policy", "name too long", dict(name="n" * 65), "name: must have at most 64 characters")
bad("retention_policy", "description too long", dict(description="d" * 257), "description: must have at most 256 characters")
bad("retention_policy", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

# -- directory ------------------------------------------------------------------------------------
# An entry that fails is reported in ``changes`` and fails the task, naming it; these entries are the
# only ones, so nothing at all may be written.

bad("directory", "workers zero", dict(workers=0), "workers: must be 1 or more, got 0")
bad("directory", "workers a word", dict(workers="many"), "workers: must be a whole number; got 'many'")
bad("directory", "max_unlisted negative", dict(state="exact", unlisted="disable", max_unlisted=-1), "max_unlisted: must be 0 or more, got -1")
bad("directory", "unlisted without exact", dict(unlisted="disable"), "unlisted: applies to state=exact only; with state=present unlisted users are always kept")
bad("directory", "unlisted guard", dict(state="exact", unlisted="delete", max_unlisted=1),
    "max_unlisted: unlisted=delete would delete 3 users, more than max_unlisted=1: jdoe, li, omar. Nothing was changed; list them, "
    "protect them, or raise max_unlisted.")
bad("directory", "users a string", dict(users="eve"),
    "users: must be a list of dictionaries with the keys " + USER_KEYS + ", for example [{name: ...}]; got a string")
bad("directory", "a user a string", dict(users=["eve"]),
    "users[0]: must be a dictionary with the keys " + USER_KEYS + ", for example {name: ...}; got a string")
bad("directory", "a user without name", dict(users=[dict(email="eve@example.com")]), "missing required arguments: name found in users")
bad("directory", "mailbox_quota a word", dict(users=[dict(name="eve", email="eve@example.com", mailbox_quota="lots")]),
    "users[0].mailbox_quota: must be a whole number; got 'lots'")
bad("directory", "role the service sets itself", dict(users=[dict(name="eve", email="eve@example.com", role="system_user")]),
    "value of role must be one of: user, remote_user, got: system_user found in users")
bad("directory", "email malformed", dict(users=[dict(name="eve", email="not-an-address")]),
    failed(1, ["user 'eve' (users[0]): email: 'not-an-address' is not valid: " + EMAIL_HINT]))
bad("directory", "alias malformed", dict(users=[dict(name="eve", email="eve@example.com", aliases=["bad"])]),
    failed(1, ["user 'eve' (users[0]): aliases: 'bad' is not valid: " + EMAIL_HINT]))
bad("directory", "name with a space", dict(users=[dict(name="jane doe", email="jane@example.com")]),
    failed(1, ["user 'jane doe' (users[0]): name: 'jane doe' is not valid: " + USER_NAME_HINT]))
bad("directory", "password too short", dict(users=[dict(name="eve", email="eve@example.com", password="Sh0rt!")]),
    failed(1, ["user 'eve' (users[0]): password: is too short: " + PASSWORD_POLICY]))
bad("directory", "mailbox_quota above 50 GB", dict(users=[dict(name="eve", email="eve@example.com", mailbox_quota=102400)]),
    failed(1, ["user 'eve' (users[0]): mailbox_quota: 102400 is more than 51200: a WorkMail mailbox holds at most 50 GB (51200 MB), "
               "which is also the default quota"]))
bad("directory", "a name listed twice", dict(users=[dict(name="eve", email="eve@example.com"), dict(name="EVE", email="eve2@example.com")]),
    failed(2, ["user 'eve' (users[0]): name: 'eve' is listed 2 times (user 'eve' (users[0]), user 'EVE' (users[1]))",
               "user 'EVE' (users[1]): name: 'EVE' is listed 2 times (user 'eve' (users[0]), user 'EVE' (users[1]))"]))
bad("directory", "an address claimed twice", dict(users=[dict(name="eve", email="eve@example.com"), dict(name="eva", email="eve@example.com")]),
    failed(2, ["user 'eve' (users[0]): eve@example.com is claimed by user 'eve' (users[0]) and user 'eva' (users[1])",
               "user 'eva' (users[1]): eve@example.com is claimed by user 'eve' (users[0]) and user 'eva' (users[1])"]))
bad("directory", "email held by another user", dict(users=[dict(name="eve", email="omar@example.com")]),
    failed(1, ["user 'eve' (users[0]): email: omar@example.com is already used by user 'omar'"]))
bad("directory", "email on an unknown domain", dict(users=[dict(name="eve", email="eve@unknown.example")]),
    failed(1, ["user 'eve' (users[0]): email: eve@unknown.example: unknown.example is not a mail domain of the organization"]))
bad("directory", "alias held by another user", dict(users=[dict(name="eve", email="eve@example.com", aliases=["jdoe@example.com"])]),
    failed(1, ["user 'eve' (users[0]): aliases: jdoe@example.com is already used by user 'jdoe'"]))
bad("directory", "primary address as alias", dict(users=[dict(name="eve", email="eve@example.com", aliases=["eve@example.com"])]),
    failed(1, ["user 'eve' (users[0]): aliases: eve@example.com is the primary address of 'eve', not an alias"]))
bad("directory", "alias of a disabled user", dict(users=[dict(name="eve", enabled=False, aliases=["eve@example.com"])]),
    failed(1, ["user 'eve' (users[0]): aliases: 'eve' is disabled; enable it before adding aliases"]))
bad("directory", "unknown group", dict(users=[dict(name="eve", email="eve@example.com", groups=["ghosts"])]),
    failed(1, ["user 'eve' (users[0]): groups: 'ghosts' neither exists nor is listed in groups"]))
bad("directory", "empty group", dict(users=[dict(name="eve", email="eve@example.com", groups=["finance", ""])]),
    failed(1, ["user 'eve' (users[0]): groups: holds an empty entry; give each group by name, email address or ID"]))
bad("directory", "group enabled without email", dict(users=[], groups=[dict(name="newgroup")]),
    failed(1, ["group 'newgroup' (groups[0]): email: is required to enable the group 'newgroup'"]))
bad("directory", "nesting loop through an existing group", dict(users=[], groups=[dict(name="staff", email="staff@example.com", groups=["finance"])]),
    failed(1, ["group 'staff' (groups[0]): groups: adding 'staff' to 'finance' would make 'finance' contain itself (staff contains finance)"]))
bad("directory", "nesting loop between new groups", dict(users=[], groups=[
    dict(name="north", email="north@example.com", groups=["south"]), dict(name="south", email="south@example.com", groups=["north"])]),
    failed(2, ["group 'north' (groups[0]): groups: adding 'south' to 'north' would make 'north' contain itself (south contains north)",
               "group 'south' (groups[1]): groups: adding 'south' to 'north' would make 'north' contain itself (south contains north)"]))
bad("directory", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

# -- the _info modules ----------------------------------------------------------------------------

bad("user_info", "filters together", dict(name="jdoe", email="jdoe@example.com"), "parameters are mutually exclusive: name|email|id")
bad("user_info", "email malformed", dict(email="not-an-address"), "email: 'not-an-address' is not valid: " + EMAIL_HINT)
bad("user_info", "a name as email", dict(email="jdoe"), "email: 'jdoe' is not valid: " + EMAIL_HINT)
bad("user_info", "email empty", dict(email=""), "email: must have at least 1 character")
bad("user_info", "name empty", dict(name=""), "name: must have at least 1 character")
bad("user_info", "name with a space", dict(name="jane doe"), "name: 'jane doe' is not valid: " + USER_NAME_HINT)
bad("user_info", "name too long", dict(name="j" * 65), "name: must have at most 64 characters")
bad("user_info", "name a list", dict(name=["jdoe"]), "name: must be a string; got a list")
bad("user_info", "a name as id", dict(id="jdoe"), "id: must have at least 12 characters")
bad("user_info", "id empty", dict(id=""), "id: must have at least 12 characters")
bad("user_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("group_info", "filters together", dict(name="finance", id="0123456789abcdef"), "parameters are mutually exclusive: name|email|id")
bad("group_info", "email malformed", dict(email="not-an-address"), "email: 'not-an-address' is not valid: " + EMAIL_HINT)
bad("group_info", "a name as email", dict(email="finance"), "email: 'finance' is not valid: " + EMAIL_HINT)
bad("group_info", "email empty", dict(email=""), "email: must have at least 1 character")
bad("group_info", "name empty", dict(name=""), "name: must have at least 1 character")
bad("group_info", "name too long", dict(name="g" * 257), "name: must have at most 256 characters")
bad("group_info", "name with an emoji", dict(name="party \u263a"), "name: 'party \u263a' is not valid: " + LATIN1_HINT)
bad("group_info", "a name as id", dict(id="finance"), "id: must have at least 12 characters")
bad("group_info", "include_members a word", dict(include_members="maybe"), "include_members: must be true or false; got 'maybe'")
bad("group_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("organization_info", "filters together", dict(alias="example-corp", organization_id="m-" + "0" * 32),
    "parameters are mutually exclusive: alias|organization_id")
bad("organization_info", "id malformed", dict(organization_id="m-123"),
    "organization_id: 'm-123' is not valid: it must be an organization ID: m- and 32 lowercase hexadecimal digits")
bad("organization_info", "an alias as id", dict(organization_id="example-corp"),
    "organization_id: 'example-corp' is not valid: it must be an organization ID: m- and 32 lowercase hexadecimal digits")
bad("organization_info", "id empty", dict(organization_id=""), "organization_id: must have at least 34 characters")
bad("organization_info", "alias with a space", dict(alias="bad alias"), "alias: 'bad alias' is not valid: " + ALIAS_HINT)
bad("organization_info", "alias starting with d-", dict(alias="d-abc"), "alias: 'd-abc' is not valid: " + ALIAS_HINT)
bad("organization_info", "alias too long", dict(alias="a" * 63), "alias: must have at most 62 characters")
bad("organization_info", "alias empty", dict(alias=""), "alias: must have at least 1 character")
bad("organization_info", "alias a dictionary", dict(alias=dict(name="example-corp")), "alias: must be a string; got a dictionary")
bad("organization_info", "id in upper case", dict(organization_id="m-" + "A" * 32),
    "organization_id: 'm-{0}' is not valid: it must be an organization ID: m- and 32 lowercase hexadecimal digits".format("A" * 32))

bad("mail_domain_info", "name with a space", dict(name="exa mple.com"), "name: 'exa mple.com' is not valid: " + DOMAIN_HINT)
bad("mail_domain_info", "name with an underscore", dict(domain_name="ex_ample.com"), "name: 'ex_ample.com' is not valid: " + DOMAIN_HINT)
bad("mail_domain_info", "empty label", dict(name="a..b.com"), "name: 'a..b.com' has an empty label (two dots in a row, or a dot at the start)")
bad("mail_domain_info", "leading dot", dict(name=".example.com"), "name: '.example.com' has an empty label (two dots in a row, or a dot at the start)")
bad("mail_domain_info", "label too long", dict(name="b" * 64 + ".com"),
    "name: '{0}.com' has a label of 64 characters (bbbbbbbbbbbb...); DNS labels hold at most 63".format("b" * 64))
bad("mail_domain_info", "label with edge hyphens", dict(name="bad-.example.com"),
    "name: 'bad-.example.com' has a label that starts or ends with '-' (bad-); host names never do")
bad("mail_domain_info", "name too long", dict(name=("a" * 60 + ".") * 4 + "com"), "name: must have at most 209 characters")
bad("mail_domain_info", "name too short", dict(name="x"), "name: must have at least 3 characters")
bad("mail_domain_info", "name empty", dict(name=""), "name: must have at least 3 characters")
bad("mail_domain_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("mail_domain_info", "organization missing", dict(organization=OMIT), "missing required arguments: organization")

bad("impersonation_role_info", "name too long", dict(name="n" * 65), "name: must have at most 64 characters")
bad("impersonation_role_info", "name empty", dict(name=""), "name: must have at least 1 character")
bad("impersonation_role_info", "name with <", dict(name="a<b"),
    "name: 'a<b' is not valid: it must not hold '<', '>', '\\', line breaks, tabs or other control characters")
bad("impersonation_role_info", "target_user with a space", dict(target_user="jane doe"), "target_user: 'jane doe' is not valid: " + REFERENCE_HINT)
bad("impersonation_role_info", "target_user too long", dict(target_user="j" * 300), "target_user: must have at most 256 characters")
bad("impersonation_role_info", "target_user empty", dict(target_user=""), "target_user: must have at least 1 character")
bad("impersonation_role_info", "unknown target_user", dict(target_user="ghost"), "target_user: not found in organization 'example-corp': ghost")
bad("impersonation_role_info", "disabled target_user", dict(target_user="li"), "target_user: 'li' is disabled; impersonation roles apply to enabled users only")
bad("impersonation_role_info", "target_user a list", dict(target_user=["jdoe"]), "target_user: must be a string; got a list")
bad("impersonation_role_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("access_control_rule_info", "ip_address without action", dict(action=OMIT), "parameters are required together: ip_address, action")
bad("access_control_rule_info", "user without ip_address", dict(ip_address=OMIT, action=OMIT), "missing parameter(s) required by 'user': ip_address")
bad("access_control_rule_info", "user and role", dict(impersonation_role="auditors"), "parameters are mutually exclusive: user|impersonation_role")
bad("access_control_rule_info", "neither user nor role", dict(user=OMIT),
    "user: give a user or an impersonation_role (one of them) to evaluate a request from ip_address")
bad("access_control_rule_info", "address out of range", dict(ip_address="300.1.1.1"), "ip_address: '300.1.1.1' is not an IP address")
bad("access_control_rule_info", "a range as address", dict(ip_address="192.0.2.0/24"), "ip_address: '192.0.2.0/24' is not an IP address")
bad("access_control_rule_info", "IPv6 address", dict(ip_address="2001:db8::1"), "ip_address: '2001:db8::1': WorkMail evaluates IPv4 addresses only")
bad("access_control_rule_info", "action unknown", dict(action="FTP"), "action: 'FTP' is not one of " + ACTIONS)
bad("access_control_rule_info", "role without EWS", dict(user=OMIT, impersonation_role="auditors"),
    "action: must be EWS to evaluate an impersonation role (impersonation works through EWS only)")
bad("access_control_rule_info", "unknown user", dict(user="ghost"), "user: not found in organization 'example-corp': ghost")
bad("access_control_rule_info", "user with a space", dict(user="jane doe"), "user: 'jane doe' is not valid: " + REFERENCE_HINT)
bad("access_control_rule_info", "user empty", dict(user=""), "user: must have at least 1 character")
bad("access_control_rule_info", "unknown role", dict(user=OMIT, action="EWS", impersonation_role="nobody"),
    "impersonation_role: no impersonation role has the name or ID 'nobody' in organization 'example-corp'")
bad("access_control_rule_info", "ambiguous role", dict(user=OMIT, action="EWS", impersonation_role="twins"), lambda seed: twins(seed, "impersonation_role"))
bad("access_control_rule_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("directory_info", "workers zero", dict(workers=0), "workers: must be 1 or more, got 0")
bad("directory_info", "workers negative", dict(workers=-3), "workers: must be 1 or more, got -3")
bad("directory_info", "workers a word", dict(workers="many"), "workers: must be a whole number; got 'many'")
bad("directory_info", "workers a fraction", dict(workers=1.5), "workers: must be a whole number; got 1.5")
# -- resource -------------------------------------------------------------------------------------

bad("resource", "name too long", dict(name="r" * 21), "name: must have at most 20 characters")
bad("resource", "name with a space", dict(name="board room"), "name: 'board room' is not valid: " + USER_NAME_HINT)
bad("resource", "name empty", dict(name=""), "name: must have at least 1 character")
bad("resource", "type unknown", dict(type="desk"), "value of type must be one of: room, equipment, got: desk")
bad("resource", "type missing on create", dict(type=OMIT), "type: is required to create the resource 'newroom' (room or equipment)")
bad("resource", "description too long", dict(description="d" * 65), "description: must have at most 64 characters")
bad("resource", "email malformed", dict(email="not-an-address"), "email: 'not-an-address' is not valid: " + EMAIL_HINT)
bad("resource", "enabled without email", dict(email=OMIT), "email: is required to enable the resource 'newroom'")
bad("resource", "email held by a user", dict(email="jdoe@example.com"), "email: jdoe@example.com is already used by user 'jdoe'")
bad("resource", "email on a pending domain", dict(email="newroom@pending.example.com"),
    "email: newroom@pending.example.com: pending.example.com is not verified yet")
bad("resource", "booking_options a list", dict(booking_options=["auto_accept_requests"]),
    "booking_options: must be a dictionary with the keys auto_accept_requests, auto_decline_recurring_requests and "
    "auto_decline_conflicting_requests, for example {auto_accept_requests: ...}; got a list")
bad("resource", "booking option unknown", dict(booking_options=dict(auto_accept=True)),
    "Unsupported parameters for (basic.py) module: booking_options.auto_accept. Supported parameters include: auto_accept_requests, "
    "auto_decline_conflicting_requests, auto_decline_recurring_requests.")
bad("resource", "booking option a word", dict(booking_options=dict(auto_accept_requests="maybe")),
    "booking_options.auto_accept_requests: must be true or false; got 'maybe'")
bad("resource", "manual booking without a delegate", dict(booking_options=dict(auto_accept_requests=False)),
    "booking_options: auto_accept_requests: false needs a delegate to answer requests, and 'newroom' has none; "
    "add one with mailops.workmail.resource_delegate first")
bad("resource", "name of a user", dict(name="jdoe", email="room@example.com"),
    "name: 'jdoe' is the name of a user; names are unique among users, groups and resources")
bad("resource", "name of a group", dict(name="finance", enabled=False),
    "name: 'finance' is the name of a group; names are unique among users, groups and resources")
bad("resource", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("resource", "state unknown", dict(state="disabled"), "value of state must be one of: present, absent, got: disabled")

# -- mailbox_permission ---------------------------------------------------------------------------

GRANT_KEYS = "grantee and permissions (grantee is required)"
bad("mailbox_permission", "unknown grantee", dict(grants=[dict(grantee="ghost", permissions=["send_as"])]),
    "grants: not found in organization 'example-corp': ghost")
bad("mailbox_permission", "unknown mailbox", dict(entity="nobody"), "entity: not found in organization 'example-corp': nobody")
bad("mailbox_permission", "empty mailbox", dict(entity=""), "entity: is empty; give a user, group or resource by name, email address or ID")
bad("mailbox_permission", "the owner as grantee", dict(grants=[dict(grantee="jdoe@example.com", permissions=["send_as"])]),
    "grants: 'jdoe@example.com' owns the mailbox; give permissions to other users, groups or resources")
bad("mailbox_permission", "a grantee twice",
    dict(grants=[dict(grantee="omar", permissions=["send_as"]), dict(grantee="omar@example.com", permissions=["full_access"])]),
    "grants: 'omar' is listed twice; give each grantee once, with all its permissions")
bad("mailbox_permission", "no permissions to grant", dict(grants=[dict(grantee="omar")]),
    "grants[0].permissions: is empty; give at least one of full_access, send_as, send_on_behalf (state=absent removes permissions)")
bad("mailbox_permission", "empty permissions with exact", dict(grants=[dict(grantee="omar", permissions=[])], state="exact"),
    "grants[0].permissions: is empty; give at least one of full_access, send_as, send_on_behalf (state=absent removes permissions)")
bad("mailbox_permission", "empty grantee", dict(grants=[dict(grantee="", permissions=["send_as"])]),
    "grants[0].grantee: is empty; give a user, group or resource by name, email address or ID")
bad("mailbox_permission", "permission unknown", dict(grants=[dict(grantee="omar", permissions=["read"])]),
    "value of permissions must be one or more of: full_access, send_as, send_on_behalf. Got no match for: read found in grants")
bad("mailbox_permission", "grant without grantee", dict(grants=[dict(permissions=["send_as"])]), "missing required arguments: grantee found in grants")
bad("mailbox_permission", "grants a list of names", dict(grants=["omar"]),
    "grants[0]: must be a dictionary with the keys " + GRANT_KEYS + ", for example {grantee: ...}; got a string")
bad("mailbox_permission", "grant key unknown", dict(grants=[dict(grantee="omar", permission=["send_as"])]),
    "Unsupported parameters for (basic.py) module: grants.permission. Supported parameters include: grantee, permissions.")
bad("mailbox_permission", "state unknown", dict(state="replace"), "value of state must be one of: present, absent, exact, got: replace")
bad("mailbox_permission", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("mailbox_permission_info", "unknown mailbox", dict(entity="nobody"), "entity: not found in organization 'example-corp': nobody")
bad("mailbox_permission_info", "empty mailbox", dict(entity=""), "entity: is empty; give a user, group or resource by name, email address or ID")
bad("mailbox_permission_info", "mailbox with a space", dict(entity="j doe"), "entity: not found in organization 'example-corp': j doe")
bad("mailbox_permission_info", "mailbox too long", dict(entity="j" * 300), "entity: must have at most 256 characters")
bad("mailbox_permission_info", "mailbox a list", dict(entity=["jdoe"]), "entity: must be a string; got a list")
bad("mailbox_permission_info", "mailbox a dictionary", dict(entity=dict(name="jdoe")), "entity: must be a string; got a dictionary")
bad("mailbox_permission_info", "address nobody holds", dict(entity="jdoe@unknown.example"),
    "entity: not found in organization 'example-corp': jdoe@unknown.example")
bad("mailbox_permission_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("mailbox_permission_info", "organization a list", dict(organization=["example-corp"]), "organization: must be a string; got a list")
bad("mailbox_permission_info", "organization missing", dict(organization=OMIT), "missing required arguments: organization")

bad("resource_delegate", "unknown delegate", dict(delegates=["jdoe", "ghost"]), "delegates: not found in organization 'example-corp': ghost")
bad("resource_delegate", "unknown resource", dict(resource="nowhere"), "resource: not found in organization 'example-corp': nowhere")
bad("resource_delegate", "a user as the resource", dict(resource="jdoe"), "resource: not found in organization 'example-corp': jdoe")
bad("resource_delegate", "a resource as a delegate", dict(delegates=["boardroom"]), "delegates: not found in organization 'example-corp': boardroom")
bad("resource_delegate", "empty resource", dict(resource=""), "resource: is empty; give a resource by name, email address or ID")
bad("resource_delegate", "empty delegate", dict(delegates=["jdoe", ""]),
    "delegates: holds an empty entry; give each user or group by name, email address or ID")
bad("resource_delegate", "delegate too long", dict(delegates=["j" * 300]), "delegates: must have at most 256 characters")
bad("resource_delegate", "delegate a dictionary", dict(delegates=[dict(name="jdoe")]), "delegates[0]: must be a string; got a dictionary")
bad("resource_delegate", "delegates a dictionary", dict(delegates=dict(jdoe=True)), "delegates: must be a list; got a dictionary")
bad("resource_delegate", "state unknown", dict(state="replace"), "value of state must be one of: present, absent, exact, got: replace")
bad("resource_delegate", "delegates missing", dict(delegates=OMIT), "missing required arguments: delegates")
bad("resource_delegate", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("resource_info", "name too long", dict(name="r" * 21), "name: must have at most 20 characters")
bad("resource_info", "name with a space", dict(name="board room"), "name: 'board room' is not valid: " + USER_NAME_HINT)
bad("resource_info", "name empty", dict(name=""), "name: must have at least 1 character")
bad("resource_info", "email malformed", dict(email="boardroom"), "email: 'boardroom' is not valid: " + EMAIL_HINT)
bad("resource_info", "id too short", dict(id="r-1"), "id: must have at least 12 characters")
bad("resource_info", "name and email", dict(name="boardroom", email="boardroom@example.com"), "parameters are mutually exclusive: name|email|id")
bad("resource_info", "include_delegates a word", dict(include_delegates="maybe"), "include_delegates: must be true or false; got 'maybe'")
bad("resource_info", "name a list", dict(name=["boardroom"]), "name: must be a string; got a list")
bad("resource_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("resource_info", "organization missing", dict(organization=OMIT), "missing required arguments: organization")

bad("directory_info", "workers a boolean", dict(workers=True), "workers: must be a whole number; got true or false")
bad("directory_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("directory_info", "unknown organization ID", dict(organization="m-" + "0" * 32),
    "organization: no live organization has the ID or alias 'm-{0}' in this account and region".format("0" * 32))
bad("directory_info", "organization empty", dict(organization=""), "organization: no live organization has the ID or alias '' in this account and region")
bad("directory_info", "organization a list", dict(organization=["example-corp"]), "organization: must be a string; got a list")
bad("directory_info", "organization missing", dict(organization=OMIT), "missing required arguments: organization")

bad("retention_policy_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("retention_policy_info", "unknown organization ID", dict(organization="m-" + "0" * 32),
    "organization: no live organization has the ID or alias 'm-{0}' in this account and region".format("0" * 32))
bad("retention_policy_info", "organization empty", dict(organization=""),
    "organization: no live organization has the ID or alias '' in this account and region")
bad("retention_policy_info", "organization a list", dict(organization=["example-corp"]), "organization: must be a string; got a list")
bad("retention_policy_info", "organization a dictionary", dict(organization=dict(alias="example-corp")),
    "organization: must be a string; got a dictionary")
bad("retention_policy_info", "organization missing", dict(organization=OMIT), "missing required arguments: organization")
bad("retention_policy_info", "organization in upper case letters of an ID", dict(organization="m-" + "A" * 32),
    "organization: no live organization has the ID or alias 'm-{0}' in this account and region".format("A" * 32))
bad("retention_policy_info", "name given", dict(name="keep-mail"), RETENTION_INFO_UNSUPPORTED.format("name"))
bad("retention_policy_info", "folders given", dict(folders=dict(inbox=dict(action="none"))), RETENTION_INFO_UNSUPPORTED.format("folders"))
bad("retention_policy_info", "state given", dict(state="absent"), RETENTION_INFO_UNSUPPORTED.format("state"))

# -- identity_provider, personal_access_token, personal_access_token_info (IAM Identity Center and tokens) --
INSTANCE = "arn:aws:sso:::instance/ssoins-1234567890abcdef"
OTHER_APPLICATION = "arn:aws:sso::123456789012:application/ssoins-fedcba0987654321/apl-0123456789abcdef"
bad("identity_provider", "authentication_mode unknown", dict(authentication_mode="password"),
    "value of authentication_mode must be one of: identity_provider_only, identity_provider_and_directory, got: password")
bad("identity_provider", "authentication_mode missing to create", dict(authentication_mode=OMIT),
    "authentication_mode: is required to create the identity provider configuration")
bad("identity_provider", "identity_center missing to create", dict(identity_center=OMIT),
    "identity_center.instance_arn: is required to create the identity provider configuration")
bad("identity_provider", "instance_arn malformed", dict(identity_center=dict(instance_arn="arn:aws:sso:::instance/nope", application_name="workmail")),
    "identity_center.instance_arn: 'arn:aws:sso:::instance/nope' is not valid: it must be an IAM Identity Center instance ARN "
    "such as arn:aws:sso:::instance/ssoins-1234567890abcdef")
bad("identity_provider", "application_name with a space", dict(identity_center=dict(instance_arn=INSTANCE, application_name="work mail")),
    "identity_center.application_name: 'work mail' is not valid: it must use letters, digits and + = , . @ _ - only, no spaces")
bad("identity_provider", "application_name too long", dict(identity_center=dict(instance_arn=INSTANCE, application_name="w" * 256)),
    "identity_center.application_name: must have at most 255 characters")
bad("identity_provider", "application_name empty", dict(identity_center=dict(instance_arn=INSTANCE, application_name="")),
    "identity_center.application_name: must not be empty")
bad("identity_provider", "application_arn and application_name", dict(identity_center=dict(instance_arn=INSTANCE, application_name="workmail",
                                                                                           application_arn=OTHER_APPLICATION)),
    "parameters are mutually exclusive: application_arn|application_name found in identity_center")
bad("identity_provider", "application of another instance", dict(identity_center=dict(instance_arn=INSTANCE, application_arn=OTHER_APPLICATION)),
    "identity_center.application_arn: {0} is an application of instance ssoins-fedcba0987654321, not of identity_center.instance_arn {1}".format(
        OTHER_APPLICATION, INSTANCE))
bad("identity_provider", "no application", dict(identity_center=dict(instance_arn=INSTANCE)),
    "identity_center: application_arn or application_name is required with an instance_arn the organization does not use yet")
bad("identity_provider", "lifetime_in_days zero", dict(personal_access_tokens=dict(enabled=True, lifetime_in_days=0)),
    "personal_access_tokens.lifetime_in_days: 0 is less than the minimum 1")
bad("identity_provider", "lifetime_in_days over ten years", dict(personal_access_tokens=dict(enabled=True, lifetime_in_days=3654)),
    "personal_access_tokens.lifetime_in_days: 3654 is more than the maximum 3653")
bad("identity_provider", "identity_center a string", dict(identity_center=INSTANCE),
    "identity_center: must be a dictionary with the keys instance_arn, application_arn and application_name, for example "
    "{instance_arn: ...}; got a string")
bad("identity_provider", "state unknown", dict(state="disabled"), "value of state must be one of: present, absent, got: disabled")
bad("identity_provider", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("personal_access_token", "unknown user", dict(user="nobody"), "user: no user 'nobody' in organization example-corp")
bad("personal_access_token", "user and token_id", dict(token_id="t1"), "parameters are mutually exclusive: user|token_id")
bad("personal_access_token", "neither user nor token_id", dict(user=OMIT), "one of the following is required: user, token_id")
bad("personal_access_token", "token_id malformed", dict(user=OMIT, token_id="bad id"),
    "token_id: 'bad id' is not valid: it must use letters, digits, '_' and '-' only")
bad("personal_access_token", "token_id too long", dict(user=OMIT, token_id="t" * 65), "token_id: must have at most 64 characters")
bad("personal_access_token", "state missing", dict(state=OMIT), "missing required arguments: state")
bad("personal_access_token", "state present", dict(state="present"), "value of state must be one of: absent, got: present")
bad("personal_access_token", "user with a space", dict(user="j doe"), "user: 'j doe' is not valid: " + REFERENCE_HINT)
bad("personal_access_token", "user too long", dict(user="j" * 257), "user: must have at most 256 characters")
bad("personal_access_token", "user a list", dict(user=["jdoe"]), "user: must be a string; got a list")
bad("personal_access_token", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("personal_access_token_info", "unknown user", dict(user="nobody"), "user: no user 'nobody' in organization example-corp")
bad("personal_access_token_info", "user and token_id", dict(token_id="t1"), "parameters are mutually exclusive: user|token_id")
bad("personal_access_token_info", "user with a space", dict(user="j doe"), "user: 'j doe' is not valid: " + REFERENCE_HINT)
bad("personal_access_token_info", "user too long", dict(user="j" * 257), "user: must have at most 256 characters")
bad("personal_access_token_info", "token_id malformed", dict(user=OMIT, token_id="bad id"),
    "token_id: 'bad id' is not valid: it must use letters, digits, '_' and '-' only")
bad("personal_access_token_info", "token_id too long", dict(user=OMIT, token_id="t" * 65), "token_id: must have at most 64 characters")
bad("personal_access_token_info", "user a list", dict(user=["jdoe"]), "user: must be a string; got a list")
bad("personal_access_token_info", "token_id a dictionary", dict(user=OMIT, token_id=dict(id="t1")), "token_id: must be a string; got a dictionary")
bad("personal_access_token_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("personal_access_token_info", "organization missing", dict(organization=OMIT), "missing required arguments: organization")

bad("identity_provider_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("identity_provider_info", "unknown organization ID", dict(organization="m-" + "0" * 32),
    "organization: no live organization has the ID or alias 'm-{0}' in this account and region".format("0" * 32))
bad("identity_provider_info", "organization empty", dict(organization=""),
    "organization: no live organization has the ID or alias '' in this account and region")
bad("identity_provider_info", "organization a list", dict(organization=["example-corp"]), "organization: must be a string; got a list")
bad("identity_provider_info", "organization a dictionary", dict(organization=dict(alias="example-corp")),
    "organization: must be a string; got a dictionary")
bad("identity_provider_info", "organization missing", dict(organization=OMIT), "missing required arguments: organization")
bad("identity_provider_info", "organization in upper case letters of an ID", dict(organization="m-" + "A" * 32),
    "organization: no live organization has the ID or alias 'm-{0}' in this account and region".format("A" * 32))
bad("identity_provider_info", "authentication_mode given", dict(authentication_mode="identity_provider_only"),
    RETENTION_INFO_UNSUPPORTED.format("authentication_mode"))
bad("identity_provider_info", "identity_center given", dict(identity_center=dict(instance_arn=INSTANCE)), RETENTION_INFO_UNSUPPORTED.format("identity_center"))
bad("identity_provider_info", "state given", dict(state="absent"), RETENTION_INFO_UNSUPPORTED.format("state"))


# -- mobile device access: rules and overrides -------------------------------------------------------

DEVICE_KEYS = "type, model, operating_system and user_agent"
TEN_MOBILE_RULES = (
    "name: the organization already has 10 mobile device access rules (rule0, rule1, rule2, rule3, rule4, rule5, rule6, rule7, rule8, "
    "rule9), the most WorkMail allows; remove one (state=absent) before adding 'no-android'"
)


def ten_mobile_rules(client, seed):
    for index in range(10):
        client.create_mobile_device_access_rule(OrganizationId=seed["org"], Name="rule{0}".format(index), Effect="ALLOW")


def two_no_android_rules(client, seed):
    for effect in ("ALLOW", "DENY"):
        client.create_mobile_device_access_rule(OrganizationId=seed["org"], Name="no-android", Effect=effect)


def no_android_twins(seed):
    rules = workmail_emulator.backend().handle("ListMobileDeviceAccessRules", {"OrganizationId": seed["org"]})["Rules"]
    ids = [rule["MobileDeviceAccessRuleId"] for rule in rules]
    return ("name: 2 mobile device access rules are named 'no-android' ({0}); WorkMail allows it, this module cannot tell them apart: "
            "rename or delete all but one".format(", ".join(ids)))


bad("mobile_device_access_rule", "name empty", dict(name=""), "name: must have at least 1 character")
bad("mobile_device_access_rule", "name too long", dict(name="r" * 65), "name: must have at most 64 characters")
bad("mobile_device_access_rule", "effect unknown", dict(effect="block"), "value of effect must be one of: allow, deny, got: block")
bad("mobile_device_access_rule", "effect missing to create", dict(effect=OMIT), "effect: is required to create the mobile device access rule 'no-android'")
bad("mobile_device_access_rule", "description too long", dict(description="d" * 257), "description: must have at most 256 characters")
bad("mobile_device_access_rule", "eleven device types", dict(device_types=["type{0}".format(n) for n in range(11)]), "device_types: must have at most 10 items")
bad("mobile_device_access_rule", "device model too long", dict(device_models=["m" * 257]), "device_models: must have at most 256 characters")
bad("mobile_device_access_rule", "user agent with a line break", dict(not_device_user_agents=["Mail\n1.0"]),
    "not_device_user_agents: 'Mail\\n1.0' is not valid: " + LATIN1_HINT)
bad("mobile_device_access_rule", "operating system outside Latin-1", dict(device_operating_systems=["iOS \u2603"]),
    "device_operating_systems: 'iOS \u2603' is not valid: " + LATIN1_HINT)
bad("mobile_device_access_rule", "device types a dictionary", dict(device_types=dict(Android=True)), "device_types: must be a list; got a dictionary")
bad("mobile_device_access_rule", "device model a dictionary", dict(device_models=[dict(name="Pixel 8")]),
    "device_models[0]: must be a string; got a dictionary")
bad("mobile_device_access_rule", "eleventh rule", dict(), TEN_MOBILE_RULES, setup=ten_mobile_rules)
bad("mobile_device_access_rule", "two rules of the name", dict(), no_android_twins, setup=two_no_android_rules)
bad("mobile_device_access_rule", "state unknown", dict(state="disabled"), "value of state must be one of: present, absent, got: disabled")
bad("mobile_device_access_rule", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("mobile_device_access_rule_info", "name empty", dict(name=""), "name: must have at least 1 character")
bad("mobile_device_access_rule_info", "name too long", dict(name="r" * 65), "name: must have at most 64 characters")
bad("mobile_device_access_rule_info", "device a string", dict(device="iPhone"),
    "device: must be a dictionary with the keys " + DEVICE_KEYS + ", for example {type: ...}; got a string")
bad("mobile_device_access_rule_info", "device a list", dict(device=["iPhone"]),
    "device: must be a dictionary with the keys " + DEVICE_KEYS + ", for example {type: ...}; got a list")
bad("mobile_device_access_rule_info", "device key unknown", dict(device=dict(os="iOS 17.1")),
    "Unsupported parameters for (basic.py) module: device.os. Supported parameters include: model, operating_system, type, user_agent.")
bad("mobile_device_access_rule_info", "device type too long", dict(device=dict(type="t" * 257)), "device.type: must have at most 256 characters")
bad("mobile_device_access_rule_info", "device model with a tab", dict(device=dict(model="Pixel\t8")), "device.model: 'Pixel\\t8' is not valid: " + LATIN1_HINT)
bad("mobile_device_access_rule_info", "device user agent empty", dict(device=dict(user_agent="")), "device.user_agent: must have at least 1 character")
bad("mobile_device_access_rule_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("mobile_device_access_rule_info", "organization missing", dict(organization=OMIT), "missing required arguments: organization")

bad("mobile_device_access_override", "unknown user", dict(user="ghost"), "user: not found in organization 'example-corp': ghost")
bad("mobile_device_access_override", "a group as the user", dict(user="finance"), "user: not found in organization 'example-corp': finance")
bad("mobile_device_access_override", "disabled user", dict(user="li"), "user: 'li' is disabled; a device access override can only be given to an enabled user")
bad("mobile_device_access_override", "user empty", dict(user=""), "user: must have at least 1 character")
bad("mobile_device_access_override", "user with a space", dict(user="j doe"), "user: 'j doe' is not valid: " + REFERENCE_HINT)
bad("mobile_device_access_override", "device ID with a hyphen", dict(device_id="Appl-C39XK2"),
    "device_id: 'Appl-C39XK2' is not valid: it must use letters and digits only")
bad("mobile_device_access_override", "device ID too long", dict(device_id="A" * 33), "device_id: must have at most 32 characters")
bad("mobile_device_access_override", "device ID empty", dict(device_id=""), "device_id: must have at least 1 character")
bad("mobile_device_access_override", "effect unknown", dict(effect="block"), "value of effect must be one of: allow, deny, got: block")
bad("mobile_device_access_override", "effect missing to create", dict(effect=OMIT),
    "effect: is required to create the mobile device access override of 'ApplC39XK2Q1N72J'")
bad("mobile_device_access_override", "description too long", dict(description="d" * 257), "description: must have at most 256 characters")
bad("mobile_device_access_override", "device ID missing", dict(device_id=OMIT), "missing required arguments: device_id")
bad("mobile_device_access_override", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("mobile_device_access_override_info", "device ID with a hyphen", dict(device_id="Appl-C39XK2"),
    "device_id: 'Appl-C39XK2' is not valid: it must use letters and digits only")
bad("mobile_device_access_override_info", "device ID too long", dict(device_id="A" * 33), "device_id: must have at most 32 characters")
bad("mobile_device_access_override_info", "device ID empty", dict(device_id=""), "device_id: must have at least 1 character")
bad("mobile_device_access_override_info", "device ID a list", dict(device_id=["ApplC39XK2Q1N72J"]), "device_id: must be a string; got a list")
bad("mobile_device_access_override_info", "user empty", dict(user=""), "user: must have at least 1 character")
bad("mobile_device_access_override_info", "user with a space", dict(user="j doe"), "user: 'j doe' is not valid: " + REFERENCE_HINT)
bad("mobile_device_access_override_info", "user too long", dict(user="j" * 257), "user: must have at most 256 characters")
bad("mobile_device_access_override_info", "user a dictionary", dict(user=dict(name="jdoe")), "user: must be a string; got a dictionary")
bad("mobile_device_access_override_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("mobile_device_access_override_info", "organization missing", dict(organization=OMIT), "missing required arguments: organization")
bad("mobile_device_access_override_info", "state given", dict(state="absent"), (
    "Unsupported parameters for (basic.py) module: state. Supported parameters include: access_key, aws_ca_bundle, aws_config, "
    "debug_botocore_endpoint_logs, device_id, endpoint_url, organization, profile, region, secret_key, session_token, user, validate_certs "
    "(aws_access_key, aws_access_key_id, aws_endpoint_url, aws_profile, aws_region, aws_secret_access_key, aws_secret_key, aws_session_token)."
))


# -- availability configurations, email monitoring and inbound DMARC --------------------------------

EWS = dict(endpoint="https://127.0.0.1/EWS/Exchange.asmx", username="freebusy@partner.example.com", password=PASSWORD)
LOG_GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/workmail/events:*"
URL_HINT = "it must be an http or https URL with a path, such as https://mail.example.com/EWS/Exchange.asmx"
LAMBDA_ARN_HINT = ("it must be a Lambda function ARN such as arn:aws:lambda:us-east-1:111122223333:function:free-busy "
                   "(optionally with :$LATEST, a version or an alias)")
LOG_GROUP_HINT = ("it must be a CloudWatch Logs log group ARN ending in :*, such as "
                  "arn:aws:logs:us-east-1:111122223333:log-group:/workmail/events:*")
ROLE_HINT = "it must be an IAM role ARN such as arn:aws:iam::111122223333:role/workmail-export"
NO_PASSWORD = "ews_provider.password: is required to create an EWS provider: the service takes the provider whole, password included"
AVAILABILITY_INFO_UNSUPPORTED = RETENTION_INFO_UNSUPPORTED.replace("endpoint_url, organization", "domain_name, endpoint_url, organization").replace(
    "session_token, validate_certs", "session_token, test, validate_certs")
EWS_WITHOUT_PASSWORD = dict(endpoint=EWS["endpoint"], username=EWS["username"])
DMARC_UNSUPPORTED = RETENTION_INFO_UNSUPPORTED.replace("endpoint_url, organization", "endpoint_url, enforced, organization")
BASE.update({
    "availability_configuration": dict(domain_name="partner.example.com", ews_provider=EWS),
    "availability_configuration_info": dict(),
    "email_monitoring": dict(log_group_arn=LOG_GROUP_ARN),
    "inbound_dmarc": dict(enforced=True),
})


def partner_configuration(client, seed):
    provider = dict(EwsEndpoint=EWS["endpoint"], EwsUsername=EWS["username"], EwsPassword=PASSWORD)
    client.create_availability_configuration(OrganizationId=seed["org"], DomainName="partner.example.com", EwsProvider=provider)


bad("availability_configuration", "domain with a space", dict(domain_name="partner example.com"),
    "domain_name: 'partner example.com' is not valid: " + DOMAIN_HINT)
bad("availability_configuration", "domain too short", dict(domain_name="ab"), "domain_name: must have at least 3 characters")
bad("availability_configuration", "domain missing", dict(domain_name=OMIT), "missing required arguments: domain_name")
bad("availability_configuration", "no provider to create", dict(ews_provider=OMIT),
    "ews_provider: or lambda_provider is required to create the availability configuration of partner.example.com")
bad("availability_configuration", "both providers", dict(lambda_provider=dict(lambda_arn="arn:aws:lambda:us-east-1:123456789012:function:free-busy")),
    "parameters are mutually exclusive: ews_provider|lambda_provider")
bad("availability_configuration", "endpoint not a URL", dict(ews_provider=dict(EWS, endpoint="mail.example.com")),
    "ews_provider.endpoint: 'mail.example.com' is not valid: " + URL_HINT)
bad("availability_configuration", "endpoint too long", dict(ews_provider=dict(EWS, endpoint="https://mail.example.com/" + "x" * 240)),
    "ews_provider.endpoint: must have at most 256 characters")
bad("availability_configuration", "endpoint missing", dict(ews_provider=dict(username="fb", password=PASSWORD)),
    "missing required arguments: endpoint found in ews_provider")
bad("availability_configuration", "user name with a tab", dict(ews_provider=dict(EWS, username="free\tbusy")),
    "ews_provider.username: 'free\\tbusy' is not valid: " + LATIN1_HINT)
bad("availability_configuration", "password missing to create", dict(ews_provider=EWS_WITHOUT_PASSWORD), NO_PASSWORD)
bad("availability_configuration", "password missing to change", dict(ews_provider=dict(EWS_WITHOUT_PASSWORD, endpoint="https://127.0.0.1/EWS/other")),
    "ews_provider.password: is required to change an EWS provider: the service takes the provider whole, password included",
    setup=partner_configuration)
bad("availability_configuration", "password with an emoji", dict(ews_provider=dict(EWS, password="Corr3ct-\u263a")),
    "ews_provider.password: the value given is not valid: " + LATIN1_HINT)
bad("availability_configuration", "Lambda ARN of a GovCloud Region", dict(
    ews_provider=OMIT, lambda_provider=dict(lambda_arn="arn:aws:lambda:us-gov-west-1:123456789012:function:free-busy")),
    "lambda_provider.lambda_arn: 'arn:aws:lambda:us-gov-west-1:123456789012:function:free-busy' is not valid: " + LAMBDA_ARN_HINT)
bad("availability_configuration", "Lambda ARN missing", dict(ews_provider=OMIT, lambda_provider=dict()),
    "missing required arguments: lambda_arn found in lambda_provider")
bad("availability_configuration", "provider a string", dict(ews_provider="https://127.0.0.1/EWS/Exchange.asmx"),
    "ews_provider: must be a dictionary with the keys endpoint, username and password (endpoint and username are required), "
    "for example {endpoint: ..., username: ...}; got a string")
bad("availability_configuration", "update_password unknown", dict(update_password="sometimes"),
    "value of update_password must be one of: on_create, always, got: sometimes")
bad("availability_configuration", "state unknown", dict(state="disabled"), "value of state must be one of: present, absent, got: disabled")
bad("availability_configuration", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("availability_configuration_info", "test without a domain", dict(test=True), "test is True but all of the following are missing: domain_name")
bad("availability_configuration_info", "test of a domain without a configuration", dict(test=True, domain_name="none.example.com"),
    "domain_name: the organization has no availability configuration for 'none.example.com' to test")
bad("availability_configuration_info", "test in check mode of a domain without a configuration", dict(test=True, domain_name="none.example.com"),
    "domain_name: the organization has no availability configuration for 'none.example.com' to test", check_mode=True)
bad("availability_configuration_info", "test a word", dict(test="maybe", domain_name="partner.example.com"), "test: must be true or false; got 'maybe'")
bad("availability_configuration_info", "domain a list", dict(domain_name=["partner.example.com"]), "domain_name: must be a string; got a list")
bad("availability_configuration_info", "provider given", dict(ews_provider=EWS), AVAILABILITY_INFO_UNSUPPORTED.format("ews_provider"))
bad("availability_configuration_info", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("availability_configuration_info", "unknown organization ID", dict(organization="m-" + "0" * 32),
    "organization: no live organization has the ID or alias 'm-{0}' in this account and region".format("0" * 32))
bad("availability_configuration_info", "organization a list", dict(organization=["example-corp"]), "organization: must be a string; got a list")
bad("availability_configuration_info", "organization missing", dict(organization=OMIT), "missing required arguments: organization")

bad("email_monitoring", "log group without :*", dict(log_group_arn=LOG_GROUP_ARN[:-2]),
    "log_group_arn: '{0}' is not valid: ".format(LOG_GROUP_ARN[:-2]) + LOG_GROUP_HINT)
bad("email_monitoring", "an S3 ARN as log group", dict(log_group_arn="arn:aws:s3:::example-corp-mail-events-and-more-of-them"),
    "log_group_arn: 'arn:aws:s3:::example-corp-mail-events-and-more-of-them' is not valid: " + LOG_GROUP_HINT)
bad("email_monitoring", "log group of another partition", dict(log_group_arn=LOG_GROUP_ARN.replace("arn:aws:", "arn:aws-cn:")),
    "log_group_arn: '{0}' is not valid: ".format(LOG_GROUP_ARN.replace("arn:aws:", "arn:aws-cn:")) + LOG_GROUP_HINT)
bad("email_monitoring", "log group missing to turn it on", dict(log_group_arn=OMIT), "log_group_arn: is required to turn email monitoring on")
bad("email_monitoring", "log group too short", dict(log_group_arn="arn:aws:logs:"), "log_group_arn: 'arn:aws:logs:' is not valid: " + LOG_GROUP_HINT)
bad("email_monitoring", "role a name", dict(role_arn="workmail-monitoring"), "role_arn: 'workmail-monitoring' is not valid: " + ROLE_HINT)
bad("email_monitoring", "role with a space", dict(role_arn="arn:aws:iam::123456789012:role/workmail monitoring"),
    "role_arn: 'arn:aws:iam::123456789012:role/workmail monitoring' is not valid: " + ROLE_HINT)
bad("email_monitoring", "log group a list", dict(log_group_arn=[LOG_GROUP_ARN]), "log_group_arn: must be a string; got a list")
bad("email_monitoring", "role a dictionary", dict(role_arn=dict(name="workmail-monitoring")), "role_arn: must be a string; got a dictionary")
bad("email_monitoring", "state unknown", dict(state="off"), "value of state must be one of: present, absent, got: off")
bad("email_monitoring", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)

bad("inbound_dmarc", "enforced missing", dict(enforced=OMIT), "missing required arguments: enforced")
bad("inbound_dmarc", "enforced a word", dict(enforced="sometimes"), "enforced: must be true or false; got 'sometimes'")
bad("inbound_dmarc", "enforced a list", dict(enforced=[True]), "enforced: must be true or false; got a list")
bad("inbound_dmarc", "enforced a dictionary", dict(enforced=dict(value=True)), "enforced: must be true or false; got a dictionary")
bad("inbound_dmarc", "enforced a number", dict(enforced=2), "enforced: must be true or false; got 2")
bad("inbound_dmarc", "state given", dict(state="absent"), DMARC_UNSUPPORTED.format("state"))
bad("inbound_dmarc", "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
bad("inbound_dmarc", "unknown organization ID", dict(organization="m-" + "0" * 32),
    "organization: no live organization has the ID or alias 'm-{0}' in this account and region".format("0" * 32))
bad("inbound_dmarc", "organization a list", dict(organization=["example-corp"]), "organization: must be a string; got a list")
bad("inbound_dmarc", "organization missing", dict(organization=OMIT), "missing required arguments: organization")


BASE.update({"email_monitoring_info": dict(), "inbound_dmarc_info": dict()})


def organization_rows(module):
    """The rows of an _info module whose only option is the organization."""
    bad(module, "unknown organization", dict(organization="no-such-org"), NO_ORGANIZATION)
    bad(module, "unknown organization ID", dict(organization="m-" + "0" * 32),
        "organization: no live organization has the ID or alias 'm-{0}' in this account and region".format("0" * 32))
    bad(module, "organization empty", dict(organization=""), "organization: no live organization has the ID or alias '' in this account and region")
    bad(module, "organization a list", dict(organization=["example-corp"]), "organization: must be a string; got a list")
    bad(module, "organization a dictionary", dict(organization=dict(alias="example-corp")), "organization: must be a string; got a dictionary")
    bad(module, "organization missing", dict(organization=OMIT), "missing required arguments: organization")
    bad(module, "organization in upper case letters of an ID", dict(organization="m-" + "A" * 32),
        "organization: no live organization has the ID or alias 'm-{0}' in this account and region".format("A" * 32))
    bad(module, "state given", dict(state="absent"), RETENTION_INFO_UNSUPPORTED.format("state"))


organization_rows("email_monitoring_info")
bad("email_monitoring_info", "log_group_arn given", dict(log_group_arn=LOG_GROUP_ARN), RETENTION_INFO_UNSUPPORTED.format("log_group_arn"))
bad("email_monitoring_info", "role_arn given", dict(role_arn="arn:aws:iam::123456789012:role/workmail-monitoring"),
    RETENTION_INFO_UNSUPPORTED.format("role_arn"))
organization_rows("inbound_dmarc_info")
bad("inbound_dmarc_info", "enforced given", dict(enforced=True), RETENTION_INFO_UNSUPPORTED.format("enforced"))
bad("inbound_dmarc_info", "enforced and state given", dict(enforced=True, state="present"),
    RETENTION_INFO_UNSUPPORTED.format("enforced, state"))

# Imported once, when pytest collects this file, rather than in each test's own process.
MODULES = dict((name, importlib.import_module("ansible_collections.mailops.workmail.plugins.modules." + name)) for name in BASE)


# -- running the matrix ---------------------------------------------------------------------------

def make_seed(client, org):
    """example-corp with the verified domain example.com and pending.example.com (verification
    delayed), users jdoe and omar (enabled) and li (disabled), groups finance and staff (which holds
    finance), the room boardroom (enabled), the impersonation role auditors and two roles named twins."""
    client.register_mail_domain(OrganizationId=org, DomainName="example.com")
    workmail_emulator.configure(domain_verification_delay=3600)
    client.register_mail_domain(OrganizationId=org, DomainName="pending.example.com")
    workmail_emulator.configure(domain_verification_delay=0)
    for name, enabled in (("jdoe", True), ("omar", True), ("li", False)):
        user_id = client.create_user(OrganizationId=org, Name=name, DisplayName=name, Password=PASSWORD)["UserId"]
        if enabled:
            client.register_to_work_mail(OrganizationId=org, EntityId=user_id, Email=name + "@example.com")
    groups = {}
    for name in ("finance", "staff"):
        groups[name] = client.create_group(OrganizationId=org, Name=name)["GroupId"]
        client.register_to_work_mail(OrganizationId=org, EntityId=groups[name], Email=name + "@example.com")
    client.associate_member_to_group(OrganizationId=org, GroupId=groups["staff"], MemberId=groups["finance"])
    room = client.create_resource(OrganizationId=org, Name="boardroom", Type="ROOM")["ResourceId"]
    client.register_to_work_mail(OrganizationId=org, EntityId=room, Email="boardroom@example.com")
    client.create_impersonation_role(OrganizationId=org, Name="auditors", Type="READ_ONLY", Rules=[])
    for token in ("first", "second"):
        client.create_impersonation_role(OrganizationId=org, Name="twins", Type="READ_ONLY", Rules=[], ClientToken=token)
    roles = client.list_impersonation_roles(OrganizationId=org)["Roles"]
    return {"org": org, "twins": [role["ImpersonationRoleId"] for role in roles if role["Name"] == "twins"]}


def seeded_emulator():
    """Seed a fresh emulator and return ``(the process that seeded it, the seed)``.

    Called once, when pytest collects this file. ansible-test runs each row in a process forked
    from the collecting one, which starts with this emulator as it was seeded: a row's own
    writes (its ``setup``) die with its process. Seeding every row instead would cost most of
    the row's time."""
    environment = dict((name, os.environ.get(name)) for name in FAKE_ENVIRONMENT)
    os.environ.update(FAKE_ENVIRONMENT)
    mock = moto.mock_aws()
    mock.start()
    try:
        workmail_emulator.reset()
        client = boto3.client("workmail", region_name=REGION)
        org = client.create_organization(Alias=ORGANIZATION_OPTION)["OrganizationId"]
        return os.getpid(), make_seed(client, org)
    finally:
        mock.stop(remove_data=False)  # the seeded emulator stays for the forked rows
        for name, value in environment.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


SEEDED = seeded_emulator()


@pytest.fixture
def workmail_client(monkeypatch):
    """The emulator this file's rows run against: the seeded one when the row runs in a forked
    process (as under ansible-test), a fresh one otherwise (the rows share the process then)."""
    for name, value in FAKE_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    mock = moto.mock_aws()
    mock.start(reset=False)
    try:
        yield boto3.client("workmail", region_name=REGION)
    finally:
        mock.stop()
        workmail_emulator.reset()


@pytest.fixture
def seed(workmail_client):
    """What the row starts from (see ``make_seed``)."""
    seeded_by, made = SEEDED
    if os.getpid() == seeded_by:  # not forked: seed again what an earlier test changed or reset
        workmail_emulator.reset()
        org = workmail_client.create_organization(Alias=ORGANIZATION_OPTION)["OrganizationId"]
        return make_seed(workmail_client, org)
    return made


def test_every_module_has_at_least_ten_bad_inputs():
    per_module = collections.Counter(module for module, _args, _message, _setup, _check_mode in CASES.values())
    assert sorted(per_module) == sorted(BASE)
    assert dict((module, count) for module, count in per_module.items() if count < 10) == {}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_fails_naming_the_option_before_any_write(run_module, workmail_client, seed, case):
    module, args, message, setup, check_mode = CASES[case]
    if setup:
        setup(workmail_client, seed)
    params = dict(BASE[module])
    if module not in WITHOUT_ORGANIZATION_OPTION:
        params["organization"] = ORGANIZATION_OPTION
    params.update(args)
    params = dict((key, value) for key, value in params.items() if value is not OMIT)
    workmail_emulator.clear_calls()

    result = run_module(MODULES[module], params, check_mode=check_mode)

    expected = message(seed) if callable(message) else message
    assert result.failed, result
    assert result["msg"] == expected
    assert [call["operation"] for call in workmail_emulator.calls() if workmail_emulator.is_write(call["operation"])] == []
