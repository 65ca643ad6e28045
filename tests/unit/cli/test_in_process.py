"""``usosmail`` called in-process (``main(argv)``) against the sandbox (issue 19).

The other CLI tests run the command in a subprocess, as a user does; coverage and mutation
tools cannot see into those. These run the same commands in this process, so the CLI's own
paths (progress texts, the JSON shapes, the counts, the rows left out) are measured and
their mutants can be killed. What is asserted is what the user reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from usosmail_gui.cli import main
from usosmail_gui.core.journal import Journal
from usosmail_gui.sandbox import Sandbox

MESSAGE = ("--subject", "Decyzja dla {Imię}", "--content", "Dzień dobry {Imię} {Nazwisko}.")


@pytest.fixture
def credentials(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    monkeypatch.setenv("USOSMAIL_CONSUMER_KEY", sandbox.admin_key)
    monkeypatch.setenv("USOSMAIL_CONSUMER_SECRET", sandbox.admin_secret)
    return sandbox


def students(tmp_path: Path, count: int, *, bad: tuple[int, ...] = ()) -> Path:
    lines = ["Imię;Nazwisko;E-mail"]
    for i in range(count):
        address = "zly adres" if i in bad else f"student{i}@student.example.edu.pl"
        lines.append(f"Imię{i};Nazwisko{i};{address}")
    path = tmp_path / "lista.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def send(sb: Sandbox, path: Path, *extra: str) -> int:
    return main(["send", "--recipients", str(path), *MESSAGE, "--installation", sb.url, "--yes", *extra])


def only_campaign() -> str:
    with Journal.open() as journal:
        (summary,) = journal.campaigns()
        return summary.campaign.id


def test_send_shows_progress_after_every_request_and_the_counts_at_the_end(
    credentials: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert send(credentials, students(tmp_path, 5, bad=(2,)), "--batch-size", "2") == 0
    out, err = capsys.readouterr()
    campaign = only_campaign()
    assert f"Sending campaign {campaign} (Ctrl+C stops after the request under way)…" in err
    progress = [line.strip() for line in err.splitlines() if line.startswith("  batch ")]
    assert len(progress) == 2
    assert progress[0].startswith("batch 1/2: 2 enqueued · 0 rejected · 0 uncertain · 2 to send · ")
    assert progress[1].startswith("batch 2/2: 4 enqueued · 0 rejected · 0 uncertain · 0 to send · ")
    assert "4 messages to 4 addresses" in err
    assert "Excluded:     1 row (they get nothing):" in err
    assert f"Campaign {campaign}: 4 enqueued · 0 rejected · 0 uncertain · 0 not sent." in out
    assert "4 of 4 message(s) enqueued by USOS." in out
    assert credentials.wait_delivered(20)


def test_send_json_is_the_documented_shape_and_campaigns_count_the_rows_left_out(
    credentials: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert send(credentials, students(tmp_path, 4, bad=(0, 3)), "--json") == 0
    out, _ = capsys.readouterr()
    campaign = only_campaign()
    assert json.loads(out) == {
        "campaign": campaign, "enqueued": 2, "rejected": 0, "uncertain": 0, "not_sent": 0
    }

    assert main(["campaigns", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["campaign"], listed["state"], listed["interrupted"]) == (campaign, "done", False)
    assert (listed["recipients"], listed["excluded"]) == (2, 2)
    assert (listed["enqueued"], listed["not_sent"], listed["uncertain"], listed["rejected"]) == (2, 0, 0, 0)
    assert listed["subject"] == "Decyzja dla {Imię}" and listed["installation"] == credentials.url

    assert main(["campaigns"]) == 0
    text = capsys.readouterr().out
    assert campaign in text and "· 2 excluded" in text

    with Journal.open() as journal:
        left_out = journal.excluded(campaign)
        assert [item.row for item in left_out] == [2, 5]  # the sheet's rows (1 is the header)
        assert {item.record["E-mail"] for item in left_out} == {"zly adres"}
        assert journal.excluded_counts() == {campaign: 2}
    assert credentials.wait_delivered(20)


def test_status_lists_every_recipient_with_its_status_and_the_rows_left_out(
    credentials: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert send(credentials, students(tmp_path, 3, bad=(1,))) == 0
    capsys.readouterr()
    campaign = only_campaign()
    assert credentials.wait_delivered(20)

    assert main(["status", campaign, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    counts = shown["counts"]
    assert (counts["sent"] + counts["waiting"], counts["excluded"], counts["failed"]) == (2, 1, 0)
    by_row = {r["row"]: r for r in shown["recipients"]}
    assert by_row[3]["status"] == "excluded" and by_row[3]["email"] == "zly adres"
    assert {by_row[2]["status"], by_row[4]["status"]} <= {"sent", "waiting"}

    assert main(["status", campaign]) == 0
    text = capsys.readouterr().out
    assert "zly adres" in text and "excluded" in text


def test_resume_of_a_finished_campaign_sends_nothing_and_says_so(
    credentials: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert send(credentials, students(tmp_path, 2)) == 0
    capsys.readouterr()
    campaign = only_campaign()
    served = sum(credentials.requests_served.values())
    assert main(["resume", campaign, "--yes", "--json"]) == 0
    out, _ = capsys.readouterr()
    assert json.loads(out) == {
        "campaign": campaign, "enqueued": 2, "rejected": 0, "uncertain": 0, "not_sent": 0
    }
    sends = sum(
        credentials.requests_served[p]
        for p in ("services/mailing/send_simple_messages", "services/mailing/send_simple_message")
    )
    assert sends == 1  # the first send's one request only
    assert sum(credentials.requests_served.values()) >= served
    assert credentials.wait_delivered(20)


def test_send_without_credentials_says_where_to_put_them(
    sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert send(sandbox, students(tmp_path, 2)) != 0
    err = capsys.readouterr().err
    assert f"no consumer key and secret for {sandbox.url}" in err and "Nothing was sent." in err
    assert sum(sandbox.requests_served.values()) == 0
