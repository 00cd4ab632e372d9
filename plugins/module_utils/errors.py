# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The one error type of the collection, and the error codes it reasons about."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


# Codes that mean "the thing asked for is not there". Deletes and lookups treat them as absent.
NOT_FOUND_CODES = frozenset(
    (
        "EntityNotFoundException",
        "MailDomainNotFoundException",
        "OrganizationNotFoundException",
        "ResourceNotFoundException",
    )
)


class WorkMailError(Exception):
    """A failure to report to the user.

    ``code`` is the service's error code when the service raised it, ``option`` the module option
    at fault when the user's input is to blame, ``exception`` the original botocore exception.
    """

    def __init__(self, message, code=None, option=None, exception=None):
        super(WorkMailError, self).__init__(message)
        self.message = message
        self.code = code
        self.option = option
        self.exception = exception

    def __str__(self):
        return self.message


class ParameterError(WorkMailError):
    """The user's input is invalid; raised before any write call. ``code`` names the service error
    the input would have caused, where one fits (e.g. LimitExceededException)."""

    def __init__(self, option, message, code=None):
        super(ParameterError, self).__init__("{0}: {1}".format(option, message), code=code, option=option)


def error_code(exception):
    """The service error code of a botocore ClientError, or None."""
    response = getattr(exception, "response", None) or {}
    return response.get("Error", {}).get("Code")
