"""Personal care (seed 000): birthdays of the week, Chinese holidays and marketing messages."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.clock import clinic_today
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.greeting_holidays import Holiday
from lorch_desk.domain.greeting_templates import GreetingPurpose
from lorch_desk.domain.permissions import Action
from lorch_desk.services import greeting_birthdays, greetings
from lorch_desk.services.greeting_birthdays import BirthdayRow
from lorch_desk.services.greetings import ComposeGreetingInput
from lorch_desk.ui import errors
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.greeting_composer import GreetingComposerWidget
from lorch_desk.ui.roles.customer_service.lunar_birthday_box import LunarBirthdayBoxWidget
from lorch_desk.ui.roles.customer_service.template_editor import TemplateEditorWidget


class GreetingsPageWidget(QTabWidget):
    """Birthdays, holidays and marketing, each composed from a template; HQ edits templates."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.birthday_model = DtoTableModel(
            [
                TableColumn(self.tr("Date"), lambda r: r.celebrates_on),
                TableColumn(self.tr("Name"), lambda r: r.name),
                TableColumn(self.tr("Calendar"), self._calendar_text),
                TableColumn(self.tr("Born"), lambda r: r.birthday),
                TableColumn(self.tr("Turns"), lambda r: r.age, align_right=True),
                TableColumn(self.tr("Mobile"), lambda r: r.mobile_display),
                TableColumn(self.tr("Greeted"), lambda r: self.tr("Yes") if r.is_greeted else ""),
            ],
            self,
        )
        self.birthday_view = DtoTableView(self.birthday_model)
        self.birthday_view.setObjectName("birthday_list")
        self.birthday_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.birthday_composer = GreetingComposerWidget(
            context, GreetingPurpose.BIRTHDAY, self._birthday_input
        )
        self.birthday_view.selectionModel().selectionChanged.connect(
            lambda *_a: self.birthday_composer.choices_changed()
        )
        birthdays = QWidget()
        layout = QVBoxLayout(birthdays)
        hint = QLabel(
            self.tr("Today and the next six days. Select customers to greet, or none for all.")
        )
        layout.addWidget(hint)
        layout.addWidget(self.birthday_view, 1)
        layout.addWidget(self.birthday_composer)
        if context.actor.may(Action.CUSTOMER_EDIT):
            layout.addWidget(LunarBirthdayBoxWidget(context))
        self.addTab(birthdays, self.tr("Birthdays"))

        self.holiday_model = DtoTableModel(
            [
                TableColumn(self.tr("Date"), lambda h: h.on),
                TableColumn(self.tr("Holiday"), lambda h: h.name),
            ],
            self,
        )
        self.holiday_view = DtoTableView(self.holiday_model)
        self.holiday_view.setObjectName("holiday_list")
        self.holiday_composer = GreetingComposerWidget(
            context, GreetingPurpose.HOLIDAY, self._holiday_input
        )
        self.holiday_view.selectionModel().selectionChanged.connect(
            lambda *_a: self.holiday_composer.choices_changed()
        )
        holidays = QWidget()
        layout = QVBoxLayout(holidays)
        layout.addWidget(QLabel(self.tr("Chinese holidays of the next three months.")))
        layout.addWidget(self.holiday_view, 1)
        layout.addWidget(self.holiday_composer)
        self.addTab(holidays, self.tr("Holidays"))

        self.item_edit = QLineEdit()
        self.item_edit.setObjectName("marketing_item")
        today = clinic_today()
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setObjectName("marketing_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.marketing_composer = GreetingComposerWidget(
            context, GreetingPurpose.MARKETING, self._marketing_input
        )
        self.item_edit.textEdited.connect(lambda _t: self.marketing_composer.choices_changed())
        self.date_edit.dateChanged.connect(lambda _d: self.marketing_composer.choices_changed())
        marketing = QGroupBox(self.tr("Only customers who consented to SMS are sent marketing."))
        form = QFormLayout(marketing)
        form.addRow(self.tr("Offer ({item})"), self.item_edit)
        form.addRow(self.tr("Date ({date})"), self.date_edit)
        form.addRow(self.marketing_composer)
        self.addTab(marketing, self.tr("Marketing"))

        if context.actor.may(Action.MESSAGE_TEMPLATE_EDIT):
            self.template_editor = TemplateEditorWidget(context)
            self.addTab(self.template_editor, self.tr("Templates"))
        context.events.data_changed.connect(self._on_events_data_changed)
        self.reload()

    def reload(self) -> None:
        """Read the week's birthdays and the coming holidays again."""
        self._context.tasks.run(
            lambda uow, _p: greeting_birthdays.list_birthdays(uow),
            on_done=self.birthday_model.set_rows,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )
        self._context.tasks.run(
            lambda uow, _p: greetings.list_upcoming_holidays(uow),
            on_done=self._on_holidays_loaded,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def _on_holidays_loaded(self, rows: list[Holiday]) -> None:
        self.holiday_model.set_rows(rows)
        if rows:
            self.holiday_view.selectRow(0)

    def _calendar_text(self, row: BirthdayRow) -> str:
        if row.is_lunar:
            return self.tr("Lunar %1").replace("%1", row.lunar_text)
        return self.tr("Solar")

    def _birthday_input(self, template_id: uuid.UUID) -> ComposeGreetingInput:
        chosen = [
            self.birthday_model.row_at(index.row())
            for index in self.birthday_view.selectionModel().selectedRows()
        ]
        rows = chosen or self.birthday_model.rows
        return ComposeGreetingInput(
            template_id=template_id, customer_ids=tuple(row.customer_id for row in rows)
        )

    def _holiday_input(self, template_id: uuid.UUID) -> ComposeGreetingInput:
        return ComposeGreetingInput(
            template_id=template_id, holiday=self.holiday_view.selected_row()
        )

    def _marketing_input(self, template_id: uuid.UUID) -> ComposeGreetingInput:
        return ComposeGreetingInput(
            template_id=template_id,
            item=self.item_edit.text(),
            on=self.date_edit.date().toPython(),
        )

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("greeting") or changes.touches("customer"):
            self.reload()

    def _on_refused(self, error: DomainError) -> None:
        self.birthday_composer.status_label.setText(errors.message_for(error))
