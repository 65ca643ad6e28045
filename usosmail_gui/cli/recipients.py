"""``usosmail recipients``: load a spreadsheet exactly as the app does and say what is wrong."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .output import EXIT_OK, EXIT_PROBLEM, load_list, print_json, problem_lines

if TYPE_CHECKING:
    from usosmail_gui.core.recipients import RecipientTable


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
        if source.encoding_alternative:
            lines.append(
                f"               (read as {source.encoding_alternative}, its letters would differ: "
                f"--encoding {source.encoding_alternative.replace(' ', '-')})"
            )
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
    lines.append("Values:        " + _values_line(table))
    for info in table.columns:
        codes = table.unrendered_formats(info.index)
        if codes:
            lines.append(
                f"               {info.name}: format {', '.join(codes)} cannot be shown as the sheet does; "
                "its cells are shown as stored"
            )
    hidden = table.hidden_rows
    if hidden:
        rows = ", ".join(str(table.row_number(r)) for r in hidden[:10]) + (" …" if len(hidden) > 10 else "")
        lines.append(f"Hidden rows:   {len(hidden)} hidden in the sheet, left out (rows {rows})")
    lines.append(table.summary().text())
    problems = table.all_problems()
    if problems:
        lines.append("")
        lines.append("Problems:")
        lines += problem_lines(problems)
    return lines


def _values_line(table: RecipientTable) -> str:
    formatted = [c.name for c in table.columns if table.has_stored_values(c.index)]
    stored = [c.name for c in table.columns if table.shows_stored(c.index)]
    language = "Polish" if table.source.language == "pl" else "English"
    if stored:
        return f"as stored (--raw-values): {', '.join(stored)}"
    if formatted:
        return f"as the sheet shows them, {language} separators ({', '.join(formatted)} formatted)"
    return f"as the sheet shows them, {language} separators"


def cmd_recipients(args: argparse.Namespace) -> int:
    from usosmail_gui.core.recipients import SpreadsheetError

    try:
        table = load_list(args.file, args, raw_values=args.raw_values, encoding=args.encoding)
    except SpreadsheetError as exc:
        print(f"usosmail: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    if args.json:
        print_json(table.to_json())
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


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "recipients",
        help="load a recipient list and show what is wrong with it",
        description=(
            "Load a spreadsheet (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv, .tsv, .txt) exactly as "
            "the app does: the header row and the e-mail column are found by themselves "
            "unless given; every cell is shown as the sheet shows it (its number format, with "
            "the separators of the system's language: LC_ALL, LC_NUMERIC or LANG; pl_* means "
            "Polish), hidden rows are left out; each address is "
            "checked (syntax only, nothing is sent) and duplicates are found. Prints a summary "
            "and the problems, or with --json every row. Exit codes: 0 loaded (even with "
            "problems in rows), 1 the file could not be read (the message says why)."
        ),
    )
    p.add_argument("file", metavar="FILE", help="the spreadsheet or CSV file")
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first one with data)")
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
        "--encoding",
        metavar="ENC",
        help="a text file's encoding: UTF-8, Windows-1250, ISO-8859-2 or UTF-16 (default: detected; "
        "when Windows-1250 and ISO 8859-2 would read different letters, the summary says so)",
    )
    p.add_argument(
        "--raw-values",
        action="store_true",
        help="the cells' stored values (12345, 0.8512, 2024-06-17) instead of what the sheet's number "
        "formats show (012345, 85,12%%, 17.06.2024)",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help='print {"columns", "email_column", "rows": [{"row", "values", "emails", "problems"}]}',
    )
    p.set_defaults(func=cmd_recipients)
