# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: route53_records
short_description: Turn a mail domain's DNS records into Route 53 record sets
version_added: 0.2.0
author:
  - mailops.workmail maintainers (@mailops)
description:
  - Takes a mail domain as M(mailops.workmail.mail_domain) returns it and gives the record sets to publish with
    M(amazon.aws.route53), one per name and type, so that a name with several records of one type (TXT at the apex)
    gets them all in one set.
  - Values are sorted, so that a rerun sends the same set and M(amazon.aws.route53) reports no change; TXT values are
    quoted as Route 53 wants them.
  - An empty result for a domain that is absent (an empty dictionary) and for the organization's test domain
    (C(*.awsapps.com)), whose records AWS keeps.
  - The role P(mailops.workmail.baseline#role) publishes its domains' records with it.
options:
  _input:
    description: The mail domain (the RV(mailops.workmail.mail_domain#module:mail_domain) return value).
    type: dict
    required: true
  hosted_zone_id:
    description: The ID of the Route 53 hosted zone to publish the records in.
    type: str
    required: true
  ttl:
    description: The time to live of the records, in seconds.
    type: int
    default: 300
seealso:
  - module: mailops.workmail.mail_domain
  - module: amazon.aws.route53
"""

EXAMPLES = r"""
- name: Publish the domain's records
  amazon.aws.route53:
    state: present
    hosted_zone_id: "{{ item.hosted_zone_id }}"
    record: "{{ item.record }}"
    type: "{{ item.type }}"
    ttl: "{{ item.ttl }}"
    value: "{{ item.value }}"
    overwrite: true
  loop: "{{ registered.mail_domain | mailops.workmail.route53_records(hosted_zone_id='Z0123456789ABCDEFGHIJ') }}"
"""

RETURN = r"""
_value:
  description: The record sets, sorted by name and type.
  type: list
  elements: dict
  contains:
    hosted_zone_id:
      description: The hosted zone.
      type: str
    record:
      description: The record name (the record's hostname).
      type: str
      sample: _amazonses.example.com
    type:
      description: The record type (TXT, MX, CNAME).
      type: str
    ttl:
      description: The time to live.
      type: int
    value:
      description: The values, sorted, TXT values in double quotes.
      type: list
      elements: str
      sample: ['"v=spf1 include:amazonses.com ~all"']
"""

from ansible.errors import AnsibleFilterError


def route53_records(mail_domain, hosted_zone_id, ttl=300):
    if not isinstance(mail_domain, dict):
        raise AnsibleFilterError("route53_records: the input must be a mail domain as mailops.workmail.mail_domain returns it")
    if not hosted_zone_id:
        raise AnsibleFilterError("route53_records: hosted_zone_id is required")
    if not mail_domain or mail_domain.get("is_test_domain"):
        return []
    sets = {}
    for record in mail_domain.get("records") or []:
        value = record["value"]
        if record["type"] == "TXT" and not value.startswith('"'):
            value = '"{0}"'.format(value.replace('"', '\\"'))
        sets.setdefault((record["hostname"].rstrip(".").lower(), record["type"]), set()).add(value)
    return [
        dict(hosted_zone_id=hosted_zone_id, record=name, type=kind, ttl=int(ttl), value=sorted(values))
        for (name, kind), values in sorted(sets.items())
    ]


class FilterModule(object):
    def filters(self):
        return {"route53_records": route53_records}
