"""Every problem the template checker reports: its stable code, severity and wording.

One place for the wording. Each message is made of ``Sentence`` values (core/sentences.py)
marked for translation, so the GUI shows it in the user's language and the CLI prints the
English; ``Problem.args`` keeps the values for scripts. A message says what happened and
what to do, in the words of someone writing a letter, not of a Python programmer.
"""

from __future__ import annotations

from .common import ERROR, WARNING, Code
from .syntax import (
    attribute_access,
    conversion_ascii,
    conversion_repr,
    conversion_unknown,
    css_braces,
    empty_placeholder,
    format_spec_invalid,
    format_too_wide,
    index_access,
    invalid_placeholder,
    literal_braces,
    positional_placeholder,
    unknown_placeholder,
    unmatched_close_brace,
    unmatched_open_brace,
    written_column_name,
)
from .values import (
    address_invalid,
    content_empty,
    control_character,
    empty_value,
    error_value,
    from_email_needs_name,
    from_name_line_break,
    render_failed,
    subject_empty,
    subject_line_break,
    too_long,
    value_control_character,
)

__all__ = [
    "ERROR",
    "WARNING",
    "Code",
    "address_invalid",
    "attribute_access",
    "content_empty",
    "control_character",
    "conversion_ascii",
    "conversion_repr",
    "conversion_unknown",
    "css_braces",
    "empty_placeholder",
    "empty_value",
    "error_value",
    "format_spec_invalid",
    "format_too_wide",
    "from_email_needs_name",
    "from_name_line_break",
    "index_access",
    "invalid_placeholder",
    "literal_braces",
    "positional_placeholder",
    "render_failed",
    "subject_empty",
    "subject_line_break",
    "too_long",
    "unknown_placeholder",
    "unmatched_close_brace",
    "unmatched_open_brace",
    "value_control_character",
    "written_column_name",
]
