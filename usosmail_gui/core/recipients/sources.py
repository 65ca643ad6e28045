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

import codecs
import csv
import io
import logging
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, say

from .errors import SpreadsheetError
from .grid import HEADER_SCAN_ROWS, MAX_ROWS, RawGrid, gc_paused, is_blank_row
from .isolated import read_in_child
from .numformat import LOCALES, Locale
from .ods import ods_facts
from .packages import (
    Package,
    PackageTooLarge,
    XmlAttributes,
    check_ods_extent,
    check_xlsx_extent,
    inspect_zip,
    repacked,
)
from .progress import LoadProgress, Stage
from .sheetfacts import SheetFacts
from .xls import read_workbook_stream, xls_is_encrypted, xls_sheet_facts
from .xlsx import SheetScan, WorkbookParts, finish_facts, scan_sheet

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

log = logging.getLogger(__name__)
RISKY_BYTES = 192 * 2**20
"""A workbook whose parts declare more than this (a 200,000-row list of 8 columns: ~100
MiB) is read in a child process (``isolated``)."""
RISKY_CELLS = 8_000_000
"""…and so is a sheet whose used rectangle may span more cells than this."""
# what reading the facts beyond the values may raise on a file calamine could read
_FACTS_ERRORS = (
    PackageTooLarge, zipfile.BadZipFile, KeyError, ValueError, IndexError, struct.error, zlib.error
)

__all__ = [
    "FileKind",
    "SheetInfo",
    "Source",
    "TextSource",
    "WorkbookSource",
    "open_source",
]

_HEAD_BYTES = 8192
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_SCAN_LIMIT = 64 * 1024 * 1024
# the encodings dean's-office CSV files come in besides UTF-8
_LEGACY_ENCODINGS = ("cp1250", "iso8859_2")
_DETECT_SAMPLE_BYTES = 64 * 1024
_DELIMITERS = (";", ",", "\t", "|")
_SNIFF_CHARS = 64 * 1024
_CSV_CHUNK = 5000
_MAX_TEXT_BYTES = 512 * 2**20  # 2,600 bytes per row of 200,000: no recipient list is bigger
_NO_DELIMITER = "\x1f"  # the ASCII unit separator: never in a recipient list


class FileKind(StrEnum):
    XLSX = "xlsx"
    XLSM = "xlsm"
    XLSB = "xlsb"
    XLS = "xls"
    ODS = "ods"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    hidden: bool = False


def _name(path: Path) -> str:
    return path.name or str(path)


# --- opening and recognising ------------------------------------------------------------


def _read_head(path: Path) -> bytes:
    name = _name(path)
    try:
        with path.open("rb") as handle:
            return handle.read(_HEAD_BYTES)
    except FileNotFoundError:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "The file {name} does not exist (it may have been moved, renamed or deleted). "
                    "Choose the file again.",
                ),
                name=name,
            ),
            path=path,
            reason="missing",
        ) from None
    except IsADirectoryError:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems", "{name} is a folder, not a file. Choose the spreadsheet file itself."
                ),
                name=name,
            ),
            path=path,
            reason="directory",
        ) from None
    except PermissionError:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "You are not allowed to read {name}. Ask whoever shared it to give you access, "
                    "or copy it to one of your own folders and open the copy.",
                ),
                name=name,
            ),
            path=path,
            reason="permission",
        ) from None
    except OSError as exc:
        raise _os_error(path, exc) from None


def _os_error(path: Path, exc: OSError) -> SpreadsheetError:
    detail = exc.strerror or exc.__class__.__name__
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} could not be read ({detail}). Check that the disk or network drive it is on is "
                "available, then try again.",
            ),
            name=_name(path),
            detail=detail,
        ),
        path=path,
        reason="os_error",
    )


def _damaged(path: Path) -> SpreadsheetError:
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} looks like an Excel or LibreOffice workbook but is damaged (incomplete or corrupt), "
                "perhaps because a download or copy was interrupted. Get the file again, or open it in "
                "Excel or LibreOffice and save it anew.",
            ),
            name=_name(path),
        ),
        path=path,
        reason="damaged",
    )


def _password(path: Path) -> SpreadsheetError:
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} is protected with a password, so it cannot be read. Open it in Excel or "
                "LibreOffice, save a copy without the password, and open that copy.",
            ),
            name=_name(path),
        ),
        path=path,
        reason="password",
    )


_WRITER = QT_TRANSLATE_NOOP("Problems", "a text document (LibreOffice Writer)")
_WORD = QT_TRANSLATE_NOOP("Problems", "a Word document")
_POWERPOINT = QT_TRANSLATE_NOOP("Problems", "a PowerPoint presentation")
_ZIP = QT_TRANSLATE_NOOP("Problems", "a ZIP archive")
_PDF = QT_TRANSLATE_NOOP("Problems", "a PDF document")
_PICTURE = QT_TRANSLATE_NOOP("Problems", "a picture")


def _not_a_spreadsheet(path: Path, what: str) -> SpreadsheetError:
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} is {what}, not a spreadsheet. Choose the recipient list saved as .xlsx, .xls, .ods "
                "or .csv.",
            ),
            name=_name(path),
            what=say(what),
        ),
        path=path,
        reason="not_spreadsheet",
    )


def _too_large(path: Path) -> SpreadsheetError:
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} is too large or damaged: a part of it would take far more memory than a list of "
                "recipients needs (such files are usually damaged, or made to crash programs). Open it in "
                "Excel or LibreOffice and save it anew, or export the list again.",
            ),
            name=_name(path),
        ),
        path=path,
        reason="too_large",
    )


def _zip_kind(path: Path) -> tuple[FileKind, Package]:
    try:
        package = inspect_zip(path)
    except PackageTooLarge:
        raise _too_large(path) from None
    except zipfile.BadZipFile:
        raise _damaged(path) from None
    except OSError as exc:
        raise _os_error(path, exc) from None
    except (KeyError, RuntimeError, ValueError, EOFError, NotImplementedError, zlib.error):
        raise _damaged(path) from None
    names = package.names
    if package.workbook is not None:
        if package.workbook_binary:
            return FileKind.XLSB, package
        return (FileKind.XLSM if path.suffix.lower() == ".xlsm" else FileKind.XLSX), package
    if package.ods_encrypted:
        raise _password(path)
    if package.ods:
        return FileKind.ODS, package
    if any(n.startswith("word/") for n in names):
        raise _not_a_spreadsheet(path, _WORD)
    if any(n.startswith("ppt/") for n in names):
        raise _not_a_spreadsheet(path, _POWERPOINT)
    if b"opendocument.text" in package.mimetype:
        raise _not_a_spreadsheet(path, _WRITER)
    if "[Content_Types].xml" in names or "content.xml" in names:
        raise _damaged(path)
    raise _not_a_spreadsheet(path, _ZIP)


def _ole_kind(path: Path) -> FileKind:
    """An OLE2 container: an old .xls, or a password-protected xlsx (``EncryptedPackage``)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            data = handle.read(min(size, _OLE_SCAN_LIMIT))
    except OSError as exc:
        raise _os_error(path, exc) from None

    def has_stream(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has_stream("EncryptedPackage") or has_stream("EncryptionInfo"):
        raise _password(path)
    if has_stream("Workbook") or has_stream("Book"):
        if xls_is_encrypted(path):
            raise _password(path)
        return FileKind.XLS
    if has_stream("WordDocument"):
        raise _not_a_spreadsheet(path, _WORD)
    if has_stream("PowerPoint Document"):
        raise _not_a_spreadsheet(path, _POWERPOINT)
    return FileKind.XLS  # let calamine decide; its failure reads as "damaged"


def _looks_binary(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    return controls > len(head) // 50


def _sniff(path: Path, head: bytes) -> tuple[FileKind, Package | None]:
    if not head:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name} is empty (0 bytes): there is nothing in it to read. Check that you chose the "
                    "right file, or export the list again.",
                ),
                name=_name(path),
            ),
            path=path,
            reason="empty",
        )
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(path)
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(path), None
    if head.startswith(b"%PDF"):
        raise _not_a_spreadsheet(path, _PDF)
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise _not_a_spreadsheet(path, _PICTURE)
    if _looks_binary(head):
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name} is neither a spreadsheet nor a text (CSV) file: its content is binary data. "
                    "Choose the recipient list saved as .xlsx, .xls, .ods or .csv.",
                ),
                name=_name(path),
            ),
            path=path,
            reason="binary",
        )
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<") and b"<table" in start):
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name} is a web page (HTML) saved with a spreadsheet's name, which this app cannot "
                    "read. Open it in Excel or LibreOffice, save it as .xlsx or .csv, and open that file.",
                ),
                name=_name(path),
            ),
            path=path,
            reason="html",
        )
    if start.startswith(b"<?xml") and b"office:spreadsheet" in head.lower():
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name} is an old “XML Spreadsheet 2003” file, which this app cannot read. Open it in "
                    "Excel or LibreOffice, save it as .xlsx, and open that file.",
                ),
                name=_name(path),
            ),
            path=path,
            reason="xml_spreadsheet",
        )
    return FileKind.CSV, None


# --- workbooks ---------------------------------------------------------------------------


class WorkbookSource:
    """An open workbook; ``read`` parses one sheet. Close it (or use ``with``)."""

    def __init__(self, path: Path, kind: FileKind, package: Package | None = None) -> None:
        import python_calamine

        self.path = path
        self.kind = kind
        self.package = package
        self.encoding: str | None = None
        self.delimiter: str | None = None
        self.encoding_alternative: str | None = None
        self._calamine = python_calamine
        self._ods_early: _OdsFacts | None = None
        self._attributes: dict[str, XmlAttributes] = {}  # sheet part -> its attributes' offsets
        if kind is FileKind.ODS and package is not None:
            self._check_extent(None)  # calamine reads every sheet of an .ods when it opens it
            self._ods_early = _OdsFacts(self)
        try:
            normalised = repacked(path, package) if package is not None else None
            self._handle: io.BufferedReader | io.BytesIO = normalised or path.open("rb")
        except OSError as exc:
            raise _os_error(path, exc) from None
        except (zipfile.BadZipFile, KeyError, ValueError, zlib.error):
            raise _damaged(path) from None
        try:
            self._workbook: CalamineWorkbook = python_calamine.CalamineWorkbook.from_filelike(self._handle)
            metadata = self._workbook.sheets_metadata
        except BaseException as exc:
            self._handle.close()
            raise self._translate(exc) from None
        visible = python_calamine.SheetVisibleEnum.Visible
        worksheet = python_calamine.SheetTypeEnum.WorkSheet
        self.sheets: list[SheetInfo] = [
            SheetInfo(m.name, hidden=m.visible != visible) for m in metadata if m.typ == worksheet
        ]

    def _translate(self, exc: BaseException) -> BaseException:
        """A library failure as a ``SpreadsheetError``; interrupts and exits stay as they are.

        pyo3 turns a panic inside calamine (a malformed file it did not foresee) into
        ``PanicException``, a ``BaseException``: that, too, means a damaged file.
        """
        calamine = self._calamine
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)):
            return exc
        if isinstance(exc, calamine.PasswordError):
            return _password(self.path)
        if isinstance(exc, (calamine.CalamineError, calamine.ZipError, calamine.XmlError)):
            return _damaged(self.path)
        if isinstance(exc, OSError):
            return _os_error(self.path, exc)
        if isinstance(exc, SpreadsheetError):
            return exc
        return _damaged(self.path)

    def read(
        self, name: str, *, max_rows: int, locale: Locale = LOCALES["en"], isolate: bool = True
    ) -> Generator[LoadProgress, None, RawGrid]:
        """The sheet's non-blank rows (raw calamine values) with their row numbers, and the
        facts calamine does not give (``RawGrid.facts``: formats, errors, hidden rows, merges).

        A sheet with clearly more than ``max_rows`` rows of data is refused
        (``reason="too_many_rows"``) without converting all of it. A big or odd sheet
        (``_risky``) is read in a child process when ``isolate`` (see ``isolated``).
        """
        limit = _nonblank_limit(max_rows)
        yield LoadProgress(Stage.READING)
        extent = self._check_extent(name)
        if isolate and self._risky(extent):
            grid: RawGrid = yield from read_in_child(
                self.path, name, max_rows=max_rows, language=locale.language
            )
            return grid
        early = _EarlyFacts(self, name, locale)  # reads the XML while calamine parses it
        try:
            sheet = self._workbook.get_sheet_by_name(name)
        except BaseException as exc:
            early.join()
            raise self._translate(exc) from None
        yield LoadProgress(Stage.CONVERTING)
        try:
            start = sheet.start or (0, 0)
            if sheet.height > limit:
                early.join()
                _count_rows_or_refuse(self.path, sheet.iter_rows(), limit, max_rows)
            with gc_paused():
                # the row lists are made, turned into columns and freed while the
                # collector rests: it would walk every one of them otherwise
                values: list[list[Any]] = sheet.to_python()
                grid = RawGrid.from_rows(values, first_row=start[0], first_column=start[1])
                del values
            merges = sheet.merged_cell_ranges if self.kind is not FileKind.ODS else None
        except BaseException as exc:
            early.join()
            raise self._translate(exc) from None
        scan = early.join()
        if len(grid):
            grid.facts = self._facts(name, grid, locale, scan)
            if merges:
                grid.facts.merges = [(r1 + 1, c1, r2 + 1, c2) for (r1, c1), (r2, c2) in merges]
        return grid

    def _facts(self, name: str, grid: RawGrid, locale: Locale, scan: SheetScan | None) -> SheetFacts:
        """What the file says beyond the values; a file whose facts cannot be read keeps its values."""
        try:
            if scan is not None:
                return finish_facts(scan, grid.columns, grid.first_column)
            if self._ods_early is not None:
                return self._ods_early.join().get(name) or SheetFacts()
            if self.kind is FileKind.XLS:
                data = read_workbook_stream(self.path)
                if data:
                    return xls_sheet_facts(data, name, locale, grid.columns, grid.first_column)
        except _FACTS_ERRORS:
            log.warning("The formats of %s could not be read; values are shown as stored", self.path.name)
        return SheetFacts()

    def _part(self, archive: zipfile.ZipFile, name: str) -> bytes:
        assert self.package is not None
        kept = self.package.parts.pop(name, None)
        return kept if kept is not None else archive.read(name)

    def _risky(self, extent: int) -> bool:
        """Whether calamine's read of this sheet may need memory enough to abort the process."""
        if self.package is None:
            return False
        declared = sum(size for _, size in self.package.sizes.values())
        return declared > RISKY_BYTES or extent > RISKY_CELLS

    def _check_extent(self, name: str | None) -> int:
        """Refuse a sheet whose used rectangle calamine could not allocate (it aborts, not
        raises); the most cells the rectangle may span (0 when not known)."""
        if self.package is None:
            return 0
        if self.kind is FileKind.ODS and name is not None:
            return 0  # every sheet of it was checked when it was opened (one content.xml)
        try:
            with zipfile.ZipFile(self.path) as archive:
                if self.kind is FileKind.ODS:
                    check_ods_extent(self._peek(archive, "content.xml"))
                elif self.kind in (FileKind.XLSX, FileKind.XLSM):
                    parts = WorkbookParts(self.package, lambda part: self._peek(archive, part))
                    sheet_part = parts.sheets.get(name or "")
                    if sheet_part is not None:
                        xml = self._peek(archive, sheet_part)
                        attributes = XmlAttributes(xml)
                        extent = check_xlsx_extent(xml, attributes)
                        self._attributes[sheet_part] = attributes  # for the scan of its styles
                        return extent
        except PackageTooLarge:
            raise _too_large(self.path) from None
        except (zipfile.BadZipFile, KeyError, OSError, zlib.error, EOFError):
            raise _damaged(self.path) from None
        return 0

    def _peek(self, archive: zipfile.ZipFile, name: str) -> bytes:
        """A part's bytes, kept for the scan after (``_part`` takes them)."""
        assert self.package is not None
        kept = self.package.parts.get(name)
        if kept is None:
            # at once: its declared size (checked) bounds it, and a part that inflates past
            # it fails its CRC; big parts were inflated chunk by chunk before (inspect_zip)
            kept = archive.read(name)
            if name.startswith("xl/worksheets/") or name == "content.xml":
                self.package.parts[name] = kept
        return kept

    def xlsx_scan(self, name: str, locale: Locale) -> SheetScan | None:
        """The xlsx sheet's XML scanned (formats, errors, hidden rows), or None when not an xlsx."""
        if self.kind not in (FileKind.XLSX, FileKind.XLSM) or self.package is None:
            return None
        with zipfile.ZipFile(self.path) as archive:
            parts = WorkbookParts(self.package, lambda part: self._part(archive, part))
            sheet_part = parts.sheets.get(name)
            if sheet_part is None:
                return None
            xml = self._part(archive, sheet_part)
        return scan_sheet(xml, parts.codes(locale), self._attributes.pop(sheet_part, None))

    def ods_facts(self) -> dict[str, SheetFacts]:
        """Every sheet's facts (formats, errors, hidden rows, merges) of an .ods."""
        with zipfile.ZipFile(self.path) as archive:
            content = self._part(archive, "content.xml")
            styles = self._part(archive, "styles.xml") if "styles.xml" in archive.namelist() else b""
        return ods_facts(content, styles)

    def close(self) -> None:
        if self._ods_early is not None:
            self._ods_early.join()
        try:
            self._workbook.close()
        except Exception:  # already closed: nothing to release
            pass
        self._handle.close()

    def __enter__(self) -> WorkbookSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _EarlyFacts:
    """The xlsx scan in a thread of its own, started before calamine parses the sheet.

    calamine releases the GIL while it parses, so the scan's regular expressions run on
    the other core meanwhile instead of after it. The zip was checked before (bombs never
    get here); a scan that fails leaves the values without their formats, never the load.
    """

    def __init__(self, source: WorkbookSource, name: str, locale: Locale) -> None:
        self._result: SheetScan | None = None
        self._thread: threading.Thread | None = None
        if source.kind in (FileKind.XLSX, FileKind.XLSM) and source.package is not None:
            self._thread = threading.Thread(
                target=self._run, args=(source, name, locale), name="xlsx-scan", daemon=True
            )
            self._thread.start()

    def _run(self, source: WorkbookSource, name: str, locale: Locale) -> None:
        try:
            self._result = source.xlsx_scan(name, locale)
        except _FACTS_ERRORS:
            log.warning("The formats of %s could not be read; values are shown as stored", source.path.name)

    def join(self) -> SheetScan | None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        return self._result


class _OdsFacts:
    """An .ods file's facts, read in a thread while calamine parses the file as it opens it
    (both release the GIL for much of their work: calamine's parser, numpy's passes)."""

    def __init__(self, source: WorkbookSource) -> None:
        self._result: dict[str, SheetFacts] = {}
        self._thread: threading.Thread | None = threading.Thread(
            target=self._run, args=(source,), name="ods-scan", daemon=True
        )
        self._thread.start()

    def _run(self, source: WorkbookSource) -> None:
        try:
            self._result = source.ods_facts()
        except _FACTS_ERRORS:
            log.warning("The formats of %s could not be read; values are shown as stored", source.path.name)

    def join(self) -> dict[str, SheetFacts]:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        return self._result


def _nonblank_limit(max_rows: int) -> int:
    """Non-blank rows a sheet may have: the data rows plus the header and rows above it."""
    return max_rows + HEADER_SCAN_ROWS + 1


def _count_rows_or_refuse(path: Path, rows: Iterator[list[Any]], limit: int, max_rows: int) -> None:
    count = 0
    for row in rows:
        if not is_blank_row(row):
            count += 1
            if count > limit:
                raise too_many_rows(path, max_rows)


def too_many_rows(path: Path, max_rows: int) -> SpreadsheetError:
    """The one message for a list longer than the app takes."""
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} has more than {max_rows} rows of recipients; this app sends to at most {max_rows} at "
                "once. Split the list into smaller files (or delete the rows you do not need) and open them "
                "one by one.",
            ),
            name=_name(path),
            max_rows=max_rows,
        ),
        path=path,
        reason="too_many_rows",
    )


# --- text files --------------------------------------------------------------------------


def _legacy_score(text: str, changed: str) -> int:
    """How much ``text`` reads as words where the two legacy encodings differ: each of the
    ``changed`` characters that is a letter next to a letter counts +1, each that is no
    letter but sits inside a word (a symbol or control between letters) -1."""
    score = 0
    for match in re.finditer("[" + re.escape(changed) + "]", text):
        char = match.group(0)
        at = match.start()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        in_word = before.isalpha() or after.isalpha()
        if char.isalpha():
            score += 1 if in_word else 0
        elif in_word:
            score -= 1
    return score


def _legacy_choice(sample: bytes) -> tuple[str, str | None]:
    """Windows-1250 or ISO 8859-2 for non-UTF-8 text, and the other one when it reads
    ``sample`` to different letters (the user may switch with one click)."""
    differing = bytes(b for b in set(sample) if b >= 0x80 and _CP1250_ISO_DIFFER[b])
    if not differing:
        return "cp1250", None
    try:
        windows = sample.decode("cp1250")
    except UnicodeDecodeError:
        return "iso8859_2", None  # bytes Windows-1250 leaves undefined: only ISO fits
    iso = sample.decode("iso8859_2")
    windows_score = _legacy_score(windows, differing.decode("cp1250", "replace"))
    iso_score = _legacy_score(iso, differing.decode("iso8859_2"))
    if iso_score > windows_score:
        return "iso8859_2", "cp1250"
    return "cp1250", "iso8859_2"


def _differing_bytes() -> bytes:
    table = bytearray(256)
    for b in range(0x80, 0x100):
        try:
            windows = bytes([b]).decode("cp1250")
        except UnicodeDecodeError:
            windows = ""
        table[b] = windows != bytes([b]).decode("iso8859_2")
    return bytes(table)


_CP1250_ISO_DIFFER = _differing_bytes()
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def decode_text(path: Path, data: bytes, encoding: str | None = None) -> tuple[str, str, str | None]:
    """The file's text, the encoding it was written in, and the other legacy encoding when
    that would read different letters (else None).

    Linear in the size of the file: strict UTF-8 is one C-level decode; Windows-1250 and
    ISO 8859-2 are told apart on a bounded sample (the first ``_DETECT_SAMPLE_BYTES``
    bytes holding non-ASCII) by which of them yields letters rather than symbols inside
    words. ``encoding`` (a codec name or one of the names shown) skips the detection.
    """
    alternative: str | None = None
    if encoding is not None:
        candidates = [_codec_of(path, encoding)]
    elif data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8"]
        found = None if data.isascii() else _NON_ASCII.search(data)
        if found is not None:
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                first = found.start()
                choice, alternative = _legacy_choice(data[max(0, first - 64) : first + _DETECT_SAMPLE_BYTES])
                candidates = [choice, *(e for e in _LEGACY_ENCODINGS if e != choice)]
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            alternative = None if codec != candidates[0] else alternative
            continue
        return text, _encoding_name(codec), (_encoding_name(alternative) if alternative else None)
    if encoding is not None:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name} cannot be read as {encoding}: it holds bytes that are not text in that "
                    "encoding. Choose another encoding (or let the app find it).",
                ),
                name=_name(path),
                encoding=encoding,
            ),
            path=path,
            reason="encoding",
        )
    raise SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "The text of {name} could not be read: it is not in UTF-8, Windows-1250 or ISO 8859-2. Open "
                "it in Excel or LibreOffice and save it as .xlsx (or as CSV in UTF-8), then open that file.",
            ),
            name=_name(path),
        ),
        path=path,
        reason="encoding",
    )


ENCODINGS = ("UTF-8", "Windows-1250", "ISO 8859-2", "UTF-16")
"""The encodings a user may choose for a text file (``--encoding``, the sheet dialog)."""


def _codec_of(path: Path, name: str) -> str:
    """A codec for an encoding as the user names it ("Windows-1250", "cp1250", "iso-8859-2", "utf8")."""
    folded = name.strip().lower().replace("_", "-").replace(" ", "-")
    known = {
        "utf-8": "utf-8-sig",
        "utf8": "utf-8-sig",
        "utf-8-(bom)": "utf-8-sig",
        "utf-16": "utf-16",
        "windows-1250": "cp1250",
        "cp1250": "cp1250",
        "iso-8859-2": "iso8859_2",
        "iso8859-2": "iso8859_2",
        "latin2": "iso8859_2",
        "latin-2": "iso8859_2",
    }
    codec = known.get(folded)
    if codec is None:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems", "“{encoding}” is not an encoding this app reads. Choose one of: {encodings}."
                ),
                encoding=name,
                encodings=", ".join(ENCODINGS),
            ),
            path=path,
            reason="bad_encoding",
        )
    return codec


def _encoding_name(codec: str) -> str:
    return {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "utf-16": "UTF-16", "cp1250": "Windows-1250"}.get(
        codec, "ISO 8859-2" if codec == "iso8859_2" else codec
    )


def _field_counts(lines: list[str], delimiter: str) -> list[int]:
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    try:
        return [len(row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error:
        return []


def sniff_delimiter(text: str, preferred: str | None = None) -> str | None:
    """The delimiter that splits the first lines into the same number of fields most often.

    Ties go to the one with more fields (a semicolon file whose names hold one comma each
    is still a semicolon file), then to ``preferred`` (tab for .tsv), then to the order
    ``;`` ``,`` tab ``|``. None when no delimiter makes two fields or more: a file of one
    column, whose cells (several addresses "a@x.pl, b@x.pl") must not be split.
    """
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    lines = sample.splitlines()[:200]
    best: tuple[float, int, int, int] | None = None
    chosen: str | None = None
    for order, delimiter in enumerate(_DELIMITERS):
        counts = _field_counts(lines, delimiter)
        if not counts:
            continue
        mode = max(set(counts), key=lambda n: (counts.count(n), n))
        if mode < 2:
            continue
        consistency = counts.count(mode) / len(counts)
        score = (round(consistency, 1), mode, int(delimiter == preferred), -order)
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


class TextSource:
    """A CSV/TSV/TXT file, decoded; ``read`` splits it into rows of strings."""

    kind = FileKind.CSV

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        self.path = path
        try:
            size = path.stat().st_size
            if size > _MAX_TEXT_BYTES:
                raise SpreadsheetError(
                    say(
                        QT_TRANSLATE_NOOP(
                            "Problems",
                            "{name} is {megabytes} MB of text, far more than a list of {max_rows} recipients "
                            "(the most this app sends to at once). Check that you chose the right file, or "
                            "split the list into smaller files.",
                        ),
                        name=_name(path),
                        megabytes=round(size / 2**20),
                        max_rows=MAX_ROWS,
                    ),
                    path=path,
                    reason="too_big",
                )
            data = path.read_bytes()
        except OSError as exc:
            raise _os_error(path, exc) from None
        self.text, self.encoding, self.encoding_alternative = decode_text(path, data, encoding)
        text = self.text
        self._skip_lines = 0
        first_line = text[:20].split("\n", 1)[0].strip()
        if re.fullmatch(r"sep=.", first_line, flags=re.IGNORECASE):
            # Excel's hint line: it names the delimiter and is not shown as a row
            self.delimiter: str | None = first_line[4]
            self._skip_lines = 1
        else:
            preferred = "\t" if path.suffix.lower() == ".tsv" else None
            csv.field_size_limit(_MAX_TEXT_BYTES)  # one long cell is a cell, not a broken file
            self.delimiter = sniff_delimiter(text, preferred)
        self.sheets: list[SheetInfo] = []

    def read(self, name: str | None = None, *, max_rows: int) -> Generator[LoadProgress, None, RawGrid]:
        """The file's non-blank records with their record numbers (see ``WorkbookSource.read``)."""
        del name  # a text file has no sheets
        limit = _nonblank_limit(max_rows)
        text = self.text
        stream = io.StringIO(text, newline="")
        for _ in range(self._skip_lines):
            stream.readline()
        total = text.count("\n") + 1
        # one column: a delimiter that cannot occur in text
        reader = csv.reader(stream, delimiter=self.delimiter or _NO_DELIMITER, strict=False)
        rows: list[list[str]] = []
        numbers: list[int] = []
        record = 0
        try:
            for row in reader:
                record += 1
                if row and not is_blank_row(row):
                    rows.append(row)
                    numbers.append(record)
                    if len(rows) > limit:
                        raise too_many_rows(self.path, max_rows)
                if record % _CSV_CHUNK == 0:
                    yield LoadProgress(Stage.CONVERTING, reader.line_num, total)
        except csv.Error:
            raise SpreadsheetError(
                say(
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "{name} is not a well-formed CSV file (line {line} could not be split into cells). "
                        "Open it in Excel or LibreOffice and save it as .xlsx or .csv again.",
                    ),
                    name=_name(self.path),
                    line=str(reader.line_num),
                ),
                path=self.path,
                reason="bad_csv",
            ) from None
        with gc_paused():
            grid = RawGrid.from_text_rows(rows, numbers)
            rows.clear()
        return grid

    def close(self) -> None:
        self.text = ""

    def __enter__(self) -> TextSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


Source = WorkbookSource | TextSource


def open_source(path: Path, encoding: str | None = None) -> Source:
    """Recognise the file by its content and open it; ``SpreadsheetError`` if that fails.
    ``encoding``: a text file's encoding, as the user chose it (default: detected)."""
    head = _read_head(path)
    kind, package = _sniff(path, head)
    if kind is FileKind.CSV:
        return TextSource(path, encoding)
    return WorkbookSource(path, kind, package)
