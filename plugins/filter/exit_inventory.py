# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: exit_inventory
short_description: Turn what the _info modules read into the variables the roles and the directory module take
version_added: 0.2.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - Takes an organization as the C(_info) modules return it and gives back the variables that describe it, to write as
    variable files of the P(mailops.workmail.baseline#role) role, of the P(mailops.workmail.onboarding#role) role,
    of a M(mailops.workmail.directory) task, and the DNS records each mail domain uses.
  - Applying those variables to the same organization changes nothing. Users and impersonation roles that rules name are
    written by name (a user missing from O(_input.users), or a name two roles share, stays an ID).
  - Options the service never returns (passwords, the organization's C(kms_key_arn) and creation C(domains)) are left out.
  - The P(mailops.workmail.exit#role) role writes its files with it.
options:
  _input:
    description: What the C(_info) modules returned, as a dictionary with these keys.
    type: dict
    required: true
    suboptions:
      organization:
        description: The organization (an item of RV(mailops.workmail.organization_info#module:organizations)).
        type: dict
        required: true
      mail_domains:
        description: RV(mailops.workmail.mail_domain_info#module:mail_domains).
        type: list
        elements: dict
      impersonation_roles:
        description: RV(mailops.workmail.impersonation_role_info#module:impersonation_roles).
        type: list
        elements: dict
      access_control_rules:
        description: RV(mailops.workmail.access_control_rule_info#module:rules).
        type: list
        elements: dict
      retention_policy:
        description: RV(mailops.workmail.retention_policy_info#module:retention_policy).
        type: dict
      directory:
        description: RV(mailops.workmail.directory_info#module:directory).
        type: dict
        required: true
      users:
        description: Users with C(id) and C(name) (RV(mailops.workmail.user_info#module:users)), to name the users rules refer to.
        type: list
        elements: dict
      resources:
        description: RV(mailops.workmail.resource_info#module:resources), read with O(mailops.workmail.resource_info#module:include_delegates=true).
        type: list
        elements: dict
      mailbox_permissions:
        description: RV(mailops.workmail.mailbox_permission_info#module:mailbox_permissions), read without an entity.
        type: list
        elements: dict
seealso:
  - module: mailops.workmail.directory_info
  - module: mailops.workmail.retention_policy_info
  - module: mailops.workmail.resource_info
  - module: mailops.workmail.mailbox_permission_info
  - plugin: mailops.workmail.people_csv
    plugin_type: filter
"""

EXAMPLES = r"""
- name: Write the baseline role's variables
  ansible.builtin.copy:
    content: "{{ (gathered | mailops.workmail.exit_inventory).baseline | to_nice_yaml }}"
    dest: exit/baseline.yml
    mode: "0600"
  vars:
    gathered:
      organization: "{{ org.organizations[0] }}"
      mail_domains: "{{ domains.mail_domains }}"
      impersonation_roles: "{{ roles.impersonation_roles }}"
      access_control_rules: "{{ rules.rules }}"
      retention_policy: "{{ retention.retention_policy }}"
      directory: "{{ people.directory }}"
"""

RETURN = r"""
_value:
  description: The variables, one dictionary per file.
  type: dict
  contains:
    baseline:
      description:
        - C(baseline_organization) (alias and tags), C(baseline_mail_domains) (the default domain first, with C(default=true);
          the test domain only when it is the default), C(baseline_impersonation_roles), C(baseline_access_control_rules)
          and C(baseline_retention_policy).
      type: dict
    onboarding:
      description:
        - C(onboarding_organization), C(onboarding_default_domain) (the organization's default domain), C(onboarding_groups)
          (name, email, enabled, hidden_from_global_address_list) and C(onboarding_users) (with their groups and aliases).
        - C(onboarding_resources) (the options M(mailops.workmail.resource) takes, and C(delegates) by name) and
          C(onboarding_mailbox_permissions) (each mailbox with its grants, by name).
      type: dict
    directory:
      description: C(directory_organization), C(directory_users) and C(directory_groups), for a M(mailops.workmail.directory) task.
      type: dict
    dns_records:
      description:
        - C(exit_mail_domains), each domain with C(name), C(default), C(test_domain), its verification statuses and the
          C(records) (type, hostname, value) it publishes; none for the test domain, whose records AWS keeps.
      type: dict
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.plugin_utils.exit_inventory import InventoryError
from ansible_collections.mailops.workmail.plugins.plugin_utils.exit_inventory import inventory


def exit_inventory(gathered):
    try:
        return inventory(gathered)
    except InventoryError as e:
        raise AnsibleFilterError("exit_inventory: {0}".format(e))


class FilterModule(object):
    def filters(self):
        return {"exit_inventory": exit_inventory}
