"""ui/window/drops.py: files dropped anywhere on the window, or on one of its text fields, open
(a template in the composer, a list as the recipients) instead of being pasted; an unsaved
template is offered to be saved first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.recipient_lists import write_students
from usosmail_gui.core.template import MessageTemplate, save_template
from usosmail_gui.ui.main_window import MainWindow

TIMEOUT = 15000


def send_drop(target: QWidget, *paths: Path) -> tuple[bool, bool]:
    """A drag of these real files entering ``target`` and dropped there; whether each
    event was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    centre = target.rect().center()
    enter = QDragEnterEvent(
        centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_a_template_dropped_on_the_window_opens_in_the_composer(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "list.usosmail"
    save_template(path, MessageTemplate(subject="Dropped", content="Body"))
    with qtbot.waitSignal(window.composer.fileChanged, timeout=TIMEOUT) as blocker:
        assert send_drop(window, path) == (True, True)
    assert blocker.args == [path]
    assert window.composer.template().subject == "Dropped"


def test_files_dropped_on_a_text_field_open_instead_of_being_pasted(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    content = window.composer.editor.content_edit
    window.composer.set_template(MessageTemplate(subject="S", content="Keep me"))
    students = write_students(tmp_path / "students.csv")
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as loaded:
        assert send_drop(content.viewport(), students) == (True, True)
    assert loaded.args[0].source.path == students
    assert content.toPlainText() == "Keep me"
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        assert send_drop(window.composer.editor.from_name_edit, students) == (True, True)
    assert window.composer.editor.from_name_edit.text() == ""

    template = tmp_path / "letter.usosmail"
    save_template(template, MessageTemplate(subject="From the drop", content="Dear {Imię}"))
    other = tmp_path / "other.csv"
    other.write_bytes(students.read_bytes())
    with (
        qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as loaded,
        qtbot.waitSignal(window.composer.fileChanged, timeout=TIMEOUT),
    ):
        assert send_drop(content.viewport(), other, template) == (True, True)
    assert loaded.args[0].source.path == other
    assert window.composer.template().content == "Dear {Imię}"


def test_unsaved_template_is_offered_to_be_saved_before_a_dropped_one_opens(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.composer.set_template(MessageTemplate(subject="Unsaved", content="x"), modified=True)
    path = tmp_path / "other.usosmail"
    save_template(path, MessageTemplate(subject="Other", content="y"))
    assert send_drop(window, path) == (True, True)
    box = window.composer.message_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=TIMEOUT)
    with qtbot.waitSignal(window.composer.fileChanged, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Discard).click()
    assert window.composer.template().subject == "Other"
