"""An IT department pre-configures the installation for all users in the system-wide
settings (``connection/installation_url``); the user's own choice wins once made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui import app
from usosmail_gui.application.connection import ActiveConnection
from usosmail_gui.core.credentials import Credentials, CredentialStore
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.settings import (
    APPLICATION,
    LAST_URL,
    ORGANIZATION,
    PRESET_URL,
    app_settings,
    remembered_url,
)

TIMEOUT = 20000
PRESET = "https://usosapps.example.edu.pl/"


def preset_for_all_users(url: str) -> Path:
    """Write the system-wide settings file, as IT would (the test's system folder)."""
    system = QSettings(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, ORGANIZATION, APPLICATION)
    system.setValue(PRESET_URL.key, url)
    system.sync()
    assert system.status() == QSettings.Status.NoError
    return Path(system.fileName())


def test_the_preset_is_read_from_the_system_wide_settings(isolated_qsettings: Path) -> None:
    path = preset_for_all_users(PRESET)
    assert path.is_relative_to(isolated_qsettings / "system")
    settings = app_settings()
    assert remembered_url(settings) == PRESET
    settings.setValue(LAST_URL.key, "https://usosapps.other.example.edu.pl/")
    assert remembered_url(settings) == "https://usosapps.other.example.edu.pl/"  # the user's choice wins


def test_nothing_preset_means_nothing_remembered() -> None:
    assert remembered_url(app_settings()) == ""


def test_the_window_starts_with_the_preset_installation_and_its_saved_key(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    store, _ = memory_store
    store.save(PRESET, Credentials("k", "s"))
    preset_for_all_users(PRESET)
    window = MainWindow(store, settings=app_settings())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.credentialsLoaded, timeout=TIMEOUT):
        window.show()
    assert window.window_connection.connection == ActiveConnection(PRESET, Credentials("k", "s"))
    # a first run still shows the welcome page; its "Connect" opens the dialog on this address
    assert app.should_offer_connection_dialog(app.parse_args([]), app_settings())
    window.close()


def test_the_connection_dialog_offers_the_preset_installation(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    store, _ = memory_store
    preset_for_all_users(PRESET)
    window = MainWindow(store, settings=app_settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.window_connection.connection is not None, timeout=TIMEOUT)
    window.window_connection.open_dialog()
    dialog = window.window_connection.dialog
    assert dialog is not None
    assert dialog.url_edit.text() == PRESET
    dialog.reject()
    window.close()
