"""Reports: leads by channel with their conversion to arrivals; appointment show / no-show."""

from __future__ import annotations

from datetime import timedelta

import pytest

from lorch_desk.domain.progress import SilentProgress
from lorch_desk.services import report_catalogue
from lorch_desk.services.appointments import (
    AppointmentInput,
    book_appointment,
    cancel_appointment,
    check_in,
)
from lorch_desk.services.arrivals import ArrivalInput, record_arrival
from lorch_desk.services.inquiries import InquiryInput, log_contact, register_inquiry
from lorch_desk.services.inquiry_settings import set_required_inquiry_fields
from lorch_desk.services.reports import run_report
from tests.services.scheduling_desk import (  # noqa: F401 - fixtures
    DAY,
    SchedulingDesk,
    at,
    database_path,
    desk_at,
    scheduling_template,
)


@pytest.fixture()
def desk(database, node) -> SchedulingDesk:  # noqa: ANN001
    report_catalogue.load_all()
    return desk_at(database, node)


def _report(desk: SchedulingDesk, key: str, **values: object) -> list[dict[str, object]]:
    return desk.run(
        desk.manager, run_report, key=key, values=values, progress=SilentProgress()
    ).rows


def test_inquiries_by_channel_count_leads_bookings_arrivals_and_potential_customers(
    desk: SchedulingDesk,
) -> None:
    desk.run(desk.admin, set_required_inquiry_fields, fields=["customer_name", "mobile"])
    clerk = desk.staff["钱敏"]
    fang = desk.register("王芳")
    leads = {}
    for index, (name, channel) in enumerate(
        [("王芳", "online"), ("张女士", "online"), ("李先生", "online"), ("赵女士", "hotline")]
    ):
        leads[name] = desk.run(
            clerk,
            register_inquiry,
            data=InquiryInput(customer_name=name, mobile=f"1370000000{index}", channel=channel),
            now=at(9, index),
        )
    desk.run(
        desk.receptionist,
        book_appointment,
        data=AppointmentInput(
            inquiry_id=leads["张女士"].id,
            item="祛斑",
            staff_id=desk.id_of("张伟"),
            starts_at=at(16, 0),
            ends_at=at(16, 30),
        ),
        now=at(9, 30),
    )
    desk.run(
        desk.receptionist,
        record_arrival,
        customer_id=fang,
        data=ArrivalInput(form_completed_at=at(10, 0)),
        now=at(10, 0),
        inquiry_id=leads["王芳"].id,
    )
    desk.run(
        clerk,
        log_contact,
        inquiry_id=leads["李先生"].id,
        method="phone",
        content="不需要",
        new_status="lost",
    )

    rows = _report(desk, "front_desk.inquiry_conversion", inquired_from=DAY, inquired_to=DAY)

    by_channel = {row["channel"].zh: row for row in rows}  # type: ignore[union-attr]
    online = by_channel["网络"]
    assert (online["inquiries"], online["booked"], online["arrived"], online["lost"]) == (
        3,
        1,
        1,
        1,
    )
    assert (online["potential"], str(online["conversion"])) == (2, "33.3")
    assert (by_channel["400热线"]["inquiries"], by_channel["400热线"]["arrived"]) == (1, 0)
    assert (
        _report(desk, "front_desk.inquiry_conversion", inquired_from=DAY + timedelta(days=1)) == []
    )


def test_show_and_no_show_per_day_and_doctor(desk: SchedulingDesk) -> None:
    fang = desk.register("王芳")
    doctor = desk.id_of("张伟")
    booked = []
    for hour, name in ((9, "王芳"), (10, "李强"), (11, "张敏")):
        booked.append(
            desk.run(
                desk.receptionist,
                book_appointment,
                data=AppointmentInput(
                    customer_name=name,
                    customer_id=fang if name == "王芳" else None,
                    item="复诊",
                    staff_id=doctor,
                    starts_at=at(hour, 0),
                    ends_at=at(hour, 30),
                ),
                now=at(8, 0),
            )
        )
    desk.run(desk.receptionist, check_in, appointment_id=booked[0].id, now=at(8, 55))
    desk.run(desk.receptionist, cancel_appointment, appointment_id=booked[2].id, now=at(8, 0))

    [row] = _report(desk, "front_desk.appointment_show_rate", day_from=DAY, day_to=DAY)

    # 李强's 10:00 booking lies in the past (the test runs after 2026-11-23): a no-show.
    assert (row["staff"], row["booked"], row["shown"], row["no_show"], row["cancelled"]) == (
        "张伟",
        2,
        1,
        1,
        1,
    )
    assert str(row["show_rate"]) == "50.0"
