"""The window's status bar: the recipients summary, the installation, the connection's
state and the mail queue, each a permanent label (the connection part writes the
installation and the state; this part the summary and the queue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

if TYPE_CHECKING:
    from usosmail_gui.core.recipients import Summary

__all__ = ["WindowStatusBar"]


class WindowStatusBar(QObject):
    """The labels of ``bar``: ``summary``, ``installation``, ``state``, ``queue``."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.installation = QLabel()
        self.state = QLabel()
        self.queue = QLabel()
        self.summary = QLabel()
        self.shown_queue: tuple[int | None, bool | None, bool] | None = None
        self._shown_summary: Summary | None = None
        self._names()
        bar.addPermanentWidget(self.summary)
        bar.addPermanentWidget(self.installation, 1)
        bar.addPermanentWidget(self.state)
        bar.addPermanentWidget(self.queue)

    def _names(self) -> None:
        self.installation.setAccessibleName(self.tr("Current installation"))
        self.state.setAccessibleName(self.tr("Connection state"))
        self.queue.setAccessibleName(self.tr("Mail queue"))
        self.summary.setAccessibleName(self.tr("Recipients summary"))

    def retranslate(self) -> None:
        """The labels again in the language now installed (the connection's are its own)."""
        self._names()
        self.show_summary(self._shown_summary)
        if self.shown_queue is not None:
            pending, running, offline = self.shown_queue
            self.show_queue(pending, running, offline=offline)

    def show_queue(self, pending: int | None, daemon_running: bool | None, *, offline: bool = False) -> None:
        """The queue's size (or why it is unknown), and a stopped mail daemon in red."""
        from usosmail_gui.ui import texts

        self.shown_queue = (pending, daemon_running, offline)
        from usosmail_gui.ui.colours import Tone, text_style

        if pending is not None:
            text = self.tr("Queue: %n unsent", "", pending)
        elif offline:
            text = self.tr("Queue: unknown (offline)")
        else:
            text = self.tr("Queue: unknown")
        stopped = daemon_running is False
        if stopped:
            text += " — " + self.tr("mail daemon stopped")
        self.queue.setText(text)
        self.queue.setToolTip(texts.daemon_stopped_text() if stopped else "")
        self.queue.setStyleSheet(text_style(Tone.ERROR, self.queue.palette(), bold=True) if stopped else "")

    def show_summary(self, summary: Summary | None) -> None:
        self._shown_summary = summary
        if summary is None:
            self.summary.setText(self.tr("No recipients loaded"))
            self.summary.setToolTip(self.tr("File ▸ Open… or drop a spreadsheet on the window."))
            return
        self.summary.setText(self.summary_text(summary))
        details = [
            self.tr("%Ln error(s): those rows receive nothing", "", summary.errors),
            self.tr("%Ln warning(s)", "", summary.warnings),
            self.tr("%Ln row(s) excluded", "", summary.excluded),
        ]
        self.summary.setToolTip("\n".join(details))

    def summary_text(self, summary: Summary) -> str:
        """ "1,204 recipients · 1,198 will receive · 6 problems", in the user's language."""
        return " · ".join(
            (
                self.tr("%Ln recipient(s)", "", summary.recipients),
                self.tr("%Ln will receive", "", summary.will_receive),
                self.tr("%Ln problem(s)", "", summary.problems),
            )
        )
