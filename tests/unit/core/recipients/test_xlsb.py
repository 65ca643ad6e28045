"""An .xlsb's facts from its BIFF12 records (core/recipients/xlsb.py): the record reader,
the cell styles, the sheet's rows, numbers, errors and merges, and what a file whose
facts cannot be read keeps (its values). The whole sheet as LibreOffice shows it:
test_formats.py (formats.xlsb)."""

from __future__ import annotations

import datetime as dt
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.child_reads import child_commands
from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
from usosmail_gui.core.recipients import load, workbook_source, xlsb
from usosmail_gui.core.recipients.numformat import LOCALES
from usosmail_gui.core.recipients.packages import PackageTooLarge
from usosmail_gui.core.recipients.sheetfacts import SheetFacts
from usosmail_gui.core.recipients.workbook_source import _FACTS_ERRORS
from usosmail_gui.core.recipients.xls import xls_finish

FIXTURE = RECIPIENT_FIXTURES / "formats" / "formats.xlsb"


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        out.append((value & 0x7F) | (0x80 if value >> 7 else 0))
        value >>= 7
        if not value:
            return bytes(out)


def record(kind: int, body: bytes = b"") -> bytes:
    return varint(kind) + varint(len(body)) + body


def wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def row(number: int, hidden: bool = False) -> bytes:
    """BrtRowHdr of the 0-based row ``number`` (fDyZero when hidden)."""
    return record(0, struct.pack("<IIHHBIII", number, 0, 300, 0x1000 if hidden else 0, 0, 1, 0, 3))


def cell(column: int, style: int) -> bytes:
    return struct.pack("<II", column, style)


def rk(column: int, style: int, value: int) -> bytes:
    return record(2, cell(column, style) + struct.pack("<I", value << 2 | 2))


def real(column: int, style: int, value: float) -> bytes:
    return record(5, cell(column, style) + struct.pack("<d", value))


def formula_number(column: int, style: int, value: float, tokens: bytes = b"\x1e\x01\x00") -> bytes:
    parsed = struct.pack("<H", 0) + struct.pack("<I", len(tokens)) + tokens + struct.pack("<I", 0)
    return record(9, cell(column, style) + struct.pack("<d", value) + parsed)


def error(column: int, code: int, formula: bool = False) -> bytes:
    if formula:
        parsed = struct.pack("<HI", 0, 3) + b"\x41\x0a\x00" + struct.pack("<I", 0)
        return record(11, cell(column, 0) + bytes([code]) + parsed)
    return record(3, cell(column, 0) + bytes([code]))


def sheet(
    *rows: bytes, merges: tuple[tuple[int, int, int, int], ...] = (), last: tuple[int, int] = (0, 0)
) -> bytes:
    """A sheet part; ``last``: its BrtWsDim's last row and column (calamine needs the record)."""
    merged = b"".join(record(176, struct.pack("<IIII", *merge)) for merge in merges)
    return (
        record(129)
        + record(148, struct.pack("<IIII", 0, last[0], 0, last[1]))
        + record(145)
        + b"".join(rows)
        + record(146)
        + (record(177, struct.pack("<I", len(merges))) + merged + record(178) if merges else b"")
        + record(130)
    )


# --- the record reader ---------------------------------------------------------------------


def test_a_record_of_one_byte_type_and_size() -> None:
    data = record(7, b"abc") + record(0)
    assert xlsb.read_header(data, 0) == (7, 3, 2)
    assert list(xlsb.records(data)) == [(7, 2, 3), (0, 7, 0)]


def test_two_byte_types_and_sizes_of_up_to_four_bytes() -> None:
    assert varint(617) == b"\xe9\x04"  # BrtBeginCellXFs
    assert xlsb.read_header(record(617, b"\x01\x00\x00\x00"), 0) == (617, 4, 3)
    for size in (127, 128, 16_383, 16_384, 2_097_151, 2_097_152):
        data = varint(156) + varint(size) + bytes(size)
        assert len(varint(size)) == {127: 1, 128: 2, 16_383: 2, 16_384: 3, 2_097_151: 3}.get(size, 4)
        assert xlsb.read_header(data, 0) == (156, size, 2 + len(varint(size)))


@pytest.mark.parametrize(
    "data",
    [
        b"",  # nothing
        b"\x07",  # a type without a size
        b"\x81",  # a type cut short
        b"\x81\x81\x01\x00",  # a type of three bytes
        b"\x07\x80\x80\x80\x80\x01",  # a size of five bytes
        b"\x07\x05abc",  # a body past the end
    ],
)
def test_a_malformed_header_is_a_value_error(data: bytes) -> None:
    with pytest.raises(ValueError, match="record"):
        xlsb.read_header(data, 0)
    if data:  # an empty part is no records
        with pytest.raises(ValueError, match="record"):
            list(xlsb.records(data))


@given(st.lists(st.tuples(st.integers(0, 2**14 - 1), st.binary(max_size=300)), max_size=20))
def test_records_read_back_what_was_written(written: list[tuple[int, bytes]]) -> None:
    data = b"".join(record(kind, body) for kind, body in written)
    assert [(kind, data[body : body + size]) for kind, body, size in xlsb.records(data)] == written


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_random_bytes_raise_nothing_but_the_facts_errors(data: bytes) -> None:
    for read in (
        lambda: xlsb.sheet_extent(xlsb.walk_sheet(data)),  # the walk itself never raises
        lambda: xlsb.scan_sheet_part(data, {}, [0, 0]),
        lambda: xlsb.read_styles(data),
        lambda: xlsb.read_sheets(data),
    ):
        try:
            read()
        except _FACTS_ERRORS:
            pass


@settings(max_examples=200)
@given(st.lists(st.sampled_from([row(0), row(3, True), rk(1, 1, 5), real(2, 2, 0.5), error(4, 7),
                                 formula_number(0, 1, 2.0), b"\x07\x08" + bytes(8)]), max_size=12),
       st.integers(0, 60))
def test_cut_sheets_raise_nothing_but_the_facts_errors(parts: list[bytes], cut: int) -> None:
    data = sheet(*parts)[: len(sheet(*parts)) - cut]
    for read in (
        lambda: xlsb.sheet_extent(xlsb.walk_sheet(data)),
        lambda: xlsb.scan_sheet_part(data, {}, [0, 0, 0]),
    ):
        try:
            read()
        except _FACTS_ERRORS:
            pass


# --- styles and sheets ---------------------------------------------------------------------


def styles_part() -> bytes:
    return b"".join([
        record(278),
        record(615, struct.pack("<I", 2)),
        record(44, struct.pack("<H", 164) + wide("000000")),
        record(44, struct.pack("<H", 165) + wide('0.00 "zł"')),
        record(616),
        # the cell style XFs: not the cells' (their formats must not be taken)
        record(626, struct.pack("<I", 2)),
        record(47, struct.pack("<HH", 0xFFFF, 0) + bytes(12)),
        record(47, struct.pack("<HH", 0xFFFF, 10) + bytes(12)),
        record(627),
        record(617, struct.pack("<I", 4)),
        record(47, struct.pack("<HH", 0, 0) + bytes(12)),
        record(47, struct.pack("<HH", 0, 164) + bytes(12)),
        record(47, struct.pack("<HH", 1, 14) + bytes(12)),
        record(47, struct.pack("<HH", 0, 165) + bytes(12)),
        record(618),
        record(47, struct.pack("<HH", 0, 22) + bytes(12)),  # after the block: not a cell XF
        record(279),
    ])


def test_styles_are_the_cell_xfs_block_only() -> None:
    formats, xf_formats = xlsb.read_styles(styles_part())
    assert formats == {164: "000000", 165: '0.00 "zł"'}
    assert xf_formats == [0, 164, 14, 165]


def test_a_cut_format_or_xf_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="format"):
        xlsb.read_styles(record(44, b"\xa4\x00\x01"))
    with pytest.raises(ValueError, match="string"):
        xlsb.read_styles(record(44, struct.pack("<HI", 164, 50) + b"0\x00"))
    with pytest.raises(ValueError, match="cell style"):
        xlsb.read_styles(record(617, bytes(4)) + record(47, b"\x00\x00"))


def test_sheets_and_their_relationship_ids() -> None:
    workbook = b"".join([
        record(131),
        record(143),
        record(156, struct.pack("<II", 0, 1) + wide("rId1") + wide("Oceny")),
        record(156, struct.pack("<II", 1, 2) + struct.pack("<I", 0xFFFFFFFF) + wide("Bez części")),
        record(156, struct.pack("<II", 2, 3) + wide("rId3") + wide("Ukryty")),
        record(144),
        record(156, struct.pack("<II", 0, 4) + wide("rId4") + wide("Po liście")),
        record(132),
    ])
    assert xlsb.read_sheets(workbook) == {"Oceny": "rId1", "Ukryty": "rId3"}


def test_a_sheet_s_numbers_errors_hidden_rows_and_merges() -> None:
    long_formula = b"\x1e\x01\x00" * 60  # 180 bytes: a record size of two bytes
    data = sheet(
        row(0),
        record(7, cell(0, 0) + struct.pack("<I", 0)),  # a shared string: not a number
        row(1),
        rk(0, 1, 12345),
        real(1, 3, 4.5),
        error(2, 0x2A),
        rk(3, 3, 1),
        row(2, hidden=True),
        rk(0, 1, 7),
        formula_number(1, 3, 1.5, long_formula),
        error(2, 0x07, formula=True),
        real(3, 3, 2.5),
        row(4),
        rk(0, 2, 45460),
        real(1, 0, 2.0),
        error(2, 0x99),  # an error byte no spreadsheet writes
        merges=((1, 3, 3, 3), (5, 4, 0, 0)),  # the second one backwards: left out
    )
    formats, xf_formats = xlsb.read_styles(styles_part())
    scan = xlsb.scan_sheet_part(data, formats, xf_formats, "Oceny")
    facts = scan.facts
    assert facts.hidden_rows == {3}
    assert facts.errors == {(2, 2): "#N/A", (3, 2): "#DIV/0!", (5, 2): "#N/A"}
    assert facts.merges == [(2, 3, 4, 3)]
    per_column = {column: (rows.tolist(), xfs.tolist()) for column, (rows, xfs) in scan.per_column.items()}
    assert per_column == {
        0: ([1, 2, 4], [1, 1, 2]),
        1: ([1, 2], [3, 3]),  # the General one left out
        3: ([1, 2], [3, 3]),
    }
    columns = [[12345, 7, 45460], [4.5, 1.5, 2.0], ["", "", ""], [1, 2.5, "x"]]
    finished = xls_finish(scan, LOCALES["pl"], columns, 0)
    assert finished.column_codes == {3: '0.00 "zł"'}  # every number of it has that style
    assert finished.cell_codes == {
        0: {2: "000000", 3: "000000", 5: LOCALES["pl"].short_date},
        1: {2: '0.00 "zł"', 3: '0.00 "zł"'},  # not row 5's General number
    }


def test_cells_before_any_row_or_cut_short_are_value_errors() -> None:
    with pytest.raises(ValueError, match="before the first row"):
        xlsb.scan_sheet_part(sheet(rk(0, 1, 1)), {}, [0, 0])
    with pytest.raises(ValueError, match="cut short"):
        xlsb.scan_sheet_part(sheet(record(0, struct.pack("<I", 1))), {}, [0])
    with pytest.raises(ValueError, match="cut short"):
        xlsb.scan_sheet_part(sheet(row(0), record(3, cell(0, 0))), {}, [0])
    with pytest.raises(ValueError, match="past the sheet's end"):
        xlsb.scan_sheet_part(sheet(row(2**20), rk(0, 1, 1)), {}, [0, 0])
    with pytest.raises(ValueError, match="past the sheet's end"):
        xlsb.scan_sheet_part(sheet(row(0), rk(2**14, 1, 1)), {}, [0, 0])
    with pytest.raises(ValueError, match="merged range"):
        xlsb.scan_sheet_part(sheet(row(0)) + record(176, bytes(8)), {}, [0])
    with pytest.raises(ValueError, match="past the end"):
        xlsb.scan_sheet_part(sheet(row(0))[:-1] + b"\x05\x10", {}, [0])


def test_a_workbook_without_such_a_sheet_has_no_scan() -> None:
    with zipfile.ZipFile(FIXTURE) as archive:
        assert xlsb.xlsb_scan("xl/workbook.bin", archive.read, "Nie ma") is None
        scan = xlsb.xlsb_scan("xl/workbook.bin", archive.read, "Kody")
    assert scan is not None and scan.sheet == "Kody" and not scan.facts.errors


# --- files whose facts cannot be read ----------------------------------------------------


def rewritten(tmp_path: Path, part: str, change: Callable[[bytes], bytes | None]) -> Path:
    """formats.xlsb with one part changed (left out when ``change`` gives None)."""
    target = tmp_path / "changed.xlsb"
    with zipfile.ZipFile(FIXTURE) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data: bytes | None = source.read(info.filename)
            if info.filename == part:
                data = change(data or b"")
            if data is not None:
                out.writestr(info.filename, data)
    return target


def test_without_a_styles_part_the_numbers_are_as_stored_and_the_rest_is_kept(tmp_path: Path) -> None:
    table = load(rewritten(tmp_path, "xl/styles.bin", lambda data: None), language="pl")
    album, error_column = table.find_column("Nr albumu"), table.find_column("Błąd")
    assert album is not None and error_column is not None
    assert table.value(0, album) == "12345"
    assert table.cell_error(0, error_column) == "#N/A"
    assert [table.row_number(r) for r in table.hidden_rows] == [6, 7]


def test_styles_that_cannot_be_read_leave_the_values_as_stored(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    formatted = load(FIXTURE, language="pl")

    def damaged(data: bytes) -> tuple[dict[int, str], list[int]]:
        raise ValueError("a cell style record cut short")

    monkeypatch.setattr(xlsb, "read_styles", damaged)
    with caplog.at_level("WARNING"):
        stored = load(FIXTURE, language="pl")
    assert "values are shown as stored" in caplog.text
    album = stored.find_column("Nr albumu")
    assert album is not None
    assert (formatted.value(0, album), stored.value(0, album)) == ("012345", "12345")
    assert len(stored.row_values(0)) == len(formatted.row_values(0))


def test_a_sheet_whose_records_cannot_be_read_keeps_its_values(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A row header cut to its row number: enough for calamine, not for the facts."""

    def cut_first_row(data: bytes) -> bytes:
        at = data.index(b"\x00\x19\x00\x00\x00\x00")  # BrtRowHdr of row 0, 25 bytes
        return data[:at] + record(0, data[at + 2 : at + 6]) + data[at + 27 :]

    path = rewritten(tmp_path, "xl/worksheets/sheet1.bin", cut_first_row)
    with caplog.at_level("WARNING"):
        table = load(path, language="pl")
    assert "values are shown as stored" in caplog.text
    album = table.find_column("Nr albumu")
    assert album is not None and table.value(0, album) == "12345"
    assert table.row_count == 7


def test_the_scan_runs_beside_calamine_and_is_what_the_facts_are(monkeypatch: pytest.MonkeyPatch) -> None:
    scans: list[str] = []
    scan = workbook_source.WorkbookSource.xlsb_scan

    def counted(self: workbook_source.WorkbookSource, name: str) -> object:
        scans.append(name)
        return scan(self, name)

    monkeypatch.setattr(workbook_source.WorkbookSource, "xlsb_scan", counted)
    table = load(FIXTURE, language="en")
    assert scans == ["Oceny"]
    date = table.find_column("Data")
    assert date is not None and table.value(0, date) == "17.06.2024"


# --- dates stored as whole numbers ---------------------------------------------------------


def test_stored_values_are_those_of_the_same_sheet_in_an_xlsx() -> None:
    """Dates stored as RK integers are dates as stored too (``2000-01-01``, not ``36526``)."""
    binary = load(FIXTURE, language="pl", raw_values=True)
    xml = load(RECIPIENT_FIXTURES / "formats" / "formats-lo.xlsx", language="pl", raw_values=True)
    assert binary.row_count == xml.row_count == 7
    assert [binary.record(r) for r in range(7)] == [xml.record(r) for r in range(7)]
    assert binary.record(1)["Data"] == "2000-01-01"


def test_whole_numbers_become_what_calamine_makes_of_the_same_doubles(tmp_path: Path) -> None:
    import python_calamine

    with zipfile.ZipFile(FIXTURE) as archive:
        formats, xf_formats = xlsb.read_styles(archive.read("xl/styles.bin"))
    style = {formats.get(number): xf for xf, number in enumerate(xf_formats)}
    codes = ["dd.mm.yyyy", "[h]:mm", "hh:mm", "dd.mm.yyyy hh:mm"]
    serials = [0, 1, 2, 59, 60, 61, 36526, 45460, 2958465]
    rows = []
    for i, serial in enumerate(serials):
        rows.append(row(i))
        for j, code in enumerate(codes):
            rows += [real(2 * j, style[code], float(serial)), rk(2 * j + 1, style[code], serial)]
    part = sheet(*rows, last=(len(serials) - 1, 2 * len(codes) - 1))
    path = rewritten(tmp_path, "xl/worksheets/sheet1.bin", lambda data: part)
    values = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_name("Oceny").to_python()
    columns = [list(column) for column in zip(*values, strict=True)]
    assert all(type(value) is int for value in columns[1])  # calamine leaves RK integers as they are
    facts = SheetFacts(column_codes={2 * j + 1: code for j, code in enumerate(codes)})
    xlsb.whole_dates(columns, 0, list(range(1, len(serials) + 1)), facts, LOCALES["pl"])
    for j in range(len(codes)):
        assert columns[2 * j + 1] == columns[2 * j], codes[j]


def test_whole_dates_change_only_whole_numbers_formatted_as_dates() -> None:
    columns: list[list[object]] = [
        [45460, True, 4.5, -1, 2958466, "x", 45460],
        [45460, 45460, 45460],
        [12345, 7],
    ]
    facts = SheetFacts(
        column_codes={10: "dd.mm.yyyy", 12: "000000"},
        cell_codes={11: {2: "yyyy-mm-dd", 3: "0.00"}},  # row 4: no code of its own (General)
    )
    xlsb.whole_dates(columns, 10, [2, 3, 4, 5, 6, 7, 8], facts, LOCALES["en"])
    assert columns[0] == [dt.date(2024, 6, 17), True, 4.5, -1, 2958466, "x", dt.date(2024, 6, 17)]
    assert columns[1] == [dt.date(2024, 6, 17), 45460, 45460]
    assert columns[2] == [12345, 7]


def test_a_big_xlsb_read_in_a_child_process_has_the_same_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    in_process = load(FIXTURE, language="pl")
    monkeypatch.setattr(workbook_source, "RISKY_BYTES", 0)  # every workbook counts as big
    started = child_commands(monkeypatch)
    table = load(FIXTURE, language="pl")
    assert len(started) == 1
    assert [table.row_values(r) for r in range(7)] == [in_process.row_values(r) for r in range(7)]
    assert table.hidden_rows == in_process.hidden_rows
    group = table.find_column("Grupa")
    assert group is not None and [table.is_merged_cell(r, group) for r in range(3)] == [False, True, True]


# --- the extent calamine would allocate --------------------------------------------------


def test_the_extent_is_the_rectangle_of_the_cells_from_a1() -> None:
    records = xlsb.walk_sheet(sheet(row(0), rk(0, 0, 1), row(9), real(7, 0, 2.5), row(1_000_000)))
    assert records.problem is None
    assert xlsb.sheet_extent(records) == 10 * 8  # a row header without cells adds nothing
    assert xlsb.sheet_extent(xlsb.walk_sheet(sheet(rk(3, 0, 1)))) == 4  # before any row: row 0
    assert xlsb.sheet_extent(xlsb.walk_sheet(sheet(row(5)))) == 0


@pytest.mark.parametrize(
    "cells",
    [
        (row(999_999), record(1, cell(16_383, 0))),  # a blank cell with a style counts too
        (row(2_000_000), rk(0, 0, 1)),  # past the last row of a sheet
        (row(0), rk(20_000, 0, 1)),  # past the last column
        # records whose header takes more than a byte of size: a long text, a rich text (62)
        (row(999_999), record(6, cell(16_383, 0) + wide("x" * 100))),
        (row(999_999), record(62, cell(16_383, 0) + b"\0" + wide("x" * 100))),
    ],
)
def test_a_rectangle_calamine_could_not_allocate_is_too_large(cells: tuple[bytes, ...]) -> None:
    with pytest.raises(PackageTooLarge):
        xlsb.sheet_extent(xlsb.walk_sheet(sheet(row(0), rk(0, 0, 1), *cells)))


def test_the_walk_never_raises_and_counts_the_cells_up_to_a_malformed_record() -> None:
    data = sheet(row(0), rk(0, 0, 1), row(99_999), rk(199, 0, 1))
    records = xlsb.walk_sheet(data[:-5] + b"\x81\x81\x81")
    assert records.problem == "a record type longer than two bytes"
    assert xlsb.sheet_extent(records) == 100_000 * 200
    with pytest.raises(ValueError, match="longer than two bytes"):
        xlsb.scan_sheet_part(records.data, {}, [0], records=records)


def test_an_xlsb_spanning_a_billion_cells_is_refused_not_allocated(tmp_path: Path) -> None:
    """Two cells, A1 and XFD1000000, in 2 KB: calamine would allocate 500 GB and abort."""
    part = sheet(row(0), rk(0, 0, 1), row(999_999), rk(16_383, 0, 1), last=(999_999, 16_383))
    bomb = rewritten(tmp_path, "xl/worksheets/sheet1.bin", lambda data: part)
    code = (
        "from usosmail_gui.core.recipients import SpreadsheetError, load\n"
        "try:\n"
        f"    load({str(bomb)!r})\n"
        "    print('loaded')\n"
        "except SpreadsheetError as exc:\n"
        "    print(exc.reason)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"the load killed the process: {result.stderr[-2000:]}"
    assert result.stdout.split() == ["too_large"]


def test_a_wide_xlsb_sheet_is_read_in_a_child_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Over RISKY_CELLS (8 million) but within the limit: calamine reads it in a child."""
    with zipfile.ZipFile(FIXTURE) as archive:
        original = archive.read("xl/worksheets/sheet1.bin")
    end = next(body - 3 for kind, body, _ in xlsb.records(original) if kind == 146)  # BrtEndSheetData
    wide_part = original[:end] + row(999) + rk(9_999, 0, 1) + original[end:]
    path = rewritten(tmp_path, "xl/worksheets/sheet1.bin", lambda data: wide_part)
    started = child_commands(monkeypatch)
    table = load(path, language="pl")
    assert len(started) == 1
    album = table.find_column("Nr albumu")
    assert album is not None and table.value(0, album) == "012345"
