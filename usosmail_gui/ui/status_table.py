"""The Statuses view's table: its filters by status (what each shows, the counts they
sum) and the model of per-recipient rows it filters on the data.

How a status looks (name, icon, colour) is ``status_display``'s, shared with the grid.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from usosmail_gui.core.statuses import RecipientStatusView, Status, StatusCounts
from usosmail_gui.ui.row_spans import changed_places, row_spans
from usosmail_gui.ui.status_display import StatusIcons, shown_error, status_brushes, status_text
from usosmail_gui.ui.status_poller import StatusBatch

__all__ = [
    "ALL",
    "FAILED",
    "FILTERS",
    "LEFT_OUT",
    "NOT_SENT",
    "SENT",
    "UNCERTAIN",
    "WAITING",
    "StatusTableModel",
    "filter_count",
]


# The Statuses view's filters: what each shows, and the counts they sum.
ALL = "all"
WAITING, SENT, FAILED, UNCERTAIN, NOT_SENT, LEFT_OUT = (
    "waiting",
    "sent",
    "failed",
    "uncertain",
    "not_sent",
    "left_out",
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
