"""Campaigns for the status and report tests: sent for real to a sandbox, or made
"enqueued" straight through the journal (for 10,000-message polls without sending)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.core.campaign import SendMode, key_fingerprint
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import _V1, BatchKind, Journal
from usosmail_gui.core.sending import send_campaign
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.core.usos.client import MailingClient, RetryPolicy
from usosmail_gui.sandbox import Sandbox

TEMPLATE = MessageTemplate(subject="Decyzja dla {Imię}", content="Dzień dobry {Imię} {Nazwisko}.")
FAIL_DOMAIN = "fail.example.com"


def rows_failing(count: int, failing: Sequence[int] = ()) -> list[list[str]]:
    """``count`` students; those at ``failing`` have an address the sandbox fails to deliver to."""
    rows = demo_rows(count)
    for index in failing:
        rows[index][3] = f"student{index}@{FAIL_DOMAIN}"
    return rows


def client_for(sb: Sandbox, **kw: object) -> MailingClient:
    return MailingClient(sb.url, sb.admin_key, sb.admin_secret, retry=RetryPolicy(attempts=1), **kw)  # type: ignore[arg-type]


def new_campaign(
    journal: Journal,
    installation: str,
    consumer_key: str,
    rows: list[list[str]],
    *,
    mode: SendMode = SendMode.TEMPLATE,
    batch_size: int = 100,
) -> str:
    draft = build_campaign(
        make_table(rows),
        TEMPLATE,
        installation=installation,
        key_fingerprint=key_fingerprint(consumer_key),
        mode=mode,
        batch_size=batch_size,
    )
    return journal.create_campaign(draft).id


def sent_campaign(journal: Journal, sb: Sandbox, rows: list[list[str]], **kw: object) -> str:
    """A campaign sent to the sandbox: every recipient enqueued."""
    campaign = new_campaign(journal, sb.url, sb.admin_key, rows, **kw)  # type: ignore[arg-type]
    with client_for(sb) as client:
        result = send_campaign(journal, client, campaign)
    assert result.counts.all_enqueued, result
    return campaign


def enqueued_without_sending(journal: Journal, installation: str, count: int) -> str:
    """A campaign of ``count`` recipients marked enqueued with made-up IDs (no request)."""
    campaign = new_campaign(journal, installation, "key", demo_rows(count), batch_size=1000)
    seqs = [seq for seq, _, _ in journal.pending_plan_items(campaign)]
    for start in range(0, len(seqs), 1000):
        chunk = seqs[start : start + 1000]
        batch = journal.start_batch(campaign, chunk, kind=BatchKind.BATCH, method="made-up", body_bytes=1)
        journal.batch_answered(batch, [(seq, f"fake-{seq}") for seq in chunk])
    return campaign


def write_v1_journal(path: Path, *, excluded: bool = False) -> None:
    """A journal as the first release wrote it (format 1): one finished campaign, created
    2026-01-02 (and, if asked, one row it left out)."""
    raw = sqlite3.connect(path)
    for statement in _V1:
        raw.execute(statement)
    raw.execute(
        "INSERT INTO campaigns VALUES ('2026-01-02-0304-abcd', '2026-01-02T03:04:00.000+00:00', "
        "'https://u.example/', 'sha256:00', 'messages', 'S', 'C', 'plain', '', '', '', 'pl', NULL, "
        "NULL, '[]', NULL, 100, 2097152, 0, 'done', NULL, '2026-01-02T03:04:00.000+00:00')"
    )
    if excluded:
        raw.execute(
            "INSERT INTO excluded VALUES "
            "('2026-01-02-0304-abcd', 7, '[\"zly adres\"]', 'email_invalid', 'Bad.')"
        )
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
