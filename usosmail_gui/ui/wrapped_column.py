"""A tree column whose texts (sentences: why a row gets nothing) wrap to the column's
width, each row as tall as its text needs, so nothing is cut at a laptop's width."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget

__all__ = ["WrappedReason"]


class WrappedReason(QStyledItemDelegate):
    """The "Why" column's reason as tall as it needs when wrapped to the column's width
    (Qt's delegate measures it as one line, and the row would cut it)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        width = self._tree.header().sectionSize(index.column()) - 8  # the cell's margins
        text = str(index.data() or "")
        if width <= 0 or not text:
            return hint
        flags = int(Qt.TextFlag.TextWordWrap)
        wrapped = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), flags, text)
        return QSize(min(hint.width(), width), max(hint.height(), wrapped.height() + 4))
