"""The customer page says whether the customer is new, returning or potential, and why."""

from __future__ import annotations

from lorch_desk.domain.customer_classes import (
    CustomerClass,
    CustomerClassification,
    CustomerClassReason,
)
from lorch_desk.ui.common.customer_class_label import class_text
from lorch_desk.ui.roles.front_desk.customer_page import CustomerPageWidget
from tests.services.cashier_till import Till, cash, till_fixture  # noqa: F401
from tests.services.consultant_clinic import DAY, at
from tests.ui.conftest import open_tab, wait_idle


def test_the_customer_page_shows_the_class_from_real_sales(qtbot, ui_context, till: Till) -> None:  # noqa: ANN001, F811
    context = ui_context(actor=till.cashier)
    page = open_tab(qtbot, CustomerPageWidget, context)
    page.open_customer(till.customer_id)
    wait_idle(qtbot, context.tasks)
    potential = CustomerClassification(
        CustomerClass.POTENTIAL, CustomerClassReason.NO_CONTACT_RECORDED
    )
    assert page.class_label.text() == class_text(potential)

    till.checkout(till.service("针灸"), paid=[cash("280.00")], when=at(10, 0))
    till.checkout(till.service("针灸"), paid=[cash("280.00")], when=at(10, 0, DAY.replace(day=1)))
    page.open_customer(till.customer_id)
    wait_idle(qtbot, context.tasks)
    returning = CustomerClassification(
        CustomerClass.RETURNING, CustomerClassReason.SAME_ITEM_ON_DIFFERENT_DATES
    )
    assert page.class_label.text() == class_text(returning)
    assert "Returning customer" in page.class_label.text() or "老客户" in page.class_label.text()
