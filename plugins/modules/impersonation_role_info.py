#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: impersonation_role_info
short_description: List Amazon WorkMail impersonation roles and test whom they may impersonate
version_added: 0.1.0
description:
  - Returns the impersonation roles of an Amazon WorkMail organization (all of them, or those named
    O(name)), in the shape M(mailops.workmail.impersonation_role) returns one.
  - With O(target_user), it also asks WorkMail whether each returned role may impersonate that user
    (GetImpersonationRoleEffect) and returns the answers as C(effects).
author:
  - mailops.workmail maintainers (@mailops)
options:
  name:
    description:
      - Return only the roles with this name.
      - A name no role can have (empty, longer than 64 characters, or holding C(<), C(>), a backslash or control
        characters) fails, naming the option.
    type: str
  target_user:
    description:
      - A user, by name, email address or user ID, to evaluate each returned role against.
      - It must be an enabled user; a disabled one fails, naming the option.
    type: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:ListImpersonationRoles), C(workmail:GetImpersonationRole), and with O(target_user)
    C(workmail:GetImpersonationRoleEffect), C(workmail:DescribeUser), C(workmail:DescribeEntity)."
  - In check mode, when the organization or the target user does not exist yet (an earlier task would
    create it), nothing is evaluated, C(effects) is empty and a warning says why.
seealso:
  - module: mailops.workmail.impersonation_role
  - module: mailops.workmail.access_control_rule_info
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: List every impersonation role
  mailops.workmail.impersonation_role_info:
    organization: example-corp
  register: roles

- name: May the archiver read the CEO's mailbox?
  mailops.workmail.impersonation_role_info:
    organization: example-corp
    name: archiver
    target_user: ceo@example.com
  register: archiver_ceo

- name: It must not
  ansible.builtin.assert:
    that:
      - archiver_ceo.effects[0].effect == 'deny'

- name: Which roles may impersonate jdoe?
  mailops.workmail.impersonation_role_info:
    organization: example-corp
    target_user: jdoe
  register: jdoe_roles

- name: Show them
  ansible.builtin.debug:
    msg: "{{ jdoe_roles.effects | selectattr('effect', 'eq', 'allow') | map(attribute='impersonation_role') | list }}"
"""

RETURN = r"""
impersonation_roles:
  description:
    - The roles, each as M(mailops.workmail.impersonation_role) returns one.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The role ID.
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
    rules:
      description: The role's rules, each with C(id), C(name), C(effect), C(description), C(target_users)
        and C(not_target_users) (user IDs).
      type: list
      elements: dict
    date_created:
      description: When the role was created (ISO 8601).
      type: str
    date_modified:
      description: When the role was last changed (ISO 8601).
      type: str
effects:
  description:
    - For each returned role, whether it may impersonate O(target_user).
  returned: when O(target_user) is set
  type: list
  elements: dict
  contains:
    impersonation_role:
      description: The role name.
      type: str
      sample: archiver
    impersonation_role_id:
      description: The role ID.
      type: str
      sample: 4c6d2b0e-9f1a-4a51-8d7e-2b3c4d5e6f70
    target_user:
      description: The ID of the user evaluated.
      type: str
      sample: 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d
    type:
      description: The role type, V(full_access) or V(read_only).
      type: str
      sample: read_only
    effect:
      description: V(allow) when the role may impersonate the user, else V(deny).
      type: str
      sample: deny
    matched_rules:
      description: The role's rules that match the user, each with C(id) and C(name).
      type: list
      elements: dict
      sample: [{id: executives, name: executives}]
"""

from ansible_collections.mailops.workmail.plugins.module_utils.impersonation import describe_roles
from ansible_collections.mailops.workmail.plugins.module_utils.impersonation import evaluate
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    target_user=dict(type="str"),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    params = module.params

    def task():
        ctx = module.context()
        result = {"impersonation_roles": describe_roles(ctx, params["name"])}
        if params["target_user"] is not None:
            result["effects"] = evaluate(ctx, result["impersonation_roles"], params["target_user"])
        module.exit(False, result, warnings=ctx.warnings)

    module.run(task)


if __name__ == "__main__":
    main()
