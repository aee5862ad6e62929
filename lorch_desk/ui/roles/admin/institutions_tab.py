"""Partner institutions: the list and one form; headquarters edits, others only read."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import institutions
from lorch_desk.services.institutions import InstitutionInput, InstitutionRow
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.read_only_banner import ReadOnlyBanner
from lorch_desk.ui.common.record_list_widget import RecordListWidget
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext


class InstitutionsTabWidget(QWidget):
    """Partner institutions with their cooperation; editable only where the role allows it."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._may_edit = context.actor.may(Action.INSTITUTION_EDIT)
        self._current_id: uuid.UUID | None = None
        self._errors = FieldErrors()

        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Name"), lambda row: row.name),
                TableColumn(self.tr("Head"), lambda row: row.head),
                TableColumn(self.tr("Phone"), lambda row: row.phone),
                TableColumn(self.tr("Cooperation mode"), lambda row: row.cooperation_mode),
                TableColumn(self.tr("Signed on"), lambda row: row.signed_on),
            ],
            self,
        )
        self.record_list = RecordListWidget(self.model, self.tr("New institution"))
        self.record_list.record_selected.connect(self._on_record_list_record_selected)
        self.view = self.record_list.view
        self.empty_label = self.record_list.empty_label
        self.new_button = self.record_list.new_button
        self.new_button.clicked.connect(self._on_new_button_clicked)

        self.name_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.head_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.cooperation_mode_edit = QLineEdit()
        self.cooperation_mode_edit.setPlaceholderText(self.tr("e.g. referral, joint events"))
        self.cooperation_project_edit = QPlainTextEdit()
        self.cooperation_project_edit.setTabChangesFocus(True)
        self.cooperation_project_edit.setFixedHeight(100)
        self.signed_check = QCheckBox(self.tr("Signed"))
        self.signed_on_edit = QDateEdit()
        self.signed_on_edit.setCalendarPopup(True)
        self.signed_on_edit.setDisplayFormat("yyyy-MM-dd")
        self.signed_on_edit.setDate(QDate.currentDate())
        self.signed_on_edit.setEnabled(False)
        self.signed_check.toggled.connect(self._on_signed_check_toggled)
        signed_cell = QWidget()
        signed_layout = QHBoxLayout(signed_cell)
        signed_layout.setContentsMargins(0, 0, 0, 0)
        signed_layout.addWidget(self.signed_check)
        signed_layout.addWidget(self.signed_on_edit)
        signed_layout.addStretch(1)

        self.form_box = QGroupBox(self.tr("New institution"))
        form = QFormLayout()
        for label, field, name in (
            (self.tr("Name:"), self.name_edit, "institution_name"),
            (self.tr("Address:"), self.address_edit, "address"),
            (self.tr("Head:"), self.head_edit, "head"),
            (self.tr("Phone:"), self.phone_edit, "phone"),
            (self.tr("Cooperation mode:"), self.cooperation_mode_edit, "cooperation_mode"),
            (self.tr("Cooperation project:"), self.cooperation_project_edit, "cooperation_project"),
            (self.tr("Signing date:"), signed_cell, "signed_on"),
        ):
            field.setObjectName(name)
            form.addRow(label, self._errors.cell(field, name))

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.retire_button = QPushButton(self.tr("Retire…"))
        self.retire_button.clicked.connect(self._on_retire_button_clicked)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.read_only_banner = ReadOnlyBanner(
            self.tr("Read only: your role may view partner institutions but not change them.")
        )
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.save_button)
        form_buttons.addWidget(self.retire_button)
        form_buttons.addStretch(1)
        box_layout = QVBoxLayout(self.form_box)
        box_layout.addWidget(self.read_only_banner)
        box_layout.addLayout(form)
        box_layout.addWidget(self._errors.general)
        box_layout.addLayout(form_buttons)
        box_layout.addWidget(self.status_label)
        box_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.record_list)
        splitter.addWidget(self.form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        if not self._may_edit:
            self._make_read_only()
        context.events.data_changed.connect(self._on_events_data_changed)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        """Read the list of partner institutions again."""
        self._context.tasks.run(
            lambda uow, _progress: institutions.list_institutions(uow),
            on_done=self._on_institutions_loaded,
            on_error=self.record_list.show_refusal,
            parent=self,
            read_only=True,
        )

    def selected_institution(self) -> InstitutionRow | None:
        return self.record_list.selected_record()

    def _make_read_only(self) -> None:
        self.read_only_banner.lock(
            self.tr("Your role may view partner institutions but not change them."),
            texts=(
                self.name_edit,
                self.address_edit,
                self.head_edit,
                self.phone_edit,
                self.cooperation_mode_edit,
                self.cooperation_project_edit,
            ),
            controls=(self.signed_check, self.new_button, self.save_button, self.retire_button),
        )

    def _update_buttons(self) -> None:
        self.new_button.setEnabled(self._may_edit)
        self.save_button.setEnabled(self._may_edit)
        self.retire_button.setEnabled(self._may_edit and self._current_id is not None)
        if self._may_edit:
            self.signed_on_edit.setEnabled(self.signed_check.isChecked())

    def _on_institutions_loaded(self, rows: list[InstitutionRow]) -> None:
        kept = self.record_list.show_records(
            rows,
            keep_id=self._current_id,
            empty_text=(
                self.tr('No partner institutions yet. Click "New institution" to add one.')
                if self._may_edit
                else self.tr("No partner institutions yet.")
            ),
        )
        if not kept and self._current_id is not None:
            self._show_institution(None)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("institution"):
            self.reload()

    def _on_record_list_record_selected(self, row: InstitutionRow) -> None:
        self._show_institution(row)

    def _on_new_button_clicked(self) -> None:
        self.view.clearSelection()
        self._show_institution(None)
        self.name_edit.setFocus()

    def _on_signed_check_toggled(self, checked: bool) -> None:
        self.signed_on_edit.setEnabled(checked and self._may_edit)

    def _show_institution(self, row: InstitutionRow | None) -> None:
        self._errors.clear()
        self.status_label.clear()
        self._current_id = row.id if row else None
        self.form_box.setTitle(row.name if row else self.tr("New institution"))
        self.name_edit.setText(row.name if row else "")
        self.address_edit.setText(row.address if row else "")
        self.head_edit.setText(row.head if row else "")
        self.phone_edit.setText(row.phone if row else "")
        self.cooperation_mode_edit.setText(row.cooperation_mode if row else "")
        self.cooperation_project_edit.setPlainText(row.cooperation_project if row else "")
        signed_on = row.signed_on if row else None
        self.signed_check.setChecked(signed_on is not None)
        self.signed_on_edit.setDate(
            QDate(signed_on.year, signed_on.month, signed_on.day)
            if signed_on
            else QDate.currentDate()
        )
        self._update_buttons()

    def _gathered_input(self) -> InstitutionInput:
        signed_on: date | None = None
        if self.signed_check.isChecked():
            chosen = self.signed_on_edit.date()
            signed_on = date(chosen.year(), chosen.month(), chosen.day())
        return InstitutionInput(
            name=self.name_edit.text(),
            address=self.address_edit.text(),
            head=self.head_edit.text(),
            phone=self.phone_edit.text(),
            cooperation_mode=self.cooperation_mode_edit.text(),
            cooperation_project=self.cooperation_project_edit.toPlainText(),
            signed_on=signed_on,
        )

    def _on_save_button_clicked(self) -> None:
        self._errors.clear()
        self.status_label.clear()
        data = self._gathered_input()
        institution_id = self._current_id
        self.save_button.setEnabled(False)

        def operation(uow: Any, _progress: Any) -> InstitutionRow:
            return institutions.save_institution(uow, institution_id=institution_id, data=data)

        self._context.tasks.run(
            operation, on_done=self._on_saved, on_error=self._on_refused, parent=self
        )

    def _on_saved(self, row: InstitutionRow) -> None:
        self._show_institution(row)
        self.status_label.setText(self.tr("Saved."))

    def _on_retire_button_clicked(self) -> None:
        row = self.selected_institution()
        if row is None or row.id != self._current_id:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Retire institution"),
            self.tr(
                "End the cooperation with {name}? It leaves the list; its history is kept."
            ).format(name=row.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        institution_id = row.id
        self.retire_button.setEnabled(False)
        self._context.tasks.run(
            lambda uow, _progress: institutions.retire_institution(
                uow, institution_id=institution_id
            ),
            on_done=self._on_retired,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_retired(self, _result: object) -> None:
        self.view.clearSelection()
        self._show_institution(None)
        self.status_label.setText(self.tr("The institution was retired."))

    def _on_refused(self, error: DomainError) -> None:
        self._update_buttons()
        self._errors.show_refusal(error)
