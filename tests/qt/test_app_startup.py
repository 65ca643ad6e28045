"""Start-up stays light and offline: the modules that touch the keyring, the network or
big data are not imported by ``usosmail_gui.app`` itself, nor before the window is shown;
and the welcome page's sandbox button is wired like ``--sandbox --demo``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.startup_probe import HEAVY, SETTINGS_ENV
from usosmail_gui import app
from usosmail_gui.app import sandbox_launcher
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.usos.connection import Verdict
from usosmail_gui.ui import workers
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.settings import GEOMETRY, LAST_URL, app_settings
from usosmail_gui.ui.window import startup

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20000


def test_app_import_is_light() -> None:
    code = f"import sys, usosmail_gui.app\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_module_entry_point_version() -> None:
    done = subprocess.run([sys.executable, "-m", "usosmail_gui", "--version"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usosmail-gui ")


def probe_start(tmp_path: Path, *options: str) -> dict[str, Any]:
    """Run the real ``main()`` in a fresh process (isolated settings, data and caches) and
    return what ``tests.helpers.startup_probe`` saw when the window was first shown; the
    work area must have been built afterwards (the probe's ``{"ready": true}`` line)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        SETTINGS_ENV: str(tmp_path / "settings"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.startup_probe", "--spy", "app", *options],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr  # nothing failed while the window built itself
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 2 and lines[1] == {"ready": True}, done.stdout + done.stderr
    report: dict[str, Any] = lines[0]
    assert report["exposed"]
    return report


@pytest.mark.parametrize(
    "options",
    [
        pytest.param(["--no-connect-dialog"], id="nothing-configured"),
        pytest.param([], id="first-run-welcome"),
        pytest.param(["--sandbox", "--demo"], id="sandbox-demo"),
    ],
)
def test_window_is_shown_before_heavy_modules_load(tmp_path: Path, options: list[str]) -> None:
    """At the window's first Show event no heavy module is loaded at all: not by the GUI
    thread, and not by a worker either, because the sandbox and the demo files start only
    once the event loop runs (they are imported in workers afterwards). Nor is the work
    area's code (composer, recipient list, the core's campaign and template): the window
    shows its frame first and builds the work area once that is painted. Nor what the
    frame does without (``dataclasses``)."""
    report = probe_start(tmp_path, *options)
    assert report["heavy_on_gui_thread"] == []
    assert report["heavy_at_show"] == []
    assert report["work_area_at_show"] == []
    assert report["frame_free_at_show"] == []


def test_first_run_shows_the_welcome_page_only_when_nothing_is_chosen() -> None:
    settings = app_settings()
    assert app.should_offer_connection_dialog(app.parse_args([]), settings)
    for options in (["--no-connect-dialog"], ["--sandbox"], ["--demo"],
                    ["--installation", "https://usosapps.example.edu.pl/"]):
        assert not app.should_offer_connection_dialog(app.parse_args(options), settings), options
    settings.setValue(LAST_URL.key, "https://usosapps.example.edu.pl/")
    assert not app.should_offer_connection_dialog(app.parse_args([]), settings)


def test_language_option() -> None:
    assert app.parse_args(["--language", "pl"]).language == "pl"
    assert app.parse_args([]).language is None
    with pytest.raises(SystemExit):
        app.parse_args(["--language", "de"])


def test_demo_template_fits_the_demo_list() -> None:
    from usosmail_gui.core.recipients import load
    from usosmail_gui.core.template import load_template

    columns = set(load(sandbox_launcher.demo_list_path()).column_names)
    for language in ("pl", "en"):
        template = load_template(sandbox_launcher.demo_template_path(language))
        assert template.lang.value == language
        used = {name for text in (template.subject, template.content) for name in placeholders(text)}
        assert used and used <= columns


def placeholders(text: str) -> set[str]:
    import string

    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_sandbox_requested_starts_the_sandbox_with_the_demo_and_shutdown_stops_it(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    session = app.SandboxSession()
    window, shutdown = app.build_main_window(
        app.parse_args([]), credential_store=memory_store[0], sandbox_session=session
    )
    qtbot.addWidget(window)
    window.show()
    assert window.window_connection.connection is None
    with qtbot.waitSignals([window.statusRefreshed, window.recipientsLoaded], timeout=TIMEOUT):
        window.sandboxRequested.emit()
    connection, report = window.window_connection.connection, window.window_connection.last_report
    assert connection is not None and connection.sandbox
    assert report is not None and report.verdict is Verdict.OK
    assert window.recipient_pane.table() is not None and window.recipient_pane.table().row_count == 40  # type: ignore[union-attr]
    composer = window.composer
    qtbot.waitUntil(lambda: composer.template().subject.startswith("Missing documents"), timeout=TIMEOUT)
    assert not window.composer.is_modified()  # closing does not ask to save the sample
    assert window.composer.file_path() is None
    # asked again: the same sandbox, not a second one
    with qtbot.waitSignal(window.statusRefreshed, timeout=TIMEOUT):
        window.sandboxRequested.emit()
    shown = window.window_connection.connection
    assert shown is not None and shown.base_url == connection.base_url
    assert not app_settings().value(LAST_URL.key, "", str)  # the sandbox is not remembered

    window.close()
    assert not window.isVisible()  # no "save?" question held the window open
    qtbot.waitUntil(lambda: workers.active_task_count() == 0, timeout=TIMEOUT)
    assert session.sandbox is not None
    shutdown()
    assert session.sandbox is None  # stopped, its temporary folder removed


def test_deferred_window_paints_its_frame_then_builds_the_work_area(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    """``deferred=True`` (as ``main()`` builds it): menus and status bar at once, the work area
    after the first paint; callbacks given to ``when_ready`` run then, in order."""
    window = MainWindow(memory_store[0], deferred=True)
    qtbot.addWidget(window)
    called: list[str] = []
    window.when_ready(lambda: called.append("first"))
    window.when_ready(lambda: called.append("second"))
    assert not window.ready and not hasattr(window, "composer")
    assert [menu.title() for menu in window.menuBar().findChildren(QMenu)][:1]  # the frame's menus exist
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.status_bar_part.installation.text() == "No installation chosen"
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.PaletteChange))  # icons come with the work area
    window.welcome_action.trigger()  # a shortcut pressed in that moment acts once the window can
    with qtbot.waitSignal(window.workAreaReady, timeout=TIMEOUT):
        window.show()
    assert window.ready and called == ["first", "second"]
    assert window.work_area.welcome_showing
    window.show_work_area()
    assert window.central_stack.currentWidget() is window.splitter
    assert window.composer.isVisible() and window.recipient_pane.isVisible()
    assert window.property("workAreaReady") is True
    window.when_ready(lambda: called.append("now"))  # once ready: at once
    assert called[-1] == "now"
    assert window.send_test_action.shortcut() == QKeySequence("Ctrl+T")
    assert window.layout_part.toolbar.actions()[1] is window.composer.save_action


def test_deferred_window_closed_before_its_work_area_is_built(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring]
) -> None:
    """Closing in the instant before the work area exists saves nothing and builds nothing."""
    settings = app_settings()
    window = MainWindow(memory_store[0], deferred=True, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.close()
    qtbot.waitUntil(lambda: workers.active_task_count() == 0, timeout=TIMEOUT)
    QCoreApplication.processEvents()
    assert not window.ready and not window.isVisible()
    assert settings.value(GEOMETRY.key) is None


def test_main_window_module_is_light() -> None:
    """Importing the window for its frame loads none of the work area (the worker does)."""
    code = (
        "import sys, usosmail_gui.ui.main_window, usosmail_gui.ui.window.startup as m\n"
        "print(','.join(n for n in m.WORK_AREA_MODULES if n in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


class _NeverExposed(startup.FirstExpose):
    def eventFilter(self, watched: Any, event: Any) -> bool:
        return False


def test_deferred_window_never_exposed_builds_its_work_area_anyway(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window shown minimised or covered may get no Expose for long: the work area is
    built after ``WORK_AREA_FALLBACK_MS`` all the same."""
    # no Expose seen; a subclass, not a patched method: shiboken caches a Python override of a
    # virtual, and a lambda patched in and out leaves the cache pointing at freed memory
    # (a later test's event filter then crashed the run)
    monkeypatch.setattr(startup, "FirstExpose", _NeverExposed)
    window = MainWindow(memory_store[0], deferred=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.workAreaReady, timeout=startup.WORK_AREA_FALLBACK_MS + TIMEOUT):
        window.show()
        assert window.findChild(startup.FirstExpose) is not None  # it waited for an Expose
    assert window.ready and window.composer.isVisible()
