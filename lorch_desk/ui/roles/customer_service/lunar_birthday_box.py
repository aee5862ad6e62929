"""Mark a customer as celebrating the lunar birthday (农历生日), found by the customer picker."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from lorch_desk.domain.errors import DomainError
from lorch_desk.services import greeting_birthdays
from lorch_desk.services.customers import CustomerRow
from lorch_desk.services.greeting_birthdays import BirthdayCalendar
from lorch_desk.ui import errors
from lorch_desk.ui.common.customer_picker import CustomerPicker
from lorch_desk.ui.context import UiContext


class LunarBirthdayBoxWidget(QGroupBox):
    """Pick a customer, see the lunar date of birth, tick "lunar birthday" and save."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Lunar birthday"))
        self._context = context
        self._calendar: BirthdayCalendar | None = None
        self.picker = CustomerPicker(context)
        self.picker.setMaximumHeight(120)
        self.picker.customer_selected.connect(self._on_picker_customer_selected)
        self.customer_label = QLabel()
        self.lunar_box = QCheckBox(self.tr("Celebrates the lunar birthday"))
        self.lunar_box.setObjectName("celebrates_lunar_birthday")
        self.lunar_box.setEnabled(False)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save_lunar_birthday")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        layout = QHBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.customer_label, 1)
        layout.addWidget(self.lunar_box)
        layout.addWidget(self.save_button)

    def _on_picker_customer_selected(self, row: CustomerRow) -> None:
        customer_id = row.id
        self._context.tasks.run(
            lambda uow, _p: greeting_birthdays.get_birthday_calendar(uow, customer_id=customer_id),
            on_done=self._show,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def _show(self, calendar: BirthdayCalendar) -> None:
        self._calendar = calendar
        if calendar.birthday is None:
            self.customer_label.setText(
                self.tr("%1: no birthday on file").replace("%1", calendar.name)
            )
        else:
            self.customer_label.setText(
                self.tr("%1, born %2 (lunar %3)")
                .replace("%1", calendar.name)
                .replace("%2", calendar.birthday.isoformat())
                .replace("%3", calendar.lunar_text)
            )
        self.lunar_box.setChecked(calendar.celebrates_lunar_birthday)
        usable = bool(calendar.lunar_text)
        self.lunar_box.setEnabled(usable)
        self.save_button.setEnabled(usable)

    def _on_save_button_clicked(self) -> None:
        if self._calendar is None:
            return
        customer_id, celebrates = self._calendar.customer_id, self.lunar_box.isChecked()
        self._context.tasks.run(
            lambda uow, _p: greeting_birthdays.set_lunar_birthday(
                uow, customer_id=customer_id, celebrates=celebrates
            ),
            on_done=self._show,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_refused(self, error: DomainError) -> None:
        self.customer_label.setText(errors.message_for(error))
