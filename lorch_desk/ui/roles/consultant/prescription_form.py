"""Prescriptions of one customer: write a western or TCM draft, a doctor signs, print it."""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.documents.pdf.prescription import PAGE_SIZES, render_prescription_pdf
from lorch_desk.domain.errors import DomainError, ValidationFailed
from lorch_desk.domain.permissions import Action
from lorch_desk.domain.prescriptions import (
    MAX_TCM_DOSES,
    HerbLine,
    PrescriptionKind,
    PrescriptionStatus,
    grams_per_dose_total,
    herb_totals,
)
from lorch_desk.services import prescriptions
from lorch_desk.services.prescriptions import (
    PrescribableProduct,
    PrescriptionDetail,
    PrescriptionInput,
    PrescriptionLineInput,
    PrescriptionRow,
)
from lorch_desk.ui import errors
from lorch_desk.ui.common.choice_labels import choice_label
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.table_model import display_text
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.consultant.labels import PRESCRIPTION_KINDS, PRESCRIPTION_STATUSES
from lorch_desk.ui.roles.consultant.prescription_view import describe_prescription


class PrescriptionFormWidget(QWidget):
    """Drafts are written by consultants and doctors; only a doctor signs; anyone here prints."""

    printed = Signal(object)  # the Path of the PDF

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._customer_id: uuid.UUID | None = None
        self._arrival_id: uuid.UUID | None = None
        self._rows: list[PrescriptionRow] = []
        self._products: list[PrescribableProduct] = []
        self._lines: list[tuple[PrescribableProduct, PrescriptionLineInput]] = []
        self.current: PrescriptionDetail | None = None
        self.history = QListWidget(self)
        self.history.setObjectName("prescription_history")
        self.history.setMaximumHeight(80)
        self.history.currentRowChanged.connect(self._on_history_current_row_changed)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("prescription_detail")
        self.sign_button = QPushButton(self.tr("Sign as doctor"), self)
        self.sign_button.setObjectName("prescription_sign")
        self.sign_button.setEnabled(False)
        self.sign_button.clicked.connect(self._on_sign_button_clicked)
        self.page_size = QComboBox(self)
        self.page_size.setObjectName("prescription_page_size")
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setCurrentText("A5")
        self.print_button = QPushButton(self.tr("Print to PDF…"), self)
        self.print_button.setObjectName("prescription_print")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.kind = QComboBox(self)
        self.kind.setObjectName("prescription_kind")
        for kind in PrescriptionKind:
            self.kind.addItem(choice_label(PRESCRIPTION_KINDS, kind), kind.value)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.product = QComboBox(self)
        self.product.setObjectName("prescription_product")
        self.dose = QLineEdit(self)
        self.dose.setObjectName("prescription_dose")
        self.dose.setPlaceholderText(self.tr("Dose, e.g. 1粒"))
        self.frequency = QLineEdit(self)
        self.frequency.setObjectName("prescription_frequency")
        self.frequency.setPlaceholderText(self.tr("Frequency, e.g. 每日3次"))
        self.quantity = QLineEdit(self)
        self.quantity.setObjectName("prescription_quantity")
        self.quantity.setPlaceholderText(self.tr("Quantity"))
        self.days = QLineEdit(self)
        self.days.setObjectName("prescription_days")
        self.days.setPlaceholderText(self.tr("Days"))
        self.grams = QLineEdit(self)
        self.grams.setObjectName("prescription_grams")
        self.grams.setPlaceholderText(self.tr("Grams per dose"))
        self.add_button = QPushButton(self.tr("Add line"), self)
        self.add_button.setObjectName("prescription_add")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.lines = QTableWidget(0, 5, self)
        self.lines.setObjectName("prescription_lines")
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().hide()
        self.doses = QSpinBox(self)
        self.doses.setObjectName("prescription_doses")
        self.doses.setRange(1, MAX_TCM_DOSES)
        self.doses.setValue(7)
        self.doses.valueChanged.connect(self._show_lines)
        self.decoction = QLineEdit(self)
        self.decoction.setObjectName("prescription_decoction")
        self.usage = QLineEdit(self)
        self.usage.setObjectName("prescription_usage")
        self.diagnosis = QLineEdit(self)
        self.diagnosis.setObjectName("prescription_diagnosis")
        self.totals = QLabel(self)
        self.totals.setObjectName("prescription_totals")
        self.save_button = QPushButton(self.tr("Save draft"), self)
        self.save_button.setObjectName("prescription_save")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.message = QLabel(self)
        self.message.setObjectName("prescription_message")
        self.message.setWordWrap(True)
        self.errors = FieldErrors()
        self._lay_out()
        may_write = context.actor.may(Action.PRESCRIPTION_WRITE)
        for widget in (self.add_button, self.save_button):
            widget.setEnabled(may_write)
        self._on_kind_current_index_changed()

    def _lay_out(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.sign_button)
        actions.addStretch(1)
        actions.addWidget(self.page_size)
        actions.addWidget(self.print_button)
        picker = QHBoxLayout()
        for widget in (self.product, self.dose, self.frequency, self.quantity, self.days):
            picker.addWidget(widget, 2 if widget is self.product else 1)
        picker.addWidget(self.grams, 1)
        picker.addWidget(self.add_button)
        form = self._form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Diagnosis"), self.errors.cell(self.diagnosis, "diagnosis"))
        form.addRow(self.tr("Number of doses (剂数)"), self.errors.cell(self.doses, "doses"))
        form.addRow(self.tr("Decoction"), self.errors.cell(self.decoction, "decoction"))
        form.addRow(self.tr("Usage"), self.errors.cell(self.usage, "usage_instructions"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals, 1)
        bottom.addWidget(self.save_button)
        saved = QWidget(self)
        top = QVBoxLayout(saved)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Prescriptions of this customer"), saved))
        top.addWidget(self.history)
        top.addWidget(self.detail, 1)
        top.addLayout(actions)
        draft = QWidget(self)
        lower = QVBoxLayout(draft)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(QLabel(self.tr("New prescription"), draft))
        lower.addLayout(form)
        lower.addLayout(picker)
        lower.addWidget(self.lines, 1)
        lower.addLayout(bottom)
        lower.addWidget(self.errors.general)
        lower.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(saved)
        splitter.addWidget(draft)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # --- loading ----------------------------------------------------------------------------

    def load(self, customer_id: uuid.UUID, arrival_id: uuid.UUID | None) -> None:
        """Show the customer's prescriptions and start an empty draft."""
        self._customer_id, self._arrival_id = customer_id, arrival_id
        self._lines = []
        self._show_lines()
        self._context.tasks.run(
            lambda uow, _p: prescriptions.list_prescriptions(uow, customer_id=customer_id),
            on_done=self._show_history,
            on_error=self.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def _show_history(self, rows: list[PrescriptionRow]) -> None:
        self._rows = rows
        self.history.clear()
        for row in rows:
            self.history.addItem(
                f"{row.number} · {choice_label(PRESCRIPTION_KINDS, row.kind)} · "
                f"{choice_label(PRESCRIPTION_STATUSES, row.status)} · {display_text(row.day)}"
            )
        if rows:
            self.history.setCurrentRow(0)
        else:
            self._show_detail(None)

    def _on_history_current_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        prescription_id = self._rows[row].id
        self._context.tasks.run(
            lambda uow, _p: prescriptions.get_prescription(uow, prescription_id=prescription_id),
            on_done=self._show_detail,
            on_error=self.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def _show_detail(self, detail: PrescriptionDetail | None) -> None:
        self.current = detail
        self.detail.setHtml(describe_prescription(detail) if detail else "")
        may_sign = self._context.actor.may(Action.PRESCRIPTION_SIGN)
        is_draft = detail is not None and detail.status is PrescriptionStatus.DRAFT
        self.sign_button.setEnabled(may_sign and is_draft)
        self.print_button.setEnabled(detail is not None)

    def _on_kind_current_index_changed(self, _index: int = 0) -> None:
        kind = PrescriptionKind(self.kind.currentData())
        tcm = kind is PrescriptionKind.TCM
        for widget in (self.dose, self.frequency, self.quantity, self.days):
            widget.setVisible(not tcm)
        self.grams.setVisible(tcm)
        for widget in (self.doses, self.decoction):
            self._form.setRowVisible(widget.parentWidget(), tcm)
        self._lines = []
        self._show_lines()
        if self._context.actor.may(Action.PRESCRIPTION_WRITE):
            self._context.tasks.run(
                lambda uow, _p: prescriptions.search_prescribable_products(uow, kind=kind),
                on_done=self._show_products,
                on_error=self.errors.show_refusal,
                parent=self,
                read_only=True,
            )

    def _show_products(self, products: list[PrescribableProduct]) -> None:
        self._products = products
        self.product.clear()
        for product in products:
            spec = f" {product.specification}" if product.specification else ""
            stock = self.tr("stock %1 %2").replace("%1", _plain(product.on_hand))
            stock = stock.replace("%2", product.unit)
            if product.nearest_expiry is not None:
                stock += " · " + self.tr("expires %1").replace(
                    "%1", display_text(product.nearest_expiry)
                )
            self.product.addItem(f"{product.name}{spec} ({product.unit}) · {stock}")

    # --- the draft ----------------------------------------------------------------------------

    def choose_product(self, name: str) -> None:
        """Select a product of the list by its name."""
        index = next((i for i, p in enumerate(self._products) if p.name == name), -1)
        self.product.setCurrentIndex(index)

    def _on_add_button_clicked(self) -> None:
        self.errors.clear()
        index = self.product.currentIndex()
        if not 0 <= index < len(self._products):
            return
        product = self._products[index]
        if self._kind() is PrescriptionKind.TCM:
            grams = _decimal(self.grams.text())
            if grams is None:
                self.errors.show(None, self.tr("Grams per dose must be a number above 0."))
                return
            line = PrescriptionLineInput(product.id, grams_per_dose=grams)
            self.grams.clear()
        else:
            quantity, days = _decimal(self.quantity.text()), self.days.text().strip()
            if quantity is None or not days.isdigit():
                self.errors.show(None, self.tr("Quantity and days must be numbers above 0."))
                return
            line = PrescriptionLineInput(
                product.id, self.dose.text(), self.frequency.text(), quantity, int(days)
            )
        self._lines.append((product, line))
        self._show_lines()
        self.product.setFocus()

    def _show_lines(self) -> None:
        tcm = self._kind() is PrescriptionKind.TCM
        if tcm:
            headers = [self.tr("Herb"), self.tr("g per dose"), self.tr("Total g"), "", ""]
            herbs = [HerbLine(p.name, line.grams_per_dose or Decimal(0)) for p, line in self._lines]
            totals = herb_totals(herbs, self.doses.value())
            cells = [
                [t.name, _plain(t.grams_per_dose), _plain(t.total_grams), "", ""] for t in totals
            ]
            weight = grams_per_dose_total(herbs)
            self.totals.setText(
                self.tr("%1 doses × %2 g = %3 g in all")
                .replace("%1", str(self.doses.value()))
                .replace("%2", _plain(weight))
                .replace("%3", _plain(weight * self.doses.value()))
            )
        else:
            headers = [
                self.tr("Product"),
                self.tr("Dose"),
                self.tr("Frequency"),
                self.tr("Quantity"),
                self.tr("Days"),
            ]
            cells = [
                [
                    p.name,
                    line.dose,
                    line.frequency,
                    f"{_plain(line.quantity)} {p.unit}",
                    str(line.duration_days),
                ]
                for p, line in self._lines
            ]
            self.totals.setText(self.tr("%1 lines").replace("%1", str(len(self._lines))))
        self.lines.setHorizontalHeaderLabels(headers)
        self.lines.setRowCount(len(cells))
        for row, values in enumerate(cells):
            for column, text in enumerate(values):
                self.lines.setItem(row, column, QTableWidgetItem(text))

    def _on_save_button_clicked(self) -> None:
        if self._customer_id is None:
            return
        self.errors.clear()
        customer_id, arrival_id, kind = self._customer_id, self._arrival_id, self._kind()
        data = PrescriptionInput(
            kind=kind,
            lines=[line for _product, line in self._lines],
            diagnosis=self.diagnosis.text(),
            doses=self.doses.value() if kind is PrescriptionKind.TCM else None,
            decoction=self.decoction.text(),
            usage_instructions=self.usage.text(),
        )
        self._context.tasks.run(
            lambda uow, _p: prescriptions.save_prescription(
                uow, customer_id=customer_id, arrival_id=arrival_id, data=data
            ),
            on_done=self._on_saved,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_saved(self, detail: PrescriptionDetail) -> None:
        text = self.tr("Draft %1 saved; a doctor signs it.").replace("%1", detail.number)
        if detail.has_allergy_warning:
            text += " " + self.tr("Warning: an item matches a recorded allergy.")
        self.message.setText(text)
        for field in (self.diagnosis, self.decoction, self.usage):
            field.clear()
        if self._customer_id is not None:
            self.load(self._customer_id, self._arrival_id)

    def _on_sign_button_clicked(self) -> None:
        if self.current is None:
            return
        prescription_id = self.current.id
        self._context.tasks.run(
            lambda uow, _p: prescriptions.sign_prescription(uow, prescription_id=prescription_id),
            on_done=self._on_signed,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_signed(self, detail: PrescriptionDetail) -> None:
        self.message.setText(
            self.tr("%1 signed: it is in the pharmacy's queue.").replace("%1", detail.number)
        )
        if self._customer_id is not None:
            self.load(self._customer_id, self._arrival_id)

    def _on_refused(self, error: DomainError) -> None:
        field = error.field or ""
        if field.startswith("lines."):
            number = field.split(".")[1]
            self.errors.show(
                None,
                self.tr("Line %1: ").replace("%1", number)
                + errors.message_for(ValidationFailed(field=field.split(".")[-1], **error.params)),
            )
            return
        self.errors.show_refusal(error)

    # --- printing -----------------------------------------------------------------------------

    def print_to(self, path: Path, page_size: str | None = None) -> None:
        """Print the prescription shown to `path` (A4 or A5); `printed` says when it is written."""
        if self.current is None:
            return
        prescription_id, size = self.current.id, page_size or self.page_size.currentText()
        language = self._context.language
        self._context.tasks.run(
            lambda uow, _p: render_prescription_pdf(
                prescriptions.get_prescription(uow, prescription_id=prescription_id),
                Path(path),
                page_size=size,
                language=language,
            ),
            on_done=self._on_printed,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def _on_print_button_clicked(self) -> None:
        if self.current is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Print to PDF"),
            f"{self.current.number}.pdf",
            self.tr("PDF document (*.pdf)"),
        )
        if name:
            self.print_to(Path(name))

    def _on_printed(self, path: Path) -> None:
        self.message.setText(self.tr("Printed to %1").replace("%1", str(path)))
        self.printed.emit(path)

    def _kind(self) -> PrescriptionKind:
        return PrescriptionKind(self.kind.currentData())


def _decimal(text: str) -> Decimal | None:
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() and number > 0 else None


def _plain(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
