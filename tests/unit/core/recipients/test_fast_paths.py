"""The fast ways of reading a sheet's facts give what the plain ways give (issue 15, item 6).

Each fast path (the .xls record walk that keeps only the offsets it needs; the .ods facts
and extent check read from one index of content.xml's tags) is compared
with a plain, obviously right reading of the same bytes: on the committed fixtures and on
generated input, so that a fast path that skips work never skips a fact.
"""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import ods_reference
from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
from usosmail_gui.core.recipients import ods, ods_extent, ods_index, packages, xls
from usosmail_gui.core.recipients.packages import MAX_EXTENT_CELLS, PackageTooLarge
from usosmail_gui.core.recipients.sheetfacts import SheetFacts

XLS_FILES = [RECIPIENT_FIXTURES / "students.xls", RECIPIENT_FIXTURES / "formats" / "formats.xls"]


Records = tuple[list[int], list[int], list[int], dict[tuple[int, int], str]]


def plain_xls_records(data: bytes, start: int) -> Records:
    """Every record from ``start`` to EOF (or to the end), one by one, each kind looked at
    on its own: (number cells, MULRK, ROW, errors)."""
    numbers: list[int] = []
    multiple: list[int] = []
    rows: list[int] = []
    facts = SheetFacts()
    pos = start
    try:
        while True:
            kind, size = struct.unpack_from("<HH", data, pos)
            if kind == 0x000A:  # EOF
                break
            if kind in (0x0203, 0x027E):  # NUMBER, RK
                numbers.append(pos)
            elif kind == 0x00BD:  # MULRK
                multiple.append(pos)
            elif kind == 0x0208:  # ROW
                rows.append(pos)
            elif kind in (0x0006, 0x0205):  # FORMULA (a number result is a number cell), BOOLERR
                xls._formula_or_error(data, pos + 4, kind, facts, numbers)
            pos += 4 + size
    except struct.error:
        pass
    return numbers, multiple, rows, facts.errors


def fast_xls_records(data: bytes, start: int) -> Records:
    facts = SheetFacts()
    found = xls._sheet_records(data, start, facts)
    numbers, multiple, rows = xls._split_records(data, found)
    return numbers.tolist(), multiple.tolist(), rows.tolist(), facts.errors


def outcome(walk: object, data: bytes, start: int) -> object:
    try:
        return walk(data, start)  # type: ignore[operator]
    except IndexError:  # a record cut short inside its cell: the facts are not read
        return IndexError


@pytest.mark.parametrize("path", XLS_FILES, ids=lambda p: p.name)
def test_the_xls_walk_finds_every_record_the_plain_walk_finds(path: Path) -> None:
    data = xls.read_workbook_stream(path)
    assert data
    _formats, _xf_formats, sheets = xls._globals_read(data)
    assert sheets
    for start in sheets.values():
        assert outcome(fast_xls_records, data, start) == outcome(plain_xls_records, data, start)


_KINDS = [0x0203, 0x027E, 0x00BD, 0x0208, 0x0006, 0x0205, 0x00FD, 0x0201, 0x00D7, 0x0000]


@st.composite
def record_streams(draw: st.DrawFn) -> bytes:
    """Sheet records of the kinds the walk treats differently, with bodies of any bytes;
    maybe an EOF among them, maybe a last record cut short."""
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.sampled_from(_KINDS))
        body = draw(st.binary(min_size=0 if kind in (0x00D7, 0x0000) else 14, max_size=30))
        if kind in (0x0006, 0x0205) and draw(st.booleans()):
            body = body[:6] + bytes([2, 1, 0x07]) + body[9:12] + b"\xff\xff" + body[14:]
        parts.append(struct.pack("<HH", kind, len(body)) + body)
    if draw(st.booleans()):
        parts.insert(draw(st.integers(0, len(parts))), struct.pack("<HH", 0x000A, 0))
    data = b"".join(parts)
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


@settings(max_examples=300, deadline=None)
@given(record_streams())
def test_the_xls_walk_equals_the_plain_walk_on_any_records(data: bytes) -> None:
    assert outcome(fast_xls_records, data, 0) == outcome(plain_xls_records, data, 0)


# --- .ods: one index for every question, against a pass per question ----------------------

ODS_FILES = [
    RECIPIENT_FIXTURES / "students.ods",
    RECIPIENT_FIXTURES / "formats" / "formats.ods",
    RECIPIENT_FIXTURES / "formats" / "no-mimetype.ods",
]


def ods_parts(path: Path) -> tuple[bytes, bytes]:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        return archive.read("content.xml"), archive.read("styles.xml") if "styles.xml" in names else b""


def extent_outcome(check: object, content: object) -> str:
    try:
        check(content)  # type: ignore[operator]
    except (ods_reference.TooLarge, PackageTooLarge) as exc:
        return f"too large: {exc}"
    return "fine"


@pytest.mark.parametrize("path", ODS_FILES, ids=lambda p: p.name)
def test_the_ods_index_reads_the_facts_the_plain_passes_read(path: Path) -> None:
    content, styles = ods_parts(path)
    fast = ods.ods_facts(ods_index.OdsIndex(content), styles)
    assert fast == ods_reference.ods_facts(content, styles)
    assert any(facts.column_codes or facts.cell_codes for facts in fast.values())
    assert extent_outcome(ods_extent.check_ods_extent, ods_index.OdsIndex(content)) == "fine"


def test_the_ods_index_reads_a_big_generated_sheet_as_the_plain_passes_do(tmp_path: Path) -> None:
    from tests.bench.bench_display_values import write_ods

    content, styles = ods_parts(write_ods(tmp_path / "students.ods", 2_000))
    fast = ods.ods_facts(ods_index.OdsIndex(content), styles)
    assert fast == ods_reference.ods_facts(content, styles)
    assert fast["Studenci"].column_codes == {0: "000000", 5: "0.00", 6: '#,##0.00" zł"', 7: "dd.mm.yyyy"}


_STYLES = (
    '<office:automatic-styles>'
    '<number:number-style style:name="N1"><number:number number:decimal-places="0" '
    'number:min-integer-digits="6"/></number:number-style>'
    '<number:number-style style:name="N2"><number:number number:decimal-places="2" '
    'number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>'
    '<number:date-style style:name="N3"><number:day number:style="long"/><number:text>.</number:text>'
    '<number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/>'
    '</number:date-style>'
    '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
    '<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>'
    '<style:style style:name="ce3" style:family="table-cell" style:parent-style-name="ce2"/>'
    '<style:style style:name="a-long-cell-style" style:family="table-cell" style:data-style-name="N3"/>'
    '<style:style style:name="plain" style:family="table-cell"/>'
    '</office:automatic-styles>'
)
_CELL_STYLES = ["ce1", "ce2", "ce3", "a-long-cell-style", "plain", "Default", "nope"]


@st.composite
def ods_cells(draw: st.DrawFn) -> str:
    attributes = []
    kind = draw(st.sampled_from(["float", "string", "date", "percentage", "boolean", None]))
    if draw(st.booleans()):
        attributes.append(f'table:style-name="{draw(st.sampled_from(_CELL_STYLES))}"')
    if kind is not None:
        attributes.append(f'office:value-type="{kind}"')
        attributes.append('office:value="1"' if kind != "date" else 'office:date-value="2001-05-03"')
    if draw(st.integers(0, 5)) == 0:
        attributes.append('calcext:value-type="error"')
    if draw(st.integers(0, 5)) == 0:
        formula = draw(st.sampled_from(["of:=TRUE()", "of:=FALSE()", "of:=1/0"]))
        attributes.append(f'table:formula="{formula}"')
    if draw(st.integers(0, 3)) == 0:
        repeat = draw(st.sampled_from([1, 2, 3, 40, 16384, 20000]))
        attributes.append(f'table:number-columns-repeated="{repeat}"')
    if draw(st.integers(0, 6)) == 0:
        attributes.append(f'table:number-rows-spanned="{draw(st.integers(1, 3))}"')
        attributes.append(f'table:number-columns-spanned="{draw(st.integers(1, 3))}"')
    order = draw(st.permutations(attributes))
    tag = draw(st.sampled_from(["table:table-cell", "table:table-cell", "table:covered-table-cell"]))
    opening = "<" + " ".join([tag, *order])
    text = draw(st.sampled_from(["", "#DIV/0!", "Anna &amp; Ewa", 'a="b" table:style-name="ce1"', "12"]))
    if not text and draw(st.booleans()):
        return opening + "/>"
    return f"{opening}><text:p>{text}</text:p></{tag}>"


@st.composite
def ods_rows(draw: st.DrawFn) -> str:
    attributes = []
    if draw(st.integers(0, 3)) == 0:
        repeat = draw(st.sampled_from([1, 2, 3, 10000, 1048000, 25000000]))
        attributes.append(f'table:number-rows-repeated="{repeat}"')
    if draw(st.integers(0, 4)) == 0:
        attributes.append(f'table:visibility="{draw(st.sampled_from(["collapse", "filter", "visible"]))}"')
    if draw(st.booleans()):
        attributes.append('table:style-name="ro1"')
    cells = "".join(draw(st.lists(ods_cells(), max_size=6)))
    opening = "<" + " ".join(["table:table-row", *draw(st.permutations(attributes))]) + ">"
    return opening + cells + "</table:table-row>"


@st.composite
def ods_contents(draw: st.DrawFn) -> bytes:
    sheets = []
    names = st.sampled_from(["Studenci", "Arkusz & 2", "Lista \u201eA\u201d", "x"])
    for name in draw(st.lists(names, min_size=1, max_size=3)):
        columns = "".join(
            f'<table:table-column table:number-columns-repeated="{draw(st.integers(1, 3))}" '
            f'table:default-cell-style-name="{draw(st.sampled_from(_CELL_STYLES))}"/>'
            for _ in range(draw(st.integers(0, 3)))
        )
        rows = "".join(draw(st.lists(ods_rows(), max_size=8)))
        sheets.append(f'<table:table table:name="{escape(name)}">{columns}{rows}</table:table>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content office:version="1.3">'
        + _STYLES + "<office:body><office:spreadsheet>" + "".join(sheets)
        + "</office:spreadsheet></office:body></office:document-content>"
    ).encode()


@settings(max_examples=300, deadline=None)
@given(ods_contents())
def test_the_ods_index_reads_any_sheet_as_the_plain_passes_do(content: bytes) -> None:
    assert ods.ods_facts(ods_index.OdsIndex(content), b"") == ods_reference.ods_facts(content, b"")
    expected = extent_outcome(ods_reference.check_ods_extent, content)
    if expected == "fine" and max(ods_reference.used_rectangles(content), default=0) > MAX_EXTENT_CELLS:
        expected = "too large: used rectangle"
    assert extent_outcome(ods_extent.check_ods_extent, ods_index.OdsIndex(content)) == expected


def _ods(path: Path, rows: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        '<office:body><office:spreadsheet><table:table table:name="Lista">'
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    return path


_VALUE = (
    '<table:table-cell{} office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
)
_WIDE = _VALUE.format(' table:number-columns-repeated="100000"')  # as LibreOffice orders them
_COLUMNS = ' table:number-columns-repeated="{}"'
_ROW_WIDE = _VALUE.format(_COLUMNS.format(16384))
_WIDE_FIRST = (
    '<table:table-cell office:value-type="float" office:value="1" '
    'table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell>'
) * 1300
_EMPTY_ROWS = (
    '<table:table-row table:number-rows-repeated="1048570">'
    '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
)
_TEXT = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'


@pytest.mark.parametrize(
    "rows",
    [
        f"<table:table-row>{_WIDE}</table:table-row>",
        f'<table:table-row table:number-rows-repeated="1000000">{_VALUE.format("") * 30}</table:table-row>',
        "<table:table-row><table:table-cell/></table:table-row>" * 400_001,
        # found by the used rectangle: calamine took 3-5 GB and up to 40 s for each, or aborted
        f"<table:table-row>{_WIDE_FIRST}</table:table-row>" * 2,
        f'<table:table-row table:number-rows-repeated="5000">{_ROW_WIDE}</table:table-row>',
        f'<table:table-row table:number-rows-repeated="9000">{_VALUE.format(_COLUMNS.format(3000))}'
        "</table:table-row>",
        f"<table:table-row>{_ROW_WIDE}</table:table-row>" * 2000,
        f"<table:table-row>{_VALUE.format('')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="5000"><table:table-cell/></table:table-row>'
        f'<table:table-row><table:table-cell table:number-columns-repeated="16383"/>{_VALUE.format("")}'
        "</table:table-row>",
        "<table:table-row><table:table-cell><text:p>A</text:p></table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="5000"><table:table-cell/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="16383"/>'
        "<table:table-cell><text:p>B</text:p></table:table-cell></table:table-row>",
        # found by hypothesis: the last value's own repeat after its type, in an empty tag
        '<table:table-row table:number-rows-repeated="10000"><table:table-cell office:value-type="float" '
        'office:value="1" table:number-columns-repeated="16384"/></table:table-row>',
    ],
    ids=[
        "repeated cells", "repeated rows", "too many rows", "value type before the repeat",
        "a full-width row repeated", "many rows repeated", "full-width rows", "two far values",
        "two far untyped texts", "the last value repeated after its type",
    ],
)
def test_an_ods_whose_repeats_would_expand_past_the_limits_is_refused_before_it_is_read(
    tmp_path: Path, rows: str
) -> None:
    from usosmail_gui.core.recipients import SpreadsheetError, load

    with pytest.raises(SpreadsheetError) as refused:
        load(_ods(tmp_path / "bomb.ods", rows))
    assert refused.value.reason == "too_large"


def test_an_ods_with_big_repeats_of_empty_cells_is_read(tmp_path: Path) -> None:
    from usosmail_gui.core.recipients import load

    rows = "".join(
        f"<table:table-row>{_TEXT.format(a)}{_TEXT.format(b)}</table:table-row>"
        for a, b in [("Imię", "E-mail"), ("Anna", "anna@example.com")]
    )
    table = load(_ods(tmp_path / "list.ods", rows + _EMPTY_ROWS))
    assert table.row_values(0) == ["Anna", "anna@example.com"]


# --- a kept part inflated in one call, as the chunked way would ----------------------------


def _zip_with(path: Path, name: str, data: bytes, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr(name, data)
    return path


def _chunked(archive: zipfile.ZipFile, name: str, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as patched:
        patched.setattr(packages, "_inflate_at_once", lambda *_, **__: None)
        return _inflated(archive, name)


def _inflated(archive: zipfile.ZipFile, name: str) -> object:
    try:
        return packages.inflate(archive, name, keep=True)
    except (PackageTooLarge, zipfile.BadZipFile) as exc:
        return type(exc)


_RUN = packages.MAX_CELL_TEXT
_SHEET = "xl/worksheets/sheet1.xml"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<row>" * 300_000,
        b"<a>" + b"x" * _RUN + b"</a>",
        b"<a>" + b"x" * (_RUN + 5) + b"</a>",
        b"x" * (_RUN + 1),
        (b"<c>" + b"y" * 50_000) * 40 + b"z" * (_RUN + 1),
    ],
    ids=["empty", "many tags", "the longest text a cell may have", "a longer text", "no tag", "a long tail"],
)
@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED], ids=["deflated", "stored"])
def test_a_kept_part_is_inflated_at_once_as_the_chunked_way_inflates_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, method: int
) -> None:
    with zipfile.ZipFile(_zip_with(tmp_path / "book.xlsx", _SHEET, data, method)) as archive:
        at_once = _inflated(archive, _SHEET)
        assert at_once == _chunked(archive, _SHEET, monkeypatch)
    assert at_once in (data, PackageTooLarge)


def test_a_kept_part_whose_bytes_do_not_match_its_crc_is_damaged(tmp_path: Path) -> None:
    path = _zip_with(tmp_path / "book.xlsx", _SHEET, b"<row>1</row>" * 1000, zipfile.ZIP_STORED)
    raw = bytearray(path.read_bytes())
    at = raw.index(b"<row>1</row>") + 5
    raw[at] = ord("2")  # one digit changed, the CRC left as it was
    path.write_bytes(bytes(raw))
    with zipfile.ZipFile(path) as archive:
        assert _inflated(archive, _SHEET) is zipfile.BadZipFile


def test_the_sheet_calamine_reads_next_is_read_at_once_and_its_crc_checked_by_calamine(
    tmp_path: Path,
) -> None:
    """``read_part`` leaves the CRC to calamine: a sheet whose bytes do not match it is
    still refused as damaged, by the reader."""
    from tests.helpers.spreadsheets import write_xlsx
    from usosmail_gui.core.recipients import SpreadsheetError, load

    source = write_xlsx(tmp_path / "list.xlsx", [["Imię", "E-mail"], ["Anna", "anna@example.com"]])
    stored = tmp_path / "stored.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as copy:
        for info in original.infolist():
            copy.writestr(info.filename, original.read(info.filename))
    with zipfile.ZipFile(stored) as archive:
        assert packages.read_part(archive, _SHEET) == archive.read(_SHEET)
    assert load(stored).row_values(0) == ["Anna", "anna@example.com"]
    raw = bytearray(stored.read_bytes())
    at = raw.index(b'<c r="A2"') + len(b'<c r="A')
    raw[at] ^= 1  # A2 becomes A3 in the sheet: valid XML, only its CRC tells
    stored.write_bytes(bytes(raw))
    with pytest.raises(SpreadsheetError) as refused:
        load(stored)
    assert refused.value.reason == "damaged"


# --- a column of dates: every day's digits at once, as strftime writes each -----------------


_DATE_CODES = {
    "dd.mm.yyyy": "%d.%m.%Y",
    "yyyy-mm-dd": "%Y-%m-%d",
    "dd/mm/yy": "%d/%m/%y",
    'dd" r." mm': "%d r. %m",
    "mm.yyyy": "%m.%Y",
    "yy": "%y",
}


_ANY_DAY = st.dates(min_value=dt.date(1000, 1, 1))
_TEN_YEARS = st.dates(min_value=dt.date(1998, 1, 1), max_value=dt.date(2008, 1, 1))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_ANY_DAY, min_size=1, max_size=300) | st.lists(_TEN_YEARS, min_size=1, max_size=300),
    st.sampled_from(sorted(_DATE_CODES)),
    st.sampled_from(["pl", "en"]),
)
def test_a_column_of_dates_is_written_as_strftime_writes_each(
    values: list[dt.date], code: str, language: str
) -> None:
    """The way it was done before: ``strftime`` per distinct date (for dates from 1900 on,
    also what rendering one date alone gives)."""
    from usosmail_gui.core.recipients.numformat import LOCALES, compiled

    fmt = compiled(code, LOCALES[language])
    assert fmt is not None
    assert fmt.render_column(values) == [value.strftime(_DATE_CODES[code]) for value in values]
    late = [value for value in values if value.year >= 1900]
    assert fmt.render_column(late) == [fmt.render(value) for value in late]


# --- whole numbers with zeros in front: the column at once, as each number alone ------------

_WHOLE = st.integers(0, 10**15).map(float) | st.sampled_from([0.0, -0.0, 1e15 - 1, 1e15, 12000.0])
_ODD = st.sampled_from([float("nan"), float("inf"), -1.0, 2.5, 1e16])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_WHOLE, min_size=1, max_size=200) | st.lists(_WHOLE | _ODD, min_size=1, max_size=50),
    st.sampled_from(["000000", "0", "00"]),
)
def test_a_column_of_whole_numbers_is_rendered_as_each_number_alone(values: list[float], code: str) -> None:
    from usosmail_gui.core.recipients.numformat import LOCALES, compiled

    fmt = compiled(code, LOCALES["pl"])
    assert fmt is not None
    assert fmt.render_column(values) == [fmt.render(value) for value in values]


@pytest.mark.parametrize("path", XLS_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_xls_records_read_while_calamine_opens_the_file_give_the_facts_read_after(
    path: Path, language: str
) -> None:
    """The first visible worksheet's records are read in a thread as the file opens; every
    sheet's facts are those read from the records after its values, in either language."""
    from usosmail_gui.core.recipients.numformat import LOCALES
    from usosmail_gui.core.recipients.sources import open_source

    locale = LOCALES[language]
    data = xls.read_workbook_stream(path)
    assert data
    seen = 0
    with open_source(path) as source:
        for sheet in source.sheets:
            steps = source.read(sheet.name, max_rows=1000, locale=locale)
            while True:
                try:
                    next(steps)
                except StopIteration as done:
                    grid = done.value
                    break
            if len(grid):
                seen += 1
                after = xls.xls_sheet_facts(data, sheet.name, locale, grid.columns, grid.first_column)
                after.merges = grid.facts.merges  # calamine's, not the records'
                assert grid.facts == after
    assert seen >= 2


def test_xls_records_that_cannot_be_read_leave_the_values_as_stored(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from usosmail_gui.core.recipients import load, workbook_source

    path = RECIPIENT_FIXTURES / "formats" / "formats.xls"
    formatted = load(path, language="pl")
    scan = workbook_source.xls_scan

    def failing(data: bytes, sheet: str) -> object:
        if sheet == "Oceny":
            raise IndexError("a record cut short")
        return scan(data, sheet)

    monkeypatch.setattr(workbook_source, "xls_scan", failing)
    with caplog.at_level("WARNING"):
        stored = load(path, language="pl")
    assert "values are shown as stored" in caplog.text
    assert stored.row_values(0) != formatted.row_values(0)  # the formats are gone, the values stay
    assert len(stored.row_values(0)) == len(formatted.row_values(0))
