"""Quick fixes: the corrected text for a problem, when there is one obvious correction.

The GUI offers them on a problem ("Escape braces", "Use {Imię}") and applies the result
as one undoable edit. A fix needs the text the problem was found in (positions refer to
it); ``None`` means "no automatic fix", never "nothing wrong".
"""

from __future__ import annotations

import re
from collections.abc import Collection

from usosmail_gui.core.problems import Problem

from .braces import escape_braces
from .compiler import CONTROL, CompiledTemplate
from .messages import Code
from .model import MessageTemplate, Part
from .syntax import Field, parse

__all__ = ["quick_fix", "quick_fix_template"]

_LINE_BREAKS = re.compile("[ \t]*[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+[ \t]*")


def quick_fix(text: str, problem: Problem, known: Collection[str] = ()) -> str | None:
    """``text`` with ``problem`` corrected, or None. ``known``: the column placeholders
    (braces of known placeholders are not escaped)."""
    position = problem.position
    if position is None or position.end > len(text):
        return None
    code = problem.code
    offset = position.offset
    if code in (Code.CSS_BRACES, Code.LITERAL_BRACES):
        fixed = escape_braces(text, known, offset, position.end)
        return fixed if fixed != text else None
    if code in (Code.UNMATCHED_OPEN_BRACE, Code.UNMATCHED_CLOSE_BRACE):
        if problem.args.get("depth") or text[offset : offset + 1] not in ("{", "}"):
            return None
        return text[: offset + 1] + text[offset:]
    if code in (Code.SUBJECT_LINE_BREAK, Code.FROM_NAME_LINE_BREAK) and problem.row is None:
        return _LINE_BREAKS.sub(" ", text)
    if code == Code.CONTROL_CHARACTER and problem.row is None:
        fixed = CONTROL.sub("", text)  # every one of them: none is ever meant
        return fixed if fixed != text else None
    field = _field_at(text, offset)
    if field is None:
        return None
    if code in (Code.UNKNOWN_PLACEHOLDER, Code.ATTRIBUTE_ACCESS, Code.INDEX_ACCESS):
        if problem.suggestion is None:
            return None
        written = str(problem.args.get("name", field.name))
        if code != Code.UNKNOWN_PLACEHOLDER or written == field.name:
            end = field.name_end  # the whole name goes, "{Imię.upper}" → "{Imię}"
        else:
            end = field.name_start + len(written)
        return text[: field.name_start] + problem.suggestion + text[end:]
    if code in (Code.CONVERSION_REPR, Code.CONVERSION_ASCII, Code.CONVERSION_UNKNOWN):
        if field.conversion_start is None:
            return None
        return text[: field.conversion_start - 1] + text[field.conversion_start + 1 :]
    if code == Code.FORMAT_SPEC_INVALID and problem.row is None and field.spec:
        return text[: field.spec_start - 1] + text[field.spec_end :]
    return None


def quick_fix_template(compiled: CompiledTemplate, problem: Problem) -> MessageTemplate | None:
    """The whole template with ``problem`` (found in ``compiled``) corrected, or None."""
    position = problem.position
    if position is None:
        return None
    try:
        part = Part(position.part)
    except ValueError:
        return None
    template = compiled.template
    known = () if compiled.columns is None else compiled.columns.placeholders
    fixed = quick_fix(template.text(part), problem, known)
    return None if fixed is None else template.with_text(part, fixed)


def _field_at(text: str, offset: int) -> Field | None:
    for field in parse(text).fields():
        if field.start == offset:
            return field
    return None
