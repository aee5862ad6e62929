"""A complaint taken on the phone: the intake form started from the call just logged."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from lorch_desk.domain.complaints import ComplaintChannel
from lorch_desk.services.calls import CallRow
from lorch_desk.services.complaint_queries import ComplaintDetail
from lorch_desk.services.inquiries import list_inquiry_staff
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.customer_service.complaint_intake_box import ComplaintIntakeBox


class ComplaintFromCallDialog(QDialog):
    """Receive a complaint from a call: caller, number and notes filled in; closes when saved."""

    complaint_received = Signal(object)  # ComplaintDetail

    def __init__(self, context: UiContext, call: CallRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Receive a complaint from this call"))
        self.intake = ComplaintIntakeBox(context)
        self.intake.prefill(
            customer_id=call.customer_id,
            name=call.caller_name,
            contact=call.number_display,
            channel=ComplaintChannel.PHONE,
            matter=call.summary,
        )
        self.intake.complaint_received.connect(self._on_intake_complaint_received)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intake)
        self.resize(640, 620)
        context.tasks.run(
            lambda uow, _p: list_inquiry_staff(uow),
            on_done=self.intake.set_staff,
            on_error=self.intake.errors.show_refusal,
            parent=self,
            read_only=True,
        )

    def _on_intake_complaint_received(self, detail: ComplaintDetail) -> None:
        self.complaint_received.emit(detail)
        self.accept()
