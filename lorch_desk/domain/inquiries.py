"""Inquiry vocabulary (seed 004 §3.1): intake types, statuses, contact methods, form fields."""

from __future__ import annotations

from enum import StrEnum


class InquiryStatus(StrEnum):
    """Where a lead stands; a lead that never arrives stays a potential customer."""

    FOLLOWING = "following"  # 跟进中
    BOOKED = "booked"  # 已预约
    ARRIVED = "arrived"  # 已到院
    LOST = "lost"  # 无效 / 放弃


class IntakeType(StrEnum):
    """受理类型: how the inquiry reached the desk."""

    PHONE = "phone"
    WEB = "web"
    WECHAT = "wechat"
    EVENT = "event"


class ContactMethod(StrEnum):
    PHONE = "phone"
    WECHAT = "wechat"
    SMS = "sms"
    VISIT = "visit"


# The inquiry form's fields in the order the form shows them.
INQUIRY_FORM_FIELDS: tuple[str, ...] = (
    "customer_name",
    "gender",
    "mobile",
    "region",
    "referrer_name",
    "channel",
    "intake_type",
    "developer_id",
    "consultant_id",
    "item_type",
    "appointment_at",
    "status",
    "source",
    "notes",
)

# Seed 004 §3.1 (市场部、网络营销、美丽约定): the required column of the fill-in table.
DEFAULT_REQUIRED_INQUIRY_FIELDS = frozenset(
    {
        "customer_name",
        "gender",
        "mobile",
        "region",
        "referrer_name",
        "channel",
        "intake_type",
        "developer_id",
        "consultant_id",
        "item_type",
        "appointment_at",
        "status",
        "source",
        "notes",
    }
)

# A lead cannot be stored without a name (a surname will do) and a way to reach them.
ALWAYS_REQUIRED_INQUIRY_FIELDS = frozenset({"customer_name", "mobile"})
