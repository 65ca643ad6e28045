"""The loaded table: problems per row, duplicates, include flags, edits, search and sort."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from usosmail_gui.core.problems import Severity
from usosmail_gui.core.recipients import Code, RecipientTable, RowKey, load

Make = Callable[..., Path]

ROWS = [
    ["Imię", "Nazwisko", "E-mail", "Ocena 1.5"],
    ["Jan", "Kowalski", "jan@student.example.edu.pl", "4,5"],  # row 2
    ["Ewa", "Nowak", "", "3"],  # row 3: no address
    ["Ola", "Łęcka", "ola@student", "5"],  # row 4: invalid
    ["Jan", "Kowalski (2)", "JAN@Student.Example.EDU.pl", "10"],  # row 5: duplicate of row 2
    ["Piotr", "Żak", "piotr@student.example.edu.pl; p.zak@example.com", "2"],  # row 6: two addresses
    ["Zofia", "Ąbel", "\u00a0zofia@student.example.edu.pl\u200b ", ""],  # row 7: needs cleaning
]


@pytest.fixture
def table(xlsx: Make) -> RecipientTable:
    return load(xlsx(ROWS))


def codes(table: RecipientTable, row_number: int) -> list[str]:
    index = table.row_index(row_number)
    assert index is not None
    return [p.code for p in table.problems(index)]


def test_problems_per_row(table: RecipientTable) -> None:
    assert codes(table, 2) == []
    assert codes(table, 3) == [Code.EMAIL_MISSING]
    assert codes(table, 4) == [Code.EMAIL_INVALID]
    assert codes(table, 5) == [Code.EMAIL_DUPLICATE]
    assert codes(table, 6) == [Code.EMAIL_MULTIPLE]
    assert codes(table, 7) == []
    assert table.emails(5) == ("zofia@student.example.edu.pl",)  # NBSP and zero-width space gone


def test_problem_messages_are_plain_words_with_rows_and_fields(table: RecipientTable) -> None:
    missing, invalid, duplicate, multiple = (table.problems(i)[0] for i in (1, 2, 3, 4))
    assert (missing.row, missing.field, missing.severity) == (3, "E-mail", Severity.ERROR)
    assert "No e-mail address" in missing.message and "exclude the row" in missing.message
    assert invalid.severity is Severity.ERROR
    assert "“ola@student” is not a valid e-mail address" in invalid.message
    assert "period" in invalid.message  # what is wrong, from email-validator
    assert duplicate.severity is Severity.WARNING
    assert "already in row 2" in duplicate.message and "receives nothing" in duplicate.message
    assert multiple.severity is Severity.WARNING
    assert "2 addresses" in multiple.message and "each of them receives" in multiple.message


def test_who_receives(table: RecipientTable) -> None:
    assert [table.will_receive(i) for i in range(len(table))] == [True, False, False, False, True, True]
    assert table.recipients(0) == ("jan@student.example.edu.pl",)
    assert table.recipients(3) == ()  # the duplicate is skipped; the first stays sendable
    assert table.recipients(4) == ("piotr@student.example.edu.pl", "p.zak@example.com")
    assert table.sendable_rows() == [0, 4, 5]
    summary = table.summary()
    assert (summary.recipients, summary.will_receive, summary.errors, summary.warnings) == (6, 3, 2, 2)
    assert summary.text() == "6 recipients · 3 will receive · 4 problems"


def test_excluding_the_first_makes_the_duplicate_sendable(table: RecipientTable) -> None:
    changed = table.set_included([0], False)
    assert changed == [0, 3]  # the excluded row and the row whose duplicate is gone
    assert table.will_receive(3) and codes(table, 5) == []
    assert table.recipients(3) == ("JAN@student.example.edu.pl",)
    assert table.summary().excluded == 1
    table.set_included([0], True)
    assert not table.will_receive(3) and codes(table, 5) == [Code.EMAIL_DUPLICATE]
    assert table.set_included([0], True) == []  # nothing changed


def test_excluded_rows_do_not_count_as_problems(table: RecipientTable) -> None:
    table.set_included([1, 2], False)
    assert table.summary().problems == 2
    assert len(table.all_problems()) == 4  # still listed


def test_a_duplicate_inside_a_multi_address_cell_only_skips_that_address(xlsx: Make) -> None:
    rows = [["E-mail"], ["a@example.com"], ["b@example.com; A@example.com"], ["c@example.com, c@example.com"]]
    table = load(xlsx(rows))
    assert table.recipients(1) == ("b@example.com",)
    (duplicate, _multiple) = sorted(table.problems(1), key=lambda p: p.code)
    assert "A@example.com is already in row 2" in duplicate.message
    assert "not sent to it again" in duplicate.message
    assert [p.code for p in table.problems(2)] == [Code.EMAIL_DUPLICATE]
    assert "written twice in this cell" in table.problems(2)[0].message
    assert table.recipients(2) == ("c@example.com",)


def test_an_invalid_address_blocks_the_whole_row(xlsx: Make) -> None:
    table = load(xlsx([["E-mail"], ["ok@example.com; nope"]]))
    assert not table.will_receive(0) and table.emails(0) == ("ok@example.com",)
    (problem,) = table.problems(0)
    assert problem.code == Code.EMAIL_INVALID and "Nothing is sent to this row" in problem.message


def test_edits_are_an_overlay(table: RecipientTable) -> None:
    assert table.set_value(0, 1, "Kowalski-Nowak") == [0]
    assert table.value(0, 1) == "Kowalski-Nowak" and table.original_value(0, 1) == "Kowalski"
    assert table.is_edited(0, 1) and table.edits == {(0, 1): "Kowalski-Nowak"}
    assert table.revert_value(0, 1) == [0]
    assert not table.is_edited(0, 1) and table.edits == {}
    assert table.set_value(0, 1, "Kowalski") == []


def test_editing_an_address_rechecks_the_row_and_its_duplicates(table: RecipientTable) -> None:
    changed = table.set_value(1, 2, "ewa@student.example.edu.pl")
    assert changed == [1]
    assert table.will_receive(1) and codes(table, 3) == []
    changed = table.set_value(0, 2, "jan.kowalski@student.example.edu.pl")
    assert changed == [0, 3]  # the former duplicate is now the first of its address
    assert table.will_receive(3)
    assert table.summary().will_receive == 5


def test_choosing_another_email_column(table: RecipientTable) -> None:
    table.set_email_column(None)
    assert [p.code for p in table.all_problems()] == [Code.NO_EMAIL_COLUMN]
    assert table.summary().will_receive == 0
    table.set_email_column(2)
    assert table.summary().will_receive == 3


def test_placeholders_and_params(table: RecipientTable) -> None:
    column = table.columns[3]
    assert (column.name, column.placeholder, column.aliased) == ("Ocena 1.5", "Ocena 1_5", True)
    assert table.params(0) == {"Imię": "Jan", "Nazwisko": "Kowalski", "E-mail": "jan@student.example.edu.pl",
                               "Ocena 1_5": "4,5"}
    assert "{Imię} {Ocena 1_5}".format(**table.params(0)) == "Jan 4,5"
    assert table.find_column("ocena 1.5") == 3


def test_search_ignores_case_and_polish_letters(table: RecipientTable) -> None:
    assert table.view("kowalski") == [0, 3]
    assert table.view("KOWALSKI (2)") == [3]
    assert table.view("lecka") == [2]  # "Łęcka"
    assert table.view("łęcka") == [2]
    assert table.view("jan 4,5") == [0]  # every word, anywhere in the row
    assert table.view("abel zofia") == [5]
    assert table.view("nobody") == []
    assert table.view("   ") == list(range(6))


def test_sort_text_numbers_and_empties(table: RecipientTable) -> None:
    names = lambda order: [table.value(i, 1) for i in order]  # noqa: E731
    assert names(table.view(sort_by=1)) == ["Ąbel", "Kowalski", "Kowalski (2)", "Łęcka", "Nowak", "Żak"]
    assert names(table.view(sort_by=1, descending=True)) == [
        "Żak", "Nowak", "Łęcka", "Kowalski (2)", "Kowalski", "Ąbel",
    ]
    grades = lambda order: [table.value(i, 3) for i in order]  # noqa: E731
    assert grades(table.view(sort_by=3)) == ["2", "3", "4,5", "5", "10", ""]  # numbers, empty last
    assert grades(table.view(sort_by=3, descending=True)) == ["10", "5", "4,5", "3", "2", ""]
    firsts = [table.value(i, 0) for i in table.view(sort_by=0)]
    assert firsts == ["Ewa", "Jan", "Jan", "Ola", "Piotr", "Zofia"]
    assert table.view(sort_by=0)[1:3] == [0, 3]  # ties keep the file's order


def test_sort_by_row_problems_and_inclusion(table: RecipientTable) -> None:
    assert table.view(sort_by=RowKey.ROW, descending=True) == [5, 4, 3, 2, 1, 0]
    assert table.view(sort_by=RowKey.PROBLEMS) == [1, 2, 3, 4, 0, 5]  # errors, warnings, the rest
    table.set_included([2], False)
    assert table.view(sort_by=RowKey.INCLUDED)[0] == 2


def test_search_and_sort_follow_edits(table: RecipientTable) -> None:
    table.view("x")
    table.view(sort_by=1)
    table.set_value(5, 1, "Aaronowicz")
    assert table.view("aaron") == [5]
    assert table.view(sort_by=1)[0] == 5
    assert table.view("kowalski", sort_by=1, descending=True) == [3, 0]


def test_to_json_is_the_documented_shape(table: RecipientTable) -> None:
    data = json.loads(json.dumps(table.to_json()))
    assert set(data) == {"columns", "email_column", "rows"}
    assert data["columns"] == ["Imię", "Nazwisko", "E-mail", "Ocena 1.5"]
    assert data["email_column"] == "E-mail"
    first = data["rows"][0]
    assert set(first) == {"row", "values", "emails", "problems"}
    assert first == {
        "row": 2,
        "values": {
            "Imię": "Jan",
            "Nazwisko": "Kowalski",
            "E-mail": "jan@student.example.edu.pl",
            "Ocena 1.5": "4,5",
        },
        "emails": ["jan@student.example.edu.pl"],
        "problems": [],
    }
    missing = data["rows"][1]["problems"][0]
    assert set(missing) == {"row", "code", "severity", "message", "field"}
    assert (missing["row"], missing["code"], missing["severity"]) == (3, "email_missing", "error")


def _table(columns: list[list[str]]) -> RecipientTable:
    from usosmail_gui.core.recipients import FileKind, SourceInfo, make_columns

    names = [f"c{i}" for i in range(len(columns))]
    return RecipientTable(
        source=SourceInfo(path=Path("x.csv"), kind=FileKind.CSV),
        columns=make_columns(names, list(range(len(columns)))),
        data=columns,
        row_numbers=list(range(2, 2 + len(columns[0]))),
        email_column=None,
    )


_CELL = st.one_of(
    st.text(alphabet="aAąĄbłŁzżŹ -.,0123456789", max_size=6),
    st.sampled_from(["", "10", "9", "4,5", "-1", "1e3", "Żak", "zak", "Łódź", "lodz", "Ёлка", "nan", "1_0"]),
)


@settings(max_examples=120)
@given(
    st.integers(1, 3).flatmap(
        lambda w: st.lists(st.lists(_CELL, min_size=w, max_size=w), min_size=1, max_size=15)
    )
)
def test_view_agrees_with_a_plain_reference(rows: list[list[str]]) -> None:
    from usosmail_gui.core.recipients.ordering import fold_for_search, sort_key

    columns = [list(c) for c in zip(*rows, strict=True)]
    table = _table(columns)
    n = len(rows)
    for query in ("a", "ł", "zak 1", "LODZ", ""):
        words = fold_for_search(query).split()
        expected = [i for i in range(n) if all(w in fold_for_search("\x1f".join(rows[i])) for w in words)]
        assert table.view(query) == expected
    for c, values in enumerate(columns):
        filled = [i for i in range(n) if values[i]]
        empty = [i for i in range(n) if not values[i]]
        try:
            if any(v.strip().lower() in ("nan", "inf") or "_" in v for v in values):
                raise ValueError("text, not numbers")
            numbers = [float(values[i].replace(",", ".")) for i in filled]
            key = dict(zip(filled, numbers, strict=True))
        except ValueError:
            key = {i: sort_key(values[i]) for i in filled}  # type: ignore[misc]
        ascending = sorted(filled, key=key.__getitem__) + empty
        descending = sorted(filled, key=key.__getitem__, reverse=True) + empty
        assert table.view(sort_by=c) == ascending, values
        assert table.view(sort_by=c, descending=True) == descending, values


def test_summary_counts_agree_with_the_problems_after_every_change() -> None:
    """summary() counts without building problems; it must say what all_problems() lists."""
    from tests.helpers.tables import make_table

    rows = [
        ["Anna", "A", "1", "anna@student.example.edu.pl", "I", "1"],
        ["Jan", "B", "2", "", "I", "1"],
        ["Ewa", "C", "3", "not an address", "I", "1"],
        ["Olek", "D", "4", "o@student.example.edu.pl; p@student.example.edu.pl", "I", "1"],
        ["Ala", "E", "5", "ANNA@student.example.edu.pl", "I", "1"],
        ["Iza", "F", "6", "i@student.example.edu.pl, i@student.example.edu.pl, bad@", "I", "1"],
    ]
    table = make_table(rows)

    def check() -> None:
        problems = table.all_problems(included_only=True)
        summary = table.summary()
        assert summary.errors == sum(p.is_error for p in problems)
        assert summary.warnings == sum(not p.is_error for p in problems)

    check()
    table.set_included([0], False)  # the later ANNA row becomes the first occurrence
    check()
    table.set_included([2, 3], False)
    check()
    table.set_included([0, 2, 3], True)
    email = table.email_column
    assert email is not None
    table.set_value(1, email, "jan@student.example.edu.pl")
    check()
    table.set_value(4, email, "anna@student.example.edu.pl")
    check()
    table.set_email_column(0)
    check()
    table.set_email_column(None)
    check()


def test_derived_columns_keep_the_sheets_facts_of_their_rows() -> None:
    """Letters (core/letters) extend a loaded table: shown/stored values and error cells of
    the sheet must stay with their rows, in a grouped table too."""
    from pathlib import Path

    from usosmail_gui.core.recipients import FileKind, SourceInfo, make_columns
    from usosmail_gui.core.recipients.table import ListFacts, RecipientTable

    columns = make_columns(["Imię", "E-mail", "Ocena"], [0, 1, 2])
    table = RecipientTable(
        source=SourceInfo(path=Path("memory.xlsx"), kind=FileKind.XLSX, header_row=1),
        columns=columns,
        data=[["Anna", "Jan", "Ewa"], ["a@x.edu.pl", "j@x.edu.pl", "e@x.edu.pl"], ["4,50", "#N/A", "3,00"]],
        row_numbers=[2, 3, 4],
        email_column=1,
        facts=ListFacts(stored={2: ["4.5", "", "3"]}, errors={(1, 2): "#N/A"}),
    )
    for _ in table.check_steps():
        pass
    derived = make_columns(["Zwrot"], [3])
    every = table.with_columns(derived, [["Pani", "Panie", "Pani"]])
    assert every.set_shows_stored(2, True)  # a formatted column switches to its stored values
    assert every.stored_values(2) == ["4.5", "", "3"]
    assert list(every.stored_values(3)) == ["Pani", "Panie", "Pani"]  # a derived one is as shown
    assert not table.shows_stored(2)  # the table the letters were made from is unchanged
    assert every.cell_errors(1) == table.cell_errors(1)
    picked = table.with_columns(derived, [["Panie", "Pani"]], rows=[1, 2])
    assert picked.cell_errors(0) == table.cell_errors(1) and picked.cell_errors(1) == table.cell_errors(2)
