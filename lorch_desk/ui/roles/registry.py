"""The explicit list of role tabs: which tab, for whom, built how. Only built features appear."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from lorch_desk.domain.actor import Actor
from lorch_desk.domain.permissions import Action
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.admin.institutions_tab import InstitutionsTabWidget
from lorch_desk.ui.roles.admin.required_fields_tab import RequiredFieldsTabWidget
from lorch_desk.ui.roles.admin.staff_tab import StaffTabWidget
from lorch_desk.ui.roles.admin.sync_tab import SyncTabWidget
from lorch_desk.ui.roles.admin.users_tab import UsersTabWidget
from lorch_desk.ui.roles.consultant.consultant_tab import ConsultantTabWidget
from lorch_desk.ui.roles.front_desk.customer_tab import CustomerTabWidget
from lorch_desk.ui.roles.front_desk.triage_tab import TriageTabWidget
from lorch_desk.ui.roles.inquiries.inquiries_tab import InquiriesTabWidget
from lorch_desk.ui.roles.manager.reports_tab import ReportsTabWidget
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
        "reports", QT_TRANSLATE_NOOP("tabs", "Reports"), _may(Action.REPORT_RUN), ReportsTabWidget
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
    RoleTab("sync", QT_TRANSLATE_NOOP("tabs", "Sync"), _may(Action.SYNC_RESOLVE), SyncTabWidget),
)


def tabs_for(actor: Actor) -> list[RoleTab]:
    """The tabs `actor`'s role may see, in the registry's order."""
    return [tab for tab in ROLE_TABS if tab.is_visible(actor)]
