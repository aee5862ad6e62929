"""预约: booking, moving, cancelling and checking in, with no person or room booked twice."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from lorch_desk.domain.errors import AppointmentConflict, AppointmentNotOpen, ValidationFailed
from lorch_desk.domain.inquiries import InquiryStatus
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.triage_policy import NotCountedReason
from lorch_desk.models.appointments import Appointment
from lorch_desk.models.messages import OutgoingMessage
from lorch_desk.services.appointments import (
    AppointmentInput,
    AppointmentStatus,
    add_room,
    book_appointment,
    cancel_appointment,
    check_in,
    list_appointments,
    list_bookables,
    move_appointment,
)
from lorch_desk.services.inquiries import InquiryInput, list_inquiries, register_inquiry
from lorch_desk.services.messages import list_messages
from tests.services.scheduling_desk import (  # noqa: F401 - fixtures
    DAY,
    SchedulingDesk,
    at,
    database_path,
    desk_at,
    hire,
    scheduling_template,
)


@pytest.fixture()
def desk(database, node) -> SchedulingDesk:  # noqa: ANN001
    return desk_at(database, node)


TOMORROW = DAY + timedelta(days=1)
NOW = at(9, 0)


def _book(desk: SchedulingDesk, actor=None, **values):  # noqa: ANN001, ANN202
    fields = {
        "starts_at": at(10, 0, TOMORROW),
        "ends_at": at(11, 0, TOMORROW),
        "item": "光子嫩肤",
        "staff_id": desk.id_of("张伟"),
    }
    fields.update(values)
    return desk.run(
        actor or desk.receptionist, book_appointment, data=AppointmentInput(**fields), now=NOW
    )


def test_a_booking_writes_the_confirmation_message_in_the_same_transaction(
    desk: SchedulingDesk,
) -> None:
    fang = desk.register("王芳")

    booked = _book(desk, customer_id=fang)

    assert (booked.customer_name, booked.staff_name, booked.day) == ("王芳", "张伟", TOMORROW)
    assert booked.status is AppointmentStatus.BOOKED and booked.number.startswith("BJ-2026-")
    [message] = desk.run(desk.receptionist, list_messages)
    assert message.body == (
        "尊敬的王芳女士,您在11月24日10时,预约的光子嫩肤项目已经预约成功,请按时来中心接受服务,"
        "如有变化请提前一天通知本中心或客服,期待您的光临。"
    )
    assert (message.mobile_display, message.is_sent) == (desk.mobile_of(1), False)


def test_a_person_or_room_is_never_booked_twice_at_overlapping_times(
    desk: SchedulingDesk, count_rows
) -> None:
    room = desk.run(desk.admin, add_room, code="R1", name="治疗室一")
    _book(desk, customer_name="王芳", mobile="13911110001", room_id=room.id)

    with pytest.raises(AppointmentConflict) as person:
        _book(
            desk, customer_name="李强", starts_at=at(10, 30, TOMORROW), ends_at=at(11, 30, TOMORROW)
        )
    with pytest.raises(AppointmentConflict) as booked_room:
        _book(
            desk,
            customer_name="李强",
            staff_id=desk.id_of("李娜"),
            room_id=room.id,
            starts_at=at(9, 30, TOMORROW),
            ends_at=at(10, 1, TOMORROW),
        )
    back_to_back = _book(
        desk, customer_name="李强", starts_at=at(11, 0, TOMORROW), ends_at=at(11, 30, TOMORROW)
    )

    assert person.value.field == "staff_id"
    assert person.value.params == {"customer_name": "王芳", "starts": "10:00", "ends": "11:00"}
    assert booked_room.value.field == "room_id"
    assert back_to_back.starts_at == at(11, 0, TOMORROW)
    assert count_rows(Appointment) == 2
    assert count_rows(OutgoingMessage) == 2


def test_moving_and_cancelling_send_new_messages_and_free_the_slot(desk: SchedulingDesk) -> None:
    booked = _book(desk, customer_name="王芳", gender="female", mobile="13911110001")

    moved = desk.run(
        desk.receptionist,
        move_appointment,
        appointment_id=booked.id,
        starts_at=at(14, 30, TOMORROW),
        ends_at=at(15, 0, TOMORROW),
        staff_id=booked.staff_id,
        room_id=None,
        now=NOW,
    )
    cancelled = desk.run(
        desk.receptionist, cancel_appointment, appointment_id=moved.id, reason="出差", now=NOW
    )
    again = _book(
        desk,
        customer_name="李强",
        gender="male",
        starts_at=at(14, 30, TOMORROW),
        ends_at=at(15, 0, TOMORROW),
    )

    assert cancelled.status is AppointmentStatus.CANCELLED
    bodies = [m.body for m in desk.run(desk.receptionist, list_messages)]
    assert any(
        b.startswith("尊敬的王芳女士,您在11月24日14时30分,预约的光子嫩肤项目已经预约成功")
        for b in bodies
    )
    assert "尊敬的王芳女士,您在11月24日14时30分,预约的光子嫩肤项目已经取消,感谢您的支持!" in bodies
    assert any(b.startswith("尊敬的李强先生") for b in bodies)
    with pytest.raises(AppointmentNotOpen):
        desk.run(desk.receptionist, cancel_appointment, appointment_id=booked.id, now=NOW)
    day = desk.run(desk.receptionist, list_appointments, first_day=TOMORROW, now=NOW)
    assert [row.id for row in day] == [again.id]


def test_bad_bookings_are_refused_and_nothing_is_stored(desk: SchedulingDesk, count_rows) -> None:
    cases = [
        ({"item": " "}, "item"),
        ({"ends_at": at(9, 0, TOMORROW)}, "ends_at"),
        ({"staff_id": None}, "staff_id"),
        ({"staff_id": desk.id_of("钱敏")}, "staff_id"),
        ({"starts_at": at(8, 0), "ends_at": at(8, 30)}, "starts_at"),
        ({"customer_name": ""}, "customer_name"),
    ]
    for values, field in cases:
        values.setdefault("customer_name", "王芳")
        with pytest.raises(ValidationFailed) as refused:
            _book(desk, **values)
        assert refused.value.field == field
    assert count_rows(Appointment) == 0 and count_rows(OutgoingMessage) == 0


def test_a_lead_booked_and_checked_in_becomes_an_arrival_that_inherits_it(
    desk: SchedulingDesk, database
) -> None:
    lina = desk.staff["李娜"]
    lead = desk.run(
        lina,
        register_inquiry,
        data=InquiryInput(
            customer_name="王芳",
            gender="female",
            mobile=desk.mobile_of(1),
            region="朝阳区",
            referrer_name="无",
            channel="hotline",
            intake_type="phone",
            developer_id=desk.id_of("钱敏"),
            consultant_id=lina.user_id,
            item_type="祛斑",
            appointment_at=at(15, 0),
            source="400热线",
            notes="李娜自己约的",
        ),
    )
    booked = desk.run(
        lina,
        book_appointment,
        data=AppointmentInput(
            inquiry_id=lead.id,
            staff_id=lina.user_id,
            item="祛斑",
            starts_at=at(15, 0),
            ends_at=at(15, 30),
        ),
        now=NOW,
    )
    assert (booked.customer_name, booked.customer_id) == ("王芳", None)
    [after_booking] = desk.run(lina, list_inquiries)
    assert after_booking.status is InquiryStatus.BOOKED

    with pytest.raises(ValidationFailed) as unregistered:
        desk.run(desk.receptionist, check_in, appointment_id=booked.id, now=at(14, 55))
    fang = desk.register("王芳")
    arrival = desk.run(
        desk.receptionist, check_in, appointment_id=booked.id, customer_id=fang, now=at(14, 55)
    )

    assert unregistered.value.params["rule"] == "register_customer_first"
    assert (arrival.channel, arrival.inquiry_item, arrival.developer_name) == (
        "hotline",
        "祛斑",
        "钱敏",
    )
    assert arrival.not_counted_reason is NotCountedReason.PRE_BOOKED
    assert arrival.named_consultant_id == lina.user_id
    [row] = desk.run(desk.receptionist, list_appointments, first_day=DAY, now=at(16, 0))
    assert (row.status, row.arrival_id, row.is_no_show) == (
        AppointmentStatus.CHECKED_IN,
        arrival.arrival_id,
        False,
    )
    with database.unit_of_work(lina) as uow:
        assert uow.session.scalar(select(Appointment.customer_id)) == fang


def test_a_booking_never_checked_in_is_a_no_show_afterwards(desk: SchedulingDesk) -> None:
    _book(desk, customer_name="王芳", starts_at=at(10, 0), ends_at=at(10, 30))

    [before] = desk.run(desk.receptionist, list_appointments, first_day=DAY, now=at(10, 15))
    [after] = desk.run(desk.receptionist, list_appointments, first_day=DAY, now=at(11, 0))

    assert (before.is_no_show, after.is_no_show) == (False, True)


def test_the_bookables_are_the_sites_consultants_doctors_and_rooms(desk: SchedulingDesk) -> None:
    desk.run(desk.admin, add_room, code="R1", name="治疗室一")
    with pytest.raises(ValidationFailed):
        desk.run(desk.admin, add_room, code="R1", name="又一间")

    names = [(b.name, b.kind) for b in desk.run(desk.receptionist, list_bookables)]

    assert names == [
        ("李娜", "consultant"),
        ("杨帆", "consultant"),
        ("张伟", "doctor"),
        ("治疗室一", "room"),
    ]


@pytest.mark.postgres
def test_two_pcs_booking_one_doctor_at_once_on_postgresql_get_one_booking(
    pg_database, pg_node
) -> None:
    hire(pg_database, pg_node)
    pg_desk = desk_at(pg_database, pg_node)
    doctor = pg_desk.id_of("张伟")
    trials, booked_per_trial = 15, []
    for trial in range(trials):
        start = at(8, 0, TOMORROW) + timedelta(minutes=30 * trial)
        barrier = threading.Barrier(4)
        outcomes: list[str] = []

        def book(index: int, start=start, barrier=barrier, outcomes=outcomes) -> None:  # noqa: ANN001
            actor = pg_desk.make_actor(Role.RECEPTIONIST, f"前台{index}")
            barrier.wait()
            try:
                pg_desk.run(
                    actor,
                    book_appointment,
                    data=AppointmentInput(
                        customer_name=f"客户{index}",
                        item="体检解读",
                        staff_id=doctor,
                        starts_at=start,
                        ends_at=start + timedelta(minutes=30),
                    ),
                    now=NOW,
                )
                outcomes.append("booked")
            except AppointmentConflict:
                outcomes.append("conflict")

        threads = [threading.Thread(target=book, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        booked_per_trial.append(sorted(outcomes))
    assert booked_per_trial == [["booked", "conflict", "conflict", "conflict"]] * trials
    rows = pg_desk.run(pg_desk.receptionist, list_appointments, first_day=TOMORROW, now=NOW)
    assert len(rows) == trials


def test_check_in_finds_the_customer_file_by_the_booked_mobile(desk: SchedulingDesk) -> None:
    fang = desk.register("王芳")
    booked = _book(
        desk,
        customer_name="王芳",
        mobile=desk.mobile_of(1),
        starts_at=at(10, 0),
        ends_at=at(10, 30),
    )

    arrival = desk.run(desk.receptionist, check_in, appointment_id=booked.id, now=at(9, 55))

    assert (arrival.customer_id, arrival.inquiry_item) == (fang, "光子嫩肤")
