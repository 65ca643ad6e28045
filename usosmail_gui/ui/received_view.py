"""What one student received (issue 18): for a campaign and a row of its sheet, the exact
subject and content they were sent, from whom, and the message's status history — read
from the journal's snapshot (``core.received``, as ``usosmail show`` prints it), printed
or saved as a PDF with Qt's printing.

USOS keeps statuses for 7 days and no copy for the sender, so this is what a dean's
office shows when a student says "I never got it" or "what exactly did you write?".
The journal is read in workers; the PDF is written in a worker too (``QPrinter`` in PDF
mode may paint off the GUI thread); printing on paper goes through ``QPrintDialog``.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.application.collaborators import read_journal
from usosmail_gui.core.journal import JournalError
from usosmail_gui.core.received import ReceivedMessage, RowReceived, received
from usosmail_gui.core.statuses import Status
from usosmail_gui.core.template import ContentFormat
from usosmail_gui.ui.numbers import counted
from usosmail_gui.ui.problem_texts import journal_error_text
from usosmail_gui.ui.workers import Task, run_in_background

__all__ = ["CampaignRowChoice", "ReceivedDialog", "campaign_row_choices", "read_received", "write_pdf"]


@dataclass(frozen=True, slots=True)
class CampaignRowChoice:
    """A sheet row of a campaign the user may choose: its number and its addresses."""

    row: int
    addresses: str
    left_out: bool
    cells: str = ""  # the row's cells, for finding it by a name or a value


def campaign_row_choices(campaign: str) -> list[CampaignRowChoice]:
    """Worker job: every sheet row of ``campaign`` (sent, in a grouped message, or left
    out), in sheet order."""
    with read_journal() as journal:
        found: dict[int, CampaignRowChoice] = {}
        grouped = journal.message_rows(campaign)
        for record in journal.recipients(campaign):
            addresses = ", ".join(record.addresses)
            found[record.row] = CampaignRowChoice(record.row, addresses, False, _cells(record.record))
            for number, cells in grouped.get(record.seq, ()):
                found.setdefault(number, CampaignRowChoice(number, addresses, False, _cells(cells)))
        for item in journal.excluded(campaign):
            choice = CampaignRowChoice(item.row, ", ".join(item.addresses), True, _cells(item.record))
            found.setdefault(item.row, choice)
    return [found[row] for row in sorted(found)]


def _cells(record: Mapping[str, str]) -> str:
    return " ".join(v for v in record.values() if v)


def read_received(campaign: str, row: int) -> RowReceived:
    """Worker job: ``core.received`` of one row."""
    with read_journal() as journal:
        return received(journal, campaign, row)


def write_pdf(document_html: str, path: Path, title: str) -> Path:
    """Worker job: ``document_html`` as a PDF file at ``path`` (A4, Qt's PDF printer)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    printer.setCreator("usosmail-gui")
    document = QTextDocument()
    document.setHtml(document_html)
    document.print_(printer)
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"{path} was not written")
    return path


def _status_name(value: str) -> str:
    from .status_display import status_text

    try:
        return status_text(Status(value))
    except ValueError:
        return value


def _event_name(event: str) -> str:
    names = {
        "stored": QCoreApplication.translate("ReceivedDialog", "stored in the journal"),
        "request_sent": QCoreApplication.translate("ReceivedDialog", "sent to USOS"),
        "request_ended": QCoreApplication.translate("ReceivedDialog", "request ended"),
        "enqueued": QCoreApplication.translate("ReceivedDialog", "enqueued by USOS"),
        "rejected": QCoreApplication.translate("ReceivedDialog", "rejected"),
        "uncertain": QCoreApplication.translate("ReceivedDialog", "uncertain"),
        "status": QCoreApplication.translate("ReceivedDialog", "status checked"),
        "finished": QCoreApplication.translate("ReceivedDialog", "finished"),
    }
    return names.get(event, event.replace("_", " "))


def received_html(found: RowReceived) -> str:
    """The page shown, printed and saved: every message of the row, with its history."""
    e = html.escape
    translate = QCoreApplication.translate
    title = translate("ReceivedDialog", "What the student of row {row} received").format(row=found.row)
    campaign = translate("ReceivedDialog", "Campaign: {campaign}").format(campaign=found.campaign)
    parts = [
        "<html><body style='font-family: sans-serif'>",
        f"<h2>{e(title)}</h2>",
        f"<p>{e(campaign)}</p>",
    ]
    if not found.messages:
        reason = found.excluded.reason if found.excluded is not None else ""
        nothing = translate("ReceivedDialog", "Nothing was sent: the row was left out.")
        parts.append(f"<p><b>{e(nothing)}</b> {e(reason)}</p>")
    for number, message in enumerate(found.messages, 1):
        if len(found.messages) > 1:
            parts.append(
                "<h3>"
                + e(
                    QCoreApplication.translate("ReceivedDialog", "Message {number} of {count}").format(
                        number=number, count=len(found.messages)
                    )
                )
                + "</h3>"
            )
        parts.append(_message_html(message))
    parts.append("</body></html>")
    return "".join(parts)


def _message_html(message: ReceivedMessage) -> str:
    e = html.escape
    rows: list[tuple[str, str]] = []
    if len(message.rows) > 1:
        rows.append(
            (
                QCoreApplication.translate("ReceivedDialog", "Message"),
                QCoreApplication.translate(
                    "ReceivedDialog", "one message for rows {rows} (the same address)"
                ).format(rows=", ".join(map(str, message.rows))),
            )
        )
    status = _status_name(message.status) + (f" — {message.error}" if message.error else "")
    rows += [
        (QCoreApplication.translate("ReceivedDialog", "To"), ", ".join(message.to)),
        (QCoreApplication.translate("ReceivedDialog", "From"), message.sender),
        (
            QCoreApplication.translate("ReceivedDialog", "Subject"),
            message.subject
            if message.subject is not None
            else QCoreApplication.translate("ReceivedDialog", "(not kept)"),
        ),
        (QCoreApplication.translate("ReceivedDialog", "Status"), status),
    ]
    if message.message_id:
        rows.append((QCoreApplication.translate("ReceivedDialog", "USOS message"), message.message_id))
    table = "".join(f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in rows)
    if message.content is None:
        body = (
            "<p><i>"
            + e(QCoreApplication.translate("ReceivedDialog", "(the content was not kept)"))
            + "</i></p>"
        )
    elif message.content_format is ContentFormat.HTML:
        body = f"<div style='border: 1px solid #999; padding: 6px'>{message.content}</div>"
    else:
        body = f"<pre style='white-space: pre-wrap; font-family: sans-serif'>{e(message.content)}</pre>"
    history = "".join(
        f"<tr><td>{e(event.local_time())}</td><td>{e(_event_name(event.event))}</td>"
        f"<td>{e(event.detail or '')}</td></tr>"
        for event in message.history
    )
    heading = e(QCoreApplication.translate("ReceivedDialog", "Status history"))
    return (
        f"<table cellspacing='2' cellpadding='2'>{table}</table>"
        f"<hr/>{body}<hr/>"
        f"<h4>{heading}</h4>"
        f"<table cellspacing='2' cellpadding='2'>{history}</table>"
    )


class ReceivedDialog(QDialog):
    """A campaign's rows (filtered by number or address) and what the chosen one received.

    Signals:
        shown(object): the ``RowReceived`` now shown.
        pdfWritten(str): the PDF's path, once written.
        failed(str): why the journal could not be read or the PDF written.
    """

    shown = Signal(object)
    pdfWritten = Signal(str)
    failed = Signal(str)

    def __init__(self, campaign: str, parent: QWidget | None = None, *, row: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receivedDialog")
        self.campaign = campaign
        self.resize(900, 600)
        self._choices: list[CampaignRowChoice] = []
        self._shown_rows: list[int] = []
        self._wanted = row
        self.found: RowReceived | None = None
        self._rows_task: Task | None = None
        self._read_task: Task | None = None
        self._pdf_task: Task | None = None
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self._state: Callable[[], str] = lambda: self.tr("Reading the journal…")
        self._build()
        self.retranslate()
        self._rows_task = run_in_background(
            campaign_row_choices,
            campaign,
            parent=self,
            on_result=self._fill,
            on_error=self._failed,
            on_finished=self._rows_done,
        )

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.filter_edit = QLineEdit(left)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.rows_model = QStringListModel(self)
        self.rows_view = QListView(left)
        self.rows_view.setUniformItemSizes(True)
        self.rows_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_view.setModel(self.rows_model)
        self.rows_view.selectionModel().currentChanged.connect(
            lambda current, _old: self._chosen(current.row())
        )
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.rows_view)
        self.page = QTextBrowser(splitter)
        self.page.setObjectName("receivedPage")
        self.page.setOpenLinks(False)
        splitter.addWidget(left)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_page)
        self.pdf_button = QPushButton(self)
        self.pdf_button.clicked.connect(self.choose_pdf_file)
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(buttons)
        layout.addLayout(row)

    def retranslate(self) -> None:
        """Every text in the language now installed: the rows listed, the page shown and the
        state line written again; the filter typed, the row chosen and the scroll stay."""
        self.setWindowTitle(self.tr("What a student received — campaign {id}").format(id=self.campaign))
        self.setAccessibleName(self.tr("What a student received"))
        self.filter_edit.setPlaceholderText(self.tr("Row number, address or name"))
        self.filter_edit.setAccessibleName(self.tr("Find a row"))
        self.rows_view.setAccessibleName(self.tr("Rows of the campaign"))
        self.page.setAccessibleName(self.tr("What the student received"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print what the student received"))
        self.pdf_button.setText(self.tr("Save as P&DF…"))
        self.pdf_button.setAccessibleName(self.tr("Save what the student received as a PDF file"))
        by_row = {c.row: c for c in self._choices}
        for position, row in enumerate(self._shown_rows):  # in place: the current row stays
            self.rows_model.setData(self.rows_model.index(position, 0), self._label(by_row[row]))
        if self.found is not None:
            scrolled = self.page.verticalScrollBar().value()
            self.page.setHtml(received_html(self.found))
            self.page.verticalScrollBar().setValue(scrolled)
        self.state_label.setText(self._state())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _say(self, state: Callable[[], str]) -> None:
        """The state line, written now and again after a language switch."""
        self._state = state
        self.state_label.setText(state())

    # --- rows ----------------------------------------------------------------------------

    def _rows_done(self) -> None:
        self._rows_task = None

    def _fill(self, choices: list[CampaignRowChoice]) -> None:
        self._choices = choices
        self._say(
            lambda: counted(self.tr("%n row(s) in the campaign: choose one.", "", len(choices)), len(choices))
        )
        self._filter(self.filter_edit.text())
        wanted = self._wanted
        if wanted is not None:
            self.show_row(wanted)
        elif self._shown_rows:
            self.rows_view.setCurrentIndex(self.rows_model.index(0, 0))

    def _label(self, choice: CampaignRowChoice) -> str:
        text = self.tr("Row {row}: {addresses}").format(row=choice.row, addresses=choice.addresses or "—")
        return text + (self.tr(" (left out)") if choice.left_out else "")

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        shown = [
            c for c in self._choices if all(w in f"{c.row} {c.addresses} {c.cells}".casefold() for w in words)
        ]
        self._shown_rows = [c.row for c in shown]
        self.rows_model.setStringList([self._label(c) for c in shown])

    def rows(self) -> list[int]:
        """The row numbers listed now (after the filter)."""
        return list(self._shown_rows)

    def show_row(self, row: int) -> None:
        """Select sheet row ``row`` and read what it received."""
        if row in self._shown_rows:
            self.rows_view.setCurrentIndex(self.rows_model.index(self._shown_rows.index(row), 0))
        else:
            self._read(row)

    def _chosen(self, position: int) -> None:
        if 0 <= position < len(self._shown_rows):
            self._read(self._shown_rows[position])

    def _read(self, row: int) -> None:
        if self._read_task is not None:
            self._read_task.cancel()
        self._say(lambda: self.tr("Reading row {row}…").format(row=row))
        task = run_in_background(
            read_received, self.campaign, row, parent=self, on_result=self._show, on_error=self._failed
        )
        task.finished.connect(lambda: self._read_done(task))
        self._read_task = task

    def _read_done(self, task: Task) -> None:
        if self._read_task is task:
            self._read_task = None

    def _show(self, found: RowReceived) -> None:
        self.found = found
        self.page.setHtml(received_html(found))
        sent = len(found.messages)
        if sent:
            self._say(
                lambda: counted(self.tr("Row {row}: %n message(s), exactly as sent.", "", sent), sent).format(
                    row=found.row
                )
            )
        else:
            self._say(lambda: self.tr("Row {row} was left out: nothing was sent.").format(row=found.row))
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(True)
        self.shown.emit(found)

    def _failed(self, exc: Exception) -> None:
        def text() -> str:
            error = journal_error_text(exc) if isinstance(exc, JournalError) else str(exc)
            return self.tr("The journal cannot be read: {error}").format(error=error)

        self._say(text)
        self.failed.emit(text())

    @property
    def busy(self) -> bool:
        return any(t is not None for t in (self._rows_task, self._read_task, self._pdf_task))

    # --- print and PDF -------------------------------------------------------------------

    def document_html(self) -> str:
        return "" if self.found is None else received_html(self.found)

    def _title(self) -> str:
        row = self.found.row if self.found is not None else 0
        return self.tr("Campaign {id}, row {row}").format(id=self.campaign, row=row)

    def print_page(self) -> QPrintDialog | None:
        """Ask for a printer (a non-blocking dialog), then print the page."""
        if self.found is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._title())
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # not exec(): the GUI thread never waits in a nested loop
        return dialog

    def print_to(self, printer: QPrinter) -> None:
        """Print the page on ``printer`` (what the print dialog's OK does)."""
        document = QTextDocument(self)
        document.setHtml(self.document_html())
        document.print_(printer)
        document.deleteLater()

    def choose_pdf_file(self) -> QFileDialog | None:
        """Ask where to save the PDF (a non-blocking dialog)."""
        if self.found is None:
            return None
        dialog = QFileDialog(self, self.tr("Save as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("PDF file (*.pdf)")])
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"{self.campaign}-row-{self.found.row}.pdf")
        dialog.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_pdf(self, path: Path) -> None:
        """Write the page as a PDF file at ``path`` (in a worker)."""
        if self.found is None or self._pdf_task is not None:
            return
        self._say(lambda: self.tr("Writing {path}…").format(path=path))
        task = run_in_background(
            write_pdf,
            self.document_html(),
            path,
            self._title(),
            parent=self,
            on_result=lambda written: self._pdf_written(Path(written)),
            on_error=self._pdf_failed,
        )
        task.finished.connect(self._pdf_done)
        self._pdf_task = task

    def _pdf_done(self) -> None:
        self._pdf_task = None

    def _pdf_written(self, path: Path) -> None:
        self._say(lambda: self.tr("Saved as {path}.").format(path=path))
        self.pdfWritten.emit(str(path))

    def _pdf_failed(self, exc: Exception) -> None:
        self._say(lambda: self.tr("The PDF could not be written ({error}).").format(error=exc))
        self.failed.emit(self.state_label.text())

    def done(self, result: int) -> None:
        for task in (self._rows_task, self._read_task, self._pdf_task):
            if task is not None:
                task.cancel()
        super().done(result)
