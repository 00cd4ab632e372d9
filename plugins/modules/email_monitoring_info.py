#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: email_monitoring_info
short_description: Read the email monitoring of an Amazon WorkMail organization as module input
version_added: 0.2.0
description:
  - Returns the email monitoring configuration of an Amazon WorkMail organization in exactly the shape
    M(mailops.workmail.email_monitoring) takes (O(mailops.workmail.email_monitoring#module:log_group_arn) and
    O(mailops.workmail.email_monitoring#module:role_arn)), so that feeding it back reports no change.
  - An organization whose monitoring is off gives an empty dictionary.
author:
  - mailops.workmail maintainers (@mailops)
options: {}
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:DescribeEmailMonitoringConfiguration)."
  - In check mode, when the organization does not exist yet (an earlier task would create it), RV(email_monitoring) is empty.
seealso:
  - module: mailops.workmail.email_monitoring
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Read the email monitoring configuration
  mailops.workmail.email_monitoring_info:
    organization: example-corp
  register: monitoring

- name: Check that nothing drifted since
  mailops.workmail.email_monitoring: "{{ monitoring.email_monitoring | combine({'organization': 'example-corp'}) }}"
  check_mode: true
  when: monitoring.email_monitoring | length > 0
"""

RETURN = r"""
email_monitoring:
  description:
    - The configuration in the shape M(mailops.workmail.email_monitoring) takes; empty when monitoring is off.
  returned: always
  type: dict
  contains:
    log_group_arn:
      description: The ARN of the log group.
      type: str
      sample: arn:aws:logs:us-east-1:111122223333:log-group:/workmail/events:*
    role_arn:
      description: The ARN of the role WorkMail writes with (the service-linked role when none was given).
      type: str
      sample: arn:aws:iam::111122223333:role/workmail-monitoring
"""

from ansible_collections.mailops.workmail.plugins.module_utils.engine import describe_setting
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.org_settings import EMAIL_MONITORING


def main():
    WorkMailModule(argument_spec={}).info("email_monitoring", lambda ctx: describe_setting(ctx, EMAIL_MONITORING))


if __name__ == "__main__":
    main()
