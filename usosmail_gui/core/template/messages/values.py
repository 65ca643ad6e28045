"""The messages about what the texts hold and what each recipient gets: empty or
over-long texts, line breaks and control characters, the sender fields, and a
recipient's empty, error or unrenderable values."""

from __future__ import annotations

from usosmail_gui.core.problems import Problem, TextPosition
from usosmail_gui.core.recipients.email_reasons import reason_sentence
from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, say

from .common import ERROR, WARNING, Code, _make, _ph

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
