"""Translated names of the warehouse's enums."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lorch_desk.domain.catalogue import DestructionReason, DestructionStatus, ProductCategory
from lorch_desk.domain.stock_count import CountScope, CountStatus

_CONTEXT = "warehouse"

CATEGORY_NAMES = {
    ProductCategory.NUTRIENT: QT_TRANSLATE_NOOP("warehouse", "Nutrient"),
    ProductCategory.DRUG: QT_TRANSLATE_NOOP("warehouse", "Drug"),
    ProductCategory.HERB: QT_TRANSLATE_NOOP("warehouse", "Chinese herb"),
    ProductCategory.CONSUMABLE: QT_TRANSLATE_NOOP("warehouse", "Consumable"),
    ProductCategory.SERVICE_MATERIAL: QT_TRANSLATE_NOOP("warehouse", "Service material"),
}
SCOPE_NAMES = {
    CountScope.WAREHOUSE: QT_TRANSLATE_NOOP("warehouse", "Whole warehouse"),
    CountScope.CATEGORY: QT_TRANSLATE_NOOP("warehouse", "By category"),
    CountScope.LOCATION: QT_TRANSLATE_NOOP("warehouse", "By location"),
}
COUNT_STATUS_NAMES = {
    CountStatus.OPEN: QT_TRANSLATE_NOOP("warehouse", "Counting"),
    CountStatus.SUBMITTED: QT_TRANSLATE_NOOP("warehouse", "Awaiting approval"),
    CountStatus.APPROVED: QT_TRANSLATE_NOOP("warehouse", "Approved"),
    CountStatus.POSTED: QT_TRANSLATE_NOOP("warehouse", "Posted"),
    CountStatus.CANCELLED: QT_TRANSLATE_NOOP("warehouse", "Cancelled"),
}
REASON_NAMES = {
    DestructionReason.EXPIRED: QT_TRANSLATE_NOOP("warehouse", "Expired"),
    DestructionReason.DAMAGED: QT_TRANSLATE_NOOP("warehouse", "Damaged"),
    DestructionReason.RECALLED: QT_TRANSLATE_NOOP("warehouse", "Recalled"),
}
DESTRUCTION_STATUS_NAMES = {
    DestructionStatus.REQUESTED: QT_TRANSLATE_NOOP("warehouse", "Awaiting approval"),
    DestructionStatus.APPROVED: QT_TRANSLATE_NOOP("warehouse", "Approved"),
    DestructionStatus.REJECTED: QT_TRANSLATE_NOOP("warehouse", "Rejected"),
    DestructionStatus.POSTED: QT_TRANSLATE_NOOP("warehouse", "Destroyed"),
}


def label(names: dict, value: object) -> str:
    """The translated name of an enum value from one of the tables above."""
    text = names.get(value)
    return QCoreApplication.translate(_CONTEXT, text) if text else str(value)
