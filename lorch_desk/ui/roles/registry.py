"""The explicit list of role tabs: which tab, for whom, built how. Only built features appear."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from lorch_desk.domain.actor import Actor
from lorch_desk.domain.permissions import Action
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.admin.catalogue_tab import CatalogueTabWidget
from lorch_desk.ui.roles.admin.institutions_tab import InstitutionsTabWidget
from lorch_desk.ui.roles.admin.required_fields_tab import RequiredFieldsTabWidget
from lorch_desk.ui.roles.admin.staff_tab import StaffTabWidget
from lorch_desk.ui.roles.admin.sync_tab import SyncTabWidget
from lorch_desk.ui.roles.admin.users_tab import UsersTabWidget
from lorch_desk.ui.roles.cashier.cashier_tab import CashierTabWidget
from lorch_desk.ui.roles.consultant.consultant_tab import ConsultantTabWidget
from lorch_desk.ui.roles.customer_service.customer_service_tab import CustomerServiceTabWidget
from lorch_desk.ui.roles.front_desk.customer_tab import CustomerTabWidget
from lorch_desk.ui.roles.front_desk.triage_tab import TriageTabWidget
from lorch_desk.ui.roles.inquiries.inquiries_tab import InquiriesTabWidget
from lorch_desk.ui.roles.manager.dashboard_tab import DashboardTabWidget
from lorch_desk.ui.roles.manager.reports_tab import ReportsTabWidget
from lorch_desk.ui.roles.membership.membership_tab import MembershipTabWidget
from lorch_desk.ui.roles.scheduling.appointments_tab import AppointmentsTabWidget
from lorch_desk.ui.roles.warehouse.warehouse_tab import WarehouseTabWidget


@dataclass(frozen=True, slots=True)
class RoleTab:
    key: str
    title: str  # translated in context "tabs"
    is_visible: Callable[[Actor], bool]
    create: Callable[[UiContext], QWidget]


def _may(*actions: Action) -> Callable[[Actor], bool]:
    return lambda actor: any(actor.may(action) for action in actions)


ROLE_TABS: tuple[RoleTab, ...] = (
    RoleTab(
        "customers",
        QT_TRANSLATE_NOOP("tabs", "Customers"),
        _may(Action.CUSTOMER_VIEW),
        CustomerTabWidget,
    ),
    RoleTab(
        "triage",
        QT_TRANSLATE_NOOP("tabs", "Triage"),
        _may(Action.TRIAGE_OPERATE),
        TriageTabWidget,
    ),
    RoleTab(
        "cashier",
        QT_TRANSLATE_NOOP("tabs", "Cashier"),
        _may(Action.SALE_CHECKOUT),
        CashierTabWidget,
    ),
    RoleTab(
        "consultant",
        QT_TRANSLATE_NOOP("tabs", "My customers"),
        _may(Action.CONSULTATION_RECORD),
        ConsultantTabWidget,
    ),
    RoleTab(
        "inquiries",
        QT_TRANSLATE_NOOP("tabs", "Inquiries"),
        _may(Action.INQUIRY_REGISTER),
        InquiriesTabWidget,
    ),
    RoleTab(
        "appointments",
        QT_TRANSLATE_NOOP("tabs", "Appointments"),
        _may(Action.APPOINTMENT_VIEW),
        AppointmentsTabWidget,
    ),
    RoleTab(
        "warehouse",
        QT_TRANSLATE_NOOP("tabs", "Warehouse"),
        _may(Action.STOCK_VIEW),
        WarehouseTabWidget,
    ),
    RoleTab(
        "customer_service",
        QT_TRANSLATE_NOOP("tabs", "Customer service"),
        _may(
            Action.FOLLOW_UP_VIEW,
            Action.FOLLOW_UP_RULES_EDIT,
            Action.SURVEY_RECORD,
            Action.SURVEY_VIEW,
            Action.INSTITUTION_SURVEY_RECORD,
            Action.GREETING_SEND,
            Action.COMPLAINT_VIEW,
            Action.CALL_LOG,
            Action.CALL_REVIEW,
        ),
        CustomerServiceTabWidget,
    ),
    RoleTab(
        "membership",
        QT_TRANSLATE_NOOP("tabs", "Membership"),
        _may(Action.MEMBER_EVENT_MANAGE, Action.TIER_EVALUATE, Action.TIER_EDIT),
        MembershipTabWidget,
    ),
    RoleTab(
        "reports", QT_TRANSLATE_NOOP("tabs", "Reports"), _may(Action.REPORT_RUN), ReportsTabWidget
    ),
    RoleTab(
        "dashboard",
        QT_TRANSLATE_NOOP("tabs", "Dashboard"),
        _may(Action.DASHBOARD_VIEW),
        DashboardTabWidget,
    ),
    RoleTab(
        "staff",
        QT_TRANSLATE_NOOP("tabs", "Staff"),
        _may(Action.STAFF_EDIT, Action.STAFF_VIEW),
        StaffTabWidget,
    ),
    RoleTab(
        "institutions",
        QT_TRANSLATE_NOOP("tabs", "Partner institutions"),
        _may(Action.INSTITUTION_VIEW),
        InstitutionsTabWidget,
    ),
    RoleTab("users", QT_TRANSLATE_NOOP("tabs", "Users"), _may(Action.USER_ADMIN), UsersTabWidget),
    RoleTab(
        "required_fields",
        QT_TRANSLATE_NOOP("tabs", "Required fields"),
        _may(Action.SETTINGS_EDIT),
        RequiredFieldsTabWidget,
    ),
    RoleTab(
        "catalogue",
        QT_TRANSLATE_NOOP("tabs", "Catalogue"),
        _may(Action.SERVICE_ITEM_EDIT, Action.SETTINGS_EDIT),
        CatalogueTabWidget,
    ),
    RoleTab("sync", QT_TRANSLATE_NOOP("tabs", "Sync"), _may(Action.SYNC_RESOLVE), SyncTabWidget),
)


def tabs_for(actor: Actor) -> list[RoleTab]:
    """The tabs `actor`'s role may see, in the registry's order."""
    return [tab for tab in ROLE_TABS if tab.is_visible(actor)]
