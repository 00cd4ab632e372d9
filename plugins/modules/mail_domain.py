#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: mail_domain
short_description: Manage the mail domains of an Amazon WorkMail organization
version_added: 0.1.0
description:
  - Register a domain with an organization, make it the default domain, or deregister it.
  - A new domain starts with ownership and DKIM verification pending. The module returns the DNS
    records to publish (see RV(mail_domain.records)); the service verifies the domain once they resolve.
    Only a verified domain can carry addresses or be the default.
  - Domain names are taken in lower case and without the trailing dot DNS tools print, so V(Example.com.)
    is V(example.com). Each label (the parts between dots) holds at most 63 characters.
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) registers the domain.
      - V(absent) deregisters it. The default domain, the test domain and a domain still used by an address
        cannot be deregistered; the task fails and lists who still uses it.
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - The domain name, in any case, with or without the trailing dot DNS tools print.
      - A name DNS does not allow (an empty label, a label of more than 63 characters or one that starts or ends
        with C(-)) fails before any call, and so does a domain under C(awsapps.com) other than the organization's
        own test domain, which WorkMail creates with the organization.
    type: str
    required: true
    aliases: [domain_name]
  default:
    description:
      - V(true) makes this domain the organization's default domain (it must be verified).
      - A domain that is not verified, without O(wait_for_verification), fails before any change, or for a
        domain still to be registered, once registered. Check mode does not plan such a domain as the default
        and warns why.
      - There is always exactly one default; to move it, set V(true) on another domain. V(false) on the
        current default fails and says so.
    type: bool
  wait_for_verification:
    description:
      - Wait until ownership and DKIM are verified, for up to O(wait_timeout) seconds. Without it, a new
        domain is returned as pending and O(default=true) fails until a later run finds it verified.
    type: bool
    default: false
  wait_timeout:
    description:
      - How long to wait for verification, in seconds (0 or more).
      - The time is checked between polls, and each poll is one API call with its own retries (at most 10 attempts
        and 111 seconds of back-off), so a wait ends at most that much later.
    type: int
    default: 600
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:GetMailDomain),
    C(workmail:RegisterMailDomain), C(workmail:UpdateDefaultMailDomain), C(workmail:DeregisterMailDomain), and
    to check before deregistering that no address uses the domain C(workmail:ListUsers), C(workmail:ListGroups),
    C(workmail:ListAliases).
    Registering also needs the SES permissions the WorkMail administrator guide lists."
seealso:
  - module: mailops.workmail.mail_domain_info
  - module: amazon.aws.route53
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Register example.com
  mailops.workmail.mail_domain:
    organization: example-corp
    name: example.com
  register: domain

- name: Publish its DNS records in Route 53
  amazon.aws.route53:
    state: present
    zone: example.com
    record: "{{ item.hostname }}"
    type: "{{ item.type }}"
    value: "{{ item.value }}"
    ttl: 300
    overwrite: true
  loop: "{{ domain.mail_domain.records }}"
  loop_control:
    label: "{{ item.type }} {{ item.hostname }}"

- name: Once verified, make it the default domain
  mailops.workmail.mail_domain:
    organization: example-corp
    name: example.com
    default: true
    wait_for_verification: true
"""

RETURN = r"""
mail_domain:
  description: The domain after the change (in check mode, as it would be). Empty when O(state=absent).
  returned: always
  type: dict
  contains:
    name:
      description: The domain name, in lower case.
      type: str
      sample: example.com
    default:
      description: Whether it is the organization's default domain.
      type: bool
      sample: false
    is_test_domain:
      description: Whether it is the test domain WorkMail made with the organization.
      type: bool
      sample: false
    ownership_verification_status:
      description: PENDING, VERIFIED or FAILED.
      type: str
      sample: VERIFIED
    dkim_verification_status:
      description: PENDING, VERIFIED or FAILED.
      type: str
      sample: VERIFIED
    records:
      description: The DNS records to publish (empty in check mode for a domain not registered yet).
      type: list
      elements: dict
      contains:
        type:
          description: The record type.
          type: str
          sample: CNAME
        hostname:
          description: The record name.
          type: str
          sample: autodiscover.example.com.
        value:
          description: The record value.
          type: str
          sample: autodiscover.mail.us-east-1.awsapps.com.
"""

from ansible_collections.mailops.workmail.plugins.module_utils.mail_domains import MAIL_DOMAIN
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    name=dict(type="str", required=True, aliases=["domain_name"]),
    default=dict(type="bool"),
    wait_for_verification=dict(type="bool", default=False),
    wait_timeout=dict(type="int", default=600),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.reconcile(MAIL_DOMAIN, wait_for_verification=module.params["wait_for_verification"], wait_timeout=module.params["wait_timeout"])


if __name__ == "__main__":
    main()
