#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: group
short_description: Manage Amazon WorkMail groups
version_added: 0.1.0
description:
  - Create, update, enable, disable and delete a group of an Amazon WorkMail organization.
  - A group is found by O(name), which may contain spaces. Options left unset are never changed.
  - O(enabled=true) registers the group to WorkMail with its address O(email), so it receives mail;
    O(enabled=false) deregisters it and releases its addresses.
  - Members and aliases are not managed here; use M(mailops.workmail.group_membership) and
    M(mailops.workmail.alias).
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) creates or updates the group.
      - V(absent) deregisters the group if it is enabled, then deletes it.
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - The group name, unique in the organization. It cannot be changed once the group exists.
    type: str
    required: true
  email:
    description:
      - The group's primary address. Its domain must be a verified mail domain of the organization.
      - Needed to enable a group that is not enabled yet.
      - Changing it on an enabled group keeps the old address as an alias (the service does so);
        remove it with M(mailops.workmail.alias).
      - Ignored while the group is disabled; a disabled group holds no address.
    type: str
  enabled:
    description:
      - Whether the group is registered to WorkMail (has an address and receives mail).
    type: bool
    default: true
  hidden_from_global_address_list:
    description: Whether the group is hidden from the global address list.
    type: bool
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:ListGroups),
    C(workmail:DescribeGroup), C(workmail:CreateGroup), C(workmail:UpdateGroup), C(workmail:RegisterToWorkMail),
    C(workmail:DeregisterFromWorkMail), C(workmail:UpdatePrimaryEmailAddress), C(workmail:DeleteGroup); when a
    create or a registration meets a group made meanwhile (by another run, or by an attempt whose reply was lost)
    also C(workmail:DescribeEntity) and C(workmail:DescribeUser)."
  - WorkMail applies registration changes with a lag; the module waits for them (up to two minutes), and for a new
    group to show.
  - A group of the same name that appears between the module's read and its create (another run, or the module's
    own attempt whose reply was lost) is taken as the one created when its visibility is the one the create sets;
    otherwise the task fails naming the difference and leaves it alone.
seealso:
  - module: mailops.workmail.group_info
  - module: mailops.workmail.group_membership
  - module: mailops.workmail.alias
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: A finance team list that receives mail
  mailops.workmail.group:
    organization: example-corp
    name: finance
    email: finance@example.com

- name: A group for access rules only, without an address
  mailops.workmail.group:
    organization: example-corp
    name: Contractors EMEA
    enabled: false
    hidden_from_global_address_list: true

- name: Remove the group
  mailops.workmail.group:
    organization: example-corp
    name: finance
    state: absent
"""

RETURN = r"""
group:
  description:
    - The group after the change (in check mode, as it would be). Empty when O(state=absent).
    - A group that check mode would create has C(id) null.
  returned: always
  type: dict
  contains:
    id:
      description: The group ID.
      type: str
      sample: 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d
    name:
      description: The group name.
      type: str
      sample: finance
    email:
      description: The primary address; null while the group is disabled.
      type: str
      sample: finance@example.com
    enabled:
      description: Whether the group is registered to WorkMail.
      type: bool
      sample: true
    state:
      description: The service's state of the group.
      type: str
      sample: enabled
    hidden_from_global_address_list:
      description: Whether the group is hidden from the global address list.
      type: bool
      sample: false
    enabled_date:
      description: When the group was last enabled (ISO 8601).
      type: str
    disabled_date:
      description: When the group was last disabled (ISO 8601).
      type: str
"""

from ansible_collections.mailops.workmail.plugins.module_utils.entities import GROUP
from ansible_collections.mailops.workmail.plugins.module_utils.entities import GROUP_OPTIONS
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    **GROUP_OPTIONS
)


def main():
    WorkMailModule(argument_spec=ARGUMENT_SPEC).reconcile(GROUP)


if __name__ == "__main__":
    main()
