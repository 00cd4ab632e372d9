# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: members_by_group
short_description: Turn people and their groups into groups and their members
version_added: 0.1.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - Takes a list of people, each with C(name) and C(groups) (a list of group names), and returns a
    dictionary from each group to the names of its members, so that memberships can be applied with one
    M(mailops.workmail.group_membership) task per group instead of one per person.
  - Group names are compared case-insensitively and kept as first spelled. Members keep the people's order.
options:
  _input:
    description: The people, for example from the P(mailops.workmail.onboarding_users#lookup) lookup.
    type: list
    elements: dict
    required: true
seealso:
  - plugin: mailops.workmail.onboarding_users
    plugin_type: lookup
"""

EXAMPLES = r"""
- name: One membership task per group
  mailops.workmail.group_membership:
    organization: example-corp
    groups: ["{{ item.key }}"]
    members: "{{ item.value }}"
  loop: "{{ people | mailops.workmail.members_by_group | dict2items }}"
  loop_control:
    label: "{{ item.key }}"

# [{name: jdoe, groups: [finance, all-staff]}, {name: omar, groups: [all-staff]}]
# gives {finance: [jdoe], all-staff: [jdoe, omar]}
"""

RETURN = r"""
_value:
  description: Group name to the list of its members' names.
  type: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.plugin_utils.people import members_by_group as _members_by_group


def members_by_group(people):
    if not isinstance(people, (list, tuple)) or not all(isinstance(p, dict) and "name" in p for p in people):
        raise AnsibleFilterError("members_by_group: expects a list of dictionaries with a 'name' key")
    return _members_by_group(people)


class FilterModule(object):
    def filters(self):
        return {"members_by_group": members_by_group}
