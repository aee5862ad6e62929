"""Reports: pick one, fill its filters, preview the rows, export them to Excel or print a PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.documents.pdf.table_report import render_table_pdf
from lorch_desk.documents.xlsx.table_export import export_table_xlsx
from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError, ValidationFailed
from lorch_desk.domain.tables import format_cell
from lorch_desk.services import report_catalogue, reports
from lorch_desk.services.reports import (
    ParameterKind,
    ReportDefinition,
    ReportParameter,
    ReportResult,
)
from lorch_desk.ui import errors
from lorch_desk.ui.common.field_errors import FieldErrorLabel, error_cell
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.connection import OfflineNote
from lorch_desk.ui.context import UiContext

EXPORT_KINDS = ("xlsx", "pdf")
_INTEGER_LIMIT = 1_000_000_000
_FIELD_WIDTH = 260


@dataclass(slots=True)
class _ParameterInput:
    """The widgets of one report parameter and how to read what the user chose."""

    parameter: ReportParameter
    cell: QWidget
    focus: QWidget
    error: FieldErrorLabel
    value: Callable[[], object]


class ReportsTabWidget(QWidget):
    """The reports the actor may run, each with a generated filter form, preview and export."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._language = context.language
        self._definition: ReportDefinition | None = None
        self._inputs: dict[str, _ParameterInput] = {}
        self._last_export: Path | None = None

        report_catalogue.load_all()
        self.report_list = QListWidget()
        self.report_list.setObjectName("reports")
        for definition in reports.list_reports(context.actor):
            item = QListWidgetItem(definition.title.text(self._language))
            item.setData(Qt.ItemDataRole.UserRole, definition.key)
            self.report_list.addItem(item)
        self.report_list.currentItemChanged.connect(self._on_report_list_current_item_changed)
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(QLabel(self.tr("Reports")))
        list_layout.addWidget(self.report_list, 1)

        self.title_label = QLabel()
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.parameters_box = QGroupBox(self.tr("Filters"))
        self._parameters_layout = QVBoxLayout(self.parameters_box)
        self._parameters_form: QWidget | None = None
        self.general_error = FieldErrorLabel("general")

        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Show the report's rows (Enter)"))
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.excel_button = QPushButton(self.tr("Export to Excel…"))
        self.excel_button.clicked.connect(self._on_excel_button_clicked)
        self.pdf_button = QPushButton(self.tr("Print to PDF…"))
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        actions = QHBoxLayout()
        actions.addWidget(self.run_button)
        actions.addStretch(1)
        actions.addWidget(self.excel_button)
        actions.addWidget(self.pdf_button)
        for sequence in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._on_run_shortcut_activated)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.result_model = DtoTableModel([], self)
        self.result_view = QTableView()
        self.result_view.setModel(self.result_model)
        self.result_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.result_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.result_view.setAlternatingRowColors(True)
        self.result_view.setWordWrap(False)
        self.result_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.result_view.horizontalHeader().setStretchLastSection(True)

        self.export_label = QLabel()
        self.export_label.setObjectName("export_status")
        self.export_label.setWordWrap(True)
        self.export_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        self.open_folder_button.hide()
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_label, 1)
        export_row.addWidget(self.open_folder_button)

        report_side = QWidget()
        report_layout = QVBoxLayout(report_side)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(self.title_label)
        self.offline_note = OfflineNote(
            context.connection,
            self.tr("Offline: figures of other sites are the snapshot of the last sync, %1."),
        )
        report_layout.addWidget(self.offline_note)
        report_layout.addWidget(self.parameters_box)
        report_layout.addWidget(self.general_error)
        report_layout.addLayout(actions)
        report_layout.addWidget(self.summary_label)
        report_layout.addWidget(self.result_view, 1)
        report_layout.addLayout(export_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(list_side)
        splitter.addWidget(report_side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        context.events.data_changed.connect(self._on_events_data_changed)
        context.tasks.busy_changed.connect(self._on_tasks_busy_changed)
        self._show_report(None)

    # Public: the buttons call these; tests call them directly.
    def select_report(self, key: str) -> None:
        """Show report `key` with its filters at their defaults."""
        for row in range(self.report_list.count()):
            if self.report_list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.report_list.setCurrentRow(row)
                return
        raise KeyError(key)

    def parameter_widget(self, key: str) -> QWidget:
        """The input of parameter `key` (a date's tick box is `<key>_set` beside it)."""
        return self._inputs[key].focus

    def parameter_values(self) -> dict[str, object]:
        """What the filters say now; None where a filter is not set."""
        return {key: field.value() for key, field in self._inputs.items()}

    def run(self) -> None:
        """Preview the current report with the filters shown."""
        if self._definition is None:
            return
        key, values = self._definition.key, self.parameter_values()
        self._clear_errors()
        self._set_busy(True)
        self._context.tasks.run(
            lambda uow, progress: reports.run_report(
                uow, key=key, values=values, progress=progress
            ),
            on_done=self._on_report_ran,
            on_error=self._on_run_refused,
            parent=self,
            progress_title=self.tr("Running the report…"),
            read_only=True,
        )

    def export_to(self, path: Path, kind: str) -> None:
        """Write the whole report with the filters shown to `path`: kind "xlsx" or "pdf"."""
        if kind not in EXPORT_KINDS:
            raise ValueError(f"unknown export kind {kind!r}")
        if self._definition is None:
            return
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        key, values = self._definition.key, self.parameter_values()
        site_name, language = self._context.site_name, self._language
        render = render_table_pdf if kind == "pdf" else export_table_xlsx

        def operation(uow: Any, progress: Any) -> Path:
            document = reports.build_document(
                uow, key=key, values=values, site_name=site_name, progress=progress
            )
            return render(document, path, language=language, progress=progress)

        self._clear_errors()
        self.export_label.clear()
        self.open_folder_button.hide()
        self._set_busy(True)
        self._context.tasks.run(
            operation,
            on_done=self._on_exported,
            on_error=self._on_refused,
            parent=self,
            progress_title=(
                self.tr("Printing to PDF…") if kind == "pdf" else self.tr("Exporting to Excel…")
            ),
            read_only=True,
        )

    # Choosing a report
    def _on_report_list_current_item_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        key = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self._show_report(reports.find_report(key) if key else None)

    def _show_report(self, definition: ReportDefinition | None) -> None:
        self._definition = definition
        self._inputs = {}
        if self._parameters_form is not None:
            self._parameters_layout.removeWidget(self._parameters_form)
            self._parameters_form.deleteLater()
        self._parameters_form = QWidget()
        form = QFormLayout(self._parameters_form)
        form.setContentsMargins(0, 0, 0, 0)
        for parameter in definition.parameters if definition else ():
            field = self._parameter_input(parameter)
            self._inputs[parameter.key] = field
            label = parameter.label.text(self._language)
            form.addRow(self.tr("{label}:").format(label=label), field.cell)
        if definition is not None and not definition.parameters:
            form.addRow(QLabel(self.tr("This report has no filters.")))
        self._parameters_layout.addWidget(self._parameters_form)
        self.parameters_box.setVisible(definition is not None)
        has_reports = self.report_list.count() > 0
        self.result_view.setVisible(has_reports)
        for button in (self.run_button, self.excel_button, self.pdf_button):
            button.setVisible(has_reports)
        if definition is None:
            self.title_label.setText(
                self.tr("Choose a report on the left…")
                if self.report_list.count()
                else self.tr("No reports are available to your role.")
            )
        else:
            self.title_label.setText(definition.title.text(self._language))
        self._clear_errors()
        self._show_columns(definition)
        self.summary_label.setText(
            self.tr("Set the filters, then click Run to see the rows.") if definition else ""
        )
        for button in (self.run_button, self.excel_button, self.pdf_button):
            button.setEnabled(definition is not None)

    def _show_columns(self, definition: ReportDefinition | None) -> None:
        language = self._language
        columns = [
            TableColumn(
                column.header.text(language),
                lambda row, column=column: format_cell(row.get(column.key), column.kind, language),
                column.kind.is_numeric,
            )
            for column in (definition.columns if definition else ())
        ]
        old = self.result_model
        self.result_model = DtoTableModel(columns, self)
        self.result_view.setModel(self.result_model)
        old.deleteLater()
        metrics = self.result_view.fontMetrics()
        for number, column in enumerate(definition.columns if definition else ()):
            self.result_view.setColumnWidth(number, metrics.averageCharWidth() * column.width + 16)

    # The form built from the parameter descriptions
    def _parameter_input(self, parameter: ReportParameter) -> _ParameterInput:
        builders = {
            ParameterKind.DATE: self._date_input,
            ParameterKind.CHOICE: self._choice_input,
            ParameterKind.BOOLEAN: self._boolean_input,
            ParameterKind.INTEGER: self._integer_input,
            ParameterKind.TEXT: self._text_input,
        }
        field, value = builders[parameter.kind](parameter)
        if field.objectName() == "":
            field.setObjectName(parameter.key)
        error = FieldErrorLabel(parameter.key)
        # The input keeps its natural width; the refusal under it may use the whole row.
        cell = error_cell(field, error, natural_width=True)
        focus = field.findChild(QDateEdit) or field
        return _ParameterInput(parameter, cell, focus, error, value)

    def _date_input(self, parameter: ReportParameter) -> tuple[QWidget, Callable[[], object]]:
        is_set = QCheckBox(self.tr("Filter"))
        is_set.setObjectName(f"{parameter.key}_set")
        is_set.setToolTip(self.tr("Tick to filter by this date; untick for any date."))
        edit = QDateEdit()
        edit.setObjectName(parameter.key)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        default = parameter.default
        chosen = default if isinstance(default, date) else date.today()
        edit.setDate(QDate(chosen.year, chosen.month, chosen.day))
        is_set.setChecked(isinstance(default, date))
        edit.setEnabled(is_set.isChecked())
        is_set.toggled.connect(edit.setEnabled)
        row = QWidget()
        row.setObjectName(f"{parameter.key}_row")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(is_set)
        layout.addWidget(edit)
        layout.addStretch(1)

        def value() -> date | None:
            if not is_set.isChecked():
                return None
            picked = edit.date()
            return date(picked.year(), picked.month(), picked.day())

        return row, value

    def _choice_input(self, parameter: ReportParameter) -> tuple[QWidget, Callable[[], object]]:
        combo = QComboBox()
        combo.setMinimumWidth(_FIELD_WIDTH)
        combo.addItem(self.tr("(choose)") if parameter.required else self.tr("(all)"), None)
        for value, label in parameter.choices:
            combo.addItem(label.text(self._language), value)
        if parameter.default is not None:
            combo.setCurrentIndex(max(combo.findData(parameter.default), 0))
        return combo, combo.currentData

    def _boolean_input(self, parameter: ReportParameter) -> tuple[QWidget, Callable[[], object]]:
        box = QCheckBox()
        box.setChecked(parameter.default is True)
        # An unticked optional box means "do not filter", not "only the ones without".
        filters_when_off = parameter.required or parameter.default is not None
        return box, lambda: True if box.isChecked() else (False if filters_when_off else None)

    def _integer_input(self, parameter: ReportParameter) -> tuple[QWidget, Callable[[], object]]:
        spin = QSpinBox()
        optional = not parameter.required
        # The lowest value stands for "not set", as Qt's special value text does.
        spin.setRange(-1 if optional else 0, _INTEGER_LIMIT)
        if optional:
            spin.setSpecialValueText(self.tr("(any)"))
        default = parameter.default
        spin.setValue(default if isinstance(default, int) else spin.minimum())
        return spin, lambda: None if optional and spin.value() == spin.minimum() else spin.value()

    def _text_input(self, parameter: ReportParameter) -> tuple[QWidget, Callable[[], object]]:
        edit = QLineEdit()
        edit.setMinimumWidth(_FIELD_WIDTH)
        if isinstance(parameter.default, str):
            edit.setText(parameter.default)
        return edit, edit.text

    # Running and exporting
    def _on_run_button_clicked(self) -> None:
        self.run()

    def _on_run_shortcut_activated(self) -> None:
        if self.run_button.isEnabled():
            self.run()

    def _on_excel_button_clicked(self) -> None:
        self._ask_and_export("xlsx")

    def _on_pdf_button_clicked(self) -> None:
        self._ask_and_export("pdf")

    def _ask_and_export(self, kind: str) -> None:
        if self._definition is None:
            return
        folder = self._last_export.parent if self._last_export else self._documents_folder()
        title = self._definition.title.text(self._language)
        suggested = folder / f"{title}-{date.today().isoformat()}.{kind}"
        if kind == "pdf":
            caption, filters = self.tr("Print to PDF"), self.tr("PDF document (*.pdf)")
        else:
            caption, filters = self.tr("Export to Excel"), self.tr("Excel workbook (*.xlsx)")
        name, _filter = QFileDialog.getSaveFileName(self, caption, str(suggested), filters)
        if name:
            self.export_to(Path(name), kind)

    @staticmethod
    def _documents_folder() -> Path:
        location = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(location) if location else Path.home()

    def _on_report_ran(self, result: ReportResult) -> None:
        self.result_model.set_rows(result.rows)
        self.result_view.resizeColumnsToContents()
        shown = len(result.rows)
        if not shown:
            text = self.tr("No rows match these filters.")
        elif result.truncated and result.total is not None:
            text = self.tr(
                "Showing the first {shown} of {total} rows. Export to Excel to get them all."
            ).format(shown=f"{shown:,}", total=f"{result.total:,}")
        elif result.truncated:
            text = self.tr(
                "Showing the first {shown} rows; there are more. Export to Excel to get them all."
            ).format(shown=f"{shown:,}")
        else:
            text = self.tr("%n row(s)", "", shown)
        self.summary_label.setText(text)

    def _on_exported(self, path: Path) -> None:
        self._last_export = path
        self.export_label.setText(self.tr("Saved to {path}").format(path=path))
        self.open_folder_button.show()

    def _on_open_folder_button_clicked(self) -> None:
        if self._last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._last_export.parent)))

    def _on_run_refused(self, error: DomainError) -> None:
        self.result_model.set_rows([])
        self.summary_label.setText(self.tr("The report was not run: see the message above."))
        self._on_refused(error)

    def _on_refused(self, error: DomainError) -> None:
        field = self._inputs.get(error.field or "")
        if field is not None:
            field.error.show_message(self._parameter_message(error, field.parameter))
            field.focus.setFocus()
        else:
            self.general_error.show_message(errors.message_for(error))

    def _parameter_message(self, error: DomainError, parameter: ReportParameter) -> str:
        """The refusal in words, naming the parameter by its label (not a form field's)."""
        if not isinstance(error, ValidationFailed):
            return errors.message_for(error)
        rule = str(error.params.get("rule", "required"))
        template = errors.RULE_MESSAGES.get(rule, errors.UNKNOWN_RULE)
        text = QCoreApplication.translate("errors", template)
        values = {**error.params, "field": parameter.label.text(self._language)}
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text

    def _on_tasks_busy_changed(self, busy: bool) -> None:
        # Also after a cancelled run or export, which reports neither done nor refused.
        if not busy:
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.run_button, self.excel_button, self.pdf_button):
            button.setEnabled(not busy and self._definition is not None)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        # A preview is a snapshot: say it may be old rather than rerun a long report unasked.
        if changes and self.result_model.rowCount():
            self.summary_label.setText(
                self.tr("The data changed since this preview; click Run to refresh it.")
            )

    def _clear_errors(self) -> None:
        self.general_error.clear_message()
        for field in self._inputs.values():
            field.error.clear_message()
