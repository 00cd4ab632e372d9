#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: availability_configuration_info
short_description: List Amazon WorkMail availability configurations as module input, and test one
version_added: 0.2.0
description:
  - Lists the availability configurations of an Amazon WorkMail organization, each in the shape
    M(mailops.workmail.availability_configuration) takes (O(mailops.workmail.availability_configuration#module:domain_name)
    and its O(mailops.workmail.availability_configuration#module:ews_provider) or
    O(mailops.workmail.availability_configuration#module:lambda_provider)), so that feeding one back reports no change.
    The EWS password is never returned, since the service does not give it back.
  - With O(test=true), also asks WorkMail to test the configuration of O(domain_name) (for EWS, that the
    credentials log in; for Lambda, that the function can be invoked by WorkMail and not anonymously) and
    returns the result in RV(test). The test changes nothing. A domain without a configuration fails the task.
author:
  - mailops.workmail maintainers (@mailops)
options:
  domain_name:
    description:
      - Only the configuration of this domain (compared case-insensitively). Required with O(test=true).
    type: str
  test:
    description:
      - Test the configuration of O(domain_name) and return the result in RV(test).
    type: bool
    default: false
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:ListAvailabilityConfigurations);
    with O(test=true), C(workmail:TestAvailabilityConfiguration)."
  - In check mode, when the organization does not exist yet (an earlier task would create it), RV(availability_configurations)
    is empty and no test is made.
seealso:
  - module: mailops.workmail.availability_configuration
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: List every availability configuration
  mailops.workmail.availability_configuration_info:
    organization: example-corp
  register: availability

- name: Test the configuration of partner.example.com
  mailops.workmail.availability_configuration_info:
    organization: example-corp
    domain_name: partner.example.com
    test: true
  register: partner

- name: Fail when WorkMail cannot reach the provider
  ansible.builtin.assert:
    that: partner.test.test_passed
    fail_msg: "{{ partner.test.failure_reason }}"
"""

RETURN = r"""
availability_configurations:
  description:
    - The configurations in the shape M(mailops.workmail.availability_configuration) takes, in the order the service
      lists them; with O(domain_name), at most the one of that domain.
  returned: always
  type: list
  elements: dict
  contains:
    domain_name:
      description: The domain, in lower case.
      type: str
      sample: partner.example.com
    ews_provider:
      description: The EWS endpoint and user name (never the password). Absent for a Lambda provider.
      type: dict
      sample:
        endpoint: https://mail.partner.example.com/EWS/Exchange.asmx
        username: freebusy@partner.example.com
    lambda_provider:
      description: The function ARN. Absent for an EWS provider.
      type: dict
      sample:
        lambda_arn: arn:aws:lambda:us-east-1:111122223333:function:free-busy
test:
  description: The result of the test of the configuration of O(domain_name).
  returned: when O(test=true) and the organization exists
  type: dict
  contains:
    test_passed:
      description: Whether WorkMail reached the provider.
      type: bool
      sample: false
    failure_reason:
      description: Why the test failed; null when it passed.
      type: str
      sample: Could not connect to the EWS endpoint https://mail.partner.example.com/EWS/Exchange.asmx
"""

from ansible_collections.mailops.workmail.plugins.module_utils.availability import AVAILABILITY_CONFIGURATION
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    domain_name=dict(type="str"),
    test=dict(type="bool", default=False),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC, required_if=[("test", True, ["domain_name"])])
    params = module.params

    def task():
        ctx = module.context()
        result = dict(availability_configurations=AVAILABILITY_CONFIGURATION.find_all(ctx, params["domain_name"]))
        if params["test"] and ctx.organization_id is not None:
            if not result["availability_configurations"]:
                raise ParameterError("domain_name", "the organization has no availability configuration for {0!r} to test".format(params["domain_name"]))
            result["test"] = AVAILABILITY_CONFIGURATION.test(ctx, params["domain_name"])
        module.exit(False, result, warnings=ctx.warnings)

    module.run(task)


if __name__ == "__main__":
    main()
