"""The demo's inquiry desk and calendar: leads from several channels, rooms, and today's and
tomorrow's appointments with their messages.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta

from sqlalchemy import select

from lorch_desk.db import session_rules
from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.actor import Actor
from lorch_desk.domain.clock import clinic_time, clinic_time_zone
from lorch_desk.domain.permissions import Role
from lorch_desk.models.customer import Customer
from lorch_desk.models.staff import UserAccount
from lorch_desk.services import appointments, inquiries, messages

ROOMS = (("R1", "治疗室一"), ("R2", "理疗室"), ("R3", "体检室"))

# (name, gender, channel, intake, source, item, status, registered by, hours ago, contacts)
_LEADS = (
    ("王女士", "female", "online", "web", "美团", "祛斑", "following", "qianmin", 30,
     ("咨询光子嫩肤价格, 已发项目介绍", "回访: 周末考虑")),
    ("刘先生", "male", "hotline", "phone", "400热线", "体检套餐", "following", "qianmin", 20,
     ("想给父母做体检",)),
    ("陈女士", "female", "market", "event", "地推活动", "减重", "lost", "qianmin", 72,
     ("电话未接", "明确表示不需要")),
    ("周女士", "female", "online", "wechat", "小红书", "抗衰老", "following", "lina", 6, ()),
    ("孙先生", "male", "referral", "phone", "老客户转介绍", "中医调理", "following", "qianmin", 3,
     ("介绍人: 王秀英",)),
    ("何女士", "female", "institution", "phone", "合作机构", "体检报告解读", "following",
     "qianmin", 26, ()),
    ("吴女士", "female", "online", "web", "百度", "光子嫩肤", "following", "qianmin", 2, ()),
    ("郑先生", "male", "hotline", "phone", "400热线", "膏方", "following", "qianmin", 1, ()),
)  # fmt: skip

# Bookings: (lead name or None for a registered customer, day offset, hh, mm, minutes,
# staff username, room code, item, purpose)
_BOOKINGS = (
    ("刘先生", 1, 9, 30, 60, "zhangwei", "R3", "体检套餐", "consultation"),
    ("周女士", 0, 15, 0, 30, "lina", None, "抗衰老", "consultation"),
    ("何女士", 1, 10, 30, 30, "huangtao", None, "体检报告解读", "report_reading"),
    (None, 0, 16, 0, 60, "zhangwei", "R1", "功能医学复诊", "revisit"),
    (None, 1, 11, 0, 45, "yangfan", None, "营养素咨询", "consultation"),
    (None, 1, 14, 0, 90, "huangtao", "R2", "中医理疗", "treatment"),
    (None, 1, 15, 30, 30, "zhangwei", None, "复查", "revisit"),
)


def seed_demo_inquiries(uow: UnitOfWork, *, now: datetime) -> int:
    """Add the demo's rooms, leads and bookings at the acting site; how many bookings."""
    users = {
        user.username: user
        for user in uow.session.scalars(
            select(UserAccount).where(UserAccount.site_id == uow.actor.site_id)
        )
    }
    if "qianmin" not in users or "zhangwei" not in users:
        return 0
    rooms = {code: appointments.add_room(uow, code=code, name=name) for code, name in ROOMS}
    leads = {}
    for index, lead in enumerate(_LEADS):
        name, gender, channel, intake, source, item, status, by, hours, contacts = lead
        inquired_at = now - timedelta(hours=hours)
        with _acting(uow, users[by]) as desk:
            leads[name] = inquiries.register_inquiry(
                desk,
                data=inquiries.InquiryInput(
                    customer_name=name,
                    gender=gender,
                    mobile=f"1371008{index:04d}",
                    region="朝阳区",
                    referrer_name="王秀英" if channel == "referral" else "无",
                    channel=channel,
                    intake_type=intake,
                    developer_id=users["qianmin"].id,
                    consultant_id=_consultant(users, by, index),
                    item_type=item,
                    appointment_at=_at(now, 1 + index % 3, 9 + index, 0),
                    status=status,
                    source=source,
                    notes=f"{source}咨询{item}",
                ),
                now=inquired_at,
            )
            for step, content in enumerate(contacts, start=1):
                inquiries.log_contact(
                    desk,
                    inquiry_id=leads[name].id,
                    method="phone",
                    content=content,
                    now=inquired_at + timedelta(hours=step),
                )
    customers = uow.session.scalars(
        select(Customer)
        .where(Customer.site_id == uow.actor.site_id, Customer.deleted_at.is_(None))
        .order_by(Customer.file_number)
        .offset(20)
        .limit(10)
    ).all()
    booked = []
    for index, (lead, days, hour, minute, minutes, staff, room, item, purpose) in enumerate(
        _BOOKINGS
    ):
        starts = _at(now, days, hour, minute)
        customer = customers[index % len(customers)] if customers and lead is None else None
        with _acting(uow, users.get(staff) if lead == "周女士" else None) as desk:
            booked.append(
                appointments.book_appointment(
                    desk,
                    data=appointments.AppointmentInput(
                        starts_at=starts,
                        ends_at=starts + timedelta(minutes=minutes),
                        item=item,
                        purpose=purpose,
                        staff_id=users[staff].id if staff in users else None,
                        room_id=rooms[room].id if room else None,
                        inquiry_id=leads[lead].id if lead else None,
                        customer_id=customer.id if customer else None,
                        customer_name="" if (lead or customer) else "客户",
                    ),
                    now=starts - timedelta(days=2),
                )
            )
    appointments.cancel_appointment(
        uow, appointment_id=booked[4].id, reason="客户出差", now=now - timedelta(hours=1)
    )
    for message in messages.list_messages(uow)[-3:]:
        messages.mark_sent(uow, message_id=message.id, now=now - timedelta(hours=2))
    return len(booked)


def _consultant(users: dict[str, UserAccount], by: str, index: int) -> uuid.UUID | None:
    """The registering consultant, else the consultants of the site in turn."""
    if users.get(by) is not None and users[by].role == Role.CONSULTANT.value:
        return users[by].id
    consultants = sorted(
        (user for user in users.values() if user.role == Role.CONSULTANT.value),
        key=lambda user: user.username,
    )
    return consultants[index % len(consultants)].id if consultants else None


def _at(now: datetime, days: int, hour: int, minute: int) -> datetime:
    day = clinic_time(now).date() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=clinic_time_zone())


@contextmanager
def _acting(uow: UnitOfWork, user: UserAccount | None) -> Iterator[UnitOfWork]:
    """The same transaction acting as `user` (rows are stamped as theirs), or unchanged."""
    if user is None:
        yield uow
        return
    actor = Actor(
        user.id,
        user.username,
        user.display_name,
        Role(user.role),
        uow.actor.site_id,
        uow.actor.site_code,
        uow.actor.node_id,
    )
    previous = uow.session.info[session_rules.ACTOR_KEY]
    uow.session.info[session_rules.ACTOR_KEY] = actor
    try:
        yield UnitOfWork(uow.session, actor)
        uow.session.flush()
    finally:
        uow.session.info[session_rules.ACTOR_KEY] = previous
