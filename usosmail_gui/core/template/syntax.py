"""str.format's own grammar, with the position of every piece in the source text.

``string.Formatter().parse`` (CPython's ``MarkupIterator``) says *what* a format string
holds but not *where*, and it stops at the first error. The editor needs both: offsets
to highlight placeholders and to put the cursor on a problem, and every problem at once.
So ``parse`` is a line-by-line transcription of ``MarkupIterator_next`` and
``parse_field`` (Objects/stringlib/unicode_format.h) that records offsets and, after an
error, carries on (best effort) to find the next ones. Up to the first error it is the
same parser: tests/unit/core/template/test_property.py checks with hypothesis that
``formatter_items(parse(t))`` equals ``list(string.Formatter().parse(t))`` and that both
fail with the same message, for generated format strings of every shape.

Two things str.format does only while rendering are found here too, because they reject
a template just as surely: a format spec holding ``{`` is itself parsed as a format
string (``{x:{w}}``), and only one level of that is allowed ("Max string recursion
exceeded").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Field",
    "Issue",
    "IssueKind",
    "Literal",
    "ParsedText",
    "Segment",
    "formatter_items",
    "from_utf16_offset",
    "parse",
    "utf16_offset",
]

_BRACE = re.compile(r"[{}]")
_NAME_STOP = re.compile(r"[{\[}:!]")


class IssueKind(StrEnum):
    """What str.format rejects while parsing; the value of each is CPython's own message."""

    SINGLE_CLOSE = "Single '}' encountered in format string"
    SINGLE_OPEN = "Single '{' encountered in format string"
    UNCLOSED_FIELD = "expected '}' before end of string"
    BRACE_IN_NAME = "unexpected '{' in field name"
    CONVERSION_AT_END = "end of string while looking for conversion specifier"
    CONVERSION_NOT_CLOSED = "expected ':' after conversion specifier"
    UNCLOSED_SPEC = "unmatched '{' in format spec"
    TOO_DEEP = "Max string recursion exceeded"


@dataclass(frozen=True, slots=True)
class Literal:
    """Text copied to the output: ``source[start:end]`` produces ``text``.

    ``escape``: the piece ends with a doubled brace (``{{`` or ``}}``), so its source is
    one character longer than its text. ``broken``: source text around an error, kept
    as is so that the segments still cover the whole text (never part of a valid parse).
    """

    start: int
    end: int
    text: str
    escape: bool = False
    broken: bool = False


@dataclass(frozen=True, slots=True)
class Field:
    """One replacement field ``{name!conversion:spec}``, ``start`` at its ``{``, ``end``
    just after its ``}``.

    ``spec_start`` is where the spec begins (for a field without one, where it would);
    ``nested`` are the spec's own segments when the spec holds a ``{`` (str.format
    formats the spec first, so ``{x:{w}}`` takes its width from ``w``), else empty.
    ``depth`` is 0 for a field of the text, 1 for one inside a spec.
    """

    start: int
    end: int
    name: str
    name_start: int
    conversion: str | None
    conversion_start: int | None
    spec: str
    spec_start: int
    nested: tuple[Segment, ...] = ()
    depth: int = 0

    @property
    def name_end(self) -> int:
        return self.name_start + len(self.name)

    @property
    def spec_end(self) -> int:
        return self.spec_start + len(self.spec)

    @property
    def expands_spec(self) -> bool:
        """Whether str.format parses the spec as a format string before using it."""
        return "{" in self.spec

    def nested_fields(self) -> Iterator[Field]:
        for segment in self.nested:
            if isinstance(segment, Field):
                yield segment
                yield from segment.nested_fields()


Segment = Literal | Field


@dataclass(frozen=True, slots=True)
class Issue:
    """Something str.format rejects, at ``offset`` (``length`` characters to highlight).

    ``depth`` 0: the text itself cannot be parsed (str.format fails before rendering
    anything past it); 1: a format spec that str.format parses only when it renders the
    field (it fails then, just as surely). ``field_start``: the ``{`` of the field the
    issue is in, when there is one.
    """

    kind: IssueKind
    offset: int
    length: int = 1
    depth: int = 0
    field_start: int | None = None

    @property
    def message(self) -> str:
        """CPython's own wording (what ``str.format`` raises)."""
        return self.kind.value


@dataclass(frozen=True, slots=True)
class ParsedText:
    """A format string as str.format reads it: segments that tile the whole text in
    order, and the issues found (sorted by offset).

    ``valid_segments`` is how many leading segments str.format's parser accepts before
    its first error (all of them when ``error`` is None).
    """

    text: str
    segments: tuple[Segment, ...]
    issues: tuple[Issue, ...]
    valid_segments: int

    @property
    def error(self) -> Issue | None:
        """The first top-level issue: the ValueError str.format raises while parsing."""
        for issue in self.issues:
            if issue.depth == 0:
                return issue
        return None

    @property
    def ok(self) -> bool:
        return not self.issues

    def fields(self) -> Iterator[Field]:
        """Every field in source order, each followed by the fields nested in its spec."""
        for segment in self.segments:
            if isinstance(segment, Field):
                yield segment
                yield from segment.nested_fields()

    def top_fields(self) -> Iterator[Field]:
        for segment in self.segments:
            if isinstance(segment, Field):
                yield segment


def parse(text: str) -> ParsedText:
    """``text`` read with str.format's grammar, every piece with its offsets."""
    segments: list[Segment] = []
    issues: list[Issue] = []
    first_error = _parse(text, 0, len(text), 0, segments, issues)
    issues.sort(key=lambda issue: issue.offset)
    valid = len(segments) if first_error is None else first_error
    return ParsedText(text, tuple(segments), tuple(issues), valid)


def _parse(
    text: str, pos: int, end: int, depth: int, segments: list[Segment], issues: list[Issue]
) -> int | None:
    """MarkupIterator over ``text[pos:end]``; returns the number of segments before the
    first error of this level (None when there is none)."""
    first_error: int | None = None

    def fail(issue: Issue, start: int, resume: int) -> None:
        nonlocal first_error
        if first_error is None:
            first_error = len(segments)
        issues.append(issue)
        segments.append(Literal(start, resume, text[start:resume], broken=True))

    while pos < end:
        match = _BRACE.search(text, pos, end)
        if match is None:
            segments.append(Literal(pos, end, text[pos:end]))
            break
        b = match.start()
        c = text[b]
        at_end = b + 1 >= end
        if not at_end and text[b + 1] == c:  # "{{" or "}}": one brace of text
            segments.append(Literal(pos, b + 2, text[pos : b + 1], escape=True))
            pos = b + 2
            continue
        if pos < b:
            segments.append(Literal(pos, b, text[pos:b]))
        if c == "}":
            fail(Issue(IssueKind.SINGLE_CLOSE, b, 1, depth), b, b + 1)
            pos = b + 1
            continue
        if at_end:
            fail(Issue(IssueKind.SINGLE_OPEN, b, 1, depth), b, end)
            break
        parsed = _parse_field(text, b, end, depth, issues)
        if isinstance(parsed, Field):
            segments.append(parsed)
            pos = parsed.end
        else:
            issue, resume = parsed
            fail(issue, b, resume)
            pos = resume
    return first_error


def _parse_field(text: str, b: int, end: int, depth: int, issues: list[Issue]) -> Field | tuple[Issue, int]:
    """parse_field from the ``{`` at ``b``: a Field, or the issue and where to resume."""
    i = b + 1
    while True:  # the field name: up to "}", ":" or "!", skipping over "[…]"
        stop = _NAME_STOP.search(text, i, end)
        if stop is None:
            return Issue(IssueKind.UNCLOSED_FIELD, b, 1, depth, b), b + 1
        c = stop.group()
        i = stop.end()
        if c == "{":
            return Issue(IssueKind.BRACE_IN_NAME, b, 1, depth, b), b + 1
        if c == "[":
            close = text.find("]", i, end)
            if close < 0:
                return Issue(IssueKind.UNCLOSED_FIELD, b, 1, depth, b), b + 1
            i = close
            continue
        break
    name_end = i - 1
    name = text[b + 1 : name_end]
    if c == "}":
        return Field(b, i, name, b + 1, None, None, "", name_end, (), depth)
    conversion: str | None = None
    conversion_start: int | None = None
    if c == "!":
        if i >= end:
            return Issue(IssueKind.CONVERSION_AT_END, i - 1, 1, depth, b), end
        conversion, conversion_start = text[i], i
        i += 1
        if i < end:
            after = text[i]
            i += 1
            if after == "}":
                return Field(b, i, name, b + 1, conversion, conversion_start, "", i - 1, (), depth)
            if after != ":":
                close = text.find("}", i - 1, end)
                resume = b + 1 if close < 0 else close + 1
                return Issue(IssueKind.CONVERSION_NOT_CLOSED, b, i - b, depth, b), resume
    spec_start = i
    count = 1
    expands = False
    while True:
        brace = _BRACE.search(text, i, end)
        if brace is None:
            break
        i = brace.end()
        if text[i - 1] == "{":
            expands = True
            count += 1
        else:
            count -= 1
            if count == 0:
                spec_end = i - 1
                nested: tuple[Segment, ...] = ()
                if expands:
                    if depth >= 1:  # build_string's recursion limit: one level of nesting
                        issues.append(Issue(IssueKind.TOO_DEEP, b, i - b, depth, b))
                    else:
                        inner: list[Segment] = []
                        _parse(text, spec_start, spec_end, depth + 1, inner, issues)
                        nested = tuple(inner)
                spec = text[spec_start:spec_end]
                return Field(b, i, name, b + 1, conversion, conversion_start, spec, spec_start, nested, depth)
    return Issue(IssueKind.UNCLOSED_SPEC, b, 1, depth, b), b + 1


FormatterItem = tuple[str, str | None, str | None, str | None]


def formatter_items(parsed: ParsedText) -> list[FormatterItem]:
    """The tuples ``string.Formatter().parse`` yields for the same text, up to its first
    error (it raises there; see ``ParsedText.error``). The bridge for the proof."""
    items: list[FormatterItem] = []
    pending = ""  # a literal waits for the field that ends its item
    has_pending = False
    for segment in parsed.segments[: parsed.valid_segments]:
        if isinstance(segment, Literal):
            if segment.escape:
                items.append((pending + segment.text if has_pending else segment.text, None, None, None))
                pending, has_pending = "", False
            else:
                pending, has_pending = segment.text, True
        else:
            items.append((pending, segment.name, segment.spec, segment.conversion))
            pending, has_pending = "", False
    if has_pending and parsed.error is None:
        items.append((pending, None, None, None))
    return items


def utf16_offset(text: str, offset: int) -> int:
    """``offset`` (code points) in UTF-16 code units, as Qt's text positions count."""
    if offset <= 0 or text.isascii():
        return offset
    return len(text[:offset].encode("utf-16-le")) // 2


def from_utf16_offset(text: str, units: int) -> int:
    """The code-point offset of a Qt (UTF-16) position in ``text``."""
    if units <= 0 or text.isascii():
        return units
    return len(text.encode("utf-16-le")[: units * 2].decode("utf-16-le", errors="ignore"))
