#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: organization_info
short_description: List Amazon WorkMail organizations
version_added: 0.1.0
description:
  - Returns the organizations of the account and region in the shape M(mailops.workmail.organization)
    returns, or the one that O(alias) or O(organization_id) names. Deleted organizations are left out.
author:
  - mailops.workmail maintainers (@mailops)
options:
  alias:
    description:
      - Return only the organization with this alias (not its ID; use O(organization_id) for that).
      - A value no alias can be (empty, too long, or not letters and digits joined by hyphens) fails, naming the option.
    type: str
  organization_id:
    description:
      - Return only the organization with this ID.
      - A value that is not an organization ID (C(m-) and 32 lowercase hexadecimal digits) fails, naming the option.
    type: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:ListTagsForResource)."
seealso:
  - module: mailops.workmail.organization
extends_documentation_fragment:
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: All organizations of the region
  mailops.workmail.organization_info:
  register: found

- name: Their aliases and states
  ansible.builtin.debug:
    msg: "{{ found.organizations | items2dict(key_name='alias', value_name='state') }}"
"""

RETURN = r"""
organizations:
  description: The organizations, in the shape M(mailops.workmail.organization) returns.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The organization ID.
      type: str
      sample: m-0123456789abcdef0123456789abcdef
    alias:
      description: The alias.
      type: str
      sample: example-corp
    arn:
      description: The organization's ARN.
      type: str
    state:
      description: The service's state.
      type: str
      sample: Active
    default_mail_domain:
      description: The default mail domain.
      type: str
    directory_id:
      description: The directory the organization uses.
      type: str
    directory_type:
      description: The type of that directory.
      type: str
    enable_interoperability:
      description: Whether interoperability with Microsoft Exchange is on.
      type: bool
    tags:
      description: The tags (read for active organizations only).
      type: dict
    completed_date:
      description: When the organization became usable (ISO 8601).
      type: str
    error_message:
      description: What went wrong, when the service reports a problem.
      type: str
"""

from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.organizations import ORGANIZATION

ARGUMENT_SPEC = dict(
    alias=dict(type="str"),
    organization_id=dict(type="str"),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC, organization=False, mutually_exclusive=[["alias", "organization_id"]])
    module.info("organizations", lambda ctx: ORGANIZATION.find_all(ctx, module.params["alias"], module.params["organization_id"]))


if __name__ == "__main__":
    main()
