"""ui/quick_fixes: a problem matched to the list and the template as they are now — the
recipient's address fix (for the grid), the template's fix (one undoable edit)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.helpers.composer import students
from usosmail_gui.core.recipients import Code as ListCode
from usosmail_gui.core.template import Code, MessageTemplate
from usosmail_gui.ui.quick_fixes import apply_template_fix, fix_description_for, problem_row, recipient_fix
from usosmail_gui.ui.template_editor import TemplateEditor

ROWS = [
    ["Anna", "Kowalska", "100001", "anna@student.example.edu.pl", "Informatyka", "1"],
    ["Jan", "Nowak", "100002", "jan@student.example.edu.pl|j.nowak@example.edu.pl", "Matematyka", "2"],
]


def editor_with(qtbot: QtBot, template: MessageTemplate) -> TemplateEditor:
    editor = TemplateEditor()
    qtbot.addWidget(editor)
    editor.set_columns(students().columns)
    editor.set_template(template)
    return editor


def test_a_pipe_between_addresses_is_fixed_in_its_cell(qtbot: QtBot) -> None:
    table = students(ROWS)
    (problem,) = [p for p in table.problems(1) if p.code == ListCode.EMAIL_PIPE]
    assert problem_row(table, problem) == 1
    assert recipient_fix(table, problem) == (1, table.email_column, problem.suggestion)
    assert problem.suggestion == "jan@student.example.edu.pl, j.nowak@example.edu.pl"
    compiled = editor_with(qtbot, MessageTemplate("S", "C")).compiled()
    assert fix_description_for(table, compiled, problem) is not None
    # without the list (closed since) there is nothing to fix
    assert recipient_fix(None, problem) is None and problem_row(None, problem) is None


def test_a_template_fix_is_offered_and_applied_once(qtbot: QtBot) -> None:
    editor = editor_with(qtbot, MessageTemplate(subject="Dla {Imie}", content="C"))
    table = students()
    (unknown,) = [p for p in editor.compiled().problems if p.code == Code.UNKNOWN_PLACEHOLDER]
    assert fix_description_for(table, editor.compiled(), unknown) == "Write {Imię} instead"
    assert recipient_fix(table, unknown) is None
    assert apply_template_fix(editor, unknown)
    assert editor.subject_edit.text() == "Dla {Imię}"
    # the text it was about is gone: no fix any more
    assert fix_description_for(table, editor.compiled(), unknown) is None
    assert not apply_template_fix(editor, unknown)
