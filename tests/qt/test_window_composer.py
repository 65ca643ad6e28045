"""The composer inside the main window: the grid's row drives the preview, a problem
shows its row in the grid, template actions sit in the File menu, and closing asks about
an unsaved template."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.composer import settle
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.recipient_lists import INVALID_ROW, write_students
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.ui.main_window import MainWindow

TIMEOUT = 15000


@pytest.fixture
def window(qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]) -> MainWindow:
    window = MainWindow(memory_store[0], restore_last=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    return window


def load_students(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> RecipientTable:
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as blocker:
        window.list_loading.open_file(write_students(tmp_path / "students.csv"))
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    table = blocker.args[0]
    assert isinstance(table, RecipientTable)
    return table


def test_the_grid_row_drives_the_preview(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    table = load_students(qtbot, window, tmp_path)
    composer = window.composer
    assert composer.table() is table
    template = MessageTemplate(
        subject="Dla {Imię}", content="Dzień dobry {Imię} {Nazwisko} z miasta {Miasto}"
    )
    composer.set_template(template)
    window.recipient_pane.select_table_rows([1], current=1)
    qtbot.waitUntil(lambda: composer.current_row() == 1, timeout=TIMEOUT)
    settle(qtbot, composer)
    expected = template.content.format(**table.params(1))
    qtbot.waitUntil(lambda: composer.preview.plain_view.text() == expected, timeout=TIMEOUT)
    assert expected == "Dzień dobry Łukasz Wiśniewski z miasta Kraków"


def test_clicking_a_row_problem_selects_the_row_in_the_grid(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    table = load_students(qtbot, window, tmp_path)
    composer = window.composer
    with qtbot.waitSignal(composer.checkFinished, timeout=TIMEOUT):
        composer.set_template(MessageTemplate(subject="Dla {Imię}", content="Treść"))
    settle(qtbot, composer)
    view = composer.problems.view
    model = composer.problems.model
    number = table.row_number(INVALID_ROW)
    position = next(i for i in range(model.rowCount()) if model.problem(i).row == number)
    rect = view.visualRect(model.index(position, 1))
    with qtbot.waitSignal(composer.rowActivated, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [INVALID_ROW]
    assert window.recipient_pane.current_table_row() == INVALID_ROW


def test_template_actions_are_in_the_file_menu(window: MainWindow) -> None:
    actions = window.file_menu.actions()
    composer = window.composer
    for action in (composer.new_action, composer.open_action, composer.save_action, composer.save_as_action):
        assert action in actions
    assert composer.samples_menu.menuAction() in actions
    assert composer.save_action.shortcut().toString() == "Ctrl+S"
    assert window.open_action.shortcut() != composer.open_action.shortcut()


def test_closing_with_an_unsaved_template_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    window.composer.set_template(MessageTemplate(subject="S", content="Nie zapisane"), modified=True)
    qtbot.waitUntil(window.isWindowModified, timeout=TIMEOUT)
    window.close()
    box = window.composer.message_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=TIMEOUT)
    assert window.isVisible(), "the window must wait for the answer"
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=TIMEOUT)
    assert window.isVisible()
    window.close()
    box = window.composer.message_box
    qtbot.waitUntil(box.isVisible, timeout=TIMEOUT)
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)


def test_the_title_names_the_list_and_the_template_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from usosmail_gui.application.connection import ActiveConnection
    from usosmail_gui.core.template import save_template

    assert window.windowTitle() == "Untitled template[*]"  # Qt adds the app's name itself
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        window.list_loading.open_file(write_students(tmp_path / "studenci.csv"))
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    path = tmp_path / "szablon.usosmail"
    save_template(path, MessageTemplate(subject="Temat", content="Treść"))
    with qtbot.waitSignal(window.composer.fileChanged, timeout=TIMEOUT):
        window.composer.open_template(path)
    assert window.windowTitle() == "studenci.csv — szablon.usosmail[*]"
    assert window.windowFilePath() == str(path)
    assert not window.isWindowModified()
    window.composer.editor.content_edit.setPlainText("Zmieniona treść")
    qtbot.waitUntil(window.isWindowModified, timeout=TIMEOUT)
    window.window_connection.set(ActiveConnection("https://usosapps.example.edu.pl/"))
    title = window.windowTitle()
    assert title == "studenci.csv — szablon.usosmail[*] — https://usosapps.example.edu.pl/"
    assert "usosmail-gui" not in title and title.count("studenci.csv") == 1
