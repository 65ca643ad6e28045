"""Each way a send request can end, and what it makes of its recipients (issue 19).

The send loop's verdicts, one failure at a time, against a real journal: "may have reached
USOS" (uncertain: never sent again by ``resume``), "certainly not sent" (back to pending:
``resume`` sends it), "refused" (rejected, with the reason). The client is the scripted
stand-in of tests/helpers/scripted.py.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tests.helpers.scripted import (
    Clock,
    ScriptedClient,
    address,
    enqueue,
    errors,
    new_campaign,
    refuse,
    run,
    states,
)
from usosmail_gui.core.campaign import SendMode, request_overhead
from usosmail_gui.core.journal import (
    BatchKind,
    CampaignClosed,
    CampaignState,
    Counts,
    Journal,
    JournalFull,
    RecipientState,
    closed_words,
)
from usosmail_gui.core.sending import (
    UNRECORDED_REASON,
    RequestReport,
    SendProgress,
    StopReason,
    send_campaign,
    send_steps,
)
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.errors import (
    BadParameter,
    CredentialsRejected,
    NotAdministrative,
    OutcomeUncertain,
    ProtocolError,
    Unreachable,
    UsosError,
)
from usosmail_gui.core.usos.models import EnqueuedBatch, LangText, SimpleMessage


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite") as opened:
        yield opened


# --- "may have reached USOS": uncertain, never sent again --------------------------------------
MAY_HAVE_REACHED = {
    "timeout": OutcomeUncertain("The request was sent but no answer came."),
    "HTTP 500 as a plain error": UsosError("Unexpected answer HTTP 502.", http_status=502),
    "HTTP 500 exactly": UsosError("Unexpected answer HTTP 500.", http_status=500),
    "no HTTP status": ProtocolError("The answer could not be read."),
}


@pytest.mark.parametrize("mode", list(SendMode))
@pytest.mark.parametrize("failure", MAY_HAVE_REACHED.values(), ids=MAY_HAVE_REACHED.keys())
def test_a_request_that_may_have_reached_usos_leaves_its_recipients_uncertain_for_good(
    journal: Journal, failure: UsosError, mode: SendMode
) -> None:
    campaign = new_campaign(journal, 7, mode=mode)
    client = ScriptedClient(enqueue, failure)  # the second batch (students 3-5) fails
    result = run(journal, client, campaign)

    assert result.stop is StopReason.FINISHED  # one uncertain request does not stop the campaign
    assert (result.counts.enqueued, result.counts.uncertain, result.counts.not_sent) == (4, 3, 0)
    assert result.to_json() == {
        "campaign": campaign, "enqueued": 4, "rejected": 0, "uncertain": 3, "not_sent": 0,
    }
    assert "3 uncertain: their request may or may not have reached USOS" in result.message
    shown = states(journal, campaign)
    assert [shown[address(i)] for i in range(7)] == ["enqueued"] * 3 + ["uncertain"] * 3 + ["enqueued"]
    assert errors(journal, campaign)[address(4)] == failure.described("en")
    assert journal.campaign(campaign).state is CampaignState.DONE

    again = ScriptedClient()
    resumed = run(journal, again, campaign)
    assert again.requests == []  # resume never sends an uncertain message by itself
    assert resumed.counts.uncertain == 3


def test_an_interrupted_request_leaves_its_recipients_uncertain_and_the_interruption_goes_on(
    journal: Journal,
) -> None:
    campaign = new_campaign(journal, 6)
    client = ScriptedClient(enqueue, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        run(journal, client, campaign)

    shown = states(journal, campaign)
    assert [shown[address(i)] for i in range(6)] == ["enqueued"] * 3 + ["uncertain"] * 3
    assert "interrupted" in (errors(journal, campaign)[address(3)] or "").lower()
    record = journal.campaign(campaign)
    assert record.state is CampaignState.STOPPED
    assert "were not sent" in (record.stop_reason or "")
    counts = journal.counts(campaign)
    assert (counts.enqueued, counts.uncertain, counts.in_flight, counts.undecided) == (3, 3, 0, 3)

    again = ScriptedClient()
    run(journal, again, campaign)
    assert again.requests == []  # the interrupted request may have reached USOS: not re-sent


def test_uncertain_requests_in_a_row_stop_the_campaign_and_one_answer_between_them_resets_the_count(
    journal: Journal,
) -> None:
    campaign = new_campaign(journal, 8, batch_size=1)
    uncertain = OutcomeUncertain("no answer")
    client = ScriptedClient(uncertain, uncertain, enqueue, uncertain, uncertain, uncertain)
    result = run(journal, client, campaign)

    assert result.stop is StopReason.TOO_MANY_UNCERTAIN
    assert len(client.requests) == 6 and result.requests == 6
    assert result.message == (
        "3 requests in a row failed in a way that leaves their messages uncertain (last: no answer). "
        "Sending stopped so that no more messages become uncertain; the rest are kept and nothing was "
        f"lost. Try again later with `usosmail resume {campaign}`, and decide about the uncertain ones then."
    )
    assert (result.counts.enqueued, result.counts.uncertain, result.counts.pending) == (1, 5, 2)
    assert journal.campaign(campaign).state is CampaignState.STOPPED
    assert journal.campaign(campaign).stop_reason == result.message


def test_the_uncertain_limit_is_at_least_one_request(journal: Journal) -> None:
    campaign = new_campaign(journal, 4, batch_size=1)
    client = ScriptedClient(OutcomeUncertain("no answer"))
    result = run(journal, client, campaign, max_uncertain_in_a_row=0)
    assert result.stop is StopReason.TOO_MANY_UNCERTAIN
    assert result.message.startswith("1 requests in a row")
    assert len(client.requests) == 1
    assert result.counts.pending == 3


# --- "certainly not sent": back to pending, sending stops, resume sends them ------------------
NOT_SENT = {
    "unreachable": (Unreachable("Could not reach the server."), StopReason.UNREACHABLE,
                    "USOS could not be reached (Could not reach the server.)"),
    "credentials": (CredentialsRejected("key rejected", http_status=401), StopReason.CREDENTIALS_REJECTED,
                    "USOS rejected the consumer key or secret"),
    "not administrative": (NotAdministrative("not admin", http_status=403), StopReason.NOT_ADMINISTRATIVE,
                           "not an Administrative Consumer Key"),
    "HTTP 404": (UsosError("Unexpected answer HTTP 404.", http_status=404), StopReason.REFUSED,
                 "USOS refused the request (Unexpected answer HTTP 404.)"),
    "HTTP 413": (UsosError("Unexpected answer HTTP 413.", http_status=413), StopReason.REFUSED,
                 "USOS refused the request (Unexpected answer HTTP 413.)"),
    "HTTP 499": (UsosError("Unexpected answer HTTP 499.", http_status=499), StopReason.REFUSED,
                 "USOS refused the request (Unexpected answer HTTP 499.)"),
    "a redirect": (ProtocolError("redirected", http_status=302), StopReason.REFUSED,
                   "USOS refused the request (redirected)"),
}


@pytest.mark.parametrize("mode", list(SendMode))
@pytest.mark.parametrize(("failure", "reason", "words"), NOT_SENT.values(), ids=NOT_SENT.keys())
def test_a_request_certainly_not_processed_stops_sending_and_resume_sends_its_recipients(
    journal: Journal, failure: UsosError, reason: StopReason, words: str, mode: SendMode
) -> None:
    campaign = new_campaign(journal, 7, mode=mode)
    client = ScriptedClient(enqueue, failure)
    result = run(journal, client, campaign)

    assert result.stop is reason
    assert len(client.requests) == 2  # nothing after the refused request
    assert words in result.message
    assert f"`usosmail resume {campaign}` sends it" in result.message
    assert (result.counts.enqueued, result.counts.pending, result.counts.uncertain) == (3, 4, 0)
    shown = states(journal, campaign)
    assert [shown[address(i)] for i in range(7)] == ["enqueued"] * 3 + ["pending"] * 4
    assert errors(journal, campaign)[address(3)] == failure.described("en")  # why it waits
    record = journal.campaign(campaign)
    assert record.state is CampaignState.STOPPED and record.stop_reason == result.message

    again = ScriptedClient()
    resumed = run(journal, again, campaign)
    assert sorted(again.sent_to()) == sorted(address(i) for i in range(3, 7))  # each once
    assert resumed.stop is StopReason.FINISHED
    assert resumed.counts.enqueued == 7 and resumed.counts.all_enqueued
    assert journal.campaign(campaign).state is CampaignState.DONE


# --- refusals of messages: the culprit alone, rejected with USOS's words ----------------------
def test_a_refused_batch_is_sent_again_alone_and_only_the_culprit_is_rejected_with_the_reason(
    journal: Journal,
) -> None:
    campaign = new_campaign(journal, 3)
    refusal = BadParameter(
        "The server refused parameter 'recipients'.", http_status=400, param_name="recipients"
    )
    client = ScriptedClient(refusal, enqueue, refusal, enqueue)
    result = run(journal, client, campaign)

    assert client.requests == [
        (wire.SEND_SIMPLE_MESSAGES, (address(0), address(1), address(2))),
        (wire.SEND_SIMPLE_MESSAGE, (address(0),)),
        (wire.SEND_SIMPLE_MESSAGE, (address(1),)),
        (wire.SEND_SIMPLE_MESSAGE, (address(2),)),
    ]
    assert states(journal, campaign) == {
        address(0): "enqueued", address(1): "rejected", address(2): "enqueued"
    }
    assert errors(journal, campaign)[address(1)] == "The server refused parameter 'recipients'."
    assert result.stop is StopReason.FINISHED
    assert (result.counts.enqueued, result.counts.rejected) == (2, 1)
    assert "1 refused by USOS (the reason is recorded for each)." in result.message
    assert result.message.startswith("2 of 3 message(s) enqueued by USOS.")


def test_a_false_in_a_batch_of_messages_is_sent_again_alone_to_learn_the_reason(journal: Journal) -> None:
    campaign = new_campaign(journal, 3)
    client = ScriptedClient(refused=[address(2)])
    result = run(journal, client, campaign)
    assert client.requests == [
        (wire.SEND_SIMPLE_MESSAGES, (address(0), address(1), address(2))),
        (wire.SEND_SIMPLE_MESSAGE, (address(2),)),
    ]
    assert states(journal, campaign)[address(2)] == "rejected"
    assert result.counts.rejected == 1 and result.counts.enqueued == 2


def test_a_false_from_a_lone_template_request_is_final_and_never_requeued(journal: Journal) -> None:
    campaign = new_campaign(journal, 1, mode=SendMode.TEMPLATE)
    client = ScriptedClient(refuse)
    result = run(journal, client, campaign)

    assert client.requests == [(wire.SEND_SIMPLE_BY_TEMPLATE, (address(0),))]  # once, not for ever
    assert states(journal, campaign) == {address(0): "rejected"}
    assert result.stop is StopReason.FINISHED
    assert (result.counts.rejected, result.counts.pending, result.counts.enqueued) == (1, 0, 0)
    assert journal.campaign(campaign).state is CampaignState.DONE


def test_a_false_in_a_template_batch_is_tried_alone_once_then_rejected(journal: Journal) -> None:
    campaign = new_campaign(journal, 3, mode=SendMode.TEMPLATE)
    client = ScriptedClient(refused=[address(1)])
    steps = list_steps(journal, client, campaign)

    assert client.requests == [
        (wire.SEND_SIMPLE_BY_TEMPLATE, (address(0), address(1), address(2))),
        (wire.SEND_SIMPLE_BY_TEMPLATE, (address(1),)),
    ]
    first, second = (s.last for s in steps)
    assert first is not None and (first.size, first.enqueued, first.not_sent, first.rejected) == (3, 2, 1, 0)
    assert second is not None and (second.size, second.enqueued, second.rejected) == (1, 0, 1)
    assert states(journal, campaign) == {
        address(0): "enqueued", address(1): "rejected", address(2): "enqueued"
    }


def test_a_refused_lone_template_request_is_rejected_with_usos_words(journal: Journal) -> None:
    campaign = new_campaign(journal, 1, mode=SendMode.TEMPLATE)
    client = ScriptedClient(BadParameter("The server refused parameter 'recipients'.", http_status=400))
    result = run(journal, client, campaign)
    assert len(client.requests) == 1
    assert states(journal, campaign) == {address(0): "rejected"}
    assert errors(journal, campaign) == {address(0): "The server refused parameter 'recipients'."}
    assert result.counts.rejected == 1


# --- live counts, progress and the estimate ------------------------------------------------------
def list_steps(journal: Journal, client: ScriptedClient, campaign: str, **kw: object) -> list[SendProgress]:
    """Every progress step, each checked against the journal's own counts at that moment."""
    steps: list[SendProgress] = []
    gen = send_steps(journal, client, campaign, clock=Clock(), **kw)  # type: ignore[arg-type]
    for step in gen:
        assert step.counts == journal.counts(campaign), f"after request {step.requests}"
        assert step.campaign == campaign  # the window shows whose progress this is
        steps.append(step)
    return steps


@pytest.mark.parametrize("mode", list(SendMode))
def test_the_live_counts_are_the_journals_after_every_kind_of_outcome(
    journal: Journal, mode: SendMode
) -> None:
    campaign = new_campaign(journal, 12, mode=mode)
    refusal = BadParameter("refused", http_status=400)
    client = ScriptedClient(
        enqueue,  # 0-2 enqueued
        OutcomeUncertain("no answer"),  # 3-5 uncertain
        refusal,  # 6-8: each alone next
        enqueue, refusal, enqueue,  # 6 and 8 enqueued, 7 rejected
        refuse,  # 9-11 answered false: each alone next
        Unreachable("gone"),  # 9: stop
        refused=[],
    )
    steps = list_steps(journal, client, campaign)
    assert [s.requests for s in steps] == list(range(1, 9))
    assert [s.batches_done for s in steps] == list(range(1, 9))
    final = steps[-1].counts
    assert (final.enqueued, final.uncertain, final.rejected, final.pending) == (5, 3, 1, 3)
    assert steps[-1].batches_total == 10  # 10 and 11 were still to be sent alone


def test_progress_text_counts_and_estimates_the_time_left(journal: Journal) -> None:
    campaign = new_campaign(journal, 6, batch_size=2)
    client = ScriptedClient(enqueue, OutcomeUncertain("no answer"), enqueue)
    steps = list_steps(journal, client, campaign)
    assert [s.batches_total for s in steps] == [3, 3, 3]
    first = steps[0]
    # the clock ticks 1 s a call: started at 1, read at 2 after the first request
    assert first.elapsed == 1.0
    assert first.remaining == pytest.approx(1.0 / 2 * 4)
    assert first.text() == (
        "batch 1/3: 2 enqueued · 0 rejected · 0 uncertain · 4 to send · 1.0 s elapsed, about 2.0 s left"
    )
    assert steps[1].text().startswith("batch 2/3: 2 enqueued · 0 rejected · 2 uncertain · 2 to send")
    assert steps[-1].remaining == 0.0


def test_progress_has_no_estimate_before_a_recipient_is_finished(journal: Journal) -> None:
    campaign = new_campaign(journal, 2, batch_size=2)
    steps = list_steps(journal, ScriptedClient(refuse, enqueue, enqueue), campaign)
    assert steps[0].remaining is None  # both answered false: sent alone next, none finished yet
    assert steps[0].text().endswith("elapsed")
    assert steps[-1].remaining is not None


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0.0, "0.0 s"), (9.94, "9.9 s"), (10.0, "10 s"), (59.4, "59 s"), (59.6, "60 s"),
        (60.0, "1 min 00 s"), (61.0, "1 min 01 s"), (3599.0, "59 min 59 s"), (3599.6, "1 h 00 min"),
        (3600.0, "1 h 00 min"), (7322.0, "2 h 02 min"),
    ],
)
def test_durations_in_progress_texts(seconds: float, shown: str) -> None:

    step = SendProgress("c", Counts(), 0, 0, 0, elapsed=seconds, remaining=seconds, last=None)
    assert step.text() == (
        f"batch 0/0: 0 enqueued · 0 rejected · 0 uncertain · 0 to send · {shown} elapsed, about {shown} left"
    )


def test_big_counts_in_progress_texts_have_thousands_separators() -> None:

    step = SendProgress("c", Counts(pending=1234, enqueued=5678, rejected=1001, uncertain=2002, in_flight=3),
                        7, 1, 12000, elapsed=1, remaining=None, last=None)
    assert step.text() == (
        "batch 1/12000: 5,678 enqueued · 1,001 rejected · 2,002 uncertain · 1,237 to send · 1.0 s elapsed"
    )


# --- cancelling, a crashed sender, another installation ------------------------------------------
def test_cancelling_before_a_request_sends_nothing_more_and_says_how_many_wait(journal: Journal) -> None:
    campaign = new_campaign(journal, 7)
    ticks = itertools.count()
    client = ScriptedClient()
    result = send_campaign(journal, client, campaign, cancelled=lambda: next(ticks) >= 1, clock=Clock())
    assert len(client.requests) == 1
    assert result.stop is StopReason.CANCELLED
    assert result.message == (
        "Sending was stopped before the end. 4 recipient(s) were not sent; "
        f"`usosmail resume {campaign}` sends them."
    )
    assert journal.campaign(campaign).state is CampaignState.STOPPED


def test_closing_the_steps_between_two_requests_stops_the_campaign_resumably(journal: Journal) -> None:
    campaign = new_campaign(journal, 7)
    steps = send_steps(journal, ScriptedClient(), campaign, clock=Clock())
    next(steps)
    steps.close()
    record = journal.campaign(campaign)
    assert record.state is CampaignState.STOPPED
    assert record.stop_reason == (
        "Sending was stopped before the end. 4 recipient(s) were not sent; "
        f"`usosmail resume {campaign}` sends them."
    )
    again = ScriptedClient()
    run(journal, again, campaign)
    assert sorted(again.sent_to()) == sorted(address(i) for i in range(3, 7))


def test_a_crashed_senders_batch_in_flight_on_an_open_journal_becomes_uncertain_not_resent(
    journal: Journal,
) -> None:
    """The GUI's case: the journal stays open while a sender dies mid-request; the next send
    in the same process must not send that request's messages again."""
    campaign = new_campaign(journal, 5)
    seqs = [r.seq for r in journal.recipients(campaign)][:3]
    journal.start_batch(
        campaign, seqs, kind=BatchKind.BATCH, method=wire.SEND_SIMPLE_MESSAGES, body_bytes=100
    )
    assert journal.counts(campaign).in_flight == 3

    client = ScriptedClient()
    result = run(journal, client, campaign)
    assert sorted(client.sent_to()) == [address(3), address(4)]
    shown = states(journal, campaign)
    assert [shown[address(i)] for i in range(5)] == ["uncertain"] * 3 + ["enqueued"] * 2
    assert (result.counts.uncertain, result.counts.enqueued, result.counts.in_flight) == (3, 2, 0)
    batches = journal.batches(campaign)
    assert [b["outcome"] for b in batches] == ["uncertain", "enqueued"]


def test_a_campaign_of_another_installation_is_not_sent_through_this_connection(journal: Journal) -> None:
    campaign = new_campaign(journal, 2)
    client = ScriptedClient()
    client.base_url = "https://usos.other.example.edu.pl/"  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match=r"belongs to https://usosapps\.example\.edu\.pl/"):
        next(send_steps(journal, client, campaign))
    assert client.requests == []
    assert journal.campaign(campaign).state is CampaignState.NEW
    same = ScriptedClient()
    same.base_url = "https://usosapps.example.edu.pl"  # type: ignore[attr-defined]
    run(journal, same, campaign)
    assert len(same.requests) == 1


def test_a_finished_campaign_sends_nothing_and_says_so(journal: Journal) -> None:
    campaign = new_campaign(journal, 2)
    run(journal, ScriptedClient(), campaign)
    again = ScriptedClient()
    result = run(journal, again, campaign)
    assert again.requests == [] and result.requests == 0
    assert result.stop is StopReason.FINISHED
    assert result.message == "2 of 2 message(s) enqueued by USOS."
    assert RecipientState.ENQUEUED in {r.state for r in journal.recipients(campaign)}


# --- the journal cannot record any more (the disk filled up at one exact moment) -------------
# tests/unit/core/test_journal_faults.py fills a real disk, in a subprocess; here one method of the
# real journal fails once at a chosen moment, in this process (so the mutation run sees it).
def fail_once(monkeypatch: pytest.MonkeyPatch, journal: Journal, method: str, error: Exception,
              after: int = 0) -> None:
    real = getattr(journal, method)
    calls = itertools.count()

    def failing(*args: object, **kw: object) -> object:
        if next(calls) == after:
            raise error
        return real(*args, **kw)

    monkeypatch.setattr(journal, method, failing)


def test_a_full_disk_when_the_answer_comes_leaves_that_request_uncertain_and_stops(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from usosmail_gui.core.journal import JournalFull

    campaign = new_campaign(journal, 9)
    fail_once(monkeypatch, journal, "batch_answered", JournalFull("The disk is full."), after=1)
    client = ScriptedClient()
    result = run(journal, client, campaign)
    assert len(client.requests) == 2
    assert result.stop is StopReason.DISK_FULL
    assert result.message.startswith("The disk holding the journal is full, so sending stopped.")
    assert "The last request (3 message(s)) went out, but what USOS answered could not be recorded, so " \
        "those messages are uncertain: they are never sent again by themselves. Nothing more was sent." \
        in result.message
    assert f"Free space on the disk, then resume with `usosmail resume {campaign}`." in result.message
    assert (result.counts.enqueued, result.counts.uncertain, result.counts.pending) == (3, 3, 3)
    shown = states(journal, campaign)
    assert [shown[address(i)] for i in range(9)] == ["enqueued"] * 3 + ["uncertain"] * 3 + ["pending"] * 3
    assert journal.campaign(campaign).state is CampaignState.STOPPED
    again = ScriptedClient()
    run(journal, again, campaign)
    assert sorted(again.sent_to()) == sorted(address(i) for i in range(6, 9))


def test_when_nothing_at_all_can_be_written_the_request_stays_in_flight_and_counts_as_uncertain(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from usosmail_gui.core.journal import JournalError

    campaign = new_campaign(journal, 6)
    fail_once(monkeypatch, journal, "batch_answered", JournalError("The journal cannot be written."))
    fail_once(monkeypatch, journal, "batch_uncertain", JournalError("The journal cannot be written."))
    result = run(journal, ScriptedClient(), campaign)
    assert result.stop is StopReason.JOURNAL
    assert result.message.startswith("The journal cannot be written. Sending stopped. The last request")
    assert (result.counts.uncertain, result.counts.in_flight, result.counts.pending) == (3, 0, 3)
    assert journal.counts(campaign).in_flight == 3  # the next open of the journal makes them uncertain
    monkeypatch.undo()
    again = ScriptedClient()
    resumed = run(journal, again, campaign)
    assert sorted(again.sent_to()) == sorted(address(i) for i in range(3, 6))
    assert resumed.counts.uncertain == 3


def test_a_full_disk_when_the_campaigns_end_is_recorded_loses_no_result(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every message went out and was recorded; only the campaign's "done" could not be
    written: the result still says what happened, and a later send sends nothing again."""
    campaign = new_campaign(journal, 4)
    fail_once(monkeypatch, journal, "set_campaign_state", JournalFull("The disk is full."), after=1)
    client = ScriptedClient()
    result = run(journal, client, campaign)
    assert len(client.requests) == 2 and sorted(client.sent_to()) == sorted(address(i) for i in range(4))
    assert result.stop is StopReason.FINISHED and result.message == "4 of 4 message(s) enqueued by USOS."
    assert journal.counts(campaign) == Counts(enqueued=4)
    assert journal.campaign(campaign).state is CampaignState.SENDING  # left as it was
    monkeypatch.undo()
    again = ScriptedClient()
    assert run(journal, again, campaign).stop is StopReason.FINISHED and again.requests == []
    assert journal.campaign(campaign).state is CampaignState.DONE


@pytest.mark.parametrize("method", ["start_batch", "outgoing", "pending_plan_items"])
def test_a_journal_that_cannot_record_before_a_request_sends_nothing(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    from usosmail_gui.core.journal import JournalError

    campaign = new_campaign(journal, 4)
    fail_once(monkeypatch, journal, method, JournalError("The journal cannot be written."))
    client = ScriptedClient()
    result = run(journal, client, campaign)
    assert client.requests == []
    assert result.stop is StopReason.JOURNAL
    assert result.message == (
        "The journal cannot be written. Sending stopped. Nothing more was sent; once the journal can be "
        f"used again, `usosmail resume {campaign}` sends the rest."
    )
    assert journal.counts(campaign) == Counts(pending=4)
    assert journal.campaign(campaign).state is CampaignState.STOPPED


def test_counts_at_the_end_come_from_the_session_when_the_journal_cannot_be_read(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from usosmail_gui.core.journal import JournalError

    campaign = new_campaign(journal, 4, batch_size=2)
    fail_once(monkeypatch, journal, "counts", JournalError("The journal cannot be read."), after=1)
    result = run(journal, ScriptedClient(), campaign)
    assert result.stop is StopReason.FINISHED
    assert result.counts == Counts(enqueued=4)


def test_interrupted_campaigns_and_the_users_choice_to_resend(journal: Journal) -> None:
    from usosmail_gui.core.sending import interrupted_campaigns, resend_uncertain

    campaign = new_campaign(journal, 4, batch_size=2)
    run(journal, ScriptedClient(OutcomeUncertain("no answer")), campaign)
    assert [s.campaign.id for s in interrupted_campaigns(journal)] == [campaign]
    uncertain = [r.seq for r in journal.recipients(campaign) if r.state == "uncertain"]
    assert resend_uncertain(journal, campaign, uncertain[:1]) == 1
    client = ScriptedClient()
    run(journal, client, campaign)
    assert client.sent_to() == [address(0)]
    assert [s.campaign.id for s in interrupted_campaigns(journal)] == [campaign]  # one still undecided


def test_each_requests_report_says_what_it_did(journal: Journal) -> None:
    """What the window's log shows after each request: its kind, method, size and outcome."""
    campaign = new_campaign(journal, 6)
    uncertain = OutcomeUncertain("The request was sent but no answer came.")
    client = ScriptedClient(enqueue, uncertain, Unreachable("Could not reach it."))
    steps = list_steps(journal, client, campaign)
    reports = [s.last for s in steps]
    assert reports[0] == RequestReport(BatchKind.BATCH, wire.SEND_SIMPLE_MESSAGES, 3, enqueued=3)
    assert reports[1] == RequestReport(
        BatchKind.BATCH, wire.SEND_SIMPLE_MESSAGES, 3, uncertain=3, detail=uncertain.described("en")
    )
    assert [s.remaining for s in steps] == [pytest.approx(1.0 / 3 * 3), 0.0]  # 6 of 6 finished after two
    again = new_campaign(journal, 2, batch_size=2)
    (step,) = list_steps(journal, ScriptedClient(Unreachable("Could not reach it.")), again)
    assert step.last == RequestReport(
        BatchKind.BATCH, wire.SEND_SIMPLE_MESSAGES, 2, not_sent=2, detail="Could not reach it."
    )


def test_the_last_uncertain_request_before_the_stop_is_reported_and_counted_in_the_estimate(
    journal: Journal,
) -> None:
    campaign = new_campaign(journal, 6, batch_size=1)
    uncertain = OutcomeUncertain("no answer")
    steps = list_steps(journal, ScriptedClient(uncertain, uncertain, uncertain), campaign)
    assert [s.last.uncertain if s.last else None for s in steps] == [1, 1, 1]
    # 1, 2, 3 recipients finished (uncertain) after 1, 2, 3 clock ticks: the estimate stays 1 s each
    assert [s.remaining for s in steps] == [pytest.approx(5.0), pytest.approx(4.0), pytest.approx(3.0)]


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (CredentialsRejected("key rejected", http_status=401),
         "USOS rejected the consumer key or secret. Check them (and this computer's clock), then resume. "),
        (NotAdministrative("not admin", http_status=403),
         "This consumer key is not an Administrative Consumer Key, which sending mail requires. Ask your "
         "USOS API administrators for one, then resume. "),
        (Unreachable("Could not reach it."),
         "USOS could not be reached (Could not reach it.). Check the network, then resume. "),
    ],
)
def test_the_words_of_a_stop_that_sent_nothing(journal: Journal, failure: UsosError, words: str) -> None:
    campaign = new_campaign(journal, 2)
    result = run(journal, ScriptedClient(failure), campaign)
    assert result.message == (
        words + f"Nothing was lost: the rest waits, and `usosmail resume {campaign}` sends it."
    )


# --- each outcome's report, its words and the estimate (issue 19: mutation testing) -------------
def test_the_report_of_every_kind_of_request_and_the_estimate_after_each(journal: Journal) -> None:
    """The window's log line of each request (kind, method, size, outcome, reason), the state
    shown while sending, and the time left: a refused batch, then its recipients alone
    (enqueued, refused, a 502), then a batch refused for a reason that is not a message's."""
    campaign = new_campaign(journal, 9)
    refusal = BadParameter("The server refused parameter 'recipients'.", http_status=400)
    server_error = UsosError("Unexpected answer HTTP 502.", http_status=502)
    too_big = UsosError("The request is too big (HTTP 413).", http_status=413)
    client = ScriptedClient(refusal, enqueue, refusal, server_error, too_big)
    steps: list[SendProgress] = []
    for step in send_steps(journal, client, campaign, clock=Clock()):
        steps.append(step)
        assert journal.campaign(campaign).state is CampaignState.SENDING
        if len(steps) == 1:  # the refused batch's recipients wait, each to be sent alone, with why
            assert [errors(journal, campaign)[address(i)] for i in range(3)] == [refusal.message] * 3
    batch, alone = (BatchKind.BATCH, wire.SEND_SIMPLE_MESSAGES), (BatchKind.SINGLE, wire.SEND_SIMPLE_MESSAGE)
    assert [s.last for s in steps] == [
        RequestReport(*batch, 3, not_sent=3, detail=refusal.message),
        RequestReport(*alone, 1, enqueued=1),
        RequestReport(*alone, 1, rejected=1, detail=refusal.message),
        RequestReport(*alone, 1, uncertain=1, detail=server_error.message),
        RequestReport(*batch, 3, not_sent=3, detail=too_big.message),
    ]
    # elapsed n s after request n; the estimate: elapsed / finished * still to send
    assert [s.remaining for s in steps] == [
        None, pytest.approx(2 / 1 * 8), pytest.approx(3 / 2 * 7), pytest.approx(4 / 3 * 6),
        pytest.approx(5 / 3 * 6),
    ]
    assert journal.campaign(campaign).state is CampaignState.STOPPED
    assert [b["kind"] for b in journal.batches(campaign)] == ["batch"] + ["single"] * 3 + ["batch"]


def test_lone_template_requests_report_what_they_enqueued_and_refused(journal: Journal) -> None:
    campaign = new_campaign(journal, 3, mode=SendMode.TEMPLATE, batch_size=1)
    steps = list_steps(journal, ScriptedClient(refused=[address(1)]), campaign)
    lone = (BatchKind.SINGLE, wire.SEND_SIMPLE_BY_TEMPLATE, 1)
    assert [s.last for s in steps] == [
        RequestReport(*lone, enqueued=1), RequestReport(*lone, rejected=1), RequestReport(*lone, enqueued=1)
    ]
    assert [s.remaining for s in steps] == [pytest.approx(2.0), pytest.approx(1.0), 0.0]


POLISH = LangText(pl="Adres odrzucony przez USOS.", en="The address was refused by USOS.")
WITH_USOS_WORDS = {
    "refused alone": BadParameter("Refused.", http_status=400, user_message=POLISH),
    "timeout": OutcomeUncertain("No answer.", user_message=POLISH),
    "HTTP 502": UsosError("Unexpected answer HTTP 502.", http_status=502, user_message=POLISH),
    "HTTP 429": UsosError("Too many requests.", http_status=429, user_message=POLISH),
    "unreachable": Unreachable("Could not reach it.", user_message=POLISH),
}


@pytest.mark.parametrize("failure", WITH_USOS_WORDS.values(), ids=WITH_USOS_WORDS.keys())
@pytest.mark.parametrize(("lang", "said"), [("pl", POLISH.pl), ("en", POLISH.en), (None, POLISH.en)])
def test_the_recorded_reason_has_usos_words_in_the_connections_language(
    journal: Journal, failure: UsosError, lang: str | None, said: str
) -> None:
    """A client with no language of its own (None) records USOS's English words."""
    campaign = new_campaign(journal, 1)
    client = ScriptedClient(failure)
    client.lang = lang  # type: ignore[assignment]
    run(journal, client, campaign)
    assert errors(journal, campaign) == {address(0): f"{failure.message} USOS says: {said}"}


def test_when_the_answer_cannot_be_recorded_the_report_and_the_reason_say_so(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = new_campaign(journal, 6)
    fail_once(monkeypatch, journal, "batch_answered", JournalFull("The disk is full."))
    (step,) = list_steps(journal, ScriptedClient(), campaign)
    assert step.last == RequestReport(
        BatchKind.BATCH, wire.SEND_SIMPLE_MESSAGES, 3, uncertain=3, detail="The disk is full."
    )
    assert [errors(journal, campaign)[address(i)] for i in range(3)] == [UNRECORDED_REASON] * 3
    assert UNRECORDED_REASON.startswith("The journal could not record what USOS answered")


def test_a_refusal_between_uncertain_requests_resets_the_count_too(journal: Journal) -> None:
    campaign = new_campaign(journal, 4, batch_size=1)
    uncertain = OutcomeUncertain("no answer")
    refusal = BadParameter("Refused.", http_status=400)
    result = run(journal, ScriptedClient(uncertain, refusal, uncertain, enqueue), campaign,
                 max_uncertain_in_a_row=2)
    assert result.stop is StopReason.FINISHED
    assert (result.counts.uncertain, result.counts.rejected, result.counts.enqueued) == (2, 1, 1)


def test_the_final_words_and_the_elapsed_time_of_a_finished_campaign(journal: Journal) -> None:
    campaign = new_campaign(journal, 3, batch_size=1)
    refusal = BadParameter("Refused.", http_status=400)
    result = run(journal, ScriptedClient(enqueue, refusal, OutcomeUncertain("no answer")), campaign)
    assert result.stop is StopReason.FINISHED
    assert result.message == (
        "1 of 3 message(s) enqueued by USOS. 1 refused by USOS (the reason is recorded for each). "
        "1 uncertain: their request may or may not have reached USOS, so they were not sent again. "
        "Check with the recipients or USOS, and send again only those you choose."
    )
    # the clock ticks 1 s a call: started at 1, read after each of 3 requests, then at the end
    assert result.elapsed == 4.0
    assert result.requests == 3


def test_a_closed_campaign_is_refused_with_the_words_of_its_closing(journal: Journal) -> None:
    campaign = new_campaign(journal, 2)
    journal.close_campaign(campaign)
    client = ScriptedClient()
    with pytest.raises(CampaignClosed) as raised:
        run(journal, client, campaign)
    assert str(raised.value) == closed_words(journal.campaign(campaign))
    assert str(raised.value).startswith(f"Campaign {campaign} was closed on ")
    assert client.requests == []


def test_a_recipient_sent_alone_after_a_refused_batch_is_recorded_with_its_own_request_size(
    journal: Journal,
) -> None:
    campaign = new_campaign(journal, 2, batch_size=2)
    run(journal, ScriptedClient(BadParameter("Refused.", http_status=400)), campaign)
    sizes = [b["body_bytes"] for b in journal.batches(campaign)]
    # the same recipients planned one per request from the start: the same request sizes
    planned_alone = new_campaign(journal, 2, batch_size=1)
    run(journal, ScriptedClient(), planned_alone)
    assert sizes[1:] == [b["body_bytes"] for b in journal.batches(planned_alone)]
    assert sizes[1] > request_overhead(SendMode.MESSAGES, MessageTemplate(subject="", content=""))


class ShortAnswers(ScriptedClient):
    """A client breaking the contract: one message ID fewer than the messages sent."""

    def send_simple_messages(self, messages: Sequence[SimpleMessage]) -> EnqueuedBatch:
        return EnqueuedBatch(super().send_simple_messages(messages).message_ids[:-1])


def test_an_answer_with_too_few_ids_leaves_the_whole_request_uncertain(journal: Journal) -> None:
    campaign = new_campaign(journal, 3)
    with pytest.raises(ValueError, match="shorter"):
        run(journal, ShortAnswers(), campaign)
    assert set(states(journal, campaign).values()) == {"in_flight"}  # none taken as answered
    again = ScriptedClient()
    run(journal, again, campaign)  # the next sender recovers them: uncertain, never sent again
    assert again.requests == []
    assert states(journal, campaign) == {address(i): "uncertain" for i in range(3)}
