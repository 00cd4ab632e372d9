"""Users: profile, password and mailbox."""

import uuid

from ..errors import EntityNotFoundException, EntityStateException, InvalidPasswordException
from ..mailboxes import mailbox_size_mb
from ..records import DELETED, ENABLED, USER, USER_PROFILE_MEMBERS, User
from ..registry import operation
from .entities import check_new_name, prefix_filtered, require, require_enabled, require_not_deleted

USERS = (USER,)
# The documented policy of the WorkMail directory (administrator guide, "password policies"):
# 8 to 63 characters (Basic Latin or Latin-1, which the model's pattern ensures), from at
# least 3 of 5 groups.
MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH = 8, 63
_CHARACTER_GROUPS = (
    lambda c: "A" <= c <= "Z",
    lambda c: "a" <= c <= "z",
    lambda c: "0" <= c <= "9",
    lambda c: " " <= c <= "~" and not c.isalnum(),
    lambda c: "\x80" <= c <= "\xff",
)
_USER_FILTERS = {
    "UsernamePrefix": lambda user: user.name,
    "DisplayNamePrefix": lambda user: user.profile.get("DisplayName"),
    "PrimaryEmailPrefix": lambda user: user.email,
    "State": lambda user: user.state,
    "IdentityProviderUserIdPrefix": lambda user: user.identity_provider_user_id,
}


def check_password(password):
    """Apply the WorkMail directory's password policy: 8 to 63 characters from at least 3 of the 5 groups."""
    groups = sum(1 for in_group in _CHARACTER_GROUPS if any(in_group(character) for character in password))
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH or groups < 3:
        raise InvalidPasswordException(
            f"The password must have {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters and contain 3 of: "
            "uppercase letters, lowercase letters, digits, special characters, Latin-1 supplement characters")


@operation("CreateUser")
def create_user(req):
    """Create a DISABLED user; RegisterToWorkMail enables it."""
    org, name, password = req.org, req["Name"], req.get("Password")
    if password is not None:
        check_password(password)
    check_new_name(org, name)
    user = User(id=str(uuid.uuid4()), name=name, role=req.get("Role", "USER"), hidden=req.get("HiddenFromGlobalAddressList", False),
                identity_provider_user_id=req.get("IdentityProviderUserId"),
                profile={member: req[member] for member in ("DisplayName", "FirstName", "LastName") if req.get(member)})
    if password is not None:
        user.set_password(password)
    org.add_entity(user)
    return {"UserId": user.id}


@operation("DescribeUser")
def describe_user(req):
    """Describe a user in any state; unset attributes are omitted."""
    return require(req, "UserId", USERS).describe()


@operation("ListUsers")
def list_users(req):
    """List users in creation order, DELETED ones included (filter on State to leave them out)."""
    users = prefix_filtered(req.org.users.values(), req.get("Filters", {}), _USER_FILTERS)
    return req.paginate("Users", users, User.summary)


@operation("UpdateUser")
def update_user(req):
    """Change the attributes given: an omitted member is left alone, an empty string clears it."""
    user = require(req, "UserId", USERS)
    require_not_deleted(user)
    for member in USER_PROFILE_MEMBERS:
        value = req.get(member)
        if value == "":
            user.profile.pop(member, None)
        elif value is not None:
            user.profile[member] = value
    if req.get("HiddenFromGlobalAddressList") is not None:
        user.hidden = req["HiddenFromGlobalAddressList"]
    user.role = req.get("Role", user.role)
    if req.get("IdentityProviderUserId") is not None:
        user.identity_provider_user_id = req["IdentityProviderUserId"] or None
    return {}


@operation("DeleteUser")
def delete_user(req):
    """Delete a DISABLED user; a missing or already deleted user is not an error."""
    user = req.org.find(req["UserId"], USERS, by_email=False)
    if user is None or user.state == DELETED:
        return {}
    if user.state == ENABLED:
        raise EntityStateException(f"User {user.id} is enabled; deregister it from WorkMail before deleting it")
    req.org.mark_deleted(user)
    return {}


@operation("ResetPassword")
def reset_password(req):
    """Set a new password for a user that is not deleted."""
    user = require(req, "UserId", USERS, by_email=False, by_name=False)
    require_not_deleted(user)
    check_password(req["Password"])
    user.set_password(req["Password"])
    return {}


@operation("UpdateMailboxQuota")
def update_mailbox_quota(req):
    """Set the mailbox quota (MB) of an enabled user."""
    user = require(req, "UserId", USERS)
    require_enabled(user)
    user.mailbox_quota = req["MailboxQuota"]
    return {}


@operation("GetMailboxDetails")
def get_mailbox_details(req):
    """Return the quota and size (MB) of a user's mailbox; a disabled user keeps its quota and its content."""
    user = require(req, "UserId", USERS)
    if user.state == DELETED:
        raise EntityNotFoundException(f"User {user.id} is deleted and has no mailbox")
    return {"MailboxQuota": user.mailbox_quota, "MailboxSize": mailbox_size_mb(req.org.mailboxes.get(user.id))}
