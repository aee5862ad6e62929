"""A prescription as read-only rich text: lines, herb totals, allergy warnings, signature."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lorch_desk.domain.prescriptions import PrescriptionKind
from lorch_desk.services.prescriptions import PrescriptionDetail
from lorch_desk.ui.common.choice_labels import choice_label
from lorch_desk.ui.common.table_model import display_text
from lorch_desk.ui.roles.consultant.labels import PRESCRIPTION_KINDS, PRESCRIPTION_STATUSES

_CONTEXT = "PrescriptionView"
_TEXTS = {
    "western": (
        QT_TRANSLATE_NOOP("PrescriptionView", "Product"),
        QT_TRANSLATE_NOOP("PrescriptionView", "Dose"),
        QT_TRANSLATE_NOOP("PrescriptionView", "Frequency"),
        QT_TRANSLATE_NOOP("PrescriptionView", "Quantity"),
        QT_TRANSLATE_NOOP("PrescriptionView", "Days"),
        QT_TRANSLATE_NOOP("PrescriptionView", "Stock / nearest expiry"),
    ),
    "tcm": (
        QT_TRANSLATE_NOOP("PrescriptionView", "Herb"),
        QT_TRANSLATE_NOOP("PrescriptionView", "g per dose"),
        QT_TRANSLATE_NOOP("PrescriptionView", "Total g"),
        QT_TRANSLATE_NOOP("PrescriptionView", "Stock / nearest expiry"),
    ),
}
DOSES = QT_TRANSLATE_NOOP("PrescriptionView", "%1 doses (剂), %2 g per dose")
DECOCTION = QT_TRANSLATE_NOOP("PrescriptionView", "Decoction: %1")
USAGE = QT_TRANSLATE_NOOP("PrescriptionView", "Usage: %1")
DIAGNOSIS = QT_TRANSLATE_NOOP("PrescriptionView", "Diagnosis: %1")
ALLERGY = QT_TRANSLATE_NOOP("PrescriptionView", "Allergy warning: matches %1")
PRESCRIBED = QT_TRANSLATE_NOOP("PrescriptionView", "Prescribed by %1")
SIGNED = QT_TRANSLATE_NOOP("PrescriptionView", "Signed by %1 at %2")
UNSIGNED = QT_TRANSLATE_NOOP("PrescriptionView", "Not signed yet: only a doctor signs.")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def describe_prescription(detail: PrescriptionDetail) -> str:
    """The HTML the prescription tab shows for one prescription."""
    tcm = detail.kind is PrescriptionKind.TCM
    headers = "".join(f"<th align='left'>{_tr(h)}</th>" for h in _TEXTS[detail.kind.value])
    rows = []
    for line in detail.lines:
        expiry = f" · {display_text(line.nearest_expiry)}" if line.nearest_expiry else ""
        stock = f"{_plain(line.on_hand)} {line.unit}{expiry}"
        if tcm:
            cells = [
                line.product_name,
                _plain(line.grams_per_dose),
                _plain(line.total_grams),
                stock,
            ]
        else:
            cells = [
                line.product_name,
                line.dose,
                line.frequency,
                f"{_plain(line.quantity)} {line.unit}",
                str(line.duration_days or ""),
                stock,
            ]
        row = "".join(f"<td>{escape(cell)}</td>" for cell in cells)
        rows.append(f"<tr>{row}</tr>")
        if line.allergy_warnings:
            warning = _tr(ALLERGY).replace("%1", escape("、".join(line.allergy_warnings)))
            rows.append(f"<tr><td colspan='6' style='color:#b3261e'>⚠ {warning}</td></tr>")
    parts = [
        f"<b>{escape(detail.number)}</b> · {choice_label(PRESCRIPTION_KINDS, detail.kind)} · "
        f"{choice_label(PRESCRIPTION_STATUSES, detail.status)}",
    ]
    if detail.diagnosis:
        parts.append(_tr(DIAGNOSIS).replace("%1", escape(detail.diagnosis)))
    parts.append(
        f"<table cellspacing='0' cellpadding='3' border='1'><tr>{headers}</tr>{''.join(rows)}</table>"
    )
    if tcm:
        parts.append(
            _tr(DOSES)
            .replace("%1", str(detail.doses))
            .replace("%2", _plain(detail.grams_per_dose_total))
        )
        if detail.decoction:
            parts.append(_tr(DECOCTION).replace("%1", escape(detail.decoction)))
    if detail.usage_instructions:
        parts.append(_tr(USAGE).replace("%1", escape(detail.usage_instructions)))
    parts.append(_tr(PRESCRIBED).replace("%1", escape(detail.prescriber_name)))
    if detail.signed_at is not None:
        parts.append(
            _tr(SIGNED)
            .replace("%1", escape(detail.signed_by_name))
            .replace("%2", display_text(detail.signed_at))
        )
    else:
        parts.append(_tr(UNSIGNED))
    return "<br>".join(parts)


def _plain(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
