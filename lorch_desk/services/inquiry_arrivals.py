"""An arrival inherits its inquiry: channel, developer, item and the consultant's pre-booking."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import ValidationFailed
from lorch_desk.domain.inquiries import InquiryStatus
from lorch_desk.domain.triage_policy import NotCountedReason
from lorch_desk.models.customer import Customer
from lorch_desk.models.inquiries import Inquiry
from lorch_desk.services.inquiries import is_consultant_pre_booking, live_inquiry

if TYPE_CHECKING:
    import uuid

    from lorch_desk.services.arrivals import ArrivalInput


def inherit_inquiry(
    uow: UnitOfWork, *, inquiry_id: uuid.UUID, customer: Customer, data: ArrivalInput
) -> tuple[ArrivalInput, Inquiry]:
    """The arrival form's input completed from the inquiry, and the inquiry (marked arrived).

    What the receptionist typed wins over the inquiry. A consultant's own pre-booking with
    surname, phone, channel and item goes to that consultant without counting as a turn;
    claiming "pre-booked" for an inquiry that lacks them is refused.
    """
    inquiry = live_inquiry(uow, inquiry_id)
    if inquiry.status == InquiryStatus.ARRIVED.value:
        raise ValidationFailed(field="inquiry_id", rule="already_arrived")
    if inquiry.customer_id is not None and inquiry.customer_id != customer.id:
        raise ValidationFailed(field="inquiry_id", rule="other_customer")
    changes: dict[str, object] = {
        "channel": data.channel.strip() or inquiry.channel,
        "referrer_name": data.referrer_name.strip() or inquiry.referrer_name,
        "inquiry_item": data.inquiry_item.strip() or inquiry.item_type,
    }
    claimed = data.not_counted_reason and NotCountedReason(data.not_counted_reason)
    if claimed is NotCountedReason.PRE_BOOKED or (claimed is None and inquiry.consultant_id):
        if is_consultant_pre_booking(inquiry):
            changes["not_counted_reason"] = NotCountedReason.PRE_BOOKED
            changes["named_consultant_id"] = inquiry.consultant_id
        elif claimed is NotCountedReason.PRE_BOOKED:
            raise ValidationFailed(field="not_counted_reason", rule="pre_booking_incomplete")
    inquiry.customer_id = customer.id
    inquiry.status = InquiryStatus.ARRIVED.value
    return dataclasses.replace(data, **changes), inquiry
