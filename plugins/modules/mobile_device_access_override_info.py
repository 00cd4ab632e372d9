#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: mobile_device_access_override_info
short_description: List Amazon WorkMail mobile device access overrides
version_added: 0.2.0
description:
  - Returns the mobile device access overrides of an Amazon WorkMail organization (of one user, one device, or both),
    in the shape M(mailops.workmail.mobile_device_access_override) takes and returns one.
author:
  - mailops.workmail maintainers (@mailops)
options:
  user:
    description:
      - Return only the overrides of this user, by name, email address or user ID. A user that does not exist has none
        (with a warning).
    type: str
  device_id:
    description:
      - Return only the overrides of this device ID (compared regardless of case).
    type: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:ListMobileDeviceAccessOverrides), C(workmail:DescribeUser) and C(workmail:DescribeEntity) (with O(user))."
  - In check mode, when the organization does not exist yet (an earlier task would create it), the list is empty.
seealso:
  - module: mailops.workmail.mobile_device_access_override
  - module: mailops.workmail.mobile_device_access_rule_info
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: List every override
  mailops.workmail.mobile_device_access_override_info:
    organization: example-corp
  register: overrides

- name: The overrides of a leaver, to remove them
  mailops.workmail.mobile_device_access_override_info:
    organization: example-corp
    user: kim@example.com
  register: leaver_devices

- name: Remove them
  mailops.workmail.mobile_device_access_override:
    organization: example-corp
    user: "{{ item.user }}"
    device_id: "{{ item.device_id }}"
    state: absent
  loop: "{{ leaver_devices.mobile_device_access_overrides }}"
"""

RETURN = r"""
mobile_device_access_overrides:
  description:
    - The overrides, each as M(mailops.workmail.mobile_device_access_override) returns it, in the order the service
      lists them.
  returned: always
  type: list
  elements: dict
  contains:
    user:
      description: The user ID.
      type: str
      sample: 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d
    device_id:
      description: The device ID.
      type: str
      sample: ApplC39XK2Q1N72J
    effect:
      description: V(allow) or V(deny).
      type: str
      sample: deny
    description:
      description: The override description, null when it has none.
      type: str
    date_created:
      description: When the override was created (ISO 8601).
      type: str
    date_modified:
      description: When the override was last changed (ISO 8601).
      type: str
"""

from ansible_collections.mailops.workmail.plugins.module_utils.mobile_devices import describe_overrides
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    user=dict(type="str"),
    device_id=dict(type="str"),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.info("mobile_device_access_overrides", lambda ctx: describe_overrides(ctx, module.params["user"], module.params["device_id"]))


if __name__ == "__main__":
    main()
