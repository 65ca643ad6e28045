"""What a sheet column's header says when pointed at: the placeholder that inserts it, its
letter, the e-mail column said so, and shown-or-stored values; in Polish too."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.helpers.recipient_lists import write_students
from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
from usosmail_gui.core import recipients
from usosmail_gui.ui.column_tooltip import column_tooltip


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
