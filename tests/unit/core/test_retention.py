"""Personal data kept for a while only (RODO): purged after the retention period or at once
("Delete campaign", ``usosmail forget``), in one transaction — a SIGKILL in the middle leaves
the campaign whole —, the file compacted so nothing lingers, and the counts kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.campaigns import client_for, new_campaign, rows_failing, sent_campaign
from tests.helpers.cli import USOSMAIL, usosmail
from usosmail_gui.core.journal import CampaignBusy, Journal, UnknownCampaign, journal_path
from usosmail_gui.core.polling import poll_once
from usosmail_gui.core.report import write_report
from usosmail_gui.core.retention import (
    DEFAULT_DAYS,
    forget,
    kept_until,
    purge_due,
    retention_days,
    set_retention_days,
)
from usosmail_gui.core.statuses import campaign_counts, campaign_statuses
from usosmail_gui.sandbox import Sandbox

SURNAME = "Brzęczyszczykiewicz"  # a name to look for in the file's bytes


def people(count: int = 6) -> list[list[str]]:
    rows = rows_failing(count, failing=(1,))
    for row in rows:
        row[1] = SURNAME
    rows[2][3] = "zly adres"  # a row left out: its cells are personal data too
    return rows


def journal_bytes() -> bytes:
    path = journal_path()
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def sent_and_polled(sb: Sandbox, journal: Journal) -> str:
    campaign = sent_campaign(journal, sb, people())
    assert sb.wait_delivered(10)
    with client_for(sb) as client:
        assert poll_once(journal, client, campaign).all_finished
    return campaign


def test_forgetting_purges_every_personal_value_keeps_the_counts_and_compacts_the_file(
    sandbox: Sandbox,
) -> None:
    with Journal.open() as journal:
        campaign = sent_and_polled(sandbox, journal)
        before = campaign_counts(journal, campaign, campaign_statuses(journal, campaign))
        (summary,) = journal.campaigns()
        assert SURNAME.encode() in journal_bytes()
        done = forget(journal, campaign)
        assert not done.already and done.compacted
        assert journal.recipients(campaign) == [] and journal.excluded(campaign) == []
        record = journal.campaign(campaign)
        assert record.purged_at and record.source_path is None
        assert record.template == summary.campaign.template
        (after,) = journal.campaigns()
        assert after.counts == summary.counts and after.excluded == summary.excluded == 1
        assert not after.interrupted
        assert campaign_counts(journal, campaign, campaign_statuses(journal, campaign)) == before
        assert (before.sent, before.failed, before.excluded) == (4, 1, 1)
        assert kept_until(journal, campaign) is None
        assert forget(journal, campaign).already
    raw = journal_bytes()
    for gone in (SURNAME, "student0@student.example.edu.pl", "zly adres", "fail.example.com"):
        assert gone.encode() not in raw, f"{gone} is still in the journal's files"
    assert b"Decyzja dla {Imi" in raw  # the template as written stays


def test_the_retention_period_counts_from_the_last_status_and_is_honoured_by_the_cli(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    with Journal.open() as journal:
        assert retention_days(journal) == DEFAULT_DAYS == 180
        old = new_campaign(journal, sandbox.url, sandbox.admin_key, people(3))
        recent = sent_and_polled(sandbox, journal)
        with journal._tx() as conn:  # the first campaign's whole life lies 200 days back
            past = (now - timedelta(days=200)).isoformat(timespec="milliseconds")
            conn.execute(
                "UPDATE campaigns SET created_at = ?, updated_at = ? WHERE id = ?", (past, past, old)
            )
            conn.execute("UPDATE recipients SET updated_at = ? WHERE campaign = ?", (past, old))
        until = kept_until(journal, recent)
        assert until is not None and abs(until - (now + timedelta(days=180))) < timedelta(minutes=5)
        assert purge_due(journal, now=now - timedelta(days=30)) == []  # 170 days then: not yet

    result = usosmail("campaigns", "--json")  # the CLI purges what is due, and says so
    assert result.returncode == 0, result.stderr
    assert "personal data of 1 campaign(s)" in result.stderr and old in result.stderr
    listed = {c["campaign"]: c for c in json.loads(result.stdout)}
    assert listed[old]["purged_at"] and listed[old]["kept_until"] is None
    assert listed[old]["recipients"] == 2 and listed[old]["not_sent"] == 2 and not listed[old]["interrupted"]
    assert listed[old]["excluded"] == 1
    assert listed[recent]["purged_at"] is None and listed[recent]["kept_until"]

    with Journal.open() as journal:
        set_retention_days(journal, 1)  # the window's setting, in the journal: the CLI reads it
        with pytest.raises(ValueError, match="1 to 3650 days"):
            set_retention_days(journal, 0)
        assert purge_due(journal, now=now + timedelta(days=2)) == [recent]

    resumed = usosmail("resume", old, "--yes")
    assert resumed.returncode == 1
    assert "was deleted" in resumed.stderr and "Nothing was sent" in resumed.stderr
    status = usosmail("status", recent, "--json")
    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    assert data["recipients"] == [] and data["counts"]["sent"] == 4 and data["counts"]["excluded"] == 1
    assert "was deleted on" in status.stderr
    report = tmp_path / "raport.csv"
    assert usosmail("report", recent, "--output", str(report)).returncode == 0
    text = report.read_text(encoding="utf-8-sig")
    assert "was deleted from the journal on" in text and SURNAME not in text


def test_forget_asks_on_a_terminal_and_refuses_without_one(sandbox: Sandbox) -> None:
    import pty

    with Journal.open() as journal:
        campaign = sent_campaign(journal, sandbox, people(3))
    refused = usosmail("forget", campaign)
    assert refused.returncode == 1 and "no terminal" in refused.stderr
    for answer, code in ((b"n\n", 1), (b"y\n", 0)):
        leader, follower = pty.openpty()
        proc = subprocess.Popen(
            [USOSMAIL, "forget", campaign], stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        os.close(follower)
        os.write(leader, answer)
        _, err = proc.communicate(timeout=60)
        os.close(leader)
        assert proc.returncode == code, err
        assert f"Delete the personal data of campaign {campaign} now? [y/N]".encode() in err
        assert b"2 recipients and 1 left-out row" in err
    with Journal.open() as journal:
        assert journal.campaign(campaign).purged_at
    again = usosmail("forget", campaign, "--yes")
    assert again.returncode == 0 and "already deleted" in again.stdout
    unknown = usosmail("forget", "2020-01-01-0000-abcd", "--yes")
    assert unknown.returncode == 1 and "no campaign" in unknown.stderr and "Traceback" not in unknown.stderr


def test_a_campaign_being_sent_is_never_purged(sandbox: Sandbox) -> None:
    with Journal.open() as journal:
        campaign = new_campaign(journal, sandbox.url, sandbox.admin_key, people(3))
        lock = journal.lock_campaign(campaign)  # as a sender holds it
        try:
            assert purge_due(journal, now=datetime.now(UTC) + timedelta(days=400)) == []
            with pytest.raises(CampaignBusy):
                forget(journal, campaign)
        finally:
            lock.release()
        assert len(journal.recipients(campaign)) == 2
        with pytest.raises(UnknownCampaign):
            forget(journal, "2020-01-01-0000-abcd")


KILLED_MID_PURGE = textwrap.dedent(
    """
    import os, signal, sys
    from usosmail_gui.core.journal import Journal
    from usosmail_gui.core.retention import forget
    journal = Journal.open()
    # SIGKILL at the very last statement of the purge's transaction, its deletes done
    journal._conn.create_function("die", 0, lambda: os.kill(os.getpid(), signal.SIGKILL))
    journal._conn.execute(
        "CREATE TEMP TRIGGER die_on_purge BEFORE UPDATE OF purged_at ON campaigns BEGIN SELECT die(); END"
    )
    forget(journal, sys.argv[1])
    """
)


def test_a_sigkill_in_the_middle_of_a_purge_leaves_the_campaign_whole(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    with Journal.open() as journal:
        campaign = sent_and_polled(sandbox, journal)
        recipients, excluded = journal.recipients(campaign), journal.excluded(campaign)
    script = tmp_path / "killed.py"
    script.write_text(KILLED_MID_PURGE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), campaign], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == -9, result.stderr
    with Journal.open() as journal:
        assert journal.campaign(campaign).purged_at is None
        assert journal.recipients(campaign) == recipients and journal.excluded(campaign) == excluded
        assert forget(journal, campaign).compacted  # and it can be purged afterwards


def test_the_report_says_until_when_the_data_is_kept(sandbox: Sandbox, tmp_path: Path) -> None:
    with Journal.open() as journal:
        campaign = sent_and_polled(sandbox, journal)
        set_retention_days(journal, 30)
        until = kept_until(journal, campaign)
        assert until is not None
        path = tmp_path / "raport.csv"
        write_report(journal, campaign, path)
    note = path.read_text(encoding="utf-8-sig").strip().splitlines()[-1]
    assert f"kept in the journal until {until.astimezone():%Y-%m-%d} (30 days after its last status)" in note
