"""An open workbook (xlsx, xlsm, xlsb, xls, ods) read by python-calamine, with the facts
calamine does not give (formats, errors, hidden rows, merges) read beside it."""

from __future__ import annotations

import io
import logging
import struct
import threading
import zipfile
import zlib
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import SpreadsheetError, damaged, os_error, password_protected, too_large, too_many_rows
from .grid import RawGrid, gc_paused, is_blank_row, nonblank_limit
from .isolated import read_in_child
from .numformat import LOCALES, Locale
from .ods import ods_facts
from .ods_extent import check_ods_extent
from .ods_index import OdsIndex
from .packages import Package, PackageTooLarge, XmlAttributes, check_xlsx_extent, read_part, repacked
from .progress import LoadProgress, Stage
from .sheetfacts import SheetFacts
from .sniffing import FileKind, SheetInfo
from .xls import XlsScan, first_visible_worksheet, read_workbook_stream, xls_finish, xls_scan
from .xlsb import SheetRecords, sheet_extent, sheet_part, walk_sheet, whole_dates, xlsb_scan
from .xlsx import SheetScan, WorkbookParts, finish_facts, scan_sheet

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

__all__ = ["RISKY_BYTES", "RISKY_CELLS", "WorkbookSource"]

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
        self._xlsb_records: dict[str, SheetRecords] = {}  # an .xlsb sheet part -> its records walked
        self._ods_index: OdsIndex | None = None  # content.xml's tags, for the extent check and facts
        self._xls_early: _XlsFacts | None = None
        if kind is FileKind.ODS and package is not None:
            self._check_extent(None)  # calamine reads every sheet of an .ods when it opens it
            self._ods_early = _OdsFacts(self)
        if kind is FileKind.XLS:
            self._xls_early = _XlsFacts(self)  # reads the records while calamine opens the file
        try:
            normalised = repacked(path, package) if package is not None else None
            self._handle: io.BufferedReader | io.BytesIO = normalised or path.open("rb")
        except OSError as exc:
            raise os_error(path, exc) from None
        except (zipfile.BadZipFile, KeyError, ValueError, zlib.error):
            raise damaged(path) from None
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
            return password_protected(self.path)
        if isinstance(exc, (calamine.CalamineError, calamine.ZipError, calamine.XmlError)):
            return damaged(self.path)
        if isinstance(exc, OSError):
            return os_error(self.path, exc)
        if isinstance(exc, SpreadsheetError):
            return exc
        return damaged(self.path)

    def read(
        self, name: str, *, max_rows: int, locale: Locale = LOCALES["en"], isolate: bool = True
    ) -> Generator[LoadProgress, None, RawGrid]:
        """The sheet's non-blank rows (raw calamine values) with their row numbers, and the
        facts calamine does not give (``RawGrid.facts``: formats, errors, hidden rows, merges).

        A sheet with clearly more than ``max_rows`` rows of data is refused
        (``reason="too_many_rows"``) without converting all of it. A big or odd sheet
        (``_risky``) is read in a child process when ``isolate`` (see ``isolated``).
        """
        limit = nonblank_limit(max_rows)
        yield LoadProgress(Stage.READING)
        extent = self._check_extent(name)
        if isolate and self._risky(extent):
            self._xlsb_records.clear()  # the child reads the sheet itself
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

    def _facts(
        self, name: str, grid: RawGrid, locale: Locale, scan: SheetScan | XlsScan | None
    ) -> SheetFacts:
        """What the file says beyond the values; a file whose facts cannot be read keeps its values."""
        try:
            if isinstance(scan, XlsScan):  # an .xlsb's records
                facts = xls_finish(scan, locale, grid.columns, grid.first_column)
                whole_dates(grid.columns, grid.first_column, grid.row_numbers, facts, locale)
                return facts
            if scan is not None:
                return finish_facts(scan, grid.columns, grid.first_column)
            if self._ods_early is not None:
                return self._ods_early.join().get(name) or SheetFacts()
            if self.kind is FileKind.XLS:
                early = self._xls_early.join(name) if self._xls_early is not None else None
                if early is None:
                    data = read_workbook_stream(self.path)
                    early = xls_scan(data, name) if data else None
                if early is not None:
                    return xls_finish(early, locale, grid.columns, grid.first_column)
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
                    self._ods_index = OdsIndex(self._peek(archive, "content.xml"))
                    check_ods_extent(self._ods_index)
                elif self.kind in (FileKind.XLSX, FileKind.XLSM):
                    parts = WorkbookParts(self.package, lambda part: self._peek(archive, part))
                    sheet_part = parts.sheets.get(name or "")
                    if sheet_part is not None:
                        xml = self._peek(archive, sheet_part)
                        attributes = XmlAttributes(xml)
                        extent = check_xlsx_extent(xml, attributes)
                        self._attributes[sheet_part] = attributes  # for the scan of its styles
                        return extent
                elif self.kind is FileKind.XLSB and self.package.workbook is not None:
                    return self._check_xlsb_extent(archive, self.package.workbook, name or "")
        except PackageTooLarge:
            raise too_large(self.path) from None
        except (zipfile.BadZipFile, KeyError, OSError, zlib.error, EOFError):
            raise damaged(self.path) from None
        return 0

    def _check_xlsb_extent(self, archive: zipfile.ZipFile, workbook: str, name: str) -> int:
        """The .xlsb sheet's records walked for its extent (kept for its facts after); a
        workbook part whose sheets cannot be read is damaged (calamine reads the same)."""
        try:
            part = sheet_part(workbook, lambda part: read_part(archive, part), name)
        except (ValueError, struct.error):
            raise damaged(self.path) from None
        if part is None:
            return 0
        records = walk_sheet(read_part(archive, part))  # its bytes kept in the records
        extent = sheet_extent(records)
        self._xlsb_records[part] = records
        return extent

    def _peek(self, archive: zipfile.ZipFile, name: str) -> bytes:
        """A part's bytes, kept for the scan after (``_part`` takes them)."""
        assert self.package is not None
        kept = self.package.parts.get(name)
        if kept is None:
            # at once: its declared size (checked) bounds it, and calamine, reading it next,
            # checks its CRC; big parts were inflated and checked before (inspect_zip)
            kept = read_part(archive, name)
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

    def xlsb_scan(self, name: str) -> XlsScan | None:
        """The .xlsb sheet's records scanned (formats, errors, hidden rows, merges), or None
        when not an .xlsb (or it has no such sheet)."""
        if self.kind is not FileKind.XLSB or self.package is None or self.package.workbook is None:
            return None
        walked, self._xlsb_records = self._xlsb_records, {}
        with zipfile.ZipFile(self.path) as archive:
            # each part inflated at most to its declared size, which inspect_zip checked
            return xlsb_scan(self.package.workbook, lambda part: self._part(archive, part), name, walked)

    def ods_facts(self) -> dict[str, SheetFacts]:
        """Every sheet's facts (formats, errors, hidden rows, merges) of an .ods."""
        index, self._ods_index = self._ods_index, None  # made by the extent check
        with zipfile.ZipFile(self.path) as archive:
            content: OdsIndex | bytes = index if index is not None else self._part(archive, "content.xml")
            styles = self._part(archive, "styles.xml") if "styles.xml" in archive.namelist() else b""
        if index is not None:
            assert self.package is not None
            self.package.parts.pop("content.xml", None)
        return ods_facts(content, styles)

    def close(self) -> None:
        if self._ods_early is not None:
            self._ods_early.join()
        if self._xls_early is not None:
            self._xls_early.wait()
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
    """The xlsx (or xlsb) scan in a thread of its own, started before calamine parses the sheet.

    calamine releases the GIL while it parses, so the scan's regular expressions (an
    .xlsb's pass over its records) run on the other core meanwhile instead of after it.
    The zip was checked before (bombs never get here); a scan that fails leaves the
    values without their formats, never the load.
    """

    def __init__(self, source: WorkbookSource, name: str, locale: Locale) -> None:
        self._result: SheetScan | XlsScan | None = None
        self._thread: threading.Thread | None = None
        if source.package is not None and source.kind in (FileKind.XLSX, FileKind.XLSM, FileKind.XLSB):
            self._thread = threading.Thread(
                target=self._run, args=(source, name, locale), name=f"{source.kind.value}-scan", daemon=True
            )
            self._thread.start()

    def _run(self, source: WorkbookSource, name: str, locale: Locale) -> None:
        try:
            if source.kind is FileKind.XLSB:
                self._result = source.xlsb_scan(name)
            else:
                self._result = source.xlsx_scan(name, locale)
        except _FACTS_ERRORS:
            log.warning("The formats of %s could not be read; values are shown as stored", source.path.name)

    def join(self) -> SheetScan | XlsScan | None:
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


class _XlsFacts:
    """The records of an .xls's first visible worksheet (the sheet a load reads unless told
    otherwise) read in a thread while calamine opens and reads the file (it releases the
    GIL meanwhile); another sheet's are read when asked for. A scan that fails leaves the
    values without their formats, never the load."""

    def __init__(self, source: WorkbookSource) -> None:
        self._result: XlsScan | None = None
        self._failed: str | None = None  # the sheet whose records could not be read
        self._thread: threading.Thread | None = threading.Thread(
            target=self._run, args=(source.path,), name="xls-scan", daemon=True
        )
        self._thread.start()

    def _run(self, path: Path) -> None:
        sheet = None
        try:
            data = read_workbook_stream(path)
            sheet = first_visible_worksheet(data) if data else None
            if data and sheet is not None:
                self._result = xls_scan(data, sheet)
        except _FACTS_ERRORS:
            self._failed = sheet or ""

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def join(self, sheet: str) -> XlsScan | None:
        """The scan of ``sheet`` when it is the one read here, else None (once)."""
        self.wait()
        result, self._result = self._result, None
        failed, self._failed = self._failed, None
        if failed == sheet:
            raise ValueError(f"the records of {sheet} could not be read")  # one of _FACTS_ERRORS
        return result if result is not None and result.sheet == sheet else None


def _count_rows_or_refuse(path: Path, rows: Iterator[list[Any]], limit: int, max_rows: int) -> None:
    count = 0
    for row in rows:
        if not is_blank_row(row):
            count += 1
            if count > limit:
                raise too_many_rows(path, max_rows)
