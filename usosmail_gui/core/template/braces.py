"""Braces meant as text: CSS and JavaScript in HTML letters, code-like snippets in plain ones.

``p {color: red}`` is valid str.format syntax (a field named ``color`` with the format
``" red"``), so USOS would fail on it; the fix is to write each such brace twice. Two
ways to find them: inside ``<style>``/``<script>`` elements and ``style="…"`` attributes
of an HTML letter every single brace that is not a known placeholder counts; anywhere
else a field counts when it cannot be a placeholder and looks like code (``;`` or a line
break inside, a name with spaces around it or quotes, a CSS ``property: value``).
``escape_braces`` doubles them and leaves ``{{``/``}}`` pairs and known placeholders be.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .specs import spec_error
from .syntax import Field

__all__ = ["code_regions", "escape_braces", "looks_like_code", "offending_braces"]

_ELEMENT = re.compile(r"<(style|script)\b[^>]*>(.*?)(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_STYLE_ATTRIBUTE = re.compile(r"""\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
# "{{", "}}", a brace-free "{…}", or a lone brace, scanning left to right as str.format does
_TOKEN = re.compile(r"\{\{|\}\}|\{[^{}]*\}|[{}]")
_SIMPLE_FIELD = re.compile(r"\{(?P<name>[^{}!:.\[\]]+)(?:![rsa])?(?::[^{}]*)?\}")
_CSS_PROPERTY = re.compile(r"-?[a-z]+(?:-[a-z]+)*")
_CSS_VALUE = re.compile(r"\s|.*[^\W\d_]{2}", re.DOTALL)


def code_regions(html: str) -> list[tuple[int, int]]:
    """Spans of style/script element bodies and style attribute values, in order."""
    regions = [(m.start(2), m.end(2)) for m in _ELEMENT.finditer(html)]
    for m in _STYLE_ATTRIBUTE.finditer(html):
        group = 1 if m.group(1) is not None else 2
        span = (m.start(group), m.end(group))
        if not any(s <= span[0] < e for s, e in regions):
            regions.append(span)
    return sorted(regions)


def offending_braces(
    text: str, start: int = 0, end: int | None = None, known: Collection[str] = ()
) -> list[int]:
    """Offsets of the single braces in ``text[start:end]`` that are neither half of a
    ``{{``/``}}`` pair nor part of a simple placeholder naming a ``known`` column."""
    stop = len(text) if end is None else end
    found: list[int] = []
    pos = start
    while True:
        match = _TOKEN.search(text, pos, stop)
        if match is None:
            return found
        token = match.group()
        if token in ("{{", "}}"):
            pos = match.end()
            continue
        if len(token) > 1:
            simple = _SIMPLE_FIELD.fullmatch(token)
            if simple is not None and simple.group("name") in known:
                pos = match.end()
                continue
            found.append(match.start())  # the "{"; its "}" is found on the next search
            pos = match.start() + 1
            continue
        found.append(match.start())
        pos = match.end()


def escape_braces(text: str, known: Collection[str] = (), start: int = 0, end: int | None = None) -> str:
    """``text`` with every offending brace in ``[start, end)`` written twice, so str.format
    prints it once; pairs and known placeholders stay as they are."""
    offsets = offending_braces(text, start, end, known)
    if not offsets:
        return text
    pieces: list[str] = []
    last = 0
    for offset in offsets:
        pieces.append(text[last : offset + 1])
        pieces.append(text[offset])
        last = offset + 1
    pieces.append(text[last:])
    return "".join(pieces)


def looks_like_code(text: str, field: Field) -> bool:
    """Whether a field that names no column is really code or text in braces."""
    source = text[field.start : field.end]
    if ";" in source or "\n" in source or "\r" in source:
        return True
    name = field.name
    if name and (name != name.strip() or '"' in name or "'" in name or "(" in name):
        return True
    # "color: red" is a CSS declaration, not a format: a format spec has at most one
    # letter in a row (".2f", "z>10") and never starts with a space
    spec = field.spec
    return (
        field.conversion is None
        and bool(_CSS_PROPERTY.fullmatch(name))
        and bool(_CSS_VALUE.match(spec))
        and spec_error(spec) is not None
    )
