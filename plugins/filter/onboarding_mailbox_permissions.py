# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: onboarding_mailbox_permissions
short_description: Check the onboarding role's mailbox permissions
version_added: 0.2.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - "Checks each entry against the options of M(mailops.workmail.mailbox_permission) (but C(state)), on the controller:
    a mailbox and a grantee given, known permissions, at least one per grant, each mailbox and each grantee of a mailbox
    listed once. A problem fails the filter naming the entry and the option, for example
    C(onboarding_mailbox_permissions[0].grants[1].permissions[0]: 'read' is not one of full_access, send_as, send_on_behalf)."
  - Returns the entries with their unset options left out.
  - The role P(mailops.workmail.onboarding#role) passes O(_input) through it before its first write.
options:
  _input:
    description: The mailbox permissions, each a dictionary of M(mailops.workmail.mailbox_permission) options.
    type: list
    elements: dict
    required: true
  state:
    description: The O(mailops.workmail.mailbox_permission#module:state) the entries are given with.
    type: str
    choices: [present, exact]
    default: present
  variable:
    description: The name of the variable the entries come from, for messages.
    type: str
    default: onboarding_mailbox_permissions
seealso:
  - module: mailops.workmail.mailbox_permission
"""

EXAMPLES = r"""
- name: Check the mailbox permissions
  ansible.builtin.debug:
    msg: "{{ [{'entity': 'support', 'grants': [{'grantee': 'jdoe', 'permissions': ['send_as']}]}] | mailops.workmail.onboarding_mailbox_permissions }}"
"""

RETURN = r"""
_value:
  description: The mailbox permissions, in the order given.
  type: list
  elements: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.plugin_utils.onboarding import OnboardingError
from ansible_collections.mailops.workmail.plugins.plugin_utils.onboarding import mailbox_permissions


def onboarding_mailbox_permissions(entries, state="present", variable="onboarding_mailbox_permissions"):
    try:
        return mailbox_permissions(entries, state, variable)
    except OnboardingError as e:
        raise AnsibleFilterError("{0}. Nothing was changed.".format(e))


class FilterModule(object):
    def filters(self):
        return {"onboarding_mailbox_permissions": onboarding_mailbox_permissions}
