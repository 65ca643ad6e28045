"""The composer's quick fixes: which problems have one, what it would do, and applying a
template's fix (a recipient's address is fixed by the grid's model: its cell is edited).

The fixes themselves are the core's (``quick_fix_template``; ``FIXABLE_CODES`` with a
problem's ``suggestion``); this module matches a problem to the list and the template as
they are now (a problem about a text that has changed since has no fix).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from usosmail_gui.core.problems import Problem
from usosmail_gui.core.recipients.table import FIXABLE_CODES, RecipientTable
from usosmail_gui.core.template import CompiledTemplate, Part, quick_fix_template

from .problems_panel import fix_description, recipient_fix_description
from .template_editor import TemplateEditor

__all__ = ["apply_template_fix", "fix_description_for", "problem_row", "recipient_fix"]


def problem_row(table: RecipientTable | None, problem: Problem) -> int | None:
    """The table row index of a recipient's problem (None: not a row's, or not in the list)."""
    if table is None or problem.row is None:
        return None
    return table.row_index(problem.row)


def recipient_fix(table: RecipientTable | None, problem: Problem) -> tuple[int, int, str] | None:
    """(table row, column, corrected text) of a recipient problem with an obvious fix."""
    if problem.code not in FIXABLE_CODES or not problem.suggestion or table is None:
        return None
    row, column = problem_row(table, problem), table.email_column
    if row is None or column is None or problem.field != table.columns[column].name:
        return None
    return row, column, problem.suggestion


def fix_description_for(
    table: RecipientTable | None, compiled: CompiledTemplate, problem: Problem
) -> str | None:
    """What the quick fix of ``problem`` would do, or None when it has none (or the
    problem is about a text that has changed since)."""
    if recipient_fix(table, problem) is not None:
        return recipient_fix_description(problem)
    if problem.row is not None or problem not in compiled.problems:
        return None
    if quick_fix_template(compiled, problem) is None:
        return None
    return fix_description(problem)


def apply_template_fix(editor: TemplateEditor, problem: Problem) -> bool:
    """The core's quick fix of a template's problem, as one undoable edit of the field
    concerned (which then has the focus); False: it has none (any more)."""
    compiled = editor.compiled()
    if problem.row is not None or problem not in compiled.problems or problem.position is None:
        return False
    fixed = quick_fix_template(compiled, problem)
    if fixed is None:
        return False
    part = Part(problem.position.part)
    editor.replace_text(part, fixed.text(part))
    widget = editor.widget_for(part.value)
    if widget is not None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
    return True
