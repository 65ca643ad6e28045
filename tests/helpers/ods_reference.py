"""The .ods facts as ``usosmail_gui.core.recipients.ods`` (and the extent as ``ods_extent``)
read them before their one index (``ods_index.OdsIndex``): every question a pass of its own
over the sheet's bytes, rare things found with ``bytes.find``, the extent checked with
regular expressions. Kept for
tests/unit/core/recipients/test_fast_paths.py, which compares the two on the fixtures and on
generated sheets: the reading that is slow and plain says what the fast one must say.
What the index does not change is shared, not copied: the data styles (``ods_styles``) and
turning each cell's style into its format once the cells are placed (``ods.add_formats``).
"""

from __future__ import annotations

import html
import re
from typing import Any

from usosmail_gui.core.recipients.ods import CellPlaces, CellStyles, add_formats
from usosmail_gui.core.recipients.ods_index import owning_tags  # unchanged by the index: shared
from usosmail_gui.core.recipients.ods_styles import (  # unchanged by the index: shared, not copied
    data_style_codes,
    read_cell_styles,
    tag_attributes,
)
from usosmail_gui.core.recipients.sheetfacts import SheetFacts

__all__ = ["check_ods_extent", "ods_facts", "ods_sheet_facts"]


def _table(content: bytes, sheet: str) -> bytes:
    escaped = html.escape(sheet, quote=True).encode()
    start = content.find(b'<table:table table:name="' + escaped + b'"')
    if start < 0:
        return b""
    following = content.find(b"<table:table ", start + 1)
    bound = len(content) if following < 0 else following
    end = content.rfind(b"</table:table>", start, bound)  # searched backwards: the end is near
    return content[start : bound if end < 0 else end + len(b"</table:table>")]


def _find_all(data: bytes, needle: bytes) -> list[int]:
    """Offsets of every occurrence (for needles that are rare: repeats, errors, spans)."""
    found: list[int] = []
    at = data.find(needle)
    while at >= 0:
        found.append(at)
        at = data.find(needle, at + 1)
    return found


class _Offsets:
    """Offsets of tags and attributes in a table's XML, found with vectorised comparisons.

    The candidates (every "<", every opening quote of an attribute value) are taken once;
    a tag or attribute name is then matched by comparing the candidates' bytes at one
    distinguishing offset first (one pass over the candidates), and the rest of the name
    on the few left.
    """

    def __init__(self, array: Any) -> None:
        import numpy as np

        self.array = np.concatenate((array, np.zeros(64, dtype=np.uint8)))  # room past the end
        # every byte offset read as a little-endian 64-bit word (an overlapping view, no copy)
        self.words = np.ndarray(
            shape=(len(self.array) - 8,), dtype="<u8", buffer=self.array.data, strides=(1,)
        )
        opens = np.flatnonzero(array == 60).astype(np.int64)
        self.opens = opens
        self.open13 = self.array[opens + 13]  # "<table:table-c…" / "<table:table-r…"
        quotes = np.flatnonzero(array == 34).astype(np.int64)
        quotes = quotes[quotes > 1]
        quotes = quotes[self.array[quotes - 1] == 61]  # the opening quotes of attribute values
        self.quotes = quotes
        self.before = self.array[quotes - 2]  # the attribute name's last letter

    def _match(self, found: Any, text: bytes) -> Any:
        """The offsets among ``found`` where ``text`` starts (8 bytes compared at a time)."""
        words, array = self.words, self.array
        for i in range(0, len(text), 8):
            part = text[i : i + 8]
            if len(part) == 8:
                found = found[words[found + i] == int.from_bytes(part, "little")]
            else:
                for k, byte in enumerate(part, i):
                    found = found[array[found + k] == byte]
        return found

    def tags(self, tag: bytes) -> Any:
        """Offsets of ``tag`` (followed by a space, ">" or "/")."""
        found = self.opens[self.open13 == tag[13]] if len(tag) > 13 else self.opens
        found = self._match(found, tag)
        after = self.array[found + len(tag)]
        return found[(after == 32) | (after == 62) | (after == 47)]

    def attributes(self, needle: bytes) -> Any:
        """Offsets of a ``name="`` attribute."""
        found = self.quotes[self.before == needle[-3]] - (len(needle) - 1)
        return self._match(found[found >= 0], needle[:-2])


def _number_after(data: bytes, at: int) -> int:
    end = data.find(b'"', at)
    try:
        return int(data[at:end])
    except ValueError:
        return 1


def ods_facts(content: bytes, styles: bytes) -> dict[str, SheetFacts]:
    """Every sheet's facts, by sheet name."""
    marker = b'<table:table table:name="'
    names = [
        html.unescape(
            content[at + len(marker) : content.find(b'"', at + len(marker))].decode("utf-8", "replace")
        )
        for at in _find_all(content, marker)
    ]
    return {name: ods_sheet_facts(content, styles, name) for name in names}


def ods_sheet_facts(content: bytes, styles: bytes, sheet: str) -> SheetFacts:
    """Formats, errors, hidden rows and merges of the sheet named ``sheet`` in content.xml.

    Every cell's row and column are computed at once with numpy from the offsets of the
    tags (rows and cells, repeats added by cumulative sums); Python runs only per distinct
    style and per rare attribute (repeats, spans, errors, hidden rows).
    """
    import numpy as np

    facts = SheetFacts(iso_durations=True)
    table = _table(content, sheet)
    if not table:
        return facts
    head = content[: max(0, content.find(b"<office:body"))]
    codes = data_style_codes(styles, head)
    cell_styles = read_cell_styles((styles, head))
    array = np.frombuffer(table, dtype=np.uint8)
    offsets = _Offsets(array)
    closes = np.flatnonzero(array == 62)
    rows = offsets.tags(b"<table:table-row")
    cells = offsets.tags(b"<table:table-cell")
    covered = offsets.tags(b"<table:covered-table-cell")
    if len(covered):
        cells = np.sort(np.concatenate((cells, covered)))
    if not len(rows) or not len(cells):
        return facts
    row_ends = closes[np.clip(np.searchsorted(closes, rows), 0, len(closes) - 1)]
    cell_ends = closes[np.clip(np.searchsorted(closes, cells), 0, len(closes) - 1)]
    # row numbers: 1 + the repeats of the rows before
    repeats = np.ones(len(rows), dtype=np.int64)
    marker = b'table:number-rows-repeated="'
    at_all = offsets.attributes(marker)
    for i, at in zip(owning_tags(rows, row_ends, at_all).tolist(), at_all.tolist(), strict=True):
        if i >= 0:
            repeats[i] = max(1, _number_after(table, at + len(marker)))
    numbers = np.concatenate(([1], 1 + np.cumsum(repeats)[:-1]))
    at_all = offsets.attributes(b'table:visibility="')
    for i, at in zip(owning_tags(rows, row_ends, at_all).tolist(), at_all.tolist(), strict=True):
        if i >= 0 and table[at + 18 : at + 25] != b"visible":
            facts.hidden_rows.update(range(int(numbers[i]), int(numbers[i] + min(repeats[i], 1_100_000))))
    # columns: the cell's place in its row plus the repeats of the cells before it there
    cell_row = np.searchsorted(rows, cells) - 1
    widths = np.ones(len(cells), dtype=np.int64)
    marker = b'table:number-columns-repeated="'
    at_all = offsets.attributes(marker)
    owners = owning_tags(cells, cell_ends, at_all)
    # the repeat of a row's last cell moves nothing (LibreOffice ends every row with one)
    last = np.append(cell_row[1:] != cell_row[:-1], True)
    wanted = (owners >= 0) & ~last[np.clip(owners, 0, None)]
    owners, at_all = owners[wanted], at_all[wanted]
    repeated_cells: list[int] = []
    for k, at in zip(owners.tolist(), at_all.tolist(), strict=True):
        if k >= 0:
            width = _number_after(table, at + len(marker))
            if width > 1:
                widths[k] = width
                repeated_cells.append(k)
    before = np.cumsum(widths) - widths  # columns taken by the cells before, in the whole table
    row_first = np.searchsorted(cells, rows)
    first_of = np.clip(row_first[np.clip(cell_row, 0, None)], 0, len(cells) - 1)
    column_of = before - before[first_of]
    # numeric cells and their cell style (own, else the column's default)
    marker = b'office:value-type="'
    types = offsets.attributes(marker)
    numeric = np.zeros(len(cells), dtype=bool)
    if len(types):
        owner = owning_tags(cells, cell_ends, types)
        letter = array[types + len(marker)]
        keep = (owner >= 0) & (letter != ord("s"))
        numeric[owner[keep]] = True
    style_index = np.full(len(cells), -1, dtype=np.int64)
    names: list[bytes] = []
    marker = b'table:style-name="'
    name_ids: dict[bytes, int] = {}
    style_at = offsets.attributes(marker)
    if len(style_at):
        owner = owning_tags(cells, cell_ends, style_at)
        keep = owner >= 0
        keep[keep] = numeric[owner[keep]]
        owned, starts = owner[keep], style_at[keep] + len(marker)
        # a name's bytes (up to its closing quote) as one 64-bit key; longer names one by one
        padded = np.concatenate((array, np.zeros(9, dtype=np.uint8)))
        window = np.lib.stride_tricks.sliding_window_view(padded, 9)[starts]
        ends = np.argmax(window == 34, axis=1)
        short = (window == 34).any(axis=1) & (ends <= 8)
        keys = np.where(np.arange(8) < ends[:, None], window[:, :8], 0).copy().view(np.uint64).reshape(-1)
        keys[~short] = np.uint64(0)
        distinct, inverse = np.unique(keys, return_inverse=True)
        for index, key in enumerate(distinct.tolist()):
            name = key.to_bytes(8, "little").rstrip(b"\0")
            names.append(name)
            name_ids[name] = index
        inverse = inverse.reshape(-1).copy()
        for i in np.flatnonzero(~short).tolist():  # names of 9 bytes or more
            at = int(starts[i])
            name = table[at : table.find(b'"', at)]
            if name not in name_ids:
                name_ids[name] = len(names)
                names.append(name)
            inverse[i] = name_ids[name]
        style_index[owned] = inverse
    default_at = _column_defaults(table)
    places = CellPlaces(cell_row, numbers, column_of, widths, repeated_cells)
    styled = CellStyles(numeric, style_index, names, name_ids)
    add_formats(facts, places, styled, default_at, (codes, cell_styles))  # after the index: shared
    return _errors_and_spans(facts, table, rows, row_ends, cells, cell_ends, numbers, column_of)


def _errors_and_spans(
    facts: SheetFacts,
    table: bytes,
    rows: Any,
    row_ends: Any,
    cells: Any,
    cell_ends: Any,
    numbers: Any,
    column_of: Any,
) -> SheetFacts:
    import numpy as np

    cell_row = np.searchsorted(rows, cells) - 1
    for at in _find_all(table, b'calcext:value-type="error"'):
        (k,) = owning_tags(cells, cell_ends, [at])
        if k < 0:
            continue
        end = table.find(b"</table:table-cell>", at)
        found = re.search(rb"<text:p>([^<]*)", table[at : end if end > 0 else at + 4096])
        if found is not None:
            key = (int(numbers[cell_row[k]]), int(column_of[k]))
            facts.errors[key] = html.unescape(found.group(1).decode("utf-8", "replace"))
    for formula in (b'table:formula="of:=TRUE()"', b'table:formula="of:=FALSE()"'):
        for at in _find_all(table, formula):  # LibreOffice shows these as TRUE/FALSE
            (k,) = owning_tags(cells, cell_ends, [at])
            if k >= 0:
                facts.booleans.add((int(numbers[cell_row[k]]), int(column_of[k])))
    for at in _find_all(table, b'table:number-rows-spanned="'):
        (k,) = owning_tags(cells, cell_ends, [at])
        if k < 0:
            continue
        span = _number_after(table, at + len(b'table:number-rows-spanned="'))
        tag = table[int(cells[k]) : int(cell_ends[k])]
        across = re.search(rb'table:number-columns-spanned="(\d+)"', tag)
        width = int(across.group(1)) if across else 1
        top, left = int(numbers[cell_row[k]]), int(column_of[k])
        if span > 1 or width > 1:
            facts.merges.append((top, left, top + span - 1, left + width - 1))
    return facts


def _column_defaults(table: bytes) -> Any:
    """A function: column index -> its default cell style (from ``table:table-column``)."""
    runs: list[tuple[int, int, bytes | None]] = []
    at = 0
    for match in re.finditer(rb"<table:table-column\b([^>]*?)/?>", table[: table.find(b"<table:table-row")]):
        attributes = tag_attributes(match.group(1))
        count = int(attributes.get(b"table:number-columns-repeated", b"1"))
        runs.append((at, at + count, attributes.get(b"table:default-cell-style-name")))
        at += count

    def default(column: int) -> bytes | None:
        for start, end, style in runs:
            if start <= column < end:
                return None if style == b"Default" else style
        return None

    return default


MAX_EXTENT_CELLS = 20_000_000
MAX_ROW_ELEMENTS = 400_000
_ROWS_REPEATED = re.compile(rb'<table:table-row\b[^>]*?table:number-rows-repeated="(\d{5,})"')
_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d{4,})"[^>]*?office:value-type=')


class TooLarge(Exception):
    pass


def check_ods_extent(content: bytes) -> None:
    """Too many row elements (as the inflate counted them, all at once here), or repeated
    rows or cells that hold values past ``MAX_EXTENT_CELLS``."""
    if content.count(b"<table:table-row") > MAX_ROW_ELEMENTS:
        raise TooLarge("content.xml")
    for match in _COLUMNS_REPEATED.finditer(content):
        if int(match.group(1)) > 16_384:
            raise TooLarge("repeated cells")
    for match in _ROWS_REPEATED.finditer(content):
        count = int(match.group(1))
        end = content.find(b"</table:table-row>", match.end())
        row = content[match.end() : end if end > 0 else match.end() + 4096]
        cells = max(1, row.count(b"<table:table-cell"))
        if b"office:value-type=" in row and count * cells > MAX_EXTENT_CELLS:
            raise TooLarge("repeated rows")


_TAG = re.compile(rb"<(/?)(table:table|table:table-row|table:table-cell|table:covered-table-cell)([\s/>])")


def used_rectangles(content: bytes) -> list[int]:
    """Each sheet's used rectangle in cells (first to last cell holding a value, repeats
    expanded), read tag by tag: the plain reading ``ods_extent.check_ods_extent``'s numpy
    count is compared with."""
    areas: list[int] = []
    spans: list[tuple[int, int, int, int]] = []
    row = row_repeat = column = 0
    for match in _TAG.finditer(content):
        closing, name = match.group(1), match.group(2)
        end = content.find(b">", match.start())
        attributes = content[match.end(2) : end]
        if name == b"table:table" and not closing:
            if spans:
                areas.append(_area(spans))
            spans, row = [], 0
        elif name == b"table:table-row" and not closing:
            row_repeat = _repeat(attributes, b"table:number-rows-repeated")
            row += row_repeat
            column = 0
        elif name in (b"table:table-cell", b"table:covered-table-cell") and not closing:
            repeat = _repeat(attributes, b"table:number-columns-repeated")
            column += repeat
            own = not attributes.endswith(b"/")
            valued = b'office:value-type="' in attributes or (
                own and content.startswith(b"<text:p", end + 1)
                and content[end + 8 : end + 9] in (b" ", b">", b"/")
            )
            if valued:
                spans.append((row - row_repeat, row, column - repeat, column))
    if spans:
        areas.append(_area(spans))
    return areas


def _repeat(attributes: bytes, name: bytes) -> int:
    found = re.search(re.escape(name) + rb'="(\d*)', attributes)
    if found is None or not found.group(1):
        return 1
    return max(1, 10**9 if len(found.group(1)) >= 8 else int(found.group(1)))


def _area(spans: list[tuple[int, int, int, int]]) -> int:
    height = max(s[1] for s in spans) - min(s[0] for s in spans)
    return height * (max(s[3] for s in spans) - min(s[2] for s in spans))
