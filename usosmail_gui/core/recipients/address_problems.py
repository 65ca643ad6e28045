"""The recipient list's problems: their codes, the list's own (no e-mail column), a row's
(what its e-mail cell holds, and the addresses an earlier row takes), and their counts
without their texts (for the summary after every edit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from usosmail_gui.core.problems import Problem, Severity
from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, say

from .email_reasons import reason_sentence
from .emails import (
    COMMA_IN_DOMAIN,
    PIPE_BETWEEN_ADDRESSES,
    PIPE_IN_ADDRESS,
    SPACES_BETWEEN_ADDRESSES,
    CellVerdict,
    Verdict,
)

__all__ = ["FIXABLE_CODES", "Code", "no_email_column_problem", "problem_counts", "row_problems"]


class Code:
    """Problem codes of the recipient list (stable: scripts and translations key on them)."""

    NO_EMAIL_COLUMN = "no_email_column"
    EMAIL_MISSING = "email_missing"
    EMAIL_INVALID = "email_invalid"
    EMAIL_DUPLICATE = "email_duplicate"
    EMAIL_MULTIPLE = "email_multiple"
    EMAIL_PIPE = "email_pipe"  # "|" in an address: USOS would read two recipients
    EMAIL_SEPARATORS = "email_separators"  # addresses separated by spaces or "/"
    EMAIL_COMMA_DOMAIN = "email_comma_domain"  # "uw.edu,pl"
    EMAIL_NON_ASCII = "email_non_ascii"  # "łukasz@…": valid, but often bounced


_REASON_CODES = {
    PIPE_IN_ADDRESS: Code.EMAIL_PIPE,
    PIPE_BETWEEN_ADDRESSES: Code.EMAIL_PIPE,
    SPACES_BETWEEN_ADDRESSES: Code.EMAIL_SEPARATORS,
    COMMA_IN_DOMAIN: Code.EMAIL_COMMA_DOMAIN,
}
FIXABLE_CODES = frozenset({Code.EMAIL_PIPE, Code.EMAIL_SEPARATORS, Code.EMAIL_COMMA_DOMAIN})
"""Recipient problems whose ``suggestion`` is the corrected e-mail cell (a quick fix)."""


def no_email_column_problem() -> Problem:
    """The list's problem when it has no column of addresses (row None)."""
    return Problem.said(
        None,
        Code.NO_EMAIL_COLUMN,
        Severity.ERROR,
        (
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "No column of e-mail addresses was found (no header like “E-mail” and no column "
                    "of addresses). Choose the column that holds the addresses.",
                )
            ),
        ),
    )


def row_problems(
    verdict: CellVerdict,
    duplicates: Sequence[tuple[str, int]],
    *,
    number: int,
    field: str,
    first_number: Sequence[int],
) -> tuple[Problem, ...]:
    """The problems of sheet row ``number`` whose e-mail cell (column ``field``) holds
    ``verdict``; ``duplicates``: (address, row index of its first occurrence) taken by an
    earlier row; ``first_number``: the sheet number of each row index."""
    found: list[Problem] = []
    if verdict.empty:
        text = say(
            QT_TRANSLATE_NOOP(
                "Problems", "No e-mail address in column “{column}”. Add one, or exclude the row."
            ),
            column=field,
        )
        found.append(Problem.said(number, Code.EMAIL_MISSING, Severity.ERROR, (text,), field))
    for address, reason in verdict.invalid:
        sentences = [
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "“{address}” is not a valid e-mail address: {reason} Correct it, or exclude the row.",
                ),
                address=address,
                reason=reason_sentence(reason),
            )
        ]
        if verdict.addresses:
            sentences.append(say(QT_TRANSLATE_NOOP("Problems", "Nothing is sent to this row until then.")))
        code = _REASON_CODES.get(reason, Code.EMAIL_INVALID)
        problem = Problem.said(number, code, Severity.ERROR, tuple(sentences), field)
        if code in FIXABLE_CODES and verdict.fix is not None:
            problem = replace(problem, suggestion=verdict.fix)
        found.append(problem)
    for address in verdict.non_ascii:
        text = say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "“{address}” has letters such as “ł” or “ó” before the @-sign. It is a valid address, "
                "but many mail servers refuse such addresses, so the message may bounce. Check it "
                "with the student, or write the address the university gave them.",
            ),
            address=address,
        )
        found.append(Problem.said(number, Code.EMAIL_NON_ASCII, Severity.WARNING, (text,), field))
    if len(verdict.addresses) > 1:
        text = say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "This cell holds {count} addresses ({addresses}); each of them receives this row's "
                "message.",
            ),
            count=str(len(verdict.addresses)),
            addresses=", ".join(verdict.addresses),
        )
        found.append(Problem.said(number, Code.EMAIL_MULTIPLE, Severity.WARNING, (text,), field))
    for address in verdict.repeated:
        text = say(
            QT_TRANSLATE_NOOP(
                "Problems", "{address} is written twice in this cell; it receives the message once."
            ),
            address=address,
        )
        found.append(Problem.said(number, Code.EMAIL_DUPLICATE, Severity.WARNING, (text,), field))
    nothing_left = bool(duplicates) and len(duplicates) == len(verdict.addresses)
    for address, first in duplicates:
        if nothing_left:
            template = QT_TRANSLATE_NOOP(
                "Problems",
                "{address} is already in row {first}, which receives the message; so this row receives "
                "nothing. Exclude one of the rows if that is not what you want.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Problems",
                "{address} is already in row {first}, which receives the message; this row's message is "
                "not sent to it again. Exclude one of the rows if that is not what you want.",
            )
        text = say(template, address=address, first=str(first_number[first]))
        found.append(Problem.said(number, Code.EMAIL_DUPLICATE, Severity.WARNING, (text,), field))
    return tuple(found)


def problem_counts(verdict: Verdict, duplicates: int) -> tuple[int, int]:
    """``(errors, warnings)`` of a row's problems, counted the way ``row_problems`` builds
    them (``duplicates``: how many of its addresses an earlier row takes)."""
    if isinstance(verdict, str):
        return 0, duplicates
    errors = (1 if verdict.empty else 0) + len(verdict.invalid)
    warnings = (1 if len(verdict.addresses) > 1 else 0) + len(verdict.repeated) + duplicates
    warnings += len(verdict.non_ascii)
    return errors, warnings
