"""盘点: create a count, print or export its sheet, count by scanner, hand or xlsx, post.

The scanner types a code and Enter into the scan field; the line of that product is selected
and the cursor jumps to the quantity; the quantity and Enter record it and the cursor goes back
to the scan field for the next item.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.documents.pdf.warehouse_form import render_form_pdf
from lorch_desk.documents.warehouse_forms import count_sheet, variance_form, write_count_workbook
from lorch_desk.domain.catalogue import ProductCategory
from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError, ImportRejected
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.stock_count import CountScope, CountStatus, Variance
from lorch_desk.services import catalogue, stock_counts
from lorch_desk.services.stock_count_import import import_counts
from lorch_desk.services.stock_counts import CountLineRow, CountSummary
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.status_label import StatusLabel
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.warehouse.common import ask_save_path, quantity_text
from lorch_desk.ui.roles.warehouse.labels import (
    CATEGORY_NAMES,
    COUNT_STATUS_NAMES,
    SCOPE_NAMES,
    label,
)


class CountPage(QWidget):
    """The counts of the warehouse and, below, the lines of the selected one."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._warehouse_id: uuid.UUID | None = None
        self._count: CountSummary | None = None
        self._line_id: uuid.UUID | None = None
        self._variances: dict[uuid.UUID, Variance] = {}
        self._may_approve = context.actor.may(Action.STOCK_COUNT_APPROVE)

        # -- the counts
        self.counts_model = DtoTableModel(
            [
                TableColumn(self.tr("Number"), lambda c: c.number),
                TableColumn(self.tr("Scope"), lambda c: self._scope_text(c)),
                TableColumn(self.tr("Snapshot"), lambda c: c.snapshot_at),
                TableColumn(self.tr("Blind"), lambda c: self.tr("Yes") if c.blind else ""),
                TableColumn(self.tr("Status"), lambda c: label(COUNT_STATUS_NAMES, c.status)),
                TableColumn(
                    self.tr("Counted"), lambda c: f"{c.counted_lines}/{c.line_count}", True
                ),
            ],
            self,
        )
        self.counts_view = DtoTableView(self.counts_model)
        self.counts_view.selectionModel().selectionChanged.connect(self._on_count_selected)
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("scope")
        for scope in CountScope:
            self.scope_combo.addItem(label(SCOPE_NAMES, scope), scope)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_changed)
        self.scope_value_combo = QComboBox()
        self.scope_value_combo.setEnabled(False)
        self.blind_check = QCheckBox(self.tr("Blind count"))
        self.new_button = QPushButton(self.tr("New count"))
        self.new_button.clicked.connect(self._on_new_clicked)
        create_row = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Scope:")),
            self.scope_combo,
            self.scope_value_combo,
            self.blind_check,
        ):
            create_row.addWidget(widget)
        create_row.addWidget(self.new_button)
        create_row.addStretch(1)

        # -- actions on the selected count
        self.print_button = QPushButton(self.tr("Print sheet…"))
        self.print_button.clicked.connect(self._on_print_clicked)
        self.export_button = QPushButton(self.tr("Export xlsx…"))
        self.export_button.clicked.connect(self._on_export_clicked)
        self.import_button = QPushButton(self.tr("Import xlsx…"))
        self.import_button.clicked.connect(self._on_import_clicked)
        self.recount_button = QPushButton(self.tr("Flag recount"))
        self.recount_button.clicked.connect(self._on_recount_clicked)
        self.submit_button = QPushButton(self.tr("Submit"))
        self.submit_button.clicked.connect(self._on_submit_clicked)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.post_button = QPushButton(self.tr("Post"))
        self.post_button.clicked.connect(self._on_post_clicked)
        self.variance_button = QPushButton(self.tr("Variance report…"))
        self.variance_button.clicked.connect(self._on_variance_clicked)
        actions = QHBoxLayout()
        for button in (
            self.print_button,
            self.export_button,
            self.import_button,
            self.recount_button,
            self.submit_button,
            self.approve_button,
            self.post_button,
            self.variance_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        # -- the lines and the scanner
        self.lines_model = DtoTableModel(
            [
                TableColumn(self.tr("Location"), lambda r: r.location_code),
                TableColumn(self.tr("Code"), lambda r: r.product_code),
                TableColumn(self.tr("Product"), lambda r: r.product_name),
                TableColumn(self.tr("Unit"), lambda r: r.unit),
                TableColumn(self.tr("Batch"), lambda r: r.batch),
                TableColumn(self.tr("Expiry"), lambda r: r.expiry),
                TableColumn(self.tr("System"), lambda r: quantity_text(r.snapshot_quantity), True),
                TableColumn(self.tr("Counted"), lambda r: quantity_text(r.counted_quantity), True),
                TableColumn(self.tr("Difference"), lambda r: self._difference_text(r), True),
                TableColumn(self.tr("Recount"), lambda r: self.tr("Recount") if r.recount else ""),
            ],
            self,
        )
        self.lines_view = DtoTableView(self.lines_model)
        self.lines_view.selectionModel().selectionChanged.connect(self._on_line_selected)
        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("scan")
        self.scan_edit.setPlaceholderText(self.tr("Scan a barcode or type a code, then Enter"))
        self.scan_edit.returnPressed.connect(self._on_scan_entered)
        self.line_label = QLabel()
        self.line_label.setObjectName("current_line")
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setObjectName("quantity")
        self.quantity_edit.setPlaceholderText(self.tr("Counted quantity, then Enter"))
        self.quantity_edit.setMaximumWidth(180)
        self.quantity_edit.returnPressed.connect(self._on_quantity_entered)
        scan_row = QHBoxLayout()
        scan_row.addWidget(QLabel(self.tr("Scan:")))
        scan_row.addWidget(self.scan_edit, 2)
        scan_row.addWidget(self.line_label, 2)
        scan_row.addWidget(QLabel(self.tr("Quantity:")))
        scan_row.addWidget(self.quantity_edit)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.status = StatusLabel()

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(create_row)
        upper_layout.addWidget(self.counts_view)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        lower_layout.addLayout(scan_row)
        lower_layout.addWidget(self.lines_view)
        lower_layout.addWidget(self.summary_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.status)
        context.events.data_changed.connect(self._on_events_data_changed)
        self._update_buttons()

    # -- loading -----------------------------------------------------------------------------

    def set_warehouse(self, warehouse_id: uuid.UUID | None) -> None:
        self._warehouse_id = warehouse_id
        self._count = None
        self._on_scope_changed()
        self.reload()

    def reload(self) -> None:
        warehouse_id = self._warehouse_id
        if warehouse_id is None:
            return
        self._context.tasks.run(
            lambda uow, _p: stock_counts.list_counts(uow, warehouse_id),
            on_done=self._on_counts_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_counts_loaded(self, counts: list[CountSummary]) -> None:
        keep = self._count.count_id if self._count else None
        self.counts_model.set_rows(counts)
        for index, count in enumerate(counts):
            if count.count_id == keep:
                self.counts_view.selectRow(index)
                return
        if counts:
            self.counts_view.selectRow(0)
        else:
            self._show_count(None)

    def _on_count_selected(self, *_args: Any) -> None:
        self._show_count(self.counts_view.selected_row())

    def _show_count(self, count: CountSummary | None) -> None:
        self._count = count
        self._update_buttons()
        if count is None:
            self.lines_model.set_rows([])
            self.summary_label.clear()
            return
        count_id = count.count_id
        with_variance = count.status is not CountStatus.OPEN

        def operation(uow: Any, _p: Any) -> tuple[Any, ...]:
            lines = stock_counts.count_lines(uow, count_id)
            report = stock_counts.variance_report(uow, count_id) if with_variance else None
            return stock_counts.count_summary(uow, count_id), lines, report

        self._context.tasks.run(
            operation,
            on_done=self._on_lines_loaded,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_lines_loaded(self, result: tuple[Any, ...]) -> None:
        summary, lines, report = result
        if self._count is None or summary.count_id != self._count.count_id:
            return
        self._count = summary
        self._variances = {line.line_id: line.variance for line in report.lines} if report else {}
        keep = self._line_id
        self.lines_model.set_rows(lines)
        self._select_line(keep)
        text = self.tr("%1 of %2 lines counted.").replace("%1", str(summary.counted_lines))
        text = text.replace("%2", str(summary.line_count))
        if report is not None:
            text += " " + self.tr("Gain %1, loss %2, net %3.").replace(
                "%1", f"¥{report.gain_value:,.2f}"
            ).replace("%2", f"¥{report.loss_value:,.2f}").replace("%3", f"¥{report.net_value:,.2f}")
        self.summary_label.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        status = self._count.status if self._count else None
        is_open = status is CountStatus.OPEN
        self.print_button.setEnabled(status is not None)
        self.export_button.setEnabled(status is not None)
        self.import_button.setEnabled(is_open)
        self.scan_edit.setEnabled(is_open)
        self.quantity_edit.setEnabled(is_open and self._line_id is not None)
        self.recount_button.setEnabled(status in (CountStatus.OPEN, CountStatus.SUBMITTED))
        self.submit_button.setEnabled(is_open)
        self.approve_button.setEnabled(self._may_approve and status is CountStatus.SUBMITTED)
        self.approve_button.setVisible(self._may_approve)
        self.post_button.setEnabled(status is CountStatus.APPROVED)
        self.variance_button.setEnabled(status is not None and not is_open)

    # -- creating ----------------------------------------------------------------------------

    def _on_scope_changed(self, *_args: Any) -> None:
        scope = CountScope(self.scope_combo.currentData())
        self.scope_value_combo.clear()
        self.scope_value_combo.setEnabled(scope is not CountScope.WAREHOUSE)
        if scope is CountScope.CATEGORY:
            for category in ProductCategory:
                self.scope_value_combo.addItem(label(CATEGORY_NAMES, category), category)
        elif scope is CountScope.LOCATION and self._warehouse_id is not None:
            warehouse_id = self._warehouse_id
            self._context.tasks.run(
                lambda uow, _p: catalogue.list_locations(uow, warehouse_id),
                on_done=self._on_locations_loaded,
                on_error=self.status.refuse,
                parent=self,
                read_only=True,
            )

    def _on_locations_loaded(self, locations: list[Any]) -> None:
        if self.scope_combo.currentData() != CountScope.LOCATION:
            return
        for location in locations:
            self.scope_value_combo.addItem(f"{location.code} {location.name}", location.location_id)

    def _on_new_clicked(self) -> None:
        warehouse_id = self._warehouse_id
        if warehouse_id is None:
            return
        scope = CountScope(self.scope_combo.currentData())
        value = self.scope_value_combo.currentData()
        blind = self.blind_check.isChecked()

        def operation(uow: Any, _p: Any) -> CountSummary:
            return stock_counts.create_count(
                uow,
                warehouse_id=warehouse_id,
                scope=scope,
                category=value if scope is CountScope.CATEGORY else None,
                location_id=value if scope is CountScope.LOCATION else None,
                blind=blind,
            )

        self._context.tasks.run(
            operation, on_done=self._on_created, on_error=self.status.refuse, parent=self
        )

    def _on_created(self, count: CountSummary) -> None:
        self._count = count
        self.status.say(
            self.tr("Count %1 opened with %n line(s).", "", count.line_count).replace(
                "%1", count.number
            )
        )
        self.scan_edit.setFocus()

    # -- counting ----------------------------------------------------------------------------

    def _on_scan_entered(self) -> None:
        count = self._count
        code = self.scan_edit.text().strip()
        if count is None or not code:
            return
        self._context.tasks.run(
            lambda uow, _p: stock_counts.lines_for_code(uow, count.count_id, code),
            on_done=self._on_scan_found,
            on_error=self._on_scan_refused,
            parent=self,
            read_only=True,
        )

    def _on_scan_found(self, line_ids: list[uuid.UUID]) -> None:
        self._select_line(line_ids[0])
        self.status.say("")
        self.quantity_edit.setFocus()
        self.quantity_edit.selectAll()

    def _on_scan_refused(self, error: DomainError) -> None:
        self.status.refuse(error)
        self.scan_edit.setFocus()
        self.scan_edit.selectAll()

    def _select_line(self, line_id: uuid.UUID | None) -> None:
        for index, row in enumerate(self.lines_model.rows):
            if row.line_id == line_id:
                self.lines_view.selectRow(index)
                self.lines_view.scrollTo(self.lines_model.index(index, 0))
                return
        self._line_id = None
        self.line_label.clear()

    def _on_line_selected(self, *_args: Any) -> None:
        row: CountLineRow | None = self.lines_view.selected_row()
        self._line_id = row.line_id if row else None
        if row is not None:
            self.line_label.setText(f"{row.product_name}  {row.batch}  @{row.location_code}")
            self.quantity_edit.setText(quantity_text(row.counted_quantity))
        self._update_buttons()

    def _on_quantity_entered(self) -> None:
        count, line_id = self._count, self._line_id
        if count is None or line_id is None:
            return
        quantity = self.quantity_edit.text()
        self._context.tasks.run(
            lambda uow, _p: stock_counts.enter_count(uow, count.count_id, line_id, quantity),
            on_done=self._on_quantity_saved,
            on_error=self._on_quantity_refused,
            parent=self,
        )

    def _on_quantity_saved(self, _result: object) -> None:
        self.status.say(
            self.tr("Saved: %1 counted %2.")
            .replace("%1", self.line_label.text())
            .replace("%2", self.quantity_edit.text().strip())
        )
        self.quantity_edit.clear()
        self.scan_edit.clear()
        self.scan_edit.setFocus()

    def _on_quantity_refused(self, error: DomainError) -> None:
        self.status.refuse(error)
        self.quantity_edit.setFocus()
        self.quantity_edit.selectAll()

    # -- workflow ----------------------------------------------------------------------------

    def _run_step(
        self, operation: Any, done_text: str, *, progress_title: str | None = None
    ) -> None:
        self._context.tasks.run(
            operation,
            on_done=lambda _r: self.status.say(done_text),
            on_error=self.status.refuse,
            parent=self,
            progress_title=progress_title,
        )

    def _on_submit_clicked(self) -> None:
        if self._count:
            count_id = self._count.count_id
            self._run_step(
                lambda uow, _p: stock_counts.submit_count(uow, count_id),
                self.tr("Submitted for approval."),
            )

    def _on_recount_clicked(self) -> None:
        if self._count and self._line_id:
            count_id, line_id = self._count.count_id, self._line_id
            self._run_step(
                lambda uow, _p: stock_counts.flag_recount(uow, count_id, [line_id]),
                self.tr("The line is flagged for a recount."),
            )

    def _on_approve_clicked(self) -> None:
        if self._count:
            count_id = self._count.count_id
            self._run_step(
                lambda uow, _p: stock_counts.approve_count(uow, count_id), self.tr("Approved.")
            )

    def _on_post_clicked(self) -> None:
        if self._count is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Post count"),
            self.tr(
                "Post count %1? The differences become stock moves; this cannot be undone."
            ).replace("%1", self._count.number),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.post()

    def post(self) -> None:
        """Post the selected (approved) count, with progress."""
        if self._count:
            count_id = self._count.count_id
            self._run_step(
                lambda uow, progress: stock_counts.post_count(uow, count_id, progress=progress),
                self.tr("Posted: the stock now matches the count."),
                progress_title=self.tr("Posting the count"),
            )

    # -- files -------------------------------------------------------------------------------

    def _on_print_clicked(self) -> None:
        if self._count:
            path = ask_save_path(
                self, self.tr("Print count sheet"), f"{self._count.number}.pdf", "PDF (*.pdf)"
            )
            if path:
                self.print_sheet(path, blind=self._count.blind)

    def print_sheet(self, path: Path, *, blind: bool) -> None:
        """Print the selected count's sheet to `path`."""
        count = self._count
        if count is None:
            return

        def operation(uow: Any, _p: Any) -> Path:
            lines = stock_counts.count_lines(uow, count.count_id)
            return render_form_pdf(count_sheet(count, lines, blind=blind), path)

        self._context.tasks.run(
            operation,
            on_done=self._on_file_written,
            on_error=self.status.refuse,
            parent=self,
            read_only=True,
        )

    def _on_export_clicked(self) -> None:
        if self._count:
            path = ask_save_path(
                self, self.tr("Export count sheet"), f"{self._count.number}.xlsx", "Excel (*.xlsx)"
            )
            if path:
                count_id = self._count.count_id
                self._context.tasks.run(
                    lambda uow, _p: write_count_workbook(
                        stock_counts.count_lines(uow, count_id), path
                    ),
                    on_done=self._on_file_written,
                    on_error=self.status.refuse,
                    parent=self,
                    read_only=True,
                )

    def _on_variance_clicked(self) -> None:
        if self._count:
            path = ask_save_path(
                self, self.tr("Variance report"), f"{self._count.number}-差异.pdf", "PDF (*.pdf)"
            )
            if path:
                count_id = self._count.count_id
                self._context.tasks.run(
                    lambda uow, _p: render_form_pdf(
                        variance_form(stock_counts.variance_report(uow, count_id)), path
                    ),
                    on_done=self._on_file_written,
                    on_error=self.status.refuse,
                    parent=self,
                    read_only=True,
                )

    def _on_file_written(self, path: Path) -> None:
        self.status.say(self.tr("Saved to %1").replace("%1", str(path)))

    def _on_import_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import counted quantities"), "", "Excel (*.xlsx)"
        )
        if name:
            self.import_sheet(Path(name))

    def import_sheet(self, path: Path) -> None:
        """Enter the counted quantities of a filled-in sheet; bad rows are listed, none saved."""
        if self._count:
            count_id = self._count.count_id
            self._context.tasks.run(
                lambda uow, _p: import_counts(uow, count_id, path),
                on_done=lambda n: self.status.say(self.tr("%n line(s) imported.", "", n)),
                on_error=self._on_import_refused,
                parent=self,
            )

    def _on_import_refused(self, error: DomainError) -> None:
        if not isinstance(error, ImportRejected):
            self.status.refuse(error)
            return
        reasons = {
            "unknown_barcode": self.tr("unknown code"),
            "not_in_count": self.tr("not in this count"),
            "ambiguous_line": self.tr("several lines match: give batch and location"),
            "bad_quantity": self.tr("quantity is not a number of 0 or more"),
            "duplicate_line": self.tr("line given twice"),
        }
        details = "; ".join(
            self.tr("row %1: %2").replace("%1", str(row)).replace("%2", reasons.get(code, code))
            for row, code in error.rows[:10]
        )
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(self.tr("Nothing was imported. %1").replace("%1", details))

    # -- helpers -----------------------------------------------------------------------------

    def _scope_text(self, count: CountSummary) -> str:
        text = label(SCOPE_NAMES, count.scope)
        if count.scope is CountScope.CATEGORY:
            text += f"：{label(CATEGORY_NAMES, count.scope_label)}"
        elif count.scope is CountScope.LOCATION:
            text += f"：{count.scope_label}"
        return text

    def _difference_text(self, row: CountLineRow) -> str:
        variance = self._variances.get(row.line_id)
        if variance is None:
            return ""
        difference = variance.quantity
        return ("+" if difference > 0 else "") + quantity_text(difference) if difference else "0"

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("stock_count", "stock_count_line"):
            self.reload()
            if self._count:
                self._show_count(self._count)
