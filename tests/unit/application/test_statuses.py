"""application/statuses.py: statuses read from the given journal, or one poll of a real
sandbox written to it and read back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.unit.application.conftest import JournalFactory, sent_campaign
from usosmail_gui.application.collaborators import mailing_client
from usosmail_gui.application.statuses import poll_statuses, read_statuses
from usosmail_gui.core.statuses import Status
from usosmail_gui.core.usos.client import MailingClient
from usosmail_gui.sandbox import Sandbox


def no_answers(installation: str, campaign: str) -> Any:
    return lambda method, body: None


def test_reading_asks_nobody_and_shows_every_recipient_waiting(
    sandbox: Sandbox, journals: JournalFactory
) -> None:
    campaign = sent_campaign(sandbox, journals, 3).campaign
    served = sum(sandbox.requests_served.values())
    snapshot = read_statuses(campaign.id, journals=journals)
    assert sum(sandbox.requests_served.values()) == served
    assert snapshot.campaign == campaign.id and snapshot.subject == campaign.template.subject
    assert [v.status for v in snapshot.views] == [Status.WAITING] * 3
    assert snapshot.messages == 3 and snapshot.finished == 0 and snapshot.poll is None
    assert set(snapshot.row_statuses()) == {v.row for v in snapshot.views}
    assert snapshot.source_path == campaign.source_path


def test_a_poll_writes_what_usos_says_and_reads_it_back(sandbox: Sandbox, journals: JournalFactory) -> None:
    campaign = sent_campaign(sandbox, journals, 3).campaign
    assert sandbox.wait_delivered(timeout=30)  # delivered by the sandbox's own thread
    asked: list[str] = []

    def clients(base_url: str, key: str, secret: str, **options: Any) -> MailingClient:
        asked.append(options["lang"])
        return mailing_client(base_url, key, secret, **options)

    snapshot = poll_statuses(
        campaign.id, sandbox.url, sandbox.admin_key, sandbox.admin_secret, None,
        read_queue=True, lang="pl", journals=journals, clients=clients, answers=no_answers,
    )
    assert asked == ["pl"]
    assert snapshot.poll is not None and not snapshot.poll.offline
    assert snapshot.queue is not None and snapshot.unsent_count == snapshot.queue.pending
    assert [v.status for v in snapshot.views] == [Status.SENT] * 3
    assert snapshot.finished == 3
    assert [v.status for v in read_statuses(campaign.id, journals=journals).views] == [Status.SENT] * 3


def test_past_usos_seven_days_a_waiting_message_is_expired(
    sandbox: Sandbox, journals: JournalFactory
) -> None:
    campaign = sent_campaign(sandbox, journals, 2).campaign
    later = datetime.now(UTC) + timedelta(days=8)
    snapshot = read_statuses(campaign.id, later, journals=journals)
    assert {v.status for v in snapshot.views} == {Status.EXPIRED}
    assert snapshot.finished == 2
