#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: availability_configuration
short_description: Manage Amazon WorkMail availability configurations (free/busy of external domains)
version_added: 0.2.0
description:
  - Create, update and delete the availability configuration of an external domain in an Amazon
    WorkMail organization, which tells where WorkMail fetches the free/busy of that domain's users, from an
    Exchange Web Services (EWS) server or from a Lambda function.
  - A configuration is found by O(domain_name). Options left unset are never changed.
  - Changing the provider type (EWS to Lambda or back) replaces the provider.
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) creates the configuration or updates its provider.
      - V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  domain_name:
    description:
      - The external domain whose free/busy the configuration fetches, such as C(partner.example.com).
        It need not be a mail domain of the organization. Compared case-insensitively; the service keeps it in lower case.
    type: str
    required: true
  ews_provider:
    description:
      - An EWS server that answers free/busy requests for the domain.
      - Mutually exclusive with O(lambda_provider). One of them is required to create a configuration.
    type: dict
    suboptions:
      endpoint:
        description: The EWS URL, such as C(https://mail.example.com/EWS/Exchange.asmx).
        type: str
        required: true
      username:
        description: The user name WorkMail logs in to the EWS server with.
        type: str
        required: true
      password:
        description:
          - The password of O(ews_provider.username). The service never returns it, so it is sent when the
            configuration is created, whenever O(ews_provider.endpoint) or O(ews_provider.username) change (the
            service takes the provider whole) and, with O(update_password=always), on every run.
          - Required to create an EWS configuration or to change one; not needed to leave an existing one as it is,
            so the output of M(mailops.workmail.availability_configuration_info) can be fed back.
          - "It never appears in results, diffs, logs or messages. With C(--diff), the after state shows
            C(ews_password: (set)) when a configuration is created with it and C(ews_password: (reset)) when it is sent again."
        type: str
  lambda_provider:
    description:
      - A Lambda function that answers free/busy requests for the domain. Mutually exclusive with O(ews_provider).
      - Its resource policy must let C(workmail.amazonaws.com) invoke it, conditioned on the organization
        (C(aws:SourceArn) or C(aws:SourceAccount)).
    type: dict
    suboptions:
      lambda_arn:
        description: The function ARN, such as C(arn:aws:lambda:us-east-1:111122223333:function:free-busy).
        type: str
        required: true
  update_password:
    description:
      - V(on_create) sends O(ews_provider.password) only when the EWS provider is created or changes.
      - "V(always) sends it on every run, which reports a change every time (the service cannot tell whether
        the password differs); with C(--diff) the change shows as C(ews_password: (reset))."
    type: str
    choices: [on_create, always]
    default: on_create
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization), C(workmail:ListAvailabilityConfigurations),
    C(workmail:CreateAvailabilityConfiguration), C(workmail:UpdateAvailabilityConfiguration),
    C(workmail:DeleteAvailabilityConfiguration)."
  - Use M(mailops.workmail.availability_configuration_info) with C(test=true) to check that WorkMail can reach the provider.
seealso:
  - module: mailops.workmail.availability_configuration_info
  - name: CreateAvailabilityConfiguration in the Amazon WorkMail API reference
    description: The providers the service takes.
    link: https://docs.aws.amazon.com/workmail/latest/APIReference/API_CreateAvailabilityConfiguration.html
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Fetch the free/busy of partner.example.com from its Exchange server
  mailops.workmail.availability_configuration:
    organization: example-corp
    domain_name: partner.example.com
    ews_provider:
      endpoint: https://mail.partner.example.com/EWS/Exchange.asmx
      username: freebusy@partner.example.com
      password: "{{ vault_partner_ews_password }}"

- name: Fetch the free/busy of legacy.example.com from a Lambda function
  mailops.workmail.availability_configuration:
    organization: example-corp
    domain_name: legacy.example.com
    lambda_provider:
      lambda_arn: arn:aws:lambda:us-east-1:111122223333:function:free-busy

- name: Stop fetching the free/busy of partner.example.com
  mailops.workmail.availability_configuration:
    organization: example-corp
    domain_name: partner.example.com
    state: absent
"""

RETURN = r"""
availability_configuration:
  description:
    - The configuration after the change (in check mode, as it would be). Empty when O(state=absent).
    - Never holds the EWS password. A configuration that check mode would create has its dates null.
  returned: always
  type: dict
  contains:
    domain_name:
      description: The domain, in lower case.
      type: str
      sample: partner.example.com
    provider_type:
      description: V(ews) or V(lambda).
      type: str
      sample: ews
    ews_provider:
      description: The EWS endpoint and user name (no password); null for a Lambda provider.
      type: dict
      sample:
        endpoint: https://mail.partner.example.com/EWS/Exchange.asmx
        username: freebusy@partner.example.com
    lambda_provider:
      description: The function ARN; null for an EWS provider.
      type: dict
      sample:
        lambda_arn: arn:aws:lambda:us-east-1:111122223333:function:free-busy
    date_created:
      description: When the configuration was created (ISO 8601).
      type: str
      sample: "2026-01-15T09:30:00+00:00"
    date_modified:
      description: When it was last changed (ISO 8601).
      type: str
      sample: "2026-01-16T10:00:00+00:00"
"""

from ansible_collections.mailops.workmail.plugins.module_utils.availability import AVAILABILITY_CONFIGURATION
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    domain_name=dict(type="str", required=True),
    ews_provider=dict(
        type="dict",
        options=dict(
            endpoint=dict(type="str", required=True),
            username=dict(type="str", required=True),
            password=dict(type="str", no_log=True),
        ),
    ),
    lambda_provider=dict(type="dict", options=dict(lambda_arn=dict(type="str", required=True))),
    update_password=dict(type="str", choices=["on_create", "always"], default="on_create", no_log=False),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC, mutually_exclusive=[["ews_provider", "lambda_provider"]])
    module.reconcile(AVAILABILITY_CONFIGURATION, update_password=module.params["update_password"])


if __name__ == "__main__":
    main()
