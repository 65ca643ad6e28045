"""Applying one status update batch in the GUI thread, 10,000 recipients, offscreen (issue 6, item 7).

Measured: from the moment a ``StatusSnapshot`` arrives in the GUI thread until both views
have painted it — what the main window's slots do with it: ``StatusDock.show_snapshot``
(counts, progress bar, ``dataChanged`` for the dock's changed rows only; a reset only
for another campaign or filter) and the grid's status column
(``snapshot.row_statuses()`` + ``RecipientsModel.set_statuses``: ``dataChanged`` for the
changed rows of that column only), then ``processEvents`` until the dock's progress bar has
painted and the events that follow (the repaint of what the dock's table and the grid
show of the changed rows, if any) are processed. The first batch, which inserts the column, waits for both
views to paint. Target (issue 14): at most 8 ms worst. Baseline, same run: resetting a trivial
QAbstractTableModel of the same size (10,000 x 4) in a plain QTableView until painted.

The statuses are built in memory (no network, no journal); each batch moves a slice of
the recipients from waiting to sent or failed, as successive polls would, and which rows
changed is found before the clock starts, as the poller's worker finds it
(``status_poller.with_changes``): the GUI thread touches only those rows.
"""

from __future__ import annotations

import gc
import itertools
import statistics
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget

from tests.bench.bench_recipients_qt import ConstantModel
from tests.bench.harness import Result

ROWS = 10_000
BATCHES = 12
SIZE = (1280, 900)
PAINT_TIMEOUT_S = 10.0


class _PaintCounter(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _timed(
    app: QApplication,
    counters: list[_PaintCounter],
    action: Callable[[], object],
    *,
    settle_after: bool = False,
) -> float:
    """Seconds from ``action()`` until every counted widget has painted again (and, with
    ``settle_after``, until the events that follow are processed too: the grid repaints a
    status batch only where it shows changed rows, so it may have nothing to paint)."""
    _settle(app)
    before = [c.count for c in counters]
    start = time.perf_counter()
    action()
    deadline = start + PAINT_TIMEOUT_S
    while any(c.count == b for c, b in zip(counters, before, strict=True)):
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("a view did not paint")
    if settle_after:
        _settle(app)
    return time.perf_counter() - start


def _snapshots(table_rows: list[int]) -> list[object]:
    from usosmail_gui.application.statuses import StatusSnapshot
    from usosmail_gui.core.statuses import RecipientStatusView, Status, count_statuses

    snapshots: list[object] = []
    step = ROWS // BATCHES
    for batch in range(BATCHES + 1):
        done = batch * step
        views = []
        for i, row in enumerate(table_rows):
            status = (Status.FAILED if i % 37 == 0 else Status.SENT) if i < done else Status.WAITING
            views.append(
                RecipientStatusView(
                    row=row,
                    addresses=(f"student{i}@student.example.edu.pl",),
                    values={},
                    message_id=f"m{i}",
                    status=status,
                    error="550 mailbox unavailable" if status is Status.FAILED else None,
                    enqueued_at="2026-01-01T10:00:00+00:00",
                    finished_at=None,
                )
            )
        snapshots.append(
            StatusSnapshot("c1", "Exam dates", tuple(views), count_statuses(views), source_path="memory.csv")
        )
    return snapshots


def run(report: Callable[[Result], None]) -> None:
    from tests.helpers.tables import demo_rows, make_table
    from usosmail_gui.ui import heap
    from usosmail_gui.ui.recipients_view import RecipientPane
    from usosmail_gui.ui.status_dock import StatusDock
    from usosmail_gui.ui.status_poller import StatusBatch, with_changes

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([])

    window = QMainWindow()
    pane = RecipientPane()
    window.setCentralWidget(pane)
    dock = StatusDock(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resize(*SIZE)
    window.show()
    table = make_table(demo_rows(ROWS))
    pane.set_table(table)
    _settle(app)
    grid = _PaintCounter(pane.view.viewport())
    # the dock's progress bar moves with every batch; its table repaints only where it
    # shows changed rows (``settle_after`` processes that repaint, if any)
    statuses = _PaintCounter(dock.progress)
    rows = [table.row_number(i) for i in range(table.row_count)]
    thresholds = gc.get_threshold()
    heap.tune_collector()  # as the app does at start
    snapshots = _snapshots(rows)
    batches = [StatusBatch(snapshots[0])]  # in the worker, each batch compared with the last
    for previous, snapshot in itertools.pairwise(snapshots):
        batches.append(with_changes(previous, lambda s=snapshot: s))  # type: ignore[misc]
    heap.settle()  # as after a list is loaded

    def apply(batch: StatusBatch) -> None:  # what the window's two slots do (window/statuses.py)
        dock.show_batch(batch)
        previous = batch.previous
        since = None if previous is None else previous.row_statuses()
        pane.model.set_statuses(batch.snapshot.row_statuses(), changed=batch.changed, since=since)

    first = _timed(app, [grid, statuses], lambda: apply(batches[0]))  # inserts the column
    subject = [
        _timed(app, [statuses], lambda b=b: apply(b), settle_after=True)  # type: ignore[misc]
        for b in batches[1:]
    ]
    gc.set_threshold(*thresholds)

    view = QTableView()
    view.resize(SIZE[0], SIZE[1] // 2)
    view.show()
    model = ConstantModel(ROWS, 4)
    view.setModel(model)
    _settle(app)
    plain = _PaintCounter(view.viewport())

    def reset() -> None:
        model.beginResetModel()
        model.endResetModel()

    baseline = [_timed(app, [plain], reset) for _ in range(len(subject))]
    print(
        f"  {ROWS:,} recipients, {len(subject)} batches: first (status column inserted) "
        f"{first * 1000:.1f} ms; median {statistics.median(subject) * 1000:.1f} ms, "
        f"worst {max(subject) * 1000:.1f} ms; baseline median {statistics.median(baseline) * 1000:.1f} ms, "
        f"worst {max(baseline) * 1000:.1f} ms"
    )
    for label, value in (("median", statistics.median(subject)), ("worst", max(subject))):
        report(
            Result(
                f"apply one status batch ({ROWS // 1000}k): dock and grid dataChanged (changed rows) "
                f"+ paint, {label}",
                value * 1000,
                "ms",
                "trivial QAbstractTableModel 10k x 4 reset + paint, median",
                statistics.median(baseline) * 1000,
                "<= 8 ms worst (issue 14)",
            )
        )
    report(
        Result(
            f"apply the first status batch ({ROWS // 1000}k): status column inserted + both painted",
            first * 1000,
            "ms",
            "trivial QAbstractTableModel 10k x 4 reset + paint, median",
            statistics.median(baseline) * 1000,
            "<= 16 ms",
        )
    )
    view.close()
    window.close()
    view.deleteLater()
    window.deleteLater()
    _settle(app)
