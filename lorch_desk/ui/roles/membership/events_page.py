"""Member events (会员活动): plan one for some tiers with a partner merchant, invite the members
who consented to messages, sign them in at the event, and write a short summary after it."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lorch_desk.domain.changes import ChangeSet
from lorch_desk.domain.clock import clinic_time_zone
from lorch_desk.services import membership, membership_events, membership_partners
from lorch_desk.services.membership_events import (
    InvitationRow,
    InviteResult,
    MemberEventInput,
    MemberEventRow,
)
from lorch_desk.ui.common.dto_table_view import DtoTableView
from lorch_desk.ui.common.field_errors import FieldErrors
from lorch_desk.ui.common.table_model import DtoTableModel, TableColumn
from lorch_desk.ui.context import UiContext


class EventsPage(QWidget):
    """The site's member events beside the chosen event's form, invitations and summary."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._event_id: uuid.UUID | None = None
        self._errors = FieldErrors()
        self.model = DtoTableModel(
            [
                TableColumn(self.tr("Starts"), lambda row: row.starts_at),
                TableColumn(self.tr("Event"), lambda row: row.title),
                TableColumn(self.tr("Place"), lambda row: row.place),
                TableColumn(self.tr("Partner merchant"), lambda row: row.merchant_name),
                TableColumn(self.tr("Tiers"), lambda row: row.target_tier_names),
                TableColumn(self.tr("Invited"), lambda row: row.invited, True),
                TableColumn(self.tr("Signed in"), lambda row: row.signed_in, True),
            ],
            self,
        )
        self.view = DtoTableView(self.model)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.new_button = QPushButton(self.tr("New event"))
        self.new_button.clicked.connect(self._on_new_button_clicked)

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        in_a_week = (datetime.now(clinic_time_zone()) + timedelta(days=7)).replace(
            hour=14, minute=30, second=0, microsecond=0, tzinfo=None
        )
        self.starts_edit = QDateTimeEdit(QDateTime(in_a_week))
        self.starts_edit.setObjectName("starts_at")
        self.starts_edit.setCalendarPopup(True)
        self.starts_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("place")
        self.merchant_combo = QComboBox()
        self.merchant_combo.setObjectName("merchant_id")
        self.tier_checks: dict[str, QCheckBox] = {}
        self.tiers_row = QHBoxLayout()
        tiers_cell = QWidget()
        tiers_cell.setLayout(self.tiers_row)
        self.tiers_row.setContentsMargins(0, 0, 0, 0)
        self.create_button = QPushButton(self.tr("Create event"))
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.form_box = QGroupBox(self.tr("New event"))
        form = QFormLayout()
        for label, field, name in (
            (self.tr("Title:"), self.title_edit, "title"),
            (self.tr("Starts:"), self.starts_edit, "starts_at"),
            (self.tr("Place:"), self.place_edit, "place"),
            (self.tr("Partner merchant:"), self.merchant_combo, "merchant_id"),
            (self.tr("Invited tiers:"), tiers_cell, "target_tiers"),
        ):
            form.addRow(label, self._errors.cell(field, name))
        form_layout = QVBoxLayout(self.form_box)
        form_layout.addLayout(form)
        form_layout.addWidget(self.create_button)

        self.invite_button = QPushButton(self.tr("Invite members…"))
        self.invite_button.clicked.connect(self._on_invite_button_clicked)
        self.invitations_model = DtoTableModel(
            [
                TableColumn(self.tr("Member"), lambda row: row.name),
                TableColumn(self.tr("File number"), lambda row: row.file_number),
                TableColumn(self.tr("Invited"), lambda row: row.invited_at),
                TableColumn(self.tr("Signed in"), lambda row: row.signed_in_at),
            ],
            self,
        )
        self.invitations_view = DtoTableView(self.invitations_model)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.clicked.connect(self._on_sign_in_button_clicked)
        self.invitations_view.doubleClicked.connect(lambda _index: self.sign_in_button.click())
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setObjectName("summary")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(80)
        self.summary_button = QPushButton(self.tr("Save summary"))
        self.summary_button.clicked.connect(self._on_summary_button_clicked)
        self.event_box = QGroupBox(self.tr("Invitations and sign-in"))
        event_layout = QVBoxLayout(self.event_box)
        actions = QHBoxLayout()
        actions.addWidget(self.invite_button)
        actions.addWidget(self.sign_in_button)
        actions.addStretch(1)
        event_layout.addLayout(actions)
        event_layout.addWidget(self.invitations_view, 1)
        event_layout.addWidget(QLabel(self.tr("Summary after the event:")))
        event_layout.addWidget(self.summary_edit)
        event_layout.addWidget(self.summary_button)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        left_layout.addWidget(self.view, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form_box)
        right_layout.addWidget(self.event_box, 1)
        right_layout.addWidget(self._errors.general)
        right_layout.addWidget(self.status_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        context.events.data_changed.connect(self._on_events_data_changed)
        self._show_event(None)
        self._load_choices()
        self.reload()

    def reload(self) -> None:
        """Read the list of events again."""
        self._context.tasks.run(
            lambda uow, _progress: membership_events.list_member_events(uow),
            on_done=self._on_events_loaded,
            parent=self,
            read_only=True,
        )

    def _load_choices(self) -> None:
        self._context.tasks.run(
            lambda uow, _progress: (
                membership.list_tiers(uow),
                membership_partners.list_partner_merchants(uow),
            ),
            on_done=self._on_choices_loaded,
            parent=self,
            read_only=True,
        )

    def _on_choices_loaded(self, loaded: tuple[list[Any], list[Any]]) -> None:
        tiers, merchants = loaded
        for check in self.tier_checks.values():
            check.deleteLater()
        self.tier_checks.clear()
        for tier in tiers:
            check = QCheckBox(tier.name)
            check.setObjectName(f"tier_{tier.code}")
            self.tier_checks[tier.code] = check
            self.tiers_row.addWidget(check)
        self.merchant_combo.clear()
        self.merchant_combo.addItem(self.tr("(none)"), None)
        for merchant in merchants:
            self.merchant_combo.addItem(merchant.name, merchant.id)

    def _on_events_loaded(self, rows: list[MemberEventRow]) -> None:
        self.model.set_rows(rows)
        for number, row in enumerate(rows):
            if row.id == self._event_id:
                self.view.selectRow(number)
                self.summary_edit.setPlainText(row.summary)

    def _on_view_selection_changed(self, *_args: object) -> None:
        row = self.view.selected_row()
        if row is not None and row.id != self._event_id:
            self._show_event(row)

    def _on_new_button_clicked(self) -> None:
        self.view.clearSelection()
        self._show_event(None)
        self.title_edit.setFocus()

    def _show_event(self, row: MemberEventRow | None) -> None:
        self._errors.clear()
        self._event_id = row.id if row else None
        self.form_box.setVisible(row is None)
        self.event_box.setVisible(row is not None)
        self.event_box.setTitle(row.title if row else "")
        self.summary_edit.setPlainText(row.summary if row else "")
        self.invitations_model.set_rows([])
        if row is not None:
            self._load_invitations(row.id)

    def _load_invitations(self, event_id: uuid.UUID) -> None:
        self._context.tasks.run(
            lambda uow, _progress: membership_events.list_invitations(uow, event_id=event_id),
            on_done=self.invitations_model.set_rows,
            parent=self,
            read_only=True,
        )

    def _gathered_input(self) -> MemberEventInput:
        chosen = self.starts_edit.dateTime().toPython()
        return MemberEventInput(
            title=self.title_edit.text(),
            starts_at=datetime.combine(chosen.date(), chosen.time(), tzinfo=clinic_time_zone()),
            place=self.place_edit.text(),
            merchant_id=self.merchant_combo.currentData(),
            target_tiers=tuple(
                code for code, check in self.tier_checks.items() if check.isChecked()
            ),
        )

    def _on_create_button_clicked(self) -> None:
        self._errors.clear()
        data = self._gathered_input()
        self._context.tasks.run(
            lambda uow, _progress: membership_events.create_member_event(uow, data=data),
            on_done=self._on_created,
            on_error=self._errors.show_refusal,
            parent=self,
        )

    def _on_created(self, row: MemberEventRow) -> None:
        self.title_edit.clear()
        self.place_edit.clear()
        self._event_id = row.id
        self._show_event(row)
        self.status_label.setText(self.tr("Event created."))

    def _on_invite_button_clicked(self) -> None:
        event_id = self._event_id
        if event_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Invite members"),
            self.tr(
                "Send an invitation to every member of the event's tiers who agreed to receive "
                "messages and has not been invited yet?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._context.tasks.run(
            lambda uow, _progress: membership_events.invite_members(uow, event_id=event_id),
            on_done=self._on_invited,
            on_error=self._errors.show_refusal,
            parent=self,
            progress_title=self.tr("Inviting members…"),
        )

    def _on_invited(self, result: InviteResult) -> None:
        self.status_label.setText(
            self.tr("%1 invitations queued; %2 members without SMS consent were left out.")
            .replace("%1", str(result.invited))
            .replace("%2", str(result.without_consent))
        )
        if self._event_id is not None:
            self._load_invitations(self._event_id)

    def _on_sign_in_button_clicked(self) -> None:
        row = self.invitations_view.selected_row()
        if row is None:
            return
        invitation_id = row.id
        self._context.tasks.run(
            lambda uow, _progress: membership_events.sign_in(uow, invitation_id=invitation_id),
            on_done=self._on_signed_in,
            on_error=self._errors.show_refusal,
            parent=self,
        )

    def _on_signed_in(self, row: InvitationRow) -> None:
        self.status_label.setText(self.tr("%1 signed in.").replace("%1", row.name))
        if self._event_id is not None:
            self._load_invitations(self._event_id)

    def _on_summary_button_clicked(self) -> None:
        event_id = self._event_id
        if event_id is None:
            return
        summary = self.summary_edit.toPlainText()
        self._context.tasks.run(
            lambda uow, _progress: membership_events.save_event_summary(
                uow, event_id=event_id, summary=summary
            ),
            on_done=lambda _row: self.status_label.setText(self.tr("Summary saved.")),
            on_error=self._errors.show_refusal,
            parent=self,
        )

    def _on_events_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("member_event", "member_event_invitation"):
            self.reload()
        if changes.touches("member_tier", "partner_merchant"):
            self._load_choices()
