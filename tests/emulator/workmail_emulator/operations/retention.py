"""The organization's retention policy (one per organization)."""

import uuid

from ..errors import EntityNotFoundException, LimitExceededException
from ..records import RetentionPolicy, compact
from ..registry import operation


@operation("PutRetentionPolicy")
def put_retention_policy(req):
    """Create the policy (no Id, or a new Id) or replace it (its Id); a second policy is refused."""
    org, policy_id = req.org, req.get("Id")
    current = org.retention_policy
    if current is not None and policy_id != current.id:
        raise LimitExceededException(f"Organization {org.id} already has retention policy {current.id}; pass its Id to update it")
    folders = [compact(Name=folder["Name"], Action=folder["Action"], Period=folder.get("Period")) for folder in req["FolderConfigurations"]]
    org.retention_policy = RetentionPolicy(policy_id or str(uuid.uuid4()), req["Name"], req.get("Description"), folders)
    return {}


@operation("GetDefaultRetentionPolicy")
def get_default_retention_policy(req):
    """Return the policy, or raise EntityNotFoundException when there is none."""
    if req.org.retention_policy is None:
        raise EntityNotFoundException(f"Organization {req.org.id} has no retention policy")
    return req.org.retention_policy.describe()


@operation("DeleteRetentionPolicy")
def delete_retention_policy(req):
    """Delete the policy with this Id; an unknown Id is not an error."""
    if req.org.retention_policy is not None and req.org.retention_policy.id == req["Id"]:
        req.org.retention_policy = None
    return {}
