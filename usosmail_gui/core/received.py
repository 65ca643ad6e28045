"""What one student received: a campaign's snapshot in the journal, read back for a row.

USOS keeps statuses for 7 days and no copy for the sender, so the journal is the only
record of what went out. For a sheet row this finds its message(s) — its own, the one of
its group when rows were grouped into one message per student, one per address in
template mode — with the exact subject and content (messages mode: as stored; template
mode: the stored template filled in with the stored params by ``str.format``, which is
what USOS does), the format and the sender, and the status history the journal kept:
when the campaign was stored, when the request went out and how it ended, when USOS
enqueued it, the latest status with the time it was last checked, and when it finished.
(The journal keeps the latest status, not every one a message passed through.) A row the
campaign left out says why. Nothing here writes; ``usosmail show`` and the Campaigns
window read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .campaign import Excluded, SendMode, sender_text
from .journal import Journal, JournalError, RecipientRecord, RecipientState
from .statuses import campaign_statuses
from .template.compiler import compile_template
from .template.model import ContentFormat, MessageTemplate
from .template.render import RenderError, render

__all__ = ["HistoryEvent", "ReceivedMessage", "RowReceived", "UnknownRow", "received"]


class UnknownRow(JournalError):
    """The campaign has no such row (neither sent nor left out)."""


@dataclass(frozen=True, slots=True)
class HistoryEvent:
    """One moment of a message's life in the journal (``at``: ISO 8601, UTC, as stored).

    ``event``: "stored", "request_sent", "request_ended", "enqueued", "rejected",
    "uncertain", "status", "finished"; ``detail``: what was said then, in English."""

    at: str
    event: str
    detail: str | None = None

    def local_time(self) -> str:
        return datetime.fromisoformat(self.at).astimezone().strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True, slots=True)
class ReceivedMessage:
    """One message as the student got it (``subject``/``content`` None: not kept)."""

    seq: int
    rows: tuple[int, ...]  # the sheet rows it was made of, in order
    to: tuple[str, ...]
    mode: SendMode
    subject: str | None
    content: str | None
    content_format: ContentFormat
    template: MessageTemplate  # the sender fields as set
    sender: str  # what the student sees as the sender, in words
    message_id: str | None
    status: str
    error: str | None
    history: tuple[HistoryEvent, ...]

    def to_json(self) -> dict[str, Any]:
        template = self.template
        return {
            "seq": self.seq,
            "rows": list(self.rows),
            "to": list(self.to),
            "mode": str(self.mode),
            "subject": self.subject,
            "content": self.content,
            "content_format": str(self.content_format),
            "sender": {
                "from_name": template.from_name,
                "from_email": template.from_email,
                "send_summary_to": template.send_summary_to,
                "lang": str(template.lang),
                "as_seen": self.sender,
            },
            "message_id": self.message_id,
            "status": self.status,
            "error": self.error,
            "history": [{"at": e.at, "event": e.event, "detail": e.detail} for e in self.history],
        }


@dataclass(frozen=True, slots=True)
class RowReceived:
    """What the student of one sheet row was sent in one campaign."""

    campaign: str
    row: int
    messages: tuple[ReceivedMessage, ...]
    excluded: Excluded | None

    def to_json(self) -> dict[str, Any]:
        """The ``usosmail show --json`` shape of docs/cli.md."""
        left_out = self.excluded
        return {
            "campaign": self.campaign,
            "row": self.row,
            "messages": [m.to_json() for m in self.messages],
            "excluded": None if left_out is None else {"code": left_out.code, "reason": left_out.reason},
        }


def _content(
    record: RecipientRecord, template: MessageTemplate, mode: SendMode
) -> tuple[str | None, str | None]:
    if mode is SendMode.MESSAGES or record.params is None:
        return record.subject, record.content
    try:  # what USOS makes of the template with these params: str.format, exactly
        message = render(compile_template(template), record.params, row=record.row)
    except RenderError:
        return None, None
    return message.subject, message.content


def _history(record: RecipientRecord, created_at: str, batches: dict[int, Any]) -> tuple[HistoryEvent, ...]:
    events = [HistoryEvent(created_at, "stored", "stored in the journal, waiting to be sent")]
    batch = batches.get(record.batch) if record.batch is not None else None
    if batch is not None:
        kind = "alone" if batch["kind"] == "single" else f"in a request of {batch['size']}"
        attempt = f"attempt {record.attempts}" if record.attempts > 1 else "first attempt"
        events.append(HistoryEvent(batch["started_at"], "request_sent", f"sent to USOS {kind} ({attempt})"))
        if batch["ended_at"] and record.state is not RecipientState.ENQUEUED:
            outcome = str(batch["outcome"]).replace("_", " ")
            events.append(HistoryEvent(batch["ended_at"], "request_ended", outcome))
    state = record.state
    if state is RecipientState.ENQUEUED and record.enqueued_at:
        enqueued = f"enqueued by USOS as {record.message_id}"
        events.append(HistoryEvent(record.enqueued_at, "enqueued", enqueued))
        if record.status_checked_at:
            detail = record.status or "waiting"
            if record.status_error:
                detail += f": {record.status_error}"
            events.append(HistoryEvent(record.status_checked_at, "status", f"last checked: {detail}"))
        if record.finished_at:
            events.append(HistoryEvent(record.finished_at, "finished", "USOS finished with it"))
    elif state in (RecipientState.REJECTED, RecipientState.UNCERTAIN) and record.finished_at:
        decision = f" (your decision: {record.decision})" if record.decision is not None else ""
        events.append(HistoryEvent(record.finished_at, str(state), (record.error or "") + decision))
    return tuple(sorted(events, key=lambda e: e.at))


def received(journal: Journal, campaign: str, row: int) -> RowReceived:
    """What the student of sheet row ``row`` was sent in ``campaign``. Raises
    ``UnknownCampaign`` or ``UnknownRow`` (both ``JournalError``, in plain words)."""
    record = journal.campaign(campaign)
    grouped = journal.message_rows(campaign)
    recipients = journal.recipients(campaign)
    mine = [
        r for r in recipients if r.row == row or any(number == row for number, _ in grouped.get(r.seq, ()))
    ]
    excluded = next((e for e in journal.excluded(campaign) if e.row == row), None)
    if not mine and excluded is None:
        raise UnknownRow(
            f"Campaign {campaign} has no row {row}: it was neither sent nor left out. "
            f"`usosmail status {campaign}` lists its rows."
        )
    statuses = {v.seq: v for v in campaign_statuses(journal, campaign)} if mine else {}
    batches = {b["id"]: b for b in journal.batches(campaign)} if mine else {}
    template = record.template
    messages = []
    for item in mine:
        view = statuses[item.seq]
        subject, content = _content(item, template, record.mode)
        messages.append(
            ReceivedMessage(
                seq=item.seq,
                rows=(item.row, *(number for number, _ in grouped.get(item.seq, ()))),
                to=item.addresses,
                mode=record.mode,
                subject=subject,
                content=content,
                content_format=template.content_format,
                template=template,
                sender=sender_text(template, record.mode),
                message_id=item.message_id,
                status=view.shown_status,
                error=view.error,
                history=_history(item, record.created_at, batches),
            )
        )
    return RowReceived(campaign, row, tuple(messages), excluded)
