"""Staff files: doctors' and consultants' practice, specialities, photo and certificates."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.staff import MAX_YEARS_OF_PRACTICE, Position
from lorch_desk.services import auth, staff
from lorch_desk.services.staff import StaffProfileDetail, StaffProfileInput, StaffProfileRow
from lorch_desk.ui.common.choice_labels import GENDERS, choice_label
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.read_only_banner import ReadOnlyBanner
from lorch_desk.ui.common.record_list_widget import RecordListWidget
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.admin.staff_files_box import StaffFilesBoxWidget


class StaffTabWidget(QWidget):
    """The list of staff files and the form of one; editable only where the role allows it."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._may_edit = context.actor.may(Action.STAFF_EDIT)
        self._current_id: uuid.UUID | None = None
        self._errors = FieldErrors()
        self._position_names = {
            Position.DOCTOR: self.tr("Doctor"),
            Position.CONSULTANT: self.tr("Consultant"),
            Position.HEALTH_MANAGER: self.tr("Health manager"),
            Position.NURSE: self.tr("Nurse"),
            Position.PHARMACIST: self.tr("Pharmacist"),
            Position.OTHER: self.tr("Other"),
        }
        # The list
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Name"), lambda row: row.name),
                TableColumn(self.tr("Position"), lambda row: self._position_names[row.position]),
                TableColumn(self.tr("Employment"), self._employment_text),
                TableColumn(self.tr("Specialities"), lambda row: row.specialities),
                TableColumn(self.tr("Years"), lambda row: row.years_of_practice, align_right=True),
            ],
            self,
        )
        self.record_list = RecordListWidget(self.model, self.tr("New staff profile"))
        self.record_list.record_selected.connect(self._on_record_list_record_selected)
        self.view = self.record_list.view
        self.empty_label = self.record_list.empty_label
        self.new_button = self.record_list.new_button
        self.new_button.clicked.connect(self._on_new_button_clicked)

        # The form
        self.name_edit = QLineEdit()
        self.gender_combo = QComboBox()
        for gender in Gender:
            self.gender_combo.addItem(choice_label(GENDERS, gender), gender.value)
        self.position_combo = QComboBox()
        for position, text in self._position_names.items():
            self.position_combo.addItem(text, position.value)
        self.phone_edit = QLineEdit()
        self.full_time_check = QCheckBox(self.tr("Full time"))
        self.full_time_check.setChecked(True)
        self.service_area_edit = QLineEdit()
        self.specialities_edit = QLineEdit()
        self.specialities_edit.setPlaceholderText(self.tr("e.g. gut health, sleep, nutrition"))
        self.years_spin = QSpinBox()
        self.years_spin.setRange(0, MAX_YEARS_OF_PRACTICE)
        self.years_spin.setSuffix(self.tr(" years"))
        self.user_combo = QComboBox()
        self.user_combo.addItem(self.tr("(no login)"), None)
        self.introduction_edit = QPlainTextEdit()
        self.training_history_edit = QPlainTextEdit()
        self.success_cases_edit = QPlainTextEdit()
        for text_edit in (
            self.introduction_edit,
            self.training_history_edit,
            self.success_cases_edit,
        ):
            text_edit.setTabChangesFocus(True)
            text_edit.setFixedHeight(60)

        form = QFormLayout()
        for label, field, name in (
            (self.tr("Name:"), self.name_edit, "name"),
            (self.tr("Gender:"), self.gender_combo, "gender"),
            (self.tr("Position:"), self.position_combo, "position"),
            (self.tr("Phone:"), self.phone_edit, "phone"),
            (self.tr("Employment:"), self.full_time_check, "is_full_time"),
            (self.tr("Years of practice:"), self.years_spin, "years_of_practice"),
            (self.tr("Login:"), self.user_combo, "user_id"),
            (self.tr("Service area:"), self.service_area_edit, "service_area"),
            (self.tr("Specialities:"), self.specialities_edit, "specialities"),
            (self.tr("Introduction:"), self.introduction_edit, "introduction"),
            (self.tr("Training history:"), self.training_history_edit, "training_history"),
            (self.tr("Success cases:"), self.success_cases_edit, "success_cases"),
        ):
            field.setObjectName(name)
            form.addRow(label, self._errors.cell(field, name))

        self.files = StaffFilesBoxWidget(context, may_edit=self._may_edit)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.files.photo_column)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.read_only_banner = ReadOnlyBanner(
            self.tr("Read only: your role may view staff profiles but not change them.")
        )
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.status_label, 1)
        self.form_box = QGroupBox(self.tr("New staff profile"))
        box_layout = QVBoxLayout(self.form_box)
        box_layout.addWidget(self.read_only_banner)
        box_layout.addLayout(top)
        box_layout.addWidget(self._errors.general)
        box_layout.addLayout(save_row)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.form_box)
        editor_layout.addWidget(self.files)
        editor_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.record_list)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 760])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        if not self._may_edit:
            self._make_read_only()
        context.events.data_changed.connect(self._on_events_data_changed)
        self._show_profile(None)
        self.reload()

    def reload(self) -> None:
        """Read the staff list (and the logins a profile may be linked to) again."""
        self._context.tasks.run(
            lambda uow, _progress: (staff.list_staff_profiles(uow), auth.list_users(uow)),
            on_done=self._on_profiles_loaded,
            on_error=self.record_list.show_refusal,
            parent=self,
            read_only=True,
        )

    def selected_profile(self) -> StaffProfileRow | None:
        return self.record_list.selected_record()

    def _employment_text(self, row: StaffProfileRow) -> str:
        return self.tr("Full time") if row.is_full_time else self.tr("Part time")

    def _make_read_only(self) -> None:
        self.read_only_banner.lock(
            self.tr("Your role may view staff profiles but not change them."),
            texts=(
                self.name_edit,
                self.phone_edit,
                self.service_area_edit,
                self.specialities_edit,
                self.introduction_edit,
                self.training_history_edit,
                self.success_cases_edit,
            ),
            controls=(
                self.gender_combo,
                self.position_combo,
                self.full_time_check,
                self.years_spin,
                self.user_combo,
                self.new_button,
                self.save_button,
                self.files.photo_button,
                self.files.attach_button,
            ),
        )

    def _update_buttons(self) -> None:
        self.new_button.setEnabled(self._may_edit)
        self.save_button.setEnabled(self._may_edit)

    # The list
    def _on_profiles_loaded(self, result: tuple[list[StaffProfileRow], list[Any]]) -> None:
        rows, users = result
        linked = self.user_combo.currentData()
        self.user_combo.clear()
        self.user_combo.addItem(self.tr("(no login)"), None)
        for user in users:
            self.user_combo.addItem(f"{user.display_name} ({user.username})", user.id)
        self._select_user(linked)
        kept = self.record_list.show_records(
            rows,
            keep_id=self._current_id,
            empty_text=(
                self.tr('No staff profiles yet. Click "New staff profile" to add one.')
                if self._may_edit
                else self.tr("No staff profiles yet.")
            ),
        )
        if not kept and self._current_id is not None:
            self._show_profile(None)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("staff_profile", "user_account"):
            self.reload()
        if changes.touches("attachment") and self._current_id is not None:
            self._load_profile(self._current_id, refill_form=False)

    def _on_record_list_record_selected(self, row: StaffProfileRow) -> None:
        self._current_id = row.id
        self._load_profile(row.id, refill_form=True)

    def _on_new_button_clicked(self) -> None:
        self.view.clearSelection()
        self._show_profile(None)
        self.name_edit.setFocus()

    def _load_profile(self, profile_id: uuid.UUID, *, refill_form: bool) -> None:
        def shown(detail: StaffProfileDetail) -> None:
            if detail.id != self._current_id:
                return  # the user moved on meanwhile
            if refill_form:
                self._show_profile(detail)
            else:
                self.files.show_files(detail)

        self._context.tasks.run(
            lambda uow, _progress: staff.get_staff_profile(uow, profile_id=profile_id),
            on_done=shown,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    # The form
    def _show_profile(self, detail: StaffProfileDetail | None) -> None:
        self._clear_errors()
        self.status_label.clear()
        self._current_id = detail.id if detail else None
        self.form_box.setTitle(detail.name if detail else self.tr("New staff profile"))
        self.name_edit.setText(detail.name if detail else "")
        self.gender_combo.setCurrentIndex(
            self.gender_combo.findData(detail.gender.value) if detail else 0
        )
        self.position_combo.setCurrentIndex(
            self.position_combo.findData(detail.position.value) if detail else 0
        )
        self.phone_edit.setText(detail.phone if detail else "")
        self.full_time_check.setChecked(detail.is_full_time if detail else True)
        self.service_area_edit.setText(detail.service_area if detail else "")
        self.specialities_edit.setText(detail.specialities if detail else "")
        self.years_spin.setValue(detail.years_of_practice if detail else 0)
        self._select_user(detail.user_id if detail else None)
        self.introduction_edit.setPlainText(detail.introduction if detail else "")
        self.training_history_edit.setPlainText(detail.training_history if detail else "")
        self.success_cases_edit.setPlainText(detail.success_cases if detail else "")
        self.files.show_files(detail)
        self._update_buttons()

    def _select_user(self, user_id: uuid.UUID | None) -> None:
        index = self.user_combo.findData(user_id) if user_id is not None else 0
        self.user_combo.setCurrentIndex(max(index, 0))

    def _gathered_input(self) -> StaffProfileInput:
        return StaffProfileInput(
            name=self.name_edit.text(),
            gender=self.gender_combo.currentData(),
            position=self.position_combo.currentData(),
            phone=self.phone_edit.text(),
            is_full_time=self.full_time_check.isChecked(),
            service_area=self.service_area_edit.text(),
            specialities=self.specialities_edit.text(),
            years_of_practice=self.years_spin.value(),
            introduction=self.introduction_edit.toPlainText(),
            training_history=self.training_history_edit.toPlainText(),
            success_cases=self.success_cases_edit.toPlainText(),
            user_id=self.user_combo.currentData(),
        )

    def _on_save_button_clicked(self) -> None:
        self._clear_errors()
        self.status_label.clear()
        data = self._gathered_input()
        profile_id = self._current_id
        self.save_button.setEnabled(False)

        def operation(uow: Any, _progress: Any) -> StaffProfileDetail:
            return staff.save_staff_profile(uow, profile_id=profile_id, data=data)

        self._context.tasks.run(
            operation, on_done=self._on_saved, on_error=self._on_refused, parent=self
        )

    def _on_saved(self, detail: StaffProfileDetail) -> None:
        self._show_profile(detail)
        self.status_label.setText(self.tr("Saved."))

    def _on_refused(self, error: DomainError) -> None:
        self._update_buttons()
        self._errors.show_refusal(error)

    def _clear_errors(self) -> None:
        self._errors.clear()
        self.files.clear_errors()
