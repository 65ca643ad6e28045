"""Files refused only when it is true (issue 15, item 3), and refused in bounded time and
memory when they are bombs (issue 17, item 6).

The bombs run in a fresh interpreter: calamine *aborts* the process when it cannot
allocate (a Rust allocation failure is no exception), so a test in this process would
take pytest down with it; the child's exit code and peak RSS (``VmHWM``) tell instead.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from tests.helpers.child_reads import child_commands
from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
from usosmail_gui.core.recipients import FileKind, SpreadsheetError, isolated, load, workbook_source

FORMATS = RECIPIENT_FIXTURES / "formats"
needs_proc = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak RSS needs /proc")


def test_the_workbook_is_found_through_the_package_relationships() -> None:
    """The workbook part at xl/main.xml, named by _rels/.rels, was called "damaged"."""
    moved = load(FORMATS / "workbook-elsewhere.xlsx", language="pl")
    usual = load(FORMATS / "formats-lo.xlsx", language="pl")
    assert moved.source.kind is FileKind.XLSX
    assert moved.row_values(0) == usual.row_values(0)


def test_an_ods_without_a_mimetype_entry_is_read() -> None:
    """Google Docs writes .ods files without the mimetype entry; they were called "damaged"."""
    table = load(FORMATS / "no-mimetype.ods", language="pl")
    assert table.source.kind is FileKind.ODS
    assert table.row_values(0) == load(FORMATS / "formats.ods", language="pl").row_values(0)


@pytest.mark.parametrize("name", ["password.ods", "password.xls"])
def test_password_protection_is_recognised_in_every_format(name: str) -> None:
    """LibreOffice-encrypted .ods (encryption manifest) and .xls (FILEPASS) were "damaged"."""
    with pytest.raises(SpreadsheetError) as caught:
        load(FORMATS / name)
    assert caught.value.reason == "password"
    assert "password" in str(caught.value) and "without the password" in str(caught.value)


def _lying_copy(bomb: Path, target: Path) -> Path:
    """The bomb with its shared strings' declared size made small (4 KiB): a reader that
    inflates the stream to its end (calamine's zip) is not stopped by it."""
    with zipfile.ZipFile(bomb) as archive:
        infos = archive.infolist()
        raw = bomb.read_bytes()
        entries = []
        for info in infos:
            header = raw[info.header_offset : info.header_offset + 30]
            name_length, extra_length = struct.unpack("<HH", header[26:30])
            start = info.header_offset + 30 + name_length + extra_length
            data = raw[start : start + info.compress_size]
            declared = 4096 if info.filename == "xl/sharedStrings.xml" else info.file_size
            entries.append((info.filename.encode(), data, info.CRC, declared))
    out = bytearray()
    central = bytearray()
    for name, data, crc, declared in entries:
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), declared, len(name), 0)
        out += name + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), declared, len(name),
            0, 0, 0, 0, 0, offset,
        )
        central += name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    target.write_bytes(bytes(out + central + end))
    return target


def _load_in_child(path: Path) -> dict[str, object]:
    code = f"""
import json, time
from usosmail_gui.core.recipients import SpreadsheetError, load
def peak():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            return int(line.split()[1]) / 1024
start = time.perf_counter()
try:
    load({str(path)!r})
    outcome = "loaded"
except SpreadsheetError as exc:
    outcome = exc.reason
print(json.dumps({{"outcome": outcome, "seconds": time.perf_counter() - start, "peak": peak()}}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    died = f"the load killed the process ({result.returncode}): {result.stderr[-2000:]}"
    assert result.returncode == 0, died
    data: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


@needs_proc
@pytest.mark.parametrize("variant", ["declared", "lying"])
def test_a_shared_strings_bomb_is_refused_in_bounded_time_and_memory(tmp_path: Path, variant: str) -> None:
    """1.5 MB, one shared string of 1.5 GB: calamine took 1.6-4.4 GB and aborted. Budget:
    refused as "too large or damaged" in ≤ 2 s with peak RSS ≤ 400 MiB."""
    bomb = FORMATS / "bomb-sharedstrings.xlsx"
    if variant == "lying":
        bomb = _lying_copy(bomb, tmp_path / "lying.xlsx")
        with zipfile.ZipFile(bomb) as archive:
            assert archive.getinfo("xl/sharedStrings.xml").file_size == 4096
    data = _load_in_child(bomb)
    # a lying size is caught by the CRC once the declared bytes are out: "damaged"
    assert data["outcome"] == ("too_large" if variant == "declared" else "damaged"), data
    assert float(str(data["seconds"])) <= 2.0, data
    assert float(str(data["peak"])) <= 400, data


@needs_proc
def test_a_sheet_spanning_a_billion_cells_is_refused_not_allocated() -> None:
    """Two cells, A1 and XFD1000000, in 8 KB: calamine allocates the whole rectangle at once
    (500 GB) and aborts the process."""
    data = _load_in_child(FORMATS / "bomb-extent.xlsx")
    assert data["outcome"] == "too_large", data
    assert float(str(data["peak"])) <= 400, data


def _rewritten_sheet(source: Path, target: Path, old: bytes, new: bytes) -> Path:
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            data = archive.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new)
            out.writestr(info.filename, data)
    return target


@needs_proc
@pytest.mark.parametrize(
    "far_cell",
    [
        b'<c t="n" r="XFD1000000">',  # the reference after another attribute
        b'<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="XFD1000000">',
    ],
    ids=["attribute-order", "prefixed"],
)
def test_the_far_cell_is_found_however_it_is_written(tmp_path: Path, far_cell: bytes) -> None:
    """calamine takes a cell's place from its r attribute whatever the attributes' order or
    the element's prefix; so does the extent check."""
    bomb = _rewritten_sheet(
        FORMATS / "bomb-extent.xlsx", tmp_path / "variant.xlsx", b'<c r="XFD1000000">', far_cell
    )
    if far_cell.startswith(b"<x:c"):
        with zipfile.ZipFile(bomb) as archive:  # the closing tag too
            assert b"</c></row></sheetData>" in archive.read("xl/worksheets/sheet1.xml")
        bomb = _rewritten_sheet(bomb, tmp_path / "prefixed.xlsx", b"</v></c></row><", b"</v></x:c></row><")
    data = _load_in_child(bomb)
    assert data["outcome"] == "too_large", data


def test_the_user_reads_what_happened() -> None:
    with pytest.raises(SpreadsheetError) as caught:
        load(FORMATS / "bomb-extent.xlsx")
    text = str(caught.value)
    assert "bomb-extent.xlsx is too large or damaged" in text
    assert "save it anew" in text


def test_a_zip_that_only_looks_big_is_not_refused(tmp_path: Path) -> None:
    """Parts that compress well but hold a real list stay readable (the 50,000-row bench
    list compresses 10:1)."""
    source = FORMATS / "formats-lo.xlsx"
    copy = shutil.copy(source, tmp_path / "copy.xlsx")
    assert load(copy).row_count == 7
    assert zlib.compress(b"x") is not None


# --- a big or odd sheet is read in a child process, where an abort is survivable -----------


def test_a_risky_sheet_is_read_in_a_child_process_with_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    in_process = load(FORMATS / "formats-lo.xlsx", language="pl")
    monkeypatch.setattr(workbook_source, "RISKY_CELLS", 0)  # every sheet counts as risky
    started = child_commands(monkeypatch)
    table = load(FORMATS / "formats-lo.xlsx", language="pl")
    assert len(started) == 1 and started[0][1:3] == ["-m", "usosmail_gui.core.recipients.isolated"]
    assert [table.row_values(r) for r in range(7)] == [in_process.row_values(r) for r in range(7)]
    assert table.hidden_rows == in_process.hidden_rows
    assert [table.cell_error(0, c) for c in range(table.column_count)] == [
        in_process.cell_error(0, c) for c in range(in_process.column_count)
    ]


def test_in_the_bundle_the_child_is_run_by_the_console_command_beside_the_app(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A PyInstaller bundle has no interpreter: ``usosmail-gui -m …`` would start a second
    window; the bundle's ``usosmail`` hands ``-m`` of the child module to ``child_main``."""
    app = tmp_path / "usosmail-gui" / "usosmail-gui"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    command = isolated.child_command(Path("lista.xlsx"), "Arkusz1", 100, "pl")
    assert command == [
        str(app.with_name("usosmail")), "-m", isolated.CHILD_MODULE, "lista.xlsx", "Arkusz1", "100", "pl",
    ]
    entry = (Path(__file__).resolve().parents[4] / "installer" / "entry" / "usosmail.py").read_text("utf-8")
    assert f'["-m", "{isolated.CHILD_MODULE}"]' in entry


def test_a_reader_that_aborts_in_the_child_is_explained_and_this_process_lives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What calamine does on an allocation it cannot make: abort() (SIGABRT), no exception."""
    monkeypatch.setattr(workbook_source, "RISKY_CELLS", 0)
    monkeypatch.setattr(isolated, "child_command", lambda *_: [sys.executable, "-c", "import os; os.abort()"])
    with pytest.raises(SpreadsheetError) as caught:
        load(FORMATS / "formats-lo.xlsx")
    assert caught.value.reason == "reader_crashed"
    assert "the spreadsheet reader stopped on it (signal 6)" in str(caught.value)


def test_a_file_refused_in_the_child_keeps_its_words(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The child's SpreadsheetError comes back whole: reason, English and translatable text."""
    broken = tmp_path / "broken-sheet.xlsx"
    with zipfile.ZipFile(FORMATS / "formats-lo.xlsx") as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b"</sheetDat></row>")
            target.writestr(info.filename, data)
    monkeypatch.setattr(workbook_source, "RISKY_CELLS", 0)
    with pytest.raises(SpreadsheetError) as caught:
        load(broken)
    assert caught.value.reason == "damaged"
    assert caught.value.sentences and "broken-sheet.xlsx looks like an Excel" in str(caught.value)
