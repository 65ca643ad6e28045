"""The journal's state transitions and its recovery after a crash, one at a time (issue 19).

Each test moves recipients through the journal's own methods, as the send loop does, and
asserts what the user later sees: each recipient's state and reason, the request's
outcome, the campaign's counts and whether it is listed as interrupted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.scripted import TEMPLATE, ScriptedClient, address, new_campaign, run
from usosmail_gui.core.campaign import CampaignDraft
from usosmail_gui.core.journal import (
    CRASH_REASON,
    CRASH_STOP,
    NOT_ENQUEUED,
    BatchKind,
    CampaignState,
    Counts,
    Decision,
    Journal,
    JournalError,
    RecipientState,
    StatusUpdate,
)
from usosmail_gui.core.sending import StopReason
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.errors import OutcomeUncertain


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite"


@pytest.fixture
def journal(path: Path) -> Iterator[Journal]:
    with Journal.open(path) as opened:
        yield opened


def seqs_of(journal: Journal, campaign: str) -> list[int]:
    return [r.seq for r in journal.recipients(campaign)]


def start(journal: Journal, campaign: str, seqs: list[int]) -> int:
    return journal.start_batch(
        campaign, seqs, kind=BatchKind.BATCH, method=wire.SEND_SIMPLE_MESSAGES, body_bytes=9
    )


def view(journal: Journal, campaign: str) -> list[tuple[str, str | None, str | None]]:
    return [(str(r.state), r.message_id, r.error) for r in journal.recipients(campaign)]


def last_batch(journal: Journal, campaign: str) -> tuple[str, str | None]:
    row = journal.batches(campaign)[-1]
    return row["outcome"], row["error"]


def test_an_answer_with_every_id_enqueues_every_recipient(journal: Journal) -> None:
    campaign = new_campaign(journal, 2)
    s = seqs_of(journal, campaign)
    batch = start(journal, campaign, s)
    assert journal.counts(campaign) == Counts(in_flight=2)
    assert journal.batch_answered(batch, [(s[0], "m0"), (s[1], "m1")]) == []
    assert view(journal, campaign) == [("enqueued", "m0", None), ("enqueued", "m1", None)]
    assert last_batch(journal, campaign) == ("enqueued", None)
    assert journal.counts(campaign) == Counts(enqueued=2)
    assert journal.counts(campaign).all_enqueued and not journal.counts(campaign).interrupted


def test_a_false_in_an_answer_puts_that_recipient_back_to_be_sent_alone(journal: Journal) -> None:
    campaign = new_campaign(journal, 3)
    s = seqs_of(journal, campaign)
    batch = start(journal, campaign, s)
    assert journal.batch_answered(batch, [(s[0], "m0"), (s[1], None), (s[2], "m2")]) == [s[1]]
    assert view(journal, campaign)[1] == ("pending", None, NOT_ENQUEUED)
    assert journal.recipients(campaign)[1].solo and not journal.recipients(campaign)[0].solo
    assert last_batch(journal, campaign) == ("partial", NOT_ENQUEUED)
    assert journal.pending_plan_items(campaign) == [(s[1], journal.recipients(campaign)[1].body_bytes, True)]
    assert journal.counts(campaign) == Counts(pending=1, enqueued=2)


def test_a_final_false_rejects_only_the_recipients_answered_false(journal: Journal) -> None:
    campaign = new_campaign(journal, 2)
    s = seqs_of(journal, campaign)
    batch = start(journal, campaign, s)
    assert journal.batch_answered(batch, [(s[0], "m0"), (s[1], None)], false_is_final=True) == [s[1]]
    assert view(journal, campaign) == [("enqueued", "m0", None), ("rejected", None, NOT_ENQUEUED)]
    assert last_batch(journal, campaign) == ("partial", NOT_ENQUEUED)
    alone = new_campaign(journal, 1)
    (only,) = seqs_of(journal, alone)
    journal.batch_answered(start(journal, alone, [only]), [(only, None)], false_is_final=True)
    assert last_batch(journal, alone) == ("rejected", NOT_ENQUEUED)
    assert journal.counts(alone) == Counts(rejected=1)
    assert journal.recipients(alone)[0].finished_at is not None


def test_an_answer_that_does_not_match_the_request_is_not_recorded(journal: Journal) -> None:
    campaign = new_campaign(journal, 2)
    s = seqs_of(journal, campaign)
    batch = start(journal, campaign, s)
    with pytest.raises(JournalError, match="does not match what was sent"):
        journal.batch_answered(batch, [(s[0], "m0"), (s[1] + 100, "m1")])
    assert journal.counts(campaign) == Counts(in_flight=2)  # the whole answer was rolled back
    with pytest.raises(JournalError, match="There is no batch 999"):
        journal.batch_uncertain(999, "x")


def test_an_uncertain_request_makes_its_recipients_uncertain_with_the_reason(journal: Journal) -> None:
    campaign = new_campaign(journal, 3)
    s = seqs_of(journal, campaign)
    assert journal.batch_uncertain(start(journal, campaign, s[:2]), "no answer") == 2
    assert view(journal, campaign) == [("uncertain", None, "no answer")] * 2 + [("pending", None, None)]
    assert last_batch(journal, campaign) == ("uncertain", "no answer")
    counts = journal.counts(campaign)
    assert counts == Counts(pending=1, uncertain=2, undecided=2)
    assert (counts.total, counts.not_sent, counts.interrupted) == (3, 1, True)


@pytest.mark.parametrize(
    ("refused", "outcome", "solo"), [(False, "not_sent", False), (True, "refused", True)]
)
def test_a_request_not_sent_puts_its_recipients_back(
    journal: Journal, refused: bool, outcome: str, solo: bool
) -> None:
    campaign = new_campaign(journal, 3)
    s = seqs_of(journal, campaign)
    assert journal.batch_not_sent(start(journal, campaign, s[1:]), "gone", refused=refused) == s[1:]
    assert view(journal, campaign)[1:] == [("pending", None, "gone")] * 2
    assert [r.solo for r in journal.recipients(campaign)] == [False, solo, solo]
    assert [r.attempts for r in journal.recipients(campaign)] == [0, 1, 1]
    assert last_batch(journal, campaign) == (outcome, "gone")
    assert journal.counts(campaign) == Counts(pending=3)


def test_a_lone_refusal_rejects_its_recipient_with_the_reason(journal: Journal) -> None:
    campaign = new_campaign(journal, 2)
    s = seqs_of(journal, campaign)
    assert journal.batch_rejected(start(journal, campaign, s[:1]), "bad address") == 1
    assert view(journal, campaign) == [("rejected", None, "bad address"), ("pending", None, None)]
    assert last_batch(journal, campaign) == ("rejected", "bad address")


def test_a_recipient_no_longer_pending_cannot_be_put_in_flight(journal: Journal) -> None:
    campaign = new_campaign(journal, 2)
    s = seqs_of(journal, campaign)
    start(journal, campaign, s[:1])
    with pytest.raises(JournalError, match="1 of the recipients to send are no longer waiting"):
        start(journal, campaign, s)
    assert journal.counts(campaign) == Counts(pending=1, in_flight=1)
    assert len(journal.batches(campaign)) == 1  # the refused batch left no row


# --- the user's decisions on uncertain recipients ---------------------------------------------
def uncertain_campaign(journal: Journal) -> str:
    campaign = new_campaign(journal, 4, batch_size=2)
    run(journal, ScriptedClient(OutcomeUncertain("no answer")), campaign)
    return campaign


def test_resending_chosen_uncertain_recipients_sends_exactly_those_each_alone(journal: Journal) -> None:
    campaign = uncertain_campaign(journal)
    s = seqs_of(journal, campaign)
    assert journal.counts(campaign) == Counts(enqueued=2, uncertain=2, undecided=2)
    assert journal.choose_resend(campaign, [s[0], s[2]]) == 1  # s[2] was enqueued: not touched
    record = journal.recipients(campaign)[0]
    assert (record.state, record.decision, record.finished_at) == ("pending", Decision.RESEND, None)
    assert journal.counts(campaign) == Counts(pending=1, enqueued=2, uncertain=1, undecided=1)

    client = ScriptedClient()
    result = run(journal, client, campaign)
    assert client.requests == [(wire.SEND_SIMPLE_MESSAGES, (address(0),))]
    assert result.stop is StopReason.FINISHED and result.counts.uncertain == 1


def test_leaving_uncertain_recipients_is_a_decision_that_ends_the_interruption(journal: Journal) -> None:
    campaign = uncertain_campaign(journal)
    s = seqs_of(journal, campaign)
    assert [x.campaign.id for x in journal.interrupted()] == [campaign]
    assert journal.leave_uncertain(campaign, [s[0], s[2]]) == 1
    assert journal.counts(campaign) == Counts(enqueued=2, uncertain=2, undecided=1)
    assert journal.leave_uncertain(campaign, [s[1]]) == 1
    assert journal.recipients(campaign)[1].decision is Decision.LEAVE
    assert journal.counts(campaign) == Counts(enqueued=2, uncertain=2, undecided=0)
    assert journal.interrupted() == []
    assert journal.choose_resend(campaign, [s[1]]) == 1  # changing one's mind is allowed


# --- recovery after a crash ------------------------------------------------------------------
def crashed_mid_request(path: Path) -> tuple[str, list[int]]:
    """A sender that died with a request under way: in flight, campaign 'sending', no lock."""
    journal = Journal.open(path)
    campaign = new_campaign(journal, 3)
    s = seqs_of(journal, campaign)
    journal.set_campaign_state(campaign, CampaignState.SENDING)
    start(journal, campaign, s[:2])
    journal.close()
    return campaign, s


def test_opening_the_journal_after_a_crash_makes_the_request_under_way_uncertain(path: Path) -> None:
    campaign, _ = crashed_mid_request(path)
    with Journal.open(path) as journal:
        assert view(journal, campaign) == [("uncertain", None, CRASH_REASON)] * 2 + [("pending", None, None)]
        assert last_batch(journal, campaign) == ("uncertain", CRASH_REASON)
        record = journal.campaign(campaign)
        assert (record.state, record.stop_reason) == (CampaignState.STOPPED, CRASH_STOP)
        assert journal.counts(campaign) == Counts(pending=1, uncertain=2, undecided=2)
        assert journal.recover() == []  # nothing left to recover


def test_recover_leaves_a_campaign_a_live_sender_holds(path: Path) -> None:
    campaign, _ = crashed_mid_request(path)
    with Journal.open(path, recover=False) as journal:
        assert journal.counts(campaign).in_flight == 2
        lock = journal.lock_campaign(campaign)
        try:
            assert journal.recover() == []  # really in flight: its sender is alive
            assert journal.counts(campaign).in_flight == 2
        finally:
            lock.release()
        assert journal.recover() == [campaign]
        assert journal.counts(campaign) == Counts(pending=1, uncertain=2, undecided=2)


def test_a_campaign_left_sending_without_a_request_under_way_is_recovered_as_stopped(path: Path) -> None:
    with Journal.open(path) as journal:
        campaign = new_campaign(journal, 2)
        journal.set_campaign_state(campaign, CampaignState.SENDING)
    with Journal.open(path, recover=False) as journal:
        assert journal.recover_locked(campaign) is True
        assert journal.recover_locked(campaign) is False
        assert journal.campaign(campaign).state is CampaignState.STOPPED
        assert journal.counts(campaign) == Counts(pending=2)


# --- what the journal gives back --------------------------------------------------------------
def test_recipients_by_state_and_by_seq_and_what_goes_out_come_in_order_across_chunks(
    journal: Journal,
) -> None:
    campaign = new_campaign(journal, 1203, batch_size=1000)
    s = seqs_of(journal, campaign)
    journal.batch_answered(start(journal, campaign, s[1:3]), [(s[1], "m1"), (s[2], "m2")])
    enqueued = journal.recipients(campaign, [RecipientState.ENQUEUED])
    assert [r.seq for r in enqueued] == s[1:3]
    assert len(journal.recipients(campaign, [RecipientState.PENDING, RecipientState.ENQUEUED])) == 1203
    assert journal.recipients(campaign, []) == []

    wanted = list(reversed(s))  # 1,203 seqs: three chunks of the query
    by_seq = journal.recipients_by_seq(campaign, wanted)
    assert [r.seq for r in by_seq] == s
    out = journal.outgoing(campaign, wanted)
    assert [o.seq for o in out] == [x for x in s if x not in s[1:3]]  # only those still pending
    first = out[0]
    assert first.addresses == (address(0),) and first.params is None
    assert first.subject == "Decyzja dla Anna" and (first.content or "").startswith("Dzień dobry Anna")
    assert first.body_bytes == journal.recipients(campaign)[0].body_bytes > 0
    assert [p[0] for p in journal.pending_plan_items(campaign)] == [o.seq for o in out]


def test_a_template_mode_recipient_goes_out_with_its_values(journal: Journal) -> None:
    from usosmail_gui.core.campaign import SendMode

    campaign = new_campaign(journal, 2, mode=SendMode.TEMPLATE)
    out = journal.outgoing(campaign, seqs_of(journal, campaign))
    assert [o.params for o in out] == [
        {"Imię": "Anna", "Nazwisko": "Kowalska"}, {"Imię": "Jan", "Nazwisko": "Kowalska"}
    ]
    assert (out[0].subject, out[0].content) == (None, None)


def test_a_campaign_is_stored_as_it_was_drafted_and_listed_newest_first(journal: Journal) -> None:
    from datetime import UTC, datetime

    from tests.helpers.tables import demo_rows, make_table
    from usosmail_gui.core.campaign import SendMode
    from usosmail_gui.core.drafts import build_campaign

    def create(when: datetime, mode: SendMode) -> str:
        d = build_campaign(make_table(demo_rows(3)), TEMPLATE, installation="https://usos.example.edu.pl/",
                           key_fingerprint="sha256:ab", mode=mode, batch_size=7, max_body_bytes=70_000)
        return journal.create_campaign(d, now=when).id

    older = create(datetime(2026, 1, 5, 9, 30, tzinfo=UTC), SendMode.TEMPLATE)
    newer = create(datetime(2026, 1, 6, 9, 30, tzinfo=UTC), SendMode.MESSAGES)
    record = journal.campaign(older)
    assert (record.mode, record.batch_size, record.max_body_bytes, record.key_fingerprint) == (
        SendMode.TEMPLATE, 7, 70_000, "sha256:ab"
    )
    assert (record.installation, record.template, record.state) == (
        "https://usos.example.edu.pl/", TEMPLATE, CampaignState.NEW
    )
    assert record.created_at == "2026-01-05T09:30:00.000+00:00"
    assert record.columns[3] == "E-mail" and record.email_column == "E-mail"
    assert [s.campaign.id for s in journal.campaigns()] == [newer, older]
    assert [s.counts for s in journal.campaigns()] == [Counts(pending=3), Counts(pending=3)]
    with pytest.raises(JournalError, match="There is no campaign 'nope'"):
        journal.campaign("nope")


def test_a_purged_campaign_keeps_its_counts_only(journal: Journal) -> None:
    campaign = uncertain_campaign(journal)
    assert journal.kept(campaign) is None
    summary = {"counts": {"enqueued": 2, "uncertain": 2, "undecided": 2}, "excluded": 3}
    assert journal.purge(campaign, lambda: summary) is True
    assert journal.purge(campaign, lambda: summary) is False
    assert journal.recipients(campaign) == []
    assert journal.kept(campaign) == summary
    assert journal.counts(campaign) == Counts(enqueued=2, uncertain=2, undecided=2)
    assert journal.excluded_counts() == {campaign: 3}
    assert journal.campaign(campaign).purged_at is not None
    assert journal.batches(campaign)[0]["error"] is None  # the reasons are personal data too


def test_settings_are_kept_and_replaced(journal: Journal, path: Path) -> None:
    assert journal.setting("retention_days") is None
    journal.set_setting("retention_days", "30")
    journal.set_setting("retention_days", "90")
    assert journal.setting("retention_days") == "90"
    assert repr(journal) == f"Journal({str(path)!r})"


def test_the_last_activity_of_a_campaign_is_its_latest_record(journal: Journal) -> None:
    campaign = new_campaign(journal, 2)
    created = journal.campaign(campaign).updated_at
    assert journal.last_activity(campaign) == created
    assert journal.unpurged_quiet_since("9999") == [campaign]
    assert journal.unpurged_quiet_since(created) == []  # nothing quiet since before its creation
    run(journal, ScriptedClient(), campaign)
    latest = max(r.updated_at for r in journal.recipients(campaign))
    assert journal.last_activity(campaign) >= latest > created
    with pytest.raises(JournalError, match="There is no campaign 'nope'"):
        journal.last_activity("nope")
    assert journal.message_rows(campaign) == {}  # one row per message: nothing grouped


def test_the_first_recipient_is_the_first_of_the_list_and_none_once_purged(journal: Journal) -> None:
    """What Campaigns shows as the campaign's first message (application/campaigns.py)."""
    campaign = new_campaign(journal, 3)
    first = journal.first_recipient(campaign)
    assert first is not None
    assert (first.seq, first.addresses, first.subject) == (1, (address(0),), "Decyzja dla Anna")
    assert first == journal.recipients(campaign)[0]
    assert journal.first_recipient("2026-01-01-0000-ffff") is None
    assert journal.purge(campaign, lambda: {"counts": {"pending": 3}})
    assert journal.first_recipient(campaign) is None


def test_the_sandbox_journal_lives_beside_the_real_one_and_follows_the_sandbox_port(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from usosmail_gui.core.journal import FILE_NAME, journal_path, sandbox_journal_path

    data = tmp_path / "not made yet"
    monkeypatch.setenv("USOSMAIL_DATA_DIR", str(data))
    assert sandbox_journal_path() == data / "sandbox-journal.sqlite3"
    assert journal_path() == data / FILE_NAME
    assert not data.exists()  # naming the files makes no folder
    with Journal.open(sandbox_journal_path()) as sandbox, Journal.open(journal_path()) as real:
        assert sandbox.of_sandbox and not real.of_sandbox
        first, second = new_campaign(sandbox, 1), new_campaign(sandbox, 2)
        mine = new_campaign(real, 1)
        assert sandbox.move_installation("http://127.0.0.1:50123/") == 2
        assert {s.campaign.id: s.campaign.installation for s in sandbox.campaigns()} == {
            first: "http://127.0.0.1:50123/",
            second: "http://127.0.0.1:50123/",
        }
        assert sandbox.move_installation("http://127.0.0.1:50123/") == 0  # there already
        assert real.campaign(mine).installation != "http://127.0.0.1:50123/"


# --- what is stored is what is read back, every field ---------------------------------------


@pytest.fixture
def in_warsaw(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The clerk's computer is in Poland (CET/CEST), not in UTC."""
    import time

    monkeypatch.setenv("TZ", "Europe/Warsaw")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def drafted() -> CampaignDraft:
    """A draft whose every stored field differs from its default: template mode, an HTML
    English template with a sender, a test campaign from a sheet of a workbook, a message made
    of three rows (grouped letters) and a row left out with its cells and reason."""
    from dataclasses import replace

    from tests.helpers.tables import demo_rows, make_table
    from usosmail_gui.core.campaign import Excluded, SendMode
    from usosmail_gui.core.drafts import build_campaign
    from usosmail_gui.core.sentences import say
    from usosmail_gui.core.template import MessageTemplate
    from usosmail_gui.core.usos.models import ContentFormat, Lang

    template = MessageTemplate(
        subject="Decision for {Imię}",
        content="<p>Dear {Imię}</p>",
        content_format=ContentFormat.HTML,
        from_name="Dziekanat WMI",
        from_email="dziekanat@example.edu.pl",
        send_summary_to="kierownik@example.edu.pl",
        lang=Lang.EN,
    )
    base = build_campaign(
        make_table(demo_rows(2)), template, installation="https://usos.example.edu.pl/",
        key_fingerprint="sha256:ab", mode=SendMode.TEMPLATE, batch_size=7, max_body_bytes=70_000,
        is_test=True,
    )
    first, second = base.messages
    left_out = Excluded(
        9, ("zly adres", "drugi@example.edu.pl"), "invalid-address", "The address is not valid.",
        (say("The address {address} is not valid.", address="zly adres"),), {"E-mail": "zly adres"},
    )
    return replace(
        base,
        source_path="/home/dziekanat/lista.xlsx",
        source_sheet="Arkusz 2",
        messages=(replace(first, also=((5, {"Ocena": "4"}), (3, {"Ocena": "5"}))), second),
        excluded=(left_out,),
    )


def test_a_campaign_is_read_back_exactly_as_it_was_drafted(journal: Journal, in_warsaw: None) -> None:
    from datetime import UTC, datetime

    from usosmail_gui.core.journal import CampaignRecord

    draft = drafted()
    when = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)  # 10:30 in Warsaw
    record = journal.create_campaign(draft, now=when)
    assert record.id.startswith("2026-01-05-1030-")  # named in the clerk's own time
    assert record == CampaignRecord(
        id=record.id,
        created_at="2026-01-05T09:30:00.000+00:00",  # stored in UTC
        installation="https://usos.example.edu.pl/",
        key_fingerprint="sha256:ab",
        mode=draft.mode,
        template=draft.template,
        source_path="/home/dziekanat/lista.xlsx",
        source_sheet="Arkusz 2",
        columns=draft.columns,
        email_column="E-mail",
        batch_size=7,
        max_body_bytes=70_000,
        is_test=True,
        state=CampaignState.NEW,
        stop_reason=None,
        updated_at="2026-01-05T09:30:00.000+00:00",
    )
    assert journal.campaign(record.id) == record == journal.campaigns()[0].campaign
    assert journal.message_rows(record.id) == {1: [(5, {"Ocena": "4"}), (3, {"Ocena": "5"})]}
    (left_out,) = journal.excluded(record.id)
    assert (left_out.row, left_out.addresses, left_out.code, left_out.reason) == (
        9, ("zly adres", "drugi@example.edu.pl"), "invalid-address", "The address is not valid."
    )
    assert dict(left_out.record) == {"E-mail": "zly adres"}
    assert [s.fill() for s in left_out.sentences] == ["The address zly adres is not valid."]
    assert journal.campaigns()[0].excluded == 1

    first, second = journal.recipients(record.id)
    planned = draft.messages[0]
    assert (first.campaign, first.seq, first.row, first.addresses) == (
        record.id, planned.seq, planned.row, planned.addresses
    )
    assert (dict(first.record), first.params) == (dict(planned.record), dict(planned.params or {}))
    assert (first.subject, first.content, first.body_bytes) == (None, None, planned.body_bytes)
    assert (first.state, first.solo, first.attempts, first.decision, first.batch) == (
        RecipientState.PENDING, False, 0, None, None
    )
    assert (first.message_id, first.error, first.enqueued_at, first.finished_at) == (None, None, None, None)
    assert (first.status, first.status_error, first.status_checked_at) == (None, None, None)
    assert first.updated_at == "2026-01-05T09:30:00.000+00:00"
    assert second.params == dict(draft.messages[1].params or {})


def test_a_purge_is_dated_in_utc_and_keeps_the_campaign_record(journal: Journal, in_warsaw: None) -> None:
    from datetime import datetime, timedelta, timezone

    campaign = new_campaign(journal, 2)
    journal.set_campaign_state(campaign, CampaignState.STOPPED, "Stopped by the user.")
    warsaw_midnight = datetime(2026, 3, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))
    assert journal.purge(campaign, lambda: {"counts": {"pending": 2}}, now=warsaw_midnight)
    record = journal.campaign(campaign)
    assert record.purged_at == "2026-02-28T23:30:00.000+00:00"
    assert (record.stop_reason, record.source_path, record.source_sheet) == (None, None, None)
    assert record.state is CampaignState.STOPPED and record.closed_at is None


def test_a_recipient_is_read_back_with_everything_its_sending_and_statuses_recorded(journal: Journal) -> None:
    campaign = new_campaign(journal, 3)
    s = seqs_of(journal, campaign)
    batch = start(journal, campaign, s)
    journal.batch_answered(batch, [(s[0], "m0"), (s[1], None), (s[2], "m2")])
    journal.record_statuses(
        campaign,
        [
            StatusUpdate("m0", "failed", error="Mailbox full.", finished=True),
            StatusUpdate("m2", "waiting"),
        ],
    )
    again = journal.start_batch(campaign, [s[1]], kind=BatchKind.SINGLE, method="m", body_bytes=9)
    journal.batch_uncertain(again, "no answer")
    journal.leave_uncertain(campaign, [s[1]])
    done, uncertain, waiting = journal.recipients(campaign)
    assert (done.state, done.message_id, done.batch, done.attempts, done.solo) == (
        RecipientState.ENQUEUED, "m0", batch, 1, False
    )
    assert (done.status, done.status_error) == ("failed", "Mailbox full.")
    assert done.enqueued_at and done.finished_at and done.status_checked_at
    assert done.status_checked_at >= done.enqueued_at and done.updated_at == done.enqueued_at
    assert (uncertain.state, uncertain.batch, uncertain.attempts, uncertain.solo) == (
        RecipientState.UNCERTAIN, again, 2, True
    )
    assert (uncertain.decision, uncertain.error, uncertain.message_id) == (Decision.LEAVE, "no answer", None)
    assert uncertain.finished_at is not None and uncertain.status is None
    assert (waiting.status, waiting.status_error, waiting.finished_at) == ("waiting", None, None)
    assert journal.first_recipient(campaign) == done
    assert journal.recipients_by_seq(campaign, [s[2], s[0]]) == [done, waiting]


def test_a_batch_answered_false_for_everyone_is_partial_and_each_is_sent_alone_next(journal: Journal) -> None:
    campaign = new_campaign(journal, 2)
    s = seqs_of(journal, campaign)
    assert journal.batch_answered(start(journal, campaign, s), [(s[0], None), (s[1], None)]) == s
    assert last_batch(journal, campaign) == ("partial", NOT_ENQUEUED)
    assert view(journal, campaign) == [("pending", None, NOT_ENQUEUED)] * 2
    assert [r.solo for r in journal.recipients(campaign)] == [True, True]


def test_every_time_the_journal_records_is_in_utc(journal: Journal, in_warsaw: None) -> None:
    campaign = new_campaign(journal, 1)
    (seq,) = seqs_of(journal, campaign)
    journal.batch_answered(start(journal, campaign, [seq]), [(seq, "m0")])
    journal.record_statuses(campaign, [StatusUpdate("m0", "sent", finished=True)])
    journal.set_campaign_state(campaign, CampaignState.DONE)
    (record,) = journal.recipients(campaign)
    times = [record.updated_at, record.enqueued_at, record.finished_at, record.status_checked_at]
    times += [journal.campaign(campaign).updated_at, journal.batches(campaign)[0]["started_at"]]
    assert all(t is not None and t.endswith("+00:00") for t in times), times


def test_recovery_passes_over_a_campaign_a_live_sender_holds_and_recovers_the_others(path: Path) -> None:
    """Two campaigns with a request under way: one is being sent right now by another window,
    the other's sender crashed. Each crashed batch of one recipient counts as recovered too."""
    with Journal.open(path) as journal:
        ids = sorted(new_campaign(journal, 1) for _ in range(2))
        for campaign in ids:  # neither was marked sending: only the request in flight tells
            start(journal, campaign, seqs_of(journal, campaign))
    held, crashed = ids  # the one held comes first in the order the journal looks at them
    with Journal.open(path, recover=False) as journal:
        with journal.lock_campaign(held):
            assert journal.recover() == [crashed]
            assert journal.counts(held) == Counts(in_flight=1)
            assert journal.counts(crashed) == Counts(uncertain=1, undecided=1)
        assert journal.recover() == [held]


# --- the words the journal says, whole ----------------------------------------------------------


def test_the_words_for_a_closed_campaign_an_unknown_one_and_a_refused_batch_are_whole(
    journal: Journal,
) -> None:
    from usosmail_gui.core.journal import CampaignBusy, UnknownCampaign, closed_words

    campaign = new_campaign(journal, 2)
    record = journal.close_campaign(campaign)
    assert closed_words(record) == (
        f"Campaign {campaign} was closed on {(record.closed_at or '')[:10]}: nothing more of it is "
        "sent, and its uncertain recipients stay uncertain. To write to its students again, send "
        "a new campaign (or Send again to failed)."
    )
    with pytest.raises(UnknownCampaign) as unknown:
        journal.campaign("2026-01-01-0000-ffff")
    assert str(unknown.value) == (
        f"There is no campaign '2026-01-01-0000-ffff' in the journal {journal.path}. "
        "`usosmail campaigns` lists the campaigns."
    )
    assert unknown.value.sentences == ()  # plain text: the GUI shows it as it is
    other = new_campaign(journal, 2)
    s = seqs_of(journal, other)
    start(journal, other, s[:1])
    with pytest.raises(JournalError) as refused:
        start(journal, other, s)
    assert str(refused.value) == (
        f"Campaign {other}: 1 of the recipients to send are no longer waiting to be sent (changed by "
        "another window?). Nothing was sent."
    )
    with journal.lock_campaign(other), pytest.raises(CampaignBusy) as busy:
        journal.lock_campaign(other)
    assert busy.value.sentences == ()


def test_a_campaign_left_sending_by_a_crash_before_its_first_request_is_stopped_at_the_next_open(
    path: Path,
) -> None:
    with Journal.open(path) as journal:
        campaign = new_campaign(journal, 2)
        journal.set_campaign_state(campaign, CampaignState.SENDING)  # then the app died
    with Journal.open(path) as journal:
        record = journal.campaign(campaign)
        assert (record.state, record.stop_reason) == (CampaignState.STOPPED, CRASH_STOP)
        assert journal.counts(campaign) == Counts(pending=2)


def test_the_list_of_campaigns_counts_each_one_including_purged_and_emptied_ones(
    journal: Journal, path: Path
) -> None:
    import sqlite3

    live, purged, emptied = (new_campaign(journal, n) for n in (3, 2, 1))
    assert journal.purge(purged, lambda: {"counts": {"enqueued": 2}, "excluded": 4})
    with sqlite3.connect(path) as other:  # e.g. another program deleted its recipients
        other.execute("DELETE FROM recipients WHERE campaign = ?", (emptied,))
    other.close()
    listed = {s.campaign.id: (s.counts, s.excluded, s.interrupted) for s in journal.campaigns()}
    assert listed == {
        live: (Counts(pending=3), 0, True),
        purged: (Counts(enqueued=2), 4, False),
        emptied: (Counts(), 0, False),
    }
