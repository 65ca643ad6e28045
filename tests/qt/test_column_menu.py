"""The header's menu of a data column: offered only where the sheet stores other values
than it shows; switches what the grid shows (and what is sent); words in Polish too."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
from usosmail_gui.core import recipients
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.ui.column_menu import ColumnValuesMenu
from usosmail_gui.ui.recipients_model import FIRST_DATA_COLUMN, RecipientTableModel

FORMATS = RECIPIENT_FIXTURES / "formats"


def menu_over(qtbot: QtBot) -> tuple[RecipientTable, RecipientTableModel, ColumnValuesMenu]:
    table = recipients.load(FORMATS / "formats-lo.xlsx")
    view = QTableView()
    qtbot.addWidget(view)
    model = RecipientTableModel(view)
    model.set_table(table)
    view.setModel(model)
    return table, model, ColumnValuesMenu(view, model, view)


def test_the_menu_switches_a_column_between_shown_and_stored(qtbot: QtBot) -> None:
    table, model, values = menu_over(qtbot)
    album, name = table.find_column("Nr albumu"), table.find_column("Imię")
    assert album is not None and name is not None
    assert values.menu_for(FIRST_DATA_COLUMN + name) is None  # text: nothing to switch
    assert values.menu_for(0) is None  # not a data column
    menu = values.menu_for(FIRST_DATA_COLUMN + album)
    assert menu is not None and menu.title() == "Values of “Nr albumu”"
    assert values.shown_action.isChecked() and not values.stored_action.isChecked()
    first = model.index(0, FIRST_DATA_COLUMN + album)
    assert first.data() == "012345"
    values.stored_action.trigger()
    assert model.index(0, FIRST_DATA_COLUMN + album).data() == "12345"
    assert table.params(model.table_row(0))["Nr albumu"] == "12345"  # what is sent follows
    menu.close()


def test_the_menu_speaks_polish(qtbot: QtBot, polish: None) -> None:
    table, _, values = menu_over(qtbot)
    album = table.find_column("Nr albumu")
    assert album is not None
    menu = values.menu_for(FIRST_DATA_COLUMN + album)
    assert menu is not None and menu.title() == "Wartości w kolumnie „Nr albumu”"
    assert [values.shown_action.text(), values.stored_action.text()] == [
        "Tak, jak pokazuje arkusz",
        "Tak, jak zapisano",
    ]
    menu.close()
