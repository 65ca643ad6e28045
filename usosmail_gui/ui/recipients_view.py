"""The recipient pane: search box, the 50,000-row grid, where the list came from, and
the empty and busy states.

Tuned so a big list never makes the window stutter: rows have one fixed height (the
view never measures them), column widths are measured once on the rows in sight, the
search waits for a pause in typing, and sorting goes to the model (on the data), never
through a proxy. Changing the e-mail column re-checks every address, which can take
seconds, so it runs in a worker while the grid is set aside.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.core.recipients import LoadProgress, RecipientTable
from usosmail_gui.ui.numbers import counted, number

from .column_menu import ColumnValuesMenu
from .grid_columns import GridColumns, tune_grid_view
from .loading_strip import LoadingStrip
from .recipients_model import FIRST_DATA_COLUMN, RecipientTableModel
from .workers import Task, run_in_background

log = logging.getLogger(__name__)

__all__ = ["RecipientPane"]

SEARCH_DELAY_MS = 180  # a pause in typing this long applies the search
_NO_EMAIL_COLUMN = -1


class RecipientPane(QWidget):
    """The recipient list as the user works with it.

    Signals:
        currentRowChanged(int): the table row index of the current row; -1 for none
            (nothing loaded, or the current row hidden by the search).
        openRequested(): the empty state's "Open a spreadsheet…" was clicked.
        sheetDialogRequested(): "Sheet and header row…" was clicked.
        cancelRequested(): Cancel was clicked while loading (the owner cancels the load).
        emailColumnChanged(object): the new e-mail column index (or None), once every
            address was checked again and the grid shows the result.
    """

    currentRowChanged = Signal(int)
    openRequested = Signal()
    sheetDialogRequested = Signal()
    cancelRequested = Signal()
    emailColumnChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recipientPane")
        self.model = RecipientTableModel(self)
        self._current_row = -1
        self._email_task: Task | None = None
        self._busy = False
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self._build()
        self._show_state()

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAcceptDrops(False)  # a dropped file goes to the window: it opens the file
        self.search_edit.textChanged.connect(self._search_typed)
        self.search_edit.returnPressed.connect(self.apply_search)
        self.shown_label = QLabel()

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.shown_label)

        # where the list came from, and the e-mail column
        self.source_label = QLabel()
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_label.setWordWrap(True)  # a long file name must not widen the pane
        self.email_label = QLabel()
        self.email_combo = QComboBox()
        self.email_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.email_combo.activated.connect(self._email_combo_activated)
        self.email_label.setBuddy(self.email_combo)
        self.sheet_button = QToolButton()
        self.sheet_button.clicked.connect(self.sheetDialogRequested)
        self.source_bar = QWidget()
        source_rows = QVBoxLayout(self.source_bar)
        source_rows.setContentsMargins(0, 0, 0, 0)
        source_rows.addWidget(self.source_label)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.email_label)
        choice_row.addWidget(self.email_combo)
        choice_row.addWidget(self.sheet_button)
        choice_row.addStretch(1)
        source_rows.addLayout(choice_row)
        self.email_warning = QLabel()
        self.email_warning.setWordWrap(True)
        self.email_warning.hide()

        # busy strip: shown while a file loads (over the previous list, which stays)
        self.busy_bar = LoadingStrip()
        self.busy_bar.cancelRequested.connect(self.cancelRequested)

        # pages: empty state, the grid, "checking addresses"
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.openRequested)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)

        self.view = QTableView()
        self.view.viewport().installEventFilter(self)  # its width: the e-mail column may narrow
        self.view.setModel(self.model)
        tune_grid_view(self.view)
        self.columns = GridColumns(self.view, self.model)
        self.values_menu = ColumnValuesMenu(self.view, self.model, self)
        self.view.selectionModel().currentRowChanged.connect(self._sync_current)
        self.model.layoutChanged.connect(self._after_layout_change)
        self.model.modelReset.connect(self._after_view_change)
        self.model.modelReset.connect(self.arrange_columns)
        self.model.columnsInserted.connect(self.columns.columns_inserted)
        self.model.columnsRemoved.connect(self.arrange_columns)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.include_action = QAction(self)
        self.include_action.triggered.connect(lambda: self.set_selected_included(True))
        self.exclude_action = QAction(self)
        self.exclude_action.triggered.connect(lambda: self.set_selected_included(False))
        self.revert_action = QAction(self)
        self.revert_action.triggered.connect(self._revert_current_cell)

        self.working_label = QLabel()
        self.working_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.stack = QStackedWidget()
        self.stack.addWidget(empty_page)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.working_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addLayout(search_row)
        layout.addWidget(self.source_bar)
        layout.addWidget(self.email_warning)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """The pane's own texts in the language now installed; what depends on the list
        (its source, counts, the e-mail column's choice) is shown again, and the grid's
        headers and cells are asked again."""
        self.find_action.setText(self.tr("Find in the list"))
        self.email_label.setText(self.tr("&E-mail column:"))
        self.empty_label.setText(self.tr("Open a spreadsheet: File ▸ Open… or drag it here"))
        self.open_button.setText(self.tr("Open a spreadsheet…"))
        self.include_action.setText(self.tr("Include the selected rows"))
        self.exclude_action.setText(self.tr("Exclude the selected rows"))
        self.revert_action.setText(self.tr("Undo the edit of this cell"))
        shortcut = self.find_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.search_edit.setPlaceholderText(self.tr("Search the list ({shortcut})").format(shortcut=shortcut))
        self.search_edit.setAccessibleName(self.tr("Search recipients"))
        self.shown_label.setAccessibleName(self.tr("Rows shown"))
        self.source_label.setAccessibleName(self.tr("Source of the list"))
        self.email_combo.setAccessibleName(self.tr("E-mail column"))
        self.email_combo.setToolTip(self.tr("The column that holds the recipients' addresses."))
        self.sheet_button.setText(self.tr("Sheet and header row…"))
        self.sheet_button.setAccessibleName(self.tr("Sheet and header row"))
        self.email_warning.setAccessibleName(self.tr("E-mail column warning"))
        self.empty_label.setAccessibleName(self.tr("No recipient list"))
        self.open_button.setAccessibleName(self.tr("Open a spreadsheet"))
        self.view.setAccessibleName(self.tr("Recipients"))
        self.working_label.setAccessibleName(self.tr("Checking addresses"))
        self.search_edit.setToolTip(
            self.tr(
                "Shows the rows holding every word you type, in any column; case and Polish "
                "letters do not matter."
            )
        )
        self.sheet_button.setToolTip(
            self.tr("Choose the sheet, the header row and the e-mail column, and read the file again.")
        )
        self.values_menu.retranslate()
        if self.table() is not None:
            self._show_source()
            self._show_email_column()
            self._show_counts()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))
        if self.model.rowCount():
            last = self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1)
            self.model.dataChanged.emit(self.model.index(0, 0), last)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.columns.fit_email_column()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.columns.forget_measures()
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() == QEvent.Type.PaletteChange:  # e.g. the system turned dark
            self.model.set_palette(self.palette())

    # --- the table -----------------------------------------------------------------------

    def table(self) -> RecipientTable | None:
        return self.model.table()

    def set_table(self, table: RecipientTable | None) -> None:
        """Show a freshly loaded list (the search text stays; the sort starts in the file's order)."""
        if self._email_task is not None:
            self._email_task.cancel()  # it was changing the table being replaced
            self._email_task = None
        self._search_timer.stop()
        header = self.view.horizontalHeader()
        with QSignalBlocker(header):  # not a sort of the old table: the new one starts unsorted
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_table(table, search=self.search_edit.text())
        self._show_source()
        self._show_state()
        self.columns.fit()
        if table is not None and self.model.rowCount() > 0:
            # the first data column in sight (the e-mail column, once arranged)
            first = self.view.horizontalHeader().logicalIndex(FIRST_DATA_COLUMN)
            self.view.setCurrentIndex(self.model.index(0, first if table.column_count else 0))
            self.view.horizontalScrollBar().setValue(0)  # Send and Problems in sight too
        self._sync_current()

    # --- the columns that matter most: Send, Problems, E-mail, Status ----------------------

    def key_columns_width(self) -> int:
        """The pane's width that shows Send, Problems, E-mail and Status without scrolling
        (from the translated texts and the font; for the first layout's splitter)."""
        return self.columns.key_columns_width()

    def key_columns(self) -> list[int]:
        """Send, Problems, then the e-mail and status columns (when there are), as model columns."""
        return self.columns.key_columns()

    @Slot()
    def arrange_columns(self) -> None:
        """Send, Problems, E-mail and Status first, then the others in the sheet's order."""
        self.columns.arrange()

    def _show_source(self) -> None:
        table = self.table()
        self.email_combo.clear()
        if table is None:
            self.source_label.clear()
            self.email_warning.hide()
            return
        source = table.source
        parts = [source.path.name]
        if source.sheet is not None:
            parts.append(self.tr("sheet “{sheet}”").format(sheet=source.sheet))
        elif source.encoding:
            delimiter = self.tr("tab") if source.delimiter == "\t" else f"“{source.delimiter}”"
            parts.append(
                self.tr("{encoding}, separated by {delimiter}").format(
                    encoding=source.encoding, delimiter=delimiter
                )
            )
            if source.encoding_alternative:
                parts.append(
                    self.tr("{alternative} would read other letters (Sheet and header row…)").format(
                        alternative=source.encoding_alternative
                    )
                )
        if source.header_row is None:
            parts.append(self.tr("no header row (columns named by their letters)"))
        elif source.header_row_detected:
            parts.append(self.tr("header in row {row} (found automatically)").format(row=source.header_row))
        else:
            parts.append(self.tr("header in row {row}").format(row=source.header_row))
        self.source_label.setText(" · ".join(parts))
        self.source_label.setToolTip(str(source.path))
        self.email_combo.addItem(self.tr("(none)"), _NO_EMAIL_COLUMN)
        for column in table.columns:
            self.email_combo.addItem(f"{column.letter}: {column.name}", column.index)
        self._show_email_column()

    def _show_email_column(self) -> None:
        table = self.table()
        if table is None:
            return
        column = table.email_column
        wanted = _NO_EMAIL_COLUMN if column is None else column
        self.email_combo.setCurrentIndex(max(0, self.email_combo.findData(wanted)))
        if column is None:
            self.email_warning.setText(
                self.tr("No column of e-mail addresses was found. Choose the column that holds them here.")
            )
            self.email_warning.show()
        else:
            self.email_warning.hide()

    def _show_state(self) -> None:
        table = self.table()
        if self._email_task is not None:
            self.stack.setCurrentWidget(self.working_label)
        elif table is None:
            self.stack.setCurrentIndex(0)
        else:
            self.stack.setCurrentWidget(self.view)
        self.source_bar.setVisible(table is not None)
        self.search_edit.setEnabled(table is not None)
        self.email_combo.setEnabled(table is not None and self._email_task is None)
        self.busy_bar.setVisible(self._busy)
        self._show_counts()

    def _show_counts(self) -> None:
        table = self.table()
        if table is None or self.model.suspended:
            self.shown_label.clear()
            return
        shown, total = self.model.rowCount(), table.row_count
        if shown == total:
            self.shown_label.setText(counted(self.tr("%Ln row(s)", "", total), total))
        else:
            self.shown_label.setText(
                self.tr("{shown} of {total} rows shown").format(shown=number(shown), total=number(total))
            )

    # --- busy state (the owner loads; the pane shows it) ---------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def show_busy(self, text: str) -> None:
        """Loading started: the strip with a busy bar and Cancel (the current list stays usable)."""
        self._busy = True
        self.busy_bar.start(text)
        self.empty_label.setEnabled(False)
        self.open_button.setEnabled(False)
        self._show_state()

    def show_progress(self, progress: LoadProgress) -> None:
        """A step of loading: the stage in words and, when known, how far it is."""
        self.busy_bar.show_progress(progress)

    def hide_busy(self) -> None:
        self._busy = False
        self.empty_label.setEnabled(True)
        self.open_button.setEnabled(True)
        self._show_state()

    # --- search --------------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    @Slot(str)
    def _search_typed(self, _text: str) -> None:
        self._search_timer.start()  # restarted by every keystroke: one search per pause

    @Slot()
    def apply_search(self) -> None:
        """Filter now (the timer calls this after a pause in typing; Enter calls it at once)."""
        self._search_timer.stop()
        self.model.set_search(self.search_edit.text())

    @property
    def search_pending(self) -> bool:
        return self._search_timer.isActive()

    # --- current row and selection -------------------------------------------------------

    def current_table_row(self) -> int:
        """The table row index of the current row, -1 for none."""
        index = self.view.currentIndex()
        return self.model.table_row(index.row()) if index.isValid() else -1

    def selected_table_rows(self) -> list[int]:
        """Table row indices of the selected rows, in view order.

        Read from the selection's ranges: ``selectedRows()`` would ask the model's ``flags``
        for every selected cell (seconds after Ctrl+A on 50,000 rows)."""
        positions: set[int] = set()
        selection = self.view.selectionModel().selection()
        for i in range(selection.count()):
            selected = selection.at(i)
            positions.update(range(selected.top(), selected.bottom() + 1))
        return [self.model.table_row(p) for p in sorted(positions)]

    def select_table_rows(self, rows: Sequence[int], current: int | None = None) -> None:
        """Select these table rows (those shown) and make ``current`` (or the first) current."""
        model = self.model
        positions = sorted(p for p in (model.view_row(r) for r in rows) if p >= 0)
        selection = QItemSelection()
        last_column = model.columnCount() - 1
        start = previous = -2
        for position in [*positions, -2]:
            if position != previous + 1:
                if start >= 0:
                    selection.select(model.index(start, 0), model.index(previous, last_column))
                start = position
            previous = position
        selection_model = self.view.selectionModel()
        target = model.view_row(current) if current is not None else (positions[0] if positions else -1)
        if target >= 0:
            column = max(0, self.view.currentIndex().column())
            no_update = QItemSelectionModel.SelectionFlag.NoUpdate
            selection_model.setCurrentIndex(model.index(target, column), no_update)
            self.view.scrollTo(model.index(target, column))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        selection_model.select(selection, flags)

    @Slot()
    def _sync_current(self) -> None:
        row = self.current_table_row()
        if row != self._current_row:
            self._current_row = row
            self.currentRowChanged.emit(row)

    @Slot()
    def _after_view_change(self) -> None:
        self._show_counts()
        self._sync_current()

    @Slot()
    def _after_layout_change(self) -> None:
        """Scroll to the current row (or to the top) at once: with fewer rows than before, the
        header would otherwise keep an offset past its end until the next layout, and paint
        every one of its sections (0.1 s for 6,000 rows)."""
        current = self.view.currentIndex()
        if current.isValid():
            self.view.scrollTo(current)
        else:
            self.view.scrollToTop()
        self._after_view_change()

    def set_selected_included(self, included: bool) -> None:
        self.model.set_included(self.selected_table_rows(), included)

    def _revert_current_cell(self) -> None:
        self.model.revert_cell(self.view.currentIndex())

    def column_menu(self, section: int) -> QMenu | None:
        """The column header's menu for a model column (None when it has no choices)."""
        return self.values_menu.menu_for(section)

    @Slot(QPoint)
    def _context_menu(self, point: QPoint) -> None:
        if self.table() is None:
            return
        index = self.view.indexAt(point)
        table = self.table()
        menu = QMenu(self)
        menu.addAction(self.include_action)
        menu.addAction(self.exclude_action)
        editable = (
            index.isValid()
            and table is not None
            and FIRST_DATA_COLUMN <= index.column() < FIRST_DATA_COLUMN + table.column_count
        )
        self.revert_action.setEnabled(
            (
                editable
                and table is not None
                and table.is_edited(self.model.table_row(index.row()), index.column() - FIRST_DATA_COLUMN)
            )
            or self.model.is_overridden(index)
        )
        menu.addSeparator()
        menu.addAction(self.revert_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(point))

    # --- the e-mail column ---------------------------------------------------------------

    @Slot(int)
    def _email_combo_activated(self, item: int) -> None:
        data = self.email_combo.itemData(item)
        column = None if data is None or int(data) == _NO_EMAIL_COLUMN else int(data)
        self.set_email_column(column)

    @property
    def checking_emails(self) -> bool:
        return self._email_task is not None

    def set_email_column(self, column: int | None) -> None:
        """Take the addresses from another column: every row is checked again in a worker,
        with the grid set aside meanwhile (a paint must not read a table being changed)."""
        table = self.table()
        if table is None or column == table.email_column or self._email_task is not None:
            return
        current = self.current_table_row()
        selected = self.selected_table_rows()
        widths = [self.view.horizontalHeader().sectionSize(c) for c in range(self.model.columnCount())]
        name = self.tr("(none)") if column is None else table.columns[column].name
        self.working_label.setText(self.tr("Checking the addresses in “{column}”…").format(column=name))
        self.model.suspend()
        self._email_task = run_in_background(
            table.set_email_column,
            column,
            parent=self,
            on_error=lambda exc: log.error("Changing the e-mail column failed", exc_info=exc),
        )
        task = self._email_task
        task.finished.connect(lambda: self._email_column_done(task, table, current, selected, widths))
        self._show_state()

    def _email_column_done(
        self,
        task: Task,
        table: RecipientTable,
        current: int,
        selected: list[int],
        widths: list[int],
    ) -> None:
        if task is not self._email_task:
            return  # a newer table replaced the one this worker changed
        self._email_task = None
        if self.table() is not table:
            return
        self.model.resume()
        header = self.view.horizontalHeader()
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        self._show_email_column()
        self._show_state()
        if current >= 0 or selected:
            self.select_table_rows(selected, current if current >= 0 else None)
        self._sync_current()
        self.emailColumnChanged.emit(table.email_column)

    def current_index_for(self, table_row: int, data_column: int = 0) -> QModelIndex:
        """The model index showing a table row's data column (invalid when hidden)."""
        position = self.model.view_row(table_row)
        if position < 0:
            return QModelIndex()
        return self.model.index(position, FIRST_DATA_COLUMN + data_column)
