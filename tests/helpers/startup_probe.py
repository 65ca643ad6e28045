"""Run a start-up in this process and report the moment its main window is first shown.

``python -m tests.helpers.startup_probe app [usosmail-gui options…]`` runs the app's real
``main()``; ``python -m tests.helpers.startup_probe baseline`` shows a bare QMainWindow,
the least a PySide6 app can do. Both print one JSON line when the window is exposed (its
first paint); the app prints a second one, ``{"ready": true}``, once its work area is built
(the window's ``workAreaReady`` property is set), then both quit. The first line says:

- ``heavy_at_show``: the heavy modules in ``sys.modules`` when the window got its Show
  event (that is, before the event loop ran: nothing deferred has started yet);
- ``work_area_at_show``: the work area's modules (``window.startup.WORK_AREA_MODULES``: the
  composer, the recipient list, the core's campaign, recipients, template…) loaded by then;
- ``frame_free_at_show``: the standard library's modules the frame does without
  (``FRAME_FREE``: ``dataclasses`` with ``copy``, ~3 ms) loaded by then;
- ``heavy_on_gui_thread``: with ``--spy``, the heavy modules the GUI thread began to import
  before that moment (workers may import them at any time; this is what start-up waits on).

Only the standard library and PySide6 are imported here, so the probe adds nothing heavy.
Settings go to ``STARTUP_PROBE_SETTINGS`` (a folder, INI format) when it is set.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

HEAVY = ("pandas", "keyring", "requests_oauthlib", "requests", "oauthlib", "usosmail_gui.sandbox")
WORK_AREA = (  # a sample of usosmail_gui.ui.window.startup.WORK_AREA_MODULES (not imported here)
    "usosmail_gui.core.campaign",
    "usosmail_gui.core.recipients",
    "usosmail_gui.core.template",
    "usosmail_gui.ui.composer",
    "usosmail_gui.ui.recipients_view",
    "usosmail_gui.ui.status_dock",
    "email_validator",
)
# Not heavy, but not needed to paint the frame: its tables (settings, actions, the connection)
# are NamedTuples, so these load with the work area.
FRAME_FREE = ("dataclasses",)
WINDOW_NAME = "mainWindow"  # the objectName of the app's MainWindow (and of the baseline's)
SETTINGS_ENV = "STARTUP_PROBE_SETTINGS"


class ImportSpy(MetaPathFinder):
    """Notes which heavy modules the main thread starts importing; finds nothing itself."""

    def __init__(self) -> None:
        self.on_gui_thread: list[str] = []

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if (
            fullname in HEAVY
            and fullname not in self.on_gui_thread
            and threading.current_thread() is threading.main_thread()
        ):
            self.on_gui_thread.append(fullname)
        return None


def main(argv: list[str]) -> int:
    spy = ImportSpy() if "--spy" in argv[:1] else None
    if spy is not None:
        argv = argv[1:]
        sys.meta_path.insert(0, spy)
    mode, rest = argv[0], argv[1:]

    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    folder = os.environ.get(SETTINGS_ENV)
    if folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        system = os.path.join(folder, "system")
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, system)
    app = QApplication([sys.argv[0]])
    report: dict[str, object] = {}

    class Watch(QObject):
        """Finds the window through an application-wide filter, then watches only it and its
        QWindow: an application-wide Python filter makes PySide6 wrap every QObject that gets
        an event, and wrapping one of Qt's private classes (an animation timer, say) loads
        every type of every module (~50 ms) — a cost of the probe, not of the app."""

        def __init__(self) -> None:
            super().__init__()
            self.window: QObject | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.window is None:
                if watched.objectName() == WINDOW_NAME:
                    self.window = watched
                    app.removeEventFilter(self)
                    watched.installEventFilter(self)
                    self.window_event(watched, event)
                return False
            self.window_event(watched, event)
            return False

        def window_event(self, watched: QObject, event: QEvent) -> None:
            kind = event.type()
            if kind == QEvent.Type.Show and watched is self.window and "heavy_at_show" not in report:
                report["heavy_at_show"] = [name for name in HEAVY if name in sys.modules]
                report["work_area_at_show"] = [name for name in WORK_AREA if name in sys.modules]
                report["frame_free_at_show"] = [name for name in FRAME_FREE if name in sys.modules]
                if spy is not None:
                    report["heavy_on_gui_thread"] = list(spy.on_gui_thread)
                handle = watched.windowHandle() if isinstance(watched, QWidget) else None
                if handle is not None:
                    handle.installEventFilter(self)
            elif kind == QEvent.Type.Expose and watched is not self.window and "exposed" not in report:
                report["exposed"] = True
                print(json.dumps(report), flush=True)
                if mode == "baseline" or built_before_paint():
                    QTimer.singleShot(0, app.quit)
            elif (
                kind == QEvent.Type.DynamicPropertyChange
                and watched is self.window
                and watched.property("workAreaReady")
                and "ready" not in report
            ):
                report["ready"] = True
                if "exposed" in report:
                    print(json.dumps({"ready": True}), flush=True)
                    QTimer.singleShot(0, app.quit)

    def built_before_paint() -> bool:
        """The work area was built before the first paint (then the ready line follows now)."""
        if "ready" in report:
            print(json.dumps({"ready": True}), flush=True)
            return True
        return False

    watch = Watch()
    app.installEventFilter(watch)
    if mode == "baseline":
        window = QMainWindow()
        window.setObjectName(WINDOW_NAME)
        window.resize(1100, 700)
        window.show()
        return app.exec()
    if mode == "app":
        from usosmail_gui.app import main as app_main

        return app_main(rest)
    raise SystemExit(f"unknown mode {mode!r}: use 'app' or 'baseline'")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
