"""The facts of an old Excel (.xls, BIFF8) sheet that python-calamine does not give: number
formats, error cells, hidden rows, and whether the file is password-protected.

The workbook stream is read from the OLE2 container with ``olefile``; its records are
walked as [MS-XLS] 2.1.4 lays them out: FORMAT (2.4.126) and XF (2.4.353) records in the
globals give each cell style's format, BOUNDSHEET8 (2.4.28) where each sheet starts, and
in the sheet NUMBER, RK, MULRK, FORMULA and BOOLERR carry each value's style (``ixfe``),
ROW (2.4.221) its hidden flag. FILEPASS (2.4.117) right after the first BOF means the
workbook is encrypted.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .numformat import LOCALES, Locale, builtin_code
from .sheetfacts import SheetFacts, numbers_in

__all__ = [
    "ERROR_TEXTS",
    "XlsScan",
    "first_visible_worksheet",
    "general_styles",
    "read_workbook_stream",
    "styles_by_column",
    "xls_finish",
    "xls_is_encrypted",
    "xls_scan",
    "xls_sheet_facts",
]

_HEADER = struct.Struct("<HH")
_CELL = struct.Struct("<HHH")
_BOF, _EOF, _FILEPASS, _BOUNDSHEET, _FORMAT, _XF = 0x0809, 0x000A, 0x002F, 0x0085, 0x041E, 0x00E0
_NUMBER, _RK, _MULRK, _FORMULA, _BOOLERR, _ROW = 0x0203, 0x027E, 0x00BD, 0x0006, 0x0205, 0x0208
ERROR_TEXTS = {
    # the error byte of a cell (BIFF8 BOOLERR and FORMULA, BIFF12 BrtCellError and BrtFmlaError)
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}


def read_workbook_stream(path: Path, limit: int | None = None) -> bytes | None:
    """The BIFF workbook stream (its first ``limit`` bytes, when given), or None when the
    container has none (or is unreadable)."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            for name in ("Workbook", "Book"):
                if ole.exists(name):
                    return _stream(ole, name, limit)
    except (OSError, ValueError, struct.error, IndexError, KeyError):
        return None
    return None


def _stream(ole: Any, name: str, limit: int | None) -> bytes:
    """A stream's bytes read a run of consecutive sectors at a time (olefile's own stream
    reads and logs each 512-byte sector: 15,000 of them for a 50,000-row sheet)."""
    entry = ole.root.kids_dict.get(name.lower())
    if entry is None or entry.size < ole.minisectorcutoff:
        data: bytes = ole.openstream(name).read()
        return data if limit is None else data[:limit]
    size = entry.size if limit is None else min(entry.size, limit)
    sector = ole.sectorsize
    fat = ole.fat
    needed = -(-size // sector)
    chain: list[int] = []
    add = chain.append
    current, sectors = entry.isectStart, len(fat)
    for _ in range(min(needed, sectors)):  # a chain never has more sectors than the file
        if not 0 <= current < sectors:
            break
        add(current)
        current = fat[current]
    if len(chain) < needed:  # a broken chain: olefile says what it makes of it
        data = ole.openstream(name).read()
        return data if limit is None else data[:limit]
    parts: list[bytes] = []
    handle = ole.fp
    first = previous = chain[0]
    for current in [*chain[1:], -1]:
        if current == previous + 1:
            previous = current
            continue
        handle.seek(sector * (first + 1))
        parts.append(handle.read(sector * (previous - first + 1)))
        first = previous = current
    return b"".join(parts)[:size]


def xls_is_encrypted(path: Path) -> bool:
    """Whether the workbook globals hold a FILEPASS record (a password-protected .xls)."""
    data = read_workbook_stream(path, limit=1 << 16)
    if not data:
        return False
    pos, n = 0, len(data)
    while pos + 4 <= n:
        kind, size = _HEADER.unpack_from(data, pos)
        if kind == _FILEPASS:
            return True
        if kind == _EOF:
            return False
        pos += 4 + size
    return False


def _text(data: bytes, pos: int, count: int) -> str:
    flags = data[pos]
    pos += 1
    if flags & 0x01:
        return data[pos : pos + 2 * count].decode("utf-16-le", "replace")
    return data[pos : pos + count].decode("latin-1")


def _xf_codes(formats: dict[int, str], xf_formats: list[int], locale: Locale) -> list[str | None]:
    """Each XF's format code: written in a FORMAT record, else built in (14 and 22, dates, in
    the locale's own form)."""
    return [formats[number] if number in formats else builtin_code(number, locale) for number in xf_formats]


def _globals_read(data: bytes) -> tuple[dict[int, str], list[int], dict[str, int]]:
    """The FORMAT records (number -> code), each XF's format number, each sheet's offset."""
    formats: dict[int, str] = {}
    xf_formats: list[int] = []
    sheets: dict[str, int] = {}
    pos, n = 0, len(data)
    while pos + 4 <= n:
        kind, size = _HEADER.unpack_from(data, pos)
        body = pos + 4
        if kind == _FORMAT and size >= 5:
            number, count = struct.unpack_from("<HH", data, body)
            formats[number] = _text(data, body + 4, count)
        elif kind == _XF and size >= 4:
            xf_formats.append(struct.unpack_from("<H", data, body + 2)[0])
        elif kind == _BOUNDSHEET and size >= 8:
            offset = struct.unpack_from("<I", data, body)[0]
            count = data[body + 6]
            sheets[_text(data, body + 7, count)] = offset
        elif kind == _EOF:
            break
        pos = body + size
    return formats, xf_formats, sheets


def general_styles(formats: dict[int, str], xf_formats: list[int]) -> set[int]:
    """The General and text styles (no built-in format that depends on the language is either)."""
    codes = _xf_codes(formats, xf_formats, LOCALES["en"])
    return {i for i, code in enumerate(codes) if code is not None and code.lower() in ("general", "@")}


def xls_sheet_facts(
    data: bytes, sheet: str, locale: Locale, columns: Sequence[Sequence[Any]], first_column: int
) -> SheetFacts:
    """Formats, errors and hidden rows of the sheet named ``sheet``."""
    scan = xls_scan(data, sheet)
    return SheetFacts() if scan is None else xls_finish(scan, locale, columns, first_column)


@dataclass(slots=True)
class XlsScan:
    """What the records of one sheet say before its values are known (see ``xls_scan``; an
    .xlsb's BIFF12 records say the same: ``xlsb.xlsb_scan``)."""

    sheet: str
    formats: dict[int, str]  # FORMAT records: number -> code
    xf_formats: list[int]  # each XF's format number
    facts: SheetFacts  # errors and hidden rows
    per_column: dict[int, tuple[Any, Any]]  # file column -> (0-based rows, styles) of its numbers


def xls_scan(data: bytes, sheet: str) -> XlsScan | None:
    """The sheet's records read for its facts (no values needed, nor the language: this may
    run while calamine reads the same sheet); None when the workbook has no such sheet."""
    formats, xf_formats, sheets = _globals_read(data)
    start = sheets.get(sheet)
    if start is None:
        return None
    facts = SheetFacts()
    general = general_styles(formats, xf_formats)
    # one pass over the records' headers in Python, as tight as it goes (330,000 records
    # for 50,000 rows): the offsets of the records that matter; what they hold is read
    # after, for all of them at once (numpy)
    found = _sheet_records(data, start, facts)
    numbers, multiple, rows = _split_records(data, found)
    per_column = _styles_by_column(data, numbers, multiple, general)
    if len(rows):
        facts.hidden_rows.update(_hidden_rows(data, rows))
    return XlsScan(sheet, formats, xf_formats, facts, per_column)


def xls_finish(
    scan: XlsScan, locale: Locale, columns: Sequence[Sequence[Any]], first_column: int
) -> SheetFacts:
    """The scan made exact with the grid's values: a column whose every number has one style
    (as many styled rows as numbers) gets that style's code; any other, cell by cell."""
    facts, codes = scan.facts, _xf_codes(scan.formats, scan.xf_formats, locale)
    for col, (rows_of, styles_of) in scan.per_column.items():
        uniform = styles_of.min() == styles_of.max()
        if uniform and _distinct(rows_of) == numbers_in(columns, col - first_column):
            facts.column_codes[col] = _code(codes, int(styles_of[0]))
        else:
            cells = dict(zip((rows_of + 1).tolist(), styles_of.tolist(), strict=True))
            facts.cell_codes[col] = {row: _code(codes, xf) for row, xf in cells.items()}
    return facts


def first_visible_worksheet(data: bytes) -> str | None:
    """The name of the first worksheet (BOUNDSHEET8 ``dt`` 0) not hidden (``hsState`` 0), in
    the workbook's order: the sheet a load reads unless told otherwise."""
    pos, n = 0, len(data)
    while pos + 4 <= n:
        kind, size = _HEADER.unpack_from(data, pos)
        body = pos + 4
        if kind == _BOUNDSHEET and size >= 8 and body + 8 <= n:
            if data[body + 4] & 0x03 == 0 and data[body + 5] == 0:
                return _text(data, body + 7, data[body + 6])
        elif kind == _EOF:
            break
        pos = body + size
    return None


_WANTED = frozenset({_RK, _NUMBER, _MULRK, _ROW, _EOF, _FORMULA, _BOOLERR})
_READ_HERE = frozenset({_EOF, _FORMULA, _BOOLERR})


def _sheet_records(data: bytes, start: int, facts: SheetFacts) -> list[int]:
    """The offsets, in the records' order, of the sheet's NUMBER, RK, MULRK and ROW records
    and of its FORMULA records with a number result, from ``start`` to the EOF record (or
    to the end of the stream); errors (BOOLERR, FORMULA) go to ``facts`` on the way."""
    found: list[int] = []
    add, unpack, wanted, read_here = found.append, _HEADER.unpack_from, _WANTED, _READ_HERE
    pos = start
    try:
        while True:
            kind, size = unpack(data, pos)
            if kind in wanted:
                if kind in read_here:
                    if kind == _EOF:
                        break
                    _formula_or_error(data, pos + 4, kind, facts, found)
                else:
                    add(pos)
            pos += 4 + size
    except struct.error:
        pass
    return found


def _split_records(data: bytes, found: list[int]) -> tuple[Any, Any, Any]:
    """(number cells: NUMBER, RK and number FORMULA; MULRK; ROW) offsets, each in order (numpy)."""
    import numpy as np

    at = np.array(found, dtype=np.int64)
    kind = _words(data, at)
    is_multiple, is_row = kind == _MULRK, kind == _ROW
    return at[~(is_multiple | is_row)], at[is_multiple], at[is_row]


def _formula_or_error(data: bytes, body: int, kind: int, facts: SheetFacts, numbers: list[int]) -> None:
    row, col, _xf = _CELL.unpack_from(data, body)
    if kind == _BOOLERR:
        if data[body + 7] == 1:
            facts.errors[(row + 1, col)] = ERROR_TEXTS.get(data[body + 6], "#N/A")
    elif data[body + 12 : body + 14] == b"\xff\xff":
        if data[body + 6] == 2:
            facts.errors[(row + 1, col)] = ERROR_TEXTS.get(data[body + 8], "#N/A")
    else:
        numbers.append(body - 4)  # a number result: a number cell's row, column and style


def _words(data: bytes, offsets: Any) -> Any:
    """The little-endian 16-bit words at these offsets (numpy)."""
    import numpy as np

    array = np.frombuffer(data, dtype=np.uint8)
    return array[offsets].astype(np.int64) | (array[offsets + 1].astype(np.int64) << 8)


def _styles_by_column(
    data: bytes, numbers: Any, multiple: Any, general: set[int]
) -> dict[int, tuple[Any, Any]]:
    """File column -> (0-based rows, styles) of its number cells in the records' order (numpy
    arrays), for the cells whose style is not General."""
    import numpy as np

    at = np.asarray(numbers, dtype=np.int64)
    row, col, xf = _words(data, at + 4), _words(data, at + 6), _words(data, at + 8)
    if len(multiple):
        starts = np.asarray(multiple, dtype=np.int64)
        sizes = _words(data, starts + 2)
        counts = np.maximum((sizes - 6) // 6, 0)
        first = np.repeat(np.cumsum(counts) - counts, counts)
        k = np.arange(int(counts.sum())) - first
        owner = np.repeat(starts, counts)
        row = np.concatenate((row, np.repeat(_words(data, starts + 4), counts)))
        col = np.concatenate((col, np.repeat(_words(data, starts + 6), counts) + k))
        xf = np.concatenate((xf, _words(data, owner + 8 + 6 * k)))
    return styles_by_column(row, col, xf, general)


def styles_by_column(row: Any, col: Any, xf: Any, general: set[int]) -> dict[int, tuple[Any, Any]]:
    """File column -> (0-based rows, styles) of the number cells whose rows, columns and
    styles these are (numpy arrays, in the records' order), for those whose style is not
    General."""
    import numpy as np

    if general:
        is_general = np.zeros(max(max(general), int(xf.max(initial=0))) + 1, dtype=bool)
        is_general[sorted(general)] = True
        keep = ~is_general[xf]
        row, col, xf = row[keep], col[keep], xf[keep]
    out: dict[int, tuple[Any, Any]] = {}
    # each column's cells in the records' order (a column of 16 bits: numpy's radix sort)
    keys = col.astype(np.uint16) if len(col) and int(col.min()) >= 0 and int(col.max()) < 1 << 16 else col
    order = np.argsort(keys, kind="stable")
    col, row, xf = col[order], row[order], xf[order]
    bounds = np.flatnonzero(np.diff(col)) + 1
    for part_col, part_row, part_xf in zip(
        np.split(col, bounds), np.split(row, bounds), np.split(xf, bounds), strict=True
    ):
        if len(part_col):
            out[int(part_col[0])] = (part_row, part_xf)
    return out


def _distinct(rows: Any) -> int:
    """How many different rows (0-based; at most 65,536 in BIFF8, 1,048,576 in BIFF12):
    marked in a table of the rows, no sort."""
    import numpy as np

    if len(rows) < 2:
        return len(rows)
    seen = np.zeros(int(rows.max()) + 1, dtype=bool)
    seen[rows] = True
    return int(np.count_nonzero(seen))


def _hidden_rows(data: bytes, rows: Any) -> list[int]:
    import numpy as np

    at = np.asarray(rows, dtype=np.int64)
    hidden = (_words(data, at + 16) & 0x20) != 0
    found: list[int] = (_words(data, at[hidden] + 4) + 1).tolist()
    return found


def _code(codes: Sequence[str | None], xf: int) -> str:
    code = codes[xf] if xf < len(codes) else None
    return code if code is not None else f"[unknown format {xf}]"
