"""The window's status bar: the recipients summary, the installation, the connection's
state and the mail queue (the connection part writes the installation and the state; this
part the summary and the queue).

The summary is a normal widget and the only one that stretches: a confirmation shown with
``showMessage()`` ("Opened …", "Test sent …") takes its place for a while, with the width
it leaves; the installation, the state and the queue are permanent, as wide as their texts.

The summary counts with ``core.counts.list_counts``, as Send… does: the list's own verdict
(addresses, ticks) until the message has been checked against every row, then the check's
(a message too long for some rows, an error in the message), so the two never disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

# core.counts and ui.numbers are imported where the counts are shown: the bar is built
# before the first paint, a list is counted only after it

if TYPE_CHECKING:
    from usosmail_gui.core.counts import ListCounts
    from usosmail_gui.core.recipients import Summary
    from usosmail_gui.core.template import CheckResult
    from usosmail_gui.ui.composer import ComposerPanel
    from usosmail_gui.ui.recipients_model import RecipientTableModel

__all__ = ["WindowStatusBar"]

MESSAGE_MARGIN = 32  # px beside a status-bar message: its frame, the size grip


class WindowStatusBar(QObject):
    """The labels of ``bar``: ``summary``, ``installation``, ``state``, ``queue``."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.installation = QLabel()
        self.state = QLabel()
        self.queue = QLabel()
        self.summary = QLabel()
        self.shown_queue: tuple[int | None, bool | None, bool] | None = None
        self._names()
        self.summary.setObjectName("recipientsSummary")
        bar.addWidget(self.summary, 1)  # hidden while a message is shown: it gets the room
        bar.addPermanentWidget(self.installation)
        bar.addPermanentWidget(self.state)
        bar.addPermanentWidget(self.queue)
        self._bar = bar
        bar.messageChanged.connect(self._message_changed)
        self._summary: Summary | None = None
        self._check: CheckResult | None = None
        self._composer: ComposerPanel | None = None

    def follow(self, model: RecipientTableModel, composer: ComposerPanel) -> None:
        """Count the list of ``model`` with the checks of ``composer`` (its message)."""
        self._composer = composer
        model.summaryChanged.connect(self.show_summary)
        composer.checkFinished.connect(self.show_check)

    def _message_changed(self, message: str) -> None:
        """A confirmation is shown whole: while one would not fit beside the permanent
        labels, the installation's (the window's title names the place too) steps aside;
        it is back when the message goes."""
        if not message:
            self.installation.show()
            return
        bar = self._bar
        spacing = bar.style().pixelMetric(bar.style().PixelMetric.PM_LayoutHorizontalSpacing)
        needed = bar.fontMetrics().horizontalAdvance(message) + MESSAGE_MARGIN
        others = sum(label.sizeHint().width() + max(spacing, 6) for label in (self.state, self.queue))
        room = bar.width() - others - self.installation.sizeHint().width()
        self.installation.setVisible(needed <= room)

    def counts(self) -> ListCounts | None:
        """What the summary shows now (None: no list)."""
        from usosmail_gui.core.counts import list_counts

        if self._summary is None:
            return None
        return list_counts(self._summary, self._check)

    def _names(self) -> None:
        self.installation.setAccessibleName(self.tr("Current installation"))
        self.state.setAccessibleName(self.tr("Connection state"))
        self.queue.setAccessibleName(self.tr("Mail queue"))
        self.summary.setAccessibleName(self.tr("Recipients summary"))

    def retranslate(self) -> None:
        """The labels again in the language now installed (the connection's are its own)."""
        self._names()
        self._show()
        if self.shown_queue is not None:
            pending, running, offline = self.shown_queue
            self.show_queue(pending, running, offline=offline)

    def show_queue(self, pending: int | None, daemon_running: bool | None, *, offline: bool = False) -> None:
        """The queue's size (or why it is unknown), and a stopped mail daemon in red."""
        from usosmail_gui.ui import texts
        from usosmail_gui.ui.numbers import counted

        self.shown_queue = (pending, daemon_running, offline)
        from usosmail_gui.ui.colours import Tone, text_style

        if pending is not None:
            text = counted(self.tr("Queue: %Ln unsent", "", pending), pending)
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
        """The list changed (None: no list): its own counts, until its next check."""
        self._summary = summary
        self._check = None  # of the list as it was
        self._show()

    def show_check(self, result: object) -> None:
        """The message was checked against every row: its verdict is what will be sent."""
        from usosmail_gui.core.template import CheckResult

        if isinstance(result, CheckResult) and self._summary is not None:
            self._check = result
            self._show()

    def _show(self) -> None:
        summary = self._summary
        if summary is None:
            self.summary.setText(self.tr("No recipients loaded"))
            self.summary.setToolTip(self.tr("File ▸ Open… or drop a spreadsheet on the window."))
            return
        from usosmail_gui.core.counts import list_counts
        from usosmail_gui.ui.numbers import counted

        counts = list_counts(summary, self._check)
        text = self.counts_text(counts)
        if not counts.checked and self._composer is not None and self._composer.check_pending:
            text += " · " + self.tr("checking the message…")
        self.summary.setText(text)
        details = [
            counted(self.tr("%Ln error(s): those rows receive nothing", "", summary.errors), summary.errors),
            counted(self.tr("%Ln warning(s)", "", summary.warnings), summary.warnings),
            counted(self.tr("%Ln row(s) unticked or hidden", "", summary.excluded), summary.excluded),
        ]
        if counts.template_blocks:
            details.insert(
                0, self.tr("The message has errors: nothing can be sent until they are corrected.")
            )
        elif not counts.checked:
            details.insert(0, self.tr("The message is not checked against every row yet."))
        self.summary.setToolTip("\n".join(details))

    def summary_text(self, summary: Summary) -> str:
        """The list's own counts in words (before the message is checked)."""
        from usosmail_gui.core.counts import list_counts

        return self.counts_text(list_counts(summary))

    def counts_text(self, counts: ListCounts) -> str:
        """ "1,204 recipients · 1,198 will receive · 6 left out · 6 problems", in the user's
        language (the left-out rows only when there are some)."""
        from usosmail_gui.ui.numbers import counted

        parts = [counted(self.tr("%Ln recipient(s)", "", counts.rows), counts.rows)]
        if counts.template_blocks:
            parts.append(self.tr("nothing will be sent until the message is corrected"))
        else:
            parts.append(counted(self.tr("%Ln will receive", "", counts.will_receive), counts.will_receive))
        if counts.excluded and not counts.template_blocks:
            parts.append(counted(self.tr("%Ln left out", "", counts.excluded), counts.excluded))
        parts.append(counted(self.tr("%Ln problem(s)", "", counts.problems), counts.problems))
        return " · ".join(parts)
