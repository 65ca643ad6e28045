"""The deferred start: the window shows its frame (menus, status bar) first; once that is
on screen, the work area's modules are imported one per event-loop turn (the window keeps
painting and taking input between them), and then the window builds its work area.

In the GUI thread, not a worker: PySide6 creates its Python types lazily, and a worker
doing so while the GUI thread wraps an object of a not-yet-created type can corrupt
shiboken's type table (a known crash of PySide6 6.7+, e.g. TimeLineAnnotator/desktop pull
request 586). Every module the work area needs is in ``WORK_AREA_MODULES``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget

__all__ = ["WORK_AREA_FALLBACK_MS", "WORK_AREA_MODULES", "FirstExpose", "WorkAreaLoader"]

WORK_AREA_FALLBACK_MS = 1000  # build the work area by then even if the window is never exposed


class FirstExpose(QObject):
    """Calls back (one event-loop turn later) once the window it watches is exposed: Qt
    paints a widget window while handling its Expose event, so the frame is then on screen."""

    def __init__(self, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback: Callable[[], None] | None = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._callback is not None
            and event.type() == QEvent.Type.Expose
            and isinstance(watched, QWindow)
            and watched.isExposed()
        ):
            callback, self._callback = self._callback, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, callback)
        return False


# What the work area needs, imported one by one after the first paint when the window is
# built with ``deferred=True`` (the window's methods import from them when they run; that
# is then only a look-up in ``sys.modules``). Dependencies come first, so each step is short.
WORK_AREA_MODULES = (
    "email_validator",  # its syntax tables take ~20 ms: a step of its own
    "usosmail_gui.core.recipients",
    "usosmail_gui.core.usos.wire",
    "usosmail_gui.core.template",
    "usosmail_gui.core.journal",
    "usosmail_gui.core.campaign",
    "usosmail_gui.core.drafts",
    "usosmail_gui.core.readiness",
    "usosmail_gui.core.retry",
    "usosmail_gui.core.send_reports",
    "usosmail_gui.core.sending",
    "usosmail_gui.core.statuses",
    "usosmail_gui.core.polling",
    "usosmail_gui.core.tracking",
    "usosmail_gui.core.report",
    "usosmail_gui.core.usos.connection",
    "usosmail_gui.core.usos.installations",
    "usosmail_gui.core.credentials",
    "usosmail_gui.core.recipients.emails",
    "usosmail_gui.core.letters.lexicon_process",  # the window's names dictionary, in a child
    "usosmail_gui.application.collaborators",
    "usosmail_gui.application.loading",
    "usosmail_gui.application.preparing",
    "usosmail_gui.application.sending",
    "usosmail_gui.application.statuses",
    "usosmail_gui.application.campaigns",
    "usosmail_gui.application.reports",
    "usosmail_gui.ui.icons",
    "usosmail_gui.ui.texts",
    "usosmail_gui.ui.problem_texts",
    "usosmail_gui.ui.preview",
    "usosmail_gui.ui.problems_panel",
    "usosmail_gui.ui.placeholder_edit",
    "usosmail_gui.ui.length_counter",
    "usosmail_gui.ui.template_editor",
    "usosmail_gui.ui.template_files",
    "usosmail_gui.ui.derived_column_words",
    "usosmail_gui.ui.column_box",
    "usosmail_gui.ui.derived_columns",
    "usosmail_gui.ui.row_preview",
    "usosmail_gui.ui.held_problems",
    "usosmail_gui.ui.recipient_check",
    "usosmail_gui.ui.quick_fixes",
    "usosmail_gui.ui.composer",
    "usosmail_gui.ui.status_display",
    "usosmail_gui.ui.status_cells",
    "usosmail_gui.ui.problem_cells",
    "usosmail_gui.ui.sheet_tooltips",
    "usosmail_gui.ui.sheet_cells",
    "usosmail_gui.ui.shown_rows",
    "usosmail_gui.ui.recipients_model",
    "usosmail_gui.ui.column_header",
    "usosmail_gui.ui.grid_columns",
    "usosmail_gui.ui.column_menu",
    "usosmail_gui.ui.loading_strip",
    "usosmail_gui.ui.recipients_view",
    "usosmail_gui.ui.loading",
    "usosmail_gui.ui.sheet_dialog",
    "usosmail_gui.ui.connection_dialog",
    "usosmail_gui.ui.status_poller",
    "usosmail_gui.ui.status_table",
    "usosmail_gui.ui.status_dock",
    "usosmail_gui.ui.confirm_box",
    "usosmail_gui.ui.campaign_cells",
    "usosmail_gui.ui.campaign_questions",
    "usosmail_gui.ui.history_window",
    "usosmail_gui.ui.sending_texts",
    "usosmail_gui.ui.sending",
    "usosmail_gui.ui.wrapped_column",
    "usosmail_gui.ui.send_dialog",
    "usosmail_gui.ui.resume_dialog",
    "usosmail_gui.ui.test_address_dialog",
    "usosmail_gui.ui.welcome",
    "usosmail_gui.ui.user_guide",
    "usosmail_gui.ui.window.shortcuts",
    "usosmail_gui.ui.window.drops",
    "usosmail_gui.ui.window.edit_actions",
    "usosmail_gui.ui.window.recent",
    "usosmail_gui.ui.window.statuses",
    "usosmail_gui.ui.window.work_area",
    "usosmail_gui.ui.window.layout",
    "usosmail_gui.ui.window.list_loading",
    "usosmail_gui.ui.window.send_flow",
    "usosmail_gui.ui.window.resume_flow",
    "usosmail_gui.ui.window.closing",
)


class WorkAreaLoader(QObject):
    """Imports ``WORK_AREA_MODULES`` one per event-loop turn after the window's first paint.

    Signals:
        imported(): every module is in; the window builds its work area.
    """

    imported = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._modules: list[str] | None = None  # None: the import has not begun
        self._first_paint: FirstExpose | None = None  # waits for the frame's first paint
        self._stopped = False

    def start_when_painted(self) -> None:
        """The window was shown: start once its frame is on screen (nothing competes with
        its first paint), or after ``WORK_AREA_FALLBACK_MS`` if no Expose comes."""
        if self._first_paint is not None or self._stopped:
            return
        handle = self._window.windowHandle()
        if handle is None or handle.isExposed():
            QTimer.singleShot(0, self, self.start)
        else:
            self._first_paint = FirstExpose(self.start, self._window)
            handle.installEventFilter(self._first_paint)
            # a window shown minimised or covered may get no Expose for a long while
            QTimer.singleShot(WORK_AREA_FALLBACK_MS, self, self.start)

    def start(self) -> None:
        if self._stopped or self._modules is not None:
            return
        self._modules = list(WORK_AREA_MODULES)
        self._next()

    def stop(self) -> None:
        """No more imports (the work area is built, or the window closed)."""
        self._stopped = True
        self._modules = []

    def _next(self) -> None:
        modules = self._modules
        if self._stopped or modules is None:
            return
        if modules:
            importlib.import_module(modules.pop(0))
            QTimer.singleShot(0, self, self._next)
        else:
            self._stopped = True
            self.imported.emit()
