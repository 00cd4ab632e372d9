# -*- coding: utf-8 -*-
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Set-up shared by every unit test: one botocore data loader for the whole test process.

A module run in process builds its own boto3 session, as it does in its own process on a host,
and every new session reads and parses the service model and the endpoint data again: most of
the time of a short module run. The loader only reads botocore's data files and caches what it
read, so sharing it changes no result, only the time. It is loaded here, when pytest imports this
file, because ansible-test runs each test in a process forked from that one: what the loader
holds by then, every test has without reading it again.

A forked process shares its parent's memory until either writes to a page. Python's cyclic
garbage collector walks (and so writes to) every object it tracks, so without more each test's
first collection would copy most of the parent's memory. Once collection is over, every object
the parent holds is moved out of the collector's reach (``gc.freeze``): the tests' own objects
are still collected, the parent's are shared, not copied.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import functools
import gc

import botocore.session
import moto

import workmail_emulator

# The services the collection's code calls: WorkMail, and for mailbox exports S3, KMS, IAM and STS.
SERVICES = ("workmail", "s3", "kms", "iam", "sts")

botocore.session.create_loader = functools.lru_cache(maxsize=None)(botocore.session.create_loader)
_CLIENTS = dict(
    (service, botocore.session.get_session().create_client(service, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"))
    for service in SERVICES
)

# moto loads a service's backend on its first call in a process: make that call here too, and
# reset, so that a test's process starts with the backends loaded and an empty emulator.
with moto.mock_aws():
    _CLIENTS["workmail"].create_organization(Alias="warm-up")
    _CLIENTS["s3"].list_buckets()
    _CLIENTS["kms"].list_keys()
    _CLIENTS["iam"].list_roles()
    _CLIENTS["sts"].get_caller_identity()
workmail_emulator.reset()


def pytest_collection_finish(session):
    """Freeze what collection made (modules, the warmed-up backends) before the first fork."""
    gc.collect()
    gc.freeze()
