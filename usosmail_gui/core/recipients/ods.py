"""The facts of an OpenDocument sheet that python-calamine does not give: formats, errors,
hidden rows (``table:visibility``, also rows an autofilter hides) and merged cells.

Every sheet's facts are read from the one index of content.xml (``ods_index.OdsIndex``,
the one the extent check ``ods_extent`` used before calamine read the file): each cell's
row and column from the row and cell tags and their repeats (cumulative sums, repeats
counted, not expanded), its style from the attributes it owns, its format from its data
style translated into an Excel code (``ods_styles``); Python runs per distinct style and
per rare thing only.
"""

from __future__ import annotations

import html
import re
from typing import Any, NamedTuple

from .ods_index import OdsIndex, owning_tags
from .ods_styles import code_for, data_style_codes, read_cell_styles, tag_attributes
from .sheetfacts import SheetFacts

__all__ = ["CellPlaces", "CellStyles", "add_formats", "ods_facts", "ods_sheet_facts"]


_SHEET_MARKER = b'<table:table table:name="'


def _table(index: OdsIndex, sheet: str) -> tuple[int, int] | None:
    """Where the sheet named ``sheet`` is: (its first byte, past its last), or None."""
    content = index.content
    escaped = html.escape(sheet, quote=True).encode() + b'"'
    tables = index.table_starts().tolist()
    marked = [at for at in tables if content.startswith(_SHEET_MARKER, at)]
    start = next((at for at in marked if content.startswith(escaped, at + len(_SHEET_MARKER))), -1)
    if start < 0:
        return None
    following = next((at for at in tables if at > start), -1)
    bound = len(content) if following < 0 else following
    end = content.rfind(b"</table:table>", start, bound)  # searched backwards: the end is near
    return start, bound if end < 0 else end + len(b"</table:table>")


def _until_quote(content: bytes, at: int, limit: int) -> int:
    """Where the attribute value starting at ``at`` ends (its closing quote) within the sheet."""
    end = content.find(b'"', at, limit)
    return end if end >= 0 else limit - 1


def _number_after(content: bytes, at: int, limit: int) -> int:
    try:
        return int(content[at : _until_quote(content, at, limit)])
    except ValueError:
        return 1


def ods_facts(content: bytes | OdsIndex, styles: bytes) -> dict[str, SheetFacts]:
    """Every sheet's facts, by sheet name (``content``: content.xml, or its index)."""
    index = content if isinstance(content, OdsIndex) else OdsIndex(content)
    data = index.content
    first = len(_SHEET_MARKER)
    names = [
        html.unescape(data[at + first : data.find(b'"', at + first)].decode("utf-8", "replace"))
        for at in index.table_starts().tolist()
        if data.startswith(_SHEET_MARKER, at)
    ]
    head = data[: max(0, data.find(b"<office:body"))]
    styles_of = (data_style_codes(styles, head), read_cell_styles((styles, head)))
    return {name: _sheet_facts(index, styles_of, name) for name in names}


def ods_sheet_facts(content: bytes | OdsIndex, styles: bytes, sheet: str) -> SheetFacts:
    """Formats, errors, hidden rows and merges of the sheet named ``sheet`` in content.xml.

    Every cell's row and column are computed at once with numpy from the offsets of the
    tags (rows and cells, repeats added by cumulative sums); Python runs only per distinct
    style and per rare attribute (repeats, spans, errors, hidden rows).
    """
    index = content if isinstance(content, OdsIndex) else OdsIndex(content)
    data = index.content
    head = data[: max(0, data.find(b"<office:body"))]
    return _sheet_facts(index, (data_style_codes(styles, head), read_cell_styles((styles, head))), sheet)


def _sheet_facts(
    index: OdsIndex,
    styles_of: tuple[dict[str, str], dict[bytes, tuple[bytes | None, bytes | None]]],
    sheet: str,
) -> SheetFacts:
    import numpy as np

    facts = SheetFacts(iso_durations=True)
    where = _table(index, sheet)
    if where is None:
        return facts
    start, limit = where
    content = index.content
    in_sheet = index.region(index.opens, start, limit)
    opens, open13 = index.opens[in_sheet], index.open13[in_sheet]
    in_sheet = index.region(index.quotes, start, limit)
    quotes, before_quote, value1 = index.quotes[in_sheet], index.before[in_sheet], index.value1[in_sheet]
    closes = index.closes[index.region(index.closes, start, limit)]
    rows = index.tags(opens, open13, b"<table:table-row", limit)
    cells = index.tags(opens, open13, b"<table:table-cell", limit)
    covered = index.tags(opens, open13, b"<table:covered-table-cell", limit)
    if len(covered):
        cells = np.sort(np.concatenate((cells, covered)))
    if not len(rows) or not len(cells):
        return facts
    row_ends = closes[np.clip(np.searchsorted(closes, rows), 0, len(closes) - 1)]
    cell_ends = closes[np.clip(np.searchsorted(closes, cells), 0, len(closes) - 1)]
    # row numbers: 1 + the repeats of the rows before
    repeats = np.ones(len(rows), dtype=np.int64)
    marker = b'table:number-rows-repeated="'
    at_all = index.attributes(quotes, before_quote, marker, start, limit)
    for i, at in zip(owning_tags(rows, row_ends, at_all).tolist(), at_all.tolist(), strict=True):
        if i >= 0:
            repeats[i] = max(1, _number_after(content, at + len(marker), limit))
    numbers = np.concatenate(([1], 1 + np.cumsum(repeats)[:-1]))
    at_all = index.attributes(quotes, before_quote, b'table:visibility="', start, limit)
    for i, at in zip(owning_tags(rows, row_ends, at_all).tolist(), at_all.tolist(), strict=True):
        if i >= 0 and content[at + 18 : min(at + 25, limit)] != b"visible":
            facts.hidden_rows.update(range(int(numbers[i]), int(numbers[i] + min(repeats[i], 1_100_000))))
    # columns: the cell's place in its row plus the repeats of the cells before it there
    cell_row = np.searchsorted(rows, cells) - 1
    widths = np.ones(len(cells), dtype=np.int64)
    marker = b'table:number-columns-repeated="'
    at_all = index.attributes(quotes, before_quote, marker, start, limit)
    owners = owning_tags(cells, cell_ends, at_all)
    # the repeat of a row's last cell moves nothing (LibreOffice ends every row with one)
    last = np.append(cell_row[1:] != cell_row[:-1], True)
    wanted = (owners >= 0) & ~last[np.clip(owners, 0, None)]
    owners, at_all = owners[wanted], at_all[wanted]
    repeated_cells: list[int] = []
    for k, at in zip(owners.tolist(), at_all.tolist(), strict=True):
        if k >= 0:
            width = _number_after(content, at + len(marker), limit)
            if width > 1:
                widths[k] = width
                repeated_cells.append(k)
    before = np.cumsum(widths) - widths  # columns taken by the cells before, in the whole table
    row_first = np.searchsorted(cells, rows)
    first_of = np.clip(row_first[np.clip(cell_row, 0, None)], 0, len(cells) - 1)
    column_of = before - before[first_of]
    # numeric cells and their cell style (own, else the column's default)
    marker = b'office:value-type="'
    types = index.attributes(quotes, before_quote, marker, start, limit)
    numeric = np.zeros(len(cells), dtype=bool)
    if len(types):
        owner = owning_tags(cells, cell_ends, types)
        letter = index.byte(types + len(marker), limit)
        keep = (owner >= 0) & (letter != ord("s"))
        numeric[owner[keep]] = True
    style_index = np.full(len(cells), -1, dtype=np.int64)
    names: list[bytes] = []
    marker = b'table:style-name="'
    name_ids: dict[bytes, int] = {}
    style_at = index.attributes(quotes, before_quote, marker, start, limit)
    if len(style_at):
        owner = owning_tags(cells, cell_ends, style_at)
        keep = owner >= 0
        keep[keep] = numeric[owner[keep]]
        owned, starts = owner[keep], style_at[keep] + len(marker)
        # a name's bytes (up to its closing quote) as one 64-bit key; longer names one by one
        window = np.concatenate(
            (index.word(starts, limit).view(np.uint8).reshape(-1, 8), index.byte(starts + 8, limit)[:, None]),
            axis=1,
        )
        ends = np.argmax(window == 34, axis=1)
        short = (window == 34).any(axis=1) & (ends <= 8)
        keys = np.where(np.arange(8) < ends[:, None], window[:, :8], 0).copy().view(np.uint64).reshape(-1)
        keys[~short] = np.uint64(0)
        distinct, inverse = np.unique(keys, return_inverse=True)
        for number, key in enumerate(distinct.tolist()):
            name = key.to_bytes(8, "little").rstrip(b"\0")
            names.append(name)
            name_ids[name] = number
        inverse = inverse.reshape(-1).copy()
        for i in np.flatnonzero(~short).tolist():  # names of 9 bytes or more
            at = int(starts[i])
            name = content[at : _until_quote(content, at, limit)]
            if name not in name_ids:
                name_ids[name] = len(names)
                names.append(name)
            inverse[i] = name_ids[name]
        style_index[owned] = inverse
    default_at = _column_defaults(content, start, limit)
    placed = (cells, cell_ends, cell_row, numbers, column_of)  # where each cell is
    places = CellPlaces(cell_row, numbers, column_of, widths, repeated_cells)
    add_formats(facts, places, CellStyles(numeric, style_index, names, name_ids), default_at, styles_of)
    return _errors_and_spans(facts, index, (quotes, before_quote, value1), (start, limit), placed)


class CellPlaces(NamedTuple):
    """Where each cell of a sheet is (numpy arrays, a cell per entry): its row's index,
    each row's number, its column, how many columns it repeats over; and the cells that
    repeat over more than one."""

    cell_row: Any
    numbers: Any
    column_of: Any
    widths: Any
    repeated: list[int]


class CellStyles(NamedTuple):
    """Each cell's style as the sheet says it: whether it holds a number, the index of its
    own cell style's name (-1: none) among ``names`` (``name_ids``: name -> index)."""

    numeric: Any
    style_index: Any
    names: list[bytes]
    name_ids: dict[bytes, int]


def add_formats(
    facts: SheetFacts,
    places: CellPlaces,
    styled: CellStyles,
    default_at: Any,
    styles_of: tuple[dict[str, str], dict[bytes, tuple[bytes | None, bytes | None]]],
) -> None:
    """Each numeric cell's format code into ``facts`` (a column's when all its numbers
    share one, else cell by cell): its own cell style's data style, else its column's
    default cell style's (``default_at``: column -> style name), through their parents."""
    import numpy as np

    cell_row, numbers, column_of, widths, repeated_cells = places
    numeric, style_index, names, name_ids = styled
    codes, cell_styles = styles_of
    found = np.flatnonzero(numeric)
    if not len(found):
        return
    found_columns = column_of[found]
    found_styles = style_index[found]
    unstyled = found_styles < 0
    if unstyled.any():
        for c in sorted(set(found_columns[unstyled].tolist())):
            default = default_at(int(c))
            if default is None:
                continue
            if default not in name_ids:
                name_ids[default] = len(names)
                names.append(default)
            found_styles[unstyled & (found_columns == c)] = name_ids[default]
    code_ids: dict[str, int] = {}
    style_code = np.full(len(names) + 1, -1, dtype=np.int64)  # -1: no format (General)
    code_names: list[str] = []
    for number, name in enumerate(names):
        code = code_for(name, cell_styles, codes)
        if code is not None and code.strip().lower() not in ("general", "@", ""):
            style_code[number] = code_ids.setdefault(code, len(code_ids))
            if style_code[number] == len(code_names):
                code_names.append(code)
    found_codes = style_code[found_styles]  # index -1 reads the last entry: -1
    for c in sorted(set(found_columns[found_codes >= 0].tolist())):
        in_column = found_columns == c
        column_codes = found_codes[in_column]
        distinct = np.array(sorted(set(column_codes.tolist())))
        file_column = int(c)
        if len(distinct) == 1 and distinct[0] >= 0:
            facts.column_codes[file_column] = code_names[int(distinct[0])]
            continue
        row_numbers = numbers[cell_row[found[in_column]]]
        facts.cell_codes[file_column] = {
            int(r): code_names[int(code)]
            for r, code in zip(row_numbers, column_codes, strict=True)
            if code >= 0
        }
    for k in repeated_cells:  # a value repeated across columns: each copy has the format
        if numeric[k] and widths[k] > 1:
            code_id = style_code[style_index[k]] if style_index[k] >= 0 else -1
            if code_id >= 0:
                for c in range(int(column_of[k]) + 1, int(column_of[k] + min(widths[k], 1024))):
                    facts.cell_codes.setdefault(c, {})[int(numbers[cell_row[k]])] = code_names[int(code_id)]


def _errors_and_spans(
    facts: SheetFacts,
    index: OdsIndex,
    attribute_quotes: tuple[Any, Any, Any],
    where: tuple[int, int],
    placed: tuple[Any, Any, Any, Any, Any],
) -> SheetFacts:
    quotes, before_quote, value1 = attribute_quotes
    start, limit = where
    cells, cell_ends, cell_row, numbers, column_of = placed
    content = index.content
    for at in index.valued(quotes, value1, b'calcext:value-type="error"', start, limit):
        (k,) = owning_tags(cells, cell_ends, [at])
        if k < 0:
            continue
        end = content.find(b"</table:table-cell>", at, limit)
        found = re.search(rb"<text:p>([^<]*)", content[at : end if end >= 0 else min(at + 4096, limit)])
        if found is not None:
            key = (int(numbers[cell_row[k]]), int(column_of[k]))
            facts.errors[key] = html.unescape(found.group(1).decode("utf-8", "replace"))
    for formula in (b'table:formula="of:=TRUE()"', b'table:formula="of:=FALSE()"'):
        # LibreOffice shows these as TRUE/FALSE
        for at in index.valued(quotes, value1, formula, start, limit):
            (k,) = owning_tags(cells, cell_ends, [at])
            if k >= 0:
                facts.booleans.add((int(numbers[cell_row[k]]), int(column_of[k])))
    marker = b'table:number-rows-spanned="'
    for at in index.attributes(quotes, before_quote, marker, start, limit).tolist():
        (k,) = owning_tags(cells, cell_ends, [at])
        if k < 0:
            continue
        span = _number_after(content, at + len(marker), limit)
        tag = content[int(cells[k]) : min(int(cell_ends[k]), limit)]
        across = re.search(rb'table:number-columns-spanned="(\d+)"', tag)
        width = int(across.group(1)) if across else 1
        top, left = int(numbers[cell_row[k]]), int(column_of[k])
        if span > 1 or width > 1:
            facts.merges.append((top, left, top + span - 1, left + width - 1))
    return facts


def _column_defaults(content: bytes, start: int, limit: int) -> Any:
    """A function: column index -> its default cell style (from ``table:table-column``)."""
    runs: list[tuple[int, int, bytes | None]] = []
    at = 0
    first_row = content.find(b"<table:table-row", start, limit)
    for match in re.compile(rb"<table:table-column\b([^>]*?)/?>").finditer(
        content, start, first_row if first_row >= 0 else limit - 1
    ):
        attributes = tag_attributes(match.group(1))
        count = int(attributes.get(b"table:number-columns-repeated", b"1"))
        runs.append((at, at + count, attributes.get(b"table:default-cell-style-name")))
        at += count

    def default(column: int) -> bytes | None:
        for first, end, style in runs:
            if first <= column < end:
                return None if style == b"Default" else style
        return None

    return default
