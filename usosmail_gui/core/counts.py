"""One source for every count the user reads: how many rows of a list will receive the
message and how many are left out (and why), and, once a campaign is sent, how many of its
messages are sent, failed, waiting, uncertain, never sent and finished.

The status bar, the Send… confirmation, the Statuses panel, the Campaigns window, the
command line and the report's summary sheet all count with these functions, so no two of
them can disagree:

- *will receive* is the verdict of the check of every row with the message (the
  template's limits and errors included), not only of the addresses: until that check is
  done, ``list_counts`` says so (``checked`` is False) and counts what the list alone
  decides;
- *finished* means USOS is done with the message (sent, failed, refused, expired, or
  finished without details). A message that was never put in flight (an interrupted
  campaign) is not finished: it is *to send*; an uncertain one is neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only their shapes: importing this module stays cheap (the status bar at start)
    from .campaign import CampaignDraft
    from .recipients.table import Summary
    from .statuses import StatusCounts
    from .template.validate import CheckResult

__all__ = [
    "CampaignCounts",
    "ListCounts",
    "campaign_counts_of",
    "check_counts",
    "draft_counts",
    "list_counts",
]


@dataclass(frozen=True, slots=True)
class ListCounts:
    """The rows of a list and what becomes of them with the message.

    ``reasons``: rows left out per reason code (the first problem's code, as the Send…
    confirmation groups them), when known; ``checked``: whether the message's check of
    every row is counted (else only the list's own verdict: addresses, ticks);
    ``template_blocks``: an error in the message itself stops every row.
    """

    rows: int
    will_receive: int
    problems: int = 0
    reasons: Mapping[str, int] | None = None
    checked: bool = True
    template_blocks: bool = False

    @property
    def excluded(self) -> int:
        """Rows that get nothing: unticked, hidden, a bad or repeated address, or a message
        that cannot be sent to them (too long, an empty placeholder, an error in the message)."""
        return self.rows - self.will_receive


def list_counts(summary: Summary, check: CheckResult | None = None) -> ListCounts:
    """The status bar's counts: the list's own (``summary``), or, once the message has been
    checked against every row (``check``, of the same list), the check's verdict.

    A ``check`` of another number of rows (an outdated one) is not used."""
    if check is None or check.recipients != summary.recipients:
        return ListCounts(summary.recipients, summary.will_receive, summary.problems, checked=False)
    return check_counts(check)


def check_counts(check: CheckResult) -> ListCounts:
    """The counts of a check of every row with the message (``usosmail check`` prints them)."""
    receiving = 0 if check.template_blocks else check.sendable
    return ListCounts(check.recipients, receiving, len(check.problems), template_blocks=check.template_blocks)


def draft_counts(draft: CampaignDraft) -> ListCounts:
    """The Send… confirmation's counts: the rows of the campaign's messages (a row with
    several addresses, or rows grouped into one message, counted once each) and the rows it
    leaves out, by reason."""
    receiving = {m.row for m in draft.messages}
    for message in draft.messages:
        receiving.update(number for number, _cells in message.also)
    reasons: dict[str, int] = {}
    for item in draft.excluded:
        reasons[item.code] = reasons.get(item.code, 0) + 1
    left_out = {item.row for item in draft.excluded} - receiving
    return ListCounts(len(receiving) + len(left_out), len(receiving), reasons=reasons)


@dataclass(frozen=True, slots=True)
class CampaignCounts:
    """A campaign's messages by what became of them (rows left out are not messages).

    ``rejected``: refused by USOS when sending; ``waiting``: the
    messages USOS has not finished with; ``to_send`` those never put in flight (an
    interrupted campaign: resume sends them); ``uncertain`` those whose send request's
    outcome is unknown. ``finished`` = sent + failed + expired + finished without details
    + rejected (+ finished, details being asked for).
    """

    messages: int
    sent: int
    failed: int
    rejected: int
    waiting: int
    uncertain: int
    to_send: int
    expired: int
    no_detail: int
    detail_pending: int
    unknown: int
    excluded: int

    @property
    def finished(self) -> int:
        return self.sent + self.failed + self.rejected + self.expired + self.no_detail + self.detail_pending

    @property
    def unfinished(self) -> int:
        """Messages USOS may still send, or that are not sent yet: waiting, uncertain, to send
        and those with a status the app does not know."""
        return self.messages - self.finished

    def as_json(self) -> dict[str, int]:
        return {
            "messages": self.messages,
            "finished": self.finished,
            "sent": self.sent,
            "failed": self.failed,
            "rejected": self.rejected,
            "waiting": self.waiting,
            "uncertain": self.uncertain,
            "to_send": self.to_send,
            "expired": self.expired,
            "no_detail": self.no_detail,
            "detail_pending": self.detail_pending,
            "unknown": self.unknown,
            "excluded": self.excluded,
        }


def campaign_counts_of(counts: StatusCounts) -> CampaignCounts:
    """The counts every view of a campaign shows, from its statuses (``core.statuses``'s
    ``campaign_counts``, which also reads the counts kept after its data was deleted)."""
    return CampaignCounts(
        messages=counts.messages,
        sent=counts.sent,
        failed=counts.failed,
        rejected=counts.rejected,
        waiting=counts.waiting,
        uncertain=counts.uncertain,
        to_send=counts.not_sent,
        expired=counts.expired,
        no_detail=counts.no_detail,
        detail_pending=counts.detail_pending,
        unknown=counts.unknown,
        excluded=counts.excluded,
    )
