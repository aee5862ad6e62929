"""The line over a form that the role may read but not change, and the locking that goes with it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget


class ReadOnlyBanner(QLabel):
    """Says over a form that the role may only read it; hidden until `lock` is called."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("read_only_banner")
        self.setWordWrap(True)
        self.hide()

    def lock(
        self,
        reason: str,
        *,
        texts: Iterable[QLineEdit | QPlainTextEdit] = (),
        controls: Iterable[QWidget] = (),
    ) -> None:
        """Show the banner and lock the form; every locked widget tells `reason` as its tip.

        Texts become read-only rather than disabled, so they can still be selected and copied.
        """
        self.show()
        for text in texts:
            text.setReadOnly(True)
            text.setToolTip(reason)
        for control in controls:
            control.setEnabled(False)
            control.setToolTip(reason)
