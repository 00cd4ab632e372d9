"""The ``workmail-emulator`` command: moto's server with the WorkMail backend and the ``/_emulator`` endpoints.

Routes:

* WorkMail JSON 1.1 requests (``X-Amz-Target: WorkMailService.*``) go straight
  to the WorkMail backend, signed or not, in any of its Regions;
* ``/_emulator/...`` is answered here (call log, settings, clock, faults, mailbox content, personal access tokens);
* everything else, ``/moto-api/`` included, goes to moto's own dispatcher
  (``POST /moto-api/reset`` clears the fault rules first).
"""

import argparse
import json
import os
import signal
import sys
import threading

from moto.core.request import Request as MotoRequest
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from . import (MailboxContentError, PersonalAccessTokenError, add_messages, add_personal_access_token, advance_clock, calls, clear_calls,
               clear_faults, config, configure, faults, mailbox_summary, set_faults, settings, tokens)
from .responses import WorkMailResponse

BANNER = "workmail-emulator listening on http://{host}:{port}"
# Short enough for a demo, long enough that a client meets the Requested, Creating and PENDING
# states it has to handle against the real service (the demo and the tests that need a domain
# verified at once pass --domain-verification-delay 0).
# A mailbox export job runs 5 seconds, so a client sees it RUNNING with its progress growing.
SERVER_DEFAULTS = {"org_ready_delay": 1.0, "org_delete_delay": 1.0, "domain_verification_delay": 5.0, "export_job_duration": 5.0}


def _json(payload, status=200):
    return Response(json.dumps(payload), status=status, mimetype="application/json")


def _error(status, message):
    return _json({"error": message}, status)


class ServerRequest(MotoRequest):
    """A request as moto's backends expect it when it reached a real WSGI server."""

    from_wsgi_server = True


class EmulatorApp:
    """The WSGI application of the server."""

    def __init__(self):
        self.moto = DomainDispatcherApplication(create_backend_app)
        self.routes = {
            ("GET", "/_emulator/calls"): self.get_calls,
            ("DELETE", "/_emulator/calls"): self.delete_calls,
            ("GET", "/_emulator/config"): self.get_config,
            ("POST", "/_emulator/config"): self.post_config,
            ("GET", "/_emulator/clock"): self.get_clock,
            ("POST", "/_emulator/clock"): self.post_clock,
            ("GET", "/_emulator/faults"): self.get_faults,
            ("POST", "/_emulator/faults"): self.post_faults,
            ("DELETE", "/_emulator/faults"): self.delete_faults,
            ("GET", "/_emulator/mailboxes"): self.get_mailbox,
            ("POST", "/_emulator/mailboxes"): self.post_mailbox,
            ("POST", "/_emulator/personal-access-tokens"): self.post_personal_access_token,
        }

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith("/_emulator/"):
            return self.admin(environ, start_response)
        if environ.get("HTTP_X_AMZ_TARGET", "").startswith("WorkMailService."):
            return self.workmail(environ, start_response)
        if path.rstrip("/") == "/moto-api/reset" and environ.get("REQUEST_METHOD") == "POST":
            clear_faults()
        return self.moto(environ, start_response)

    @staticmethod
    def workmail(environ, start_response):
        """Answer a WorkMail API request; the same handler as in process, without a Flask round trip."""
        status, headers, body = WorkMailResponse.dispatch(ServerRequest(environ))
        return Response(body, status=status, headers=headers)(environ, start_response)

    def admin(self, environ, start_response):
        """Answer an ``/_emulator/...`` request."""
        request = Request(environ)
        handler = self.routes.get((request.method, request.path.rstrip("/")))
        if handler is None:
            allowed = sorted(method for method, path in self.routes if path == request.path.rstrip("/"))
            response = _error(405, f"use {' or '.join(allowed)}") if allowed else _error(404, f"no such endpoint {request.path}")
        else:
            response = handler(request)
        return response(environ, start_response)

    @staticmethod
    def get_calls(request):
        """``GET /_emulator/calls[?writes=1]``: the call log, oldest first."""
        writes_only = request.args.get("writes", "").lower() in ("1", "true", "yes")
        return _json(calls(writes_only=writes_only))

    @staticmethod
    def delete_calls(request):
        """``DELETE /_emulator/calls``: empty the call log."""
        clear_calls()
        return _json({"status": "ok"})

    @staticmethod
    def get_config(request):
        """``GET /_emulator/config``: the current settings."""
        return _json(settings())

    @staticmethod
    def post_config(request):
        """``POST /_emulator/config`` with a JSON object of settings to change; returns all settings."""
        changes = request.get_json(force=True, silent=True)
        if not isinstance(changes, dict):
            return _error(400, "the body must be a JSON object of settings")
        try:
            return _json(configure(**changes))
        except ValueError as failure:
            return _error(400, str(failure))

    @staticmethod
    def get_clock(request):
        """``GET /_emulator/clock``: the emulator time and how far it was advanced."""
        return _json({"now": config.now(), "offset": config.clock_offset()})

    @staticmethod
    def post_clock(request):
        """``POST /_emulator/clock`` with ``{"advance": seconds}``: let delays elapse without waiting."""
        body = request.get_json(force=True, silent=True)
        try:
            offset = advance_clock(body.get("advance") if isinstance(body, dict) else None)
        except ValueError as failure:
            return _error(400, str(failure))
        return _json({"now": config.now(), "offset": offset})

    @staticmethod
    def get_faults(request):
        """``GET /_emulator/faults``: the fault rules in force, with how many calls each matched and how often it fired."""
        return _json(faults())

    @staticmethod
    def post_faults(request):
        """``POST /_emulator/faults`` with a JSON list of rules: replace the rules; returns them, or 400 naming the bad field."""
        rules = request.get_json(force=True, silent=True)
        if not isinstance(rules, list):
            return _error(400, "the body must be a JSON list of fault rules")
        try:
            return _json(set_faults(rules))
        except ValueError as failure:
            return _error(400, str(failure))

    @staticmethod
    def delete_faults(request):
        """``DELETE /_emulator/faults``: remove every fault rule."""
        return _json({"status": "ok", "removed": clear_faults()})

    @staticmethod
    def get_mailbox(request):
        """``GET /_emulator/mailboxes?organization_id=...&entity=...``: a user's or resource's item count per folder and
        mailbox size."""
        try:
            return _json(mailbox_summary(request.args.get("organization_id"), request.args.get("entity")))
        except MailboxContentError as failure:
            return _error(failure.status, str(failure))

    @staticmethod
    def post_mailbox(request):
        """``POST /_emulator/mailboxes`` with ``{"organization_id", "entity", "messages": [...]}`` or ``"generate": N``: append items."""
        body = request.get_json(force=True, silent=True)
        if not isinstance(body, dict):
            return _error(400, "the body must be a JSON object with organization_id, entity and messages or generate")
        unknown = sorted(set(body) - {"organization_id", "entity", "messages", "generate"})
        if unknown:
            return _error(400, f"unknown field {unknown[0]!r}; the fields are organization_id, entity, messages, generate")
        try:
            return _json(add_messages(body.get("organization_id"), body.get("entity"), messages=body.get("messages"),
                                      generate=body.get("generate")))
        except MailboxContentError as failure:
            return _error(failure.status, str(failure))

    @staticmethod
    def post_personal_access_token(request):
        """``POST /_emulator/personal-access-tokens`` with ``{"organization_id", "user", "name"}`` and optionally ``lifetime_in_days`` or
        ``expires``, and ``scopes``: create a token as the user would; returns its metadata."""
        body = request.get_json(force=True, silent=True)
        if not isinstance(body, dict):
            return _error(400, "the body must be a JSON object with organization_id, user and name")
        unknown = sorted(set(body) - set(tokens.FIELDS))
        if unknown:
            return _error(400, f"unknown field {unknown[0]!r}; the fields are {', '.join(tokens.FIELDS)}")
        try:
            return _json(add_personal_access_token(body.get("organization_id"), body.get("user"), body.get("name"),
                                                   lifetime_in_days=body.get("lifetime_in_days"), expires=body.get("expires"),
                                                   scopes=body.get("scopes")))
        except PersonalAccessTokenError as failure:
            return _error(failure.status, str(failure))


class QuietRequestHandler(MotoRequestHandler):
    """moto's request handler without the access log."""

    def log_request(self, code="-", size="-"):
        """Log nothing."""


def parse_args(argv):
    """Parse the command line."""
    parser = argparse.ArgumentParser(prog="workmail-emulator", description="Serve an in-memory Amazon WorkMail (and moto) over HTTP.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=5000, help="port to listen on; 0 picks a free one (default: 5000)")
    for name, default in SERVER_DEFAULTS.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=float, default=default, metavar="SECONDS",
                            help=f"{name.replace('_', ' ')} in seconds (default: {default:g})")
    parser.add_argument("--log", action="store_true", help="log every HTTP request to stderr")
    return parser.parse_args(argv)


def main(argv=None):
    """Run the server until SIGTERM or SIGINT; return the exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        configure(**{name: getattr(args, name) for name in SERVER_DEFAULTS})
    except ValueError as failure:
        print(f"workmail-emulator: {failure}", file=sys.stderr)
        return 2
    handler = MotoRequestHandler if args.log else QuietRequestHandler
    server = make_server(args.host, args.port, EmulatorApp(), threaded=True, request_handler=handler)
    os.environ.setdefault("MOTO_PORT", str(server.server_port))

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(BANNER.format(host=args.host, port=server.server_port), flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
