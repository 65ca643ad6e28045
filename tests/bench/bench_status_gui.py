"""Applying one status update batch in the GUI thread, 10,000 recipients, offscreen (issue 6, item 7).

Measured: from the moment a ``StatusSnapshot`` arrives in the GUI thread until both views
have painted it — what the main window's slots do with it: ``StatusDock.show_snapshot``
(summary, progress bar, the dock's model reset) and the grid's status column
(``snapshot.row_statuses()`` + ``RecipientsModel.set_statuses``: ``dataChanged`` for the
changed rows of that column only), then ``processEvents`` until the dock's table has
painted and the events that follow (the grid's repaint of what it shows of the changed
rows, if any) are processed. The first batch, which inserts the column, waits for both
views to paint. Target (issue 14): at most 8 ms worst. Baseline, same run: resetting a trivial
QAbstractTableModel of the same size (10,000 x 4) in a plain QTableView until painted.

The statuses are built in memory (no network, no journal); each batch moves a slice of
the recipients from waiting to sent or failed, as successive polls would.
"""

from __future__ import annotations

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
    from usosmail_gui.application.statuses import StatusSnapshot
    from usosmail_gui.ui.recipients_view import RecipientPane
    from usosmail_gui.ui.status_monitor import StatusDock

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
    statuses = _PaintCounter(dock.table.viewport())
    rows = [table.row_number(i) for i in range(table.row_count)]
    snapshots = _snapshots(rows)

    def apply(snapshot: StatusSnapshot) -> None:  # what MainWindow's two slots do
        dock.show_snapshot(snapshot)
        pane.model.set_statuses(snapshot.row_statuses())

    first = _timed(app, [grid, statuses], lambda: apply(snapshots[0]))  # inserts the column
    subject = [
        _timed(app, [statuses], lambda s=s: apply(s), settle_after=True)  # type: ignore[misc]
        for s in snapshots[1:]
    ]

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
                f"apply one status batch ({ROWS // 1000}k): dock reset + grid dataChanged (changed rows) "
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
