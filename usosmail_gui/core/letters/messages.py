"""The problems derived columns and grouped letters report: stable codes and wording.

Each is made of ``Sentence`` values (core/sentences.py), so the GUI shows it in the
user's language and the CLI prints the English. A row's problems are made once per
distinct case with ``row=None`` (prototypes) and given their row when listed
(``at_row``): 50,000 guessed salutations share a few hundred texts.
"""

from __future__ import annotations

from dataclasses import replace

from usosmail_gui.core.problems import Problem, Severity
from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, Sentence, say

__all__ = ["Code", "at_row"]

ERROR = Severity.ERROR
WARNING = Severity.WARNING


class Code:
    """Problem codes of derived columns (stable: scripts and translations key on them)."""

    GENDER_GUESSED = "gender_guessed"
    GENDER_UNKNOWN = "gender_unknown"
    NAME_NOT_DECLINED = "name_not_declined"
    DERIVED_SOURCE_MISSING = "derived_source_missing"
    DERIVED_NAME_TAKEN = "derived_name_taken"
    DERIVED_NAME_INVALID = "derived_name_invalid"
    DICTIONARY_MISSING = "dictionary_missing"
    GROUP_LINE_INVALID = "group_line_invalid"
    GROUP_LINE_FAILED = "group_line_failed"
    GROUP_VALUES_DIFFER = "group_values_differ"

    @classmethod
    def all(cls) -> list[str]:
        return [v for k, v in vars(cls).items() if k.isupper() and isinstance(v, str)]


def at_row(problem: Problem, row: int) -> Problem:
    """The prototype ``problem`` for the row numbered ``row``."""
    return replace(problem, row=row)


def _problem(code: str, severity: Severity, sentences: tuple[Sentence, ...], field: str | None) -> Problem:
    return Problem.said(None, code, severity, sentences, field)


def _why_guessed(gender_column: str | None, cell: str) -> Sentence:
    if gender_column is None:
        return say(QT_TRANSLATE_NOOP("Problems", "The list has no gender column."))
    if not cell.strip():
        return say(QT_TRANSLATE_NOOP("Problems", "“{column}” is empty in this row."), column=gender_column)
    return say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "“{value}” in “{column}” is not a gender the app can read (K/M, kobieta/mężczyzna, F/M).",
        ),
        value=cell.strip(),
        column=gender_column,
    )


def gender_guessed(column: str, gender_column: str | None, cell: str, name: str, value: str) -> Problem:
    sentences = (
        _why_guessed(gender_column, cell),
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "“{column}” is guessed from the first name “{name}”: “{value}”. Check it, or set this row's "
                "value.",
            ),
            column=column,
            name=name,
            value=value,
        ),
    )
    return _problem(Code.GENDER_GUESSED, WARNING, sentences, column)


def gender_unknown(column: str, gender_column: str | None, cell: str, name: str, value: str) -> Problem:
    if name:
        reason = say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "The gender cannot be told from the first name “{name}” (the dictionary of Polish first "
                "names does not have it, or has it for women and men).",
            ),
            name=name,
        )
    else:
        reason = say(QT_TRANSLATE_NOOP("Problems", "The first name is empty too."))
    sentences = (
        _why_guessed(gender_column, cell),
        reason,
        say(
            QT_TRANSLATE_NOOP("Problems", "“{column}” says “{value}”. Check it, or set this row's value."),
            column=column,
            value=value,
        ),
    )
    return _problem(Code.GENDER_UNKNOWN, WARNING, sentences, column)


def name_not_declined(column: str, name: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "“{name}” is not in the dictionary of Polish first names (or is a name of women and men), so "
            "“{column}” has it as written, not in the vocative. Check it, or set this row's value.",
        ),
        name=name,
        column=column,
    )
    return _problem(Code.NAME_NOT_DECLINED, WARNING, (text,), column)


def source_missing(column: str, source: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "The derived column “{column}” reads the column “{source}”, which the recipient list does not "
            "have. Choose another column, or remove the derived column.",
        ),
        column=column,
        source=source,
    )
    return _problem(Code.DERIVED_SOURCE_MISSING, ERROR, (text,), column)


def name_taken(column: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "The derived column “{column}” has the name of a column of the list or of another derived "
            "column. Give it another name.",
        ),
        column=column,
    )
    return _problem(Code.DERIVED_NAME_TAKEN, ERROR, (text,), column)


def name_invalid(column: str, character: str) -> Problem:
    if character.isspace():
        text = say(QT_TRANSLATE_NOOP("Problems", "A derived column needs a name. Give it one."))
    else:
        text = say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "“{column}” cannot be the name of a derived column: “{character}” has another meaning in "
                "placeholders. Give it a name without { } [ ] . : or !.",
            ),
            column=column,
            character=character,
        )
    return _problem(Code.DERIVED_NAME_INVALID, ERROR, (text,), column)


def dictionary_missing(column: str, detail: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "The dictionary of Polish first names (Morfeusz 2) cannot be loaded ({detail}), and the derived "
            "column “{column}” needs it. Install usosmail-gui again (it brings the dictionary), or give the "
            "salutation a gender column.",
        ),
        column=column,
        detail=detail,
    )
    return _problem(Code.DICTIONARY_MISSING, ERROR, (text,), column)


def line_invalid(column: str, line: str, detail: Sentence | str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "The line that lists each row in “{column}” (“{line}”) cannot be used: {detail} Correct the "
            "line.",
        ),
        column=column,
        line=line,
        detail=detail,
    )
    return _problem(Code.GROUP_LINE_INVALID, ERROR, (text,), column)


def line_failed(column: str, detail: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "This row's line in “{column}” cannot be put together ({detail}). Check the line and the row.",
        ),
        column=column,
        detail=detail,
    )
    return _problem(Code.GROUP_LINE_FAILED, ERROR, (text,), column)


def values_differ(column: str, rows: str, address: str, values: str, first: int) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "Rows {rows} go to {address} in one message, but their “{column}” differs ({values}); the "
            "message uses row {first}'s. Correct the cells if that is not right.",
        ),
        rows=rows,
        address=address,
        column=column,
        values=values,
        first=str(first),
    )
    return _problem(Code.GROUP_VALUES_DIFFER, WARNING, (text,), column)
