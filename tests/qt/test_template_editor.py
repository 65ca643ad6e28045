"""The template editor (``ui.template_editor``) as a user drives it: the "Insert placeholder"
menu, and the template round-tripping through its fields. Highlighting, completion and
the one-line subject are in test_highlighter.py and test_placeholder_edit.py, the
counters in test_length_counter.py."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.helpers.composer import editor_with_columns, students
from tests.helpers.tables import DEMO_COLUMNS
from usosmail_gui.core.template import ContentFormat, MessageTemplate

CTRL = Qt.KeyboardModifier.ControlModifier


def test_insert_placeholder_menu_lists_columns_with_aliases(qtbot: QtBot) -> None:
    editor = editor_with_columns(qtbot)
    editor.set_columns(None)
    assert not editor.insert_button.isEnabled()  # no list, nothing to insert
    editor.set_columns(students().columns)
    names = [a.data() for a in editor.insert_menu.actions()]
    assert names == [c for c in DEMO_COLUMNS]
    editor.subject_edit.setFocus()
    editor.subject_edit.setPlainText("Decyzja ")
    editor.subject_edit.moveCursor(QTextCursor.MoveOperation.End)
    editor.content_edit.setFocus()
    editor.subject_edit.setFocus()  # the last editor with focus receives the placeholder
    editor.insert_menu.actions()[DEMO_COLUMNS.index("Nr albumu")].trigger()
    assert editor.subject_edit.text() == "Decyzja {Nr albumu}"
    QTest.keyClick(editor.subject_edit, Qt.Key.Key_Z, CTRL)
    assert editor.subject_edit.text() == "Decyzja "

    from tests.helpers.tables import make_table

    aliased = make_table([["Jan", "4.5", "j@example.edu.pl"]], ["Imię", "Ocena 1.5", "E-mail"])
    editor.set_columns(aliased.columns)
    texts = [a.text() for a in editor.insert_menu.actions()]
    assert texts[1] == "Ocena 1.5  (written {Ocena 1_5})"
    assert editor.insert_menu.actions()[1].data() == "Ocena 1_5"


def test_template_round_trips_through_the_fields_exactly(qtbot: QtBot) -> None:
    editor = editor_with_columns(qtbot)
    template = MessageTemplate(
        subject="Decyzja – {Imię}",
        content="Szanowna Pani\u00a0{Imię},\n\n\tzażółć  gęślą jaźń\u2028{{x}}\n",
        content_format=ContentFormat.HTML,
        from_name="Dziekanat",
        from_email="dziekanat@example.edu.pl",
        send_summary_to="kierownik@example.edu.pl",
    )
    changes: list[None] = []
    editor.changed.connect(lambda: changes.append(None))
    editor.set_template(template)
    assert editor.template() == template  # the no-break space stays one (not toPlainText's space)
    assert changes == []
    editor.plain_radio.setChecked(True)
    assert editor.template().content_format is ContentFormat.PLAIN
    assert len(changes) == 1
