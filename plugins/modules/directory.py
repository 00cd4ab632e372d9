#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: directory
short_description: Converge the users, groups, memberships and aliases of a WorkMail organization in one task
version_added: 0.2.0
description:
  - Converges many users and groups of one Amazon WorkMail organization at once, with their group memberships
    and aliases, as the M(mailops.workmail.user), M(mailops.workmail.group), M(mailops.workmail.group_membership)
    and M(mailops.workmail.alias) modules would one by one, in one task and in seconds.
  - "Read once: the organization is resolved once, users and groups are listed once, a user or group is described
    only when an option you manage is not in its listing, a mailbox is read only where O(users[].mailbox_quota) is
    managed, a group's members once per group listed or named, aliases once per entry that manages them."
  - "Plan, then write: every entry is checked before the first write: options against the service's rules,
    duplicates in the input, an address claimed twice or held by someone else, an address on a domain that is not a
    verified mail domain of the organization, groups that neither exist nor are listed, a group that would contain
    itself directly or through nesting, the guards of O(unlisted). An entry that fails a check is left out and
    reported; every other change still runs. When new nestings close a loop, every entry that asks for one of them
    fails."
  - Writes run in dependency order (groups, users and their registration, memberships, aliases, then unlisted
    users) on O(workers) parallel workers sharing one client. Throttling and server errors are retried by botocore,
    call by call; a user or group that another run (or this run's own attempt whose reply was lost) created in the
    meantime is adopted when it is the one asked for; memberships and aliases of an entity just created wait until
    WorkMail shows it. The README's section on faults gives the bounds.
  - When some entries fail, the task fails naming each one and why; the result still holds C(changed), RV(summary)
    and every change in RV(changes). A rerun converges the rest.
  - Check mode returns the full plan and sends no write call. With C(--diff), there is one before/after per entry
    that changes, in the shape the module takes (passwords never shown).
  - M(mailops.workmail.directory_info) returns an organization's directory in exactly this module's shape.
author:
  - mailops.workmail maintainers (@mailops)
options:
  users:
    description:
      - The users, each with the options of M(mailops.workmail.user) (but O(mailops.workmail.user#module:state)) plus
        O(users[].groups) and O(users[].aliases).
      - Options left out of an entry are never changed; an empty string clears a text field.
    type: list
    elements: dict
    default: []
    suboptions:
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
            - The name shown in the address book. Defaults to O(users[].name) when the user is created.
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
              with O(users[].update_password=always), on every run.
            - "It must meet the password policy of the WorkMail directory: 8 to 63 characters, from at least 3 of
              these groups: uppercase letters, lowercase letters, digits, special characters (such as C(!) or C(~)),
              Latin-1 letters and symbols (such as C(\u00e9)). The module checks it before any call and says which
              rule it breaks, never the password itself."
            - "It never appears in results, diffs, logs or messages. With C(--diff), the after state shows
              C(password: (set)) when a new user gets it and C(password: (reset)) when it is reset."
          type: str
        update_password:
          description:
            - V(on_create) sets O(users[].password) only when the user is created.
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
        groups:
          description:
            - The groups the user is directly a member of, by name, email or ID. Each must exist or be listed in O(groups).
            - With O(state=present) the user joins them; with O(state=exact) each listed group's members become exactly
              the entries that name it. Left out, the user joins nothing (and, with O(state=exact), leaves every listed group).
          type: list
          elements: str
        aliases:
          description:
            - The user's aliases (addresses besides O(users[].email)), on verified domains of the organization.
            - With O(state=present) they are added; with O(state=exact) they become exactly these. Left out, aliases are not managed.
          type: list
          elements: str
  groups:
    description:
      - The groups, each with the options of M(mailops.workmail.group) (but O(mailops.workmail.group#module:state))
        plus O(groups[].groups) (parent groups) and O(groups[].aliases).
    type: list
    elements: dict
    default: []
    suboptions:
        name:
          description:
            - The group name, unique in the organization. It cannot be changed once the group exists.
          type: str
          required: true
        email:
          description:
            - The group's primary address. Its domain must be a verified mail domain of the organization.
            - Needed to enable a group that is not enabled yet.
            - Changing it on an enabled group keeps the old address as an alias (the service does so);
              remove it with M(mailops.workmail.alias).
            - Ignored while the group is disabled; a disabled group holds no address.
          type: str
        enabled:
          description:
            - Whether the group is registered to WorkMail (has an address and receives mail).
          type: bool
          default: true
        hidden_from_global_address_list:
          description: Whether the group is hidden from the global address list.
          type: bool
        groups:
          description:
            - The groups this group is directly a member of (nesting), by name, email or ID. Each must exist or be listed in O(groups).
            - With O(state=present) the group joins them; with O(state=exact) each listed group's members become exactly
              the entries that name it. Left out, the group joins nothing (and, with O(state=exact), leaves every listed group).
          type: list
          elements: str
        aliases:
          description:
            - The group's aliases (addresses besides O(groups[].email)), on verified domains of the organization.
            - With O(state=present) they are added; with O(state=exact) they become exactly these. Left out, aliases are not managed.
          type: list
          elements: str
  state:
    description:
      - V(present) makes the listed users and groups exist as described and adds the listed memberships and
        aliases; nothing else is touched.
      - V(exact) does the same, and makes every listed group's members exactly the listed users and groups that
        name it, and every entry that has O(users[].aliases) or O(groups[].aliases) have exactly those aliases.
        See O(unlisted) for the organization's users that are not listed.
      - V(absent) removes the listed users and groups as M(mailops.workmail.user) and M(mailops.workmail.group)
        do (deregistered if enabled, then deleted). Their other options are ignored.
    type: str
    choices: [present, exact, absent]
    default: present
  unlisted:
    description:
      - With O(state=exact), what happens to the organization's users that O(users) does not list.
      - V(keep) leaves them alone; V(disable) deregisters them from WorkMail (their mailbox is kept by the service
        for 30 days); V(delete) deregisters and deletes them.
      - System users, resources and the users in O(protect) are never touched.
    type: str
    choices: [keep, disable, delete]
    default: keep
  protect:
    description:
      - Names or primary addresses of users that O(unlisted) never touches.
    type: list
    elements: str
    default: []
  max_unlisted:
    description:
      - With O(unlisted) other than V(keep), the task fails before any write when more users than this would be
        disabled or deleted, so that a truncated input cannot empty the organization.
    type: int
    default: 5
  workers:
    description:
      - How many API calls run at once, 1 or more. V(1) runs them one after the other.
    type: int
    default: 8
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:ListUsers),
    C(workmail:ListGroups), C(workmail:DescribeUser), C(workmail:DescribeGroup), C(workmail:GetMailboxDetails),
    C(workmail:ListGroupMembers), C(workmail:ListAliases), C(workmail:DescribeEntity), C(workmail:GetMailDomain),
    C(workmail:CreateUser), C(workmail:UpdateUser), C(workmail:CreateGroup), C(workmail:UpdateGroup),
    C(workmail:RegisterToWorkMail), C(workmail:DeregisterFromWorkMail), C(workmail:UpdatePrimaryEmailAddress),
    C(workmail:UpdateMailboxQuota), C(workmail:ResetPassword), C(workmail:AssociateMemberToGroup),
    C(workmail:DisassociateMemberFromGroup), C(workmail:CreateAlias), C(workmail:DeleteAlias), C(workmail:DeleteUser),
    C(workmail:DeleteGroup)."
  - An address held by an entry whose own address changes in the same run counts as taken; move it in two runs.
  - WorkMail applies registration changes with a lag; the module waits for them (up to two minutes per entity).
seealso:
  - module: mailops.workmail.directory_info
  - module: mailops.workmail.user
  - module: mailops.workmail.group
  - module: mailops.workmail.group_membership
  - module: mailops.workmail.alias
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Keep two groups and three people as described
  mailops.workmail.directory:
    organization: example-corp
    groups:
      - name: all-staff
        email: all-staff@example.com
      - name: finance
        email: finance@example.com
        groups: [all-staff]
    users:
      - name: jdoe
        email: jdoe@example.com
        display_name: Jane Doe
        groups: [finance]
        aliases: [jane.doe@example.com]
      - name: omar
        email: omar@example.com
        first_name: Omar
        groups: [all-staff]
      - name: li
        email: li@example.com
        mailbox_quota: 10240
        groups: [all-staff]

- name: People from a CSV file (a header row of user options plus groups and aliases, ';' between values)
  mailops.workmail.directory:
    organization: example-corp
    users: "{{ query('mailops.workmail.onboarding_users', 'files/people.csv', default_domain='example.com') }}"
    groups:
      - name: all-staff
        email: all-staff@example.com

- name: The people listed are the whole organization; disable anyone else, but never the admins
  mailops.workmail.directory:
    organization: example-corp
    state: exact
    unlisted: disable
    protect: [admin, it-support@example.com]
    max_unlisted: 10
    users: "{{ people }}"
    groups: "{{ teams }}"

- name: Rebuild an organization's directory from what directory_info gave
  mailops.workmail.directory:
    organization: example-corp
    state: exact
    users: "{{ saved.directory.users }}"
    groups: "{{ saved.directory.groups }}"

- name: Remove leavers and a retired group
  mailops.workmail.directory:
    organization: example-corp
    state: absent
    users:
      - name: hank
    groups:
      - name: old-project
"""

RETURN = r"""
summary:
  description:
    - How many changes of each kind and action were made (planned, in check mode), failures left out; how many
      listed users and groups were already as described; and how many changes failed.
  returned: always
  type: dict
  contains:
    user:
      description: Counts of C(create), C(update), C(disable), C(delete) and C(unchanged).
      type: dict
      sample: {create: 2, update: 1, disable: 0, delete: 0, unchanged: 40}
    group:
      description: Counts of C(create), C(update), C(delete) and C(unchanged).
      type: dict
      sample: {create: 1, update: 0, delete: 0, unchanged: 10}
    membership:
      description: Counts of C(add) and C(remove).
      type: dict
      sample: {add: 3, remove: 0}
    alias:
      description: Counts of C(add) and C(remove).
      type: dict
      sample: {add: 1, remove: 0}
    failed:
      description: How many changes failed (each is in RV(changes) with its C(error)).
      type: int
      sample: 0
changes:
  description:
    - One entry per user, group, membership or alias that changed, would change (check mode), or failed,
      in the order they were planned. Failed entries come last.
  returned: always
  type: list
  elements: dict
  contains:
    kind:
      description: C(user), C(group), C(membership) or C(alias).
      type: str
      sample: user
    name:
      description: The user or group the change is about (for a membership, the member).
      type: str
      sample: jdoe
    action:
      description:
        - C(create), C(update), C(disable) or C(delete) for users and groups; C(add) or C(remove) for memberships
          and aliases.
        - For an entry that failed its checks before any write, what it would have done, or C(check) when it got
          no further than the checks.
      type: str
      sample: create
    changes:
      description: The options that change (names only; a password is never shown).
      type: list
      elements: str
      sample: [department, email, enabled]
    group:
      description: For a membership, the group.
      type: str
      returned: when O(state) is not V(absent)
      sample: finance
    alias:
      description: For an alias, the address.
      type: str
      sample: jane.doe@example.com
    unlisted:
      description: True for a user disabled or deleted because O(unlisted) says so.
      type: bool
    error:
      description: Why the change failed, when it did; a change that depended on a failed one says so.
      type: str
      sample: "email: jdoe@unknown.example: unknown.example is not a mail domain of the organization"
"""

from ansible_collections.mailops.workmail.plugins.module_utils.directory import converge
from ansible_collections.mailops.workmail.plugins.module_utils.entities import GROUP_OPTIONS
from ansible_collections.mailops.workmail.plugins.module_utils.entities import USER_OPTIONS
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

RELATIONS = dict(groups=dict(type="list", elements="str"), aliases=dict(type="list", elements="str"))

ARGUMENT_SPEC = dict(
    users=dict(type="list", elements="dict", default=[], options=dict(USER_OPTIONS, **RELATIONS)),
    groups=dict(type="list", elements="dict", default=[], options=dict(GROUP_OPTIONS, **RELATIONS)),
    state=dict(type="str", choices=["present", "exact", "absent"], default="present"),
    unlisted=dict(type="str", choices=["keep", "disable", "delete"], default="keep"),
    protect=dict(type="list", elements="str", default=[]),
    max_unlisted=dict(type="int", default=5),
    workers=dict(type="int", default=8),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.parallel(module.params["workers"])
    module.bulk(lambda ctx: converge(ctx, module.params))


if __name__ == "__main__":
    main()
