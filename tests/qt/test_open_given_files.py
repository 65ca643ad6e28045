"""Files named on the command line, or handed over by the desktop (a double-clicked
``.usosmail``, or macOS's FileOpen event), open in the window like File ▸ Open does."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui import app
from usosmail_gui.app import sandbox_launcher
from usosmail_gui.core.credentials import CredentialStore

TIMEOUT = 20000


def test_a_template_and_a_list_named_on_the_command_line_open(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], tmp_path: Path
) -> None:
    template = tmp_path / "decyzja.usosmail"
    shutil.copyfile(sandbox_launcher.demo_template_path("pl"), template)
    recipients = tmp_path / "lista.csv"
    shutil.copyfile(sandbox_launcher.demo_list_path(), recipients)
    options = app.parse_args(["--no-connect-dialog", str(template), str(recipients)])
    assert options.files == [template, recipients]
    window, shutdown = app.build_main_window(options, credential_store=memory_store[0])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.recipientsLoaded, timeout=TIMEOUT):
        window.show()
    qtbot.waitUntil(lambda: window.composer.file_path() == template, timeout=TIMEOUT)
    assert "{Nazwisko}" in window.composer.template().subject
    assert window.recipient_pane.table() is not None and window.recipient_pane.table().row_count == 40  # type: ignore[union-attr]
    window.close()
    shutdown()


def test_a_file_open_event_opens_the_template(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], tmp_path: Path
) -> None:
    template = tmp_path / "hours.usosmail"
    shutil.copyfile(sandbox_launcher.demo_template_path("en"), template)
    window, shutdown = app.build_main_window(app.parse_args(["--no-connect-dialog"]),
                                             credential_store=memory_store[0])
    qtbot.addWidget(window)
    window.show()
    requests = app.FileOpenRequests(window)
    application = QCoreApplication.instance()
    assert application is not None
    application.installEventFilter(requests)
    try:
        QCoreApplication.sendEvent(application, QFileOpenEvent(str(template)))
        qtbot.waitUntil(lambda: window.composer.file_path() == template, timeout=TIMEOUT)
    finally:
        application.removeEventFilter(requests)
    window.close()
    shutdown()
