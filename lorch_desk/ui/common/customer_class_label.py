"""A customer's class (seed 004 §2: new, returning, potential) and why, in one line."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from lorch_desk.domain.customer_classes import (
    CustomerClass,
    CustomerClassification,
    CustomerClassReason,
)
from lorch_desk.services import customer_class
from lorch_desk.ui.context import UiContext

_CONTEXT = "customer_class"
CLASS_NAMES = {
    CustomerClass.NEW: QT_TRANSLATE_NOOP("customer_class", "New customer"),
    CustomerClass.RETURNING: QT_TRANSLATE_NOOP("customer_class", "Returning customer"),
    CustomerClass.POTENTIAL: QT_TRANSLATE_NOOP("customer_class", "Potential customer"),
}
REASONS = {
    CustomerClassReason.ONE_PURCHASE: QT_TRANSLATE_NOOP(
        "customer_class", "one purchase (one or more items at once)"
    ),
    CustomerClassReason.DEPOSIT_THEN_PAYMENT: QT_TRANSLATE_NOOP(
        "customer_class", "a deposit, then the payment of what it reserved"
    ),
    CustomerClassReason.DEPOSIT_ONLY: QT_TRANSLATE_NOOP(
        "customer_class", "a deposit paid, treatment not yet paid"
    ),
    CustomerClassReason.COURSE_PAID_PER_SESSION: QT_TRANSLATE_NOOP(
        "customer_class", "sessions of a course paid visit by visit"
    ),
    CustomerClassReason.SEPARATE_PURCHASES_ON_ONE_DATE: QT_TRANSLATE_NOOP(
        "customer_class", "separate purchases on one date"
    ),
    CustomerClassReason.SAME_ITEM_ON_DIFFERENT_DATES: QT_TRANSLATE_NOOP(
        "customer_class", "the same item bought on different dates"
    ),
    CustomerClassReason.PURCHASES_ON_DIFFERENT_DATES: QT_TRANSLATE_NOOP(
        "customer_class", "purchases on different dates"
    ),
    CustomerClassReason.ARRIVED_WITHOUT_PURCHASE: QT_TRANSLATE_NOOP(
        "customer_class", "consulted at the clinic, bought nothing"
    ),
    CustomerClassReason.INQUIRY_WITHOUT_ARRIVAL: QT_TRANSLATE_NOOP(
        "customer_class", "inquired, never came"
    ),
    CustomerClassReason.NO_CONTACT_RECORDED: QT_TRANSLATE_NOOP(
        "customer_class", "no inquiry, visit or purchase recorded"
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def class_text(found: CustomerClassification) -> str:
    """新客户 (一次性消费…) as the user's language says it."""
    return f"{_tr(CLASS_NAMES[found.customer_class])} ({_tr(REASONS[found.reason])})"


class CustomerClassLabel(QLabel):
    """Shows the class of the customer last asked for; loads in the background."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customer_class")
        self._context = context
        self._customer_id: uuid.UUID | None = None

    def show_for(self, customer_id: uuid.UUID | None) -> None:
        self.clear()
        self._customer_id = customer_id
        if customer_id is None:
            return
        self._context.tasks.run(
            lambda uow, _p: customer_class.classify(uow, customer_id=customer_id),
            on_done=lambda found: self._show(customer_id, found),
            on_error=lambda _error: self.clear(),
            parent=self,
            read_only=True,
        )

    def _show(self, customer_id: uuid.UUID, found: CustomerClassification) -> None:
        if customer_id == self._customer_id:
            self.setText(class_text(found))
