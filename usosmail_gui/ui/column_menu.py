"""The grid's column header menu: a data column's values as the sheet shows them
(number formats applied) or as it stores them; what is shown is what is sent."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from .recipients_model import FIRST_DATA_COLUMN, RecipientTableModel

__all__ = ["ColumnValuesMenu"]


class ColumnValuesMenu(QObject):
    """The menu the header of ``view`` (over ``model``) opens for a data column that has
    stored values besides the shown ones; its menus are children of ``parent``."""

    def __init__(self, view: QTableView, model: RecipientTableModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._view = view
        self._model = model
        self._parent = parent
        self.shown_action = QAction(self)
        self.shown_action.setCheckable(True)
        self.stored_action = QAction(self)
        self.stored_action.setCheckable(True)
        self._group = QActionGroup(self)
        self._group.addAction(self.shown_action)
        self._group.addAction(self.stored_action)
        self.shown_action.triggered.connect(lambda: self._show_stored(False))
        self.stored_action.triggered.connect(lambda: self._show_stored(True))
        self._column = -1
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._popup)
        self.retranslate()

    def retranslate(self) -> None:
        self.shown_action.setText(self.tr("As the sheet shows it"))
        self.stored_action.setText(self.tr("As stored"))
        self.shown_action.setToolTip(
            self.tr("Numbers and dates as the sheet's number formats show them, e.g. 012345 or 17.06.2024.")
        )
        self.stored_action.setToolTip(
            self.tr("The values the sheet stores, without their formats, e.g. 12345 or 2024-06-17.")
        )

    def menu_for(self, section: int) -> QMenu | None:
        """The menu for a model column (None when it has no choices): how the column's
        values are shown and sent, as the sheet shows them or as stored."""
        table = self._model.table()
        column = section - FIRST_DATA_COLUMN
        if table is None or not 0 <= column < table.column_count or not table.has_stored_values(column):
            return None
        self._column = column
        stored = table.shows_stored(column)
        self.shown_action.setChecked(not stored)
        self.stored_action.setChecked(stored)
        menu = QMenu(self._parent)
        menu.setTitle(self.tr("Values of “{column}”").format(column=table.columns[column].name))
        menu.addSection(self.tr("Values of “{column}”").format(column=table.columns[column].name))
        menu.addAction(self.shown_action)
        menu.addAction(self.stored_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return menu

    @Slot(QPoint)
    def _popup(self, point: QPoint) -> None:
        header = self._view.horizontalHeader()
        menu = self.menu_for(header.logicalIndexAt(point))
        if menu is not None:
            menu.popup(header.mapToGlobal(point))

    def _show_stored(self, stored: bool) -> None:
        if self._column >= 0:
            self._model.set_shows_stored(self._column, stored)
