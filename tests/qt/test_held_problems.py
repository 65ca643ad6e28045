"""ui/held_problems: a new template's empty subject and text are not called errors before
the user has touched their field (written in it, left it) or tried to send."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers.composer import TIMEOUT, settle
from usosmail_gui.core.problems import Problem
from usosmail_gui.core.template import (
    Code,
    MessageTemplate,
)
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


def codes(problems: list[Problem]) -> list[tuple[int | None, str]]:
    return [(p.row, p.code) for p in problems]


def test_an_empty_new_template_is_not_red_until_touched_or_sent(qtbot: QtBot) -> None:
    from tests.helpers.memory_keyring import MemoryKeyring
    from usosmail_gui.core.credentials import CredentialStore
    from usosmail_gui.ui.main_window import MainWindow

    window = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False)
    qtbot.addWidget(window)
    window.show()
    composer = window.composer
    settle(qtbot, composer)
    assert codes(composer.problems.model.problems()) == []  # nothing done yet: nothing wrong
    assert "errors" not in composer.preview.notice_label.text()

    composer.editor.content_edit.setPlainText("Dzień dobry")  # the text touched, not the subject
    settle(qtbot, composer)
    assert codes(composer.problems.model.problems()) == []

    composer.editor.subject_edit.setFocus()  # into the subject and out again, writing nothing
    qtbot.waitUntil(composer.editor.subject_edit.hasFocus, timeout=TIMEOUT)
    composer.editor.content_edit.setFocus()
    qtbot.waitUntil(
        lambda: (None, Code.SUBJECT_EMPTY) in codes(composer.problems.model.problems()), timeout=TIMEOUT
    )
    assert (None, Code.CONTENT_EMPTY) not in codes(composer.problems.model.problems())

    composer.set_template(MessageTemplate())  # a new empty one: quiet again, until a send is tried
    settle(qtbot, composer)
    assert codes(composer.problems.model.problems()) == []
    window.send_test_action.trigger()  # refused (no list), and now says what is wrong
    both = {(None, Code.SUBJECT_EMPTY), (None, Code.CONTENT_EMPTY)}
    qtbot.waitUntil(lambda: both <= set(codes(composer.problems.model.problems())), timeout=TIMEOUT)
