"""Organization settings: email monitoring (CloudWatch Logs) and the enforcement of inbound DMARC.

The log group and the role of PutEmailMonitoringConfiguration are looked up in moto's own
CloudWatch Logs and IAM, in the organization's account (the log group also in its Region).
"""

from moto.backends import get_backend

from ..errors import ResourceNotFoundException
from ..records import EmailMonitoring
from ..registry import operation

SERVICE_LINKED_ROLE = "role/aws-service-role/events.workmail.amazonaws.com/AWSServiceRoleForAmazonWorkMailEvents"


def _check_log_group(req, log_group_arn):
    """Raise ResourceNotFoundException unless the log group exists in moto's Logs, in the organization's account and Region."""
    _arn, partition, _service, region, account, rest = log_group_arn.split(":", 5)
    name = rest[len("log-group:"):-len(":*")]
    if (account, region) != (req.backend.account_id, req.backend.region_name) or name not in get_backend("logs")[account][region].groups:
        raise ResourceNotFoundException(f"Log group {log_group_arn} does not exist in account {req.backend.account_id}, "
                                        f"Region {req.backend.region_name}")
    return partition


def _check_role(req, role_arn, partition):
    """Raise ResourceNotFoundException unless the role exists in moto's IAM, in the organization's account."""
    iam = get_backend("iam")[req.backend.account_id][partition]
    if not any(role.arn == role_arn for role in iam.roles.values()):
        raise ResourceNotFoundException(f"Role {role_arn} does not exist in account {req.backend.account_id}")


@operation("PutEmailMonitoringConfiguration")
def put_email_monitoring_configuration(req):
    """Create or replace the configuration; without RoleArn, WorkMail's service-linked role (not looked up) is used."""
    log_group_arn = req["LogGroupArn"]
    partition = _check_log_group(req, log_group_arn)
    role_arn = req.get("RoleArn")
    if role_arn is None:
        role_arn = f"arn:{partition}:iam::{req.backend.account_id}:{SERVICE_LINKED_ROLE}"
    else:
        _check_role(req, role_arn, partition)
    req.org.email_monitoring = EmailMonitoring(log_group_arn, role_arn)
    return {}


@operation("DescribeEmailMonitoringConfiguration")
def describe_email_monitoring_configuration(req):
    """Return the configuration, or raise ResourceNotFoundException when there is none."""
    if req.org.email_monitoring is None:
        raise ResourceNotFoundException(f"Organization {req.org.id} has no email monitoring configuration")
    return req.org.email_monitoring.describe()


@operation("DeleteEmailMonitoringConfiguration")
def delete_email_monitoring_configuration(req):
    """Remove the configuration; none is not an error."""
    req.org.email_monitoring = None
    return {}


@operation("PutInboundDmarcSettings")
def put_inbound_dmarc_settings(req):
    """Turn the enforcement of senders' DMARC policies on inbound mail on or off."""
    req.org.inbound_dmarc_enforced = req["Enforced"]
    return {}


@operation("DescribeInboundDmarcSettings")
def describe_inbound_dmarc_settings(req):
    """Return whether inbound DMARC is enforced (a new organization: the ``inbound_dmarc_default`` setting, false)."""
    return {"Enforced": req.org.inbound_dmarc_enforced}
