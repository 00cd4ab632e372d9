# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: onboarding_users
short_description: Read and check the people to onboard from CSV files and a list
version_added: 0.1.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - Returns the people to onboard, one dictionary per person, from CSV files (the terms) and the
    O(users) list, every value checked before anything is written.
  - A CSV file has a header row. Its columns are the options of M(mailops.workmail.user) (except
    C(organization) and C(state)) plus C(groups) and C(aliases), whose cells hold V(;)-separated values.
    Empty cells are unset. Surrounding blanks are ignored, except in C(password).
  - Booleans (V(true), V(false), V(yes), V(no), V(1), V(0)) and whole numbers are converted; choices,
    lengths and patterns are checked against the WorkMail service model the modules use (when botocore
    is installed on the controller).
  - "A problem fails the lookup with the file, row and column named, for example
    C(people.csv, row 7, column 'mailbox_quota': 'lots' is not a whole number). Rows are counted as a
    spreadsheet counts them, the header being row 1."
  - Entries of O(users) with the name of a CSV person update that person, key by key, so secrets can
    come from a vault while the rest comes from a spreadsheet. Other entries are added after the CSV's people.
  - A person without C(email) gets C(name@default_domain) when O(default_domain) is set.
  - A name given twice in one source, or an address (primary or alias) given to two people, fails the lookup.
  - The files are read on the controller. Relative paths are searched like M(ansible.builtin.file) lookups do,
    in the C(files) directories of the role and the playbook.
options:
  _terms:
    description: Paths of CSV files. None is fine when O(users) holds everyone.
    type: list
    elements: path
    required: false
  users:
    description:
      - People given as variables, each a dictionary of M(mailops.workmail.user) options plus C(groups)
        and C(aliases) (lists, or V(;)-separated strings).
    type: list
    elements: dict
    default: []
  default_domain:
    description: The domain of the email a person gets when none is given.
    type: str
notes:
  - Use it with C(query) (or C(lookup) with C(wantlist=true)) to get a list.
  - The role P(mailops.workmail.onboarding#role) uses this lookup; see its README for a complete example.
seealso:
  - module: mailops.workmail.user
  - module: mailops.workmail.group_membership
  - module: mailops.workmail.alias
"""

EXAMPLES = r"""
- name: Read the people to onboard
  ansible.builtin.set_fact:
    people: >-
      {{ query('mailops.workmail.onboarding_users', 'people.csv',
               users=[{'name': 'jdoe', 'password': vault_jdoe_password}],
               default_domain='example.com') }}

# people.csv:
#   name,display_name,department,groups,aliases,mailbox_quota
#   jdoe,Jane Doe,Finance,finance;all-staff,jane@example.com,51200
#   omar,Omar Haddad,Sales,sales;all-staff,,
#
# gives:
#   - {name: jdoe, display_name: Jane Doe, department: Finance, mailbox_quota: 51200,
#      email: jdoe@example.com, password: ..., groups: [finance, all-staff], aliases: [jane@example.com]}
#   - {name: omar, display_name: Omar Haddad, department: Sales, email: omar@example.com,
#      groups: [sales, all-staff]}
"""

RETURN = r"""
_raw:
  description:
    - One dictionary per person, with the options that are set (unset ones are left out) and always
      C(groups) (a list, possibly empty); C(aliases) (a list) only for people who have some, since no aliases
      given means they are not managed.
  type: list
  elements: dict
"""

from ansible.errors import AnsibleError
from ansible.plugins.lookup import LookupBase

from ansible_collections.mailops.workmail.plugins.plugin_utils.people import PeopleError
from ansible_collections.mailops.workmail.plugins.plugin_utils.people import from_variables
from ansible_collections.mailops.workmail.plugins.plugin_utils.people import merge
from ansible_collections.mailops.workmail.plugins.plugin_utils.people import read_csv


def _flatten(terms):
    for term in terms:
        if isinstance(term, (list, tuple)):
            yield from _flatten(term)
        elif term:
            yield term


class LookupModule(LookupBase):
    def run(self, terms, variables=None, **kwargs):
        self.set_options(var_options=variables, direct=kwargs)
        try:
            csv_people = []
            for term in _flatten(terms or []):
                path = self.find_file_in_search_path(variables, "files", term, ignore_missing=True)
                if not path:
                    raise PeopleError(term, "file not found (relative paths are looked up in the files directories of the role and the playbook)")
                csv_people.extend(read_csv(path, source=path))
            return merge(csv_people, from_variables(self.get_option("users")), self.get_option("default_domain"))
        except PeopleError as e:
            raise AnsibleError(str(e))
