"""From a file on disk to rows of raw cell values, for every kind of file staff get.

What a file is comes from its first bytes, not its name: dean's offices receive CSV saved
as ".xls", workbooks renamed to ".csv", web pages called ".xls". Workbooks (xlsx, xlsm,
xlsb, xls, ods) are read by python-calamine, which also detects the format from the
content; text files by the ``csv`` module after the encoding (strict UTF-8 first, then
Windows-1250 or ISO 8859-2, told apart by which reads letters inside words) and the delimiter
have been found. Everything that can go wrong becomes a ``SpreadsheetError`` in plain
words here, so no library exception text ever reaches the user.
"""

from __future__ import annotations

from pathlib import Path

from .errors import too_many_rows
from .sniffing import FileKind, SheetInfo, read_head, sniff
from .text_source import ENCODINGS, TextSource, decode_text, sniff_delimiter
from .workbook_source import WorkbookSource

__all__ = [
    "ENCODINGS",
    "FileKind",
    "SheetInfo",
    "Source",
    "TextSource",
    "WorkbookSource",
    "decode_text",
    "open_source",
    "sniff_delimiter",
    "too_many_rows",
]

Source = WorkbookSource | TextSource


def open_source(path: Path, encoding: str | None = None) -> Source:
    """Recognise the file by its content and open it; ``SpreadsheetError`` if that fails.
    ``encoding``: a text file's encoding, as the user chose it (default: detected)."""
    head = read_head(path)
    kind, package = sniff(path, head)
    if kind is FileKind.CSV:
        return TextSource(path, encoding)
    return WorkbookSource(path, kind, package)
