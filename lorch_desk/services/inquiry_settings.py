"""Which inquiry fields the inquiry desks must fill (seed 004 §3.1), kept as a clinic setting."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.inquiries import (
    ALWAYS_REQUIRED_INQUIRY_FIELDS,
    DEFAULT_REQUIRED_INQUIRY_FIELDS,
    INQUIRY_FORM_FIELDS,
)
from lorch_desk.domain.permissions import Action
from lorch_desk.models.organisation import ClinicSetting
from lorch_desk.services.access import require

SETTING_KEY = "inquiry.required_fields"


def required_inquiry_fields(uow: UnitOfWork) -> frozenset[str]:
    """The fields an inquiry must fill (the setting, else seed 004's list)."""
    stored = _find_setting(uow)
    if stored is None or stored.deleted_at is not None or not isinstance(stored.value, list):
        fields = DEFAULT_REQUIRED_INQUIRY_FIELDS
    else:
        fields = frozenset(str(name) for name in stored.value) & frozenset(INQUIRY_FORM_FIELDS)
    return fields | ALWAYS_REQUIRED_INQUIRY_FIELDS


def set_required_inquiry_fields(uow: UnitOfWork, *, fields: Iterable[str]) -> frozenset[str]:
    """Change the fields the inquiry desks must fill (headquarters administrators only)."""
    require(uow.actor, Action.SETTINGS_EDIT)
    chosen = frozenset(fields)
    for name in sorted(chosen):
        if name not in INQUIRY_FORM_FIELDS:
            raise ValidationFailed(field="fields", rule="unknown_field", name=name)
    chosen |= ALWAYS_REQUIRED_INQUIRY_FIELDS
    value = [name for name in INQUIRY_FORM_FIELDS if name in chosen]
    setting = _find_setting(uow)
    if setting is None:
        uow.session.add(ClinicSetting(key=SETTING_KEY, value=value))
    elif setting.value != value or setting.deleted_at is not None:
        setting.value = value
        setting.deleted_at = None
    uow.session.flush()
    return chosen


def _find_setting(uow: UnitOfWork) -> ClinicSetting | None:
    return uow.session.scalars(
        select(ClinicSetting).where(ClinicSetting.key == SETTING_KEY)
    ).first()
