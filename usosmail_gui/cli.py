"""``usosmail``: the headless command line (contract: docs/cli.md).

It calls the same core functions as the GUI. Errors are printed as plain words on stderr
with the documented exit codes, never as a traceback; the consumer secret is read from
the keyring or the environment only, and never printed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from . import __version__
from .core.credentials import ENV_KEY, ENV_SECRET, CredentialStore
from .core.usos.connection import Verdict, check_connection
from .core.usos.installations import MOTHER_URL_ENV, known_installations, mother_url

if TYPE_CHECKING:
    from .core.recipients import RecipientTable

EXIT_OK = 0
EXIT_UNREADABLE = 1
EXIT_USAGE = 64


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_installations(args: argparse.Namespace) -> int:
    listing = known_installations(args.mother_url or mother_url(), live=not args.offline)
    if listing.problem:
        print(
            f"usosmail: the live list could not be fetched ({listing.problem}); "
            "showing the list bundled with the app.",
            file=sys.stderr,
        )
    lang = "pl" if args.lang == "pl" else "en"
    if args.json:
        _print_json(
            [
                {"name": i.name(lang), "name_pl": i.name_pl, "name_en": i.name_en, "base_url": i.base_url}
                for i in listing.installations
            ]
        )
    else:
        width = max((len(i.name(lang)) for i in listing.installations), default=0)
        for inst in listing.installations:
            print(f"{inst.name(lang):<{width}}  {inst.base_url}")
    return EXIT_OK


def cmd_ping(args: argparse.Namespace) -> int:
    credentials = CredentialStore().for_cli(args.installation)
    if credentials is None:
        print(
            f"usosmail: no consumer key and secret for {args.installation}. Save them in "
            f"usosmail-gui (Connection…) or set {ENV_KEY} and {ENV_SECRET}.",
            file=sys.stderr,
        )
        return 2
    report = check_connection(args.installation, credentials.consumer_key, credentials.consumer_secret)
    if args.json:
        _print_json(
            {
                "installation": report.base_url,
                "verdict": str(report.verdict),
                "ok": report.ok,
                "unsent_count": report.unsent_count,
                "message": report.explanation(),
                "detail": report.detail,
            }
        )
    else:
        stream = sys.stdout if report.ok else sys.stderr
        print(report.explanation(), file=stream)
        if report.detail and report.verdict is not Verdict.OK:
            print(f"Details: {report.detail}", file=stream)
    return report.exit_code


def _recipients_report(table: RecipientTable) -> list[str]:
    """The human summary of a loaded list: where it came from, how it was read, what is wrong."""
    source = table.source
    lines = [f"File:          {source.path} ({source.kind})"]
    if source.sheet is not None:
        others = [s.name for s in source.sheets if s.name != source.sheet]
        also = f"  (other sheets: {', '.join(others)})" if others else ""
        lines.append(f"Sheet:         {source.sheet}{also}")
    else:
        delimiter = {"\t": "tab", ";": "semicolon ;", ",": "comma ,", "|": "bar |", None: "one column"}.get(
            source.delimiter, repr(source.delimiter)
        )
        lines.append(f"Text:          {source.encoding}, {delimiter}")
    how = "detected" if source.header_row_detected else "as given"
    if source.header_row is None:
        lines.append(f"Header row:    none ({how}); columns are named by their letters")
    else:
        lines.append(f"Header row:    {source.header_row} ({how})")
    column = table.email_column
    if column is None:
        lines.append("E-mail column: none found; choose one with --email-column NAME_OR_LETTER")
    else:
        how = "detected" if source.email_column_detected else "as given"
        found = table.columns[column]
        lines.append(f"E-mail column: {found.name} (column {found.letter}, {how})")
    names = [c.name if not c.aliased else f"{c.name} → {{{c.placeholder}}}" for c in table.columns]
    lines.append(f"Columns:       {', '.join(names)}")
    lines.append(table.summary().text())
    problems = table.all_problems()
    if problems:
        lines.append("")
        lines.append("Problems:")
        for problem in problems:
            where = "list" if problem.row is None else f"row {problem.row}"
            lines.append(f"  {where}: {problem.severity}: {problem.message}")
    return lines


def cmd_recipients(args: argparse.Namespace) -> int:
    from .core.recipients import SpreadsheetError, load

    try:
        table = load(
            args.file, sheet=args.sheet, header_row=args.header_row, email_column=args.email_column
        )
    except SpreadsheetError as exc:
        print(f"usosmail: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        _print_json(table.to_json())
    else:
        print("\n".join(_recipients_report(table)))
    return EXIT_OK


def _row_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a row number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"a row number is 1 or more (0: no header row), not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="usosmail",
        description=(
            "Send personalised e-mail to students through the USOS API mailing module, "
            "without the GUI. Consumer key and secret come from the keyring entry saved by "
            f"usosmail-gui, else from {ENV_KEY} / {ENV_SECRET}."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is done (never secrets)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "installations",
        help="list known USOS API installations",
        description=(
            "List known USOS API installations (name and base URL): the live list from the "
            "mother server when reachable, the list bundled with the app otherwise. The "
            f"mother server is {mother_url()} unless --mother-url or {MOTHER_URL_ENV} says otherwise."
        ),
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--mother-url", metavar="URL", help="ask this server instead of the USOS mother server")
    p.add_argument("--offline", action="store_true", help="do not ask any server: bundled list only")
    p.add_argument("--lang", choices=("pl", "en"), default="en", help="language of the names (default: en)")
    p.set_defaults(func=cmd_installations)

    p = sub.add_parser(
        "ping",
        help="test the connection and the consumer key",
        description=(
            "Test the connection like the app's 'Test connection': system_status, then one "
            "signed administrative call. Exit codes: 0 ok, 2 credentials rejected (or none "
            "found), 3 key not administrative, 4 unreachable / not HTTPS / server trouble."
        ),
    )
    p.add_argument(
        "--installation", required=True, metavar="URL", help="base URL, e.g. https://usosapps.uw.edu.pl/"
    )
    p.add_argument("--json", action="store_true", help="print the verdict as JSON")
    p.set_defaults(func=cmd_ping)

    p = sub.add_parser(
        "recipients",
        help="load a recipient list and show what is wrong with it",
        description=(
            "Load a spreadsheet (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv, .tsv, .txt) exactly as "
            "the app does: the header row and the e-mail column are found by themselves "
            "unless given; every cell is shown as text as in the sheet; each address is "
            "checked (syntax only, nothing is sent) and duplicates are found. Prints a summary "
            "and the problems, or with --json every row. Exit codes: 0 loaded (even with "
            "problems in rows), 1 the file could not be read (the message says why)."
        ),
    )
    p.add_argument("file", metavar="FILE", help="the spreadsheet or CSV file")
    p.add_argument(
        "--sheet", metavar="NAME", help="the sheet to read (default: the first one with data)"
    )
    p.add_argument(
        "--header-row",
        metavar="N",
        type=_row_number,
        help="the row number (as in the sheet) that holds the column names; 0: there is none "
        "(default: detected, skipping title rows)",
    )
    p.add_argument(
        "--email-column",
        metavar="COL",
        help="the column with the addresses: its name, or its letter as in the sheet (e.g. C) "
        "(default: detected by its name, else by its content)",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help='print {"columns", "email_column", "rows": [{"row", "values", "emails", "problems"}]}',
    )
    p.set_defaults(func=cmd_recipients)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except KeyboardInterrupt:
        print("usosmail: interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
