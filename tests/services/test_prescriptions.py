"""Prescriptions: western and TCM, allergy warnings, signing by a doctor, the pharmacy queue."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lorch_desk.domain.errors import DomainError, PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.prescriptions import PrescriptionKind, PrescriptionStatus
from lorch_desk.models.prescriptions import Prescription, PrescriptionItem
from lorch_desk.services.prescriptions import (
    PrescriptionInput,
    PrescriptionLineInput,
    list_prescriptions,
    prescriptions_awaiting_dispensing,
    save_prescription,
    search_prescribable_products,
    sign_prescription,
)
from tests.services.consultant_clinic import ConsultantClinic


@pytest.fixture()
def clinic(database, actor_for) -> ConsultantClinic:  # noqa: ANN001
    clinic = ConsultantClinic(database, actor_for)
    clinic.hire("王芳")
    clinic.hire("李医生", Role.DOCTOR)
    clinic.hire("药房小张", Role.PHARMACIST)
    clinic.stock_catalogue()
    return clinic


def _tcm(clinic: ConsultantClinic, doses: int = 7) -> PrescriptionInput:
    return PrescriptionInput(
        PrescriptionKind.TCM,
        [
            PrescriptionLineInput(clinic.products["黄芪"], grams_per_dose=Decimal("30")),
            PrescriptionLineInput(clinic.products["当归"], grams_per_dose=Decimal("12")),
            PrescriptionLineInput(clinic.products["甘草"], grams_per_dose=Decimal("6")),
        ],
        diagnosis="气血两虚",
        doses=doses,
        decoction="水煎两次, 每次30分钟",
        usage_instructions="每日一剂, 早晚分服",
    )


def test_a_tcm_prescription_totals_each_herb_and_waits_for_a_doctor(clinic) -> None:  # noqa: ANN001
    customer = clinic.register("陈静")
    draft = clinic.run(
        clinic.staff["王芳"],
        save_prescription,
        customer_id=customer,
        arrival_id=None,
        data=_tcm(clinic),
    )
    assert draft.status is PrescriptionStatus.DRAFT
    assert draft.number.startswith(f"{clinic.admin.site_code}-")
    assert [(line.product_name, line.total_grams) for line in draft.lines] == [
        ("黄芪", Decimal("210")),
        ("当归", Decimal("84")),
        ("甘草", Decimal("42")),
    ]
    assert draft.grams_per_dose_total == Decimal("48")
    assert clinic.run(clinic.staff["药房小张"], prescriptions_awaiting_dispensing) == []

    with pytest.raises(PermissionDenied):
        clinic.run(clinic.staff["王芳"], sign_prescription, prescription_id=draft.id)
    signed = clinic.run(clinic.staff["李医生"], sign_prescription, prescription_id=draft.id)
    assert signed.status is PrescriptionStatus.AWAITING_DISPENSING
    assert signed.signed_by_name == "李医生"
    queue = clinic.run(clinic.staff["药房小张"], prescriptions_awaiting_dispensing)
    assert [(row.number, row.customer_name, row.line_count) for row in queue] == [
        (draft.number, "陈静", 3)
    ]


def test_a_signed_prescription_is_final(clinic, database) -> None:  # noqa: ANN001
    customer = clinic.register("陈静")
    draft = clinic.run(
        clinic.staff["李医生"],
        save_prescription,
        customer_id=customer,
        arrival_id=None,
        data=_tcm(clinic),
    )
    clinic.run(clinic.staff["李医生"], sign_prescription, prescription_id=draft.id)
    for attempt in (
        lambda: clinic.run(clinic.staff["李医生"], sign_prescription, prescription_id=draft.id),
        lambda: clinic.run(
            clinic.staff["李医生"],
            save_prescription,
            customer_id=customer,
            arrival_id=None,
            data=_tcm(clinic, 3),
            supersedes_id=draft.id,
        ),
    ):
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.code == "prescription_is_signed"
    with database.unit_of_work(clinic.staff["李医生"]) as uow, pytest.raises(DomainError):
        uow.session.get(Prescription, draft.id).doses = 3
        uow.session.flush()


def test_a_draft_is_corrected_by_a_new_version(clinic, count_rows) -> None:  # noqa: ANN001
    wang = clinic.staff["王芳"]
    customer = clinic.register("陈静")
    first = clinic.run(
        wang, save_prescription, customer_id=customer, arrival_id=None, data=_tcm(clinic)
    )
    second = clinic.run(
        wang,
        save_prescription,
        customer_id=customer,
        arrival_id=None,
        data=_tcm(clinic, 14),
        supersedes_id=first.id,
    )
    assert second.version == 2
    assert second.lines[0].total_grams == Decimal("420")
    assert [row.id for row in clinic.run(wang, list_prescriptions, customer_id=customer)] == [
        second.id
    ]
    assert count_rows(Prescription) == 2


def test_a_western_product_matching_an_allergy_warns(clinic) -> None:  # noqa: ANN001
    customer = clinic.register("陈静", allergy="青霉素过敏")
    data = PrescriptionInput(
        PrescriptionKind.WESTERN,
        [
            PrescriptionLineInput(
                clinic.products["阿莫西林胶囊"],
                dose="0.5g",
                frequency="每日3次",
                quantity=Decimal("2"),
                duration_days=7,
            ),
            PrescriptionLineInput(
                clinic.products["维生素D3软胶囊"],
                dose="1粒",
                frequency="每日1次",
                quantity=Decimal("1"),
                duration_days=30,
            ),
        ],
    )
    detail = clinic.run(
        clinic.staff["李医生"], save_prescription, customer_id=customer, arrival_id=None, data=data
    )
    assert [line.allergy_warnings for line in detail.lines] == [("青霉素",), ()]
    assert detail.has_allergy_warning


def test_bad_lines_are_refused_and_nothing_is_saved(clinic, count_rows) -> None:  # noqa: ANN001
    customer = clinic.register("陈静")
    herb_in_western = PrescriptionInput(
        PrescriptionKind.WESTERN,
        [PrescriptionLineInput(clinic.products["黄芪"], "1", "1", Decimal("1"), 1)],
    )
    no_doses = _tcm(clinic, 0)
    no_days = PrescriptionInput(
        PrescriptionKind.WESTERN,
        [PrescriptionLineInput(clinic.products["阿莫西林胶囊"], "0.5g", "每日3次", Decimal("1"))],
    )
    for data, field in (
        (herb_in_western, "lines.1.product_id"),
        (no_doses, "doses"),
        (no_days, "lines.1.duration_days"),
    ):
        with pytest.raises(ValidationFailed) as refused:
            clinic.run(
                clinic.staff["王芳"],
                save_prescription,
                customer_id=customer,
                arrival_id=None,
                data=data,
            )
        assert refused.value.field == field
    assert count_rows(Prescription) == 0
    assert count_rows(PrescriptionItem) == 0


def test_herbs_are_offered_for_tcm_and_drugs_for_western(clinic) -> None:  # noqa: ANN001
    doctor = clinic.staff["李医生"]
    herbs = clinic.run(doctor, search_prescribable_products, kind="tcm")
    assert [p.name for p in herbs] == ["黄芪", "当归", "甘草"]
    western = clinic.run(doctor, search_prescribable_products, kind="western", text="维生素")
    assert [p.name for p in western] == ["维生素D3软胶囊"]
    assert [
        p.name for p in clinic.run(doctor, search_prescribable_products, kind="tcm", text="hq")
    ] == ["黄芪"]
