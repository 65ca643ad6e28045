"""core/recipients/receiving: duplicates across rows, who receives, which rows have problems
(from real e-mail verdicts)."""

from __future__ import annotations

from usosmail_gui.core.recipients.emails import EmailChecker
from usosmail_gui.core.recipients.receiving import find_duplicates

CHECK = EmailChecker().check_cells


def test_the_first_included_occurrence_wins_and_a_later_one_is_a_problem() -> None:
    verdicts = CHECK(["jan@example.edu.pl", "ewa@example.edu.pl", "JAN@Example.EDU.pl"])
    found = find_duplicates(verdicts, bytearray(b"\x01\x01\x01"), has_email_column=True)
    assert set(found.duplicates) == {2}
    ((address, first),) = found.duplicates[2]
    assert address.casefold() == "jan@example.edu.pl" and first == 0
    assert found.will_receive == 2
    assert found.problem_rows == [2]


def test_excluding_the_first_makes_the_later_one_receive() -> None:
    verdicts = CHECK(["jan@example.edu.pl", "jan@example.edu.pl"])
    found = find_duplicates(verdicts, bytearray(b"\x00\x01"), has_email_column=True)
    assert found.duplicates == {}
    assert found.will_receive == 1
    assert found.problem_rows == []


def test_a_cell_with_one_address_taken_still_receives_at_its_other() -> None:
    verdicts = CHECK(["jan@example.edu.pl", "jan@example.edu.pl; ola@example.edu.pl"])
    found = find_duplicates(verdicts, bytearray(b"\x01\x01"), has_email_column=True)
    assert [first for _, first in found.duplicates[1]] == [0]
    assert found.will_receive == 2
    assert found.problem_rows == [1]


def test_invalid_and_empty_cells_receive_nothing_and_are_problems() -> None:
    verdicts = CHECK(["ola@student", "", "ewa@example.edu.pl"])
    found = find_duplicates(verdicts, bytearray(b"\x01\x01\x01"), has_email_column=True)
    assert found.will_receive == 1
    assert found.problem_rows == [0, 1]


def test_the_common_case_of_distinct_single_addresses() -> None:
    verdicts = CHECK([f"s{i}@example.edu.pl" for i in range(100)])
    found = find_duplicates(verdicts, bytearray(b"\x01") * 100, has_email_column=True)
    assert found.will_receive == 100
    assert found.duplicates == {} and found.problem_rows == []


def test_without_an_email_column_nobody_receives() -> None:
    verdicts = CHECK(["", ""])
    found = find_duplicates(verdicts, bytearray(b"\x01\x01"), has_email_column=False)
    assert found.will_receive == 0
    assert found.problem_rows == []
