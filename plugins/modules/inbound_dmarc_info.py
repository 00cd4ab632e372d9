#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: inbound_dmarc_info
short_description: Read whether an Amazon WorkMail organization enforces senders' DMARC policies, as module input
version_added: 0.2.0
description:
  - Returns the inbound DMARC setting of an Amazon WorkMail organization in exactly the shape
    M(mailops.workmail.inbound_dmarc) takes (O(mailops.workmail.inbound_dmarc#module:enforced)), so that feeding it
    back reports no change.
author:
  - mailops.workmail maintainers (@mailops)
options: {}
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:DescribeInboundDmarcSettings)."
  - In check mode, when the organization does not exist yet (an earlier task would create it), RV(inbound_dmarc) is empty.
seealso:
  - module: mailops.workmail.inbound_dmarc
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Read the inbound DMARC setting
  mailops.workmail.inbound_dmarc_info:
    organization: example-corp
  register: dmarc

- name: Say whether DMARC is enforced
  ansible.builtin.debug:
    msg: "DMARC is {{ 'enforced' if dmarc.inbound_dmarc.enforced else 'not enforced' }}"
"""

RETURN = r"""
inbound_dmarc:
  description:
    - The setting in the shape M(mailops.workmail.inbound_dmarc) takes. Every organization has it.
  returned: always
  type: dict
  contains:
    enforced:
      description: Whether the DMARC policies of senders are enforced.
      type: bool
      sample: true
"""

from ansible_collections.mailops.workmail.plugins.module_utils.engine import describe_setting
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.org_settings import INBOUND_DMARC


def main():
    WorkMailModule(argument_spec={}).info("inbound_dmarc", lambda ctx: describe_setting(ctx, INBOUND_DMARC))


if __name__ == "__main__":
    main()
