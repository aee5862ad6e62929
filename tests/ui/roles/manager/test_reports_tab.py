"""Reports tab: a manager filters the customer list, previews it, exports it and prints it."""

from __future__ import annotations

import subprocess
import threading

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QProgressDialog,
    QPushButton,
)

from lorch_desk.domain.permissions import Role
from lorch_desk.services import customers
from lorch_desk.services.customers import CustomerInput
from lorch_desk.ui.roles.manager.reports_tab import ReportsTabWidget
from tests.ui.conftest import wait_idle

CUSTOMER_LIST = "customers.customer_list"
# name, mobile, channel
CUSTOMERS = (
    ("张伟", "13800138001", "hotline"),
    ("王芳", "13800138002", "walk_in"),
    ("李娜", "13800138003", "hotline"),
    ("刘洋", "13800138004", "online"),
)


@pytest.fixture()
def registered(database, actor_for) -> None:  # noqa: ANN001
    """Four customers registered at the front desk today, two of them from the 400 hotline."""
    receptionist = actor_for(Role.RECEPTIONIST)
    for name, mobile, channel in CUSTOMERS:
        database.run(
            receptionist,
            lambda uow, _p, name=name, mobile=mobile, channel=channel: customers.register_customer(
                uow, data=CustomerInput(name=name, gender="female", mobile=mobile, channel=channel)
            ),
        )


def _open_tab(qtbot, context) -> ReportsTabWidget:  # noqa: ANN001
    tab = ReportsTabWidget(context)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _shown(tab: ReportsTabWidget, column: int) -> list[str]:
    model = tab.result_model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _headers(tab: ReportsTabWidget) -> list[str]:
    model = tab.result_model
    return [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]


def _choose_channel(tab: ReportsTabWidget, channel: str) -> None:
    combo = tab.parameter_widget("channel")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(channel))


def test_the_manager_previews_the_hotline_customers(
    qtbot, ui_context, registered, qtmodeltester
) -> None:  # noqa: ANN001
    context = ui_context(Role.BRANCH_MANAGER)
    tab = _open_tab(qtbot, context)
    assert tab.title_label.text() == "Choose a report on the left…"
    assert not tab.run_button.isEnabled()

    tab.select_report(CUSTOMER_LIST)
    assert tab.title_label.text() == "客户名单"
    combo = tab.parameter_widget("channel")
    assert combo.itemText(0) == "(all)"
    assert "400热线" in [combo.itemText(index) for index in range(combo.count())]
    _choose_channel(tab, "hotline")
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    assert _headers(tab)[:3] == ["档案号", "姓名", "性别"]
    assert sorted(_shown(tab, 1)) == ["张伟", "李娜"]
    assert set(_shown(tab, 7)) == {"400热线"}
    assert tab.summary_label.text() == "2 row(s)"
    qtmodeltester.check(tab.result_model)

    # Back to every channel, run by pressing Enter in the form.
    combo.setCurrentIndex(0)
    tab.parameter_widget("site").setFocus()
    qtbot.keyClick(tab.parameter_widget("site"), Qt.Key.Key_Return)
    wait_idle(qtbot, context.tasks)
    assert len(_shown(tab, 1)) == 4


def _set_date(qtbot, tab: ReportsTabWidget, key: str, day: QDate) -> None:  # noqa: ANN001
    tick = tab.parameters_box.findChild(QCheckBox, f"{key}_set")
    qtbot.mouseClick(tick, Qt.MouseButton.LeftButton)
    assert tick.isChecked()
    tab.parameter_widget(key).setDate(day)


def test_a_start_date_after_the_end_date_is_refused_next_to_the_end_date(
    qtbot, ui_context, registered, tmp_path
) -> None:  # noqa: ANN001
    context = ui_context(Role.BRANCH_MANAGER)
    tab = _open_tab(qtbot, context)
    tab.select_report(CUSTOMER_LIST)
    _set_date(qtbot, tab, "registered_from", QDate(2026, 3, 10))
    _set_date(qtbot, tab, "registered_to", QDate(2026, 3, 1))

    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    error = tab.parameters_box.findChild(QLabel, "registered_to_error")
    assert error.isVisible()
    assert error.text().startswith("登记日期至")
    assert tab.summary_label.text() == "The report was not run: see the message above."
    assert not tab.parameters_box.findChild(QLabel, "registered_from_error").isVisible()
    assert tab.result_model.rowCount() == 0
    # The filters keep what the user chose, ready to correct.
    assert tab.parameter_values()["registered_from"].isoformat() == "2026-03-10"

    target = tmp_path / "refused.xlsx"
    tab.export_to(target, "xlsx")
    wait_idle(qtbot, context.tasks)
    assert error.isVisible()
    assert not target.exists()
    assert tab.run_button.isEnabled()


def test_export_to_excel_writes_the_filtered_rows_with_chinese_headers(
    qtbot, ui_context, registered, tmp_path, monkeypatch
) -> None:  # noqa: ANN001
    context = ui_context(Role.BRANCH_MANAGER)
    tab = _open_tab(qtbot, context)
    tab.select_report(CUSTOMER_LIST)
    _choose_channel(tab, "hotline")
    target = tmp_path / "hotline"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(target), ""))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    qtbot.mouseClick(tab.excel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    written = tmp_path / "hotline.xlsx"
    assert written.exists()
    sheet = openpyxl.load_workbook(written, read_only=True).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:4] == ["档案号", "姓名", "性别", "年龄"]
    assert sorted(row[1] for row in rows[1:]) == ["张伟", "李娜"]
    assert str(written) in tab.export_label.text()
    assert tab.open_folder_button.isVisible()

    qtbot.mouseClick(tab.open_folder_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(tmp_path)]


def test_print_to_pdf_writes_a_chinese_report(qtbot, ui_context, registered, tmp_path) -> None:  # noqa: ANN001
    context = ui_context(Role.CUSTOMER_SERVICE)
    tab = _open_tab(qtbot, context)
    tab.select_report(CUSTOMER_LIST)
    _choose_channel(tab, "walk_in")

    target = tmp_path / "walk-in.pdf"
    tab.export_to(target, "pdf")
    wait_idle(qtbot, context.tasks)

    assert target.exists()
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "客户名单" in text
    assert "档案号" in text and "姓名" in text
    assert "王芳" in text
    assert "张伟" not in text
    assert "Saved to" in tab.export_label.text()


def test_english_users_see_english_titles_and_headers(qtbot, ui_context, registered) -> None:  # noqa: ANN001
    context = ui_context(Role.HQ_ADMIN, language="en")
    tab = _open_tab(qtbot, context)

    titles = [tab.report_list.item(row).text() for row in range(tab.report_list.count())]
    # Other areas register reports too; every title is in English.
    assert {"Audit log", "Customer list", "Appointments: show and no-show"} <= set(titles)
    tab.select_report(CUSTOMER_LIST)
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert _headers(tab)[:2] == ["File no.", "Name"]
    assert tab.summary_label.text() == "4 row(s)"


def test_a_receptionist_is_told_no_report_is_available(qtbot, ui_context) -> None:  # noqa: ANN001
    tab = _open_tab(qtbot, ui_context(Role.RECEPTIONIST))

    assert tab.report_list.count() == 0
    assert tab.title_label.text() == "No reports are available to your role."
    for widget in (tab.run_button, tab.excel_button, tab.pdf_button, tab.result_view):
        assert not widget.isVisible()


def test_cancelling_an_export_leaves_no_file(
    qtbot, ui_context, registered, tmp_path, monkeypatch
) -> None:  # noqa: ANN001
    from lorch_desk.ui.roles.manager import reports_tab

    context = ui_context(Role.BRANCH_MANAGER)
    tab = _open_tab(qtbot, context)
    tab.select_report(CUSTOMER_LIST)
    # Hold the export until the user has pressed Cancel, as a long export would be.
    cancelled = threading.Event()
    real_export = reports_tab.export_table_xlsx

    def slow_export(document, path, **kwargs):  # noqa: ANN001, ANN202
        assert cancelled.wait(10)
        return real_export(document, path, **kwargs)

    monkeypatch.setattr(reports_tab, "export_table_xlsx", slow_export)
    exports = tmp_path / "exports"
    exports.mkdir()
    target = exports / "cancelled.xlsx"

    tab.export_to(target, "xlsx")
    assert not tab.excel_button.isEnabled()
    progress = tab.findChild(QProgressDialog)
    assert progress is not None
    assert progress.windowTitle() == "Exporting to Excel…"
    progress.show()  # as it does after its delay on a long export
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    cancelled.set()
    wait_idle(qtbot, context.tasks)

    assert not target.exists()
    assert list(exports.iterdir()) == []  # no partial file either
    assert tab.export_label.text() == ""
    assert tab.excel_button.isEnabled()
