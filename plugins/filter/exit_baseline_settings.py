# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: exit_baseline_settings
short_description: Turn the organization-wide settings the _info modules read into the baseline role's variables
version_added: 0.2.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - Takes the mobile device access rules, availability configurations, email monitoring, inbound DMARC setting and
    identity provider of an organization as the C(_info) modules return them and gives back the variables of the
    P(mailops.workmail.baseline#role) role that describe them, beside those of P(mailops.workmail.exit_inventory#filter).
  - Applying those variables to the same organization changes nothing. A rule keeps the options it sets (no ID, no dates,
    no empty condition). An EWS availability configuration comes without its password, which the service never returns;
    with the module's default C(update_password=on_create), the configuration is then left as it is.
  - A setting the organization does not have (monitoring off, no identity provider) is an empty dictionary, which the role
    takes as left alone.
  - The P(mailops.workmail.exit#role) role adds them to its C(baseline.yml) with it.
options:
  _input:
    description: What the C(_info) modules returned, as a dictionary with these keys (each may be left out).
    type: dict
    required: true
    suboptions:
      mobile_device_access_rules:
        description: RV(mailops.workmail.mobile_device_access_rule_info#module:mobile_device_access_rules).
        type: list
        elements: dict
      availability_configurations:
        description: RV(mailops.workmail.availability_configuration_info#module:availability_configurations).
        type: list
        elements: dict
      email_monitoring:
        description: RV(mailops.workmail.email_monitoring_info#module:email_monitoring).
        type: dict
      inbound_dmarc:
        description: RV(mailops.workmail.inbound_dmarc_info#module:inbound_dmarc).
        type: dict
      identity_provider:
        description: RV(mailops.workmail.identity_provider_info#module:identity_provider).
        type: dict
seealso:
  - plugin: mailops.workmail.exit_inventory
    plugin_type: filter
  - module: mailops.workmail.mobile_device_access_rule_info
  - module: mailops.workmail.availability_configuration_info
  - module: mailops.workmail.email_monitoring_info
  - module: mailops.workmail.inbound_dmarc_info
  - module: mailops.workmail.identity_provider_info
"""

EXAMPLES = r"""
- name: Write the baseline role's organization-wide settings
  ansible.builtin.copy:
    content: "{{ gathered | mailops.workmail.exit_baseline_settings | to_nice_yaml }}"
    dest: exit/baseline-settings.yml
    mode: "0600"
  vars:
    gathered:
      mobile_device_access_rules: "{{ rules.mobile_device_access_rules }}"
      availability_configurations: "{{ availability.availability_configurations }}"
      email_monitoring: "{{ monitoring.email_monitoring }}"
      inbound_dmarc: "{{ dmarc.inbound_dmarc }}"
      identity_provider: "{{ identity.identity_provider }}"
"""

RETURN = r"""
_value:
  description: The variables of the P(mailops.workmail.baseline#role) role.
  type: dict
  contains:
    baseline_mobile_device_access_rules:
      description: Each rule with the options of M(mailops.workmail.mobile_device_access_rule) it sets, in the order listed.
      type: list
      elements: dict
    baseline_availability_configurations:
      description:
        - Each configuration with C(domain_name) and its C(ews_provider) (endpoint and user name, no password) or
          C(lambda_provider).
      type: list
      elements: dict
    baseline_email_monitoring:
      description: The configuration in the shape M(mailops.workmail.email_monitoring) takes; empty when monitoring is off.
      type: dict
    baseline_inbound_dmarc:
      description: C(enforced), as M(mailops.workmail.inbound_dmarc) takes it.
      type: dict
    baseline_identity_provider:
      description: The configuration in the shape M(mailops.workmail.identity_provider) takes; empty when there is none.
      type: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.plugin_utils.exit_inventory import InventoryError
from ansible_collections.mailops.workmail.plugins.plugin_utils.exit_inventory import baseline_settings_vars


def exit_baseline_settings(gathered):
    if not isinstance(gathered, dict):
        raise AnsibleFilterError("exit_baseline_settings: the input must be a dictionary of what the _info modules returned")
    try:
        return baseline_settings_vars(
            gathered.get("mobile_device_access_rules"), gathered.get("availability_configurations"), gathered.get("identity_provider"),
            gathered.get("email_monitoring"), gathered.get("inbound_dmarc"),
        )
    except InventoryError as e:
        raise AnsibleFilterError("exit_baseline_settings: {0}".format(e))


class FilterModule(object):
    def filters(self):
        return {"exit_baseline_settings": exit_baseline_settings}
