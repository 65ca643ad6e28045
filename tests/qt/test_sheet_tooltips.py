"""What the grid's sheet data says when pointed at: a column's header (the placeholder that
inserts it, its letter, the e-mail column, shown or stored values), an edited cell, a row's
Send box; in Polish too."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.helpers.recipient_lists import write_students
from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
from usosmail_gui.core import recipients
from usosmail_gui.ui.sheet_tooltips import cell_tooltip, column_tooltip, include_tooltip


def test_the_placeholder_the_letter_and_the_email_column(qtbot: QtBot, tmp_path: Path) -> None:
    table = recipients.load(write_students(tmp_path / "studenci.csv"))
    assert table.email_column is not None
    first = column_tooltip(table, 0).splitlines()
    assert first[0] == f"Write {{{table.columns[0].placeholder}}} in the template to insert this column."
    assert first[1] == "Column A of the spreadsheet." and len(first) == 2
    email = column_tooltip(table, table.email_column)
    assert email.endswith("The e-mail addresses are taken from this column.")


def test_shown_or_stored_values(qtbot: QtBot) -> None:
    table = recipients.load(RECIPIENT_FIXTURES / "formats" / "formats-lo.xlsx")
    album = table.find_column("Nr albumu")
    assert album is not None
    assert "as the sheet formats it; right-click the header" in column_tooltip(table, album)
    table.set_shows_stored(album, True)
    assert "Shown (and sent) as stored" in column_tooltip(table, album)


def test_in_polish(qtbot: QtBot, polish: None, tmp_path: Path) -> None:
    table = recipients.load(write_students(tmp_path / "studenci.csv"))
    assert "arkusza" in column_tooltip(table, 0).splitlines()[1]


def test_an_edited_cell_and_the_send_box(qtbot: QtBot, tmp_path: Path) -> None:
    table = recipients.load(write_students(tmp_path / "studenci.csv"))
    assert cell_tooltip(table, 0, 0) is None  # nothing to say
    original = table.value(0, 0)
    table.set_value(0, 0, "Ania")
    tip = cell_tooltip(table, 0, 0)
    assert tip == f"Edited here; the file has “{original}”.\nThe file itself is never changed."
    assert include_tooltip(table, 0) == "Included: this row receives the message."
    table.set_included([0], False)
    assert include_tooltip(table, 0) == "Excluded: nothing is sent to this row."
