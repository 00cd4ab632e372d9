#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: resource
short_description: Manage Amazon WorkMail resources (rooms and equipment)
version_added: 0.2.0
description:
  - Create, update, enable, disable and delete a resource of an Amazon WorkMail organization, a room or a piece
    of equipment that people book by inviting it to a meeting.
  - A resource is found by O(name). Options left unset are never changed; an empty O(description) clears it.
  - O(enabled=true) registers the resource to WorkMail with its address O(email), so it can be booked;
    O(enabled=false) deregisters it and releases its addresses.
  - Delegates and mailbox permissions are not managed here; use M(mailops.workmail.resource_delegate) and
    M(mailops.workmail.mailbox_permission). Aliases are managed with M(mailops.workmail.alias).
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) creates or updates the resource.
      - V(absent) deregisters the resource if it is enabled, then deletes it.
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - The resource name, unique among the users, groups and resources of the organization. It cannot be changed
        once the resource exists.
      - Up to 20 letters, digits, C(_), C(-) and C(.), optionally followed by C(@) and a domain.
    type: str
    required: true
  type:
    description:
      - Whether the resource is a room or a piece of equipment.
      - Required to create a resource.
    type: str
    choices: [room, equipment]
  description:
    description:
      - The description people see when they book the resource, up to 64 characters.
      - V("") clears it.
    type: str
  email:
    description:
      - The resource's primary address. Its domain must be a verified mail domain of the organization.
      - Needed to enable a resource that is not enabled yet.
      - Changing it on an enabled resource keeps the old address as an alias (the service does so);
        remove it with M(mailops.workmail.alias).
      - Ignored while the resource is disabled; a disabled resource holds no address.
    type: str
  enabled:
    description:
      - Whether the resource is registered to WorkMail (has an address and can be booked).
    type: bool
    default: true
  hidden_from_global_address_list:
    description: Whether the resource is hidden from the global address list.
    type: bool
  booking_options:
    description:
      - How the resource answers booking requests. Suboptions left unset are left as they are; a new resource
        accepts requests and declines conflicting ones, and takes recurring ones.
    type: dict
    suboptions:
      auto_accept_requests:
        description:
          - Accept or decline requests on its own. V(false) leaves them to the resource's delegates, so the resource
            must have one (M(mailops.workmail.resource_delegate)); without one the task fails before any change.
        type: bool
      auto_decline_recurring_requests:
        description: Decline recurring meetings on its own.
        type: bool
      auto_decline_conflicting_requests:
        description: Decline requests that conflict with a booking on its own.
        type: bool
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:DescribeResource),
    C(workmail:CreateResource), C(workmail:UpdateResource), C(workmail:RegisterToWorkMail),
    C(workmail:DeregisterFromWorkMail), C(workmail:UpdatePrimaryEmailAddress), C(workmail:DeleteResource),
    C(workmail:GetMailDomain) and C(workmail:DescribeEntity) (to check a new address before any change),
    C(workmail:ListResourceDelegates) (when O(booking_options.auto_accept_requests) turns false); when a create
    meets a resource made meanwhile (by another run, or by an attempt whose reply was lost) also
    C(workmail:DescribeUser) and C(workmail:DescribeGroup)."
  - WorkMail applies registration changes with a lag; the module waits for them (up to two minutes), and for a new
    resource to show.
  - A resource of the same name that appears between the module's read and its create is taken as the one created
    when its type, description and visibility are the ones the create sets; otherwise the task fails naming the
    difference and leaves it alone.
seealso:
  - module: mailops.workmail.resource_info
  - module: mailops.workmail.resource_delegate
  - module: mailops.workmail.mailbox_permission
  - module: mailops.workmail.alias
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: A meeting room people can book
  mailops.workmail.resource:
    organization: example-corp
    name: boardroom
    type: room
    description: Board room, 3rd floor, 12 seats
    email: boardroom@example.com

- name: A projector whose bookings the facilities team approves
  mailops.workmail.resource:
    organization: example-corp
    name: projector-1
    type: equipment
    email: projector-1@example.com
    booking_options:
      auto_accept_requests: false
      auto_decline_conflicting_requests: true

- name: Remove the room
  mailops.workmail.resource:
    organization: example-corp
    name: boardroom
    state: absent
"""

RETURN = r"""
resource:
  description:
    - The resource after the change (in check mode, as it would be). Empty when O(state=absent).
    - A resource that check mode would create has C(id) null.
  returned: always
  type: dict
  contains:
    id:
      description: The resource ID.
      type: str
      sample: r-0123456789abcdef0123456789abcdef
    name:
      description: The resource name.
      type: str
      sample: boardroom
    type:
      description: V(room) or V(equipment).
      type: str
      sample: room
    description:
      description: The description; null when it has none.
      type: str
      sample: Board room, 3rd floor, 12 seats
    email:
      description: The primary address; null while the resource is disabled.
      type: str
      sample: boardroom@example.com
    enabled:
      description: Whether the resource is registered to WorkMail.
      type: bool
      sample: true
    state:
      description: The service's state of the resource.
      type: str
      sample: enabled
    hidden_from_global_address_list:
      description: Whether the resource is hidden from the global address list.
      type: bool
      sample: false
    booking_options:
      description: How the resource answers booking requests.
      type: dict
      contains:
        auto_accept_requests:
          description: Whether it accepts or declines requests on its own.
          type: bool
          sample: true
        auto_decline_recurring_requests:
          description: Whether it declines recurring meetings on its own.
          type: bool
          sample: false
        auto_decline_conflicting_requests:
          description: Whether it declines conflicting requests on its own.
          type: bool
          sample: true
    enabled_date:
      description: When the resource was last enabled (ISO 8601).
      type: str
    disabled_date:
      description: When the resource was last disabled (ISO 8601).
      type: str
"""

from ansible_collections.mailops.workmail.plugins.module_utils.entities import RESOURCE
from ansible_collections.mailops.workmail.plugins.module_utils.entities import RESOURCE_OPTIONS
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    **RESOURCE_OPTIONS
)


def main():
    WorkMailModule(argument_spec=ARGUMENT_SPEC).reconcile(RESOURCE)


if __name__ == "__main__":
    main()
