"""The template editor's highlighting (``ui.highlighter``) from the core's parse: known and
unknown placeholders styled apart, errors underlined, positions in UTF-16."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextLayout
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.helpers.composer import editor_with_columns
from usosmail_gui.ui.highlighter import KNOWN_COLOR, UNKNOWN_COLOR
from usosmail_gui.ui.placeholder_edit import PlaceholderEdit

CTRL = Qt.KeyboardModifier.ControlModifier


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
