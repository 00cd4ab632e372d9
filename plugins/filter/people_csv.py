# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: people_csv
short_description: Write WorkMail users as a Microsoft 365 or Google Workspace bulk-import CSV file
version_added: 0.2.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - Takes the users of RV(mailops.workmail.directory_info#module:directory) and gives the text of a CSV file to add them
    in bulk to another mail service, one row per enabled user with an address, sorted by address.
  - O(template=microsoft365) is the Microsoft 365 admin center's C(Add multiple users) template (User Name, First Name, Last Name,
    Display Name, Job Title, Department, Office Number, Office Phone, Mobile Phone, Fax, Alternate email address, Address,
    City, State or Province, ZIP or Postal Code, Country or Region). The user name is the WorkMail address.
  - O(template=google_workspace) is the Google Admin console's bulk user upload template (First Name [Required], Last Name [Required],
    Email Address [Required], Password [Required], Password Hash Function [UPLOAD ONLY], Org Unit Path [Required], and the
    optional columns). A user without a first name gets the display name there; Google needs a last name, which WorkMail
    does not, so fill in the rows that have none.
  - No password is written (WorkMail never returns one). Set them in the target service, or fill in the column before the
    upload. Google Workspace asks each user to change the password at the first sign-in.
  - Lines end in CRLF, as the spreadsheet programs that edit these files write them.
options:
  _input:
    description: The users (the C(users) of RV(mailops.workmail.directory_info#module:directory)).
    type: list
    elements: dict
    required: true
  template:
    description: The template to follow.
    type: str
    choices: [microsoft365, google_workspace]
    required: true
  org_unit_path:
    description: The Google Workspace organizational unit to put everyone in; C(/) is the top level.
    type: str
    default: /
seealso:
  - module: mailops.workmail.directory_info
  - plugin: mailops.workmail.exit_inventory
    plugin_type: filter
"""

EXAMPLES = r"""
- name: The people as a Microsoft 365 bulk-import file
  ansible.builtin.copy:
    content: "{{ people.directory.users | mailops.workmail.people_csv('microsoft365') }}"
    dest: exit/people-microsoft365.csv
    mode: "0600"

- name: The people as a Google Workspace bulk upload file, in the /Staff unit
  ansible.builtin.copy:
    content: "{{ people.directory.users | mailops.workmail.people_csv('google_workspace', org_unit_path='/Staff') }}"
    dest: exit/people-google-workspace.csv
    mode: "0600"
"""

RETURN = r"""
_value:
  description: The CSV text, header row first.
  type: str
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.plugin_utils.exit_inventory import InventoryError
from ansible_collections.mailops.workmail.plugins.plugin_utils.exit_inventory import people_csv as write_people_csv


def people_csv(users, template, org_unit_path="/"):
    try:
        return write_people_csv(users, template, org_unit_path)
    except InventoryError as e:
        raise AnsibleFilterError("people_csv: {0}".format(e))


class FilterModule(object):
    def filters(self):
        return {"people_csv": people_csv}
