"""投诉: a complaint taken from intake to closing as the clinic does it, and its refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from lorch_desk.domain.complaints import ComplaintStatus, ComplaintStepKind
from lorch_desk.domain.errors import (
    ComplaintStepOutOfOrder,
    PermissionDenied,
    ValidationFailed,
)
from lorch_desk.domain.permissions import Role
from lorch_desk.models.complaints import Complaint, ComplaintStep
from lorch_desk.models.front_desk import ConsultantSuspension
from lorch_desk.models.staff import Attachment
from lorch_desk.services import complaints, triage
from lorch_desk.services.complaint_queries import get_complaint, list_complaints
from lorch_desk.services.complaint_suspension import suspend_consultant_for_complaint
from lorch_desk.services.complaints import ComplaintInput
from tests.conftest import actors_at
from tests.services.service_clinic import CUSTOMER_MOBILE, DAY, ServiceClinic, at

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.fixture()
def clinic(database, node) -> ServiceClinic:  # noqa: ANN001
    return ServiceClinic(database, actors_at(node))


def _receive(clinic: ServiceClinic, **values):  # noqa: ANN202
    fields = {"matter": "美容师态度冷淡，做项目时玩手机", "channel": "visit"}
    fields.update(values)
    return clinic.run(
        clinic.agent, complaints.receive_complaint, data=ComplaintInput(**fields), now=at(10)
    )


def _count(clinic: ServiceClinic, model) -> int:  # noqa: ANN001
    with clinic.database.unit_of_work(clinic.agent, read_only=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def _to_plan(clinic: ServiceClinic, complaint_id, deadline: date = DAY + timedelta(days=3)):  # noqa: ANN001, ANN202
    run, agent = clinic.run, clinic.agent
    run(
        agent,
        complaints.route_complaint,
        complaint_id=complaint_id,
        handling="own_authority",
        now=at(10, 5),
    )
    run(
        agent,
        complaints.add_investigation_note,
        complaint_id=complaint_id,
        notes="查看排班与监控",
        now=at(11),
    )
    return run(
        agent,
        complaints.plan_complaint,
        complaint_id=complaint_id,
        measures="当面致歉，赠送一次护理",
        department="客服部",
        responsible_person="陈静",
        deadline=deadline,
        now=at(11, 30),
    )


def test_a_customer_complaint_is_taken_step_by_step_to_closed(clinic: ServiceClinic) -> None:
    received = _receive(
        clinic, customer_id=clinic.customer_id, about_staff_id=clinic.id_of(clinic.consultant)
    )
    assert received.row.customer_name == "赵敏"
    assert received.row.contact == CUSTOMER_MOBILE  # taken from the registry
    assert received.row.status is ComplaintStatus.RECEIVED
    assert received.next_steps == (ComplaintStepKind.ROUTE,)
    assert received.row.number.startswith("BJ-2026-")
    cid = received.row.id

    planned = _to_plan(clinic, cid)
    assert planned.row.plan_deadline == DAY + timedelta(days=3)
    run, agent = clinic.run, clinic.agent
    run(agent, complaints.report_progress, complaint_id=cid, text="已电话告知处理进度", now=at(14))
    run(
        agent,
        complaints.record_result,
        complaint_id=cid,
        result="客户接受致歉与补偿",
        sign_off="drawn",
        signature_png=PNG,
        now=at(15),
    )
    run(
        agent,
        complaints.record_cause,
        complaint_id=cid,
        cause="service",
        is_service_attitude=True,
        analysis="服务意识不足",
        now=at(15, 10),
    )
    run(
        agent,
        complaints.summarise_complaint,
        complaint_id=cid,
        summary="加强服务礼仪培训",
        now=at(16),
    )
    closed = run(agent, complaints.close_complaint, complaint_id=cid, now=at(16, 30))

    assert closed.row.status is ComplaintStatus.CLOSED
    assert closed.row.closed_at == at(16, 30)
    assert closed.row.cause == "service" and closed.is_service_attitude
    assert [s.kind.value for s in closed.steps] == [
        "receive",
        "route",
        "investigate",
        "plan",
        "report_progress",
        "record_result",
        "record_cause",
        "summarise",
        "close",
    ]
    assert closed.signature_png == PNG
    assert closed.steps[5].has_signature and closed.steps[5].choice == "drawn"
    assert closed.steps[3].department == "客服部" and closed.steps[3].responsible_person == "陈静"
    assert closed.next_steps == ()
    with clinic.database.unit_of_work(clinic.agent, read_only=True) as uow:
        stored = uow.session.get(Complaint, cid)
        assert stored.status == "closed" and stored.handling == "own_authority"
        signature = uow.session.scalars(select(Attachment).where(Attachment.owner_id == cid)).one()
        assert signature.media_type == "image/png" and signature.content == PNG


def test_someone_not_a_customer_complains_with_a_name_and_contact(clinic: ServiceClinic) -> None:
    detail = _receive(clinic, customer_name="路人甲", contact="010-88886666", channel="phone")
    assert detail.customer_id is None
    assert (detail.row.customer_name, detail.row.contact) == ("路人甲", "010-88886666")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"customer_name": "", "contact": "1"}, "customer_name"),
        ({"customer_name": "甲", "contact": " "}, "contact"),
        ({"customer_name": "甲", "contact": "1", "matter": "  "}, "matter"),
        ({"customer_name": "甲", "contact": "1", "channel": "pigeon"}, "channel"),
    ],
)
def test_bad_intake_is_refused_and_writes_nothing(clinic: ServiceClinic, values, field) -> None:  # noqa: ANN001
    with pytest.raises(ValidationFailed) as refused:
        _receive(clinic, **values)
    assert refused.value.field == field
    assert _count(clinic, Complaint) == 0 and _count(clinic, ComplaintStep) == 0


def test_a_step_out_of_order_is_refused_and_writes_nothing(clinic: ServiceClinic) -> None:
    cid = _receive(clinic, customer_id=clinic.customer_id).row.id
    with pytest.raises(ComplaintStepOutOfOrder):
        clinic.run(
            clinic.agent, complaints.add_investigation_note, complaint_id=cid, notes="x", now=at(11)
        )
    with pytest.raises(ComplaintStepOutOfOrder):
        clinic.run(clinic.agent, complaints.close_complaint, complaint_id=cid, now=at(11))
    assert _count(clinic, ComplaintStep) == 1


def test_escalation_goes_to_a_supervisor(clinic: ServiceClinic) -> None:
    cid = _receive(clinic, customer_id=clinic.customer_id).row.id
    for target, rule in ((None, "required"), (clinic.id_of(clinic.consultant), "not_a_supervisor")):
        with pytest.raises(ValidationFailed) as refused:
            clinic.run(
                clinic.agent,
                complaints.route_complaint,
                complaint_id=cid,
                handling="escalated",
                escalated_to_id=target,
            )
        assert refused.value.params["rule"] == rule
    routed = clinic.run(
        clinic.agent,
        complaints.route_complaint,
        complaint_id=cid,
        handling="escalated",
        escalated_to_id=clinic.id_of(clinic.supervisor),
        note="涉及退款，超出权限",
        now=at(10, 10),
    )
    assert routed.handling == "escalated" and routed.escalated_to_name == "刘主管"
    assert routed.steps[-1].staff_name == "刘主管" and routed.steps[-1].text == "涉及退款，超出权限"


def test_a_plan_needs_its_fields_and_a_deadline_not_before_intake(clinic: ServiceClinic) -> None:
    cid = _receive(clinic, customer_id=clinic.customer_id).row.id
    with pytest.raises(ValidationFailed) as early:
        _to_plan(clinic, cid, deadline=DAY - timedelta(days=1))
    assert early.value.field == "deadline"
    with pytest.raises(ValidationFailed) as no_person:
        clinic.run(
            clinic.agent,
            complaints.plan_complaint,
            complaint_id=cid,
            measures="m",
            department="d",
            responsible_person=" ",
            deadline=DAY,
        )
    assert no_person.value.field == "responsible_person"
    assert get_complaint_status(clinic, cid) is ComplaintStatus.INVESTIGATING


def get_complaint_status(clinic: ServiceClinic, cid) -> ComplaintStatus:  # noqa: ANN001
    with clinic.database.unit_of_work(clinic.agent, read_only=True) as uow:
        return get_complaint(uow, complaint_id=cid, today=DAY).row.status


def test_a_drawn_sign_off_needs_a_png(clinic: ServiceClinic) -> None:
    cid = _to_plan(clinic, _receive(clinic, customer_id=clinic.customer_id).row.id).row.id
    for png, rule in ((None, "required"), (b"GIF89a....", "file_type")):
        with pytest.raises(ValidationFailed) as refused:
            clinic.run(
                clinic.agent,
                complaints.record_result,
                complaint_id=cid,
                result="ok",
                sign_off="drawn",
                signature_png=png,
            )
        assert refused.value.params["rule"] == rule
    assert _count(clinic, Attachment) == 0
    paper = clinic.run(
        clinic.agent,
        complaints.record_result,
        complaint_id=cid,
        result="ok",
        sign_off="paper",
        now=at(12),
    )
    assert paper.row.status is ComplaintStatus.RESOLVED and paper.signature_png is None


def test_overdue_complaints_are_flagged_until_closed(clinic: ServiceClinic) -> None:
    late = _to_plan(
        clinic, _receive(clinic, customer_id=clinic.customer_id).row.id, deadline=DAY
    ).row.id
    _receive(clinic, customer_name="钱多多", contact="13900000001")
    with clinic.database.unit_of_work(clinic.agent, read_only=True) as uow:
        today = list_complaints(uow, today=DAY)
        tomorrow = list_complaints(uow, today=DAY + timedelta(days=1))
        overdue = list_complaints(uow, today=DAY + timedelta(days=1), overdue_only=True)
    assert not any(row.is_overdue for row in today)
    assert [row.id for row in tomorrow if row.is_overdue] == [late]
    assert [row.id for row in overdue] == [late]


def test_only_complaint_handlers_may_receive(clinic: ServiceClinic) -> None:
    pharmacist = clinic.make_actor(Role.PHARMACIST)
    with pytest.raises(PermissionDenied):
        clinic.run(
            pharmacist,
            complaints.receive_complaint,
            data=ComplaintInput(matter="m", channel="visit", customer_name="甲", contact="1"),
        )


def test_a_service_attitude_complaint_suspends_the_consultant_for_a_day(
    clinic: ServiceClinic,
) -> None:
    consultant_id = clinic.id_of(clinic.consultant)
    cid = _to_plan(
        clinic,
        _receive(clinic, about_staff_id=consultant_id, customer_id=clinic.customer_id).row.id,
    ).row.id
    clinic.run(
        clinic.agent,
        complaints.record_result,
        complaint_id=cid,
        result="ok",
        sign_off="paper",
        now=at(12),
    )
    with pytest.raises(ValidationFailed):  # no cause yet
        clinic.run(
            clinic.supervisor, suspend_consultant_for_complaint, complaint_id=cid, now=at(12, 5)
        )
    detail = clinic.run(
        clinic.agent,
        complaints.record_cause,
        complaint_id=cid,
        cause="service",
        is_service_attitude=True,
        now=at(12, 10),
    )
    assert detail.may_suspend_consultant
    with pytest.raises(PermissionDenied):  # the supervisor decides, not the agent
        clinic.run(clinic.agent, suspend_consultant_for_complaint, complaint_id=cid, now=at(12, 15))
    clinic.run(
        clinic.supervisor,
        triage.join_rotation,
        consultant_id=consultant_id,
        rotation_order=1,
        now=at(8, 30),
    )

    suspended = clinic.run(
        clinic.supervisor, suspend_consultant_for_complaint, complaint_id=cid, now=at(12, 20)
    )

    assert not suspended.may_suspend_consultant
    assert suspended.steps[-1].kind is ComplaintStepKind.SUSPEND_CONSULTANT
    assert suspended.row.status is ComplaintStatus.CAUSE_FOUND  # the order of steps is unchanged
    with clinic.database.unit_of_work(clinic.agent, read_only=True) as uow:
        day = triage.load_day(uow, day=DAY, lock=False)
        stored = uow.session.scalars(select(ConsultantSuspension)).one()
        assert (stored.kind, stored.source_id) == ("complaint", cid)
        assert stored.ends_at == at(12, 20) + timedelta(days=1)
    assert day.consultant(str(consultant_id)).suspended_until == at(12, 20) + timedelta(days=1)
    with pytest.raises(ValidationFailed):  # once per complaint
        clinic.run(
            clinic.supervisor, suspend_consultant_for_complaint, complaint_id=cid, now=at(12, 25)
        )


def test_a_complaint_runs_the_same_on_postgresql(pg_database, pg_node) -> None:  # noqa: ANN001
    clinic = ServiceClinic(pg_database, actors_at(pg_node))
    cid = _to_plan(
        clinic, _receive(clinic, customer_id=clinic.customer_id).row.id, deadline=DAY
    ).row.id
    with pg_database.unit_of_work(clinic.agent, read_only=True) as uow:
        overdue = list_complaints(uow, today=DAY + timedelta(days=1), overdue_only=True)
    assert [row.id for row in overdue] == [cid]
    with pytest.raises(ComplaintStepOutOfOrder):
        clinic.run(clinic.agent, complaints.close_complaint, complaint_id=cid)
