"""``usosmail send`` and ``resume``: the GUI's Send, headless, on the same core.

``send`` builds the campaign snapshot (``core.campaign``), stores it in the journal,
and runs the one send loop (``core.sending``) the GUI's worker runs. Nothing is sent
without a confirmation: ``--yes``, or "y" typed on a terminal; with no terminal and no
``--yes`` it refuses. Ctrl+C stops after the request under way (a second Ctrl+C stops at
once; that request's recipients are then uncertain), and ``resume`` sends the rest.
Uncertain recipients are sent again only with ``resume --resend-uncertain``, after their
addresses are listed and the choice confirmed.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING

from usosmail_gui.core.counts import draft_counts
from usosmail_gui.core.credentials import ENV_KEY, ENV_SECRET, Credentials, CredentialStore

from .compose import InputError, add_inputs, read_inputs
from .output import (
    EXIT_OK,
    EXIT_PROBLEM,
    add_campaign_argument,
    add_yes_option,
    ask,
    can_ask,
    counts_text,
    open_campaign,
    open_journal,
    plural,
    print_json,
    row_ranges,
    say_error,
)

if TYPE_CHECKING:
    from usosmail_gui.core.campaign import CampaignDraft
    from usosmail_gui.core.journal import CampaignRecord, Counts, Journal, RecipientRecord
    from usosmail_gui.core.send_reports import SendProgress, SendResult

EXIT_NO_CREDENTIALS = 2
EXIT_CANCELLED = 130  # stopped with Ctrl+C (resumable), as for any interrupted command
MAX_ADDRESSES = 20  # uncertain recipients listed with their addresses; more: as row ranges
# why rows were left out, in words (the problem codes stay for --json and scripts)
EXCLUDED_WORDS = {
    "email_missing": "no address",
    "email_invalid": "not a valid address",
    "email_duplicate": "address repeated from an earlier row",
    "email_multiple": "several addresses in one cell",
    "email_pipe": "“|” in the address",
    "email_separators": "several addresses in one cell",
    "email_comma_domain": "a comma in the address's domain",
    "email_non_ascii": "letters USOS may not deliver to",
    "hidden_in_sheet": "hidden in the sheet",
    "subject_too_long": "subject too long",
    "content_too_long": "message too long",
    "from_name_too_long": "sender name too long",
    "empty_value": "an empty cell the template uses",
    "error_value": "an error cell the template uses",
    "control_character": "a control character in the text",
    "render_failed": "the template could not be filled in",
    "subject_line_break": "a line break in the subject",
}


# --- small helpers ---------------------------------------------------------------------------


def _batch_size(text: str) -> int:
    from usosmail_gui.core.campaign import MAX_BATCH_SIZE

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 1 <= value <= MAX_BATCH_SIZE:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_BATCH_SIZE}")
    return value


def _rows(text: str) -> frozenset[int] | None:
    """``all`` → None; ``7,9,12`` → those spreadsheet row numbers."""
    if text.strip().lower() == "all":
        return None
    try:
        rows = frozenset(int(part) for part in text.replace(" ", "").split(",") if part)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r}: give row numbers separated by commas (e.g. 7,9,12), or nothing for all"
        ) from None
    if not rows:
        raise argparse.ArgumentTypeError("give at least one row number")
    return rows


def _credentials(installation: str) -> Credentials | None:
    found = CredentialStore().for_cli(installation)
    if found is None:
        say_error(
            f"no consumer key and secret for {installation}. Save them in usosmail-gui "
            f"(Connection…) or set {ENV_KEY} and {ENV_SECRET}. Nothing was sent."
        )
    return found


def _preflight(installation: str, credentials: Credentials) -> int:
    """The ping check before anything is stored or sent: 0, or ping's exit code."""
    from usosmail_gui.core.usos.connection import Verdict, check_connection

    report = check_connection(
        installation, credentials.consumer_key, credentials.consumer_secret, compatibility=False
    )
    if report.ok:
        for warning in report.warning_texts():  # e.g. a stopped mail daemon: sending still works
            print(f"usosmail: warning: {warning}", file=sys.stderr)
        return EXIT_OK
    say_error(report.explanation() + " Nothing was sent.")
    if report.detail and report.verdict is not Verdict.OK:
        print(f"Details: {report.detail}", file=sys.stderr)
    return report.exit_code


class _CtrlC:
    """First Ctrl+C: stop after the request under way. Second: stop at once."""

    def __init__(self) -> None:
        self.requested = False

    def __call__(self) -> bool:
        return self.requested

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        print(
            "\nusosmail: stopping after the request under way (Ctrl+C again to stop at once)…",
            file=sys.stderr,
            flush=True,
        )

    @contextmanager
    def installed(self) -> Iterator[_CtrlC]:
        previous = signal.signal(signal.SIGINT, self._handle)
        try:
            yield self
        finally:
            signal.signal(signal.SIGINT, previous)


def _show_progress(progress: SendProgress) -> None:
    print(f"  {progress.text()}", file=sys.stderr, flush=True)


def _exit_code(result: SendResult) -> int:
    from usosmail_gui.core.send_reports import StopReason

    by_stop = {
        StopReason.CREDENTIALS_REJECTED: 2,
        StopReason.NOT_ADMINISTRATIVE: 3,
        StopReason.UNREACHABLE: 4,
        StopReason.REFUSED: 4,
        StopReason.CANCELLED: EXIT_CANCELLED,
    }
    if result.stop in by_stop:
        return by_stop[result.stop]
    return EXIT_OK if result.counts.all_enqueued else EXIT_PROBLEM


def _run_send(journal: Journal, campaign: CampaignRecord, credentials: Credentials, as_json: bool) -> int:
    from usosmail_gui.core.journal import CampaignBusy, JournalError
    from usosmail_gui.core.sending import send_campaign
    from usosmail_gui.core.usos.client import MailingClient

    interrupt = _CtrlC()
    print(f"Sending campaign {campaign.id} (Ctrl+C stops after the request under way)…", file=sys.stderr)
    try:
        with (
            MailingClient(
                campaign.installation, credentials.consumer_key, credentials.consumer_secret
            ) as client,
            interrupt.installed(),
        ):
            result = send_campaign(journal, client, campaign.id, cancelled=interrupt, progress=_show_progress)
    except (CampaignBusy, JournalError) as exc:
        say_error(f"{exc} Nothing was sent.")
        return EXIT_PROBLEM
    _report_result(journal, result, as_json)
    return _exit_code(result)


def _report_result(journal: Journal, result: SendResult, as_json: bool) -> None:
    from usosmail_gui.core.journal import RecipientState
    from usosmail_gui.core.send_reports import StopReason

    if as_json:
        print_json(result.to_json())
    else:
        print(f"Campaign {result.campaign}: {counts_text(result.counts)}.")
        print(result.message)
    lines: list[str] = []
    if result.counts.rejected or result.counts.uncertain:
        rejected = journal.recipients(result.campaign, [RecipientState.REJECTED])
        if rejected:
            lines.append("Refused by USOS:")
            lines += [f"  row {r.row} ({', '.join(r.addresses)}): {r.error}" for r in rejected]
        lines += _uncertain_lines(journal.recipients(result.campaign, [RecipientState.UNCERTAIN]))
        if any(r.decision is None for r in journal.recipients(result.campaign, [RecipientState.UNCERTAIN])):
            lines.append(
                f"To send uncertain ones again (only if you are sure they did not arrive): "
                f"usosmail resume {result.campaign} --resend-uncertain [ROWS]"
            )
    if result.counts.not_sent and result.stop is not StopReason.FINISHED:
        lines.append(f"To send the rest: usosmail resume {result.campaign}")
    if lines:
        print("\n".join(lines), file=sys.stderr if as_json else sys.stdout)


def _uncertain_lines(uncertain: Sequence[RecipientRecord]) -> list[str]:
    if not uncertain:
        return []
    if len(uncertain) > MAX_ADDRESSES:
        return [
            f"Uncertain (may or may not have been enqueued; not sent again): "
            f"{plural(len(uncertain), 'message')}, rows {row_ranges(r.row for r in uncertain)} "
            "(usosmail status CAMPAIGN --json lists their addresses)"
        ]
    lines = ["Uncertain (may or may not have been enqueued; not sent again):"]
    for r in uncertain:
        chosen = {"resend": " [sent again at your request]", "leave": " [left as it is]"}.get(
            str(r.decision), ""
        )
        lines.append(f"  row {r.row}: {', '.join(r.addresses)}{chosen}")
    return lines


# --- send ------------------------------------------------------------------------------------


def _draft_lines(draft: CampaignDraft) -> list[str]:
    from usosmail_gui.core.campaign import SendMode

    batches = draft.batches()
    mode = (
        "messages (the app renders each message: exactly what the preview shows is sent)"
        if draft.mode is SendMode.MESSAGES
        else "template (USOS fills in the template; only the placeholders it uses are sent; every "
        "message comes from the USOS Notifier address)"
    )
    first = draft.messages[0]
    lines = [
        f"Installation: {draft.installation}",
        f"Mode:         {mode}",
        f"Recipients:   {plural(draft.recipient_count, 'message')} to "
        f"{plural(draft.address_count, 'address', 'addresses')}, in {plural(len(batches), 'request')} "
        f"of up to {draft.batch_size}",
        f"Sender:       {draft.sender_text()}",
        f"Subject:      {draft.first_subject}   (row {first.row}, the first recipient)",
    ]
    counts = draft_counts(draft)  # as the window's Send… and status bar count (core/counts.py)
    rows = f"{counts.will_receive:,} of {plural(counts.rows, 'row')} of the list will receive"
    lines.append(f"Rows:         {rows}" + (f" · {counts.excluded:,} left out" if counts.excluded else ""))
    if any(m.also for m in draft.messages):
        sheet_rows = len({m.row for m in draft.messages} | {r for m in draft.messages for r, _ in m.also})
        lines.append(f"Grouped:      {plural(sheet_rows, 'row')} of the sheet (one message per address)")
    if draft.template.send_summary_to:
        lines.append(f"Error report: {draft.template.send_summary_to}")
    if draft.excluded:
        lines.append(f"Excluded:     {plural(len(draft.excluded), 'row')} (they get nothing):")
        for code, items in draft.excluded_by_reason().items():
            words = EXCLUDED_WORDS.get(code, "another problem")
            lines.append(f"  {words}: {plural(len(items), 'row')} ({row_ranges(e.row for e in items)})")
            lines.append(f"    e.g. row {items[0].row}: {items[0].reason}")
    else:
        lines.append("Excluded:     none")
    return lines


def cmd_send(args: argparse.Namespace) -> int:
    from usosmail_gui.core.campaign import CampaignError, SendMode, key_fingerprint
    from usosmail_gui.core.journal import JournalError
    from usosmail_gui.core.letters.campaign import build_letter_campaign

    try:
        letters, template = read_inputs(args)
    except InputError as exc:
        say_error(str(exc))
        return EXIT_PROBLEM
    credentials = _credentials(args.installation)
    if credentials is None:
        return EXIT_NO_CREDENTIALS
    try:
        draft = build_letter_campaign(
            letters,
            template,
            installation=args.installation,
            key_fingerprint=key_fingerprint(credentials.consumer_key),
            mode=SendMode(args.mode),
            batch_size=args.batch_size,
        )
    except CampaignError as exc:
        say_error(f"{exc} Nothing was sent.")
        return EXIT_PROBLEM
    print("\n".join(_draft_lines(draft)), file=sys.stderr)
    if not can_ask(args.yes, "sent"):
        return EXIT_PROBLEM
    checked = _preflight(draft.installation, credentials)
    if checked != EXIT_OK:
        return checked
    if not args.yes and not ask(f"Send {plural(draft.recipient_count, 'message')} now?"):
        say_error("nothing was sent.")
        return EXIT_PROBLEM
    journal = open_journal(then="Nothing was sent.")
    if journal is None:
        return EXIT_PROBLEM
    with journal:
        try:
            campaign = journal.create_campaign(draft)
        except JournalError as exc:
            say_error(f"{exc} Nothing was sent.")
            return EXIT_PROBLEM
        return _run_send(journal, campaign, credentials, args.json)


# --- resume ----------------------------------------------------------------------------------


def cmd_resume(args: argparse.Namespace) -> int:
    from usosmail_gui.core.campaign import key_fingerprint
    from usosmail_gui.core.journal import RecipientState, closed_words
    from usosmail_gui.core.sending import resend_uncertain

    found = open_campaign(args.campaign, then="Nothing was sent.")
    if found is None:
        return EXIT_PROBLEM
    journal, campaign = found
    with journal:
        if campaign.purged_at is not None:
            say_error(
                f"the personal data of campaign {campaign.id} was deleted on {campaign.purged_at[:10]}, "
                "so nothing of it can be sent any more. Nothing was sent."
            )
            return EXIT_PROBLEM
        if campaign.closed_at is not None:
            say_error(f"{closed_words(campaign)} Nothing was sent.")
            return EXIT_PROBLEM
        counts = journal.counts(campaign.id)
        chosen: list[RecipientRecord] = []
        if args.resend_uncertain is not False:
            wanted: frozenset[int] | None = args.resend_uncertain
            uncertain = journal.recipients(campaign.id, [RecipientState.UNCERTAIN])
            chosen = [r for r in uncertain if wanted is None or r.row in wanted]
            if wanted is not None:
                missing = sorted(wanted - {r.row for r in uncertain})
                if missing:
                    say_error(
                        f"row(s) {', '.join(map(str, missing))} of campaign {campaign.id} are not "
                        "uncertain; only uncertain recipients can be sent again. Nothing was sent."
                    )
                    return EXIT_PROBLEM
        if not counts.not_sent and not chosen:
            return _nothing_to_send(journal, campaign, counts, args)
        credentials = _credentials(campaign.installation)
        if credentials is None:
            return EXIT_NO_CREDENTIALS
        if key_fingerprint(credentials.consumer_key) != campaign.key_fingerprint:
            print(
                "usosmail: warning: this is not the consumer key that started the campaign; USOS "
                "shows a message's status only to the key that sent it.",
                file=sys.stderr,
            )
        lines = [
            f"Campaign:     {campaign.id} ({campaign.mode} mode, created {campaign.created_at[:16]} UTC)",
            f"Installation: {campaign.installation}",
            f"So far:       {counts_text(counts)}",
            f"To send:      {plural(counts.not_sent, 'message')} never sent",
        ]
        if chosen:
            lines.append(
                f"And again:    {plural(len(chosen), 'uncertain message')} that MAY HAVE ARRIVED "
                "already (each will be sent once more):"
            )
            lines += [f"  row {r.row}: {', '.join(r.addresses)}" for r in chosen]
        print("\n".join(lines), file=sys.stderr)
        if not can_ask(args.yes, "sent"):
            return EXIT_PROBLEM
        checked = _preflight(campaign.installation, credentials)
        if checked != EXIT_OK:
            return checked
        total = counts.not_sent + len(chosen)
        if not args.yes and not ask(f"Send {plural(total, 'message')} now?"):
            say_error("nothing was sent.")
            return EXIT_PROBLEM
        if chosen:
            resend_uncertain(journal, campaign.id, [r.seq for r in chosen])
        return _run_send(journal, campaign, credentials, args.json)


def _nothing_to_send(
    journal: Journal, campaign: CampaignRecord, counts: Counts, args: argparse.Namespace
) -> int:
    from usosmail_gui.core.journal import RecipientState
    from usosmail_gui.core.send_reports import SendResult, StopReason

    result = SendResult(campaign.id, counts, StopReason.FINISHED, "", 0, 0.0)
    text = (
        f"Nothing to send: campaign {campaign.id} has no recipient left that was never sent "
        f"({counts_text(counts)})."
    )
    if args.json:
        print_json(result.to_json())
        print(text, file=sys.stderr)
    else:
        print(text)
    uncertain = journal.recipients(campaign.id, [RecipientState.UNCERTAIN])
    if uncertain:
        lines = _uncertain_lines(uncertain)
        lines.append(
            f"To send them again (only if you are sure they did not arrive): "
            f"usosmail resume {campaign.id} --resend-uncertain [ROWS]"
        )
        print("\n".join(lines), file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK if counts.all_enqueued else EXIT_PROBLEM


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    no_terminal = (
        "Without --yes it shows what will be sent and asks y/N on the terminal; when there is no "
        "terminal (a script, a pipe) it refuses, sends nothing and exits 1."
    )
    codes = (
        "Exit codes: 0 all enqueued, 1 some rejected or uncertain (or nothing sent: no "
        "confirmation, an input problem), 2 credentials rejected (or none found), 3 key not "
        "administrative, 4 unreachable / not HTTPS / server trouble, 130 stopped with Ctrl+C "
        "(resumable)."
    )
    p = sub.add_parser(
        "send",
        help="create a campaign in the journal and send it",
        description=(
            "Send the message to every recipient of the list that has no blocking problem (those "
            "are excluded and listed). The campaign is recorded in the journal before the first "
            "request, and every request before it is sent, so nothing is ever sent twice or "
            f"lost: after a crash, `usosmail resume` sends the rest. {no_terminal} Ctrl+C stops "
            f"after the request under way. {codes}"
        ),
    )
    add_inputs(p)
    p.add_argument("--installation", required=True, metavar="URL", help="the USOS API base URL")
    p.add_argument(
        "--mode",
        choices=("messages", "template"),
        default="messages",
        help="messages (default): the app renders each message, exactly as previewed, from the "
        "sender you set; template: USOS fills in the template, only the placeholders it uses are "
        "sent, and USOS sends every message from its USOS Notifier address (the sender fields "
        "are not what students see)",
    )
    p.add_argument(
        "--batch-size",
        type=_batch_size,
        default=100,
        metavar="N",
        help="messages per request (default 100; a request is also kept under 2 MiB)",
    )
    add_yes_option(p, "send")
    p.add_argument(
        "--json",
        action="store_true",
        help='print {"campaign", "enqueued", "rejected", "uncertain", "not_sent"} at the end',
    )
    p.set_defaults(func=cmd_send)

    p = sub.add_parser(
        "resume",
        help="send what an interrupted campaign never sent",
        description=(
            "Send the recipients of a campaign that were never sent (after a crash, Ctrl+C, or a "
            "network or key problem). Uncertain recipients (their request may have reached USOS) "
            "are NOT sent again unless --resend-uncertain chooses them: their addresses are "
            f"listed and the choice confirmed first. {no_terminal} {codes}"
        ),
    )
    add_campaign_argument(p, "the campaign's name (see `usosmail campaigns`)")
    add_yes_option(p, "send")
    p.add_argument(
        "--resend-uncertain",
        nargs="?",
        const=None,
        default=False,
        type=_rows,
        metavar="ROWS",
        help="also send again the uncertain recipients of these spreadsheet rows (e.g. 7,9; "
        "default: all uncertain ones); they may receive the message twice",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help='print {"campaign", "enqueued", "rejected", "uncertain", "not_sent"} at the end',
    )
    p.set_defaults(func=cmd_resume)
