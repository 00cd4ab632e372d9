#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: mailbox_permission
short_description: Manage who may use an Amazon WorkMail mailbox
version_added: 0.2.0
description:
  - Give users, groups and resources permissions on the mailbox of a user, group or resource (full access, send as,
    send on behalf), take them away, or make them exactly a given list.
  - This module is the one owner of mailbox permissions; the user, group and resource modules never change them.
  - The mailbox and every grantee are resolved before the first change. If any is unknown, the task fails with the
    list of what was not found and changes nothing.
author:
  - mailops.workmail maintainers (@mailops)
options:
  entity:
    description:
      - The mailbox, that of a user, group or resource, by name, email or ID.
    type: str
    required: true
  grants:
    description:
      - Who gets which permissions. Each grantee is listed once.
      - With O(state=exact), V([]) removes every permission on the mailbox.
    type: list
    elements: dict
    required: true
    suboptions:
      grantee:
        description: The user, group or resource that gets the permissions, by name, email or ID.
        type: str
        required: true
      permissions:
        description:
          - V(full_access) opens the mailbox whatever its folder permissions, V(send_as) sends mail as the mailbox's
            owner, V(send_on_behalf) sends mail on its behalf.
          - Required, and not empty, with O(state=present) and O(state=exact). With O(state=absent), leaving it out
            removes all of the grantee's permissions.
        type: list
        elements: str
        choices: [full_access, send_as, send_on_behalf]
  state:
    description:
      - V(present) adds the listed permissions and leaves the others alone.
      - V(absent) removes the listed permissions (all of a grantee's when its grant lists none).
      - V(exact) makes each listed grantee's permissions exactly the listed ones and removes the permissions of every
        grantee not listed.
    type: str
    choices: [present, absent, exact]
    default: present
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:DescribeEntity),
    C(workmail:DescribeUser), C(workmail:DescribeGroup), C(workmail:DescribeResource), C(workmail:ListGroups),
    C(workmail:ListMailboxPermissions), C(workmail:PutMailboxPermissions), C(workmail:DeleteMailboxPermissions)."
  - The service sets a grantee's permissions as a whole; the module sends the permissions the grantee ends up with.
  - In check mode, a mailbox or grantees that do not exist yet are assumed to be created by an earlier task; they
    are reported as granted, with a warning.
seealso:
  - module: mailops.workmail.mailbox_permission_info
  - module: mailops.workmail.user
  - module: mailops.workmail.resource
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
- name: The assistant reads the CEO's mail and answers on her behalf
  mailops.workmail.mailbox_permission:
    organization: example-corp
    entity: ceo
    grants:
      - grantee: assistant
        permissions: [full_access, send_on_behalf]

- name: The support team sends as the support mailbox, and nobody else has any permission on it
  mailops.workmail.mailbox_permission:
    organization: example-corp
    entity: support@example.com
    grants:
      - grantee: support-team
        permissions: [send_as]
    state: exact

- name: A leaver keeps no permission on the CEO's mailbox
  mailops.workmail.mailbox_permission:
    organization: example-corp
    entity: ceo
    grants:
      - grantee: jdoe
    state: absent
"""

RETURN = r"""
mailbox_permission:
  description: The mailbox and its permissions afterwards (in check mode, as they would be).
  returned: always
  type: dict
  contains:
    entity:
      description: The mailbox's owner, a user, group or resource (its ID is null in check mode for one that does not exist yet).
      type: dict
      sample: {"id": "4f1c5b5e-0b5e-4b8e-9a43-1a2b3c4d5e6f", "name": "ceo", "email": "ceo@example.com", "type": "user"}
    grants:
      description: Every grantee's permissions afterwards, by grantee name, in the shape O(grants) takes.
      type: list
      elements: dict
      sample: [{"grantee": "assistant", "permissions": ["full_access", "send_on_behalf"]}]
    added:
      description: The permissions each grantee gained (or would, in check mode).
      type: list
      elements: dict
      sample: [{"grantee": "assistant", "permissions": ["send_on_behalf"]}]
    removed:
      description: The permissions each grantee lost (or would, in check mode).
      type: list
      elements: dict
      sample: []
"""

from ansible_collections.mailops.workmail.plugins.module_utils.lists import LIST_STATES
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import PERMISSIONS
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import reconcile_mailbox_permissions

ARGUMENT_SPEC = dict(
    entity=dict(type="str", required=True),
    grants=dict(
        type="list",
        elements="dict",
        required=True,
        options=dict(
            grantee=dict(type="str", required=True),
            permissions=dict(type="list", elements="str", choices=list(PERMISSIONS)),
        ),
    ),
    state=dict(type="str", choices=list(LIST_STATES), default="present"),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.relate(reconcile_mailbox_permissions, "mailbox_permission", module.params["entity"], module.params["grants"], module.params["state"])


if __name__ == "__main__":
    main()
