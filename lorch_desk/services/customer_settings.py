"""Which customer fields each department must fill (seed 004), kept as clinic settings."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customers import (
    ALWAYS_REQUIRED_FIELDS,
    CUSTOMER_FORM_FIELDS,
    DEFAULT_REQUIRED_FIELDS,
    Department,
)
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.organisation import ClinicSetting
from lorch_desk.services.access import require

SETTING_KEY_PREFIX = "customer.required_fields."
REQUIRABLE_FIELDS = frozenset(CUSTOMER_FORM_FIELDS)


def setting_key(department: Department | str) -> str:
    """The clinic_setting key holding a department's required fields."""
    return SETTING_KEY_PREFIX + _department(department).value


def required_fields(uow: UnitOfWork, department: Department | str) -> frozenset[str]:
    """The fields a department's customer form must fill (the setting, else seed 004's list)."""
    department = _department(department)
    stored = _find_setting(uow, department)
    if stored is None or stored.deleted_at is not None or not isinstance(stored.value, list):
        fields = DEFAULT_REQUIRED_FIELDS.get(department, frozenset())
    else:
        fields = frozenset(str(name) for name in stored.value) & REQUIRABLE_FIELDS
    return fields | ALWAYS_REQUIRED_FIELDS


def list_required_fields(uow: UnitOfWork) -> dict[Department, frozenset[str]]:
    """Every department's required fields, for the settings screen."""
    return {department: required_fields(uow, department) for department in Department}


def set_required_fields(
    uow: UnitOfWork, *, department: Department | str, fields: Iterable[str]
) -> frozenset[str]:
    """Change the fields a department must fill (headquarters administrators only)."""
    require(uow.actor, Action.SETTINGS_EDIT)
    department = _department(department)
    chosen = frozenset(fields)
    for name in sorted(chosen):
        if name not in REQUIRABLE_FIELDS:
            raise ValidationFailed(field="fields", rule="unknown_field", name=name)
    chosen |= ALWAYS_REQUIRED_FIELDS
    value = [name for name in CUSTOMER_FORM_FIELDS if name in chosen]
    setting = _find_setting(uow, department)
    if setting is None:
        uow.session.add(ClinicSetting(key=setting_key(department), value=value))
    else:
        if setting.value != value:
            setting.value = value
        if setting.deleted_at is not None:
            setting.deleted_at = None
    uow.session.flush()
    return chosen


def _find_setting(uow: UnitOfWork, department: Department) -> ClinicSetting | None:
    statement = select(ClinicSetting).where(ClinicSetting.key == setting_key(department))
    return uow.session.scalars(statement).first()


def _department(value: Department | str) -> Department:
    try:
        return Department(value)
    except ValueError:
        raise ValidationFailed(field="department", rule="invalid_choice") from None
