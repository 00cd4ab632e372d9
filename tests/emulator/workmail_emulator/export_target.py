"""Where a mailbox export goes: the role, bucket and KMS key, looked up in moto's own IAM, S3 and KMS.

The emulator runs inside moto, so the resources a StartMailboxExportJob names
are read from moto's backends in process (the same ones a boto3 client of the
server, or of ``moto.mock_aws()``, creates them in), and the export's ZIP is
written there, visible to any S3 client. Everything is looked up in the
organization's account and Region.

What the service checks where (see the README's documented-vs-chosen table):

* at the call, WorkMail assumes the role: a role ARN of another account, a
  role that does not exist, or one whose trust policy does not let
  ``export.workmail.amazonaws.com`` assume it (``aws:SourceAccount`` and
  ``aws:SourceArn`` in the context) is InvalidParameterException, as is a KMS
  key ARN of another Region (the administrator guide: organization, key and
  bucket in one Region);
* the job then works with the role's permissions: when it starts, and again
  when it writes the object, it needs the bucket (in the organization's
  account and Region, not public), s3:GetBucketPolicyStatus on the bucket,
  the key (existing, Enabled, symmetric), kms:GenerateDataKey and kms:Decrypt
  on it, and s3:PutObject on the object. The first that fails fails the job,
  with ErrorInfo saying which.
"""

from moto.backends import get_backend
from moto.utilities.utils import get_partition

from . import iam_policy

EXPORT_PRINCIPAL = "export.workmail.amazonaws.com"
ZIP_CONTENT_TYPE = "application/zip"
_PUBLIC_GRANTEES = ("http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers")


class TargetError(Exception):
    """A resource the export needs is missing or refuses it; the message says which and why."""


def _arn_parts(arn):
    """Return ``(service, region, account, resource)`` of an ARN (empty strings for what it lacks)."""
    parts = arn.split(":", 5)
    parts += [""] * (6 - len(parts))
    return parts[2], parts[3], parts[4], parts[5]


def object_key(prefix, job_id):
    """Return the S3 key an export job writes: ``PREFIX/<job id>.zip``."""
    return f"{prefix.rstrip('/')}/{job_id}.zip" if prefix.strip("/") else f"{job_id}.zip"


class Target:
    """The role, bucket and key of one export, in the account and Region of one organization."""

    def __init__(self, account_id, region, organization_arn, role_arn, kms_key_arn, bucket, key):
        self.account_id, self.region, self.organization_arn = account_id, region, organization_arn
        self.role_arn, self.kms_key_arn, self.bucket_name, self.key = role_arn, kms_key_arn, bucket, key
        self.partition = get_partition(region)

    # Checks made at the call -----------------------------------------------------------------------

    def check_request(self):
        """Raise TargetError when the call itself is refused: a role WorkMail cannot assume, a key in another Region."""
        _service, key_region, _account, _resource = _arn_parts(self.kms_key_arn)
        if key_region != self.region:
            raise TargetError(f"The KMS key {self.kms_key_arn} is not in the organization's Region {self.region}; "
                              "the organization, the key and the bucket must be in one Region")
        self.role()

    def role(self):
        """Return the moto IAM role WorkMail assumes, or raise TargetError."""
        _service, _region, account, _resource = _arn_parts(self.role_arn)
        if account != self.account_id:
            raise TargetError(f"Amazon WorkMail cannot assume the role {self.role_arn}: it is not a role of account {self.account_id}")
        iam = get_backend("iam")[self.account_id][self.partition]
        role = next((candidate for candidate in iam.roles.values() if candidate.arn == self.role_arn), None)
        if role is None:
            raise TargetError(f"Amazon WorkMail cannot assume the role {self.role_arn}: the role does not exist")
        context = {"aws:SourceAccount": self.account_id, "aws:SourceArn": self.organization_arn}
        if iam_policy.decide([role.assume_role_policy_document], "sts:AssumeRole", context=context,
                             service=EXPORT_PRINCIPAL) != iam_policy.ALLOW:
            raise TargetError(f"Amazon WorkMail cannot assume the role {self.role_arn}: its trust policy does not allow "
                              f"{EXPORT_PRINCIPAL} to call sts:AssumeRole")
        return role

    # Checks made by the job ------------------------------------------------------------------------

    def _permission_documents(self, role):
        iam = get_backend("iam")[self.account_id][self.partition]
        documents = list(role.policies.values())
        for policy in role.managed_policies.values():
            documents += [version.document for version in policy.versions if version.is_default]
        boundary = None
        if role.permissions_boundary_arn:
            managed = iam.managed_policies.get(role.permissions_boundary_arn)
            boundary = [version.document for version in managed.versions if version.is_default] if managed else []
        return documents, boundary

    def _require(self, role, action, resource, context):
        documents, boundary = self._permission_documents(role)
        context = {"aws:PrincipalAccount": self.account_id, "aws:PrincipalArn": self.role_arn,
                   "aws:RequestedRegion": self.region, "aws:SecureTransport": "true", **context}
        allowed = iam_policy.decide(documents, action, resource, context) == iam_policy.ALLOW
        if allowed and boundary is not None:
            allowed = iam_policy.decide(boundary, action, resource, context) == iam_policy.ALLOW
        if not allowed:
            raise TargetError(f"Access denied: the role {self.role_arn} is not allowed to perform {action} on {resource}")

    def bucket(self):
        """Return the moto S3 bucket, or raise TargetError."""
        s3 = get_backend("s3")[self.account_id][self.partition]
        bucket = s3.buckets.get(self.bucket_name)
        if bucket is None:
            raise TargetError(f"The S3 bucket {self.bucket_name} does not exist in account {self.account_id}")
        if bucket.region_name != self.region:
            raise TargetError(f"The S3 bucket {self.bucket_name} is in {bucket.region_name}, not in the organization's Region "
                              f"{self.region}; the organization, the key and the bucket must be in one Region")
        return bucket

    @staticmethod
    def _is_public(bucket):
        if bucket.policy and iam_policy.is_public(bucket.policy.decode("utf-8", "replace")):
            return True
        block = bucket.public_access_block
        if block is not None and block.ignore_public_acls:
            return False
        grants = bucket.acl.grants if bucket.acl else []
        return any(grantee.uri in _PUBLIC_GRANTEES for grant in grants for grantee in grant.grantees)

    def kms_key(self):
        """Return the moto KMS key (the key ARN or an alias ARN), or raise TargetError."""
        _service, region, account, resource = _arn_parts(self.kms_key_arn)
        kms = get_backend("kms")[self.account_id][self.region]
        key = None
        if account == self.account_id and region == self.region:
            if resource.startswith("alias/"):
                key_id = next((key.id for key in kms.keys.values() if resource in key.aliases), None)
            else:
                key_id = resource.partition("key/")[2] if resource.startswith("key/") else None
            key = kms.keys.get(key_id) if key_id else None
        if key is None:
            raise TargetError(f"The KMS key {self.kms_key_arn} does not exist in account {self.account_id} and Region {self.region}")
        if key.key_state != "Enabled":
            raise TargetError(f"The KMS key {self.kms_key_arn} cannot be used: its state is {key.key_state}")
        if key.key_spec != "SYMMETRIC_DEFAULT" or (key.key_usage or "ENCRYPT_DECRYPT") != "ENCRYPT_DECRYPT":
            raise TargetError(f"The KMS key {self.kms_key_arn} is not a symmetric encryption key ({key.key_spec}, {key.key_usage})")
        return key

    def check_job(self):
        """Make every check the job makes with the role's permissions; return the KMS key, or raise TargetError."""
        role = self.role()
        bucket = self.bucket()
        bucket_arn = f"arn:{self.partition}:s3:::{self.bucket_name}"
        object_arn = f"{bucket_arn}/{self.key}"
        self._require(role, "s3:GetBucketPolicyStatus", bucket_arn, {"s3:ResourceAccount": self.account_id})
        if self._is_public(bucket):
            raise TargetError(f"The S3 bucket {self.bucket_name} allows public access; "
                              "mailbox exports go only to buckets that block public access")
        key = self.kms_key()
        via_s3 = {"kms:ViaService": f"s3.{self.region}.amazonaws.com", "kms:CallerAccount": self.account_id,
                  "kms:EncryptionContext:aws:s3:arn": object_arn, "kms:EncryptionContextKeys": ["aws:s3:arn"]}
        for action in ("kms:GenerateDataKey", "kms:Decrypt"):
            self._require(role, action, key.arn, via_s3)
        self._require(role, "s3:PutObject", object_arn,
                      {"s3:ResourceAccount": self.account_id, "s3:x-amz-server-side-encryption": "aws:kms",
                       "s3:x-amz-server-side-encryption-aws-kms-key-id": key.arn})
        return key

    def write(self, body):
        """Check again, then write ``body`` as the export's object, encrypted with the key (SSE-KMS); raise TargetError."""
        key = self.check_job()
        s3 = get_backend("s3")[self.account_id][self.partition]
        written = s3.put_object(self.bucket_name, self.key, body, encryption="aws:kms", kms_key_id=key.arn)
        written.set_metadata({"Content-Type": ZIP_CONTENT_TYPE})
