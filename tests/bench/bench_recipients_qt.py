"""The recipient grid at 50,000 rows x 8 columns, offscreen (issue 3, item 9).

- model set + first paint: ``RecipientPane.set_table`` (model reset, column widths from
  the rows in sight, the source line) until the grid's viewport has painted, vs the same
  tuned QTableView getting a trivial QAbstractTableModel of the same shape (50,000 x 10,
  constant strings) until it has painted (target: at most 100 ms);
- search and sort through the model, layout change and repaint included (target: at
  most 150 ms each), vs the core's ``table.view`` alone on a second copy of the table.

Paints are real: the loop runs ``processEvents`` until the viewport's paint counter moves.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from tests.bench.bench_recipients import ROWS, make_workbook
from tests.bench.harness import Result

SIZE = (1280, 800)
REPEATS = 7
PAINT_TIMEOUT_S = 10.0


class _PaintCounter(QObject):
    """Counts paint events of a widget (the viewport: where the cells are drawn)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class ConstantModel(QAbstractTableModel):
    """The least a model can do: the same shape, one constant string per cell."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__()
        self._rows, self._columns = rows, columns

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._columns

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        return "constant" if role == Qt.ItemDataRole.DisplayRole.value else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        return str(section + 1) if role == Qt.ItemDataRole.DisplayRole.value else None


def _until_painted(app: QApplication, counter: _PaintCounter, before: int) -> None:
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while counter.count == before:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the view did not paint")


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _timed_paint(app: QApplication, counter: _PaintCounter, action: Callable[[], object]) -> float:
    """Seconds from ``action()`` until the next paint of the counted widget."""
    _settle(app)
    before = counter.count
    start = time.perf_counter()
    action()
    _until_painted(app, counter, before)
    return time.perf_counter() - start


def _bench_first_paint(app: QApplication, table: Any, report: Callable[[Result], None]) -> None:
    from usosmail_gui.ui.grid_columns import tune_grid_view
    from usosmail_gui.ui.recipients_model import FIRST_DATA_COLUMN
    from usosmail_gui.ui.recipients_view import RecipientPane

    def subject() -> float:
        pane = RecipientPane()
        pane.resize(*SIZE)
        pane.show()
        counter = _PaintCounter(pane.view.viewport())
        seconds = _timed_paint(app, counter, lambda: pane.set_table(table))
        pane.close()
        pane.deleteLater()
        _settle(app)
        return seconds

    def baseline() -> float:
        view = QTableView()
        tune_grid_view(view)
        view.resize(*SIZE)
        view.show()
        _settle(app)
        counter = _PaintCounter(view.viewport())
        model = ConstantModel(table.row_count, FIRST_DATA_COLUMN + table.column_count)
        seconds = _timed_paint(app, counter, lambda: view.setModel(model))
        view.close()
        view.deleteLater()
        _settle(app)
        return seconds

    first = subject()
    subjects, baselines = [], []
    for _ in range(REPEATS):
        subjects.append(subject())
        baselines.append(baseline())
    median = statistics.median(subjects) * 1000
    print(
        f"  first paint of 50k rows: first ever {first * 1000:.1f} ms, median {median:.1f} ms "
        f"(min {min(subjects) * 1000:.1f}, max {max(subjects) * 1000:.1f})"
    )
    report(
        Result(
            f"RecipientPane.set_table({ROWS // 1000}k x {table.column_count}) -> first paint, median",
            median,
            "ms",
            "trivial constant-string QAbstractTableModel, same grid, setModel -> first paint",
            statistics.median(baselines) * 1000,
            "<= 100 ms",
        )
    )
    report(
        Result(
            f"RecipientPane.set_table({ROWS // 1000}k x {table.column_count}) -> first paint, first one",
            first * 1000,
            "ms",
            "trivial constant-string QAbstractTableModel, same grid, setModel -> first paint",
            statistics.median(baselines) * 1000,
            "<= 100 ms",
        )
    )


def _bench_search_sort(app: QApplication, table: Any, twin: Any, report: Callable[[Result], None]) -> None:
    from usosmail_gui.ui.recipients_model import FIRST_DATA_COLUMN
    from usosmail_gui.ui.recipients_view import RecipientPane

    pane = RecipientPane()
    pane.resize(*SIZE)
    pane.show()
    counter = _PaintCounter(pane.view.viewport())
    _timed_paint(app, counter, lambda: pane.set_table(table))
    pane.select_table_rows([ROWS // 2])  # a current, selected row that must follow every change
    model = pane.model

    def core(fn: Callable[[], object]) -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    # search: the first one and then typical ones (each clears the search again in between)
    first = _timed_paint(app, counter, lambda: model.set_search("kowalska"))
    first_core = core(lambda: twin.view("kowalska"))
    shown = model.rowCount()
    _timed_paint(app, counter, lambda: model.set_search(""))
    report(
        Result(
            f"search 50k rows through the model, first ({shown:,} shown; layout change + paint)",
            first * 1000,
            "ms",
            "core table.view alone",
            first_core * 1000,
            "<= 150 ms",
        )
    )
    searches, cores, clears = [], [], []
    for word in ("nowak", "łukasz informatyka", "wiśniewski", "zofia", "fizyka"):
        searches.append(_timed_paint(app, counter, lambda word=word: model.set_search(word)))  # type: ignore[misc]
        cores.append(core(lambda word=word: twin.view(word)))  # type: ignore[misc]
        clears.append(_timed_paint(app, counter, lambda: model.set_search("")))
    report(
        Result(
            "search 50k rows through the model, median of 5 (layout change + paint)",
            statistics.median(searches) * 1000,
            "ms",
            "core table.view alone",
            statistics.median(cores) * 1000,
            "<= 150 ms",
        )
    )
    report(
        Result(
            "clear the search: back to 50k rows (layout change + paint), median",
            statistics.median(clears) * 1000,
            "ms",
            "core table.view alone",
            statistics.median(core(lambda: twin.view("")) for _ in range(5)) * 1000,
            "<= 150 ms",
        )
    )

    # sort: the first sort of a column computes its keys; later ones reuse them
    pane.select_table_rows([ROWS // 2])  # the search hid it; select it again
    view = pane.view
    for data_column, label in ((2, "text (Polish collation)"), (6, "numbers")):
        column = FIRST_DATA_COLUMN + data_column
        first = _timed_paint(
            app, counter, lambda column=column: view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        )  # type: ignore[misc]
        first_core = core(lambda data_column=data_column: twin.view(sort_by=data_column))  # type: ignore[misc]
        report(
            Result(
                f"sort 50k rows by {label} through the model, first (layout change + paint)",
                first * 1000,
                "ms",
                "core table.view alone, first",
                first_core * 1000,
                "<= 150 ms",
            )
        )
    assert pane.current_table_row() == ROWS // 2
    again = [
        _timed_paint(app, counter, lambda order=order: view.sortByColumn(FIRST_DATA_COLUMN + 2, order))  # type: ignore[misc]
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder) * 3
    ]
    again_core = [core(lambda: twin.view(sort_by=2, descending=True)) for _ in range(6)]
    report(
        Result(
            "sort 50k rows through the model, cached keys, median (layout change + paint)",
            statistics.median(again) * 1000,
            "ms",
            "core table.view alone",
            statistics.median(again_core) * 1000,
            "<= 150 ms",
        )
    )
    view.selectAll()
    _settle(app)
    all_selected = [
        _timed_paint(app, counter, lambda order=order: view.sortByColumn(FIRST_DATA_COLUMN + 1, order))  # type: ignore[misc]
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder) * 2
    ]
    report(
        Result(
            "sort 50k rows with every row selected (selection kept), median",
            statistics.median(all_selected) * 1000,
            "ms",
            "core table.view alone",
            statistics.median(again_core) * 1000,
            "<= 150 ms",
        )
    )
    rows = list(range(ROWS))
    exclude = _timed_paint(app, counter, lambda: pane.set_selected_included(False))
    exclude_core = core(lambda: twin.set_included(rows, False))
    report(
        Result(
            "Ctrl+A, exclude the selected rows: 50k checkboxes + summary (+ paint)",
            exclude * 1000,
            "ms",
            "core set_included alone",
            exclude_core * 1000,
            "(no target)",
        )
    )
    pane.close()
    pane.deleteLater()
    _settle(app)


def run(report: Callable[[Result], None]) -> None:
    from usosmail_gui.core import recipients

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = make_workbook(Path(tmp) / "students-50k.xlsx")
        table = recipients.load(path)
        twin = recipients.load(path)  # the baselines' own copy, so cold stays cold
    for each in (table, twin):
        each.prepare_view()  # as the app does in the loading worker
    _bench_first_paint(app, table, report)
    _bench_search_sort(app, table, twin, report)
