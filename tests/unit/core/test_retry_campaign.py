"""Sending again: a new campaign of an earlier one's failed (and, if asked, uncertain)
recipients, exactly as stored, through the journal."""

from __future__ import annotations

import pytest

from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.core.campaign import CampaignError, SendMode, key_fingerprint
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import BatchKind, Journal, StatusUpdate
from usosmail_gui.core.retry import retry_draft
from usosmail_gui.core.template import MessageTemplate

TEMPLATE = MessageTemplate(
    subject="Decyzja dla {Imię}", content="Dzień dobry {Imię} {Nazwisko}.", from_name="Dziekanat"
)
URL = "https://usosapps.example.edu.pl/"


def _sent(journal: Journal, mode: SendMode) -> str:
    """Five recipients: 1 sent, 2 failed, 3 uncertain, 4 failed, 5 waiting."""
    draft = build_campaign(
        make_table(demo_rows(5)), TEMPLATE, installation=URL, key_fingerprint="sha256:x", mode=mode
    )
    campaign = journal.create_campaign(draft).id
    batch = journal.start_batch(campaign, [1, 2, 4, 5], kind=BatchKind.BATCH, method="m", body_bytes=1)
    journal.batch_answered(batch, [(1, "m1"), (2, "m2"), (4, "m4"), (5, "m5")])
    journal.record_statuses(
        campaign,
        [
            StatusUpdate("m1", "sent", finished=True),
            StatusUpdate("m2", "failed", "mailbox full", finished=True),
            StatusUpdate("m4", "failed", "no such user", finished=True),
            StatusUpdate("m5", "waiting"),
        ],
    )
    uncertain = journal.start_batch(campaign, [3], kind=BatchKind.SINGLE, method="m", body_bytes=1)
    journal.batch_uncertain(uncertain, "timeout")
    return campaign


@pytest.mark.parametrize("mode", list(SendMode))
def test_a_retry_holds_exactly_the_failed_recipients_as_stored(mode: SendMode) -> None:
    with Journal.open() as journal:
        campaign = _sent(journal, mode)
        old = {r.row: r for r in journal.recipients(campaign)}
        fingerprint = key_fingerprint("new-key")
        draft = retry_draft(journal, campaign, installation=URL, key_fingerprint=fingerprint)
        assert [m.seq for m in draft.messages] == [1, 2]
        rows = [m.row for m in draft.messages]
        assert rows == [old[r].row for r in sorted(old) if old[r].status == "failed"]
        for message in draft.messages:
            before = old[message.row]
            assert (message.addresses, message.subject, message.content) == (
                before.addresses,
                before.subject,
                before.content,
            )
            assert message.params == before.params
        assert draft.template == TEMPLATE and draft.mode is mode and not draft.is_test
        assert draft.key_fingerprint == fingerprint and draft.excluded == ()
        assert draft.first_subject.startswith("Decyzja dla ")
        with_uncertain = retry_draft(
            journal, campaign, installation=URL, key_fingerprint=fingerprint, include_uncertain=True
        )
        assert with_uncertain.recipient_count == 3
        # the new campaign is stored like any other and is pending
        stored = journal.create_campaign(draft).id
        assert journal.counts(stored).pending == 2


def test_a_campaign_without_failures_cannot_be_retried() -> None:
    with Journal.open() as journal:
        draft = build_campaign(make_table(demo_rows(2)), TEMPLATE, installation=URL, key_fingerprint="k")
        campaign = journal.create_campaign(draft).id
        with pytest.raises(CampaignError, match="nobody"):
            retry_draft(journal, campaign, installation=URL, key_fingerprint="k")


def test_a_retry_through_another_installation_is_refused_naming_the_right_one() -> None:
    """Issue 14: practise in the sandbox, connect to the real USOS, "Send again to failed":
    no draft is made, so nothing can go out through the wrong installation."""
    with Journal.open() as journal:
        campaign = _sent(journal, SendMode.MESSAGES)
        with pytest.raises(CampaignError, match=f"was sent through {URL}, not https://usos.other.edu.pl/"):
            retry_draft(journal, campaign, installation="https://usos.other.edu.pl", key_fingerprint="k")
        assert retry_draft(journal, campaign, installation=URL.rstrip("/"), key_fingerprint="k").messages
