"""Every table and its sync class (SYNC.md), declared in one place."""

from __future__ import annotations

from lorch_desk.domain.table_classes import TableClass
from lorch_desk.models import (
    appointments,
    audit,
    catalogue,
    consultations,
    customer,
    destruction,
    front_desk,
    inquiries,
    messages,
    node,
    organisation,
    prescriptions,
    purchasing,
    service_items,
    staff,
    stock,
    stock_count,
)
from lorch_desk.models import sync as sync_models
from lorch_desk.models.base import Base

TABLE_CLASSES: dict[str, TableClass] = {
    organisation.Site.__tablename__: TableClass.CENTRAL,
    organisation.ClinicSetting.__tablename__: TableClass.CENTRAL,
    organisation.Institution.__tablename__: TableClass.CENTRAL,
    staff.UserAccount.__tablename__: TableClass.CENTRAL,
    staff.StaffProfile.__tablename__: TableClass.CENTRAL,
    staff.Attachment.__tablename__: TableClass.LEDGER,
    staff.LoginGuard.__tablename__: TableClass.LOCAL_ONLY,
    customer.Customer.__tablename__: TableClass.SHARED_MUTABLE,
    customer.HealthRecordEntry.__tablename__: TableClass.LEDGER,
    front_desk.Arrival.__tablename__: TableClass.SITE_DOCUMENT,
    front_desk.RecordedTriageEvent.__tablename__: TableClass.LEDGER,
    inquiries.Inquiry.__tablename__: TableClass.SITE_DOCUMENT,
    inquiries.InquiryContact.__tablename__: TableClass.LEDGER,
    appointments.Room.__tablename__: TableClass.CENTRAL,
    appointments.Appointment.__tablename__: TableClass.SITE_DOCUMENT,
    messages.OutgoingMessage.__tablename__: TableClass.SITE_DOCUMENT,
    messages.MessageAttempt.__tablename__: TableClass.LEDGER,
    service_items.ServiceItem.__tablename__: TableClass.CENTRAL,
    consultations.ConsultationRecord.__tablename__: TableClass.SITE_DOCUMENT,
    consultations.TreatmentPlan.__tablename__: TableClass.SITE_DOCUMENT,
    consultations.TreatmentPlanItem.__tablename__: TableClass.SITE_DOCUMENT,
    prescriptions.Prescription.__tablename__: TableClass.SITE_DOCUMENT,
    prescriptions.PrescriptionItem.__tablename__: TableClass.SITE_DOCUMENT,
    audit.AuditEntry.__tablename__: TableClass.LEDGER,
    node.NodeSetting.__tablename__: TableClass.LOCAL_ONLY,
    node.NumberCounter.__tablename__: TableClass.LOCAL_ONLY,
    sync_models.OutboxEntry.__tablename__: TableClass.LOCAL_ONLY,
    sync_models.SyncState.__tablename__: TableClass.LOCAL_ONLY,
    sync_models.SyncConflict.__tablename__: TableClass.LOCAL_ONLY,
    sync_models.SyncRejection.__tablename__: TableClass.LOCAL_ONLY,
    sync_models.SyncNode.__tablename__: TableClass.LOCAL_ONLY,
    sync_models.SyncChange.__tablename__: TableClass.LOCAL_ONLY,
    sync_models.SyncAppliedOp.__tablename__: TableClass.LOCAL_ONLY,
    catalogue.Product.__tablename__: TableClass.CENTRAL,
    catalogue.Supplier.__tablename__: TableClass.CENTRAL,
    catalogue.Warehouse.__tablename__: TableClass.CENTRAL,
    catalogue.Location.__tablename__: TableClass.CENTRAL,
    stock.StockMove.__tablename__: TableClass.LEDGER,
    stock.StockBalance.__tablename__: TableClass.DERIVED,
    purchasing.PurchaseOrder.__tablename__: TableClass.SITE_DOCUMENT,
    purchasing.PurchaseOrderLine.__tablename__: TableClass.SITE_DOCUMENT,
    purchasing.PurchaseReceipt.__tablename__: TableClass.SITE_DOCUMENT,
    purchasing.PurchaseReceiptLine.__tablename__: TableClass.SITE_DOCUMENT,
    stock_count.StockCount.__tablename__: TableClass.SITE_DOCUMENT,
    stock_count.StockCountLine.__tablename__: TableClass.SITE_DOCUMENT,
    destruction.Destruction.__tablename__: TableClass.SITE_DOCUMENT,
    destruction.DestructionLine.__tablename__: TableClass.SITE_DOCUMENT,
}


def table_class(table_name: str) -> TableClass:
    """The sync class of a table; KeyError for a table nobody declared."""
    return TABLE_CLASSES[table_name]


metadata = Base.metadata
