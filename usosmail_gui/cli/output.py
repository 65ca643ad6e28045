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
    from usosmail_gui.core.journal import Journal
    from usosmail_gui.core.recipients import RecipientTable

EXIT_OK = 0
EXIT_PROBLEM = 1  # unreadable input, a template or row problem, something blocks


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def say_error(message: str) -> None:
    """One plain-words line (or paragraph) on stderr, prefixed like every CLI error."""
    print(f"usosmail: {message}", file=sys.stderr)


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


def open_journal() -> Journal | None:
    """The journal, or None after saying in plain words why it cannot be opened."""
    from usosmail_gui.core.journal import Journal, JournalError

    try:
        return Journal.open()
    except JournalError as exc:
        say_error(str(exc))
        return None
