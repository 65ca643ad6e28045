"""Cells exactly as the sheet shows them (issue 15): a differential test against LibreOffice.

The fixtures in tests/fixtures/recipients/formats were written by openpyxl and by
LibreOffice (``make_formats.py``), the .xlsb by a small BIFF12 writer (``make_xlsb.py``:
nothing else here writes one), and LibreOffice saved once, next to each, what it
displays for every cell in Polish and in English (``<file>.pl.csv``, ``<file>.en.csv``:
its CSV export "as shown"). Loading a fixture in a language must give the same text, cell
for cell. Some cells are compared differently, on purpose: a vertically merged cell gives
its value to the rows it covers (LibreOffice shows them empty); the formulas of the
openpyxl file have no stored results (openpyxl computes nothing; LibreOffice computes
them when it opens the file); and in the .xls LibreOffice shows a BOOLERR record's truth
value as 1/0 and every error it holds as #N/A, where Excel shows TRUE/FALSE and the error
the record names: the app shows what the file says, as Excel does. The .xlsb is compared
cell for cell, every column (its formulas have their results stored, its rows 6 and 7 are
hidden by hand: it has no autofilter).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
from usosmail_gui.core.recipients import FileKind, load
from usosmail_gui.core.recipients.cells import column_letter

FORMATS = RECIPIENT_FIXTURES / "formats"
FILES = {
    "formats-openpyxl.xlsx": FileKind.XLSX,
    "formats-lo.xlsx": FileKind.XLSX,
    "formats.ods": FileKind.ODS,
    "formats.xls": FileKind.XLS,
    "formats.xlsb": FileKind.XLSB,
}


def libreoffice_shows(path: Path) -> dict[tuple[int, str], str]:
    """(row number, column letter) -> the text LibreOffice displays."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return {
        (number, column_letter(j)): text
        for number, row in enumerate(rows, start=1)
        for j, text in enumerate(row)
    }


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("name", list(FILES))
def test_every_cell_is_what_libreoffice_shows(name: str, language: str) -> None:
    table = load(FORMATS / name, language=language)
    assert table.source.kind is FILES[name]
    shown = libreoffice_shows(FORMATS / f"{name}.{language}.csv")
    assert [c.name for c in table.columns] == [shown[(1, c.letter)] for c in table.columns]
    differences = []
    compared = 0
    for row in range(table.row_count):
        number = table.row_number(row)
        for column in table.columns:
            if table.is_merged_cell(row, column.index):
                continue
            if name == "formats-openpyxl.xlsx" and column.name == "Formuła":
                continue
            if name == "formats.xls" and column.name in ("Zaliczone", "Błąd"):
                continue
            expected = shown.get((number, column.letter), "")
            actual = table.value(row, column.index)
            compared += 1
            if actual != expected:
                differences.append(f"{column.letter}{number} {column.name}: {actual!r} != {expected!r}")
    assert not differences, "\n".join(differences)
    assert compared >= 7 * 34


@pytest.mark.parametrize("name", list(FILES))
def test_what_libreoffice_does_not_show_is_marked(name: str) -> None:
    table = load(FORMATS / name, language="pl")
    group = table.find_column("Grupa")
    assert group is not None
    # C2:C4 is one merged cell "G1": the rows it covers get its value, marked so
    assert [table.value(r, group) for r in range(4)] == ["G1", "G1", "G1", "G2"]
    assert [table.is_merged_cell(r, group) for r in range(4)] == [False, True, True, False]
    # row 6 hidden by hand, row 7 by the autofilter: loaded, marked, left out
    assert [table.row_number(r) for r in table.hidden_rows] == [6, 7]
    assert [table.is_included(r) for r in range(7)] == [True, True, True, True, False, False, True]
    # the stored values stay one switch away
    album = table.find_column("Nr albumu")
    assert album is not None and table.value(0, album) == "012345"
    assert table.set_shows_stored(album, True)
    assert table.value(0, album) == "12345"
    assert table.params(0)["Nr albumu"] == "12345"


def test_raw_values_give_every_column_as_stored() -> None:
    table = load(FORMATS / "formats.ods", language="pl", raw_values=True)
    row = table.record(0)
    assert (row["Nr albumu"], row["Procent2"], row["Data"], row["Ocena"]) == (
        "12345", "0.8512", "2024-06-17", "4.5"
    )


def test_error_cells_show_their_text() -> None:
    table = load(FORMATS / "formats-lo.xlsx", language="en")
    error = table.find_column("Błąd")
    assert error is not None
    assert [table.cell_error(r, error) for r in range(3)] == ["#N/A", None, "#DIV/0!"]
    assert table.error_rows(error) == [0, 2, 4]


def test_xls_truth_values_and_errors_as_the_file_says() -> None:
    table = load(FORMATS / "formats.xls", language="pl")
    passed, error = table.find_column("Zaliczone"), table.find_column("Błąd")
    assert passed is not None and error is not None
    assert [table.value(r, passed) for r in range(3)] == ["PRAWDA", "FAŁSZ", "PRAWDA"]
    assert [table.value(r, error) for r in range(5)] == ["#N/A", "", "#DIV/0!", "", "#VALUE!"]
