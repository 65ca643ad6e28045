"""The grid's column header: painted as Qt paints it, without asking which columns are
selected (at 50,000 selected rows that question alone takes seconds per paint)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QHoverEvent, QIcon, QMouseEvent, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QStyleOptionHeaderV2, QWidget

__all__ = ["ColumnHeader"]


class ColumnHeader(QHeaderView):
    """The grid's column header, painted without asking which columns are selected.

    Qt's own ``paintSection`` asks ``isColumnSelected`` about each painted section's
    neighbours, and with a selection spanning many rows (Ctrl+A) that calls the model's
    ``flags`` for every cell of the column: 2-3 s per header paint at 50,000 rows through
    Python. The answer only shapes a few styles' borders, so this header leaves it out and
    draws the rest as Qt does (text, font, icon, sort indicator, hover, pressed).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._hover = -1
        self._pressed = -1
        self.setSectionsClickable(True)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        model = self.model()
        if not rect.isValid() or model is None:
            return
        option = QStyleOptionHeaderV2()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical
        state = option.state
        if self.window().isActiveWindow():
            state |= QStyle.StateFlag.State_Active
        if self.sectionsClickable():
            if logical == self._hover:
                state |= QStyle.StateFlag.State_MouseOver
            if logical == self._pressed:
                state |= QStyle.StateFlag.State_Sunken
        option.state = state
        if self.isSortIndicatorShown() and self.sortIndicatorSection() == logical:
            ascending = self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            option.sortIndicator = (
                QStyleOptionHeader.SortIndicator.SortDown
                if ascending
                else QStyleOptionHeader.SortIndicator.SortUp
            )
        orientation = self.orientation()
        text = model.headerData(logical, orientation, Qt.ItemDataRole.DisplayRole)
        option.text = "" if text is None else str(text)
        option.textAlignment = self.defaultAlignment()
        option.iconAlignment = Qt.AlignmentFlag.AlignVCenter
        option.textElideMode = self.textElideMode()
        icon = model.headerData(logical, orientation, Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            option.icon = icon
        visual = self.visualIndex(logical)
        count = self.count()
        if count == 1:
            option.position = QStyleOptionHeader.SectionPosition.OnlyOneSection
        elif visual == 0:
            option.position = QStyleOptionHeader.SectionPosition.Beginning
        elif visual == count - 1:
            option.position = QStyleOptionHeader.SectionPosition.End
        else:
            option.position = QStyleOptionHeader.SectionPosition.Middle
        option.selectedPosition = QStyleOptionHeader.SelectedPosition.NotAdjacent
        painter.save()
        font = model.headerData(logical, orientation, Qt.ItemDataRole.FontRole)
        if isinstance(font, QFont):
            painter.setFont(font)
            option.fontMetrics = QFontMetrics(font)
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()

    def viewportEvent(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.HoverEnter, QEvent.Type.HoverMove) and isinstance(event, QHoverEvent):
            self._set_hover(self.logicalIndexAt(event.position().toPoint()))
        elif kind in (QEvent.Type.HoverLeave, QEvent.Type.Leave):
            self._set_hover(-1)
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = self.logicalIndexAt(event.position().toPoint())
        super().mousePressEvent(event)
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self._pressed = -1
        self.viewport().update()

    def _set_hover(self, logical: int) -> None:
        if logical != self._hover:
            self._hover = logical
            self.viewport().update()
