"""ui/quick_fixes: a problem matched to the list and the template as they are now — the
recipient's address fix (for the grid), the template's fix (one undoable edit); a fix chosen
in the Problems panel, which Ctrl+Z takes back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.helpers.composer import make_composer, settle, students
from usosmail_gui.core.recipients import Code as ListCode
from usosmail_gui.core.template import (
    Code,
    ContentFormat,
    MessageTemplate,
)
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


CTRL = Qt.KeyboardModifier.ControlModifier


def test_quick_fix_doubles_css_braces_and_ctrl_z_takes_it_back(qtbot: QtBot) -> None:
    content = "<style>p {color: red} .box {margin: 0}</style><p>Dzień dobry {Imię}</p>"
    template = MessageTemplate(subject="S", content=content, content_format=ContentFormat.HTML)
    composer = make_composer(qtbot, students(), template)
    panel = composer.problems
    css = next(p for p in panel.model.problems() if p.code == Code.CSS_BRACES)
    assert panel.select_problem(css)
    assert panel.fix_button.isEnabled()
    assert panel.fix_button.toolTip() == "Write the braces twice"
    panel.fix_button.click()
    edit = composer.editor.content_edit
    fixed = "<style>p {{color: red}} .box {{margin: 0}}</style><p>Dzień dobry {Imię}</p>"
    assert edit.text() == fixed
    settle(qtbot, composer)
    assert all(p.code != Code.CSS_BRACES for p in panel.model.problems())
    assert composer.preview.message is not None
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Z, CTRL)  # one step back to the text as it was
    assert edit.text() == content
    QTest.keyClick(edit, Qt.Key.Key_Y, CTRL)
    assert edit.text() == fixed


def test_quick_fix_uses_the_suggested_column(qtbot: QtBot) -> None:
    composer = make_composer(qtbot, students(), MessageTemplate(subject="Dla {Imie}", content="C"))
    panel = composer.problems
    unknown = next(p for p in panel.model.problems() if p.code == Code.UNKNOWN_PLACEHOLDER)
    assert composer.fix_description_for(unknown) == "Write {Imię} instead"
    with qtbot.waitSignal(composer.templateChanged):
        assert composer.apply_fix(unknown)
    assert composer.editor.subject_edit.text() == "Dla {Imię}"
    # a fix for a text that has changed since is not offered
    assert composer.fix_description_for(unknown) is None
    assert not composer.apply_fix(unknown)
    QTest.keyClick(composer.editor.subject_edit, Qt.Key.Key_Z, CTRL)
    assert composer.editor.subject_edit.text() == "Dla {Imie}"
    # problems of one recipient have no fix
    settle(qtbot, composer)
    invalid = next(p for p in panel.model.problems() if p.row is not None)
    assert composer.fix_description_for(invalid) is None


def test_a_nul_in_the_sender_name_is_an_error_with_a_fix_that_removes_it(qtbot: QtBot) -> None:
    template = MessageTemplate(subject="Dla {Imię}\x07", content="C", from_name="Dzie\x00kanat")
    composer = make_composer(qtbot, students(), template)
    panel = composer.problems
    found = [p for p in panel.model.problems() if p.code == Code.CONTROL_CHARACTER]
    assert [(p.row, p.position.part if p.position else None) for p in found] == [
        (None, "subject"),
        (None, "from_name"),
    ]
    sender = found[1]
    assert composer.fix_description_for(sender) == "Remove the invisible control characters"
    with qtbot.waitSignal(composer.templateChanged):
        assert composer.apply_fix(sender)
    assert composer.editor.from_name_edit.text() == "Dziekanat"
    settle(qtbot, composer)
    remaining = [p for p in panel.model.problems() if p.code == Code.CONTROL_CHARACTER]
    assert [p.position.part for p in remaining if p.position] == ["subject"]
