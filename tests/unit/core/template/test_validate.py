"""``check_all``: every problem of every included recipient, fast, cancellable."""

from __future__ import annotations

import time

import pytest

from tests.helpers.tables import DEMO_COLUMNS, demo_rows, make_table
from usosmail_gui.core.recipients import Code as ListCode
from usosmail_gui.core.template import (
    CheckCancelled,
    CheckProgress,
    Code,
    MessageTemplate,
    check_all,
    check_row,
    check_steps,
    compile_template,
)

ROWS = [
    ["Anna", "Nowak", "100001", "anna@example.edu.pl", "Fizyka", "1"],  # row 2: fine
    ["Jan", "", "100002", "jan@example.edu.pl", "Chemia", "2"],  # row 3: empty surname (warning)
    ["Ewa", "Kowalska", "100003", "ewa@", "Biologia", "3"],  # row 4: invalid address
    ["Ola", "Łęcka", "100004", "ola@example.edu.pl", "Fizyka\nBcc: x@y.pl", "4"],  # row 5: subject injection
    ["Piotr", "Żak", "100005", "piotr@example.edu.pl", "K" * 195, "5"],  # row 6: subject too long
]
TEMPLATE = MessageTemplate("Decyzja – {Kierunek}", "Dzień dobry {Imię} {Nazwisko}, nr albumu {Nr albumu}.")


def test_every_problem_of_every_recipient_in_order() -> None:
    table = make_table(ROWS)
    result = check_all(TEMPLATE, table)
    assert [(p.row, p.code) for p in result.problems] == [
        (3, Code.EMPTY_VALUE),
        (4, ListCode.EMAIL_INVALID),
        (5, Code.SUBJECT_LINE_BREAK),
        (6, Code.SUBJECT_TOO_LONG),
    ]
    assert result.recipients == 5
    assert result.sendable_rows == (0, 1)  # indices: rows 2 and 3 (a warning does not block)
    assert result.blocked_rows == (2, 3, 4)
    assert result.sendable == 2 and result.blocks
    assert [p.code for p in result.problems_of(3)] == [Code.SUBJECT_LINE_BREAK]
    assert result.problems_of(2) == ()  # its e-mail problem is the list's, not the template's
    assert result.to_json()["sendable"] == 2
    assert result.to_json()["problems"][0] == result.problems[0].to_json()


def test_a_template_error_blocks_everyone() -> None:
    table = make_table(ROWS[:2])
    result = check_all(MessageTemplate("Temat", "Dzień dobry {Imie}"), table)
    assert result.template_blocks and result.sendable == 0 and result.blocked_rows == (0, 1)
    assert result.problems[0].code == Code.UNKNOWN_PLACEHOLDER and result.problems[0].row is None


def test_excluded_rows_are_not_checked() -> None:
    table = make_table(ROWS)
    table.set_included([3, 4], False)
    result = check_all(TEMPLATE, table)
    assert {p.row for p in result.problems} == {3, 4}
    assert result.blocked_rows == (2,) and result.sendable_rows == (0, 1)


def test_nothing_wrong_nothing_blocks() -> None:
    result = check_all(TEMPLATE, make_table(ROWS[:1]))
    assert result.problems == () and not result.blocks and result.sendable == 1


def test_the_list_without_an_email_column_blocks() -> None:
    table = make_table([row[:3] for row in ROWS[:2]], headers=["Imię", "Nazwisko", "Nr albumu"])
    result = check_all(MessageTemplate("T", "{Imię}"), table)
    assert result.problems[0].code == ListCode.NO_EMAIL_COLUMN and result.sendable == 0 and result.blocks


def test_check_all_agrees_with_check_row_for_every_row() -> None:
    rows = demo_rows(300)
    for i in range(0, 300, 7):
        rows[i][1] = ""  # empty surname
    for i in range(3, 300, 11):
        rows[i][4] = "Fizyka\ni chemia"  # line break in a subject value
    for i in range(5, 300, 13):
        rows[i][5] = "x" if i % 2 else "40"  # a width that fails, a width that is long
    template = MessageTemplate(
        "{Kierunek} {Nazwisko!r}",
        "Dzień dobry {Imię} {Nazwisko}, [{Imię:>{Rok}}] {Nr albumu} " * 3 + "x" * 14_800,
    )
    table = make_table(rows)
    compiled = compile_template(template, table.columns)
    result = check_all(compiled, table)
    assert result.problems, "the rows above have problems"
    for row in range(table.row_count):
        direct = check_row(compiled, table.params(row), table.row_number(row), table.cell_errors(row))
        assert result.problems_of(row) == direct, row


def test_progress_and_cancellation() -> None:
    table = make_table(demo_rows(25_000))
    steps = check_steps(TEMPLATE, table, chunk=5_000)
    seen: list[CheckProgress] = []
    for _ in range(3):
        seen.append(next(steps))
    steps.close()  # the worker drops the generator: that is cancelling
    assert [p.done for p in seen] == [0, 5_000, 10_000]
    assert seen[1].fraction == pytest.approx(0.2) and "5,000 of 25,000" in seen[1].text()

    calls: list[CheckProgress] = []
    with pytest.raises(CheckCancelled):
        check_all(TEMPLATE, table, progress=calls.append, cancelled=lambda: len(calls) >= 1)
    reported: list[CheckProgress] = []
    check_all(TEMPLATE, table, progress=reported.append)
    assert reported[-1].done == reported[-1].total == 25_000


def test_a_template_compiled_for_other_columns_is_compiled_again() -> None:
    compiled = compile_template(TEMPLATE, ["Imię"])  # unknown placeholders against these
    assert compiled.blocks
    result = check_all(compiled, make_table(ROWS[:1]))
    assert not result.blocks


def test_fifty_thousand_recipients_validate_quickly() -> None:
    """The issue's budget: 50k recipients, a 1,500-character template, on every pause in
    typing. Measured ~0.1 s; the bound is generous for slow CI machines."""
    table = make_table(demo_rows(50_000))
    paragraph = "Uprzejmie informujemy, że {Imię} {Nazwisko} (nr albumu {Nr albumu}, {Kierunek}, rok {Rok}) "
    content = paragraph * (1_500 // len(paragraph))
    content += "." * (1_500 - len(content))
    template = MessageTemplate("Decyzja dla {Imię} {Nazwisko}", content)
    compiled = compile_template(template, table.columns)
    assert not compiled.blocks
    started = time.perf_counter()
    result = check_all(compiled, table)
    elapsed = time.perf_counter() - started
    assert result.sendable == 50_000
    assert elapsed < 2.0, f"{elapsed:.2f} s"


def test_an_error_cell_the_template_uses_blocks_its_row_unless_the_row_is_left_out() -> None:
    """A cell showing #N/A would put "#N/A" in that student's letter; a left-out row is not checked."""
    from pathlib import Path

    from usosmail_gui.core.recipients import FileKind, ListFacts, RecipientTable, SourceInfo, make_columns

    rows = [row[:] for row in ROWS[:3]]
    rows[1][5] = rows[2][5] = "#N/A"
    table = RecipientTable(
        source=SourceInfo(path=Path("memory.xlsx"), kind=FileKind.XLSX, header_row=1),
        columns=make_columns(DEMO_COLUMNS, list(range(len(DEMO_COLUMNS)))),
        data=[[row[i] for row in rows] for i in range(len(DEMO_COLUMNS))],
        row_numbers=[2, 3, 4],
        email_column=3,
        facts=ListFacts(errors={(1, 5): "#N/A", (2, 5): "#N/A"}),
    )
    for _ in table.check_steps():
        pass
    table.set_included([2], False)
    result = check_all(MessageTemplate("Rok {Rok}", "Dzień dobry {Imię}"), table)
    assert [(p.row, p.code, p.field) for p in result.problems] == [(3, Code.ERROR_VALUE, "Rok")]
    assert "#N/A" in result.problems[0].message
    assert result.sendable_rows == (0,) and result.blocked_rows == (1,)
    # a template that does not use the column is not stopped by it
    assert check_all(MessageTemplate("Temat", "Dzień dobry {Imię}"), table).problems == ()
