"""Institution surveys and third-party reports typed and filed in the customer-service tab."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from sqlalchemy import select

from lorch_desk.models.surveys import InstitutionSurvey, ThirdPartySurveyReport
from lorch_desk.services.institutions import InstitutionInput, save_institution
from lorch_desk.ui.roles.customer_service.institution_surveys_page import InstitutionSurveysPage
from tests.services.follow_up_clinic import FollowUpClinic
from tests.ui.conftest import type_text, wait_idle


@pytest.fixture()
def clinic(database, actor_for) -> FollowUpClinic:  # noqa: ANN001
    clinic = FollowUpClinic(database, actor_for)
    clinic.run(
        clinic.admin,
        save_institution,
        institution_id=None,
        data=InstitutionInput(name="协和体检中心"),
    )
    return clinic


def _rows(database, model) -> list:  # noqa: ANN001
    with database.engine.connect() as connection:
        return connection.execute(select(model)).all()


def test_customer_service_surveys_an_institution_and_files_a_report(
    qtbot, ui_context, clinic, database, tmp_path
) -> None:  # noqa: ANN001
    context = ui_context(actor=clinic.agent)
    page = InstitutionSurveysPage(context)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, context.tasks)
    box = page.institutions
    assert box.institution.currentText() == "协和体检中心"

    for field, score in zip(box.scores.values(), ["5", "0", "4"], strict=True):
        QTest.keyClicks(field, score)
    box.save_button.click()
    wait_idle(qtbot, context.tasks)
    assert "5" in box.status.text() and _rows(database, InstitutionSurvey) == []

    box.scores["follow_up_service"].clear()
    QTest.keyClicks(box.scores["follow_up_service"], "3")
    type_text(box.comment, "后续跟进偏慢")
    box.save_button.click()
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)
    [stored] = _rows(database, InstitutionSurvey)
    assert (stored.scores["follow_up_service"], stored.comment) == (3, "后续跟进偏慢")
    assert box.model.rowCount() == 1

    report = tmp_path / "第三方报告.pdf"
    report.write_bytes(b"%PDF-1.4\nreport\n")
    reports = page.reports
    type_text(reports.agency, "零点调查")
    type_text(reports.summary, "等候时间偏长")
    reports.path.setText(str(report))
    reports.file_button.click()
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)
    [filed] = _rows(database, ThirdPartySurveyReport)
    assert (filed.agency, filed.summary) == ("零点调查", "等候时间偏长")
    assert reports.model.rowCount() == 1 and "第三方报告.pdf" in reports.status.text()
