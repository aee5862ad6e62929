"""The demo's complaints and call log: a new, an open, an overdue and a signed closed complaint;
calls of today and the last days with some reviewed. Every time lies in the past and today's
calls inside today, whatever the hour the demo is made.
"""

from __future__ import annotations

import io
import uuid
from datetime import datetime, timedelta

from PIL import Image, ImageDraw
from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.clock import clinic_midnight, clinic_time
from lorch_desk.models.customer import Customer
from lorch_desk.models.staff import UserAccount
from lorch_desk.services import complaints
from lorch_desk.services.call_reviews import CallReviewInput, review_call
from lorch_desk.services.calls import CallInput, log_call
from lorch_desk.services.complaints import ComplaintInput
from lorch_desk.services.demo_inquiries import _acting

AGENT, CONSULTANT, SUPERVISOR = "chenjing", "lina", "sunqiang"

# (direction, topic, outcome, customer index or None, number, caller, summary, minutes)
_CALLS = (
    ("inbound", "appointment", "appointment_booked", 0, "", "", "预约下周二复诊", 3),
    ("inbound", "consultation", "resolved", None, "010-65881234", "张先生", "咨询体检套餐价格", 5),
    ("outbound", "satisfaction_survey", "resolved", 1, "", "", "满意度回访：非常满意", 4),
    ("outbound", "customer_care", "no_answer", 2, "", "", "", 0),
    ("inbound", "complaint", "transferred", 1, "", "", "对护理效果不满，转投诉处理", 6),
)
# (call index, courtesy, knowledge, resolution, process, comment)
_REVIEWS = (
    (0, 5, 4, 5, 5, "流程规范，语气亲切"),
    (2, 4, 3, 4, 4, "产品知识需加强"),
)


def seed_demo_complaints(uow: UnitOfWork, *, now: datetime) -> int:
    """Add the demo's complaints and calls at the acting site; how many complaints."""
    users = {
        user.username: user
        for user in uow.session.scalars(
            select(UserAccount).where(UserAccount.site_id == uow.actor.site_id)
        )
    }
    if AGENT not in users or SUPERVISOR not in users:
        return 0
    customers = list(
        uow.session.scalars(
            select(Customer.id)
            .where(Customer.site_id == uow.actor.site_id, Customer.deleted_at.is_(None))
            .order_by(Customer.file_number)
            .limit(3)
        )
    )
    if len(customers) < 3:
        return 0
    consultant = users.get(CONSULTANT)
    with _acting(uow, users[AGENT]) as desk:
        _new(desk, customers[0], now)
        _open(desk, customers[1], now)
        _overdue(desk, customers[2], consultant.id if consultant else None, now)
        _closed(desk, users[SUPERVISOR].id, now)
        calls = _calls(desk, customers, now)
    with _acting(uow, users[SUPERVISOR]) as supervisor:
        for index, courtesy, knowledge, resolution, process, comment in _REVIEWS:
            scores = CallReviewInput(
                courtesy=courtesy,
                knowledge=knowledge,
                resolution=resolution,
                process=process,
                comment=comment,
            )
            review_call(supervisor, call_id=calls[index], data=scores, now=now)
    return 4


def _new(uow: UnitOfWork, customer_id: uuid.UUID, now: datetime) -> None:
    data = ComplaintInput(
        matter="预约时间被临时更改，未提前通知", channel="phone", customer_id=customer_id
    )
    complaints.receive_complaint(uow, data=data, now=now)


def _open(uow: UnitOfWork, customer_id: uuid.UUID, now: datetime) -> None:
    received = now - timedelta(days=2)
    cid = _planned(
        uow,
        ComplaintInput(matter="护理后皮肤泛红", channel="visit", customer_id=customer_id),
        received,
        deadline_days=5,
        measures="安排皮肤科医生复诊，跟踪恢复情况",
    )
    complaints.report_progress(
        uow, complaint_id=cid, text="已电话告知复诊安排", now=received + timedelta(days=1)
    )


def _overdue(
    uow: UnitOfWork, customer_id: uuid.UUID, consultant_id: uuid.UUID | None, now: datetime
) -> None:
    data = ComplaintInput(
        matter="咨询师态度冷淡，解答不耐心",
        channel="wechat",
        customer_id=customer_id,
        about_staff_id=consultant_id,
    )
    _planned(uow, data, now - timedelta(days=6), deadline_days=1, measures="主管约谈并当面致歉")


def _closed(uow: UnitOfWork, supervisor_id: uuid.UUID, now: datetime) -> None:
    received = now - timedelta(days=10)
    data = ComplaintInput(
        matter="购买的营养素外包装破损",
        channel="letter",
        customer_name="周女士",
        contact="13910086000",
    )
    cid = complaints.receive_complaint(uow, data=data, now=received).row.id
    steps = (
        (complaints.route_complaint, {"handling": "escalated", "escalated_to_id": supervisor_id}),
        (complaints.add_investigation_note, {"notes": "物流运输中挤压，批次质量正常"}),
        (
            complaints.plan_complaint,
            {
                "measures": "换货并赠送试用装",
                "department": "产品部",
                "responsible_person": "冯洁",
                "deadline": clinic_time(received).date() + timedelta(days=3),
            },
        ),
        (complaints.report_progress, {"text": "新货已发出"}),
        (
            complaints.record_result,
            {
                "result": "客户收到换货，表示满意",
                "sign_off": "drawn",
                "signature_png": _signature(),
            },
        ),
        (complaints.record_cause, {"cause": "product", "analysis": "外包装抗压不足"}),
        (complaints.summarise_complaint, {"summary": "改用加厚纸箱发货，已通报仓库"}),
        (complaints.close_complaint, {}),
    )
    for hours, (operation, values) in enumerate(steps, start=1):
        operation(uow, complaint_id=cid, now=received + timedelta(hours=6 * hours), **values)


def _planned(
    uow: UnitOfWork, data: ComplaintInput, received: datetime, *, deadline_days: int, measures: str
) -> uuid.UUID:
    cid = complaints.receive_complaint(uow, data=data, now=received).row.id
    complaints.route_complaint(
        uow, complaint_id=cid, handling="own_authority", now=received + timedelta(minutes=10)
    )
    complaints.add_investigation_note(
        uow, complaint_id=cid, notes="核对服务记录并询问当事员工", now=received + timedelta(hours=2)
    )
    complaints.plan_complaint(
        uow,
        complaint_id=cid,
        measures=measures,
        department="客服部",
        responsible_person="陈静",
        deadline=clinic_time(received).date() + timedelta(days=deadline_days),
        now=received + timedelta(hours=3),
    )
    return cid


def _calls(uow: UnitOfWork, customers: list[uuid.UUID], now: datetime) -> list[uuid.UUID]:
    """The calls: the first three today (spread over the part of today gone by), then earlier."""
    today_start = clinic_midnight(clinic_time(now).date())
    moments = [today_start + (now - today_start) * share for share in (0.3, 0.6, 0.9)]
    moments += [now - timedelta(days=1, hours=2), now - timedelta(days=3)]
    ids = []
    for moment, call in zip(moments, _CALLS, strict=True):
        direction, topic, outcome, customer, number, caller, summary, minutes = call
        data = CallInput(
            direction=direction,
            topic=topic,
            outcome=outcome,
            number=number,
            customer_id=customers[customer] if customer is not None else None,
            caller_name=caller,
            summary=summary,
            duration_seconds=minutes * 60,
            called_at=moment,
        )
        ids.append(log_call(uow, data=data, now=now).id)
    return ids


def _signature() -> bytes:
    """A drawn signature as the pad stores it: black strokes on a transparent PNG."""
    image = Image.new("RGBA", (480, 160), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(30, 120), (90, 40), (130, 120), (170, 50)], fill="black", width=4)
    draw.line([(200, 110), (260, 60), (320, 115), (420, 55)], fill="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
