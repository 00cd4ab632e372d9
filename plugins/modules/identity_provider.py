#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: identity_provider
short_description: Manage the IAM Identity Center integration of an Amazon WorkMail organization
version_added: 0.2.0
description:
  - Make IAM Identity Center the identity provider of an Amazon WorkMail organization, choose whether users may still
    sign in with their directory password, and allow or disallow personal access tokens.
  - An organization has at most one such configuration. Options left unset are never changed.
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(present) creates the configuration or updates it to match the options set.
      - V(absent) removes it; authentication falls back to the directory, and users may need to reset their password and
        set up their mail clients again. The Identity Center application is kept, and so are existing personal access tokens.
    type: str
    choices: [present, absent]
    default: present
  authentication_mode:
    description:
      - V(identity_provider_only) lets users sign in through IAM Identity Center only;
        V(identity_provider_and_directory) also lets them sign in with their WorkMail directory password.
      - Required to create the configuration.
    type: str
    choices: [identity_provider_only, identity_provider_and_directory]
  identity_center:
    description:
      - The IAM Identity Center instance and the application that connects WorkMail to it. Both must be in the
        organization's account and Region.
      - Required to create the configuration.
    type: dict
    suboptions:
      instance_arn:
        description:
          - The ARN of the IAM Identity Center instance (C(arn:aws:sso:::instance/ssoins-...)).
          - Required to create the configuration.
        type: str
      application_arn:
        description:
          - The ARN of an application made for WorkMail with CreateIdentityCenterApplication.
          - It must be an application of O(identity_center.instance_arn).
        type: str
      application_name:
        description:
          - Instead of O(identity_center.application_arn), the name of an application to create on the instance
            (letters, digits and C(+=,.@_-), up to 255 characters).
          - The API cannot list or read applications, so the application is created only when the organization has no
            configuration on this instance yet; otherwise the application it uses is kept, whatever its name.
          - A run that created the application but failed before configuring the organization with it gets the same
            application back when it runs again (the request's ClientToken is derived from the organization, the name
            and the instance, and the service remembers it for some hours), rather than creating another.
        type: str
  personal_access_tokens:
    description:
      - Whether users may create personal access tokens in the web application, and how long one is valid.
      - A configuration created without it disallows tokens.
    type: dict
    suboptions:
      enabled:
        description:
          - V(true) lets users create personal access tokens and use them from mail clients; V(false) disables them.
        type: bool
      lifetime_in_days:
        description:
          - How many days a new token is valid (1 to 3653).
        type: int
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:DescribeIdentityProviderConfiguration), C(workmail:PutIdentityProviderConfiguration) (to create or update),
    C(workmail:CreateIdentityCenterApplication) (with O(identity_center.application_name), when an application is created),
    C(workmail:DeleteIdentityProviderConfiguration) (O(state=absent)). Creating an application also needs the IAM Identity
    Center permissions the administrator guide lists (C(sso:CreateApplication) and the related actions)."
  - An update rewrites the whole configuration (PutIdentityProviderConfiguration), sending the unchanged parts as well.
seealso:
  - module: mailops.workmail.identity_provider_info
  - module: mailops.workmail.personal_access_token_info
  - module: mailops.workmail.personal_access_token
  - name: PutIdentityProviderConfiguration in the Amazon WorkMail API reference
    description: The configuration the service takes.
    link: https://docs.aws.amazon.com/workmail/latest/APIReference/API_PutIdentityProviderConfiguration.html
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Sign in through IAM Identity Center, with personal access tokens valid 90 days
  mailops.workmail.identity_provider:
    organization: example-corp
    authentication_mode: identity_provider_only
    identity_center:
      instance_arn: arn:aws:sso:::instance/ssoins-1234567890abcdef
      application_name: workmail-example-corp
    personal_access_tokens:
      enabled: true
      lifetime_in_days: 90

- name: Use an application made beforehand, and keep directory passwords
  mailops.workmail.identity_provider:
    organization: example-corp
    authentication_mode: identity_provider_and_directory
    identity_center:
      instance_arn: arn:aws:sso:::instance/ssoins-1234567890abcdef
      application_arn: arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-0123456789abcdef

- name: Disable personal access tokens; the rest stays as it is
  mailops.workmail.identity_provider:
    organization: example-corp
    personal_access_tokens:
      enabled: false

- name: Go back to directory authentication
  mailops.workmail.identity_provider:
    organization: example-corp
    state: absent
"""

RETURN = r"""
identity_provider:
  description:
    - The configuration after the change (in check mode, as it would be). Empty when O(state=absent).
    - An application that check mode would create has C(application_arn) null.
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
      description: C(enabled), and C(lifetime_in_days) (null when the service keeps none).
      type: dict
      sample:
        enabled: true
        lifetime_in_days: 90
"""

from ansible_collections.mailops.workmail.plugins.module_utils.identity import AUTHENTICATION_MODES
from ansible_collections.mailops.workmail.plugins.module_utils.identity import IDENTITY_PROVIDER
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["present", "absent"], default="present"),
    authentication_mode=dict(type="str", choices=list(AUTHENTICATION_MODES)),
    identity_center=dict(
        type="dict",
        options=dict(instance_arn=dict(type="str"), application_arn=dict(type="str"), application_name=dict(type="str")),
        mutually_exclusive=[("application_arn", "application_name")],
    ),
    # The settings of tokens, not a token: nothing secret (validate-modules guesses from the name).
    personal_access_tokens=dict(type="dict", no_log=False, options=dict(enabled=dict(type="bool"), lifetime_in_days=dict(type="int"))),
)


def main():
    WorkMailModule(argument_spec=ARGUMENT_SPEC).reconcile(IDENTITY_PROVIDER)


if __name__ == "__main__":
    main()
