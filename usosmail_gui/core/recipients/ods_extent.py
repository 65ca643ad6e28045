"""The checks of an .ods's content.xml before calamine reads the file (``check_ods_extent``).

calamine allocates what the repeats say (a sheet's used rectangle whole, however few of its
cells hold values), so a list with more rows than it may have, or rows and cells holding
values repeated past ``MAX_EXTENT_CELLS``, is refused (``PackageTooLarge``) before calamine
reads the file. Counted from the one index of content.xml (``ods_index.OdsIndex``, which
the sheet facts in ``ods`` use after), repeats counted, not expanded; only the few big ones
are looked at one by one. A module of its own: it runs before calamine, the facts after.
"""

from __future__ import annotations

import re
from typing import Any

from .ods_index import OdsIndex
from .packages import MAX_EXTENT_CELLS, MAX_ROW_ELEMENTS, PackageTooLarge

__all__ = ["check_ods_extent"]


_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d{4,})"[^>]*?office:value-type=')
_ROW_START = b"<table:table-row"


def _digit_runs(index: OdsIndex, values: Any) -> tuple[Any, Any]:
    """(how many digits, their number) at the start of each value, for up to seven digits;
    8 digits (or more) count as 8 with the number unknown (-1)."""
    import numpy as np

    window = index.word(values, index.size).view(np.uint8).reshape(-1, 8).astype(np.int64)
    digit = (window >= 48) & (window <= 57)
    count = np.where(digit.all(axis=1), 8, np.argmin(digit, axis=1))
    number = np.zeros(len(values), dtype=np.int64)
    for place in range(7):
        more = place < count
        number = np.where(more, number * 10 + window[:, place] - 48, number)
    return count, np.where(count >= 8, -1, number)


def check_ods_extent(index: OdsIndex) -> None:
    """``PackageTooLarge`` when content.xml holds more rows than a list may have
    (``MAX_ROW_ELEMENTS`` row elements), or repeated rows or cells that hold values would
    expand past ``MAX_EXTENT_CELLS`` (a repeat count of empty cells costs nothing): run
    before calamine reads the file, which allocates what the repeats say.

    The repeat attributes are found among the index's attribute quotes and their numbers
    read for all at once; only the few big ones are looked at one by one.
    """
    import numpy as np

    content, size = index.content, index.size
    rows = index.match(index.opens[index.open13 == ord("r")], _ROW_START, size)
    if len(rows) > MAX_ROW_ELEMENTS:
        raise PackageTooLarge("content.xml")
    repeats = (index.quotes, index.before)
    # a repeat of more than 16,384 columns on a cell that holds a value
    marker = b'table:number-columns-repeated="'
    found = index.attributes(*repeats, marker, 0, size)
    count, number = _digit_runs(index, found + len(marker))
    column_repeats = (found, np.where(count >= 8, 10**9, np.where(count == 0, 1, number)))
    big = (count >= 8) | (number > 16_384)
    for at in found[big].tolist():
        match = _COLUMNS_REPEATED.match(content, at)
        if match is not None and int(match.group(1)) > 16_384:
            raise PackageTooLarge("repeated cells")
    # 10,000 repeated rows or more: their cells, if they hold values, times the repeat
    marker = b'table:number-rows-repeated="'
    found = index.attributes(*repeats, marker, 0, size)
    count, number = _digit_runs(index, found + len(marker))
    row_repeats = (found, np.where(count >= 8, 10**9, np.where(count == 0, 1, number)))
    for at in found[count >= 5].tolist():
        value = at + len(marker)
        end = content.find(b'"', value)
        if end < 0 or not content[value:end].isdigit() or not _in_row_tag(content, at):
            continue
        repeat = int(content[value:end])
        row_end = content.find(b"</table:table-row>", end + 1)
        row = content[end + 1 : row_end if row_end > 0 else end + 1 + 4096]
        cells = max(1, row.count(b"<table:table-cell"))
        if b"office:value-type=" in row and repeat * cells > MAX_EXTENT_CELLS:
            raise PackageTooLarge("repeated rows")
    if _rectangles_may_be_too_large(index, rows, column_repeats, row_repeats):
        _check_used_rectangles(index)


def _rectangles_may_be_too_large(index: OdsIndex, rows: Any, columns: Any, repeats: Any) -> bool:
    """Whether a sheet's used rectangle could pass ``MAX_EXTENT_CELLS``, by a bound that
    costs little: at most every row element plus what the rows' repeats add (before the
    last value), times the most tags in a row plus what the cells' repeats add. An
    ordinary list (no repeats among its values) is cleared by it; the exact count is
    made only when it is not."""
    import numpy as np

    content = index.content
    last = max(content.rfind(b'office:value-type="'), content.rfind(b"<text:p"))
    if last < 0 or not len(rows):
        return False
    # up to the end of the tag that holds the last value: its own repeat may follow its type
    tag_end = content.find(b">", last)
    last = len(content) if tag_end < 0 else tag_end
    extra_rows = int(np.sum(repeats[1][repeats[0] < last] - 1))
    before = columns[0] < last
    found, number = columns[0][before], columns[1][before]
    if len(found):
        # no width is added by the repeats of column definitions (<table:table-column …>),
        # nor by a row's last cell when it is empty (LibreOffice ends rows with one)
        tags = _tag_of(index, found)
        following = np.searchsorted(index.opens, found)
        ends = index.opens[np.minimum(following, len(index.opens) - 1)]
        typed = np.concatenate([[0], np.cumsum(index.before == _TYPE_EQUALS)])
        untyped = typed[np.searchsorted(index.quotes, ends)] == typed[np.searchsorted(index.quotes, tags)]
        last_empty = (
            (following < len(index.opens))
            & (index.byte(ends - 2, index.size) == ord("/"))
            & untyped
            & (index.word(ends, index.size) == _ROW_END[0])
            & (index.word(ends + 8, index.size) == _ROW_END[1])
        )
        number = number[(index.byte(tags + 14, index.size) != ord("o")) & ~last_empty]
    extra_columns = int(np.sum(number - 1))
    starts = np.searchsorted(index.opens, rows)
    tags_in_row = int(np.diff(np.append(starts, len(index.opens))).max())
    return (len(rows) + extra_rows) * (tags_in_row + extra_columns) > MAX_EXTENT_CELLS


_TYPE_EQUALS = int.from_bytes(b"ype=", "little")  # office:value-type=, calcext:value-type=
_ROW_END = (int.from_bytes(b"</table", "little") + (ord(":") << 56), int.from_bytes(b"table-ro", "little"))
_CELL_STARTS = (b"<table:table-cell", b"<table:covered-table-cell")


def _repeats_of(index: OdsIndex, owners: Any, needle: bytes) -> Any:
    """How often each tag at ``owners`` (sorted offsets of tags) repeats, by its ``needle``
    attribute (1 without it; 8 digits or more count as 10**9: past any limit)."""
    import numpy as np

    found = index.attributes(index.quotes, index.before, needle, 0, index.size)
    repeat = np.ones(len(owners), dtype=np.int64)
    if not len(found) or not len(owners):
        return repeat
    count, number = _digit_runs(index, found + len(needle))
    number = np.where(count >= 8, 10**9, np.where(count == 0, 1, number))
    owner = _tag_of(index, found)
    at = np.clip(np.searchsorted(owners, owner), 0, len(owners) - 1)
    mine = owners[at] == owner
    repeat[at[mine]] = np.maximum(number[mine], 1)
    return repeat


def _tag_of(index: OdsIndex, offsets: Any) -> Any:
    """The offset of the tag (its "<") each attribute offset lies in."""
    import numpy as np

    return index.opens[np.maximum(np.searchsorted(index.opens, offsets, side="right") - 1, 0)]


def _check_used_rectangles(index: OdsIndex) -> None:
    """``PackageTooLarge`` when a sheet's used rectangle — from its first to its last cell
    that holds a value, rows and cells repeated as they say — spans more than
    ``MAX_EXTENT_CELLS``: calamine allocates that rectangle whole (2,000 rows of one value
    repeated 16,384 times, or a value in A1 and one in XFC5001, take it 4–5 GB and
    minutes, or abort the process). Counted for all sheets at once, with numpy, from the
    index: every row's and cell's repeat, and which cells hold a value (a value type, or
    a paragraph inside)."""
    import numpy as np

    size = index.size
    rows = index.match(index.opens[index.open13 == ord("r")], _ROW_START, size)
    after_name = index.byte(rows + len(_ROW_START), size)
    rows = rows[(after_name == 32) | (after_name == 62) | (after_name == 47)]
    found = [index.tags(index.opens, index.open13, tag, size) for tag in _CELL_STARTS]
    cells = np.sort(np.concatenate(found))
    if not len(rows) or not len(cells):
        return
    # which cells hold a value: a value type, or (no type) a paragraph as the next tag
    typed = index.attributes(index.quotes, index.before, b'office:value-type="', 0, size)
    valued = np.zeros(len(cells), dtype=bool)
    if len(typed):
        owner = _tag_of(index, typed)
        at = np.clip(np.searchsorted(cells, owner), 0, len(cells) - 1)
        valued[at[cells[at] == owner]] = True
    following = np.searchsorted(index.opens, cells, side="right")
    inner = index.opens[np.minimum(following, len(index.opens) - 1)]
    word = index.word(inner, size)
    eighth = (word >> np.uint64(56)) & np.uint64(0xFF)
    valued |= ((word & np.uint64((1 << 56) - 1)) == np.uint64(int.from_bytes(b"<text:p", "little"))) & (
        (eighth == 32) | (eighth == 62) | (eighth == 47)
    ) & (following < len(index.opens))
    if not valued.any():
        return
    columns = _repeats_of(index, cells, b'table:number-columns-repeated="')
    row_repeats = _repeats_of(index, rows, b'table:number-rows-repeated="')
    tables = index.table_starts()
    # rows: where each ends, counted from its sheet's first row
    row_table = np.searchsorted(tables, rows, side="right") - 1
    row_end = np.cumsum(row_repeats)
    first_of_table = np.searchsorted(rows, tables)
    row_base = np.concatenate([[0], row_end])[np.minimum(first_of_table, len(rows))]
    row_end = row_end - row_base[np.maximum(row_table, 0)]
    # cells: where each ends, counted from its row's first cell
    cell_row = np.searchsorted(rows, cells, side="right") - 1
    inside = cell_row >= 0
    cell_end = np.cumsum(columns)
    first_of_row = np.searchsorted(cells, rows)
    cell_base = np.concatenate([[0], cell_end])[first_of_row]
    cell_end = cell_end - cell_base[np.maximum(cell_row, 0)]
    keep = valued & inside
    if not keep.any():
        return
    last_col, first_col = cell_end[keep], cell_end[keep] - columns[keep]
    owner_row = cell_row[keep]
    last_row = row_end[owner_row]
    first_row = last_row - row_repeats[owner_row]
    sheet = row_table[owner_row]
    for table in np.unique(sheet).tolist():
        mine = sheet == table
        height = int(last_row[mine].max()) - int(first_row[mine].min())
        width = int(last_col[mine].max()) - int(first_col[mine].min())
        if height * width > MAX_EXTENT_CELLS:
            raise PackageTooLarge("used rectangle")


def _in_row_tag(content: bytes, at: int) -> bool:
    """Whether the attribute at ``at`` is inside a ``<table:table-row`` tag (no ">" between)."""
    start = content.rfind(_ROW_START, 0, at)
    while start >= 0 and content.find(b">", start, at) < 0:
        after = content[start + len(_ROW_START) : start + len(_ROW_START) + 1]
        if not (after.isalnum() or after == b"_"):
            return True
        start = content.rfind(_ROW_START, 0, start)
    return False
