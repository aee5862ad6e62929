"""Partner institutions (seed 000): only headquarters edits them, others read by permission."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.base import utc_now
from lorch_desk.models.organisation import Institution, Site
from lorch_desk.services.access import require
from lorch_desk.services.record_edits import apply_edits
from lorch_desk.services.text_rules import column_text, phone_digits


@dataclass(frozen=True, slots=True)
class InstitutionInput:
    name: str
    address: str = ""
    head: str = ""
    phone: str = ""
    cooperation_mode: str = ""
    cooperation_project: str = ""
    signed_on: date | None = None


@dataclass(frozen=True, slots=True)
class InstitutionRow:
    id: uuid.UUID
    name: str
    address: str
    head: str
    phone: str
    cooperation_mode: str
    cooperation_project: str
    signed_on: date | None


def list_institutions(uow: UnitOfWork) -> list[InstitutionRow]:
    """Every partner institution still in cooperation, by name."""
    require(uow.actor, Action.INSTITUTION_VIEW)
    institutions = uow.session.scalars(
        select(Institution)
        .where(Institution.deleted_at.is_(None))
        .order_by(Institution.name, Institution.id)
    )
    return [_row(institution) for institution in institutions]


def save_institution(
    uow: UnitOfWork, *, institution_id: uuid.UUID | None, data: InstitutionInput
) -> InstitutionRow:
    """Add a partner institution (institution_id None) or change one; headquarters only."""
    _require_headquarters_editor(uow)
    values = _validated(uow, data, institution_id)
    if institution_id is None:
        institution = Institution(**values)
        uow.session.add(institution)
    else:
        institution = _load(uow, institution_id)
        apply_edits(institution, values)
    uow.session.flush()
    return _row(institution)


def retire_institution(uow: UnitOfWork, *, institution_id: uuid.UUID) -> None:
    """End the cooperation: the institution leaves the lists, its history stays (tombstone)."""
    _require_headquarters_editor(uow)
    institution = _load(uow, institution_id)
    institution.deleted_at = utc_now()
    uow.session.flush()


def _require_headquarters_editor(uow: UnitOfWork) -> None:
    """Institutions are central data: the role must allow it and the actor must sit at HQ."""
    require(uow.actor, Action.INSTITUTION_EDIT)
    site = uow.session.get(Site, uow.actor.site_id)
    if site is None or not site.is_headquarters:
        raise PermissionDenied(
            action=Action.INSTITUTION_EDIT.value,
            role=uow.actor.role.value,
            site=uow.actor.site_code,
        )


def _load(uow: UnitOfWork, institution_id: uuid.UUID) -> Institution:
    institution = uow.session.get(Institution, institution_id)
    if institution is None or institution.deleted_at is not None:
        raise NotFound(what="institution")
    return institution


def _validated(
    uow: UnitOfWork, data: InstitutionInput, institution_id: uuid.UUID | None
) -> dict[str, object]:
    name = column_text(data.name, field="institution_name", column=Institution.name, required=True)
    same_name = select(Institution.id).where(
        Institution.name == name, Institution.deleted_at.is_(None)
    )
    if institution_id is not None:
        same_name = same_name.where(Institution.id != institution_id)
    if uow.session.scalars(same_name).first() is not None:
        raise ValidationFailed(field="institution_name", rule="taken")
    phone = phone_digits(data.phone, field="phone", column=Institution.phone)
    signed_on = data.signed_on
    if signed_on is not None and (
        isinstance(signed_on, datetime) or not isinstance(signed_on, date)
    ):
        raise ValidationFailed(field="signed_on", rule="date")
    return {
        "name": name,
        "address": column_text(data.address, field="address", column=Institution.address),
        "head": column_text(data.head, field="head", column=Institution.head),
        "phone": phone,
        "cooperation_mode": column_text(
            data.cooperation_mode, field="cooperation_mode", column=Institution.cooperation_mode
        ),
        "cooperation_project": data.cooperation_project.strip(),
        "signed_on": signed_on,
    }


def _row(institution: Institution) -> InstitutionRow:
    return InstitutionRow(
        id=institution.id,
        name=institution.name,
        address=institution.address,
        head=institution.head,
        phone=institution.phone,
        cooperation_mode=institution.cooperation_mode,
        cooperation_project=institution.cooperation_project,
        signed_on=institution.signed_on,
    )
