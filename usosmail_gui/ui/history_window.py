"""Campaign history: the journal's campaigns (read in a worker), opened into the status
dock, their reports exported (.xlsx/.csv) in a worker, and the students' personal data:
until when each campaign keeps it, the retention period (core/retention.py), and "Delete
campaign", which purges one at once (each in a worker). "Close campaign…" ends one that
is not finished (nothing more of it is sent; uncertain recipients stay uncertain). Each
campaign says which installation it went through (the built-in sandbox's practice
campaigns, in a journal of their own, as such), its subject as written with its
placeholders marked, and whether it is finished, interrupted or closed. The work is the
application layer's (``application.campaigns``, ``application.reports``); this window
shows it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.application import campaigns
from usosmail_gui.application.campaigns import CampaignRow, Listing
from usosmail_gui.application.reports import export_report
from usosmail_gui.core.counts import campaign_counts_of
from usosmail_gui.core.journal import CampaignBusy, CampaignRecord, JournalError
from usosmail_gui.core.report import ReportError
from usosmail_gui.core.retention import MAX_DAYS, MIN_DAYS, Forgotten
from usosmail_gui.ui.confirm_box import ask_first
from usosmail_gui.ui.numbers import counted, number
from usosmail_gui.ui.problem_texts import journal_error_text
from usosmail_gui.ui.status_display import campaign_counts_text, finished_text
from usosmail_gui.ui.texts import subject_as_written
from usosmail_gui.ui.workers import Task, run_in_background

__all__ = ["HistoryWindow"]

# the table's columns
DATE, SUBJECT, INSTALLATION, STATE, RECIPIENTS, STATUSES, TRACKING, DATA = range(8)
# at first a column is at most this many characters wide (the tip shows the rest), so that
# all of them fit a 1366-pixel screen
_WIDEST = {SUBJECT: 30, STATUSES: 36, INSTALLATION: 24}
_WIDE = 22


def _local_date(text: str) -> str:
    try:
        return f"{datetime.fromisoformat(text).astimezone():%Y-%m-%d}"
    except ValueError:
        return text[:10]


class HistoryWindow(QDialog):
    """Lists the journal's campaigns; "Open" shows one in the status dock.

    Signals:
        campaignOpened(str, bool): the campaign chosen, and whether it is still trackable.
        loaded(object): the list of ``CampaignRow`` shown.
        reportWritten(str): the report's path, once written.
        reportFailed(str): why the report could not be written.
        retryRequested(str, bool): send again to the campaign's failed recipients (and,
            if True, its uncertain ones); the main window asks for confirmation.
        campaignDeleted(str): the campaign whose personal data was just deleted.
        campaignClosed(str): the campaign just closed (nothing more of it is sent).
        retentionSaved(int): the days personal data is kept from now on.
    """

    campaignOpened = Signal(str, bool)
    campaignDeleted = Signal(str)
    campaignClosed = Signal(str)
    retentionSaved = Signal(int)
    loaded = Signal(object)
    reportWritten = Signal(str)
    reportFailed = Signal(str)
    retryRequested = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._clock = clock  # None: the real time
        self.setObjectName("historyWindow")
        self.setWindowTitle(self.tr("Campaigns"))
        self.setAccessibleName(self.tr("Campaign history"))
        self.resize(820, 420)
        self.rows: list[CampaignRow] = []
        self._task: Task | None = None
        self.file_dialog: QFileDialog | None = None
        self.message_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        self.state_label = QLabel(self.tr("Reading the journal…"), self)
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName(self.tr("History state"))
        layout.addWidget(self.state_label)
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("Campaigns"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Subject"),
                self.tr("Installation"),
                self.tr("State"),
                self.tr("Recipients"),
                self.tr("Statuses"),
                self.tr("Tracking"),
                self.tr("Students' data"),
            ]
        )
        header_tips = (
            self.tr("When the campaign was sent."),
            self.tr(
                "The subject as written in the template: each ‹placeholder› was filled in from the "
                "student's row (the tip shows what the first student got)."
            ),
            self.tr("The USOS installation the campaign was sent through, or the local sandbox."),
            self.tr(
                "Finished, interrupted (Send ▸ Interrupted campaigns… resumes it) or closed "
                "(nothing more of it is sent)."
            ),
            self.tr("How many recipients the campaign has (rows left out of the list not counted)."),
            self.tr(
                "How many messages are sent, failed or waiting, as last asked from USOS, and how many "
                "rows were left out of the list."
            ),
            self.tr("Whether USOS still knows the statuses: it keeps them for 7 days."),
            self.tr(
                "Until when the journal keeps the students' names, addresses and cells of the "
                "campaign, or when they were deleted (its counts and dates stay)."
            ),
        )
        for column, tip in enumerate(header_tips):
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(tip)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # the user widens any
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("xxxx"))
        self._fitted = False  # the columns are fitted to the first list read, then left to the user
        self._fit_columns()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setAccessibleName(self.tr("Open the campaign's statuses"))
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton(self.tr("&Export report…"), self)
        self.export_button.setAccessibleName(self.tr("Export the campaign's report"))
        self.export_button.clicked.connect(self.choose_report_file)
        self.received_button = QPushButton(self.tr("What a student &received…"), self)
        self.received_button.setAccessibleName(self.tr("Show what a student of the campaign received"))
        self.received_button.setToolTip(
            self.tr(
                "The exact subject and content a chosen student was sent, with its status history; "
                "print it or save it as a PDF."
            )
        )
        self.received_button.clicked.connect(self.show_received)
        self.received_dialog: QDialog | None = None
        self.reload_button = QPushButton(self.tr("&Reload"), self)
        self.reload_button.setAccessibleName(self.tr("Read the campaigns again"))
        self.reload_button.clicked.connect(self.reload)
        self.retry_button = QPushButton(self.tr("Send &again to failed…"), self)
        self.retry_button.setAccessibleName(self.tr("Send again to the campaign's failed recipients"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.delete_button = QPushButton(self.tr("&Delete campaign…"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the campaign's personal data"))
        self.delete_button.setToolTip(
            self.tr(
                "Delete the students' names, addresses, cells and statuses of this campaign from the "
                "journal now; its dates and counts stay."
            )
        )
        self.delete_button.clicked.connect(self.ask_delete_selected)
        self.close_button = QPushButton(self.tr("C&lose campaign…"), self)
        self.close_button.setObjectName("closeCampaignButton")
        self.close_button.setAccessibleName(self.tr("Close the campaign"))
        self.close_button.setToolTip(
            self.tr(
                "End this unfinished campaign: nothing more of it will be sent, and it is not "
                "offered at start any more. Uncertain recipients stay listed as uncertain."
            )
        )
        self.close_button.clicked.connect(self.ask_close_selected)
        self.uncertain_box = QCheckBox(self.tr("Include &uncertain recipients"), self)
        self.uncertain_box.setAccessibleName(self.tr("Also send again to uncertain recipients"))
        self.uncertain_box.setToolTip(
            self.tr("Recipients whose send request's outcome is unknown: they may get the message twice.")
        )
        layout.addWidget(self.uncertain_box)
        keep = QHBoxLayout()
        self.retention_label = QLabel(self.tr("&Keep the students' data for"), self)
        self.retention_box = QSpinBox(self)
        self.retention_box.setObjectName("retentionDays")
        self.retention_box.setAccessibleName(self.tr("Days the students' data is kept"))
        self.retention_box.setRange(MIN_DAYS, MAX_DAYS)
        self.retention_box.setSuffix(self.tr(" days"))
        self.retention_box.setEnabled(False)  # until the journal's setting is read
        self.retention_label.setBuddy(self.retention_box)
        self.retention_after = QLabel(self.tr("after a campaign's last status, then delete it."), self)
        self.retention_button = QPushButton(self.tr("&Save"), self)
        self.retention_button.setAccessibleName(self.tr("Save how long the students' data is kept"))
        self.retention_button.clicked.connect(self.save_retention)
        self.retention_button.setEnabled(False)
        self.retention_box.valueChanged.connect(lambda _days: self._update_buttons())
        for widget in (self.retention_label, self.retention_box, self.retention_after):
            keep.addWidget(widget)
        keep.addStretch(1)
        keep.addWidget(self.retention_button)
        layout.addLayout(keep)
        self.retention_days: int | None = None
        self.read_only = False
        self.confirm_box: QMessageBox | None = None
        for button in (
            self.open_button,
            self.received_button,
            self.export_button,
            self.retry_button,
            self.close_button,
            self.delete_button,
            self.reload_button,
        ):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_buttons()
        self.reload()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def reload(self) -> None:
        """Read the campaigns again (in a worker)."""
        if self._task is not None:
            return
        self.state_label.setText(self.tr("Reading the journal…"))
        now = self._clock() if self._clock is not None else None
        self._start(campaigns.list_campaigns, now, on_result=self._show)

    def _start(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], Any],
        on_error: Callable[[Exception], Any] | None = None,
    ) -> None:
        task = run_in_background(
            fn, *args, parent=self, on_result=on_result, on_error=on_error or self._failed
        )
        task.finished.connect(lambda: self._ended(task))
        self._task = task
        self._update_buttons()

    def _ended(self, task: Task) -> None:
        if task is self._task:
            self._task = None
        task.deleteLater()
        self._update_buttons()

    def _show(self, listing: Listing) -> None:
        rows = listing.rows
        self.rows = rows
        self.read_only = listing.read_only
        self.retention_days = listing.retention_days
        self.retention_box.blockSignals(True)
        self.retention_box.setValue(listing.retention_days)
        self.retention_box.blockSignals(False)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            created = row.created_at
            try:
                created = datetime.fromisoformat(row.created_at).astimezone().strftime("%Y-%m-%d %H:%M")
            except ValueError:
                pass
            counts = campaign_counts_of(row.counts)  # as the Statuses panel counts them
            statuses = campaign_counts_text(counts)
            if counts.messages:
                statuses += " · " + finished_text(counts)
            tracking = self.tr("trackable") if row.trackable else self.tr("expired")
            subject = self._subject_text(row) + (" " + self.tr("(test)") if row.is_test else "")
            if row.purged_at is not None:
                data = self.tr("deleted {date}").format(date=_local_date(row.purged_at))
            elif row.kept_until is not None:
                data = self.tr("kept until {date}").format(date=f"{row.kept_until.astimezone():%Y-%m-%d}")
            else:
                data = ""
            cells = {
                DATE: created,
                SUBJECT: subject,
                INSTALLATION: self._installation_text(row),
                STATE: self._state_text(row),
                RECIPIENTS: number(row.total),
                STATUSES: statuses,
                TRACKING: tracking,
                DATA: data,
            }
            tips = {
                SUBJECT: self._subject_tip(row),
                INSTALLATION: row.installation,
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setToolTip(tips.get(column) or text)
                if column == RECIPIENTS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, column, item)
        if rows and not self._fitted:
            self._fitted = True
            self._fit_columns()
        if rows:
            self.table.selectRow(0)
        if listing.sandbox:
            self.state_label.setText(
                counted(
                    self.tr(
                        "%n practice campaign(s) of the local sandbox. Real campaigns are listed when "
                        "the window is connected to your university.",
                        "",
                        len(rows),
                    ),
                    len(rows),
                )
            )
        else:
            said = self.tr("%n campaign(s) in the journal.", "", len(rows))
            self.state_label.setText(counted(said, len(rows)))
        self.loaded.emit(rows)

    # --- what a row says ------------------------------------------------------------------
    def _subject_text(self, row: CampaignRow) -> str:
        """The subject as written, each placeholder shown as ‹name› (not as the raw {name})."""
        return subject_as_written(row.subject)

    def _subject_tip(self, row: CampaignRow) -> str:
        written = self._subject_text(row)
        if row.first_subject is None or row.first_subject == written:
            return written
        return self.tr("{subject}\nThe first student got: “{first}”").format(
            subject=written, first=row.first_subject
        )

    def _installation_text(self, row: CampaignRow) -> str:
        if row.sandbox:
            return self.tr("Sandbox (practice)")
        from urllib.parse import urlsplit

        parts = urlsplit(row.installation)
        return (parts.netloc + parts.path.rstrip("/")) or row.installation

    def _state_text(self, row: CampaignRow) -> str:
        if row.closed_at is not None:
            return self.tr("closed {date}").format(date=_local_date(row.closed_at))
        if row.interrupted:
            return self.tr("interrupted")
        return self.tr("sending finished")

    def _fit_columns(self) -> None:
        """Every column at least as wide as its header's text and, at first, as its content
        (up to a few dozen characters: the tip shows the rest); the window as wide as they
        need, within the screen."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        padding = metrics.horizontalAdvance("x") + header.style().pixelMetric(
            header.style().PixelMetric.PM_HeaderMargin
        ) * 2
        em = metrics.horizontalAdvance("x")
        total = 0
        for column in range(self.table.columnCount()):
            item = self.table.horizontalHeaderItem(column)
            least = metrics.horizontalAdvance(item.text() if item is not None else "") + padding
            content = self.table.sizeHintForColumn(column) if self.table.rowCount() else 0
            width = max(least, min(content + padding, em * _WIDEST.get(column, _WIDE)))
            header.resizeSection(column, width)
            total += width
        screen = self.screen().availableGeometry().width() if self.screen() is not None else 1366
        wanted = total + self.table.frameWidth() * 2 + 48 + self.table.verticalScrollBar().sizeHint().width()
        if wanted > self.width():
            self.resize(min(wanted, screen - 40), self.height())

    def _failed(self, exc: Exception) -> None:
        error = journal_error_text(exc) if isinstance(exc, JournalError) else str(exc)
        self.state_label.setText(self.tr("The journal cannot be read: {error}").format(error=error))

    def selected(self) -> CampaignRow | None:
        """The campaign selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        row = self.selected()
        live = row is not None and row.purged_at is None
        failures = row is not None and (row.counts.failed > 0 or row.counts.uncertain > 0)
        self.retry_button.setEnabled(live and failures)
        self.received_button.setEnabled(live)
        self.export_button.setEnabled(chosen and self._task is None)
        writable = self.retention_days is not None and not self.read_only and self._task is None
        self.delete_button.setEnabled(live and writable)
        unfinished = row is not None and row.interrupted and row.closed_at is None
        self.close_button.setEnabled(live and unfinished and not self.read_only and self._task is None)
        self.retention_box.setEnabled(writable)
        self.retention_button.setEnabled(writable and self.retention_box.value() != self.retention_days)

    # --- personal data -------------------------------------------------------------------
    def ask_delete_selected(self) -> QMessageBox | None:
        """Ask (a non-blocking box) before the selected campaign's personal data is deleted."""
        row = self.selected()
        if row is None or row.purged_at is not None:
            return None
        self.confirm_box = ask_first(
            self,
            title=self.tr("Delete the campaign's data"),
            text=self.tr("Delete the students' data of campaign {id} now?").format(id=row.id),
            informative=self.tr(
                "Their names, addresses, cells, messages and statuses are deleted from the journal at "
                "once and cannot be brought back. The campaign's dates and counts stay; export its "
                "report first if the dean needs it."
            ),
            yes_text=self.tr("&Delete"),
            then=lambda: self.delete(row.id),
        )
        return self.confirm_box

    def ask_close_selected(self) -> QMessageBox | None:
        """Ask (a non-blocking box, Cancel the default) before the selected campaign is closed."""
        row = self.selected()
        if row is None or row.closed_at is not None or not row.interrupted:
            return None
        self.confirm_box = ask_first(
            self,
            title=self.tr("Close the campaign"),
            text=self.tr("Close campaign {id}? Nothing more of it will be sent.").format(id=row.id),
            informative=self.tr(
                "Recipients never sent will not get this message; uncertain ones stay listed as "
                "uncertain (they may or may not have it). The campaign is not offered at start any "
                "more; it stays in this list, as closed, with its statuses and report. To write to "
                "its students again, send a new campaign."
            ),
            yes_text=self.tr("&Close campaign"),
            then=lambda: self.close_campaign(row.id),
            name="closeCampaignBox",
        )
        return self.confirm_box

    def close_campaign(self, campaign: str) -> None:
        """Close ``campaign`` (in a worker), then read the list again."""
        if self._task is not None:
            return
        self.state_label.setText(self.tr("Closing the campaign…"))
        self._start(campaigns.close_campaign, campaign, on_result=self._closed, on_error=self._close_failed)

    def _closed(self, record: CampaignRecord) -> None:
        self._release()
        self.state_label.setText(
            self.tr("Campaign {id} is closed: nothing more of it will be sent.").format(id=record.id)
        )
        self.campaignClosed.emit(record.id)
        self.reload()

    def _close_failed(self, exc: Exception) -> None:
        self._release()
        if isinstance(exc, CampaignBusy):
            text = self.tr(
                "This campaign is being sent right now: it can be closed once that has stopped. "
                "Nothing was changed."
            )
        else:
            error = journal_error_text(exc) if isinstance(exc, JournalError) else str(exc)
            text = self.tr("The campaign was not closed: {error}").format(error=error)
        self.state_label.setText(text)

    def delete(self, campaign: str) -> None:
        """Delete ``campaign``'s personal data (in a worker), then read the list again."""
        if self._task is not None:
            return
        self.state_label.setText(self.tr("Deleting the students' data…"))
        self._start(
            campaigns.delete_campaign, campaign, on_result=self._deleted, on_error=self._change_failed
        )

    def _deleted(self, done: Forgotten) -> None:
        self._release()
        self.state_label.setText(
            self.tr("The students' data of campaign {id} was deleted; its dates and counts stay.").format(
                id=done.campaign
            )
        )
        self.campaignDeleted.emit(done.campaign)
        self.reload()

    def save_retention(self) -> None:
        """Keep personal data the chosen number of days from now on (in a worker)."""
        if self._task is not None:
            return
        days = self.retention_box.value()
        self._start(campaigns.save_retention, days, on_result=lambda _purged: self._retention_saved(days))

    def _retention_saved(self, days: int) -> None:
        self._release()
        self.retention_days = days
        self.retentionSaved.emit(days)
        self.reload()

    def _change_failed(self, exc: Exception) -> None:
        self._release()
        if isinstance(exc, CampaignBusy):
            text = self.tr(
                "This campaign is being sent right now: its data can be deleted once it has finished."
            )
        else:
            error = journal_error_text(exc) if isinstance(exc, JournalError) else str(exc)
            text = self.tr("Nothing was deleted: {error}").format(error=error)
        self.state_label.setText(text)

    def open_selected(self) -> None:
        """Show the selected campaign's statuses (polling resumes if it is trackable)."""
        row = self.selected()
        if row is not None:
            self.campaignOpened.emit(row.id, row.trackable)

    def show_received(self, row: int | None = None) -> QDialog | None:
        """What a student of the selected campaign received (a window of its own)."""
        from .received_view import ReceivedDialog

        selected = self.selected()
        if selected is None or selected.purged_at is not None:
            return None
        dialog = ReceivedDialog(selected.id, self, row=row)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.received_dialog = dialog
        dialog.show()
        return dialog

    def retry_selected(self) -> None:
        """Ask the main window to confirm a new campaign of the selected one's failures."""
        row = self.selected()
        if row is not None:
            self.retryRequested.emit(row.id, self.uncertain_box.isChecked())

    def choose_report_file(self) -> QFileDialog | None:
        """Ask where to write the selected campaign's report (a non-blocking dialog)."""
        row = self.selected()
        if row is None:
            return None
        dialog = QFileDialog(self, self.tr("Export report"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Excel workbook (*.xlsx)"), self.tr("CSV file (*.csv)")])
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(f"report-{row.id}.xlsx")
        dialog.fileSelected.connect(lambda path: self.export(row.id, Path(path)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def export(self, campaign: str, path: Path) -> None:
        """Write the report of ``campaign`` to ``path`` (.xlsx or .csv) in a worker."""
        if self._task is not None:
            return
        self.state_label.setText(self.tr("Writing the report…"))
        polish = QLocale().language() == QLocale.Language.Polish  # the report speaks the window's language
        self._start(
            export_report,
            campaign,
            path,
            "pl" if polish else "en",
            QCoreApplication.translate,
            on_result=lambda n: self._written(path, n),
            on_error=self._report_failed,
        )

    def _release(self) -> None:
        """The job's answer is in: the window is free again before anyone hears of it."""
        self._task = None
        self._update_buttons()

    def _written(self, path: Path, count: int) -> None:
        self._release()
        self.state_label.setText(
            counted(self.tr("Report written: %n row(s) to {path}.", "", count), count).format(path=path)
        )
        self.reportWritten.emit(str(path))

    def _report_failed(self, exc: Exception) -> None:
        self._release()
        if isinstance(exc, ReportError):
            text = str(exc)
        else:
            error = journal_error_text(exc) if isinstance(exc, JournalError) else str(exc)
            text = self.tr("The report could not be written: {error}").format(error=error)
        self.state_label.setText(text)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The report was not written"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
        self.reportFailed.emit(text)

    def done(self, result: int) -> None:
        """Closing drops pending answers (the jobs end on their own)."""
        if self._task is not None:
            self._task.cancel()
        super().done(result)
