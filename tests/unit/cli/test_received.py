"""``usosmail show CAMPAIGN --row N`` (``cli.received``): what a row's student was sent, read
back from the journal, for letters with derived columns and grouping (one message for
several rows; in template mode, what USOS makes of the params), and the report's line per
sheet row naming the message it went out in. Real processes, the sandbox over loopback."""

from __future__ import annotations

import csv
import json
import os
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

from tests.helpers.cli import usosmail
from usosmail_gui.core.journal import Journal
from usosmail_gui.sandbox import Sandbox

run = usosmail


def test_send_the_letters_then_show_a_row_and_report_every_row(
    sandbox: Sandbox, grades: Path, letter: Path, tmp_path: Path
) -> None:
    env = dict(
        os.environ, USOSMAIL_CONSUMER_KEY=sandbox.admin_key, USOSMAIL_CONSUMER_SECRET=sandbox.admin_secret
    )
    sent = run(
        "send", "--recipients", str(grades), "--template", str(letter), "--installation", sandbox.url,
        "--yes", "--json", env=env,
    )  # fmt: skip
    assert sent.returncode == 0, sent.stderr  # all enqueued (row 6, left out, is listed)
    summary = json.loads(sent.stdout)
    assert summary["enqueued"] == 3
    assert "Grouped:      4 rows of the sheet (one message per address)" in sent.stderr
    assert sandbox.wait_delivered(10)  # the sandbox delivers in its own thread
    delivered = {}
    for mail in (sandbox.maildir / "new").iterdir():
        message = message_from_bytes(mail.read_bytes(), policy=default_policy)
        delivered[str(message["To"])] = message.get_content()  # type: ignore[attr-defined]
    assert set(delivered) == {
        "anna@student.example.edu.pl",
        "jan@student.example.edu.pl",
        "siobhan@student.example.edu.pl",
    }
    assert "- Analiza: 5\n- Algebra: 4,5" in delivered["anna@student.example.edu.pl"]
    assert delivered["siobhan@student.example.edu.pl"].startswith("Szanowni Państwo,")
    campaign = summary["campaign"]

    shown = run("show", campaign, "--row", "4", "--json")
    assert shown.returncode == 0, shown.stderr
    row = json.loads(shown.stdout)
    (message,) = row["messages"]
    assert row["row"] == 4 and row["excluded"] is None
    assert message["rows"] == [2, 4] and message["to"] == ["anna@student.example.edu.pl"]
    assert message["subject"] == "Oceny z sesji – Kowalska"
    assert message["content"].startswith("Szanowna Pani Anno,\n")
    assert message["content"] in delivered["anna@student.example.edu.pl"]
    assert message["content_format"] == "plain" and message["sender"]["from_name"] == "Dziekanat"
    assert [e["event"] for e in message["history"]] == ["stored", "request_sent", "enqueued"]
    assert message["message_id"] and message["status"] == "waiting"
    plain = run("show", campaign, "--row", "2")
    assert plain.returncode == 0 and "Subject:  Oceny z sesji – Kowalska" in plain.stdout
    assert "one message for rows 2, 4" in plain.stdout and "History:" in plain.stdout
    left_out = run("show", campaign, "--row", "6", "--json")
    assert left_out.returncode == 0
    assert json.loads(left_out.stdout)["excluded"]["code"] == "email_invalid"
    assert run("show", campaign, "--row", "60").returncode == 1
    unknown = run("show", "2000-01-01-0000-0000", "--row", "2")
    assert unknown.returncode == 1 and "no campaign" in unknown.stderr

    report = tmp_path / "raport.csv"
    assert run("report", campaign, "--output", str(report)).returncode == 0
    header, *lines = csv.reader(report.read_text("utf-8-sig").splitlines(keepends=True), delimiter=";")
    by_row = lines[: lines.index([])]  # the table ends at an empty line (a note on the data follows)
    assert header[-1] == "In the message of row" and "Zwrot" in header and "lista" in header
    assert [(cells[4], cells[-1]) for cells in by_row if cells[-1]] == [  # Przedmiot, the message's row
        ("Analiza", "2"),
        ("Mechanika", "3"),
        ("Algebra", "2"),
        ("Fizyka", "5"),
    ]
    with Journal.open() as journal:
        assert {seq: [r for r, _ in rows] for seq, rows in journal.message_rows(campaign).items()} == {1: [4]}


def test_show_in_template_mode_gives_what_usos_makes_of_the_params(
    sandbox: Sandbox, grades: Path, letter: Path
) -> None:
    env = dict(
        os.environ, USOSMAIL_CONSUMER_KEY=sandbox.admin_key, USOSMAIL_CONSUMER_SECRET=sandbox.admin_secret
    )
    sent = run(
        "send", "--recipients", str(grades), "--template", str(letter), "--installation", sandbox.url,
        "--mode", "template", "--yes", "--json", env=env,
    )  # fmt: skip
    campaign = json.loads(sent.stdout)["campaign"]
    shown = json.loads(run("show", campaign, "--row", "2", "--json").stdout)
    (message,) = shown["messages"]
    assert message["mode"] == "template"
    assert message["content"].startswith("Szanowna Pani Anno,\n") and "- Algebra: 4,5" in message["content"]
    assert sandbox.wait_delivered(10)
    delivered = [
        message_from_bytes(p.read_bytes(), policy=default_policy) for p in (sandbox.maildir / "new").iterdir()
    ]
    anna = next(m for m in delivered if "anna@" in str(m["To"]))
    assert message["content"] in anna.get_content()  # type: ignore[attr-defined]
