"""Consultation records and treatment plans: outcomes, reasons, versions, prices."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lorch_desk.domain.consultations import ConsultationOutcome, NotClosedReason
from lorch_desk.domain.errors import DomainError, PermissionDenied, ValidationFailed
from lorch_desk.domain.permissions import Role
from lorch_desk.models.consultations import ConsultationRecord, TreatmentPlan
from lorch_desk.services.consultations import (
    ConsultationInput,
    correct_consultation,
    list_consultations,
    record_consultation,
)
from lorch_desk.services.treatment_plans import (
    PlanLineInput,
    TreatmentPlanInput,
    list_treatment_plans,
    save_treatment_plan,
)
from tests.services.consultant_clinic import ConsultantClinic, at


@pytest.fixture()
def clinic(database, actor_for) -> ConsultantClinic:  # noqa: ANN001
    clinic = ConsultantClinic(database, actor_for)
    clinic.hire("王芳")
    clinic.hire("李医生", Role.DOCTOR)
    clinic.stock_catalogue()
    return clinic


def test_not_closed_without_a_reason_is_refused_and_nothing_is_saved(clinic, count_rows) -> None:  # noqa: ANN001
    customer = clinic.register("陈静")
    data = ConsultationInput("咨询面部年轻化", ConsultationOutcome.NOT_CLOSED)
    with pytest.raises(ValidationFailed) as refused:
        clinic.run(
            clinic.staff["王芳"],
            record_consultation,
            customer_id=customer,
            arrival_id=None,
            data=data,
        )
    assert refused.value.field == "not_closed_reason"
    assert count_rows(ConsultationRecord) == 0


def test_other_reason_needs_its_free_text(clinic) -> None:  # noqa: ANN001
    customer = clinic.register("陈静")
    data = ConsultationInput("", "not_closed", NotClosedReason.OTHER, "  ")
    with pytest.raises(ValidationFailed) as refused:
        clinic.run(
            clinic.staff["王芳"],
            record_consultation,
            customer_id=customer,
            arrival_id=None,
            data=data,
        )
    assert refused.value.field == "not_closed_note"


def test_a_correction_is_a_new_version_and_the_old_one_stays(clinic, count_rows) -> None:  # noqa: ANN001
    wang = clinic.staff["王芳"]
    customer = clinic.register("陈静")
    first = clinic.run(
        wang,
        record_consultation,
        customer_id=customer,
        arrival_id=None,
        data=ConsultationInput("想了解针灸", "not_closed", "price", "觉得贵"),
        now=at(10, 0),
    )
    assert first.outcome is ConsultationOutcome.NOT_CLOSED
    assert first.consultant_name == "王芳"
    second = clinic.run(
        wang,
        correct_consultation,
        record_id=first.id,
        data=ConsultationInput("想了解针灸, 当场成交", "deal_closed"),
    )
    assert (second.version, second.supersedes_id, second.not_closed_reason) == (2, first.id, None)
    assert count_rows(ConsultationRecord) == 2
    shown = clinic.run(wang, list_consultations, customer_id=customer)
    assert [(r.version, r.outcome) for r in shown] == [(2, ConsultationOutcome.DEAL_CLOSED)]
    with pytest.raises(DomainError) as refused:
        clinic.run(
            wang,
            correct_consultation,
            record_id=first.id,
            data=ConsultationInput("", "deal_closed"),
        )
    assert refused.value.code == "document_superseded"


def test_a_saved_record_cannot_be_edited_in_place(clinic, database) -> None:  # noqa: ANN001
    wang = clinic.staff["王芳"]
    customer = clinic.register("陈静")
    record = clinic.run(
        wang,
        record_consultation,
        customer_id=customer,
        arrival_id=None,
        data=ConsultationInput("", "deal_closed"),
    )
    with database.unit_of_work(wang) as uow, pytest.raises(DomainError) as refused:
        uow.session.get(ConsultationRecord, record.id).notes = "偷偷改"
        uow.session.flush()
    assert refused.value.code == "document_is_final"


def test_a_receptionist_may_not_write_a_consultation(clinic) -> None:  # noqa: ANN001
    customer = clinic.register("陈静")
    with pytest.raises(PermissionDenied):
        clinic.run(
            clinic.receptionist,
            record_consultation,
            customer_id=customer,
            arrival_id=None,
            data=ConsultationInput("", "deal_closed"),
        )


def test_a_plan_prices_from_the_catalogue_and_totals_in_decimal(clinic, count_rows) -> None:  # noqa: ANN001
    wang = clinic.staff["王芳"]
    customer = clinic.register("陈静")
    plan = clinic.run(
        wang,
        save_treatment_plan,
        customer_id=customer,
        arrival_id=None,
        data=TreatmentPlanInput(
            [
                PlanLineInput(clinic.services["针灸"], Decimal("3")),
                PlanLineInput(clinic.services["艾灸疗程"], Decimal("1")),
            ],
            "每周两次",
        ),
    )
    assert [(line.name, line.line_total) for line in plan.lines] == [
        ("针灸", Decimal("840.00")),
        ("艾灸疗程", Decimal("1280.00")),
    ]
    assert plan.total == Decimal("2120.00")
    revised = clinic.run(
        wang,
        save_treatment_plan,
        customer_id=customer,
        arrival_id=None,
        data=TreatmentPlanInput([PlanLineInput(clinic.services["推拿"], Decimal("2"))]),
        supersedes_id=plan.id,
    )
    assert (revised.version, revised.total) == (2, Decimal("396.00"))
    assert [p.id for p in clinic.run(wang, list_treatment_plans, customer_id=customer)] == [
        revised.id
    ]
    with pytest.raises(ValidationFailed) as refused:
        clinic.run(
            wang,
            save_treatment_plan,
            customer_id=customer,
            arrival_id=None,
            data=TreatmentPlanInput([PlanLineInput(clinic.services["推拿"], Decimal("0"))]),
        )
    assert refused.value.field == "lines.1.quantity"
    assert count_rows(TreatmentPlan) == 2
