"""The grid's columns as the user sees them: their widths, measured on a sample of rows
and from the translated texts, and their order (Send, Problems, E-mail and Status first).

Only the view changes: the model, the sheet and what is sent keep their columns.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from .column_header import ColumnHeader
from .recipients_model import COLUMN_INCLUDE, COLUMN_PROBLEMS, FIRST_DATA_COLUMN, RecipientTableModel

__all__ = ["MAX_COLUMN_WIDTH", "WIDTH_SAMPLE_ROWS", "GridColumns", "tune_grid_view"]

MAX_COLUMN_WIDTH = 320  # measured widths are capped; the user can widen a column
WIDTH_SAMPLE_ROWS = 60  # column widths are measured on the first rows and as many spread over the list


def tune_grid_view(view: QTableView) -> None:
    """Settings that keep a 50,000-row grid fast: nothing is measured or asked per row."""
    view.setHorizontalHeader(ColumnHeader(view))
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 6)
    columns = view.horizontalHeader()
    columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    columns.setStretchLastSection(True)
    columns.setHighlightSections(False)
    columns.setSortIndicatorClearable(True)  # a third click goes back to the file's order
    columns.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)  # the header's indicator calls model.sort
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )


class GridColumns:
    """The widths and order of ``view``'s columns of ``model`` (the recipient pane's grid)."""

    def __init__(self, view: QTableView, model: RecipientTableModel) -> None:
        self.view = view
        self.model = model
        self._status_width_cache: int | None = None

    def forget_measures(self) -> None:
        """The language, font or style changed: measure the status texts again."""
        self._status_width_cache = None

    def fit(self) -> None:
        """Column widths from the header and a sample of rows, capped.

        Not ``resizeColumnsToContents``: right after a model reset the view does not yet
        know which rows are in sight and asks the model about a thousand rows per column
        (0.4 s at 50,000 rows); measuring a sample of texts here takes a millisecond.
        """
        table = self.model.table()
        columns = self.model.columnCount()
        if table is None or columns == 0:
            return
        style = self.view.style()
        header = self.view.horizontalHeader()
        cell_metrics = self.view.fontMetrics()
        bold = header.font()
        bold.setBold(True)
        header_metrics = QFontMetrics(bold)  # bold: the e-mail column's header, and a safe upper bound
        header_padding = (
            2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
            + style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize)
            + 12
        )
        cell_padding = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 8
        shown = self.model.shown_rows()
        step = max(1, len(shown) // WIDTH_SAMPLE_ROWS)
        sample = sorted(set(shown[:WIDTH_SAMPLE_ROWS]) | set(shown[::step]))
        check = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + cell_padding
        fixed = {COLUMN_INCLUDE: check, COLUMN_PROBLEMS: self.problems_width()}
        status_width = self.status_width()  # measured now, before a status batch needs it
        status = self.model.status_column()
        if status >= 0:
            fixed[status] = status_width
        for column in range(columns):
            title = str(
                self.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""
            )
            width = header_metrics.horizontalAdvance(title) + header_padding
            if column in fixed:
                width = max(width, fixed[column] + cell_padding)
            elif column >= FIRST_DATA_COLUMN + table.column_count:
                continue  # the derived columns: measured by their own code
            else:
                data_column = column - FIRST_DATA_COLUMN
                texts = {table.value(row, data_column) for row in sample}
                widest = max((cell_metrics.horizontalAdvance(text) for text in texts), default=0)
                width = max(width, widest + cell_padding)
            header.resizeSection(column, min(width, MAX_COLUMN_WIDTH))
        self.arrange()
        self.fit_email_column()

    # --- the columns that matter most: Send, Problems, E-mail, Status ----------------------
    def _cell_padding(self) -> int:
        style = self.view.style()
        return 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 8

    def _icon_width(self) -> int:
        return self.view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 4

    def problems_width(self) -> int:
        """The Problems column's width: an icon and the longest of its short labels, as
        translated (a longer problem's own text is elided; its tooltip says it all)."""
        metrics = self.view.fontMetrics()
        widest = max(metrics.horizontalAdvance(text) for text in self.model.problem_labels())
        return self._icon_width() + widest + self._cell_padding()

    def status_width(self) -> int:
        """The status column's width: an icon and the longest usual status, as translated
        (measured once per language and font: the first status batch is timed)."""
        if self._status_width_cache is None:
            self._status_width_cache = self._measure_status_width()
        return self._status_width_cache

    def _measure_status_width(self) -> int:
        from usosmail_gui.core.statuses import Status

        from .status_display import status_text

        usual = (
            Status.WAITING, Status.SENT, Status.FAILED, Status.UNCERTAIN, Status.REJECTED,
            Status.EXPIRED, Status.NOT_SENT, Status.EXCLUDED,
        )  # fmt: skip
        metrics = self.view.fontMetrics()
        widest = max(metrics.horizontalAdvance(status_text(status)) for status in usual)
        return self._icon_width() + widest + self._cell_padding() + 8

    def email_width(self) -> int:
        """The least width that shows a usual university address whole."""
        usual = "jan.kowalski@student.uw.edu.pl"
        return self.view.fontMetrics().horizontalAdvance(usual) + self._cell_padding()

    def key_columns_width(self) -> int:
        """The pane's width that shows Send, Problems, E-mail and Status without scrolling
        (from the translated texts and the font; for the first layout's splitter)."""
        view = self.view
        style = view.style()
        metrics = view.fontMetrics()
        check = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 2 * self._cell_padding()
        send = max(check, metrics.horizontalAdvance(self.model.include_title()) + 3 * self._cell_padding())
        row_numbers = metrics.horizontalAdvance("00000") + self._cell_padding()
        scroll = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        frame = 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth) + 8
        columns = send + self.problems_width() + self.email_width() + self.status_width()
        return columns + row_numbers + scroll + frame

    def key_columns(self) -> list[int]:
        """Send, Problems, then the e-mail and status columns (when there are), as model columns."""
        table = self.model.table()
        columns = [COLUMN_INCLUDE, COLUMN_PROBLEMS]
        if table is not None and table.email_column is not None:
            columns.append(FIRST_DATA_COLUMN + table.email_column)
        status = self.model.status_column()
        if status >= 0:
            columns.append(status)
        return columns

    def arrange(self) -> None:
        """Send, Problems, E-mail and Status first, then the others in the sheet's order:
        what matters is in sight without scrolling. Only the view's order changes (the
        header's visual order); the model, the sheet and what is sent keep theirs."""
        header = self.view.horizontalHeader()
        count = self.model.columnCount()
        if header.count() != count:
            return
        first = [column for column in self.key_columns() if column < count]
        order = first + [column for column in range(count) if column not in first]
        for visual, logical in enumerate(order):
            now = header.visualIndex(logical)
            if now != visual:
                header.moveSection(now, visual)

    def columns_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        status = self.model.status_column()
        if first <= status <= last:
            self.view.horizontalHeader().resizeSection(status, self.status_width())
        self.arrange()
        self.fit_email_column()

    def fit_email_column(self) -> None:
        """When the e-mail column would reach past the grid's right edge, narrow it to what
        is left (not below a usual address): Status beside it stays in sight."""
        table = self.model.table()
        if table is None or table.email_column is None or not self.view.isVisible():
            return
        header = self.view.horizontalHeader()
        email = FIRST_DATA_COLUMN + table.email_column
        others = sum(header.sectionSize(column) for column in self.key_columns() if column != email)
        room = self.view.viewport().width() - others
        if header.sectionSize(email) > room:
            header.resizeSection(email, max(room, self.email_width()))
