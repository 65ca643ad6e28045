"""Text fields that show what they hold: the start of a text set by the program (a
QLineEdit leaves its cursor, and so its view, at the end), and label–field grids whose
widths come from their translated texts and that take one column when two do not fit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QSizePolicy, QStyle, QWidget

__all__ = ["SenderFields", "show_from_start", "text_width"]


def show_from_start(edit: QLineEdit, text: str) -> None:
    """``edit.setText(text)`` with its start in sight (cursor at 0, nothing selected)."""
    edit.setText(text)
    edit.setCursorPosition(0)


def text_width(edit: QLineEdit, text: str) -> int:
    """The width ``edit`` needs to show ``text`` whole (frame and margins included)."""
    style = edit.style()
    frame = 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    inner = edit.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right()
    return inner + frame + 2 * 2 + 4  # QLineEdit's own horizontal margin on each side, and the cursor


class SenderFields(QWidget):
    """Label–field pairs in a grid: two pairs a row when they fit whole, else one.

    Each field is at least as wide as a short placeholder (as translated), so "nobody"
    is never "n…" (a long one shows its first 18 letters or so, and whole in the tooltip);
    each label keeps its whole text. Which arrangement is used follows the
    width the widget gets (``resizeEvent``): no pixel constants.
    """

    def __init__(self, fields: Sequence[tuple[str, QWidget]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pairs: list[tuple[QLabel, QWidget]] = []
        for text, widget in fields:
            label = QLabel(text, self)
            label.setBuddy(widget)
            label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
            widget.setParent(self)
            self._pairs.append((label, widget))
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        self._fit_fields()
        self._arrange(1)

    @property
    def columns(self) -> int:
        """How many label–field pairs a row holds now (1 or 2)."""
        return self._columns

    def labels(self) -> list[QLabel]:
        return [label for label, _widget in self._pairs]

    def _fit_fields(self) -> None:
        for _label, widget in self._pairs:
            if isinstance(widget, QLineEdit):
                # a short placeholder whole ("nobody"); a long one as far as 18 average letters
                placeholder = text_width(widget, widget.placeholderText())
                wanted = min(placeholder, text_width(widget, "x" * 18))
                widget.setMinimumWidth(max(wanted, text_width(widget, "x" * 8)))
                if widget.placeholderText() and not widget.toolTip():
                    widget.setToolTip(widget.placeholderText())
            elif isinstance(widget, QComboBox):
                widget.setMinimumWidth(widget.minimumSizeHint().width())

    def two_column_width(self) -> int:
        """The least width that shows two pairs a row whole."""
        spacing = max(0, self._grid.horizontalSpacing())
        firsts, seconds = self._pairs[0::2], self._pairs[1::2]

        def need(pairs: list[tuple[QLabel, QWidget]]) -> int:
            return max(label.sizeHint().width() + spacing + widget.minimumWidth() for label, widget in pairs)

        return need(firsts) + spacing * 2 + (need(seconds) if seconds else 0)

    def one_column_width(self) -> int:
        """The least width that shows one pair a row whole."""
        spacing = max(0, self._grid.horizontalSpacing())
        labels = max(label.sizeHint().width() for label, _widget in self._pairs)
        return labels + spacing + max(widget.minimumWidth() for _label, widget in self._pairs)

    def minimumSizeHint(self) -> QSize:
        """As narrow as one pair a row allows (two a row are taken only when they fit), so
        the window is never held wider by the arrangement of the moment."""
        hint = super().minimumSizeHint()
        return QSize(self.one_column_width(), hint.height())

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        grid = self._grid
        for label, widget in self._pairs:
            grid.removeWidget(label)
            grid.removeWidget(widget)
        for column in range(4):
            grid.setColumnStretch(column, 0)
        for i, (label, widget) in enumerate(self._pairs):
            row, pair = (i // 2, i % 2) if columns == 2 else (i, 0)
            grid.addWidget(label, row, pair * 2)
            grid.addWidget(widget, row, pair * 2 + 1)
        grid.setColumnStretch(1, 1)
        if columns == 2:
            grid.setColumnStretch(3, 1)
        self._columns = columns

    def refit(self) -> None:
        """The labels or placeholders were retexted (another language): widths and the
        arrangement from the new texts."""
        self._fit_fields()
        self.updateGeometry()
        self._arrange(2 if self.width() >= self.two_column_width() else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(2 if event.size().width() >= self.two_column_width() else 1)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_fields()
