"""Translated names of the values people pick from lists (gender, member type, channel...)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lorch_desk.domain.customers import Channel, Gender, HealthSection, IncomeLevel, MemberType

_CONTEXT = "choices"

GENDERS = {
    Gender.FEMALE: QT_TRANSLATE_NOOP("choices", "Female"),
    Gender.MALE: QT_TRANSLATE_NOOP("choices", "Male"),
    Gender.UNKNOWN: QT_TRANSLATE_NOOP("choices", "Unknown"),
}
MEMBER_TYPES = {
    MemberType.ORDINARY: QT_TRANSLATE_NOOP("choices", "Ordinary"),
    MemberType.SILVER: QT_TRANSLATE_NOOP("choices", "Silver"),
    MemberType.PLATINUM: QT_TRANSLATE_NOOP("choices", "Platinum"),
    MemberType.PREMIER: QT_TRANSLATE_NOOP("choices", "Premier"),
}
CHANNELS = {
    Channel.AGENCY: QT_TRANSLATE_NOOP("choices", "Agency"),
    Channel.INSTITUTION: QT_TRANSLATE_NOOP("choices", "Institution"),
    Channel.WALK_IN: QT_TRANSLATE_NOOP("choices", "Walk-in"),
    Channel.HOTLINE: QT_TRANSLATE_NOOP("choices", "400 hotline"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("choices", "Online"),
    Channel.MARKET: QT_TRANSLATE_NOOP("choices", "Market"),
    Channel.REFERRAL: QT_TRANSLATE_NOOP("choices", "Referral"),
}
INCOME_LEVELS = {
    IncomeLevel.LOW: QT_TRANSLATE_NOOP("choices", "Low"),
    IncomeLevel.MIDDLE: QT_TRANSLATE_NOOP("choices", "Middle"),
    IncomeLevel.HIGH: QT_TRANSLATE_NOOP("choices", "High"),
}
HEALTH_SECTIONS = {
    HealthSection.HISTORY: QT_TRANSLATE_NOOP("choices", "Medical history"),
    HealthSection.ALLERGIES: QT_TRANSLATE_NOOP("choices", "Allergies"),
    HealthSection.FAMILY_HISTORY: QT_TRANSLATE_NOOP("choices", "Family history"),
    HealthSection.ASSESSMENT: QT_TRANSLATE_NOOP("choices", "Assessments"),
    HealthSection.NOTES: QT_TRANSLATE_NOOP("choices", "Notes"),
}


def choice_label(table: dict, value: str) -> str:  # type: ignore[type-arg]
    """The translated name of `value` in one of the tables above; the value itself if unknown."""
    for key, text in table.items():
        if key == value:
            return QCoreApplication.translate(_CONTEXT, text)
    return value
