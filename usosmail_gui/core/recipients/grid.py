"""A sheet's non-blank rows with the row numbers the user sees, before any interpretation.

Blank rows are dropped here, once, but every kept row remembers its real number, so a
problem "in row 57" points at row 57 of the file even when rows 12-14 were empty.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import Any

from .sheetfacts import SheetFacts

__all__ = ["HEADER_SCAN_ROWS", "MAX_ROWS", "RawGrid", "gc_paused", "is_blank_row"]

MAX_ROWS = 200_000
"""Most data rows a list may have; a bigger file is refused before it fills the memory."""

HEADER_SCAN_ROWS = 30
"""The header row is looked for among this many non-blank rows at the top of a sheet."""


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a block builds many lists that hold no cycles.

    A 50,000-row sheet arrives as 50,000 row lists; each 700 of them would start a
    collection that walks every tracked object (~40 ms at 50,000 rows, a quarter of the
    loader's whole overhead). Reference counting still frees everything; the collector
    runs again after the block. Never spans a ``yield``.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def is_blank_row(row: Sequence[Any]) -> bool:
    """True when every cell is empty or only whitespace (numbers and dates are content)."""
    if not row:
        return True
    first = row[0]
    if first.__class__ is not str or (first and not first.isspace()):
        return False  # the common case, decided by the first cell alone
    if row.count("") == len(row):
        return True
    return all(cell.__class__ is str and (not cell or cell.isspace()) for cell in row)


@dataclass(slots=True)
class RawGrid:
    """A sheet's non-blank rows of raw values (calamine objects or CSV strings), by column.

    ``columns[j][i]`` is the cell of column ``j`` in the i-th non-blank row, whose number
    in the file (1-based) is ``row_numbers[i]``; ``top`` holds the first rows as rows, to
    find the header in; ``first_column`` is the 0-based column of the file that
    ``columns[0]`` comes from (calamine skips empty leading columns), so column letters
    stay as the user sees them.

    Why by column: cells become text a column at a time (``cells.format_column``), and
    the 50,000 row lists calamine makes can be freed at once, before the garbage
    collector (paused meanwhile) would have walked them all.
    """

    top: list[Sequence[Any]]
    columns: list[list[Any]]
    row_numbers: list[int]
    first_column: int
    width: int
    facts: SheetFacts = field(default_factory=SheetFacts)  # formats, errors, hidden rows, merges

    @classmethod
    def from_rows(cls, values: list[list[Any]], *, first_row: int, first_column: int) -> RawGrid:
        """From calamine's rectangular ``to_python()`` whose first row is row ``first_row`` (0-based)."""
        base = first_row + 1
        columns = _transposed(values)
        blank = _blank_rows(values, columns)
        if not blank:
            return cls(list(values[: HEADER_SCAN_ROWS + 10]), columns, list(range(base, base + len(values))),
                       first_column, len(columns))
        dropped = set(blank)
        keep = [i for i in range(len(values)) if i not in dropped]
        rows = [values[i] for i in keep]
        return cls._by_column(rows, [base + i for i in keep], first_column)

    @classmethod
    def from_text_rows(cls, rows: list[list[str]], numbers: list[int]) -> RawGrid:
        """From CSV records (already without blank ones); short records are padded."""
        width = max(map(len, rows), default=0)
        for row in rows:
            if len(row) < width:
                row.extend([""] * (width - len(row)))
        return cls._by_column(rows, numbers, 0)

    @classmethod
    def _by_column(cls, rows: Sequence[Sequence[Any]], numbers: list[int], first_column: int) -> RawGrid:
        columns = _transposed(rows)
        return cls(list(rows[: HEADER_SCAN_ROWS + 10]), columns, numbers, first_column, len(columns))

    def __len__(self) -> int:
        return len(self.row_numbers)


def _transposed(rows: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """The columns of rectangular rows: the cells laid end to end once, then every column a
    slice of them (C-level, and each row list is read once, in order: a pass per column over
    50,000 row lists would wait on memory for each)."""
    width = max(map(len, rows), default=0)
    if not rows or min(map(len, rows)) != width:
        return [list(map(itemgetter(j), rows)) for j in range(width)]
    cells = list(chain.from_iterable(rows))
    return [cells[j::width] for j in range(width)]


def _blank_rows(rows: Sequence[Sequence[Any]], columns: Sequence[Sequence[Any]]) -> list[int]:
    """The indices of the rows that are blank (``is_blank_row``). Only a row whose first
    cell is empty text can be: the first column says which, mostly in a C-level pass."""
    if not columns:
        return [i for i, row in enumerate(rows) if not row]
    first = columns[0]
    kinds = set(map(type, first))
    if str not in kinds:
        return []
    if kinds == {str} and "" not in first and not any(map(str.isspace, first)):
        return []
    return [
        i
        for i, cell in enumerate(first)
        if cell.__class__ is str and (not cell or cell.isspace()) and is_blank_row(rows[i])
    ]


def nonblank_limit(max_rows: int) -> int:
    """Non-blank rows a sheet may have: the data rows plus the header and rows above it."""
    return max_rows + HEADER_SCAN_ROWS + 1
