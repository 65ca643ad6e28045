"""The template editor as a user drives it: highlighting from the core's parse, completion
after "{", the "Insert placeholder" menu, undo, the one-line subject, the counters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextLayout
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.helpers.composer import STUDENTS, make_composer, settle, students
from tests.helpers.tables import DEMO_COLUMNS
from usosmail_gui.core.template import ContentFormat, MessageTemplate
from usosmail_gui.ui.highlighter import KNOWN_COLOR, UNKNOWN_COLOR
from usosmail_gui.ui.placeholder_edit import PlaceholderEdit
from usosmail_gui.ui.template_editor import TemplateEditor

CTRL = Qt.KeyboardModifier.ControlModifier


def editor_with_columns(qtbot: QtBot) -> TemplateEditor:
    editor = TemplateEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 500)
    editor.show()
    editor.activateWindow()  # keys and the completion popup need the window to have focus
    qtbot.waitUntil(editor.isActiveWindow)
    editor.set_columns(students().columns)
    return editor


def block_formats(edit: PlaceholderEdit, number: int = 0) -> list[QTextLayout.FormatRange]:
    block = edit.document().findBlockByNumber(number)
    return list(block.layout().formats())


def format_at(edit: PlaceholderEdit, block: int, column: int) -> QTextLayout.FormatRange | None:
    for item in block_formats(edit, block):
        if item.start <= column < item.start + item.length:
            return item
    return None


def wavy(item: QTextLayout.FormatRange | None) -> bool:
    return item is not None and item.format.underlineStyle() == item.format.UnderlineStyle.WaveUnderline


def test_known_and_unknown_placeholders_are_styled_apart(qtbot: QtBot) -> None:
    editor = editor_with_columns(qtbot)
    editor.content_edit.setPlainText("Dzień dobry {Imię}, {Imie} i {Nazwisko}.")
    text = editor.content_edit.text()
    known = format_at(editor.content_edit, 0, text.index("{Imię}") + 1)
    unknown = format_at(editor.content_edit, 0, text.index("{Imie}") + 1)
    plain = format_at(editor.content_edit, 0, 2)
    assert known is not None and known.format.foreground().color() == KNOWN_COLOR
    assert not wavy(known)
    assert unknown is not None and unknown.format.foreground().color() == UNKNOWN_COLOR
    assert wavy(unknown)
    assert plain is None
    # the same name is known once the list has such a column; without a list nothing is judged
    editor.set_columns(None)
    assert not wavy(format_at(editor.content_edit, 0, text.index("{Imie}") + 1))


def test_highlighting_follows_an_edit_on_another_line(qtbot: QtBot) -> None:
    """A "{" typed on line 1 pairs with the "}" on line 2: "{\ny}" is text in braces now
    (the checker says so), so line 2 is underlined from its start, not only at "}"."""
    editor = editor_with_columns(qtbot)
    editor.content_edit.setPlainText("x\ny}")
    assert wavy(format_at(editor.content_edit, 1, 1))  # the lone "}" is an error
    assert format_at(editor.content_edit, 1, 0) is None
    cursor = QTextCursor(editor.content_edit.document())
    cursor.setPosition(1)
    editor.content_edit.setTextCursor(cursor)
    QTest.keyClicks(editor.content_edit, " {")
    assert wavy(format_at(editor.content_edit, 1, 0))
    QTest.keyClick(editor.content_edit, Qt.Key.Key_Escape)
    QTest.keyClick(editor.content_edit, Qt.Key.Key_Z, CTRL)  # undo: line 2 as before
    assert editor.content_edit.text() == "x\ny}"
    assert format_at(editor.content_edit, 1, 0) is None


def test_highlighting_counts_utf16_after_an_emoji(qtbot: QtBot) -> None:
    editor = editor_with_columns(qtbot)
    editor.content_edit.setPlainText("😀😀 {Imię}")
    # Qt positions: each emoji is two UTF-16 units, so "{" is at 5, not 3
    item = format_at(editor.content_edit, 0, 5)
    assert item is not None and item.start == 5 and item.length == len("{Imię}")


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


def test_subject_is_one_line_and_return_moves_on(qtbot: QtBot) -> None:
    editor = editor_with_columns(qtbot)
    editor.subject_edit.setFocus()
    QTest.keyClicks(editor.subject_edit, "Decyzja")
    QTest.keyClick(editor.subject_edit, Qt.Key.Key_Return)
    assert editor.subject_edit.text() == "Decyzja"
    assert editor.subject_edit.document().blockCount() == 1
    qtbot.waitUntil(editor.content_edit.hasFocus)


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


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTableView,
        QWidget,
    )

    composer = make_composer(qtbot, students())
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTableView)
    unnamed = [
        w
        for w in composer.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisibleTo(composer) and not w.accessibleName()
    ]
    assert unnamed == []
