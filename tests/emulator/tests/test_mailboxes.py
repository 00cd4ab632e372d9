"""Mailbox content: the in-process helpers, the /_emulator/mailboxes endpoint, and the size GetMailboxDetails reports."""

import json
import urllib.error
import urllib.request

import pytest
from support import TEST_DOMAIN, new_group, new_user, raises_code

import workmail_emulator
from workmail_emulator import MailboxContentError

EMAIL = f"jdoe@{TEST_DOMAIN}"
MB = 1024 * 1024


@pytest.fixture
def jdoe(workmail_client, workmail_org):
    """An enabled user jdoe; returns its ID."""
    return new_user(workmail_client, workmail_org, "jdoe", EMAIL)


def size_mb(workmail_client, org_id, user="jdoe"):
    return workmail_client.get_mailbox_details(OrganizationId=org_id, UserId=user)["MailboxSize"]


def test_explicit_messages_are_counted_per_folder_and_sized(workmail_client, workmail_org, jdoe):
    assert size_mb(workmail_client, workmail_org) == 0.0
    assert workmail_emulator.mailbox_summary(workmail_org, "jdoe") == {
        "organization_id": workmail_org, "entity_id": jdoe, "folders": {}, "items": 0, "size_bytes": 0, "mailbox_size_mb": 0.0}
    added = workmail_emulator.add_messages(workmail_org, EMAIL, messages=[
        {"folder": "Inbox", "from": "ann@example.com", "to": EMAIL, "subject": "Hello", "body": "Hi John", "date": "2026-01-05T09:30:00Z"},
        {"folder": "Inbox", "subject": "Second"},
        {"folder": "Projects/Apollo", "from": EMAIL, "to": ["ann@example.com", "bob@example.com"], "subject": "Plan"},
    ])
    assert added["added"] == 3 and added["entity_id"] == jdoe
    assert added["folders"] == {"Inbox": 2, "Projects/Apollo": 1} and added["items"] == 3
    assert added["size_bytes"] > 0 and added["mailbox_size_mb"] == added["size_bytes"] / MB
    assert size_mb(workmail_client, workmail_org) == added["mailbox_size_mb"]
    assert workmail_emulator.mailbox_summary(workmail_org, jdoe) == {key: value for key, value in added.items() if key != "added"}


def test_generated_messages_and_the_size_grows_with_them(workmail_client, workmail_org, jdoe):
    first = workmail_emulator.add_messages(workmail_org, "jdoe", generate=10)
    assert first["folders"] == {"Inbox": 8, "Sent Items": 2} and first["added"] == 10
    second = workmail_emulator.add_messages(workmail_org, "jdoe", generate=5)
    assert second["folders"] == {"Inbox": 12, "Sent Items": 3} and second["items"] == 15
    assert second["size_bytes"] > first["size_bytes"]
    assert size_mb(workmail_client, workmail_org) == second["size_bytes"] / MB
    assert size_mb(workmail_client, workmail_org, jdoe) == size_mb(workmail_client, workmail_org, EMAIL)


def test_item_types_default_to_their_folders(workmail_client, workmail_org, jdoe):
    added = workmail_emulator.add_messages(workmail_org, "jdoe", messages=[
        {"subject": "mail"}, {"type": "calendar", "subject": "Meeting"}, {"type": "contact", "subject": "Ann Example"},
        {"type": "task", "subject": "Renew the domain"}])
    assert added["folders"] == {"Inbox": 1, "Calendar": 1, "Contacts": 1, "Tasks": 1}


def test_the_quota_bounds_the_content_and_a_refused_request_adds_nothing(workmail_client, workmail_org, jdoe):
    workmail_client.update_mailbox_quota(OrganizationId=workmail_org, UserId=jdoe, MailboxQuota=1)
    with pytest.raises(MailboxContentError) as info:
        workmail_emulator.add_messages(workmail_org, "jdoe", messages=[{"body": "x" * MB}])
    assert info.value.status == 409 and "quota of 1 MB" in str(info.value)
    with pytest.raises(MailboxContentError) as info:
        workmail_emulator.add_messages(workmail_org, "jdoe", messages=[{"subject": "fine"}, {"date": "yesterday"}])
    assert info.value.status == 400
    assert workmail_emulator.mailbox_summary(workmail_org, "jdoe")["items"] == 0
    assert size_mb(workmail_client, workmail_org) == 0.0


@pytest.mark.parametrize("kwargs, message", [
    ({}, "either 'messages'"),
    ({"messages": [{}], "generate": 1}, "not both"),
    ({"messages": []}, "'messages' must be a list of 1 to 10000"),
    ({"messages": "hello"}, "'messages' must be a list"),
    ({"generate": 0}, "'generate' must be an integer from 1 to 100000"),
    ({"generate": True}, "'generate'"),
    ({"generate": "5"}, "'generate'"),
    ({"messages": ["text"]}, "message 1: must be a JSON object"),
    ({"messages": [{"subjet": "typo"}]}, "message 1: unknown field 'subjet'"),
    ({"messages": [{}, {"type": "note"}]}, "message 2: 'type' must be one of email, calendar, contact, task"),
    ({"messages": [{"folder": ""}]}, "'folder'"),
    ({"messages": [{"folder": "Inbox/../../etc"}]}, "'folder'"),
    ({"messages": [{"folder": "/Inbox"}]}, "'folder'"),
    ({"messages": [{"folder": "In\nbox"}]}, "'folder'"),
    ({"messages": [{"subject": 5}]}, "'subject' must be a string"),
    ({"messages": [{"to": []}]}, "'to'"),
    ({"messages": [{"date": "05/01/2026"}]}, "'date' must be an ISO 8601"),
    ({"messages": [{"subject": "Hi\r\nBcc: all@example.com"}]}, "message 1:"),
])
def test_bad_requests_are_refused(workmail_client, workmail_org, jdoe, kwargs, message):
    with pytest.raises(MailboxContentError) as info:
        workmail_emulator.add_messages(workmail_org, "jdoe", **kwargs)
    assert info.value.status == 400 and message in str(info.value)
    assert isinstance(info.value, ValueError)


def test_unknown_organization_and_entities(workmail_client, workmail_org, jdoe):
    new_group(workmail_client, workmail_org, "sales", f"sales@{TEST_DOMAIN}")
    for organization_id, entity in (("m-" + "0" * 32, "jdoe"), (workmail_org, "nobody"), (workmail_org, "sales")):
        for call in (lambda: workmail_emulator.add_messages(organization_id, entity, generate=1),
                     lambda: workmail_emulator.mailbox_summary(organization_id, entity)):
            with pytest.raises(MailboxContentError) as info:
                call()
            assert info.value.status == 404


def test_a_disabled_user_keeps_its_content_but_receives_none(workmail_client, workmail_org, jdoe):
    size = workmail_emulator.add_messages(workmail_org, "jdoe", generate=3)["size_bytes"]
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=jdoe)
    with pytest.raises(MailboxContentError) as info:
        workmail_emulator.add_messages(workmail_org, "jdoe", generate=1)
    assert info.value.status == 409 and "DISABLED" in str(info.value)
    assert workmail_emulator.mailbox_summary(workmail_org, "jdoe")["size_bytes"] == size
    assert size_mb(workmail_client, workmail_org, jdoe) == size / MB


def test_a_deleted_user_has_no_mailbox(workmail_client, workmail_org, jdoe):
    workmail_emulator.add_messages(workmail_org, "jdoe", generate=3)
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=jdoe)
    workmail_client.delete_user(OrganizationId=workmail_org, UserId=jdoe)
    with pytest.raises(MailboxContentError) as info:
        workmail_emulator.mailbox_summary(workmail_org, jdoe)
    assert info.value.status == 404
    with raises_code("EntityNotFoundException"):
        workmail_client.get_mailbox_details(OrganizationId=workmail_org, UserId=jdoe)
    new_user(workmail_client, workmail_org, "jdoe", EMAIL)
    assert size_mb(workmail_client, workmail_org) == 0.0


def test_a_room_mailbox_holds_content_and_a_disabled_room_receives_none(workmail_client, workmail_org):
    room_email = f"room1@{TEST_DOMAIN}"
    room = workmail_client.create_resource(OrganizationId=workmail_org, Name="room1", Type="ROOM")["ResourceId"]
    workmail_client.register_to_work_mail(OrganizationId=workmail_org, EntityId=room, Email=room_email)
    added = workmail_emulator.add_messages(workmail_org, "room1", messages=[{"type": "calendar", "subject": "Board meeting"}])
    assert (added["entity_id"], added["added"], added["folders"]) == (room, 1, {"Calendar": 1})
    workmail_emulator.add_messages(workmail_org, room_email.upper(), generate=2)
    summary = workmail_emulator.mailbox_summary(workmail_org, room)
    assert summary["folders"] == {"Calendar": 1, "Inbox": 2} and summary["items"] == 3 and summary["size_bytes"] > 0
    workmail_client.deregister_from_work_mail(OrganizationId=workmail_org, EntityId=room)
    with pytest.raises(MailboxContentError) as info:
        workmail_emulator.add_messages(workmail_org, room, generate=1)
    assert info.value.status == 409 and str(info.value).startswith("resource room1 is DISABLED")
    assert workmail_emulator.mailbox_summary(workmail_org, room) == summary


def test_an_organization_that_is_not_active(workmail_client):
    workmail_emulator.configure(org_ready_delay=60)
    org_id = workmail_client.create_organization(Alias="young")["OrganizationId"]
    with pytest.raises(MailboxContentError) as info:
        workmail_emulator.add_messages(org_id, "jdoe", generate=1)
    assert info.value.status == 409 and "Requested" in str(info.value)


# Over HTTP ---------------------------------------------------------------------------------------

def http(server, method, path, body=None):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(server.url + path, data=data, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as failure:
        with failure:
            return failure.code, json.loads(failure.read())


@pytest.fixture
def live(server):
    """The module's server, reset, with an Active organization and the enabled user jdoe; yields (server, org ID, user ID)."""
    assert http(server, "POST", "/moto-api/reset")[0] == 200
    client = server.client()
    org_id = client.create_organization(Alias="example-corp")["OrganizationId"]
    http(server, "POST", "/_emulator/clock", {"advance": http(server, "GET", "/_emulator/config")[1]["org_ready_delay"]})
    user_id = new_user(client, org_id, "jdoe", EMAIL)
    return server, org_id, user_id


def test_the_endpoint_appends_and_counts(live):
    server, org_id, user_id = live
    status, body = http(server, "POST", "/_emulator/mailboxes", {"organization_id": org_id, "entity": "jdoe", "generate": 5})
    assert status == 200 and body["added"] == 5 and body["folders"] == {"Inbox": 4, "Sent Items": 1}
    status, body = http(server, "POST", "/_emulator/mailboxes", {"organization_id": org_id, "entity": EMAIL, "messages": [
        {"folder": "Archive", "from": "ann@example.com", "to": EMAIL, "subject": "Old", "body": "...", "date": "2024-03-01T08:00:00+01:00"}]})
    assert status == 200 and body["items"] == 6
    status, summary = http(server, "GET", f"/_emulator/mailboxes?organization_id={org_id}&entity={user_id}")
    assert status == 200 and summary == {key: value for key, value in body.items() if key != "added"}
    assert summary["folders"] == {"Inbox": 4, "Sent Items": 1, "Archive": 1}
    assert server.client().get_mailbox_details(OrganizationId=org_id, UserId="jdoe")["MailboxSize"] == summary["mailbox_size_mb"] > 0


def test_the_endpoint_takes_a_resource(live):
    server, org_id, _user_id = live
    client = server.client()
    room = client.create_resource(OrganizationId=org_id, Name="room1", Type="ROOM")["ResourceId"]
    client.register_to_work_mail(OrganizationId=org_id, EntityId=room, Email=f"room1@{TEST_DOMAIN}")
    status, body = http(server, "POST", "/_emulator/mailboxes", {"organization_id": org_id, "entity": "room1", "generate": 5})
    assert status == 200 and body["entity_id"] == room and body["folders"] == {"Inbox": 4, "Sent Items": 1}
    status, summary = http(server, "GET", f"/_emulator/mailboxes?organization_id={org_id}&entity={room}")
    assert status == 200 and summary == {key: value for key, value in body.items() if key != "added"}
    client.deregister_from_work_mail(OrganizationId=org_id, EntityId=room)
    status, body = http(server, "POST", "/_emulator/mailboxes", {"organization_id": org_id, "entity": "room1", "generate": 1})
    assert status == 409 and "DISABLED" in body["error"]


def test_the_endpoint_refuses_bad_requests(live):
    server, org_id, _user_id = live
    mailboxes = "/_emulator/mailboxes"
    assert http(server, "POST", mailboxes, b"not json")[0] == 400
    assert http(server, "POST", mailboxes, [1, 2])[0] == 400
    status, body = http(server, "POST", mailboxes, {"organization_id": org_id, "entity": "jdoe", "generate": 1, "extra": 1})
    assert status == 400 and "unknown field 'extra'" in body["error"]
    status, body = http(server, "POST", mailboxes, {"organization_id": org_id, "entity": "jdoe", "messages": [{"date": "soon"}]})
    assert status == 400 and "'date'" in body["error"]
    assert http(server, "POST", mailboxes, {"organization_id": org_id, "entity": "nobody", "generate": 1})[0] == 404
    assert http(server, "GET", f"{mailboxes}?organization_id={org_id}&entity=nobody")[0] == 404
    assert http(server, "GET", f"{mailboxes}?entity=jdoe")[0] == 400
    assert http(server, "DELETE", mailboxes)[0] == 405
    assert http(server, "GET", f"{mailboxes}?organization_id={org_id}&entity=jdoe")[1]["items"] == 0
