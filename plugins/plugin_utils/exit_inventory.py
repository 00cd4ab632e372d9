# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The exit inventory: an organization, as the _info modules return it, written back as the
variables the baseline and onboarding roles and the directory module take, plus the DNS records
its domains use and its people as bulk-import CSV files for Microsoft 365 and Google Workspace.

Everything here shapes data the _info modules have read; nothing calls AWS. No password is ever
written: the service never returns one, and the CSV files leave the password columns empty.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import csv
import io

from ansible.module_utils.six import string_types

TEST_DOMAIN_SUFFIX = ".awsapps.com"

MICROSOFT_365_COLUMNS = (
    "User Name", "First Name", "Last Name", "Display Name", "Job Title", "Department", "Office Number", "Office Phone",
    "Mobile Phone", "Fax", "Alternate email address", "Address", "City", "State or Province", "ZIP or Postal Code",
    "Country or Region",
)
"""The header of the Microsoft 365 admin center's "Add multiple users" CSV template."""

GOOGLE_WORKSPACE_COLUMNS = (
    "First Name [Required]", "Last Name [Required]", "Email Address [Required]", "Password [Required]",
    "Password Hash Function [UPLOAD ONLY]", "Org Unit Path [Required]", "New Primary Email [UPLOAD ONLY]", "Recovery Email",
    "Home Secondary Email", "Work Secondary Email", "Recovery Phone [MUST BE IN THE E.164 FORMAT]", "Work Phone", "Home Phone",
    "Mobile Phone", "Work Address", "Home Address", "Employee ID", "Employee Type", "Employee Title", "Manager Email",
    "Department", "Cost Center", "Building ID", "Floor Name", "Floor Section", "Change Password at Next Sign-In",
    "New Status [UPLOAD ONLY]",
)
"""The header of the Google Admin console's bulk user upload CSV template (Directory > Users > Bulk update users)."""

CSV_TEMPLATES = ("microsoft365", "google_workspace")

RULE_USER_OPTIONS = ("users", "not_users")
RULE_ROLE_OPTIONS = ("impersonation_roles", "not_impersonation_roles")
RULE_LIST_OPTIONS = ("actions", "not_actions", "ip_ranges", "not_ip_ranges") + RULE_USER_OPTIONS + RULE_ROLE_OPTIONS
ONBOARDING_GROUP_OPTIONS = ("name", "email", "enabled", "hidden_from_global_address_list")


class InventoryError(ValueError):
    """Input the inventory cannot be made from, with a message naming what is wrong."""


def is_test_domain(domain):
    return bool(domain.get("is_test_domain")) or (domain.get("name") or "").lower().endswith(TEST_DOMAIN_SUFFIX)


def _set(value):
    """Whether ``value`` says something (None, "" and [] do not)."""
    return value is not None and value != "" and value != []


def _options(item, keys):
    return dict((key, item[key]) for key in keys if _set(item.get(key)))


def referenced_user_ids(impersonation_roles, access_control_rules):
    """The user IDs the rules of ``impersonation_roles`` and ``access_control_rules`` name (as the
    _info modules return them), sorted: the users whose names the inventory needs."""
    found = set()
    for role in impersonation_roles or []:
        for rule in role.get("rules") or []:
            found.update(rule.get("target_users") or [])
            found.update(rule.get("not_target_users") or [])
    for rule in access_control_rules or []:
        for option in RULE_USER_OPTIONS:
            found.update(rule.get(option) or [])
    return sorted(found)


def _namer(items):
    """ID -> name for ``items`` (each with id and name); an ID whose name is shared by another
    item maps to itself, since a name would not tell them apart."""
    count = {}
    for item in items or []:
        count[item.get("name")] = count.get(item.get("name"), 0) + 1
    names = dict((item["id"], item["name"]) for item in items or [] if item.get("id") and count[item.get("name")] == 1)
    return lambda ref: names.get(ref, ref)


def baseline_vars(organization, mail_domains, impersonation_roles, access_control_rules, retention_policy, users=()):
    """The variables of the baseline role that describe the organization as it is.

    Users and impersonation roles named in rules are written by name (``users`` maps user IDs to
    names; a user not in it stays an ID). The test domain is listed only when it is the default.
    Creation-only settings the service does not return (kms_key_arn, domains) are left out.
    """
    if not organization or not organization.get("alias"):
        raise InventoryError("organization: an organization with an alias is needed (the organization_info result)")
    user_name = _namer(users)
    role_name = _namer(impersonation_roles)

    baseline_organization = {"alias": organization["alias"]}
    if organization.get("tags"):
        baseline_organization["tags"] = dict(organization["tags"])

    domains = []
    for domain in sorted(mail_domains or [], key=lambda d: (not d.get("default"), d["name"])):
        if is_test_domain(domain) and not domain.get("default"):
            continue
        entry = {"name": domain["name"]}
        if domain.get("default"):
            entry["default"] = True
        domains.append(entry)

    roles = []
    for role in impersonation_roles or []:
        entry = _options(role, ("name", "type", "description"))
        entry["rules"] = []
        for rule in role.get("rules") or []:
            shaped = _options(rule, ("name", "effect", "description"))
            for option in ("target_users", "not_target_users"):
                if rule.get(option):
                    shaped[option] = [user_name(ref) for ref in rule[option]]
            entry["rules"].append(shaped)
        roles.append(entry)

    rules = []
    for rule in access_control_rules or []:
        entry = _options(rule, ("name", "effect", "description") + RULE_LIST_OPTIONS)
        for option in RULE_USER_OPTIONS:
            if option in entry:
                entry[option] = [user_name(ref) for ref in entry[option]]
        for option in RULE_ROLE_OPTIONS:
            if option in entry:
                entry[option] = [role_name(ref) for ref in entry[option]]
        rules.append(entry)

    return {
        "baseline_organization": baseline_organization,
        "baseline_mail_domains": domains,
        "baseline_impersonation_roles": roles,
        "baseline_access_control_rules": rules,
        "baseline_retention_policy": dict(retention_policy or {}),
    }


def onboarding_vars(organization, directory, resources=None, mailbox_permissions=None):
    """The variables of the onboarding role: every user of ``directory`` (the directory_info result)
    with its groups and aliases, and every group with the options the role takes for groups (a
    group's own aliases and parent groups are in the directory module's file only); every resource
    and mailbox permission (see ``onboarding_resource_vars``)."""
    _check_directory(directory)
    result = {
        "onboarding_organization": organization["alias"],
        "onboarding_default_domain": organization.get("default_mail_domain") or "",
        "onboarding_groups": [_options(group, ONBOARDING_GROUP_OPTIONS) for group in directory["groups"]],
        "onboarding_users": [dict(user) for user in directory["users"]],
    }
    result.update(onboarding_resource_vars(resources, mailbox_permissions))
    return result


def directory_vars(organization, directory):
    """The options of a directory task (with state=exact) that gives back ``directory``."""
    _check_directory(directory)
    return {
        "directory_organization": organization["alias"],
        "directory_users": [dict(user) for user in directory["users"]],
        "directory_groups": [dict(group) for group in directory["groups"]],
    }


def dns_records(mail_domains):
    """Each mail domain with the DNS records WorkMail has it publish, default domain first: what
    to replace at the cut-over. The test domain is listed with its records left out (AWS keeps them)."""
    result = []
    for domain in sorted(mail_domains or [], key=lambda d: (not d.get("default"), d["name"])):
        test = is_test_domain(domain)
        result.append({
            "name": domain["name"],
            "default": bool(domain.get("default")),
            "test_domain": test,
            "ownership_verification_status": domain.get("ownership_verification_status"),
            "dkim_verification_status": domain.get("dkim_verification_status"),
            "records": [] if test else [dict(r) for r in domain.get("records") or []],
        })
    return {"exit_mail_domains": result}


def inventory(gathered):
    """All the variable files at once from ``gathered``: organization, mail_domains,
    impersonation_roles, access_control_rules, retention_policy, directory and users (the users
    whose IDs rules name). Returns {baseline, onboarding, directory, dns_records}."""
    if not isinstance(gathered, dict):
        raise InventoryError("the input must be a dictionary of what the _info modules returned")
    organization = gathered.get("organization") or {}
    return {
        "baseline": baseline_vars(
            organization, gathered.get("mail_domains"), gathered.get("impersonation_roles"), gathered.get("access_control_rules"),
            gathered.get("retention_policy"), gathered.get("users"),
        ),
        "onboarding": onboarding_vars(organization, gathered.get("directory"), gathered.get("resources"), gathered.get("mailbox_permissions")),
        "directory": directory_vars(organization, gathered.get("directory")),
        "dns_records": dns_records(gathered.get("mail_domains")),
    }


def _check_directory(directory):
    if not isinstance(directory, dict) or not isinstance(directory.get("users"), list) or not isinstance(directory.get("groups"), list):
        raise InventoryError("directory: the directory_info result is needed (a dictionary with users and groups lists)")


# -- rooms, equipment and mailbox permissions -----------------------------------------------------

ONBOARDING_RESOURCE_OPTIONS = ("name", "type", "description", "email", "enabled", "hidden_from_global_address_list", "booking_options")


def onboarding_resource_vars(resources, mailbox_permissions):
    """``onboarding_resources`` and ``onboarding_mailbox_permissions`` of the onboarding role from
    ``resources`` (the resource_info result, with include_delegates) and ``mailbox_permissions``
    (the mailbox_permission_info result without entity): each resource with the options the
    resource module takes and its delegates by name (``[]`` for none, so that the role with
    onboarding_state exact gives it none), each mailbox with its grants, by name."""
    if not isinstance(resources or [], list) or not all(isinstance(r, dict) and r.get("name") for r in resources or []):
        raise InventoryError("resources: the resource_info result is needed (a list of resources, with include_delegates)")
    if not isinstance(mailbox_permissions or [], list) or not all(isinstance(m, dict) and m.get("entity") for m in mailbox_permissions or []):
        raise InventoryError("mailbox_permissions: the mailbox_permission_info result is needed (a list of {entity, grants})")
    shaped = []
    for resource in sorted(resources or [], key=lambda r: r["name"].lower()):
        entry = _options(resource, ONBOARDING_RESOURCE_OPTIONS)
        if not resource.get("enabled"):
            entry.pop("email", None)  # a disabled resource holds no address
        if resource.get("booking_options"):
            entry["booking_options"] = dict(resource["booking_options"])
        entry["delegates"] = sorted((delegate.get("name") or delegate.get("id") for delegate in resource.get("delegates") or []), key=str.lower)
        shaped.append(entry)
    permissions = [
        {"entity": item["entity"], "grants": [{"grantee": grant["grantee"], "permissions": list(grant["permissions"])} for grant in item.get("grants") or []]}
        for item in sorted(mailbox_permissions or [], key=lambda m: m["entity"].lower())
    ]
    return {"onboarding_resources": shaped, "onboarding_mailbox_permissions": permissions}


# -- people as CSV --------------------------------------------------------------------------------

def _text(value):
    if value is None:
        return ""
    return value if isinstance(value, string_types) else str(value)


def _microsoft_365_row(user, options):
    return {
        "User Name": user.get("email"),
        "First Name": user.get("first_name"),
        "Last Name": user.get("last_name"),
        "Display Name": user.get("display_name") or user.get("name"),
        "Job Title": user.get("job_title"),
        "Department": user.get("department"),
        "Office Number": user.get("office"),
        "Office Phone": user.get("telephone"),
        "Address": user.get("street"),
        "City": user.get("city"),
        "ZIP or Postal Code": user.get("zip_code"),
        "Country or Region": user.get("country"),
    }


def _google_workspace_row(user, options):
    address = ", ".join(part for part in (user.get("street"), " ".join(p for p in (user.get("zip_code"), user.get("city")) if p),
                                          user.get("country")) if part)
    return {
        "First Name [Required]": user.get("first_name") or user.get("display_name") or user.get("name"),
        "Last Name [Required]": user.get("last_name"),
        "Email Address [Required]": user.get("email"),
        "Org Unit Path [Required]": options.get("org_unit_path") or "/",
        "Work Phone": user.get("telephone"),
        "Work Address": address,
        "Employee Title": user.get("job_title"),
        "Department": user.get("department"),
        "Change Password at Next Sign-In": "True",
    }


CSV_LAYOUTS = {
    "microsoft365": (MICROSOFT_365_COLUMNS, _microsoft_365_row),
    "google_workspace": (GOOGLE_WORKSPACE_COLUMNS, _google_workspace_row),
}


def people_csv(users, template, org_unit_path="/"):
    """``users`` (as directory_info returns them) as the bulk-import CSV file of ``template``
    (microsoft365 or google_workspace): a header row and one row per enabled user with an address,
    sorted by address; password columns empty. Returns the text, lines ending in CRLF."""
    if template not in CSV_LAYOUTS:
        raise InventoryError("template: {0!r} is not one of {1}".format(template, ", ".join(CSV_TEMPLATES)))
    if not isinstance(users, (list, tuple)) or not all(isinstance(u, dict) for u in users):
        raise InventoryError("the input must be a list of users (the directory_info users)")
    if not isinstance(org_unit_path, string_types) or not org_unit_path.startswith("/"):
        raise InventoryError("org_unit_path: {0!r} is not an organizational unit path; it starts with / (/ alone is the top level)".format(org_unit_path))
    columns, row_of = CSV_LAYOUTS[template]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    people = [u for u in users if u.get("enabled", True) and u.get("email")]
    for user in sorted(people, key=lambda u: u["email"].lower()):
        row = row_of(user, {"org_unit_path": org_unit_path})
        writer.writerow(dict((column, _text(row.get(column))) for column in columns))
    return out.getvalue()


# -- the export report ----------------------------------------------------------------------------

def _fold(value):
    return (value or "").casefold() if isinstance(value, string_types) else ""


def _bucket_key(s3_path):
    """(bucket, key) of an S3 path given as BUCKET/KEY or s3://BUCKET/KEY."""
    path = s3_path[len("s3://"):] if s3_path.startswith("s3://") else s3_path
    bucket, _sep, key = path.partition("/")
    return bucket, key


def _object_size(check):
    """The size in bytes that an amazon.aws.s3_object_info result gives, or None."""
    for info in check.get("object_info") or []:
        data = info.get("object_data") or {}
        if data.get("content_length") is not None:
            return data["content_length"]
    return None


def export_report(exports, checks=(), expected=(), error=None):
    """What became of each mailbox: ``exports`` as mailbox_export returns them, ``checks`` the
    amazon.aws.s3_object_info results for the completed ones, ``expected``
    the mailboxes that had to be exported (dicts of name, email, id: any names it), ``error`` the
    message of a mailbox_export task that failed as a whole. Each check's ``item`` is the export
    whose object it looked at.

    Returns ``mailboxes`` (entity, entity_id, state, s3_path, size, error for each export),
    ``not_exported`` (entity and reason for each mailbox without a complete export whose object is
    in S3: a job that failed, did not end, whose object is missing, or no job at all), ``lines``
    (the report, one line per mailbox) and ``problems`` ("entity (reason)" for each mailbox not
    exported)."""
    by_key = {}
    for check in checks or []:
        item = check.get("item") or {}
        if item.get("s3_path"):
            by_key[_bucket_key(item["s3_path"])] = check
    mailboxes, not_exported, lines = [], [], []
    for export in exports or []:
        entity = export.get("entity") or export.get("entity_id")
        state = export.get("state")
        row = {
            "entity": entity,
            "entity_id": export.get("entity_id"),
            "state": state,
            "s3_path": export.get("s3_path"),
            "size": None,
            "error": export.get("error"),
        }
        reason = None
        if _fold(state) != "completed":
            reason = "{0}{1}".format((state or "no state").lower(), ": " + export["error"] if export.get("error") else "")
        elif not export.get("s3_path"):
            reason = "completed without an S3 path"
        else:
            check = by_key.get(_bucket_key(export["s3_path"]))
            size = _object_size(check) if check else None
            if check is None or check.get("failed") or size is None:
                reason = "the object s3://{0} is not in the bucket{1}".format(
                    "/".join(_bucket_key(export["s3_path"])), ": " + check["msg"] if check and check.get("msg") else "")
            row["size"] = size
        mailboxes.append(row)
        if reason:
            row["error"] = row["error"] or reason
            not_exported.append({"entity": entity, "reason": reason})
            lines.append("{0}: NOT EXPORTED ({1})".format(entity, reason))
        else:
            lines.append("{0}: {1}, s3://{2}, {3} bytes".format(entity, state, "/".join(_bucket_key(export["s3_path"])), row["size"]))
    reported = set()
    for row in mailboxes:
        reported.update((_fold(row["entity"]), _fold(row["entity_id"])))
    reported.discard("")
    for mailbox in expected or []:
        if isinstance(mailbox, string_types):
            mailbox = {"name": mailbox}
        names = [_fold(mailbox.get(key)) for key in ("name", "email", "id") if mailbox.get(key)]
        if names and not reported.intersection(names):
            reason = "no export job: {0}".format(error) if error else "no export job was reported for it"
            entity = mailbox.get("name") or mailbox.get("email") or mailbox.get("id")
            not_exported.append({"entity": entity, "reason": reason})
            lines.append("{0}: NOT EXPORTED ({1})".format(entity, reason))
    if error and not exports and not expected:
        not_exported.append({"entity": None, "reason": error})
        lines.append("NOT EXPORTED: {0}".format(error))
    problems = ["{0} ({1})".format(item["entity"] or "every mailbox", item["reason"]) for item in not_exported]
    return {"mailboxes": mailboxes, "not_exported": not_exported, "lines": lines, "problems": problems}


# -- the organization-wide settings of the baseline file ----------------------------------------

MOBILE_DEVICE_ACCESS_RULE_OPTIONS = (
    "name", "effect", "description", "device_types", "not_device_types", "device_models", "not_device_models",
    "device_operating_systems", "not_device_operating_systems", "device_user_agents", "not_device_user_agents",
)
AVAILABILITY_CONFIGURATION_OPTIONS = ("domain_name", "ews_provider", "lambda_provider")
INFO_MODULES = {
    "mobile_device_access_rules": "mobile_device_access_rule",
    "availability_configurations": "availability_configuration",
    "email_monitoring": "email_monitoring",
    "inbound_dmarc": "inbound_dmarc",
    "identity_provider": "identity_provider",
}


def baseline_settings_vars(mobile_device_access_rules=None, availability_configurations=None, identity_provider=None,
                           email_monitoring=None, inbound_dmarc=None):
    """The variables of the baseline role for the organization-wide settings the _info modules read.

    ``mobile_device_access_rules`` is the mobile_device_access_rule_info result: each rule keeps
    the options the module takes that say something (no ID, no dates, no empty condition or
    description). ``availability_configurations``, ``identity_provider``, ``email_monitoring`` and
    ``inbound_dmarc`` are the results of their _info modules, already in the shape their modules
    take ({} for a setting the organization does not have, which the role then leaves alone). An
    EWS provider comes without its password, which the service never returns: the module's
    update_password on_create leaves it as it is.
    """
    for option, value, kind, info in (("mobile_device_access_rules", mobile_device_access_rules, list, "a list"),
                                      ("availability_configurations", availability_configurations, list, "a list"),
                                      ("email_monitoring", email_monitoring, dict, "a dictionary"),
                                      ("inbound_dmarc", inbound_dmarc, dict, "a dictionary"),
                                      ("identity_provider", identity_provider, dict, "a dictionary")):
        if value is not None and not isinstance(value, kind):
            raise InventoryError("{0}: the {1}_info result is needed ({2})".format(option, INFO_MODULES[option], info))
    configurations = []
    for configuration in availability_configurations or []:
        entry = _options(configuration, AVAILABILITY_CONFIGURATION_OPTIONS)
        for provider in ("ews_provider", "lambda_provider"):
            if provider in entry:
                entry[provider] = dict((key, value) for key, value in entry[provider].items() if key != "password")
        configurations.append(entry)
    return {
        "baseline_mobile_device_access_rules": [_options(rule, MOBILE_DEVICE_ACCESS_RULE_OPTIONS) for rule in mobile_device_access_rules or []],
        "baseline_availability_configurations": configurations,
        "baseline_email_monitoring": dict(email_monitoring or {}),
        "baseline_inbound_dmarc": dict(inbound_dmarc or {}),
        "baseline_identity_provider": dict(identity_provider or {}),
    }
