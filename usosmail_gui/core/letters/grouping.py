"""One message per student from several rows: rows grouped by their e-mail address.

Offices often keep a row per course, fee or missing document; a student should get one
message listing them. Included rows with the same addresses (compared as the e-mail
check normalises them, case ignored) form a group, in the order of each group's first
row; a row without a valid address stays alone, so its problem stays in sight. The
grouping's ``line`` is rendered with ``str.format`` for every row of a group (as USOS
would render a template), and the lines, in sheet order, fill the list column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from usosmail_gui.core.problems import Problem
from usosmail_gui.core.recipients.headers import Column
from usosmail_gui.core.recipients.table import RecipientTable
from usosmail_gui.core.sentences import say

from . import messages as msg
from .definitions import Grouping

__all__ = ["group_rows", "render_lines"]


def group_rows(table: RecipientTable, *, pause: Callable[[], None] | None = None) -> list[list[int]]:
    """Included rows (indices) by their addresses, each group in sheet order (``pause``:
    called every 2,000 rows, see ``prepare_letters``)."""
    groups: dict[object, list[int]] = {}
    emails = table.emails
    included = table.is_included
    for row in range(table.row_count):
        if pause is not None and row % 2_000 == 0:
            pause()
        if not included(row):
            continue
        addresses = emails(row)
        key: object
        if len(addresses) == 1:
            key = addresses[0].casefold()
        elif addresses:
            key = tuple(sorted(a.casefold() for a in addresses))
        else:
            key = row  # no valid address: alone
        found = groups.get(key)
        if found is None:
            groups[key] = [row]
        else:
            found.append(row)
    return list(groups.values())


def render_lines(
    grouping: Grouping,
    table: RecipientTable,
    derived: Sequence[Column],
    per_row: Mapping[str, Sequence[str]],
    rows: Sequence[int],
    *,
    pause: Callable[[], None] | None = None,
) -> tuple[list[str], tuple[str, ...], list[Problem], list[Problem | None]]:
    """Each row's line (by source index; "" for rows not in ``rows``), the columns the
    line reads, the line's own problems and each row's failure (prototypes)."""
    from usosmail_gui.core.template.compiler import compile_template
    from usosmail_gui.core.template.model import MessageTemplate

    n = table.row_count
    lines = [""] * n
    failures: list[Problem | None] = [None] * n
    name = grouping.column
    line_template = MessageTemplate(subject="-", content=grouping.line)
    compiled = compile_template(line_template, [*table.columns, *derived])
    part = compiled.content
    errors = [p for p in part.problems if p.is_error]
    if errors:
        first = errors[0]
        detail = first.sentences[0] if first.sentences else say("{text}", text=first.message)
        return lines, part.names, [msg.line_invalid(name, grouping.line, detail)], failures
    used = part.names
    index_of = {c.placeholder: c.index for c in table.columns}
    columns = [per_row[u] if u in per_row else table.column_values(index_of[u]) for u in used]
    line = grouping.line
    for i, row in enumerate(rows):
        if pause is not None and i % 2_000 == 0:
            pause()
        values = {u: column[row] for u, column in zip(used, columns, strict=True)}
        try:
            lines[row] = line.format_map(values)
        except Exception as exc:  # str.format rejects it for this row (a format spec from a cell)
            failures[row] = msg.line_failed(name, str(exc) or type(exc).__name__)
    return lines, used, [], failures
