"""ui/held_problems: a new template's empty subject and text are not called errors before
the user has touched their field (written in it, left it) or tried to send."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from usosmail_gui.core.template import Code, MessageTemplate
from usosmail_gui.ui.held_problems import HELD_BACK, HeldProblems
from usosmail_gui.ui.template_editor import TemplateEditor


def held_for(qtbot: QtBot) -> tuple[HeldProblems, TemplateEditor]:
    editor = TemplateEditor()
    qtbot.addWidget(editor)
    editor.set_template(MessageTemplate())
    return HeldProblems(editor.subject_edit, editor.content_edit, editor), editor


def test_an_empty_field_is_held_back_until_written_in_or_left(qtbot: QtBot) -> None:
    held, editor = held_for(qtbot)
    problems = editor.compiled().problems
    assert {Code.SUBJECT_EMPTY, Code.CONTENT_EMPTY} <= {p.code for p in problems}
    assert held.codes == frozenset(HELD_BACK) and held.holds_any(problems)
    assert not {p.code for p in held.unheld(problems)} & set(HELD_BACK)
    revealed: list[bool] = []
    held.revealed.connect(lambda: revealed.append(True))
    editor.subject_edit.setPlainText("Decyzja")  # written in: no longer held (nothing to show)
    assert held.codes == {Code.CONTENT_EMPTY} and revealed == []
    QApplication.sendEvent(editor.content_edit, QEvent(QEvent.Type.FocusOut))  # left empty
    assert held.codes == frozenset() and revealed == [True]
    assert held.unheld(problems) == list(problems) and not held.holds_any(problems)


def test_a_send_reveals_all_and_an_opened_template_holds_nothing(qtbot: QtBot) -> None:
    held, _ = held_for(qtbot)
    revealed: list[bool] = []
    held.revealed.connect(lambda: revealed.append(True))
    assert held.reveal_all() and revealed == [True] and not held.codes
    assert not held.reveal_all() and revealed == [True]  # nothing held any more
    held.restart(new=True)
    assert held.codes == frozenset(HELD_BACK)
    held.restart(new=False)
    assert held.codes == frozenset()
