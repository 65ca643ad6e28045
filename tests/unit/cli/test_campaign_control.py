"""``usosmail close`` and ``usosmail retry``, run in-process (so coverage sees them) against
a real sandbox and the test's own journal: a closed campaign sends nothing more, and a
campaign is never sent again through another installation than its own."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest

from tests.helpers.campaigns import FAIL_DOMAIN, client_for, new_campaign, rows_failing, sent_campaign
from usosmail_gui.cli import main
from usosmail_gui.core.journal import BatchKind, CampaignBusy, CampaignClosed, Journal, RecipientState
from usosmail_gui.core.polling import poll_once
from usosmail_gui.core.sending import send_campaign
from usosmail_gui.core.usos import wire
from usosmail_gui.sandbox import Sandbox

SEND_PATHS = (wire.SEND_SIMPLE_MESSAGE, wire.SEND_SIMPLE_MESSAGES, wire.SEND_SIMPLE_BY_TEMPLATE)


def sends_served(sb: Sandbox) -> int:
    return sum(sb.requests_served[p] for p in SEND_PATHS)


@pytest.fixture
def sb(make_sandbox: Callable[..., Sandbox], monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    sandbox = make_sandbox(fail_domain=FAIL_DOMAIN)
    monkeypatch.setenv("USOSMAIL_CONSUMER_KEY", sandbox.admin_key)
    monkeypatch.setenv("USOSMAIL_CONSUMER_SECRET", sandbox.admin_secret)
    return sandbox


@pytest.fixture
def journal() -> Iterator[Journal]:
    with Journal.open() as opened:
        yield opened


def campaigns_json(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["campaigns", "--json"]) == 0
    listed: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return listed


def test_a_closed_campaign_sends_nothing_more(
    sb: Sandbox, journal: Journal, capsys: pytest.CaptureFixture[str]
) -> None:
    campaign = new_campaign(journal, sb.url, sb.admin_key, rows_failing(4))  # stored, never sent
    assert [s.campaign.id for s in journal.interrupted()] == [campaign]

    assert main(["close", campaign]) == 1  # no terminal, no --yes: nothing changes
    assert "there is no terminal" in capsys.readouterr().err
    assert journal.campaign(campaign).closed_at is None

    assert main(["close", campaign, "--yes"]) == 0
    out = capsys.readouterr()
    assert "Never sent:   4 messages — closing means they will not be sent" in out.err
    assert f"Closed campaign {campaign}: nothing more of it will be sent (4 messages never sent" in out.out
    record = journal.campaign(campaign)
    assert record.closed_at is not None
    assert journal.interrupted() == []
    (listed,) = campaigns_json(capsys)
    assert listed["closed_at"] == record.closed_at and listed["interrupted"] is False
    assert listed["not_sent"] == 4

    assert main(["resume", campaign, "--yes"]) == 1
    err = capsys.readouterr().err
    assert f"Campaign {campaign} was closed on {record.closed_at[:10]}" in err and "Nothing was sent." in err
    assert sends_served(sb) == 0
    with client_for(sb) as client, pytest.raises(CampaignClosed, match="was closed"):
        send_campaign(journal, client, campaign)  # the core refuses too, whoever asks
    assert sends_served(sb) == 0
    assert {r.state for r in journal.recipients(campaign)} == {RecipientState.PENDING}

    assert main(["close", campaign, "--yes"]) == 0  # twice: the first date stays
    assert "already closed" in capsys.readouterr().out
    assert journal.campaign(campaign).closed_at == record.closed_at

    assert main(["campaigns"]) == 0
    assert f"(closed on {record.closed_at[:10]})" in capsys.readouterr().out


def test_a_campaign_being_sent_cannot_be_closed(
    sb: Sandbox, journal: Journal, capsys: pytest.CaptureFixture[str]
) -> None:
    campaign = new_campaign(journal, sb.url, sb.admin_key, rows_failing(2))
    with journal.lock_campaign(campaign):  # a sender holds it
        with pytest.raises(CampaignBusy):
            journal.close_campaign(campaign)
        assert main(["close", campaign, "--yes"]) == 1
        assert "being sent right now" in capsys.readouterr().err
    assert journal.campaign(campaign).closed_at is None


def test_closing_keeps_uncertain_recipients_uncertain(
    sb: Sandbox, journal: Journal, capsys: pytest.CaptureFixture[str]
) -> None:
    campaign = new_campaign(journal, sb.url, sb.admin_key, rows_failing(3))
    seqs = [seq for seq, _, _ in journal.pending_plan_items(campaign)]
    batch = journal.start_batch(campaign, seqs[:1], kind=BatchKind.BATCH, method="m", body_bytes=1)
    journal.batch_uncertain(batch, "the connection broke")
    assert main(["close", campaign, "--yes"]) == 0
    assert "Uncertain:    1 message — they stay listed as uncertain" in capsys.readouterr().err
    states = [r.state for r in journal.recipients(campaign)]
    assert states == [RecipientState.UNCERTAIN, RecipientState.PENDING, RecipientState.PENDING]
    assert main(["status", campaign, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in data["recipients"]] == ["uncertain", "not_sent", "not_sent"]


def test_retry_refuses_another_installation_and_sends_to_the_failed_through_its_own(
    sb: Sandbox,
    make_sandbox: Callable[..., Sandbox],
    journal: Journal,
    capsys: pytest.CaptureFixture[str],
) -> None:
    campaign = sent_campaign(journal, sb, rows_failing(4, failing=(1, 3)))
    assert sb.wait_delivered(10)
    with client_for(sb) as client:
        assert poll_once(journal, client, campaign).all_finished
    sent_before = sends_served(sb)
    other = make_sandbox()  # e.g. the real USOS, while the campaign was practice

    assert main(["retry", campaign, "--installation", other.url, "--yes"]) == 1
    err = capsys.readouterr().err
    assert f"Campaign {campaign} was sent through {wire.normalize_base_url(sb.url)}" in err
    assert f"Connect to {wire.normalize_base_url(sb.url)}" in err and "Nothing was sent." in err
    assert sends_served(other) == 0 and sends_served(sb) == sent_before
    assert len(journal.campaigns()) == 1

    assert main(["retry", campaign, "--installation", sb.url]) == 1  # no terminal, no --yes
    assert len(journal.campaigns()) == 1

    assert main(["retry", campaign, "--installation", sb.url, "--yes", "--json"]) == 0
    out = capsys.readouterr()
    result = json.loads(out.out)
    assert result["enqueued"] == 2 and result["campaign"] != campaign
    assert "2 messages to 2 addresses" in out.err
    again = journal.recipients(str(result["campaign"]))
    assert [r.addresses for r in again] == [(f"student1@{FAIL_DOMAIN}",), (f"student3@{FAIL_DOMAIN}",)]
    assert [r.row for r in again] == [3, 5]  # the rows of the sheet they came from


def test_retry_with_nothing_failed_says_so(
    sb: Sandbox, journal: Journal, capsys: pytest.CaptureFixture[str]
) -> None:
    campaign = sent_campaign(journal, sb, rows_failing(2))
    assert sb.wait_delivered(10)
    with client_for(sb) as client:
        assert poll_once(journal, client, campaign).all_finished
    assert main(["retry", campaign, "--installation", sb.url, "--yes"]) == 1
    assert "There is nobody to send again to" in capsys.readouterr().err
    assert len(journal.campaigns()) == 1
