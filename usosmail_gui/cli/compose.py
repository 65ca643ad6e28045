"""``usosmail render`` and ``usosmail check``: the GUI's preview and problems list, headless.

Both read the same INPUTS (a recipient list plus a template given by options or by a
.usosmail file) and call the same core functions as the GUI: what ``render`` prints for
a row is byte for byte what that recipient would receive. A template file's derived
columns and grouping (core/letters) are computed on the list first, so the message, its
problems and its limits are those of what is sent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .output import EXIT_OK, EXIT_PROBLEM, load_list, print_json, problem_lines, say_error
from .recipients import _row_number

if TYPE_CHECKING:
    from usosmail_gui.core.letters import LetterSetup
    from usosmail_gui.core.letters.derive import LetterList
    from usosmail_gui.core.template import MessageTemplate


class InputError(Exception):
    """An INPUTS option that cannot be used; its text says what to do."""


def add_inputs(parser: argparse.ArgumentParser) -> None:
    """The INPUTS of docs/cli.md, shared by render, check, send."""
    where = parser.add_argument_group("recipients")
    where.add_argument("--recipients", metavar="FILE", required=True, help="the spreadsheet or CSV file")
    where.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first one with data)")
    where.add_argument(
        "--header-row",
        metavar="N",
        type=_row_number,
        help="the row number that holds the column names; 0: there is none (default: detected)",
    )
    where.add_argument(
        "--email-column",
        metavar="COL",
        help="the column with the addresses: name or letter (default: detected)",
    )
    what = parser.add_argument_group(
        "message", "either --template FILE, or --subject with --content / --content-file"
    )
    what.add_argument(
        "--template",
        metavar="FILE",
        help="a saved template (.usosmail) with subject, content, format and sender fields; "
        "the sender options below override its values",
    )
    what.add_argument("--subject", metavar="TEXT", help="the subject, with {column} placeholders")
    content = what.add_mutually_exclusive_group()
    content.add_argument("--content", metavar="TEXT", help="the content, with {column} placeholders")
    content.add_argument("--content-file", metavar="FILE", help="read the content from a UTF-8 text file")
    what.add_argument("--html", action="store_true", help="the content is HTML (default: plain text)")
    what.add_argument("--from-name", metavar="TEXT", help="the sender's name (default: USOS)")
    what.add_argument("--from-email", metavar="ADDR", help="the sender's address (only with --from-name)")
    what.add_argument("--summary-to", metavar="ADDR", help="where USOS sends its error report")
    what.add_argument(
        "--lang", choices=("pl", "en"), help="language of USOS's footer and report (default: pl)"
    )


def read_template(args: argparse.Namespace) -> tuple[MessageTemplate, LetterSetup]:
    """The template from ``--template`` or from the options, with the file's letter
    definitions (none from options); ``InputError`` if unusable."""
    from dataclasses import replace

    from usosmail_gui.core.letters import LetterSetup
    from usosmail_gui.core.template import (
        ContentFormat,
        Lang,
        MessageTemplate,
        TemplateFileError,
        load_template_file,
    )

    letters = LetterSetup()
    if args.template:
        if args.subject is not None or args.content is not None or args.content_file:
            raise InputError("Give either --template FILE or --subject with --content, not both.")
        try:
            template, letters = load_template_file(args.template)
        except TemplateFileError as exc:
            raise InputError(str(exc)) from None
    else:
        if args.subject is None or (args.content is None and not args.content_file):
            raise InputError(
                "Say what to send: --subject TEXT with --content TEXT (or --content-file FILE), "
                "or --template FILE."
            )
        content = args.content
        if args.content_file:
            path = Path(args.content_file)
            try:
                content = path.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError:
                raise InputError(f"{path} is not UTF-8 text. Save it as UTF-8 and try again.") from None
            except OSError as exc:
                raise InputError(f"{path} cannot be read ({exc.strerror or exc}). Check the path.") from None
        template = MessageTemplate(subject=args.subject, content=content or "")
    changes: dict[str, object] = {}
    if args.html:
        changes["content_format"] = ContentFormat.HTML
    for option, field in (
        ("from_name", "from_name"),
        ("from_email", "from_email"),
        ("summary_to", "send_summary_to"),
    ):
        value = getattr(args, option)
        if value is not None:
            changes[field] = value
    if args.lang:
        changes["lang"] = Lang(args.lang)
    return (replace(template, **changes) if changes else template), letters  # type: ignore[arg-type]


def read_inputs(args: argparse.Namespace) -> tuple[LetterList, MessageTemplate]:
    """The recipient list (with the template file's derived columns computed) and the
    template of INPUTS; ``InputError`` with plain words."""
    from usosmail_gui.core.letters.derive import prepare_letters
    from usosmail_gui.core.recipients import SpreadsheetError

    template, setup = read_template(args)
    try:
        table = load_list(args.recipients, args)
    except SpreadsheetError as exc:
        raise InputError(str(exc)) from None
    return prepare_letters(table, setup), template


def cmd_render(args: argparse.Namespace) -> int:
    from usosmail_gui.core.letters.check import compile_letters, letter_problems
    from usosmail_gui.core.template import RenderError, check_row, render

    try:
        letters, template = read_inputs(args)
    except InputError as exc:
        say_error(str(exc))
        return EXIT_PROBLEM
    table = letters.table
    if args.row is None:
        included = [r for r in range(table.row_count) if table.is_included(r)]
        if not included:
            say_error("The list has no rows to render.")
            return EXIT_PROBLEM
        index = included[0]
    else:
        found = letters.index_of(args.row)
        if found is None:
            source = letters.source
            first, last = source.row_number(0), source.row_number(source.row_count - 1)
            if source.row_index(args.row) is not None:  # grouped, and the row is unticked
                say_error(f"Row {args.row} is excluded from the list, so it is in no message.")
            else:
                say_error(f"Row {args.row} is not in the list (its rows are numbered {first} to {last}).")
            return EXIT_PROBLEM
        index = found
    number = table.row_number(index)
    compiled = compile_letters(template, letters)
    values = table.params(index)
    setup, extra = letter_problems(letters, compiled)
    problems = [
        *compiled.problems,
        *setup,
        *table.problems(index),
        *check_row(compiled, values, number, table.cell_errors(index)),
        *extra.get(index, ()),
    ]
    try:
        message = render(compiled, values, row=number)
    except RenderError as exc:
        problems += [p for p in exc.problems if p not in problems]
        say_error(f"Row {number} cannot be rendered:")
        print("\n".join(problem_lines(problems)), file=sys.stderr)
        return EXIT_PROBLEM
    to = table.recipients(index)
    if args.json:
        print_json(message.to_json(number, to))
    else:
        print(f"Row:     {number}")
        print(f"To:      {', '.join(to) if to else '(nobody: this row is not sent)'}")
        print(f"Subject: {message.subject}")
        print(f"Format:  {message.content_format}")
        print()
        print(message.content)
    blocking = [p for p in problems if p.is_error]
    if problems:
        print("\n".join(["Problems:", *problem_lines(problems)]), file=sys.stderr)
    return EXIT_PROBLEM if blocking or not to else EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from usosmail_gui.core.letters.check import check_letters

    try:
        letters, template = read_inputs(args)
    except InputError as exc:
        say_error(str(exc))
        return EXIT_PROBLEM
    table = letters.table
    result = check_letters(template, letters)
    if args.json:
        print_json(result.to_json())
    else:
        from usosmail_gui.core.counts import check_counts

        counts = check_counts(result)  # as the window's status bar counts (core/counts.py)
        left_out = f" · {counts.excluded:,} left out" if counts.excluded else ""
        print(
            f"{counts.rows:,} recipients · {counts.will_receive:,} would be sent{left_out} · "
            f"{counts.problems:,} problems"
        )
        if result.problems:
            print("\n".join(["Problems:", *problem_lines(result.problems)]))
        if result.template_blocks:
            print("Nothing can be sent until the template's errors are corrected.")
        elif result.blocked_rows:
            numbers = ", ".join(str(table.row_number(r)) for r in result.blocked_rows)
            print(f"Rows that would not be sent: {numbers}")
    return EXIT_PROBLEM if result.blocks else EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "render",
        help="show one recipient's message exactly as it would be sent",
        description=(
            "Render the subject and content for one recipient (the app's preview): exactly the "
            "text USOS would send. Exit codes: 0 fine, 1 a template or row problem (listed on "
            "stderr) or the input could not be read."
        ),
    )
    add_inputs(p)
    p.add_argument(
        "--row",
        metavar="N",
        type=_row_number,
        help="the row number as in the spreadsheet (default: the first row)",
    )
    p.add_argument(
        "--json", action="store_true", help='print {"row", "to", "subject", "content", "content_format"}'
    )
    p.set_defaults(func=cmd_render)

    p = sub.add_parser(
        "check",
        help="list every problem for every recipient, without sending",
        description=(
            "The pre-flight check: every problem of the list, the template and each recipient's "
            "message, and the rows that would not be sent. Nothing is sent. Exit codes: 0 nothing "
            "blocks, 1 something blocks (an error anywhere) or the input could not be read."
        ),
    )
    add_inputs(p)
    p.add_argument("--json", action="store_true", help='print {"recipients", "sendable", "problems": [...]}')
    p.set_defaults(func=cmd_check)
