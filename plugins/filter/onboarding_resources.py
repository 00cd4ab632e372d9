# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: onboarding_resources
short_description: Check the onboarding role's rooms and equipment and give them their default address
version_added: 0.2.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - "Checks each resource against the options of M(mailops.workmail.resource) (but C(state)) plus C(delegates), and
    against the WorkMail service model, on the controller. A problem fails the filter naming the entry and the
    option, for example C(onboarding_resources[2].type: 'hall' is not one of room, equipment)."
  - Returns the resources with their unset options left out and C(email) set to C(name@default_domain) for each
    resource that is enabled (the default) and has no C(email), when O(default_domain) is not empty, as
    P(mailops.workmail.onboarding_groups#filter) does for groups.
  - The role P(mailops.workmail.onboarding#role) passes O(_input) through it before its first write.
options:
  _input:
    description: The resources, each a dictionary of M(mailops.workmail.resource) options plus C(delegates) (a list).
    type: list
    elements: dict
    required: true
  default_domain:
    description: The domain of the default address; empty for none.
    type: str
    default: ''
  variable:
    description: The name of the variable the resources come from, for messages.
    type: str
    default: onboarding_resources
seealso:
  - module: mailops.workmail.resource
  - module: mailops.workmail.resource_delegate
"""

EXAMPLES = r"""
- name: Rooms with their default address
  ansible.builtin.debug:
    msg: "{{ [{'name': 'boardroom', 'type': 'room', 'delegates': ['jdoe']}] | mailops.workmail.onboarding_resources('example.com') }}"
  # [{'name': 'boardroom', 'type': 'room', 'delegates': ['jdoe'], 'email': 'boardroom@example.com'}]
"""

RETURN = r"""
_value:
  description: The resources, in the order given.
  type: list
  elements: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.plugin_utils.onboarding import OnboardingError
from ansible_collections.mailops.workmail.plugins.plugin_utils.onboarding import resources


def onboarding_resources(entries, default_domain="", variable="onboarding_resources"):
    try:
        return resources(entries, default_domain, variable)
    except OnboardingError as e:
        raise AnsibleFilterError("{0}. Nothing was changed.".format(e))


class FilterModule(object):
    def filters(self):
        return {"onboarding_resources": onboarding_resources}
