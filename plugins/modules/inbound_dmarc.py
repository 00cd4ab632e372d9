#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: inbound_dmarc
short_description: Enforce, or not, the DMARC policies of senders on mail an Amazon WorkMail organization receives
version_added: 0.2.0
description:
  - Turns on or off the enforcement of DMARC on inbound mail in an Amazon WorkMail organization.
    When enforced, WorkMail applies the DMARC policy a sender's domain publishes (quarantine or reject)
    to messages that fail DMARC.
  - Every organization has this setting; it cannot be removed, only enforced or not.
author:
  - mailops.workmail maintainers (@mailops)
options:
  enforced:
    description: Whether the DMARC policies of senders are enforced.
    type: bool
    required: true
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:DescribeInboundDmarcSettings), C(workmail:PutInboundDmarcSettings)."
seealso:
  - module: mailops.workmail.inbound_dmarc_info
  - module: mailops.workmail.email_monitoring
  - name: PutInboundDmarcSettings in the Amazon WorkMail API reference
    link: https://docs.aws.amazon.com/workmail/latest/APIReference/API_PutInboundDmarcSettings.html
    description: The setting in the API.
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Enforce the DMARC policies of senders
  mailops.workmail.inbound_dmarc:
    organization: example-corp
    enforced: true
"""

RETURN = r"""
inbound_dmarc:
  description: The setting after the change (in check mode, as it would be).
  returned: always
  type: dict
  contains:
    enforced:
      description: Whether the DMARC policies of senders are enforced.
      type: bool
      sample: true
"""

from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.org_settings import INBOUND_DMARC

ARGUMENT_SPEC = dict(
    enforced=dict(type="bool", required=True),
)


def main():
    WorkMailModule(argument_spec=ARGUMENT_SPEC).reconcile(INBOUND_DMARC, state="present")


if __name__ == "__main__":
    main()
