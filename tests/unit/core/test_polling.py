"""The status poller against the real sandbox over loopback, with a real journal: statuses
reach the journal, polling ends when all are finished, 7-day expiry by an injected clock,
bounded requests for 10,000 messages, and a network failure that loses nothing."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta

import pytest

from tests.helpers.campaigns import client_for, enqueued_without_sending, rows_failing, sent_campaign
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.polling import IntervalPolicy, PollResult, combine, next_interval, poll_once, watch
from usosmail_gui.core.statuses import Status, campaign_statuses, count_statuses
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.client import MailingClient
from usosmail_gui.core.usos.errors import Unreachable
from usosmail_gui.core.usos.models import DeliveryStatus, MessageStatus, RecipientStatus
from usosmail_gui.sandbox import Sandbox

CHECK = wire.CHECK_MESSAGES_STATUS


@pytest.fixture
def journal() -> Iterator[Journal]:
    with Journal.open() as opened:
        yield opened


class Recording:
    """A client wrapper that records each request's IDs and can fail chosen requests."""

    def __init__(self, inner: MailingClient, fail_on: Sequence[int] = ()) -> None:
        self.inner = inner
        self.fail_on = set(fail_on)
        self.calls: list[int] = []

    def check_messages_status(self, message_ids: Sequence[str]) -> dict[str, MessageStatus | None]:
        self.calls.append(len(message_ids))
        if len(self.calls) in self.fail_on:
            raise Unreachable("Could not reach the server: connection refused.")
        return self.inner.check_messages_status(message_ids)

    def check_message_status(self, message_id: str) -> MessageStatus:
        return self.inner.check_message_status(message_id)


def statuses(journal: Journal, campaign: str) -> dict[int, tuple[str, str | None]]:
    return {v.row: (str(v.status), v.error) for v in campaign_statuses(journal, campaign)}


def test_statuses_reach_sent_and_failed_with_the_reason(
    make_sandbox: Callable[..., Sandbox], journal: Journal
) -> None:
    sb = make_sandbox(delay=0.3)
    campaign = sent_campaign(journal, sb, rows_failing(6, failing=(1, 4)))
    with client_for(sb) as client:
        first = poll_once(journal, client, campaign)
        assert sb.wait_delivered(10)
        second = poll_once(journal, client, campaign, previous_interval=first.next_interval_hint)
        assert second.all_finished and second.next_interval_hint is None
        third = poll_once(journal, client, campaign)
    if not first.all_finished:  # before the delay passed: waiting, poll again soon
        assert first.checked == 6 and first.next_interval_hint == IntervalPolicy().first
        assert set(s for s, _ in statuses(journal, campaign).values()) <= {"waiting", "sent", "failed"}
    assert second.changed >= 1
    assert third.requests == 0 and third.checked == 0 and third.all_finished  # nothing left to ask
    found = statuses(journal, campaign)
    failed = {row for row, (status, _) in found.items() if status == "failed"}
    assert failed == {3, 6}  # spreadsheet rows of indexes 1 and 4
    assert all(error for row, (_, error) in found.items() if row in failed)
    assert all(
        status == "sent" and error is None for row, (status, error) in found.items() if row not in failed
    )
    records = journal.recipients(campaign)
    assert all(r.finished_at and r.status_checked_at for r in records)
    counts = count_statuses(campaign_statuses(journal, campaign))
    assert (counts.sent, counts.failed, counts.waiting) == (4, 2, 0)


def test_watch_polls_until_all_finished_sleeping_the_policy(
    make_sandbox: Callable[..., Sandbox], journal: Journal
) -> None:
    sb = make_sandbox(delay=0.2)
    campaign = sent_campaign(journal, sb, rows_failing(3, failing=(0,)))
    slept: list[float] = []
    seen: list[PollResult] = []

    def sleep(seconds: float) -> None:  # instead of sleeping: until the sandbox has delivered
        slept.append(seconds)
        assert sb.wait_delivered(10)

    with client_for(sb) as client:
        last = watch(journal, client, campaign, sleep=sleep, on_result=seen.append)
    assert last.all_finished and last.next_interval_hint is None
    assert len(seen) == len(slept) + 1 <= 2
    assert {s for s, _ in statuses(journal, campaign).values()} == {"sent", "failed"}


def test_messages_older_than_seven_days_expire_by_the_injected_clock(
    make_sandbox: Callable[..., Sandbox], journal: Journal
) -> None:
    moment = [time.time()]
    sb = make_sandbox(clock=lambda: moment[0])
    delivered_first = sent_campaign(journal, sb, rows_failing(2))
    with client_for(sb) as client:
        assert sb.wait_delivered(10)
        assert poll_once(journal, client, delivered_first).all_finished
        never_checked = sent_campaign(journal, sb, rows_failing(3))
        assert sb.wait_delivered(10)
        moment[0] += 8 * 24 * 3600  # a week and a day later, for the sandbox and the poller
        later = datetime.fromtimestamp(moment[0], UTC)
        before = sb.requests_served[CHECK]
        old = poll_once(journal, client, never_checked, now=later)
        assert sb.requests_served[CHECK] == before  # too old: expired without a request
        assert (old.expired, old.requests, old.all_finished) == (3, 0, True)
        assert poll_once(journal, client, delivered_first, now=later).requests == 0
    assert {s for s, _ in statuses(journal, never_checked).values()} == {"expired"}
    assert all("7 days" in (e or "") for _, e in statuses(journal, never_checked).values())
    assert {s for s, _ in statuses(journal, delivered_first).values()} == {"sent"}  # kept for good


def test_ids_the_server_no_longer_knows_are_expired(
    make_sandbox: Callable[..., Sandbox], journal: Journal
) -> None:
    moment = [time.time()]
    sb = make_sandbox(clock=lambda: moment[0])
    campaign = sent_campaign(journal, sb, rows_failing(2))
    moment[0] += 8 * 24 * 3600  # the server forgot them; the poller's own clock did not move
    with client_for(sb) as client:
        result = poll_once(journal, client, campaign)
        assert (result.requests, result.expired, result.all_finished) == (1, 2, True)
        assert poll_once(journal, client, campaign).requests == 0  # never asked again
    assert {s for s, _ in statuses(journal, campaign).values()} == {"expired"}
    # the status table shows a campaign past 7 days as expired even before any poll
    fresh = sent_campaign(journal, sb, rows_failing(1))
    week_later = datetime.now(UTC) + timedelta(days=8)
    assert {str(v.status) for v in campaign_statuses(journal, fresh, now=week_later)} == {"expired"}


def test_poll_requests_for_10k_messages_are_bounded(sandbox: Sandbox, journal: Journal) -> None:
    campaign = enqueued_without_sending(journal, sandbox.url, 10_000)
    with client_for(sandbox) as client:
        recording = Recording(client)
        before = sandbox.requests_served[CHECK]
        result = poll_once(journal, recording, campaign)
    assert result.requests == sandbox.requests_served[CHECK] - before == 20
    assert max(recording.calls) <= 500 and sum(recording.calls) == 10_000
    assert result.checked == 10_000  # the made-up IDs are unknown to USOS: expired
    assert count_statuses(campaign_statuses(journal, campaign)).expired == 10_000
    with client_for(sandbox) as client:
        small = Recording(client)
        poll_once(
            journal, small, enqueued_without_sending(journal, sandbox.url, 1_001), max_ids_per_request=250
        )
    assert small.calls == [250, 250, 250, 250, 1]


def test_offline_loses_nothing_and_backs_off(make_sandbox: Callable[..., Sandbox], journal: Journal) -> None:
    sb = make_sandbox()
    campaign = sent_campaign(journal, sb, rows_failing(10, failing=(9,)))
    assert sb.wait_delivered(10)
    with client_for(sb) as client:
        flaky = Recording(client, fail_on=(2,))
        cut = poll_once(journal, flaky, campaign, max_ids_per_request=4, previous_interval=8.0)
        assert cut.offline and not cut.all_finished and cut.stop_reason is None
        assert cut.error and "connection refused" in cut.error
        assert cut.next_interval_hint == 16.0  # backing off
        learnt = [v for v in campaign_statuses(journal, campaign) if v.status is Status.SENT]
        assert len(learnt) == 4  # the first request's answers are kept
        again = poll_once(journal, client, campaign)
        assert again.all_finished and again.checked == 6  # only what was still open
    assert count_statuses(campaign_statuses(journal, campaign)).failed == 1
    sb.stop()
    with client_for(sb) as gone:
        down = poll_once(journal, gone, sent_campaign_not_polled(journal, make_sandbox))
    assert down.offline and down.next_interval_hint == IntervalPolicy().first


def sent_campaign_not_polled(journal: Journal, make_sandbox: Callable[..., Sandbox]) -> str:
    return sent_campaign(journal, make_sandbox(), rows_failing(2))


def test_rejected_credentials_stop_polling_in_plain_words(sandbox: Sandbox, journal: Journal) -> None:
    campaign = sent_campaign(journal, sandbox, rows_failing(2))
    with MailingClient(sandbox.url, sandbox.admin_key, "Wrong-Secret-Value-12345") as wrong:
        result = poll_once(journal, wrong, campaign)
    assert result.stop_reason and "key or secret" in result.stop_reason
    assert result.next_interval_hint is None and not result.all_finished
    with MailingClient(sandbox.url, sandbox.user_key, sandbox.user_secret) as user:
        result = poll_once(journal, user, campaign)
    assert result.stop_reason and "not an administrative key" in result.stop_reason
    assert {s for s, _ in statuses(journal, campaign).values()} == {"waiting"}  # nothing written


def status(email: str, value: DeliveryStatus, error: str | None = None) -> RecipientStatus:
    return RecipientStatus(email, value, error)


def test_one_message_to_several_addresses_gets_one_status() -> None:
    both_sent = MessageStatus(
        True, (status("a@x.pl", DeliveryStatus.SENT), status("b@x.pl", DeliveryStatus.SENT))
    )
    assert (combine("1", both_sent).status, combine("1", both_sent).finished) == ("sent", True)
    one_failed = MessageStatus(
        True, (status("a@x.pl", DeliveryStatus.SENT), status("b@x.pl", DeliveryStatus.FAILED, "mailbox full"))
    )
    assert (combine("1", one_failed).status, combine("1", one_failed).error) == (
        "failed",
        "b@x.pl: mailbox full",
    )
    half = MessageStatus(
        False, (status("a@x.pl", DeliveryStatus.SENT), status("b@x.pl", DeliveryStatus.WAITING))
    )
    assert combine("1", half).status == "waiting"
    odd = MessageStatus(True, (RecipientStatus("a@x.pl", DeliveryStatus.UNKNOWN, None, "bounced"),))
    assert combine("1", odd).status == "raw:bounced"  # shown as USOS said it, never "waiting"
    no_reason = MessageStatus(True, (status("a@x.pl", DeliveryStatus.FAILED),))
    assert combine("1", no_reason).error


def test_interval_policy() -> None:
    policy = IntervalPolicy(first=2, factor=2, maximum=60, offline_maximum=300)
    assert next_interval(None, changed=False, policy=policy) == 2
    waits = [2.0]
    for _ in range(8):
        following = next_interval(waits[-1], changed=False, policy=policy)
        assert following is not None
        waits.append(following)
    assert waits[:6] == [2, 4, 8, 16, 32, 60] and waits[-1] == 60
    assert next_interval(60, changed=True, policy=policy) == 2  # a change: quick again
    assert next_interval(60, changed=False, refresh=True, policy=policy) == 0  # the user asked
    assert next_interval(60, changed=False, all_finished=True, refresh=True, policy=policy) is None
    assert next_interval(200, changed=True, offline=True, policy=policy) == 300  # offline: back off
    assert next_interval(2, changed=False, offline=True, policy=policy) == 4
