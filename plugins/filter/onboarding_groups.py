# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: onboarding_groups
short_description: Give the onboarding role's groups their default address
version_added: 0.2.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - Returns the groups with C(email) set to C(name@default_domain) for each group that is enabled (the default) and
    has no C(email), when O(default_domain) is not empty. Other groups are returned as they are.
  - The role P(mailops.workmail.onboarding#role) passes its groups through it to M(mailops.workmail.directory).
options:
  _input:
    description: The groups, each a dictionary of M(mailops.workmail.group) options.
    type: list
    elements: dict
    required: true
  default_domain:
    description: The domain of the default address; empty for none.
    type: str
    default: ''
"""

EXAMPLES = r"""
- name: Groups with their default address
  ansible.builtin.debug:
    msg: "{{ [{'name': 'finance'}, {'name': 'ops', 'enabled': false}] | mailops.workmail.onboarding_groups('example.com') }}"
  # [{'name': 'finance', 'email': 'finance@example.com'}, {'name': 'ops', 'enabled': false}]
"""

RETURN = r"""
_value:
  description: The groups, in the order given.
  type: list
  elements: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.plugin_utils.onboarding import with_default_address


def onboarding_groups(groups, default_domain=""):
    if not isinstance(groups, (list, tuple)) or not all(isinstance(g, dict) and g.get("name") for g in groups):
        raise AnsibleFilterError("onboarding_groups: onboarding_groups must be a list of groups, each a dictionary with a name")
    return with_default_address(groups, default_domain)


class FilterModule(object):
    def filters(self):
        return {"onboarding_groups": onboarding_groups}
