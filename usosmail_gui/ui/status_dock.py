"""The "Statuses" dock: each recipient's status with counts per status (which filter
the table), the progress bar and the polling state of the campaign shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontMetrics
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

from usosmail_gui.application.statuses import StatusSnapshot
from usosmail_gui.core.counts import campaign_counts_of
from usosmail_gui.core.statuses import Status, StatusCounts
from usosmail_gui.core.usos.models import SystemStatus
from usosmail_gui.ui.colours import Tone, text_style
from usosmail_gui.ui.numbers import number as number_text
from usosmail_gui.ui.status_display import StatusIcons, campaign_counts_text, finished_text, status_text
from usosmail_gui.ui.status_poller import StatusBatch
from usosmail_gui.ui.status_table import (
    ALL,
    FAILED,
    FILTERS,
    LEFT_OUT,
    NOT_SENT,
    SENT,
    UNCERTAIN,
    WAITING,
    StatusTableModel,
    filter_count,
)
from usosmail_gui.ui.texts import daemon_stopped_text, subject_as_written

__all__ = ["StatusDock"]


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
