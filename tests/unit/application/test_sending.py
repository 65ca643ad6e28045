"""application/sending.py: a send, a resume, interrupted campaigns, against a real sandbox
and a journal the test gives (never the user's default one)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.tables import demo_rows, make_table
from tests.unit.application.conftest import TEMPLATE, JournalFactory, run_to_end, sent_campaign
from usosmail_gui.application.collaborators import mailing_client
from usosmail_gui.application.sending import (
    CampaignStarted,
    PreflightFailed,
    SendRequest,
    StoppedBeforeStart,
    find_interrupted,
    leave_uncertain,
    send_job,
)
from usosmail_gui.core.campaign import key_fingerprint
from usosmail_gui.core.credentials import Credentials
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import BatchKind, CampaignRecord, RecipientState, journal_path
from usosmail_gui.core.sending import StopReason
from usosmail_gui.core.usos.client import MailingClient
from usosmail_gui.core.usos.connection import check_connection
from usosmail_gui.sandbox import Sandbox


def test_a_new_campaign_is_stored_in_the_given_journal_and_sent_through_the_given_client(
    sandbox: Sandbox, journals: JournalFactory
) -> None:
    made: list[str] = []

    def clients(base_url: str, key: str, secret: str, **options: Any) -> MailingClient:
        made.append(base_url)
        return mailing_client(base_url, key, secret, **options)

    draft = build_campaign(
        make_table(demo_rows(4)), TEMPLATE, installation=sandbox.url, key_fingerprint="sha256:x"
    )
    credentials = Credentials(sandbox.admin_key, sandbox.admin_secret)
    request = SendRequest(sandbox.url, credentials, draft=lambda: draft, check=check_connection)
    steps = send_job(request, threading.Event(), journals=journals, clients=clients)
    first = next(steps)
    assert isinstance(first, CampaignStarted) and first.counts.pending == 4
    for _ in steps:
        pass
    assert made == [sandbox.url]
    with journals() as journal:
        counts = journal.counts(first.campaign.id)
    assert counts.enqueued == 4
    assert not journal_path().exists()  # the user's journal was never opened


def test_a_failed_preflight_check_stores_and_sends_nothing(
    sandbox: Sandbox, journals: JournalFactory
) -> None:
    draft = build_campaign(make_table(demo_rows(2)), TEMPLATE, installation=sandbox.url, key_fingerprint="k")
    wrong = Credentials(sandbox.admin_key, "not-the-secret")
    steps = send_job(
        SendRequest(sandbox.url, wrong, draft=lambda: draft, check=check_connection),
        threading.Event(),
        journals=journals,
    )
    with pytest.raises(PreflightFailed):
        next(steps)
    with journals() as journal:
        assert journal.campaigns() == []


def test_a_stop_before_the_campaign_is_stored_stores_nothing(
    sandbox: Sandbox, journals: JournalFactory
) -> None:
    stop = threading.Event()
    stop.set()
    draft = build_campaign(make_table(demo_rows(2)), TEMPLATE, installation=sandbox.url, key_fingerprint="k")
    steps = send_job(
        SendRequest(sandbox.url, Credentials(sandbox.admin_key, sandbox.admin_secret), draft=lambda: draft),
        stop,
        journals=journals,
    )
    with pytest.raises(StoppedBeforeStart):
        next(steps)
    with journals() as journal:
        assert journal.campaigns() == []


def _interrupted(sandbox: Sandbox, journals: JournalFactory) -> CampaignRecord:
    """A campaign of three: row 2 uncertain (its request may have reached USOS), rows 3-4 never sent."""
    draft = build_campaign(
        make_table(demo_rows(3)),
        TEMPLATE,
        installation=sandbox.url,
        key_fingerprint=key_fingerprint(sandbox.admin_key),
    )
    with journals() as journal:
        record = journal.create_campaign(draft)
        batch = journal.start_batch(record.id, [1], kind=BatchKind.SINGLE, method="m", body_bytes=1)
        journal.batch_uncertain(batch, "timeout")
    return record


def test_interrupted_campaigns_are_found_with_their_undecided_uncertain_recipients_and_resumed(
    sandbox: Sandbox, journals: JournalFactory, journal_file: Path
) -> None:
    from usosmail_gui.core.journal import Journal

    record = _interrupted(sandbox, journals)
    found = find_interrupted(journals=lambda: Journal.open_to_read(journal_file))
    assert [f.campaign.id for f in found] == [record.id]
    assert [r.seq for r in found[0].uncertain] == [1]
    assert leave_uncertain(record.id, [1], journals=journals) == 1
    again = find_interrupted(journals=lambda: Journal.open_to_read(journal_file))
    assert again[0].uncertain == ()
    credentials = Credentials(sandbox.admin_key, sandbox.admin_secret)
    outcome = run_to_end(SendRequest(sandbox.url, credentials, campaign=record.id), journals)
    assert outcome.result.stop is StopReason.FINISHED
    states = {r.seq: r.state for r in _recipients(journals, record.id)}
    assert states == {1: RecipientState.UNCERTAIN, 2: RecipientState.ENQUEUED, 3: RecipientState.ENQUEUED}


def _recipients(journals: JournalFactory, campaign: str) -> list[Any]:
    with journals() as journal:
        return journal.recipients(campaign)


def test_a_request_needs_exactly_one_of_a_draft_and_a_campaign() -> None:
    credentials = Credentials("k", "s")
    with pytest.raises(ValueError, match="exactly one"):
        SendRequest("https://x/", credentials)
    draft: Callable[[], Any] = lambda: None  # noqa: E731
    with pytest.raises(ValueError, match="exactly one"):
        SendRequest("https://x/", credentials, draft=draft, campaign="c1")


def test_the_outcome_lists_what_the_summary_shows(sandbox: Sandbox, journals: JournalFactory) -> None:
    outcome = sent_campaign(sandbox, journals, 3)
    assert outcome.result.counts.enqueued == 3 and outcome.rejected == () and outcome.uncertain == ()
    assert outcome.campaign.installation == sandbox.url
