"""What the emulator's own endpoints (``/_emulator/...``) and their in-process twins share."""

from . import config


class EndpointError(ValueError):
    """A request to one of the emulator's own endpoints that cannot be served.

    ``status`` is the HTTP status the endpoint answers with: 400 for a bad field, 404 for
    something unknown, 409 for a state that refuses the request.
    """

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


def live_organization(organization_id, error):
    """Return ``(backend, organization)`` for the ID of an organization of any account and Region
    that has not gone; raise ``error`` (a subclass of :class:`EndpointError`) with 400 or 404."""
    from .models import workmail_backends  # here: models imports this package

    if not isinstance(organization_id, str) or not organization_id:
        raise error(400, "'organization_id' must be an organization ID (m- followed by 32 hex digits)")
    for _account_id, _region, backend in list(workmail_backends.iter_backends()):
        org = backend.organizations.get(organization_id)
        if org is not None and org.visible(config.now()):
            return backend, org
    raise error(404, f"organization {organization_id} does not exist")
