"""The journal on real SQLite files: schema and migrations, the state machine, crash recovery."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers.campaigns import write_v1_journal
from tests.helpers.tables import DEMO_COLUMNS, demo_rows, make_table
from usosmail_gui.core.campaign import CampaignDraft, key_fingerprint
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import (
    CRASH_REASON,
    FILE_NAME,
    SCHEMA_VERSION,
    BatchKind,
    CampaignBusy,
    CampaignState,
    Journal,
    JournalError,
    JournalTooNew,
    RecipientState,
    StatusUpdate,
    UnknownCampaign,
    journal_path,
)
from usosmail_gui.core.paths import data_dir
from usosmail_gui.core.template import MessageTemplate

TEMPLATE = MessageTemplate(subject="Decyzja dla {Imię}", content="Dzień dobry {Imię} {Nazwisko}")
METHOD = "services/mailing/send_simple_messages"


def draft(count: int = 5) -> CampaignDraft:
    return build_campaign(
        make_table(demo_rows(count)),
        TEMPLATE,
        installation="https://usosapi.example.edu.pl",
        key_fingerprint=key_fingerprint("the-key"),
    )


def states(journal: Journal, campaign: str) -> list[str]:
    return [str(r.state) for r in journal.recipients(campaign)]


def test_the_file_lives_in_the_data_dir_in_wal_mode_with_full_sync() -> None:
    with Journal.open() as journal:
        assert journal.path == (data_dir() / FILE_NAME).resolve() == journal_path().resolve()
        assert journal.schema_version == SCHEMA_VERSION == 4
        assert journal._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    with sqlite3.connect(journal_path()) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_newer_journal_is_refused_in_plain_words_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE future (x)")
        raw.execute("PRAGMA user_version = 7")
    raw.close()
    before = path.read_bytes()
    with pytest.raises(JournalTooNew) as error:
        Journal.open(path)
    message = str(error.value)
    assert "newer version of usosmail-gui" in message
    assert "format 7" in message and "not changed" in message
    assert path.read_bytes() == before
    assert not path.with_name("journal.sqlite3-wal").exists()


def test_a_version_1_journal_made_by_an_earlier_release_opens(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    write_v1_journal(path, excluded=True)
    with Journal.open(path) as journal:
        assert journal.schema_version == SCHEMA_VERSION  # upgraded in place, in one transaction
        assert journal.message_rows("2026-01-02-0304-abcd") == {}
        (summary,) = journal.campaigns()
        assert summary.campaign.id == "2026-01-02-0304-abcd"
        assert summary.campaign.state is CampaignState.DONE
        assert summary.excluded == 1
        (left_out,) = journal.excluded(summary.campaign.id)
        assert (left_out.row, left_out.reason, dict(left_out.record)) == (7, "Bad.", {})
        assert left_out.sentences == ()


def test_a_file_that_is_not_a_journal_is_explained_and_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    before = path.read_bytes()
    with pytest.raises(JournalError, match=r"cannot be read as a journal.*not changed"):
        Journal.open(path)
    assert path.read_bytes() == before


def test_a_campaign_is_stored_whole_with_readable_id_and_no_key() -> None:
    with Journal.open() as journal:
        record = journal.create_campaign(draft())
        assert record.id[:4].isdigit() and len(record.id) == len("2026-11-26-1923-4f1a")
        assert record.state is CampaignState.NEW
        assert record.key_fingerprint == key_fingerprint("the-key") != "the-key"
        assert record.template == TEMPLATE
        assert record.columns[0] == "Imię"
        recipients = journal.recipients(record.id)
        assert [r.seq for r in recipients] == [1, 2, 3, 4, 5]
        assert recipients[0].subject == "Decyzja dla Anna"
        assert recipients[0].record["Nr albumu"] == "100000"
        assert recipients[0].addresses == ("student0@student.example.edu.pl",)
        assert journal.counts(record.id).pending == 5
    with pytest.raises(UnknownCampaign, match="usosmail campaigns"), Journal.open() as journal:
        journal.campaign("2020-01-01-0000-0000")


def test_campaigns_are_listed_newest_first() -> None:
    from datetime import UTC, datetime

    with Journal.open() as journal:
        old = journal.create_campaign(draft(), now=datetime(2026, 1, 1, tzinfo=UTC))
        new = journal.create_campaign(draft(), now=datetime(2026, 3, 1, tzinfo=UTC))
        middle = journal.create_campaign(draft(), now=datetime(2026, 2, 1, tzinfo=UTC))
        assert [s.campaign.id for s in journal.campaigns()] == [new.id, middle.id, old.id]


def test_the_state_machine_commits_every_transition() -> None:
    with Journal.open() as journal:
        campaign = journal.create_campaign(draft()).id
        batch = journal.start_batch(campaign, [1, 2, 3], kind=BatchKind.BATCH, method=METHOD, body_bytes=10)
        assert states(journal, campaign) == ["in_flight"] * 3 + ["pending"] * 2
        # the transition is committed: another connection sees it at once
        with sqlite3.connect(journal.path) as other:
            seen = other.execute("SELECT state FROM recipients WHERE seq = 1").fetchone()[0]
        assert seen == "in_flight"
        not_enqueued = journal.batch_answered(batch, [(1, "m1"), (2, None), (3, "m3")])
        assert not_enqueued == [2]
        recipients = journal.recipients(campaign)
        assert [r.state for r in recipients[:3]] == ["enqueued", "pending", "enqueued"]
        assert recipients[0].message_id == "m1" and recipients[0].enqueued_at
        assert recipients[1].solo and "false" in (recipients[1].error or "")

        alone = journal.start_batch(campaign, [2], kind=BatchKind.SINGLE, method=METHOD, body_bytes=5)
        assert journal.batch_rejected(alone, "bad address") == 1
        rejected = journal.recipients(campaign, [RecipientState.REJECTED])
        assert [(r.seq, r.error, r.attempts) for r in rejected] == [(2, "bad address", 2)]

        other_batch = journal.start_batch(campaign, [4], kind=BatchKind.SINGLE, method=METHOD, body_bytes=5)
        assert journal.batch_uncertain(other_batch, "dropped") == 1
        last = journal.start_batch(campaign, [5], kind=BatchKind.SINGLE, method=METHOD, body_bytes=5)
        assert journal.batch_not_sent(last, "unreachable") == [5]
        assert states(journal, campaign) == ["enqueued", "rejected", "enqueued", "uncertain", "pending"]
        outcomes = [b["outcome"] for b in journal.batches(campaign)]
        assert outcomes == ["partial", "rejected", "uncertain", "not_sent"]
        counts = journal.counts(campaign)
        assert (counts.enqueued, counts.rejected, counts.uncertain, counts.pending) == (2, 1, 1, 1)
        assert counts.undecided == 1 and counts.interrupted


def test_only_pending_recipients_can_be_put_in_flight_and_a_refusal_changes_nothing() -> None:
    with Journal.open() as journal:
        campaign = journal.create_campaign(draft()).id
        batch = journal.start_batch(campaign, [1], kind=BatchKind.SINGLE, method=METHOD, body_bytes=1)
        journal.batch_answered(batch, [(1, "m1")])
        with pytest.raises(JournalError, match="no longer waiting"):
            journal.start_batch(campaign, [1, 2], kind=BatchKind.BATCH, method=METHOD, body_bytes=1)
        assert states(journal, campaign) == ["enqueued"] + ["pending"] * 4
        assert len(journal.batches(campaign)) == 1


def test_reopening_after_a_crash_makes_in_flight_uncertain_never_pending() -> None:
    journal = Journal.open()
    campaign = journal.create_campaign(draft()).id
    journal.set_campaign_state(campaign, CampaignState.SENDING)
    journal.start_batch(campaign, [1, 2], kind=BatchKind.BATCH, method=METHOD, body_bytes=1)
    journal.close()  # the process "dies" here: no outcome was written

    with Journal.open() as reopened:
        recipients = reopened.recipients(campaign)
        assert [r.state for r in recipients] == ["uncertain", "uncertain", "pending", "pending", "pending"]
        assert recipients[0].error == CRASH_REASON
        assert [b["outcome"] for b in reopened.batches(campaign)] == ["uncertain"]
        record = reopened.campaign(campaign)
        assert record.state is CampaignState.STOPPED and "unexpectedly" in (record.stop_reason or "")
        assert [s.campaign.id for s in reopened.interrupted()] == [campaign]


def test_a_commit_survives_sigkill_and_the_killed_sender_lock_is_released(tmp_path: Path) -> None:
    """A real SIGKILL right after ``start_batch`` returned: the next open finds it in flight."""
    with Journal.open() as journal:
        campaign = journal.create_campaign(draft()).id
    code = textwrap.dedent(
        f"""
        import os, signal
        from usosmail_gui.core.journal import BatchKind, Journal
        journal = Journal.open()
        lock = journal.lock_campaign({campaign!r})
        journal.start_batch({campaign!r}, [1, 2, 3], kind=BatchKind.BATCH, method="m", body_bytes=1)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == -9, result.stderr
    with Journal.open() as journal:
        assert states(journal, campaign) == ["uncertain"] * 3 + ["pending"] * 2


def test_a_live_senders_in_flight_batch_is_left_alone_by_another_open() -> None:
    journal = Journal.open()
    campaign = journal.create_campaign(draft()).id
    lock = journal.lock_campaign(campaign)
    journal.start_batch(campaign, [1], kind=BatchKind.SINGLE, method=METHOD, body_bytes=1)
    with Journal.open() as other:  # e.g. `usosmail campaigns` while `usosmail send` runs
        assert states(other, campaign)[0] == "in_flight"
        with pytest.raises(CampaignBusy, match="being sent right now"):
            other.lock_campaign(campaign)
    lock.release()
    journal.close()
    with Journal.open() as after:
        assert states(after, campaign)[0] == "uncertain"


def test_uncertain_recipients_are_resent_only_by_explicit_choice() -> None:
    with Journal.open() as journal:
        campaign = journal.create_campaign(draft()).id
        batch = journal.start_batch(campaign, [1, 2, 3], kind=BatchKind.BATCH, method=METHOD, body_bytes=1)
        journal.batch_uncertain(batch, "timeout")
        assert journal.choose_resend(campaign, [1, 4]) == 1  # 4 was never uncertain
        assert journal.leave_uncertain(campaign, [2]) == 1
        recipients = journal.recipients(campaign)
        assert (recipients[0].state, recipients[0].decision) == ("pending", "resend")
        assert (recipients[1].state, recipients[1].decision) == ("uncertain", "leave")
        counts = journal.counts(campaign)
        assert (counts.uncertain, counts.undecided, counts.pending) == (2, 1, 3)
        again = journal.start_batch(campaign, [1], kind=BatchKind.SINGLE, method=METHOD, body_bytes=1)
        journal.batch_uncertain(again, "timeout again")  # uncertain once more: to decide again
        assert journal.recipients(campaign)[0].decision is None
        assert journal.counts(campaign).undecided == 2


def test_delivery_statuses_are_recorded_beside_the_send_state() -> None:
    with Journal.open() as journal:
        campaign = journal.create_campaign(draft()).id
        batch = journal.start_batch(campaign, [1, 2], kind=BatchKind.BATCH, method=METHOD, body_bytes=1)
        journal.batch_answered(batch, [(1, "m1"), (2, "m2")])
        written = journal.record_statuses(
            campaign,
            [
                StatusUpdate("m1", "sent", finished=True),
                StatusUpdate("m2", "waiting"),
                StatusUpdate("x", "sent"),
            ],
        )
        assert written == 2
        first, second = journal.recipients(campaign)[:2]
        assert (first.state, first.status, bool(first.finished_at)) == ("enqueued", "sent", True)
        assert (second.status, second.finished_at, bool(second.status_checked_at)) == ("waiting", None, True)


def test_rows_left_out_are_stored_with_their_cells_and_translatable_reason() -> None:
    rows = demo_rows(4)
    rows[2][3] = "zly adres"
    made = build_campaign(
        make_table(rows), TEMPLATE, installation="https://usosapi.example.edu.pl", key_fingerprint="k"
    )
    (planned,) = made.excluded
    with Journal.open() as journal:
        campaign = journal.create_campaign(made).id
        (stored,) = journal.excluded(campaign)
        assert (stored.row, stored.code, stored.reason) == (4, planned.code, planned.reason)
        assert stored.record == dict(zip(DEMO_COLUMNS, rows[2], strict=True))
        assert stored.sentences == planned.sentences and stored.sentences
        assert [str(s) for s in stored.sentences] == [str(s) for s in planned.sentences]
        (summary,) = journal.campaigns()
        assert (summary.counts.total, summary.excluded) == (3, 1)
