"""Staff files: headquarters writes a doctor's profile, adds a photo and a certificate, opens it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QFileDialog, QLabel

from lorch_desk.domain.permissions import Role
from lorch_desk.domain.staff import Position
from lorch_desk.services import staff
from lorch_desk.services.staff import StaffProfileInput
from lorch_desk.ui.roles.admin.staff_tab import StaffTabWidget
from tests.ui.conftest import open_tab, type_text, wait_idle


def _png(path: Path, color: str = "#2a7ab0") -> Path:
    image = QImage(60, 80, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path), "PNG")
    return path


def _listed(tab: StaffTabWidget) -> list[list[str]]:
    model = tab.model
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_headquarters_saves_a_doctor_and_attaches_a_certificate(
    qtbot, ui_context, database, actor_for, tmp_path, monkeypatch, qtmodeltester
) -> None:  # noqa: ANN001
    manager = actor_for(Role.HQ_ADMIN)
    context = ui_context(actor=manager)
    tab = open_tab(qtbot, StaffTabWidget, context)
    assert tab.empty_label.isVisible()
    assert not tab.files.attach_button.isEnabled()
    assert tab.files.attach_button.toolTip() == "Save the profile first."

    type_text(tab.name_edit, "陈静")
    tab.position_combo.setCurrentIndex(tab.position_combo.findData(Position.DOCTOR.value))
    tab.gender_combo.setCurrentIndex(tab.gender_combo.findData("female"))
    qtbot.keyClicks(tab.phone_edit, "13900139000")
    type_text(tab.specialities_edit, "功能医学、睡眠调理")
    tab.years_spin.setValue(12)
    # A form stretches the box: click its tick mark, as a user would.
    box = tab.full_time_check
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    type_text(tab.introduction_edit, "毕业于北京中医药大学。")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    assert tab.status_label.text() == "Saved."
    assert _listed(tab) == [["陈静", "Doctor", "Part time", "功能医学、睡眠调理", "12"]]
    profiles, _ = database.run(manager, lambda uow, _p: staff.list_staff_profiles(uow))
    assert [(p.name, p.position, p.is_full_time, p.years_of_practice) for p in profiles] == [
        ("陈静", Position.DOCTOR, False, 12)
    ]
    qtmodeltester.check(tab.model)

    certificate = _png(tmp_path / "执业证书.png")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_args, **_kw: (str(certificate), "")
    )
    assert tab.files.attach_button.isEnabled()
    qtbot.mouseClick(tab.files.attach_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)  # the attachment change reloads the files

    assert [row.file_name for row in tab.files.certificates_model.rows] == ["执业证书.png"]
    assert tab.files.certificates_model.index(0, 1).data() == "PNG"
    detail, _ = database.run(
        manager, lambda uow, _p: staff.get_staff_profile(uow, profile_id=profiles[0].id)
    )
    assert [c.file_name for c in detail.certificates] == ["执业证书.png"]
    qtmodeltester.check(tab.files.certificates_model)

    photo = _png(tmp_path / "photo.png", "#d08040")
    tab.files.choose_photo(photo)
    wait_idle(qtbot, context.tasks)
    wait_idle(qtbot, context.tasks)
    assert not tab.files.photo_label.pixmap().isNull()

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    tab.files.certificates_view.selectRow(0)
    qtbot.mouseClick(tab.files.open_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)
    assert len(opened) == 1
    written = Path(opened[0].toLocalFile())
    assert written.name == "执业证书.png"
    assert written.read_bytes() == certificate.read_bytes()


def test_a_file_that_is_no_certificate_is_refused_in_place(
    qtbot, ui_context, database, actor_for, tmp_path
) -> None:  # noqa: ANN001
    manager = actor_for(Role.HQ_ADMIN)
    database.run(
        manager,
        lambda uow, _p: staff.save_staff_profile(
            uow,
            profile_id=None,
            data=StaffProfileInput(name="周敏", gender="female", position="consultant"),
        ),
    )
    context = ui_context(actor=manager)
    tab = open_tab(qtbot, StaffTabWidget, context)
    tab.view.selectRow(0)
    wait_idle(qtbot, context.tasks)
    assert tab.name_edit.text() == "周敏"

    notes = tmp_path / "notes.txt"
    notes.write_text("not a certificate", encoding="utf-8")
    tab.files.attach_certificate(notes)
    wait_idle(qtbot, context.tasks)

    assert tab.files.certificate_error.isVisible()
    assert "not accepted" in tab.files.certificate_error.text()
    assert tab.files.certificates_model.rowCount() == 0


def test_a_missing_name_is_refused_next_to_the_name(qtbot, ui_context, database, actor_for) -> None:  # noqa: ANN001
    manager = actor_for(Role.HQ_ADMIN)
    context = ui_context(actor=manager)
    tab = open_tab(qtbot, StaffTabWidget, context)

    type_text(tab.specialities_edit, "营养")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, context.tasks)

    name_error = tab.findChild(QLabel, "name_error")
    assert name_error.isVisible()
    assert "required" in name_error.text()
    assert tab.specialities_edit.text() == "营养"
    profiles, _ = database.run(manager, lambda uow, _p: staff.list_staff_profiles(uow))
    assert profiles == []


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.BRANCH_MANAGER])
def test_other_roles_read_staff_files_but_cannot_edit(
    qtbot, ui_context, database, actor_for, role
) -> None:  # noqa: ANN001
    database.run(
        actor_for(Role.HQ_ADMIN),
        lambda uow, _p: staff.save_staff_profile(
            uow,
            profile_id=None,
            data=StaffProfileInput(name="陈静", gender="female", position="doctor"),
        ),
    )
    context = ui_context(role)
    tab = open_tab(qtbot, StaffTabWidget, context)
    tab.view.selectRow(0)
    wait_idle(qtbot, context.tasks)

    assert tab.name_edit.text() == "陈静"
    assert tab.read_only_banner.isVisible()
    assert tab.name_edit.isReadOnly()
    for control in (
        tab.new_button,
        tab.save_button,
        tab.files.photo_button,
        tab.files.attach_button,
        tab.position_combo,
        tab.years_spin,
    ):
        assert not control.isEnabled()
        assert "not change" in control.toolTip()
