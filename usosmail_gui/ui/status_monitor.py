"""Status monitor: a poller that asks USOS about a campaign's messages off the GUI thread,
and the "Statuses" dock that shows each recipient's status with counts and progress.

The poller is a single-shot ``QTimer`` in the GUI thread; each timeout starts one worker
job (never two at once): ``application.statuses`` reads the journal, or polls USOS and
reads it back; the GUI only resets a small model with the ready list. How a status looks
(name, icon, colour) is ``status_display``'s, shared with the grid.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
from PySide6.QtGui import QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.application.collaborators import Clock, utc_now
from usosmail_gui.application.statuses import StatusSnapshot, poll_statuses, read_statuses
from usosmail_gui.core.counts import campaign_counts_of
from usosmail_gui.core.journal import JournalError
from usosmail_gui.core.statuses import RecipientStatusView, Status, StatusCounts
from usosmail_gui.core.usos.models import SystemStatus
from usosmail_gui.ui.colours import Tone, text_style
from usosmail_gui.ui.numbers import number as number_text
from usosmail_gui.ui.problem_texts import journal_error_text
from usosmail_gui.ui.row_spans import changed_numbers, changed_places, row_spans
from usosmail_gui.ui.status_display import (
    StatusIcons,
    campaign_counts_text,
    finished_text,
    shown_error,
    status_brushes,
    status_text,
)
from usosmail_gui.ui.texts import daemon_stopped_text, subject_as_written
from usosmail_gui.ui.workers import Task, run_in_background

__all__ = [
    "FILTERS",
    "StatusBatch",
    "StatusDock",
    "StatusPoller",
    "StatusTableModel",
    "filter_count",
    "with_changes",
]


Connection = Callable[[], "tuple[str, str, str] | None"]  # (base URL, key, secret) or None


@dataclass(frozen=True)
class StatusBatch:
    """A snapshot as the poller hands it to the views, with what changed since
    ``previous`` (the snapshot delivered before, of the same campaign), found in the
    worker so that the GUI thread touches only those rows: ``changed``, their row
    numbers; ``places``, their places in ``snapshot.views`` when both snapshots list the
    same rows in the same order. None: not known (the views compare for themselves)."""

    snapshot: StatusSnapshot
    previous: StatusSnapshot | None = None
    changed: frozenset[int] | None = None
    places: tuple[int, ...] | None = None


_ROW = operator.attrgetter("row")


def with_changes(
    previous: StatusSnapshot | None, read: Callable[..., StatusSnapshot], *args: object
) -> StatusBatch:
    """In the worker: ``read(*args)``, and which rows changed since ``previous``."""
    snapshot = read(*args)
    if previous is None or previous.campaign != snapshot.campaign:
        return StatusBatch(snapshot)
    old, new = previous.views, snapshot.views
    if len(old) == len(new) and list(map(_ROW, old)) == list(map(_ROW, new)):
        places = changed_places(old, new)
        return StatusBatch(snapshot, previous, frozenset(new[p].row for p in places), tuple(places))
    changed = frozenset(changed_numbers(previous.row_statuses(), snapshot.row_statuses()))
    return StatusBatch(snapshot, previous, changed)


class StatusPoller(QObject):
    """Polls one campaign's statuses on a single-shot timer; one worker job at a time.

    Signals (GUI thread):
        snapshotReady(object): a ``StatusSnapshot`` read in the worker.
        batchReady(object): the same as a ``StatusBatch`` (with the rows that changed).
        queueRead(object): the ``SystemStatus`` read with a poll (at most every
            ``QUEUE_EVERY_S`` seconds): the queue, and whether USOS's mail daemon runs.
        updated(str): the campaign whose statuses were just read.
        stateChanged(str): the polling state in plain words.
    """

    snapshotReady = Signal(object)
    batchReady = Signal(object)
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
        self._last: StatusSnapshot | None = None  # delivered last (the next batch's ``previous``)
        self._interval: float | None = None
        self._task: Task | None = None
        self._due = False
        self._polling = False
        self._last_queue_read = False  # the one more poll that reads the queue at the end
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
        self._last_queue_read = False
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
            task = run_in_background(
                with_changes, self._previous(campaign), read_statuses, campaign, self.clock(),
                parent=self, on_result=self._read,
            )
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
                with_changes,
                self._previous(campaign),
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

    def _previous(self, campaign: str) -> StatusSnapshot | None:
        last = self._last
        return last if last is not None and last.campaign == campaign else None

    def _read(self, batch: StatusBatch) -> None:
        snapshot = batch.snapshot
        if snapshot.campaign != self._campaign:
            return
        if batch.previous is not None and batch.previous is not self._last:
            batch = StatusBatch(snapshot)  # another batch came between: compare in the views
        self._last = snapshot
        self.batchReady.emit(batch)
        self.snapshotReady.emit(snapshot)
        self.updated.emit(snapshot.campaign)

    def _polled(self, batch: StatusBatch) -> None:
        self._read(batch)
        snapshot = batch.snapshot
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
        if hint is None and snapshot.queue is None and not self._last_queue_read:
            # every status is final: the queue shown beside them is read once more, so the
            # status bar does not keep "4,918 unsent" from the middle of the send
            self._last_queue_read = True
            self._queue_read_at = None
            self.timer.start(0)
            return
        if hint is None:
            self._last_queue_read = False
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


# The Statuses view's filters: what each shows, and the counts they sum.
ALL = "all"
WAITING, SENT, FAILED, UNCERTAIN, NOT_SENT, LEFT_OUT = (
    "waiting", "sent", "failed", "uncertain", "not_sent", "left_out"
)
FILTERS: dict[str, frozenset[Status]] = {
    WAITING: frozenset({Status.WAITING, Status.DETAIL_PENDING}),
    SENT: frozenset({Status.SENT}),
    FAILED: frozenset({Status.FAILED, Status.REJECTED}),
    # nobody can say whether these reached the student
    UNCERTAIN: frozenset({Status.UNCERTAIN, Status.EXPIRED, Status.NO_DETAIL, Status.UNKNOWN}),
    NOT_SENT: frozenset({Status.NOT_SENT}),
    LEFT_OUT: frozenset({Status.EXCLUDED}),
}
_COUNTED: dict[str, tuple[str, ...]] = {  # the StatusCounts fields each filter sums
    WAITING: ("waiting", "detail_pending"),
    SENT: ("sent",),
    FAILED: ("failed", "rejected"),
    UNCERTAIN: ("uncertain", "expired", "no_detail", "unknown"),
    NOT_SENT: ("not_sent",),
    LEFT_OUT: ("excluded",),
}


def filter_count(counts: StatusCounts, name: str) -> int:
    """How many recipients the filter ``name`` shows (``ALL``: every row, left-out ones too)."""
    if name == ALL:
        return counts.messages + counts.excluded
    return sum(getattr(counts, field) for field in _COUNTED[name])


class StatusTableModel(QAbstractTableModel):
    """Rows of ``campaign_statuses``: spreadsheet row, e-mail, status, error.

    The filter by status is applied to the data (a list comprehension), not through a
    QSortFilterProxyModel, which would ask this model for every row through Python. A new
    batch of the same campaign with the same rows shown tells the view only the rows whose
    status changed (``row_spans``); a reset is left for another campaign or filter.
    """

    ROW, EMAIL, STATUS, ERROR = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: tuple[RecipientStatusView, ...] = ()
        self._source: Sequence[RecipientStatusView] = ()  # as given (``since`` is compared to it)
        self._views: Sequence[RecipientStatusView] = ()
        self._place: dict[int, int] | None = None  # row number -> place shown (made when needed)
        self._filter: frozenset[Status] | None = None
        self._campaign: str | None = None
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

    def _filtered(self, views: tuple[RecipientStatusView, ...]) -> Sequence[RecipientStatusView]:
        wanted = self._filter
        return views if wanted is None else [view for view in views if view.status in wanted]

    def set_views(
        self,
        views: Sequence[RecipientStatusView],
        campaign: str | None = None,
        *,
        batch: StatusBatch | None = None,
    ) -> None:
        """Show ``views`` (``campaign``'s). With the poller's ``batch`` whose ``previous``
        views are the ones shown now, only its changed rows are told to the view; without
        it the rows are compared here. A reset is left for another campaign, other rows,
        or a filter whose rows changed."""
        every = tuple(views)
        before = self._views
        places: Sequence[int] | None = None
        shown: Sequence[RecipientStatusView] = ()
        previous = None if batch is None else batch.previous
        if campaign == self._campaign and before:
            if batch is not None and previous is not None and previous.views is self._source:
                if self._filter is None and batch.places is not None:
                    places, shown = batch.places, every
                elif batch.changed is not None:
                    places, shown = self._patched(every, batch)
            else:
                shown = self._filtered(every)
                if len(shown) == len(before):
                    places = changed_places(before, shown)
                    if any(before[p].row != shown[p].row for p in places):
                        places = None  # other rows in the filter now: their places moved
        self._all, self._source, self._campaign = every, views, campaign
        if places is None:
            self.beginResetModel()
            self._views = self._filtered(every)
            self._place = None
            self.endResetModel()
            return
        self._views = shown
        roles = [
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.UserRole,
        ]
        # column by column: a range over several columns makes the view repaint all it
        # shows even when none of the range is in sight (a row keeps its number and address)
        for first, last in row_spans(places):
            for column in (self.STATUS, self.ERROR):
                self.dataChanged.emit(self.index(first, column), self.index(last, column), roles)

    def _patched(
        self, every: tuple[RecipientStatusView, ...], batch: StatusBatch
    ) -> tuple[list[int] | None, Sequence[RecipientStatusView]]:
        """The places of the batch's changed rows among those shown, and the rows to show:
        the ones shown now with those replaced. (None, ()) when the rows shown change."""
        changed = batch.changed
        if changed is None or len(every) != len(self._all):
            return None, ()
        if self._place is None:
            self._place = {view.row: place for place, view in enumerate(self._views)}
        place = self._place
        wanted = self._filter
        new = batch.snapshot.row_statuses()
        places = []
        for number in changed:
            view = new.get(number)
            at = place.get(number)
            if view is None:
                return None, ()
            if wanted is not None and (at is not None) != (view.status in wanted):
                return None, ()  # a row enters or leaves the filter
            if at is not None:
                places.append(at)
        places.sort()
        if wanted is None:
            return places, every
        shown = list(self._views)
        for at in places:
            shown[at] = new[shown[at].row]
        return places, shown

    def set_filter(self, statuses: frozenset[Status] | None) -> None:
        """Show only the rows of these statuses (None: every row); one reset."""
        if statuses == self._filter:
            return
        self.beginResetModel()
        self._filter = statuses
        self._views = self._filtered(self._all)
        self._place = None
        self.endResetModel()

    def status_filter(self) -> frozenset[Status] | None:
        return self._filter

    def total(self) -> int:
        """Rows of the campaign, shown or filtered out."""
        return len(self._all)

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
    """The "Statuses" view: the campaign, a button per status with its count (which also
    filters the table), the progress bar, the polling state and the per-recipient table.

    Signals:
        filterChanged(str): the filter chosen (``ALL`` or a key of ``FILTERS``).
    """

    filterChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        self.campaign_label = QLabel(body)
        self.campaign_label.setWordWrap(True)
        self.campaign_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.campaign_label.font()
        font.setBold(True)
        self.campaign_label.setFont(font)
        self.filter_buttons: dict[str, QToolButton] = {}
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        show_label = QLabel(self.tr("Show:"), body)
        filters.addWidget(show_label)
        for name in (ALL, *FILTERS):
            button = QToolButton(body)
            button.setObjectName(f"statusFilter_{name}")
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(lambda _checked=False, chosen=name: self.set_filter(chosen))
            self.filter_group.addButton(button)
            self.filter_buttons[name] = button
            filters.addWidget(button)
        filters.addStretch(1)
        self.filter_buttons[ALL].setChecked(True)
        self._filter = ALL
        self._counts = StatusCounts()
        self._sized_for = -1  # the total the filter buttons' widths were made for
        self.progress = QProgressBar(body)
        self.progress.setAccessibleName(self.tr("Finished messages"))
        self.progress.setFormat("")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.summary_label = QLabel(body)
        self.summary_label.setWordWrap(True)
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
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed row heights: a reset of 10,000 rows then costs no per-row size hints.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._fit_columns()
        # until a campaign is shown, the same line says how to show one (one label: its
        # text changes, no widget appears or goes, so the first batch lays nothing out)
        self.campaign_label.setText(self.tr("No campaign is shown: send one, or open one from Campaigns…"))
        progress_row = QHBoxLayout()
        progress_row.setContentsMargins(0, 0, 0, 0)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.state_label, 1)
        layout.addWidget(self.campaign_label)
        layout.addLayout(filters)
        layout.addLayout(progress_row)
        # every count in words, each kind apart ("2 rejected"): the progress bar's tooltip;
        # the buttons above say the same by group, so the line itself is not shown
        self.summary_label.hide()
        for widget in (self.summary_label, self.daemon_label):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
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
        self.state_label.setAccessibleName(self.tr("Polling state"))
        self.daemon_label.setAccessibleName(self.tr("Mail daemon warning"))
        self.daemon_label.setText(daemon_stopped_text())
        self.table.setAccessibleName(self.tr("Status of each recipient"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))
        if self._snapshot is not None:
            self._show_texts(self._snapshot)
        self._sized_for = -1  # the buttons' texts (and widths) in the new language
        self._show_counts()
        self._fit_columns()


    def _fit_columns(self) -> None:
        """Widths from the translated texts: the row numbers, an address, the longest status."""
        metrics = self.table.fontMetrics()
        style = self.table.style()
        padding = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 16
        icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 4
        header = self.table.horizontalHeader()
        bold = header.font()
        bold.setBold(True)
        titles = QFontMetrics(bold)

        def title(column: int) -> int:
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            return titles.horizontalAdvance(text) + padding

        statuses = [status_text(status) for status in Status]
        widths = {
            StatusTableModel.ROW: max(title(0), metrics.horizontalAdvance("000000") + padding),
            StatusTableModel.EMAIL: max(
                title(1), metrics.horizontalAdvance("aleksandra.nowakowska@student.example.edu.pl") + padding
            ),
            StatusTableModel.STATUS: max(
                title(2), icon + max(metrics.horizontalAdvance(text) for text in statuses) + padding
            ),
        }
        for column, width in widths.items():
            header.resizeSection(column, width)

    def filter_name(self) -> str:
        """The filter chosen: ``ALL`` or a key of ``FILTERS``."""
        return self._filter

    def set_filter(self, name: str) -> None:
        """Show only the recipients of one status group (``ALL``: everyone)."""
        if name != ALL and name not in FILTERS:
            raise ValueError(name)
        self.filter_buttons[name].setChecked(True)
        if name == self._filter:
            return
        self._filter = name
        self.model.set_filter(None if name == ALL else FILTERS[name])
        self.filterChanged.emit(name)

    def _filter_text(self, name: str, count: int) -> str:
        shown = number_text(count)
        texts = {
            ALL: self.tr("All: {count}"),
            WAITING: self.tr("Waiting: {count}"),
            SENT: self.tr("Sent: {count}"),
            FAILED: self.tr("Failed: {count}"),
            UNCERTAIN: self.tr("Uncertain: {count}"),
            NOT_SENT: self.tr("Not sent: {count}"),
            LEFT_OUT: self.tr("Left out: {count}"),
        }
        return texts[name].format(count=shown)

    def _filter_tip(self, name: str) -> str:
        return {
            ALL: self.tr("Every recipient of the campaign."),
            WAITING: self.tr("Accepted by USOS, not sent yet."),
            SENT: self.tr("Sent by USOS."),
            FAILED: self.tr("Not delivered (refused or failed), with the reason."),
            UNCERTAIN: self.tr(
                "Nobody can say whether these were sent: the app lost the answer, USOS forgot "
                "them, or said something unknown."
            ),
            NOT_SENT: self.tr("Never sent: the campaign was interrupted before them."),
            LEFT_OUT: self.tr("Rows of the list left out of the campaign (no or a repeated address…)."),
        }[name]

    def _show_counts(self) -> None:
        icons = StatusIcons()
        shown_icon = {
            WAITING: Status.WAITING,
            SENT: Status.SENT,
            FAILED: Status.FAILED,
            UNCERTAIN: Status.UNCERTAIN,
            NOT_SENT: Status.NOT_SENT,
            LEFT_OUT: Status.EXCLUDED,
        }
        total = filter_count(self._counts, ALL)
        resize = total != self._sized_for
        for name, button in self.filter_buttons.items():
            count = filter_count(self._counts, name)
            if resize:
                # as wide as its widest count: a batch then changes no widths (nothing to lay out)
                button.setText(self._filter_text(name, total))
                button.setMinimumWidth(0)
                button.setMinimumWidth(button.sizeHint().width())
            text = self._filter_text(name, count)
            button.setText(text)
            button.setAccessibleName(text)
            button.setToolTip(self._filter_tip(name))
            if name in shown_icon and button.icon().isNull():
                button.setIcon(icons(shown_icon[name]))
            # an empty group is greyed, but the filter chosen stays reachable
            button.setEnabled(count > 0 or name in (ALL, self._filter))
        self._sized_for = total

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.palette())
            self.daemon_label.setStyleSheet(text_style(Tone.ERROR, self.palette(), bold=True))

    def show_batch(self, batch: StatusBatch) -> None:
        """Show a batch from the poller: only its changed rows are touched."""
        self.show_snapshot(batch.snapshot, batch=batch)

    def show_snapshot(self, snapshot: StatusSnapshot, *, batch: StatusBatch | None = None) -> None:
        """Show one snapshot: the counts, the progress, and the rows that changed (all of
        them for another campaign); ``batch`` as ``StatusTableModel.set_views``."""
        another = snapshot.campaign != self.campaign
        self.campaign = snapshot.campaign
        self._snapshot = snapshot
        # QProgressBar repaints itself at once when its value changes; with updates off it
        # is painted with the rest, in the event loop's one pass
        self.progress.setUpdatesEnabled(False)
        self._show_texts(snapshot)
        self.progress.setRange(0, max(1, snapshot.messages))
        self.progress.setValue(snapshot.finished)
        self.progress.setUpdatesEnabled(True)
        self.model.set_views(snapshot.views, snapshot.campaign, batch=batch)
        if another or snapshot.counts != self._counts:
            self._counts = snapshot.counts
            self._show_counts()

    def _show_texts(self, snapshot: StatusSnapshot) -> None:
        self.campaign_label.setText(
            self.tr("Campaign {id}: {subject}").format(
                id=snapshot.campaign, subject=subject_as_written(snapshot.subject)
            )
        )
        summary = self.counts_text(snapshot.counts)
        self.summary_label.setText(summary)
        self.progress.setToolTip(summary)
        self.progress.setFormat(finished_text(snapshot.tally))

    def counts_text(self, counts: StatusCounts) -> str:
        """E.g. "3 sent · 1 failed · 2 waiting" (zero counts left out; ``core.counts``)."""
        return campaign_counts_text(campaign_counts_of(counts))

    def set_state(self, text: str) -> None:
        self.state_label.setText(text)

    def show_queue(self, queue: SystemStatus) -> None:
        """system_status as read while polling: a stopped mail daemon is said at once."""
        self.daemon_label.setVisible(queue.daemon_stopped)
