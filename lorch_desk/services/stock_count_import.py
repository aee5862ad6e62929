"""Counted quantities imported from an xlsx sheet: every row checked first, all or nothing.

The sheet has a header row naming its columns: 条码 (or 编码), 批号, 库位 (optional when a
product batch lies in one place) and 实盘数量. The count sheet export writes exactly these.
"""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from lorch_desk.db.unit_of_work import UnitOfWork
from lorch_desk.domain.errors import ImportRejected, ValidationFailed
from lorch_desk.models.catalogue import Product
from lorch_desk.services.stock_counts import count_lines, enter_counts

CODE_HEADERS = ("条码", "编码", "barcode", "code")
BATCH_HEADERS = ("批号", "batch")
LOCATION_HEADERS = ("库位", "location")
QUANTITY_HEADERS = ("实盘数量", "counted")

# Reasons a row is refused (the ui translates them).
UNKNOWN_CODE = "unknown_barcode"
NOT_IN_COUNT = "not_in_count"
AMBIGUOUS = "ambiguous_line"
BAD_QUANTITY = "bad_quantity"
DUPLICATE = "duplicate_line"


def import_counts(uow: UnitOfWork, count_id: uuid.UUID, path: Path) -> int:
    """Enter the counted quantities of a filled-in sheet; ImportRejected lists every bad row."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable file is the same answer to the user
        raise ValidationFailed(field="file", rule="file_type") from None
    sheet = workbook.active
    rows = sheet.iter_rows(values_only=True)
    header = [str(cell or "").strip() for cell in next(rows, ())]
    columns = {
        "code": _column(header, CODE_HEADERS),
        "batch": _column(header, BATCH_HEADERS),
        "location": _column(header, LOCATION_HEADERS),
        "quantity": _column(header, QUANTITY_HEADERS),
    }
    if columns["code"] is None or columns["quantity"] is None:
        raise ValidationFailed(field="file", rule="columns")
    lines = count_lines(uow, count_id)
    by_code: dict[str, list] = {}
    for line in lines:
        for code in {line.product_code, line.barcode or line.product_code}:
            by_code.setdefault(code, []).append(line)
    known_codes = _known_codes(uow)
    entries: list[tuple[uuid.UUID, Decimal]] = []
    seen: set[uuid.UUID] = set()
    errors: list[tuple[int, str]] = []
    for number, values in enumerate(rows, start=2):
        code, batch, location, quantity_text = (
            _text(values, columns[key]) for key in ("code", "batch", "location", "quantity")
        )
        if not code and not quantity_text:
            continue
        candidates = [
            line
            for line in by_code.get(code, [])
            if (not batch or line.batch == batch)
            and (not location or line.location_code == location)
        ]
        if not candidates:
            errors.append((number, NOT_IN_COUNT if code in known_codes else UNKNOWN_CODE))
            continue
        if len(candidates) > 1:
            errors.append((number, AMBIGUOUS))
            continue
        try:
            quantity = Decimal(quantity_text)
        except InvalidOperation:
            errors.append((number, BAD_QUANTITY))
            continue
        if not quantity.is_finite() or quantity < 0:
            errors.append((number, BAD_QUANTITY))
            continue
        if candidates[0].line_id in seen:
            errors.append((number, DUPLICATE))
            continue
        seen.add(candidates[0].line_id)
        entries.append((candidates[0].line_id, quantity))
    workbook.close()
    if errors:
        raise ImportRejected(rows=errors)
    return enter_counts(uow, count_id, entries)


def _known_codes(uow: UnitOfWork) -> set[str]:
    codes: set[str] = set()
    for code, barcode in uow.session.execute(select(Product.code, Product.barcode)).all():
        codes.add(code)
        if barcode:
            codes.add(barcode)
    return codes


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for index, title in enumerate(header):
        if title.lower() in names:
            return index
    return None


def _text(values: tuple, index: int | None) -> str:
    if index is None or index >= len(values) or values[index] is None:
        return ""
    value = values[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
