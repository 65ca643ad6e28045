"""Sandbox mailbox: the mail the built-in sandbox "delivered", as the students would see it.

Practising with the sandbox sends real e-mail into a folder on this computer
(sandbox/delivery.py); this window lists it, newest first, and opens each message with
its headers and its body. HTML is shown the way a careful mail client shows it: laid out,
but nothing in it runs and nothing is fetched (no images, no style sheets, no links
followed) — a test message is data, not a web page. The folder is read in a worker
(sandbox/mailbox.py); the window only shows what it gets.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.sandbox.mailbox import DeliveredMail, MailEnvelope, read_mail, read_mailbox
from usosmail_gui.ui.numbers import counted

from .workers import Task, run_in_background

__all__ = ["SafeHtmlView", "SandboxMailbox"]

_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class SafeHtmlView(QTextBrowser):
    """HTML laid out with nothing loaded: every resource a message asks for (an image, a
    style sheet) is refused, and links are not followed. ``refused`` lists what was asked,
    so a test (or a curious user) can see that nothing was fetched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.refused: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        self.refused.append(name.toString() if isinstance(name, QUrl) else str(name))
        return None


def local_date(header: str) -> str:
    """A Date header as a mail program shows it: local time, in the window's language (the
    header itself, RFC 2822, is English whatever the language); as sent if unreadable."""
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return header
    when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(when, QLocale.FormatType.LongFormat)


class SandboxMailbox(QDialog):
    """Lists and opens the sandbox's delivered mail.

    Signals:
        loaded(int): the list was (re)read; how many messages it holds.
        opened(str): a message was opened (its Maildir key).
    """

    loaded = Signal(int)
    opened = Signal(str)

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sandboxMailbox")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.folder = folder
        self.envelopes: list[MailEnvelope] = []
        self.current: DeliveredMail | None = None
        self._list_task: Task | None = None
        self._open_task: Task | None = None
        self._state: Callable[[], str] = lambda: ""
        self._build()
        self.retranslate()
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("sandboxMailboxTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.headers = QFormLayout()
        self.headers.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        header_box = QWidget()
        header_box.setLayout(self.headers)
        self.html_view = SafeHtmlView()
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.html_view, "")
        self.tabs.addTab(self.text_view, "")
        reader = QWidget()
        reader_layout = QVBoxLayout(reader)
        reader_layout.setContentsMargins(0, 0, 0, 0)
        reader_layout.addWidget(header_box)
        reader_layout.addWidget(self.tabs, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("sandboxMailboxSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(reader)
        splitter.setStretchFactor(1, 2)

        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self.open_folder)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.state_label)
        layout.addWidget(buttons)

    def retranslate(self) -> None:
        """Every text in the language now installed: the list's dates and report subjects,
        the open message's header names, the state line; the message chosen stays."""
        self.setWindowTitle(self.tr("Sandbox mailbox"))
        self.intro.setText(
            self.tr(
                "The messages the sandbox delivered, newest first: exactly what the students "
                "would receive. Nothing here left this computer."
            )
        )
        self.table.setAccessibleName(self.tr("Delivered messages"))
        self.table.setHorizontalHeaderLabels([self.tr("Received"), self.tr("To"), self.tr("Subject")])
        self.html_view.setAccessibleName(self.tr("The message as the student sees it"))
        self.text_view.setAccessibleName(self.tr("The message's plain text"))
        self.tabs.setTabText(0, self.tr("Message"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(
            self.tr("Read the mailbox again (new messages arrive as the sandbox delivers them)")
        )
        self.folder_button.setText(self.tr("Open folder"))
        self.folder_button.setToolTip(self.tr("Show the mailbox folder in the file manager"))
        self._fill_table()
        self._show_headers()
        self.state_label.setText(self._state())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _say(self, state: Callable[[], str]) -> None:
        """The state line, written now and again after a language switch."""
        self._state = state
        self.state_label.setText(state())

    def sizeHint(self) -> Any:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        hint.setWidth(max(hint.width(), metrics.horizontalAdvance("x") * 110))
        hint.setHeight(max(hint.height(), metrics.height() * 36))
        return hint

    # --- reading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list again in a worker (one reading at a time)."""
        if self._list_task is not None:
            return
        self._say(lambda: self.tr("Reading the mailbox…"))
        self._list_task = run_in_background(
            read_mailbox, self.folder, parent=self, on_result=self._listed, on_error=self._failed
        )
        self._list_task.finished.connect(self._list_ended)

    def _list_ended(self) -> None:
        self._list_task = None

    def _listed(self, envelopes: list[MailEnvelope]) -> None:
        chosen = self.selected_key()
        self.envelopes = envelopes
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(envelopes))
        self._fill_table()
        self._say(self._listed_text)
        keys = [m.key for m in envelopes]
        if envelopes:
            self.table.selectRow(keys.index(chosen) if chosen in keys else 0)
        self.loaded.emit(len(envelopes))

    def _listed_text(self) -> str:
        n = len(self.envelopes)
        if n:
            return counted(self.tr("%n message(s) delivered by the sandbox.", "", n), n)
        return self.tr("No messages yet: send a test or a campaign through the sandbox, then refresh.")

    def _fill_table(self) -> None:
        """The list's cells in the language now installed (the items kept: the selection stays)."""
        locale = QLocale()
        for row, mail in enumerate(self.envelopes[: self.table.rowCount()]):
            when = ""
            if mail.received is not None:
                moment = QDateTime.fromSecsSinceEpoch(int(mail.received.timestamp()))
                when = locale.toString(moment, QLocale.FormatType.ShortFormat)
            subject = mail.subject
            if mail.is_summary:
                subject = self.tr("USOS's delivery report: %1").replace("%1", subject)
            for column, text in enumerate((when, mail.to, subject)):
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, column, item)
                item.setData(_KEY_ROLE, mail.key)
                item.setText(text)
                item.setToolTip(text)

    def selected_key(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(_KEY_ROLE)) if items else None

    def _selection_changed(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.open_message(key)

    def open_message(self, key: str) -> None:
        """Read one message in a worker and show it."""
        if self._open_task is not None:
            self._open_task.cancel()
        task = run_in_background(
            read_mail,
            self.folder,
            key,
            parent=self,
            on_result=lambda mail: self._show(key, mail),
            on_error=self._failed,
        )
        task.finished.connect(lambda: self._open_ended(task))
        self._open_task = task

    def _open_ended(self, task: Task) -> None:
        if self._open_task is task:
            self._open_task = None

    def _show(self, key: str, mail: DeliveredMail) -> None:
        if key != self.selected_key():
            return  # another message was chosen meanwhile
        self.current = mail
        self._show_headers()
        self.html_view.refused.clear()
        if mail.html is not None:
            self.html_view.setHtml(mail.html)
        else:
            self.html_view.setPlainText(mail.text)
        self.text_view.setPlainText(mail.text or mail.html or "")
        self.opened.emit(key)

    def _show_headers(self) -> None:
        """The open message's headers, named in the language now installed."""
        mail = self.current
        while self.headers.rowCount():
            self.headers.removeRow(0)
        source = mail is not None and mail.html is not None and not mail.text
        self.tabs.setTabText(1, self.tr("HTML source") if source else self.tr("Plain text"))
        if mail is None:
            return
        names = {
            "From": self.tr("From:"),
            "To": self.tr("To:"),
            "Subject": self.tr("Subject:"),
            "Date": self.tr("Date:"),
        }
        for name, value in mail.headers:
            label = QLabel(local_date(value) if name == "Date" else value)
            if name == "Date":
                label.setToolTip(value)  # the header as sent
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.headers.addRow(names.get(name, f"{name}:"), label)

    def _failed(self, exc: Exception) -> None:
        self._say(
            lambda: self.tr("The mailbox could not be read: %1").replace("%1", str(exc) or type(exc).__name__)
        )

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()
