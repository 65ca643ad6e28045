"""The send loop against the real sandbox over loopback: faults, refusals, stops and resumes.

The invariants checked everywhere: every recipient ends enqueued, rejected, uncertain or
not sent; no address receives a message of the campaign twice unless the user chose to
re-send it; enqueued <= delivered <= enqueued + uncertain.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
import requests

from tests.helpers.maildir import deliveries, per_address
from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.core.campaign import SendMode, key_fingerprint
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import CampaignBusy, CampaignState, Journal, RecipientState
from usosmail_gui.core.sending import (
    SendProgress,
    SendResult,
    StopReason,
    interrupted_campaigns,
    resend_uncertain,
    send_campaign,
    send_steps,
)
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.client import MailingClient
from usosmail_gui.sandbox import Sandbox

TEMPLATE = MessageTemplate(
    subject="Decyzja dla {Imię}", content="Dzień dobry {Imię} {Nazwisko} ({Kierunek})."
)
REFUSED_BY_USOS = "żółw{}@student.example.edu.pl"  # the app accepts it, USOS (and the sandbox) not
SEND_PATHS = (wire.SEND_SIMPLE_MESSAGE, wire.SEND_SIMPLE_MESSAGES, wire.SEND_SIMPLE_BY_TEMPLATE)


@pytest.fixture
def journal() -> Iterator[Journal]:
    with Journal.open() as opened:
        yield opened


def rows_with(count: int, refused: tuple[int, ...] = ()) -> list[list[str]]:
    rows = demo_rows(count)
    for index in refused:
        rows[index][3] = REFUSED_BY_USOS.format(index)
    return rows


def new_campaign(
    journal: Journal,
    sb: Sandbox,
    rows: list[list[str]],
    *,
    mode: SendMode = SendMode.MESSAGES,
    batch_size: int = 10,
    template: MessageTemplate = TEMPLATE,
    max_body_bytes: int = 2 * 1024 * 1024,
) -> str:
    draft = build_campaign(
        make_table(rows),
        template,
        installation=sb.url,
        key_fingerprint=key_fingerprint(sb.admin_key),
        mode=mode,
        batch_size=batch_size,
        max_body_bytes=max_body_bytes,
    )
    return journal.create_campaign(draft).id


def client_for(sb: Sandbox, *, key: str | None = None, secret: str | None = None, **kw: Any) -> MailingClient:
    return MailingClient(sb.url, key or sb.admin_key, secret or sb.admin_secret, **kw)


def sends(sb: Sandbox) -> dict[str, int]:
    served = sb.requests_served
    return {path.rsplit("/", 1)[1]: served[path] for path in SEND_PATHS if served[path]}


def as_text(body: str | bytes | None) -> str:
    return body.decode() if isinstance(body, bytes) else body or ""


def check_invariants(journal: Journal, campaign: str, sb: Sandbox) -> None:
    """No one got it twice; delivered messages are exactly the enqueued ones plus some uncertain."""
    assert sb.wait_delivered(20)
    recipients = journal.recipients(campaign)
    assert {r.state for r in recipients} <= {"pending", "enqueued", "rejected", "uncertain"}
    delivered = deliveries(sb.maildir)
    counts = per_address(sb.maildir)
    assert max(counts.values(), default=0) <= 1, [a for a, n in counts.items() if n > 1]
    ours = {a.lower() for r in recipients for a in r.addresses}
    assert set(counts) <= ours
    enqueued = [r for r in recipients if r.state == "enqueued"]
    uncertain = [r for r in recipients if r.state == "uncertain"]
    assert len(enqueued) <= len(delivered) <= len(enqueued) + len(uncertain)
    by_id = {d.message_id: d.to for d in delivered}
    for r in enqueued:  # every enqueued message arrived, to its own address
        assert by_id[r.message_id or ""] == r.addresses[0].lower()
    outcomes = {b["id"]: b["outcome"] for b in journal.batches(campaign)}
    for r in recipients:
        if r.state in ("pending", "rejected"):
            assert counts[r.addresses[0].lower()] == 0
        if r.state == "uncertain":  # its last request is the uncertain one: never sent again
            assert outcomes[r.batch] == "uncertain"


@pytest.mark.parametrize("mode", list(SendMode))
def test_faults_never_double_or_lose_a_message(
    make_sandbox: Callable[..., Sandbox], journal: Journal, mode: SendMode
) -> None:
    """(a) 20% HTTP 500, 10% dropped after processing, a few hundred recipients."""
    sb = make_sandbox(error_rate=0.2, drop_rate=0.1, seed=5)
    campaign = new_campaign(journal, sb, rows_with(300, refused=(7, 150, 299)), mode=mode, batch_size=20)
    with client_for(sb) as client:
        result = send_campaign(journal, client, campaign)
        runs = 1
        while result.counts.pending and runs < 30:  # stopped after 3 uncertain in a row: resume
            assert result.stop is StopReason.TOO_MANY_UNCERTAIN
            result = send_campaign(journal, client, campaign)
            runs += 1
    counts = journal.counts(campaign)
    assert counts.pending == counts.in_flight == 0
    assert counts.total == 300
    assert counts.uncertain > 0 and counts.enqueued > 150
    check_invariants(journal, campaign, sb)
    rejected = journal.recipients(campaign, [RecipientState.REJECTED])
    assert all(
        "Internationalized characters" in (r.error or "") or "false" in (r.error or "") for r in rejected
    )
    assert journal.campaign(campaign).state is CampaignState.DONE


def test_a_false_entry_is_resolved_by_one_message_sent_alone(sandbox: Sandbox, journal: Journal) -> None:
    campaign = new_campaign(journal, sandbox, rows_with(5, refused=(2,)))
    with client_for(sandbox) as client:
        result = send_campaign(journal, client, campaign)
    assert sends(sandbox) == {"send_simple_messages": 1, "send_simple_message": 1}
    assert (result.counts.enqueued, result.counts.rejected, result.stop) == (4, 1, StopReason.FINISHED)
    (refused,) = journal.recipients(campaign, [RecipientState.REJECTED])
    assert refused.row == 4 and refused.attempts == 2
    assert "Internationalized characters before the @-sign" in (refused.error or "")
    assert [(b["method"].rsplit("/", 1)[1], b["outcome"]) for b in journal.batches(campaign)] == [
        ("send_simple_messages", "partial"),
        ("send_simple_message", "rejected"),
    ]
    check_invariants(journal, campaign, sandbox)


def test_a_template_batch_refused_with_400_is_retried_one_by_one(sandbox: Sandbox, journal: Journal) -> None:
    campaign = new_campaign(journal, sandbox, rows_with(5, refused=(3,)), mode=SendMode.TEMPLATE)
    with client_for(sandbox) as client:
        result = send_campaign(journal, client, campaign)
    assert sends(sandbox) == {"send_simple_by_template": 6}
    assert (result.counts.enqueued, result.counts.rejected) == (4, 1)
    (refused,) = journal.recipients(campaign, [RecipientState.REJECTED])
    assert refused.row == 5 and "is not a valid e-mail address" in (refused.error or "")
    assert [b["outcome"] for b in journal.batches(campaign)] == ["refused"] + ["enqueued"] * 3 + [
        "rejected",
        "enqueued",
    ]
    check_invariants(journal, campaign, sandbox)


def test_template_mode_sends_only_the_used_columns(sandbox: Sandbox, journal: Journal) -> None:
    """(c) proven from the bodies that reached the server."""
    headers = ["Imię", "Nazwisko", "E-mail", "PESEL", "Ocena"]
    rows = [
        [f"Imię{i}", f"Nazwisko{i}", f"s{i}@student.example.edu.pl", f"9901012345{i}", "2.0"]
        for i in range(12)
    ]
    template = MessageTemplate(subject="Dla {Imię}", content="Witaj {Imię}, {{Ocena}} pozostaje tajemnicą.")
    draft = build_campaign(
        make_table(rows, headers),
        template,
        installation=sandbox.url,
        key_fingerprint="k",
        mode=SendMode.TEMPLATE,
        batch_size=5,
    )
    campaign = journal.create_campaign(draft).id
    bodies: list[str] = []
    session = requests.Session()
    session.hooks["response"].append(lambda r, *a, **k: bodies.append(as_text(r.request.body)))
    with client_for(sandbox, session=session) as client:
        result = send_campaign(journal, client, campaign)
    assert result.counts.enqueued == 12 and len(bodies) == 3
    for body in bodies:
        sent = json.loads(parse_qs(body)["recipients"][0])
        assert all(set(r["params"]) == {"Imię"} for r in sent)
        assert "99010123450" not in body and "2.0" not in body and "Nazwisko" not in body
    assert all(set(r.params or {}) == {"Imię"} for r in journal.recipients(campaign))
    assert sandbox.wait_delivered(10)
    assert sorted(d.subject for d in deliveries(sandbox.maildir))[:2] == ["Dla Imię0", "Dla Imię1"]


@pytest.mark.parametrize(
    ("who", "reason"),
    [("wrong_secret", StopReason.CREDENTIALS_REJECTED), ("user_key", StopReason.NOT_ADMINISTRATIVE)],
)
def test_401_and_403_stop_with_every_recipient_kept_pending(
    sandbox: Sandbox, journal: Journal, who: str, reason: StopReason
) -> None:
    campaign = new_campaign(journal, sandbox, rows_with(25))
    if who == "wrong_secret":
        client = client_for(sandbox, secret="Wrong-Secret-Value-0123456789")
    else:
        client = client_for(sandbox, key=sandbox.user_key, secret=sandbox.user_secret)
    with client:
        result = send_campaign(journal, client, campaign)
    assert result.stop is reason and result.requests == 1
    assert result.counts.pending == 25 and result.counts.enqueued == 0
    assert "Nothing was lost" in result.message and f"usosmail resume {campaign}" in result.message
    assert [b["outcome"] for b in journal.batches(campaign)] == ["not_sent"]
    record = journal.campaign(campaign)
    assert record.state is CampaignState.STOPPED and record.stop_reason == result.message
    assert [s.campaign.id for s in interrupted_campaigns(journal)] == [campaign]
    with client_for(sandbox) as good:  # with the right key, resume sends everything once
        again = send_campaign(journal, good, campaign)
    assert again.counts.enqueued == 25 and again.stop is StopReason.FINISHED
    check_invariants(journal, campaign, sandbox)


def test_an_unreachable_server_stops_with_nothing_lost(journal: Journal) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/"
    draft = build_campaign(make_table(rows_with(8)), TEMPLATE, installation=closed, key_fingerprint="k")
    campaign = journal.create_campaign(draft).id
    with MailingClient(closed, "key", "secret") as client:
        result = send_campaign(journal, client, campaign)
    assert result.stop is StopReason.UNREACHABLE
    assert result.counts.pending == 8 and "could not be reached" in result.message
    assert [b["outcome"] for b in journal.batches(campaign)] == ["not_sent"]
    assert journal.counts(campaign).interrupted


def test_a_campaign_is_sent_only_to_its_own_installation(
    sandbox: Sandbox, make_sandbox: Callable[..., Sandbox], journal: Journal
) -> None:
    campaign = new_campaign(journal, sandbox, rows_with(3))
    other = make_sandbox()
    with client_for(other) as client, pytest.raises(ValueError, match="belongs to"):
        send_campaign(journal, client, campaign)
    assert sends(other) == {} and journal.counts(campaign).pending == 3


def test_uncertain_batches_are_never_resent_by_themselves_only_by_choice(
    sandbox: Sandbox, journal: Journal
) -> None:
    campaign = new_campaign(journal, sandbox, rows_with(30))
    sandbox.faults.drop_rate = 1.0  # processed, then the connection drops: enqueued, unanswered
    with client_for(sandbox) as client:
        steps = send_steps(journal, client, campaign)
        first = next(steps)
        assert first.counts.uncertain == 10 and first.last is not None and first.last.uncertain == 10
        sandbox.faults.drop_rate = 0.0
        result = _finish(steps)
        assert result.counts.enqueued == 20 and result.counts.uncertain == 10
        assert result.stop is StopReason.FINISHED and "not sent again" in result.message
        again = send_campaign(journal, client, campaign)  # resume: nothing to send
        assert again.requests == 0
        check_invariants(journal, campaign, sandbox)
        assert [s.campaign.id for s in interrupted_campaigns(journal)] == [campaign]  # undecided

        chosen = journal.recipients(campaign, [RecipientState.UNCERTAIN])[0]
        assert resend_uncertain(journal, campaign, [chosen.seq]) == 1
        final = send_campaign(journal, client, campaign)
    assert final.requests == 1 and final.counts.enqueued == 21
    assert sandbox.wait_delivered(10)
    counts = per_address(sandbox.maildir)
    assert counts[chosen.addresses[0]] == 2  # the user chose to send it again
    assert sorted(counts.values()) == [1] * 29 + [2]


def _finish(steps: Any) -> SendResult:
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: SendResult = done.value
            return result


def test_it_stops_after_three_uncertain_requests_in_a_row(sandbox: Sandbox, journal: Journal) -> None:
    campaign = new_campaign(journal, sandbox, rows_with(60))
    sandbox.faults.error_rate = 1.0
    with client_for(sandbox) as client:
        result = send_campaign(journal, client, campaign)
    assert result.stop is StopReason.TOO_MANY_UNCERTAIN and result.requests == 3
    assert (result.counts.uncertain, result.counts.pending) == (30, 30)
    assert "3 requests in a row" in result.message


def test_cancel_between_batches_leaves_it_resumable(sandbox: Sandbox, journal: Journal) -> None:
    campaign = new_campaign(journal, sandbox, rows_with(50))
    seen: list[SendProgress] = []
    with client_for(sandbox) as client:
        result = send_campaign(
            journal, client, campaign, cancelled=lambda: len(seen) >= 2, progress=seen.append
        )
        assert result.stop is StopReason.CANCELLED and result.requests == 2
        assert (result.counts.enqueued, result.counts.not_sent) == (20, 30)
        assert "usosmail resume" in result.message
        assert seen[0].batches_total == 5 and seen[1].batches_done == 2 and seen[1].remaining is not None
        assert journal.campaign(campaign).state is CampaignState.STOPPED
        rest = send_campaign(journal, client, campaign)
    assert rest.counts.enqueued == 50 and rest.requests == 3
    check_invariants(journal, campaign, sandbox)


def test_closing_the_generator_cancels_like_a_gui_worker(sandbox: Sandbox, journal: Journal) -> None:
    campaign = new_campaign(journal, sandbox, rows_with(40))
    with client_for(sandbox) as client:
        steps = send_steps(journal, client, campaign)
        progress = next(steps)
        assert progress.counts.enqueued == 10 and progress.batches_total == 4
        with pytest.raises(CampaignBusy):  # the running sender holds the campaign
            next(send_steps(journal, client, campaign))
        steps.close()
        record = journal.campaign(campaign)
        assert record.state is CampaignState.STOPPED and "30 recipient(s) were not sent" in (
            record.stop_reason or ""
        )
        result = send_campaign(journal, client, campaign)  # the lock was released
    assert result.counts.enqueued == 40
    check_invariants(journal, campaign, sandbox)


def test_each_request_body_stays_under_the_bound(sandbox: Sandbox, journal: Journal) -> None:
    long = MessageTemplate(subject="Dla {Imię}", content="Zażółć gęślą jaźń. " * 700 + "{Nazwisko}")
    campaign = new_campaign(
        journal, sandbox, rows_with(30), template=long, batch_size=100, max_body_bytes=300_000
    )
    sizes: list[int] = []
    session = requests.Session()
    session.hooks["response"].append(lambda r, *a, **k: sizes.append(len(r.request.body or "")))
    with client_for(sandbox, session=session) as client:
        result = send_campaign(journal, client, campaign)
    assert result.counts.enqueued == 30
    assert len(sizes) > 1 and max(sizes) <= 300_000
    assert [b["body_bytes"] for b in journal.batches(campaign)] == sizes


def test_the_journal_never_holds_the_secret_or_the_key(sandbox: Sandbox, journal: Journal) -> None:
    campaign = new_campaign(journal, sandbox, rows_with(12, refused=(3,)))
    with client_for(sandbox) as client:
        result = send_campaign(journal, client, campaign)
        assert sandbox.admin_secret not in repr(client) + repr(result) + repr(journal)
    assert result.counts.enqueued == 11
    files = [p for p in Path(journal.path).parent.iterdir() if p.name.startswith("journal.sqlite3")]
    data = b"".join(p.read_bytes() for p in files)
    assert len(data) > 10_000
    assert sandbox.admin_secret.encode() not in data
    assert sandbox.admin_key.encode() not in data
    assert key_fingerprint(sandbox.admin_key).encode() in data
