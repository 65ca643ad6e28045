"""The Connection dialog: pick a USOS installation, enter the consumer key and secret,
test them, and save them in the keyring.

Every core call (installation list, keyring, "Test connection") runs in a worker; the
dialog only shows what comes back. Its collaborators are constructor arguments so tests
can swap the slow or unavailable ones; the defaults are what the app uses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.core.credentials import Credentials, CredentialStore, SaveOutcome
from usosmail_gui.core.usos.connection import ConnectionReport, Verdict, check_connection
from usosmail_gui.core.usos.installations import InstallationList, known_installations
from usosmail_gui.core.usos.models import Installation
from usosmail_gui.core.usos.wire import normalize_base_url

from . import texts
from .colours import Tone, text_style
from .text_fields import show_from_start
from .workers import Task, run_in_background

log = logging.getLogger(__name__)

ListInstallations = Callable[..., InstallationList]
"""Called as ``fn(live=False)`` (bundled list) or ``fn(live=True)`` (ask USOS)."""
CheckConnection = Callable[[str, str, str], ConnectionReport]
"""``check_connection(base_url, consumer_key, consumer_secret)``."""

INSTALLATION_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def _ui_lang() -> str:
    return "pl" if QLocale().name().startswith("pl") else "en"


class ConnectionDialog(QDialog):
    """Choose an installation and credentials; ``chosen()`` has them after ``accept()``.

    Signals (for the window and for tests; all in the GUI thread):
        connectionChosen(str, object): base URL and ``Credentials``, just before accept.
        installationsLoaded(object): the ``InstallationList`` asked for, once its answer is
            shown; None if listing crashed.
        credentialsLoaded(str, object): a URL and its stored ``Credentials`` or None.
        connectionTested(object): the ``ConnectionReport`` once it is explained and the
            dialog is at rest again; None if the check itself crashed (not when cancelled).
        credentialsSaved(object): the ``SaveOutcome``, after it is shown.
    """

    connectionChosen = Signal(str, object)
    installationsLoaded = Signal(object)
    credentialsLoaded = Signal(str, object)
    connectionTested = Signal(object)
    credentialsSaved = Signal(object)

    def __init__(
        self,
        credential_store: CredentialStore,
        *,
        list_installations: ListInstallations = known_installations,
        check: CheckConnection = check_connection,
        initial_url: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = credential_store
        self._list_installations = list_installations
        self._check = check
        self._chosen: tuple[str, Credentials] | None = None
        self._test_task: Task | None = None
        self._unannounced: ConnectionReport | None = None  # shown, connectionTested not yet emitted
        self._unannounced_listing: InstallationList | None = None
        self._save_task: Task | None = None
        self._refresh_task: Task | None = None
        self._load_generation = 0
        self._last_requested_url: str | None = None
        self._credentials_typed = False  # the user typed key/secret: never overwrite them
        self._session_only_ack = False  # saved for the session only; next OK just uses them

        self.setWindowTitle(self.tr("Connect to USOS API"))
        self.setObjectName("connectionDialog")
        self._build()
        if initial_url:
            show_from_start(self.url_edit, initial_url)
            self._request_credentials(initial_url)
        self._load_installations(live=False)

    # --- layout --------------------------------------------------------------------
    def _build(self) -> None:
        # installation list: filter + list + refresh
        self._model = QStandardItemModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setFilterRole(SEARCH_ROLE)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Type part of a university's name or address"))
        self.filter_edit.setAccessibleName(self.tr("Filter installations"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._proxy.setFilterFixedString)

        self.list_view = QListView()
        self.list_view.setModel(self._proxy)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setAccessibleName(self.tr("USOS API installations"))
        self.list_view.selectionModel().currentChanged.connect(self._on_installation_current)

        self.refresh_button = QPushButton(self.tr("Refresh list from USOS"))
        self.refresh_button.setAccessibleName(self.tr("Refresh list from USOS"))
        self.refresh_button.setToolTip(
            self.tr("Ask the USOS mother server for the current list of installations.")
        )
        self.refresh_button.clicked.connect(lambda: self._load_installations(live=True))
        self.list_status_label = QLabel()
        self.list_status_label.setWordWrap(True)
        self.list_status_label.setAccessibleName(self.tr("Installation list status"))

        list_box = QGroupBox(self.tr("Installation"))
        list_layout = QVBoxLayout(list_box)
        list_layout.addWidget(self.filter_edit)
        list_layout.addWidget(self.list_view)
        refresh_row = QHBoxLayout()
        refresh_row.addWidget(self.list_status_label, 1)
        refresh_row.addWidget(self.refresh_button)
        list_layout.addLayout(refresh_row)

        # address and credentials
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://usosapps.example.edu.pl/")
        self.url_edit.setAccessibleName(self.tr("USOS API address"))
        self.url_edit.setToolTip(self.tr("Chosen from the list above, or typed here."))
        self.url_edit.editingFinished.connect(self._on_url_edited)
        self.url_edit.textEdited.connect(self._on_values_edited)

        self.key_edit = QLineEdit()
        self.key_edit.setAccessibleName(self.tr("Consumer key"))
        self.key_edit.textEdited.connect(self._on_credentials_typed)

        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setAccessibleName(self.tr("Consumer secret"))
        self.secret_edit.textEdited.connect(self._on_credentials_typed)
        self.show_secret_box = QCheckBox(self.tr("Show"))
        self.show_secret_box.setAccessibleName(self.tr("Show the consumer secret"))
        self.show_secret_box.setToolTip(
            self.tr("Show the secret as you type it (it is never saved in a file).")
        )
        self.show_secret_box.toggled.connect(self._on_show_secret)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret_edit, 1)
        secret_row.addWidget(self.show_secret_box)

        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.url_edit)
        form.addRow(self.tr("Consumer &key:"), self.key_edit)
        secret_label = QLabel(self.tr("Consumer &secret:"))
        secret_label.setBuddy(self.secret_edit)
        form.addRow(secret_label, secret_row)

        # test connection
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.busy_indicator = QProgressBar()
        self.busy_indicator.setRange(0, 0)  # indeterminate: "working"
        self.busy_indicator.setTextVisible(False)
        self.busy_indicator.setMaximumHeight(12)
        self.busy_indicator.setAccessibleName(self.tr("Testing the connection"))
        self.busy_indicator.setVisible(False)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.busy_indicator, 1)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setAccessibleName(self.tr("Connection test result"))
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label.setAccessibleName(self.tr("Connection test details"))
        self.details_label.setVisible(False)
        self.usos_label = QLabel()
        self.usos_label.setObjectName("usosMessage")
        self.usos_label.setWordWrap(True)
        self.usos_label.setTextFormat(Qt.TextFormat.PlainText)
        self.usos_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.usos_label.setAccessibleName(self.tr("USOS's own message"))
        self.usos_label.setVisible(False)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("connectionWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setAccessibleName(self.tr("Connection warning"))
        self.warning_label.setVisible(False)
        self.compatibility_label = QLabel()
        self.compatibility_label.setObjectName("compatibility")
        self.compatibility_label.setWordWrap(True)
        self.compatibility_label.setTextFormat(Qt.TextFormat.PlainText)
        self.compatibility_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.compatibility_label.setAccessibleName(self.tr("Self-check against the installation"))
        self.compatibility_label.setVisible(False)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_label.setAccessibleName(self.tr("Saving notice"))
        self.notice_label.setVisible(False)

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self._buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save and connect"))
        self.save_button.setAccessibleName(self.tr("Save and connect"))
        self.cancel_button = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self._buttons.accepted.connect(self.save)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(list_box, 1)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.usos_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.compatibility_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self._buttons)
        self.resize(560, 620)

    # --- public API ----------------------------------------------------------------
    def chosen(self) -> tuple[str, Credentials] | None:
        """The base URL and credentials the user settled on (after ``accept()``)."""
        return self._chosen

    def base_url(self) -> str:
        text = self.url_edit.text().strip()
        return normalize_base_url(text) if text else ""

    def credentials(self) -> Credentials | None:
        key = self.key_edit.text().strip()
        secret = self.secret_edit.text().strip()
        if not key or not secret:
            return None
        return Credentials(key, secret)

    @property
    def testing(self) -> bool:
        return self._test_task is not None

    # --- installation list ---------------------------------------------------------
    def _load_installations(self, *, live: bool) -> None:
        if self._refresh_task is not None:
            return
        self.refresh_button.setEnabled(False)
        if live:
            self.list_status_label.setText(self.tr("Asking USOS for the current list…"))
        self._refresh_task = run_in_background(
            self._list_installations,
            live=live,
            parent=self,
            on_result=lambda listing: self._show_installations(listing, asked_live=live),
            on_error=lambda exc: self._installations_failed(exc, asked_live=live),
            on_finished=self._installations_done,
        )

    def _installations_done(self) -> None:
        task, self._refresh_task = self._refresh_task, None
        self.refresh_button.setEnabled(True)
        listing, self._unannounced_listing = self._unannounced_listing, None
        if task is not None and not task.cancelled:
            self.installationsLoaded.emit(listing)

    def _show_installations(self, listing: InstallationList, *, asked_live: bool) -> None:
        if asked_live and not listing.live:
            # The core fell back to the bundled list: keep what is shown, say why.
            self.list_status_label.setText(
                self.tr(
                    "The current list could not be fetched from USOS, so the list below is "
                    "unchanged. You can still pick from it or type the address."
                )
            )
            if listing.problem:
                self.list_status_label.setToolTip(texts.details_line(listing.problem))
            self._unannounced_listing = listing
            return
        self._fill_model(listing.installations)
        if listing.live:
            text = self.tr("Current list from USOS: %n installation(s).", "", len(listing.installations))
        else:
            text = self.tr("List bundled with the app: %n installation(s).", "", len(listing.installations))
        self.list_status_label.setText(text)
        self.list_status_label.setToolTip("")
        self._unannounced_listing = listing

    def _installations_failed(self, exc: Exception, *, asked_live: bool) -> None:
        log.error("Listing the installations failed", exc_info=exc)
        self.list_status_label.setText(
            self.tr("The list of installations could not be read. Type the address instead.")
        )
        self.list_status_label.setToolTip(texts.details_line(type(exc).__name__))

    def _fill_model(self, installations: tuple[Installation, ...]) -> None:
        lang = _ui_lang()
        current = self.base_url()
        self._model.clear()
        for inst in installations:
            item = QStandardItem(f"{inst.name(lang)}  —  {inst.base_url}")
            item.setData(inst, INSTALLATION_ROLE)
            item.setData(f"{inst.name_pl} {inst.name_en} {inst.base_url}", SEARCH_ROLE)
            item.setToolTip(inst.base_url)
            item.setEditable(False)
            self._model.appendRow(item)
        if current:
            self._select_url(current)

    def _select_url(self, url: str) -> None:
        for row in range(self._proxy.rowCount()):
            index = self._proxy.index(row, 0)
            inst = index.data(INSTALLATION_ROLE)
            if isinstance(inst, Installation) and inst.base_url == url:
                self.list_view.setCurrentIndex(index)
                return

    @Slot(QModelIndex, QModelIndex)
    def _on_installation_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        inst = current.data(INSTALLATION_ROLE) if current.isValid() else None
        if not isinstance(inst, Installation) or inst.base_url == self.base_url():
            return
        show_from_start(self.url_edit, inst.base_url)
        self._values_changed()
        self._request_credentials(inst.base_url)

    def installation_name(self, base_url: str) -> str:
        """The listed name of the installation at this URL, or an empty string."""
        url = normalize_base_url(base_url)
        lang = _ui_lang()
        for row in range(self._model.rowCount()):
            inst = self._model.item(row).data(INSTALLATION_ROLE)
            if isinstance(inst, Installation) and inst.base_url == url:
                return inst.name(lang)
        return ""

    def installation_contacts(self, base_url: str) -> tuple[str, ...]:
        """The listed installation's USOS API administrators (D3), or none."""
        url = normalize_base_url(base_url)
        for row in range(self._model.rowCount()):
            inst = self._model.item(row).data(INSTALLATION_ROLE)
            if isinstance(inst, Installation) and inst.base_url == url:
                return inst.contact_emails
        return ()

    def select_installation(self, base_url: str) -> bool:
        """Select a listed installation by URL (as a click would); False if not listed."""
        url = normalize_base_url(base_url)
        self.filter_edit.clear()
        self._select_url(url)
        return self.base_url() == url

    # --- stored credentials --------------------------------------------------------
    def _on_url_edited(self) -> None:
        url = self.base_url()
        if url and url != self._last_requested_url:
            self._select_url(url)
            self._request_credentials(url)

    def _request_credentials(self, url: str) -> None:
        url = normalize_base_url(url)
        self._last_requested_url = url
        self._load_generation += 1
        generation = self._load_generation
        if not self._credentials_typed:
            self.key_edit.clear()
            self.secret_edit.clear()
        run_in_background(
            self._store.load,
            url,
            parent=self,
            on_result=lambda found: self._show_credentials(url, found, generation),
            on_error=lambda exc: self._show_credentials(url, None, generation),
        )

    def _show_credentials(self, url: str, found: Credentials | None, generation: int) -> None:
        if generation != self._load_generation or url != self.base_url():
            return  # the user has moved on to another installation
        if found is not None and not self._credentials_typed:
            self.key_edit.setText(found.consumer_key)
            self.secret_edit.setText(found.consumer_secret)
        self.credentialsLoaded.emit(url, found)

    def _on_credentials_typed(self) -> None:
        self._credentials_typed = True
        self._values_changed()

    def _on_values_edited(self) -> None:
        self._values_changed()

    def _values_changed(self) -> None:
        """What was tested or saved no longer matches the fields."""
        if self._session_only_ack:
            self._session_only_ack = False
            self.save_button.setText(self.tr("Save and connect"))
            self.save_button.setAccessibleName(self.tr("Save and connect"))
            self.notice_label.setVisible(False)

    @Slot(bool)
    def _on_show_secret(self, shown: bool) -> None:
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    # --- test connection -----------------------------------------------------------
    def _missing_input(self) -> str | None:
        if not self.base_url():
            return self.tr("Choose an installation from the list or type its address.")
        if self.credentials() is None:
            return self.tr("Enter both the consumer key and the consumer secret.")
        return None

    @Slot()
    def test_connection(self) -> None:
        """Run ``check`` in a worker; the button is disabled until the answer is shown."""
        if self._test_task is not None:
            return
        problem = self._missing_input()
        if problem:
            self._show_result(problem, "")
            return
        credentials = self.credentials()
        assert credentials is not None
        self.test_button.setEnabled(False)
        self.busy_indicator.setVisible(True)
        self._show_result(self.tr("Testing the connection…"), "")
        self._test_task = run_in_background(
            self._check,
            self.base_url(),
            credentials.consumer_key,
            credentials.consumer_secret,
            parent=self,
            on_result=self._show_report,
            on_error=self._test_failed,
            on_finished=self._test_done,
        )

    def _test_done(self) -> None:
        task, self._test_task = self._test_task, None
        self.test_button.setEnabled(True)
        self.busy_indicator.setVisible(False)
        report, self._unannounced = self._unannounced, None
        if task is not None and not task.cancelled:
            self.connectionTested.emit(report)  # last, so listeners see the dialog at rest

    def _show_report(self, report: ConnectionReport) -> None:
        details = [report.detail] if report.detail and report.verdict is not Verdict.OK else []
        if report.answer:
            details.append(texts.answer_line(report.answer))
        contacts = self.installation_contacts(report.base_url)
        self._show_result(texts.verdict_explanation(report, contacts), "\n".join(details))
        said = texts.usos_says(report)
        self.usos_label.setText(said)
        self.usos_label.setVisible(bool(said))
        stopped = report.daemon_running is False
        self.warning_label.setText(texts.daemon_stopped_text() if stopped else "")
        self.warning_label.setStyleSheet(text_style(Tone.ERROR, self.palette(), bold=True) if stopped else "")
        self.warning_label.setVisible(stopped)
        lines = texts.compatibility_lines(report)
        self.compatibility_label.setText("\n".join(lines))
        self.compatibility_label.setVisible(bool(lines))
        self._set_default_after_test(report.verdict is Verdict.OK)
        self._unannounced = report

    def _set_default_after_test(self, passed: bool) -> None:
        """After a failed test, Enter tests again rather than saving what just failed;
        "Save and connect" stays available (the user may know better), just not the default."""
        self.save_button.setAutoDefault(passed)
        self.save_button.setDefault(passed)
        self.test_button.setAutoDefault(not passed)
        self.test_button.setDefault(not passed)

    def _test_failed(self, exc: Exception) -> None:
        # check_connection turns every USOS failure into a verdict; this is a bug or worse.
        log.error("The connection check failed", exc_info=exc)
        self._show_result(self.tr("The connection test could not be run."), type(exc).__name__)
        self._set_default_after_test(False)

    def _show_result(self, text: str, detail: str) -> None:
        for label in (self.usos_label, self.warning_label, self.compatibility_label):
            label.setVisible(False)
        self.result_label.setText(text)
        self.details_label.setText(texts.details_line(detail) if detail else "")
        self.details_label.setVisible(bool(detail))

    def result_text(self) -> str:
        """The explanation currently shown (what a user reads)."""
        return self.result_label.text()

    # --- save ----------------------------------------------------------------------
    @Slot()
    def save(self) -> None:
        """Store the credentials in the keyring (in a worker), then accept."""
        if self._save_task is not None:
            return
        problem = self._missing_input()
        if problem:
            self._show_result(problem, "")
            return
        url = self.base_url()
        credentials = self.credentials()
        assert credentials is not None
        if self._session_only_ack:
            self._finish(url, credentials)  # already kept for the session; user read why
            return
        self.save_button.setEnabled(False)
        self._save_task = run_in_background(
            self._store.save,
            url,
            credentials,
            parent=self,
            on_result=lambda outcome: self._saved(url, credentials, outcome),
            on_error=self._save_failed,
            on_finished=self._save_done,
        )

    def _save_done(self) -> None:
        self._save_task = None
        self.save_button.setEnabled(True)

    def _saved(self, url: str, credentials: Credentials, outcome: SaveOutcome) -> None:
        if outcome.persistent:
            self.credentialsSaved.emit(outcome)
            self._finish(url, credentials)
            return
        # Kept for this session only: say so, keep every typed value, let the user go on.
        notice = texts.session_only_notice()
        if outcome.problem:
            notice += "\n" + texts.details_line(outcome.problem)
        self.notice_label.setText(notice)
        self.notice_label.setVisible(True)
        self._session_only_ack = True
        self.save_button.setText(self.tr("Use for this session"))
        self.save_button.setAccessibleName(self.tr("Use for this session"))
        self.credentialsSaved.emit(outcome)

    def _save_failed(self, exc: Exception) -> None:
        self.notice_label.setText(
            self.tr("The key and secret could not be saved.") + "\n" + texts.details_line(type(exc).__name__)
        )
        self.notice_label.setVisible(True)

    def notice_text(self) -> str:
        """The saving notice currently shown, or an empty string."""
        return self.notice_label.text() if self.notice_label.isVisible() else ""

    def _finish(self, url: str, credentials: Credentials) -> None:
        self._chosen = (url, credentials)
        self.connectionChosen.emit(url, credentials)
        self.accept()

    # --- closing -------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Closing drops pending answers: a slow test must not keep the dialog hostage, and a
        save still writing when the user cancels must not connect afterwards."""
        for task in (self._test_task, self._refresh_task, self._save_task):
            if task is not None:
                task.cancel()
        super().done(result)

    def __repr__(self) -> str:  # never shows the secret field
        return f"<ConnectionDialog url={self.base_url()!r}>"
