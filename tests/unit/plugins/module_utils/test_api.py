# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mailops.workmail.plugins.module_utils.api import client_token
from ansible_collections.mailops.workmail.plugins.module_utils.validation import fits

REQUEST = {"OrganizationId": "m-" + "0" * 32, "Name": "archiver", "Type": "READ_ONLY", "Rules": []}


def test_client_token_is_the_request_s_own():
    token = client_token("CreateImpersonationRole", REQUEST)

    assert token == client_token("CreateImpersonationRole", dict(reversed(list(REQUEST.items()))))
    assert token == client_token("CreateImpersonationRole", dict(REQUEST, ClientToken="ignored"))
    assert token != client_token("CreateImpersonationRole", dict(REQUEST, Name="journal"))
    assert token != client_token("CreateImpersonationRole", dict(REQUEST, OrganizationId="m-" + "1" * 32))
    assert token != client_token("CreateMobileDeviceAccessRule", REQUEST)
    assert token != client_token("CreateImpersonationRole", REQUEST, "deleted-role-id")
    assert fits("CreateImpersonationRole", "ClientToken", token)
