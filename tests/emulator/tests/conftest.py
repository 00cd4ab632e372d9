"""Fixtures of the emulator's own tests: the in-process fixtures of the pytest plugin, and a live server."""

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import boto3
import pytest

from workmail_emulator import pytest_plugin

workmail_backend_reset = pytest_plugin.workmail_backend_reset
workmail_client = pytest_plugin.workmail_client
workmail_org = pytest_plugin.workmail_org
workmail_faults = pytest_plugin.workmail_faults

SERVER_COMMAND = str(Path(sys.executable).with_name("workmail-emulator"))


class RunningServer:
    """A ``workmail-emulator`` subprocess listening on a free loopback port."""

    def __init__(self, *options):
        environment = {name: value for name, value in os.environ.items() if not name.startswith("AWS_")}
        self.stderr = tempfile.TemporaryFile(mode="w+")
        self.logged = None
        self.process = subprocess.Popen([SERVER_COMMAND, "--host", "127.0.0.1", "--port", "0", *options],
                                        stdout=subprocess.PIPE, stderr=self.stderr, text=True, env=environment)
        self.banner = self.process.stdout.readline().strip()
        if not self.banner.startswith("workmail-emulator listening on http://127.0.0.1:"):
            self.stop(signal.SIGKILL)
            raise RuntimeError(f"the emulator did not start: {self.banner!r} {self.logged}")
        self.url = self.banner.rsplit(" ", 1)[1]

    def client(self, region="us-east-1", service="workmail"):
        """Return a boto3 client for this server with fake credentials."""
        return boto3.client(service, region_name=region, endpoint_url=self.url,
                            aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="fake-secret")

    def stop(self, signum=signal.SIGTERM):
        """Send ``signum``, keep what the server wrote to stderr in ``logged`` and return the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        code = self.process.wait(timeout=30)
        self.process.stdout.close()
        self.stderr.seek(0)
        self.logged = self.stderr.read()
        self.stderr.close()
        return code


@pytest.fixture(scope="module")
def server():
    """A server shared by the tests of one module, with its default (non-zero) organization delays."""
    running = RunningServer()
    yield running
    running.stop()
