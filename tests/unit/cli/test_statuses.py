"""``usosmail status`` and ``usosmail report`` as subprocesses, against the sandbox."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from pathlib import Path

import openpyxl

from tests.helpers.campaigns import rows_failing, sent_campaign
from tests.helpers.cli import usosmail
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.usos import wire
from usosmail_gui.sandbox import Sandbox

COUNT_KEYS = {
    "waiting", "sent", "failed", "uncertain", "rejected", "expired",  # the contract's first six
    "excluded",  # issue 17
    "detail_pending", "no_detail", "unknown",  # issue 12 (keys are only ever added)
    "not_sent", "messages", "finished",  # issue 14: the counts every view shows (core/counts.py)
}


def env_for(sb: Sandbox | None) -> dict[str, str]:
    env = dict(os.environ)
    if sb is not None:
        env["USOSMAIL_CONSUMER_KEY"] = sb.admin_key
        env["USOSMAIL_CONSUMER_SECRET"] = sb.admin_secret
    return env


run = usosmail


def sent(sb: Sandbox, count: int = 4, failing: tuple[int, ...] = (1,)) -> str:
    with Journal.open() as journal:
        return sent_campaign(journal, sb, rows_failing(count, failing=failing))


def test_status_json_refreshed_from_usos(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    campaign = sent(sb)
    assert sb.wait_delivered(10)
    result = run("status", campaign, "--json", env=env_for(sb))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"campaign", "counts", "recipients"} and data["campaign"] == campaign
    assert set(data["counts"]) == COUNT_KEYS
    expected = {"sent": 3, "failed": 1, "messages": 4, "finished": 4}
    assert data["counts"] == {**dict.fromkeys(COUNT_KEYS, 0), **expected}
    assert [set(r) for r in data["recipients"]] == [
        {"row", "email", "message_id", "status", "error", "raw_status"}
    ] * 4
    failed = [r for r in data["recipients"] if r["status"] == "failed"]
    assert failed[0]["row"] == 3 and failed[0]["email"] == "student1@fail.example.com" and failed[0]["error"]
    assert sb.requests_served[wire.CHECK_MESSAGES_STATUS] == 1
    plain = run("status", campaign, env=env_for(sb))  # nothing left to ask: no request
    assert plain.returncode == 0 and "3 sent" in plain.stdout and "row 3" in plain.stdout
    assert "4 of 4 finished" in plain.stdout
    assert sb.requests_served[wire.CHECK_MESSAGES_STATUS] == 1
    assert sb.admin_secret not in plain.stdout + plain.stderr + result.stdout + result.stderr


def test_status_without_network_or_credentials_shows_the_journal(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sb = make_sandbox()
    campaign = sent(sb, 2, failing=())
    no_credentials = run("status", campaign, "--json")
    assert no_credentials.returncode == 0 and "no consumer key" in no_credentials.stderr
    assert json.loads(no_credentials.stdout)["counts"]["waiting"] == 2
    sb.stop()
    offline = run("status", campaign, "--json", env=env_for(sb))
    assert offline.returncode == 0, offline.stderr
    assert "could not be reached" in offline.stderr
    assert json.loads(offline.stdout)["counts"]["waiting"] == 2
    unknown = run("status", "no-such-campaign", env=env_for(sb))
    assert unknown.returncode == 1 and "no campaign" in unknown.stderr


def test_status_watch_until_all_finished(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox(delay=0.5)
    campaign = sent(sb, 3, failing=(2,))
    result = run("status", campaign, "--watch", "--json", env=env_for(sb))
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)["counts"]
    assert (counts["sent"], counts["failed"], counts["waiting"]) == (2, 1, 0)


def test_report_files(make_sandbox: Callable[..., Sandbox], tmp_path: Path) -> None:
    sb = make_sandbox()
    campaign = sent(sb)
    assert sb.wait_delivered(10)
    assert run("status", campaign, env=env_for(sb)).returncode == 0
    xlsx, csv_path = tmp_path / "r.xlsx", tmp_path / "r.csv"
    for path in (xlsx, csv_path):
        done = run("report", campaign, "--output", str(path))
        assert done.returncode == 0, done.stderr
        assert "4 rows" in done.stdout and "is kept in the journal until" in done.stdout
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][-6:] == ["Sent to", "Message ID", "Status", "Error", "Enqueued at", "Finished at"]
    assert [row[-4] for row in values[1:]] == ["sent", "failed", "sent", "sent"]
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=";"))
        assert "kept in the journal until" in lines[-1][0]
        assert [row[-4] for row in lines[1 : lines.index([])]] == [
            "sent",
            "failed",
            "sent",
            "sent",
        ]
    unknown = run("report", "no-such-campaign", "--output", str(tmp_path / "x.xlsx"))
    assert unknown.returncode == 1 and "no campaign" in unknown.stderr and "Traceback" not in unknown.stderr
    unwritable = run("report", campaign, "--output", str(tmp_path / "no" / "such" / "dir.csv"))
    assert unwritable.returncode == 1 and "Cannot write" in unwritable.stderr
    assert "Traceback" not in unwritable.stderr


def test_rows_left_out_are_part_of_the_campaigns_account_everywhere(
    make_sandbox: Callable[..., Sandbox], tmp_path: Path
) -> None:
    """An invalid, a missing and a repeated address: stored with the campaign, and listed by
    status, campaigns and the report (every row of the sheet), with their reason."""
    sb = make_sandbox()
    rows = rows_failing(6)
    rows[1][3] = "zly adres"  # row 3
    rows[3][3] = ""  # row 5
    rows[4][3] = rows[0][3].upper()  # row 6 repeats row 2's address
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows)
    assert sb.wait_delivered(10)

    status = run("status", campaign, "--json", env=env_for(sb))
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert data["counts"]["excluded"] == 3 and data["counts"]["sent"] == 3
    assert [(r["row"], r["status"]) for r in data["recipients"]] == [
        (2, "sent"),
        (3, "excluded"),
        (4, "sent"),
        (5, "excluded"),
        (6, "excluded"),
        (7, "sent"),
    ]
    left_out = {r["row"]: r for r in data["recipients"] if r["status"] == "excluded"}
    assert left_out[3]["email"] == "zly adres" and left_out[3]["message_id"] is None
    assert "not a valid e-mail address" in left_out[3]["error"]
    assert left_out[5]["email"] == "" and "no e-mail address" in left_out[5]["error"].lower()
    assert "row 2" in left_out[6]["error"].lower()
    plain = run("status", campaign, env=env_for(sb))
    assert "3 excluded" in plain.stdout and "row 5: (no address): excluded" in plain.stdout

    listed = run("campaigns", "--json")
    assert listed.returncode == 0
    (entry,) = json.loads(listed.stdout)
    assert (entry["recipients"], entry["enqueued"], entry["excluded"]) == (3, 3, 3)
    assert "3 excluded" in run("campaigns").stdout

    report = tmp_path / "raport.csv"
    done = run("report", campaign, "--output", str(report))
    assert done.returncode == 0, done.stderr
    assert "6 rows" in done.stdout
    with report.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle, delimiter=";"))
    header, body = table[0], table[1 : table.index([])]
    assert [r[header.index("Imię")] for r in body] == [r[0] for r in rows]  # every row, in order
    statuses = [r[header.index("Status")] for r in body]
    assert statuses == ["sent", "excluded", "sent", "excluded", "excluded", "sent"]
    assert "not a valid e-mail address" in body[1][header.index("Error")]
