"""The health file: sections of appended entries; every opening of a file is audited (001)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from lorch_desk.db.session_rules import audit_entry
from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.customers import HealthSection
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.models.customer import Customer, HealthRecordEntry
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.access import require
from lorch_desk.services.customer_validation import has_control_characters
from lorch_desk.services.customers import CustomerRow, get_customer_row

# One entry is a paragraph or a pasted report, not a book.
ENTRY_MAX_LENGTH = 20_000
_NEWLINES_AND_TABS = str.maketrans("", "", "\n\r\t")


@dataclass(frozen=True, slots=True)
class HealthEntryRow:
    """One entry of a section, with who wrote it and when."""

    id: uuid.UUID
    section: HealthSection
    content: str
    recorded_at: datetime
    recorded_by_name: str
    customer_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class HealthFileView:
    """A customer's health file: every section (possibly empty), newest entry first."""

    customer: CustomerRow
    sections: dict[HealthSection, list[HealthEntryRow]]


def open_health_file(uow: UnitOfWork, *, customer_id: uuid.UUID) -> HealthFileView:
    """Show a customer's health file, with the entries of duplicates merged into them."""
    require(uow.actor, Action.HEALTH_FILE_VIEW)
    customer = get_customer_row(uow, customer_id=customer_id)
    uow.session.add(audit_entry(uow.actor, "read", Customer.__tablename__, customer.id, {}))
    sections: dict[HealthSection, list[HealthEntryRow]] = {section: [] for section in HealthSection}
    for entry in _entries(uow, merged_family(uow, customer_id=customer.id)):
        sections.setdefault(entry.section, []).append(entry)
    uow.session.flush()
    return HealthFileView(customer, sections)


def add_health_entry(
    uow: UnitOfWork, *, customer_id: uuid.UUID, section: HealthSection | str, content: str
) -> HealthEntryRow:
    """Append an entry to a section of a customer's health file (entries are never edited)."""
    require(uow.actor, Action.HEALTH_FILE_EDIT)
    try:
        chosen = HealthSection(section)
    except ValueError:
        raise ValidationFailed(field="section", rule="invalid_choice") from None
    text = content.strip() if isinstance(content, str) else ""
    if not text:
        raise ValidationFailed(field="content", rule="required")
    if len(text) > ENTRY_MAX_LENGTH:
        raise ValidationFailed(field="content", rule="too_long", maximum=ENTRY_MAX_LENGTH)
    if has_control_characters(text.translate(_NEWLINES_AND_TABS)):
        raise ValidationFailed(field="content", rule="invalid_characters")
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(what="customer")
    entry = HealthRecordEntry(customer_id=customer.id, section=chosen.value, content=text)
    uow.session.add(entry)
    uow.session.flush()
    return HealthEntryRow(
        entry.id,
        chosen,
        entry.content,
        entry.created_at,
        _display_name(uow, entry.created_by),
        entry.customer_id,
    )


def merged_family(uow: UnitOfWork, *, customer_id: uuid.UUID) -> list[uuid.UUID]:
    """The customer and everyone merged into them, directly or through earlier merges."""
    family = select(Customer.id).where(Customer.id == customer_id).cte(recursive=True)
    merged_in = select(Customer.id).where(Customer.merged_into_id == family.c.id)
    family = family.union(merged_in)
    return list(uow.session.scalars(select(family.c.id)))


def _entries(uow: UnitOfWork, customer_ids: list[uuid.UUID]) -> list[HealthEntryRow]:
    entry = HealthRecordEntry.__table__.c
    user = UserAccount.__table__.c
    statement = (
        select(
            entry.id,
            entry.section,
            entry.content,
            entry.created_at,
            user.display_name,
            entry.customer_id,
        )
        .select_from(
            HealthRecordEntry.__table__.outerjoin(
                UserAccount.__table__, user.id == entry.created_by
            )
        )
        .where(entry.customer_id.in_(customer_ids), entry.deleted_at.is_(None))
        .order_by(entry.created_at.desc(), entry.id.desc())
    )
    sections = {section.value: section for section in HealthSection}
    rows = []
    for id_, section, content, recorded_at, by, owner in uow.session.execute(statement):
        if section in sections:
            rows.append(
                HealthEntryRow(id_, sections[section], content, recorded_at, by or "", owner)
            )
    return rows


def _display_name(uow: UnitOfWork, user_id: uuid.UUID | None) -> str:
    if user_id is None:
        return ""
    name = uow.session.scalar(select(UserAccount.display_name).where(UserAccount.id == user_id))
    return name or ""
