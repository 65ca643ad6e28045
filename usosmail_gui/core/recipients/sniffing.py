"""What a file is, from its first bytes and not its name: dean's offices receive CSV saved
as ".xls", workbooks renamed to ".csv", web pages called ".xls"; a zip workbook is looked at
for bombs (``packages.inspect_zip``) before any reader opens it."""

from __future__ import annotations

import codecs
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, say

from .errors import (
    SpreadsheetError,
    damaged,
    file_name,
    not_a_spreadsheet,
    os_error,
    password_protected,
    too_large,
)
from .packages import Package, PackageTooLarge, inspect_zip
from .xls import xls_is_encrypted

__all__ = ["FileKind", "SheetInfo", "read_head", "sniff"]

_HEAD_BYTES = 8192
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_SCAN_LIMIT = 64 * 1024 * 1024


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


def read_head(path: Path) -> bytes:
    name = file_name(path)
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
        raise os_error(path, exc) from None


_WRITER = QT_TRANSLATE_NOOP("Problems", "a text document (LibreOffice Writer)")
_WORD = QT_TRANSLATE_NOOP("Problems", "a Word document")
_POWERPOINT = QT_TRANSLATE_NOOP("Problems", "a PowerPoint presentation")
_ZIP = QT_TRANSLATE_NOOP("Problems", "a ZIP archive")
_PDF = QT_TRANSLATE_NOOP("Problems", "a PDF document")
_PICTURE = QT_TRANSLATE_NOOP("Problems", "a picture")


def _zip_kind(path: Path) -> tuple[FileKind, Package]:
    try:
        package = inspect_zip(path)
    except PackageTooLarge:
        raise too_large(path) from None
    except zipfile.BadZipFile:
        raise damaged(path) from None
    except OSError as exc:
        raise os_error(path, exc) from None
    except (KeyError, RuntimeError, ValueError, EOFError, NotImplementedError, zlib.error):
        raise damaged(path) from None
    names = package.names
    if package.workbook is not None:
        if package.workbook_binary:
            return FileKind.XLSB, package
        return (FileKind.XLSM if path.suffix.lower() == ".xlsm" else FileKind.XLSX), package
    if package.ods_encrypted:
        raise password_protected(path)
    if package.ods:
        return FileKind.ODS, package
    if any(n.startswith("word/") for n in names):
        raise not_a_spreadsheet(path, _WORD)
    if any(n.startswith("ppt/") for n in names):
        raise not_a_spreadsheet(path, _POWERPOINT)
    if b"opendocument.text" in package.mimetype:
        raise not_a_spreadsheet(path, _WRITER)
    if "[Content_Types].xml" in names or "content.xml" in names:
        raise damaged(path)
    raise not_a_spreadsheet(path, _ZIP)


def _ole_kind(path: Path) -> FileKind:
    """An OLE2 container: an old .xls, or a password-protected xlsx (``EncryptedPackage``)."""
    names = _ole_names(path)
    if names is None:  # a container olefile cannot read: its bytes are searched for the names
        try:
            size = path.stat().st_size
            with path.open("rb") as handle:
                data = handle.read(min(size, _OLE_SCAN_LIMIT))
        except OSError as exc:
            raise os_error(path, exc) from None

    def has_stream(name: str) -> bool:
        return name in names if names is not None else name.encode("utf-16-le") in data

    if has_stream("EncryptedPackage") or has_stream("EncryptionInfo"):
        raise password_protected(path)
    if has_stream("Workbook") or has_stream("Book"):
        if xls_is_encrypted(path):
            raise password_protected(path)
        return FileKind.XLS
    if has_stream("WordDocument"):
        raise not_a_spreadsheet(path, _WORD)
    if has_stream("PowerPoint Document"):
        raise not_a_spreadsheet(path, _POWERPOINT)
    return FileKind.XLS  # let calamine decide; its failure reads as "damaged"


def _ole_names(path: Path) -> set[str] | None:
    """The names of the container's streams and storages, from its directory (olefile), or
    None when olefile cannot read it."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            return {name for entry in ole.listdir(streams=True, storages=True) for name in entry}
    except Exception:  # any container olefile cannot parse: the byte search decides
        return None


def _looks_binary(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    return controls > len(head) // 50


def sniff(path: Path, head: bytes) -> tuple[FileKind, Package | None]:
    if not head:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name} is empty (0 bytes): there is nothing in it to read. Check that you chose the "
                    "right file, or export the list again.",
                ),
                name=file_name(path),
            ),
            path=path,
            reason="empty",
        )
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(path)
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(path), None
    if head.startswith(b"%PDF"):
        raise not_a_spreadsheet(path, _PDF)
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise not_a_spreadsheet(path, _PICTURE)
    if _looks_binary(head):
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name} is neither a spreadsheet nor a text (CSV) file: its content is binary data. "
                    "Choose the recipient list saved as .xlsx, .xls, .ods or .csv.",
                ),
                name=file_name(path),
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
                name=file_name(path),
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
                name=file_name(path),
            ),
            path=path,
            reason="xml_spreadsheet",
        )
    return FileKind.CSV, None
