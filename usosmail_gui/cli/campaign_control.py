"""``usosmail retry`` and ``usosmail close``: what a campaign may still do.

``retry`` is the GUI's "Send again to failed…": a new campaign of the students USOS failed
to deliver to (and, with ``--include-uncertain``, those whose send is uncertain), with the
same template and sender, sent through the campaign's own installation only — retrying a
practice campaign through the real USOS would send real mail. ``close`` ends a campaign:
nothing more of it is sent (``resume`` then refuses it), its uncertain recipients stay
listed as uncertain, and it no longer shows as interrupted.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .output import (
    EXIT_OK,
    EXIT_PROBLEM,
    add_campaign_argument,
    add_yes_option,
    ask,
    can_ask,
    open_campaign,
    plural,
    say_error,
)
from .sending import EXIT_NO_CREDENTIALS, _credentials, _draft_lines, _preflight, _run_send

if TYPE_CHECKING:
    from usosmail_gui.core.journal import CampaignRecord, Counts


def _close_lines(campaign: CampaignRecord, counts: Counts) -> list[str]:
    return [
        f"Campaign:     {campaign.id} (created {campaign.created_at[:16].replace('T', ' ')} UTC)",
        f"Installation: {campaign.installation}",
        f"Enqueued:     {plural(counts.enqueued, 'message')} (their statuses are still followed)",
        f"Never sent:   {plural(counts.not_sent, 'message')} — closing means they will not be sent",
        f"Uncertain:    {plural(counts.uncertain, 'message')} — they stay listed as uncertain",
    ]


def cmd_close(args: argparse.Namespace) -> int:
    from usosmail_gui.core.journal import CampaignBusy

    found = open_campaign(args.campaign, then="Nothing was changed.")
    if found is None:
        return EXIT_PROBLEM
    journal, campaign = found
    with journal:
        if campaign.closed_at is not None:
            print(f"Campaign {campaign.id} was already closed on {campaign.closed_at[:10]}; nothing changed.")
            return EXIT_OK
        counts = journal.counts(campaign.id)
        print("\n".join(_close_lines(campaign, counts)), file=sys.stderr)
        if not can_ask(args.yes, "closed"):
            return EXIT_PROBLEM
        if not args.yes and not ask(f"Close campaign {campaign.id}? Nothing more of it will be sent."):
            say_error("the campaign was not closed.")
            return EXIT_PROBLEM
        try:
            closed = journal.close_campaign(campaign.id)
        except CampaignBusy as exc:
            say_error(f"{exc} The campaign was not closed.")
            return EXIT_PROBLEM
    print(
        f"Closed campaign {closed.id}: nothing more of it will be sent "
        f"({plural(counts.not_sent, 'message')} never sent, {counts.uncertain:,} uncertain)."
    )
    return EXIT_OK


def cmd_retry(args: argparse.Namespace) -> int:
    from usosmail_gui.core.campaign import CampaignError, key_fingerprint, other_installation
    from usosmail_gui.core.journal import JournalError
    from usosmail_gui.core.retry import retry_draft

    found = open_campaign(args.campaign, then="Nothing was sent.")
    if found is None:
        return EXIT_PROBLEM
    journal, past = found
    with journal:
        if past.purged_at is not None:
            say_error(
                f"the personal data of campaign {past.id} was deleted on {past.purged_at[:10]}, so it "
                "cannot be sent again. Nothing was sent."
            )
            return EXIT_PROBLEM
        refusal = other_installation(past.id, past.installation, args.installation)
        if refusal is not None:
            say_error(f"{refusal} Nothing was sent.")
            return EXIT_PROBLEM
        credentials = _credentials(past.installation)
        if credentials is None:
            return EXIT_NO_CREDENTIALS
        try:
            draft = retry_draft(
                journal,
                past.id,
                installation=past.installation,
                key_fingerprint=key_fingerprint(credentials.consumer_key),
                include_uncertain=args.include_uncertain,
            )
        except CampaignError as exc:
            say_error(f"{exc} Nothing was sent.")
            return EXIT_PROBLEM
        print(f"Again, from campaign {past.id}:", file=sys.stderr)
        print("\n".join(_draft_lines(draft)), file=sys.stderr)
        if not can_ask(args.yes, "sent"):
            return EXIT_PROBLEM
        checked = _preflight(draft.installation, credentials)
        if checked != EXIT_OK:
            return checked
        if not args.yes and not ask(f"Send {plural(draft.recipient_count, 'message')} again now?"):
            say_error("nothing was sent.")
            return EXIT_PROBLEM
        try:
            campaign = journal.create_campaign(draft)
        except JournalError as exc:
            say_error(f"{exc} Nothing was sent.")
            return EXIT_PROBLEM
        return _run_send(journal, campaign, credentials, args.json)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "retry",
        help="send again to a campaign's failed recipients (a new campaign)",
        description=(
            "Make and send a new campaign of the recipients USOS failed to deliver to (with "
            "--include-uncertain, also those whose send is uncertain: they may get it twice), with "
            "the same template and sender. --installation must be the campaign's own installation: "
            "a campaign is never sent again through another one (a practice campaign of the "
            "sandbox would otherwise go out as real mail). Without --yes it shows what will be "
            "sent and asks y/N on the terminal; without a terminal it refuses and exits 1. Exit "
            "codes as for send; 1 also when the installation is not the campaign's or nobody "
            "qualifies."
        ),
    )
    add_campaign_argument(p)
    p.add_argument("--installation", required=True, metavar="URL", help="the campaign's USOS API base URL")
    p.add_argument(
        "--include-uncertain",
        action="store_true",
        help="also send again the uncertain recipients (they may receive the message twice)",
    )
    add_yes_option(p, "send")
    p.add_argument(
        "--json",
        action="store_true",
        help='print {"campaign", "enqueued", "rejected", "uncertain", "not_sent"} of the new campaign',
    )
    p.set_defaults(func=cmd_retry)

    p = sub.add_parser(
        "close",
        help="close a campaign: nothing more of it is sent",
        description=(
            "Close a campaign: what was never sent will not be sent (resume refuses it), uncertain "
            "recipients stay listed as uncertain, and it no longer shows as interrupted. Its "
            "statuses are still followed and reported. Without --yes it asks y/N on the terminal; "
            "without a terminal it refuses and exits 1. Exit code 0 (also when already closed); 1 "
            "unknown campaign, not confirmed, or being sent right now."
        ),
    )
    add_campaign_argument(p)
    add_yes_option(p, "close")
    p.set_defaults(func=cmd_close)
