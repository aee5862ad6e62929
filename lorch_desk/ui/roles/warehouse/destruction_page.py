"""销毁: request the destruction of batches with a reason, approve, destroy before a witness."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.documents.warehouse_forms import print_destruction_record
from lorch_desk.domain.catalogue import DestructionReason, DestructionStatus
from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import destruction, stock_queries
from lorch_desk.services.destruction import DestructionDetail, DestructionLineInput
from lorch_desk.services.stock_queries import StockRow
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.warehouse.common import ask_save_path, quantity_text
from lorch_desk.ui.roles.warehouse.labels import DESTRUCTION_STATUS_NAMES, REASON_NAMES, label


class DestructionPage(QWidget):
    """Destruction requests of the warehouse and the form of a new one."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._warehouse_id: uuid.UUID | None = None
        self._pending: list[tuple[StockRow, str]] = []
        self._may_approve = context.actor.may(Action.DESTRUCTION_APPROVE)

        self.list_model = DtoTableModel(
            [
                TableColumn(self.tr("Number"), lambda d: d.number),
                TableColumn(self.tr("Reason"), lambda d: label(REASON_NAMES, d.reason)),
                TableColumn(self.tr("Status"), lambda d: label(DESTRUCTION_STATUS_NAMES, d.status)),
                TableColumn(self.tr("Lines"), lambda d: len(d.lines), True),
                TableColumn(self.tr("Value"), lambda d: d.total_value, True),
                TableColumn(self.tr("Requested by"), lambda d: d.requested_by),
                TableColumn(self.tr("Witness"), lambda d: d.witness_name),
            ],
            self,
        )
        self.list_view = DtoTableView(self.list_model)
        self.list_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.clicked.connect(lambda: self.decide(approve=True))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.clicked.connect(lambda: self.decide(approve=False))
        self.witness_edit = QLineEdit()
        self.witness_edit.setObjectName("witness")
        self.witness_edit.setPlaceholderText(self.tr("Witness name"))
        self.destroy_button = QPushButton(self.tr("Destroy…"))
        self.destroy_button.clicked.connect(self._on_destroy_clicked)
        self.print_button = QPushButton(self.tr("Print record…"))
        self.print_button.clicked.connect(self._on_print_clicked)
        for button in (self.approve_button, self.reject_button):
            button.setVisible(self._may_approve)

        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code")
        self.code_edit.setPlaceholderText(self.tr("Scan a barcode or type a code, then Enter"))
        self.code_edit.returnPressed.connect(self._on_code_entered)
        self.batch_combo = QComboBox()
        self.batch_combo.setObjectName("batch")
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setObjectName("quantity")
        self.quantity_edit.returnPressed.connect(self.add_line)
        self.reason_combo = QComboBox()
        self.reason_combo.setObjectName("reason")
        for reason in DestructionReason:
            self.reason_combo.addItem(label(REASON_NAMES, reason), reason)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.pending_model = DtoTableModel(
            [
                TableColumn(self.tr("Product"), lambda p: p[0].product_name),
                TableColumn(self.tr("Batch"), lambda p: p[0].batch),
                TableColumn(self.tr("Location"), lambda p: p[0].location_name),
                TableColumn(self.tr("Expiry"), lambda p: p[0].expiry),
                TableColumn(self.tr("Quantity"), lambda p: p[1], True),
            ],
            self,
        )
        self.pending_view = DtoTableView(self.pending_model)
        self.request_button = QPushButton(self.tr("Request destruction"))
        self.request_button.clicked.connect(self.request)
        self.status = StatusLabel()

        form_box = QGroupBox(self.tr("New destruction request"))
        form = QFormLayout()
        form.addRow(self.tr("Product:"), self.code_edit)
        form.addRow(self.tr("Batch:"), self.batch_combo)
        form.addRow(self.tr("Quantity:"), self.quantity_edit)
        form.addRow(self.tr("Reason:"), self.reason_combo)
        form.addRow(self.tr("Note:"), self.note_edit)
        box_layout = QVBoxLayout(form_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.pending_view)
        box_layout.addWidget(self.request_button)

        actions = QHBoxLayout()
        for widget in (
            self.approve_button,
            self.reject_button,
            self.witness_edit,
            self.destroy_button,
            self.print_button,
        ):
            actions.addWidget(widget)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_view)
        left_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.status)
        context.events.data_changed.connect(self._on_events_data_changed)
        self._update_buttons()

    def set_warehouse(self, warehouse_id: uuid.UUID | None) -> None:
        self._warehouse_id = warehouse_id
        self._pending.clear()
        self.pending_model.set_rows([])
        self.reload()

    def reload(self) -> None:
        warehouse_id = self._warehouse_id
        if warehouse_id is not None:
            self._context.tasks.run(
                lambda uow, _p: destruction.list_destructions(uow, warehouse_id),
                on_done=self._on_loaded,
                on_error=self.status.refuse,
                parent=self,
                read_only=True,
            )

    def _on_loaded(self, rows: list[DestructionDetail]) -> None:
        selected = self.list_view.selected_row()
        self.list_model.set_rows(rows)
        for index, row in enumerate(rows):
            if selected is not None and row.destruction_id == selected.destruction_id:
                self.list_view.selectRow(index)
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        row: DestructionDetail | None = self.list_view.selected_row()
        status = row.status if row else None
        self.approve_button.setEnabled(self._may_approve and status is DestructionStatus.REQUESTED)
        self.reject_button.setEnabled(self._may_approve and status is DestructionStatus.REQUESTED)
        self.destroy_button.setEnabled(status is DestructionStatus.APPROVED)
        self.witness_edit.setEnabled(status is DestructionStatus.APPROVED)
        self.print_button.setEnabled(row is not None)

    # -- a new request -----------------------------------------------------------------------

    def _on_code_entered(self) -> None:
        warehouse_id, code = self._warehouse_id, self.code_edit.text().strip()
        if warehouse_id is None or not code:
            return
        self._context.tasks.run(
            lambda uow, _p: stock_queries.stock_on_hand(uow, warehouse_id, text=code),
            on_done=self._on_batches_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_batches_loaded(self, rows: list[StockRow]) -> None:
        self.batch_combo.clear()
        code = self.code_edit.text().strip()
        for row in rows:
            if code in (row.product_code, row.barcode):
                expiry = row.expiry.isoformat() if row.expiry else "-"
                text = f"{row.product_name}  {row.batch}  @{row.location_code}  {expiry}  ×{quantity_text(row.quantity)}"
                self.batch_combo.addItem(text, row)
        if self.batch_combo.count() == 0:
            self.status.say(self.tr("No stock of %1 in this warehouse.").replace("%1", code))
            self.code_edit.selectAll()
            return
        self.status.say("")
        self.quantity_edit.setFocus()

    def add_line(self) -> None:
        row = self.batch_combo.currentData()
        if row is None:
            return
        self._pending.append((row, self.quantity_edit.text().strip()))
        self.pending_model.set_rows(self._pending)
        self.quantity_edit.clear()
        self.batch_combo.clear()
        self.code_edit.clear()
        self.code_edit.setFocus()

    def request(self) -> None:
        """Send the typed lines as one destruction request."""
        warehouse_id = self._warehouse_id
        if warehouse_id is None or not self._pending:
            return
        lines = [
            DestructionLineInput(
                product_id=row.product_id,
                location_id=row.location_id,
                batch=row.batch,
                quantity=qty,
            )
            for row, qty in self._pending
        ]
        reason, note = self.reason_combo.currentData(), self.note_edit.text()
        self._context.tasks.run(
            lambda uow, _p: destruction.request_destruction(
                uow, warehouse_id=warehouse_id, reason=reason, lines=lines, reason_note=note
            ),
            on_done=self._on_requested,
            on_error=self.status.refuse,
            parent=self,
        )

    def _on_requested(self, detail: DestructionDetail) -> None:
        self._pending.clear()
        self.pending_model.set_rows([])
        self.note_edit.clear()
        self.status.say(
            self.tr("Destruction %1 requested; a manager approves it.").replace("%1", detail.number)
        )

    # -- approval and destruction ------------------------------------------------------------

    def decide(self, *, approve: bool) -> None:
        row: DestructionDetail | None = self.list_view.selected_row()
        if row is None:
            return
        self._context.tasks.run(
            lambda uow, _p: destruction.decide_destruction(
                uow, row.destruction_id, approve=approve
            ),
            on_done=lambda d: self.status.say(label(DESTRUCTION_STATUS_NAMES, d.status)),
            on_error=self.status.refuse,
            parent=self,
        )

    def _on_destroy_clicked(self) -> None:
        row: DestructionDetail | None = self.list_view.selected_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Destroy goods"),
            self.tr("Destroy the goods of %1 now, witnessed by %2? This cannot be undone.")
            .replace("%1", row.number)
            .replace("%2", self.witness_edit.text().strip()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.destroy()

    def destroy(self) -> None:
        """Post the selected approved destruction with the witness typed in."""
        row: DestructionDetail | None = self.list_view.selected_row()
        if row is None:
            return
        witness = self.witness_edit.text()
        self._context.tasks.run(
            lambda uow, _p: destruction.post_destruction(
                uow, row.destruction_id, witness_name=witness
            ),
            on_done=lambda d: self.status.say(self.tr("Destroyed: %1.").replace("%1", d.number)),
            on_error=self.status.refuse,
            parent=self,
        )

    def _on_print_clicked(self) -> None:
        row = self.list_view.selected_row()
        if row is not None:
            path = ask_save_path(
                self, self.tr("Print destruction record"), f"{row.number}.pdf", "PDF (*.pdf)"
            )
            if path:
                self.print_record(row, path)

    def print_record(self, detail: DestructionDetail, path: Path) -> None:
        self._context.tasks.call_in_background(
            lambda _p: print_destruction_record(detail, path),
            on_done=lambda written: self.status.say(
                self.tr("Saved to %1").replace("%1", str(written))
            ),
            on_failure=lambda error: (
                self.status.refuse(error)
                if isinstance(error, DomainError)
                else self.status.say(str(error))
            ),
            parent=self,
        )

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("destruction", "destruction_line"):
            self.reload()
