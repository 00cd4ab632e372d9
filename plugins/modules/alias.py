#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: alias
short_description: Manage the email aliases of Amazon WorkMail users and groups
version_added: 0.1.0
description:
  - Add aliases to a user or group, remove them, or make its aliases exactly a given list.
  - This module is the one owner of aliases; M(mailops.workmail.user) and M(mailops.workmail.group)
    manage only the primary address.
  - Before the first change the module checks every new address - the entity is enabled, the domain
    is a verified mail domain of the organization, no other user or group holds the address - and
    fails naming each problem, changing nothing.
  - Addresses are compared case-insensitively.
author:
  - mailops.workmail maintainers (@mailops)
options:
  entity:
    description:
      - The user or group, by name, primary email or ID.
    type: str
    required: true
  aliases:
    description:
      - Email addresses. Never the entity's primary address.
      - With O(state=exact), V([]) removes every alias.
    type: list
    elements: str
    required: true
  state:
    description:
      - V(present) adds the listed aliases and keeps the others.
      - V(absent) removes the listed aliases.
      - V(exact) makes the aliases exactly O(aliases).
    type: str
    choices: [present, absent, exact]
    default: present
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:DescribeEntity),
    C(workmail:DescribeUser), C(workmail:DescribeGroup), C(workmail:ListGroups), C(workmail:GetMailDomain),
    C(workmail:ListAliases), C(workmail:CreateAlias), C(workmail:DeleteAlias)."
  - In check mode, an entity that does not exist yet is assumed to be created by an earlier task, and
    address problems an earlier task may resolve are reported as warnings.
seealso:
  - module: mailops.workmail.user
  - module: mailops.workmail.group
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
- name: Jane is also reachable as j.doe@ and jane@
  mailops.workmail.alias:
    organization: example-corp
    entity: jdoe
    aliases:
      - j.doe@example.com
      - jane@example.com

- name: The finance list answers to exactly these addresses
  mailops.workmail.alias:
    organization: example-corp
    entity: finance
    aliases: [accounts@example.com, invoices@example.com]
    state: exact

- name: Drop every alias of a leaver
  mailops.workmail.alias:
    organization: example-corp
    entity: jdoe
    aliases: []
    state: exact
"""

RETURN = r"""
aliases:
  description: The entity's aliases after the change (in check mode, as they would be).
  returned: always
  type: dict
  contains:
    entity:
      description: The user or group (id is null in check mode for one that does not exist yet).
      type: dict
      sample: {"id": "4f1c5b5e-0b5e-4b8e-9a43-1a2b3c4d5e6f", "name": "jdoe", "email": "jane.doe@example.com", "type": "user", "enabled": true}
    aliases:
      description: All aliases afterwards, sorted.
      type: list
      elements: str
      sample: [j.doe@example.com, jane@example.com]
    added:
      description: Aliases added.
      type: list
      elements: str
    removed:
      description: Aliases removed.
      type: list
      elements: str
"""

from ansible_collections.mailops.workmail.plugins.module_utils.lists import LIST_STATES
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.relationships import reconcile_aliases

ARGUMENT_SPEC = dict(
    entity=dict(type="str", required=True),
    aliases=dict(type="list", elements="str", required=True),
    state=dict(type="str", choices=list(LIST_STATES), default="present"),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.relate(reconcile_aliases, "aliases", module.params["entity"], module.params["aliases"], module.params["state"])


if __name__ == "__main__":
    main()
