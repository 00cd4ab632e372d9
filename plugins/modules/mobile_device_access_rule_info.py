#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: mobile_device_access_rule_info
short_description: List Amazon WorkMail mobile device access rules and test what they allow
version_added: 0.2.0
description:
  - Returns the mobile device access rules of an Amazon WorkMail organization, in the shape
    M(mailops.workmail.mobile_device_access_rule) takes and returns one.
  - With O(device), it also asks WorkMail whether that device would be allowed (GetMobileDeviceAccessEffect)
    and returns the C(effect) and the C(matched_rules), so a pipeline can test its policy.
author:
  - mailops.workmail maintainers (@mailops)
options:
  name:
    description:
      - Return only the rules with this name.
    type: str
  device:
    description:
      - A device to evaluate the rules for. Each attribute is optional; one left out fails every rule that lists
        values for it (C(device_types), ...) and passes every rule that only excludes values for it
        (C(not_device_types), ...).
      - Device access overrides are not taken into account (they are per user and device; WorkMail evaluates the
        rules only).
    type: dict
    suboptions:
      type:
        description: The device type, for example C(iPhone).
        type: str
      model:
        description: The device model.
        type: str
      operating_system:
        description: The device operating system, for example C(iOS 17.1).
        type: str
      user_agent:
        description: The device user agent.
        type: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:ListMobileDeviceAccessRules), C(workmail:GetMobileDeviceAccessEffect) (with O(device))."
  - In check mode, when the organization does not exist yet (an earlier task would create it), C(mobile_device_access_rules)
    is empty and C(effect) is null.
seealso:
  - module: mailops.workmail.mobile_device_access_rule
  - module: mailops.workmail.mobile_device_access_override_info
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: List the rules
  mailops.workmail.mobile_device_access_rule_info:
    organization: example-corp
  register: mobile_rules

- name: Would an unmanaged Android phone get in?
  mailops.workmail.mobile_device_access_rule_info:
    organization: example-corp
    device:
      type: Android
      model: Galaxy S23
      operating_system: Android 14
  register: android

- name: Fail the pipeline when the policy lets it through
  ansible.builtin.assert:
    that:
      - android.effect == 'deny'
      - "'no-unmanaged-android' in android.matched_rules | map(attribute='name')"
"""

RETURN = r"""
mobile_device_access_rules:
  description:
    - The organization's mobile device access rules (those named O(name) when given), in the order the service
      lists them, each as M(mailops.workmail.mobile_device_access_rule) returns it.
  returned: always
  type: list
  elements: dict
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
    device_types:
      description: The device types the rule applies to.
      type: list
      elements: str
    not_device_types:
      description: The device types the rule excludes.
      type: list
      elements: str
    device_models:
      description: The device models the rule applies to.
      type: list
      elements: str
    not_device_models:
      description: The device models the rule excludes.
      type: list
      elements: str
    device_operating_systems:
      description: The device operating systems the rule applies to.
      type: list
      elements: str
    not_device_operating_systems:
      description: The device operating systems the rule excludes.
      type: list
      elements: str
    device_user_agents:
      description: The device user agents the rule applies to.
      type: list
      elements: str
    not_device_user_agents:
      description: The device user agents the rule excludes.
      type: list
      elements: str
    id:
      description: The rule ID.
      type: str
    date_created:
      description: When the rule was created (ISO 8601).
      type: str
    date_modified:
      description: When the rule was last changed (ISO 8601).
      type: str
effect:
  description:
    - What WorkMail does with O(device), V(allow) or V(deny). A device that no rule matches is allowed.
    - Null in check mode while the organization does not exist yet.
  returned: when O(device) is set
  type: str
  sample: deny
matched_rules:
  description: The rules that decide the effect (those of that effect that match the device), in list order.
  returned: when O(device) is set
  type: list
  elements: dict
  contains:
    id:
      description: The rule ID.
      type: str
    name:
      description: The rule name.
      type: str
  sample: [{id: 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, name: no-unmanaged-android}]
"""

from ansible_collections.mailops.workmail.plugins.module_utils.mobile_devices import describe_rules
from ansible_collections.mailops.workmail.plugins.module_utils.mobile_devices import evaluate
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    device=dict(
        type="dict",
        options=dict(
            type=dict(type="str"),
            model=dict(type="str"),
            operating_system=dict(type="str"),
            user_agent=dict(type="str"),
        ),
    ),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    params = module.params

    def task():
        ctx = module.context()
        result = {"mobile_device_access_rules": describe_rules(ctx, params["name"])}
        if params["device"] is not None:
            result.update(evaluate(ctx, params["device"]))
        module.exit(False, result, warnings=ctx.warnings)

    module.run(task)


if __name__ == "__main__":
    main()
