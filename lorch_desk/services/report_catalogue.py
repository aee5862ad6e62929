"""Every area's reports, registered in one call the ui makes at start."""

from __future__ import annotations

from lorch_desk.services import (
    audit_reports,
    call_reports,
    complaint_reports,
    customer_reports,
    follow_up_reports,
    front_desk_reports,
    membership_reports,
    purchase_suggestion,
    sales_customer_classes,
    sales_reports,
    satisfaction_reports,
    scheduling_reports,
    stock_reports,
    triage_statistics,
)
from lorch_desk.services.reports import ReportDefinition, find_report, register_report

# One entry per area with reports; an area's module lists its definitions in REPORTS.
AREA_REPORTS: tuple[tuple[ReportDefinition, ...], ...] = (
    customer_reports.REPORTS,
    audit_reports.REPORTS,
    triage_statistics.REPORTS,
    front_desk_reports.REPORTS,
    scheduling_reports.REPORTS,
    stock_reports.REPORTS,
    purchase_suggestion.REPORTS,
    membership_reports.REPORTS,
    follow_up_reports.REPORTS,
    satisfaction_reports.REPORTS,
    sales_reports.REPORTS,
    sales_customer_classes.REPORTS,
    complaint_reports.REPORTS,
    call_reports.REPORTS,
)


def load_all() -> None:
    """Register the reports of every area; calling it again changes nothing."""
    for reports in AREA_REPORTS:
        for definition in reports:
            if find_report(definition.key) is not definition:
                register_report(definition)
