"""The files of one staff profile: its photo and its certificates, to attach and to open."""

from __future__ import annotations

import mimetypes
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.errors import DomainError
from lorch_desk.services import staff
from lorch_desk.services.staff import AttachmentContent, AttachmentRow, StaffProfileDetail
from lorch_desk.ui import errors
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import FieldErrorLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext

_PHOTO_SIZE = (120, 150)


class StaffFilesBoxWidget(QGroupBox):
    """The certificates of the profile shown, and its photo in `photo_column`.

    The staff tab places `photo_column` beside its form and this box under it; files can be
    added once the profile is saved, and only by a role that may edit staff profiles.
    """

    def __init__(
        self, context: UiContext, *, may_edit: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Certificates"))
        self._context = context
        self._may_edit = may_edit
        self._profile_id: uuid.UUID | None = None
        self._open_dir: Path | None = None

        # The photo
        self.photo_label = QLabel(self.tr("No photo"))
        self.photo_label.setObjectName("photo")
        self.photo_label.setFixedSize(*_PHOTO_SIZE)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #c8c8c8; background: #fafafa;")
        self.photo_button = QPushButton(self.tr("Choose photo…"))
        self.photo_button.clicked.connect(self._on_photo_button_clicked)
        self.photo_error = FieldErrorLabel("photo")
        self.photo_error.setFixedWidth(_PHOTO_SIZE[0] + 40)
        self.photo_column = QWidget()
        photo_layout = QVBoxLayout(self.photo_column)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.photo_label)
        photo_layout.addWidget(self.photo_button)
        photo_layout.addWidget(self.photo_error)
        photo_layout.addStretch(1)

        # The certificates
        self.certificates_model = DtoTableModel(
            [
                TableColumn(self.tr("File"), lambda row: row.file_name),
                TableColumn(self.tr("Type"), lambda row: row.media_type.rsplit("/", 1)[-1].upper()),
                TableColumn(self.tr("Size (KB)"), lambda row: f"{row.size / 1024:,.1f}", True),
                TableColumn(self.tr("Added"), lambda row: row.created_at),
            ],
            self,
        )
        self.certificates_view = DtoTableView(self.certificates_model)
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
        self.certificate_error = FieldErrorLabel("file")
        self.certificates_hint = QLabel()
        self.certificates_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.certificates_hint)
        layout.addWidget(self.certificates_view)
        layout.addWidget(self.certificate_error)
        layout.addLayout(buttons)

    # Public: the staff tab and the button handlers call these; tests call them directly.
    def show_files(self, detail: StaffProfileDetail | None) -> None:
        """Show the photo and certificates of `detail` (None: a profile not saved yet)."""
        self._profile_id = detail.id if detail else None
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

    def choose_photo(self, path: Path) -> None:
        """Store the picture at `path` as the profile's photo."""
        self._send_file(path, staff.set_staff_photo, self.photo_error)

    def attach_certificate(self, path: Path) -> None:
        """Attach the file at `path` (PDF, PNG or JPEG) as a certificate of the profile."""
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

    def selected_certificate(self) -> AttachmentRow | None:
        return self.certificates_view.selected_row()

    def clear_errors(self) -> None:
        """Hide the refusals of the photo and of the certificates."""
        self.photo_error.clear_message()
        self.certificate_error.clear_message()

    def _update_buttons(self) -> None:
        saved = self._profile_id is not None
        for button in (self.photo_button, self.attach_button):
            button.setEnabled(self._may_edit and saved)
            if self._may_edit:
                button.setToolTip("" if saved else self.tr("Save the profile first."))
        self.open_button.setEnabled(self.selected_certificate() is not None)

    # Sending files
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

    def _send_file(
        self, path: Path, service: Callable[..., AttachmentRow], error_label: FieldErrorLabel
    ) -> None:
        profile_id = self._profile_id
        if profile_id is None:
            return
        self.clear_errors()
        try:
            content = path.read_bytes()
        except OSError as error:
            error_label.show_message(
                self.tr("The file could not be read: {reason}").format(reason=error)
            )
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
            error_label.show_message(errors.message_for(error))

        self._context.tasks.run(operation, on_error=refused, parent=self)

    # Opening certificates
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
        self.certificate_error.show_message(errors.message_for(error))

    def _on_attachment_loaded(self, attachment: AttachmentContent) -> None:
        if self._open_dir is None:
            self._open_dir = Path(tempfile.mkdtemp(prefix="lorch-certificates-"))
        # Only the last part of the stored name: it must not climb out of the folder.
        safe_name = Path(attachment.file_name.replace("\\", "/")).name or "certificate"
        target = self._open_dir / safe_name
        target.write_bytes(attachment.content)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
