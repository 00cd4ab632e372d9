#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: personal_access_token
short_description: Revoke personal access tokens of Amazon WorkMail users
version_added: 0.2.0
description:
  - Revokes (deletes) one personal access token, or every token of a user, for instance when someone leaves or a
    device is lost.
  - Users create tokens in the WorkMail web application; the API cannot create them, so the only state is V(absent).
  - Revoking a token that does not exist, or the tokens of a user who has none, changes nothing.
author:
  - mailops.workmail maintainers (@mailops)
options:
  state:
    description:
      - V(absent) revokes the tokens O(token_id) or O(user) names.
    type: str
    choices: [absent]
    required: true
  token_id:
    description:
      - The ID of the token to revoke, as M(mailops.workmail.personal_access_token_info) returns it.
    type: str
  user:
    description:
      - Instead of O(token_id), the user (name, email or ID) all of whose tokens are revoked. An unknown user fails,
        naming the option.
    type: str
notes:
  - "IAM actions used: C(workmail:ListOrganizations), C(workmail:DescribeOrganization),
    C(workmail:GetPersonalAccessTokenMetadata) (with O(token_id)), C(workmail:ListPersonalAccessTokens) (with O(user)),
    C(workmail:DeletePersonalAccessToken)."
  - A user whose tokens are revoked can create new ones while the organization allows them (see
    M(mailops.workmail.identity_provider)); disable the user or tokens to keep them out.
seealso:
  - module: mailops.workmail.personal_access_token_info
  - module: mailops.workmail.identity_provider
extends_documentation_fragment:
  - mailops.workmail.workmail
  - mailops.workmail.workmail.attributes
  - amazon.aws.common.modules
  - amazon.aws.region.modules
  - amazon.aws.boto3
"""

EXAMPLES = r"""
- name: Revoke every token of a leaver
  mailops.workmail.personal_access_token:
    organization: example-corp
    user: kim
    state: absent

- name: Revoke the token of a lost phone
  mailops.workmail.personal_access_token:
    organization: example-corp
    token_id: 9f0e1d2c-3b4a-5968-7a6b-5c4d3e2f1a0b
    state: absent
"""

RETURN = r"""
personal_access_tokens:
  description:
    - The tokens revoked (in check mode, that would be), in the shape
      M(mailops.workmail.personal_access_token_info) returns them. Empty when there was nothing to revoke.
  returned: always
  type: list
  elements: dict
  contains:
    token_id:
      description: The token ID.
      type: str
      sample: 9f0e1d2c-3b4a-5968-7a6b-5c4d3e2f1a0b
    user_id:
      description: The ID of the user who owned the token.
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
      sample: null
    expires_time:
      description: When the token would have expired (ISO 8601).
      type: str
      sample: "2027-03-07T09:30:00+00:00"
    scopes:
      description: What the token granted access to.
      type: list
      elements: str
      sample: [IMAP, SMTP]
"""

from ansible_collections.mailops.workmail.plugins.module_utils.identity import revoke_tokens
from ansible_collections.mailops.workmail.plugins.module_utils.module import WorkMailModule

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["absent"], required=True),
    token_id=dict(type="str"),
    user=dict(type="str"),
)


def main():
    module = WorkMailModule(
        argument_spec=ARGUMENT_SPEC, mutually_exclusive=[("user", "token_id")], required_one_of=[("user", "token_id")]
    )
    module.relate(revoke_tokens, "personal_access_tokens", module.params["user"], module.params["token_id"])


if __name__ == "__main__":
    main()
