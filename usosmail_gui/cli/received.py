"""``usosmail show CAMPAIGN --row N``: exactly what one row's student was sent.

Read from the campaign's snapshot in the journal (core/received.py): the subject, the
content, its format, the sender as the student sees it, and the status history. The
journal only is read; nothing is asked of USOS (``usosmail status`` refreshes statuses).
"""

from __future__ import annotations

import argparse

from .output import EXIT_OK, EXIT_PROBLEM, add_campaign_argument, open_journal, print_json, say_error
from .recipients import _row_number


def cmd_show(args: argparse.Namespace) -> int:
    from usosmail_gui.core.journal import JournalError
    from usosmail_gui.core.received import received

    journal = open_journal()
    if journal is None:
        return EXIT_PROBLEM
    with journal:
        try:
            found = received(journal, args.campaign, args.row)
        except JournalError as exc:
            say_error(str(exc))
            return EXIT_PROBLEM
    if args.json:
        print_json(found.to_json())
        return EXIT_OK
    print(f"Campaign: {found.campaign}")
    print(f"Row:      {found.row}")
    if found.excluded is not None and not found.messages:
        print(f"Sent:     nothing — the row was left out: {found.excluded.reason}")
        return EXIT_OK
    for number, message in enumerate(found.messages, 1):
        if len(found.messages) > 1:
            print(f"\n— message {number} of {len(found.messages)} —")
        if len(message.rows) > 1:
            rows = ", ".join(map(str, message.rows))
            print(
                f"Message:  one message for rows {rows} (the same address), made from row {message.rows[0]}"
            )
        print(f"To:       {', '.join(message.to)}")
        print(f"From:     {message.sender}")
        print(f"Subject:  {message.subject if message.subject is not None else '(not kept)'}")
        print(f"Format:   {message.content_format}")
        print(f"Mode:     {message.mode}")
        print(f"Status:   {message.status}" + (f" — {message.error}" if message.error else ""))
        print()
        print(message.content if message.content is not None else "(the content was not kept)")
        print()
        print("History:")
        for event in message.history:
            print(
                f"  {event.local_time()}  {event.event.replace('_', ' ')}"
                + (f": {event.detail}" if event.detail else "")
            )
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "show",
        help="what one row's student was sent in a campaign, and its status history",
        description=(
            "Print exactly what the student of one row of the sheet was sent in a campaign — "
            "subject, content, format and sender — and its status history, from the campaign's "
            "snapshot in the journal (USOS keeps no copy). A row that was left out says why. "
            "Exit codes: 0 shown, 1 unknown campaign or row."
        ),
    )
    add_campaign_argument(p, "the campaign (usosmail campaigns lists them)")
    p.add_argument(
        "--row", metavar="N", type=_row_number, required=True, help="the row number as in the spreadsheet"
    )
    p.add_argument(
        "--json",
        action="store_true",
        help='print {"campaign", "row", "messages": [{"subject", "content", "history", ...}], "excluded"}',
    )
    p.set_defaults(func=cmd_show)
