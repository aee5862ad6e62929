"""Which customer fields each department must fill (seed 004's table is the default)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.customers import ALWAYS_REQUIRED_FIELDS, CUSTOMER_FORM_FIELDS, Department
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import customer_settings
from lorch_desk.ui import errors
from lorch_desk.ui.context import UiContext

DEPARTMENTS = {
    Department.INQUIRY_DESK: QT_TRANSLATE_NOOP(
        "RequiredFieldsTabWidget", "Market, online and hotline desk"
    ),
    Department.FRONT_DESK: QT_TRANSLATE_NOOP("RequiredFieldsTabWidget", "Front desk"),
    Department.CONSULTING: QT_TRANSLATE_NOOP("RequiredFieldsTabWidget", "Consulting"),
    Department.CUSTOMER_SERVICE: QT_TRANSLATE_NOOP("RequiredFieldsTabWidget", "Customer service"),
}
_COLUMNS = 4


class RequiredFieldsTabWidget(QWidget):
    """A department list and a tick box per customer field; saved as a chain-wide setting."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._settings: dict[Department, frozenset[str]] = {}
        may_edit = context.actor.may(Action.SETTINGS_EDIT)
        self.department = QComboBox(self)
        self.department.setObjectName("required_department")
        for department, text in DEPARTMENTS.items():
            self.department.addItem(
                QCoreApplication.translate("RequiredFieldsTabWidget", text), department.value
            )
        self.department.currentIndexChanged.connect(self._on_department_current_index_changed)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for index, field in enumerate(CUSTOMER_FORM_FIELDS):
            box = QCheckBox(errors.field_label(field), self)
            box.setObjectName(f"required_{field}")
            box.setEnabled(may_edit and field not in ALWAYS_REQUIRED_FIELDS)
            self.boxes[field] = box
            grid.addWidget(box, index // _COLUMNS, index % _COLUMNS)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("required_save")
        self.save_button.setEnabled(may_edit)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.message = QLabel(self)
        self.message.setObjectName("required_message")
        self.message.setWordWrap(True)
        if may_edit:
            text = self.tr(
                "Ticked fields must be filled before a customer form of this department can be "
                "saved. The name is always required."
            )
        else:
            text = self.tr(
                "Ticked fields must be filled before a customer form of this department can be "
                "saved. Only headquarters administrators change these settings."
            )
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Department"), self))
        top.addWidget(self.department, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addLayout(grid)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        layout.addStretch(1)
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload()

    def reload(self) -> None:
        self._context.tasks.run(
            lambda uow, _progress: customer_settings.list_required_fields(uow),
            on_done=self._show,
            parent=self,
            read_only=True,
        )

    def current_department(self) -> Department:
        return Department(self.department.currentData())

    def _show(self, settings: dict[Department, frozenset[str]]) -> None:
        self._settings = settings
        self._show_fields()

    def _show_fields(self) -> None:
        fields = self._settings.get(self.current_department(), frozenset())
        for field, box in self.boxes.items():
            box.setChecked(field in fields)

    def _on_department_current_index_changed(self, _index: int) -> None:
        self._show_fields()
        self.message.clear()

    def _on_save_button_clicked(self) -> None:
        department = self.current_department()
        chosen = [field for field, box in self.boxes.items() if box.isChecked()]
        self._context.tasks.run(
            lambda uow, _progress: customer_settings.set_required_fields(
                uow, department=department, fields=chosen
            ),
            on_done=lambda _fields: self.message.setText(self.tr("Saved.")),
            on_error=self._show_refusal,
            parent=self,
        )

    def _show_refusal(self, error: DomainError) -> None:
        self.message.setText("⚠ " + errors.message_for(error))

    def _on_events_data_changed(self, changes: object) -> None:
        if changes.touches("clinic_setting"):  # type: ignore[attr-defined]
            self.reload()
