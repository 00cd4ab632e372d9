#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: group_membership
short_description: Manage the members of Amazon WorkMail groups
version_added: 0.1.0
description:
  - Add users and groups to WorkMail groups, remove them, or make a group's members exactly a given list.
  - This module is the one owner of group membership; M(mailops.workmail.user) and
    M(mailops.workmail.group) never change it.
  - Every group and member is resolved before the first change. If any is unknown, the task fails
    with the list of what was not found and changes nothing.
author:
  - mailops.workmail maintainers (@mailops)
options:
  groups:
    description:
      - The groups to manage, by name, email or ID. Each gets the same treatment.
    type: list
    elements: str
    required: true
  members:
    description:
      - Users or groups, by name, email or ID.
      - A group that would then contain itself, directly or through nested groups, is refused before any
        change, with the chain named (for example C(all-staff contains finance)).
      - With O(state=exact), V([]) removes every member.
    type: list
    elements: str
    required: true
  state:
    description:
      - V(present) adds the listed members to every listed group and leaves other members alone.
      - V(absent) removes the listed members from every listed group.
      - V(exact) makes each listed group's members exactly O(members).
    type: str
    choices: [present, absent, exact]
    default: present
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:DescribeEntity),
    C(workmail:DescribeUser), C(workmail:DescribeGroup), C(workmail:ListGroups), C(workmail:ListGroupMembers),
    C(workmail:AssociateMemberToGroup), C(workmail:DisassociateMemberFromGroup)."
  - Membership is direct; members of nested groups are not expanded. To refuse a loop, the module reads the
    members of the member groups, and of their member groups in turn.
  - In check mode, groups and members that do not exist yet are assumed to be created by an earlier
    task; they are reported as added, with a warning.
seealso:
  - module: mailops.workmail.group
  - module: mailops.workmail.group_info
  - name: The present, absent and exact list grammar
    description: How the collection's list options behave.
    link: https://github.com/mailops/workmail/blob/main/docs/docsite/rst/guide_lists.rst
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Jane and Omar join finance and all-staff
  mailops.workmail.group_membership:
    organization: example-corp
    groups: [finance, all-staff]
    members: [jdoe, omar@example.com]

- name: Nested group - finance is part of all-staff
  mailops.workmail.group_membership:
    organization: example-corp
    groups: [all-staff]
    members: [finance]

- name: The board is exactly these people
  mailops.workmail.group_membership:
    organization: example-corp
    groups: [board]
    members: [ceo, cfo, chair]
    state: exact

- name: A leaver leaves every listed group
  mailops.workmail.group_membership:
    organization: example-corp
    groups: [finance, all-staff]
    members: [jdoe]
    state: absent
"""

RETURN = r"""
groups:
  description: One item per group in O(groups), in order.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: The group name.
      type: str
      sample: finance
    id:
      description: The group ID (null in check mode for a group that does not exist yet).
      type: str
    added:
      description: Names of the members added (or that would be, in check mode).
      type: list
      elements: str
      sample: [jdoe]
    removed:
      description: Names of the members removed (or that would be, in check mode).
      type: list
      elements: str
      sample: []
    members:
      description: Names of all members afterwards.
      type: list
      elements: str
      sample: [jdoe, omar]
"""

from ansible_collections.mailops.workmail.plugins.module_utils.lists import LIST_STATES
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import reconcile_membership

ARGUMENT_SPEC = dict(
    groups=dict(type="list", elements="str", required=True),
    members=dict(type="list", elements="str", required=True),
    state=dict(type="str", choices=list(LIST_STATES), default="present"),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.relate(reconcile_membership, "groups", module.params["groups"], module.params["members"], module.params["state"])


if __name__ == "__main__":
    main()
