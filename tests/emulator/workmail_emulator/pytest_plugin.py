"""pytest fixtures for testing against the in-process emulator.

Enable with ``pytest_plugins = ["workmail_emulator.pytest_plugin"]`` in a
conftest.py, or ``pytest -p workmail_emulator.pytest_plugin``.

* ``workmail_backend_reset``: a fresh emulator (no organizations, empty call
  log, no fault rules, default settings: every delay zero) for the test;
* ``workmail_client``: a boto3 ``workmail`` client for us-east-1, inside
  ``moto.mock_aws()``, with fake credentials in the environment;
* ``workmail_org``: the ID of an Active organization with alias ``example-corp``;
* ``workmail_faults``: :func:`workmail_emulator.set_faults`, with no rule in
  force before the test and none left after it.
"""

import functools

import boto3
import moto
import pytest

import workmail_emulator

REGION = "us-east-1"
ORG_ALIAS = "example-corp"
FAKE_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
}


@functools.cache
def _session():
    """One boto3 session for every client of the fixtures: its loaded service data is reused."""
    return boto3.session.Session()


@pytest.fixture
def workmail_backend_reset():
    """Give the test a fresh emulator with zero delays, and leave a fresh one behind."""
    workmail_emulator.reset()
    yield
    workmail_emulator.reset()


@pytest.fixture
def workmail_faults():
    """Give the test ``set_faults(rules)`` with no fault rule in force, and remove the test's rules afterwards."""
    workmail_emulator.clear_faults()
    yield workmail_emulator.set_faults
    workmail_emulator.clear_faults()


@pytest.fixture
def workmail_client(workmail_backend_reset, monkeypatch):
    """Yield a boto3 WorkMail client (us-east-1) served by the in-process emulator."""
    for name, value in FAKE_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    with moto.mock_aws():
        yield _session().client("workmail", region_name=REGION, aws_access_key_id=FAKE_ENVIRONMENT["AWS_ACCESS_KEY_ID"],
                                aws_secret_access_key=FAKE_ENVIRONMENT["AWS_SECRET_ACCESS_KEY"])


@pytest.fixture
def workmail_org(workmail_client):
    """Create the Active organization ``example-corp`` and return its ID."""
    organization_id = workmail_client.create_organization(Alias=ORG_ALIAS)["OrganizationId"]
    state = workmail_client.describe_organization(OrganizationId=organization_id)["State"]
    if state != "Active":
        raise RuntimeError(f"organization {ORG_ALIAS} is {state}, expected Active with zero delays")
    return organization_id
