"""The Qt item model of the recipient list: an adapter over a core ``RecipientTable``.

It owns no logic of its own. Which rows are shown and in what order (``ShownRows``) comes
from ``table.view(search, sort_by, descending)``, computed on the data: Qt's
QSortFilterProxyModel would ask this model for every cell through Python, which takes
3.5-16 s at 50,000 rows. Edits and include flags go to the table, which answers with the
rows whose state changed; only those rows are repainted.

Columns: 0 the include checkbox, 1 the row's problems, then the spreadsheet's columns
(their cells and headers as ``SheetCells`` shows them), the derived columns and the
status column. The vertical header shows the row numbers the user sees in the spreadsheet.

Search and sort emit ``layoutAboutToBeChanged``/``layoutChanged`` (not a model reset) and
move the persistent indexes to the same table rows, so the selection, the current row and
the column widths stay where they were. A reset is used only when the table itself is
replaced (or set aside while a worker changes it, see ``suspend``).

An edit or an include flag repaints its rows where they are: the view is not searched or
sorted again until the search or the sort changes (a row must not jump away while the
user works on it).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QGuiApplication, QIcon, QPalette

from usosmail_gui.core.letters.derive import LetterList, Overrides
from usosmail_gui.core.problems import Severity
from usosmail_gui.core.recipients import RecipientTable, RowKey
from usosmail_gui.core.statuses import RecipientStatusView
from usosmail_gui.ui.derived_cells import DerivedCells
from usosmail_gui.ui.problem_cells import ProblemCells
from usosmail_gui.ui.row_spans import changed_numbers, row_spans
from usosmail_gui.ui.sheet_cells import SheetCells
from usosmail_gui.ui.shown_rows import ShownRows
from usosmail_gui.ui.status_cells import StatusCells

__all__ = ["COLUMN_INCLUDE", "COLUMN_PROBLEMS", "FIRST_DATA_COLUMN", "RecipientTableModel"]

COLUMN_INCLUDE = 0
COLUMN_PROBLEMS = 1
FIRST_DATA_COLUMN = 2

_Index = QModelIndex | QPersistentModelIndex

# plain ints: ``role`` arrives as an int, and int comparisons keep data() cheap
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_CHECK = Qt.ItemDataRole.CheckStateRole.value
# roles a cell's delegate asks for on every paint that no cell here answers: answered
# before any lookup (a first paint of the grid asks ~1,500 times)
_UNANSWERED = frozenset(
    role.value
    for role in (
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
    )
)

_PLAIN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CHECKABLE = _PLAIN | Qt.ItemFlag.ItemIsUserCheckable
_EDITABLE = _PLAIN | Qt.ItemFlag.ItemIsEditable


# the overload of layoutAboutToBeChanged/layoutChanged that carries the hint (PySide6 emits
# the no-argument one otherwise; views skip work for a VerticalSortHint)
_WITH_HINT = ("QList<QPersistentModelIndex>", QAbstractItemModel.LayoutChangeHint)


def _emit_layout(signal: SignalInstance, hint: QAbstractItemModel.LayoutChangeHint) -> None:
    cast(Any, signal)[_WITH_HINT].emit([], hint)


def _checked(value: Any) -> bool | None:
    """A CheckStateRole value (enum or int) as a bool; None when it is neither state."""
    if isinstance(value, Qt.CheckState):
        value = value.value
    if value in (Qt.CheckState.Checked.value, True):
        return True
    if value in (Qt.CheckState.Unchecked.value, False):
        return False
    return None


class RecipientTableModel(QAbstractTableModel):
    """Shows a ``RecipientTable`` (or nothing) in a QTableView.

    Rows of the model are positions in the current view; ``table_row(position)`` and
    ``view_row(table_row)`` convert. Everything else speaks in table row indices.

    Signals:
        summaryChanged(object): the table's new ``Summary`` after an include flag or an
            edit changed who receives (also after ``set_table`` and ``refresh``).
        rowsChanged(object): table row indices whose cells or state changed (a preview
            showing one of them must re-render).
        viewChanged(): the shown rows changed (search, sort, a new table).
        derivedEdited(str, int, object): a derived column's cell of a sheet row was typed
            over (the text), or its edit cleared (None): an override for the composer.

    Derived columns (``set_letters``) come after the spreadsheet's, before the status
    column; ``DerivedCells`` shows them.
    """

    summaryChanged = Signal(object)
    rowsChanged = Signal(object)
    viewChanged = Signal()
    derivedEdited = Signal(str, int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: RecipientTable | None = None
        self._suspended = False
        self._rows = ShownRows()  # the search, the sort and the rows they show
        self._derived: DerivedCells | None = None  # the letters' derived columns, if any
        self._status_cells = StatusCells(QGuiApplication.palette())
        self._problem_cells = ProblemCells(QGuiApplication.palette())
        self._sheet_cells = SheetCells(QGuiApplication.palette())
        self._take_palette(QGuiApplication.palette())
        # spreadsheet row number -> its recipient's status, set from the GUI after each
        # poll; None: no status column (the list is not the source of the campaign shown)
        self._statuses: Mapping[int, RecipientStatusView] | None = None

    def _take_palette(self, palette: QPalette) -> None:
        self._sheet_cells.set_palette(palette)
        self._status_cells.set_palette(palette)
        self._problem_cells.set_palette(palette)
        if self._derived is not None:
            self._derived.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        """The view's palette changed (e.g. to a dark scheme): the colours follow it."""
        self._take_palette(palette)
        if self._rows.order and self.columnCount():
            bottom_right = self.index(len(self._rows.order) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), bottom_right, [_FOREGROUND, _BACKGROUND])

    # --- the table -----------------------------------------------------------------------

    def table(self) -> RecipientTable | None:
        return self._table

    def set_table(self, table: RecipientTable | None, search: str | None = None) -> None:
        """Show another table (None: none) in the file's order; ``search`` replaces the
        current search text (None: it stays)."""
        self.beginResetModel()
        self._table = table
        if search is not None:
            self._rows.search = search
        self._suspended = False
        self._rows.unsorted()
        self._rows.show(self._compute_order())
        self._statuses = None
        self._derived = None
        self.endResetModel()
        self.viewChanged.emit()
        if table is not None:
            self.summaryChanged.emit(table.summary())

    def suspend(self) -> None:
        """Show no rows while a worker changes the table (e.g. its e-mail column), so no
        paint reads the table meanwhile; ``resume`` shows it again."""
        if self._table is None or self._suspended:
            return
        self.beginResetModel()
        self._suspended = True
        self._rows.show([])
        self.endResetModel()

    @property
    def suspended(self) -> bool:
        return self._suspended

    def resume(self) -> None:
        """After ``suspend``: the table's rows again, in the current search and sort."""
        if not self._suspended:
            return
        self.beginResetModel()
        self._suspended = False
        self._rows.show(self._compute_order())
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        self.viewChanged.emit()
        if self._table is not None:
            self.summaryChanged.emit(self._table.summary())

    # --- view order (``ShownRows``) -------------------------------------------------------

    def table_row(self, position: int) -> int:
        """The table row index shown at this view position (-1 when out of range)."""
        return self._rows.table_row(position)

    def view_row(self, table_row: int) -> int:
        """Where a table row is shown (-1 when hidden by the search)."""
        positions = self._position_map()
        return positions[table_row] if 0 <= table_row < len(positions) else -1

    def shown_rows(self) -> Sequence[int]:
        """The table row indices in view order; do not modify."""
        return self._rows.order

    @property
    def search_text(self) -> str:
        return self._rows.search

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        """(model column, order); column -1 is the spreadsheet's own order."""
        return self._rows.sort_column, self._rows.sort_order

    def set_search(self, text: str) -> None:
        """Show only the rows holding every word of ``text`` (case and diacritics ignored)."""
        if text == self._rows.search:
            return
        self._rows.search = text
        self._relayout(QAbstractItemModel.LayoutChangeHint.NoLayoutChangeHint)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a model column (-1: the spreadsheet's order), on the data, not through Qt."""
        if column >= self.columnCount():
            column = -1
        if (column, order) == (self._rows.sort_column, self._rows.sort_order):
            return
        self._rows.sort_column, self._rows.sort_order = column, order
        self._relayout(QAbstractItemModel.LayoutChangeHint.VerticalSortHint)

    def _sort_key(self) -> int | RowKey | None:
        column = self._rows.sort_column
        if column == COLUMN_INCLUDE:
            return RowKey.INCLUDED
        if column == COLUMN_PROBLEMS:
            return RowKey.PROBLEMS
        if FIRST_DATA_COLUMN <= column < self.columnCount() and column != self.status_column():
            data = column - FIRST_DATA_COLUMN
            return data if self._table is not None and data < self._table.column_count else None
        return None

    def _compute_order(self) -> list[int]:
        if self._table is None or self._suspended:
            return []
        return self._rows.computed(self._table, self._sort_key())

    def _position_map(self) -> Sequence[int]:
        return self._rows.positions(0 if self._table is None else self._table.row_count)

    def _relayout(self, hint: QAbstractItemModel.LayoutChangeHint) -> None:
        """Apply the search and sort as a layout change, keeping persistent indexes on their rows."""
        if self._table is None or self._suspended:
            return
        order = self._compute_order()
        if order == self._rows.order:
            return
        _emit_layout(self.layoutAboutToBeChanged, hint)
        persistent = self.persistentIndexList()
        old = self._rows.order
        self._rows.show(order)
        if persistent:
            positions = self._position_map()
            count = len(old)
            moved: list[QModelIndex] = []
            for index in persistent:
                position = index.row()
                now = positions[old[position]] if 0 <= position < count else -1
                moved.append(self.createIndex(now, index.column()) if now >= 0 else QModelIndex())
            self.changePersistentIndexList(persistent, moved)
        _emit_layout(self.layoutChanged, hint)
        self.viewChanged.emit()

    # --- shape ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows.order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid() or self._table is None:
            return 0
        return FIRST_DATA_COLUMN + self._table.column_count + self._extra() + (self._statuses is not None)

    def _extra(self) -> int:
        return 0 if self._derived is None else self._derived.count

    def set_letters(self, letters: LetterList | None, overrides: Overrides | None = None) -> None:
        """Show ``letters``' derived columns after the sheet's (None: none), marked as
        derived; their cells' edits are emitted as ``derivedEdited``."""
        table = self._table
        if letters is not None and (table is None or letters.source is not table or letters.setup.empty):
            letters = None
        old = self._extra()
        cells = (
            None
            if letters is None
            else DerivedCells(letters, overrides or Overrides(), QGuiApplication.palette())
        )
        new = 0 if cells is None else cells.count
        start = FIRST_DATA_COLUMN + (0 if table is None else table.column_count)
        same_shape = (
            self._derived is not None
            and cells is not None
            and self._derived.names == cells.names
            and old == new
        )
        if same_shape:
            self._derived = cells
            if self._rows.order:
                self.dataChanged.emit(
                    self.index(0, start), self.index(len(self._rows.order) - 1, start + new - 1), []
                )
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, start, start + new - 1)
            return
        if old:
            self.beginRemoveColumns(QModelIndex(), start, start + old - 1)
            self._derived = None
            self.endRemoveColumns()
        if new:
            self.beginInsertColumns(QModelIndex(), start, start + new - 1)
            self._derived = cells
            self.endInsertColumns()

    def derived_columns(self) -> tuple[int, int]:
        """(first model column, count) of the derived columns shown (count 0: none)."""
        table = self._table
        return FIRST_DATA_COLUMN + (0 if table is None else table.column_count), self._extra()

    def status_column(self) -> int:
        """The status column's index (after the data columns), or -1 when not shown."""
        if self._table is None or self._statuses is None:
            return -1
        return FIRST_DATA_COLUMN + self._table.column_count + self._extra()

    def set_statuses(
        self,
        statuses: Mapping[int, RecipientStatusView],
        *,
        changed: Collection[int] | None = None,
        since: Mapping[int, RecipientStatusView] | None = None,
    ) -> None:
        """Show each row's delivery status (row number → its status view). The first call
        inserts the status column; later ones emit ``dataChanged`` for that column only,
        for the rows whose status changed: ``changed`` (row numbers) when given with the
        statuses ``since`` which they changed from and which are shown now (the poller's
        worker found them), else found by comparing."""
        table = self._table
        if table is None:
            return
        if self._statuses is None:
            column = FIRST_DATA_COLUMN + table.column_count + self._extra()
            self.beginInsertColumns(QModelIndex(), column, column)
            self._statuses = statuses  # not copied: the caller hands over a read-only mapping
            self.endInsertColumns()
            return
        before, self._statuses = self._statuses, statuses
        if not self._rows.order:
            return
        if changed is None or since is None or since is not before:
            changed = changed_numbers(before, statuses)
        self._status_cells_changed(self._changed_positions(changed))

    def _changed_positions(self, changed: Iterable[int]) -> list[int]:
        """The view positions of the ``changed`` row numbers, in order: a batch of statuses
        usually changes a few rows, and the grid repaints only those."""
        assert self._table is not None
        return self._rows.positions_of(self._table, changed)

    def _status_cells_changed(self, positions: Sequence[int]) -> None:
        """``dataChanged`` for the status cells at ``positions``: one signal per run of
        neighbouring rows, each at most ``row_spans.SPAN_ROWS`` long, so the grid repaints what it
        shows of them and nothing when none is on screen."""
        if not positions:
            return
        column = self.status_column()
        roles = [_DISPLAY, _DECORATION, _FOREGROUND, _TOOLTIP]
        for first, last in row_spans(positions):
            self.dataChanged.emit(self.index(first, column), self.index(last, column), roles)

    def clear_statuses(self) -> None:
        """Remove the status column."""
        column = self.status_column()
        if column < 0:
            return
        self.beginRemoveColumns(QModelIndex(), column, column)
        self._statuses = None
        self.endRemoveColumns()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column = index.column()
        if column == self.status_column():
            return _PLAIN
        derived = column - FIRST_DATA_COLUMN - (0 if self._table is None else self._table.column_count)
        if self._derived is not None and 0 <= derived < self._derived.count:
            return _EDITABLE if self._derived.editable(derived) else _PLAIN
        if column >= FIRST_DATA_COLUMN:
            return _EDITABLE
        return _CHECKABLE if column == COLUMN_INCLUDE else _PLAIN

    # --- cells ---------------------------------------------------------------------------

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        table = self._table
        if table is None or role in _UNANSWERED or not index.isValid():
            return None
        position, order = index.row(), self._rows.order
        if position >= len(order):
            return None
        row = order[position]
        column = index.column()
        if self._statuses is not None and column == FIRST_DATA_COLUMN + table.column_count + self._extra():
            return self._status_cells.data(self._statuses, table.row_number(row), role)
        if self._derived is not None and column >= FIRST_DATA_COLUMN + table.column_count:
            return self._derived.data(table, row, column - FIRST_DATA_COLUMN - table.column_count, role)
        if column >= FIRST_DATA_COLUMN:
            return self._sheet_cells.data(table, row, column - FIRST_DATA_COLUMN, role)
        if column == COLUMN_INCLUDE:
            return self._sheet_cells.include_data(table, row, role)
        return self._problem_cells.data(table, row, role)

    def problem_labels(self) -> list[str]:
        """Every short text the Problems column shows for usual problems (for its width)."""
        return self._problem_cells.labels()

    def include_title(self) -> str:
        """The Send column's title."""
        return self.tr("Send")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        table = self._table
        if table is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            order = self._rows.order
            row = order[section] if 0 <= section < len(order) else None
            return self._sheet_cells.row_header(table, row, role)
        if section == COLUMN_INCLUDE:
            if role == _DISPLAY:
                return self.tr("Send")
            if role == _TOOLTIP:
                return self.tr("Untick a row to leave it out: nothing is sent to it.")
            return None
        if section == self.status_column():
            if role == _DISPLAY:
                return self.tr("Status")
            if role == _TOOLTIP:
                return self.tr("Each row's delivery status in the campaign shown under Statuses.")
            return None
        if section == COLUMN_PROBLEMS:
            if role == _DISPLAY:
                return self.tr("Problems")
            if role == _TOOLTIP:
                return self.tr("What is wrong with the row; point at a row's problem for the details.")
            return None
        column = section - FIRST_DATA_COLUMN
        if self._derived is not None and 0 <= column - table.column_count < self._derived.count:
            return self._derived.header(column - table.column_count, role)
        if not 0 <= column < table.column_count:
            return None
        return self._sheet_cells.column_header(table, column, role)

    # --- changes -------------------------------------------------------------------------

    def setData(self, index: _Index, value: Any, role: int = _EDIT) -> bool:
        table = self._table
        if table is None or not index.isValid() or index.row() >= len(self._rows.order):
            return False
        row = self._rows.order[index.row()]
        column = index.column()
        if column == COLUMN_INCLUDE and role == _CHECK:
            included = _checked(value)
            if included is None:
                return False
            self._changed(table.set_included([row], included))
            return True
        if FIRST_DATA_COLUMN <= column < FIRST_DATA_COLUMN + table.column_count and role == _EDIT:
            text = "" if value is None else str(value)
            self._changed(table.set_value(row, column - FIRST_DATA_COLUMN, text))
            return True
        derived = column - FIRST_DATA_COLUMN - table.column_count
        if self._derived is not None and 0 <= derived < self._derived.count and role == _EDIT:
            key = self._derived.override_key(table, row, derived)
            if key is None:
                return False
            self.derivedEdited.emit(key[0], key[1], "" if value is None else str(value))
            return True
        return False

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Edit a cell of a table row (a quick fix of its problem), repainting what changed."""
        table = self._table
        if table is not None and not self._suspended and 0 <= column < table.column_count:
            self._changed(table.set_value(row, column, text))

    def set_shows_stored(self, column: int, stored: bool) -> bool:
        """Show (and send) a data column's stored values, or (False) what the sheet shows."""
        table = self._table
        if table is None or self._suspended or not table.set_shows_stored(column, stored):
            return False
        section = FIRST_DATA_COLUMN + column
        if self._rows.order:
            self.dataChanged.emit(self.index(0, section), self.index(len(self._rows.order) - 1, section), [])
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, section, section)
        self._changed(list(range(table.row_count)))
        return True

    def set_included(self, rows: Iterable[int], included: bool) -> None:
        """Include or exclude several table rows at once (e.g. the selection)."""
        if self._table is not None and not self._suspended:
            self._changed(self._table.set_included(rows, included))

    def revert_cell(self, index: _Index) -> bool:
        """Undo the edit of a cell (back to the file's text, or a derived cell's computed
        value); False when it was not edited."""
        if self.revert_derived(index):
            return True
        table = self._table
        if (
            table is None
            or not index.isValid()
            or not FIRST_DATA_COLUMN <= index.column() < FIRST_DATA_COLUMN + table.column_count
        ):
            return False
        row = self.table_row(index.row())
        column = index.column() - FIRST_DATA_COLUMN
        if row < 0 or not table.is_edited(row, column):
            return False
        self._changed(table.revert_value(row, column))
        return True

    def is_overridden(self, index: _Index) -> bool:
        """Whether ``index`` is a derived cell whose value was typed over."""
        table, cells = self._table, self._derived
        if table is None or cells is None or not index.isValid():
            return False
        row = self.table_row(index.row())
        key = cells.override_key(table, row, index.column() - FIRST_DATA_COLUMN - table.column_count)
        return row >= 0 and key is not None and cells.overrides.get(*key) is not None

    def revert_derived(self, index: _Index) -> bool:
        """Clear the value typed over a derived cell (it is computed again); False when
        the cell was not typed over."""
        if not self.is_overridden(index):
            return False
        table, cells = self._table, self._derived
        assert table is not None and cells is not None
        key = cells.override_key(
            table, self.table_row(index.row()), index.column() - FIRST_DATA_COLUMN - table.column_count
        )
        assert key is not None
        self.derivedEdited.emit(key[0], key[1], None)
        return True

    def refresh(self) -> None:
        """Repaint every shown row and header (after a change of the whole table)."""
        if self._table is None or self._suspended:
            return
        if self._rows.order:
            bottom_right = self.index(len(self._rows.order) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), bottom_right, [])
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        self.summaryChanged.emit(self._table.summary())

    def _changed(self, rows: Sequence[int]) -> None:
        """Repaint exactly the shown rows among ``rows``, in runs of adjacent positions."""
        table = self._table
        if not rows or table is None:
            return
        positions = self._position_map()
        shown = sorted(p for p in (positions[r] for r in rows) if p >= 0)
        last_column = self.columnCount() - 1
        start = previous = -2
        for position in [*shown, -2]:
            if position != previous + 1:
                if start >= 0:
                    self.dataChanged.emit(self.index(start, 0), self.index(previous, last_column), [])
                start = position
            previous = position
        self.rowsChanged.emit(list(rows))
        self.summaryChanged.emit(table.summary())

    def icon_for(self, severity: Severity) -> QIcon:
        """The icon the problems column uses for this severity (for legends and tests)."""
        return self._problem_cells.icon_for(severity)
