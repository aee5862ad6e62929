"""Every table and its sync class (SYNC.md), declared in one place."""

from __future__ import annotations

from lorch_desk.domain.table_classes import TableClass
from lorch_desk.models import audit, customer, front_desk, node, organisation, staff
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
    audit.AuditEntry.__tablename__: TableClass.LEDGER,
    node.NodeSetting.__tablename__: TableClass.LOCAL_ONLY,
    node.NumberCounter.__tablename__: TableClass.LOCAL_ONLY,
}


def table_class(table_name: str) -> TableClass:
    """The sync class of a table; KeyError for a table nobody declared."""
    return TABLE_CLASSES[table_name]


metadata = Base.metadata
