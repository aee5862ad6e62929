"""Staff files: doctors' and consultants' practice, specialities, photo and certificates."""

from __future__ import annotations

import mimetypes
import tempfile
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.customers import Gender
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.staff import MAX_YEARS_OF_PRACTICE, Position
from lorch_desk.services import auth, staff
from lorch_desk.services.staff import (
    AttachmentContent,
    AttachmentRow,
    StaffProfileDetail,
    StaffProfileInput,
    StaffProfileRow,
)
from lorch_desk.ui import errors
from lorch_desk.ui.common.choice_labels import GENDERS, choice_label
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext

_ERROR_STYLE = "color: #b3261e;"
_PHOTO_SIZE = (120, 150)


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{name}_error")
    label.setWordWrap(True)
    label.setStyleSheet(_ERROR_STYLE)
    label.hide()
    return label


def _table_view(model: DtoTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class StaffTabWidget(QWidget):
    """The list of staff files and the form of one; editable only where the role allows it."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._may_edit = context.actor.may(Action.STAFF_EDIT)
        self._current_id: uuid.UUID | None = None
        self._restoring = False
        self._errors: dict[str, QLabel] = {}
        self._open_dir: Path | None = None
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
        self.view = _table_view(self.model)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.new_button = QPushButton(self.tr("New staff profile"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_top = QHBoxLayout()
        list_top.addWidget(self.new_button)
        list_top.addStretch(1)
        list_layout.addLayout(list_top)
        list_layout.addWidget(self.view, 1)
        list_layout.addWidget(self.empty_label)

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
            form.addRow(label, self._with_error(field, name))

        self.photo_label = QLabel(self.tr("No photo"))
        self.photo_label.setObjectName("photo")
        self.photo_label.setFixedSize(*_PHOTO_SIZE)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #c8c8c8; background: #fafafa;")
        self.photo_button = QPushButton(self.tr("Choose photo…"))
        self.photo_button.clicked.connect(self._on_photo_button_clicked)
        self.photo_error = _error_label("photo")
        self.photo_error.setFixedWidth(_PHOTO_SIZE[0] + 40)
        photo_column = QVBoxLayout()
        photo_column.addWidget(self.photo_label)
        photo_column.addWidget(self.photo_button)
        photo_column.addWidget(self.photo_error)
        photo_column.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addLayout(photo_column)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.general_error = _error_label("general")
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.read_only_label = QLabel(
            self.tr("Read only: your role may view staff profiles but not change them.")
        )
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setVisible(not self._may_edit)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.status_label, 1)
        self.form_box = QGroupBox(self.tr("New staff profile"))
        box_layout = QVBoxLayout(self.form_box)
        box_layout.addWidget(self.read_only_label)
        box_layout.addLayout(top)
        box_layout.addWidget(self.general_error)
        box_layout.addLayout(save_row)

        # Certificates
        self.certificates_model = DtoTableModel(
            [
                TableColumn(self.tr("File"), lambda row: row.file_name),
                TableColumn(self.tr("Type"), lambda row: row.media_type.rsplit("/", 1)[-1].upper()),
                TableColumn(self.tr("Size (KB)"), lambda row: f"{row.size / 1024:,.1f}", True),
                TableColumn(self.tr("Added"), lambda row: row.created_at),
            ],
            self,
        )
        self.certificates_view = _table_view(self.certificates_model)
        self.certificates_view.setMinimumHeight(110)
        self.certificates_view.setMaximumHeight(220)
        self.certificates_view.doubleClicked.connect(self._on_certificates_view_double_clicked)
        self.certificates_view.selectionModel().selectionChanged.connect(
            self._on_certificates_view_selection_changed
        )
        self.attach_button = QPushButton(self.tr("Attach certificate…"))
        self.attach_button.clicked.connect(self._on_attach_button_clicked)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.certificate_error = _error_label("file")
        self.certificates_hint = QLabel()
        self.certificates_hint.setWordWrap(True)
        certificate_buttons = QHBoxLayout()
        certificate_buttons.addWidget(self.attach_button)
        certificate_buttons.addWidget(self.open_button)
        certificate_buttons.addStretch(1)
        certificates_box = QGroupBox(self.tr("Certificates"))
        certificates_layout = QVBoxLayout(certificates_box)
        certificates_layout.addWidget(self.certificates_hint)
        certificates_layout.addWidget(self.certificates_view)
        certificates_layout.addWidget(self.certificate_error)
        certificates_layout.addLayout(certificate_buttons)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.form_box)
        editor_layout.addWidget(certificates_box)
        editor_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(list_side)
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

    # Public: the button handlers call these after their file dialogs; tests call them directly.
    def reload(self) -> None:
        """Read the staff list (and the logins a profile may be linked to) again."""
        self._context.tasks.run(
            lambda uow, _progress: (staff.list_staff_profiles(uow), auth.list_users(uow)),
            on_done=self._on_profiles_loaded,
            on_error=self._on_list_refused,
            parent=self,
            read_only=True,
        )

    def choose_photo(self, path: Path) -> None:
        """Store the picture at `path` as the current profile's photo."""
        self._send_file(path, staff.set_staff_photo, self.photo_error)

    def attach_certificate(self, path: Path) -> None:
        """Attach the file at `path` (PDF, PNG or JPEG) as a certificate of the current profile."""
        self._send_file(path, staff.attach_certificate, self.certificate_error)

    def open_certificate(self, attachment_id: uuid.UUID) -> None:
        """Copy a certificate to a temporary folder and open it with the system's viewer."""
        self._context.tasks.run(
            lambda uow, _progress: staff.get_attachment(uow, attachment_id=attachment_id),
            on_done=self._on_attachment_loaded,
            on_error=self._on_certificate_refused,
            parent=self,
            read_only=True,
        )

    def selected_profile(self) -> StaffProfileRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_certificate(self) -> AttachmentRow | None:
        rows = self.certificates_view.selectionModel().selectedRows()
        return self.certificates_model.row_at(rows[0].row()) if rows else None

    # Building blocks
    def _with_error(self, field: QWidget, name: str) -> QWidget:
        cell = QWidget()
        cell_layout = QVBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.setSpacing(2)
        cell_layout.addWidget(field)
        self._errors[name] = _error_label(name)
        cell_layout.addWidget(self._errors[name])
        return cell

    def _employment_text(self, row: StaffProfileRow) -> str:
        return self.tr("Full time") if row.is_full_time else self.tr("Part time")

    def _make_read_only(self) -> None:
        reason = self.tr("Your role may view staff profiles but not change them.")
        for line in (
            self.name_edit,
            self.phone_edit,
            self.service_area_edit,
            self.specialities_edit,
        ):
            line.setReadOnly(True)
            line.setToolTip(reason)
        for text in (self.introduction_edit, self.training_history_edit, self.success_cases_edit):
            text.setReadOnly(True)
            text.setToolTip(reason)
        for control in (
            self.gender_combo,
            self.position_combo,
            self.full_time_check,
            self.years_spin,
            self.user_combo,
            self.new_button,
            self.save_button,
            self.photo_button,
            self.attach_button,
        ):
            control.setEnabled(False)
            control.setToolTip(reason)

    def _update_buttons(self) -> None:
        saved = self._current_id is not None
        for button in (self.photo_button, self.attach_button):
            button.setEnabled(self._may_edit and saved)
            if self._may_edit:
                button.setToolTip("" if saved else self.tr("Save the profile first."))
        self.new_button.setEnabled(self._may_edit)
        self.save_button.setEnabled(self._may_edit)
        self.open_button.setEnabled(self.selected_certificate() is not None)

    # The list
    def _on_profiles_loaded(self, result: tuple[list[StaffProfileRow], list[Any]]) -> None:
        rows, users = result
        linked = self.user_combo.currentData()
        self.user_combo.clear()
        self.user_combo.addItem(self.tr("(no login)"), None)
        for user in users:
            self.user_combo.addItem(f"{user.display_name} ({user.username})", user.id)
        self._select_user(linked)
        self._restoring = True
        try:
            self.model.set_rows(rows)
            for number, row in enumerate(rows):
                if row.id == self._current_id:
                    # Reselect without refilling: the form keeps what the user typed.
                    self.view.selectRow(number)
                    break
            else:
                if self._current_id is not None:
                    self._show_profile(None)
        finally:
            self._restoring = False
        self.empty_label.setVisible(not rows)
        self.empty_label.setText(
            self.tr('No staff profiles yet. Click "New staff profile" to add one.')
            if self._may_edit
            else self.tr("No staff profiles yet.")
        )

    def _on_list_refused(self, error: DomainError) -> None:
        self.model.set_rows([])
        self.empty_label.setText(errors.message_for(error))
        self.empty_label.show()

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("staff_profile", "user_account"):
            self.reload()
        if changes.touches("attachment") and self._current_id is not None:
            self._load_profile(self._current_id, refill_form=False)

    def _on_view_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        row = self.selected_profile()
        if self._restoring or row is None:
            return
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
                self._show_files(detail)

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
        self._show_files(detail)

    def _show_files(self, detail: StaffProfileDetail | None) -> None:
        pixmap = QPixmap()
        if detail is not None and detail.photo and pixmap.loadFromData(detail.photo):
            self.photo_label.setPixmap(
                pixmap.scaled(
                    *_PHOTO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("No photo"))
        certificates = list(detail.certificates) if detail else []
        self.certificates_model.set_rows(certificates)
        if detail is None:
            self.certificates_hint.setText(self.tr("Save the profile, then attach certificates."))
        elif not certificates:
            self.certificates_hint.setText(
                self.tr('No certificates yet. Click "Attach certificate…" to add a PDF or picture.')
            )
        self.certificates_hint.setVisible(detail is None or not certificates)
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
        label = self._errors.get(error.field or "", self.general_error)
        label.setText(errors.message_for(error))
        label.show()

    def _clear_errors(self) -> None:
        for label in [
            *self._errors.values(),
            self.general_error,
            self.photo_error,
            self.certificate_error,
        ]:
            label.clear()
            label.hide()

    # Files
    def _on_photo_button_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose photo"), "", self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        if name:
            self.choose_photo(Path(name))

    def _on_attach_button_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach certificate"),
            "",
            self.tr("Certificates (*.pdf *.png *.jpg *.jpeg)"),
        )
        if name:
            self.attach_certificate(Path(name))

    def _send_file(self, path: Path, service: Any, error_label: QLabel) -> None:
        profile_id = self._current_id
        if profile_id is None:
            return
        self._clear_errors()
        try:
            content = path.read_bytes()
        except OSError as error:
            error_label.setText(
                self.tr("The file could not be read: {reason}").format(reason=error)
            )
            error_label.show()
            return
        file_name = path.name
        media_type = mimetypes.guess_type(file_name)[0] or "application/octet-stream"

        def operation(uow: Any, _progress: Any) -> AttachmentRow:
            return service(
                uow,
                profile_id=profile_id,
                file_name=file_name,
                content=content,
                media_type=media_type,
            )

        def refused(error: DomainError) -> None:
            error_label.setText(errors.message_for(error))
            error_label.show()

        self._context.tasks.run(operation, on_error=refused, parent=self)

    def _on_certificates_view_selection_changed(
        self, _selected: QItemSelection, _old: QItemSelection
    ) -> None:
        self._update_buttons()

    def _on_certificates_view_double_clicked(self, index: QModelIndex) -> None:
        self.open_certificate(self.certificates_model.row_at(index.row()).id)

    def _on_open_button_clicked(self) -> None:
        certificate = self.selected_certificate()
        if certificate is not None:
            self.open_certificate(certificate.id)

    def _on_certificate_refused(self, error: DomainError) -> None:
        self.certificate_error.setText(errors.message_for(error))
        self.certificate_error.show()

    def _on_attachment_loaded(self, attachment: AttachmentContent) -> None:
        if self._open_dir is None:
            self._open_dir = Path(tempfile.mkdtemp(prefix="lorch-certificates-"))
        # Only the last part of the stored name: it must not climb out of the folder.
        safe_name = Path(attachment.file_name.replace("\\", "/")).name or "certificate"
        target = self._open_dir / safe_name
        target.write_bytes(attachment.content)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
