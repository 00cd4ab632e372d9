# -*- coding: utf-8 -*-
# Private to mailops.workmail: not a stable API for other collections.
# Copyright: Contributors to the mailops.workmail project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Organization-wide settings, one of each per organization: email monitoring (the CloudWatch Logs
log group WorkMail writes mail events to, and the role it writes with) and inbound DMARC.

PutEmailMonitoringConfiguration creates or replaces the configuration whole; without a role the
service uses its service-linked role (AWSServiceRoleForAmazonWorkMailEvents) and reports that
role's ARN. Inbound DMARC always exists: it is enforced or not.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mailops.workmail.plugins.module_utils.engine import Field
from ansible_collections.mailops.workmail.plugins.module_utils.engine import Resource
from ansible_collections.mailops.workmail.plugins.module_utils.errors import ParameterError

SERVICE_LINKED_ROLE = "AWSServiceRoleForAmazonWorkMailEvents"


class EmailMonitoring(Resource):
    name = "email_monitoring"
    operations = ("PutEmailMonitoringConfiguration",)
    fields = (
        Field("log_group_arn", "LogGroupArn"),
        Field("role_arn", "RoleArn"),
    )
    calls = dict(
        read=("DescribeEmailMonitoringConfiguration",),
        create=("PutEmailMonitoringConfiguration",),
        update=("PutEmailMonitoringConfiguration",),
        delete=("DeleteEmailMonitoringConfiguration",),
    )

    def read(self, ctx, desired):
        return ctx.api.describe_email_monitoring_configuration(ctx.organization_id)

    def check(self, ctx, current, desired):
        if not current and not desired.get("log_group_arn"):
            raise ParameterError("log_group_arn", "is required to turn email monitoring on")

    def create(self, ctx, desired):
        self._put(ctx, desired)

    def update(self, ctx, raw, changes, desired):
        # The put replaces the configuration whole: the role stays unless it changes.
        configuration = self.to_resource(ctx, raw)
        configuration.update(changes)
        self._put(ctx, configuration)

    def delete(self, ctx, raw):
        ctx.api.delete_email_monitoring_configuration(ctx.organization_id)

    def _put(self, ctx, configuration):
        params = dict(LogGroupArn=configuration["log_group_arn"])
        # The service-linked role is the default: leaving it out keeps it.
        if configuration.get("role_arn") and not is_service_linked_role(configuration["role_arn"]):
            params["RoleArn"] = configuration["role_arn"]
        ctx.api.put_email_monitoring_configuration(ctx.organization_id, **params)

    def label(self, desired, before):
        return "email monitoring"

    def provides(self, planned):
        return []


class InboundDmarc(Resource):
    name = "inbound_dmarc"
    operations = ("PutInboundDmarcSettings",)
    fields = (Field("enforced", "Enforced", kind="bool"),)
    calls = dict(read=("DescribeInboundDmarcSettings",), create=("PutInboundDmarcSettings",), update=("PutInboundDmarcSettings",))

    def read(self, ctx, desired):
        return ctx.api.describe_inbound_dmarc_settings(ctx.organization_id)

    def create(self, ctx, desired):
        # Only in the plan of an organization still to be created: the setting exists with the organization.
        ctx.api.put_inbound_dmarc_settings(ctx.organization_id, desired["enforced"])

    def update(self, ctx, raw, changes, desired):
        ctx.api.put_inbound_dmarc_settings(ctx.organization_id, changes["enforced"])

    def label(self, desired, before):
        return "inbound DMARC"

    def provides(self, planned):
        return []


def is_service_linked_role(role_arn):
    """Whether ``role_arn`` is WorkMail's service-linked role for events."""
    return role_arn.rsplit("/", 1)[-1] == SERVICE_LINKED_ROLE


EMAIL_MONITORING = EmailMonitoring()
INBOUND_DMARC = InboundDmarc()
