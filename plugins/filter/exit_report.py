# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: exit_report
short_description: Tell what became of each mailbox export, with the objects found in S3
version_added: 0.2.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - Takes the C(exports) that M(mailops.workmail.mailbox_export) returns, the M(amazon.aws.s3_object_info) results for the
    completed ones, and the mailboxes that had to be exported, and tells for each mailbox whether it was exported, where,
    and how large its object is.
  - A mailbox counts as exported only when its job completed and its object is in the bucket. Every other mailbox is listed
    in C(not_exported) with the reason (a job that failed or did not end, an object missing, no job at all); none is
    skipped silently.
  - The P(mailops.workmail.exit#role) role reports its exports with it.
options:
  _input:
    description: The C(exports) of M(mailops.workmail.mailbox_export).
    type: list
    elements: dict
    required: true
  checks:
    description:
      - The results of M(amazon.aws.s3_object_info) run in a loop over the completed exports (the C(results) of the registered
        loop, each with the export as C(item)).
    type: list
    elements: dict
    default: []
  expected:
    description:
      - The mailboxes that had to be exported, each a name, email address or ID, or a dictionary with C(name), C(email) and
        C(id) (any of them names the mailbox). One without an export is listed as not exported.
    type: list
    elements: raw
    default: []
  error:
    description: The message of a M(mailops.workmail.mailbox_export) task that failed as a whole, given as the reason.
    type: str
seealso:
  - module: mailops.workmail.mailbox_export
  - module: amazon.aws.s3_object_info
"""

EXAMPLES = r"""
- name: Report the exports
  ansible.builtin.debug:
    msg: "{{ (exported.exports | mailops.workmail.exit_report(checks=objects.results, expected=['jdoe', 'ann'])).lines }}"
"""

RETURN = r"""
_value:
  description: What became of each mailbox.
  type: dict
  contains:
    mailboxes:
      description: One per export, with C(entity), C(entity_id), C(state), C(s3_path), C(size) (bytes; null unless the object was found) and C(error).
      type: list
      elements: dict
    not_exported:
      description: Each mailbox without a complete export in S3, with C(entity) and C(reason).
      type: list
      elements: dict
    lines:
      description: The report, one line per mailbox.
      type: list
      elements: str
    problems:
      description: C(entity (reason)) for each mailbox not exported.
      type: list
      elements: str
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.plugin_utils.exit_inventory import export_report


def exit_report(exports, checks=None, expected=None, error=None):
    if not isinstance(exports, (list, tuple)) or not all(isinstance(e, dict) for e in exports):
        raise AnsibleFilterError("exit_report: the input must be the list of exports that mailops.workmail.mailbox_export returns")
    return export_report(exports, checks or [], expected or [], error or None)


class FilterModule(object):
    def filters(self):
        return {"exit_report": exit_report}
