"""WorkMail errors as the service returns them: HTTP 400 and a JSON body with ``__type``."""

from . import config


class WorkMailError(Exception):
    """An error the emulator returns to the caller.

    ``code`` is the exact ``__type`` of the response body (a modeled exception
    name such as ``EntityNotFoundException`` or a common error such as ``InvalidAction``).
    """

    status = 400

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message

    def body(self):
        """Return the JSON body of the error response."""
        return {"__type": self.code, "Message": self.message}


def _error_class(code):
    """Make the exception class for one error code; its constructor takes the message only."""

    def __init__(self, message):
        WorkMailError.__init__(self, code, message)

    return type(code, (WorkMailError,), {"__init__": __init__, "__doc__": f"The ``{code}`` error."})


DirectoryInUseException = _error_class("DirectoryInUseException")
EmailAddressInUseException = _error_class("EmailAddressInUseException")
EntityAlreadyRegisteredException = _error_class("EntityAlreadyRegisteredException")
EntityNotFoundException = _error_class("EntityNotFoundException")
EntityStateException = _error_class("EntityStateException")
InvalidConfigurationException = _error_class("InvalidConfigurationException")
InvalidParameterException = _error_class("InvalidParameterException")
InvalidPasswordException = _error_class("InvalidPasswordException")
LimitExceededException = _error_class("LimitExceededException")
MailDomainInUseException = _error_class("MailDomainInUseException")
MailDomainNotFoundException = _error_class("MailDomainNotFoundException")
MailDomainStateException = _error_class("MailDomainStateException")
NameAvailabilityException = _error_class("NameAvailabilityException")
OrganizationNotFoundException = _error_class("OrganizationNotFoundException")
OrganizationStateException = _error_class("OrganizationStateException")
ReservedNameException = _error_class("ReservedNameException")
ResourceNotFoundException = _error_class("ResourceNotFoundException")
TooManyTagsException = _error_class("TooManyTagsException")
InvalidAction = _error_class("InvalidAction")
SerializationException = _error_class("SerializationException")


def validation_error(message):
    """Return the error for a request that breaks a constraint of the service model.

    Its code is the ``validation_error_code`` setting (``InvalidParameterException`` by default).
    """
    return WorkMailError(config.get("validation_error_code"), message)
