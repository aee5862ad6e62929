"""The rules editor: a manager adds a post-operation rule; a wrong day is refused, nothing saved."""

from __future__ import annotations

import pytest

from lorch_desk.domain.follow_ups import DEFAULT_RULES, FollowUpSource
from lorch_desk.domain.permissions import Role
from lorch_desk.services.follow_up_rules import get_follow_up_rules
from lorch_desk.ui.roles.customer_service.customer_service_tab import CustomerServiceTabWidget
from lorch_desk.ui.roles.customer_service.follow_up_rules_page import (
    CATEGORY,
    DAYS,
    EVENT,
    FollowUpRulesPage,
)
from tests.services.follow_up_clinic import FollowUpClinic
from tests.ui.conftest import wait_idle


@pytest.fixture()
def clinic(database, actor_for) -> FollowUpClinic:  # noqa: ANN001
    return FollowUpClinic(database, actor_for)


def _page(qtbot, ui_context, actor) -> FollowUpRulesPage:  # noqa: ANN001
    context = ui_context(actor=actor)
    page = FollowUpRulesPage(context)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, context.tasks)
    page.context = context
    return page


def test_a_manager_adds_a_rule_and_a_wrong_day_is_refused(qtbot, ui_context, clinic) -> None:  # noqa: ANN001
    page = _page(qtbot, ui_context, clinic.manager)
    assert page.table.rowCount() == len(DEFAULT_RULES)

    page.add_rule(DEFAULT_RULES[0])
    row = page.table.rowCount() - 1
    event = page.table.cellWidget(row, EVENT)
    event.setCurrentIndex(event.findData(FollowUpSource.TREATMENT_PLAN.value))
    page.table.item(row, CATEGORY).setText("医学美容")
    page.table.item(row, DAYS).setText("1, 0")
    page.save_button.click()
    wait_idle(qtbot, page.context.tasks)
    assert "365" in page.status.text()
    assert clinic.run(clinic.manager, get_follow_up_rules).is_default

    page.table.item(row, DAYS).setText("1，3 14")
    page.save_button.click()
    wait_idle(qtbot, page.context.tasks)

    saved = clinic.run(clinic.manager, get_follow_up_rules)
    assert not saved.is_default
    added = [r for r in saved.rules if r.category == "医学美容"]
    assert [(r.source, r.offsets) for r in added] == [
        (FollowUpSource.SALE, (1, 7, 30)),
        (FollowUpSource.TREATMENT_PLAN, (1, 3, 14)),
    ]
    assert page.table.rowCount() == len(DEFAULT_RULES) + 1


def test_only_managers_see_the_rules_page(qtbot, ui_context, clinic) -> None:  # noqa: ANN001
    titles = {}
    for role in (Role.CUSTOMER_SERVICE, Role.BRANCH_MANAGER):
        context = ui_context(role)
        tab = CustomerServiceTabWidget(context)
        qtbot.addWidget(tab)
        wait_idle(qtbot, context.tasks)
        titles[role] = [type(tab.pages.widget(i)).__name__ for i in range(tab.pages.count())]
    assert "FollowUpRulesPage" not in titles[Role.CUSTOMER_SERVICE]
    assert "FollowUpRulesPage" in titles[Role.BRANCH_MANAGER]
    assert "FollowUpCallsPage" in titles[Role.CUSTOMER_SERVICE]
