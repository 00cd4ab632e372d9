#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: user
short_description: Manage Amazon WorkMail users
version_added: 0.1.0
description:
  - Create, update, enable, disable and delete a user of an Amazon WorkMail organization.
  - A user is found by O(name). Options left unset are never changed; an empty string clears a text field.
  - O(enabled=true) registers the user to WorkMail, which gives it a mailbox and its primary address
    O(email) (and costs money); O(enabled=false) deregisters it. A deregistered mailbox is kept by
    the service for 30 days, then removed.
  - Group membership and aliases are not managed here; use M(mailops.workmail.group_membership)
    and M(mailops.workmail.alias).
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) creates or updates the user.
      - V(absent) deregisters the user if it is enabled, then deletes it. Deleting a user is permanent;
        its mailbox is kept by the service for 30 days.
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - The user name, unique in the organization. It cannot be changed once the user exists.
    type: str
    required: true
  email:
    description:
      - The primary email address. Its domain must be a verified mail domain of the organization.
      - Needed to enable a user that is not enabled yet.
      - Changing it on an enabled user calls C(UpdatePrimaryEmailAddress); the service keeps the old
        primary address as an alias, so mail to it still arrives. Remove it with M(mailops.workmail.alias).
      - Ignored while the user is disabled; a disabled user holds no address.
    type: str
  enabled:
    description:
      - Whether the user is registered to WorkMail (has a mailbox and an address).
    type: bool
    default: true
  display_name:
    description:
      - The name shown in the address book. Defaults to O(name) when the user is created.
    type: str
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
    description:
      - The user's role, one of the two the service lets be set.
      - The service gives the other roles, C(system_user) (directory administrators) and C(resource)
        (resources imported as users), itself; a user that has one keeps it while this option is unset.
    type: str
    choices: [user, remote_user]
  identity_provider_user_id:
    description:
      - The IAM Identity Center user ID to link the user with; an empty string unlinks it.
    type: str
  password:
    description:
      - The password. The service never returns it, so it is set when the user is created and,
        with O(update_password=always), on every run.
      - "It must meet the password policy of the WorkMail directory: 8 to 63 characters, from at least 3 of
        these groups: uppercase letters, lowercase letters, digits, special characters (such as C(!) or C(~)),
        Latin-1 letters and symbols (such as C(\u00e9)). The module checks it before any call and says which
        rule it breaks, never the password itself."
      - "It never appears in results, diffs, logs or messages. With C(--diff), the after state shows
        C(password: (set)) when a new user gets it and C(password: (reset)) when it is reset."
    type: str
  update_password:
    description:
      - V(on_create) sets O(password) only when the user is created.
      - "V(always) resets it on every run, which reports a change every time (the service cannot tell whether
        the password differs); with C(--diff) the change shows as C(password: (reset))."
    type: str
    choices: [on_create, always]
    default: on_create
  mailbox_quota:
    description:
      - The mailbox quota in megabytes, from 1 to 51200 (50 GB, the largest WorkMail mailbox and the quota
        a new mailbox gets). Needs an enabled user.
    type: int
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:DescribeUser),
    C(workmail:GetMailboxDetails), C(workmail:CreateUser), C(workmail:UpdateUser), C(workmail:RegisterToWorkMail),
    C(workmail:DeregisterFromWorkMail), C(workmail:UpdatePrimaryEmailAddress), C(workmail:UpdateMailboxQuota),
    C(workmail:ResetPassword), C(workmail:DeleteUser); when a create or a registration meets a user made meanwhile
    (by another run, or by an attempt whose reply was lost) also C(workmail:DescribeEntity), C(workmail:ListGroups)
    and C(workmail:DescribeGroup)."
  - WorkMail applies registration changes with a lag; the module waits for them (up to two minutes), and for a new
    user to show.
  - A user of the same name that appears between the module's read and its create (another run, or the module's own
    attempt whose reply was lost) is taken as the one created when it has the name, display name, first and last
    name, visibility, role and identity provider ID the create sets; otherwise the task fails naming the
    difference and leaves it alone.
seealso:
  - module: mailops.workmail.user_info
  - module: mailops.workmail.group_membership
  - module: mailops.workmail.alias
  - name: WorkMail API reference for CreateUser
    description: The API call behind a new user.
    link: https://docs.aws.amazon.com/workmail/latest/APIReference/API_CreateUser.html
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Onboard Jane with a mailbox
  mailops.workmail.user:
    organization: example-corp
    name: jdoe
    email: jane.doe@example.com
    display_name: Jane Doe
    first_name: Jane
    last_name: Doe
    department: Finance
    password: "{{ vault_jdoe_initial_password }}"

- name: Limit the front desk's mailbox to 10 GB
  mailops.workmail.user:
    organization: example-corp
    name: frontdesk
    mailbox_quota: 10240

- name: Disable Jane's mailbox but keep the user
  mailops.workmail.user:
    organization: example-corp
    name: jdoe
    enabled: false

- name: Delete Jane
  mailops.workmail.user:
    organization: example-corp
    name: jdoe
    state: absent
"""

RETURN = r"""
user:
  description:
    - The user after the change (in check mode, as it would be). Empty when O(state=absent).
    - A user that check mode would create has C(id) null.
  returned: always
  type: dict
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
"""

from ansible_collections.mailops.workmail.plugins.module_utils.entities import USER
from ansible_collections.mailops.workmail.plugins.module_utils.entities import USER_OPTIONS
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    **USER_OPTIONS
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.reconcile(USER, update_password=module.params["update_password"])


if __name__ == "__main__":
    main()
