"""``--screenshot``: the window pictured at rest, for documentation and tests."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from usosmail_gui.ui import workers

if TYPE_CHECKING:
    from usosmail_gui.ui.main_window import MainWindow

__all__ = ["SCREENSHOT_ROW", "SCREENSHOT_SIZE", "ScreenshotTaker"]

SCREENSHOT_SIZE = (1280, 800)  # the window in --screenshot pictures, so README images stay alike
SCREENSHOT_ROW = 2  # the demo list's third student is selected and previewed
SCREENSHOT_TIMEOUT_S = 60.0
SCREENSHOT_POLL_MS = 50

translate = QCoreApplication.translate


class ScreenshotTaker(QObject):
    """``--screenshot``: once the window is at rest, save a PNG of it.

    At rest: the sandbox is connected and its check has ended, the demo list and template
    are shown, the chosen student is current, no worker runs and no check or preview
    waits. Polled by a timer (a worker's end has no signal of its own); the picture is
    taken one event-loop turn later, so what changed last is painted.

    Signals:
        finished(int): the exit code — 0 saved, 1 not saved (the reason is on stderr).
    """

    finished = Signal(int)

    def __init__(
        self,
        window: MainWindow,
        path: Path,
        *,
        row: int = SCREENSHOT_ROW,
        timeout_s: float = SCREENSHOT_TIMEOUT_S,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self._row = row
        self._timeout_s = timeout_s
        self._checked = False
        self._listed = False
        self._templated = False
        self._selected: int | None = None  # the table row made current once the list is shown
        self._done = False
        self.exit_code: int | None = None  # set once finished
        window.statusRefreshed.connect(self._status_refreshed)
        window.recipientsLoaded.connect(self._recipients_loaded)
        window.when_ready(self._watch_template)
        self._poll = QTimer(self)
        self._poll.setInterval(SCREENSHOT_POLL_MS)
        self._poll.timeout.connect(self._poll_idle)
        self._poll.start()
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(int(timeout_s * 1000))
        self._deadline.timeout.connect(self._timed_out)
        self._deadline.start()

    def _watch_template(self) -> None:
        self._window.composer.templateChanged.connect(self._template_shown)

    def _status_refreshed(self, _report: object) -> None:
        connection = self._window.window_connection.connection
        self._checked = connection is not None and connection.sandbox

    def _recipients_loaded(self, table: object) -> None:
        self._listed = True
        pane = self._window.recipient_pane
        rows = pane.model.rowCount()
        if rows:
            row = pane.model.table_row(min(self._row, rows - 1))
            self._selected = row
            pane.select_table_rows([row], current=row)

    def _template_shown(self) -> None:
        self._templated = True

    def is_idle(self) -> bool:
        window = self._window
        if not window.ready:  # the work area (composer, list) is still being built
            return False
        composer = window.composer
        connection = window.window_connection.connection
        return (
            self._checked
            and self._listed
            and self._templated
            and connection is not None
            and connection.sandbox
            and window.window_connection.last_report is not None
            and (self._selected is None or composer.current_row() == self._selected)
            and not window.list_loading.loading
            and workers.active_task_count() == 0
            and not composer.file_busy
            and not composer.check_pending
            and not composer.check_running
            and not composer.preview_pending
        )

    def _poll_idle(self) -> None:
        if self._done or not self.is_idle():
            return
        self._poll.stop()
        self._window.composer.flush_preview()
        QTimer.singleShot(0, self, self._take)

    def _take(self) -> None:
        if self._done:
            return
        if not self.is_idle():  # the flush started something: wait for it
            self._poll.start()
            return
        if self._window.grab().save(str(self._path), "PNG"):
            self._finish(0)
        else:
            self.fail(
                translate("usosmail-gui", "The picture could not be saved to {path}.").format(
                    path=self._path
                )
            )

    def _timed_out(self) -> None:
        self.fail(
            translate(
                "usosmail-gui",
                "The window did not come to rest within {seconds:g} s; no picture was taken.",
            ).format(seconds=self._timeout_s)
        )

    def fail(self, reason: str) -> None:
        if self._done:
            return
        print(translate("usosmail-gui", "usosmail-gui: {reason}").format(reason=reason), file=sys.stderr)
        self._finish(1)

    def _finish(self, code: int) -> None:
        self._done = True
        self.exit_code = code
        self._poll.stop()
        self._deadline.stop()
        self.finished.emit(code)
