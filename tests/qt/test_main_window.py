"""The main window composed as ``app.py`` composes it, against real sandboxes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui import app
from usosmail_gui.application.connection import ActiveConnection
from usosmail_gui.core.credentials import Credentials, CredentialStore
from usosmail_gui.core.usos.connection import ConnectionReport, Verdict
from usosmail_gui.ui import workers
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.settings import LAST_URL, app_settings

TIMEOUT = 15000


def pool_idle() -> bool:
    return workers.active_task_count() == 0 and QThreadPool.globalInstance().activeThreadCount() == 0


def test_sandbox_wiring_shows_the_queue_and_cleans_up(qtbot: QtBot, isolated_qsettings: Path) -> None:
    options = app.parse_args(["--sandbox"])
    session = app.SandboxSession()
    window, shutdown = app.build_main_window(options, sandbox_session=session)
    qtbot.addWidget(window)
    window.show()
    assert "sandbox" in window.status_bar_part.installation.text().lower()
    blocker = qtbot.waitSignal(window.statusRefreshed, timeout=TIMEOUT)
    blocker.wait()  # the signal is already on its way
    report = blocker.args[0]
    assert report.verdict is Verdict.OK
    sandbox = session.sandbox
    assert sandbox is not None
    assert window.status_bar_part.queue.text() == "Queue: 0 unsent"
    assert window.status_bar_part.state.text() == "Connected"
    assert sandbox.url in window.status_bar_part.installation.text()
    assert "Local sandbox" in window.status_bar_part.installation.text()
    assert "Local sandbox" in window.windowTitle()
    bar = window.status_bar_part
    shown_connection = repr(window.window_connection.connection)
    for shown in (window.windowTitle(), bar.installation.text(), bar.state.toolTip(),
                  repr(window), shown_connection):
        assert sandbox.admin_secret not in shown

    window.close()
    qtbot.waitUntil(pool_idle, timeout=TIMEOUT)
    shutdown()
    assert session.sandbox is None
    # the sandbox is never remembered as "the last installation", nor any secret
    assert not app_settings().value(LAST_URL.key, "", str)
    assert_no_secret_in(isolated_qsettings, sandbox.admin_secret)


def assert_no_secret_in(folder: Path, secret: str) -> None:
    for file in folder.rglob("*"):
        if file.is_file():
            assert secret not in file.read_text("utf-8", errors="replace")


def test_connect_through_the_dialog_remembers_the_url(
    qtbot: QtBot, sandbox: Any, memory_store: tuple[CredentialStore, MemoryKeyring], isolated_qsettings: Path
) -> None:
    store, _ = memory_store
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.status_bar_part.state.text() == "Not connected"
    assert not window.test_action.isEnabled()
    dialog = window.window_connection.open_dialog()
    qtbot.waitUntil(lambda: dialog.list_view.model().rowCount() > 0, timeout=TIMEOUT)
    dialog.url_edit.setText(sandbox.url)
    dialog.key_edit.setText(sandbox.admin_key)
    dialog.secret_edit.setText(sandbox.admin_secret)
    with qtbot.waitSignal(window.statusRefreshed, timeout=TIMEOUT):
        dialog.save_button.click()
    assert window.status_bar_part.state.text() == "Connected"
    assert window.status_bar_part.queue.text() == "Queue: 0 unsent"
    assert window.test_action.isEnabled()
    with qtbot.waitSignal(window.statusRefreshed, timeout=TIMEOUT):
        window.test_action.trigger()
    window.close()
    settings = app_settings()
    assert settings.value(LAST_URL.key, "", str) == sandbox.url
    assert settings.value("window/geometry") is not None
    assert_no_secret_in(isolated_qsettings, sandbox.admin_secret)


def test_unreachable_installation_says_offline(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], closed_loopback_url: str
) -> None:
    store, _ = memory_store

    def check(url: str, key: str, secret: str) -> ConnectionReport:
        # The real check without its retries (the dialog test waits through those).
        from functools import partial

        from usosmail_gui.core.usos.client import MailingClient, RetryPolicy
        from usosmail_gui.core.usos.connection import check_connection

        factory = partial(MailingClient, retry=RetryPolicy(attempts=1))
        return check_connection(url, key, secret, client_factory=factory)

    window = MainWindow(store, check=check)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.statusRefreshed, timeout=TIMEOUT):
        window.window_connection.use(ActiveConnection(closed_loopback_url, Credentials("key", "secret")))
    assert window.status_bar_part.queue.text() == "Queue: unknown (offline)"
    assert window.status_bar_part.state.text().startswith("Offline")


def test_installation_option_loads_the_saved_key(
    qtbot: QtBot, sandbox: Any, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    store, _ = memory_store
    store.save(sandbox.url, Credentials(sandbox.admin_key, sandbox.admin_secret))
    options = app.parse_args(["--installation", sandbox.url])
    window, shutdown = app.build_main_window(options, credential_store=store)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.statusRefreshed, timeout=TIMEOUT):
        window.show()
    assert window.status_bar_part.state.text() == "Connected"
    window.close()
    shutdown()


def test_installation_option_without_a_saved_key_offers_the_dialog(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    store, _ = memory_store
    url = "https://usosapps.example.edu.pl/"
    options = app.parse_args(["--installation", url])
    window, shutdown = app.build_main_window(options, credential_store=store)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.credentialsLoaded, timeout=TIMEOUT):
        window.show()
    assert window.status_bar_part.state.text() == "No saved key for this installation"
    dialog = window.window_connection.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.url_edit.text() == url
    dialog.reject()
    window.close()
    shutdown()


def test_start_with_a_remembered_url_does_not_contact_it(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    store, _ = memory_store
    url = "https://usosapps.example.edu.pl/"
    store.save(url, Credentials("k", "s"))
    app_settings().setValue(LAST_URL.key, url)

    calls: list[object] = []

    def must_not_run(*args: object) -> ConnectionReport:
        calls.append(args)
        raise AssertionError("contacted the server at start-up")

    window = MainWindow(store, check=must_not_run)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.credentialsLoaded, timeout=TIMEOUT) as blocker:
        window.show()
    assert blocker.args[0] == Credentials("k", "s")
    assert window.window_connection.connection == ActiveConnection(url, Credentials("k", "s"))
    assert window.status_bar_part.state.text() == "Not checked yet"
    assert window.test_action.isEnabled()
    assert not app.should_offer_connection_dialog(app.parse_args([]), app_settings())
    assert calls == []


def test_first_run_offers_the_dialog_unless_told_not_to() -> None:
    settings = app_settings()
    assert app.should_offer_connection_dialog(app.parse_args([]), settings)
    assert not app.should_offer_connection_dialog(app.parse_args(["--no-connect-dialog"]), settings)
    assert not app.should_offer_connection_dialog(app.parse_args(["--sandbox"]), settings)


def test_geometry_is_restored(qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]) -> None:
    store, _ = memory_store
    first = MainWindow(store)
    qtbot.addWidget(first)
    # (at 777 px wide the preview, at its least width, wraps its header: 555 px high would
    # be grown to what it needs; the size here is one the window keeps)
    first.resize(777, 580)
    first.show()
    first.close()
    second = MainWindow(store)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (777, 580)


def test_closing_leaves_no_worker_running(
    qtbot: QtBot, make_sandbox: Callable[..., Any], memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    sandbox = make_sandbox(latency_ms=300)  # the check is still running when the window closes
    store, _ = memory_store
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    with qtbot.assertNotEmitted(window.statusRefreshed, wait=0):
        credentials = Credentials(sandbox.admin_key, sandbox.admin_secret)
        window.window_connection.use(ActiveConnection(sandbox.url, credentials))
        qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() > 0, timeout=TIMEOUT)
        window.close()
        qtbot.waitUntil(pool_idle, timeout=TIMEOUT)


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_version_and_help_exit_cleanly(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        app.parse_args(argv)
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "usosmail-gui" in out


def test_settings_are_isolated(isolated_qsettings: Path) -> None:
    settings = app_settings()
    assert settings.format() is QSettings.Format.IniFormat
    assert Path(settings.fileName()).is_relative_to(isolated_qsettings)


def test_the_window_looks_first_names_up_in_a_child_process(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    """Morfeusz's loader holds the GIL (~0.2 s of a frozen window in the app's process): the
    composition root gives the window a NameBook whose dictionary is in a child."""
    from usosmail_gui.core.letters import names
    from usosmail_gui.core.letters.lexicon_process import ProcessLexicon

    monkeypatch.setattr(names, "_DEFAULT", names.NameBook(names.MorfeuszLexicon()))
    window, shutdown = app.build_main_window(app.parse_args([]), credential_store=memory_store[0])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ready, timeout=TIMEOUT)
    assert isinstance(names.default_book().lexicon, ProcessLexicon)
    window.close()
    shutdown()
