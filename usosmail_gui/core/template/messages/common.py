"""What every template message is made of: the stable codes, the severities and the
one way a ``Problem`` is built from translatable sentences."""

from __future__ import annotations

from usosmail_gui.core.problems import Problem, Severity, TextPosition
from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, Sentence, english, say

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
