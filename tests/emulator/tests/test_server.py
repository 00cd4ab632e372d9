"""The workmail-emulator server over HTTP: WorkMail API, moto API, /_emulator endpoints, threads and signals."""

import json
import signal
import subprocess
import threading
import urllib.error
import urllib.request

import pytest
from conftest import SERVER_COMMAND, RunningServer
from support import all_pages, raises_code

PASSWORD = "Corr3ct-horse-battery"


def http(server, method, path, body=None, headers=None):
    """Send one request and return (status, decoded JSON body)."""
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(server.url + path, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as failure:
        with failure:
            return failure.code, json.loads(failure.read() or b"null")


def active_org(server, alias, region="us-east-1"):
    """Create an organization and let the server's ready delay elapse; return its ID."""
    client = server.client(region)
    org_id = client.create_organization(Alias=alias)["OrganizationId"]
    http(server, "POST", "/_emulator/clock", {"advance": http(server, "GET", "/_emulator/config")[1]["org_ready_delay"]})
    assert client.describe_organization(OrganizationId=org_id)["State"] == "Active"
    return org_id


@pytest.fixture(autouse=True)
def clean_server(server):
    """Start every test from an empty server state and call log."""
    assert http(server, "POST", "/moto-api/reset")[0] == 200
    assert http(server, "DELETE", "/_emulator/calls")[0] == 200


def test_banner(server):
    assert server.banner == f"workmail-emulator listening on {server.url}"


def test_organization_passes_requested_before_active(server):
    client = server.client()
    assert http(server, "GET", "/_emulator/config")[1]["org_ready_delay"] == 1.0
    org_id = client.create_organization(Alias="acme")["OrganizationId"]
    assert client.describe_organization(OrganizationId=org_id)["State"] == "Requested"
    with raises_code("OrganizationStateException"):
        client.create_user(OrganizationId=org_id, Name="jdoe", DisplayName="J")
    status, clock = http(server, "POST", "/_emulator/clock", {"advance": 1})
    assert status == 200 and clock["offset"] >= 1
    assert client.describe_organization(OrganizationId=org_id)["State"] == "Active"


def test_call_log_over_http(server):
    org_id = active_org(server, "acme")
    client = server.client()
    http(server, "DELETE", "/_emulator/calls")
    client.create_user(OrganizationId=org_id, Name="jdoe", DisplayName="John", Password=PASSWORD)
    client.list_users(OrganizationId=org_id)
    with raises_code("NameAvailabilityException"):
        client.create_user(OrganizationId=org_id, Name="JDOE", DisplayName="Again", Password=PASSWORD)
    status, calls = http(server, "GET", "/_emulator/calls")
    assert status == 200
    assert [(call["operation"], call["status"], call["error"]) for call in calls] == [
        ("CreateUser", 200, None), ("ListUsers", 200, None), ("CreateUser", 400, "NameAvailabilityException")]
    assert all(call["organization_id"] == org_id for call in calls)
    assert calls[0]["request"]["Password"] == "**redacted**"
    assert [call["operation"] for call in http(server, "GET", "/_emulator/calls?writes=1")[1]] == ["CreateUser", "CreateUser"]
    with urllib.request.urlopen(server.url + "/_emulator/calls") as raw:
        assert PASSWORD.encode() not in raw.read()
    assert http(server, "DELETE", "/_emulator/calls") == (200, {"status": "ok"})
    assert http(server, "GET", "/_emulator/calls") == (200, [])


def test_moto_api_reset_and_other_moto_services(server):
    active_org(server, "acme")
    assert len(server.client().list_organizations()["OrganizationSummaries"]) == 1
    assert http(server, "POST", "/moto-api/reset") == (200, {"status": "ok"})
    assert server.client().list_organizations()["OrganizationSummaries"] == []
    assert server.client(service="sts").get_caller_identity()["Account"] == "123456789012"


def test_custom_domains_stay_pending_a_few_seconds_by_default(server):
    assert http(server, "GET", "/_emulator/config")[1]["domain_verification_delay"] == 5.0
    org_id = active_org(server, "acme")
    client = server.client()
    client.register_mail_domain(OrganizationId=org_id, DomainName="corp.example")
    domain = client.get_mail_domain(OrganizationId=org_id, DomainName="corp.example")
    assert (domain["OwnershipVerificationStatus"], domain["DkimVerificationStatus"]) == ("PENDING", "PENDING")
    with raises_code("MailDomainStateException"):
        client.update_default_mail_domain(OrganizationId=org_id, DomainName="corp.example")
    http(server, "POST", "/_emulator/clock", {"advance": 4})
    assert client.get_mail_domain(OrganizationId=org_id, DomainName="corp.example")["OwnershipVerificationStatus"] == "PENDING"
    http(server, "POST", "/_emulator/clock", {"advance": 1})
    assert client.get_mail_domain(OrganizationId=org_id, DomainName="corp.example")["OwnershipVerificationStatus"] == "VERIFIED"
    client.update_default_mail_domain(OrganizationId=org_id, DomainName="corp.example")


def test_instant_verification_is_an_option():
    running = RunningServer("--domain-verification-delay", "0")
    try:
        assert http(running, "GET", "/_emulator/config")[1]["domain_verification_delay"] == 0.0
        org_id = active_org(running, "acme")
        client = running.client()
        client.register_mail_domain(OrganizationId=org_id, DomainName="corp.example")
        assert client.get_mail_domain(OrganizationId=org_id, DomainName="corp.example")["OwnershipVerificationStatus"] == "VERIFIED"
    finally:
        assert running.stop() == 0


def test_config_endpoint(server):
    status, config = http(server, "GET", "/_emulator/config")
    assert status == 200 and config["org_ready_delay"] == 1.0 and config["domain_verification_delay"] == 5.0
    try:
        status, updated = http(server, "POST", "/_emulator/config", {"domain_verification_delay": 30})
        assert status == 200 and updated["domain_verification_delay"] == 30.0
        org_id = active_org(server, "acme")
        client = server.client()
        client.register_mail_domain(OrganizationId=org_id, DomainName="corp.example")
        assert client.get_mail_domain(OrganizationId=org_id, DomainName="corp.example")["OwnershipVerificationStatus"] == "PENDING"
        http(server, "POST", "/_emulator/clock", {"advance": 30})
        assert client.get_mail_domain(OrganizationId=org_id, DomainName="corp.example")["OwnershipVerificationStatus"] == "VERIFIED"
    finally:
        http(server, "POST", "/_emulator/config", {"domain_verification_delay": config["domain_verification_delay"]})
    status, error = http(server, "POST", "/_emulator/config", {"org_ready_delay": -5})
    assert status == 400 and "org_ready_delay" in error["error"]
    assert http(server, "POST", "/_emulator/config", {"nonsense": 1})[0] == 400
    assert http(server, "POST", "/_emulator/config", b"not json")[0] == 400
    assert http(server, "GET", "/_emulator/config")[1] == config


def test_admin_errors(server):
    assert http(server, "GET", "/_emulator/nowhere")[0] == 404
    assert http(server, "PUT", "/_emulator/calls")[0] == 405
    assert http(server, "POST", "/_emulator/clock", {"advance": -1})[0] == 400


def test_unsigned_and_malformed_requests(server):
    headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "WorkMailService.ListOrganizations"}
    assert http(server, "POST", "/", {}, headers) == (200, {"OrganizationSummaries": []})
    status, body = http(server, "POST", "/", b"{not json", headers)
    assert status == 400 and body["__type"] == "SerializationException"
    status, body = http(server, "POST", "/", [], headers)
    assert status == 400 and body["__type"] == "SerializationException"
    status, body = http(server, "POST", "/", {}, {**headers, "X-Amz-Target": "WorkMailService.FlyToTheMoon"})
    assert status == 400 and body["__type"] == "InvalidAction"
    status, body = http(server, "POST", "/", {"MaxResults": 0}, headers)
    assert status == 400 and body["__type"] == "InvalidParameterException" and "'maxResults'" in body["Message"]


def test_regions(server):
    west = active_org(server, "west", region="us-west-2")
    europe = server.client("eu-west-1")
    assert europe.list_organizations()["OrganizationSummaries"] == []
    assert [org["OrganizationId"] for org in server.client("us-west-2").list_organizations()["OrganizationSummaries"]] == [west]
    with raises_code("InvalidAction", match="ap-south-1"):
        server.client("ap-south-1").list_organizations()


def test_concurrent_creates_lose_and_duplicate_nothing(server):
    org_id = active_org(server, "busy")
    http(server, "DELETE", "/_emulator/calls")
    threads, per_thread = 8, 25
    clients = [server.client() for _worker in range(threads)]
    failures = []

    def create(worker):
        try:
            for number in range(per_thread):
                clients[worker].create_user(OrganizationId=org_id, Name=f"w{worker}-u{number}", DisplayName=f"Worker {worker} user {number}")
        except Exception as failure:  # the assertion below reports it
            failures.append(failure)

    workers = [threading.Thread(target=create, args=(worker,)) for worker in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    users = all_pages(server.client().list_users, "Users", OrganizationId=org_id)
    expected = {f"w{worker}-u{number}" for worker in range(threads) for number in range(per_thread)}
    assert sorted(user["Name"] for user in users) == sorted(expected)
    assert len({user["Id"] for user in users}) == threads * per_thread
    calls = http(server, "GET", "/_emulator/calls?writes=1")[1]
    assert [call["status"] for call in calls] == [200] * (threads * per_thread)
    sequences = [call["sequence"] for call in calls]
    assert sequences == sorted(set(sequences))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stops_cleanly_on_signals(signum):
    running = RunningServer()
    assert http(running, "GET", "/_emulator/calls") == (200, [])
    assert running.stop(signum) == 0


def test_quiet_unless_asked_to_log():
    quiet = RunningServer()
    http(quiet, "GET", "/_emulator/calls")
    assert quiet.stop() == 0
    assert quiet.logged == ""
    verbose = RunningServer("--log")
    http(verbose, "GET", "/_emulator/calls")
    assert verbose.stop() == 0
    assert "GET /_emulator/calls" in verbose.logged


def test_bad_option_exits_with_an_error():
    result = subprocess.run([SERVER_COMMAND, "--port", "0", "--org-ready-delay", "-1"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "org_ready_delay" in result.stderr
