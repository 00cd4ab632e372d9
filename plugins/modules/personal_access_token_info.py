#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: personal_access_token_info
short_description: List the personal access tokens of Amazon WorkMail users
version_added: 0.2.0
description:
  - Returns the metadata of personal access tokens, those of one user, one token or every token of the organization.
  - Users create their tokens in the WorkMail web application; the API gives their metadata only, never a secret.
author:
  - mailops.workmail maintainers (@mailops)
options:
  user:
    description:
      - The user whose tokens to list, by name, email or ID. An unknown user fails, naming the option.
      - Left out (and without O(token_id)), every token of the organization is returned.
    type: str
  token_id:
    description:
      - The ID of one token. A token that does not exist gives an empty list.
    type: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:ListPersonalAccessTokens); with O(token_id), C(workmail:GetPersonalAccessTokenMetadata) instead."
  - Expired tokens are listed until they are revoked; compare RV(personal_access_tokens[].expires_time) with the time.
seealso:
  - module: mailops.workmail.personal_access_token
  - module: mailops.workmail.identity_provider
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.info_attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: The tokens of a leaver
  mailops.workmail.personal_access_token_info:
    organization: example-corp
    user: kim
  register: kim_tokens

- name: Every token of the organization
  mailops.workmail.personal_access_token_info:
    organization: example-corp
  register: tokens

- name: Revoke the tokens that were never used
  mailops.workmail.personal_access_token:
    organization: example-corp
    token_id: "{{ item.token_id }}"
    state: absent
  loop: "{{ tokens.personal_access_tokens | rejectattr('date_last_used') }}"
"""

RETURN = r"""
personal_access_tokens:
  description:
    - One item per token, oldest first; an item's C(token_id) is what M(mailops.workmail.personal_access_token) takes.
    - Empty when nothing matches.
  returned: always
  type: list
  elements: dict
  contains:
    token_id:
      description: The token ID.
      type: str
      sample: 9f0e1d2c-3b4a-5968-7a6b-5c4d3e2f1a0b
    user_id:
      description: The ID of the user who owns the token.
      type: str
      sample: 0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d
    name:
      description: The name the user gave the token.
      type: str
      sample: Thunderbird
    date_created:
      description: When the token was created (ISO 8601).
      type: str
      sample: "2026-12-07T09:30:00+00:00"
    date_last_used:
      description: When the token was last used (ISO 8601); null when it never was.
      type: str
      sample: "2026-12-07T10:02:11+00:00"
    expires_time:
      description: When the token expires (ISO 8601).
      type: str
      sample: "2027-03-07T09:30:00+00:00"
    scopes:
      description: What the token grants access to.
      type: list
      elements: str
      sample: [IMAP, SMTP]
"""

from ansible_collections.mailops.workmail.plugins.module_utils.identity import gather_tokens
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    user=dict(type="str"),
    token_id=dict(type="str"),
)


def main():
    module = WorkMailModule(argument_spec=ARGUMENT_SPEC, mutually_exclusive=[("user", "token_id")])
    module.info("personal_access_tokens", lambda ctx: gather_tokens(ctx, module.params["user"], module.params["token_id"]))


if __name__ == "__main__":
    main()
