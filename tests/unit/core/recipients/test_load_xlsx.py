"""Workbooks written by openpyxl the way real exports look, loaded from disk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from usosmail_gui.core.recipients import (
    FileKind,
    LoadCancelled,
    LoadProgress,
    SpreadsheetError,
    Stage,
    list_sheets,
    load,
    load_steps,
)

Make = Callable[..., Path]

HEADER = ["Nr albumu", "Imię", "Nazwisko", "E-mail"]
STUDENTS = [
    [104567, "Łukasz", "Wiśniewski", "lukasz@student.example.edu.pl"],
    [104568, "Zofia", "Żak", "zofia@student.example.edu.pl"],
]


def test_plain_list(xlsx: Make) -> None:
    table = load(xlsx([HEADER, *STUDENTS]))
    assert table.source.kind is FileKind.XLSX
    assert table.column_names == HEADER
    assert table.source.header_row == 1
    assert [table.row_number(i) for i in range(len(table))] == [2, 3]
    assert table.row_values(0) == ["104567", "Łukasz", "Wiśniewski", "lukasz@student.example.edu.pl"]
    assert table.email_column_name == "E-mail"
    assert table.summary().text() == "2 recipients · 2 will receive · 0 problems"


def test_title_row_merged_cells_and_blank_rows_keep_real_row_numbers(xlsx: Make) -> None:
    rows = [["Lista studentów — rok 2024/25"], None, HEADER, STUDENTS[0], None, None, STUDENTS[1]]
    table = load(xlsx(rows, merge=["A1:D1"]))
    assert table.source.header_row == 3
    assert table.column_names == HEADER
    assert list(table.row_numbers) == [4, 7]  # blank rows 5-6 dropped, numbering keeps the gap


def test_data_not_starting_at_a1_keeps_letters_and_numbers(xlsx: Make) -> None:
    table = load(xlsx([HEADER, *STUDENTS], start="C5"))
    assert table.source.header_row == 5
    assert [c.letter for c in table.columns] == ["C", "D", "E", "F"]
    assert list(table.row_numbers) == [6, 7]


def test_blank_columns_are_dropped_and_blank_headers_named_by_letter(xlsx: Make) -> None:
    rows = [
        ["Imię", None, None, "E-mail", None],
        ["Jan", None, "uwaga", "jan@student.example.edu.pl", None],
        ["Ewa", None, None, "ewa@student.example.edu.pl", None],
    ]
    table = load(xlsx(rows))
    assert table.column_names == ["Imię", "Column C", "E-mail"]
    assert [c.letter for c in table.columns] == ["A", "C", "D"]


def test_cells_read_as_the_user_sees_them(xlsx: Make) -> None:
    rows = [
        ["Nr albumu", "PESEL", "Ocena", "Egzamin", "Termin", "Godzina", "Zaliczone", "Kod", "E-mail"],
        [104567, 90010112345, 4.5, dt.date(2024, 6, 17), dt.datetime(2024, 6, 17, 10, 30),
         dt.time(9, 15), True, "000123", "a@student.example.edu.pl"],
        [104568, 91020254321, 3.0, dt.date(2024, 6, 18), dt.datetime(2024, 6, 18, 8, 0, 5),
         dt.time(12, 0), False, "007", "b@student.example.edu.pl"],
    ]
    table = load(xlsx(rows))
    # openpyxl gives dates "yyyy-mm-dd", date-times "yyyy-mm-dd h:mm:ss", times "h:mm:ss"
    assert table.row_values(0) == ["104567", "90010112345", "4.5", "2024-06-17", "2024-06-17 10:30:00",
                                   "9:15:00", "TRUE", "000123", "a@student.example.edu.pl"]
    assert table.row_values(1)[:7] == ["104568", "91020254321", "3", "2024-06-18", "2024-06-18 8:00:05",
                                       "12:00:00", "FALSE"]
    stored = load(xlsx(rows), raw_values=True)
    assert stored.row_values(0)[:6] == ["104567", "90010112345", "4.5", "2024-06-17", "2024-06-17 10:30",
                                        "09:15"]
    for row in range(2):
        for value in table.row_values(row):
            assert not value.endswith(".0") and value != "nan"


def test_the_first_non_empty_sheet_is_the_default_and_others_can_be_chosen(xlsx: Make) -> None:
    path = xlsx(
        [HEADER, *STUDENTS],
        sheet="Studenci",
        before=[("Pusty", [])],
        after=[("Wykładowcy", [["E-mail"], ["prof@example.edu.pl"]])],
    )
    assert [s.name for s in list_sheets(path)] == ["Pusty", "Studenci", "Wykładowcy"]
    table = load(path)
    assert table.source.sheet == "Studenci"
    other = load(path, sheet="wykładowcy")  # the sheet's name, case ignored
    assert other.source.sheet == "Wykładowcy"
    assert other.emails(0) == ("prof@example.edu.pl",)


def test_a_hidden_sheet_is_not_the_default(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    hidden = wb.active
    assert hidden is not None
    hidden.title = "Ukryty"
    hidden.append(["E-mail"])
    hidden.append(["ukryty@example.com"])
    hidden.sheet_state = "hidden"
    visible = wb.create_sheet("Lista")
    for row in [HEADER, *STUDENTS]:
        visible.append(row)
    wb.save(tmp_path / "hidden.xlsx")
    assert [(s.name, s.hidden) for s in list_sheets(tmp_path / "hidden.xlsx")] == [
        ("Ukryty", True),
        ("Lista", False),
    ]
    assert load(tmp_path / "hidden.xlsx").source.sheet == "Lista"


def test_a_named_sheet_that_does_not_exist_lists_the_sheets(xlsx: Make) -> None:
    path = xlsx([HEADER, *STUDENTS], sheet="Studenci")
    with pytest.raises(SpreadsheetError, match=r"no sheet named “Arkusz9”.*“Studenci”"):
        load(path, sheet="Arkusz9")


def test_an_empty_chosen_sheet_says_so(xlsx: Make) -> None:
    path = xlsx([HEADER, *STUDENTS], sheet="Studenci", before=[("Pusty", [])])
    with pytest.raises(SpreadsheetError, match=r"“Pusty” .* is empty\. Choose another sheet") as caught:
        load(path, sheet="Pusty")
    assert caught.value.reason == "empty_sheet"


def test_header_row_override(xlsx: Make) -> None:
    rows = [["Grupa 1", "Grupa 2"], ["E-mail", "Uwagi"], ["jan@student.example.edu.pl", "x"]]
    path = xlsx(rows)
    assert load(path).source.header_row == 1  # a guess: both rows look like names
    table = load(path, header_row=2)
    assert table.column_names == ["E-mail", "Uwagi"]
    assert not table.source.header_row_detected
    assert list(table.row_numbers) == [3]


def test_header_row_zero_means_no_header(xlsx: Make) -> None:
    table = load(xlsx([["jan@student.example.edu.pl", "Jan"], ["ewa@student.example.edu.pl", "Ewa"]]))
    assert table.source.header_row is None
    assert table.column_names == ["Column A", "Column B"]
    assert list(table.row_numbers) == [1, 2]
    forced = load(xlsx([HEADER, *STUDENTS], name="b.xlsx"), header_row=0)
    assert forced.row_values(0) == HEADER and forced.row_count == 3


@pytest.mark.parametrize(
    ("header_row", "says"), [(9, "below the last row"), (2, "is blank"), (-1, "row number")]
)
def test_a_wrong_header_row_is_explained(xlsx: Make, header_row: int, says: str) -> None:
    path = xlsx([HEADER, None, *STUDENTS])
    with pytest.raises(SpreadsheetError, match=says):
        load(path, header_row=header_row)


def test_email_column_override_by_name_or_letter(xlsx: Make) -> None:
    rows = [["Imię", "Służbowy", "Prywatny"], ["Jan", "jan@example.edu.pl", "jan@example.com"]]
    path = xlsx(rows)
    assert load(path).email_column_name == "Służbowy"  # by content: the first of equals
    assert load(path, email_column="Prywatny").emails(0) == ("jan@example.com",)
    assert load(path, email_column="prywatny").email_column == 2
    assert load(path, email_column="B").email_column == 1
    table = load(path, email_column="C")
    assert not table.source.email_column_detected
    with pytest.raises(SpreadsheetError, match=r"no column “Telefon”.*A: “Imię”"):
        load(path, email_column="Telefon")


def test_a_list_without_an_email_column_loads_with_a_problem(xlsx: Make) -> None:
    table = load(xlsx([["Imię", "Nazwisko"], ["Jan", "Kowalski"]]))
    assert table.email_column is None
    (problem,) = table.all_problems()
    assert problem.row is None and problem.code == "no_email_column" and problem.is_error
    assert table.summary().will_receive == 0


def test_progress_is_reported_and_ends_with_checking(xlsx: Make) -> None:
    reports: list[LoadProgress] = []
    load(xlsx([HEADER, *STUDENTS]), progress=reports.append)
    stages = [r.stage for r in reports]
    assert stages[0] is Stage.OPENING and Stage.READING in stages and stages[-1] is Stage.CHECKING
    assert all(r.text() for r in reports)
    assert all(r.fraction is None or 0 <= r.fraction <= 1 for r in reports)


def test_loading_can_be_cancelled(xlsx: Make) -> None:
    path = xlsx([HEADER, *STUDENTS])
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    with pytest.raises(LoadCancelled):
        load(path, cancelled=cancelled)


def test_the_generator_form_returns_the_table_and_can_be_closed(xlsx: Make) -> None:
    path = xlsx([HEADER, *STUDENTS])
    steps = load_steps(path)
    assert isinstance(next(steps), LoadProgress)
    steps.close()  # what a worker does on cancel: nothing left open
    steps = load_steps(path)
    table = None
    while table is None:
        try:
            next(steps)
        except StopIteration as done:
            table = done.value
    assert table.row_count == 2


def test_xlsm_is_read_like_xlsx(xlsx: Make) -> None:
    path = xlsx([HEADER, *STUDENTS], name="list.xlsm")
    table = load(path)
    assert table.source.kind is FileKind.XLSM and table.row_count == 2


def test_a_workbook_named_csv_is_still_read_as_a_workbook(xlsx: Make) -> None:
    table = load(xlsx([HEADER, *STUDENTS], name="export.csv"))
    assert table.source.kind is FileKind.XLSX and table.row_count == 2
