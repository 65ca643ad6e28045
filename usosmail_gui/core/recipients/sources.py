"""From a file on disk to rows of raw cell values, for every kind of file staff get.

What a file is comes from its first bytes, not its name: dean's offices receive CSV saved
as ".xls", workbooks renamed to ".csv", web pages called ".xls". Workbooks (xlsx, xlsm,
xlsb, xls, ods) are read by python-calamine, which also detects the format from the
content; text files by the ``csv`` module after the encoding (strict UTF-8 first, then
charset-normalizer limited to the three encodings Polish files use) and the delimiter
have been found. Everything that can go wrong becomes a ``SpreadsheetError`` in plain
words here, so no library exception text ever reaches the user.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, say

from .errors import SpreadsheetError
from .grid import HEADER_SCAN_ROWS, MAX_ROWS, RawGrid, gc_paused, is_blank_row
from .progress import LoadProgress, Stage

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

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
# the encodings dean's-office CSV files come in; unrestricted, charset-normalizer guesses
# big5 or similar on short Polish files
_LEGACY_ENCODINGS = ("cp1250", "iso8859_2")
_DETECT_SAMPLE_BYTES = 256 * 1024
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


def _zip_kind(path: Path) -> FileKind:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except zipfile.BadZipFile:
        raise _damaged(path) from None
    except OSError as exc:
        raise _os_error(path, exc) from None
    except (KeyError, RuntimeError, ValueError, EOFError):
        raise _damaged(path) from None
    if "xl/workbook.xml" in names:
        return FileKind.XLSM if path.suffix.lower() == ".xlsm" else FileKind.XLSX
    if "xl/workbook.bin" in names:
        return FileKind.XLSB
    if b"opendocument.spreadsheet" in mimetype:
        return FileKind.ODS
    if b"opendocument.text" in mimetype:
        raise _not_a_spreadsheet(path, _WRITER)
    if any(n.startswith("word/") for n in names):
        raise _not_a_spreadsheet(path, _WORD)
    if any(n.startswith("ppt/") for n in names):
        raise _not_a_spreadsheet(path, _POWERPOINT)
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


def _sniff(path: Path, head: bytes) -> FileKind:
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
        return _ole_kind(path)
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
    return FileKind.CSV


# --- workbooks ---------------------------------------------------------------------------


class WorkbookSource:
    """An open workbook; ``read`` parses one sheet. Close it (or use ``with``)."""

    def __init__(self, path: Path, kind: FileKind) -> None:
        import python_calamine

        self.path = path
        self.kind = kind
        self.encoding: str | None = None
        self.delimiter: str | None = None
        self._calamine = python_calamine
        try:
            self._handle = path.open("rb")
        except OSError as exc:
            raise _os_error(path, exc) from None
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

    def read(self, name: str, *, max_rows: int) -> Generator[LoadProgress, None, RawGrid]:
        """The sheet's non-blank rows (raw calamine values) with their row numbers.

        A sheet with clearly more than ``max_rows`` rows of data is refused
        (``reason="too_many_rows"``) without converting all of it.
        """
        limit = _nonblank_limit(max_rows)
        yield LoadProgress(Stage.READING)
        try:
            sheet = self._workbook.get_sheet_by_name(name)
        except BaseException as exc:
            raise self._translate(exc) from None
        yield LoadProgress(Stage.CONVERTING)
        try:
            start = sheet.start or (0, 0)
            if sheet.height > limit:
                _count_rows_or_refuse(self.path, sheet.iter_rows(), limit, max_rows)
            with gc_paused():
                # the row lists are made, turned into columns and freed while the
                # collector rests: it would walk every one of them otherwise
                values: list[list[Any]] = sheet.to_python()
                grid = RawGrid.from_rows(values, first_row=start[0], first_column=start[1])
                del values
        except BaseException as exc:
            raise self._translate(exc) from None
        return grid

    def close(self) -> None:
        try:
            self._workbook.close()
        except Exception:  # already closed: nothing to release
            pass
        self._handle.close()

    def __enter__(self) -> WorkbookSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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


def _detection_sample(data: bytes) -> bytes:
    """Lines that hold non-ASCII bytes: the only ones that tell encodings apart."""
    lines = re.findall(rb"[^\n]*[\x80-\xff][^\n]*\n?", data[: 8 * _DETECT_SAMPLE_BYTES])
    return b"".join(lines)[:_DETECT_SAMPLE_BYTES]


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was written in."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8"]
        sample = _detection_sample(data)
        if sample:
            from charset_normalizer import from_bytes

            best = from_bytes(sample, cp_isolation=["utf_8", *_LEGACY_ENCODINGS]).best()
            guess = best.encoding if best is not None else None
            candidates += [guess] if guess and guess != "utf_8" else []
            candidates += [e for e in _LEGACY_ENCODINGS if e != guess]
    for encoding in candidates:
        try:
            return data.decode(encoding), _encoding_name(encoding)
        except UnicodeDecodeError:
            continue
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

    def __init__(self, path: Path) -> None:
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
        self.text, self.encoding = decode_text(path, data)
        text = self.text
        self._skip_lines = 0
        first_line = text[:20].split("\n", 1)[0].strip()
        if re.fullmatch(r"sep=.", first_line, flags=re.IGNORECASE):
            # Excel's hint line: it names the delimiter and is not shown as a row
            self.delimiter: str | None = first_line[4]
            self._skip_lines = 1
        else:
            preferred = "\t" if path.suffix.lower() == ".tsv" else None
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


def open_source(path: Path) -> Source:
    """Recognise the file by its content and open it; ``SpreadsheetError`` if that fails."""
    head = _read_head(path)
    kind = _sniff(path, head)
    if kind is FileKind.CSV:
        return TextSource(path)
    return WorkbookSource(path, kind)
