"""Statuses never fold into "waiting" (D5): the poller under the sandbox's sparse and
strict switches, against stand-ins that give no detail or values the app does not know,
and a cycle that changes nothing writes nothing."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.helpers.campaigns import (
    client_for,
    enqueued_without_sending,
    new_campaign,
    rows_failing,
    sent_campaign,
)
from tests.helpers.standin import answering
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.polling import poll_once
from usosmail_gui.core.sending import send_steps
from usosmail_gui.core.statuses import Status, campaign_statuses, count_statuses
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.client import MailingClient, RetryPolicy
from usosmail_gui.sandbox import Sandbox


@pytest.fixture
def journal() -> Iterator[Journal]:
    with Journal.open() as opened:
        yield opened


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC).timestamp()

    def __call__(self) -> float:
        return self.now


def shown(journal: Journal, campaign: str) -> list[str]:
    return [str(v.status) for v in campaign_statuses(journal, campaign)]


def test_sparse_statuses_are_completed_by_the_singular_method(
    make_sandbox: Callable[..., Sandbox], journal: Journal
) -> None:
    sb = make_sandbox(status_detail="sparse")
    campaign = sent_campaign(journal, sb, rows_failing(6, failing=(2,)))
    assert sb.wait_delivered(10)
    with client_for(sb) as client:
        result = poll_once(journal, client, campaign)
        assert result.all_finished and result.detail_requests == 6
        assert result.requests == 1 + 6
        assert shown(journal, campaign).count("sent") == 5 and shown(journal, campaign).count("failed") == 1
        failed = [v for v in campaign_statuses(journal, campaign) if v.status is Status.FAILED]
        assert failed[0].error  # the reason came from the detailed status
        again = poll_once(journal, client, campaign)
    assert again.requests == 0  # each message was asked about once, after it finished


def test_sparse_waiting_messages_stay_waiting_without_detail_requests(
    make_sandbox: Callable[..., Sandbox], journal: Journal
) -> None:
    sb = make_sandbox(status_detail="sparse", delay=3600)
    campaign = sent_campaign(journal, sb, rows_failing(3))
    with client_for(sb) as client:
        result = poll_once(journal, client, campaign)
    assert result.detail_requests == 0 and not result.all_finished
    assert shown(journal, campaign) == ["waiting"] * 3  # USOS says so: finished is false


def test_detail_requests_are_bounded_per_cycle_and_shown_as_finished_meanwhile(
    make_sandbox: Callable[..., Sandbox], journal: Journal
) -> None:
    sb = make_sandbox(status_detail="sparse")
    campaign = sent_campaign(journal, sb, rows_failing(10))
    assert sb.wait_delivered(10)
    with client_for(sb) as client:
        first = poll_once(journal, client, campaign, max_detail_requests=4, max_in_flight=2)
        assert first.detail_requests == 4 and not first.all_finished
        states = shown(journal, campaign)
        assert states.count("sent") == 4 and states.count("detail_pending") == 6
        assert "waiting" not in states
        plural_before = sb.requests_served[wire.CHECK_MESSAGES_STATUS]
        second = poll_once(journal, client, campaign, max_detail_requests=4)
        third = poll_once(journal, client, campaign, max_detail_requests=4)
    assert sb.requests_served[wire.CHECK_MESSAGES_STATUS] == plural_before  # straight to the singular
    assert (second.detail_requests, third.detail_requests) == (4, 2)
    assert third.all_finished and shown(journal, campaign) == ["sent"] * 10


def test_strict_ids_split_until_only_the_stale_ones_expire(
    make_sandbox: Callable[..., Sandbox], journal: Journal
) -> None:
    """One campaign whose first messages the server has forgotten, on a server that refuses
    a whole status request over one unknown ID: only the forgotten ones expire."""
    clock = Clock()
    sb = make_sandbox(strict_ids=True, clock=clock)
    campaign = new_campaign(journal, sb.url, sb.admin_key, rows_failing(8), batch_size=4)
    with client_for(sb) as client:
        steps = send_steps(journal, client, campaign)
        next(steps)  # the first request: four messages
        clock.now += 4 * 24 * 3600  # by the server's clock, four days pass before the rest
        for _ in steps:
            pass
        clock.now += 3.5 * 24 * 3600  # the first four are now past USOS's 7 days, the rest not
        assert sb.deliver_due() >= 0 and sb.wait_delivered(10)
        result = poll_once(journal, client, campaign)
    states = shown(journal, campaign)
    assert states == ["expired"] * 4 + ["sent"] * 4
    assert result.split_requests > 0 and result.stop_reason is None
    assert result.requests <= 1 + 2 * 4 * 3 + 4


def fake_ids(journal: Journal, campaign: str) -> list[str]:
    return [mid for mid, _, _, _ in journal.messages_to_poll(campaign)]


def statuses_standin(plural: Callable[[str], object], singular: Callable[[str], object]) -> object:
    def route(path: str, params: dict[str, str]) -> tuple[int, object] | None:
        if path == wire.CHECK_MESSAGES_STATUS:
            return 200, {mid: plural(mid) for mid in params[wire.P_MESSAGE_IDS].split("|")}
        if path == wire.CHECK_MESSAGE_STATUS:
            return 200, singular(params[wire.P_MESSAGE_ID])
        return None

    return route


def test_finished_with_no_detail_anywhere_is_said_so(journal: Journal) -> None:
    finished = {"finished": True}
    with answering(statuses_standin(lambda _: finished, lambda _: finished)) as (url, asked):  # type: ignore[arg-type]
        campaign = enqueued_without_sending(journal, url, 3)
        with MailingClient(url, "key", "secret", retry=RetryPolicy(attempts=1)) as client:
            result = poll_once(journal, client, campaign)
    assert result.all_finished and result.detail_requests == 3
    views = campaign_statuses(journal, campaign)
    assert [v.status for v in views] == [Status.NO_DETAIL] * 3
    assert all(v.finished_at for v in views) and "no details" in (views[0].error or "")
    assert count_statuses(views).no_detail == 3
    assert asked.count(wire.CHECK_MESSAGE_STATUS) == 3


def test_an_unknown_status_value_is_kept_raw_and_counted_apart(journal: Journal) -> None:
    def answer(_: str) -> object:
        return {"finished": True, "recipients": [{"email": "x@example.edu.pl", "status": "bounced"}]}

    with answering(statuses_standin(answer, answer)) as (url, _):  # type: ignore[arg-type]
        campaign = enqueued_without_sending(journal, url, 2)
        with MailingClient(url, "key", "secret", retry=RetryPolicy(attempts=1)) as client:
            result = poll_once(journal, client, campaign)
    assert result.all_finished
    views = campaign_statuses(journal, campaign)
    assert [(v.status, v.raw_status, v.shown_status) for v in views] == [
        (Status.UNKNOWN, "bounced", "unknown (bounced)")
    ] * 2
    counts = count_statuses(views)
    assert counts.unknown == 2 and counts.waiting == 0


def test_a_cycle_that_changes_nothing_writes_nothing(
    make_sandbox: Callable[..., Sandbox], journal: Journal
) -> None:
    sb = make_sandbox(delay=3600)
    campaign = sent_campaign(journal, sb, rows_failing(20))
    with client_for(sb) as client:
        poll_once(journal, client, campaign)
        before = [(r.updated_at, r.status_checked_at) for r in journal.recipients(campaign)]
        result = poll_once(journal, client, campaign)
    assert result.changed == 0 and result.requests == 1
    assert [(r.updated_at, r.status_checked_at) for r in journal.recipients(campaign)] == before


def test_detail_requests_run_a_few_at_a_time(journal: Journal) -> None:
    in_flight = 0
    most = 0
    lock = threading.Lock()
    release = threading.Event()

    def singular(_: str) -> object:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        release.wait(0.05)
        with lock:
            in_flight -= 1
        return {"finished": True, "recipients": [{"email": "a@example.edu.pl", "status": "sent"}]}

    with answering(statuses_standin(lambda _: {"finished": True}, singular)) as (url, _):  # type: ignore[arg-type]
        campaign = enqueued_without_sending(journal, url, 12)
        with MailingClient(url, "key", "secret", retry=RetryPolicy(attempts=1)) as client:
            result = poll_once(journal, client, campaign, max_in_flight=3)
    assert result.all_finished and result.detail_requests == 12
    assert 1 < most <= 3
    assert json.dumps(shown(journal, campaign)) == json.dumps(["sent"] * 12)


def test_a_message_forgotten_between_the_two_status_methods_is_expired(journal: Journal) -> None:
    """The plural method says finished, no detail; by the time the singular one is asked
    USOS has forgotten the message (object_not_found): it is expired, not waiting."""
    forgotten: list[str] = []

    def route(path: str, params: dict[str, str]) -> tuple[int, object] | None:
        if path == wire.CHECK_MESSAGES_STATUS:
            return 200, {mid: {"finished": True} for mid in params[wire.P_MESSAGE_IDS].split("|")}
        if path == wire.CHECK_MESSAGE_STATUS:
            if params[wire.P_MESSAGE_ID] in forgotten:
                return 404, {"message": "Message not found.", "error": "object_not_found"}
            return 200, {"finished": True, "recipients": [{"email": "a@example.edu.pl", "status": "sent"}]}
        return None

    with answering(route) as (url, asked):
        campaign = enqueued_without_sending(journal, url, 3)
        forgotten.append(fake_ids(journal, campaign)[1])
        with MailingClient(url, "key", "secret", retry=RetryPolicy(attempts=1)) as client:
            result = poll_once(journal, client, campaign)
    assert shown(journal, campaign) == ["sent", "expired", "sent"]
    assert (result.expired, result.detail_requests, result.all_finished) == (1, 3, True)
    assert asked.count(wire.CHECK_MESSAGE_STATUS) == 3


def test_one_detail_request_at_a_time_when_asked_so(journal: Journal) -> None:
    """max_in_flight=1 (a server that must not be asked in parallel): never two at once."""
    in_flight = 0
    most = 0
    lock = threading.Lock()

    def singular(_: str) -> object:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        threading.Event().wait(0.03)  # long enough for a second request to overlap, if sent
        with lock:
            in_flight -= 1
        return {"finished": True, "recipients": [{"email": "a@example.edu.pl", "status": "sent"}]}

    with answering(statuses_standin(lambda _: {"finished": True}, singular)) as (url, _):  # type: ignore[arg-type]
        campaign = enqueued_without_sending(journal, url, 4)
        with MailingClient(url, "key", "secret", retry=RetryPolicy(attempts=1)) as client:
            result = poll_once(journal, client, campaign, max_in_flight=1)
    assert result.all_finished and result.detail_requests == 4
    assert most == 1
    assert shown(journal, campaign) == ["sent"] * 4


# --- "all finished" must never be said while a message is still open (issue 19: poll_once's
# count of unfinished messages): each case has exactly one message still waiting besides the
# one the case is about, so a count that went down instead of up would reach 0
SENT = {"finished": True, "recipients": [{"email": "a@example.edu.pl", "status": "sent"}]}
WAITING = {"finished": False, "recipients": [{"email": "a@example.edu.pl", "status": "waiting"}]}


def scripted_statuses(
    plural: dict[int, object], singular: dict[int, object], ids: list[str]
) -> Callable[[str, dict[str, str]], tuple[int, object] | None]:
    """Answers by message index; an index missing from ``plural`` is left out of its answer."""

    def route(path: str, params: dict[str, str]) -> tuple[int, object] | None:
        if path == wire.CHECK_MESSAGES_STATUS:
            asked = params[wire.P_MESSAGE_IDS].split("|")
            return 200, {mid: plural[ids.index(mid)] for mid in asked if ids.index(mid) in plural}
        if path == wire.CHECK_MESSAGE_STATUS:
            return 200, singular[ids.index(params[wire.P_MESSAGE_ID])]
        return None

    return route


def poll_scripted(journal: Journal, plural: dict[int, object], singular: dict[int, object], **kw: Any) -> Any:
    ids: list[str] = []
    with answering(scripted_statuses(plural, singular, ids)) as (url, _):  # ids: filled in below
        campaign = enqueued_without_sending(journal, url, 3)
        ids += fake_ids(journal, campaign)
        with MailingClient(url, "key", "secret", retry=RetryPolicy(attempts=1)) as client:
            result = poll_once(journal, client, campaign, **kw)
    return result, shown(journal, campaign)


def test_a_message_left_out_of_the_answer_stays_open_and_hides_no_later_one(journal: Journal) -> None:
    result, states = poll_scripted(journal, {1: SENT, 2: WAITING}, {})
    assert not result.all_finished and result.next_interval_hint is not None
    assert states[1:] == ["sent", "waiting"]
    assert states[0] not in ("sent", "failed", "expired", "no_detail")


def test_a_detail_the_budget_did_not_reach_stays_open(journal: Journal) -> None:
    finished = {"finished": True}
    result, states = poll_scripted(journal, {0: finished, 1: finished, 2: WAITING}, {0: SENT},
                                   max_detail_requests=1)
    assert not result.all_finished and result.detail_requests == 1
    assert states == ["sent", "detail_pending", "waiting"]


def test_a_message_the_singular_method_says_still_waits_stays_open(journal: Journal) -> None:
    result, states = poll_scripted(journal, {0: {"finished": True}, 1: SENT, 2: WAITING}, {0: WAITING})
    assert not result.all_finished and result.detail_requests == 1
    assert states == ["waiting", "sent", "waiting"]
