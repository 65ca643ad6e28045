"""The recipient grid's shown rows (``ui.shown_rows``): what the search and the sort show,
in what order, and where each table row is."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers.tables import make_table
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.ui.shown_rows import ShownRows

SURNAME = 1


def table() -> RecipientTable:
    return make_table(
        [
            ["Anna", "Nowak", "1", "anna@example.edu.pl", "Informatyka", "1"],
            ["Jan", "Żak", "2", "jan@example.edu.pl", "Matematyka", "2"],
            ["Zofia", "Kowalska", "3", "zofia@example.edu.pl", "Informatyka", "3"],
        ]
    )


def test_a_search_shows_the_matching_rows_and_hides_the_others() -> None:
    rows, sheet = ShownRows(), table()
    rows.search = "informatyka"
    rows.show(rows.computed(sheet, None))
    assert list(rows.order) == [0, 2]
    assert list(rows.positions(sheet.row_count)) == [0, -1, 1]
    assert rows.table_row(1) == 2
    assert rows.table_row(2) == -1 and rows.table_row(-1) == -1


def test_a_descending_sort_then_unsorted_gives_back_the_spreadsheet_order() -> None:
    rows, sheet = ShownRows(), table()
    rows.sort_column, rows.sort_order = 3, Qt.SortOrder.DescendingOrder
    rows.show(rows.computed(sheet, SURNAME))
    assert [sheet.value(row, SURNAME) for row in rows.order] == ["Żak", "Nowak", "Kowalska"]
    assert list(rows.positions(sheet.row_count)) == [1, 0, 2]  # recomputed after show()
    rows.unsorted()
    rows.show(rows.computed(sheet, None))
    assert (rows.sort_column, rows.sort_order) == (-1, Qt.SortOrder.AscendingOrder)
    assert list(rows.order) == [0, 1, 2]


def test_positions_of_spreadsheet_row_numbers_skip_hidden_and_unknown_rows() -> None:
    rows, sheet = ShownRows(), table()
    rows.search = "informatyka"
    rows.show(rows.computed(sheet, None))
    # row numbers start at 2 (below the header row): 4 is Zofia, 3 (Jan) is hidden, 99 no row
    assert rows.positions_of(sheet, [4, 3, 99, 2]) == [0, 1]
