"""ui/window/edit_actions.py: the Edit menu acts on the focused text field (undo, redo, copy)
and is off where there is nothing to edit."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from usosmail_gui.ui.main_window import MainWindow

TIMEOUT = 15000


def test_edit_menu_undoes_and_copies_in_the_focused_field(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    subject = window.composer.editor.subject_edit
    subject.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is subject, timeout=TIMEOUT)
    qtbot.keyClicks(subject, "Hello")
    qtbot.waitUntil(window.edit_actions.undo.isEnabled, timeout=TIMEOUT)
    assert not window.edit_actions.copy.isEnabled()
    subject.selectAll()
    qtbot.waitUntil(window.edit_actions.copy.isEnabled, timeout=TIMEOUT)
    window.edit_actions.copy.trigger()
    assert QApplication.clipboard().text() == "Hello"
    window.edit_actions.undo.trigger()
    assert subject.toPlainText() == ""
    assert window.edit_actions.redo.isEnabled()
    window.edit_actions.redo.trigger()
    assert subject.toPlainText() == "Hello"
    problems = window.composer.problems.view
    problems.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is problems, timeout=TIMEOUT)
    assert not window.edit_actions.paste.isEnabled()
    assert not window.edit_actions.undo.isEnabled()
