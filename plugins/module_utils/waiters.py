# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Waiting for WorkMail's asynchronous changes: one poller, one retrier."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

from ansible_collections.mailops.workmail.plugins.module_utils.errors import WorkMailError

# Polls start fast (most changes land within a second) and back off to MAX_INTERVAL.
FIRST_INTERVAL = 0.25
MAX_INTERVAL = 10
# How long WorkMail may lag behind a write (seconds): for up to 2 minutes after a create, register
# or deregister, other calls may not see it yet (the Terraform provider waits as long).
LAG_TIMEOUT = 120


def _intervals():
    interval = FIRST_INTERVAL
    while True:
        yield interval
        interval = min(interval * 2, MAX_INTERVAL)


def wait_for(fetch, done, timeout, description):
    """Call ``fetch()`` until ``done(value)`` holds, then return the value.

    Raises WorkMailError naming ``description`` when ``timeout`` seconds pass first.
    """
    deadline = time.monotonic() + timeout
    for interval in _intervals():
        value = fetch()
        if done(value):
            return value
        if time.monotonic() + interval > deadline:
            raise WorkMailError("Timed out after {0} seconds waiting for {1}".format(timeout, description))
        time.sleep(interval)


def retry_while(codes, action, timeout):
    """Run ``action()``, retrying while it fails with one of ``codes``.

    WorkMail applies registration and deregistration with a lag: right after them, deletes and
    address changes can fail with EntityStateException or MailDomainStateException for a while.
    """
    deadline = time.monotonic() + timeout
    for interval in _intervals():
        try:
            return action()
        except WorkMailError as e:
            if e.code not in codes or time.monotonic() + interval > deadline:
                raise
        time.sleep(interval)


def found(fetch, timeout):
    """The first value of ``fetch()`` that is not None, polling for up to ``timeout`` seconds, to
    let WorkMail's lag pass after a write; None when none came."""
    deadline = time.monotonic() + timeout
    for interval in _intervals():
        value = fetch()
        if value is not None:
            return value
        if time.monotonic() + interval > deadline:
            return None
        time.sleep(interval)


def appears(fetch, timeout):
    """Whether ``fetch()`` returns something (not None) within ``timeout`` seconds (see ``found``)."""
    return found(fetch, timeout) is not None
