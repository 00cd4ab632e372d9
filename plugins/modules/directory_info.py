#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: directory_info
short_description: Gather a WorkMail organization's users, groups, memberships and aliases as directory input
version_added: 0.2.0
description:
  - Returns the users and groups of an Amazon WorkMail organization in exactly the shape
    M(mailops.workmail.directory) takes, each with the groups it is directly a member of and its aliases.
  - Feeding RV(directory) back to M(mailops.workmail.directory) with O(mailops.workmail.directory#module:state=exact)
    reports no change and sends no write call.
  - Passwords are never returned (the service never gives them). Options that are not set are left out. System users
    and resources are left out, since M(mailops.workmail.directory) never manages them.
author:
  - mailops.workmail maintainers (@mailops)
options:
  workers:
    description:
      - How many API calls run at once, 1 or more. V(1) runs them one after the other.
    type: int
    default: 8
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:ListUsers),
    C(workmail:ListGroups), C(workmail:DescribeUser), C(workmail:DescribeGroup), C(workmail:GetMailboxDetails),
    C(workmail:ListGroupMembers), C(workmail:ListAliases)."
seealso:
  - module: mailops.workmail.directory
  - module: mailops.workmail.user_info
  - module: mailops.workmail.group_info
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Gather the directory
  mailops.workmail.directory_info:
    organization: example-corp
  register: saved

- name: Keep it as a variable file that the directory module takes back
  ansible.builtin.copy:
    content: "{{ saved.directory | to_nice_yaml }}"
    dest: inventory/example-corp-directory.yml
    mode: "0600"

- name: Check that nothing drifted since
  mailops.workmail.directory:
    organization: example-corp
    state: exact
    users: "{{ saved.directory.users }}"
    groups: "{{ saved.directory.groups }}"
  check_mode: true
"""

RETURN = r"""
directory:
  description: The organization's users and groups, sorted by name; empty lists in check mode for an organization still to be created.
  returned: always
  type: dict
  contains:
    users:
      description:
        - The users, each with the options of M(mailops.workmail.user) that are set (never C(password) or
          C(update_password)), C(groups) and C(aliases). C(mailbox_quota) is there for enabled users.
      type: list
      elements: dict
      sample:
        - name: jdoe
          email: jdoe@example.com
          enabled: true
          display_name: Jane Doe
          first_name: Jane
          role: user
          hidden_from_global_address_list: false
          mailbox_quota: 51200
          groups: [finance]
          aliases: [jane.doe@example.com]
    groups:
      description: The groups, each with the options of M(mailops.workmail.group) that are set, C(groups) (parent groups) and C(aliases).
      type: list
      elements: dict
      sample:
        - name: finance
          email: finance@example.com
          enabled: true
          hidden_from_global_address_list: false
          groups: [all-staff]
          aliases: []
"""

from ansible_collections.mailops.workmail.plugins.module_utils.directory import gather
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    workers=dict(type="int", default=8),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.parallel(module.params["workers"])
    module.info("directory", lambda ctx: gather(ctx, module.params["workers"]))


if __name__ == "__main__":
    main()
