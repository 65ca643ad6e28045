"""The first-run welcome page: its two ways to begin, reachable by keyboard, and the work
area (with its docks) coming back when the user begins."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.recipient_lists import write_students
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.ui.connection_dialog import ConnectionDialog
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.welcome import WelcomePage

TIMEOUT = 15000


@pytest.fixture
def make_window(qtbot: QtBot) -> Callable[..., MainWindow]:
    def make(*, welcome: bool) -> MainWindow:
        window = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False, welcome=welcome)
        qtbot.addWidget(window)
        window.resize(760, 540)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def test_the_page_is_not_shown_without_welcome(make_window: Callable[..., MainWindow]) -> None:
    window = make_window(welcome=False)
    assert not window.work_area.welcome_showing
    assert not window.welcome_page.isVisible()
    assert window.splitter.isVisible() and window.problems_dock.isVisible()


def test_sandbox_button_shows_the_work_area_and_asks_for_the_sandbox(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(welcome=True)
    page = window.welcome_page
    assert window.work_area.welcome_showing and page.isVisible()
    assert not window.splitter.isVisible()
    assert not window.problems_dock.isVisible()
    with qtbot.waitSignal(window.sandboxRequested, timeout=TIMEOUT):
        qtbot.mouseClick(page.sandbox_button, Qt.MouseButton.LeftButton)
    assert not window.work_area.welcome_showing
    assert window.splitter.isVisible() and window.problems_dock.isVisible()
    assert window.findChild(ConnectionDialog) is None


def test_connect_button_opens_the_connection_dialog(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(welcome=True)
    with qtbot.assertNotEmitted(window.sandboxRequested, wait=0):
        qtbot.mouseClick(window.welcome_page.connect_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ConnectionDialog)
    assert isinstance(dialog, ConnectionDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    assert not window.work_area.welcome_showing and window.splitter.isVisible()
    dialog.reject()


def test_buttons_are_reachable_by_keyboard(qtbot: QtBot, make_window: Callable[..., MainWindow]) -> None:
    window = make_window(welcome=True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    page = window.welcome_page
    sandbox, connect = page.sandbox_button, page.connect_button
    for button in (sandbox, connect):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert button.accessibleName() and button.accessibleDescription() and button.toolTip()
    assert page.title_label.accessibleName() and page.intro_label.accessibleName()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sandbox, timeout=TIMEOUT)
    qtbot.keyClick(sandbox, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is connect, timeout=TIMEOUT)
    qtbot.keyClick(connect, Qt.Key.Key_Backtab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sandbox, timeout=TIMEOUT)
    with qtbot.waitSignal(window.sandboxRequested, timeout=TIMEOUT):
        qtbot.keyClick(sandbox, Qt.Key.Key_Space)
    assert not window.work_area.welcome_showing


def test_help_shows_it_again_and_opening_a_file_leaves_it(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window(welcome=False)
    window.statuses.show_campaign("no-such-campaign", track=False)
    assert window.status_dock.isVisible()
    window.welcome_action.trigger()
    assert window.work_area.welcome_showing and window.welcome_page.isVisible()
    assert not window.status_dock.isVisible() and not window.problems_dock.isVisible()
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        window.list_loading.open_file(write_students(tmp_path / "students.csv"))
    assert not window.work_area.welcome_showing
    assert window.status_dock.isVisible() and window.problems_dock.isVisible()
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)


def test_closing_on_the_welcome_page_keeps_the_docks_for_the_next_start(
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(welcome=True)
    assert not window.problems_dock.isVisible()
    window.close()
    again = make_window(welcome=False)
    assert again.problems_dock.isVisible()


def test_the_page_alone_says_which_way_was_chosen(qtbot: QtBot) -> None:
    page = WelcomePage()
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.connectChosen, timeout=TIMEOUT):
        page.connect_button.click()
    with qtbot.waitSignal(page.sandboxChosen, timeout=TIMEOUT):
        page.sandbox_button.click()
    assert page.sandbox_button.text() == "Try it with the sandbox"
    assert "Nothing is sent to anyone" in page.sandbox_button.description()
    assert page.connect_button.text() == "Connect to my university"


def test_escape_and_the_back_button_return_to_the_list(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window(welcome=True)
    page = window.welcome_page
    assert not page.back_button.isVisible()  # no list yet: nothing to go back to but Escape
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.sandbox_button, timeout=TIMEOUT)
    qtbot.keyClick(page.sandbox_button, Qt.Key.Key_Escape)
    assert not window.work_area.welcome_showing and window.problems_dock.isVisible()

    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        window.list_loading.open_file(write_students(tmp_path / "studenci.csv"))
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    window.welcome_action.trigger()
    assert window.work_area.welcome_showing
    assert page.back_button.isVisible() and page.back_button.isEnabled()
    assert "studenci.csv" in page.back_button.text()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert not window.work_area.welcome_showing
    assert window.splitter.isVisible() and window.problems_dock.isVisible()
    assert window.recipient_pane.table() is not None  # the list is still there
