#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: impersonation_role
short_description: Manage Amazon WorkMail impersonation roles
version_added: 0.1.0
description:
  - Create, update and delete an impersonation role of an Amazon WorkMail organization. An impersonation
    role lets an application act as the organization's users through EWS, for the users its rules allow.
  - A role is found by O(name). WorkMail does not keep role names unique; when several roles share the
    name, the module fails and names their IDs.
  - Options left unset are never changed. O(rules), when set, is the complete list of the role's rules.
  - WorkMail evaluates the rules together; a user matched by a V(deny) rule cannot be impersonated, a user
    matched only by V(allow) rules can, and a user no rule matches cannot.
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) creates the role or updates it to match the options set.
      - V(absent) deletes the role.
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - The role name, up to 64 characters.
    type: str
    required: true
  type:
    description:
      - What an application holding the role may do to the mailboxes it reaches.
      - Required to create the role.
    type: str
    choices: [full_access, read_only]
  description:
    description:
      - The role description. An empty string removes it.
    type: str
  rules:
    description:
      - The role's rules, at most 10, compared regardless of order. An empty list removes every rule.
      - Each rule's ID is derived from its name (the name itself when it is made of letters, digits,
        C(_) and C(-)), so a rerun sends the same IDs and renaming a rule replaces it.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - The rule name, unique in the role.
        type: str
        required: true
      effect:
        description:
          - What the rule does to the users it matches.
        type: str
        choices: [allow, deny]
        required: true
      description:
        description:
          - The rule description.
        type: str
      target_users:
        description:
          - The users the rule applies to, by name, email address or user ID (at most 10). They are stored,
            and returned, as user IDs.
          - Unset or empty, the rule applies to every user except O(rules[].not_target_users).
          - Each must be an enabled user, here and in O(rules[].not_target_users); a disabled one fails the task
            before any write.
        type: list
        elements: str
      not_target_users:
        description:
          - The rule applies to every user except these, given as O(rules[].target_users) (at most 10).
        type: list
        elements: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:ListImpersonationRoles), C(workmail:GetImpersonationRole), C(workmail:CreateImpersonationRole),
    C(workmail:UpdateImpersonationRole), C(workmail:DeleteImpersonationRole), C(workmail:DescribeUser),
    C(workmail:DescribeEntity) (target users given by email address)."
  - UpdateImpersonationRole replaces a whole role, so an update sends the unchanged fields as well.
  - A new role is created with a ClientToken derived from the request (organization, name and content), so the
    same create sent twice, by two runs at once or by a retry whose first reply was lost, makes one role. A
    role deleted and then created again is told apart from a repeat. When the service answers with a role
    that no longer exists, the create is sent again under a token that names that role.
  - In check mode, a target user that does not exist yet is assumed to be created by an earlier task; it
    appears in the result as given, with a warning.
  - Restrict where a role may be used from with M(mailops.workmail.access_control_rule)
    (O(mailops.workmail.access_control_rule#module:impersonation_roles)).
seealso:
  - module: mailops.workmail.impersonation_role_info
  - module: mailops.workmail.access_control_rule
  - name: Impersonation roles in the Amazon WorkMail administrator guide
    description: How applications use impersonation roles.
    link: https://docs.aws.amazon.com/workmail/latest/adminguide/managing-impersonation-roles.html
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: An archiving application may read every mailbox except the executives'
  mailops.workmail.impersonation_role:
    organization: example-corp
    name: archiver
    type: read_only
    description: Journal archiving
    rules:
      - name: everyone
        effect: allow
        not_target_users:
          - ceo@example.com
          - cfo@example.com

- name: A migration tool with full access to two mailboxes
  mailops.workmail.impersonation_role:
    organization: example-corp
    name: migration
    type: full_access
    rules:
      - name: Migration wave 1
        effect: allow
        target_users: [jdoe, asmith@example.com]

- name: Remove the role
  mailops.workmail.impersonation_role:
    organization: example-corp
    name: migration
    state: absent
"""

RETURN = r"""
impersonation_role:
  description:
    - The role after the change (in check mode, as it would be). Empty when O(state=absent).
    - A role that check mode would create has C(id) null.
  returned: always
  type: dict
  contains:
    id:
      description: The role ID, chosen by the service.
      type: str
      sample: 4c6d2b0e-9f1a-4a51-8d7e-2b3c4d5e6f70
    name:
      description: The role name.
      type: str
      sample: archiver
    type:
      description: V(full_access) or V(read_only).
      type: str
      sample: read_only
    description:
      description: The role description.
      type: str
      sample: Journal archiving
    rules:
      description: The role's rules.
      type: list
      elements: dict
      contains:
        id:
          description: The rule ID, derived from its name.
          type: str
          sample: everyone
        name:
          description: The rule name.
          type: str
          sample: everyone
        effect:
          description: V(allow) or V(deny).
          type: str
          sample: allow
        description:
          description: The rule description.
          type: str
        target_users:
          description:
            - The IDs of the users the rule applies to.
            - In check mode, a user an earlier task would create appears as given.
          type: list
          elements: str
          sample: []
        not_target_users:
          description: The IDs of the users the rule excludes.
          type: list
          elements: str
          sample: [0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d]
    date_created:
      description: When the role was created (ISO 8601).
      type: str
      sample: "2026-01-05T09:30:00+00:00"
    date_modified:
      description: When the role was last changed (ISO 8601).
      type: str
      sample: "2026-01-05T09:30:00+00:00"
"""

from ansible_collections.mailops.workmail.plugins.module_utils.impersonation import IMPERSONATION_ROLE
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

RULE_OPTIONS = dict(
    name=dict(type="str", required=True),
    effect=dict(type="str", choices=["allow", "deny"], required=True),
    description=dict(type="str"),
    target_users=dict(type="list", elements="str"),
    not_target_users=dict(type="list", elements="str"),
)

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    name=dict(type="str", required=True),
    type=dict(type="str", choices=["full_access", "read_only"]),
    description=dict(type="str"),
    rules=dict(type="list", elements="dict", options=RULE_OPTIONS),
)


def main():
    WorkMailModule(argument_spec=ARGUMENT_SPEC).reconcile(IMPERSONATION_ROLE)


if __name__ == "__main__":
    main()
