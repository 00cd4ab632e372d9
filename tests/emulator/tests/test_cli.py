"""End to end with the AWS CLI against a running emulator."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

AWS = str(Path(sys.executable).with_name("aws"))


@pytest.fixture
def aws(server, tmp_path):
    """Return a function that runs ``aws workmail ...`` against the server and returns the completed process."""
    empty = tmp_path / "empty"
    empty.write_text("")
    environment = {name: value for name, value in os.environ.items() if not name.startswith("AWS_")}
    environment.update(AWS_ACCESS_KEY_ID="AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY="fake-secret",
                       AWS_CONFIG_FILE=str(empty), AWS_SHARED_CREDENTIALS_FILE=str(empty), AWS_PAGER="")

    def run(*arguments):
        command = [AWS, "workmail", *arguments, "--endpoint-url", server.url, "--region", "us-east-1", "--output", "json"]
        return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120, check=False)

    return run


def output(result):
    """Return the JSON a successful CLI call printed."""
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout) if result.stdout.strip() else {}


def test_onboarding_flow(aws):
    org_id = output(aws("create-organization", "--alias", "cli-corp"))["OrganizationId"]
    for _attempt in range(100):
        state = output(aws("describe-organization", "--organization-id", org_id))["State"]
        if state == "Active":
            break
        assert state in ("Requested", "Creating")
        time.sleep(0.2)
    assert state == "Active"
    user_id = output(aws("create-user", "--organization-id", org_id, "--name", "jdoe", "--display-name", "John Doe",
                         "--password", "Corr3ct-horse-battery"))["UserId"]
    output(aws("register-to-work-mail", "--organization-id", org_id, "--entity-id", user_id, "--email", "jdoe@cli-corp.awsapps.com"))
    users = output(aws("list-users", "--organization-id", org_id))["Users"]
    assert [(user["Name"], user["State"], user["Email"]) for user in users] == [("jdoe", "ENABLED", "jdoe@cli-corp.awsapps.com")]
    output(aws("create-alias", "--organization-id", org_id, "--entity-id", user_id, "--alias", "john@cli-corp.awsapps.com"))
    assert output(aws("list-aliases", "--organization-id", org_id, "--entity-id", user_id))["Aliases"] == ["john@cli-corp.awsapps.com"]

    invalid = aws("list-users", "--organization-id", org_id, "--max-results", "1000")
    assert invalid.returncode == 255  # AWS CLI v1: a service error
    assert "InvalidParameterException" in invalid.stderr and "maxResults" in invalid.stderr
    missing = aws("describe-user", "--organization-id", org_id, "--user-id", "nobody")
    assert missing.returncode == 255 and "EntityNotFoundException" in missing.stderr
