#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: group_info
short_description: List Amazon WorkMail groups and their members
version_added: 0.1.0
description:
  - Returns the groups of an organization in the shape M(mailops.workmail.group) returns, or the one
    group that O(name), O(email) or O(id) names, optionally with their direct members. Deleted groups are left out.
author:
  - mailops.workmail maintainers (@mailops)
options:
  name:
    description:
      - Return only the group with this name.
      - A name no group can have (empty, too long, or with characters group names never hold) fails, naming the option.
    type: str
  email:
    description:
      - Return only the group with this address (primary or alias).
      - A value that is not an email address fails, naming the option.
    type: str
  id:
    description:
      - Return only the group with this ID (not its name or address; use O(name) or O(email) for those).
      - A value that cannot be an ID (empty, or shorter than 12 characters) fails, naming the option.
    type: str
  include_members:
    description: Add each group's direct members (one more call per group).
    type: bool
    default: false
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:ListGroups),
    C(workmail:DescribeGroup), C(workmail:DescribeEntity), C(workmail:ListAliases), C(workmail:ListGroupMembers) (with O(include_members))."
  - Listing every group reads each one (two calls per enabled group, DescribeGroup and ListAliases, and one per disabled group;
    one more per group with O(include_members)); filter where you can in large organizations.
seealso:
  - module: mailops.workmail.group
  - module: mailops.workmail.group_membership
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Every group with its members
  mailops.workmail.group_info:
    organization: example-corp
    include_members: true
  register: groups

- name: Print who is in finance
  ansible.builtin.debug:
    msg: "{{ groups.groups | selectattr('name', 'equalto', 'finance') | map(attribute='members') | first | map(attribute='name') }}"
"""

RETURN = r"""
groups:
  description: The groups, in the shape M(mailops.workmail.group) returns; empty when none matches.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The group ID.
      type: str
    name:
      description: The group name.
      type: str
      sample: finance
    email:
      description: The primary address; null while the group is disabled.
      type: str
    enabled:
      description: Whether the group is registered to WorkMail.
      type: bool
    state:
      description: The service's state of the group.
      type: str
      sample: enabled
    hidden_from_global_address_list:
      description: Whether the group is hidden from the global address list.
      type: bool
    enabled_date:
      description: When the group was last enabled (ISO 8601).
      type: str
    disabled_date:
      description: When the group was last disabled (ISO 8601).
      type: str
    aliases:
      description:
        - The group's aliases (its other addresses, not C(email)), sorted, as M(mailops.workmail.alias) takes them.
        - Empty for a disabled group, which holds no address. Read with one C(ListAliases) call per enabled group returned.
      type: list
      elements: str
      sample: [accounts@example.com]
    members:
      description: The direct members (users and groups).
      returned: when O(include_members=true)
      type: list
      elements: dict
      sample: [{"id": "4f1c5b5e-0b5e-4b8e-9a43-1a2b3c4d5e6f", "name": "jdoe", "type": "user"}]
"""

from ansible_collections.mailops.workmail.plugins.module_utils.entities import GROUP
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    email=dict(type="str"),
    id=dict(type="str"),
    include_members=dict(type="bool", default=False),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC, mutually_exclusive=[["name", "email", "id"]])
    params = module.params

    def gather(ctx):
        groups = GROUP.add_aliases(ctx, GROUP.find_all(ctx, params["name"], params["email"], params["id"]))
        if params["include_members"]:
            for group in groups:
                group["members"] = GROUP.members(ctx, group["id"])
        return groups

    module.info("groups", gather)


if __name__ == "__main__":
    main()
