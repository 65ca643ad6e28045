"""The grid's column header paints as Qt does but never asks which columns are selected:
with every row selected, Qt's own header asks the model's ``flags`` for each cell of the
painted columns (seconds at 50,000 rows); this one asks none per row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView
from pytestqt.qtbot import QtBot

from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.ui.column_header import ColumnHeader
from usosmail_gui.ui.recipients_model import FIRST_DATA_COLUMN, RecipientTableModel


class CountingModel(RecipientTableModel):
    """The grid's model, counting how often it is asked for a cell's flags."""

    def __init__(self) -> None:
        super().__init__()
        self.flag_calls = 0

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        self.flag_calls += 1
        return super().flags(index)


def flags_asked_by_a_header_paint(qtbot: QtBot, header: QHeaderView) -> int:
    model = CountingModel()
    model.set_table(make_table(demo_rows(2000)))
    view = QTableView()
    qtbot.addWidget(view)
    view.setHorizontalHeader(header)
    view.setModel(model)
    view.resize(800, 300)
    view.show()
    qtbot.waitExposed(view)
    view.selectAll()  # Ctrl+A
    model.flag_calls = 0
    header.viewport().grab()
    return model.flag_calls


def test_the_header_paints_without_asking_the_model_about_the_selection(qtbot: QtBot) -> None:
    assert flags_asked_by_a_header_paint(qtbot, QHeaderView(Qt.Orientation.Horizontal)) > 2000
    assert flags_asked_by_a_header_paint(qtbot, ColumnHeader()) < 10  # none per row


def test_the_header_shows_the_titles_and_sorts_on_a_click(qtbot: QtBot) -> None:
    model = RecipientTableModel()
    model.set_table(make_table(demo_rows(50)))
    view = QTableView()
    qtbot.addWidget(view)
    header = ColumnHeader(view)
    view.setHorizontalHeader(header)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    surname = FIRST_DATA_COLUMN + 1
    assert model.headerData(surname, Qt.Orientation.Horizontal) == "Nazwisko"
    rect = header.rect()
    rect.setLeft(header.sectionViewportPosition(surname))
    rect.setWidth(header.sectionSize(surname))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert header.sortIndicatorSection() == surname
    shown = [model.index(r, surname).data() for r in range(model.rowCount())]
    assert shown == sorted(shown) and shown[0] != shown[-1]  # sorted by the model, on the data
