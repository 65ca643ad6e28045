"""Closing the window, in its order: while sending, ask — and if the user insists, stop
after the request under way and close once it has finished (``after_send``); then offer to
save an unsaved template; only then may the window close, after the steps it was given
(remember its state, stop polling, cancel its workers, close its dialogs), in their order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from usosmail_gui.ui.composer import ComposerPanel
from usosmail_gui.ui.sending import SendSession
from usosmail_gui.ui.workers import Task

__all__ = ["CloseGuard", "cancel_workers"]


def cancel_workers(window: QWidget) -> None:
    """Drop the answers of every worker of ``window`` (each ends on its own)."""
    for task in window.findChildren(Task):
        task.cancel()


class CloseGuard(QObject):
    """Whether ``window`` may close now; asks the user what stands in the way.

    Signals:
        stopping(str): the user chose to stop sending and close (a line for the status bar).
    """

    stopping = Signal(str)

    def __init__(
        self,
        window: QWidget,
        composer: ComposerPanel,
        session: Callable[[], SendSession | None],
        steps: Sequence[Callable[[], object]] = (),
    ) -> None:
        super().__init__(window)
        self._window = window
        self._steps = tuple(steps)
        self._composer = composer
        self._session = session
        self.after_send = False  # the user chose to stop sending and close
        self._confirmed = False  # the user let an unsaved template go
        self.box: QMessageBox | None = None

    def may_close(self, event: QCloseEvent) -> bool:
        """False (the event ignored) while a send runs or an unsaved template is asked about."""
        session = self._session()
        if session is not None and session.running:
            event.ignore()
            if not self.after_send:
                self._ask_stop_and_close(session)
            return False
        if self._composer.is_modified() and not self._confirmed:
            event.ignore()
            self._composer.confirm_discard(self._discard_confirmed)
            return False
        return True

    def close(self, event: QCloseEvent) -> bool:
        """Whether the window closes now; if so, its steps have run (``may_close``)."""
        if not self.may_close(event):
            return False
        for step in self._steps:
            step()
        return True

    def send_ended(self) -> bool:
        """A send ended: whether the window closes now (the user asked for it)."""
        if self.after_send:
            self.after_send = False  # asked again if this close is called off
            return True
        return False

    def _discard_confirmed(self) -> None:
        self._confirmed = True
        self._window.close()

    def _ask_stop_and_close(self, session: SendSession) -> None:
        if self.box is not None and self.box.isVisible():
            self.box.raise_()
            return
        box = QMessageBox(self._window)
        box.setObjectName("stopAndCloseBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Sending is under way"))
        box.setText(self.tr("Messages are being sent. Stop sending and close?"))
        box.setInformativeText(
            self.tr(
                "The request under way finishes first (it is never cut in half), then the window "
                "closes. What was not sent stays in the journal, and the app offers to resume it "
                "at the next start."
            )
        )
        stop = box.addButton(self.tr("Stop and close"), QMessageBox.ButtonRole.DestructiveRole)
        stop.setAccessibleName(self.tr("Stop and close"))
        keep = box.addButton(self.tr("Keep sending"), QMessageBox.ButtonRole.RejectRole)
        keep.setAccessibleName(self.tr("Keep sending"))
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        stop.clicked.connect(lambda: self._stop_and_close(session))
        self.box = box
        box.open()

    def _stop_and_close(self, session: SendSession) -> None:
        if session is not self._session():  # it ended meanwhile
            self._window.close()
            return
        self.after_send = True
        session.stop()
        self.stopping.emit(
            self.tr("Stopping after the request under way; the window closes then. Nothing is lost.")
        )
