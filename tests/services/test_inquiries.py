"""电话网络咨询: leads with the inquiry desk's required fields, their contacts, their arrival."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from lorch_desk.domain.errors import PermissionDenied, ValidationFailed
from lorch_desk.domain.inquiries import ContactMethod, InquiryStatus
from lorch_desk.domain.permissions import Role
from lorch_desk.domain.triage_policy import NotCountedReason
from lorch_desk.models.front_desk import Arrival
from lorch_desk.models.inquiries import Inquiry, InquiryContact
from lorch_desk.services.arrivals import ArrivalInput, record_arrival
from lorch_desk.services.inquiries import (
    InquiryInput,
    find_inquiries_for_arrival,
    link_customer,
    list_contacts,
    list_inquiries,
    log_contact,
    register_inquiry,
)
from lorch_desk.services.inquiry_settings import set_required_inquiry_fields
from tests.services.scheduling_desk import (  # noqa: F401 - fixtures
    SchedulingDesk,
    at,
    database_path,
    desk_at,
    scheduling_template,
)


@pytest.fixture()
def desk(database, node) -> SchedulingDesk:  # noqa: ANN001
    return desk_at(database, node)


def _lead(desk: SchedulingDesk, **values: object) -> InquiryInput:
    fields: dict[str, object] = {
        "customer_name": "王女士",
        "gender": "female",
        "mobile": "138 0013 8000",
        "region": "朝阳区",
        "referrer_name": "无",
        "channel": "online",
        "intake_type": "web",
        "developer_id": desk.id_of("钱敏"),
        "consultant_id": desk.id_of("李娜"),
        "item_type": "祛斑",
        "appointment_at": at(15, 0),
        "status": "following",
        "source": "美团",
        "notes": "想了解光子嫩肤",
    }
    fields.update(values)
    return InquiryInput(**fields)  # type: ignore[arg-type]


def test_the_inquiry_desk_registers_a_lead_with_every_required_field(
    desk: SchedulingDesk, count_rows
) -> None:
    clerk = desk.staff["钱敏"]
    row = desk.run(clerk, register_inquiry, data=_lead(desk), now=at(9, 30))

    assert row.number.startswith("BJ-2026-")
    assert (row.customer_name, row.mobile_display, row.item_type) == (
        "王女士",
        "13800138000",
        "祛斑",
    )
    assert (row.developer_name, row.consultant_name) == ("钱敏", "李娜")
    assert row.status is InquiryStatus.FOLLOWING
    assert row.customer_id is None
    # Registered by the inquiry desk, not by the consultant: not the consultant's pre-booking.
    assert row.is_consultant_pre_booking is False
    assert count_rows(Inquiry) == 1


@pytest.mark.parametrize(
    ("field", "value", "rule"),
    [
        ("source", "", "required"),
        ("item_type", " ", "required"),
        ("consultant_id", None, "required"),
        ("appointment_at", None, "required"),
        ("mobile", "12345", "invalid_mobile"),
        ("channel", "tv", "invalid_choice"),
        ("gender", "unknown", "required"),
    ],
)
def test_a_lead_missing_a_required_field_is_refused_and_nothing_is_stored(
    desk: SchedulingDesk, count_rows, field: str, value: object, rule: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        desk.run(desk.staff["钱敏"], register_inquiry, data=_lead(desk, **{field: value}))
    assert (refused.value.field, refused.value.params["rule"]) == (field, rule)
    assert count_rows(Inquiry) == 0


def test_the_required_fields_are_a_setting_headquarters_may_relax(desk: SchedulingDesk) -> None:
    desk.run(desk.admin, set_required_inquiry_fields, fields=["customer_name", "mobile"])
    minimal = InquiryInput(customer_name="张先生", mobile="13900001111")

    row = desk.run(desk.staff["钱敏"], register_inquiry, data=minimal)

    assert row.channel == "" and row.consultant_id is None
    with pytest.raises(PermissionDenied):
        desk.run(desk.receptionist, set_required_inquiry_fields, fields=["customer_name"])


def test_every_later_contact_is_logged_and_can_move_the_status(
    desk: SchedulingDesk, database
) -> None:
    clerk = desk.staff["钱敏"]
    lead = desk.run(clerk, register_inquiry, data=_lead(desk), now=at(9, 0))

    desk.run(
        clerk,
        log_contact,
        inquiry_id=lead.id,
        method="phone",
        content="回电, 约周三",
        now=at(10, 0),
    )
    desk.run(
        clerk,
        log_contact,
        inquiry_id=lead.id,
        method=ContactMethod.WECHAT,
        content="发了项目介绍",
        new_status=InquiryStatus.BOOKED,
        now=at(11, 0),
    )

    contacts = desk.run(clerk, list_contacts, inquiry_id=lead.id)
    assert [(c.method, c.content, c.contacted_by_name) for c in contacts] == [
        (ContactMethod.PHONE, "回电, 约周三", "钱敏"),
        (ContactMethod.WECHAT, "发了项目介绍", "钱敏"),
    ]
    [listed] = desk.run(clerk, list_inquiries, text="138001")
    assert (listed.status, listed.contact_count) == (InquiryStatus.BOOKED, 2)
    with pytest.raises(ValidationFailed):
        desk.run(clerk, log_contact, inquiry_id=lead.id, method="phone", content="  ")
    with database.unit_of_work(clerk) as uow:
        assert len(uow.session.scalars(select(InquiryContact)).all()) == 2


def test_a_pharmacist_may_not_see_leads(desk: SchedulingDesk, actor_for) -> None:
    with pytest.raises(PermissionDenied):
        desk.run(actor_for(Role.PHARMACIST), list_inquiries)


# --- the arrival inherits the inquiry ---------------------------------------------------------


def test_the_front_desk_finds_open_leads_by_mobile_and_by_customer(desk: SchedulingDesk) -> None:
    clerk = desk.staff["钱敏"]
    customer = desk.register("王芳")
    lead = desk.run(clerk, register_inquiry, data=_lead(desk, mobile=desk.mobile_of(1)))
    desk.run(clerk, register_inquiry, data=_lead(desk, mobile="13700001234"))

    by_customer = desk.run(desk.receptionist, find_inquiries_for_arrival, customer_id=customer)
    by_mobile = desk.run(desk.receptionist, find_inquiries_for_arrival, mobile=desk.mobile_of(1))

    assert [row.id for row in by_customer] == [lead.id]
    assert [row.id for row in by_mobile] == [lead.id]
    assert desk.run(desk.receptionist, find_inquiries_for_arrival) == []


def test_an_arrival_from_a_lead_inherits_channel_developer_and_item(desk: SchedulingDesk) -> None:
    customer = desk.register("王芳")
    lead = desk.run(desk.staff["钱敏"], register_inquiry, data=_lead(desk))

    detail = desk.run(
        desk.receptionist,
        record_arrival,
        customer_id=customer,
        data=ArrivalInput(form_completed_at=at(15, 5)),
        now=at(15, 5),
        inquiry_id=lead.id,
    )

    assert (detail.channel, detail.inquiry_item, detail.developer_name) == (
        "online",
        "祛斑",
        "钱敏",
    )
    assert detail.inquiry_id == lead.id
    # The inquiry desk assigned 李娜, but she did not pre-book it herself: a normal turn.
    assert detail.not_counted_reason is None and detail.named_consultant_id is None
    [after] = desk.run(desk.receptionist, list_inquiries)
    assert (after.status, after.customer_id) == (InquiryStatus.ARRIVED, customer)
    assert desk.run(desk.receptionist, find_inquiries_for_arrival, customer_id=customer) == []


def test_a_consultants_own_pre_booking_does_not_count_as_a_turn(
    desk: SchedulingDesk, database
) -> None:
    lina = desk.staff["李娜"]
    customer = desk.register("王芳")
    lead = desk.run(lina, register_inquiry, data=_lead(desk))
    assert lead.is_consultant_pre_booking

    detail = desk.run(
        desk.receptionist,
        record_arrival,
        customer_id=customer,
        data=ArrivalInput(form_completed_at=at(15, 0)),
        now=at(15, 0),
        inquiry_id=lead.id,
    )

    assert detail.not_counted_reason is NotCountedReason.PRE_BOOKED
    assert detail.named_consultant_id == lina.user_id
    with database.unit_of_work(lina) as uow:
        stored = uow.session.get_one(Arrival, detail.arrival_id)
        assert (stored.inquiry_id, stored.developer_name) == (lead.id, "钱敏")


def test_pre_booked_is_refused_when_the_lead_lacks_one_of_the_four_details(
    desk: SchedulingDesk, count_rows
) -> None:
    lina = desk.staff["李娜"]
    desk.run(desk.admin, set_required_inquiry_fields, fields=["customer_name", "mobile"])
    customer = desk.register("王芳")
    lead = desk.run(lina, register_inquiry, data=_lead(desk, channel=""))
    assert not lead.is_consultant_pre_booking

    with pytest.raises(ValidationFailed) as refused:
        desk.run(
            desk.receptionist,
            record_arrival,
            customer_id=customer,
            data=ArrivalInput(
                form_completed_at=at(15, 0),
                not_counted_reason=NotCountedReason.PRE_BOOKED,
                named_consultant_id=lina.user_id,
            ),
            now=at(15, 0),
            inquiry_id=lead.id,
        )
    assert refused.value.params["rule"] == "pre_booking_incomplete"
    assert count_rows(Arrival) == 0


def test_a_lead_of_another_customer_or_already_arrived_is_refused(desk: SchedulingDesk) -> None:
    fang, na = desk.register("王芳"), desk.register("李娜娜")
    lead = desk.run(desk.staff["钱敏"], register_inquiry, data=_lead(desk))
    desk.run(desk.staff["钱敏"], link_customer, inquiry_id=lead.id, customer_id=fang)
    arrive = {"data": ArrivalInput(form_completed_at=at(15, 0)), "now": at(15, 0)}

    with pytest.raises(ValidationFailed) as other:
        desk.run(desk.receptionist, record_arrival, customer_id=na, inquiry_id=lead.id, **arrive)
    desk.run(desk.receptionist, record_arrival, customer_id=fang, inquiry_id=lead.id, **arrive)
    with pytest.raises(ValidationFailed) as twice:
        desk.run(desk.receptionist, record_arrival, customer_id=fang, inquiry_id=lead.id, **arrive)

    assert other.value.params["rule"] == "other_customer"
    assert twice.value.params["rule"] == "already_arrived"


def test_a_lead_that_never_arrives_stays_a_potential_customer(desk: SchedulingDesk) -> None:
    from lorch_desk.domain.customer_classes import CustomerClass, CustomerClassReason
    from lorch_desk.services.customer_class import classify

    fang = desk.register("王芳")
    lead = desk.run(desk.staff["钱敏"], register_inquiry, data=_lead(desk))
    desk.run(desk.staff["钱敏"], link_customer, inquiry_id=lead.id, customer_id=fang)

    before = desk.run(desk.receptionist, classify, customer_id=fang)
    desk.run(
        desk.receptionist,
        record_arrival,
        customer_id=fang,
        data=ArrivalInput(form_completed_at=at(15, 0)),
        now=at(15, 0),
        inquiry_id=lead.id,
    )
    after = desk.run(desk.receptionist, classify, customer_id=fang)

    assert (before.customer_class, before.reason) == (
        CustomerClass.POTENTIAL,
        CustomerClassReason.INQUIRY_WITHOUT_ARRIVAL,
    )
    assert after.reason is CustomerClassReason.ARRIVED_WITHOUT_PURCHASE


def test_a_consultant_seeing_a_masked_mobile_can_update_the_lead(desk: SchedulingDesk) -> None:
    from dataclasses import replace

    from lorch_desk.services.inquiries import update_inquiry

    lead = desk.run(desk.staff["钱敏"], register_inquiry, data=_lead(desk))
    lina = desk.staff["李娜"]
    [seen] = desk.run(lina, list_inquiries)
    assert seen.mobile_display == "138****8000"

    data = replace(_lead(desk), mobile=seen.mobile_display, status="booked")
    desk.run(lina, update_inquiry, inquiry_id=lead.id, data=data)

    [after] = desk.run(desk.staff["钱敏"], list_inquiries)
    assert (after.mobile_display, after.status) == ("13800138000", InquiryStatus.BOOKED)
