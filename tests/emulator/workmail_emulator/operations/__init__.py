"""The WorkMail operations the emulator implements, one module per resource.

Importing this package registers every operation in :data:`OPERATIONS`.
"""

from ..registry import OPERATIONS
from . import (access_rules, availability, domains, entities, exports, groups, identity, impersonation, mobile_devices, org_settings,
               organizations, permissions, resources, retention, users)

__all__ = ["OPERATIONS", "access_rules", "availability", "domains", "entities", "exports", "groups", "identity", "impersonation",
           "mobile_devices", "org_settings", "organizations", "permissions", "resources", "retention", "users"]
