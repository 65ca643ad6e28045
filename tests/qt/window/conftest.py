"""Fixtures of the window's parts' tests: windows over the test's own QSettings."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot: QtBot) -> Callable[[], MainWindow]:
    """Windows over the test's own QSettings (each new one reads what the last one saved)."""

    def make() -> MainWindow:
        window = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False)
        qtbot.addWidget(window)
        window.resize(760, 540)  # within the offscreen screen, so restoreGeometry keeps it
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: Callable[[], MainWindow]) -> MainWindow:
    return make_window()
