#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: retention_policy
short_description: Manage the Amazon WorkMail retention policy
version_added: 0.1.0
description:
  - Create, update and delete the retention policy of an Amazon WorkMail organization. An organization
    has at most one; it says, per mailbox folder, whether and after how many days mail is deleted.
  - Options left unset are never changed, and a folder left out of O(folders) keeps its configuration.
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) creates the policy or updates it to match the options set.
      - V(absent) deletes the organization's retention policy, whatever its name.
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - The policy name (letters, digits, C(_) and C(-), up to 64 characters).
      - The organization has one policy, so a different name renames it.
      - Required with O(state=present).
    type: str
  description:
    description:
      - The policy description. An empty string removes it.
    type: str
  folders:
    description:
      - The configuration of each folder, keyed by folder. A folder left out keeps its configuration.
    type: dict
    suboptions:
      inbox:
        description: The Inbox.
        type: dict
        suboptions: &folder
          action:
            description:
              - V(none) keeps mail, V(delete) moves it to Deleted Items, V(permanently_delete) removes it.
            type: str
            choices: [none, delete, permanently_delete]
            required: true
          period:
            description:
              - After how many days (1 to 730) the action applies.
              - Required unless the action is V(none), with which it cannot be set.
            type: int
      deleted_items:
        description: The Deleted Items folder.
        type: dict
        suboptions: *folder
      sent_items:
        description: The Sent Items folder.
        type: dict
        suboptions: *folder
      drafts:
        description: The Drafts folder.
        type: dict
        suboptions: *folder
      junk_email:
        description: The Junk Email folder.
        type: dict
        suboptions: *folder
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:GetDefaultRetentionPolicy), C(workmail:PutRetentionPolicy), C(workmail:DeleteRetentionPolicy)."
  - An update rewrites the whole policy (PutRetentionPolicy with the policy's ID), sending the unchanged
    folders as well.
seealso:
  - module: mailops.workmail.organization
  - name: PutRetentionPolicy in the Amazon WorkMail API reference
    description: The folder configurations the service takes.
    link: https://docs.aws.amazon.com/workmail/latest/APIReference/API_PutRetentionPolicy.html
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Empty Deleted Items after 30 days and Junk Email after 14
  mailops.workmail.retention_policy:
    organization: example-corp
    name: default-retention
    description: Keep deleted mail and junk for a short while
    folders:
      deleted_items:
        action: permanently_delete
        period: 30
      junk_email:
        action: permanently_delete
        period: 14

- name: Stop deleting junk; the other folders stay as they are
  mailops.workmail.retention_policy:
    organization: example-corp
    name: default-retention
    folders:
      junk_email:
        action: none

- name: Remove the retention policy
  mailops.workmail.retention_policy:
    organization: example-corp
    state: absent
"""

RETURN = r"""
retention_policy:
  description:
    - The policy after the change (in check mode, as it would be). Empty when O(state=absent).
    - A policy that check mode would create has C(id) null.
  returned: always
  type: dict
  contains:
    id:
      description: The policy ID, chosen by the service.
      type: str
      sample: 8a9b0c1d-2e3f-4a5b-6c7d-8e9f0a1b2c3d
    name:
      description: The policy name.
      type: str
      sample: default-retention
    description:
      description: The policy description.
      type: str
      sample: Keep deleted mail and junk for a short while
    folders:
      description:
        - The configured folders, keyed by folder (V(inbox), V(deleted_items), V(sent_items), V(drafts),
          V(junk_email)), each with C(action) and C(period) (days; null with V(none)).
      type: dict
      sample:
        deleted_items:
          action: permanently_delete
          period: 30
        junk_email:
          action: permanently_delete
          period: 14
"""

from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.retention import FOLDERS
from ansible_collections.mailops.workmail.plugins.module_utils.retention import RETENTION_ACTIONS
from ansible_collections.mailops.workmail.plugins.module_utils.retention import RETENTION_POLICY

FOLDER_OPTIONS = dict(
    action=dict(type="str", choices=list(RETENTION_ACTIONS), required=True),
    period=dict(type="int"),
)

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    name=dict(type="str"),
    description=dict(type="str"),
    folders=dict(type="dict", options=dict((folder, dict(type="dict", options=FOLDER_OPTIONS)) for folder in FOLDERS)),
)


def main():
    WorkMailModule(argument_spec=ARGUMENT_SPEC, required_if=[("state", "present", ["name"])]).reconcile(RETENTION_POLICY)


if __name__ == "__main__":
    main()
