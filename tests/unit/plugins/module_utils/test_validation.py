# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import inspect
import re

import pytest

from ansible.module_utils.common.validation import check_type_int

from ansible_collections.mailops.workmail.plugins.module_utils import api
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.validation import PATTERN_HINTS
from ansible_collections.mailops.workmail.plugins.module_utils.validation import check
from ansible_collections.mailops.workmail.plugins.module_utils.validation import check_timeout
from ansible_collections.mailops.workmail.plugins.module_utils.validation import domain_name
from ansible_collections.mailops.workmail.plugins.module_utils.validation import fits
from ansible_collections.mailops.workmail.plugins.module_utils.validation import service_model
from ansible_collections.mailops.workmail.plugins.module_utils.validation import shape_problem


@pytest.mark.parametrize(
    "value, operation, member, message",
    [
        ("a@b.c", "CreateAlias", "Alias", "opt: 'a@b.c' is not valid: it must be an email address such as jane.doe@example.com"),
        ("x" * 65, "CreateUser", "Name", "opt: must have at most 64 characters"),
        ("", "CreateUser", "Name", "opt: must have at least 1 character"),
        ("BOGUS", "CreateUser", "Role", "opt: 'BOGUS' is not one of USER, RESOURCE, SYSTEM_USER, REMOTE_USER"),
        (731, "PutRetentionPolicy", "FolderConfigurations.Period", "opt: 731 is more than the maximum 730"),
        (["10.0.0.0"], "PutAccessControlRule", "IpRanges", "opt: '10.0.0.0' is not valid: it must be an IPv4 range in CIDR notation"),
        ("Sales\tTeam", "CreateGroup", "Name", "opt: 'Sales\\tTeam' is not valid: it must use Latin-1 characters only"),
        (["1"] * 11, "PutAccessControlRule", "UserIds", "opt: must have at most 10 items"),
        # What a value must look like says more than its length.
        ("m-123", "DescribeOrganization", "OrganizationId", "opt: 'm-123' is not valid: it must be an organization ID"),
        ("d-123", "CreateOrganization", "DirectoryId", "opt: 'd-123' is not valid: it must be a directory ID"),
    ],
)
def test_check_rejects_and_names_the_option(value, operation, member, message):
    with pytest.raises(ParameterError) as error:
        check("opt", value, operation, member)
    assert str(error.value).startswith(message)
    assert error.value.option == "opt"


@pytest.mark.parametrize(
    "value, operation, member",
    [
        ("jane.doe@example.com", "CreateAlias", "Alias"),
        ("jdoe", "CreateUser", "Name"),
        ("jdoe@example.com", "CreateUser", "Name"),
        ("", "UpdateUser", "City"),
        (["10.0.0.0/8"], "PutAccessControlRule", "IpRanges"),
        (None, "CreateUser", "Name"),
    ],
)
def test_check_accepts(value, operation, member):
    check("opt", value, operation, member)


def test_fits():
    assert fits("DescribeOrganization", "OrganizationId", "m-" + "0" * 32)
    assert not fits("DescribeOrganization", "OrganizationId", "example-corp")
    assert not fits("DescribeGroup", "GroupId", "Sales Team")


def _patterns(shape, seen=()):
    if shape.name in seen:
        return set()
    seen = seen + (shape.name,)
    if shape.type_name == "structure":
        return set().union(*[_patterns(member, seen) for member in shape.members.values()])
    if shape.type_name == "list":
        return _patterns(shape.member, seen)
    return set([shape.metadata["pattern"]]) if "pattern" in shape.metadata else set()


def test_every_validated_pattern_has_a_plain_words_hint():
    # The collection validates input shapes of the operations it calls, all of them in api.py.
    operations = set(re.findall(r'self\.(?:call|find|paginate)\("(\w+)"', inspect.getsource(api)))
    assert "CreateUser" in operations and "PutRetentionPolicy" in operations
    patterns = set().union(*[_patterns(service_model().operation_model(op).input_shape) for op in operations])
    assert sorted(patterns - set(PATTERN_HINTS)) == []


def test_a_pattern_error_says_what_is_allowed_instead_of_printing_the_pattern():
    with pytest.raises(ParameterError) as error:
        check("name", "Sales\u2013Team", "CreateGroup", "Name")
    assert str(error.value) == (
        "name: 'Sales\u2013Team' is not valid: it must use Latin-1 characters only (letters, digits, spaces and symbols "
        "of Western European languages; no line breaks, tabs, emoji or other scripts)"
    )
    assert "\\u00FF" not in str(error.value)


def test_a_secret_is_never_repeated_in_a_message():
    with pytest.raises(ParameterError) as error:
        check("password", "Tab\tIn-Passw0rd", "CreateUser", "Password")
    assert str(error.value).startswith("password: the value given is not valid: it must use Latin-1 characters only")
    assert "Tab" not in str(error.value)


SPEC = dict(
    tags=dict(type="dict"),
    domains=dict(type="list", elements="dict", options=dict(domain_name=dict(type="str", required=True), hosted_zone_id=dict(type="str"))),
    name=dict(type="str"),
    quota=dict(type="int"),
    enabled=dict(type="bool"),
    members=dict(type="list", elements="str"),
    password=dict(type="str", no_log=True),
    users=dict(type="list", elements="dict", options=dict(name=dict(type="str", required=True), quota=dict(type="int"))),
)


@pytest.mark.parametrize(
    "params, problem",
    [
        (dict(tags=["team"]), ("tags", "tags: must be a dictionary of keys and values, for example {key: value}; got a list")),
        (
            dict(domains="example.com"),
            (
                "domains",
                "domains: must be a list of dictionaries with the keys domain_name and hosted_zone_id (domain_name is required), "
                "for example [{domain_name: ...}]; got a string",
            ),
        ),
        (
            dict(domains=[dict(domain_name="example.com"), 3]),
            (
                "domains",
                "domains[1]: must be a dictionary with the keys domain_name and hosted_zone_id (domain_name is required), "
                "for example {domain_name: ...}; got a number",
            ),
        ),
        (dict(tags={"team": "mail"}, domains=[dict(domain_name="example.com")], name="x"), None),
        # Ansible turns key=value strings into dictionaries itself.
        (dict(tags="team=mail"), None),
        # Numbers, booleans and strings: what Ansible converts passes, the rest is named in plain words.
        (dict(quota="lots"), ("quota", "quota: must be a whole number; got 'lots'")),
        (dict(quota=1.5), ("quota", "quota: must be a whole number; got 1.5")),
        (dict(quota=True), ("quota", "quota: must be a whole number; got true or false")),
        (dict(enabled="maybe"), ("enabled", "enabled: must be true or false; got 'maybe'")),
        (dict(name=dict(first="x")), ("name", "name: must be a string; got a dictionary")),
        (dict(members=["li", ["omar"]]), ("members", "members[1]: must be a string; got a list")),
        (dict(members=dict(li=True)), ("members", "members: must be a list; got a dictionary")),
        (dict(users=[dict(name="li"), dict(name="omar", quota="big")]), ("users", "users[1].quota: must be a whole number; got 'big'")),
        # A secret is never repeated.
        (dict(password=["Corr3ct-Horse-Battery"]), ("password", "password: must be a string; got a list")),
        (dict(quota="5", enabled="yes", name=42, members="li,omar", users=[dict(name="li", quota=2)]), None),
    ],
)
def test_shape_problem_names_the_option_and_shows_the_shape(params, problem):
    assert shape_problem(SPEC, params) == problem


def _ansible_takes_as_int(value):
    try:
        check_type_int(value)
    except TypeError:
        return False
    return True


def test_shape_problem_follows_the_running_ansible_on_whole_floats():
    # ansible-core 2.18 takes 2.0 for a number option, 2.17 refuses it: the check says what the
    # running Ansible would say, so a value it converts is never refused before it sees it.
    problem = shape_problem(SPEC, dict(users=[dict(name="li", quota=2.0)]))
    if _ansible_takes_as_int(2.0):
        assert problem is None
    else:
        assert problem == ("users", "users[0].quota: must be a whole number; got 2.0")


@pytest.mark.parametrize(
    "value, message",
    [
        ("a..b.com", "opt: 'a..b.com' has an empty label (two dots in a row, or a dot at the start)"),
        ("-bad.example.com", "opt: '-bad.example.com' has a label that starts or ends with '-' (-bad); host names never do"),
        ("bad-.example.com", "opt: 'bad-.example.com' has a label that starts or ends with '-' (bad-); host names never do"),
    ],
)
def test_domain_name_refuses_what_dns_does_not_allow(value, message):
    with pytest.raises(ParameterError) as error:
        domain_name("opt", value)
    assert str(error.value) == message


def test_domain_name_keeps_inner_hyphens_and_normalises():
    assert domain_name("opt", "Mail-Hub.Example.COM.") == "mail-hub.example.com"


def test_check_timeout():
    check_timeout("wait_timeout", 0)
    check_timeout("wait_timeout", None)
    with pytest.raises(ParameterError) as error:
        check_timeout("wait_timeout", -1)
    assert str(error.value) == "wait_timeout: must be 0 or more seconds, got -1"
