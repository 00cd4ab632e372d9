# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The route53_records filter: a mail domain's records as Route 53 record sets."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.mailops.workmail.plugins.filter.route53_records import route53_records

DOMAIN = dict(name="example.com", is_test_domain=False, records=[
    dict(type="TXT", hostname="example.com", value="v=spf1 include:amazonses.com ~all"),
    dict(type="MX", hostname="example.com", value="10 inbound-smtp.us-east-1.amazonaws.com."),
    dict(type="TXT", hostname="Example.com.", value='"google-site-verification=abc"'),
    dict(type="TXT", hostname="_amazonses.example.com", value="token"),
    dict(type="CNAME", hostname="a._domainkey.example.com", value="a.dkim.amazonses.com."),
])


def test_one_set_per_name_and_type_with_sorted_quoted_values():
    assert route53_records(DOMAIN, "Z1", ttl="600") == [
        dict(hosted_zone_id="Z1", record="_amazonses.example.com", type="TXT", ttl=600, value=['"token"']),
        dict(hosted_zone_id="Z1", record="a._domainkey.example.com", type="CNAME", ttl=600, value=["a.dkim.amazonses.com."]),
        dict(hosted_zone_id="Z1", record="example.com", type="MX", ttl=600, value=["10 inbound-smtp.us-east-1.amazonaws.com."]),
        dict(hosted_zone_id="Z1", record="example.com", type="TXT", ttl=600,
             value=['"google-site-verification=abc"', '"v=spf1 include:amazonses.com ~all"']),
    ]


def test_nothing_for_an_absent_domain_or_the_test_domain():
    assert route53_records({}, "Z1") == []
    assert route53_records(dict(DOMAIN, is_test_domain=True), "Z1") == []


def test_bad_input_is_refused():
    with pytest.raises(AnsibleFilterError, match="hosted_zone_id is required"):
        route53_records(DOMAIN, "")
    with pytest.raises(AnsibleFilterError, match="must be a mail domain"):
        route53_records([DOMAIN], "Z1")
