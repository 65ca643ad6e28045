"""The messages about how the texts are written: placeholders, braces, conversions and
format specs (what ``str.format`` would refuse or misread)."""

from __future__ import annotations

from usosmail_gui.core.problems import Problem, TextPosition
from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, say

from .common import ERROR, WARNING, Code, _make, _part_words, _ph

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
