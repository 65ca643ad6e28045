"""core/recipients/address_problems: a row's problems from its e-mail cell's verdict, their
counts without their texts, the list's own problem."""

from __future__ import annotations

import pytest

from usosmail_gui.core.problems import Severity
from usosmail_gui.core.recipients.address_problems import (
    FIXABLE_CODES,
    Code,
    no_email_column_problem,
    problem_counts,
    row_problems,
)
from usosmail_gui.core.recipients.emails import EmailChecker, as_verdict

CHECK = EmailChecker().check_cells


def problems_of(cell: str, duplicates: tuple[tuple[str, int], ...] = ()) -> list[tuple[str, Severity]]:
    verdict = as_verdict(CHECK([cell])[0])
    found = row_problems(verdict, duplicates, number=7, field="E-mail", first_number=[2, 3, 4])
    assert all(p.row == 7 and p.field == "E-mail" for p in found)
    return [(p.code, p.severity) for p in found]


def test_an_empty_cell_is_an_error() -> None:
    assert problems_of("") == [(Code.EMAIL_MISSING, Severity.ERROR)]


def test_an_invalid_address_is_an_error_and_a_pipe_has_a_quick_fix() -> None:
    assert problems_of("ola@student") == [(Code.EMAIL_INVALID, Severity.ERROR)]
    verdict = as_verdict(CHECK(["jan@example.edu.pl|ewa@example.edu.pl"])[0])
    (problem,) = row_problems(verdict, (), number=2, field="E-mail", first_number=[2])
    assert problem.code in FIXABLE_CODES
    assert problem.suggestion == "jan@example.edu.pl, ewa@example.edu.pl"


def test_two_addresses_and_a_duplicate_of_an_earlier_row_are_warnings() -> None:
    cell = "jan@example.edu.pl; ewa@example.edu.pl"
    found = problems_of(cell, (("jan@example.edu.pl", 1),))
    assert found == [(Code.EMAIL_MULTIPLE, Severity.WARNING), (Code.EMAIL_DUPLICATE, Severity.WARNING)]
    verdict = as_verdict(CHECK([cell])[0])
    texts = row_problems(verdict, (("jan@example.edu.pl", 1),), number=7, field="E-mail", first_number=[2, 3])
    assert "row 3" in texts[-1].message  # the earlier row by its number in the sheet


@pytest.mark.parametrize(
    "cell",
    [
        "",
        "ola@student",
        "jan@example.edu.pl",
        "jan@example.edu.pl; ewa@example.edu.pl",
        "łukasz@example.edu.pl",
    ],
)
def test_the_counts_agree_with_the_problems(cell: str) -> None:
    raw = CHECK([cell])[0]
    duplicates = (("jan@example.edu.pl", 0),) if "jan@" in cell else ()
    built = row_problems(as_verdict(raw), duplicates, number=2, field="E-mail", first_number=[2])
    errors = sum(1 for p in built if p.is_error)
    assert problem_counts(raw, len(duplicates)) == (errors, len(built) - errors)


def test_a_list_without_an_email_column_says_so() -> None:
    problem = no_email_column_problem()
    assert problem.row is None and problem.code == Code.NO_EMAIL_COLUMN and problem.is_error
    assert "e-mail" in problem.message
