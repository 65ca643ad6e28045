"""Status monitor: a poller that asks USOS about a campaign's messages off the GUI thread,
and the "Statuses" dock that shows each recipient's status with counts and progress.

The poller is a single-shot ``QTimer`` in the GUI thread; each timeout starts one worker
job (never two at once): ``application.statuses`` reads the journal, or polls USOS and
reads it back; the GUI only resets a small model with the ready list. How a status looks
(name, icon, colour) is ``status_display``'s, shared with the grid.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.application.collaborators import Clock, utc_now
from usosmail_gui.application.statuses import StatusSnapshot, poll_statuses, read_statuses
from usosmail_gui.core.journal import JournalError
from usosmail_gui.core.statuses import RecipientStatusView, Status, StatusCounts
from usosmail_gui.core.usos.models import SystemStatus
from usosmail_gui.ui.colours import Tone, text_style
from usosmail_gui.ui.problem_texts import journal_error_text
from usosmail_gui.ui.status_display import StatusIcons, shown_error, status_brushes, status_text
from usosmail_gui.ui.texts import daemon_stopped_text
from usosmail_gui.ui.workers import Task, run_in_background

__all__ = ["StatusDock", "StatusPoller", "StatusTableModel"]


Connection = Callable[[], "tuple[str, str, str] | None"]  # (base URL, key, secret) or None


class StatusPoller(QObject):
    """Polls one campaign's statuses on a single-shot timer; one worker job at a time.

    Signals (GUI thread):
        snapshotReady(object): a ``StatusSnapshot`` read in the worker.
        queueRead(object): the ``SystemStatus`` read with a poll (at most every
            ``QUEUE_EVERY_S`` seconds): the queue, and whether USOS's mail daemon runs.
        updated(str): the campaign whose statuses were just read.
        stateChanged(str): the polling state in plain words.
    """

    snapshotReady = Signal(object)
    queueRead = Signal(object)
    updated = Signal(str)

    QUEUE_EVERY_S = 30.0
    stateChanged = Signal(str)

    def __init__(
        self, connection: Connection, parent: QObject | None = None, *, clock: Clock = utc_now
    ) -> None:
        super().__init__(parent)
        self._connection = connection
        self.clock = clock  # what "now" is for expiry (tests inject theirs)
        self.lang = "pl" if QLocale().name().startswith("pl") else "en"  # of USOS's own texts
        self._queue_read_at: float | None = None  # monotonic time of the last queue read
        self._campaign: str | None = None
        self._interval: float | None = None
        self._task: Task | None = None
        self._due = False
        self._polling = False
        self.state = ""
        self.timer = QTimer(self)
        self.timer.setObjectName("statusPollTimer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._poll)

    @property
    def campaign(self) -> str | None:
        return self._campaign

    @property
    def polling(self) -> bool:
        """Whether polling goes on (a timer waits or a job runs)."""
        return self._polling

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, campaign: str) -> None:
        """Poll ``campaign`` now and then as its hints say, until all are finished."""
        self.stop()
        self._campaign = campaign
        self._interval = None
        self._polling = True
        self._set_state(self.tr("Checking statuses…"))
        self.timer.start(0)

    def show_only(self, campaign: str) -> None:
        """Read ``campaign``'s statuses once from the journal, without asking USOS."""
        self.stop()
        self._campaign = campaign
        self._set_state(
            self.tr("Expired: USOS keeps statuses for 7 days only; the last ones seen are shown.")
        )
        self.timer.start(0)

    def refresh(self) -> None:
        """Poll now (the user asked); restarts polling of the campaign shown."""
        if self._campaign is None:
            return
        self._polling = True
        self._interval = None
        self.timer.start(0)

    def stop(self) -> None:
        """Stop polling: no timer runs, and the job under way delivers nothing."""
        self.timer.stop()
        self._polling = False
        self._due = False
        if self._task is not None:
            self._task.cancel()  # kept until its end: never two jobs at once

    def _set_state(self, text: str) -> None:
        self.state = text
        self.stateChanged.emit(text)

    def _poll(self) -> None:
        campaign = self._campaign
        if campaign is None:
            return
        if self._task is not None:
            self._due = True  # run once the job under way has ended
            return
        if not self._polling:
            task = run_in_background(read_statuses, campaign, self.clock(), parent=self, on_result=self._read)
        else:
            conn = self._connection()
            if conn is None:
                self._polling = False
                self._set_state(self.tr("Statuses cannot be checked: connect to the installation first."))
                return
            base_url, key, secret = conn
            moment = time.monotonic()
            read_queue = self._queue_read_at is None or moment - self._queue_read_at >= self.QUEUE_EVERY_S
            if read_queue:
                self._queue_read_at = moment
            task = run_in_background(
                poll_statuses,
                campaign,
                base_url,
                key,
                secret,
                self._interval,
                self.clock(),
                read_queue,
                self.lang,
                parent=self,
                on_result=self._polled,
            )
        task.failed.connect(self._failed)
        task.finished.connect(lambda: self._job_ended(task))
        self._task = task

    def _job_ended(self, task: Task) -> None:
        if task is self._task:
            self._task = None
        task.deleteLater()
        if self._due:
            self._due = False
            self.timer.start(0)

    def _read(self, snapshot: StatusSnapshot) -> None:
        if snapshot.campaign != self._campaign:
            return
        self.snapshotReady.emit(snapshot)
        self.updated.emit(snapshot.campaign)

    def _polled(self, snapshot: StatusSnapshot) -> None:
        self._read(snapshot)
        if snapshot.queue is not None and snapshot.campaign == self._campaign:
            self.queueRead.emit(snapshot.queue)
        result = snapshot.poll
        if result is None or snapshot.campaign != self._campaign or not self._polling:
            return
        if result.stop_reason is not None:
            self._polling = False
            reason = journal_error_text(snapshot.read_only) if snapshot.read_only else result.stop_reason
            self._set_state(self.tr("Polling stopped: %1").replace("%1", reason))
            return
        hint = result.next_interval_hint
        if hint is None:
            self._polling = False
            self._set_state(self.tr("All statuses are final; polling stopped."))
            return
        self._interval = hint
        seconds = max(1, round(hint))
        if result.offline:
            self._set_state(self.tr("offline — retrying in %n s", "", seconds))
        else:
            self._set_state(self.tr("Next check in %n s", "", seconds))
        self.timer.start(int(hint * 1000))

    def _failed(self, exc: Exception) -> None:
        self._polling = False
        error = journal_error_text(exc) if isinstance(exc, JournalError) else str(exc) or type(exc).__name__
        self._set_state(self.tr("Statuses cannot be read: %1").replace("%1", error))


# --- the dock -------------------------------------------------------------------------------


class StatusTableModel(QAbstractTableModel):
    """Rows of ``campaign_statuses``: spreadsheet row, e-mail, status, error."""

    ROW, EMAIL, STATUS, ERROR = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._views: tuple[RecipientStatusView, ...] = ()
        self._icon = StatusIcons()
        self._brushes = status_brushes(QGuiApplication.palette())

    def set_palette(self, palette: QPalette) -> None:
        """The view's palette changed (e.g. to a dark scheme): status colours follow it."""
        self._brushes = status_brushes(palette)
        if self._views:
            self.dataChanged.emit(
                self.index(0, self.STATUS),
                self.index(len(self._views) - 1, self.STATUS),
                [Qt.ItemDataRole.ForegroundRole],
            )

    def set_views(self, views: Sequence[RecipientStatusView]) -> None:
        """Replace every row (one reset: cheap for the GUI thread)."""
        self.beginResetModel()
        self._views = tuple(views)
        self.endResetModel()

    def view(self, row: int) -> RecipientStatusView:
        return self._views[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._views)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 4:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Row"), self.tr("E-mail"), self.tr("Status"), self.tr("Error"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("The recipient's row in the spreadsheet."),
                self.tr("The address the message was sent to."),
                self.tr("What USOS says about the message: waiting, sent, failed, expired…"),
                self.tr(
                    "Why the message failed or was refused, as USOS or the app reports it, or why the "
                    "row was left out."
                ),
            )[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        view = self._views[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.ROW:
                return view.row
            if column == self.EMAIL:
                return view.email
            if column == self.STATUS:
                if view.status is Status.UNKNOWN and view.raw_status is not None:
                    return f"{status_text(view.status)}: {view.raw_status}"
                return status_text(view.status)
            return shown_error(view) or ""
        if role == Qt.ItemDataRole.UserRole:
            return view.status
        if column == self.STATUS and role == Qt.ItemDataRole.DecorationRole:
            return self._icon(view.status)
        if column == self.STATUS and role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes[view.status]
        return None


class StatusDock(QDockWidget):
    """The "Statuses" dock: a summary line, a progress bar and the per-recipient table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.campaign_label = QLabel(body)
        self.campaign_label.setWordWrap(True)
        self.summary_label = QLabel(body)
        self.summary_label.setWordWrap(True)
        self.progress = QProgressBar(body)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.state_label = QLabel(body)
        self.state_label.setWordWrap(True)
        self.daemon_label = QLabel(body)
        self.daemon_label.setObjectName("daemonWarning")
        self.daemon_label.setWordWrap(True)
        self.daemon_label.setStyleSheet(text_style(Tone.ERROR, self.palette(), bold=True))
        self.daemon_label.hide()
        self.model = StatusTableModel(self)
        self.table = QTableView(body)
        self.table.setObjectName("statusTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # Fixed row heights: a reset of 10,000 rows then costs no per-row size hints.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        shown = (self.campaign_label, self.summary_label, self.progress, self.state_label, self.daemon_label)
        for widget in (*shown, self.table):
            layout.addWidget(widget)
        self.setWidget(body)
        self.campaign: str | None = None
        self._snapshot: StatusSnapshot | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """The dock's texts (and the snapshot shown) in the language now installed."""
        self.setWindowTitle(self.tr("Statuses"))
        self.setAccessibleName(self.tr("Message statuses"))
        self.campaign_label.setAccessibleName(self.tr("Campaign"))
        self.summary_label.setAccessibleName(self.tr("Status counts"))
        self.progress.setAccessibleName(self.tr("Finished messages"))
        self.progress.setFormat(self.tr("%v of %m finished"))
        self.state_label.setAccessibleName(self.tr("Polling state"))
        self.daemon_label.setAccessibleName(self.tr("Mail daemon warning"))
        self.daemon_label.setText(daemon_stopped_text())
        self.table.setAccessibleName(self.tr("Status of each recipient"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))
        if self._snapshot is not None:
            self._show_texts(self._snapshot)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.palette())
            self.daemon_label.setStyleSheet(text_style(Tone.ERROR, self.palette(), bold=True))

    def show_snapshot(self, snapshot: StatusSnapshot) -> None:
        """Show one snapshot (the model is reset once)."""
        self.campaign = snapshot.campaign
        self._snapshot = snapshot
        self._show_texts(snapshot)
        self.progress.setRange(0, max(1, snapshot.messages))
        self.progress.setValue(snapshot.finished)
        self.model.set_views(snapshot.views)

    def _show_texts(self, snapshot: StatusSnapshot) -> None:
        self.campaign_label.setText(
            self.tr("Campaign {id}: {subject}").format(id=snapshot.campaign, subject=snapshot.subject)
        )
        self.summary_label.setText(self.counts_text(snapshot.counts))

    def counts_text(self, counts: StatusCounts) -> str:
        """E.g. "3 sent · 1 failed · 2 waiting" (zero counts left out)."""
        parts = [
            (counts.sent, self.tr("%n sent", "", counts.sent)),
            (counts.failed, self.tr("%n failed", "", counts.failed)),
            (counts.waiting, self.tr("%n waiting", "", counts.waiting)),
            (counts.uncertain, self.tr("%n uncertain", "", counts.uncertain)),
            (counts.rejected, self.tr("%n rejected", "", counts.rejected)),
            (counts.expired, self.tr("%n expired", "", counts.expired)),
            (counts.not_sent, self.tr("%n not sent", "", counts.not_sent)),
            (counts.detail_pending, self.tr("%n finished, details awaited", "", counts.detail_pending)),
            (counts.no_detail, self.tr("%n finished without details", "", counts.no_detail)),
            (counts.unknown, self.tr("%n with an unknown status", "", counts.unknown)),
            (counts.excluded, self.tr("%n left out of the list", "", counts.excluded)),
        ]
        shown = [text for number, text in parts if number]
        return " · ".join(shown) if shown else self.tr("No recipients.")

    def set_state(self, text: str) -> None:
        self.state_label.setText(text)

    def show_queue(self, queue: SystemStatus) -> None:
        """system_status as read while polling: a stopped mail daemon is said at once."""
        self.daemon_label.setVisible(queue.daemon_stopped)
