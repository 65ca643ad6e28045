"""core/retry.py: who a retry sends to (the journal only reads what was stored)."""

from __future__ import annotations

from usosmail_gui.core.journal import RecipientRecord, RecipientState
from usosmail_gui.core.retry import retry_recipients


def record(seq: int, state: RecipientState, status: str | None = None) -> RecipientRecord:
    return RecipientRecord(
        campaign="c1", seq=seq, row=seq + 1, addresses=(f"s{seq}@example.com",), record={},
        params=None, subject="S", content="C", body_bytes=1, state=state, solo=False,
        attempts=1, decision=None, batch=None, message_id=None, error=None,
        updated_at="2026-03-10T12:00:00+00:00", enqueued_at=None, finished_at=None,
        status=status, status_error=None, status_checked_at=None,
    )


def test_a_retry_takes_the_failed_and_if_asked_the_uncertain_in_order() -> None:
    recipients = [
        record(1, RecipientState.ENQUEUED, "sent"),
        record(2, RecipientState.ENQUEUED, "failed"),
        record(3, RecipientState.UNCERTAIN),
        record(4, RecipientState.REJECTED),
        record(5, RecipientState.ENQUEUED, "failed"),
        record(6, RecipientState.ENQUEUED, "waiting"),
        record(7, RecipientState.PENDING),
    ]
    assert [r.seq for r in retry_recipients(recipients)] == [2, 5]
    assert [r.seq for r in retry_recipients(recipients, include_uncertain=True)] == [2, 3, 5]
