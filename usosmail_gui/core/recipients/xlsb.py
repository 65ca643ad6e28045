"""The facts of an Excel binary workbook (.xlsb) sheet that python-calamine does not give:
number formats, error cells, hidden rows and merged ranges; and the sheet's extent, checked
before calamine reads it (``sheet_extent``: calamine allocates the rectangle of the cells
at once, and aborts the process on one it cannot).

The parts are BIFF12 record streams ([MS-XLSB] 2.1.4): each record is its type (1-2
bytes) and its size (1-4 bytes), both 7-bit varints (the high bit says another byte
follows), then its body. Read here, as ``xls`` reads BIFF8:

- the workbook part (found through the package relationships, usually xl/workbook.bin):
  BrtBundleSh (2.4.304) names each sheet and its relationship id, which the workbook's
  relationships map to the sheet's part;
- the styles part: BrtFmt (2.4.648) writes out a format code, BrtXF (2.4.812) in the
  BrtBeginCellXFs block (not the cell style XFs before it) gives each cell style's format
  number (built-in numbers through ``numformat.builtin_code``, as for an .xls);
- the sheet part: BrtRowHdr (2.4.726) starts each row (``rw``) and says whether it is
  hidden (``fDyZero``); the cell records after it (BrtCellRk, BrtCellReal, BrtFmlaNum
  for numbers, BrtCellError, BrtFmlaError for errors) start with their column and style;
  BrtMergeCell (2.4.653) gives each merged range (calamine gives none for an .xlsb). The
  sheet's records are walked once (``walk_sheet``), for the extent check and then for
  the facts, which are read in a thread while calamine parses the sheet.

The scan has the shape of an .xls's (``xls.XlsScan``) and is made exact with the grid's
values by the same ``xls.xls_finish``: python-calamine already gives the values, and
turns a date-formatted double into a date, but not a date stored as a whole number (an
RK integer, the way Excel stores most dates): ``whole_dates`` turns those into what
calamine makes of the same double, so that their stored values are dates as in the other
formats (``2024-06-17``, not ``45460``).

Why read the records here: no library on PyPI reads an .xlsb's number formats. pyxlsb
(last release 2022) and pyxlsb2 (2022) read values and formulas; xlsb-reader (2026)
reads values, formulas, pivot tables, no styles; pyxlsbwriter mostly writes. The records
needed are few and simple, and a sheet's are walked in one tight pass over their headers
(what they hold is read after, for all of them at once, with numpy), as for an .xls.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .numformat import Locale, compiled
from .packages import MAX_EXTENT_CELLS, PackageTooLarge
from .sheetfacts import SheetFacts
from .xls import ERROR_TEXTS, XlsScan, general_styles, styles_by_column
from .xlsx import relationship_targets, rels_of

__all__ = [
    "SheetRecords",
    "read_header",
    "read_sheets",
    "read_styles",
    "records",
    "scan_sheet_part",
    "sheet_extent",
    "sheet_part",
    "walk_sheet",
    "whole_dates",
    "xlsb_scan",
]

# record types ([MS-XLSB] 2.3.2)
_ROW_HDR, _CELL_RK, _CELL_ERROR, _CELL_REAL, _FMLA_NUM, _FMLA_ERROR = 0, 2, 3, 5, 9, 11
_FMT, _XF, _BUNDLE_SH, _END_BUNDLE_SHS, _MERGE_CELL = 44, 47, 156, 144, 176
_BEGIN_CELL_XFS, _END_CELL_XFS = 617, 618
_CELL_RSTRING = 62
# what the sheet's walk keeps, by type (below 128): the row headers and every cell record
# (BrtCellBlank … BrtFmlaError, BrtCellRString), for the extent; the facts read rows,
# numbers and errors of them
_KEEP = bytes(kind <= _FMLA_ERROR or kind == _CELL_RSTRING for kind in range(128))
_FACTS = (_ROW_HDR, _CELL_RK, _CELL_ERROR, _CELL_REAL, _FMLA_NUM, _FMLA_ERROR)
_MAX_ROWS, _MAX_COLUMNS = 1 << 20, 1 << 14  # a sheet's: 1,048,576 rows, 16,384 columns
_U32 = struct.Struct("<I")
_U16 = struct.Struct("<H")
_MERGE = struct.Struct("<IIII")


def read_header(data: bytes, pos: int) -> tuple[int, int, int]:
    """(type, size, offset of the body) of the record at ``pos``; ValueError when its header
    is malformed or its body runs past the end of the part."""
    n = len(data)
    if pos >= n:
        raise ValueError("a record header past the end of the part")
    byte = data[pos]
    kind = byte & 0x7F
    pos += 1
    if byte & 0x80:
        if pos >= n:
            raise ValueError("a record type cut short")
        byte = data[pos]
        pos += 1
        if byte & 0x80:
            raise ValueError("a record type longer than two bytes")
        kind |= byte << 7
    size = 0
    for shift in (0, 7, 14, 21):
        if pos >= n:
            raise ValueError("a record size cut short")
        byte = data[pos]
        pos += 1
        size |= (byte & 0x7F) << shift
        if not byte & 0x80:
            break
    else:
        raise ValueError("a record size longer than four bytes")
    if pos + size > n:
        raise ValueError("a record runs past the end of the part")
    return kind, size, pos


def records(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(type, body offset, body size) of each record of a part, in order."""
    pos, n = 0, len(data)
    while pos < n:
        kind, size, body = read_header(data, pos)
        yield kind, body, size
        pos = body + size


def _wide(data: bytes, pos: int, end: int, nullable: bool = False) -> tuple[str | None, int]:
    """An XLWideString (a 32-bit count of UTF-16 code units, then the units) at ``pos``
    within a record ending at ``end``, and the offset after it; None for the null string
    of an XLNullableWideString (count 0xFFFFFFFF)."""
    if pos + 4 > end:
        raise ValueError("a string cut short")
    count = _U32.unpack_from(data, pos)[0]
    pos += 4
    if nullable and count == 0xFFFFFFFF:
        return None, pos
    if pos + 2 * count > end:
        raise ValueError("a string longer than its record")
    return data[pos : pos + 2 * count].decode("utf-16-le", "replace"), pos + 2 * count


def read_sheets(workbook: bytes) -> dict[str, str]:
    """Sheet name -> relationship id, from the workbook part's BrtBundleSh records."""
    sheets: dict[str, str] = {}
    for kind, body, size in records(workbook):
        if kind == _BUNDLE_SH:
            end = body + size
            relation, pos = _wide(workbook, body + 8, end, nullable=True)  # after hsState, iTabID
            name, _ = _wide(workbook, pos, end)
            if relation is not None and name is not None:
                sheets.setdefault(name, relation)
        elif kind == _END_BUNDLE_SHS:
            break
    return sheets


def read_styles(styles: bytes) -> tuple[dict[int, str], list[int]]:
    """The written-out format codes (number -> code) and each cell XF's format number."""
    formats: dict[int, str] = {}
    xf_formats: list[int] = []
    in_cell_xfs = False
    for kind, body, size in records(styles):
        if kind == _FMT:
            if size < 6:
                raise ValueError("a format record cut short")
            code, _ = _wide(styles, body + 2, body + size)
            formats[_U16.unpack_from(styles, body)[0]] = code or ""
        elif kind == _BEGIN_CELL_XFS:
            in_cell_xfs = True
        elif kind == _XF and in_cell_xfs:
            if size < 4:
                raise ValueError("a cell style record cut short")
            xf_formats.append(_U16.unpack_from(styles, body + 2)[0])
        elif kind == _END_CELL_XFS:
            break  # the formats come before the cell styles ([MS-XLSB] 2.1.7.50)
    return formats, xf_formats


@dataclass(slots=True)
class SheetRecords:
    """A sheet part's records walked once (``walk_sheet``): for its extent before calamine
    reads it (``sheet_extent``), then for its facts (``scan_sheet_part``)."""

    data: bytes
    found: list[int]  # offsets of the rows and cells whose type and size are a byte each
    other: list[tuple[int, int, int]]  # (body offset, size, type) of the other rows and cells
    merges: list[tuple[int, int, int, int]]  # 0-based first row, last row, first column, last column
    problem: str | None = None  # why the walk stopped before the end (a malformed record)


def walk_sheet(data: bytes) -> SheetRecords:
    """The sheet's row and cell records in one tight pass over the records' headers (most
    are a byte of type and a byte of size), in the records' order, and its merged ranges;
    a malformed record ends the walk there (``problem``), it never raises."""
    found: list[int] = []
    other: list[tuple[int, int, int]] = []
    merges: list[tuple[int, int, int, int]] = []
    records = SheetRecords(data, found, other, merges)
    add, keep, n = found.append, _KEEP, len(data)
    pos = 0
    try:
        while pos < n:
            kind = data[pos]
            size = data[pos + 1]
            if (kind | size) < 0x80:
                if keep[kind]:
                    add(pos)
                pos += size + 2
                continue
            kind, size, body = read_header(data, pos)
            if kind < 0x80 and keep[kind]:
                other.append((body, size, kind))
            elif kind == _MERGE_CELL:
                if size < 16:
                    raise ValueError("a merged range cut short")
                first_row, last_row, first_column, last_column = _MERGE.unpack_from(data, body)
                merges.append((first_row, last_row, first_column, last_column))
            pos = body + size
        if pos > n:
            raise ValueError("a record runs past the end of the sheet")
    except IndexError:
        records.problem = "a record header cut short"
    except ValueError as exc:
        records.problem = str(exc)
    return records


def sheet_extent(records: SheetRecords) -> int:
    """How many cells the rectangle of the sheet's cells spans (its last row × its last
    column, from A1): python-calamine allocates that rectangle at once, so that two cells,
    A1 and XFD1000000, in a 2 KB file ask for 500 GB and abort the process.
    ``PackageTooLarge`` when it may span more than ``MAX_EXTENT_CELLS`` or a cell lies past
    a sheet's last row or column. Every cell counts, whatever its kind (a blank one with
    a style too), in the row of the row header before it, as far as the records could be
    read (calamine reads no further)."""
    import numpy as np

    if not records.found and not records.other:
        return 0
    data = records.data
    kind, size, body = _kinds_sizes_bodies(data, records.found, records.other)
    whole = (size >= 4) & (body + 4 <= len(data))
    kind, body = kind[whole], body[whole]
    is_row = kind == _ROW_HDR
    if is_row.all():
        return 0
    words = np.ndarray(shape=(len(data) - 3,), dtype="<u4", buffer=data, strides=(1,))
    value = words[body].astype(np.int64)  # a row header's rw, a cell's column
    # each cell's row: the last row header's before it (0 before any, as calamine starts)
    owner = np.maximum.accumulate(np.where(is_row, np.arange(len(kind)), -1))
    rows = np.where(owner >= 0, value[np.maximum(owner, 0)], 0)[~is_row]
    last_row, last_column = int(rows.max()), int(value[~is_row].max())
    if last_row >= _MAX_ROWS or last_column >= _MAX_COLUMNS:
        raise PackageTooLarge("sheet extent")
    cells = (last_row + 1) * (last_column + 1)
    if cells > MAX_EXTENT_CELLS:
        raise PackageTooLarge("sheet extent")
    return cells


def _kinds_sizes_bodies(
    data: bytes, found: list[int], other: list[tuple[int, int, int]]
) -> tuple[Any, Any, Any]:
    """Each kept record's type, size and body offset (numpy), in the records' order."""
    import numpy as np

    array = np.frombuffer(data, dtype=np.uint8)
    at = np.array(found, dtype=np.int64)
    kind, size, body = array[at].astype(np.int64), array[at + 1].astype(np.int64), at + 2
    if other:
        more = np.array(other, dtype=np.int64).reshape(-1, 3)
        kind = np.concatenate((kind, more[:, 2]))
        size = np.concatenate((size, more[:, 1]))
        body = np.concatenate((body, more[:, 0]))
        order = np.argsort(body, kind="stable")
        kind, size, body = kind[order], size[order], body[order]
    return kind, size, body


def scan_sheet_part(
    data: bytes,
    formats: dict[int, str],
    xf_formats: list[int],
    sheet: str = "",
    records: SheetRecords | None = None,
) -> XlsScan:
    """A sheet part's records (``records``, when walked already) read for its facts (no
    values needed, nor the language)."""
    import numpy as np

    if records is None:
        records = walk_sheet(data)
    if records.problem is not None:
        raise ValueError(records.problem)
    facts = SheetFacts()
    facts.merges = [(r1 + 1, c1, r2 + 1, c2) for r1, r2, c1, c2 in records.merges if r1 <= r2 and c1 <= c2]
    empty: dict[int, tuple[Any, Any]] = {}
    kind, size, body = _kinds_sizes_bodies(data, records.found, records.other)
    wanted = np.isin(kind, _FACTS)  # rows, numbers and errors
    kind, size, body = kind[wanted], size[wanted], body[wanted]
    if not len(kind):
        return XlsScan(sheet, formats, xf_formats, facts, empty)
    is_row = kind == _ROW_HDR
    is_error = (kind == _CELL_ERROR) | (kind == _FMLA_ERROR)
    if not is_row[0]:
        raise ValueError("a cell before the first row")
    if (size[is_row] < 12).any() or (size[~is_row] < 8).any() or (size[is_error] < 9).any():
        raise ValueError("a row or cell record cut short")
    words = np.ndarray(shape=(len(data) - 3,), dtype="<u4", buffer=data, strides=(1,))
    # each cell's row: the last row header's before it
    owner = np.maximum.accumulate(np.where(is_row, np.arange(len(kind)), 0))
    row_of = words[body[is_row]].astype(np.int64)  # rw of each row header
    row = np.empty(len(kind), dtype=np.int64)
    row[is_row] = row_of
    row = row[owner]
    if int(row_of.max()) >= _MAX_ROWS:
        raise ValueError("a row past the sheet's end")
    hidden = (words[body[is_row] + 8] >> np.uint32(16)) & np.uint32(0x1000)  # fDyZero, in the flags at 10
    facts.hidden_rows.update((row_of[hidden != 0] + 1).tolist())
    if is_error.any():
        at = body[is_error]
        columns = words[at].tolist()
        if max(columns) >= _MAX_COLUMNS:
            raise ValueError("a column past the sheet's end")
        for number, column, offset in zip((row[is_error] + 1).tolist(), columns, at.tolist(), strict=True):
            facts.errors[(number, column)] = ERROR_TEXTS.get(data[offset + 8], "#N/A")
    is_number = ~(is_row | is_error)
    at = body[is_number]
    column = words[at].astype(np.int64)
    if len(column) and int(column.max()) >= _MAX_COLUMNS:
        raise ValueError("a column past the sheet's end")
    style = (words[at + 4] & np.uint32(0xFFFFFF)).astype(np.int64)
    per_column = styles_by_column(row[is_number], column, style, general_styles(formats, xf_formats))
    return XlsScan(sheet, formats, xf_formats, facts, per_column)


def sheet_part(
    workbook: str,
    read: Callable[[str], bytes],
    sheet: str,
    relations: dict[str, tuple[str, str]] | None = None,
) -> str | None:
    """The part of the sheet named ``sheet`` (through the workbook's relationships,
    ``relations`` when read already), or None."""
    if relations is None:
        relations = relationship_targets(workbook, read(rels_of(workbook)))
    relation = read_sheets(read(workbook)).get(sheet)
    target = relations.get(relation) if relation is not None else None
    return target[1] if target is not None else None


def xlsb_scan(
    workbook: str, read: Callable[[str], bytes], sheet: str, walked: dict[str, SheetRecords] | None = None
) -> XlsScan | None:
    """The records of the sheet named ``sheet`` read for its facts; None when the workbook
    has no such sheet. ``workbook``: the workbook part (``Package.workbook``); ``read``: a
    part's bytes by its name (KeyError when the package has none); ``walked``: sheet part ->
    its records walked already (for the extent check), taken from it. Without a styles
    part the sheet has no formats (every number as stored), its other facts are still read."""
    relations = relationship_targets(workbook, read(rels_of(workbook)))
    part = sheet_part(workbook, read, sheet, relations)
    if part is None:
        return None
    styles = next((path for kind, path in relations.values() if kind.endswith("/styles")), None)
    formats: dict[int, str] = {}
    xf_formats: list[int] = []
    if styles is not None:
        try:
            data = read(styles)
        except KeyError:  # named but not there: no formats, as calamine reads it
            data = b""
        formats, xf_formats = read_styles(data)
    records = walked.pop(part, None) if walked is not None else None
    scan = scan_sheet_part(records.data if records else read(part), formats, xf_formats, sheet, records)
    if not xf_formats:
        scan.per_column = {}  # no styles: every number is shown as stored
    return scan


_ELAPSED = re.compile(r"\[(?:h+|m+|s+)\]", re.IGNORECASE)
_LAST_DAY = 2_958_465  # 9999-12-31: calamine leaves a larger serial a number
# serial 1 is 1900-01-01; 60, Excel's 1900-02-29 (no such day), 1900-02-28 as calamine has it
_DAY_ONE = dt.date(1899, 12, 31)


def _as_calamine_dates(serial: int, elapsed: bool) -> Any:
    """What python-calamine gives for a date-formatted double of this whole value."""
    if elapsed:
        return dt.timedelta(days=serial)
    if serial == 0:
        return dt.time(0, 0)
    return _DAY_ONE + dt.timedelta(days=serial if serial < 60 else serial - 1)


def _whole_day(value: Any) -> bool:
    """Whether the value is a whole number (a bool is no int here) calamine would make a date of."""
    return value.__class__ is int and 0 <= value <= _LAST_DAY


def _date_kind(code: str, locale: Locale) -> bool | None:
    """None when the code shows no date or time, else whether it shows elapsed time."""
    fmt = compiled(code, locale)
    return None if fmt is None or not fmt.is_date else _ELAPSED.search(code) is not None


def whole_dates(
    columns: list[list[Any]], first_column: int, row_numbers: Sequence[int], facts: SheetFacts, locale: Locale
) -> None:
    """The whole numbers (RK integers) of the cells whose format is a date or a time, in
    place, as calamine gives the same value stored as a double: a date (1900 system), a
    time for 0, a duration for an elapsed-time format (``[h]:mm``)."""
    kinds: dict[str, bool | None] = {}
    for column in set(facts.column_codes) | set(facts.cell_codes):
        index = column - first_column
        if not 0 <= index < len(columns):
            continue
        values = columns[index]
        if int not in set(map(type, values)):
            continue
        whole = facts.column_codes.get(column)
        if whole is not None:
            elapsed = _date_kind(whole, locale)
            if elapsed is not None:  # (else the usual column of numbers)
                # one conversion per distinct day; a bool or a float equal to one is no int
                table = {v: _as_calamine_dates(v, elapsed) for v in set(values) if _whole_day(v)}
                get = table.get
                columns[index] = [get(v, v) if v.__class__ is int else v for v in values]
            continue
        cells = facts.cell_codes.get(column, {})
        for i, value in enumerate(values):
            if not _whole_day(value):
                continue
            code = cells.get(row_numbers[i])
            if code is None:
                continue
            if code not in kinds:
                kinds[code] = _date_kind(code, locale)
            elapsed = kinds[code]
            if elapsed is not None:
                values[i] = _as_calamine_dates(value, elapsed)
