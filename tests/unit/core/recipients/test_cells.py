"""Cells as the text the user sees: no 12345.0, 15 significant digits, ISO dates, TRUE."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from usosmail_gui.core.recipients import column_letter, format_cell, format_column


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (12345.0, "12345"),
        (100000.0, "100000"),
        (90010112345.0, "90010112345"),  # a PESEL stored as a number
        (4.5, "4.5"),
        (0.1 + 0.2, "0.3"),  # Excel's General format: 15 significant digits
        (-0.0, "0"),
        (1e20, "1e+20"),
        (1e-7, "1e-07"),
        (7, "7"),  # .xls gives ints
        (True, "TRUE"),
        (False, "FALSE"),
        (dt.date(2024, 1, 2), "2024-01-02"),
        (dt.datetime(2024, 1, 2, 13, 45), "2024-01-02 13:45"),
        (dt.datetime(2024, 1, 2, 13, 45, 12), "2024-01-02 13:45:12"),
        (dt.time(8, 30), "08:30"),
        (dt.time(8, 30, 15), "08:30:15"),
        (dt.timedelta(hours=26, minutes=30), "26:30"),
        (dt.timedelta(minutes=1, seconds=5), "0:01:05"),
        ("000123", "000123"),
        ("", ""),
        (None, ""),
    ],
)
def test_format_cell(value: object, text: str) -> None:
    assert format_cell(value) == text
    assert list(format_column([value] * 3)) == [text] * 3


def test_a_column_of_strings_is_returned_without_a_copy() -> None:
    column = ["a", "b", "000123"]
    assert format_column(column) is column


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=60))
def test_a_float_column_reads_like_each_cell_alone(values: list[float]) -> None:
    assert list(format_column(values)) == [format_cell(v) for v in values]


@given(
    st.lists(
        st.one_of(
            st.floats(allow_nan=False, allow_infinity=False),
            st.integers(-(10**18), 10**18),
            st.booleans(),
            st.dates(),
            st.datetimes(),
            st.times(),
            st.sampled_from(["", "x", "000123", "4,5"]),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_any_mixed_column_reads_like_each_cell_alone(values: list[object]) -> None:
    assert list(format_column(values)) == [format_cell(v) for v in values]


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=32), min_size=1, max_size=8))
def test_repeated_values_are_formatted_once_and_still_right(distinct: list[float]) -> None:
    values = distinct * (1 + 1200 // len(distinct))  # long and repetitive: the memo path
    assert list(format_column(values)) == [format_cell(v) for v in values]


def test_many_repeated_dates_with_blanks() -> None:
    values: list[object] = [dt.date(2024, 6, 1 + i % 3) for i in range(2000)] + [""]
    assert list(format_column(values)) == [format_cell(v) for v in values]


@pytest.mark.parametrize(
    ("index", "letter"), [(0, "A"), (2, "C"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")]
)
def test_column_letter(index: int, letter: str) -> None:
    assert column_letter(index) == letter
