"""Prescriptions (处方单): written by a clinician, signed by a doctor, then the pharmacy's queue.

A draft is corrected by a new version that supersedes it; signing makes it final and puts it
in the queue "awaiting dispensing" that the warehouse dispenses from.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.catalogue import ProductCategory
from lorch_desk.domain.clock import clinic_time
from lorch_desk.domain.consultations import DocumentSuperseded
from lorch_desk.domain.customers import HealthSection
from lorch_desk.domain.errors import NotFound, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.prescriptions import (
    MAX_GRAMS_PER_DOSE,
    MAX_TCM_DOSES,
    HerbLine,
    PrescriptionIsSigned,
    PrescriptionKind,
    PrescriptionStatus,
    allergy_matches,
    grams_per_dose_total,
    herb_totals,
)
from lorch_desk.models.base import utc_now
from lorch_desk.models.catalogue import Product
from lorch_desk.models.customer import Customer, HealthRecordEntry
from lorch_desk.models.organisation import Site
from lorch_desk.models.prescriptions import Prescription, PrescriptionItem
from lorch_desk.models.staff import UserAccount
from lorch_desk.services.access import require
from lorch_desk.services.health_file import merged_family
from lorch_desk.services.numbering import next_number
from lorch_desk.services.prescription_stock import stock_on_hand

MAX_LINES = 40
MAX_DURATION_DAYS = 365
MAX_QUANTITY = Decimal("9999")
TEXT_MAX_LENGTH = 500


@dataclass(frozen=True, slots=True)
class PrescriptionLineInput:
    """A western line (dose, frequency, quantity, days) or a herb line (grams per dose)."""

    product_id: uuid.UUID
    dose: str = ""
    frequency: str = ""
    quantity: Decimal | None = None
    duration_days: int | None = None
    grams_per_dose: Decimal | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class PrescriptionInput:
    kind: PrescriptionKind | str
    lines: Sequence[PrescriptionLineInput]
    diagnosis: str = ""
    doses: int | None = None  # 剂数, TCM only
    decoction: str = ""
    usage_instructions: str = ""


@dataclass(frozen=True, slots=True)
class PrescriptionLineRow:
    line_no: int
    product_id: uuid.UUID
    product_name: str
    unit: str
    dose: str
    frequency: str
    quantity: Decimal | None
    duration_days: int | None
    grams_per_dose: Decimal | None
    total_grams: Decimal | None
    note: str
    allergy_warnings: tuple[str, ...]
    on_hand: Decimal
    nearest_expiry: date | None


@dataclass(frozen=True, slots=True)
class PrescriptionDetail:
    """A prescription as shown, printed and dispensed, with the customer's data."""

    id: uuid.UUID
    number: str
    kind: PrescriptionKind
    status: PrescriptionStatus
    day: date
    customer_id: uuid.UUID
    customer_name: str
    customer_gender: str
    customer_birthday: date | None
    file_number: str
    diagnosis: str
    doses: int | None
    decoction: str
    usage_instructions: str
    grams_per_dose_total: Decimal | None
    lines: tuple[PrescriptionLineRow, ...]
    prescriber_name: str
    signed_by_name: str
    signed_at: datetime | None
    version: int
    site_name: str

    @property
    def has_allergy_warning(self) -> bool:
        return any(line.allergy_warnings for line in self.lines)


@dataclass(frozen=True, slots=True)
class PrescriptionRow:
    id: uuid.UUID
    number: str
    kind: PrescriptionKind
    status: PrescriptionStatus
    day: date
    customer_id: uuid.UUID
    customer_name: str
    line_count: int
    signed_at: datetime | None


@dataclass(frozen=True, slots=True)
class PrescribableProduct:
    id: uuid.UUID
    code: str
    name: str
    unit: str
    specification: str
    category: str
    on_hand: Decimal
    nearest_expiry: date | None


def save_prescription(
    uow: UnitOfWork,
    *,
    customer_id: uuid.UUID,
    arrival_id: uuid.UUID | None,
    data: PrescriptionInput,
    supersedes_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> PrescriptionDetail:
    """Save a draft prescription, or a new version of a draft (a signed one is final)."""
    require(uow.actor, Action.PRESCRIPTION_WRITE)
    now = now or utc_now()
    customer = uow.session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise NotFound(what="customer")
    try:
        kind = PrescriptionKind(data.kind)
    except ValueError:
        raise ValidationFailed(field="kind", rule="invalid_choice") from None
    if not data.lines:
        raise ValidationFailed(field="lines", rule="required")
    if len(data.lines) > MAX_LINES:
        raise ValidationFailed(field="lines", rule="too_many", maximum=MAX_LINES)
    doses = _check_doses(kind, data.doses)
    prescription = Prescription(
        customer_id=customer.id,
        arrival_id=arrival_id,
        prescriber_id=uow.actor.user_id,
        day=clinic_time(now).date(),
        kind=kind.value,
        status=PrescriptionStatus.DRAFT.value,
        diagnosis=_text("diagnosis", data.diagnosis),
        doses=doses,
        decoction=_text("decoction", data.decoction) if kind is PrescriptionKind.TCM else "",
        usage_instructions=_text("usage_instructions", data.usage_instructions),
        version=1,
    )
    if supersedes_id is not None:
        _supersede(uow, prescription, supersedes_id)
    items = [_line(uow, kind, n, line) for n, line in enumerate(data.lines, start=1)]
    prescription.number = next_number(uow, kind="prescription", when=now)
    uow.session.add(prescription)
    uow.session.flush()
    for item in items:
        item.prescription_id = prescription.id
        uow.session.add(item)
    uow.session.flush()
    return get_prescription(uow, prescription_id=prescription.id)


def sign_prescription(
    uow: UnitOfWork, *, prescription_id: uuid.UUID, now: datetime | None = None
) -> PrescriptionDetail:
    """A doctor signs the newest draft: it is final and enters the pharmacy's queue."""
    require(uow.actor, Action.PRESCRIPTION_SIGN)
    prescription = _get(uow, prescription_id)
    if prescription.status != PrescriptionStatus.DRAFT.value:
        raise PrescriptionIsSigned(prescription_id=str(prescription_id))
    _require_newest(uow, prescription)
    prescription.status = PrescriptionStatus.AWAITING_DISPENSING.value
    prescription.signed_by_id = uow.actor.user_id
    prescription.signed_at = now or utc_now()
    uow.session.flush()
    return get_prescription(uow, prescription_id=prescription.id)


def get_prescription(uow: UnitOfWork, *, prescription_id: uuid.UUID) -> PrescriptionDetail:
    """A prescription with its lines, the herb totals and allergy warnings."""
    require(uow.actor, Action.PRESCRIPTION_VIEW)
    prescription = _get(uow, prescription_id)
    customer = uow.session.get_one(Customer, prescription.customer_id)
    items = list(
        uow.session.scalars(
            select(PrescriptionItem)
            .where(PrescriptionItem.prescription_id == prescription.id)
            .order_by(PrescriptionItem.line_no)
        )
    )
    allergies = recorded_allergies(uow, customer_id=customer.id)
    products = {
        p.id: p
        for p in uow.session.scalars(
            select(Product).where(Product.id.in_([i.product_id for i in items]))
        )
    }
    stock = stock_on_hand(uow, product_ids=[i.product_id for i in items])
    doses = prescription.doses or 0
    herbs = [HerbLine(i.product_name, i.grams_per_dose or Decimal("0")) for i in items]
    totals = herb_totals(herbs, doses) if prescription.kind == "tcm" and doses else []
    lines = []
    for index, item in enumerate(items):
        product = products.get(item.product_id)
        warnings = (
            allergy_matches(
                ingredients=f"{product.name} {product.ingredients}",
                allergens=product.allergens,
                allergies=allergies,
            )
            if product is not None
            else []
        )
        lines.append(
            PrescriptionLineRow(
                line_no=item.line_no,
                product_id=item.product_id,
                product_name=item.product_name,
                unit=item.unit,
                dose=item.dose,
                frequency=item.frequency,
                quantity=item.quantity,
                duration_days=item.duration_days,
                grams_per_dose=item.grams_per_dose,
                total_grams=totals[index].total_grams if totals else None,
                note=item.note,
                allergy_warnings=tuple(warnings),
                on_hand=stock[item.product_id].quantity,
                nearest_expiry=stock[item.product_id].nearest_expiry,
            )
        )
    site = uow.session.get(Site, prescription.site_id)
    return PrescriptionDetail(
        id=prescription.id,
        number=prescription.number,
        kind=PrescriptionKind(prescription.kind),
        status=PrescriptionStatus(prescription.status),
        day=prescription.day,
        customer_id=customer.id,
        customer_name=customer.name,
        customer_gender=customer.gender,
        customer_birthday=customer.birthday,
        file_number=customer.file_number,
        diagnosis=prescription.diagnosis,
        doses=prescription.doses,
        decoction=prescription.decoction,
        usage_instructions=prescription.usage_instructions,
        grams_per_dose_total=grams_per_dose_total(herbs) if prescription.kind == "tcm" else None,
        lines=tuple(lines),
        prescriber_name=_name(uow, prescription.prescriber_id),
        signed_by_name=_name(uow, prescription.signed_by_id),
        signed_at=prescription.signed_at,
        version=prescription.version,
        site_name=site.name if site is not None else "",
    )


def list_prescriptions(uow: UnitOfWork, *, customer_id: uuid.UUID) -> list[PrescriptionRow]:
    """A customer's prescriptions, each as its newest version, newest first."""
    require(uow.actor, Action.PRESCRIPTION_VIEW)
    return _rows(uow, Prescription.customer_id == customer_id)


def prescriptions_awaiting_dispensing(uow: UnitOfWork) -> list[PrescriptionRow]:
    """The pharmacy's queue at this site: signed prescriptions not yet dispensed, oldest first."""
    require(uow.actor, Action.PRESCRIPTION_VIEW)
    rows = _rows(
        uow,
        Prescription.site_id == uow.actor.site_id,
        Prescription.status == PrescriptionStatus.AWAITING_DISPENSING.value,
    )
    return sorted(rows, key=lambda row: (row.signed_at or datetime.max, row.number))


def search_prescribable_products(
    uow: UnitOfWork, *, kind: PrescriptionKind | str, text: str = "", limit: int = 50
) -> list[PrescribableProduct]:
    """Active products of the catalogue a prescription of `kind` may name (herbs for TCM)."""
    require(uow.actor, Action.PRESCRIPTION_WRITE)
    statement = select(Product).where(Product.active.is_(True), Product.deleted_at.is_(None))
    herb = ProductCategory.HERB.value
    if PrescriptionKind(kind) is PrescriptionKind.TCM:
        statement = statement.where(Product.category == herb)
    else:
        statement = statement.where(
            Product.category.in_([ProductCategory.DRUG.value, ProductCategory.NUTRIENT.value])
        )
    needle = text.strip()
    if needle:
        like = f"%{needle}%"
        statement = statement.where(
            Product.name.like(like) | Product.code.like(like) | Product.name_initials.like(like)
        )
    products = list(uow.session.scalars(statement.order_by(Product.code).limit(limit)))
    stock = stock_on_hand(uow, product_ids=[p.id for p in products])
    return [
        PrescribableProduct(
            p.id,
            p.code,
            p.name,
            p.unit,
            p.specification,
            p.category,
            stock[p.id].quantity,
            stock[p.id].nearest_expiry,
        )
        for p in products
    ]


def recorded_allergies(uow: UnitOfWork, *, customer_id: uuid.UUID) -> list[str]:
    """The allergy entries of a customer's health file (merged duplicates included)."""
    family = merged_family(uow, customer_id=customer_id)
    return list(
        uow.session.scalars(
            select(HealthRecordEntry.content).where(
                HealthRecordEntry.customer_id.in_(family),
                HealthRecordEntry.section == HealthSection.ALLERGIES.value,
                HealthRecordEntry.deleted_at.is_(None),
            )
        )
    )


def _rows(uow: UnitOfWork, *conditions: object) -> list[PrescriptionRow]:
    newer = aliased(Prescription)
    item_count = (
        select(PrescriptionItem.id)
        .where(PrescriptionItem.prescription_id == Prescription.id)
        .correlate(Prescription)
    )
    count = select(func.count()).select_from(item_count.subquery()).scalar_subquery()
    statement = (
        select(Prescription, Customer.name, count)
        .join(Customer, Customer.id == Prescription.customer_id)
        .where(
            Prescription.deleted_at.is_(None),
            ~select(newer.id).where(newer.supersedes_id == Prescription.id).exists(),
            *conditions,  # type: ignore[arg-type]
        )
        .order_by(Prescription.day.desc(), Prescription.created_at.desc())
    )
    return [
        PrescriptionRow(
            p.id,
            p.number,
            PrescriptionKind(p.kind),
            PrescriptionStatus(p.status),
            p.day,
            p.customer_id,
            name,
            lines,
            p.signed_at,
        )
        for p, name, lines in uow.session.execute(statement)
    ]


def _get(uow: UnitOfWork, prescription_id: uuid.UUID) -> Prescription:
    prescription = uow.session.get(Prescription, prescription_id)
    if prescription is None or prescription.deleted_at is not None:
        raise NotFound(prescription_id=str(prescription_id))
    return prescription


def _require_newest(uow: UnitOfWork, prescription: Prescription) -> None:
    newer = uow.session.scalar(
        select(Prescription.id).where(Prescription.supersedes_id == prescription.id)
    )
    if newer is not None:
        raise DocumentSuperseded(record_id=str(prescription.id), newer_id=str(newer))


def _supersede(uow: UnitOfWork, prescription: Prescription, old_id: uuid.UUID) -> None:
    old = _get(uow, old_id)
    if old.customer_id != prescription.customer_id:
        raise NotFound(prescription_id=str(old_id))
    if old.status != PrescriptionStatus.DRAFT.value:
        raise PrescriptionIsSigned(prescription_id=str(old_id))
    _require_newest(uow, old)
    prescription.supersedes_id = old.id
    prescription.version = old.version + 1
    prescription.arrival_id = old.arrival_id


def _check_doses(kind: PrescriptionKind, doses: int | None) -> int | None:
    if kind is PrescriptionKind.WESTERN:
        return None
    if not isinstance(doses, int) or doses < 1:
        raise ValidationFailed(field="doses", rule="positive")
    if doses > MAX_TCM_DOSES:
        raise ValidationFailed(field="doses", rule="too_large", maximum=MAX_TCM_DOSES)
    return doses


def _text(field: str, value: str, maximum: int = TEXT_MAX_LENGTH) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if len(text) > maximum:
        raise ValidationFailed(field=field, rule="too_long", maximum=maximum)
    return text


def _decimal(field: str, value: object, maximum: Decimal) -> Decimal:
    try:
        number = Decimal(value)  # type: ignore[arg-type]
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationFailed(field=field, rule="positive") from None
    if not number.is_finite() or number <= 0:
        raise ValidationFailed(field=field, rule="positive")
    if number > maximum:
        raise ValidationFailed(field=field, rule="too_large", maximum=maximum)
    return number


def _line(
    uow: UnitOfWork, kind: PrescriptionKind, number: int, line: PrescriptionLineInput
) -> PrescriptionItem:
    prefix = f"lines.{number}"
    product = uow.session.get(Product, line.product_id)
    if product is None or not product.active or product.deleted_at is not None:
        raise ValidationFailed(field=f"{prefix}.product_id", rule="not_found")
    is_herb = product.category == ProductCategory.HERB.value
    if is_herb != (kind is PrescriptionKind.TCM):
        raise ValidationFailed(field=f"{prefix}.product_id", rule="wrong_kind")
    item = PrescriptionItem(
        line_no=number,
        product_id=product.id,
        product_name=product.name,
        unit=product.unit,
        note=_text(f"{prefix}.note", line.note, 100),
    )
    if kind is PrescriptionKind.TCM:
        item.grams_per_dose = _decimal(
            f"{prefix}.grams_per_dose", line.grams_per_dose, MAX_GRAMS_PER_DOSE
        )
        return item
    item.dose = _text(f"{prefix}.dose", line.dose, 40)
    item.frequency = _text(f"{prefix}.frequency", line.frequency, 40)
    for field, value in (("dose", item.dose), ("frequency", item.frequency)):
        if not value:
            raise ValidationFailed(field=f"{prefix}.{field}", rule="required")
    item.quantity = _decimal(f"{prefix}.quantity", line.quantity, MAX_QUANTITY)
    days = line.duration_days
    if not isinstance(days, int) or days < 1 or days > MAX_DURATION_DAYS:
        raise ValidationFailed(field=f"{prefix}.duration_days", rule="positive")
    item.duration_days = days
    return item


def _name(uow: UnitOfWork, user_id: uuid.UUID | None) -> str:
    if user_id is None:
        return ""
    return (
        uow.session.scalar(select(UserAccount.display_name).where(UserAccount.id == user_id)) or ""
    )
