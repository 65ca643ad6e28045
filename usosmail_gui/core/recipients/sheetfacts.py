"""What the reader does not say about a sheet: number formats, error cells, hidden rows, merges.

python-calamine gives cell values only: no number format, an error cell (``#N/A``) as an
empty string, no hidden rows, merged ranges only for xlsx and xls. Each format's own module
(``xlsx``, ``ods``, ``xls``, ``xlsb``) finds these facts in the file and fills in one ``SheetFacts``;
``display_column`` then turns a column of values into the text the sheet shows.

Coordinates are the user's: row numbers 1-based as in the sheet, columns 0-based as in the
file (``RawGrid.first_column`` + index).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .cells import format_column
from .numformat import Locale, NumberFormat, compiled, general_number

__all__ = ["ColumnDisplay", "SheetFacts", "display_column", "durations", "general_column", "numbers_in"]


@dataclass(slots=True)
class SheetFacts:
    """Facts about one sheet beyond its values (all optional: a CSV has none)."""

    # file column -> the format code every number/date cell of it has
    column_codes: dict[int, str] = field(default_factory=dict)
    # file column -> {row number -> format code}, for columns whose cells differ
    cell_codes: dict[int, dict[int, str]] = field(default_factory=dict)
    # (row number, file column) -> the error's text ("#N/A", "#DIV/0!")
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    # (row number, file column) of cells whose number is a truth value (an .ods "=TRUE()")
    booleans: set[tuple[int, int]] = field(default_factory=set)
    iso_durations: bool = False  # times over a day come as "PT30H00M00S" (calamine's .ods)
    # merged ranges: (first row, first column, last row, last column), inclusive
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def codes_for(self, column: int) -> str | Mapping[int, str] | None:
        return self.column_codes.get(column) or self.cell_codes.get(column)


@dataclass(slots=True)
class ColumnDisplay:
    """A column as shown, with what the user should know about how it was made."""

    texts: Sequence[str]
    unrendered: tuple[str, ...] = ()  # format codes shown as the stored value instead


def numbers_in(columns: Sequence[Sequence[Any]], index: int) -> int:
    """How many cells of the grid's column ``index`` hold a number, date or truth value (not
    text): a format found on exactly that many cells of the column is the column's format."""
    if not 0 <= index < len(columns):
        return 0
    column = columns[index]
    return len(column) - list(map(type, column)).count(str)


_DURATION = re.compile(r"(-?)PT(\d+)H(\d+)M(\d+(?:\.\d+)?)S")


def durations(values: Sequence[Any]) -> Sequence[Any]:
    """ISO 8601 durations ("PT30H00M00S", what calamine gives for an .ods time over a day)
    as ``timedelta``; the same sequence when there is none."""
    if str not in set(map(type, values)):  # the usual formatted column: no text at all (C-level)
        return values
    if not any(
        v.__class__ is str
        and v[:3] in ("PT0", "PT1", "PT2", "PT3", "PT4", "PT5", "PT6", "PT7", "PT8", "PT9", "-PT")
        for v in values
    ):
        return values
    out = list(values)
    for i, value in enumerate(values):
        if value.__class__ is str:
            match = _DURATION.fullmatch(value)
            if match is not None:
                sign = -1 if match.group(1) else 1
                out[i] = sign * dt.timedelta(
                    hours=int(match.group(2)), minutes=int(match.group(3)), seconds=float(match.group(4))
                )
    return out


def general_column(
    values: Sequence[Any], locale: Locale, stored: Sequence[str] | None = None, kinds: set[type] | None = None
) -> Sequence[str]:
    """Values without a format of their own ("General"), in the language's separators and
    as LibreOffice writes big and small numbers (``general_number``). ``stored``: the
    values' ``format_column`` texts, when already made; ``kinds``: their types, when known."""
    if kinds is None:
        kinds = set(map(type, values))
    texts = format_column(values, kinds) if stored is None else stored
    if not kinds & {float, bool}:
        return texts
    if kinds == {float}:
        joined = "\n".join(texts)
        if "e" not in joined and "n" not in joined:  # no exponent, no inf or nan
            if locale.decimal == ".":
                return texts  # the usual column of plain numbers: as format_column wrote them
            return joined.replace(".", locale.decimal).split("\n")
    out = list(texts)
    for i, value in enumerate(values):
        kind = value.__class__
        if kind is float:
            out[i] = general_number(value, locale)
        elif kind is bool:
            out[i] = locale.true if value else locale.false
    return out


def _render(fmt: NumberFormat, values: Sequence[Any]) -> list[str]:
    texts = fmt.render_column(values)
    if "" in values:  # empty cells show nothing, whatever the format's text section says
        for i, value in enumerate(values):
            if value == "" and value.__class__ is str:
                texts[i] = ""
    return texts


def display_column(
    values: Sequence[Any],
    numbers: Sequence[int],
    codes: str | Mapping[int, str] | None,
    locale: Locale,
    stored: Sequence[str] | None = None,
    kinds: set[type] | None = None,
) -> ColumnDisplay:
    """The column's cells as the sheet shows them; ``numbers[i]`` is the row of ``values[i]``;
    ``stored``: the values' ``format_column`` texts, when already made; ``kinds``: the
    values' types, when known."""
    if codes is None:
        return ColumnDisplay(general_column(values, locale, stored, kinds))
    if isinstance(codes, str):
        fmt = compiled(codes, locale)
        if fmt is None:
            return ColumnDisplay(general_column(values, locale, stored), (codes,))
        if fmt.is_general:
            return ColumnDisplay(general_column(values, locale, stored))
        return ColumnDisplay(_render(fmt, values))
    texts = list(general_column(values, locale, stored))
    unrendered: list[str] = []
    by_code: dict[str, list[int]] = {}
    for i, number in enumerate(numbers):
        code = codes.get(number)
        if code is not None:
            by_code.setdefault(code, []).append(i)
    for code, rows in by_code.items():
        fmt = compiled(code, locale)
        if fmt is None:
            unrendered.append(code)
            continue
        if fmt.is_general:
            continue
        for i, text in zip(rows, _render(fmt, [values[i] for i in rows]), strict=True):
            texts[i] = text
    return ColumnDisplay(texts, tuple(unrendered))
