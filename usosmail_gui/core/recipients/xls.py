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
from pathlib import Path
from typing import Any

from .numformat import Locale, builtin_code
from .sheetfacts import SheetFacts, numbers_in

__all__ = ["read_workbook_stream", "xls_is_encrypted", "xls_sheet_facts"]

_HEADER = struct.Struct("<HH")
_CELL = struct.Struct("<HHH")
_BOF, _EOF, _FILEPASS, _BOUNDSHEET, _FORMAT, _XF = 0x0809, 0x000A, 0x002F, 0x0085, 0x041E, 0x00E0
_NUMBER, _RK, _MULRK, _FORMULA, _BOOLERR, _ROW = 0x0203, 0x027E, 0x00BD, 0x0006, 0x0205, 0x0208
_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}


def read_workbook_stream(path: Path) -> bytes | None:
    """The BIFF workbook stream, or None when the container has none (or is unreadable)."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            for name in ("Workbook", "Book"):
                if ole.exists(name):
                    data: bytes = ole.openstream(name).read()
                    return data
    except (OSError, ValueError, struct.error, IndexError, KeyError):
        return None
    return None


def xls_is_encrypted(path: Path) -> bool:
    """Whether the workbook globals hold a FILEPASS record (a password-protected .xls)."""
    data = read_workbook_stream(path)
    if not data:
        return False
    pos, n = 0, min(len(data), 1 << 16)
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


def _globals(data: bytes, locale: Locale) -> tuple[list[str | None], dict[str, int]]:
    """Each XF's format code, and each sheet's stream offset."""
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
    codes = [formats[number] if number in formats else builtin_code(number, locale) for number in xf_formats]
    return codes, sheets


def xls_sheet_facts(
    data: bytes, sheet: str, locale: Locale, columns: Sequence[Sequence[Any]], first_column: int
) -> SheetFacts:
    """Formats, errors and hidden rows of the sheet named ``sheet``."""
    facts = SheetFacts()
    codes, sheets = _globals(data, locale)
    start = sheets.get(sheet)
    if start is None:
        return facts
    general = {i for i, code in enumerate(codes) if code is not None and code.lower() in ("general", "@")}
    per_column: dict[int, dict[int, int]] = {}
    hidden = facts.hidden_rows
    unpack, cell = _HEADER.unpack_from, _CELL.unpack_from
    pos, n = start, len(data)
    while pos + 4 <= n:
        kind, size = unpack(data, pos)
        body = pos + 4
        if kind in (_RK, _NUMBER):
            row, col, xf = cell(data, body)
            if xf not in general:
                per_column.setdefault(col, {})[row + 1] = xf
        elif kind == _MULRK:
            row, col = struct.unpack_from("<HH", data, body)
            for k in range((size - 6) // 6):
                xf = struct.unpack_from("<H", data, body + 4 + 6 * k)[0]
                if xf not in general:
                    per_column.setdefault(col + k, {})[row + 1] = xf
        elif kind in (_FORMULA, _BOOLERR):
            row, col, xf = cell(data, body)
            if kind == _BOOLERR:
                if data[body + 7] == 1:
                    facts.errors[(row + 1, col)] = _ERRORS.get(data[body + 6], "#N/A")
            elif data[body + 12 : body + 14] == b"\xff\xff":
                if data[body + 6] == 2:
                    facts.errors[(row + 1, col)] = _ERRORS.get(data[body + 8], "#N/A")
            elif xf not in general:
                per_column.setdefault(col, {})[row + 1] = xf
        elif kind == _ROW:
            flags = struct.unpack_from("<H", data, body + 12)[0]
            if flags & 0x20:
                hidden.add(struct.unpack_from("<H", data, body)[0] + 1)
        elif kind == _EOF:
            break
        pos = body + size
    for col, rows in per_column.items():
        styles = set(rows.values())
        if len(styles) == 1 and len(rows) == numbers_in(columns, col - first_column):
            xf = styles.pop()
            facts.column_codes[col] = _code(codes, xf)
        else:
            facts.cell_codes[col] = {row: _code(codes, xf) for row, xf in rows.items()}
    return facts


def _code(codes: Sequence[str | None], xf: int) -> str:
    code = codes[xf] if xf < len(codes) else None
    return code if code is not None else f"[unknown format {xf}]"
