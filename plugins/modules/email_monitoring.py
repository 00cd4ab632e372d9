#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: email_monitoring
short_description: Manage the email monitoring of an Amazon WorkMail organization
version_added: 0.2.0
description:
  - Turn on, change or turn off the email monitoring of an Amazon WorkMail organization. With monitoring on, WorkMail writes
    an event for each message it sends or receives to a CloudWatch Logs log group. An organization has
    one configuration.
  - Options left unset are never changed.
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) turns monitoring on, or updates it to match the options set.
      - V(absent) turns it off (deletes the configuration).
    type: str
    choices: [present, absent]
    default: present
  log_group_arn:
    description:
      - The ARN of the log group, ending in C(:*), such as C(arn:aws:logs:us-east-1:111122223333:log-group:/workmail/events:*).
        It must exist, in the organization's account and Region.
      - Required to turn monitoring on.
    type: str
  role_arn:
    description:
      - The ARN of the IAM role WorkMail writes to the log group with. It must exist.
      - Left unset when monitoring is turned on, the service uses its service-linked role
        C(AWSServiceRoleForAmazonWorkMailEvents), and RV(email_monitoring.role_arn) reports it.
    type: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:DescribeEmailMonitoringConfiguration), C(workmail:PutEmailMonitoringConfiguration),
    C(workmail:DeleteEmailMonitoringConfiguration)."
  - An update sends the whole configuration (PutEmailMonitoringConfiguration), the unchanged role included.
seealso:
  - module: mailops.workmail.email_monitoring_info
  - module: mailops.workmail.inbound_dmarc
  - name: PutEmailMonitoringConfiguration in the Amazon WorkMail API reference
    description: The log group and role the service takes.
    link: https://docs.aws.amazon.com/workmail/latest/APIReference/API_PutEmailMonitoringConfiguration.html
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Write mail events to CloudWatch Logs with a role of our own
  mailops.workmail.email_monitoring:
    organization: example-corp
    log_group_arn: arn:aws:logs:us-east-1:111122223333:log-group:/workmail/events:*
    role_arn: arn:aws:iam::111122223333:role/workmail-monitoring

- name: Turn email monitoring off
  mailops.workmail.email_monitoring:
    organization: example-corp
    state: absent
"""

RETURN = r"""
email_monitoring:
  description:
    - The configuration after the change (in check mode, as it would be). Empty when O(state=absent).
    - In check mode, a configuration to be created without O(role_arn) has C(role_arn) null.
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

from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule
from ansible_collections.mailops.workmail.plugins.module_utils.org_settings import EMAIL_MONITORING

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    log_group_arn=dict(type="str"),
    role_arn=dict(type="str"),
)


def main():
    WorkMailModule(argument_spec=ARGUMENT_SPEC).reconcile(EMAIL_MONITORING)


if __name__ == "__main__":
    main()
