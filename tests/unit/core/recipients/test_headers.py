"""Header row detection, unique column names and placeholder names str.format can use."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from usosmail_gui.core.recipients import is_usable_placeholder, make_columns, placeholder_alias
from usosmail_gui.core.recipients.headers import clean_header, detect_header, find_column

HEADER = ["Nr albumu", "Imię", "Nazwisko", "E-mail"]
DATA = [[104567.0, "Jan", "Kowalski", "jan@student.example.edu.pl"], [104568.0, "Ewa", "Nowak", ""]]


def test_the_header_is_the_first_row_when_there_is_no_title() -> None:
    assert detect_header([HEADER, *DATA]) == 0


def test_title_rows_above_the_header_are_skipped() -> None:
    title = ["Wykaz studentów 2024/25", "", "", ""]  # merged: text in the first cell only
    subtitle = ["Przedmiot:", "Analiza", "", ""]
    assert detect_header([title, subtitle, HEADER, *DATA]) == 2


def test_a_sheet_starting_with_addresses_has_no_header_row() -> None:
    assert detect_header([["jan@student.example.edu.pl"], ["ewa@student.example.edu.pl"]]) is None


def test_a_row_of_numbers_is_data_not_a_header() -> None:
    rows = [["", "", ""], ["2024", "4,5", "12.10.2024"], ["Imię", "Ocena", "Data"], ["Jan", "4", "x"]]
    assert detect_header(rows[1:]) == 1


def test_a_single_column_list_with_a_header() -> None:
    assert detect_header([["E-mail"], ["jan@student.example.edu.pl"]]) == 0


def test_blank_and_repeated_names_become_unique() -> None:
    columns = make_columns(["Imię", "", "imię", "Imię", "Column B"], [0, 1, 2, 3, 4])
    assert [c.name for c in columns] == ["Imię", "Column B (2)", "imię (2)", "Imię (3)", "Column B"]
    assert [c.letter for c in columns] == ["A", "B", "C", "D", "E"]


def test_header_cells_are_one_clean_line() -> None:
    assert clean_header("  Nr\nalbumu\u00a0 ") == "Nr albumu"
    assert clean_header("E\u200b-mail") == "E-mail"
    assert clean_header("Imie\u0328") == "Imię"  # NFC


@pytest.mark.parametrize("name", ["Imię", "Nr albumu", "E-mail", "1st", "-1", "Ocena (2)", "a b c"])
def test_names_used_as_written(name: str) -> None:
    assert is_usable_placeholder(name)
    (column,) = make_columns([name], [0])
    assert column.placeholder == name and not column.aliased
    assert ("{" + name + "}").format(**{name: "ok"}) == "ok"


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("Ocena 1.5", "Ocena 1_5"),
        ("Wynik [%]", "Wynik _%_"),
        ("{x}", "_x_"),
        ("Godz.: 10:00", "Godz__ 10_00"),
        ("Uwaga!", "Uwaga_"),
        ("2024", "_2024"),
    ],
)
def test_names_str_format_cannot_use_get_an_alias(name: str, alias: str) -> None:
    assert not is_usable_placeholder(name)
    assert placeholder_alias(name) == alias
    (column,) = make_columns([name], [0])
    assert column.name == name and column.placeholder == alias and column.aliased


def test_an_alias_never_collides_with_another_column() -> None:
    columns = make_columns(["Ocena 1_5", "Ocena 1.5"], [0, 1])
    assert [c.placeholder for c in columns] == ["Ocena 1_5", "Ocena 1_5 (2)"]


@given(st.lists(st.text(alphabet=string.printable + "ąęłóśźżĄŁ\u00a0.", max_size=12), min_size=1, max_size=8))
def test_any_headers_give_unique_names_and_working_placeholders(headers: list[str]) -> None:
    columns = make_columns(headers, list(range(len(headers))))
    names = [c.name.casefold() for c in columns]
    placeholders = [c.placeholder.casefold() for c in columns]
    assert len(set(names)) == len(names)
    assert len(set(placeholders)) == len(placeholders)
    template = " ".join("{" + c.placeholder + "}" for c in columns)
    values = {c.placeholder: f"<{c.index}>" for c in columns}
    assert template.format(**values) == " ".join(f"<{i}>" for i in range(len(columns)))


def test_find_column_by_name_placeholder_case_or_letter() -> None:
    columns = make_columns(["Imię", "Ocena 1.5", "E-mail"], [0, 1, 3])
    assert find_column(columns, "E-mail") == 2
    assert find_column(columns, "e-MAIL") == 2
    assert find_column(columns, "Ocena 1_5") == 1
    assert find_column(columns, "D") == 2  # the letter as in the sheet (column C was dropped)
    assert find_column(columns, "Z") is None
