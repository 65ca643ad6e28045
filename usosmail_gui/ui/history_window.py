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

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
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
from usosmail_gui.core.journal import CampaignBusy, CampaignRecord, JournalError
from usosmail_gui.core.report import ReportError
from usosmail_gui.core.retention import MAX_DAYS, MIN_DAYS, Forgotten
from usosmail_gui.ui.campaign_cells import (
    DATA,
    DATE,
    INSTALLATION,
    RECIPIENTS,
    STATE,
    STATUSES,
    SUBJECT,
    TRACKING,
    fit_columns,
    header_texts,
    header_tips,
    row_cells,
    widen_to_headers,
)
from usosmail_gui.ui.campaign_questions import ask_close, ask_delete
from usosmail_gui.ui.numbers import counted
from usosmail_gui.ui.problem_texts import journal_error_text
from usosmail_gui.ui.workers import Task, run_in_background

__all__ = ["HistoryWindow"]

__all__ += ["DATA", "DATE", "INSTALLATION", "RECIPIENTS", "STATE", "STATUSES", "SUBJECT", "TRACKING"]


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
        self.resize(820, 420)
        self.rows: list[CampaignRow] = []
        self._task: Task | None = None
        self.file_dialog: QFileDialog | None = None
        self.message_box: QMessageBox | None = None
        self._state: Callable[[], str] = lambda: self.tr("Reading the journal…")
        self._sandbox = False
        layout = QVBoxLayout(self)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("historyTable")
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
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        layout.addWidget(self.table)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.choose_report_file)
        self.received_button = QPushButton(self)
        self.received_button.clicked.connect(self.show_received)
        self.received_dialog: QDialog | None = None
        self.reload_button = QPushButton(self)
        self.reload_button.clicked.connect(self.reload)
        self.retry_button = QPushButton(self)
        self.retry_button.clicked.connect(self.retry_selected)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.ask_delete_selected)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeCampaignButton")
        self.close_button.clicked.connect(self.ask_close_selected)
        self.uncertain_box = QCheckBox(self)
        layout.addWidget(self.uncertain_box)
        keep = QHBoxLayout()
        self.retention_label = QLabel(self)
        self.retention_box = QSpinBox(self)
        self.retention_box.setObjectName("retentionDays")
        self.retention_box.setRange(MIN_DAYS, MAX_DAYS)
        self.retention_box.setEnabled(False)  # until the journal's setting is read
        self.retention_label.setBuddy(self.retention_box)
        self.retention_after = QLabel(self)
        self.retention_button = QPushButton(self)
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
            self.button_box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        self.retranslate()
        self._update_buttons()
        self.reload()

    def retranslate(self) -> None:
        """Every text in the language now installed: the title, the buttons, the headers,
        each campaign's cells and the state line (written again from what was last said);
        the selection, the scroll and the widths the user chose stay."""
        self.setWindowTitle(self.tr("Campaigns"))
        self.setAccessibleName(self.tr("Campaign history"))
        self.state_label.setAccessibleName(self.tr("History state"))
        self.table.setAccessibleName(self.tr("Campaigns"))
        self.table.setHorizontalHeaderLabels(header_texts())
        for column, tip in enumerate(header_tips()):
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(tip)
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setAccessibleName(self.tr("Open the campaign's statuses"))
        self.export_button.setText(self.tr("&Export report…"))
        self.export_button.setAccessibleName(self.tr("Export the campaign's report"))
        self.received_button.setText(self.tr("What a student &received…"))
        self.received_button.setAccessibleName(self.tr("Show what a student of the campaign received"))
        self.received_button.setToolTip(
            self.tr(
                "The exact subject and content a chosen student was sent, with its status history; "
                "print it or save it as a PDF."
            )
        )
        self.reload_button.setText(self.tr("&Reload"))
        self.reload_button.setAccessibleName(self.tr("Read the campaigns again"))
        self.retry_button.setText(self.tr("Send &again to failed…"))
        self.retry_button.setAccessibleName(self.tr("Send again to the campaign's failed recipients"))
        self.delete_button.setText(self.tr("&Delete campaign…"))
        self.delete_button.setAccessibleName(self.tr("Delete the campaign's personal data"))
        self.delete_button.setToolTip(
            self.tr(
                "Delete the students' names, addresses, cells and statuses of this campaign from the "
                "journal now; its dates and counts stay."
            )
        )
        self.close_button.setText(self.tr("C&lose campaign…"))
        self.close_button.setAccessibleName(self.tr("Close the campaign"))
        self.close_button.setToolTip(
            self.tr(
                "End this unfinished campaign: nothing more of it will be sent, and it is not "
                "offered at start any more. Uncertain recipients stay listed as uncertain."
            )
        )
        self.uncertain_box.setText(self.tr("Include &uncertain recipients"))
        self.uncertain_box.setAccessibleName(self.tr("Also send again to uncertain recipients"))
        self.uncertain_box.setToolTip(
            self.tr("Recipients whose send request's outcome is unknown: they may get the message twice.")
        )
        self.retention_label.setText(self.tr("&Keep the students' data for"))
        self.retention_box.setAccessibleName(self.tr("Days the students' data is kept"))
        self.retention_box.setSuffix(self.tr(" days"))
        self.retention_after.setText(self.tr("after a campaign's last status, then delete it."))
        self.retention_button.setText(self.tr("&Save"))
        self.retention_button.setAccessibleName(self.tr("Save how long the students' data is kept"))
        self._fill_cells()
        self._fit_columns(grow_only=True)
        self.state_label.setText(self._state())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _say(self, state: Callable[[], str]) -> None:
        """The state line, written now and again after a language switch."""
        self._state = state
        self.state_label.setText(state())

    @property
    def busy(self) -> bool:
        return self._task is not None

    def reload(self) -> None:
        """Read the campaigns again (in a worker)."""
        if self._task is not None:
            return
        self._say(lambda: self.tr("Reading the journal…"))
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
        self._fill_cells()
        if rows and not self._fitted:
            self._fitted = True
            self._fit_columns()
        if rows:
            self.table.selectRow(0)
        self._sandbox = listing.sandbox
        self._say(self._listed_text)
        self.loaded.emit(rows)

    def _listed_text(self) -> str:
        n = len(self.rows)
        if self._sandbox:
            return counted(
                self.tr(
                    "%n practice campaign(s) of the local sandbox. Real campaigns are listed when "
                    "the window is connected to your university.",
                    "",
                    n,
                ),
                n,
            )
        return counted(self.tr("%n campaign(s) in the journal.", "", n), n)

    def _fill_cells(self) -> None:
        """Each campaign's cells in the language now installed (the items kept, so the
        selection and the scroll stay)."""
        for i, row in enumerate(self.rows[: self.table.rowCount()]):
            for column, (text, tip) in row_cells(row).items():
                item = self.table.item(i, column)
                if item is None:
                    item = QTableWidgetItem()
                    item.setData(Qt.ItemDataRole.UserRole, row.id)
                    if column == RECIPIENTS:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(i, column, item)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setText(text)
                item.setToolTip(tip)

    def _fit_columns(self, *, grow_only: bool = False) -> None:
        """The columns as wide as their headers and content, within the screen (the long
        ones give way first; their tips show the rest), the window as wide as they need.
        ``grow_only`` (after a language switch): only columns too narrow for their new
        header widen, so the widths the user chose stay."""
        if grow_only:
            widen_to_headers(self.table)
            return
        screen = self.screen().availableGeometry().width() if self.screen() is not None else 1366
        chrome = self.table.frameWidth() * 2 + 48 + self.table.verticalScrollBar().sizeHint().width()
        room = max(self.width(), screen - 40) - chrome
        total = fit_columns(self.table, room)
        if total + chrome > self.width():
            self.resize(min(total + chrome, screen - 40), self.height())

    def _failed(self, exc: Exception) -> None:
        self._say(lambda: self.tr("The journal cannot be read: {error}").format(error=self._error_text(exc)))

    @staticmethod
    def _error_text(exc: Exception) -> str:
        return journal_error_text(exc) if isinstance(exc, JournalError) else str(exc)

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
        self.confirm_box = ask_delete(self, row, lambda: self.delete(row.id))
        return self.confirm_box

    def ask_close_selected(self) -> QMessageBox | None:
        """Ask (a non-blocking box, Cancel the default) before the selected campaign is closed."""
        row = self.selected()
        if row is None or row.closed_at is not None or not row.interrupted:
            return None
        self.confirm_box = ask_close(self, row, lambda: self.close_campaign(row.id))
        return self.confirm_box

    def close_campaign(self, campaign: str) -> None:
        """Close ``campaign`` (in a worker), then read the list again."""
        if self._task is not None:
            return
        self._say(lambda: self.tr("Closing the campaign…"))
        self._start(campaigns.close_campaign, campaign, on_result=self._closed, on_error=self._close_failed)

    def _closed(self, record: CampaignRecord) -> None:
        self._release()
        self._say(
            lambda: self.tr("Campaign {id} is closed: nothing more of it will be sent.").format(id=record.id)
        )
        self.campaignClosed.emit(record.id)
        self.reload()

    def _close_failed(self, exc: Exception) -> None:
        self._release()

        def text() -> str:
            if isinstance(exc, CampaignBusy):
                return self.tr(
                    "This campaign is being sent right now: it can be closed once that has stopped. "
                    "Nothing was changed."
                )
            return self.tr("The campaign was not closed: {error}").format(error=self._error_text(exc))

        self._say(text)

    def delete(self, campaign: str) -> None:
        """Delete ``campaign``'s personal data (in a worker), then read the list again."""
        if self._task is not None:
            return
        self._say(lambda: self.tr("Deleting the students' data…"))
        self._start(
            campaigns.delete_campaign, campaign, on_result=self._deleted, on_error=self._change_failed
        )

    def _deleted(self, done: Forgotten) -> None:
        self._release()
        self._say(
            lambda: self.tr(
                "The students' data of campaign {id} was deleted; its dates and counts stay."
            ).format(id=done.campaign)
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

        def text() -> str:
            if isinstance(exc, CampaignBusy):
                return self.tr(
                    "This campaign is being sent right now: its data can be deleted once it has finished."
                )
            return self.tr("Nothing was deleted: {error}").format(error=self._error_text(exc))

        self._say(text)

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
        self._say(lambda: self.tr("Writing the report…"))
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
        self._say(
            lambda: counted(self.tr("Report written: %n row(s) to {path}.", "", count), count).format(
                path=path
            )
        )
        self.reportWritten.emit(str(path))

    def _report_failed(self, exc: Exception) -> None:
        self._release()
        if isinstance(exc, ReportError):
            text = str(exc)
        else:
            text = self.tr("The report could not be written: {error}").format(error=self._error_text(exc))
        self._say(lambda: text)
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
