"""The survey page: a typed survey is stored and summarised; a score off the scale is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from lorch_desk.domain.permissions import Role
from lorch_desk.domain.satisfaction import Verdict
from lorch_desk.models.front_desk import ConsultantSuspension
from lorch_desk.models.surveys import SatisfactionSurvey
from lorch_desk.services.satisfaction import VisitSurveyInput, record_visit_survey
from lorch_desk.ui.roles.customer_service.customer_service_tab import CustomerServiceTabWidget
from lorch_desk.ui.roles.customer_service.follow_up_labels import VERDICTS, choice_text
from lorch_desk.ui.roles.customer_service.surveys_page import SurveysPage
from tests.services.follow_up_clinic import FollowUpClinic
from tests.ui.conftest import open_tab, type_text, wait_idle


@pytest.fixture()
def clinic(database, actor_for) -> FollowUpClinic:  # noqa: ANN001
    clinic = FollowUpClinic(database, actor_for)
    clinic.register("李梅")
    return clinic


def _surveys(database) -> list[SatisfactionSurvey]:  # noqa: ANN001
    with database.engine.connect() as connection:
        return connection.execute(select(SatisfactionSurvey)).all()


def _pick_customer(qtbot, page: SurveysPage) -> None:  # noqa: ANN001
    box = page.entry
    type_text(box.picker.query, "13911110001")
    box.picker.search_now()
    qtbot.waitUntil(lambda: box.picker.results.count() == 1)
    QTest.keyClick(box.picker.query, Qt.Key.Key_Return)
    assert "李梅" in box.customer_label.text()


def _type_scores(box, scores: list[str]) -> None:  # noqa: ANN001
    for field, score in zip(box.scores.values(), scores, strict=True):
        field.clear()
        QTest.keyClicks(field, score)


def test_the_health_manager_types_a_survey_and_sees_the_month_summary(
    qtbot, ui_context, clinic, database
) -> None:  # noqa: ANN001
    context = ui_context(actor=clinic.agent)
    tab = open_tab(qtbot, CustomerServiceTabWidget, context)
    page = next(
        tab.pages.widget(i)
        for i in range(tab.pages.count())
        if isinstance(tab.pages.widget(i), SurveysPage)
    )
    tab.pages.setCurrentWidget(page)
    box = page.entry
    _pick_customer(qtbot, page)
    box.consultant.setCurrentIndex(box.consultant.findText("王芳"))

    _type_scores(box, ["5", "4", "6", "5"])
    QTest.keyClick(box.comment, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)
    assert "1" in box.status.text() and "5" in box.status.text()  # must be between 1 and 5
    assert _surveys(database) == []

    _type_scores(box, ["5", "4", "4", "5"])
    type_text(box.comment, "环境很好")
    QTest.keyClick(box.comment, Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)

    [stored] = _surveys(database)
    assert (stored.overall, stored.is_satisfied, stored.comment) == (
        Decimal("4.50"),
        True,
        "环境很好",
    )
    assert stored.consultant_id == clinic.consultant.user_id
    assert "4.50" in box.status.text()
    summary = page.summary
    summary.set_month(stored.surveyed_on)
    wait_idle(qtbot, context.tasks)
    consultants = summary.consultants
    assert consultants.rowCount() == 1
    row = [consultants.data(consultants.index(0, c)) for c in range(consultants.columnCount())]
    assert row[:4] == ["王芳", "1", "1", "100.00"] and row[-1] == choice_text(
        VERDICTS, Verdict.TOO_FEW_SURVEYS
    )
    assert summary.centres.rowCount() == 1


def test_the_front_desk_sees_the_survey_form_but_not_the_summary(ui_context, qtbot, clinic) -> None:  # noqa: ANN001
    context = ui_context(Role.RECEPTIONIST)
    page = SurveysPage(context)
    qtbot.addWidget(page)
    wait_idle(qtbot, context.tasks)
    assert page.entry is not None and page.summary is None


def test_the_manager_suspends_a_consultant_below_ninety_percent_after_confirming(
    qtbot, ui_context, clinic, database, monkeypatch
) -> None:  # noqa: ANN001
    happy = {"service_quality": 5, "service_effect": 5, "products": 4, "service_attitude": 5}
    unhappy = {"service_quality": 2, "service_effect": 3, "products": 3, "service_attitude": 2}
    customer = clinic.register("王强")
    for scores in (unhappy, happy, happy, happy, happy):
        data = VisitSurveyInput(
            customer_id=customer, scores=scores, consultant_id=clinic.consultant.user_id
        )
        clinic.run(clinic.receptionist, record_visit_survey, data=data)
    context = ui_context(actor=clinic.manager)
    page = SurveysPage(context)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, context.tasks)
    summary = page.summary
    assert summary.consultants.rowCount() == 1
    summary.consultant_view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)

    summary.suspend_button.click()
    wait_idle(qtbot, context.tasks)

    assert "王芳" in summary.status.text()
    with database.engine.connect() as connection:
        [kind] = connection.execute(select(ConsultantSuspension.kind)).scalars().all()
    assert kind == "satisfaction"
