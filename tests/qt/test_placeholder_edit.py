"""The subject's and content's editors (``ui.placeholder_edit``) as a user types: completion
after "{" (undone in one step), escapes, the one-line subject."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.helpers.composer import editor_with_columns
from tests.helpers.tables import DEMO_COLUMNS

CTRL = Qt.KeyboardModifier.ControlModifier


def test_completion_after_a_brace_inserts_the_placeholder(qtbot: QtBot) -> None:
    editor = editor_with_columns(qtbot)
    edit = editor.content_edit
    edit.setPlainText("Szanowna Pani ")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    edit.setFocus()
    QTest.keyClicks(edit, "{")
    qtbot.waitUntil(edit.popup.isVisible)
    assert edit.completer.completionCount() == len(DEMO_COLUMNS)
    QTest.keyClicks(edit.popup, "azw")  # keys go to the popup, which hands them to the editor
    assert edit.completer.completionCount() == 1
    QTest.keyClick(edit.popup, Qt.Key.Key_Return)
    assert edit.text() == "Szanowna Pani {Nazwisko}"
    assert not edit.popup.isVisible()
    assert edit.textCursor().position() == len("Szanowna Pani {Nazwisko}")
    # one undo step takes the completion back, the typed text stays
    QTest.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert edit.text() == "Szanowna Pani {azw"
    QTest.keyClick(edit, Qt.Key.Key_Z, CTRL, 0)
    QTest.keyClick(edit, Qt.Key.Key_Y, CTRL)  # redo too
    assert "Szanowna Pani {" in edit.text()


def test_completion_keeps_an_existing_closing_brace_and_skips_escapes(qtbot: QtBot) -> None:
    editor = editor_with_columns(qtbot)
    edit = editor.subject_edit
    edit.setPlainText("}")
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    edit.setFocus()
    QTest.keyClicks(edit, "{")
    qtbot.waitUntil(edit.popup.isVisible)
    QTest.keyClick(edit.popup, Qt.Key.Key_Down)
    QTest.keyClick(edit.popup, Qt.Key.Key_Return)
    assert edit.text() == "{Nazwisko}"
    edit.setPlainText("")
    QTest.keyClicks(edit, "{{")  # an escaped brace is text: no list
    assert not edit.popup.isVisible()


def test_subject_is_one_line_and_return_moves_on(qtbot: QtBot) -> None:
    editor = editor_with_columns(qtbot)
    editor.subject_edit.setFocus()
    QTest.keyClicks(editor.subject_edit, "Decyzja")
    QTest.keyClick(editor.subject_edit, Qt.Key.Key_Return)
    assert editor.subject_edit.text() == "Decyzja"
    assert editor.subject_edit.document().blockCount() == 1
    qtbot.waitUntil(editor.content_edit.hasFocus)
