#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: resource_info
short_description: List Amazon WorkMail resources (rooms and equipment)
version_added: 0.2.0
description:
  - Returns the resources of an organization in the shape M(mailops.workmail.resource) returns, or the one
    resource that O(name), O(email) or O(id) names, optionally with their delegates. Deleted resources are left out.
author:
  - mailops.workmail maintainers (@mailops)
options:
  name:
    description:
      - Return only the resource with this name.
      - A name no resource can have (empty, longer than 20 characters, or with characters resource names never hold)
        fails, naming the option.
    type: str
  email:
    description:
      - Return only the resource with this address (primary or alias).
      - A value that is not an email address fails, naming the option.
    type: str
  id:
    description:
      - Return only the resource with this ID (not its name or address; use O(name) or O(email) for those).
      - A value that cannot be an ID (empty, or shorter than 12 characters) fails, naming the option.
    type: str
  include_delegates:
    description: Add each resource's delegates (one more call per resource, and one per delegate).
    type: bool
    default: false
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:ListResources),
    C(workmail:DescribeResource), C(workmail:DescribeEntity); with O(include_delegates) also
    C(workmail:ListResourceDelegates), C(workmail:DescribeUser) and C(workmail:DescribeGroup)."
seealso:
  - module: mailops.workmail.resource
  - module: mailops.workmail.resource_delegate
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Every room and piece of equipment, with who answers for it
  mailops.workmail.resource_info:
    organization: example-corp
    include_delegates: true
  register: resources

- name: The board room
  mailops.workmail.resource_info:
    organization: example-corp
    name: boardroom
  register: boardroom
"""

RETURN = r"""
resources:
  description: The resources, in the shape M(mailops.workmail.resource) returns; empty when none matches.
  returned: always
  type: list
  elements: dict
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
    email:
      description: The primary address; null while the resource is disabled.
      type: str
    enabled:
      description: Whether the resource is registered to WorkMail.
      type: bool
    state:
      description: The service's state of the resource.
      type: str
      sample: enabled
    hidden_from_global_address_list:
      description: Whether the resource is hidden from the global address list.
      type: bool
    booking_options:
      description: How the resource answers booking requests.
      type: dict
      contains:
        auto_accept_requests:
          description: Whether it accepts or declines requests on its own.
          type: bool
        auto_decline_recurring_requests:
          description: Whether it declines recurring meetings on its own.
          type: bool
        auto_decline_conflicting_requests:
          description: Whether it declines conflicting requests on its own.
          type: bool
    enabled_date:
      description: When the resource was last enabled (ISO 8601).
      type: str
    disabled_date:
      description: When the resource was last disabled (ISO 8601).
      type: str
    delegates:
      description: The delegates (users and groups) that answer the resource's booking requests.
      returned: when O(include_delegates=true)
      type: list
      elements: dict
      sample: [{"id": "4f1c5b5e-0b5e-4b8e-9a43-1a2b3c4d5e6f", "name": "jdoe", "type": "user"}]
"""

from ansible_collections.mailops.workmail.plugins.module_utils.entities import RESOURCE
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    email=dict(type="str"),
    id=dict(type="str"),
    include_delegates=dict(type="bool", default=False),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC, mutually_exclusive=[["name", "email", "id"]])
    params = module.params

    def gather(ctx):
        resources = RESOURCE.find_all(ctx, params["name"], params["email"], params["id"])
        if params["include_delegates"]:
            for resource in resources:
                resource["delegates"] = [dict(id=d["id"], name=d["name"], type=d["type"]) for d in RESOURCE.delegates(ctx, resource["id"])]
        return resources

    module.info("resources", gather)


if __name__ == "__main__":
    main()
