"""What the status table and ``usosmail status`` show of each recipient, and how polling
counts changes and backs off (issue 19).

Campaigns are sent through the scripted client of tests/helpers/scripted.py into a real
journal; statuses come from a scripted ``StatusClient`` (what USOS says of each message
ID, request by request), so each answer the poller meets is chosen by the test.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.scripted import INSTALLATION, TEMPLATE, ScriptedClient, address, enqueue, new_campaign, run
from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import Journal, StatusUpdate
from usosmail_gui.core.polling import (
    CREDENTIALS_STOP,
    NOT_ADMIN_STOP,
    IntervalPolicy,
    PollResult,
    combine,
    next_interval,
    poll_once,
    watch,
)
from usosmail_gui.core.statuses import (
    DETAIL_PENDING_ERROR,
    EXPIRED_ERROR,
    NO_DETAIL_ERROR,
    RETENTION,
    RecipientStatusView,
    Status,
    StatusCounts,
    campaign_statuses,
    count_statuses,
    status_of,
)
from usosmail_gui.core.usos.errors import (
    BadParameter,
    CredentialsRejected,
    NotAdministrative,
    NotFound,
    OutcomeUncertain,
    ServerError,
    Unreachable,
    UsosError,
)
from usosmail_gui.core.usos.models import DeliveryStatus, MessageStatus, RecipientStatus


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.open(tmp_path / "journal.sqlite") as opened:
        yield opened


def one(
    status: DeliveryStatus, *, finished: bool = False, error: str | None = None, raw: str | None = None
) -> MessageStatus:
    shown_raw = raw if raw is not None else str(status)
    return MessageStatus(finished, (RecipientStatus("a@x.pl", status, error, shown_raw),))


WAITING = one(DeliveryStatus.WAITING)
SENT = one(DeliveryStatus.SENT, finished=True)

# What the scripted status client does with a request: an exception, or the status of
# each message ID asked (a function of the ID).
StatusAnswer = BaseException | Callable[[str], MessageStatus | None]


class ScriptedStatuses:
    """``StatusClient``: request n of check_messages_status answered by ``plural[n]``
    (then by the last one), check_message_status by ``singular``."""

    def __init__(self, *plural: StatusAnswer, singular: StatusAnswer = lambda mid: SENT) -> None:
        self.plural = list(plural)
        self.singular = singular
        self.asked: list[tuple[str, ...]] = []
        self.asked_alone: list[str] = []

    @staticmethod
    def _apply(step: StatusAnswer, mid: str) -> MessageStatus | None:
        if isinstance(step, BaseException):
            raise step
        return step(mid)

    def check_messages_status(self, message_ids: Sequence[str]) -> dict[str, MessageStatus | None]:
        self.asked.append(tuple(message_ids))
        step = self.plural.pop(0) if len(self.plural) > 1 else self.plural[0]
        return {mid: self._apply(step, mid) for mid in message_ids}

    def check_message_status(self, message_id: str) -> MessageStatus:
        self.asked_alone.append(message_id)
        found = self._apply(self.singular, message_id)
        assert found is not None
        return found


def mid(i: int) -> str:
    return f"id-{address(i)}"


def shown(journal: Journal, campaign: str, **kw: object) -> dict[str, tuple[str, str | None]]:
    return {v.email: (str(v.status), v.error) for v in campaign_statuses(journal, campaign, **kw)}  # type: ignore[arg-type]


# --- the status of recipients the send loop left rejected, uncertain or never sent ---------
def test_rejected_uncertain_and_never_sent_recipients_are_shown_as_such_with_their_reasons(
    journal: Journal,
) -> None:
    campaign = new_campaign(journal, 7, batch_size=2)
    refusal = BadParameter("The server refused parameter 'recipients'.", http_status=400)
    client = ScriptedClient(
        enqueue,  # 0, 1
        OutcomeUncertain("The request was sent but no answer came."),  # 2, 3
        refusal,
        enqueue,
        refusal,  # 4 enqueued alone, 5 rejected
        Unreachable("Could not reach the server."),  # 6: not sent, stop
    )
    run(journal, client, campaign)

    views = shown(journal, campaign)
    assert views == {
        address(0): ("waiting", None),
        address(1): ("waiting", None),
        address(2): ("uncertain", "The request was sent but no answer came."),
        address(3): ("uncertain", "The request was sent but no answer came."),
        address(4): ("waiting", None),
        address(5): ("rejected", "The server refused parameter 'recipients'."),
        address(6): ("not_sent", None),  # never reached USOS: no reason of USOS's to show
    }
    counts = count_statuses(campaign_statuses(journal, campaign))
    assert counts == StatusCounts(waiting=3, uncertain=2, rejected=1, not_sent=1)
    assert counts.messages == 7
    assert counts.as_json() == {
        "waiting": 3,
        "sent": 0,
        "failed": 0,
        "uncertain": 2,
        "rejected": 1,
        "expired": 0,
        "excluded": 0,
        "detail_pending": 0,
        "no_detail": 0,
        "unknown": 0,
    }


def test_every_status_counts_as_a_message_except_left_out_rows() -> None:
    counts = StatusCounts(
        waiting=1,
        sent=2,
        failed=3,
        uncertain=4,
        rejected=5,
        expired=6,
        not_sent=7,
        excluded=100,
        detail_pending=8,
        no_detail=9,
        unknown=10,
    )
    assert counts.messages == 55


def test_a_message_too_old_to_ask_about_is_shown_expired_before_any_poll(journal: Journal) -> None:
    campaign = new_campaign(journal, 2, batch_size=2)
    run(journal, ScriptedClient(), campaign)
    enqueued_at = datetime.fromisoformat(journal.recipients(campaign)[0].enqueued_at or "")
    moment = enqueued_at.astimezone(UTC) + timedelta(days=7)
    assert set(shown(journal, campaign, now=moment).values()) == {("expired", EXPIRED_ERROR)}
    just_before = moment - timedelta(seconds=1)
    assert set(shown(journal, campaign, now=just_before).values()) == {("waiting", None)}


@pytest.mark.parametrize(
    ("stored", "status", "raw"),
    [
        (None, Status.WAITING, None),
        ("", Status.WAITING, None),
        ("sent", Status.SENT, None),
        ("raw:bounced", Status.UNKNOWN, "bounced"),
        ("raw:", Status.UNKNOWN, ""),
        ("paused", Status.UNKNOWN, "paused"),
    ],
)
def test_stored_statuses_are_read_back_and_unknown_ones_kept_raw(
    stored: str | None, status: Status, raw: str | None
) -> None:
    assert status_of(stored) == (status, raw)


def test_an_unknown_status_is_shown_with_usos_own_value() -> None:
    view = RecipientStatusView(2, ("a@x.pl", "b@x.pl"), {}, "m1", Status.UNKNOWN, None, None, None, "bounced")
    assert view.shown_status == "unknown (bounced)"
    assert view.email == "a@x.pl, b@x.pl"
    plain = RecipientStatusView(2, ("a@x.pl",), {}, "m1", Status.SENT, None, None, None)
    assert plain.shown_status == "sent"
    assert RecipientStatusView(2, (), {}, None, Status.UNKNOWN, None, None, None).shown_status == "unknown"


# --- one message's status from what USOS says of each address ---------------------------------
def test_a_one_address_failure_keeps_usos_reason() -> None:
    update = combine("m1", one(DeliveryStatus.FAILED, finished=True, error="Mailbox full"))
    assert (update.status, update.error, update.finished) == ("failed", "Mailbox full", True)


def test_a_failure_without_a_reason_says_so() -> None:
    update = combine("m1", one(DeliveryStatus.FAILED, finished=True))
    assert update.error == "USOS reports the message as failed (no reason given)."


def test_a_message_to_several_addresses_names_the_address_of_each_failure() -> None:
    status = MessageStatus(
        True,
        (
            RecipientStatus("a@x.pl", DeliveryStatus.SENT),
            RecipientStatus("b@x.pl", DeliveryStatus.FAILED, "Mailbox full"),
            RecipientStatus("c@x.pl", DeliveryStatus.FAILED, "No such user"),
            RecipientStatus("d@x.pl", DeliveryStatus.FAILED),
        ),
    )
    update = combine("m1", status)
    assert (update.status, update.error) == (
        "failed",
        "b@x.pl: Mailbox full; c@x.pl: No such user; d@x.pl: failed (no reason given)",
    )  # never "d@x.pl: None"


def test_a_message_to_several_addresses_is_sent_only_when_all_are() -> None:
    both = MessageStatus(
        True, (RecipientStatus("a@x.pl", DeliveryStatus.SENT), RecipientStatus("b@x.pl", DeliveryStatus.SENT))
    )
    assert combine("m1", both).status == "sent"
    half = MessageStatus(
        False,
        (RecipientStatus("a@x.pl", DeliveryStatus.SENT), RecipientStatus("b@x.pl", DeliveryStatus.WAITING)),
    )
    assert (combine("m1", half).status, combine("m1", half).finished) == ("waiting", False)


def test_an_unknown_value_is_kept_raw_with_its_error() -> None:
    update = combine("m1", one(DeliveryStatus.UNKNOWN, finished=True, raw="bounced", error="550 gone"))
    assert (update.status, update.error, update.finished) == ("raw:bounced", "550 gone", True)
    several = MessageStatus(
        False,
        (
            RecipientStatus("a@x.pl", DeliveryStatus.UNKNOWN, None, "bounced"),
            RecipientStatus("b@x.pl", DeliveryStatus.UNKNOWN, "deferred twice", "deferred"),
            RecipientStatus("c@x.pl", DeliveryStatus.UNKNOWN, None, "bounced"),
            RecipientStatus("d@x.pl", DeliveryStatus.UNKNOWN, None, ""),
        ),
    )
    update = combine("m2", several)
    assert (update.status, update.error) == ("raw:bounced, deferred, (none)", "b@x.pl: deferred twice")


def test_a_finished_message_without_detail_and_a_message_still_waiting() -> None:
    assert combine("m1", MessageStatus(True)) == combine("m1", MessageStatus(True))
    update = combine("m1", MessageStatus(True))
    assert (update.status, update.error, update.finished) == ("no_detail", NO_DETAIL_ERROR, True)
    waiting = combine("m1", MessageStatus(False))
    assert (waiting.status, waiting.error, waiting.finished) == ("waiting", None, False)
    assert combine("m1", one(DeliveryStatus.WAITING, finished=True)).finished is True
    assert combine("m1", one(DeliveryStatus.SENT)).finished is False


# --- poll_once: what changed, and when to ask again -------------------------------------------
def sent_campaign(journal: Journal, count: int) -> str:
    campaign = new_campaign(journal, count, batch_size=count)
    run(journal, ScriptedClient(), campaign)
    return campaign


def test_a_poll_counts_only_what_changed_and_stops_asking_about_finished_messages(journal: Journal) -> None:
    campaign = sent_campaign(journal, 4)
    sent_two = lambda m: SENT if m in (mid(0), mid(1)) else WAITING  # noqa: E731
    client = ScriptedStatuses(lambda m: WAITING, lambda m: WAITING, sent_two, lambda m: SENT)

    first = poll_once(journal, client, campaign)
    assert (first.checked, first.changed, first.requests, first.all_finished) == (4, 4, 1, False)
    assert first.next_interval_hint == 2.0
    second = poll_once(journal, client, campaign, previous_interval=2.0)
    assert (second.checked, second.changed) == (4, 0)  # still waiting: nothing written
    assert second.next_interval_hint == 4.0  # no change: the wait doubles
    third = poll_once(journal, client, campaign, previous_interval=4.0)
    assert (third.checked, third.changed, third.all_finished) == (4, 2, False)
    assert third.next_interval_hint == 2.0  # a change: quick again
    assert {s for s, _ in shown(journal, campaign).values()} == {"sent", "waiting"}
    last = poll_once(journal, client, campaign, previous_interval=2.0)
    assert client.asked[-1] == (mid(2), mid(3))  # finished ones are not asked about again
    assert (last.checked, last.changed, last.all_finished, last.next_interval_hint) == (2, 2, True, None)


def test_a_poll_asks_in_chunks_of_the_given_size(journal: Journal) -> None:
    campaign = sent_campaign(journal, 5)
    client = ScriptedStatuses(lambda m: SENT)
    result = poll_once(journal, client, campaign, max_ids_per_request=2)
    assert [len(ids) for ids in client.asked] == [2, 2, 1]
    assert (result.requests, result.changed, result.all_finished) == (3, 5, True)
    with pytest.raises(ValueError, match="at least 1"):
        poll_once(journal, client, campaign, max_ids_per_request=0)


def test_an_id_usos_no_longer_knows_is_expired(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    client = ScriptedStatuses(lambda m: None if m == mid(0) else SENT)
    result = poll_once(journal, client, campaign)
    assert (result.expired, result.changed, result.all_finished) == (1, 2, True)
    assert shown(journal, campaign)[address(0)] == ("expired", EXPIRED_ERROR)


def test_a_finished_message_with_no_detail_is_asked_about_alone(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    failed = one(DeliveryStatus.FAILED, finished=True, error="Mailbox full")
    client = ScriptedStatuses(lambda m: MessageStatus(True), singular=lambda m: failed)
    result = poll_once(journal, client, campaign)
    assert sorted(client.asked_alone) == [mid(0), mid(1)]
    assert (result.requests, result.detail_requests, result.changed, result.all_finished) == (3, 2, 2, True)
    assert shown(journal, campaign)[address(1)] == ("failed", "Mailbox full")


def test_messages_past_retention_expire_without_a_request(journal: Journal) -> None:
    campaign = sent_campaign(journal, 3)
    client = ScriptedStatuses(lambda m: WAITING)
    later = datetime.now(UTC) + timedelta(days=8)
    result = poll_once(journal, client, campaign, now=later)
    assert client.asked == []
    assert (result.checked, result.expired, result.changed, result.all_finished) == (0, 3, 3, True)


@pytest.mark.parametrize(
    ("failure", "stop"),
    [
        (CredentialsRejected("no", http_status=401), CREDENTIALS_STOP),
        (NotAdministrative("no", http_status=403), NOT_ADMIN_STOP),
    ],
)
def test_rejected_keys_stop_polling_in_plain_words(journal: Journal, failure: Exception, stop: str) -> None:
    campaign = sent_campaign(journal, 2)
    result = poll_once(journal, ScriptedStatuses(failure), campaign)
    assert (result.stop_reason, result.next_interval_hint, result.all_finished) == (stop, None, False)
    assert (result.changed, result.offline) == (0, False)


@pytest.mark.parametrize(
    "failure", [Unreachable("Could not reach it."), ServerError("HTTP 503", http_status=503)]
)
def test_offline_polls_keep_what_was_learnt_and_back_off_to_the_offline_cap(
    journal: Journal, failure: Exception
) -> None:
    campaign = sent_campaign(journal, 2)
    poll_once(journal, ScriptedStatuses(lambda m: WAITING), campaign)
    policy = IntervalPolicy(first=2.0, factor=3.0, maximum=10.0, offline_maximum=50.0)
    result = poll_once(journal, ScriptedStatuses(failure), campaign, previous_interval=20.0, policy=policy)
    assert (result.offline, result.error) == (True, str(failure))
    assert (result.changed, result.all_finished) == (0, False)
    assert result.next_interval_hint == 50.0  # 60 capped at the offline maximum, above the online one
    assert {s for s, _ in shown(journal, campaign).values()} == {"waiting"}


# --- watch: poll, back off, stop ---------------------------------------------------------------
def test_watch_backs_off_while_nothing_changes_and_stops_when_all_are_finished(journal: Journal) -> None:
    campaign = sent_campaign(journal, 3)
    client = ScriptedStatuses(*([lambda m: WAITING] * 4), lambda m: SENT)
    slept: list[float] = []
    seen: list[PollResult] = []
    last = watch(journal, client, campaign, sleep=slept.append, on_result=seen.append)
    assert slept == [2.0, 4.0, 8.0, 16.0]
    assert [r.changed for r in seen] == [3, 0, 0, 0, 3]
    assert last is seen[-1] and last.all_finished and last.next_interval_hint is None
    assert {s for s, _ in shown(journal, campaign).values()} == {"sent"}


def test_watch_stops_when_asked_before_or_after_sleeping(journal: Journal) -> None:
    campaign = sent_campaign(journal, 1)
    client = ScriptedStatuses(lambda m: WAITING)
    slept: list[float] = []
    calls = iter([False, True])
    result = watch(journal, client, campaign, sleep=slept.append, should_stop=lambda: next(calls))
    assert slept == [2.0] and len(client.asked) == 1 and not result.all_finished
    immediately = watch(journal, client, campaign, sleep=slept.append, should_stop=lambda: True)
    assert slept == [2.0] and len(client.asked) == 2 and immediately.changed == 0


def test_watch_stops_on_a_stop_reason(journal: Journal) -> None:
    campaign = sent_campaign(journal, 1)
    slept: list[float] = []
    result = watch(journal, ScriptedStatuses(CredentialsRejected("no")), campaign, sleep=slept.append)
    assert slept == [] and result.stop_reason == CREDENTIALS_STOP


@pytest.mark.parametrize(
    ("previous", "kw", "expected"),
    [
        (None, {}, 2.0),
        (8.0, {"changed": True}, 2.0),
        (8.0, {}, 16.0),
        (1.0, {}, 4.0),
        (40.0, {}, 60.0),
        (200.0, {"offline": True}, 300.0),
        (8.0, {"changed": True, "offline": True}, 16.0),
        (8.0, {"refresh": True}, 0.0),
        (8.0, {"all_finished": True, "refresh": True}, None),
    ],
)
def test_the_interval_between_polls(
    previous: float | None, kw: dict[str, bool], expected: float | None
) -> None:
    kw.setdefault("changed", False)
    assert next_interval(previous, **kw) == expected


# --- a strict installation that refuses a whole request over one unknown ID -------------------
class Strict(ScriptedStatuses):
    """Refuses any check_messages_status holding ``unknown`` (as some installations do)."""

    def __init__(self, unknown: set[str], refusal: Exception) -> None:
        super().__init__(lambda m: SENT, singular=lambda m: SENT)
        self.unknown = unknown
        self.refusal = refusal

    def check_messages_status(self, message_ids: Sequence[str]) -> dict[str, MessageStatus | None]:
        if self.unknown.intersection(message_ids):
            self.asked.append(tuple(message_ids))
            raise self.refusal
        return super().check_messages_status(message_ids)

    def check_message_status(self, message_id: str) -> MessageStatus:
        if message_id in self.unknown:
            self.asked_alone.append(message_id)
            raise NotFound("unknown")
        return super().check_message_status(message_id)


@pytest.mark.parametrize(
    "refusal", [NotFound("unknown"), BadParameter("bad", param_name="message_ids"), BadParameter("bad")]
)
def test_a_refused_request_is_split_until_the_unknown_id_is_found_and_expired(
    journal: Journal, refusal: Exception
) -> None:
    campaign = sent_campaign(journal, 8)
    client = Strict({mid(5)}, refusal)
    result = poll_once(journal, client, campaign)
    assert client.asked_alone == [mid(5)]
    assert shown(journal, campaign)[address(5)] == ("expired", EXPIRED_ERROR)
    assert {shown(journal, campaign)[address(i)] for i in range(8) if i != 5} == {("sent", None)}
    assert (result.expired, result.changed, result.all_finished, result.error) == (1, 8, True, None)
    # halves 4+4, then 2+2, then 1+1, then the refused one alone (check_message_status)
    assert result.split_requests == result.requests - 1 == 7


def test_when_the_split_budget_is_spent_the_rest_waits_for_the_next_cycle(journal: Journal) -> None:
    campaign = sent_campaign(journal, 8)
    client = Strict({mid(5)}, NotFound("unknown"))
    result = poll_once(journal, client, campaign, max_split_requests=2)
    assert result.error == (
        "USOS refused to tell the statuses of 4 message(s) in this cycle; they are asked about again in "
        "the next one."
    )
    assert (result.all_finished, result.changed, result.stop_reason) == (False, 4, None)
    assert result.next_interval_hint == 2.0
    assert [s for s, _ in shown(journal, campaign).values()].count("sent") == 4


def test_a_refusal_over_another_parameter_stops_polling(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    refusal = BadParameter("refused fields", param_name="fields")
    result = poll_once(journal, ScriptedStatuses(refusal), campaign)
    assert result.stop_reason == "USOS refused to tell the statuses: refused fields"
    assert result.next_interval_hint is None and result.requests == 1
    other = poll_once(journal, ScriptedStatuses(UsosError("HTTP 418")), campaign)
    assert other.stop_reason == "USOS refused to tell the statuses: HTTP 418"


# --- asking about finished messages alone -----------------------------------------------------
def test_the_detail_budget_leaves_the_rest_to_ask_about_next_time(journal: Journal) -> None:
    campaign = sent_campaign(journal, 3)
    client = ScriptedStatuses(lambda m: MessageStatus(True), singular=lambda m: SENT)
    result = poll_once(journal, client, campaign, max_detail_requests=1, max_in_flight=1)
    assert client.asked_alone == [mid(0)]
    assert (result.detail_requests, result.all_finished) == (1, False)
    views = shown(journal, campaign)
    assert views[address(0)] == ("sent", None)
    assert views[address(1)][0] == views[address(2)][0] == "detail_pending"
    again = poll_once(journal, client, campaign)
    assert len(client.asked) == 1  # messages awaiting their detail are not asked about in bulk
    assert again.all_finished and sorted(client.asked_alone[1:]) == [mid(1), mid(2)]


@pytest.mark.parametrize(
    ("failure", "offline", "stop"),
    [
        (Unreachable("gone"), True, None),
        (CredentialsRejected("no"), False, CREDENTIALS_STOP),
        (NotAdministrative("no"), False, NOT_ADMIN_STOP),
        (
            BadParameter("bad"),
            False,
            "USOS refused to tell the status of message id-student0@student.example.edu.pl: bad",
        ),
    ],
)
def test_a_failed_detail_request_keeps_the_message_to_ask_again(
    journal: Journal, failure: Exception, offline: bool, stop: str | None
) -> None:
    campaign = sent_campaign(journal, 1)
    client = ScriptedStatuses(lambda m: MessageStatus(True), singular=failure)
    result = poll_once(journal, client, campaign)
    assert (result.offline, result.stop_reason, result.all_finished) == (offline, stop, False)
    assert shown(journal, campaign)[address(0)][0] == "detail_pending"


def test_a_message_the_detail_says_is_still_waiting_is_not_finished(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    client = ScriptedStatuses(lambda m: MessageStatus(True), singular=lambda m: WAITING)
    result = poll_once(journal, client, campaign, max_in_flight=2)
    assert (result.all_finished, result.detail_requests) == (False, 2)
    assert {s for s, _ in shown(journal, campaign).values()} == {"waiting"}
    no_detail = ScriptedStatuses(lambda m: MessageStatus(True), singular=lambda m: MessageStatus(True))
    final = poll_once(journal, no_detail, campaign)
    assert final.all_finished
    assert set(shown(journal, campaign).values()) == {("no_detail", NO_DETAIL_ERROR)}


def test_watch_after_an_earlier_poll_starts_with_the_first_interval(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    poll_once(journal, ScriptedStatuses(lambda m: WAITING), campaign)  # e.g. the window's poll
    client = ScriptedStatuses(lambda m: WAITING, lambda m: WAITING, lambda m: SENT)
    slept: list[float] = []
    seen: list[PollResult] = []
    watch(journal, client, campaign, sleep=slept.append, on_result=seen.append)
    assert [r.changed for r in seen] == [0, 0, 2]
    assert slept == [2.0, 4.0]  # nothing new at first: still the first interval, then doubled


def test_a_refused_id_that_cannot_be_asked_alone_waits_for_the_next_cycle(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)

    class Offline(Strict):
        def check_message_status(self, message_id: str) -> MessageStatus:
            raise Unreachable("gone")

    client = Offline({mid(1)}, NotFound("unknown"))
    result = poll_once(journal, client, campaign)
    assert (result.offline, result.all_finished, result.changed) == (True, False, 1)
    assert shown(journal, campaign)[address(1)] == ("waiting", None)


def test_when_the_network_goes_while_splitting_the_other_half_waits(journal: Journal) -> None:
    campaign = sent_campaign(journal, 4)

    class GoesAway(Strict):
        def check_messages_status(self, message_ids: Sequence[str]) -> dict[str, MessageStatus | None]:
            if len(message_ids) == 2:
                raise Unreachable("gone")
            return super().check_messages_status(message_ids)

    result = poll_once(journal, GoesAway({mid(0)}, NotFound("unknown")), campaign)
    assert (result.offline, result.error, result.changed, result.all_finished) == (True, "gone", 0, False)
    assert result.requests == 2  # the first half failed: the second was not asked


def test_once_a_detail_request_fails_no_more_are_made_this_cycle(journal: Journal) -> None:
    campaign = sent_campaign(journal, 3)
    client = ScriptedStatuses(lambda m: MessageStatus(True), singular=Unreachable("gone"))
    result = poll_once(journal, client, campaign, max_in_flight=1)
    assert client.asked_alone == [mid(0)]
    assert (result.offline, result.detail_requests) == (True, 1)
    assert {s for s, _ in shown(journal, campaign).values()} == {"detail_pending"}


def test_a_finished_message_usos_no_longer_knows_when_asked_alone_is_expired(journal: Journal) -> None:
    campaign = sent_campaign(journal, 1)

    class Forgets(ScriptedStatuses):
        def check_message_status(self, message_id: str) -> MessageStatus:
            raise NotFound("unknown")

    result = poll_once(journal, Forgets(lambda m: MessageStatus(True)), campaign)
    assert (result.expired, result.all_finished) == (1, True)
    assert shown(journal, campaign)[address(0)] == ("expired", EXPIRED_ERROR)


def test_messages_awaiting_their_detail_wait_when_the_network_goes(journal: Journal) -> None:
    campaign = sent_campaign(journal, 4)
    client = ScriptedStatuses(lambda m: MessageStatus(True), Unreachable("gone"))
    result = poll_once(journal, client, campaign, max_ids_per_request=2)
    assert client.asked_alone == []  # offline: nobody is asked alone
    assert (result.offline, result.all_finished) == (True, False)
    views = shown(journal, campaign)
    assert [views[address(i)][0] for i in range(4)] == ["detail_pending"] * 2 + ["waiting"] * 2


def test_a_purged_campaign_counts_as_kept(journal: Journal) -> None:
    from usosmail_gui.core.statuses import campaign_counts

    campaign = sent_campaign(journal, 2)
    views = campaign_statuses(journal, campaign)
    assert campaign_counts(journal, campaign, views) == StatusCounts(waiting=2)
    journal.purge(campaign, lambda: {"statuses": {"sent": 2, "failed": 1, "bogus": 4, "expired": "x"}})
    assert campaign_counts(journal, campaign, []) == StatusCounts(sent=2, failed=1)
    other = sent_campaign(journal, 1)
    journal.purge(other, lambda: {"statuses": ["sent"]})
    assert campaign_counts(journal, other, []) == StatusCounts()


def test_watch_decides_what_is_too_old_by_its_clock(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    client = ScriptedStatuses(lambda m: WAITING)
    later = datetime.now(UTC) + timedelta(days=8)
    result = watch(journal, client, campaign, sleep=lambda s: None, clock=lambda: later)
    assert client.asked == [] and (result.expired, result.all_finished) == (2, True)


def test_the_split_budget_is_two_requests_a_split(journal: Journal) -> None:
    campaign = sent_campaign(journal, 8)
    client = Strict({mid(5)}, NotFound("unknown"))
    result = poll_once(journal, client, campaign, max_split_requests=6)  # 8 → 4+4 → 2+2 → 1+1
    assert (result.all_finished, result.error, result.expired) == (True, None, 1)


def test_an_id_answered_alone_while_splitting_is_not_asked_again_for_its_detail(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)

    class StrictNoDetail(Strict):
        def check_message_status(self, message_id: str) -> MessageStatus:
            self.asked_alone.append(message_id)
            return MessageStatus(True)

    client = StrictNoDetail({mid(1)}, NotFound("unknown"))
    result = poll_once(journal, client, campaign)
    assert client.asked_alone == [mid(1)]  # once, while splitting
    assert (result.detail_requests, result.all_finished) == (0, True)
    assert shown(journal, campaign)[address(1)] == ("no_detail", NO_DETAIL_ERROR)


# --- what each line of the status table holds -------------------------------------------------
def test_each_line_carries_its_rows_cells_message_id_and_when_it_was_enqueued(journal: Journal) -> None:
    campaign = new_campaign(journal, 3, batch_size=2)
    run(journal, ScriptedClient(enqueue, Unreachable("Could not reach the server.")), campaign)
    records = {r.addresses[0]: r for r in journal.recipients(campaign)}
    views = {v.email: v for v in campaign_statuses(journal, campaign)}
    for i in (0, 1):
        record, view = records[address(i)], views[address(i)]
        assert view == RecipientStatusView(
            row=record.row,
            addresses=(address(i),),
            values=dict(record.record),
            message_id=mid(i),
            status=Status.WAITING,
            error=None,
            enqueued_at=record.enqueued_at,
            finished_at=None,
            raw_status=None,
            seq=record.seq,
        )
        assert view.values["E-mail"] == address(i) and view.enqueued_at is not None
    never = views[address(2)]
    assert (never.status, never.message_id, never.error, never.raw_status) == (
        Status.NOT_SENT,
        None,
        None,
        None,
    )
    assert never.values["E-mail"] == address(2) and never.seq == records[address(2)].seq


def left_out_campaign(journal: Journal) -> str:
    rows = demo_rows(3)
    rows[1][3] = ""  # no address in the cell
    rows[2][3] = "jan.kowalski(at)uw.edu.pl"  # not an address
    draft = build_campaign(make_table(rows), TEMPLATE, installation=INSTALLATION, key_fingerprint="f" * 16)
    return journal.create_campaign(draft).id


def test_left_out_rows_show_their_cells_the_address_as_written_and_the_reason(journal: Journal) -> None:
    campaign = left_out_campaign(journal)
    left_out = {item.row: item for item in journal.excluded(campaign)}
    assert sorted(left_out) == [3, 4]
    views = campaign_statuses(journal, campaign)
    assert [v.row for v in views] == [2, 3, 4]  # the sheet's order
    empty, written = views[1], views[2]
    assert empty.addresses == () and empty.email == ""  # nothing written: no address shown
    assert written.addresses == ("jan.kowalski(at)uw.edu.pl",)
    for view in (empty, written):
        item = left_out[view.row]
        assert (view.status, view.message_id, view.enqueued_at, view.finished_at) == (
            Status.EXCLUDED,
            None,
            None,
            None,
        )
        assert view.values == dict(item.record) and view.values["Imię"] == demo_rows(3)[view.row - 2][0]
        assert view.error == item.reason and view.error
        assert view.sentences == item.sentences and view.sentences
    assert count_statuses(views) == StatusCounts(not_sent=1, excluded=2)
    assert [v.row for v in campaign_statuses(journal, campaign, excluded=False)] == [2]


def test_left_out_rows_of_a_campaign_without_an_address_column_show_no_address(
    journal: Journal, tmp_path: Path
) -> None:
    campaign = left_out_campaign(journal)
    path = tmp_path / "journal.sqlite"
    conn = sqlite3.connect(path)  # a campaign stored with no e-mail column (an earlier version's)
    conn.execute("UPDATE campaigns SET email_column = NULL WHERE id = ?", (campaign,))
    conn.execute("UPDATE excluded SET addresses = '[]' WHERE campaign = ?", (campaign,))
    conn.commit()
    conn.close()
    views = campaign_statuses(journal, campaign)
    assert [v.addresses for v in views if v.status is Status.EXCLUDED] == [(), ()]


# --- one status for a message to several addresses ----------------------------------------------
def test_a_message_every_address_received_is_sent_under_its_own_id() -> None:
    both = MessageStatus(
        True,
        (
            RecipientStatus("a@x.pl", DeliveryStatus.SENT, None, "sent"),
            RecipientStatus("b@x.pl", DeliveryStatus.SENT, None, "sent"),
        ),
    )
    assert combine("m-7", both) == StatusUpdate("m-7", Status.SENT, None, True)


def test_a_finished_message_with_an_address_still_waiting_is_waiting_under_its_own_id() -> None:
    half = MessageStatus(
        True,
        (
            RecipientStatus("a@x.pl", DeliveryStatus.SENT, None, "sent"),
            RecipientStatus("b@x.pl", DeliveryStatus.WAITING, None, "waiting"),
        ),
    )
    assert combine("m-8", half) == StatusUpdate("m-8", Status.WAITING, None, True)


def test_unknown_values_for_several_addresses_keep_each_addresss_error() -> None:
    odd = MessageStatus(
        False,
        (
            RecipientStatus("a@x.pl", DeliveryStatus.UNKNOWN, "greylisted", "deferred"),
            RecipientStatus("b@x.pl", DeliveryStatus.UNKNOWN, "queue full", "deferred"),
        ),
    )
    assert combine("m-9", odd) == StatusUpdate(
        "m-9", "raw:deferred", "a@x.pl: greylisted; b@x.pl: queue full", False
    )


# --- detail requests ------------------------------------------------------------------------------
def test_a_detail_budget_of_none_asks_no_message_alone(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    client = ScriptedStatuses(lambda m: MessageStatus(True), singular=lambda m: SENT)
    result = poll_once(journal, client, campaign, max_detail_requests=0)
    assert client.asked_alone == [] and (result.detail_requests, result.all_finished) == (0, False)
    assert {s for s, _ in shown(journal, campaign).values()} == {"detail_pending"}


def test_when_the_network_goes_during_a_detail_request_its_words_are_shown(journal: Journal) -> None:
    campaign = sent_campaign(journal, 1)
    client = ScriptedStatuses(
        lambda m: MessageStatus(True), singular=Unreachable("Could not reach usos.example.")
    )
    result = poll_once(journal, client, campaign)
    assert (result.offline, result.error) == (True, "Could not reach usos.example.")


def test_two_detail_requests_are_in_flight_at_once(journal: Journal) -> None:
    """Asked in parallel: each detail request waits for the other to have started."""
    campaign = sent_campaign(journal, 2)
    together = threading.Barrier(2, timeout=10)

    def both_at_once(message_id: str) -> MessageStatus:
        together.wait()
        return SENT

    client = ScriptedStatuses(lambda m: MessageStatus(True), singular=both_at_once)
    result = poll_once(journal, client, campaign, max_in_flight=2)
    assert (result.detail_requests, result.changed, result.all_finished) == (2, 2, True)
    assert {s for s, _ in shown(journal, campaign).values()} == {"sent"}


# --- watch passes its settings to every poll --------------------------------------------------------
def test_watch_asks_in_chunks_of_the_given_size_and_waits_as_its_policy_says(journal: Journal) -> None:
    campaign = sent_campaign(journal, 3)
    client = ScriptedStatuses(*([lambda m: WAITING] * 4), lambda m: SENT)  # two requests a poll
    slept: list[float] = []
    policy = IntervalPolicy(first=5.0, factor=3.0, maximum=100.0)
    last = watch(journal, client, campaign, sleep=slept.append, max_ids_per_request=2, policy=policy)
    assert client.asked[:2] == [(mid(0), mid(1)), (mid(2),)]
    assert slept == [5.0, 15.0]
    assert last.all_finished


def test_left_out_rows_stored_before_their_cells_were_kept_show_no_address_and_no_cells(
    journal: Journal, tmp_path: Path
) -> None:
    campaign = left_out_campaign(journal)
    conn = sqlite3.connect(tmp_path / "journal.sqlite")  # as journal format 1 stored them
    conn.execute(
        "UPDATE excluded SET record = NULL, sentences = NULL, addresses = '[]' WHERE campaign = ?",
        (campaign,),
    )
    conn.commit()
    conn.close()
    left_out = [v for v in campaign_statuses(journal, campaign) if v.status is Status.EXCLUDED]
    assert [(v.row, v.addresses, v.values, v.sentences) for v in left_out] == [
        (3, (), {}, ()),
        (4, (), {}, ()),
    ]
    assert all(v.error for v in left_out)  # the reason is still shown


def test_one_message_id_a_request_is_allowed_and_none_is_refused(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    client = ScriptedStatuses(lambda m: SENT)
    result = poll_once(journal, client, campaign, max_ids_per_request=1)
    assert client.asked == [(mid(0),), (mid(1),)] and result.all_finished
    with pytest.raises(ValueError, match=r"^max_ids_per_request must be at least 1$"):
        poll_once(journal, client, campaign, max_ids_per_request=0)


def test_a_message_expires_exactly_seven_days_after_it_was_enqueued_and_shows_no_finish_time(
    journal: Journal,
) -> None:
    campaign = sent_campaign(journal, 1)
    enqueued = datetime.fromisoformat(str(journal.recipients(campaign)[0].enqueued_at))
    client = ScriptedStatuses(lambda m: WAITING)
    before = poll_once(journal, client, campaign, now=enqueued + RETENTION - timedelta(seconds=1))
    assert (before.expired, len(client.asked)) == (0, 1)
    exactly = poll_once(journal, client, campaign, now=enqueued + RETENTION)
    assert (exactly.expired, exactly.all_finished, len(client.asked)) == (1, True, 1)
    [view] = campaign_statuses(journal, campaign, now=enqueued + RETENTION)
    assert (view.status, view.error, view.finished_at) == (Status.EXPIRED, EXPIRED_ERROR, None)


def view_of(journal: Journal, campaign: str, i: int) -> RecipientStatusView:
    return next(v for v in campaign_statuses(journal, campaign) if v.email == address(i))


def test_an_id_usos_no_longer_knows_shows_no_finish_time(journal: Journal) -> None:
    campaign = sent_campaign(journal, 1)
    result = poll_once(journal, ScriptedStatuses(lambda m: None), campaign)
    assert (result.expired, result.all_finished) == (1, True)
    view = view_of(journal, campaign, 0)
    assert (view.status, view.finished_at) == (Status.EXPIRED, None)


def test_messages_awaiting_their_detail_count_as_checked(journal: Journal) -> None:
    campaign = sent_campaign(journal, 3)
    first = poll_once(
        journal, ScriptedStatuses(lambda m: MessageStatus(True)), campaign, max_detail_requests=0
    )
    assert (first.checked, first.changed) == (3, 3)
    again = poll_once(journal, ScriptedStatuses(lambda m: WAITING), campaign, max_detail_requests=0)
    assert (again.checked, again.changed, again.requests) == (3, 0, 0)


def test_an_unknown_value_usos_repeats_is_not_counted_as_a_change(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    deferred = lambda m: one(DeliveryStatus.UNKNOWN, raw="deferred")  # noqa: E731
    client = ScriptedStatuses(deferred)
    assert poll_once(journal, client, campaign).changed == 2
    assert poll_once(journal, client, campaign).changed == 0
    assert view_of(journal, campaign, 0).raw_status == "deferred"


def test_a_message_still_waiting_does_not_hide_the_next_ones_news(journal: Journal) -> None:
    campaign = sent_campaign(journal, 3)
    poll_once(journal, ScriptedStatuses(lambda m: WAITING), campaign)
    not_yet_final = one(DeliveryStatus.SENT)  # sent, USOS not finished with it yet
    client = ScriptedStatuses(lambda m: WAITING if m == mid(0) else not_yet_final)
    result = poll_once(journal, client, campaign)
    assert result.changed == 2 and not result.all_finished
    assert [view_of(journal, campaign, i).status for i in range(3)] == [
        Status.WAITING,
        Status.SENT,
        Status.SENT,
    ]


def test_a_message_whose_detail_was_not_asked_says_why(journal: Journal) -> None:
    campaign = sent_campaign(journal, 1)
    poll_once(journal, ScriptedStatuses(lambda m: MessageStatus(True)), campaign, max_detail_requests=0)
    view = view_of(journal, campaign, 0)
    assert (view.status, view.error) == (Status.DETAIL_PENDING, DETAIL_PENDING_ERROR)


def test_every_message_usos_forgot_when_asked_alone_is_expired_with_no_finish_time(journal: Journal) -> None:
    campaign = sent_campaign(journal, 3)

    class Forgets(ScriptedStatuses):
        def check_message_status(self, message_id: str) -> MessageStatus:
            raise NotFound("unknown")

    result = poll_once(journal, Forgets(lambda m: MessageStatus(True)), campaign, max_in_flight=1)
    assert (result.expired, result.all_finished) == (3, True)
    views = [view_of(journal, campaign, i) for i in range(3)]
    assert [(v.status, v.finished_at) for v in views] == [(Status.EXPIRED, None)] * 3


def test_one_message_waiting_and_one_sent_but_not_final_is_not_all_finished(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    poll_once(journal, ScriptedStatuses(lambda m: WAITING), campaign)
    client = ScriptedStatuses(lambda m: WAITING if m == mid(0) else one(DeliveryStatus.SENT))
    result = poll_once(journal, client, campaign)
    assert not result.all_finished and result.next_interval_hint is not None


def test_messages_awaiting_their_detail_while_offline_say_why_they_wait(journal: Journal) -> None:
    campaign = sent_campaign(journal, 4)
    client = ScriptedStatuses(lambda m: MessageStatus(True), Unreachable("gone"))
    poll_once(journal, client, campaign, max_ids_per_request=2)
    assert [(view_of(journal, campaign, i).status, view_of(journal, campaign, i).error) for i in (0, 1)] == [
        (Status.DETAIL_PENDING, DETAIL_PENDING_ERROR)
    ] * 2


def test_a_waiting_message_usos_has_finished_with_leaves_the_poll(journal: Journal) -> None:
    campaign = sent_campaign(journal, 1)
    poll_once(journal, ScriptedStatuses(lambda m: WAITING), campaign)
    client = ScriptedStatuses(lambda m: one(DeliveryStatus.WAITING, finished=True))
    result = poll_once(journal, client, campaign)
    assert result.all_finished and result.next_interval_hint is None
    assert poll_once(journal, client, campaign).checked == 0


def test_messages_left_awaiting_their_detail_offline_are_asked_alone_once_back_online(
    journal: Journal,
) -> None:
    campaign = sent_campaign(journal, 4)
    poll_once(
        journal,
        ScriptedStatuses(lambda m: MessageStatus(True), Unreachable("gone")),
        campaign,
        max_ids_per_request=2,
    )
    back = ScriptedStatuses(lambda m: WAITING, singular=lambda m: SENT)
    poll_once(journal, back, campaign, max_ids_per_request=2)
    assert sorted(back.asked_alone) == [mid(0), mid(1)]
    assert [view_of(journal, campaign, i).status for i in (0, 1)] == [Status.SENT, Status.SENT]


def test_a_single_change_brings_the_next_poll_back_to_the_first_interval(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    client = ScriptedStatuses(lambda m: SENT if m == mid(0) else WAITING)
    poll_once(journal, ScriptedStatuses(lambda m: WAITING), campaign)
    result = poll_once(journal, client, campaign, previous_interval=16.0)
    assert result.changed == 1 and result.next_interval_hint == 2.0
