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
    # Market, online-marketing and hotline staff who register inquiries (seed 004 §3.1).
    MARKETING = "marketing"
    # Keeps a warehouse (central or branch): receipts, counts, destruction; not the pharmacy.
    WAREHOUSE_CLERK = "warehouse_clerk"


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
    SYNC_RESOLVE = "sync.resolve"
    SYNC_ENROL = "sync.enrol"
    ARRIVAL_RECORD = "arrival.record"
    ARRIVAL_VIEW = "arrival.view"
    TRIAGE_OPERATE = "triage.operate"
    TRIAGE_RESPOND = "triage.respond"
    TRIAGE_DIRECT = "triage.direct"
    REASSIGN_CONFIRM = "triage.reassign_confirm"
    INQUIRY_VIEW = "inquiry.view"
    INQUIRY_REGISTER = "inquiry.register"
    APPOINTMENT_VIEW = "appointment.view"
    APPOINTMENT_BOOK = "appointment.book"
    MESSAGE_SEND = "message.send"
    CONSULTATION_RECORD = "consultation.record"
    CONSULTATION_VIEW = "consultation.view"
    SERVICE_ITEM_VIEW = "service_item.view"
    SERVICE_ITEM_EDIT = "service_item.edit"
    PRESCRIPTION_WRITE = "prescription.write"
    PRESCRIPTION_SIGN = "prescription.sign"
    PRESCRIPTION_VIEW = "prescription.view"
    STOCK_VIEW = "stock.view"
    CATALOGUE_EDIT = "catalogue.edit"
    STOCK_RECEIVE = "stock.receive"
    STOCK_COUNT = "stock.count"
    STOCK_COUNT_APPROVE = "stock.count_approve"
    STOCK_CORRECT = "stock.correct"
    DESTRUCTION_REQUEST = "destruction.request"
    DESTRUCTION_APPROVE = "destruction.approve"
    STOCK_DISPENSE = "stock.dispense"
    STOCK_SHIP = "stock.ship"
    REQUISITION_REQUEST = "requisition.request"
    REQUISITION_APPROVE = "requisition.approve"
    FOLLOW_UP_VIEW = "follow_up.view"
    FOLLOW_UP_CALL = "follow_up.call"
    FOLLOW_UP_RULES_EDIT = "follow_up.rules_edit"
    SURVEY_RECORD = "survey.record"
    SURVEY_VIEW = "survey.view"
    INSTITUTION_SURVEY_RECORD = "survey.institution_record"
    COMPLAINT_VIEW = "complaint.view"
    COMPLAINT_HANDLE = "complaint.handle"
    CALL_LOG = "call.log"
    CALL_REVIEW = "call.review"
    SALE_VIEW = "sale.view"
    SALE_CHECKOUT = "sale.checkout"
    SALE_REFUND = "sale.refund"
    MEMBERSHIP_VIEW = "membership.view"
    TIER_EDIT = "membership.tier_edit"
    TIER_EVALUATE = "membership.tier_evaluate"
    TIER_CHANGE = "membership.tier_change"
    MEMBER_EVENT_MANAGE = "membership.event_manage"
    PARTNER_MERCHANT_EDIT = "membership.partner_merchant_edit"
    GREETING_SEND = "greeting.send"
    MESSAGE_TEMPLATE_EDIT = "message_template.edit"
    DASHBOARD_VIEW = "dashboard.view"


_EVERYONE = frozenset(Role)
_CLINICAL = frozenset({Role.CONSULTANT, Role.DOCTOR})
_MANAGERS = frozenset({Role.BRANCH_MANAGER, Role.HQ_ADMIN})
_STOCK_KEEPERS = frozenset({Role.PHARMACIST, Role.WAREHOUSE_CLERK})

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
        {Role.RECEPTIONIST, Role.CUSTOMER_SERVICE, Role.DOCTOR, Role.MARKETING} | _MANAGERS
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
    # Sync conflicts and rejections are a manager's to settle; only HQ issues node tokens.
    Action.SYNC_RESOLVE: _MANAGERS,
    Action.SYNC_ENROL: frozenset({Role.HQ_ADMIN}),
    # The front desk records arrivals and turns the rotation; managers stand in for it.
    Action.ARRIVAL_RECORD: frozenset({Role.RECEPTIONIST}) | _MANAGERS,
    Action.ARRIVAL_VIEW: frozenset({Role.RECEPTIONIST}) | _CLINICAL | _MANAGERS,
    Action.TRIAGE_OPERATE: frozenset({Role.RECEPTIONIST}) | _MANAGERS,
    # Only the consultant offered a customer accepts or declines them.
    Action.TRIAGE_RESPOND: frozenset({Role.CONSULTANT}),
    # 点诊, suspension and 改派 are a supervisor's decisions (seed 003 2.4, 5.1, 7.4).
    Action.TRIAGE_DIRECT: _MANAGERS,
    Action.REASSIGN_CONFIRM: _MANAGERS,
    # Leads are registered by the inquiry desks; the front desk calls them up on arrival.
    Action.INQUIRY_VIEW: frozenset(
        {Role.MARKETING, Role.RECEPTIONIST, Role.CONSULTANT, Role.CUSTOMER_SERVICE} | _MANAGERS
    ),
    Action.INQUIRY_REGISTER: frozenset(
        {Role.MARKETING, Role.RECEPTIONIST, Role.CONSULTANT, Role.CUSTOMER_SERVICE} | _MANAGERS
    ),
    Action.APPOINTMENT_VIEW: frozenset(
        {Role.MARKETING, Role.RECEPTIONIST, Role.CUSTOMER_SERVICE} | _CLINICAL | _MANAGERS
    ),
    # Health managers (customer service), the desks and consultants book (seed 000, 001).
    Action.APPOINTMENT_BOOK: frozenset(
        {Role.MARKETING, Role.RECEPTIONIST, Role.CONSULTANT, Role.CUSTOMER_SERVICE} | _MANAGERS
    ),
    Action.MESSAGE_SEND: frozenset(
        {Role.MARKETING, Role.RECEPTIONIST, Role.CUSTOMER_SERVICE} | _MANAGERS
    ),
    # Consultants and doctors write consultation records, plans and prescriptions (000).
    Action.CONSULTATION_RECORD: _CLINICAL,
    Action.CONSULTATION_VIEW: _CLINICAL | _MANAGERS,
    # The service-item catalogue is central data: everyone prices from it, HQ edits it.
    Action.SERVICE_ITEM_VIEW: _EVERYONE,
    Action.SERVICE_ITEM_EDIT: frozenset({Role.HQ_ADMIN}),
    Action.PRESCRIPTION_WRITE: _CLINICAL,
    # Only a doctor signs; a signed prescription enters the pharmacy's queue.
    Action.PRESCRIPTION_SIGN: frozenset({Role.DOCTOR}),
    Action.PRESCRIPTION_VIEW: _CLINICAL | frozenset({Role.PHARMACIST}) | _MANAGERS,
    # Warehouse (seed 000): pharmacists and clerks keep stock; managers approve counts and
    # destruction; the catalogue is central data that headquarters alone edits.
    Action.STOCK_VIEW: _STOCK_KEEPERS | _MANAGERS,
    Action.CATALOGUE_EDIT: frozenset({Role.HQ_ADMIN}),
    Action.STOCK_RECEIVE: _STOCK_KEEPERS | _MANAGERS,
    Action.STOCK_COUNT: _STOCK_KEEPERS | _MANAGERS,
    Action.STOCK_COUNT_APPROVE: _MANAGERS,
    Action.STOCK_CORRECT: _MANAGERS,
    Action.DESTRUCTION_REQUEST: _STOCK_KEEPERS | _MANAGERS,
    Action.DESTRUCTION_APPROVE: _MANAGERS,
    # The pharmacy dispenses signed prescriptions (seed 000); clerks of the warehouse do not.
    Action.STOCK_DISPENSE: frozenset({Role.PHARMACIST}) | _MANAGERS,
    # Shipments to customers and branches, and branch requisitions of nutrients (seed 000):
    # clerks ship, request and receive; a manager approves a requisition.
    Action.STOCK_SHIP: _STOCK_KEEPERS | _MANAGERS,
    Action.REQUISITION_REQUEST: _STOCK_KEEPERS | _MANAGERS,
    Action.REQUISITION_APPROVE: _MANAGERS,
    # Follow-up calls (回访, seeds 000/001): consultants call their own customers, the
    # customer-service desk the rest; managers set the rules that plan the calls.
    Action.FOLLOW_UP_VIEW: frozenset({Role.CONSULTANT, Role.CUSTOMER_SERVICE}) | _MANAGERS,
    Action.FOLLOW_UP_CALL: frozenset({Role.CONSULTANT, Role.CUSTOMER_SERVICE}) | _MANAGERS,
    Action.FOLLOW_UP_RULES_EDIT: _MANAGERS,
    # Satisfaction (seed 000): the front desk and health managers take the visit survey;
    # summaries and the consultants' rates are for customer service and managers; the
    # partner-institution survey is headquarters' customer-service centre's.
    Action.SURVEY_RECORD: frozenset({Role.RECEPTIONIST, Role.CUSTOMER_SERVICE}) | _MANAGERS,
    Action.SURVEY_VIEW: frozenset({Role.CUSTOMER_SERVICE}) | _MANAGERS,
    Action.INSTITUTION_SURVEY_RECORD: frozenset({Role.CUSTOMER_SERVICE, Role.HQ_ADMIN}),
    # Complaints (seed 000): health managers and the front desk receive and handle them; the
    # supervisor (a manager) takes escalated ones.
    Action.COMPLAINT_VIEW: frozenset({Role.CUSTOMER_SERVICE, Role.RECEPTIONIST}) | _MANAGERS,
    Action.COMPLAINT_HANDLE: frozenset({Role.CUSTOMER_SERVICE, Role.RECEPTIONIST}) | _MANAGERS,
    # Call centre (seed 000): agents log calls; the supervisor reviews their quality.
    Action.CALL_LOG: frozenset({Role.CUSTOMER_SERVICE, Role.MARKETING}) | _MANAGERS,
    Action.CALL_REVIEW: _MANAGERS,
    # The front desk takes payments, deposits and top-ups (收银); a refund or void gives money
    # back and is a manager's decision. Consultants and customer service see what was bought.
    Action.SALE_VIEW: frozenset({Role.RECEPTIONIST, Role.CONSULTANT, Role.CUSTOMER_SERVICE})
    | _MANAGERS,
    Action.SALE_CHECKOUT: frozenset({Role.RECEPTIONIST}) | _MANAGERS,
    Action.SALE_REFUND: _MANAGERS,
    # Membership (seed 002): the desks see a member's tier, points and stored value; tiers and
    # partner merchants are central data HQ edits; managers re-evaluate and change tiers by hand.
    Action.MEMBERSHIP_VIEW: frozenset(
        {Role.RECEPTIONIST, Role.CONSULTANT, Role.CUSTOMER_SERVICE} | _MANAGERS
    ),
    Action.TIER_EDIT: frozenset({Role.HQ_ADMIN}),
    Action.TIER_EVALUATE: _MANAGERS,
    Action.TIER_CHANGE: _MANAGERS,
    Action.MEMBER_EVENT_MANAGE: frozenset({Role.CUSTOMER_SERVICE}) | _MANAGERS,
    Action.PARTNER_MERCHANT_EDIT: frozenset({Role.HQ_ADMIN}),
    # Personal care (seed 000): the customer-service desk and marketing list birthdays and
    # holidays and queue greetings; the templates are central data headquarters words.
    Action.GREETING_SEND: frozenset({Role.CUSTOMER_SERVICE, Role.MARKETING}) | _MANAGERS,
    Action.MESSAGE_TEMPLATE_EDIT: frozenset({Role.HQ_ADMIN}),
    Action.DASHBOARD_VIEW: _MANAGERS,
}

# Roles whose work never needs a full mobile or ID number: they see 138****5678.
ROLES_SEEING_MASKED_CONTACT = frozenset(
    role for role in Role if role not in ALLOWED_ROLES[Action.CUSTOMER_REVEAL_CONTACT]
)


def is_allowed(role: Role, action: Action) -> bool:
    """True if `role` may perform `action`."""
    return role in ALLOWED_ROLES[action]
