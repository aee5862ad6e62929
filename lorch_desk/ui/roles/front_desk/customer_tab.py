"""The customer registry: search as you type, open, register (F2 search, Ctrl+N new, Esc back)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.permissions import Action
from lorch_desk.services import customer_search
from lorch_desk.services.customers import CustomerRow
from lorch_desk.ui.common.choice_labels import CHANNELS, GENDERS, MEMBER_TYPES, choice_label
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.connection import OfflineNote
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.front_desk.arrival_dialog import ArrivalDialog, open_arrival_dialog
from lorch_desk.ui.roles.front_desk.customer_page import CustomerPageWidget

SEARCH_DELAY_MS = 150
PAGE_SIZE = 200


class CustomerTabWidget(QWidget):
    """List page and customer page in one stack; the search field keeps the keyboard."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._generation = 0
        self._query = ""
        self.search = QLineEdit(self)
        self.search.setObjectName("customer_search")
        self.search.setPlaceholderText(
            self.tr(
                "Search: name, pinyin initials (e.g. wxm), last 4 digits of the mobile, card or file number  (F2)"
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.search.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.new_button = QPushButton(self.tr("New customer (Ctrl+N)"), self)
        self.new_button.setObjectName("new_customer")
        self.new_button.setVisible(context.actor.may(Action.CUSTOMER_CREATE))
        self.new_button.clicked.connect(self.new_customer)
        self.arrival_dialog: ArrivalDialog | None = None
        self.arrival_button = QPushButton(self.tr("Register arrival (F4)"), self)
        self.arrival_button.setObjectName("list_register_arrival")
        self.arrival_button.setVisible(context.actor.may(Action.ARRIVAL_RECORD))
        self.arrival_button.clicked.connect(self.register_arrival)
        QShortcut(
            QKeySequence("F4"),
            self,
            activated=self.register_arrival,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("File number"), lambda row: row.file_number),
                TableColumn(self.tr("Name"), lambda row: row.name),
                TableColumn(self.tr("Gender"), lambda row: choice_label(GENDERS, row.gender)),
                TableColumn(self.tr("Age"), lambda row: row.age, align_right=True),
                TableColumn(self.tr("Mobile"), lambda row: row.mobile_display),
                TableColumn(self.tr("Card number"), lambda row: row.card_number),
                TableColumn(
                    self.tr("Member type"), lambda row: choice_label(MEMBER_TYPES, row.member_type)
                ),
                TableColumn(self.tr("Channel"), lambda row: choice_label(CHANNELS, row.channel)),
                TableColumn(self.tr("Centre"), lambda row: row.site_code),
                TableColumn(self.tr("Registered"), lambda row: row.registered_on),
            ],
            self,
        )
        self.model.more_requested.connect(self._on_model_more_requested)
        self.table = QTableView(self)
        self.table.setObjectName("customer_results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(
            lambda index: self.open_customer(self.model.row_at(index.row()).id)
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("customer_summary")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.arrival_button)
        top.addWidget(self.new_button)
        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.addLayout(top)
        self.offline_note = OfflineNote(
            context.connection,
            self.tr(
                "Offline: customers registered at other branches since the last sync (%1) are "
                "not found here yet; register them as new, headquarters reviews the duplicates."
            ),
        )
        list_layout.addWidget(self.offline_note)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.summary)
        self.page = CustomerPageWidget(context, self)
        self.page.back_requested.connect(self.go_back)
        self.page.customer_opened.connect(self.open_customer)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        context.events.data_changed.connect(self._on_events_data_changed)
        self.run_search()

    # Actions the main window's shortcuts call
    def focus_search(self) -> None:
        self.go_back()
        self.search.setFocus()
        self.search.selectAll()

    def new_customer(self) -> None:
        if not self._context.actor.may(Action.CUSTOMER_CREATE):
            return
        self.page.start_new()
        self.stack.setCurrentWidget(self.page)
        self.page.form.focus_first()

    def go_back(self) -> None:
        if self.stack.currentWidget() is self.page:
            self.stack.setCurrentIndex(0)
            self.search.setFocus()

    def open_customer(self, customer_id: uuid.UUID) -> None:
        self.page.open_customer(customer_id)
        self.stack.setCurrentWidget(self.page)

    def register_arrival(self) -> None:
        """到访登记 for the customer on screen, else the one selected in the results (F4)."""
        if self.stack.currentWidget() is self.page:
            self.arrival_dialog = self.page.register_arrival()
            return
        index = self.table.currentIndex()
        if index.isValid() and self._context.actor.may(Action.ARRIVAL_RECORD):
            customer_id = self.model.row_at(index.row()).id
            self.arrival_dialog = open_arrival_dialog(self._context, self, customer_id=customer_id)

    # Searching
    def run_search(self) -> None:
        """Search for what is typed now (the first page of results)."""
        self._timer.stop()
        self._generation += 1
        generation, query = self._generation, self.search.text()
        self._query = query
        # The registry's size is only shown on the unfiltered list, so typing never waits on it.
        counting = not query.strip()
        self._context.tasks.run(
            lambda uow, _progress: (
                customer_search.search_customers(uow, query=query, limit=PAGE_SIZE),
                customer_search.count_customers(uow) if counting else None,
            ),
            on_done=lambda result: self._show_first_page(generation, *result),
            parent=self,
            read_only=True,
        )

    def _show_first_page(self, generation: int, rows: list[CustomerRow], total: int | None) -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        self.model.set_rows(rows, has_more=len(rows) == PAGE_SIZE)
        self._show_summary(total)
        if rows:
            self.table.selectRow(0)

    def _on_model_more_requested(self) -> None:
        generation, query, offset = self._generation, self._query, self.model.rowCount()
        self._context.tasks.run(
            lambda uow, _progress: customer_search.search_customers(
                uow, query=query, limit=PAGE_SIZE, offset=offset
            ),
            on_done=lambda rows: self._append_page(generation, rows),
            parent=self,
            read_only=True,
        )

    def _append_page(self, generation: int, rows: list[CustomerRow]) -> None:
        if generation == self._generation:
            self.model.append_rows(rows, has_more=len(rows) == PAGE_SIZE)

    def _show_summary(self, total: int | None) -> None:
        shown = self.model.rowCount()
        if total is not None:
            text = self.tr("%1 customers in all; the newest are listed. Type to search.")
            self.summary.setText(text.replace("%1", str(total)))
        elif shown == 0:
            self.summary.setText(
                self.tr(
                    "No customer matches. Check the spelling or press Ctrl+N to register a new one."
                )
            )
        else:
            more = "+" if self.model.canFetchMore() else ""
            self.summary.setText(self.tr("%1 matches").replace("%1", f"{shown}{more}"))

    def _on_search_return_pressed(self) -> None:
        self._timer.stop()
        index = self.table.currentIndex()
        if index.isValid() and self._query == self.search.text():
            self.open_customer(self.model.row_at(index.row()).id)
        else:
            self.run_search()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Arrow keys in the search field move through the results without leaving the field.
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                current = max(self.table.currentIndex().row(), 0)
                step = 1 if key == Qt.Key.Key_Down else -1
                self.table.selectRow(min(max(current + step, 0), self.model.rowCount() - 1))
                return True
        return super().eventFilter(watched, event)

    def _on_events_data_changed(self, changes: object) -> None:
        if changes.touches("customer"):  # type: ignore[attr-defined]
            self.run_search()
