# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError
from ansible_collections.mailops.workmail.plugins.module_utils.validation import check
from ansible_collections.mailops.workmail.plugins.module_utils.validation import fits


@pytest.mark.parametrize(
    "value, operation, member, message",
    [
        ("a@b.c", "CreateAlias", "Alias", "opt: 'a@b.c' does not match the pattern"),
        ("x" * 65, "CreateUser", "Name", "opt: must have at most 64 characters"),
        ("", "CreateUser", "Name", "opt: must have at least 1 characters"),
        ("BOGUS", "CreateUser", "Role", "opt: 'BOGUS' is not one of USER, RESOURCE, SYSTEM_USER, REMOTE_USER"),
        (731, "PutRetentionPolicy", "FolderConfigurations.Period", "opt: 731 is more than the maximum 730"),
        (["10.0.0.0"], "PutAccessControlRule", "IpRanges", "opt: '10.0.0.0' does not match the pattern"),
        (["1"] * 11, "PutAccessControlRule", "UserIds", "opt: must have at most 10 items"),
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
