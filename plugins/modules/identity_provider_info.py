#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: identity_provider_info
short_description: Read the IAM Identity Center integration of an Amazon WorkMail organization as module input
version_added: 0.2.0
description:
  - Returns the identity provider configuration of an Amazon WorkMail organization in exactly the shape
    M(mailops.workmail.identity_provider) takes (O(mailops.workmail.identity_provider#module:authentication_mode),
    O(mailops.workmail.identity_provider#module:identity_center) and
    O(mailops.workmail.identity_provider#module:personal_access_tokens)), so that feeding it back reports no change.
  - An organization without a configuration gives an empty dictionary.
author:
  - mailops.workmail maintainers (@mailops)
options: {}
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:DescribeIdentityProviderConfiguration)."
  - In check mode, when the organization does not exist yet (an earlier task would create it), RV(identity_provider) is empty.
seealso:
  - module: mailops.workmail.identity_provider
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Read the identity provider configuration
  mailops.workmail.identity_provider_info:
    organization: example-corp
  register: identity

- name: Check that nothing drifted since
  mailops.workmail.identity_provider: "{{ identity.identity_provider | combine({'organization': 'example-corp'}) }}"
  check_mode: true
  when: identity.identity_provider | length > 0
"""

RETURN = r"""
identity_provider:
  description:
    - The configuration in the shape M(mailops.workmail.identity_provider) takes; empty when the organization has none.
    - C(personal_access_tokens.lifetime_in_days) is there only when the configuration sets one.
  returned: always
  type: dict
  contains:
    authentication_mode:
      description: V(identity_provider_only) or V(identity_provider_and_directory).
      type: str
      sample: identity_provider_only
    identity_center:
      description: The instance and the application, C(instance_arn) and C(application_arn).
      type: dict
      sample:
        instance_arn: arn:aws:sso:::instance/ssoins-1234567890abcdef
        application_arn: arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-0123456789abcdef
    personal_access_tokens:
      description: C(enabled), and C(lifetime_in_days) when set.
      type: dict
      sample:
        enabled: true
        lifetime_in_days: 90
"""

from ansible_collections.mailops.workmail.plugins.module_utils.identity import describe_identity_provider
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule


def main():
    WorkMailModule(argument_spec={}).info("identity_provider", describe_identity_provider)


if __name__ == "__main__":
    main()
