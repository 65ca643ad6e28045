"""``usosmail status`` and ``usosmail report``: delivery statuses and the dean's report.

``status`` first asks USOS for fresh statuses (the same ``poll_once`` the GUI's poller
calls) and writes them to the journal, then prints the journal's statuses. Without
credentials or a network it still prints what the journal knows, with a note saying so:
statuses are collected while USOS keeps them (7 days) and kept in the journal for good.
``report`` reads the journal only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .output import (
    EXIT_OK,
    EXIT_PROBLEM,
    add_campaign_argument,
    open_campaign,
    open_journal,
    print_json,
    say_error,
)

if TYPE_CHECKING:
    from usosmail_gui.core.journal import CampaignRecord
    from usosmail_gui.core.polling import PollResult
    from usosmail_gui.core.report import Translate
    from usosmail_gui.core.usos.client import MailingClient


# how the plain (not --json) output words the statuses that need more than their name
COUNT_WORDS = {
    "detail_pending": "finished (details being asked for)",
    "no_detail": "finished (USOS gave no details)",
    "unknown": "with a status this app does not know",
    "not_sent": "not sent",
}
STATUS_WORDS = {
    "detail_pending": "finished (details being asked for)",
    "no_detail": "finished, USOS gave no details",
    "not_sent": "not sent",
}
ALWAYS_COUNTED = frozenset({"waiting", "sent", "failed", "uncertain", "rejected", "expired"})


def _note(text: str) -> None:
    print(f"usosmail: note: {text}", file=sys.stderr)


def _client(campaign: CampaignRecord) -> MailingClient | None:
    """A client with the campaign's installation's credentials, or ``None`` (with a note)."""
    from usosmail_gui.core.campaign import key_fingerprint
    from usosmail_gui.core.credentials import ENV_KEY, ENV_SECRET, CredentialStore
    from usosmail_gui.core.usos.client import MailingClient, RetryPolicy
    from usosmail_gui.core.usos.errors import UsosError

    credentials = CredentialStore().for_cli(campaign.installation)
    if credentials is None:
        _note(
            f"no consumer key and secret for {campaign.installation} (save them in usosmail-gui or "
            f"set {ENV_KEY} and {ENV_SECRET}); showing the statuses last saved in the journal."
        )
        return None
    if key_fingerprint(credentials.consumer_key) != campaign.key_fingerprint:
        _note(
            "this is not the consumer key that sent the campaign; USOS shows a message's status "
            "only to the key that sent it, so its messages may look expired."
        )
    from usosmail_gui.core.diagnostics import AnswerLog

    try:
        return MailingClient(
            campaign.installation,
            credentials.consumer_key,
            credentials.consumer_secret,
            retry=RetryPolicy(attempts=2, initial_wait=0.5, max_wait=2.0),
            on_answer=AnswerLog().recorder(campaign.installation, campaign.id),  # masked, for support
        )
    except UsosError as exc:
        _note(f"{exc} Showing the statuses last saved in the journal.")
        return None


def _explain(result: PollResult) -> None:
    if result.stop_reason:
        _note(f"{result.stop_reason} Showing the statuses last saved in the journal.")
    elif result.offline:
        _note(
            f"USOS could not be reached ({result.error}); showing the statuses last saved in the "
            "journal. Nothing already collected is lost."
        )


def _progress(result: PollResult) -> None:
    state = "offline, will try again" if result.offline else f"{result.changed:,} changed"
    wait = "" if result.next_interval_hint is None else f"; next check in {result.next_interval_hint:.0f} s"
    print(f"checked {result.checked:,} messages: {state}{wait}", file=sys.stderr, flush=True)


def cmd_status(args: argparse.Namespace) -> int:
    from usosmail_gui.core.counts import campaign_counts_of
    from usosmail_gui.core.polling import poll_once, watch
    from usosmail_gui.core.statuses import campaign_counts, campaign_statuses

    found = open_campaign(args.campaign, to_read=True)
    if found is None:
        return EXIT_PROBLEM
    journal, campaign = found
    with journal:
        # statuses fetched now could not be saved: the journal's are shown
        client = None if journal.read_only else _client(campaign)
        if client is not None:
            with client:
                if args.watch:
                    result = watch(journal, client, campaign.id, on_result=_progress)
                else:
                    result = poll_once(journal, client, campaign.id)
            _explain(result)
        views = campaign_statuses(journal, campaign.id)
        counts = campaign_counts(journal, campaign.id, views)
    tally = campaign_counts_of(counts)  # as the GUI and the report count (core/counts.py)
    if campaign.purged_at is not None:
        _note(
            f"the personal data of campaign {campaign.id} was deleted on {campaign.purged_at[:10]} "
            "(retention period, or usosmail forget): only its counts are kept."
        )
    if args.json:
        # keys only added: "not_sent", "messages" and "finished" (never-sent ones are not)
        shown_counts: dict[str, int] = dict(counts.as_json())
        shown_counts.update(not_sent=counts.not_sent, messages=tally.messages, finished=tally.finished)
        print_json(
            {
                "campaign": campaign.id,
                "counts": shown_counts,
                "recipients": [
                    {
                        "row": v.row,
                        "email": v.email,
                        "message_id": v.message_id,
                        "status": str(v.status),
                        "error": v.error,
                        "raw_status": v.raw_status,  # for "unknown": the value USOS gave
                    }
                    for v in views
                ],
            }
        )
        return EXIT_OK
    summary = " · ".join(
        f"{n:,} {COUNT_WORDS.get(name, name)}"
        for name, n in counts.as_json().items()
        if name != "excluded" and (n or name in ALWAYS_COUNTED)
    )
    if counts.not_sent:
        summary += f" · {counts.not_sent:,} not sent"
    if counts.excluded:
        summary += f" · {counts.excluded:,} excluded (left out of the list, got nothing)"
    if tally.messages:
        summary += f" · {tally.finished:,} of {tally.messages:,} finished"
    print(f"Campaign {campaign.id}: {summary}")
    for v in views:
        line = f"  row {v.row}: {v.email or '(no address)'}: {STATUS_WORDS.get(v.status, v.shown_status)}"
        print(line + (f" ({v.error})" if v.error else ""))
    return EXIT_OK


def report_translator(lang: str) -> Translate | None:
    """For a Polish report, the app's Polish translation of the reasons it wrote (why a row
    was left out): Qt's translator file, read without any window. None for English, or when
    the package was built without it (then those reasons stay in English)."""
    if lang != "pl":
        return None
    from importlib import resources

    from PySide6.QtCore import QTranslator

    qm = Path(str(resources.files("usosmail_gui").joinpath("resources/i18n/usosmail_gui_pl.qm")))
    translator = QTranslator()
    if not qm.is_file() or not translator.load(str(qm)):
        _note("the Polish translation is missing (run make); reasons written by the app stay in English.")
        return None

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    return translate


def cmd_report(args: argparse.Namespace) -> int:
    from usosmail_gui.core.report import ReportError, report_about, write_report

    journal = open_journal(to_read=True)
    if journal is None:
        return EXIT_PROBLEM
    output = Path(args.output)
    with journal:
        try:
            count = write_report(
                journal, args.campaign, output, lang=args.lang, translate=report_translator(args.lang)
            )
        except ReportError as exc:
            say_error(str(exc))
            return EXIT_PROBLEM
        kept = report_about(journal, args.campaign, lang=args.lang)[-1][1]
    print(f"Wrote the report of campaign {args.campaign} ({count:,} rows) to {output}.")
    print(kept)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    status = sub.add_parser(
        "status",
        help="delivery statuses of a campaign, refreshed from USOS",
        description=(
            "Asks USOS for the latest statuses of a campaign's messages, saves them in the "
            "journal and prints them, with the rows the campaign left out (status 'excluded', with "
            "the reason). USOS keeps statuses for 7 days; older campaigns show what was "
            "collected, and 'expired' for the rest. Exit code 0."
        ),
    )
    add_campaign_argument(status)
    status.add_argument("--watch", action="store_true", help="keep checking until every message is finished")
    status.add_argument("--json", action="store_true", help="print JSON (docs/cli.md)")
    status.set_defaults(func=cmd_status)

    report = sub.add_parser(
        "report",
        help="write a campaign's result table to .xlsx or .csv",
        description=(
            "Writes one row per row of the sheet (rows the campaign left out too, with their "
            "reason): the spreadsheet's columns, the address, message ID, status, error, and when "
            "the message was enqueued and finished, and says until when the journal keeps the "
            "campaign's personal data. .csv is UTF-8 with ';' between fields (as Excel with Polish "
            "settings expects); .xlsx has real date cells, a frozen header with a filter, and a "
            "summary sheet with the counts. Exit code 0; 1 if the campaign is unknown or the file "
            "cannot be written."
        ),
    )
    add_campaign_argument(report)
    report.add_argument("--output", "-o", required=True, metavar="FILE", help="FILE.xlsx or FILE.csv")
    report.add_argument(
        "--lang",
        choices=("pl", "en"),
        default="en",
        help="language of the report's headers, statuses and summary (default: en)",
    )
    report.set_defaults(func=cmd_report)
