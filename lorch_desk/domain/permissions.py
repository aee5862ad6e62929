"""Roles and the permission matrix (role x action), checked in services."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    RECEPTIONIST = "receptionist"
    CONSULTANT = "consultant"
    DOCTOR = "doctor"
    PHARMACIST = "pharmacist"
    CUSTOMER_SERVICE = "customer_service"
    BRANCH_MANAGER = "branch_manager"
    HQ_ADMIN = "hq_admin"


class Action(StrEnum):
    CUSTOMER_VIEW = "customer.view"
    CUSTOMER_CREATE = "customer.create"
    CUSTOMER_EDIT = "customer.edit"
    CUSTOMER_MERGE = "customer.merge"
    CUSTOMER_REVEAL_CONTACT = "customer.reveal_contact"
    HEALTH_FILE_VIEW = "health_file.view"
    HEALTH_FILE_EDIT = "health_file.edit"
    STAFF_VIEW = "staff.view"
    STAFF_EDIT = "staff.edit"
    USER_ADMIN = "user.admin"
    INSTITUTION_VIEW = "institution.view"
    INSTITUTION_EDIT = "institution.edit"
    REPORT_RUN = "report.run"
    AUDIT_VIEW = "audit.view"
    BACKUP_RUN = "backup.run"
    SETTINGS_EDIT = "settings.edit"
    ARRIVAL_RECORD = "arrival.record"
    ARRIVAL_VIEW = "arrival.view"
    TRIAGE_OPERATE = "triage.operate"
    TRIAGE_RESPOND = "triage.respond"
    TRIAGE_DIRECT = "triage.direct"
    REASSIGN_CONFIRM = "triage.reassign_confirm"


_EVERYONE = frozenset(Role)
_CLINICAL = frozenset({Role.CONSULTANT, Role.DOCTOR})
_MANAGERS = frozenset({Role.BRANCH_MANAGER, Role.HQ_ADMIN})

# Who may do what. A role missing from an action's set is refused by the service.
ALLOWED_ROLES: dict[Action, frozenset[Role]] = {
    Action.CUSTOMER_VIEW: _EVERYONE,
    Action.CUSTOMER_CREATE: frozenset(
        {Role.RECEPTIONIST, Role.CONSULTANT, Role.CUSTOMER_SERVICE} | _MANAGERS
    ),
    Action.CUSTOMER_EDIT: frozenset(
        {Role.RECEPTIONIST, Role.CONSULTANT, Role.DOCTOR, Role.CUSTOMER_SERVICE} | _MANAGERS
    ),
    Action.CUSTOMER_MERGE: _MANAGERS,
    # Staff who phone or message customers, or write their documents, may see a full number.
    Action.CUSTOMER_REVEAL_CONTACT: frozenset(
        {Role.RECEPTIONIST, Role.CUSTOMER_SERVICE, Role.DOCTOR} | _MANAGERS
    ),
    # 001: staff reach only the customer information related to their work.
    Action.HEALTH_FILE_VIEW: _CLINICAL | _MANAGERS,
    Action.HEALTH_FILE_EDIT: _CLINICAL,
    Action.STAFF_VIEW: _EVERYONE,
    # Staff profiles are central data (SYNC.md): headquarters alone writes them.
    Action.STAFF_EDIT: frozenset({Role.HQ_ADMIN}),
    Action.USER_ADMIN: frozenset({Role.HQ_ADMIN}),
    Action.INSTITUTION_VIEW: frozenset({Role.CUSTOMER_SERVICE}) | _MANAGERS,
    # 000: only headquarters edits partner institutions.
    Action.INSTITUTION_EDIT: frozenset({Role.HQ_ADMIN}),
    Action.REPORT_RUN: frozenset({Role.CUSTOMER_SERVICE}) | _MANAGERS,
    Action.AUDIT_VIEW: _MANAGERS,
    Action.BACKUP_RUN: _MANAGERS,
    Action.SETTINGS_EDIT: frozenset({Role.HQ_ADMIN}),
    # The front desk records arrivals and turns the rotation; managers stand in for it.
    Action.ARRIVAL_RECORD: frozenset({Role.RECEPTIONIST}) | _MANAGERS,
    Action.ARRIVAL_VIEW: frozenset({Role.RECEPTIONIST}) | _CLINICAL | _MANAGERS,
    Action.TRIAGE_OPERATE: frozenset({Role.RECEPTIONIST}) | _MANAGERS,
    # Only the consultant offered a customer accepts or declines them.
    Action.TRIAGE_RESPOND: frozenset({Role.CONSULTANT}),
    # 点诊, suspension and 改派 are a supervisor's decisions (seed 003 2.4, 5.1, 7.4).
    Action.TRIAGE_DIRECT: _MANAGERS,
    Action.REASSIGN_CONFIRM: _MANAGERS,
}

# Roles whose work never needs a full mobile or ID number: they see 138****5678.
ROLES_SEEING_MASKED_CONTACT = frozenset(
    role for role in Role if role not in ALLOWED_ROLES[Action.CUSTOMER_REVEAL_CONTACT]
)


def is_allowed(role: Role, action: Action) -> bool:
    """True if `role` may perform `action`."""
    return role in ALLOWED_ROLES[action]
