#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: retention_policy_info
short_description: Read the Amazon WorkMail retention policy as module input
version_added: 0.2.0
description:
  - Returns the retention policy of an Amazon WorkMail organization in exactly the shape
    M(mailops.workmail.retention_policy) takes (O(mailops.workmail.retention_policy#module:name),
    O(mailops.workmail.retention_policy#module:description) and O(mailops.workmail.retention_policy#module:folders)),
    so that feeding it back, or giving it to the P(mailops.workmail.baseline#role) role as C(baseline_retention_policy),
    reports no change.
  - An organization without a retention policy gives an empty dictionary.
  - The P(mailops.workmail.exit#role) role writes it, with the rest of the organization, as the variable files the roles take.
author:
  - mailops.workmail maintainers (@mailops)
options: {}
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:GetDefaultRetentionPolicy)."
  - In check mode, when the organization does not exist yet (an earlier task would create it), RV(retention_policy) is empty.
seealso:
  - module: mailops.workmail.retention_policy
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Read the retention policy
  mailops.workmail.retention_policy_info:
    organization: example-corp
  register: retention

- name: Keep it as the baseline role's variable
  ansible.builtin.copy:
    content: "{{ {'baseline_retention_policy': retention.retention_policy} | to_nice_yaml }}"
    dest: inventory/retention.yml
    mode: "0600"

- name: Check that nothing drifted since
  mailops.workmail.retention_policy:
    organization: example-corp
    name: "{{ retention.retention_policy.name }}"
    description: "{{ retention.retention_policy.description | default(omit) }}"
    folders: "{{ retention.retention_policy.folders }}"
  check_mode: true
  when: retention.retention_policy | length > 0
"""

RETURN = r"""
retention_policy:
  description:
    - The policy in the shape M(mailops.workmail.retention_policy) takes; empty when the organization has none.
    - C(description) is there only when the policy has one; a folder whose action is V(none) has no C(period).
  returned: always
  type: dict
  contains:
    name:
      description: The policy name.
      type: str
      sample: default-retention
    description:
      description: The policy description.
      type: str
      sample: Keep deleted mail and junk for a short while
    folders:
      description:
        - The configured folders, keyed by folder (V(inbox), V(deleted_items), V(sent_items), V(drafts),
          V(junk_email)), each with C(action) and, unless the action is V(none), C(period) (days).
      type: dict
      sample:
        deleted_items:
          action: permanently_delete
          period: 30
        inbox:
          action: none
"""

from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.retention import describe_policy


def main():
    WorkMailModule(argument_spec={}).info("retention_policy", describe_policy)


if __name__ == "__main__":
    main()
