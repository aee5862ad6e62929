"""Pick a customer by typing: every line shows name, masked mobile tail and file number."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from lorch_desk.services import customer_search
from lorch_desk.services.customers import CustomerRow
from lorch_desk.ui.context import UiContext

SEARCH_DELAY_MS = 200
PICKER_LIMIT = 20


def picker_text(row: CustomerRow) -> str:
    """王丽  ·  ****5678  ·  BJ-2026-000123: customers with the same name stay apart."""
    tail = f"****{row.mobile_tail}" if row.mobile_tail else "—"
    card = f"  ·  {row.card_number}" if row.card_number else ""
    return f"{row.name}  ·  {tail}  ·  {row.file_number}{card}"


class CustomerPicker(QWidget):
    """A search field with a result list; `customer_selected(CustomerRow)` on Enter or click."""

    customer_selected = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._generation = 0
        self.query = QLineEdit(self)
        self.query.setObjectName("picker_query")
        self.query.setPlaceholderText(self.tr("Name, pinyin initials, mobile tail or file number"))
        self.results = QListWidget(self)
        self.results.setObjectName("picker_results")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.query.textEdited.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._on_query_return_pressed)
        self.results.itemActivated.connect(self._on_results_item_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.results)

    def search_now(self) -> None:
        """Search for what is typed without waiting for the typing pause."""
        self._timer.stop()
        self._on_timer_timeout()

    def _on_timer_timeout(self) -> None:
        self._generation += 1
        generation, text = self._generation, self.query.text()
        self._context.tasks.run(
            lambda uow, _progress: customer_search.search_customers(
                uow, query=text, limit=PICKER_LIMIT
            ),
            on_done=lambda rows: self._show(generation, rows),
            parent=self,
            read_only=True,
        )

    def _show(self, generation: int, rows: list[CustomerRow]) -> None:
        if generation != self._generation:
            return  # an older search answered after a newer one was typed
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(picker_text(row))
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)

    def _on_query_return_pressed(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.customer_selected.emit(item.data(Qt.ItemDataRole.UserRole))

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        self.customer_selected.emit(item.data(Qt.ItemDataRole.UserRole))
