"""Registration with moto, state resets and settings."""

import sys

import boto3
import moto
import moto.backend_index
import moto.backends
import pytest
from moto.moto_api._internal.models import moto_api_backend

import workmail_emulator
from workmail_emulator.models import workmail_backends


def test_register_is_idempotent():
    workmail_emulator.register()
    workmail_emulator.register()
    assert [name for name, _pattern in moto.backend_index.backend_url_patterns].count("workmail") == 1
    assert sys.modules["moto.workmail"].workmail_backends is workmail_backends
    assert sys.modules["moto.workmail.models"].WorkMailBackend is workmail_backends.backend
    assert moto.backends.get_backend("workmail") is workmail_backends


def test_regions():
    account = workmail_backends["123456789012"]
    assert all(region in account for region in ("us-east-1", "us-west-2", "eu-west-1"))
    assert "ap-south-1" not in account


def _organizations():
    return boto3.client("workmail", region_name="us-west-2").list_organizations()["OrganizationSummaries"]


def test_mock_aws_exit_resets_the_state(workmail_backend_reset, monkeypatch):
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-west-2")
    with moto.mock_aws():
        boto3.client("workmail", region_name="us-west-2").create_organization(Alias="acme")
        assert len(_organizations()) == 1
    with moto.mock_aws():
        assert _organizations() == []


def test_moto_api_reset_resets_the_state(workmail_client, workmail_org):
    assert len(workmail_client.list_organizations()["OrganizationSummaries"]) == 1
    moto_api_backend.reset()
    assert workmail_client.list_organizations()["OrganizationSummaries"] == []


def test_reset_restores_settings_clock_and_log(workmail_client, workmail_org):
    workmail_emulator.configure(org_ready_delay=5)
    workmail_emulator.advance_clock(10)
    workmail_emulator.reset()
    assert workmail_emulator.settings()["org_ready_delay"] == 0.0
    assert workmail_emulator.config.clock_offset() == 0.0
    assert workmail_emulator.calls() == []
    assert workmail_client.list_organizations()["OrganizationSummaries"] == []


@pytest.mark.parametrize("changes", [{"org_ready_delay": -1}, {"org_ready_delay": "1"}, {"org_ready_delay": True},
                                     {"unknown_delay": 1}, {"max_mail_domains": 1.5}, {"validation_error_code": "Oops"}])
def test_configure_rejects_bad_settings(workmail_backend_reset, changes):
    before = workmail_emulator.settings()
    with pytest.raises(ValueError):
        workmail_emulator.configure(**changes)
    assert workmail_emulator.settings() == before


def test_configure_returns_the_settings(workmail_backend_reset):
    updated = workmail_emulator.configure(org_ready_delay=2, max_mail_domains=3)
    assert updated["org_ready_delay"] == 2.0 and updated["max_mail_domains"] == 3
    with pytest.raises(ValueError):
        workmail_emulator.advance_clock(-1)
