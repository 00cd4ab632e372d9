#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: mail_domain_info
short_description: List the mail domains of an Amazon WorkMail organization
version_added: 0.1.0
description:
  - Returns the mail domains of an organization in the shape M(mailops.workmail.mail_domain) returns,
    or the one O(name) names, with their verification status and DNS records.
author:
  - mailops.workmail maintainers (@mailops)
options:
  name:
    description: Return only this domain (in any case, with or without a trailing dot).
    type: str
    aliases: [domain_name]
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:ListMailDomains),
    C(workmail:GetMailDomain)."
seealso:
  - module: mailops.workmail.mail_domain
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Domains still waiting for their DNS records
  mailops.workmail.mail_domain_info:
    organization: example-corp
  register: domains

- name: List them
  ansible.builtin.debug:
    msg: "{{ domains.mail_domains | rejectattr('ownership_verification_status', 'equalto', 'VERIFIED') | map(attribute='name') }}"
"""

RETURN = r"""
mail_domains:
  description: The domains, in the shape M(mailops.workmail.mail_domain) returns.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: The domain name, in lower case.
      type: str
      sample: example.com
    default:
      description: Whether it is the organization's default domain.
      type: bool
    is_test_domain:
      description: Whether it is the test domain WorkMail made with the organization.
      type: bool
    ownership_verification_status:
      description: PENDING, VERIFIED or FAILED.
      type: str
    dkim_verification_status:
      description: PENDING, VERIFIED or FAILED.
      type: str
    records:
      description: The DNS records to publish, each with type, hostname and value.
      type: list
      elements: dict
"""

from ansible_collections.mailops.workmail.plugins.module_utils.mail_domains import MAIL_DOMAIN
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    name=dict(type="str", aliases=["domain_name"]),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC)
    module.info("mail_domains", lambda ctx: MAIL_DOMAIN.find_all(ctx, module.params["name"]))


if __name__ == "__main__":
    main()
