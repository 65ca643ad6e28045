"""Checking every recipient before sending, fast enough to rerun at every pause in typing.

``check_all`` / ``check_steps`` give the pre-flight verdict of docs/cli.md (``usosmail
check``) and the GUI's problems panel: the list's own problems, the template's, and each
included row's. Per row, only what depends on the row is left to do, and it is done a
column at a time with C-level loops (``map(len, …)``, one regex over a joined column):
a part's length is its literal length plus, for each distinct field, the length of what
it renders to; a plain ``{name}`` renders to the value itself. Fields with a conversion
or a format spec are rendered with ``str.format`` per row. ``check_row`` is the same
verdict for one recipient, computed the direct way; a test holds the two to each other.

``check_steps`` is a generator for the Qt worker: each ``yield`` is progress and a
point where it may be dropped (cancelled); the GUI restarts it when the text changes.
The table must not change while it runs (the GUI restarts it after edits, too).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import add, mul
from typing import TypedDict

from usosmail_gui.core.problems import Problem, ProblemJson, TextPosition
from usosmail_gui.core.recipients.table import RecipientTable

from . import messages as msg
from .compiler import (
    CONTROL,
    LIMITS,
    LINE_BREAK,
    CompiledPart,
    CompiledTemplate,
    FieldGroup,
    compile_template,
)
from .model import MessageTemplate, Part
from .render import render_group

__all__ = [
    "CHUNK",
    "CheckCancelled",
    "CheckJson",
    "CheckProgress",
    "CheckResult",
    "check_all",
    "check_row",
    "check_steps",
    "drive_steps",
]

CHUNK = 10_000


class CheckCancelled(Exception):
    """``check_all`` was told to stop; nothing is wrong."""


@dataclass(frozen=True, slots=True)
class CheckProgress:
    done: int
    total: int

    @property
    def fraction(self) -> float | None:
        return None if self.total <= 0 else min(1.0, self.done / self.total)

    def text(self) -> str:
        return f"Checking the messages… {self.done:,} of {self.total:,}"


class CheckJson(TypedDict):
    recipients: int
    sendable: int
    problems: list[ProblemJson]


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The pre-flight verdict. Row arguments are table indices (0-based).

    ``problems``: the list's own, the template's (row None), then each included row's
    (e-mail problems, then template problems) in spreadsheet order. ``row_problems``: the
    template problems of each row that has some. ``sendable_rows``: rows a message would
    be sent to; ``blocked_rows``: included rows that get nothing (an e-mail problem, a
    duplicate, or a template error).
    """

    recipients: int
    sendable_rows: tuple[int, ...]
    blocked_rows: tuple[int, ...]
    problems: tuple[Problem, ...]
    row_problems: Mapping[int, tuple[Problem, ...]]
    template_blocks: bool

    @property
    def sendable(self) -> int:
        return len(self.sendable_rows)

    @property
    def blocks(self) -> bool:
        """Whether anything stops a message (``usosmail check`` exits 1)."""
        return any(p.is_error for p in self.problems)

    def problems_of(self, row: int) -> tuple[Problem, ...]:
        return self.row_problems.get(row, ())

    def to_json(self) -> CheckJson:
        """The ``usosmail check --json`` shape of docs/cli.md."""
        return {
            "recipients": self.recipients,
            "sendable": self.sendable,
            "problems": [p.to_json() for p in self.problems],
        }


# --- one recipient, the direct way -----------------------------------------------------


def check_row(
    compiled: CompiledTemplate,
    values: Mapping[str, str],
    row: int | None = None,
    errors: Mapping[str, str] | None = None,
) -> tuple[Problem, ...]:
    """The template problems of one recipient (``values``: placeholder → text; ``row``:
    its spreadsheet row number; ``errors``: placeholder → the error its cell shows, such as
    ``#N/A``, see ``RecipientTable.cell_errors``). Template-level problems are not repeated."""
    plan = _Plan(compiled)
    found: list[Problem] = []
    for part in plan.parts:
        total: int | None = part.literal_length
        breaks: list[Problem] = []
        controls: list[Problem] = []
        failures: list[Problem] = []
        for index, group in enumerate(part.groups):
            rendered = render_group(part, group, values, row, plan.group_positions[part.part][index])
            if isinstance(rendered, Problem):
                failures.append(rendered)
                total = None
                continue
            if total is not None:
                total += group.count * len(rendered)
            if part.part is Part.SUBJECT and LINE_BREAK.search(rendered):
                breaks.append(plan.line_break(index, row))
            if CONTROL.search(rendered):
                controls.append(plan.control_character(part, index, row))
        found += failures
        found += breaks
        found += controls
        if total is not None:
            found += plan.length_problems(part, total, row)
    for name in plan.used:
        value = values.get(name, "")
        if not value or value.isspace():
            found.append(plan.empty_value(name, row))
    for name in plan.used:
        if errors and name in errors:
            found.append(plan.error_value(name, row, errors[name]))
    return tuple(found)


# --- every recipient, a column at a time ----------------------------------------------


class _Plan:
    """What every row's check shares: renderable parts and precomputed positions."""

    def __init__(self, compiled: CompiledTemplate) -> None:
        self.compiled = compiled
        self.parts: list[CompiledPart] = [p for p in (compiled.subject, compiled.content) if p.renderable]
        self.group_positions: dict[Part, list[TextPosition]] = {
            part.part: [part.position(g.field.start, g.field.end - g.field.start) for g in part.groups]
            for part in self.parts
        }
        self.used = compiled.used_columns
        self.positions: dict[str, TextPosition] = {}
        for placeholder in compiled.placeholders:
            if placeholder.known and placeholder.name not in self.positions:
                part = compiled.part(placeholder.part)
                self.positions[placeholder.name] = part.position(
                    placeholder.start, placeholder.end - placeholder.start
                )
        subject = compiled.subject
        self.subject_position = subject.position(0, len(subject.text))
        self.content_position = compiled.content.position(0, len(compiled.content.text))
        self.subject_blank = not subject.text.strip()
        columns = compiled.columns
        self.display = (lambda name: name) if columns is None else columns.name_of

    def line_break(self, group_index: int, row: int | None) -> Problem:
        group = self.compiled.subject.groups[group_index]
        position = self.group_positions[Part.SUBJECT][group_index]
        column = self.display(group.names[0]) if group.plain else None
        return msg.subject_line_break(position, row=row, column=column)

    def control_character(self, part: CompiledPart, group_index: int, row: int | None) -> Problem:
        group = part.groups[group_index]
        position = self.group_positions[part.part][group_index]
        column = self.display(group.names[0]) if group.plain else None
        return msg.value_control_character(position, row=row, column=column)

    def length_problems(self, part: CompiledPart, total: int, row: int | None) -> list[Problem]:
        limit = LIMITS[part.part]
        found: list[Problem] = []
        if part.part is Part.SUBJECT:
            if total == 0 and not self.subject_blank:
                found.append(msg.subject_empty(self.subject_position, row=row))
            if total > limit >= part.literal_length:
                found.append(
                    msg.too_long(msg.Code.SUBJECT_TOO_LONG, self.subject_position, total, limit, row=row)
                )
        elif total > limit >= part.literal_length:
            found.append(
                msg.too_long(msg.Code.CONTENT_TOO_LONG, self.content_position, total, limit, row=row)
            )
        return found

    def empty_value(self, name: str, row: int | None) -> Problem:
        return msg.empty_value(self.positions[name], row, self.display(name), name)

    def error_value(self, name: str, row: int | None, error: str) -> Problem:
        return msg.error_value(self.positions[name], row, self.display(name), name, error)


def check_steps(
    template: MessageTemplate | CompiledTemplate, table: RecipientTable, *, chunk: int = CHUNK
) -> Generator[CheckProgress, None, CheckResult]:
    """Check every included row of ``table``; yields progress before each chunk of rows.

    A ``MessageTemplate`` (or a template compiled without the table's columns) is
    compiled against the table's columns first.
    """
    compiled = _against(template, table)
    total = table.row_count
    yield CheckProgress(0, total)
    index_of = {c.placeholder: c.index for c in table.columns}
    columns = {name: table.column_values(index_of[name]) for name in compiled.used_columns}
    summary = table.summary()  # counts kept by the table: skips two loops in the usual case
    if summary.excluded == 0:
        included = list(range(total))
    else:
        included = [r for r in range(total) if table.is_included(r)]
    numbers = table.row_numbers
    plan = _Plan(compiled)
    row_problems: dict[int, tuple[Problem, ...]] = {}
    for start in range(0, len(included), chunk):
        if start:
            yield CheckProgress(included[start], total)
        rows = included[start : start + chunk]
        found = _check_chunk(plan, rows, columns, numbers)
        for row, listed in found.items():
            row_problems[row] = tuple(listed)
    for name in plan.used:  # cells showing an error (#N/A): the message would say so
        column = index_of[name]
        for row in table.error_rows(column):
            if table.is_included(row):
                problem = plan.error_value(name, numbers[row], table.cell_error(row, column) or "")
                row_problems[row] = (*row_problems.get(row, ()), problem)
    yield CheckProgress(total, total)

    blocked_by_template = {r for r, problems in row_problems.items() if any(p.is_error for p in problems)}
    if compiled.blocks:
        sendable: list[int] = []
    else:
        receiving = included if summary.will_receive == total else table.sendable_rows()
        sendable = [r for r in receiving if r not in blocked_by_template]
    sendable_set = set(sendable)
    blocked = tuple(r for r in included if r not in sendable_set)

    problems: list[Problem] = list(table.table_problems())
    problems += compiled.problems
    email_rows = {r for r in table.problem_rows if table.is_included(r)}
    for row in sorted(email_rows | row_problems.keys()):
        if row in email_rows:
            problems += table.problems(row)
        problems += row_problems.get(row, ())
    return CheckResult(total, tuple(sendable), blocked, tuple(problems), row_problems, compiled.blocks)


def check_all(
    template: MessageTemplate | CompiledTemplate,
    table: RecipientTable,
    *,
    progress: Callable[[CheckProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CheckResult:
    """``check_steps`` driven to the end; raises ``CheckCancelled`` when ``cancelled()``."""
    return drive_steps(check_steps(template, table), progress=progress, cancelled=cancelled)


def drive_steps(
    steps: Generator[CheckProgress, None, CheckResult],
    *,
    progress: Callable[[CheckProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CheckResult:
    """A check's steps (``check_steps`` or one built on it) run to their result."""
    while True:
        try:
            step = next(steps)
        except StopIteration as done:
            result: CheckResult = done.value
            return result
        if cancelled is not None and cancelled():
            steps.close()
            raise CheckCancelled
        if progress is not None:
            progress(step)


def _against(template: MessageTemplate | CompiledTemplate, table: RecipientTable) -> CompiledTemplate:
    placeholders = tuple(c.placeholder for c in table.columns)
    if isinstance(template, CompiledTemplate):
        if template.columns is not None and template.columns.placeholders == placeholders:
            return template
        template = template.template
    return compile_template(template, table.columns)


def _at_row(problem: Problem, row: int) -> Problem:
    """The same problem for another row (problems whose wording has no row-specific part)."""
    return Problem(
        row,
        problem.code,
        problem.severity,
        problem.message,
        problem.field,
        problem.position,
        problem.suggestion,
        problem.args,
        sentences=problem.sentences,
    )


def _check_chunk(
    plan: _Plan, rows: Sequence[int], columns: Mapping[str, Sequence[str]], numbers: Sequence[int]
) -> dict[int, list[Problem]]:
    """Problems of ``rows`` (indices), in the order ``check_row`` makes them."""
    count = len(rows)
    if count and rows[-1] - rows[0] == count - 1:  # contiguous: slices are C copies
        first = rows[0]
        values = {name: list(column[first : first + count]) for name, column in columns.items()}
    else:
        values = {name: list(map(column.__getitem__, rows)) for name, column in columns.items()}
    found: dict[int, list[Problem]] = {}

    def add_problem(i: int, problem: Problem) -> None:
        found.setdefault(rows[i], []).append(problem)

    for part in plan.parts:
        totals = [part.literal_length] * count
        failed: set[int] = set()
        breaks: list[tuple[int, Problem]] = []
        controls: list[tuple[int, Problem]] = []
        positions = plan.group_positions[part.part]
        for index, group in enumerate(part.groups):
            texts: list[str]
            if group.plain:
                texts = values[group.names[0]]
            else:
                texts = []
                for i, item in enumerate(_render_column(part, group, positions[index], values, count)):
                    if isinstance(item, Problem):
                        add_problem(i, _at_row(item, numbers[rows[i]]))
                        failed.add(i)
                        item = ""
                    texts.append(item)
            lengths: Iterable[int] = map(len, texts)
            if group.count != 1:
                lengths = map(mul, lengths, repeat(group.count))
            totals = list(map(add, totals, lengths))
            if part.part is Part.SUBJECT:
                flagged = _rows_matching(LINE_BREAK, texts, "\x00")
                if flagged:
                    proto = plan.line_break(index, 0)
                    breaks += [(i, _at_row(proto, numbers[rows[i]])) for i in flagged]
            flagged = _rows_matching(CONTROL, texts, "\t")
            if flagged:
                proto = plan.control_character(part, index, 0)
                controls += [(i, _at_row(proto, numbers[rows[i]])) for i in flagged]
        for i, problem in sorted(breaks, key=lambda item: item[0]):
            add_problem(i, problem)
        for i, problem in sorted(controls, key=lambda item: item[0]):
            add_problem(i, problem)
        limit = LIMITS[part.part]
        if totals and (max(totals) > limit or min(totals) == 0):
            for i, total in enumerate(totals):
                if (total > limit or total == 0) and i not in failed:
                    for problem in plan.length_problems(part, total, numbers[rows[i]]):
                        add_problem(i, problem)
    for name in plan.used:
        column = values[name]
        if all(map(str.strip, column)):
            continue
        proto = plan.empty_value(name, 0)
        for i, value in enumerate(column):
            if not value or value.isspace():
                add_problem(i, _at_row(proto, numbers[rows[i]]))
    return found


def _render_column(
    part: CompiledPart, group: FieldGroup, position: TextPosition, values: Mapping[str, list[str]], count: int
) -> list[str | Problem]:
    """What a formatted field renders to for each row (a problem where it fails), once
    per distinct combination of the values it reads."""
    names = group.names
    cache: dict[tuple[str, ...], str | Problem] = {}
    out: list[str | Problem] = []
    for key in zip(*(values[name] for name in names), strict=True):
        rendered = cache.get(key)
        if rendered is None:
            rendered = render_group(part, group, dict(zip(names, key, strict=True)), 0, position)
            cache[key] = rendered
        out.append(rendered)
    return out


def _rows_matching(pattern: re.Pattern[str], texts: Sequence[str], separator: str) -> list[int]:
    """Indices of the texts ``pattern`` finds something in (one regex pass over the texts
    joined by ``separator``, which it never matches, when none has it)."""
    if not pattern.search(separator.join(texts)):
        return []
    return [i for i, text in enumerate(texts) if pattern.search(text)]
