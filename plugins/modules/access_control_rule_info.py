#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: access_control_rule_info
short_description: List Amazon WorkMail access control rules and test what they allow
version_added: 0.1.0
description:
  - Returns the access control rules of an Amazon WorkMail organization, in the shape
    M(mailops.workmail.access_control_rule) returns one.
  - With O(ip_address) and O(action), and a O(user) or an O(impersonation_role), it also asks WorkMail
    whether that request would be allowed (GetAccessControlEffect) and returns the C(effect) and the
    C(matched_rules), so a pipeline can test its policy.
author:
  - mailops.workmail maintainers (@mailops)
options:
  ip_address:
    description:
      - The IPv4 address the request to evaluate comes from.
      - Needs O(action) and one of O(user) or O(impersonation_role).
    type: str
  action:
    description:
      - The protocol of the request to evaluate, one of C(ActiveSync), C(AutoDiscover), C(EWS), C(IMAP),
        C(SMTP), C(WindowsOutlook) and C(WebMail), in any case.
      - Must be C(EWS) with O(impersonation_role).
    type: str
  user:
    description:
      - The user making the request to evaluate, by name, email address or user ID.
    type: str
  impersonation_role:
    description:
      - The impersonation role making the request to evaluate, by name or role ID.
    type: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:ListAccessControlRules), C(workmail:GetAccessControlEffect), C(workmail:DescribeUser) and
    C(workmail:DescribeEntity) (with O(user)), C(workmail:ListImpersonationRoles) (with O(impersonation_role))."
  - In check mode, when the organization does not exist yet (an earlier task would create it), C(rules) is
    empty; when the organization, the user or the role does not exist yet, C(effect) is null. A warning says why.
seealso:
  - module: mailops.workmail.access_control_rule
  - module: mailops.workmail.impersonation_role_info
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: List the rules
  mailops.workmail.access_control_rule_info:
    organization: example-corp
  register: acl

- name: May jdoe reach IMAP from outside the office?
  mailops.workmail.access_control_rule_info:
    organization: example-corp
    ip_address: 203.0.113.10
    action: IMAP
    user: jdoe@example.com
  register: imap_from_home

- name: Fail the pipeline when the policy lets it through
  ansible.builtin.assert:
    that:
      - imap_from_home.effect == 'deny'
      - "'deny-imap-outside-office' in imap_from_home.matched_rules"

- name: May the archiving application impersonate from the data center?
  mailops.workmail.access_control_rule_info:
    organization: example-corp
    ip_address: 203.0.113.40
    action: EWS
    impersonation_role: archiver
  register: archiver
"""

RETURN = r"""
rules:
  description:
    - The organization's access control rules, in the order the service lists them, each as
      M(mailops.workmail.access_control_rule) returns it.
  returned: always
  type: list
  elements: dict
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
    actions:
      description: The protocols the rule applies to.
      type: list
      elements: str
    not_actions:
      description: The protocols the rule excludes.
      type: list
      elements: str
    ip_ranges:
      description: The IPv4 ranges the rule applies to.
      type: list
      elements: str
    not_ip_ranges:
      description: The IPv4 ranges the rule excludes.
      type: list
      elements: str
    users:
      description: The IDs of the users the rule applies to.
      type: list
      elements: str
    not_users:
      description: The IDs of the users the rule excludes.
      type: list
      elements: str
    impersonation_roles:
      description: The IDs of the impersonation roles the rule applies to.
      type: list
      elements: str
    not_impersonation_roles:
      description: The IDs of the impersonation roles the rule excludes.
      type: list
      elements: str
    date_created:
      description: When the rule was created (ISO 8601).
      type: str
    date_modified:
      description: When the rule was last changed (ISO 8601).
      type: str
effect:
  description:
    - What WorkMail does with the request described by O(ip_address), O(action) and O(user) or
      O(impersonation_role), V(allow) or V(deny).
    - Null in check mode while the organization, the user or the role does not exist yet.
  returned: when O(ip_address) is set
  type: str
  sample: deny
matched_rules:
  description: The names of the rules that match the request.
  returned: when O(ip_address) is set
  type: list
  elements: str
  sample: [deny-imap-outside-office]
"""

from ansible_collections.mailops.workmail.plugins.module_utils.access_control import describe_rules
from ansible_collections.mailops.workmail.plugins.module_utils.access_control import evaluate
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    ip_address=dict(type="str"),
    action=dict(type="str"),
    user=dict(type="str"),
    impersonation_role=dict(type="str"),
)


def main():
    module = WorkMailModule(
        argument_spec=ARGUMENT_SPEC,
        required_together=[("ip_address", "action")],
        required_by={"user": "ip_address", "impersonation_role": "ip_address"},
        mutually_exclusive=[("user", "impersonation_role")],
    )
    params = module.params

    def task():
        ctx = module.context()
        result = {"rules": describe_rules(ctx)}
        if params["ip_address"]:
            result.update(evaluate(ctx, params["ip_address"], params["action"], params["user"], params["impersonation_role"]))
        module.exit(False, result, warnings=ctx.warnings)

    module.run(task)


if __name__ == "__main__":
    main()
