"""The facts of an xlsx/xlsm sheet that python-calamine does not give: formats, errors, hidden rows.

Read from the parts themselves (already inflated and checked by ``packages.inspect_zip``):
the workbook (found through the package relationships) names each sheet's part; the
styles part maps each cell style (``s="3"``) to a number format (``numFmtId``, built-in
or written out in ``numFmts``).

Why vectorised passes over the sheet's XML and not a parser: a 50,000 × 8 sheet is 20 MB
of XML, 400,000 cells. An XML parser calls Python per element (a second or more); a
regular expression's ``findall`` of ``(column, style)`` pairs ~150 ms; numpy over the
attributes' offsets (``packages.XmlAttributes``, made once for the extent check and this
scan) ~20 ms. Rare things (error cells, hidden rows) are then read with regular
expressions, only when the attributes say they are there. In the usual case every
number of a column has one style (the whole column was formatted), which the pairs and the
column's count of numbers prove; only a column whose cells differ is read cell by cell.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .cells import column_index, column_letter
from .numformat import Locale, builtin_code
from .packages import Package, XmlAttributes
from .sheetfacts import SheetFacts, numbers_in

__all__ = [
    "SheetScan",
    "WorkbookParts",
    "finish_facts",
    "relationship_targets",
    "rels_of",
    "scan_sheet",
    "sheet_facts",
]

_RELATIONSHIP = re.compile(rb"<Relationship\b([^>]*?)/?>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*?)/?>")
_NUMFMT = re.compile(rb"<(?:\w+:)?numFmt\b([^>]*?)/?>")
_CELL_XFS = re.compile(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", re.DOTALL)
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*?)/?>")
_ERROR = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"[^>]*? t="e"[^>]*>(.*?)</c>', re.DOTALL)
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_HIDDEN_ROW = re.compile(rb'<row r="(\d+)"[^>]*?\shidden="(?:1|true)"')
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _attributes(raw: bytes) -> dict[str, str]:
    return {
        k.decode().split(":")[-1]: html.unescape(v.decode("utf-8", "replace"))
        for k, v in _ATTRIBUTE.findall(raw)
    }


def rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def relationship_targets(package_part: str, rels: bytes) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part path) of a part's relationships."""
    folder = posixpath.dirname(package_part)
    found: dict[str, tuple[str, str]] = {}
    for match in _RELATIONSHIP.finditer(rels):
        attributes = _attributes(match.group(1))
        target = attributes.get("Target", "")
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        found[attributes.get("Id", "")] = (attributes.get("Type", ""), path)
    return found


class WorkbookParts:
    """The workbook's sheets (name → part) and its cell styles' format codes."""

    def __init__(self, package: Package, read: Any) -> None:
        self._read = read  # name -> bytes (from the archive)
        self.package = package
        workbook = package.workbook or "xl/workbook.xml"
        self.sheets: dict[str, str] = {}
        self._styles: list[int | str] = []
        self.date1904 = False
        try:
            relations = relationship_targets(workbook, read(rels_of(workbook)))
            content = read(workbook)
        except KeyError:
            return
        self.date1904 = re.search(rb'date1904="(?:1|true)"', content) is not None
        for match in _SHEET.finditer(content):
            attributes = _attributes(match.group(1))
            target = relations.get(attributes.get("id", ""))
            if target is not None and "name" in attributes:
                self.sheets[attributes["name"]] = target[1]
        styles = next((path for kind, path in relations.values() if kind.endswith("/styles")), None)
        if styles is not None:
            try:
                self._styles = _cell_formats(read(styles))
            except KeyError:
                pass

    def codes(self, locale: Locale) -> list[str | None]:
        """Each cell style's format code; None for a built-in format whose code is the
        reader's locale's business and not known here (East Asian dates, 5-8 currencies)."""
        return [entry if isinstance(entry, str) else builtin_code(entry, locale) for entry in self._styles]


def _cell_formats(styles: bytes) -> list[int | str]:
    written: dict[int, str] = {}
    for match in _NUMFMT.finditer(styles):
        attributes = _attributes(match.group(1))
        try:
            written[int(attributes.get("numFmtId", ""))] = attributes.get("formatCode", "")
        except ValueError:
            continue
    block = _CELL_XFS.search(styles)
    out: list[int | str] = []
    if block is None:
        return out
    for match in _XF.finditer(block.group(1)):
        try:
            number = int(_attributes(match.group(1)).get("numFmtId", "0"))
        except ValueError:
            number = 0
        out.append(written.get(number, number))
    return out


def _general(code: str | None) -> bool:
    return code is not None and code.strip().lower() in ("general", "@", "")


@dataclass(slots=True)
class SheetScan:
    """What one pass over a sheet's XML found, before the values are known."""

    xml: bytes
    codes: Sequence[str | None]
    relevant: bool
    facts: SheetFacts
    pairs: dict[bytes, dict[bytes, int]]  # column letters -> {style -> cells}


def scan_sheet(
    xml: bytes, codes: Sequence[str | None], attributes: XmlAttributes | None = None
) -> SheetScan:
    """Errors, hidden rows and the styles of the non-text cells, per column (no values
    needed: this runs while calamine parses the same sheet). ``attributes``: the sheet's
    ``XmlAttributes``, when the extent check made them already."""
    facts = SheetFacts()
    relevant = {i for i, code in enumerate(codes) if not _general(code)}
    index = attributes if attributes is not None else XmlAttributes(xml)
    if _any_value(index, b' t="', b"e"):
        for match in _ERROR.finditer(xml):
            value = _VALUE.search(match.group(3))
            if value is not None:
                key = (int(match.group(2)), column_index(match.group(1).decode()))
                facts.errors[key] = html.unescape(value.group(1).decode("utf-8", "replace"))
    if len(index.find(b'hidden="')):
        facts.hidden_rows = {int(n) for n in _HIDDEN_ROW.findall(xml)}
    by_column: dict[bytes, dict[bytes, int]] = {}
    if relevant:
        for (column, style), count in _styled_cells(index).items():
            if style in relevant:
                by_column.setdefault(column_letter(column).encode(), {})[str(style).encode()] = count
    return SheetScan(xml, codes, bool(relevant), facts, by_column)


def _any_value(index: XmlAttributes, name: bytes, value: bytes) -> bool:
    """Whether some `` name="value"`` attribute is in the part (a value of up to 8 bytes)."""
    import numpy as np

    starts, ends = index.values(name)
    same = (ends - starts) == len(value)
    if not same.any():
        return False
    mask = np.uint64((1 << (8 * len(value))) - 1)
    return bool(((index.word8(starts[same]) & mask) == np.uint64(_word(value))).any())


def _word(text: bytes) -> int:
    return int.from_bytes(text, "little")


def _place_values(base: int, places: int) -> Any:
    """Row n: the value of each of the first n digits of a number in ``base`` (n = 0…places)."""
    import numpy as np

    return np.array(
        [[base ** (n - 1 - k) if k < n else 0 for k in range(places)] for n in range(places + 1)],
        dtype=np.int64,
    )


_PLACE_VALUES: Any = None
_LETTER_VALUES: Any = None


def _styled_cells(index: XmlAttributes) -> dict[tuple[int, int], int]:
    """(0-based column, style) -> how many cells ``<c r="A1" s="3">`` have them, the cell
    not text (``t`` not s, str, inlineStr or e), s= right after r= as Excel, LibreOffice
    and openpyxl write it (a cell written otherwise leaves its column to be read cell by
    cell): counted with numpy from the style attributes' offsets and a few eight-byte
    reads around each, no Python per cell."""
    import numpy as np

    global _PLACE_VALUES, _LETTER_VALUES
    if _PLACE_VALUES is None:
        _PLACE_VALUES, _LETTER_VALUES = _place_values(10, 8)[:, :5][:6], _place_values(26, 3)
    found = index.find(b' s="')
    found = found[found >= 2]
    quotes = index.quotes
    style_open, reference_close, reference_open = quotes[found], quotes[found - 1], quotes[found - 2]
    keep = reference_close == style_open - 4  # the reference's quotes right before the style's
    length = reference_close - reference_open - 1
    keep &= (length >= 2) & (length <= 10)
    found, reference_open, length = found[keep], reference_open[keep], length[keep]
    if not len(found):
        return {}
    style_close = quotes[found + 1]
    style_length = style_close - quotes[found] - 1
    # every byte needed, from `<c r="` to the type after the style, in one read per cell
    cell = index.window(reference_open - 7, 6)
    valid = (cell[:, :8].copy().view("<u8")[:, 0] >> np.uint64(16)) == np.uint64(_word(b'<c r="'))
    # the reference: 1-3 letters, then a digit
    letter = (cell[:, 8:11] >= 65) & (cell[:, 8:11] <= 90)
    letters = 1 + letter[:, 1] + (letter[:, 1] & letter[:, 2])
    after = np.take_along_axis(cell, (8 + letters)[:, None], axis=1)[:, 0]
    letter_values = cell[:, 8:11].astype(np.int64) - 64
    letter_values[np.arange(3)[None, :] >= letters[:, None]] = 0
    column = (letter_values * _LETTER_VALUES[letters]).sum(axis=1)
    valid &= letter[:, 0] & (after >= 48) & (after <= 57)
    # the style: 1-5 digits, no leading zero; then the type. Eight bytes from a place that
    # differs per cell, read as one number from the rows laid end to end
    flat = np.concatenate((cell.reshape(-1), np.zeros(8, dtype=np.uint8)))
    words = np.lib.stride_tricks.sliding_window_view(flat, 8)
    base = np.arange(len(found), dtype=np.int64) * cell.shape[1]
    first_digit = 8 + length + 5
    digits = words[base + first_digit][:, :5].astype(np.int64) - 48
    valid &= (style_length >= 1) & (style_length <= 5) & ((style_length == 1) | (digits[:, 0] != 0))
    places = np.clip(style_length, 0, 5)
    inside = np.arange(5)[None, :] < places[:, None]
    digits[~inside] = 0
    valid &= ((digits >= 0) & (digits <= 9)).all(axis=1)
    style = (digits * _PLACE_VALUES[places]).sum(axis=1)
    # not text: no t="s" / t="str" / t="inlineStr" / t="e" right after the style
    tail = words[base + first_digit + np.minimum(style_length, 5)].copy().view("<u8")[:, 0]
    u64 = np.uint64
    typed = ((tail & u64(0xFFFFFFFFFF)) == u64(_word(b'" t="'))) & (quotes[found + 2] == style_close + 4)
    kind = ((tail >> u64(40)) & u64(0xFF)).astype(np.int64)
    second = ((tail >> u64(48)) & u64(0xFF)).astype(np.int64)
    kind_length = quotes[found + 3] - (style_close + 5)
    shared = (kind == 115) & (kind_length == 1)  # s
    formula_text = (kind == 115) & (kind_length == 3) & (second == 116)  # str
    inline = (kind == 105) & (kind_length == 9)  # inlineStr
    error = (kind == 101) & (kind_length == 1)  # e
    valid &= ~(typed & (shared | formula_text | inline | error))
    keys = (column[valid] - 1) * (1 << 20) + style[valid]
    distinct, counts = np.unique(keys, return_counts=True)
    return {
        (key >> 20, key & ((1 << 20) - 1)): count
        for key, count in zip(distinct.tolist(), counts.tolist(), strict=True)
    }


def finish_facts(scan: SheetScan, columns: Sequence[Sequence[Any]], first_column: int) -> SheetFacts:
    """The scan made exact with the grid's values: a column whose every number has one style
    (as many styled cells as numbers) gets that style's code; any other is read cell by cell."""
    facts = scan.facts
    codes = scan.codes
    for letters, styles in scan.pairs.items():
        file_column = column_index(letters.decode())
        if len(styles) == 1:
            ((style, count),) = styles.items()
            if count == numbers_in(columns, file_column - first_column):
                facts.column_codes[file_column] = codes[int(style)] or f"[unknown format {int(style)}]"
                continue
        facts.cell_codes[file_column] = _cells_of(scan.xml, letters, codes)
    return facts


def sheet_facts(
    xml: bytes, codes: Sequence[str | None], columns: Sequence[Sequence[Any]], first_column: int
) -> SheetFacts:
    """Formats, errors and hidden rows of one sheet's XML; ``columns`` are the grid's raw
    columns (``columns[j]`` is file column ``first_column + j``), to prove uniform columns."""
    return finish_facts(scan_sheet(xml, codes), columns, first_column)


def _cells_of(xml: bytes, letters: bytes, codes: Sequence[str | None]) -> dict[int, str]:
    """Row number -> format code of one column's styled cells (the cell-by-cell way)."""
    pattern = re.compile(rb'<c r="' + letters + rb'(\d+)"([^>]*?)/?>')
    found: dict[int, str] = {}
    for row, attributes in pattern.findall(xml):
        style = re.search(rb'\bs="(\d+)"', attributes)
        if style is None:
            continue
        kind = re.search(rb'\bt="(\w+)"', attributes)
        if kind is not None and kind.group(1) in (b"s", b"inlineStr", b"str"):
            continue
        index = int(style.group(1))
        code = codes[index] if index < len(codes) else None
        found[int(row)] = code if code is not None else f"[unknown format {index}]"
    return found
