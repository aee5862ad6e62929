"""Translated names of the roles."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lorch_desk.domain.permissions import Role

ROLE_NAMES: dict[Role, str] = {
    Role.RECEPTIONIST: QT_TRANSLATE_NOOP("roles", "Receptionist"),
    Role.CONSULTANT: QT_TRANSLATE_NOOP("roles", "Consultant"),
    Role.DOCTOR: QT_TRANSLATE_NOOP("roles", "Doctor"),
    Role.PHARMACIST: QT_TRANSLATE_NOOP("roles", "Pharmacist / warehouse"),
    Role.CUSTOMER_SERVICE: QT_TRANSLATE_NOOP("roles", "Customer service"),
    Role.BRANCH_MANAGER: QT_TRANSLATE_NOOP("roles", "Branch manager"),
    Role.HQ_ADMIN: QT_TRANSLATE_NOOP("roles", "Headquarters administrator"),
    Role.MARKETING: QT_TRANSLATE_NOOP("roles", "Inquiry desk (market / online / hotline)"),
    Role.WAREHOUSE_CLERK: QT_TRANSLATE_NOOP("roles", "Warehouse clerk"),
}


def role_label(role: Role | str) -> str:
    """The translated name of a role."""
    return QCoreApplication.translate("roles", ROLE_NAMES[Role(role)])
