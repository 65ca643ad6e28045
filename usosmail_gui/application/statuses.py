"""Following a campaign: its statuses read from the journal, or one poll of USOS (written
to the journal) and the statuses read back, as one ``StatusSnapshot``.

The Statuses panel's poller runs these in a worker, one at a time; ``usosmail status``
does the same through the core's ``poll_once``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from usosmail_gui.core.counts import CampaignCounts, campaign_counts_of
from usosmail_gui.core.journal import Journal, JournalError
from usosmail_gui.core.polling import PollResult, poll_once
from usosmail_gui.core.statuses import RecipientStatusView, StatusCounts, campaign_counts, campaign_statuses
from usosmail_gui.core.usos.models import SystemStatus

from .collaborators import ClientFactory, JournalFactory, mailing_client, read_journal

__all__ = ["Answers", "StatusSnapshot", "poll_statuses", "read_statuses"]

Answers = Callable[[str, str], Callable[[str, object], None]]
"""``(installation, campaign)`` → an ``on_answer`` hook that keeps USOS's raw answers
(masked) for ``usosmail diagnostics``."""


def _answer_log(installation: str, campaign: str) -> Callable[[str, object], None]:
    from usosmail_gui.core.diagnostics import AnswerLog

    return AnswerLog().recorder(installation, campaign)


@dataclass(frozen=True, slots=True)
class StatusSnapshot:
    """What one job read: the campaign's recipients with statuses, and the poll (if any)."""

    campaign: str
    subject: str
    views: tuple[RecipientStatusView, ...]
    counts: StatusCounts
    poll: PollResult | None = None
    source_path: str | None = None  # the spreadsheet the campaign was made from
    source_sheet: str | None = None
    queue: SystemStatus | None = None  # system_status, when it was read with this
    read_only: JournalError | None = None  # why USOS was not asked: the journal cannot keep it
    # the other sheet rows of messages made of several rows (grouped letters): row → its message's row
    grouped_rows: Mapping[int, int] = field(default_factory=dict, repr=False, compare=False)
    # computed where the snapshot is made (the worker), so the GUI thread only hands them on
    _rows: dict[int, RecipientStatusView] = field(init=False, repr=False, compare=False)
    tally: CampaignCounts = field(init=False, compare=False)  # core.counts: what every view shows
    finished: int = field(init=False, compare=False)  # USOS is done with them (never-sent ones are not)
    messages: int = field(init=False, compare=False)  # messages (left-out rows are not)

    def __post_init__(self) -> None:
        rows = {v.row: v for v in self.views}
        for row, first in self.grouped_rows.items():
            if first in rows and row not in rows:
                rows[row] = rows[first]
        object.__setattr__(self, "_rows", rows)
        tally = campaign_counts_of(self.counts)
        object.__setattr__(self, "tally", tally)
        object.__setattr__(self, "finished", tally.finished)
        object.__setattr__(self, "messages", tally.messages)

    @property
    def unsent_count(self) -> int | None:
        return None if self.queue is None else self.queue.pending

    def row_statuses(self) -> Mapping[int, RecipientStatusView]:
        """Spreadsheet row number → its recipient's status, for the grid (read-only)."""
        return self._rows


def _snapshot(journal: Journal, campaign: str, now: datetime | None) -> StatusSnapshot:
    record = journal.campaign(campaign)
    views = tuple(campaign_statuses(journal, campaign, now=now))
    first_rows = {v.seq: v.row for v in views if v.seq is not None}
    grouped = {
        row: first_rows[seq]
        for seq, others in journal.message_rows(campaign).items()
        if seq in first_rows
        for row, _cells in others
    }
    return StatusSnapshot(
        campaign,
        record.template.subject,
        views,
        campaign_counts(journal, campaign, views),
        source_path=record.source_path,
        source_sheet=record.source_sheet,
        grouped_rows=grouped,
    )


def read_statuses(
    campaign: str, now: datetime | None = None, *, journals: JournalFactory = read_journal
) -> StatusSnapshot:
    """The campaign's statuses from the journal alone (no request)."""
    with journals() as journal:
        return _snapshot(journal, campaign, now)


def poll_statuses(
    campaign: str,
    base_url: str,
    key: str,
    secret: str,
    previous_interval: float | None,
    now: datetime | None = None,
    read_queue: bool = False,
    lang: str = "en",
    *,
    journals: JournalFactory = read_journal,
    clients: ClientFactory = mailing_client,
    answers: Answers = _answer_log,
) -> StatusSnapshot:
    """One ``poll_once`` (written to the journal), then the statuses read back; with
    ``read_queue``, also system_status (the queue, and whether USOS's mail daemon runs; a
    failure there is ignored). USOS's texts are read in ``lang``; its raw answers go to
    ``answers``. A journal that cannot be written is not polled (``read_only`` says why)."""
    from usosmail_gui.core.usos.client import RetryPolicy
    from usosmail_gui.core.usos.errors import UsosError

    queue: SystemStatus | None = None
    with journals() as journal:
        reason = journal.read_only_reason
        if reason is not None:  # what USOS says could not be kept: not asked
            stopped = PollResult(0, 0, 0, 0, False, stop_reason=str(reason))
            return dataclasses.replace(_snapshot(journal, campaign, now), poll=stopped, read_only=reason)
        recorder = answers(base_url, campaign)
        once = RetryPolicy(attempts=1)
        with clients(base_url, key, secret, retry=once, lang=lang, on_answer=recorder) as client:
            result = poll_once(journal, client, campaign, now=now, previous_interval=previous_interval)
            if read_queue and not result.offline:
                try:
                    queue = client.system_status()
                except (UsosError, OSError):
                    queue = None  # the queue is a nicety: never a reason to fail the poll
        snapshot = _snapshot(journal, campaign, now)
    return dataclasses.replace(snapshot, poll=result, queue=queue)
