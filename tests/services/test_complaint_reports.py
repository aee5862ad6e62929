"""投诉月报 and the call centre's month: complaints by cause, channel, status; agents' quality."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lorch_desk.domain.errors import PermissionDenied
from lorch_desk.domain.labels import Label
from lorch_desk.domain.progress import SilentProgress
from lorch_desk.services import complaints, report_catalogue
from lorch_desk.services.call_reviews import CallReviewInput, review_call
from lorch_desk.services.calls import CallInput, log_call
from lorch_desk.services.complaints import ComplaintInput
from lorch_desk.services.reports import run_report
from tests.conftest import actors_at
from tests.services.service_clinic import ServiceClinic, at


@pytest.fixture()
def clinic(database, node) -> ServiceClinic:  # noqa: ANN001
    report_catalogue.load_all()
    return ServiceClinic(database, actors_at(node))


def _complaint(
    clinic: ServiceClinic,
    day: date,
    channel: str,
    deadline: date | None = None,
    close_on=None,  # noqa: ANN001
):  # noqa: ANN202
    run, agent = clinic.run, clinic.agent
    cid = run(
        agent,
        complaints.receive_complaint,
        data=ComplaintInput(matter="投诉", channel=channel, customer_id=clinic.customer_id),
        now=at(9, 0, day),
    ).row.id
    if deadline is None:
        return cid
    run(
        agent,
        complaints.route_complaint,
        complaint_id=cid,
        handling="own_authority",
        now=at(9, 1, day),
    )
    run(agent, complaints.add_investigation_note, complaint_id=cid, notes="n", now=at(9, 2, day))
    run(
        agent,
        complaints.plan_complaint,
        complaint_id=cid,
        measures="m",
        department="d",
        responsible_person="p",
        deadline=deadline,
        now=at(9, 3, day),
    )
    if close_on is None:
        return cid
    run(
        agent,
        complaints.record_result,
        complaint_id=cid,
        result="r",
        sign_off="paper",
        now=at(9, 4, day),
    )
    run(agent, complaints.record_cause, complaint_id=cid, cause="product", now=at(9, 5, day))
    run(agent, complaints.summarise_complaint, complaint_id=cid, summary="s", now=at(9, 6, day))
    run(agent, complaints.close_complaint, complaint_id=cid, now=at(10, 0, close_on))
    return cid


def test_the_month_is_counted_by_cause_channel_and_status(clinic: ServiceClinic) -> None:
    november = date(2026, 11, 1)
    _complaint(clinic, date(2026, 11, 2), "phone", deadline=date(2026, 11, 3))  # overdue
    _complaint(clinic, date(2026, 11, 4), "visit", deadline=date(2099, 1, 1))  # not yet due
    _complaint(
        clinic, date(2026, 11, 5), "visit", deadline=date(2026, 11, 6), close_on=date(2026, 11, 8)
    )
    _complaint(
        clinic,
        date(2026, 11, 10),
        "wechat",
        deadline=date(2026, 11, 10),
        close_on=date(2026, 11, 10),
    )
    _complaint(clinic, date(2026, 11, 12), "phone")
    _complaint(clinic, date(2026, 10, 30), "phone")  # October: another month

    rows = clinic.run(
        clinic.supervisor,
        run_report,
        key="customer_service.complaints_month",
        values={"month": november.isoformat()},
        progress=SilentProgress(),
    ).rows
    table = {
        (r["group"].zh, r["value"].zh): (
            r["complaints"],
            r["overdue"],
            r["closed"],
            r["days_to_close"],
        )
        for r in rows
    }
    assert table == {
        ("原因", "产品"): (2, 0, 2, Decimal("1.5")),
        ("原因", "未分析"): (3, 1, 0, None),
        ("渠道", "来访"): (2, 0, 1, Decimal("3.0")),
        ("渠道", "电话"): (2, 1, 0, None),
        ("渠道", "微信"): (1, 0, 1, Decimal("0.0")),
        ("状态", "已受理"): (1, 0, 0, None),
        ("状态", "处理中"): (2, 1, 0, None),
        ("状态", "已结案"): (2, 0, 2, Decimal("1.5")),
        ("合计", "合计"): (5, 1, 2, Decimal("1.5")),
    }
    assert isinstance(rows[-1]["value"], Label) and rows[-1]["value"].en == "Total"


def test_the_call_centre_month_per_agent_is_a_report_for_supervisors(clinic: ServiceClinic) -> None:
    data = CallInput(direction="inbound", topic="product", outcome="resolved", number="010-1")
    call = clinic.run(clinic.agent, log_call, data=data, now=at(10))
    scores = CallReviewInput(courtesy=5, knowledge=4, resolution=4, process=5)
    clinic.run(clinic.supervisor, review_call, call_id=call.id, data=scores, now=at(11))
    values = {"month": "2026-11-01"}

    rows = clinic.run(
        clinic.supervisor,
        run_report,
        key="customer_service.call_agents_month",
        values=values,
        progress=SilentProgress(),
    ).rows

    assert rows == [
        {"agent": "陈静", "inbound": 1, "outbound": 0, "reviewed": 1, "quality": Decimal("90.0")}
    ]
    with pytest.raises(PermissionDenied):
        clinic.run(
            clinic.agent,
            run_report,
            key="customer_service.call_agents_month",
            values=values,
            progress=SilentProgress(),
        )
