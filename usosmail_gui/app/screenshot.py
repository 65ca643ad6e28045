"""``--screenshot``: the window pictured at rest, for documentation and tests.

What is pictured is one of ``VIEWS`` (``--screenshot-view``): the main window with the demo
list (``main``); Send…'s confirmation of the demo list over it, before confirming
(``send``); the window once the demo list was sent to the sandbox and its statuses are final
(``statuses``); then the Campaigns window over it (``campaigns``), or the Sandbox mailbox
with a delivered message opened (``mailbox``). A view is a function that, given the window
at rest, starts what it needs and returns a ``Scene``: when it is ready, and what to picture
— the window, with the dialog it opened on top (drawn with a title bar and a shadow,
centred, no larger than the window). Every picture is the window's size, 1366×768.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QWidget

from usosmail_gui.ui import workers

if TYPE_CHECKING:
    from usosmail_gui.ui.main_window import MainWindow

__all__ = [
    "SCREENSHOT_ROW",
    "SCREENSHOT_SIZE",
    "VIEWS",
    "Scene",
    "ScreenshotTaker",
    "picture",
    "save_small_png",
]

SCREENSHOT_SIZE = (1366, 768)  # the window in --screenshot pictures: a common laptop screen
SCREENSHOT_ROW = 2  # the demo list's third student is selected and previewed
SCREENSHOT_TIMEOUT_S = 60.0
SCREENSHOT_POLL_MS = 50
DIALOG_MARGIN = 24  # px at least between a pictured dialog (its title bar, its shadow) and the window's edge
SHADOW = 8  # px of the dialog's drawn shadow
PNG_QUALITY = 0  # QImageWriter's quality for PNG: 0 is zlib's highest compression
PNG_COLOURS = 256  # an 8-bit palette
PNG_EXACT_COLOURS = 160  # of them, the picture's commonest colours, kept exactly
SEND_DIALOG_WIDTH = 1120  # px: Send… widened so the demo's reasons for leaving rows out read whole

translate = QCoreApplication.translate


@dataclass
class Scene:
    """What a view pictures: ``ready()`` says when (polled with the window at rest);
    ``widget()`` the window to grab then, and ``dialog()`` (if any) the dialog on top of it."""

    ready: Callable[[], bool]
    widget: Callable[[], QWidget]
    dialog: Callable[[], QWidget] | None = None


def picture(window: QWidget, dialog: QWidget | None = None) -> QPixmap:
    """The window as it is painted; with ``dialog`` drawn over its middle as a window manager
    would show it (a title bar with its title, a frame, a shadow), so the reader of a guide
    sees the dialog where it appears. A dialog larger than the window is made to fit first."""
    shot = window.grab()
    if dialog is None:
        return shot
    palette = dialog.palette()
    title_height = dialog.fontMetrics().height() + 12
    room_w = window.width() - 2 * DIALOG_MARGIN
    room_h = window.height() - 2 * DIALOG_MARGIN - title_height
    if dialog.width() > room_w or dialog.height() > room_h:
        dialog.resize(min(dialog.width(), room_w), min(dialog.height(), room_h))
    inner = dialog.grab()
    width, height = dialog.width(), dialog.height()
    left = (window.width() - width) // 2
    top = (window.height() - height - title_height) // 2
    frame = QRect(left - 1, top - 1, width + 2, height + title_height + 2)
    painter = QPainter(shot)
    try:
        painter.setPen(Qt.PenStyle.NoPen)
        for step in range(SHADOW, 0, -1):  # a soft shadow, darker nearer the frame
            painter.setBrush(QColor(0, 0, 0, 6 * (SHADOW - step + 1)))
            painter.drawRoundedRect(frame.adjusted(-step, -step + 2, step, step + 2), step, step)
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(frame)
        bar = QRect(left, top, width, title_height)
        painter.fillRect(bar, palette.color(QPalette.ColorRole.Window).darker(112))
        font = dialog.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(
            bar.adjusted(12, 0, -12, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            dialog.windowTitle(),
        )
        painter.drawPixmap(QPoint(left, top + title_height), inner)
    finally:
        painter.end()
    return shot


def save_small_png(shot: QPixmap, path: Path) -> bool:
    """Save ``shot`` as a PNG a guide can carry: 256 colours at zlib's highest compression
    (about a third of the bytes). The colours: the most frequent exactly (a window's flat
    backgrounds, alternating rows, text), then the most frequent of each other shade (an
    icon's red, a selection's blue), so nothing changes colour visibly; every other pixel
    takes the nearest. False if it could not be written."""
    image = shot.toImage().convertToFormat(QImage.Format.Format_RGB32)
    counts = Counter(memoryview(image.constBits()).cast("I"))
    table = [colour for colour, _n in counts.most_common(PNG_EXACT_COLOURS)]
    taken = set(table)
    # each shade (4 bits a channel): its pixels, its commonest colour and that colour's pixels
    shades: dict[int, tuple[int, int, int]] = {}
    for colour, n in counts.items():
        shade = (colour >> 12 & 0xF00) | (colour >> 8 & 0xF0) | (colour >> 4 & 0xF)
        total, best, most = shades.get(shade, (0, colour, 0))
        shades[shade] = (total + n, colour, n) if n > most else (total + n, best, most)
    for _total, best, _most in sorted(shades.values(), reverse=True):
        if len(table) >= PNG_COLOURS:
            break
        if best not in taken:
            table.append(best)
            taken.add(best)
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    small = image.convertToFormat(QImage.Format.Format_Indexed8, [c | 0xFF000000 for c in table], flags)
    writer = QImageWriter(str(path), QByteArray(b"png"))
    writer.setQuality(PNG_QUALITY)
    return writer.write(small)


def main_scene(window: MainWindow) -> Scene:
    """The window as it comes to rest: the demo list, the sample letter, a student previewed."""
    return Scene(ready=lambda: True, widget=lambda: window)


def send_scene(window: MainWindow) -> Scene:
    """Send…'s confirmation of the demo list on the built-in sandbox, once it is prepared
    (what will be sent, to how many, what is left out), before anything is confirmed."""
    from usosmail_gui.ui.send_dialog import SendDialog

    dialog = window.send_flow.open_send_dialog()
    assert isinstance(dialog, SendDialog), "the demo on the sandbox can always be sent"

    def ready() -> bool:
        if not dialog.isVisible() or dialog.preparing or dialog.draft() is None:
            return False
        if dialog.width() < SEND_DIALOG_WIDTH:  # as a user would widen it: the reasons whole
            dialog.resize(SEND_DIALOG_WIDTH, dialog.height())
        return True

    return Scene(ready=ready, widget=lambda: window, dialog=lambda: dialog)


def demo_sent(window: MainWindow) -> Callable[[], bool]:
    """Send the demo list to the sandbox through Send… (its confirmation answered as a user
    would); the function returned says when it was sent and its statuses are final (or the
    poller stopped), shown in the Statuses view."""
    from usosmail_gui.ui.send_dialog import SendDialog

    state = {"sent": False, "clicked": False}
    window.sendFinished.connect(lambda _outcome: state.update(sent=True))
    dialog = window.send_flow.open_send_dialog()

    def done() -> bool:
        if not state["clicked"]:
            if isinstance(dialog, SendDialog) and dialog.draft() is not None and not dialog.preparing:
                dialog.confirm_box.setChecked(True)
                dialog.send_button.click()
                state["clicked"] = True
            return False
        poller = window.status_poller
        return (
            state["sent"]
            and window.status_dock.isVisible()
            and window.status_dock.campaign is not None
            and not poller.polling
            and not poller.busy
        )

    return done


def statuses_scene(window: MainWindow) -> Scene:
    """The demo list sent to the sandbox, then the Statuses view once every status is final."""
    return Scene(ready=demo_sent(window), widget=lambda: window)


def campaigns_scene(window: MainWindow) -> Scene:
    """The demo list sent to the sandbox, then Send ▸ Campaigns… over the window: the
    campaign listed with its counts, and selected (its buttons enabled)."""
    from usosmail_gui.ui.history_window import HistoryWindow

    sent = demo_sent(window)
    history: list[HistoryWindow] = []

    def ready() -> bool:
        if not history:
            if not sent():
                return False
            history.append(window.statuses.open_history())
            return False
        shown = history[0]
        if shown.busy or not shown.rows:
            return False
        if not shown.table.selectionModel().hasSelection():
            shown.table.selectRow(0)
        return True

    return Scene(ready=ready, widget=lambda: window, dialog=lambda: history[0])


def mailbox_scene(window: MainWindow) -> Scene:
    """The demo list sent to the sandbox, then Send ▸ Sandbox mailbox… over the window, a
    student's message opened (headers and body as the student sees them)."""
    from usosmail_gui.ui.sandbox_mailbox import SandboxMailbox

    sent = demo_sent(window)
    mailbox: list[SandboxMailbox] = []

    def ready() -> bool:
        if not mailbox:
            if not sent():
                return False
            window.actions_by_name["sandbox_mailbox"].trigger()
            opened = window.findChild(SandboxMailbox)
            assert opened is not None, "the built-in sandbox has a mailbox"
            mailbox.append(opened)
            return False
        shown = mailbox[0]
        if not shown.envelopes:
            return False
        students = [i for i, mail in enumerate(shown.envelopes) if not mail.is_summary]
        row = students[0] if students else 0  # a student's message, not USOS's delivery report
        if shown.selected_key() != shown.envelopes[row].key:
            shown.table.selectRow(row)
            return False
        return shown.current is not None

    return Scene(ready=ready, widget=lambda: window, dialog=lambda: mailbox[0])


# --screenshot-view NAME: what to picture (docs/screenshots/NAME-LANG.png)
VIEWS: dict[str, Callable[[MainWindow], Scene]] = {
    "main": main_scene,
    "send": send_scene,
    "statuses": statuses_scene,
    "campaigns": campaigns_scene,
    "mailbox": mailbox_scene,
}


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
        view: str = "main",
    ) -> None:
        super().__init__(window)
        self._view = VIEWS[view]
        self._scene: Scene | None = None  # made once the window is at rest
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

    def _scene_ready(self) -> bool:
        if self._scene is None:
            self._scene = self._view(self._window)
        return self._scene.ready()

    def _poll_idle(self) -> None:
        if self._done:
            return
        if self._scene is None and not self.is_idle():
            return
        if not self._scene_ready() or not self.is_idle():
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
        scene = self._scene
        assert scene is not None
        shot = picture(scene.widget(), None if scene.dialog is None else scene.dialog())
        if save_small_png(shot, self._path):
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
