"""Fixtures for the Qt tests: isolated QSettings, a clean thread pool after every test,
credential stores over an in-memory or a failing keyring, and a free closed port.

The sandboxes themselves come from ``tests/conftest.py`` (``sandbox``, ``make_sandbox``).
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui.application.connection import ActiveConnection
from usosmail_gui.core.credentials import Credentials, CredentialStore
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui import i18n, workers
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.settings import APPLICATION, ORGANIZATION

WORKER_TIMEOUT_MS = 15000


@pytest.fixture(autouse=True)
def isolated_qsettings(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """Every test writes its settings into its own directory, never into ~/.config."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    folder = tmp_path / "qsettings"
    folder.mkdir()
    previous = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder / "system"))
    yield folder
    QSettings.setDefaultFormat(previous)


@pytest.fixture(autouse=True)
def no_workers_left(qtbot: QtBot) -> Iterator[None]:
    """Each test must leave no job running (and must not inherit one from another test)."""
    yield
    workers.cancel_all()
    qtbot.waitUntil(
        lambda: workers.active_task_count() == 0 and QThreadPool.globalInstance().activeThreadCount() == 0,
        timeout=WORKER_TIMEOUT_MS,
    )


@pytest.fixture
def memory_store() -> tuple[CredentialStore, MemoryKeyring]:
    """A credential store over a working in-memory keyring, and that keyring."""
    backend = MemoryKeyring()
    return CredentialStore(backend=backend), backend


@pytest.fixture
def failing_store() -> CredentialStore:
    """A credential store whose keyring is keyring's own "no backend available" one."""
    from keyring.backends import fail

    return CredentialStore(backend=fail.Keyring())


@pytest.fixture
def closed_loopback_url() -> str:
    """http://127.0.0.1:PORT/ where nobody listens (the port was free a moment ago)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


@pytest.fixture
def english_plurals(qapp: QApplication) -> Iterator[None]:
    """The English plural forms the app installs at start ("1 recipient", "5 recipients")."""
    from usosmail_gui.ui.plurals import install_english_plurals

    translator = install_english_plurals(qapp)
    yield
    qapp.removeTranslator(translator)
    translator.deleteLater()


@pytest.fixture
def make_connected_window(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> Callable[[Sandbox], MainWindow]:
    """A shown main window connected to this sandbox with its administrative key."""

    def make(sb: Sandbox) -> MainWindow:
        connection = ActiveConnection(
            sb.url, Credentials(sb.admin_key, sb.admin_secret), name="Local sandbox", sandbox=True
        )
        window = MainWindow(memory_store[0], connection=connection, restore_last=False)
        qtbot.addWidget(window)
        window.resize(1300, 850)
        window.show()
        return window

    return make


@pytest.fixture
def restore_translators(qapp: QApplication) -> Iterator[None]:
    """Whatever translators the test installs (View ▸ Language applies at once) are removed
    again, so the next tests speak the English they expect."""
    before = set(qapp.findChildren(QTranslator))
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def polish(qapp: QApplication) -> Iterator[None]:
    """The app's Polish translators installed (as at start), then removed again."""
    before = set(qapp.findChildren(QTranslator))
    settings = QSettings()
    assert i18n.install_translations(qapp, settings, "pl") == i18n.POLISH
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def switch_language(qapp: QApplication, restore_translators: None) -> Callable[[str], None]:
    """Polish to begin with; then choose a language the way View ▸ Language does: store
    the choice, install its translators (every open widget hears LanguageChange)."""

    def choose(language: str) -> None:
        settings = QSettings()
        i18n.set_language_preference(settings, language)
        assert i18n.install_translations(qapp, settings) == language

    choose("pl")
    return choose
