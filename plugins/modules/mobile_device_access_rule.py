#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: mobile_device_access_rule
short_description: Manage Amazon WorkMail mobile device access rules
version_added: 0.2.0
description:
  - Create, update and delete a mobile device access rule of an Amazon WorkMail organization. Mobile device
    access rules decide which mobile devices (Exchange ActiveSync clients) may reach the organization's
    mailboxes, by device type, model, operating system and user agent.
  - A rule is found by O(name). WorkMail does not keep rule names unique; when two rules share the name the
    task fails, naming their IDs, and changes nothing.
  - Options left unset are never changed; an empty list removes a condition, an empty O(description) removes
    the description.
  - WorkMail evaluates all rules together. A device matched by any V(deny) rule is denied, otherwise it is
    allowed (whether an V(allow) rule matches it or no rule does). A rule matches a device when every condition
    it sets holds; a condition it does not set does not constrain.
  - A device access override (M(mailops.workmail.mobile_device_access_override)) decides for one user's device
    whatever the rules say.
  - Lists compare regardless of order and duplicates. Test the rules with
    M(mailops.workmail.mobile_device_access_rule_info).
  - An organization holds at most 10 rules. Adding one more fails before any change, naming the existing rules.
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) creates the rule or updates it to match the options set.
      - V(absent) deletes the rule.
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - The rule name (1 to 64 characters), which this module keeps unique. Names are case-sensitive.
    type: str
    required: true
  effect:
    description:
      - What the rule does to the devices it matches.
      - Required to create the rule.
    type: str
    choices: [allow, deny]
  description:
    description:
      - The rule description (up to 256 characters). An empty string removes it.
    type: str
  device_types:
    description:
      - The device types the rule applies to (for example C(iPhone), C(Android)), at most 10.
    type: list
    elements: str
  not_device_types:
    description:
      - The rule applies to every device type except these, at most 10.
    type: list
    elements: str
  device_models:
    description:
      - The device models the rule applies to, at most 10.
    type: list
    elements: str
  not_device_models:
    description:
      - The rule applies to every device model except these, at most 10.
    type: list
    elements: str
  device_operating_systems:
    description:
      - The device operating systems the rule applies to (for example C(iOS 17.1)), at most 10.
    type: list
    elements: str
  not_device_operating_systems:
    description:
      - The rule applies to every device operating system except these, at most 10.
    type: list
    elements: str
  device_user_agents:
    description:
      - The device user agents the rule applies to, at most 10.
    type: list
    elements: str
  not_device_user_agents:
    description:
      - The rule applies to every device user agent except these, at most 10.
    type: list
    elements: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:ListMobileDeviceAccessRules), C(workmail:CreateMobileDeviceAccessRule),
    C(workmail:UpdateMobileDeviceAccessRule), C(workmail:DeleteMobileDeviceAccessRule)."
  - UpdateMobileDeviceAccessRule replaces a whole rule, so an update sends every field of the rule, the unchanged ones
    included.
  - The create is sent with a ClientToken derived from the request, so a create retried after a lost reply makes one rule.
  - Each value is 1 to 256 characters of the Latin-1 range (U+0020 to U+00FF). WorkMail's documentation does not say
    how it compares values; test a device with M(mailops.workmail.mobile_device_access_rule_info).
seealso:
  - module: mailops.workmail.mobile_device_access_rule_info
  - module: mailops.workmail.mobile_device_access_override
  - name: Managing mobile device access rules in the Amazon WorkMail administrator guide
    description: How WorkMail evaluates mobile device access rules.
    link: https://docs.aws.amazon.com/workmail/latest/adminguide/mdm-access-rules.html
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Keep Android devices out, except the managed Pixel models
  mailops.workmail.mobile_device_access_rule:
    organization: example-corp
    name: no-unmanaged-android
    effect: deny
    description: Android devices other than the managed Pixels
    device_types: [Android]
    not_device_models: [Pixel 8, Pixel 8 Pro]

- name: Deny devices on old iOS versions
  mailops.workmail.mobile_device_access_rule:
    organization: example-corp
    name: no-old-ios
    effect: deny
    device_types: [iPhone, iPad]
    device_operating_systems: [iOS 15.7, iOS 16.0]

- name: Drop a condition of a rule, keeping the others
  mailops.workmail.mobile_device_access_rule:
    organization: example-corp
    name: no-unmanaged-android
    not_device_models: []

- name: Remove a rule
  mailops.workmail.mobile_device_access_rule:
    organization: example-corp
    name: no-old-ios
    state: absent
"""

RETURN = r"""
mobile_device_access_rule:
  description:
    - The rule after the change (in check mode, as it would be). Empty when O(state=absent).
    - A rule that check mode would create has C(id) and C(date_created) null.
  returned: always
  type: dict
  contains:
    name:
      description: The rule name.
      type: str
      sample: no-unmanaged-android
    effect:
      description: V(allow) or V(deny).
      type: str
      sample: deny
    description:
      description: The rule description, null when it has none.
      type: str
      sample: Android devices other than the managed Pixels
    device_types:
      description: The device types the rule applies to.
      type: list
      elements: str
      sample: [Android]
    not_device_types:
      description: The device types the rule excludes.
      type: list
      elements: str
      sample: []
    device_models:
      description: The device models the rule applies to.
      type: list
      elements: str
      sample: []
    not_device_models:
      description: The device models the rule excludes.
      type: list
      elements: str
      sample: [Pixel 8, Pixel 8 Pro]
    device_operating_systems:
      description: The device operating systems the rule applies to.
      type: list
      elements: str
      sample: []
    not_device_operating_systems:
      description: The device operating systems the rule excludes.
      type: list
      elements: str
      sample: []
    device_user_agents:
      description: The device user agents the rule applies to.
      type: list
      elements: str
      sample: []
    not_device_user_agents:
      description: The device user agents the rule excludes.
      type: list
      elements: str
      sample: []
    id:
      description: The rule ID.
      type: str
      sample: 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d
    date_created:
      description: When the rule was created (ISO 8601).
      type: str
      sample: "2026-01-05T09:30:00+00:00"
    date_modified:
      description: When the rule was last changed (ISO 8601).
      type: str
      sample: "2026-01-05T09:30:00+00:00"
"""

from ansible_collections.mailops.workmail.plugins.module_utils.mobile_devices import MOBILE_DEVICE_ACCESS_RULE
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    name=dict(type="str", required=True),
    effect=dict(type="str", choices=["allow", "deny"]),
    description=dict(type="str"),
    device_types=dict(type="list", elements="str"),
    not_device_types=dict(type="list", elements="str"),
    device_models=dict(type="list", elements="str"),
    not_device_models=dict(type="list", elements="str"),
    device_operating_systems=dict(type="list", elements="str"),
    not_device_operating_systems=dict(type="list", elements="str"),
    device_user_agents=dict(type="list", elements="str"),
    not_device_user_agents=dict(type="list", elements="str"),
)


def main():
    WorkMailModule(argument_spec=ARGUMENT_SPEC).reconcile(MOBILE_DEVICE_ACCESS_RULE)


if __name__ == "__main__":
    main()
