#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: mailbox_permission_info
short_description: List the permissions on Amazon WorkMail mailboxes
version_added: 0.2.0
description:
  - Returns the permissions on the mailbox of one user, group or resource, or on every mailbox of the organization
    that has some, in the shape M(mailops.workmail.mailbox_permission) takes.
author:
  - mailops.workmail maintainers (@mailops)
options:
  entity:
    description:
      - The mailbox, that of a user, group or resource, by name, email or ID. An unknown one fails, naming the
        option.
      - Left out, every mailbox with at least one permission is returned.
    type: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:DescribeEntity),
    C(workmail:DescribeUser), C(workmail:DescribeGroup), C(workmail:DescribeResource), C(workmail:ListGroups),
    C(workmail:ListMailboxPermissions); without O(entity) also C(workmail:ListUsers) and C(workmail:ListResources)."
  - Without O(entity), every user, group and resource is read (one call each, and one per grantee); name the
    mailbox where you can in large organizations.
seealso:
  - module: mailops.workmail.mailbox_permission
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Who may use the CEO's mailbox
  mailops.workmail.mailbox_permission_info:
    organization: example-corp
    entity: ceo
  register: ceo_mailbox

- name: Every mailbox permission of the organization, to keep as code
  mailops.workmail.mailbox_permission_info:
    organization: example-corp
  register: permissions
"""

RETURN = r"""
mailbox_permissions:
  description:
    - One item per mailbox, in the shape M(mailops.workmail.mailbox_permission) takes (its
      O(mailops.workmail.mailbox_permission#module:state=exact) with it changes nothing).
    - With O(entity), exactly one item, even when it has no permission.
  returned: always
  type: list
  elements: dict
  contains:
    entity:
      description: The name of the mailbox's owner (a user, group or resource).
      type: str
      sample: ceo
    grants:
      description: Every grantee's permissions, by grantee name.
      type: list
      elements: dict
      sample: [{"grantee": "assistant", "permissions": ["full_access", "send_on_behalf"]}]
"""

from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import gather_mailbox_permissions

ARGUMENT_SPEC = dict(
    entity=dict(type="str"),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.info("mailbox_permissions", lambda ctx: gather_mailbox_permissions(ctx, module.params["entity"]))


if __name__ == "__main__":
    main()
