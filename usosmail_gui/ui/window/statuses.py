"""Following campaigns: the Statuses dock and its poller, the grid's status column (when
the list shown is the campaign's source), and the campaign history window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow

from usosmail_gui.application.sending import SendOutcome
from usosmail_gui.core.campaign import is_campaign_source
from usosmail_gui.ui.history_window import HistoryWindow
from usosmail_gui.ui.recipients_model import RecipientTableModel
from usosmail_gui.ui.status_dock import StatusDock
from usosmail_gui.ui.status_poller import Connection, StatusBatch, StatusPoller

__all__ = ["CampaignStatuses"]


class CampaignStatuses(QObject):
    """The campaign shown in the Statuses dock, polled while USOS may know it.

    Signals:
        queueRead(object): the ``SystemStatus`` read with a poll (the status bar shows it).
        shown(): a campaign is about to be shown (the window leaves its welcome page).
        retryRequested(str, bool): the history asked to send a campaign's failed (and
            uncertain) recipients again.
        message(str, int): a line for the status bar, and for how many ms.
    """

    queueRead = Signal(object)
    shown = Signal()
    retryRequested = Signal(str, bool)
    message = Signal(str, int)

    def __init__(self, window: QMainWindow, grid: RecipientTableModel, connection: Connection) -> None:
        super().__init__(window)
        self._window = window
        self._grid = grid
        self.history: HistoryWindow | None = None
        self.poller = StatusPoller(connection, window)
        self.dock = StatusDock(window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.poller.batchReady.connect(self.dock.show_batch)
        self.poller.batchReady.connect(self._grid_statuses)
        self.poller.stateChanged.connect(self.dock.set_state)
        self.poller.queueRead.connect(self._queue_read)

    def _grid_statuses(self, batch: StatusBatch) -> None:
        """Show the statuses in the grid's status column when the list shown is the
        campaign's source (same file and sheet, so the same row numbers)."""
        snapshot = batch.snapshot
        table = self._grid.table()
        if table is None or not is_campaign_source(table, snapshot.source_path, snapshot.source_sheet):
            self._grid.clear_statuses()
            return
        previous = batch.previous
        self._grid.set_statuses(
            snapshot.row_statuses(),
            changed=batch.changed,
            since=None if previous is None else previous.row_statuses(),
        )

    def _queue_read(self, queue: object) -> None:
        """A stopped mail daemon shows in the dock while the campaign is polled."""
        from usosmail_gui.core.usos.models import SystemStatus

        if isinstance(queue, SystemStatus):
            self.dock.show_queue(queue)
            self.queueRead.emit(queue)

    def track_sent(self, outcome: object) -> None:
        """A campaign send ended: follow its statuses (tests to myself included)."""
        if isinstance(outcome, SendOutcome) and outcome.result.counts.enqueued > 0:
            self.show_campaign(outcome.campaign.id, track=True)

    def show_campaign(self, campaign: str, *, track: bool) -> None:
        """Show ``campaign``'s statuses in the dock; poll USOS if ``track`` (within 7 days)."""
        self.shown.emit()
        self.dock.show()
        self.dock.raise_()  # the tab in front, when it shares its place with Problems
        if track:
            self.poller.start(campaign)
        else:
            self.poller.show_only(campaign)

    def refresh(self) -> bool:
        """Poll the shown campaign now; False when none is shown."""
        if self.poller.campaign is None:
            return False
        self.poller.refresh()
        return True

    def refresh_now(self) -> None:
        """F5: poll the shown campaign now, or say how to show one."""
        if not self.refresh():
            self.message.emit(self.tr("No campaign is shown: open one from Campaigns…"), 10000)

    def close(self) -> None:
        """The window closes: no more polling; the Campaigns window closes too."""
        self.poller.stop()
        if self.history is not None:
            self.history.close()

    def open_history(self) -> HistoryWindow:
        """Show the campaign history (one window)."""
        if self.history is None:
            history = HistoryWindow(self._window, clock=self.poller.clock)
            history.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            history.campaignOpened.connect(lambda campaign, track: self.show_campaign(campaign, track=track))
            history.retryRequested.connect(self.retryRequested)
            history.campaignDeleted.connect(self._campaign_deleted)
            history.destroyed.connect(self._history_gone)
            self.history = history
        self.history.show()
        self.history.raise_()
        return self.history

    def _history_gone(self) -> None:
        self.history = None

    def _campaign_deleted(self, campaign: str) -> None:
        """Its students' data is gone: the Statuses dock, if it shows them, reads it again."""
        if self.poller.campaign == campaign:
            self.poller.show_only(campaign)
            self.dock.set_state(self.tr("The students' data of this campaign was deleted; its counts stay."))
