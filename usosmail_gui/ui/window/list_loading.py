"""Opening a list of recipients: File ▸ Open…, a file named or dropped, the Sheet and
header row dialog; the core's ``load_steps`` in a worker (``application.loading``),
cancellable, and a list that cannot be read leaves the list shown before as it was."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from usosmail_gui.application.loading import LoadRequest, load_job
from usosmail_gui.core.recipients import LoadProgress, RecipientTable
from usosmail_gui.ui.composer import ComposerPanel
from usosmail_gui.ui.recipients_view import RecipientPane
from usosmail_gui.ui.settings import recent_files
from usosmail_gui.ui.sheet_dialog import ListSheets, SheetDialog
from usosmail_gui.ui.workers import Task, run_in_background

__all__ = ["ListLoading"]

log = logging.getLogger(__name__)


class ListLoading(QObject):
    """Loads the window's recipient list; the newest request wins.

    Signals:
        starting(): a load begins (the window leaves its welcome page).
        loaded(object): the ``RecipientTable`` now shown.
        remembered(str) / forgotten(str): a file to put first in (take out of) Open Recent.
        failed(object): the exception that stopped a load (the user was told).
        cancelled(): the user stopped a load.
        message(str, int): a line for the status bar, and for how long (ms).
    """

    starting = Signal()
    loaded = Signal(object)
    remembered = Signal(str)
    forgotten = Signal(str)
    failed = Signal(object)
    cancelled = Signal()
    message = Signal(str, int)

    def __init__(
        self,
        window: QWidget,
        pane: RecipientPane,
        composer: ComposerPanel,
        settings: QSettings,
        sheet_action: QAction,
        list_sheets: ListSheets | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._pane = pane
        self._composer = composer
        self._settings = settings
        self._sheet_action = sheet_action
        self._list_sheets = list_sheets
        self._task: Task | None = None
        self._request: LoadRequest | None = None
        self.sheet_dialog: SheetDialog | None = None

    def close(self) -> None:
        """The window closes: forget the load under way (its task was cancelled), close
        the Sheet and header row dialog."""
        self._task = None
        self._request = None
        if self.sheet_dialog is not None:
            self.sheet_dialog.reject()

    @property
    def loading(self) -> bool:
        return self._task is not None

    @Slot()
    def open_file_dialog(self) -> QFileDialog:
        """Open (not exec) the Open dialog; choosing a file loads it."""
        from usosmail_gui.ui.loading import file_dialog_filter

        recent = recent_files(self._settings)
        folder = os.path.dirname(recent[0]) if recent else ""
        dialog = QFileDialog(self._window, self.tr("Open a list of recipients"), folder, file_dialog_filter())
        dialog.setObjectName("openDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda chosen: self.open_file(chosen))
        dialog.open()
        return dialog

    def open_file(
        self,
        path: str | os.PathLike[str],
        *,
        sheet: str | None = None,
        header_row: int | None = None,
        email_column: str | None = None,
        remember: bool = True,
    ) -> None:
        """Load a recipient list in a worker; the list shown now stays until it succeeds."""
        self.load(LoadRequest(Path(path), sheet, header_row, email_column, remember))

    def load(self, request: LoadRequest) -> None:
        """Load as asked; a load still running is cancelled (the newest request wins).
        Numbers and dates are shown with the separators of the app's language."""
        import dataclasses

        polish = QLocale().language() == QLocale.Language.Polish
        request = dataclasses.replace(request, language="pl" if polish else "en")
        if self._task is not None:
            self._task.cancel()
        self.starting.emit()
        self._request = request
        self._pane.show_busy(self.tr("Opening {name}…").format(name=request.path.name))
        task = run_in_background(
            load_job,
            request,
            parent=self,
            on_progress=self._progress,
            on_result=lambda table: self._loaded(request, table),
            on_error=lambda exc: self._failed(request, exc),
        )
        task.finished.connect(lambda: self._finished(task))
        self._task = task

    def _progress(self, progress: LoadProgress) -> None:
        self._pane.show_progress(progress)

    def _loaded(self, request: LoadRequest, table: RecipientTable) -> None:
        if request is not self._request:
            return
        self._pane.set_table(table)
        self._composer.set_table(table)
        self._sheet_action.setEnabled(True)
        self.message.emit(self.tr("Opened {name}.").format(name=request.path.name), 5000)
        if request.remember:
            self.remembered.emit(str(request.path))
        self.loaded.emit(table)

    def _failed(self, request: LoadRequest, exc: Exception) -> None:
        from usosmail_gui.core.recipients import SpreadsheetError
        from usosmail_gui.ui import texts
        from usosmail_gui.ui.problem_texts import load_error_text

        if request is not self._request:
            return
        name = request.path.name
        if isinstance(exc, SpreadsheetError):
            text = load_error_text(exc)
            if exc.reason == "missing" and str(request.path) in recent_files(self._settings):
                self.forgotten.emit(str(request.path))
        else:
            log.error("Loading %s failed", request.path, exc_info=exc)
            text = self.tr(
                "{name} could not be read because of an unexpected error. Try to open the file in "
                "your spreadsheet program and save it again, then open the saved copy."
            ).format(name=name)
        box = QMessageBox(self._window)
        box.setObjectName("loadErrorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Could not open {name}").format(name=name))
        box.setText(text)
        if self._pane.table() is not None:
            box.setInformativeText(self.tr("The list opened before stays as it was."))
        if not isinstance(exc, SpreadsheetError):
            box.setDetailedText(texts.details_line(type(exc).__name__))
        box.open()
        self.failed.emit(exc)

    def _finished(self, task: Task) -> None:
        if task is not self._task:
            return  # cancelled or replaced; already dealt with
        self._task = None
        self._request = None
        self._pane.hide_busy()

    @Slot()
    def cancel(self) -> None:
        """Stop loading; the list shown before stays (the worker stops at its next step)."""
        task, request = self._task, self._request
        if task is None or request is None:
            return
        task.cancel()
        self._task = None
        self._request = None
        self._pane.hide_busy()
        if self._pane.table() is not None:
            message = self.tr("Opening {name} was cancelled; the list opened before stays.")
        else:
            message = self.tr("Opening {name} was cancelled.")
        self.message.emit(message.format(name=request.path.name), 10000)
        self.cancelled.emit()

    # --- the sheet and header dialog ------------------------------------------------
    @Slot()
    def open_sheet_dialog(self) -> SheetDialog | None:
        """Open (not exec) the Sheet and header row dialog for the list shown now."""
        table = self._pane.table()
        if table is None:
            return None
        if self.sheet_dialog is not None and self.sheet_dialog.isVisible():
            self.sheet_dialog.raise_()
            return self.sheet_dialog
        extra = {} if self._list_sheets is None else {"list_sheets": self._list_sheets}
        dialog = SheetDialog(
            table.source.path,
            source=table.source,
            columns=table.columns,
            email_column=table.email_column,
            parent=self._window,
            **extra,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.load(dialog.request()))
        dialog.destroyed.connect(self._sheet_dialog_gone)
        self.sheet_dialog = dialog
        dialog.open()
        return dialog

    def _sheet_dialog_gone(self) -> None:
        self.sheet_dialog = None
