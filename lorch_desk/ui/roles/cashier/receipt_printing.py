"""Print a sale's receipt (A5 or 80 mm) to a PDF and open it with the system's viewer."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from lorch_desk.documents.pdf.receipt import ReceiptPaper, render_receipt_pdf
from lorch_desk.services.sales_queries import sale_detail
from lorch_desk.ui.context import UiContext


def receipts_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "lorch_desk_receipts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_with_system(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_receipt(
    context: UiContext,
    sale_id: uuid.UUID,
    paper: ReceiptPaper,
    *,
    parent: QWidget,
    on_printed: Callable[[Path], None],
    on_error: Callable,  # type: ignore[type-arg]
) -> None:
    """Render the receipt in the background, then hand its path to `on_printed`."""

    def render(uow, _progress):  # noqa: ANN001, ANN202
        detail = sale_detail(uow, sale_id=sale_id)
        path = receipts_folder() / f"{detail.number}-{paper.value}.pdf"
        return render_receipt_pdf(detail, path, paper=paper)

    context.tasks.run(render, on_done=on_printed, on_error=on_error, parent=parent, read_only=True)
