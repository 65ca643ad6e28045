"""Rendering one recipient's message, byte for byte what USOS makes of the template.

USOS applies ``str.format`` to the subject and content, so this module lets
``str.format`` itself do the work (``format_map`` with a plain dict is ``format(**values)``
without the copy): there is no second implementation of formatting to drift from
Python's. What it adds is the explanation: when str.format raises, ``RenderError``
carries problems with positions instead of a bare ``KeyError: 'Imie'``. Note that a
template str.format accepts renders even when the checker blocks it (``{Imię.upper}``
prints Python internals): the preview shows exactly what would be sent, the problem
list says why it will not be.

One deliberate exception: a width over ``specs.MAX_WIDTH`` (``{x:>99999999}``) is
refused instead of building a huge string (no message may be that long anyway).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypedDict

from usosmail_gui.core.problems import Problem, TextPosition
from usosmail_gui.core.usos.models import ContentFormat, Sender

from . import messages as msg
from .compiler import CompiledPart, CompiledTemplate, FieldGroup
from .specs import too_wide
from .syntax import Literal

__all__ = [
    "Piece",
    "PieceKind",
    "RenderError",
    "RenderJson",
    "RenderedMessage",
    "render",
    "render_group",
    "render_part",
    "render_pieces",
]


class RenderJson(TypedDict):
    row: int
    to: list[str]
    subject: str
    content: str
    content_format: str


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    """One recipient's message as USOS would send it."""

    subject: str
    content: str
    content_format: ContentFormat
    sender: Sender

    def to_json(self, row: int, to: Sequence[str]) -> RenderJson:
        """The ``usosmail render --json`` shape of docs/cli.md."""
        return {
            "row": row,
            "to": list(to),
            "subject": self.subject,
            "content": self.content,
            "content_format": str(self.content_format),
        }


class RenderError(Exception):
    """str.format rejects the template for these values; ``problems`` say where and why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems[0].message if problems else "The message cannot be rendered.")
        self.problems = tuple(problems)


def _as_dict(values: Mapping[str, str]) -> dict[str, str]:
    return values if type(values) is dict else dict(values)


def render(
    compiled: CompiledTemplate, values: Mapping[str, str], *, row: int | None = None
) -> RenderedMessage:
    """Subject and content for one recipient: ``text.format(**values)`` exactly, or
    ``RenderError``. ``row`` (the spreadsheet row number) only labels the problems."""
    data = _as_dict(values)
    subject = render_part(compiled.subject, data, row=row)
    content = render_part(compiled.content, data, row=row)
    template = compiled.template
    return RenderedMessage(subject, content, template.content_format, template.sender())


def render_part(part: CompiledPart, values: Mapping[str, str], *, row: int | None = None) -> str:
    """One text for one recipient (see ``render``)."""
    data = _as_dict(values)
    if part.parsed.issues or not _safe_widths(part, data):
        raise RenderError(_explain(part, data, row))
    try:
        return part.text.format_map(data)
    except Exception:  # whatever str.format raises, the template is rejected
        raise RenderError(_explain(part, data, row)) from None


def render_group(
    part: CompiledPart,
    group: FieldGroup,
    values: Mapping[str, str],
    row: int | None,
    position: TextPosition | None = None,
) -> str | Problem:
    """One field of a renderable part with one row's values: its text, or the problem
    that stops it (a format spec filled in from the row that does not work)."""
    field = group.field
    if position is None:
        position = part.position(field.start, field.end - field.start)
    text = part.text
    if field.expands_spec:
        try:
            spec = text[field.spec_start : field.spec_end].format_map(values)
        except Exception as exc:
            return msg.render_failed(position, row, _detail(exc))
        if too_wide(spec):
            return msg.format_too_wide(position, group.source, spec, row=row)
    try:
        return group.source.format_map(values)
    except Exception as exc:
        if field.expands_spec:
            return msg.format_spec_invalid(position, group.source, field.spec, _detail(exc), row=row)
        return msg.render_failed(position, row, _detail(exc))


def _detail(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"no value for {exc}"
    return str(exc) or type(exc).__name__


def _safe_widths(part: CompiledPart, values: dict[str, str]) -> bool:
    """Whether no field pads to more than MAX_WIDTH (checked before str.format runs)."""
    text = part.text
    for field in part.parsed.top_fields():
        if field.expands_spec:
            try:
                spec = text[field.spec_start : field.spec_end].format_map(values)
            except Exception:
                continue  # str.format fails on it by itself
        else:
            spec = field.spec
        if spec and too_wide(spec):
            return False
    return True


def _explain(part: CompiledPart, values: dict[str, str], row: int | None) -> list[Problem]:
    """Why str.format rejects this part: where the text cannot be parsed, else the first
    field that fails with these values (the template's own problems there, if any)."""
    errors = [p for p in part.problems if p.is_error and p.position is not None]
    issues = part.parsed.issues
    if issues:
        spans = [(i.offset, i.offset + i.length) for i in issues]
        found = [p for p in errors if any(_overlaps(p, start, end) for start, end in spans)]
        return found or errors or [msg.render_failed(None, row, issues[0].message)]
    text = part.text
    for field in part.parsed.top_fields():
        position = part.position(field.start, field.end - field.start)
        source = text[field.start : field.end]
        failure: Problem | None = None
        if field.expands_spec:
            try:
                spec = text[field.spec_start : field.spec_end].format_map(values)
            except Exception as exc:
                failure = msg.render_failed(position, row, _detail(exc))
                spec = ""
        else:
            spec = field.spec
        if failure is None and spec and too_wide(spec):
            failure = msg.format_too_wide(position, source, spec, row=row)
        if failure is None:
            try:
                source.format_map(values)
            except Exception as exc:
                if field.expands_spec:
                    failure = msg.format_spec_invalid(position, source, field.spec, _detail(exc), row=row)
                else:
                    failure = msg.render_failed(position, row, _detail(exc))
        if failure is not None:
            own = [p for p in errors if _overlaps(p, field.start, field.end)]
            return own or [failure]
    return errors or [msg.render_failed(None, row, "str.format rejects it")]


def _overlaps(problem: Problem, start: int, end: int) -> bool:
    position = problem.position
    return (
        position is not None
        and position.offset < max(end, start + 1)
        and start < max(position.end, position.offset + 1)
    )


class PieceKind(StrEnum):
    TEXT = "text"  # the template's own text
    VALUE = "value"  # a placeholder, filled in
    BROKEN = "broken"  # source text str.format would reject, shown as written


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of the preview: ``text`` as shown, made from ``source[start:end]``."""

    text: str
    start: int
    end: int
    kind: PieceKind


def render_pieces(part: CompiledPart, values: Mapping[str, str]) -> list[Piece]:
    """The preview of one text as runs (filled-in values marked, broken places shown as
    written), for a template that may be half typed. When ``render_part`` succeeds, the
    pieces' texts joined are exactly its result."""
    data = _as_dict(values)
    text = part.text
    pieces: list[Piece] = []
    for segment in part.parsed.segments:
        if isinstance(segment, Literal):
            kind = PieceKind.BROKEN if segment.broken else PieceKind.TEXT
            pieces.append(Piece(segment.text, segment.start, segment.end, kind))
            continue
        source = text[segment.start : segment.end]
        rendered: str | None = None
        try:
            spec = segment.spec
            if segment.expands_spec:
                spec = text[segment.spec_start : segment.spec_end].format_map(data)
            if not (spec and too_wide(spec)):
                rendered = source.format_map(data)
        except Exception:
            rendered = None
        if rendered is None:
            pieces.append(Piece(source, segment.start, segment.end, PieceKind.BROKEN))
        else:
            pieces.append(Piece(rendered, segment.start, segment.end, PieceKind.VALUE))
    return pieces
