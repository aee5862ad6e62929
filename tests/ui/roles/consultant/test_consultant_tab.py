"""The consultant's tab: an offer without the item, accept, a refused record, a TCM prescription."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from lorch_desk.domain.permissions import Role
from lorch_desk.domain.prescriptions import PrescriptionKind
from lorch_desk.models.consultations import ConsultationRecord
from lorch_desk.models.prescriptions import Prescription
from lorch_desk.ui.roles.consultant.consultant_tab import ConsultantTabWidget
from tests.services.consultant_clinic import ConsultantClinic, at
from tests.ui.conftest import type_text, wait_idle


def _count(database, model) -> int:  # noqa: ANN001
    with database.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(model)).scalar_one()


def _cells(model) -> list[str]:  # noqa: ANN001
    return [
        str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


@pytest.fixture()
def clinic(database, actor_for) -> ConsultantClinic:  # noqa: ANN001
    clinic = ConsultantClinic(database, actor_for)
    clinic.hire("王芳")
    clinic.hire("李明华", Role.DOCTOR)
    clinic.stock_catalogue()
    clinic.open_rotation(at(9, 0))
    return clinic


def _tab(qtbot, ui_context, actor, when) -> ConsultantTabWidget:  # noqa: ANN001
    context = ui_context(actor=actor)
    tab = ConsultantTabWidget(context, clock=lambda: when, refresh_ms=0)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    wait_idle(qtbot, context.tasks)
    return tab


def test_accepting_an_offer_reveals_the_item_and_a_bad_record_is_refused(
    qtbot, ui_context, clinic, database
) -> None:  # noqa: ANN001
    customer = clinic.register("陈静", allergy="青霉素过敏")
    clinic.arrive(customer, at(9, 5), item="光子嫩肤")
    clinic.offer(at(9, 6))
    tab = _tab(qtbot, ui_context, clinic.staff["王芳"], at(9, 7))
    tasks = tab._context.tasks

    assert "陈静" in _cells(tab.offers_model)
    assert not any("光子嫩肤" in cell for cell in _cells(tab.offers_model))
    assert tab.customers_model.rowCount() == 0

    qtbot.mouseClick(tab.accept_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert tab.offers_model.rowCount() == 0
    assert "光子嫩肤" in _cells(tab.customers_model)
    assert "陈静" in tab.workspace.header.text() and "光子嫩肤" in tab.workspace.header.text()
    assert any("青霉素" in e for e in tab.workspace.health_file.entries_shown("allergies"))

    form = tab.workspace.consultation
    tab.workspace.pages.setCurrentWidget(form)
    type_text(form.notes, "想改善面部色斑")
    form.outcome.setCurrentIndex(form.outcome.findData("not_closed"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    error = form.findChild(type(form.message), "not_closed_reason_error")
    assert error.isVisible() and error.text()
    assert _count(database, ConsultationRecord) == 0

    form.reason.setCurrentIndex(form.reason.findData("price"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert _count(database, ConsultationRecord) == 1
    assert len(form.records_shown()) == 1 and "想改善面部色斑" in form.records_shown()[0]


def test_a_timed_out_offer_says_so_and_changes_nothing(qtbot, ui_context, clinic) -> None:  # noqa: ANN001
    clinic.arrive(clinic.register("陈静"), at(9, 5), item="光子嫩肤")
    clinic.offer(at(9, 6))
    tab = _tab(qtbot, ui_context, clinic.staff["王芳"], at(9, 30))
    assert tab.offers_model.rowCount() == 1
    qtbot.mouseClick(tab.accept_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab._context.tasks)
    assert tab.message.text()
    assert tab.customers_model.rowCount() == 0


def test_a_doctor_writes_signs_and_prints_a_tcm_prescription(
    qtbot, ui_context, clinic, database, tmp_path: Path
) -> None:  # noqa: ANN001
    customer = clinic.register("欧阳静怡")
    arrival = clinic.arrive(customer, at(9, 5), item="中医调理")
    clinic.offer(at(9, 6))
    from lorch_desk.services.consultant_desk import accept_offered_customer

    clinic.run(clinic.staff["王芳"], accept_offered_customer, arrival_id=arrival, now=at(9, 7))
    tab = _tab(qtbot, ui_context, clinic.staff["李明华"], at(9, 20))
    tasks = tab._context.tasks
    tab.open_customer("欧阳静怡")
    wait_idle(qtbot, tasks)

    page = tab.workspace.prescriptions
    tab.workspace.pages.setCurrentWidget(page)
    page.kind.setCurrentIndex(page.kind.findData(PrescriptionKind.TCM.value))
    wait_idle(qtbot, tasks)
    page.doses.setValue(7)
    for herb, grams in (("黄芪", "30"), ("当归", "12")):
        page.choose_product(herb)
        page.grams.setFocus()
        type_text(page.grams, grams)
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert [page.lines.item(row, 2).text() for row in range(page.lines.rowCount())] == [
        "210",
        "84",
    ]
    assert "294" in page.totals.text()
    type_text(page.decoction, "水煎两次")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert _count(database, Prescription) == 1
    assert page.current is not None and page.sign_button.isEnabled()
    assert "210" in page.detail.toPlainText()

    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tasks)
    assert page.current.signed_by_name == "李明华"
    assert not page.sign_button.isEnabled()

    target = tmp_path / "rx.pdf"
    with qtbot.waitSignal(page.printed, timeout=20_000):
        page.print_to(target, "A5")
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in ("欧阳静怡", "黄芪", "当归", "剂数", "李明华"):
        assert expected in text
