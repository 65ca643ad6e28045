"""``usosmail forget``: delete a campaign's personal data from the journal now (RODO).

The same purge the retention period does by itself (core/retention.py): the students'
names, addresses, cells, messages and statuses go; the campaign's counts and dates stay,
so ``campaigns`` still lists it. Without ``--yes`` it asks on a terminal, as ``send`` does,
and refuses without one.
"""

from __future__ import annotations

import argparse
import sys

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


def cmd_forget(args: argparse.Namespace) -> int:
    from usosmail_gui.core.journal import CampaignBusy
    from usosmail_gui.core.retention import forget, kept_until, retention_days

    found = open_campaign(args.campaign, then="Nothing was deleted.")
    if found is None:
        return EXIT_PROBLEM
    journal, campaign = found
    with journal:
        if campaign.purged_at is not None:
            when = campaign.purged_at[:10]
            print(f"The personal data of campaign {campaign.id} was already deleted on {when}.")
            return EXIT_OK
        recipients = len(journal.recipients(campaign.id))
        excluded = len(journal.excluded(campaign.id))
        until = kept_until(journal, campaign.id)
        lines = [
            f"Campaign:     {campaign.id} (created {campaign.created_at[:16].replace('T', ' ')} UTC)",
            f"Subject:      {campaign.template.subject}",
            f"Deletes:      the names, addresses, cells, messages and statuses of "
            f"{plural(recipients, 'recipient')} and {plural(excluded, 'left-out row')}",
            "Keeps:        the campaign's dates, template, sender and counts",
        ]
        if until is not None:
            lines.append(
                f"Otherwise:    deleted by itself on {until.astimezone():%Y-%m-%d} "
                f"({retention_days(journal)} days after its last status)"
            )
        print("\n".join(lines), file=sys.stderr)
        if not can_ask(args.yes, "deleted"):
            return EXIT_PROBLEM
        if not args.yes and not ask(f"Delete the personal data of campaign {campaign.id} now?"):
            say_error("nothing was deleted.")
            return EXIT_PROBLEM
        try:
            done = forget(journal, campaign.id)
        except CampaignBusy as exc:
            say_error(f"{exc} Nothing was deleted.")
            return EXIT_PROBLEM
    print(
        f"Deleted the personal data of campaign {campaign.id}; its counts and dates stay "
        "(usosmail campaigns lists it)."
    )
    if not done.compacted:
        print(
            "usosmail: note: the journal file could not be compacted now (is the disk full?); the "
            "data is deleted, and the file is compacted at the next deletion.",
            file=sys.stderr,
        )
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "forget",
        help="delete a campaign's personal data from the journal now",
        description=(
            "Deletes the students' names, addresses, cells, messages and statuses of a campaign "
            "from the journal, keeping its counts and dates (campaigns still lists it). The app "
            "does this by itself once the retention period is over (180 days after a campaign's "
            "last status unless changed in the window's Campaigns). Without --yes it asks y/N on "
            "the terminal, and refuses without one. Exit code 0 (also: already deleted); 1 unknown "
            "campaign, being sent right now, or not confirmed."
        ),
    )
    add_campaign_argument(p)
    add_yes_option(p, "delete")
    p.set_defaults(func=cmd_forget)
