"""The subject's and content's length counters (``ui.length_counter``): the selected
recipient's lengths against USOS's limits, as the user types."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.helpers.composer import STUDENTS, make_composer, settle, students
from usosmail_gui.core.template import MessageTemplate


@pytest.mark.usefixtures("english_plurals")
def test_counters_show_the_selected_recipients_lengths(qtbot: QtBot) -> None:
    long_name = "Bardzo" + "długie" * 40
    rows = [STUDENTS[0], [*STUDENTS[1][:1], long_name, *STUDENTS[1][2:]]]
    template = MessageTemplate(subject="Decyzja – {Imię} {Nazwisko}", content="Dzień dobry {Imię}!")
    composer = make_composer(qtbot, students(rows), template)
    editor = composer.editor
    composer.set_current_row(0)
    settle(qtbot, composer)
    subject = template.subject.format(**students(rows).params(0))
    assert editor.subject_counter.length == len(subject)
    assert editor.content_counter.length == len("Dzień dobry Anna!")
    assert not editor.subject_counter.over_limit
    assert "of 200 characters" in editor.subject_counter.text()
    composer.set_current_row(1)
    settle(qtbot, composer)
    assert editor.subject_counter.length == len(f"Decyzja – Łukasz {long_name}") > 200
    assert editor.subject_counter.over_limit
    assert "#c01c28" in editor.subject_counter.styleSheet()
    # typing updates the counter of the selected row
    editor.content_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor.content_edit, "!!")
    settle(qtbot, composer)
    assert editor.content_counter.length == len("Dzień dobry Łukasz!!!")
