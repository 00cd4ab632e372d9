#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: mobile_device_access_override
short_description: Allow or deny one user's mobile device in Amazon WorkMail, whatever the rules say
version_added: 0.2.0
description:
  - Create, update and delete the mobile device access override of a user's device. An override decides whether
    that device of that user may reach the mailbox, in place of the organization's mobile device access rules
    (M(mailops.workmail.mobile_device_access_rule)).
  - An override is found by O(user) and O(device_id). Options left unset are never changed; an empty O(description)
    removes the description.
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) creates the override or updates it to match the options set. The user must be enabled.
      - V(absent) deletes the override. A user that does not exist has none, so nothing changes.
    type: str
    choices: [present, absent]
    default: present
  user:
    description:
      - The user, by name, email address or user ID. The override is returned with the user ID.
    type: str
    required: true
  device_id:
    description:
      - The device ID the device reports (letters and digits, up to 32). WorkMail compares device IDs regardless of
        case, and so does this module; the case first given is the one kept.
    type: str
    required: true
  effect:
    description:
      - Whether the device may reach the mailbox.
      - Required to create the override.
    type: str
    choices: [allow, deny]
  description:
    description:
      - The override description (up to 256 characters). An empty string removes it.
    type: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:DescribeUser),
    C(workmail:DescribeEntity) (a user given by email address), C(workmail:GetMobileDeviceAccessOverride),
    C(workmail:PutMobileDeviceAccessOverride), C(workmail:DeleteMobileDeviceAccessOverride)."
  - PutMobileDeviceAccessOverride replaces a whole override, so an update sends the unchanged effect or description too.
  - A disabled user is refused before any change (WorkMail refuses it). In check mode that is a warning, and a user
    that does not exist yet is assumed to be created by an earlier task, with a warning.
seealso:
  - module: mailops.workmail.mobile_device_access_override_info
  - module: mailops.workmail.mobile_device_access_rule
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Block a lost phone
  mailops.workmail.mobile_device_access_override:
    organization: example-corp
    user: jdoe@example.com
    device_id: ApplC39XK2Q1N72J
    effect: deny
    description: Reported lost

- name: Let the CEO's tablet in, whatever the rules say
  mailops.workmail.mobile_device_access_override:
    organization: example-corp
    user: ceo
    device_id: SEC1A2B3C4D5E6F
    effect: allow

- name: Remove the override once the phone is found
  mailops.workmail.mobile_device_access_override:
    organization: example-corp
    user: jdoe@example.com
    device_id: ApplC39XK2Q1N72J
    state: absent
"""

RETURN = r"""
mobile_device_access_override:
  description:
    - The override after the change (in check mode, as it would be). Empty when O(state=absent).
    - An override that check mode would create has C(date_created) null; a user an earlier task would create appears
      as given.
  returned: always
  type: dict
  contains:
    user:
      description: The user ID.
      type: str
      sample: 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d
    device_id:
      description: The device ID, in the case first given.
      type: str
      sample: ApplC39XK2Q1N72J
    effect:
      description: V(allow) or V(deny).
      type: str
      sample: deny
    description:
      description: The override description, null when it has none.
      type: str
      sample: Reported lost
    date_created:
      description: When the override was created (ISO 8601).
      type: str
      sample: "2026-01-05T09:30:00+00:00"
    date_modified:
      description: When the override was last changed (ISO 8601).
      type: str
      sample: "2026-01-05T09:30:00+00:00"
"""

from ansible_collections.mailops.workmail.plugins.module_utils.mobile_devices import MOBILE_DEVICE_ACCESS_OVERRIDE
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    user=dict(type="str", required=True),
    device_id=dict(type="str", required=True),
    effect=dict(type="str", choices=["allow", "deny"]),
    description=dict(type="str"),
)


def main():
    WorkMailModule(argument_spec=ARGUMENT_SPEC).reconcile(MOBILE_DEVICE_ACCESS_OVERRIDE)


if __name__ == "__main__":
    main()
