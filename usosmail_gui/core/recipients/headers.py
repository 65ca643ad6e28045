"""Which row names the columns, and what each column is called in a template.

Real exports have a title (often merged across the table) and blank rows above the
header, blank or repeated header cells, and headers such as ``Ocena 1.5`` that
``str.format`` cannot use as a field name. The header row is the first row near the top
that is mostly text, as wide as the data below it and holds no e-mail address; a sheet
whose first row already holds addresses has no header row, and its columns are named by
their letters.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .cells import column_letter, format_cell
from .grid import HEADER_SCAN_ROWS

__all__ = [
    "Column",
    "clean_header",
    "detect_header",
    "find_column",
    "header_texts",
    "is_usable_placeholder",
    "make_columns",
    "placeholder_alias",
]

EMAIL_LIKE = re.compile(r"[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+")
# a number or a date written as text ("2024", "4,5", "12.10.2024"): data, not a name
_NUMBER_LIKE = re.compile(r"[-+]?[\d\s\u00a0.,]*\d[\d\s\u00a0.,]*%?|\d{1,4}[-./]\d{1,2}[-./]\d{1,4}(\s.*)?")
_FORMAT_SPECIALS = re.compile(r"[.\[\]{}:!]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the recipient table.

    ``name`` is unique in the table and is what the user sees; ``placeholder`` is the name
    to write in a template (``{placeholder}``), equal to ``name`` unless ``str.format``
    cannot use the name; ``letter`` is the spreadsheet's column letter; ``header`` is the
    header cell's text ("" when it was blank or there is no header row).
    """

    index: int
    name: str
    placeholder: str
    letter: str
    header: str = ""

    @property
    def aliased(self) -> bool:
        return self.placeholder != self.name


def clean_header(text: str) -> str:
    """A header cell as one line: invisible characters gone, runs of whitespace one space."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    return " ".join(text.split())


def is_usable_placeholder(name: str) -> bool:
    """Whether ``"{" + name + "}"`` formats with ``str.format(**{name: ...})`` as written.

    A field name with ``.`` or ``[`` is attribute/index access, ``:`` and ``!`` start a
    format spec or conversion, braces break parsing, and a purely numeric name is a
    positional index.
    """
    return bool(name) and not _FORMAT_SPECIALS.search(name) and not name.isdigit()


def placeholder_alias(name: str) -> str:
    """A usable field name for ``name``: the offending characters become ``_``."""
    alias = _FORMAT_SPECIALS.sub("_", name)
    if alias.isdigit() or not alias:
        alias = "_" + alias
    return alias


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{name} ({n})"
    taken.add(candidate.casefold())
    return candidate


def make_columns(headers: Sequence[str], columns: Sequence[int]) -> list[Column]:
    """Columns named by their header texts (cleaned), made unique and usable in templates.

    ``columns[i]`` is the 0-based spreadsheet column of ``headers[i]``. A blank header is
    named after its letter ("Column C"); a repeated one gets " (2)", " (3)" (compared
    without regard to case, as people read them); an unusable one gets an alias.
    """
    taken: set[str] = set()
    cleaned = [clean_header(h) for h in headers]
    # names written in the sheet are taken first, so a generated "Column C" never pushes
    # a written "Column C" to "Column C (2)"
    names = [_unique(text, taken) if text else "" for text in cleaned]
    for i, col in enumerate(columns):
        if not names[i]:
            names[i] = _unique(f"Column {column_letter(col)}", taken)
    placeholders_taken = {n.casefold() for n in names if is_usable_placeholder(n)}
    result: list[Column] = []
    for index, (name, text, col) in enumerate(zip(names, cleaned, columns, strict=True)):
        placeholder = name
        if not is_usable_placeholder(name):
            placeholder = _unique(placeholder_alias(name), placeholders_taken)
        result.append(Column(index, name, placeholder, column_letter(col), text))
    return result


def find_column(columns: Sequence[Column], spec: str) -> int | None:
    """A column by name or placeholder (exact, then ignoring case), else by letter ("C")."""
    wanted = " ".join(spec.split())
    for column in columns:
        if wanted in (column.name, column.placeholder):
            return column.index
    folded = wanted.casefold()
    for column in columns:
        if folded in (column.name.casefold(), column.placeholder.casefold()):
            return column.index
    for column in columns:
        if wanted.upper() == column.letter:
            return column.index
    return None


def _cell_kind(value: Any) -> int:
    """0 empty, 1 text that could be a column name, 2 data (number, date, address…)."""
    if value.__class__ is not str:
        return 2
    text: str = value.strip()
    if not text:
        return 0
    if "@" in text and EMAIL_LIKE.search(text):
        return 3
    if _NUMBER_LIKE.fullmatch(text):
        return 2
    return 1


def detect_header(rows: Sequence[Sequence[Any]], *, scan: int = HEADER_SCAN_ROWS) -> int | None:
    """The index (into ``rows``, blank rows already gone) of the header row, or None.

    The header is the first row of the first ``scan`` that holds no e-mail address and
    whose cells are mostly text, filling at least 60% of the width the rows below it
    typically fill. Title rows above it fill one or two cells (a merged title has its
    text in the first cell only). None when the very first row already holds an e-mail
    address: the sheet has no header row.
    """
    sample = rows[: scan + 10]
    if not sample:
        return None
    kinds = [[_cell_kind(v) for v in row] for row in sample]
    filled = [len(k) - k.count(0) for k in kinds]
    for index, row_kinds in enumerate(kinds[:scan]):
        if 3 in row_kinds:
            if index == 0:
                return None
            continue
        below = sorted(filled[index + 1 : index + 11]) or [filled[index]]
        typical = below[len(below) // 2]
        text = row_kinds.count(1)
        if text >= max(1, math.ceil(0.6 * typical)) and text > row_kinds.count(2):
            return index
    # nothing looks like a header: the row with the most text (titles lose to it)
    candidates = [(k.count(1), -i) for i, k in enumerate(kinds[:scan]) if 3 not in k]
    if not candidates:
        return None
    return -max(candidates)[1]


def header_texts(row: Sequence[Any] | None, width: int) -> list[str]:
    """The header row's cells as text (all "" when there is no header row)."""
    if row is None:
        return [""] * width
    return [format_cell(v) for v in row]
