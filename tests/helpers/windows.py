"""Driving the main window in the Qt tests: opening a recipient list as the user does."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.ui.main_window import MainWindow

TIMEOUT = 15000


def open_list(qtbot: QtBot, window: MainWindow, path: Path, **choices: object) -> RecipientTable:
    """Open ``path`` (sheet, header row… as ``choices``) and wait until the list is shown."""
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT) as blocker:
        window.list_loading.open_file(path, **choices)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not window.list_loading.loading, timeout=TIMEOUT)
    table = blocker.args[0]
    assert isinstance(table, RecipientTable)
    return table
