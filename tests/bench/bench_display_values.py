"""Cells as the sheet shows them (issue 15, item 6) and hostile input (issue 17, items 5, 6).

- 50,000 × 8 with formatted numeric columns (album ``000000``, average ``0.00``, fee
  ``#,##0.00 "zł"``, birth date ``dd.mm.yyyy``), loaded with display values in Polish, vs a
  bare python-calamine ``to_python()`` of the same file (target ≤ 1.5x), for .xlsx, .ods
  (written here as LibreOffice writes it) and .xls (converted by LibreOffice when
  ``soffice`` is installed; skipped otherwise); .xlsb (written by the fixtures' BIFF12
  writer, make_xlsb.py) is measured the same way, with no budget set; beside each, the
  floor: what any load that reads its values with calamine costs (``_floor``);
- peak RSS of a process that loaded the 50,000 rows (target ≤ 250 MiB), and that 200,000
  rows still load (time and peak RSS reported);
- a CSV with one 10 MB cell (target ≤ 2 s, ≤ 300 MiB) vs reading its bytes;
- the 1.5 MB shared-strings bomb (target: refused in ≤ 2 s, peak RSS ≤ 400 MiB) vs opening
  an ordinary 8-row xlsx, and the two-cell A1:XFD1000000 extent bomb;
- what reading the sheet in a child process costs (done only for big or odd sheets).

Each child process reports its own ``VmHWM`` (peak RSS).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from tests.bench.harness import Result, interleaved_medians, interleaved_wall_and_cpu

ROWS = 50_000
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "recipients" / "formats"
NAMES = ["Anna", "Łukasz", "Zofia", "Michał", "Ewa", "Paweł", "Żaneta", "Jan"]
SURNAMES = ["Kowalska", "Nowak", "Wiśniewski", "Wójcik", "Kamińska", "Zięba"]


def _rows(count: int) -> list[tuple[int, str, str, str, int, float, float, dt.date]]:
    rng = random.Random(15)
    born = dt.date(1998, 1, 1)
    return [
        (
            12_000 + i,
            rng.choice(NAMES),
            rng.choice(SURNAMES),
            f"s{400000 + i}@student.example.edu.pl",
            rng.randint(1, 5),
            round(rng.uniform(3, 5), 2),
            round(rng.uniform(0, 5000), 2),
            born + dt.timedelta(days=rng.randint(0, 3650)),
        )
        for i in range(count)
    ]


HEADER = ["Nr albumu", "Imię", "Nazwisko", "E-mail", "Rok", "Średnia", "Opłata", "Data urodzenia"]
CODES = {0: "000000", 5: "0.00", 6: '#,##0.00 "zł"', 7: "dd.mm.yyyy"}


def write_xlsx(path: Path, count: int = ROWS) -> Path:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Studenci")
    ws.append(HEADER)
    for row in _rows(count):
        cells: list[object] = []
        for j, value in enumerate(row):
            if j in CODES:
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = CODES[j]
                cells.append(cell)
            else:
                cells.append(value)
        ws.append(cells)
    wb.save(path)
    return path


_NUMBER = '<number:number number:decimal-places="{places}" number:min-decimal-places="{places}" '
_ODS_STYLES = "".join(
    [
        "<office:automatic-styles>",
        '<number:number-style style:name="N1">',
        '<number:number number:decimal-places="0" number:min-integer-digits="6"/></number:number-style>',
        '<number:number-style style:name="N2">',
        _NUMBER.format(places=2) + 'number:min-integer-digits="1"/></number:number-style>',
        '<number:number-style style:name="N3">',
        _NUMBER.format(places=2) + 'number:min-integer-digits="1" number:grouping="true"/>',
        "<number:text> zł</number:text></number:number-style>",
        '<number:date-style style:name="N4"><number:day number:style="long"/><number:text>.</number:text>',
        '<number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/>',
        "</number:date-style>",
        *(
            f'<style:style style:name="ce{i}" style:family="table-cell" style:parent-style-name="Default" '
            f'style:data-style-name="N{i}"/>'
            for i in range(1, 5)
        ),
        "</office:automatic-styles>",
    ]
)


def write_ods(path: Path, count: int = ROWS) -> Path:
    """An .ods as LibreOffice writes one: a cell style per formatted column, values and text."""

    def text(value: str) -> str:
        return (
            '<table:table-cell office:value-type="string" calcext:value-type="string">'
            f"<text:p>{escape(value)}</text:p></table:table-cell>"
        )

    def number(value: float, style: str | None) -> str:
        styled = f' table:style-name="{style}"' if style else ""
        return (
            f'<table:table-cell{styled} office:value-type="float" office:value="{value}" '
            f'calcext:value-type="float"><text:p>{value}</text:p></table:table-cell>'
        )

    def date(value: dt.date) -> str:
        return (
            f'<table:table-cell table:style-name="ce4" office:value-type="date" office:date-value="{value}" '
            f'calcext:value-type="date"><text:p>{value:%d.%m.%Y}</text:p></table:table-cell>'
        )

    parts = [
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
        'office:version="1.3">',
        _ODS_STYLES,
        '<office:body><office:spreadsheet><table:table table:name="Studenci">'
        '<table:table-column table:number-columns-repeated="8"/>',
        "<table:table-row>" + "".join(text(h) for h in HEADER) + "</table:table-row>",
    ]
    for album, name, surname, email, year, average, fee, born in _rows(count):
        parts.append(
            "<table:table-row>"
            + number(album, "ce1") + text(name) + text(surname) + text(email) + number(year, None)
            + number(average, "ce2") + number(fee, "ce3") + date(born)
            + '<table:table-cell table:number-columns-repeated="16376"/></table:table-row>'
        )
    parts.append("</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", "".join(parts))
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def write_xlsb(path: Path, count: int = ROWS) -> Path:
    """The same sheet in an Excel binary workbook, by the fixtures' BIFF12 writer (whole
    numbers as RK integers, as Excel stores them; dates as whole-day serials)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_xlsb", FIXTURES / "make_xlsb.py")
    assert spec is not None and spec.loader is not None
    writer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(writer)
    strings, styles = writer.Strings(), writer.Styles()
    sheet = writer.Sheet(strings, styles)
    for j, name in enumerate(HEADER):
        sheet.put(0, j, name)
    for i, row in enumerate(_rows(count), start=1):
        for j, value in enumerate(row):
            sheet.put(i, j, value, CODES.get(j, "General"))
    writer.save(path, [("Studenci", sheet)], strings, styles)
    return path


def write_xls(xlsx: Path, folder: Path) -> Path | None:
    """The xlsx converted by LibreOffice (None without ``soffice``)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    subprocess.run(
        [soffice, "--headless", "--convert-to", "xls", "--outdir", str(folder), str(xlsx)],
        check=True, capture_output=True, timeout=300,
    )
    return folder / (xlsx.stem + ".xls")


def _bench_load(path: Path, kind: str, report: Callable[[Result], None], target: str = "<= 1.5x") -> None:
    import python_calamine

    from usosmail_gui.core import recipients

    table = recipients.load(path, language="pl")
    assert table.value(0, 0) == "012000" and table.value(0, 7).count(".") == 2, table.row_values(0)

    def app() -> object:
        return recipients.load(path, language="pl")

    def bare() -> object:
        return python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()

    (subject, baseline), (subject_cpu, baseline_cpu) = interleaved_wall_and_cpu(app, bare, calls=10, rounds=5)
    report(Result(f"load 50k x 8 {kind}, formatted, display values (pl)", subject, "s",
                  "bare python-calamine to_python()", baseline, target))
    report(Result(f"load 50k x 8 {kind}, formatted, display values (pl), CPU time", subject_cpu, "s",
                  "bare python-calamine to_python(), CPU time", baseline_cpu, target))
    floor, baseline = interleaved_medians(lambda: _floor(path, kind), bare, calls=10, rounds=5, warmup=1)
    report(Result(f"floor for {kind}: bare calamine + by column + the 4 columns' cheapest text", floor, "s",
                  "bare python-calamine to_python()", baseline, "measured (what any load on calamine costs)"))


def _floor(path: Path, kind: str) -> object:
    """The least a load that reads its values with calamine does beyond the bare read, as a
    lower bound for its budget: the cells by column (the table is kept by column) and the
    four formatted columns as text in the cheapest way Python has — one %-format over a
    whole column, with neither grouping nor a spreadsheet's rounding — with the collector
    paused; for an .ods also the one inflate of content.xml that the bomb checks before
    calamine need. No facts, checks or e-mail detection at all."""
    import gc
    import itertools

    import python_calamine

    gc.disable()
    try:
        if kind == "ods":
            with zipfile.ZipFile(path) as archive:
                archive.read("content.xml")
        rows = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
        width = len(rows[0])
        cells = list(itertools.chain.from_iterable(rows))
        columns = [cells[j::width][1:] for j in range(width)]
        count = len(columns[0])
        if kind == "xlsb":  # whole-day serials, as calamine gives an RK integer
            epoch = dt.date(1899, 12, 30)
            columns[7] = [epoch + dt.timedelta(days=day) for day in columns[7]]
        days = {day: day.strftime("%d.%m.%Y") for day in set(columns[7])}
        return (
            (("%06d\n" * count) % tuple(columns[0])).split("\n"),
            (("%.2f\n" * count) % tuple(columns[5])).replace(".", ",").split("\n"),
            (("%.2f\n" * count) % tuple(columns[6])).replace(".", ",").split("\n"),
            list(map(days.__getitem__, columns[7])),
        )
    finally:
        gc.enable()


_CHILD = """
import json, sys, time
from usosmail_gui.core import recipients
def peak():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            return int(line.split()[1]) / 1024
before = peak()
start = time.perf_counter()
try:
    table = recipients.load(sys.argv[1], language="pl")
    outcome = f"{table.row_count} rows"
except recipients.SpreadsheetError as exc:
    outcome = exc.reason
print(json.dumps({"seconds": time.perf_counter() - start, "peak": peak(), "before": before,
                  "outcome": outcome}))
"""


def _child(path: Path) -> dict[str, float | str]:
    result = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
                            timeout=600, check=True)
    data: dict[str, float | str] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def _bench_memory(path: Path, big: Path, report: Callable[[Result], None]) -> None:
    if not Path("/proc/self/status").exists():
        print("  (peak RSS: needs /proc, skipped)")
        return
    data = _child(path)
    report(Result("peak RSS, 50k formatted rows loaded", float(data["peak"]), "MiB",
                  "the same process after its imports", float(data["before"]), "<= 250 MiB"))
    data = _child(big)
    print(f"  200k formatted rows: {data['outcome']}", flush=True)
    report(Result("load 200k x 8 xlsx, formatted (child process)", float(data["seconds"]), "s",
                  "peak RSS in MiB", float(data["peak"]), "loads", passed=data["outcome"] == "200000 rows"))


def _bench_hostile(folder: Path, report: Callable[[Result], None]) -> None:
    if not Path("/proc/self/status").exists():
        print("  (hostile input: needs /proc, skipped)")
        return
    csv = folder / "long.csv"
    cell = ("Lorem ipsum dolor sit amet " * 400_000)[:10_000_000]
    csv.write_bytes(f"Imię;Uwagi;E-mail\nAnna;{cell};anna@example.com\nŁucja;ok;l@example.com\n".encode("cp1250"))
    start = time.perf_counter()
    csv.read_bytes()
    read = time.perf_counter() - start
    data = _child(csv)
    report(Result("CSV with one 10 MB cell (Windows-1250): load", float(data["seconds"]), "s",
                  "reading its bytes", read, "<= 2 s"))
    report(Result("CSV with one 10 MB cell: peak RSS", float(data["peak"]), "MiB",
                  "the same process after its imports", float(data["before"]), "<= 300 MiB"))
    ordinary = _child(FIXTURES / "formats-lo.xlsx")
    for name in ("bomb-sharedstrings.xlsx", "bomb-extent.xlsx"):
        data = _child(FIXTURES / name)
        assert data["outcome"] == "too_large", data
        report(Result(f"{name} refused (too large or damaged)", float(data["seconds"]), "s",
                      "loading the 8-row formats-lo.xlsx", float(ordinary["seconds"]), "<= 2 s"))
        report(Result(f"{name} refused: peak RSS", float(data["peak"]), "MiB",
                      "loading the 8-row formats-lo.xlsx", float(ordinary["peak"]), "<= 400 MiB"))


def _bench_isolation(path: Path, report: Callable[[Result], None]) -> None:
    """What reading a sheet in a child process costs (done only for big or odd sheets)."""
    from usosmail_gui.core import recipients
    from usosmail_gui.core.recipients import workbook_source

    def in_process() -> object:
        return recipients.load(path, language="pl")

    def in_child() -> object:
        risky = workbook_source.RISKY_CELLS
        workbook_source.RISKY_CELLS = 0
        try:
            return recipients.load(path, language="pl")
        finally:
            workbook_source.RISKY_CELLS = risky

    subject, baseline = interleaved_medians(in_child, in_process, calls=4, rounds=2, warmup=1)
    report(Result("load 50k x 8 xlsx, the sheet read in a child process", subject, "s",
                  "the same load in this process", baseline, "measured (done over 8M cells or 192 MiB)"))


def run(report: Callable[[Result], None]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        xlsx = write_xlsx(folder / "formatted-50k.xlsx")
        _bench_load(xlsx, "xlsx", report)
        _bench_isolation(xlsx, report)
        _bench_load(write_ods(folder / "formatted-50k.ods"), "ods", report)
        # issue 15 sets budgets for .xlsx, .ods and .xls only: the .xlsb's is measured
        _bench_load(write_xlsb(folder / "formatted-50k.xlsb"), "xlsb", report, "measured (no budget set)")
        xls = write_xls(xlsx, folder)
        if xls is None:
            print("  (xls: needs LibreOffice's soffice to write the file, skipped)", flush=True)
        else:
            _bench_load(xls, "xls", report)
        _bench_memory(xlsx, write_xlsx(folder / "formatted-200k.xlsx", 200_000), report)
        _bench_hostile(folder, report)
