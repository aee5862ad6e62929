"""A pad on which the customer signs with the mouse or a pen; the strokes become a PNG."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PAD_WIDTH = 480
PAD_HEIGHT = 160
INK_WIDTH = 3.0


class SignaturePadWidget(QWidget):
    """Records strokes drawn with the left button (a pen acts as a mouse); `changed` after each."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature_pad")
        self.setMinimumSize(PAD_WIDTH // 2, PAD_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self._strokes: list[list[QPointF]] = []

    @property
    def is_empty(self) -> bool:
        return not any(len(stroke) > 1 for stroke in self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self.update()
        self.changed.emit()

    def to_png(self) -> bytes | None:
        """The signature in black on a transparent background, or None when nothing is drawn."""
        if self.is_empty:
            return None
        image = QImage(self.width(), self.height(), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._draw(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(data.data())

    # Qt overrides
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._strokes.append([event.position()])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton and self._strokes:
            self._strokes[-1].append(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._strokes:
            self._strokes[-1].append(event.position())
            self.update()
            self.changed.emit()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QPen(QColor("#b4c0ce"), 1, Qt.PenStyle.DashLine))
        baseline = self.height() - 30
        painter.drawLine(20, baseline, self.width() - 20, baseline)
        self._draw(painter)
        painter.end()

    def _draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("#000000"), INK_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            for start, end in zip(stroke, stroke[1:], strict=False):
                painter.drawLine(start, end)
