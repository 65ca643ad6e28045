"""``compile_template``: a template checked once, ready to render and validate any row.

Everything that does not depend on a recipient is decided here, once per edit: the
parse with positions, the placeholders, and every template-level problem (row None).
What is left for each row is cheap and is planned here too: each part's literal length
and its distinct top-level fields (``FieldGroup``), so validating 50,000 rows is a few
list operations per column (see ``validate``).

A part is *renderable* when nothing in it makes str.format fail or print something
other than text: then every row renders, except where a format spec takes a value
from the row (``{x:{w}}``), which is checked per row.
"""

from __future__ import annotations

import _string  # type: ignore[import-not-found]  # CPython's own field-name parser (no typeshed stub)
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from usosmail_gui.core.problems import Problem, TextPosition
from usosmail_gui.core.recipients.headers import Column
from usosmail_gui.core.usos.wire import MAX_CONTENT, MAX_FROM_EMAIL, MAX_FROM_NAME, MAX_SUBJECT

from . import messages as msg
from .braces import code_regions, looks_like_code, offending_braces
from .model import MessageTemplate, Part
from .specs import spec_error, too_wide
from .syntax import Field, Issue, IssueKind, Literal, ParsedText, parse

__all__ = [
    "CONTROL",
    "LINE_BREAK",
    "ColumnNames",
    "CompiledPart",
    "CompiledTemplate",
    "FieldGroup",
    "Placeholder",
    "compile_template",
    "split_field_name",
]

# every character str.splitlines() splits at: none belongs in a one-line header
LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

# control characters but TAB and the line breaks above: C0 (NUL, BEL, ESC…), DEL and C1.
# Invisible, never meant, and in a header they cut it short or get the message refused.
CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")

LIMITS = {Part.SUBJECT: MAX_SUBJECT, Part.CONTENT: MAX_CONTENT}


def split_field_name(name: str) -> tuple[int | str, list[tuple[bool, int | str]]]:
    """str.format's own split of a field name: the first part (an int when it is a
    positional index, "" when empty) and the ``.attr``/``[key]`` accesses after it.
    Raises ValueError as str.format would."""
    first, rest = cast(tuple[Any, Any], _string.formatter_field_name_split(name))
    return cast(int | str, first), cast(list[tuple[bool, int | str]], list(rest))


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _bare(text: str) -> str:
    """Folded and without diacritics ("Imię" → "imie"; ł has no decomposition)."""
    decomposed = unicodedata.normalize("NFD", _fold(text)).replace("ł", "l")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class ColumnNames:
    """The recipient list's columns as templates see them.

    ``placeholders`` are the names to write in braces, in column order; ``display``
    maps a placeholder to the column's name as shown (they differ for aliased headers
    such as "Ocena 1.5" → ``{Ocena 1_5}``).
    """

    placeholders: tuple[str, ...]
    display: dict[str, str]

    @classmethod
    def of(cls, columns: Iterable[str | Column]) -> ColumnNames:
        placeholders: list[str] = []
        display: dict[str, str] = {}
        for column in columns:
            if isinstance(column, Column):
                placeholders.append(column.placeholder)
                display[column.placeholder] = column.name
            else:
                placeholders.append(column)
                display[column] = column
        return cls(tuple(placeholders), display)

    def __contains__(self, name: object) -> bool:
        return name in self.display

    def name_of(self, placeholder: str) -> str:
        return self.display.get(placeholder, placeholder)

    def alias_for(self, written: str) -> str | None:
        """The placeholder of a column whose shown name is ``written`` but differs."""
        for placeholder, name in self.display.items():
            if name == written and placeholder != name:
                return placeholder
        return None

    def suggest(self, name: str) -> str | None:
        """The column the user most likely meant: same but for case/spaces, same but for
        diacritics, else the closest by difflib (None when nothing is close)."""
        if not self.placeholders:
            return None
        for key in (_fold, _bare):
            wanted = key(name)
            for placeholder in self.placeholders:
                if key(placeholder) == wanted or key(self.name_of(placeholder)) == wanted:
                    return placeholder
        bare = {_bare(p): p for p in self.placeholders}
        close = difflib.get_close_matches(_bare(name), list(bare), n=1, cutoff=0.6)
        return bare[close[0]] if close else None


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A field of the template for highlighting: ``start``/``end`` span its braces,
    ``name_start``/``name_end`` the column name in it. ``name`` is the column it reads
    (what precedes any ``.``/``[``), ``known`` whether the list has that column (always
    True when no list is loaded), ``nested`` whether it sits in another's format spec."""

    part: Part
    name: str
    start: int
    end: int
    name_start: int
    name_end: int
    known: bool
    nested: bool = False


@dataclass(frozen=True, slots=True)
class FieldGroup:
    """Every occurrence of one top-level field (same source text) in a renderable part.

    ``plain``: the field renders as the value itself (``{name}``, ``{name!s}``), so its
    length is the value's; otherwise it is rendered with ``source.format_map`` per row.
    ``names``: the columns it reads (its own, then those in its spec).
    """

    source: str
    count: int
    names: tuple[str, ...]
    plain: bool
    field: Field  # the first occurrence (for positions)


@dataclass(frozen=True, slots=True)
class CompiledPart:
    part: Part
    text: str
    parsed: ParsedText
    placeholders: tuple[Placeholder, ...]
    problems: tuple[Problem, ...]
    renderable: bool
    literal_length: int
    groups: tuple[FieldGroup, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Known columns this part reads, in order of first use."""
        return tuple(dict.fromkeys(p.name for p in self.placeholders if p.known))

    def position(self, offset: int, length: int = 0) -> TextPosition:
        return TextPosition.in_text(self.part.value, self.text, offset, length)


@dataclass(frozen=True, slots=True)
class CompiledTemplate:
    """A template checked against the recipient list's columns (``columns`` None: no list
    yet, so unknown placeholders are not reported). Immutable: hand it to a worker."""

    template: MessageTemplate
    columns: ColumnNames | None
    subject: CompiledPart
    content: CompiledPart
    problems: tuple[Problem, ...]  # template-level (row None): subject, content, sender

    @property
    def blocks(self) -> bool:
        """Whether a template-level error stops every message."""
        return any(p.is_error for p in self.problems)

    @property
    def placeholders(self) -> tuple[Placeholder, ...]:
        return self.subject.placeholders + self.content.placeholders

    @property
    def used_columns(self) -> tuple[str, ...]:
        """Known columns the subject or content reads (placeholders), first use first."""
        return tuple(dict.fromkeys(self.subject.names + self.content.names))

    def part(self, part: Part) -> CompiledPart:
        if part is Part.SUBJECT:
            return self.subject
        if part is Part.CONTENT:
            return self.content
        raise ValueError(f"{part} is not a template part")


def compile_template(
    template: MessageTemplate, columns: Iterable[str | Column] | None = None
) -> CompiledTemplate:
    """Check ``template`` against ``columns`` (placeholder names, or the table's
    ``Column`` objects for nicer suggestions) and plan its rendering."""
    names = None if columns is None else ColumnNames.of(columns)
    subject = _compile_part(Part.SUBJECT, template.subject, names, html=False)
    content = _compile_part(Part.CONTENT, template.content, names, html=template.is_html)
    problems = subject.problems + content.problems + tuple(_sender_problems(template))
    return CompiledTemplate(template, names, subject, content, problems)


class _PartChecker:
    """The problems of one text, collected with the spans they cover."""

    def __init__(self, part: Part, text: str, columns: ColumnNames | None, html: bool) -> None:
        self.part = part
        self.text = text
        self.columns = columns
        self.html = html
        self.problems: list[Problem] = []
        self.covered: list[tuple[int, int]] = []  # spans already explained as braces-as-text
        self.broken = False  # some error makes the part fail to render (or render junk)
        self.placeholders: list[Placeholder] = []
        self._splits: dict[str, tuple[int | str, list[tuple[bool, int | str]]] | ValueError] = {}

    def position(self, offset: int, length: int = 0) -> TextPosition:
        return TextPosition.in_text(self.part.value, self.text, offset, length)

    def is_covered(self, start: int, end: int) -> bool:
        return bool(self.covered) and any(s < max(end, start + 1) and start < e for s, e in self.covered)

    def add(self, problem: Problem, *, breaks: bool = True) -> None:
        self.problems.append(problem)
        if breaks and problem.is_error:
            self.broken = True

    def known(self) -> tuple[str, ...]:
        return () if self.columns is None else self.columns.placeholders

    # --- braces meant as text --------------------------------------------------------

    def find_code_braces(self, parsed: ParsedText) -> None:
        text = self.text
        if self.html:
            for start, end in code_regions(text):
                offsets = offending_braces(text, start, end, self.known())
                if offsets:
                    span = (offsets[0], offsets[-1] + 1)
                    self.covered.append(span)
                    self.add(msg.css_braces(self.position(span[0], span[1] - span[0]), len(offsets)))
        for field in parsed.top_fields():
            if self.is_covered(field.start, field.end) or self.reads_known_column(field):
                continue
            if looks_like_code(text, field):
                self.covered.append((field.start, field.end))
                position = self.position(field.start, field.end - field.start)
                count = len(offending_braces(text, field.start, field.end))
                problem = (
                    msg.css_braces(position, count)
                    if self.html
                    else msg.literal_braces(position, text[field.start : field.end])
                )
                self.add(problem)

    def reads_known_column(self, field: Field) -> bool:
        """Whether the field names a column of the list (never, when no list is loaded:
        code such as "{ color: red; }" is recognised all the same)."""
        columns = self.columns
        if columns is None:
            return False
        if field.name in columns:
            return True
        split = self.split(field.name)
        return isinstance(split, tuple) and isinstance(split[0], str) and split[0] in columns

    # --- what str.format cannot parse ------------------------------------------------

    def issue(self, issue: Issue) -> None:
        if self.is_covered(issue.offset, issue.offset + issue.length):
            self.broken = True
            return
        position = self.position(issue.offset, issue.length)
        kind = issue.kind
        if kind is IssueKind.SINGLE_CLOSE:
            problem = msg.unmatched_close_brace(position)
        elif kind in (
            IssueKind.SINGLE_OPEN,
            IssueKind.UNCLOSED_FIELD,
            IssueKind.BRACE_IN_NAME,
            IssueKind.UNCLOSED_SPEC,
        ):
            problem = msg.unmatched_open_brace(position)
        else:
            source = self.text[issue.offset : issue.offset + issue.length]
            problem = msg.invalid_placeholder(position, source, issue.message)
        if issue.depth:
            problem = _with_args(problem, depth=issue.depth)
        self.add(problem)

    # --- one field -------------------------------------------------------------------

    def field(self, field: Field) -> None:
        if self.is_covered(field.start, field.end):
            self.broken = True
            return
        columns = self.columns
        split = self.split(field.name)
        if (
            isinstance(split, tuple)
            and isinstance(split[0], str)
            and split[0]
            and not split[1]
            and field.conversion is None
            and not field.spec
            and (columns is None or split[0] in columns)
        ):  # the common case, "{Imię}": nothing to report
            self.record(field, field.name, known=True)
            return
        self.unusual_field(field, split)

    def split(self, name: str) -> tuple[int | str, list[tuple[bool, int | str]]] | ValueError:
        """``split_field_name``, once per distinct name."""
        known = self._splits.get(name)
        if known is None:
            try:
                known = split_field_name(name)
            except ValueError as exc:
                known = exc
            self._splits[name] = known
        return known

    def unusual_field(
        self, field: Field, split: tuple[int | str, list[tuple[bool, int | str]]] | ValueError
    ) -> None:
        text = self.text
        source = text[field.start : field.end]
        position = self.position(field.start, field.end - field.start)
        columns = self.columns
        nested = field.depth > 0
        alias = columns.alias_for(field.name) if columns is not None else None
        if alias is not None:
            self.record(field, field.name, known=False)
            self.add(msg.written_column_name(position, source, field.name, alias))
            return
        if isinstance(split, ValueError):
            self.record(field, field.name, known=False)
            self.add(msg.invalid_placeholder(position, source, str(split)))
            return
        first, rest = split
        if first == "":
            self.add(msg.empty_placeholder(position, source))
            return
        if isinstance(first, int):
            self.add(msg.positional_placeholder(position, source))
            return
        known = columns is None or first in columns
        self.record(field, first, known=known, name_end=field.name_start + len(first) if rest else None)
        if not known:
            assert columns is not None
            suggestion = columns.suggest(first)
            self.add(
                msg.unknown_placeholder(
                    position, source, first, suggestion, no_columns=not columns.placeholders
                )
            )
        if rest:
            is_attribute = rest[0][0]
            maker = msg.attribute_access if is_attribute else msg.index_access
            self.add(maker(position, source, first, known))
        conversion = field.conversion
        if conversion == "r":
            self.add(msg.conversion_repr(position, source))
        elif conversion == "a":
            self.add(msg.conversion_ascii(position, source))
        elif conversion not in (None, "s"):
            self.add(msg.conversion_unknown(position, source, conversion))
        if field.expands_spec:
            if nested:  # reported as an issue (too deep) already
                self.broken = True
        elif field.spec and not rest:
            if too_wide(field.spec):
                self.add(msg.format_too_wide(position, source, field.spec))
            else:
                error = spec_error(field.spec)
                if error is not None:
                    self.add(msg.format_spec_invalid(position, source, field.spec, error))

    def record(self, field: Field, name: str, *, known: bool, name_end: int | None = None) -> None:
        self.placeholders.append(
            Placeholder(
                self.part,
                name,
                field.start,
                field.end,
                field.name_start,
                field.name_end if name_end is None else name_end,
                known,
                field.depth > 0,
            )
        )


def _with_args(problem: Problem, **extra: str | int) -> Problem:
    from dataclasses import replace

    return replace(problem, args={**problem.args, **extra})


def _compile_part(part: Part, text: str, columns: ColumnNames | None, *, html: bool) -> CompiledPart:
    parsed = parse(text)
    checker = _PartChecker(part, text, columns, html)
    checker.find_code_braces(parsed)
    for issue in parsed.issues:
        checker.issue(issue)
    for field in parsed.fields():
        checker.field(field)
    literal_length = sum(len(s.text) for s in parsed.segments if isinstance(s, Literal))
    renderable = not checker.broken
    groups = _groups(parsed, checker.split) if renderable else ()
    # whole-text checks: they do not stop rendering
    if not text.strip():
        empty = msg.subject_empty if part is Part.SUBJECT else msg.content_empty
        checker.add(empty(checker.position(0)), breaks=False)
    if part is Part.SUBJECT:
        line_break = LINE_BREAK.search(text)
        if line_break is not None:
            checker.add(msg.subject_line_break(checker.position(line_break.start(), 1)), breaks=False)
    control = CONTROL.search(text)
    if control is not None:
        position = checker.position(control.start(), 1)
        checker.add(msg.control_character(position, control.group()), breaks=False)
    limit = LIMITS[part]
    if renderable and literal_length > limit:
        code = msg.Code.SUBJECT_TOO_LONG if part is Part.SUBJECT else msg.Code.CONTENT_TOO_LONG
        checker.add(
            msg.too_long(
                code, checker.position(0, len(text)), literal_length, limit, row=None, without_values=True
            ),
            breaks=False,
        )
    problems = sorted(checker.problems, key=_problem_order)
    return CompiledPart(
        part, text, parsed, tuple(checker.placeholders), tuple(problems), renderable, literal_length, groups
    )


def _problem_order(problem: Problem) -> tuple[int, int]:
    position = problem.position
    return (position.offset if position else 0, 0 if problem.is_error else 1)


def _groups(
    parsed: ParsedText, split: Callable[[str], tuple[int | str, list[tuple[bool, int | str]]] | ValueError]
) -> tuple[FieldGroup, ...]:
    found: dict[str, list[Any]] = {}
    text = parsed.text

    def first_name(field: Field) -> str:
        parts = split(field.name)
        assert isinstance(parts, tuple) and isinstance(parts[0], str)
        return parts[0]

    for field in parsed.top_fields():
        source = text[field.start : field.end]
        entry = found.get(source)
        if entry is not None:
            entry[1] += 1
            continue
        names = [first_name(field)] + [first_name(inner) for inner in field.nested_fields()]
        plain = field.conversion in (None, "s") and not field.spec
        found[source] = [field, 1, tuple(dict.fromkeys(names)), plain]
    return tuple(
        FieldGroup(source, count, names, plain, field)
        for source, (field, count, names, plain) in found.items()
    )


def _sender_problems(template: MessageTemplate) -> Iterable[Problem]:
    from_name = template.from_name
    if len(from_name) > MAX_FROM_NAME:
        position = TextPosition.in_text(
            Part.FROM_NAME.value, from_name, MAX_FROM_NAME, len(from_name) - MAX_FROM_NAME
        )
        yield msg.too_long(msg.Code.FROM_NAME_TOO_LONG, position, len(from_name), MAX_FROM_NAME, row=None)
    line_break = LINE_BREAK.search(from_name)
    if line_break is not None:
        yield msg.from_name_line_break(
            TextPosition.in_text(Part.FROM_NAME.value, from_name, line_break.start(), 1)
        )
    control = CONTROL.search(from_name)
    if control is not None:
        position = TextPosition.in_text(Part.FROM_NAME.value, from_name, control.start(), 1)
        yield msg.control_character(position, control.group())
    addresses: Sequence[tuple[Part, str, str]] = (
        (Part.FROM_EMAIL, template.from_email, msg.Code.FROM_EMAIL_INVALID),
        (Part.SEND_SUMMARY_TO, template.send_summary_to, msg.Code.SUMMARY_TO_INVALID),
    )
    for part, address, code in addresses:
        if not address:
            continue
        position = TextPosition(part.value, 0, len(address))
        if part is Part.FROM_EMAIL and not from_name:
            yield msg.from_email_needs_name(position)
        control = CONTROL.search(address)
        if control is not None:  # said plainly, not as the validator's "invalid characters"
            yield msg.control_character(TextPosition(part.value, control.start(), 1), control.group())
            continue
        reason = _address_problem(address)
        if reason is not None:
            yield msg.address_invalid(code, position, address, reason)


def _address_problem(address: str) -> str | None:
    if len(address) > MAX_FROM_EMAIL:
        return f"it is longer than {MAX_FROM_EMAIL} characters."
    from usosmail_gui.core.recipients.emails import EmailChecker

    normalised, reason = EmailChecker().check_address(address.strip())
    return (
        None
        if normalised is not None and address == address.strip()
        else (reason or "it has spaces around it.")
    )
