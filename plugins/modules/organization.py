#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: organization
short_description: Manage Amazon WorkMail organizations
version_added: 0.1.0
description:
  - Create, tag and delete an Amazon WorkMail organization, found by its O(alias).
  - The service has no call to change an organization. O(directory_id) and O(enable_interoperability)
    are compared with the existing organization and the task fails if they differ, rather than pretend.
    O(kms_key_arn) is never returned by the service, so it only matters at creation.
    O(domains) that the existing organization lacks fail the task too; register further domains with
    M(mailops.workmail.mail_domain).
  - Every organization gets the verified test domain C(<alias>.awsapps.com), its first default domain.
  - AWS ends support for Amazon WorkMail on 2027-03-31 and takes no new customers; creating organizations
    mostly serves tests and the emulator.
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) creates the organization (and updates its tags).
      - V(absent) deletes it, with the deletion flags below.
    type: str
    choices: [present, absent]
    default: present
  alias:
    description:
      - The organization's alias, unique in the account and region. It names the test domain
        C(<alias>.awsapps.com).
    type: str
    required: true
  directory_id:
    description:
      - An existing AWS Directory Service directory to use. When unset, WorkMail creates its own directory.
      - Creation only.
    type: str
  kms_key_arn:
    description:
      - A customer-managed KMS key to encrypt mailboxes with. When unset, an AWS managed key is used.
      - Creation only; the service never returns it.
    type: str
  enable_interoperability:
    description:
      - Interoperability with Microsoft Exchange; needs an AD Connector O(directory_id). Creation only.
      - V(true) on a new organization without O(directory_id) fails before any call.
    type: bool
  domains:
    description:
      - Mail domains to register with the organization when it is created (at most 5).
    type: list
    elements: dict
    suboptions:
      domain_name:
        description:
          - The domain name, taken in lower case and without a trailing dot (V(Example.com.) is V(example.com)).
          - Each label (the parts between dots) holds at most 63 characters.
        type: str
        required: true
      hosted_zone_id:
        description: The Route 53 hosted zone of the domain; the service then adds the DNS records itself.
        type: str
  tags:
    description:
      - Tags as a dictionary. See O(purge_tags).
    type: dict
    aliases: [resource_tags]
  purge_tags:
    description:
      - Whether tags not listed in O(tags) are removed. Has no effect when O(tags) is unset.
    type: bool
    default: true
  wait:
    description:
      - Wait until the organization is C(Active) after creation, or C(Deleted) after deletion. An organization
        found still being created (by another run, or an earlier one that did not wait) is waited for too.
      - Setting O(tags) on a new organization always waits, since only an active organization takes tags.
    type: bool
    default: true
  wait_timeout:
    description:
      - How long to wait, in seconds (0 or more).
      - The time is checked between polls, and each poll is one API call with its own retries (at most 10 attempts
        and 111 seconds of back-off), so a wait ends at most that much later.
    type: int
    default: 600
  delete_directory:
    description: With O(state=absent), also delete the directory the organization uses.
    type: bool
    default: false
  force_delete:
    description: With O(state=absent), delete the organization even if it still has enabled users.
    type: bool
    default: false
  delete_identity_center_application:
    description: With O(state=absent), also delete the IAM Identity Center application of WorkMail.
    type: bool
    default: false
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:CreateOrganization),
    C(workmail:DeleteOrganization), C(workmail:ListTagsForResource), C(workmail:TagResource), C(workmail:UntagResource),
    C(workmail:ListMailDomains); creating or deleting also needs the Directory Service, SES and KMS permissions
    the WorkMail administrator guide lists."
  - A new organization is created with a ClientToken derived from the request, so the same create sent twice, by
    two runs at once or by a retry whose first reply was lost, makes one organization; one deleted since is told
    apart from a repeat by its state. An organization of the alias that another run created with other settings
    fails the task, naming the difference.
seealso:
  - module: mailops.workmail.organization_info
  - module: mailops.workmail.mail_domain
extends_documentation_fragment:
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: The organization, tagged for cost allocation
  mailops.workmail.organization:
    alias: example-corp
    tags:
      cost-center: it-42

- name: Delete a test organization and the directory WorkMail made for it
  mailops.workmail.organization:
    alias: example-corp-test
    state: absent
    delete_directory: true
    force_delete: true
"""

RETURN = r"""
organization:
  description:
    - The organization after the change (in check mode, as it would be). Empty when O(state=absent).
    - An organization that check mode would create has C(id) and C(arn) null.
  returned: always
  type: dict
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
      sample: arn:aws:workmail:us-east-1:123456789012:organization/m-0123456789abcdef0123456789abcdef
    state:
      description: The service's state (Requested, Creating, Active, Deleting, Deleted).
      type: str
      sample: Active
    default_mail_domain:
      description: The default mail domain.
      type: str
      sample: example-corp.awsapps.com
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
      description: The tags.
      type: dict
      sample: {"cost-center": "it-42"}
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
    state=dict(type="str", choices=["present", "absent"], default="present"),
    alias=dict(type="str", required=True),
    directory_id=dict(type="str"),
    kms_key_arn=dict(type="str", no_log=False),
    enable_interoperability=dict(type="bool"),
    domains=dict(
        type="list", elements="dict", options=dict(domain_name=dict(type="str", required=True), hosted_zone_id=dict(type="str"))
    ),
    tags=dict(type="dict", aliases=["resource_tags"]),
    purge_tags=dict(type="bool", default=True),
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=600),
    delete_directory=dict(type="bool", default=False),
    force_delete=dict(type="bool", default=False),
    delete_identity_center_application=dict(type="bool", default=False),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC, organization=False)
    options = dict(
        (name, module.params[name])
        for name in ("purge_tags", "wait", "wait_timeout", "delete_directory", "force_delete", "delete_identity_center_application")
    )
    module.reconcile(ORGANIZATION, **options)


if __name__ == "__main__":
    main()
