"""Mailbox export end to end over the server: content through /_emulator/mailboxes, resources through moto's S3, KMS and IAM,
the job through the WorkMail API, and the ZIP read back through boto3 S3."""

import collections
import email
import email.policy
import json
import urllib.request

from conftest import RunningServer
from support import TEST_DOMAIN, export_target, new_user, read_zip

EMAIL = f"jdoe@{TEST_DOMAIN}"


def http(server, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(server.url + path, data=data, method=method)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def organization_with_content(server):
    """Reset the server; create an Active organization, the enabled user jdoe and its mailbox content; return (org ID, user ID)."""
    http(server, "POST", "/moto-api/reset")
    workmail = server.client()
    org_id = workmail.create_organization(Alias="example-corp")["OrganizationId"]
    http(server, "POST", "/_emulator/clock", {"advance": http(server, "GET", "/_emulator/config")["org_ready_delay"]})
    user_id = new_user(workmail, org_id, "jdoe", EMAIL)
    http(server, "POST", "/_emulator/mailboxes", {"organization_id": org_id, "entity": "jdoe", "generate": 30})
    http(server, "POST", "/_emulator/mailboxes", {"organization_id": org_id, "entity": EMAIL, "messages": [
        {"folder": "Archive/2024", "from": "ann@example.com", "subject": "Contract", "body": "Signed copy.", "date": "2024-06-30T17:00:00Z"},
        {"type": "contact", "subject": "Ann Example", "from": "ann@example.com"}]})
    return org_id, user_id


def test_a_generated_mailbox_is_exported_and_read_back_through_s3(server):
    assert http(server, "GET", "/_emulator/config")["export_job_duration"] == 5.0
    org_id, user_id = organization_with_content(server)
    workmail = server.client()
    target = export_target(lambda service: server.client(service=service))
    job_id = workmail.start_mailbox_export_job(OrganizationId=org_id, EntityId="jdoe", Description="exit", **target)["JobId"]

    job = workmail.describe_mailbox_export_job(OrganizationId=org_id, JobId=job_id)
    assert job["State"] == "RUNNING" and job["EstimatedProgress"] < 50 and job["EntityId"] == user_id
    http(server, "POST", "/_emulator/clock", {"advance": 2.5})
    job = workmail.describe_mailbox_export_job(OrganizationId=org_id, JobId=job_id)
    assert job["State"] == "RUNNING" and 50 <= job["EstimatedProgress"] <= 99
    s3 = server.client(service="s3")
    assert s3.list_objects_v2(Bucket="exports").get("KeyCount") == 0
    http(server, "POST", "/_emulator/clock", {"advance": 2.5})
    job = workmail.describe_mailbox_export_job(OrganizationId=org_id, JobId=job_id)
    assert (job["State"], job["EstimatedProgress"], job["S3Path"]) == ("COMPLETED", 100, f"exports/workmail/{job_id}.zip")
    listed = workmail.list_mailbox_export_jobs(OrganizationId=org_id)["Jobs"]
    assert [(entry["JobId"], entry["State"]) for entry in listed] == [(job_id, "COMPLETED")]

    entries, response = read_zip(s3, "exports", f"workmail/{job_id}.zip")
    assert (response["ServerSideEncryption"], response["SSEKMSKeyId"]) == ("aws:kms", target["KmsKeyArn"])
    folders = http(server, "GET", f"/_emulator/mailboxes?organization_id={org_id}&entity=jdoe")["folders"]
    assert folders == {"Inbox": 24, "Sent Items": 6, "Archive/2024": 1, "Contacts": 1}
    per_folder = collections.Counter(name.rpartition("/")[0] for name in entries)
    assert per_folder == {"Inbox": 24, "Sent Items": 6, "Archive/2024": 1}
    subjects = set()
    for name, content in entries.items():
        assert name.endswith(".eml")
        message = email.message_from_bytes(content, policy=email.policy.default)
        assert message["Message-ID"] and message["Date"] and message.get_content_type() == "text/plain"
        if name.startswith("Sent Items/"):
            assert message["From"] == EMAIL
        elif name.startswith("Inbox/"):
            assert message["To"] == EMAIL
        subjects.add(message["Subject"])
    assert subjects == {f"Generated message {number}" for number in range(1, 31)} | {"Contract"}
    size = workmail.get_mailbox_details(OrganizationId=org_id, UserId="jdoe")["MailboxSize"]
    assert size == http(server, "GET", f"/_emulator/mailboxes?organization_id={org_id}&entity=jdoe")["mailbox_size_mb"] > 0
    calls = [call["operation"] for call in http(server, "GET", "/_emulator/calls?writes=1")]
    assert calls.count("StartMailboxExportJob") == 1


def test_the_server_takes_the_job_duration_as_an_option():
    running = RunningServer("--export-job-duration", "0")
    try:
        assert http(running, "GET", "/_emulator/config")["export_job_duration"] == 0.0
        org_id, _user_id = organization_with_content(running)
        target = export_target(lambda service: running.client(service=service))
        workmail = running.client()
        job_id = workmail.start_mailbox_export_job(OrganizationId=org_id, EntityId="jdoe", **target)["JobId"]
        assert workmail.describe_mailbox_export_job(OrganizationId=org_id, JobId=job_id)["State"] == "COMPLETED"
        assert len(read_zip(running.client(service="s3"), "exports", f"workmail/{job_id}.zip")[0]) == 31
    finally:
        assert running.stop() == 0
