"""The confirmation before a campaign: what will be sent, to how many, what is left out and
why, from whom, how — and an explicit "yes" that a tired user cannot click through.

The campaign snapshot (``core.campaign.build_campaign``, with the check of every row) is
built in a worker, so a 50,000-row list never freezes the window; the dialog only shows
the ``CampaignDraft`` that comes back. Changing the mode builds it again (reusing the
check); changing the batch size only re-plans the requests. Whatever changes what will
be sent unticks the confirmation, so it always names the number about to go out.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.application.letters import LetterInputs
from usosmail_gui.application.preparing import (
    NothingToSend,
    Prepared,
    RetrySource,
    prepare_retry,
    prepare_steps,
)
from usosmail_gui.core.campaign import (
    DEFAULT_BATCH_SIZE,
    EXCLUDED_BY_USER,
    MAX_BATCH_SIZE,
    CampaignDraft,
    CampaignError,
    Excluded,
    SendMode,
)
from usosmail_gui.core.counts import draft_counts
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.recipients.table import Code as ListCode
from usosmail_gui.core.template import CheckProgress, MessageTemplate
from usosmail_gui.core.template import Code as TemplateCode
from usosmail_gui.ui.problem_texts import campaign_error_text, excluded_text

from .colours import Tone, text_style
from .numbers import counted, number
from .plurals import TextContext
from .workers import Task, run_in_background
from .wrapped_column import WrappedReason

__all__ = ["SendDialog", "exclusion_title"]

MAX_LISTED = 500  # excluded rows listed per reason (the rest counted)


class ExclusionTexts(TextContext):
    """The translation context of ``exclusion_title``'s counted text."""


def exclusion_title(code: str, items: list[Excluded]) -> str:
    """A group of excluded rows in a few words ("Invalid address — 3 rows")."""

    translate = QCoreApplication.translate
    titles = {
        ListCode.EMAIL_MISSING: translate("SendDialog", "No address"),
        ListCode.EMAIL_INVALID: translate("SendDialog", "Invalid address"),
        ListCode.EMAIL_DUPLICATE: translate("SendDialog", "Address repeated in another row"),
        ListCode.EMAIL_MULTIPLE: translate("SendDialog", "Several addresses in one cell"),
        ListCode.NO_EMAIL_COLUMN: translate("SendDialog", "No e-mail column"),
        EXCLUDED_BY_USER: translate("SendDialog", "Unticked in the list"),
        TemplateCode.EMPTY_VALUE: translate("SendDialog", "A placeholder's cell is empty"),
        TemplateCode.SUBJECT_TOO_LONG: translate("SendDialog", "Subject too long"),
        TemplateCode.CONTENT_TOO_LONG: translate("SendDialog", "Message too long"),
        TemplateCode.SUBJECT_LINE_BREAK: translate("SendDialog", "Line break in the subject"),
        TemplateCode.CONTROL_CHARACTER: translate("SendDialog", "Invisible control character in a cell"),
        TemplateCode.RENDER_FAILED: translate("SendDialog", "The message cannot be made"),
    }
    title = titles.get(code) or (excluded_text(items[0]) if items else code)
    return counted(ExclusionTexts.tr("{title} — %Ln row(s)", "", len(items)), len(items)).format(title=title)


class SendDialog(QDialog):
    """Confirm a campaign. Window-modal (``open()``), so the list and the template cannot
    change under it.

    Signals:
        prepared(object): the ``Prepared`` now shown, or the exception that said nothing
            can be sent (``NothingToSend``, ``CampaignError``), once on screen.
        sendConfirmed(object): the confirmed ``CampaignDraft``, just before accept.
    """

    prepared = Signal(object)
    sendConfirmed = Signal(object)

    def __init__(
        self,
        table: RecipientTable | None,
        template: MessageTemplate,
        *,
        installation: str,
        key_fingerprint: str,
        installation_text: str = "",
        retry: RetrySource | None = None,
        letters: LetterInputs | None = None,
        shown_rows: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``retry``: confirm sending again to an earlier campaign's recipients (then
        ``table`` is not used and the mode is the earlier campaign's). ``letters``: the
        composer's derived columns and grouping, sent as the CLI sends them.
        ``shown_rows``: how many rows the list shows now (fewer than the table's when a
        search filters it: the confirmation then says the search does not limit who
        receives)."""
        super().__init__(parent)
        self.setObjectName("sendDialog")
        self.setWindowTitle(self.tr("Send again") if retry else self.tr("Send the campaign"))
        self._table = table
        self._template = template
        self._retry = retry
        self._letters = letters
        self._installation = installation
        self._fingerprint = key_fingerprint
        self._prepared: Prepared | None = None
        self._task: Task | None = None
        self._generation = 0
        self._shown_rows = shown_rows
        self._build(installation_text or installation)
        if retry is not None:
            for radio in (self.messages_radio, self.template_radio):
                radio.setEnabled(False)  # the earlier campaign's mode is kept
        self._prepare()

    # --- layout -----------------------------------------------------------------------
    def _build(self, where: str) -> None:
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Preparation state"))
        self.status_label.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setAccessibleName(self.tr("Checking the recipients"))
        self.busy_bar.setRange(0, 0)

        self.rows_label = QLabel()
        self.rows_label.setObjectName("rowsCount")
        self.rows_label.setAccessibleName(self.tr("Rows of the list"))
        self.rows_label.setWordWrap(True)
        self.filter_label = QLabel()
        self.filter_label.setObjectName("filterNote")
        self.filter_label.setAccessibleName(self.tr("The search does not limit who receives"))
        self.filter_label.setWordWrap(True)
        self.filter_label.setTextFormat(Qt.TextFormat.PlainText)
        self.filter_label.hide()
        self.recipients_label = QLabel()
        self.recipients_label.setObjectName("recipientsCount")
        self.recipients_label.setAccessibleName(self.tr("Recipients"))
        self.where_label = QLabel(where)
        self.where_label.setAccessibleName(self.tr("Installation"))
        self.sender_label = QLabel()
        self.sender_label.setWordWrap(True)
        self.sender_label.setAccessibleName(self.tr("Sender"))
        self.subject_label = QLabel()
        self.subject_label.setAccessibleName(self.tr("Subject of the first recipient"))
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        self.requests_label = QLabel()
        self.requests_label.setAccessibleName(self.tr("Requests"))
        form = QFormLayout()
        form.addRow(self.tr("Rows:"), self.rows_label)
        form.addRow(self.tr("Recipients:"), self.recipients_label)
        form.addRow(self.tr("Through:"), self.where_label)
        form.addRow(self.tr("Sender:"), self.sender_label)
        form.addRow(self.tr("Subject:"), self.subject_label)
        form.addRow(self.tr("Requests:"), self.requests_label)

        self.excluded_label = QLabel()
        self.excluded_label.setObjectName("excludedCount")
        self.excluded_label.setAccessibleName(self.tr("Excluded rows"))
        self.excluded_label.setWordWrap(True)
        self.excluded_tree = QTreeWidget()
        self.excluded_tree.setAccessibleName(self.tr("Excluded rows and why"))
        self.excluded_tree.setHeaderLabels([self.tr("Row"), self.tr("Address"), self.tr("Why")])
        # the reasons are sentences: wrapped in a "Why" column as wide as the rest of the view,
        # each row as tall as its reason needs, so none is cut at a laptop's width
        self.excluded_tree.setWordWrap(True)
        self.excluded_tree.setUniformRowHeights(False)
        self.excluded_tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.excluded_tree.header().setStretchLastSection(True)
        self.excluded_tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.excluded_tree.setItemDelegateForColumn(2, WrappedReason(self.excluded_tree))
        # a row's height follows its reason's width (Qt keeps the old heights otherwise)
        self.excluded_tree.header().sectionResized.connect(
            lambda column, _old, _new: self.excluded_tree.doItemsLayout() if column == 2 else None
        )
        self.excluded_tree.hide()

        mode_box = QGroupBox(self.tr("How to send"))
        self.messages_radio = QRadioButton(self.tr("&Messages (recommended)"))
        self.messages_radio.setAccessibleName(self.tr("Messages mode"))
        self.messages_radio.setChecked(True)
        messages_hint = QLabel(
            self.tr(
                "The app makes each message itself: every recipient gets exactly what the preview "
                "shows, from the sender set in the template."
            )
        )
        self.template_radio = QRadioButton(self.tr("&Template"))
        self.template_radio.setAccessibleName(self.tr("Template mode"))
        template_hint = QLabel(
            self.tr(
                "USOS fills in the template; only the columns it uses leave this computer. A row "
                "with several addresses becomes one message per address. USOS sends every message "
                'from its "USOS Notifier" address: the sender name and address are not used.'
            )
        )
        for hint in (messages_hint, template_hint):
            hint.setWordWrap(True)
            hint.setIndent(24)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.messages_radio)
        self.mode_group.addButton(self.template_radio)
        self.mode_group.buttonToggled.connect(self._mode_toggled)
        mode_layout = QVBoxLayout(mode_box)
        for widget in (self.messages_radio, messages_hint, self.template_radio, template_hint):
            mode_layout.addWidget(widget)

        advanced = QGroupBox(self.tr("Advanced"))
        self.batch_spin = QSpinBox()
        self.batch_spin.setAccessibleName(self.tr("Messages per request"))
        self.batch_spin.setRange(1, MAX_BATCH_SIZE)
        self.batch_spin.setValue(DEFAULT_BATCH_SIZE)
        self.batch_spin.setToolTip(
            self.tr("How many messages go in one request to USOS (default %n).", "", DEFAULT_BATCH_SIZE)
        )
        self.batch_spin.valueChanged.connect(lambda _value: self._prepare())
        advanced_form = QFormLayout(advanced)
        advanced_form.addRow(self.tr("Messages per &request:"), self.batch_spin)

        self.problem_label = QLabel()
        self.problem_label.setObjectName("nothingToSend")
        self.problem_label.setAccessibleName(self.tr("Why nothing can be sent"))
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setStyleSheet(text_style(Tone.ERROR, self.palette(), bold=True))
        self.problem_label.hide()

        self.confirm_box = QCheckBox()
        self.confirm_box.setAccessibleName(self.tr("Confirm sending"))
        self.confirm_box.setToolTip(self.tr("Send stays disabled until you tick this."))
        self.confirm_box.toggled.connect(lambda _checked: self._update_buttons())

        self.buttons = QDialogButtonBox()
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setAccessibleName(self.tr("Send"))
        self.send_button.setAutoDefault(False)  # Enter never sends
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self._send)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setDefault(True)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.busy_bar)
        layout.addLayout(form)
        layout.addWidget(self.filter_label)
        layout.addWidget(self.excluded_label)
        layout.addWidget(self.excluded_tree, 1)
        layout.addWidget(mode_box)
        layout.addWidget(advanced)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.confirm_box)
        layout.addWidget(self.buttons)
        self.resize(640, 620)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a label with a style sheet hears nothing
            self.problem_label.setStyleSheet(text_style(Tone.ERROR, self.palette(), bold=True))
            if self.filter_label.isVisible():
                self.filter_label.setStyleSheet(text_style(Tone.WARNING, self.palette(), bold=True))

    # --- state ------------------------------------------------------------------------
    def mode(self) -> SendMode:
        return SendMode.TEMPLATE if self.template_radio.isChecked() else SendMode.MESSAGES

    def batch_size(self) -> int:
        return self.batch_spin.value()

    def draft(self) -> CampaignDraft | None:
        """The snapshot shown now (None while preparing or when nothing can be sent)."""
        return self._prepared.draft if self._prepared is not None else None

    @property
    def preparing(self) -> bool:
        return self._task is not None

    def _mode_toggled(self, _button: object, checked: bool) -> None:
        if checked and self._retry is None:
            self._prepare()

    def _prepare(self) -> None:
        """(Re)build the snapshot in a worker; the newest request wins."""
        if self._task is not None:
            self._task.cancel()
        self._generation += 1
        generation = self._generation
        previous = self._prepared
        self.confirm_box.setChecked(False)
        self.confirm_box.setEnabled(False)
        self.busy_bar.show()
        self.status_label.setText(self.tr("Preparing the messages…"))
        self._update_buttons()
        if self._retry is not None:
            self._task = run_in_background(
                prepare_retry,
                self._retry,
                installation=self._installation,
                key_fingerprint=self._fingerprint,
                batch_size=self.batch_size(),
                previous=previous,
                parent=self,
                on_result=lambda prepared: self._show(generation, prepared),
                on_error=lambda exc: self._show_error(generation, exc),
                on_finished=lambda: self._done(generation),
            )
            return
        assert self._table is not None
        self._task = run_in_background(
            prepare_steps,
            self._table,
            self._template,
            installation=self._installation,
            key_fingerprint=self._fingerprint,
            mode=self.mode(),
            batch_size=self.batch_size(),
            previous=previous,
            letters=self._letters,
            parent=self,
            on_progress=lambda step: self._progress(generation, step),
            on_result=lambda prepared: self._show(generation, prepared),
            on_error=lambda exc: self._show_error(generation, exc),
            on_finished=lambda: self._done(generation),
        )

    def _progress(self, generation: int, step: object) -> None:
        if generation == self._generation and isinstance(step, CheckProgress):
            self.busy_bar.setRange(0, max(step.total, 1))
            self.busy_bar.setValue(step.done)
            self.status_label.setText(
                counted(
                    self.tr("Checking the recipients: {done} of %Ln…", "", step.total), step.total
                ).format(done=number(step.done))
            )

    def _done(self, generation: int) -> None:
        if generation == self._generation:
            self._task = None
            self.busy_bar.hide()
            self._update_buttons()

    def _show(self, generation: int, prepared: Prepared) -> None:
        if generation != self._generation:
            return
        self._prepared = prepared
        draft = prepared.draft
        count = draft.recipient_count
        if self._retry is not None:
            radio = self.template_radio if draft.mode is SendMode.TEMPLATE else self.messages_radio
            radio.blockSignals(True)
            radio.setChecked(True)
            radio.blockSignals(False)
        self.status_label.setText(self.tr("Check what will be sent, then confirm."))
        self.problem_label.hide()
        self.recipients_label.setText(
            counted(self.tr("%Ln message(s)", "", count), count)
            + " "
            + counted(self.tr("to %Ln recipient(s)", "", draft.address_count), draft.address_count)
        )
        self._show_rows(draft)
        t = draft.template
        if draft.mode is SendMode.TEMPLATE:
            sender = self.tr(
                "the USOS Notifier address: in template mode USOS sends every message from it, so "
                "students do not see the sender name and address set in the template"
            )
        elif t.from_name:
            sender = draft.sender_text()
        else:
            sender = self.tr("USOS's default sender (no sender name given)")
        self.sender_label.setText(sender)
        self.subject_label.setText(
            self.tr("{subject}   (row {row}, the first recipient)").format(
                subject=draft.first_subject, row=draft.messages[0].row
            )
        )
        self.requests_label.setText(
            counted(self.tr("%Ln request(s)", "", prepared.requests), prepared.requests)
            + " "
            + counted(self.tr("of up to %Ln message(s)", "", draft.batch_size), draft.batch_size)
        )
        self._show_excluded(draft)
        confirmation = counted(
            self.tr("I have checked the preview and want to send %Ln message(s)", "", count), count
        )
        self.confirm_box.setText(confirmation)
        self.confirm_box.setAccessibleName(confirmation)
        self.confirm_box.setEnabled(True)
        self.confirm_box.show()
        self.send_button.setText(counted(self.tr("&Send %Ln message(s)", "", count), count))
        self.send_button.setAccessibleName(counted(self.tr("Send %Ln message(s)", "", count), count))
        self._update_buttons()
        self.prepared.emit(prepared)

    def _show_rows(self, draft: CampaignDraft) -> None:
        """How many rows of the list receive and how many are left out (counted as the
        status bar counts them), and whether a search hides some of them."""
        if self._retry is not None:
            self.rows_label.setText(self.tr("the failed recipients of an earlier campaign"))
            self.filter_label.hide()
            return
        counts = draft_counts(draft)
        text = counted(self.tr("%Ln row(s) will receive", "", counts.will_receive), counts.will_receive)
        text = self.tr("{receiving} of {rows}").format(
            receiving=text, rows=counted(self.tr("%Ln row(s) of the list", "", counts.rows), counts.rows)
        )
        if counts.excluded:
            text += " · " + counted(self.tr("%Ln left out", "", counts.excluded), counts.excluded)
        self.rows_label.setText(text)
        shown = self._shown_rows
        table = self._table
        if shown is None or table is None or shown >= table.row_count:
            self.filter_label.hide()
            return
        self.filter_label.setText(
            self.tr(
                "The list shows {shown} of {total} rows (a search hides the others), but the search "
                "does not limit who receives: every ticked row gets this message, shown or not. To "
                "send to some rows only, untick the others (or clear the search to see them all)."
            ).format(shown=number(shown), total=number(table.row_count))
        )
        self.filter_label.setStyleSheet(text_style(Tone.WARNING, self.palette(), bold=True))
        self.filter_label.show()

    def _show_excluded(self, draft: CampaignDraft) -> None:
        tree = self.excluded_tree
        tree.clear()
        excluded = draft.excluded
        if self._retry is not None:
            text = (
                self.tr("Sending again to the failed and uncertain recipients of campaign {id}.")
                if self._retry.include_uncertain
                else self.tr("Sending again to the failed recipients of campaign {id}.")
            )
            self.excluded_label.setText(text.format(id=self._retry.campaign))
            tree.hide()
            return
        if not excluded:
            self.excluded_label.setText(self.tr("Excluded: none — every row of the list gets the message."))
            tree.hide()
            return
        self.excluded_label.setText(
            counted(
                self.tr("Excluded: %Ln row(s) get nothing, for these reasons:", "", len(excluded)),
                len(excluded),
            )
        )
        for code, items in draft.excluded_by_reason().items():
            group = QTreeWidgetItem(tree, [exclusion_title(code, items)])
            group.setFirstColumnSpanned(True)
            group.setData(0, Qt.ItemDataRole.UserRole, code)
            for item in items[:MAX_LISTED]:
                QTreeWidgetItem(group, [str(item.row), ", ".join(item.addresses), excluded_text(item)])
            if len(items) > MAX_LISTED:
                rest = len(items) - MAX_LISTED
                more = QTreeWidgetItem(group, [counted(self.tr("… and %Ln more", "", rest), rest)])
                more.setFirstColumnSpanned(True)
        if tree.topLevelItemCount() == 1 or len(excluded) <= 50:
            tree.expandAll()
        tree.resizeColumnToContents(0)
        tree.show()

    def _show_error(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._prepared = None
        if isinstance(exc, NothingToSend) and exc.template_blocks:
            text = self.tr(
                "Nothing can be sent: the message has errors. They are listed under Problems; "
                "correct them and try again."
            )
        elif isinstance(exc, NothingToSend):
            text = self.tr(
                "Nothing can be sent: no row of the list can get this message (every row is "
                "unticked or has a problem, such as a missing, invalid or repeated address). "
                "The Problems list shows why; correct the list and try again."
            )
        else:
            reason = campaign_error_text(exc) if isinstance(exc, CampaignError) else str(exc)
            text = self.tr("Nothing can be sent: {reason}").format(reason=reason)
        self.status_label.setText(self.tr("This campaign cannot start."))
        self.problem_label.setText(text)
        self.problem_label.show()
        self.confirm_box.setText(self.tr("Nothing to confirm"))
        self.confirm_box.setEnabled(False)
        self.confirm_box.hide()
        self._update_buttons()
        self.prepared.emit(exc)

    def _update_buttons(self) -> None:
        self.send_button.setEnabled(
            self._task is None and self._prepared is not None and self.confirm_box.isChecked()
        )

    def _send(self) -> None:
        draft = self.draft()
        if draft is None or not self.send_button.isEnabled():
            return
        self.sendConfirmed.emit(draft)
        self.accept()

    def done(self, result: int) -> None:
        """However the dialog ends, a preparation still running is dropped."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        super().done(result)
