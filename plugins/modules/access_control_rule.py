#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: access_control_rule
short_description: Manage Amazon WorkMail access control rules
version_added: 0.1.0
description:
  - Create, update and delete an access control rule of an Amazon WorkMail organization. Access control
    rules decide which protocols (IMAP, EWS, WebMail, ...) users and impersonation roles may use, and from
    which addresses.
  - A rule is found by O(name). Options left unset are never changed; an empty list clears a condition.
  - WorkMail evaluates all rules together. A request matched by any V(deny) rule is denied, otherwise a
    request matched by an V(allow) rule is allowed, and a request that no rule matches is denied. A rule
    matches a request when every condition it sets holds; an empty condition does not constrain.
  - A new organization has a default rule that allows all access (all users and impersonation roles, every
    protocol and address); M(mailops.workmail.access_control_rule_info) shows its name. It is a rule like
    any other - this module can change or delete it by that name - so V(deny) rules restrict what it allows.
  - With no rule that allows access (no rule at all, or V(deny) rules only), WorkMail blocks all access to the
    organization's mailboxes. Deleting the last rule that allows access warns about that, in check mode too.
  - Lists compare regardless of order and duplicates. Test the result with
    M(mailops.workmail.access_control_rule_info).
  - An organization holds at most 10 rules, the default rule included. Adding one more fails before any
    change, naming the existing rules.
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) creates the rule or updates it to match the options set.
      - V(absent) deletes the rule.
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - The rule name, unique in the organization (letters, digits, C(_) and C(-), up to 64 characters).
        Names are case-sensitive.
    type: str
    required: true
  effect:
    description:
      - What the rule does to the requests it matches.
      - Required to create the rule.
    type: str
    choices: [allow, deny]
  description:
    description:
      - The rule description. WorkMail requires one, so it cannot be empty; when the rule is created without it,
        it is set to O(name).
    type: str
  actions:
    description:
      - The protocols the rule applies to, from C(ActiveSync), C(AutoDiscover), C(EWS), C(IMAP), C(SMTP),
        C(WindowsOutlook) and C(WebMail). Any case is accepted; the service's spelling is returned.
    type: list
    elements: str
  not_actions:
    description:
      - The rule applies to every protocol except these, given as O(actions).
    type: list
    elements: str
  ip_ranges:
    description:
      - The IPv4 ranges, in CIDR notation, the rule applies to.
      - Each range is normalised before any call (C(10.1.2.3/8) becomes C(10.0.0.0/8), C(192.0.2.7) becomes
        C(192.0.2.7/32)); an invalid or IPv6 range fails.
    type: list
    elements: str
  not_ip_ranges:
    description:
      - The rule applies to every address except those in these IPv4 ranges; normalised as O(ip_ranges).
    type: list
    elements: str
  users:
    description:
      - The users the rule applies to, by name, email address or user ID (at most 10).
      - They are stored, and returned, as user IDs.
    type: list
    elements: str
  not_users:
    description:
      - The rule applies to every user except these, given as O(users) (at most 10).
    type: list
    elements: str
  impersonation_roles:
    description:
      - The impersonation roles the rule applies to, by name or role ID (at most 10). They are stored, and
        returned, as role IDs.
      - A name that several roles share fails; give the ID instead.
    type: list
    elements: str
  not_impersonation_roles:
    description:
      - The rule applies to every impersonation role except these, given as O(impersonation_roles).
    type: list
    elements: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:ListAccessControlRules), C(workmail:PutAccessControlRule), C(workmail:DeleteAccessControlRule),
    C(workmail:DescribeUser), C(workmail:DescribeEntity) (users given by email address),
    C(workmail:ListImpersonationRoles) (impersonation roles given)."
  - PutAccessControlRule replaces a whole rule, so an update sends every field of the rule, the unchanged ones included.
  - In check mode, a user or impersonation role that does not exist yet is assumed to be created by an earlier
    task; it appears in the result as given, with a warning.
seealso:
  - module: mailops.workmail.access_control_rule_info
  - module: mailops.workmail.impersonation_role
  - name: Access control rules in the Amazon WorkMail administrator guide
    description: How WorkMail evaluates access control rules.
    link: https://docs.aws.amazon.com/workmail/latest/adminguide/access-rules.html
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Allow IMAP and SMTP only from the office network
  mailops.workmail.access_control_rule:
    organization: example-corp
    name: deny-imap-outside-office
    effect: deny
    description: IMAP and SMTP from the office only
    actions: [IMAP, SMTP]
    not_ip_ranges:
      - 192.0.2.0/24
      - 198.51.100.0/24

- name: Keep a service account away from WebMail
  mailops.workmail.access_control_rule:
    organization: example-corp
    name: no-webmail-for-scanner
    effect: deny
    actions: [WebMail]
    users:
      - scanner@example.com

- name: Let the archiving application impersonate only from its own subnet
  mailops.workmail.access_control_rule:
    organization: example-corp
    name: archiver-from-datacenter
    effect: deny
    actions: [EWS]
    impersonation_roles: [archiver]
    not_ip_ranges: [203.0.113.0/24]

- name: Remove a rule
  mailops.workmail.access_control_rule:
    organization: example-corp
    name: no-webmail-for-scanner
    state: absent
"""

RETURN = r"""
access_control_rule:
  description:
    - The rule after the change (in check mode, as it would be). Empty when O(state=absent).
    - Lists come back as the service stores them; a rule that check mode would create has C(date_created) null.
  returned: always
  type: dict
  contains:
    name:
      description: The rule name.
      type: str
      sample: deny-imap-outside-office
    effect:
      description: V(allow) or V(deny).
      type: str
      sample: deny
    description:
      description: The rule description.
      type: str
      sample: IMAP and SMTP from the office only
    actions:
      description: The protocols the rule applies to.
      type: list
      elements: str
      sample: [IMAP, SMTP]
    not_actions:
      description: The protocols the rule excludes.
      type: list
      elements: str
      sample: []
    ip_ranges:
      description: The IPv4 ranges the rule applies to, normalised.
      type: list
      elements: str
      sample: []
    not_ip_ranges:
      description: The IPv4 ranges the rule excludes, normalised.
      type: list
      elements: str
      sample: [192.0.2.0/24, 198.51.100.0/24]
    users:
      description:
        - The IDs of the users the rule applies to.
        - In check mode, a user an earlier task would create appears as given.
      type: list
      elements: str
      sample: [0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d]
    not_users:
      description: The IDs of the users the rule excludes.
      type: list
      elements: str
      sample: []
    impersonation_roles:
      description:
        - The IDs of the impersonation roles the rule applies to.
        - In check mode, a role an earlier task would create appears as given.
      type: list
      elements: str
      sample: []
    not_impersonation_roles:
      description: The IDs of the impersonation roles the rule excludes.
      type: list
      elements: str
      sample: []
    date_created:
      description: When the rule was created (ISO 8601).
      type: str
      sample: "2026-01-05T09:30:00+00:00"
    date_modified:
      description: When the rule was last changed (ISO 8601).
      type: str
      sample: "2026-01-05T09:30:00+00:00"
"""

from ansible_collections.mailops.workmail.plugins.module_utils.access_control import ACCESS_CONTROL_RULE
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    name=dict(type="str", required=True),
    effect=dict(type="str", choices=["allow", "deny"]),
    description=dict(type="str"),
    actions=dict(type="list", elements="str"),
    not_actions=dict(type="list", elements="str"),
    ip_ranges=dict(type="list", elements="str"),
    not_ip_ranges=dict(type="list", elements="str"),
    users=dict(type="list", elements="str"),
    not_users=dict(type="list", elements="str"),
    impersonation_roles=dict(type="list", elements="str"),
    not_impersonation_roles=dict(type="list", elements="str"),
)


def main():
    WorkMailModule(argument_spec=ARGUMENT_SPEC).reconcile(ACCESS_CONTROL_RULE)


if __name__ == "__main__":
    main()
