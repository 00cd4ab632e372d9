#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: user_info
short_description: List Amazon WorkMail users
version_added: 0.1.0
description:
  - Returns the users of an organization in the shape M(mailops.workmail.user) returns, or the one user
    that O(name), O(email) or O(id) names. Deleted users are left out.
author:
  - mailops.workmail maintainers (@mailops)
options:
  name:
    description:
      - Return only the user with this name.
      - A name no user can have (empty, too long, or with characters user names never hold) fails, naming the option.
    type: str
  email:
    description:
      - Return only the user with this address (primary or alias).
      - A value that is not an email address fails, naming the option.
    type: str
  id:
    description:
      - Return only the user with this ID (not its name or address; use O(name) or O(email) for those).
      - A value that cannot be an ID (empty, or shorter than 12 characters) fails, naming the option.
    type: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:ListUsers),
    C(workmail:DescribeUser), C(workmail:DescribeEntity), C(workmail:GetMailboxDetails), C(workmail:ListAliases)."
  - Listing every user reads each one (three calls per enabled user, DescribeUser, GetMailboxDetails and ListAliases, and
    one per disabled user); filter where you can in large organizations.
seealso:
  - module: mailops.workmail.user
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Every user, to inventory the organization
  mailops.workmail.user_info:
    organization: example-corp
  register: everyone

- name: Who holds this address?
  mailops.workmail.user_info:
    organization: example-corp
    email: invoices@example.com
  register: holder
"""

RETURN = r"""
users:
  description: The users, in the shape M(mailops.workmail.user) returns; empty when none matches.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The user ID.
      type: str
      sample: 4f1c5b5e-0b5e-4b8e-9a43-1a2b3c4d5e6f
    name:
      description: The user name.
      type: str
      sample: jdoe
    email:
      description: The primary address; null while the user is disabled.
      type: str
      sample: jane.doe@example.com
    enabled:
      description: Whether the user is registered to WorkMail.
      type: bool
      sample: true
    state:
      description: The service's state of the user.
      type: str
      sample: enabled
    display_name:
      description: The display name.
      type: str
      sample: Jane Doe
    first_name:
      description: The first name.
      type: str
    last_name:
      description: The last name.
      type: str
    initials:
      description: The initials.
      type: str
    telephone:
      description: The telephone number.
      type: str
    street:
      description: The street address.
      type: str
    job_title:
      description: The job title.
      type: str
    city:
      description: The city.
      type: str
    company:
      description: The company.
      type: str
    zip_code:
      description: The postal code.
      type: str
    department:
      description: The department.
      type: str
    country:
      description: The country.
      type: str
    office:
      description: The office.
      type: str
    hidden_from_global_address_list:
      description: Whether the user is hidden from the global address list.
      type: bool
    role:
      description: The user's role, V(user), V(remote_user), V(system_user) or V(resource).
      type: str
      sample: user
    identity_provider_user_id:
      description: The linked IAM Identity Center user ID.
      type: str
    mailbox_quota:
      description: The mailbox quota in megabytes; null while the user is disabled.
      type: int
      sample: 51200
    mailbox_size:
      description: The mailbox size in megabytes; null while the user is disabled.
      type: float
      sample: 0.0
    enabled_date:
      description: When the user was last enabled (ISO 8601).
      type: str
    disabled_date:
      description: When the user was last disabled (ISO 8601).
      type: str
    aliases:
      description:
        - The user's aliases (its other addresses, not C(email)), sorted, as M(mailops.workmail.alias) takes them.
        - Empty for a disabled user, which holds no address. Read with one C(ListAliases) call per enabled user returned.
      type: list
      elements: str
      sample: [jane@example.com, j.doe@example.com]"""

from ansible_collections.mailops.workmail.plugins.module_utils.entities import USER
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    email=dict(type="str"),
    id=dict(type="str"),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC, mutually_exclusive=[["name", "email", "id"]])
    module.info("users", lambda ctx: USER.add_aliases(ctx, USER.find_all(ctx, module.params["name"], module.params["email"], module.params["id"])))


if __name__ == "__main__":
    main()
