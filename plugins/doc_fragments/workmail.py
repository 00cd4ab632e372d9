# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment:
    """Documentation shared by the mailops.workmail modules."""

    # The organization option of every module scoped to one organization.
    DOCUMENTATION = r"""
options:
  organization:
    description:
      - The WorkMail organization, by its ID (C(m-) followed by 32 hexadecimal digits) or its alias.
      - The alias is resolved to the ID once per task; organizations being deleted do not count.
      - In check mode, an organization that does not exist yet is not an error. The task reports
        what it would do once an earlier task has created it, so C(--check --diff) of a new setup
        reads as a full plan.
    type: str
    required: true
"""

    # Attributes of a module that changes a resource.
    ATTRIBUTES = r"""
attributes:
  check_mode:
    description: Can run in check mode and return the predicted resource without sending any write call.
    support: full
  diff_mode:
    description: Returns the resource before and after the change (secrets left out) when run with C(--diff).
    support: full
  action_group:
    description: Use C(group/mailops.workmail.workmail) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - mailops.workmail.workmail
"""

    # Attributes of an _info module.
    INFO_ATTRIBUTES = r"""
attributes:
  check_mode:
    description: Reads only, so it runs the same in check mode.
    support: full
  diff_mode:
    description: Returns no diff; it changes nothing.
    support: none
  action_group:
    description: Use C(group/mailops.workmail.workmail) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - mailops.workmail.workmail
"""
