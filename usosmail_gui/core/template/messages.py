"""Every problem the template checker reports: its stable code, severity and wording.

One place for the wording. Each message is made of ``Sentence`` values (core/sentences.py)
marked for translation, so the GUI shows it in the user's language and the CLI prints the
English; ``Problem.args`` keeps the values for scripts. A message says what happened and
what to do, in the words of someone writing a letter, not of a Python programmer.
"""

from __future__ import annotations

from usosmail_gui.core.problems import Problem, Severity, TextPosition
from usosmail_gui.core.recipients.email_reasons import reason_sentence
from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, Sentence, english, say

__all__ = ["Code"]

ERROR = Severity.ERROR
WARNING = Severity.WARNING


class Code:
    """Problem codes of templates (stable: scripts and translations key on them)."""

    # a placeholder that cannot be filled in
    UNKNOWN_PLACEHOLDER = "unknown_placeholder"
    ATTRIBUTE_ACCESS = "attribute_access"
    INDEX_ACCESS = "index_access"
    EMPTY_PLACEHOLDER = "empty_placeholder"
    POSITIONAL_PLACEHOLDER = "positional_placeholder"
    INVALID_PLACEHOLDER = "invalid_placeholder"
    # braces
    UNMATCHED_OPEN_BRACE = "unmatched_open_brace"
    UNMATCHED_CLOSE_BRACE = "unmatched_close_brace"
    CSS_BRACES = "css_braces"
    LITERAL_BRACES = "literal_braces"
    # conversions and format specs
    CONVERSION_UNKNOWN = "conversion_unknown"
    CONVERSION_REPR = "conversion_repr"
    CONVERSION_ASCII = "conversion_ascii"
    FORMAT_SPEC_INVALID = "format_spec_invalid"
    # the texts themselves
    SUBJECT_EMPTY = "subject_empty"
    CONTENT_EMPTY = "content_empty"
    SUBJECT_LINE_BREAK = "subject_line_break"
    CONTROL_CHARACTER = "control_character"  # NUL, BEL, ESC…: in any text, or brought by a value
    SUBJECT_TOO_LONG = "subject_too_long"
    CONTENT_TOO_LONG = "content_too_long"
    # sender fields
    FROM_NAME_TOO_LONG = "from_name_too_long"
    FROM_NAME_LINE_BREAK = "from_name_line_break"
    FROM_EMAIL_NEEDS_NAME = "from_email_needs_name"
    FROM_EMAIL_INVALID = "from_email_invalid"
    SUMMARY_TO_INVALID = "summary_to_invalid"
    # per recipient
    EMPTY_VALUE = "empty_value"
    ERROR_VALUE = "error_value"
    RENDER_FAILED = "render_failed"

    @classmethod
    def all(cls) -> list[str]:
        return [v for k, v in vars(cls).items() if k.isupper() and isinstance(v, str)]


def _ph(name: str) -> str:
    return "{" + name + "}"


def _part_words(position: TextPosition | None) -> Sentence:
    part = position.part if position else ""
    if part == "subject":
        return say(QT_TRANSLATE_NOOP("Problems", "the subject"))
    if part == "content":
        return say(QT_TRANSLATE_NOOP("Problems", "the message text"))
    if part == "from_name":
        return say(QT_TRANSLATE_NOOP("Problems", "the sender name"))
    return say(QT_TRANSLATE_NOOP("Problems", "the template"))


def _make(
    code: str,
    severity: Severity,
    sentences: tuple[Sentence, ...],
    position: TextPosition | None,
    *,
    row: int | None = None,
    field: str | None = None,
    suggestion: str | None = None,
    **args: str | int,
) -> Problem:
    if suggestion is not None:
        args["suggestion"] = suggestion
    return Problem(
        row, code, severity, english(sentences), field, position, suggestion, args, sentences=sentences
    )


# --- placeholders --------------------------------------------------------------------


def unknown_placeholder(
    position: TextPosition, source: str, name: str, suggestion: str | None, *, no_columns: bool
) -> Problem:
    if no_columns:
        first = say(
            QT_TRANSLATE_NOOP("Problems", "{source} names no column: the recipient list has no columns yet."),
            source=source,
        )
    else:
        first = say(
            QT_TRANSLATE_NOOP(
                "Problems", "{source} names no column of the recipient list, so it cannot be filled in."
            ),
            source=source,
        )
    sentences = [first]
    if suggestion is not None:
        sentences.append(
            say(QT_TRANSLATE_NOOP("Problems", "Did you mean {placeholder}?"), placeholder=_ph(suggestion))
        )
    sentences.append(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "A placeholder must be a column name exactly as in the list; braces meant as text are "
                "written {{ and }}.",
            )
        )
    )
    return _make(
        Code.UNKNOWN_PLACEHOLDER,
        ERROR,
        tuple(sentences),
        position,
        field=name,
        suggestion=suggestion,
        source=source,
        name=name,
    )


def written_column_name(position: TextPosition, source: str, column: str, placeholder: str) -> Problem:
    """The user wrote a column's name that cannot be a placeholder (``Ocena 1.5``)."""
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "The column “{column}” cannot be written as {source}: its name contains characters that "
            "placeholders use for other things. Write {placeholder} instead.",
        ),
        column=column,
        source=source,
        placeholder=_ph(placeholder),
    )
    return _make(
        Code.UNKNOWN_PLACEHOLDER,
        ERROR,
        (text,),
        position,
        field=column,
        suggestion=placeholder,
        source=source,
        name=column,
    )


def attribute_access(position: TextPosition, source: str, name: str, known: bool) -> Problem:
    sentences = [
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{source} asks for a property of the value (the part after the dot), so the recipient "
                "would get Python internals such as “<built-in method …>” instead of text.",
            ),
            source=source,
        )
    ]
    if known:
        sentences.append(
            say(QT_TRANSLATE_NOOP("Problems", "Write just {placeholder}."), placeholder=_ph(name))
        )
    return _make(
        Code.ATTRIBUTE_ACCESS,
        ERROR,
        tuple(sentences),
        position,
        field=name,
        suggestion=name if known else None,
        source=source,
        name=name,
    )


def index_access(position: TextPosition, source: str, name: str, known: bool) -> Problem:
    sentences = [
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{source} takes a piece of the value (the part in square brackets); that fails or gives a "
                "single character.",
            ),
            source=source,
        )
    ]
    if known:
        sentences.append(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems", "Write just {placeholder}, or put the part you need in a column of its own."
                ),
                placeholder=_ph(name),
            )
        )
    return _make(
        Code.INDEX_ACCESS,
        ERROR,
        tuple(sentences),
        position,
        field=name,
        suggestion=name if known else None,
        source=source,
        name=name,
    )


def empty_placeholder(position: TextPosition, source: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "{source} has no column name in it. Write the column name between the braces, e.g. {Imię}, "
            "or write {{ and }} for braces meant as text.",
        ),
        source=source,
    )
    return _make(Code.EMPTY_PLACEHOLDER, ERROR, (text,), position, source=source)


def positional_placeholder(position: TextPosition, source: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "{source} is a number, not a column name; placeholders are filled in by column name only. "
            "Write the column name between the braces.",
        ),
        source=source,
    )
    return _make(Code.POSITIONAL_PLACEHOLDER, ERROR, (text,), position, source=source)


_INVALID_DETAIL = {
    "Empty attribute in format string": QT_TRANSLATE_NOOP(
        "Problems", "there is nothing after a dot, or between square brackets"
    ),
    "Only '.' or '[' may follow ']' in format field specifier": QT_TRANSLATE_NOOP(
        "Problems", "text follows a closing square bracket"
    ),
    "Missing ']' in format string": QT_TRANSLATE_NOOP("Problems", "a square bracket is not closed"),
    "Too many decimal digits in format string": QT_TRANSLATE_NOOP(
        "Problems", "the number in it is far too long"
    ),
    "end of string while looking for conversion specifier": QT_TRANSLATE_NOOP(
        "Problems", "the text ends right after “!”"
    ),
    "expected ':' after conversion specifier": QT_TRANSLATE_NOOP(
        "Problems", "after “!” only one letter (s, r or a) may come, then “}” or “:”"
    ),
    "Max string recursion exceeded": QT_TRANSLATE_NOOP(
        "Problems",
        "a placeholder inside the format of a placeholder inside another placeholder's format (only one "
        "level is allowed)",
    ),
}


def invalid_placeholder(position: TextPosition, source: str, detail: str) -> Problem:
    words = _INVALID_DETAIL.get(detail)
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "{source} is not a valid placeholder: {what}. A placeholder is a column name in braces, e.g. "
            "{Imię}; braces meant as text are written {{ and }}.",
        ),
        source=source,
        what=say(words) if words is not None else detail,
    )
    return _make(Code.INVALID_PLACEHOLDER, ERROR, (text,), position, source=source, detail=detail)


# --- braces --------------------------------------------------------------------------


def unmatched_open_brace(position: TextPosition) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "This “{” in {part} is never closed by “}”. If it starts a placeholder, finish it (e.g. {Imię}); "
            "if it is meant as text, write it twice: {{ (the “Write the brace twice (as text)” fix "
            "does it).",
        ),
        part=_part_words(position),
    )
    return _make(Code.UNMATCHED_OPEN_BRACE, ERROR, (text,), position)


def unmatched_close_brace(position: TextPosition) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "This “}” in {part} closes nothing. If it is meant as text, write it twice: }} (the “Write the "
            "brace twice (as text)” fix does it); otherwise remove it.",
        ),
        part=_part_words(position),
    )
    return _make(Code.UNMATCHED_CLOSE_BRACE, ERROR, (text,), position)


def css_braces(position: TextPosition, count: int) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "{count} brace(s) here belong to CSS or JavaScript, but USOS reads every single brace as the "
            "start or end of a placeholder, so the message cannot be sent. Write each of them twice ({{ and "
            "}}) — the “Write the braces twice” fix does it — and recipients see single braces.",
        ),
        count=count,
    )
    return _make(Code.CSS_BRACES, ERROR, (text,), position, count=count)


def literal_braces(position: TextPosition, source: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "{source} looks like text in braces, not a placeholder, but USOS reads every single brace as a "
            "placeholder. Write the braces twice ({{ and }}) — the “Write the braces twice” fix does it — "
            "and "
            "recipients see single braces.",
        ),
        source=source,
    )
    return _make(Code.LITERAL_BRACES, ERROR, (text,), position, source=source)


# --- conversions and format specs ----------------------------------------------------


def conversion_unknown(position: TextPosition, source: str, conversion: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "“!{conversion}” in {source} is not a conversion (only !s, !r and !a exist, and text needs "
            "none). Remove “!{conversion}”.",
        ),
        conversion=conversion,
        source=source,
    )
    return _make(Code.CONVERSION_UNKNOWN, ERROR, (text,), position, source=source, conversion=conversion)


def conversion_repr(position: TextPosition, source: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "“!r” in {source} prints the value in quotes (e.g. 'Jan' instead of Jan). Remove “!r” unless the "
            "quotes are wanted.",
        ),
        source=source,
    )
    return _make(Code.CONVERSION_REPR, WARNING, (text,), position, source=source)


def conversion_ascii(position: TextPosition, source: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "“!a” in {source} prints the value in quotes with Polish letters as codes (e.g. "
            "'Zaj\\u0105c'). Remove “!a”.",
        ),
        source=source,
    )
    return _make(Code.CONVERSION_ASCII, WARNING, (text,), position, source=source)


def format_spec_invalid(
    position: TextPosition, source: str, spec: str, detail: str, *, row: int | None = None
) -> Problem:
    if row is None:
        text = say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "The format “:{spec}” in {source} does not work on text: every value from the spreadsheet "
                "is text, and number formats such as “.2f” or “d” need numbers. Remove “:{spec}” and format "
                "the numbers in the spreadsheet instead.",
            ),
            spec=spec,
            source=source,
        )
    else:
        text = say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "For this recipient the format of {source}, filled in, is not valid ({detail}). Correct the "
                "values it uses, or remove the format.",
            ),
            source=source,
            detail=detail,
        )
    return _make(
        Code.FORMAT_SPEC_INVALID, ERROR, (text,), position, row=row, source=source, spec=spec, detail=detail
    )


def format_too_wide(position: TextPosition, source: str, spec: str, *, row: int | None = None) -> Problem:
    if row is not None:
        template = QT_TRANSLATE_NOOP(
            "Problems",
            "For this recipient the format of {source} pads the value to more characters than any message "
            "may have. Use a smaller width, or remove the format.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "Problems",
            "The format of {source} pads the value to more characters than any message may have. Use a "
            "smaller width, or remove the format.",
        )
    return _make(
        Code.FORMAT_SPEC_INVALID,
        ERROR,
        (say(template, source=source),),
        position,
        row=row,
        source=source,
        spec=spec,
        detail="too wide",
    )


# --- the texts -----------------------------------------------------------------------


def subject_empty(position: TextPosition, *, row: int | None = None) -> Problem:
    if row is None:
        text = say(QT_TRANSLATE_NOOP("Problems", "The subject is empty. USOS needs a subject: write one."))
    else:
        text = say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "For this recipient the subject is empty once the placeholders are filled in. Fill in the "
                "cells it uses.",
            )
        )
    return _make(Code.SUBJECT_EMPTY, ERROR, (text,), position, row=row)


def content_empty(position: TextPosition) -> Problem:
    text = say(QT_TRANSLATE_NOOP("Problems", "The message text is empty. Write the message."))
    return _make(Code.CONTENT_EMPTY, ERROR, (text,), position)


def subject_line_break(
    position: TextPosition, *, row: int | None = None, column: str | None = None
) -> Problem:
    if row is None:
        text = say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "The subject contains a line break. A subject must be one line (a line break would let text "
                "into the message's headers). Remove the line break.",
            )
        )
        return _make(Code.SUBJECT_LINE_BREAK, ERROR, (text,), position)
    if column is not None:
        text = say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "For this recipient the value of “{column}” contains a line break, which would split the "
                "subject (and could let text into the message's headers). Remove the line break from the "
                "cell, or do not use this column in the subject.",
            ),
            column=column,
        )
        return _make(Code.SUBJECT_LINE_BREAK, ERROR, (text,), position, row=row, field=column, column=column)
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "For this recipient the subject contains a line break once filled in. Remove it from the cells "
            "it uses.",
        )
    )
    return _make(Code.SUBJECT_LINE_BREAK, ERROR, (text,), position, row=row)


def _control_text(part: str) -> str:
    """One whole sentence per text, so a translation can decline each noun."""
    texts = {
        "subject": QT_TRANSLATE_NOOP(
            "Problems",
            "The subject contains an invisible control character ({character}). It would go into the "
            "message's header, where mail programs cut the subject short or refuse the message. Remove it.",
        ),
        "content": QT_TRANSLATE_NOOP(
            "Problems",
            "The message text contains an invisible control character ({character}); mail servers may "
            "refuse such a message or cut it off there. Remove it.",
        ),
        "from_name": QT_TRANSLATE_NOOP(
            "Problems",
            "The sender name contains an invisible control character ({character}). It would go into the "
            "message's header, where mail programs cut the name short or refuse the message. Remove it.",
        ),
        "from_email": QT_TRANSLATE_NOOP(
            "Problems",
            "The sender address contains an invisible control character ({character}), so it is not a valid "
            "e-mail address. Remove it.",
        ),
        "send_summary_to": QT_TRANSLATE_NOOP(
            "Problems",
            "The address for the summary contains an invisible control character ({character}), so it is "
            "not a valid e-mail address. Remove it.",
        ),
    }
    return texts[part]


def control_character(position: TextPosition, character: str) -> Problem:
    """A control character (not a tab or a line break) in a text the user typed."""
    code_point = f"U+{ord(character):04X}"
    text = say(_control_text(position.part), character=code_point)
    return _make(
        Code.CONTROL_CHARACTER, ERROR, (text,), position, field=position.part, character=code_point
    )


def value_control_character(position: TextPosition, *, row: int | None, column: str | None) -> Problem:
    """A value of the row brings a control character into the subject or the message text."""
    in_subject = position.part == "subject"
    if column is not None:
        template = (
            QT_TRANSLATE_NOOP(
                "Problems",
                "For this recipient the value of “{column}” contains an invisible control character, "
                "which would go into the subject (mail programs cut it short or refuse the message). "
                "Remove it from the cell, or do not use this column in the subject.",
            )
            if in_subject
            else QT_TRANSLATE_NOOP(
                "Problems",
                "For this recipient the value of “{column}” contains an invisible control character; mail "
                "servers may refuse such a message or cut it off there. Remove it from the cell.",
            )
        )
        text = say(template, column=column)
        return _make(Code.CONTROL_CHARACTER, ERROR, (text,), position, row=row, field=column, column=column)
    template = (
        QT_TRANSLATE_NOOP(
            "Problems",
            "For this recipient the subject contains an invisible control character once filled in. Remove "
            "it from the cells it uses.",
        )
        if in_subject
        else QT_TRANSLATE_NOOP(
            "Problems",
            "For this recipient the message text contains an invisible control character once filled in. "
            "Remove it from the cells it uses.",
        )
    )
    return _make(Code.CONTROL_CHARACTER, ERROR, (say(template),), position, row=row)


def _too_long_text(code: str, variant: str) -> str:
    """One whole sentence per field and case, so a translation can decline each noun."""
    texts = {
        (Code.SUBJECT_TOO_LONG, "before"): QT_TRANSLATE_NOOP(
            "Problems",
            "The subject is {length} characters long even before the placeholders are filled in; USOS "
            "accepts at most {limit}. Shorten it.",
        ),
        (Code.SUBJECT_TOO_LONG, "template"): QT_TRANSLATE_NOOP(
            "Problems", "The subject is {length} characters long; USOS accepts at most {limit}. Shorten it."
        ),
        (Code.SUBJECT_TOO_LONG, "row"): QT_TRANSLATE_NOOP(
            "Problems",
            "For this recipient the subject is {length} characters long; USOS accepts at most {limit}. "
            "Shorten the subject or the values it uses.",
        ),
        (Code.CONTENT_TOO_LONG, "before"): QT_TRANSLATE_NOOP(
            "Problems",
            "The message text is {length} characters long even before the placeholders are filled in; USOS "
            "accepts at most {limit}. Shorten it.",
        ),
        (Code.CONTENT_TOO_LONG, "template"): QT_TRANSLATE_NOOP(
            "Problems",
            "The message text is {length} characters long; USOS accepts at most {limit}. Shorten it.",
        ),
        (Code.CONTENT_TOO_LONG, "row"): QT_TRANSLATE_NOOP(
            "Problems",
            "For this recipient the message text is {length} characters long; USOS accepts at most {limit}. "
            "Shorten the message text or the values it uses.",
        ),
        (Code.FROM_NAME_TOO_LONG, "before"): QT_TRANSLATE_NOOP(
            "Problems",
            "The sender name is {length} characters long even before the placeholders are filled in; USOS "
            "accepts at most {limit}. Shorten it.",
        ),
        (Code.FROM_NAME_TOO_LONG, "template"): QT_TRANSLATE_NOOP(
            "Problems",
            "The sender name is {length} characters long; USOS accepts at most {limit}. Shorten it.",
        ),
        (Code.FROM_NAME_TOO_LONG, "row"): QT_TRANSLATE_NOOP(
            "Problems",
            "For this recipient the sender name is {length} characters long; USOS accepts at most {limit}. "
            "Shorten the sender name or the values it uses.",
        ),
    }
    return texts[(code, variant)]


def too_long(
    code: str,
    position: TextPosition,
    length: int,
    limit: int,
    *,
    row: int | None,
    without_values: bool = False,
) -> Problem:
    variant = "before" if without_values else "template" if row is None else "row"
    text = say(_too_long_text(code, variant), length=length, limit=limit)
    return _make(code, ERROR, (text,), position, row=row, length=length, limit=limit)


# --- sender fields -------------------------------------------------------------------


def from_name_line_break(position: TextPosition) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems", "The sender name contains a line break; it must be one line. Remove the line break."
        )
    )
    return _make(Code.FROM_NAME_LINE_BREAK, ERROR, (text,), position, field="from_name")


def from_email_needs_name(position: TextPosition) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "A sender address is used by USOS only together with a sender name. Fill in the sender name, or "
            "clear the sender address.",
        )
    )
    return _make(Code.FROM_EMAIL_NEEDS_NAME, ERROR, (text,), position, field="from_email")


def address_invalid(code: str, position: TextPosition, address: str, reason: str) -> Problem:
    if code == Code.FROM_EMAIL_INVALID:
        template = QT_TRANSLATE_NOOP(
            "Problems",
            "The sender address “{address}” is not a valid e-mail address: {reason} Correct it, or clear it.",
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "Problems",
            "The address for the summary “{address}” is not a valid e-mail address: {reason} Correct it, or "
            "clear it.",
        )
    text = say(template, address=address, reason=reason_sentence(reason))
    field = "from_email" if code == Code.FROM_EMAIL_INVALID else "send_summary_to"
    return _make(code, ERROR, (text,), position, field=field, address=address, reason=reason)


# --- per recipient -------------------------------------------------------------------


def empty_value(position: TextPosition, row: int | None, column: str, placeholder: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "“{column}” is empty for this recipient, so the message has nothing where {placeholder} is. "
            "Fill in the cell, or exclude the row.",
        ),
        column=column,
        placeholder=_ph(placeholder),
    )
    return _make(
        Code.EMPTY_VALUE,
        WARNING,
        (text,),
        position,
        row=row,
        field=column,
        column=column,
        placeholder=placeholder,
    )


def error_value(
    position: TextPosition, row: int | None, column: str, placeholder: str, error: str
) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "“{column}” shows {error} in the spreadsheet for this recipient (an error of the cell's "
            "formula), so the message would say {error} where {placeholder} is. Correct the sheet, or "
            "exclude the row.",
        ),
        column=column,
        error=error,
        placeholder=_ph(placeholder),
    )
    return _make(
        Code.ERROR_VALUE,
        ERROR,
        (text,),
        position,
        row=row,
        field=column,
        column=column,
        placeholder=placeholder,
        error=error,
    )


def render_failed(position: TextPosition | None, row: int | None, detail: str) -> Problem:
    text = say(
        QT_TRANSLATE_NOOP(
            "Problems",
            "The message cannot be put together for this recipient ({detail}). Check the template and the "
            "row.",
        ),
        detail=detail,
    )
    return _make(Code.RENDER_FAILED, ERROR, (text,), position, row=row, detail=detail)
