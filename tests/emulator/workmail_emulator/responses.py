"""The HTTP face of the backend: AWS JSON 1.1 requests in, JSON responses out, every call logged."""

import json
import uuid

from moto.core.responses import BaseResponse

from . import fault_injection
from .call_log import CALL_LOG
from .errors import InvalidAction, SerializationException, WorkMailError
from .models import workmail_backends

TARGET_PREFIX = "WorkMailService."
CONTENT_TYPE = "application/x-amz-json-1.1"


class WorkMailResponse(BaseResponse):
    """Answers one WorkMail request (moto builds one instance per request)."""

    def __init__(self):
        super().__init__(service_name="workmail")

    def call_action(self):
        """Run the operation named by ``X-Amz-Target`` and return ``(status, headers, body)``.

        While fault rules are set, the call goes through the fault they decide
        (:mod:`workmail_emulator.fault_injection`); a request that is not
        routed to an operation (bad target, body or Region) is never faulted.
        """
        target = self.headers.get("X-Amz-Target") or ""
        operation = target[len(TARGET_PREFIX):] if target.startswith(TARGET_PREFIX) else target
        params, result, error, call = None, None, None, None
        try:
            if not target.startswith(TARGET_PREFIX):
                raise InvalidAction(f"Missing or unknown X-Amz-Target {target!r}; expected {TARGET_PREFIX}<Operation>")
            params = self._params()
            if self.region not in workmail_backends[self.current_account]:
                raise InvalidAction(f"WorkMail is not available in Region {self.region}")
            backend = workmail_backends[self.current_account][self.region]
            if fault_injection.FAULTS.rules:
                call = fault_injection.decide(operation)
                result = call.run(backend.handle, operation, params)
            else:
                result = backend.handle(operation, params)
        except WorkMailError as failure:
            error = failure
        if call is not None:
            result, error = call.outcome(result, error)
        status = error.status if error else 200
        body = error.body() if error else result
        CALL_LOG.record(operation, status, params, body, error=error, account_id=self.current_account, region=self.region, call=call)
        headers = {"Content-Type": CONTENT_TYPE, "x-amzn-RequestId": str(uuid.uuid4()), **self.response_headers}
        if call is not None:
            headers.update(call.headers())
            call.delay()
        return status, headers, json.dumps(body)

    def _params(self):
        """Return the request body as a JSON object, or raise SerializationException."""
        try:
            params = json.loads(self.body or "{}")
        except ValueError as failure:
            raise SerializationException(f"The request body is not valid JSON: {failure}")
        if not isinstance(params, dict):
            raise SerializationException("The request body must be a JSON object")
        return params
