"""Customer vocabulary: genders, member types, channels, health-file sections, departments."""

from __future__ import annotations

from enum import StrEnum


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
