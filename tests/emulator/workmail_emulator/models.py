"""The WorkMail backend: one per account and Region, as moto keeps its backends."""

import threading

from moto.core.base_backend import BackendDict, BaseBackend

from . import config, lag, store
from .call_log import is_write
from .errors import InvalidAction, OrganizationNotFoundException, OrganizationStateException
from .operations import OPERATIONS, exports
from .records import ACTIVE, USER
from .registry import ORG_ACTIVE, Request
from .validation import idempotency_token_member, input_shape, validate_request


class WorkMailBackend(BaseBackend):
    """The in-memory WorkMail of one account in one Region.

    Every operation runs through :meth:`handle`, which validates the request,
    takes the backend's lock, gates on the organization and calls the
    operation's function (see :mod:`workmail_emulator.registry`).
    """

    def __init__(self, region_name, account_id):
        super().__init__(region_name, account_id)
        self.lock = threading.RLock()
        self.organizations = {}
        # Account-level Identity Center applications (ARN -> IdentityCenterApplication); state_lag does not hide them.
        self.identity_center_applications = {}
        self.client_tokens = store.ClientTokens()
        self.lag_windows = []

    def reset(self):
        """Forget everything (moto calls this on ``/moto-api/reset`` and when ``mock_aws`` ends)."""
        with self.lock:
            super().reset()

    def handle(self, operation, params, call=None):
        """Run one WorkMail operation and return its output; raise WorkMailError on failure.

        Validation order: model constraints and cross-field rules, pagination
        token, ClientToken replay, organization existence and state, then the
        operation's own checks. Before the ClientToken replay, the mailbox
        export jobs whose time has come are settled
        (:func:`workmail_emulator.operations.exports.settle`). ``call`` is what the fault rules decided for
        the call (:class:`workmail_emulator.fault_injection.Call`, given only
        while rules are set): with it, the call sees the state that open
        state_lag windows show (:mod:`workmail_emulator.lag`), and opens one
        when its fault is state_lag.
        """
        spec = OPERATIONS.get(operation)
        if spec is None:
            known = "is not implemented by the WorkMail emulator" if input_shape(operation) else "is not a WorkMail operation"
            raise InvalidAction(f"The action {operation} {known}")
        validate_request(operation, params)
        scope = store.token_scope(operation, params)
        start = store.decode_token(scope, params["NextToken"]) if params.get("NextToken") is not None else 0
        page_size = min(params.get("MaxResults") or store.DEFAULT_PAGE_SIZE, spec.page_cap or store.DEFAULT_PAGE_SIZE)
        paging = (start, page_size, scope)
        token_member = idempotency_token_member(operation)
        token = params.get(token_member) if token_member else None
        with self.lock:
            now = config.now()
            self._forget_expired(now)
            exports.settle(self, now)
            if token is not None:
                replayed = self.client_tokens.replay(operation, token, params, now)
                if replayed is not None:
                    return replayed
            lagged_view = lag.view(self, now, call.epoch) if call is not None and self.lag_windows else None
            if lagged_view is not None:
                call.lagged = True
                if not is_write(operation):
                    return self._run(spec, lagged_view, params, now, paging)
                self._run(spec, lagged_view.private_copy(), params, now, paging)
            before = lag.snapshot(self) if call is not None and call.lag_seconds else None
            result = self._run(spec, self, params, now, paging)
            if before is not None:
                lag.hide(self, before, now + call.lag_seconds, call.epoch)
            if token is not None:
                self.client_tokens.remember(operation, token, params, result, now, config.get("client_token_ttl"))
        return result

    def _run(self, spec, state, params, now, paging):
        """Gate and run an operation against ``state``: the backend itself, or a lag View standing in for it."""
        org = self._gate(spec.org, state.organizations, params.get("OrganizationId"), now)
        return spec.func(Request(state, params, org, now, paging))

    @staticmethod
    def _gate(mode, organizations, organization_id, now):
        """Return the organization an operation is scoped to, after the existence and state checks."""
        if mode is None:
            return None
        org = organizations.get(organization_id)
        if org is None or not org.visible(now):
            raise OrganizationNotFoundException(f"Organization {organization_id} does not exist")
        if mode == ORG_ACTIVE:
            state = org.state(now)
            if state != ACTIVE:
                raise OrganizationStateException(f"Organization {organization_id} is {state}, not Active")
        return org

    def _forget_expired(self, now):
        """Drop the Deleted organizations whose retention has passed."""
        for org_id in [org_id for org_id, org in self.organizations.items() if not org.visible(now)]:
            del self.organizations[org_id]

    def settle_exports(self):
        """End the mailbox export jobs whose duration has passed (writing their objects); the clock helpers call this."""
        with self.lock:
            exports.settle(self, config.now())

    def password_matches(self, organization_id, user, password):
        """Test helper: tell whether ``password`` is the current password of ``user`` (ID, name or email)."""
        with self.lock:
            org = self.organizations.get(organization_id)
            found = org.find(user, kinds=(USER,)) if org else None
            return bool(found and found.password_matches(password))


workmail_backends = BackendDict(WorkMailBackend, "workmail")
