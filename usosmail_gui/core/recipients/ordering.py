"""Search and sort of a recipient table, done on its data and returned as row orders.

Why not Qt's QSortFilterProxyModel: it asks the model for every cell through Python
(3.5-16 s at 50,000 rows). Here the text of every row is folded once into a list of
strings searched with ``in``, and each column's sort key is computed once; a search or a
sort of 50,000 rows then takes milliseconds, and even the first one stays well under
the 150 ms the issue allows. The Qt model only maps its visible rows to the row indices
returned here. Plain lists, not pandas/numpy: ``in`` over a list of strings is as fast as
pandas' ``Series.str.contains`` (a loop over Python strings too), and the app and its
bundle do without those libraries (README, "Dependencies").

Search: every word of the query must occur somewhere in the row, ignoring case and
diacritics ("lukasz" finds "Łukasz", "zolc" finds "żółć"). Sort: a column whose every
non-empty cell is a number (decimal comma allowed) sorts numerically, any other column
as text in Polish alphabetical order (a < ą < b, ł after l, ż last), case ignored;
empty cells go last in both directions; ties keep the spreadsheet's order.

How the folding is fast: Polish files only use characters of Windows-1250, so a whole
column is encoded once to cp1250 and folded by ``bytes.translate`` with a 256-byte table
(one C pass, no call per character). Text with characters outside cp1250 (Cyrillic,
Greek…) is lower-cased and those characters kept as ``&#NNNN;`` — still found by search,
sorted after punctuation and before letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from enum import StrEnum
from itertools import compress

__all__ = ["RowKey", "RowOrdering", "fold_for_search", "sort_key"]

_ROW_SEP = "\x1e"
_CELL_SEP = "\x1f"
_NUMBER = re.compile(r"[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?")
_SAMPLE = 200
_NOT_NUMERIC = re.compile(r"[^0-9.eE+\-\s\x1e]")
# the Polish alphabet (with q, v, x where Latin puts them): the order of sort keys
_POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_SPECIAL_BASES = {"ł": "l", "đ": "d", "ß": "s"}


def _base_letter(char: str) -> str | None:
    """The lower-case ASCII letter ``char`` is a form of, or None when it is no letter."""
    lower = char.lower()
    if lower in _SPECIAL_BASES:
        return _SPECIAL_BASES[lower]
    decomposed = unicodedata.normalize("NFKD", lower)
    if decomposed and "a" <= decomposed[0] <= "z" and all(unicodedata.combining(c) for c in decomposed[1:]):
        return decomposed[0]
    return None


def _tables() -> tuple[bytes, bytes]:
    """cp1250 byte → folded byte for search (base letter, lower case), and for sorting
    (letters moved to 0x80+ in Polish alphabetical order; other letters with diacritics
    sort with their base letter; other non-ASCII symbols after ASCII punctuation)."""
    search = bytearray(range(256))
    collate = bytearray(range(256))
    for byte in range(256):
        try:
            char = bytes([byte]).decode("cp1250")
        except UnicodeDecodeError:
            continue
        lower = char.lower()
        base = _base_letter(char)
        if base is None:
            if byte >= 0x80:
                collate[byte] = 0x7F
            continue
        search[byte] = ord(base)
        letter = lower if lower in _POLISH_ALPHABET else base
        collate[byte] = 0x80 + _POLISH_ALPHABET.index(letter)
    return bytes(search), bytes(collate)


_SEARCH_TABLE, _COLLATE_TABLE = _tables()
_EMPTY_KEY = b"\xff"  # above every collation byte: empty cells sort last


def _cp1250(text: str) -> bytes:
    try:
        return text.encode("cp1250")
    except UnicodeEncodeError:
        return text.lower().encode("cp1250", "xmlcharrefreplace")


def fold_for_search(text: str) -> str:
    """What search compares: lower case, base letters ("Łódź" → "lodz")."""
    return _cp1250(text).translate(_SEARCH_TABLE).decode("latin-1")


def sort_key(text: str) -> bytes:
    """Bytes whose order is Polish alphabetical order, case ignored."""
    return _cp1250(text).translate(_COLLATE_TABLE)


def _fold_many(values: Sequence[str], table: bytes) -> list[bytes]:
    """``[_cp1250(v).translate(table) for v in values]`` in one pass over one big string."""
    folded = _cp1250(_ROW_SEP.join(values)).translate(table).split(_ROW_SEP.encode())
    if len(folded) != len(values):  # a cell held the separator itself: one by one
        return [_cp1250(v).translate(table) for v in values]
    return folded


class RowKey(StrEnum):
    """Sort keys beside the data columns: the Qt model's own columns."""

    ROW = "row"  # the spreadsheet row number (the order of the file)
    INCLUDED = "included"
    PROBLEMS = "problems"  # rows with errors, then warnings, then the rest


class RowOrdering:
    """Cached search text and sort orders over a table's current cells.

    ``columns`` gives the table's column sequences (edits included); ``row_state`` gives
    a per-row list of ints for the ``RowKey`` sorts. Call ``invalidate`` after a change.
    """

    def __init__(
        self,
        columns: Callable[[], Sequence[Sequence[str]]],
        row_count: int,
        row_state: Callable[[RowKey], Sequence[int]],
    ) -> None:
        self._columns = columns
        self._n = row_count
        self._row_state = row_state
        self._haystack: list[str] | None = None  # the folded text of every row
        self._orders: dict[tuple[int | RowKey, bool], list[int]] = {}

    def invalidate(self, column: int | None = None, row: int | None = None) -> None:
        """Forget what a change made stale.

        No arguments: the include flags or problems changed (``RowKey`` sorts). A column:
        its cells changed (``row`` says which one, when only one did).
        """
        for key in [k for k in self._orders if isinstance(k[0], RowKey) or k[0] == column]:
            del self._orders[key]
        if column is None or self._haystack is None:
            return
        if row is None:
            self._haystack = None
        else:
            cells = [col[row] for col in self._columns()]
            self._haystack[row] = fold_for_search(_CELL_SEP.join(cells))

    # --- search --------------------------------------------------------------------------

    def _search_text(self) -> list[str]:
        if self._haystack is None:
            rows = list(map(_CELL_SEP.join, zip(*self._columns(), strict=True)))
            folded = _fold_many(rows, _SEARCH_TABLE)
            del rows
            self._haystack = b"\x1e".join(folded).decode("latin-1").split(_ROW_SEP)
        return self._haystack

    def matches(self, query: str) -> list[bool] | None:
        """Which rows hold every word of ``query``; None when the query is blank."""
        words = fold_for_search(query).split()
        if not words or self._n == 0:
            return None
        haystack = self._search_text()
        mask = [words[0] in text for text in haystack]
        for word in words[1:]:
            mask = [hit and word in text for hit, text in zip(mask, haystack, strict=True)]
        return mask

    # --- sort ----------------------------------------------------------------------------

    def _numbers(self, values: Sequence[str]) -> list[float | None] | None:
        """The column as floats (None when empty), or None when it is not all numbers."""
        filled = [v for v in values[: _SAMPLE * 4] if v and not v.isspace()][:_SAMPLE]
        if not filled or not all(_NUMBER.fullmatch(v.strip()) for v in filled):
            return None
        joined = _ROW_SEP.join(values).replace(",", ".")
        if _NOT_NUMERIC.search(joined):
            return None  # float() would take "nan", "inf" or "1_000"; a sheet does not
        texts = joined.split(_ROW_SEP)
        if len(texts) != len(values):
            return None
        try:
            return [float(t) if t else None for t in texts]
        except ValueError:
            return None  # a cell that is not a number after all

    def _column_order(self, index: int, descending: bool) -> list[int]:
        values = self._columns()[index]
        numbers = self._numbers(values)
        if numbers is not None:
            # empty cells last both ways; sorted() is stable, also reversed: ties keep the file's order
            filled = [i for i, number in enumerate(numbers) if number is not None]
            empty = [i for i, number in enumerate(numbers) if number is None]
            key = [0.0 if number is None else number for number in numbers]
            return sorted(filled, key=key.__getitem__, reverse=descending) + empty
        keys = _fold_many(values, _COLLATE_TABLE)
        if b"" not in keys:
            return sorted(range(self._n), key=keys.__getitem__, reverse=descending)
        if not descending:
            keys = [k or _EMPTY_KEY for k in keys]
            return sorted(range(self._n), key=keys.__getitem__)
        filled = [i for i, k in enumerate(keys) if k]
        empty = [i for i, k in enumerate(keys) if not k]
        return sorted(filled, key=keys.__getitem__, reverse=True) + empty

    def _state_order(self, key: RowKey, descending: bool) -> list[int]:
        if key is RowKey.ROW:
            return list(range(self._n - 1, -1, -1)) if descending else list(range(self._n))
        state = self._row_state(key)
        return sorted(range(self._n), key=state.__getitem__, reverse=descending)

    def order(self, key: int | RowKey, descending: bool = False) -> list[int]:
        """Row indices sorted by ``key`` (a column index or a ``RowKey``), stable."""
        cached = self._orders.get((key, descending))
        if cached is None:
            if isinstance(key, RowKey):
                cached = self._state_order(key, descending)
            else:
                cached = self._column_order(key, descending)
            self._orders[(key, descending)] = cached
        return cached

    def view(
        self, search: str = "", sort_by: int | RowKey | None = None, descending: bool = False
    ) -> list[int]:
        """The rows to show, in order: those matching ``search``, sorted by ``sort_by``."""
        order = self.order(RowKey.ROW if sort_by is None else sort_by, descending)
        mask = self.matches(search)
        if mask is None:
            return list(order)
        return list(compress(order, map(mask.__getitem__, order)))
