"""``usosmail campaigns``: the journal's campaigns, newest first, with their counts and until
when their personal data is kept (as text, or as JSON: docs/cli.md)."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TypedDict

from .output import EXIT_OK, EXIT_PROBLEM, counts_text, open_journal, plural, print_json

__all__ = ["CampaignJson", "cmd_campaigns", "register"]


class CampaignJson(TypedDict):
    campaign: str
    created_at: str
    installation: str
    mode: str
    is_test: bool
    state: str
    subject: str
    recipients: int
    enqueued: int
    rejected: int
    uncertain: int
    not_sent: int
    interrupted: bool
    excluded: int
    purged_at: str | None
    kept_until: str | None
    closed_at: str | None


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def cmd_campaigns(args: argparse.Namespace) -> int:
    from usosmail_gui.core.retention import kept_until

    journal = open_journal(to_read=True)
    if journal is None:
        return EXIT_PROBLEM
    with journal:
        summaries = journal.campaigns()
        until = {s.campaign.id: kept_until(journal, s.campaign.id) for s in summaries}
    if args.json:
        listed: list[CampaignJson] = [
            {
                "campaign": s.campaign.id,
                "created_at": s.campaign.created_at,
                "installation": s.campaign.installation,
                "mode": str(s.campaign.mode),
                "is_test": s.campaign.is_test,
                "state": str(s.campaign.state),
                "subject": s.campaign.template.subject,
                "recipients": s.counts.total,
                "enqueued": s.counts.enqueued,
                "rejected": s.counts.rejected,
                "uncertain": s.counts.uncertain,
                "not_sent": s.counts.not_sent,
                "interrupted": s.interrupted,
                "excluded": s.excluded,
                "purged_at": s.campaign.purged_at,
                "kept_until": _iso(until[s.campaign.id]),
                "closed_at": s.campaign.closed_at,
            }
            for s in summaries
        ]
        print_json(listed)
        return EXIT_OK
    if not summaries:
        print("The journal has no campaigns yet.")
        return EXIT_OK
    for s in summaries:
        c = s.campaign
        test = " (test)" if c.is_test else ""
        flag = "  ← interrupted: usosmail resume " + c.id if s.interrupted else ""
        left_out = f" · {s.excluded:,} excluded" if s.excluded else ""
        if c.closed_at is not None:
            flag += f"  (closed on {c.closed_at[:10]})"
        if c.purged_at is not None:
            flag += f"  (personal data deleted on {c.purged_at[:10]})"
        print(
            f"{c.id}  {c.created_at[:16].replace('T', ' ')} UTC  {c.mode}{test}  "
            f"{plural(s.counts.total, 'message')}: {counts_text(s.counts)}{left_out}  "
            f"“{c.template.subject}”{flag}"
        )
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "campaigns",
        help="list the journal's campaigns, newest first",
        description=(
            "List the campaigns in the journal, newest first, with their counts (rows left out "
            "included) and until when their personal data is kept. Exit code 0."
        ),
    )
    p.add_argument("--json", action="store_true", help="print a JSON list (see docs/cli.md)")
    p.set_defaults(func=cmd_campaigns)
