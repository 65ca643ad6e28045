"""ui/confirm_box.py: a step that cannot be undone is asked first, Cancel the default."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from usosmail_gui.ui.confirm_box import ask_first


def ask(qtbot: QtBot, parent: QWidget, done: list[str]) -> QMessageBox:
    return ask_first(
        parent, title="Usuń", text="Usunąć dane?", informative="Nie da się ich przywrócić.",
        yes_text="&Usuń", then=lambda: done.append("yes"), name="deleteBox",
    )


def test_enter_cancels_and_only_yes_does_the_step(qtbot: QtBot) -> None:
    done: list[str] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    box = ask(qtbot, parent, done)
    qtbot.waitUntil(box.isVisible)
    assert box.objectName() == "deleteBox" and box.informativeText() == "Nie da się ich przywrócić."
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "&Usuń"
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "deleteBox") is None)  # gone (WA_DeleteOnClose)
    assert done == []
    again = ask(qtbot, parent, done)
    qtbot.waitUntil(again.isVisible)
    again.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: done == ["yes"])
