"""Pieces the warehouse pages share: quantities as text and a save-path question."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def quantity_text(quantity: Decimal | None) -> str:
    """12.000 -> 12, 2.500 -> 2.5; blank for None."""
    if quantity is None:
        return ""
    text = f"{quantity:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def ask_save_path(parent: QWidget, caption: str, file_name: str, file_filter: str) -> Path | None:
    """Ask where to save a document (in the user's documents folder by default)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name, _filter = QFileDialog.getSaveFileName(
        parent, caption, str(Path(folder or Path.home()) / file_name), file_filter
    )
    return Path(name) if name else None
