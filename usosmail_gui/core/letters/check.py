"""The pre-flight check of a list with derived columns: the template's check of
``LetterList.table``, plus what the derived values say.

Only what the message uses is reported: a guessed salutation is a warning on every row
whose letter says it (a derived column the template does not use is not), a grouped
message warns where its rows differ in a column the template uses, and a row whose line
cannot be put together is an error that leaves its message out. The definitions' own
errors stop everything when the template uses them (warnings otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import replace

from usosmail_gui.core.problems import Problem, Severity
from usosmail_gui.core.template import validate
from usosmail_gui.core.template.compiler import CompiledTemplate, compile_template
from usosmail_gui.core.template.model import MessageTemplate
from usosmail_gui.core.template.validate import CheckProgress, CheckResult

from . import messages as msg
from .derive import LetterList

__all__ = ["check_letters", "check_letters_steps", "compile_letters", "letter_problems"]


def compile_letters(template: MessageTemplate | CompiledTemplate, letters: LetterList) -> CompiledTemplate:
    """``template`` compiled against the columns templates see (the derived ones included)."""
    table = letters.table
    if isinstance(template, CompiledTemplate):
        placeholders = tuple(c.placeholder for c in table.columns)
        if template.columns is not None and template.columns.placeholders == placeholders:
            return template
        template = template.template
    return compile_template(template, table.columns)


def letter_problems(
    letters: LetterList, compiled: CompiledTemplate
) -> tuple[list[Problem], dict[int, list[Problem]]]:
    """The definitions' problems (row None) and each row's (by index into ``letters.table``)
    that the message ``compiled`` makes matter."""
    steps = _letter_problem_steps(letters, compiled, validate.CHUNK)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            found: tuple[list[Problem], dict[int, list[Problem]]] = done.value
            return found


def _letter_problem_steps(
    letters: LetterList, compiled: CompiledTemplate, chunk: int
) -> Generator[None, None, tuple[list[Problem], dict[int, list[Problem]]]]:
    """``letter_problems``, yielding every ``chunk`` rows (a point to pause or cancel)."""
    used = compiled.used_columns
    reached = letters.depends_on(used)
    grouping = letters.setup.grouping
    list_name = grouping.column if grouping is not None else None
    listing = list_name is not None and list_name in reached
    by_line = letters.depends_on(letters.line_columns) if listing else set()
    setup: list[Problem] = []
    for problem in letters.problems:
        if problem.is_error and problem.field not in reached:  # a definition the message does not use
            problem = replace(problem, severity=Severity.WARNING)
        setup.append(problem)
    rows: dict[int, list[Problem]] = {}
    source = letters.source
    number = source.row_number
    first_only = [d for d in letters.derived if d in reached and d != list_name]
    every_member = [d for d in letters.derived if d in by_line and d != list_name]
    if listing:
        every_member.append(list_name)  # type: ignore[arg-type]
    for index in range(letters.table.row_count):
        if index and index % chunk == 0:
            yield
        members = letters.source_rows(index)
        found: list[Problem] = []
        for column in first_only:
            note = letters.note(column, members[0])
            if note is not None:
                found.append(msg.at_row(note, number(members[0])))
        for column in every_member:
            for member in members if column not in first_only else members[1:]:
                note = letters.note(column, member)
                if note is not None:
                    found.append(msg.at_row(note, number(member)))
        if len(members) > 1:
            found += _differences(letters, members, [u for u in used if u != list_name])
        if found:
            rows[index] = found
    return setup, rows


def _differences(letters: LetterList, members: Sequence[int], used: Sequence[str]) -> list[Problem]:
    source = letters.source
    found: list[Problem] = []
    index_of = {c.placeholder: c.index for c in source.columns}
    display = {c.placeholder: c.name for c in source.columns}
    for name in used:
        if name in index_of:
            column = source.column_values(index_of[name])
            values = [column[i] for i in members]
        elif letters.is_derived(name):
            values = [letters.derived_value(name, i) for i in members]
        else:
            continue
        distinct = list(dict.fromkeys(values))
        if len(distinct) < 2:
            continue
        numbers = [source.row_number(i) for i in members]
        shown = ", ".join(f"“{v}”" for v in distinct[:3]) + (", …" if len(distinct) > 3 else "")
        address = ", ".join(source.emails(members[0])) or source.value(members[0], source.email_column or 0)
        problem = msg.values_differ(display.get(name, name), _rows_text(numbers), address, shown, numbers[0])
        found.append(msg.at_row(problem, numbers[0]))
    return found


def _rows_text(numbers: Sequence[int]) -> str:
    if len(numbers) <= 6:
        return ", ".join(map(str, numbers))
    return ", ".join(map(str, numbers[:5])) + f" … {numbers[-1]}"


def check_letters_steps(
    template: MessageTemplate | CompiledTemplate, letters: LetterList, *, chunk: int = validate.CHUNK
) -> Generator[CheckProgress, None, CheckResult]:
    """``validate.check_steps`` on ``letters.table``, with the derived values' problems."""
    compiled = compile_letters(template, letters)
    result = yield from validate.check_steps(compiled, letters.table, chunk=chunk)
    if letters.setup.empty:
        return result
    total = letters.table.row_count
    steps = _letter_problem_steps(letters, compiled, chunk)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            found: tuple[list[Problem], dict[int, list[Problem]]] = done.value
            break
        yield CheckProgress(total, total)
    return _merged(result, letters, found)


def check_letters(
    template: MessageTemplate | CompiledTemplate,
    letters: LetterList,
    *,
    progress: Callable[[CheckProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CheckResult:
    """``check_letters_steps`` driven to the end (``CheckCancelled`` when ``cancelled()``)."""
    steps = check_letters_steps(template, letters)
    return validate.drive_steps(steps, progress=progress, cancelled=cancelled)


def _merged(
    result: CheckResult, letters: LetterList, letter_found: tuple[list[Problem], dict[int, list[Problem]]]
) -> CheckResult:
    setup, extra = letter_found
    blocks = result.template_blocks or any(p.is_error for p in setup)
    row_problems: dict[int, tuple[Problem, ...]] = dict(result.row_problems)
    for index, found in extra.items():
        row_problems[index] = (*row_problems.get(index, ()), *found)
    newly_blocked = {i for i, found in extra.items() if any(p.is_error for p in found)}
    sendable = () if blocks else tuple(r for r in result.sendable_rows if r not in newly_blocked)
    kept = set(sendable)
    table = letters.table
    included = [r for r in range(table.row_count) if table.is_included(r)]
    blocked = tuple(r for r in included if r not in kept)
    listed = list(result.problems)
    heads = sum(1 for p in listed if p.row is None)
    listed[heads:heads] = setup
    listed += (p for found in extra.values() for p in found)
    problems = sorted(listed, key=lambda p: (p.row is not None, p.row or 0))  # stable: sheet order
    return CheckResult(result.recipients, sendable, blocked, tuple(problems), row_problems, blocks)
