#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: resource_delegate
short_description: Manage the delegates of an Amazon WorkMail resource
version_added: 0.2.0
description:
  - Add users and groups to the delegates of a WorkMail resource (a room or a piece of equipment), remove them, or
    make its delegates exactly a given list. Delegates answer the booking requests the resource does not answer on
    its own.
  - This module is the one owner of a resource's delegates; M(mailops.workmail.resource) never changes them.
  - The resource and every delegate are resolved before the first change. If any is unknown, the task fails with
    the list of what was not found and changes nothing.
author:
  - mailops.workmail maintainers (@mailops)
options:
  resource:
    description:
      - The resource, by name, email or ID.
    type: str
    required: true
  delegates:
    description:
      - Users or groups, by name, email or ID.
      - With O(state=exact), V([]) removes every delegate. A resource that does not accept requests on its own
        (see O(mailops.workmail.resource#module:booking_options)) keeps its bookings unanswered without one.
    type: list
    elements: str
    required: true
  state:
    description:
      - V(present) adds the listed delegates and leaves the others alone.
      - V(absent) removes the listed delegates.
      - V(exact) makes the resource's delegates exactly O(delegates).
    type: str
    choices: [present, absent, exact]
    default: present
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:DescribeEntity),
    C(workmail:DescribeResource), C(workmail:DescribeUser), C(workmail:DescribeGroup), C(workmail:ListGroups),
    C(workmail:ListResourceDelegates), C(workmail:AssociateDelegateToResource),
    C(workmail:DisassociateDelegateFromResource)."
  - In check mode, a resource or delegates that do not exist yet are assumed to be created by an earlier task; they
    are reported as added, with a warning.
seealso:
  - module: mailops.workmail.resource
  - module: mailops.workmail.resource_info
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
- name: The facilities team answers for the board room
  mailops.workmail.resource_delegate:
    organization: example-corp
    resource: boardroom
    delegates: [facilities]

- name: Exactly these two approve projector bookings
  mailops.workmail.resource_delegate:
    organization: example-corp
    resource: projector-1@example.com
    delegates: [jdoe, omar@example.com]
    state: exact

- name: A leaver no longer answers for the room
  mailops.workmail.resource_delegate:
    organization: example-corp
    resource: boardroom
    delegates: [jdoe]
    state: absent
"""

RETURN = r"""
resource_delegates:
  description: The resource and its delegates afterwards (in check mode, as they would be).
  returned: always
  type: dict
  contains:
    resource:
      description: The resource (its ID is null in check mode for a resource that does not exist yet).
      type: dict
      sample: {"id": "r-0123456789abcdef0123456789abcdef", "name": "boardroom", "email": "boardroom@example.com"}
    delegates:
      description: Names of all delegates afterwards.
      type: list
      elements: str
      sample: [facilities, jdoe]
    added:
      description: Names of the delegates added (or that would be, in check mode).
      type: list
      elements: str
      sample: [jdoe]
    removed:
      description: Names of the delegates removed (or that would be, in check mode).
      type: list
      elements: str
      sample: []
"""

from ansible_collections.mailops.workmail.plugins.module_utils.lists import LIST_STATES
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import reconcile_delegates

ARGUMENT_SPEC = dict(
    resource=dict(type="str", required=True),
    delegates=dict(type="list", elements="str", required=True),
    state=dict(type="str", choices=list(LIST_STATES), default="present"),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.relate(reconcile_delegates, "resource_delegates", module.params["resource"], module.params["delegates"], module.params["state"])


if __name__ == "__main__":
    main()
