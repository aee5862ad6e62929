"""The consultant's tab: customers offered to me, today's customers, and the one I work on."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.errors import DomainError
from lorch_desk.domain.permissions import Action
from lorch_desk.services import consultant_desk
from lorch_desk.services.consultant_desk import ConsultantDesk, DeskCustomerRow
from lorch_desk.ui import errors
from lorch_desk.ui.common.choice_labels import choice_label
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import ERROR_STYLE
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn, display_text
from lorch_desk.ui.common.triage_labels import VISIT_CLASSES
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.consultant.customer_workspace import CustomerWorkspaceWidget
from lorch_desk.ui.roles.consultant.labels import RECEIVED_HOW

# The desk is re-read this often, so a new offer shows without a key press.
REFRESH_MS = 3000
# The lists' column is wide enough for name, class, item and time without scrolling.
LIST_WIDTH = 440
# The triage log's table: a change there means offers or customers may have moved.
_TRIAGE_TABLE = "triage_event"


def _now() -> datetime:
    return datetime.now(UTC)


class ConsultantTabWidget(QWidget):
    """Offers show without the inquiry item; accepting reveals it and opens the customer."""

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = _now,
        refresh_ms: int = REFRESH_MS,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self._loading = False
        may_respond = context.actor.may(Action.TRIAGE_RESPOND)
        self.offers_model = DtoTableModel(
            [
                TableColumn(self.tr("Customer"), lambda r: r.customer_name),
                TableColumn(self.tr("File no."), lambda r: r.file_number),
                TableColumn(self.tr("Visit"), lambda r: choice_label(VISIT_CLASSES, r.visit_class)),
                TableColumn(self.tr("Answer by"), lambda r: display_text(r.respond_by)[-5:]),
            ],
            self,
        )
        self.offers = DtoTableView(self.offers_model, self)
        self.offers.setObjectName("desk_offers")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("desk_decline_reason")
        self.reason.setPlaceholderText(self.tr("Reason for declining"))
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("desk_accept")
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.decline_button = QPushButton(self.tr("Decline"), self)
        self.decline_button.setObjectName("desk_decline")
        self.decline_button.clicked.connect(self._on_decline_button_clicked)
        for widget in (self.reason, self.accept_button, self.decline_button):
            widget.setEnabled(may_respond)
        self.message = QLabel(self)
        self.message.setObjectName("desk_message")
        self.message.setWordWrap(True)
        self.customers_model = DtoTableModel(
            [
                TableColumn(self.tr("Customer"), lambda r: r.customer_name),
                TableColumn(self.tr("Visit"), lambda r: choice_label(VISIT_CLASSES, r.visit_class)),
                TableColumn(self.tr("Inquiry item"), lambda r: r.inquiry_item),
                TableColumn(self.tr("Received"), lambda r: display_text(r.received_at)[-5:]),
                TableColumn(self.tr("How"), lambda r: choice_label(RECEIVED_HOW, r.received_how)),
            ],
            self,
        )
        self.customers = DtoTableView(self.customers_model, self)
        self.customers.setObjectName("desk_customers")
        self.customers.doubleClicked.connect(lambda _index: self._on_open_button_clicked())
        self.open_button = QPushButton(self.tr("Open customer"), self)
        self.open_button.setObjectName("desk_open")
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.workspace = CustomerWorkspaceWidget(context, self)
        self._lay_out()
        context.events.data_changed.connect(self._on_events_data_changed)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        if refresh_ms > 0:
            self._timer.start(refresh_ms)
        self.refresh()

    def _lay_out(self) -> None:
        respond = QHBoxLayout()
        respond.addWidget(self.accept_button)
        respond.addWidget(self.decline_button)
        respond.addStretch(1)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.addWidget(QLabel(self.tr("Offered to me"), left))
        column.addWidget(self.offers, 1)
        column.addWidget(self.reason)
        column.addLayout(respond)
        column.addWidget(self.message)
        column.addWidget(QLabel(self.tr("Today's customers"), left))
        column.addWidget(self.customers, 2)
        column.addWidget(self.open_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.workspace)
        left.setMinimumWidth(LIST_WIDTH)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        """Read my offers and today's customers again."""
        if self._loading:
            return
        self._loading = True
        now = self._clock()
        self._context.tasks.run(
            lambda uow, _p: consultant_desk.get_consultant_desk(uow, now=now),
            on_done=self._show,
            on_error=self._on_refused,
            parent=self,
            read_only=True,
        )

    def open_customer(self, customer_name: str) -> None:
        """Open the first of today's customers called `customer_name`."""
        for row, customer in enumerate(self.customers_model.rows):
            if customer.customer_name == customer_name:
                self.customers.selectRow(row)
                self._on_open_button_clicked()
                return

    def _show(self, desk: ConsultantDesk) -> None:
        self._loading = False
        chosen = self.offers.selected_row()
        self.offers_model.set_rows(desk.offers)
        self.customers_model.set_rows(desk.customers)
        if chosen is not None:
            for row, offer in enumerate(desk.offers):
                if offer.arrival_id == chosen.arrival_id:
                    self.offers.selectRow(row)
        elif desk.offers:
            self.offers.selectRow(0)

    def _on_accept_button_clicked(self) -> None:
        offer = self.offers.selected_row()
        if offer is None:
            return
        arrival_id, name, now = offer.arrival_id, offer.customer_name, self._clock()
        self.message.clear()

        def accepted(desk: ConsultantDesk) -> None:
            self._show(desk)
            self.message.setStyleSheet("")
            self.message.setText(self.tr("%1 is yours now.").replace("%1", name))
            self._open_arrival(desk, arrival_id)

        self._context.tasks.run(
            lambda uow, _p: consultant_desk.accept_offered_customer(
                uow, arrival_id=arrival_id, now=now
            ),
            on_done=accepted,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_decline_button_clicked(self) -> None:
        offer = self.offers.selected_row()
        if offer is None:
            return
        arrival_id, reason, now = offer.arrival_id, self.reason.text(), self._clock()
        self.message.clear()

        def declined(desk: ConsultantDesk) -> None:
            self._show(desk)
            self.reason.clear()
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Declined; the customer passes to the next consultant."))

        self._context.tasks.run(
            lambda uow, _p: consultant_desk.decline_offered_customer(
                uow, arrival_id=arrival_id, reason=reason, now=now
            ),
            on_done=declined,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_refused(self, error: DomainError) -> None:
        self._loading = False
        self.message.setStyleSheet(ERROR_STYLE)
        if error.code == "triage_offer_no_longer_open":
            self.message.setText(
                self.tr(
                    "This offer has timed out or was taken by another consultant. "
                    "Nothing was changed."
                )
            )
            self.refresh()
        elif error.field == "reason":
            self.message.setText(self.tr("Say why you decline the customer."))
        else:
            self.message.setText(errors.message_for(error))

    def _on_open_button_clicked(self) -> None:
        row = self.customers.selected_row()
        if isinstance(row, DeskCustomerRow):
            self.workspace.open_customer(row)

    def _open_arrival(self, desk: ConsultantDesk, arrival_id: uuid.UUID) -> None:
        for row, customer in enumerate(desk.customers):
            if customer.arrival_id == arrival_id:
                self.customers.selectRow(row)
                self.workspace.open_customer(customer)

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches(_TRIAGE_TABLE):
            self.refresh()
