"""Files from another writer: .ods, .xls and .xlsx saved by LibreOffice (tests/fixtures/recipients)."""

from __future__ import annotations

import pytest

from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
from usosmail_gui.core.recipients import FileKind, SpreadsheetError, load

EXPECTED = [
    # row, Nr albumu, Imię, Nazwisko, E-mail, Ocena, Data egzaminu, Termin, Punkty (=E*2)
    (4, "000123", "Zażółć", "Gęślą-Jaźń", "zazolc@student.example.edu.pl", "4.5", "2024-06-17",
     "2024-06-17 10:30:00", "9"),
    (5, "104567", "Łukasz", "Wiśniewski", "lukasz.wisniewski@student.example.edu.pl", "3", "2024-06-18",
     "2024-06-18 12:00:15", "6"),
    (7, "104568", "Anna", "Nowak", "anna.nowak@student.example.edu.pl; a.nowak@example.com", "5",
     "2024-06-19", "2024-06-19 09:00:00", "10"),
    (8, "104569", "Ewa", "Kowalska", "", "2", "2024-06-20", "2024-06-20 08:45:00", "4"),
]
TEXT_FORMULA = ["zaliczone", "zaliczone", "zaliczone", "niezaliczone"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [("students.ods", FileKind.ODS), ("students.xls", FileKind.XLS), ("students.xlsx", FileKind.XLSX)],
)
def test_libreoffice_files_read_as_the_sheet_shows_them(name: str, kind: FileKind) -> None:
    table = load(RECIPIENT_FIXTURES / name)
    assert table.source.kind is kind
    assert [s.name for s in table.source.sheets] == ["Pusty", "Studenci", "Notatki"]
    assert table.source.sheet == "Studenci"  # the empty first sheet is skipped
    assert table.source.header_row == 3  # below the merged title and a blank row
    assert table.column_names == [
        "Nr albumu", "Imię", "Nazwisko", "E-mail", "Ocena", "Data egzaminu", "Termin", "Punkty", "Wynik",
    ]
    rows = [(table.row_number(i), *table.row_values(i)[:8]) for i in range(table.row_count)]
    assert rows == EXPECTED
    assert table.emails(2) == ("anna.nowak@student.example.edu.pl", "a.nowak@example.com")
    assert [p.code for p in table.all_problems()] == ["email_multiple", "email_missing"]
    assert table.summary().text() == "4 recipients · 3 will receive · 2 problems"


@pytest.mark.parametrize(
    "name",
    [
        "students.ods",
        "students.xlsx",
        pytest.param(
            "students.xls",
            marks=pytest.mark.xfail(
                reason="python-calamine 0.9 reads the cached value of a text formula in .xls as 0",
                strict=True,
            ),
        ),
    ],
)
def test_text_formulas_show_their_cached_value(name: str) -> None:
    table = load(RECIPIENT_FIXTURES / name)
    assert list(table.column_values(8)) == TEXT_FORMULA


def test_a_password_protected_workbook_is_refused_in_plain_words() -> None:
    with pytest.raises(SpreadsheetError) as caught:
        load(RECIPIENT_FIXTURES / "encrypted.xlsx")
    assert caught.value.reason == "password"
    assert "protected with a password" in str(caught.value)
    assert "without the password" in str(caught.value)
