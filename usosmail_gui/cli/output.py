"""What every ``usosmail`` command shares: exit codes, JSON output, plain-words problems."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from usosmail_gui.core.problems import Problem

if TYPE_CHECKING:
    from usosmail_gui.core.journal import CampaignRecord, Counts, Journal
    from usosmail_gui.core.recipients import RecipientTable

EXIT_OK = 0
EXIT_PROBLEM = 1  # unreadable input, a template or row problem, something blocks


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say_error(message: str) -> None:
    """One plain-words line (or paragraph) on stderr, prefixed like every CLI error."""
    print(f"usosmail: {message}", file=sys.stderr)


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 message", "3 messages" (``many``: the plural when it is not word + "s")."""
    return f"{n:,} " + (word if n == 1 else many or word + "s")


def counts_text(counts: Counts) -> str:
    """A campaign's counts in one line, as ``send``, ``resume`` and ``campaigns`` print them."""
    return (
        f"{counts.enqueued:,} enqueued · {counts.rejected:,} rejected · "
        f"{counts.uncertain:,} uncertain · {counts.not_sent:,} not sent"
    )


def row_ranges(rows: Iterable[int], limit: int = 40) -> str:
    """Spreadsheet rows as ranges, "4–6, 9, 12–300", so 300 rows are one line; past
    ``limit`` ranges, "… and N more rows"."""
    ordered = sorted(set(rows))
    spans: list[tuple[int, int]] = []
    for row in ordered:
        if spans and row == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], row)
        else:
            spans.append((row, row))
    shown = [str(a) if a == b else f"{a}–{b}" for a, b in spans[:limit]]
    if len(spans) > limit:
        rest = sum(b - a + 1 for a, b in spans[limit:])
        shown.append(f"… and {rest:,} more rows")
    return ", ".join(shown)


def can_ask(yes: bool, what: str) -> bool:
    """With ``--yes`` or a terminal; otherwise say why nothing happens (``what``: "sent")."""
    if yes or sys.stdin.isatty():
        return True
    say_error(
        f"nothing was {what}: there is no terminal to ask for confirmation on. Check what would "
        "be sent (usosmail check / render), then run again with --yes."
    )
    return False


def ask(question: str) -> bool:
    """y/N on the terminal (asked on stderr so that stdout stays clean for --json)."""
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        answer = ""
    return answer.strip().lower() in ("y", "yes", "t", "tak")


def problem_lines(problems: Iterable[Problem]) -> list[str]:
    """``  row 7: error: …`` lines; list-wide problems say where they are; a recipient
    problem with an obvious correction (``a|b`` → ``a, b``) says it on the next line."""
    from usosmail_gui.core.recipients.table import FIXABLE_CODES

    lines = []
    for problem in problems:
        if problem.row is not None:
            where = f"row {problem.row}"
        elif problem.position is not None:
            where = f"{problem.position.part}, line {problem.position.line}, column {problem.position.column}"
        else:
            where = "list"
        lines.append(f"  {where}: {problem.severity}: {problem.message}")
        if problem.suggestion and problem.code in FIXABLE_CODES:
            lines.append(f"      quick fix: write “{problem.suggestion}” in the cell")
    return lines


def load_list(path: str, args: argparse.Namespace, **more: Any) -> RecipientTable:
    """The recipient list as the options say (sheet, header row, e-mail column), its
    values in the system's language; ``SpreadsheetError`` when it cannot be read."""
    from usosmail_gui.core.recipients import load

    return load(
        path,
        sheet=args.sheet,
        header_row=args.header_row,
        email_column=args.email_column,
        language=display_language(),
        **more,
    )


def display_language(environ: Mapping[str, str] | None = None) -> str:
    """The language numbers and dates are shown in, as the GUI's follows the system's: the
    first of LC_ALL, LC_NUMERIC and LANG that is set; "pl…" means Polish, else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_NUMERIC", "LANG"):
        value = env.get(name)
        if value:
            return "pl" if value.lower().startswith("pl") else "en"
    return "en"


def open_journal(*, to_read: bool = False, then: str = "") -> Journal | None:
    """The journal, or None after saying in plain words why it cannot be opened.

    ``to_read`` (campaigns, status, report): a journal that cannot be written (a read-only
    disk or file, a full disk) is still read, with a note saying so on stderr. ``then``:
    words added to the error (what did not happen, e.g. "Nothing was sent.").
    """
    from usosmail_gui.core.journal import Journal, JournalError

    try:
        journal = Journal.open_to_read() if to_read else Journal.open()
    except JournalError as exc:
        say_error(f"{exc} {then}".strip())
        return None
    if journal.read_only_reason is not None:
        print(
            f"usosmail: note: {journal.read_only_reason} Showing the journal as it is, read-only.",
            file=sys.stderr,
        )
        return journal
    _purge_due(journal)
    return journal


def _purge_due(journal: Journal) -> None:
    """The retention period, honoured by every command (as by the window)."""
    from usosmail_gui.core.journal import JournalError
    from usosmail_gui.core.retention import purge_due, retention_days

    try:
        purged = purge_due(journal)
    except JournalError as exc:  # e.g. a full disk: the data stays until the next time
        note = f"usosmail: note: personal data past its retention period is kept for now: {exc}"
        print(note, file=sys.stderr)
        return
    if purged:
        print(
            f"usosmail: note: the personal data of {len(purged):,} campaign(s) older than the retention "
            f"period ({retention_days(journal)} days after their last status) was deleted; their counts "
            f"stay: {', '.join(purged)}.",
            file=sys.stderr,
        )


def find_campaign(journal: Journal, name: str) -> CampaignRecord | None:
    """The campaign, or None after saying that the journal has no such campaign."""
    from usosmail_gui.core.journal import UnknownCampaign

    try:
        return journal.campaign(name)
    except UnknownCampaign as exc:
        say_error(str(exc))
        return None


def open_campaign(
    name: str, *, to_read: bool = False, then: str = ""
) -> tuple[Journal, CampaignRecord] | None:
    """The open journal (the caller closes it: ``with journal:``) and its campaign ``name``,
    or None after saying why not (``open_journal``, ``find_campaign``): what every command
    about one campaign starts with."""
    journal = open_journal(to_read=to_read, then=then)
    if journal is None:
        return None
    campaign = find_campaign(journal, name)
    if campaign is None:
        journal.close()
        return None
    return journal, campaign


CAMPAIGN_HELP = "the campaign's ID (usosmail campaigns)"


def add_campaign_argument(parser: argparse.ArgumentParser, help: str = CAMPAIGN_HELP) -> None:
    """The CAMPAIGN positional argument of a command about one campaign."""
    parser.add_argument("campaign", metavar="CAMPAIGN", help=help)


def add_yes_option(parser: argparse.ArgumentParser, verb: str) -> None:
    """``--yes``: do it (``verb``: "send", "close", "delete") without asking on the terminal."""
    parser.add_argument(
        "--yes", action="store_true", help=f"{verb} without asking (needed without a terminal)"
    )
