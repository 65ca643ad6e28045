"""Cell values as the text the user sees in the spreadsheet.

python-calamine gives Python values: every number of an xlsx is a float, dates are
``date``/``datetime``/``time`` objects, booleans are ``bool``, empty cells are ``""``, and
formulas arrive as their cached values. A recipient list is text (a template puts it in a
message), so each value becomes what the sheet shows: ``12345`` not ``12345.0``, 15
significant digits like Excel's "General" format (``0.3`` not ``0.30000000000000004``),
ISO dates, ``TRUE``/``FALSE``.

Why columns and ``type()`` dispatch: a 50,000-row sheet has 400,000 cells and the loader
may add at most a third to calamine's own read time. Most columns hold a single type, so
a whole column is converted with one C-level ``map`` and no Python call per cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["column_index", "column_letter", "format_cell", "format_column"]

_MEMO_MIN = 1000
_GENERAL = ".15g"  # Excel's "General" number format shows at most 15 significant digits


def _format_float(value: float) -> str:
    text = format(value, _GENERAL)
    return "0" if text == "-0" else text


def _format_bool(value: bool) -> str:
    return "TRUE" if value else "FALSE"


def _format_datetime(value: dt.datetime) -> str:
    if value.second or value.microsecond:
        return f"{value:%Y-%m-%d %H:%M:%S}"
    return f"{value:%Y-%m-%d %H:%M}"


def _format_time(value: dt.time) -> str:
    if value.second or value.microsecond:
        return f"{value:%H:%M:%S}"
    return f"{value:%H:%M}"


def _format_timedelta(value: dt.timedelta) -> str:
    """A duration as ``[h]:mm`` (``[h]:mm:ss`` when it has seconds), like Excel shows it."""
    seconds = round(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if secs:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{hours}:{minutes:02d}"


_FORMATTERS: dict[type, Callable[[object], str]] = {
    str: lambda v: v,  # type: ignore[dict-item,return-value]
    float: _format_float,  # type: ignore[dict-item]
    int: str,
    bool: _format_bool,  # type: ignore[dict-item]
    dt.date: dt.date.isoformat,  # type: ignore[dict-item]
    dt.datetime: _format_datetime,  # type: ignore[dict-item]
    dt.time: _format_time,  # type: ignore[dict-item]
    dt.timedelta: _format_timedelta,  # type: ignore[dict-item]
    type(None): lambda _v: "",
}


def format_cell(value: object) -> str:
    """One cell as the text the user sees (see the module docstring for the rules)."""
    formatter = _FORMATTERS.get(type(value))
    if formatter is not None:
        return formatter(value)
    # subclasses (numpy scalars, pandas timestamps) and anything calamine adds later
    for kind, fmt in _FORMATTERS.items():
        if kind is not type(None) and isinstance(value, kind):
            return fmt(value)
    return str(value)


def _format_floats(values: Sequence[float]) -> list[str]:
    """A column of floats: integers through ``int``, the rest through ``repr`` (both C-level),
    falling back to the "General" format only for the values where they could differ."""
    if all(map(float.is_integer, values)) and min(values) > -1e15 and max(values) < 1e15:
        return list(map(str, map(int, values)))
    texts = list(map(float.__repr__, values))
    # repr is the shortest text that reads back as the same float; with at most 15
    # characters (no exponent, no ".0" of an integer) it is what .15g shows
    if max(map(len, texts)) > 15 or "e" in (joined := "\n".join(texts) + "\n") or ".0\n" in joined:
        for i, text in enumerate(texts):
            if len(text) > 15 or "e" in text or text.endswith(".0"):
                texts[i] = _format_float(values[i])
    return texts


def format_column(values: Sequence[Any], kinds: set[type] | None = None) -> Sequence[str]:
    """A whole column as text, choosing the cheapest conversion its types allow.

    A column of strings is returned as is (no copy). The result is a sequence of exactly
    ``len(values)`` strings; it may be the input object itself. ``kinds``: the values'
    types, when known already.
    """
    if kinds is None:
        kinds = set(map(type, values))
    if kinds == {str}:
        return values
    # most columns repeat a few values (year of study, grade, date of a test): format
    # each distinct value once, then one dictionary look-up per cell (C-level). Only with
    # a single non-text type: 1, 1.0 and True are one key to a dict.
    if (
        len(kinds - {str}) == 1
        and len(values) >= _MEMO_MIN
        and len(set(values[:_MEMO_MIN])) < _MEMO_MIN * 0.95  # repeats already in a sample
    ):
        distinct = list(set(values))
        if len(distinct) * 2 <= len(values):
            table = dict(zip(distinct, format_column(distinct), strict=True))
            return list(map(table.__getitem__, values))
    if kinds == {float}:
        return _format_floats(values)
    if kinds == {dt.date}:
        return list(map(dt.date.isoformat, values))
    if kinds <= {float, str}:
        return [v if v.__class__ is str else _format_float(v) for v in values]
    if kinds <= {int, str}:
        return [v if v.__class__ is str else str(v) for v in values]
    if kinds <= {dt.date, str}:
        return [v if v.__class__ is str else v.isoformat() for v in values]
    return [v if v.__class__ is str else format_cell(v) for v in values]


def column_letter(index: int) -> str:
    """The spreadsheet's name of a 0-based column index: 0 → A, 25 → Z, 26 → AA."""
    if index < 0:
        raise ValueError(f"column index must not be negative: {index}")
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """The 0-based index of a column letter: A → 0, Z → 25, AA → 26."""
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1
