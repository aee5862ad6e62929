"""One customer opened at the consultant's desk: health file, record, plan, prescriptions."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from lorch_desk.services.consultant_desk import DeskCustomerRow
from lorch_desk.ui.common.choice_labels import choice_label
from lorch_desk.ui.common.health_file_widget import HealthFileWidget
from lorch_desk.ui.common.triage_labels import VISIT_CLASSES
from lorch_desk.ui.context import UiContext
from lorch_desk.ui.roles.consultant.consultation_form import ConsultationFormWidget
from lorch_desk.ui.roles.consultant.prescription_form import PrescriptionFormWidget
from lorch_desk.ui.roles.consultant.treatment_plan_form import TreatmentPlanFormWidget


class CustomerWorkspaceWidget(QWidget):
    """Empty until a received customer is opened; then every page loads that customer."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer_id: uuid.UUID | None = None
        self.header = QLabel(self.tr("Open one of today's customers to work on their file."), self)
        self.header.setObjectName("workspace_header")
        self.header.setWordWrap(True)
        self.health_file = HealthFileWidget(context, self)
        self.consultation = ConsultationFormWidget(context, self)
        self.plan = TreatmentPlanFormWidget(context, self)
        self.prescriptions = PrescriptionFormWidget(context, self)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("workspace_pages")
        self.pages.addTab(self.health_file, self.tr("Health file"))
        self.pages.addTab(self.consultation, self.tr("Consultation record"))
        self.pages.addTab(self.plan, self.tr("Treatment plan"))
        self.pages.addTab(self.prescriptions, self.tr("Prescriptions"))
        self.pages.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)

    def open_customer(self, row: DeskCustomerRow) -> None:
        """Load every page for the customer of `row` (received by a consultant today)."""
        self.customer_id = row.customer_id
        visit = choice_label(VISIT_CLASSES, row.visit_class)
        item = row.inquiry_item or self.tr("no inquiry item")
        self.header.setText(f"<b>{row.customer_name}</b> · {row.file_number} · {visit} · {item}")
        self.pages.setEnabled(True)
        self.health_file.load(row.customer_id)
        self.consultation.load(row.customer_id, row.arrival_id)
        self.plan.load(row.customer_id, row.arrival_id)
        self.prescriptions.load(row.customer_id, row.arrival_id)
