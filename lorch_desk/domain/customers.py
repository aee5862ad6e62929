"""Customer vocabulary: genders, member types, channels, health-file sections, departments."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

# Re-exported: the customer services read ages and dates on the clinic's clock.
from lorch_desk.domain.clock import CLINIC_TIME_ZONE, clinic_time_zone, clinic_today  # noqa: F401


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"


class MemberType(StrEnum):
    """Tiers of seed 002; `ordinary` for customers without a card."""

    ORDINARY = "ordinary"
    SILVER = "silver"
    PLATINUM = "platinum"
    PREMIER = "premier"


class Channel(StrEnum):
    """Acquisition channels (开发渠道) of DOMAIN.md."""

    AGENCY = "agency"  # 渠道
    INSTITUTION = "institution"  # 机构
    WALK_IN = "walk_in"  # 散客
    HOTLINE = "hotline"  # 400
    ONLINE = "online"
    MARKET = "market"
    REFERRAL = "referral"


class IncomeLevel(StrEnum):
    LOW = "low"
    MIDDLE = "middle"
    HIGH = "high"


class HealthSection(StrEnum):
    """Sections of the health file; each entry is appended, never edited."""

    HISTORY = "history"
    ALLERGIES = "allergies"
    FAMILY_HISTORY = "family_history"
    ASSESSMENT = "assessment"
    NOTES = "notes"


class Department(StrEnum):
    """Departments whose required customer fields differ (seed 004 table)."""

    INQUIRY_DESK = "inquiry_desk"
    FRONT_DESK = "front_desk"
    CONSULTING = "consulting"
    CUSTOMER_SERVICE = "customer_service"


# Seed 004 §3.1: what the market / online / hotline desk must fill. Other departments default
# to the minimum a customer needs; an administrator can change every list in settings.
DEFAULT_REQUIRED_FIELDS: dict[Department, frozenset[str]] = {
    Department.INQUIRY_DESK: frozenset(
        {
            "name",
            "gender",
            "mobile",
            "member_type",
            "notes",
            "address",
            "region",
            "referrer_name",
            "sms_consent",
            "channel",
            "developer_name",
        }
    ),
    Department.FRONT_DESK: frozenset({"name", "gender", "mobile", "channel"}),
    Department.CONSULTING: frozenset({"name", "gender", "mobile"}),
    Department.CUSTOMER_SERVICE: frozenset({"name", "mobile"}),
}


# The customer form's fields in the order the form shows them: validation reports the first
# failing one in this order, and administrators choose required fields among them.
CUSTOMER_FORM_FIELDS: tuple[str, ...] = (
    "name",
    "gender",
    "birthday",
    "mobile",
    "phone",
    "email",
    "wechat",
    "address",
    "region",
    "id_number",
    "occupation",
    "income_level",
    "member_type",
    "channel",
    "developer_name",
    "referrer_name",
    "sms_consent",
    "notes",
    "card_number",
)

# A customer cannot be stored without a name, whatever the department's settings say.
ALWAYS_REQUIRED_FIELDS = frozenset({"name"})


def age_on(birthday: date | None, today: date) -> int | None:
    """Completed years of age on `today`; None without a birthday."""
    if birthday is None:
        return None
    years = today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))
    return max(years, 0)
