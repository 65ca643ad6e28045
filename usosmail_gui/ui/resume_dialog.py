"""The offer to finish interrupted campaigns: shown after start when the journal has any,
and from Send ▸ Interrupted campaigns….

Recipients never put in flight are safe to send and are sent by "Resume". Uncertain ones
(their request was under way when the connection failed or the app stopped) may already
have their message: they are listed with their addresses, all unticked, and only those
the user ticks are sent again. "Leave uncertain as they are" records that decision so the
campaign stops asking. "Close campaign…" ends it for good: nothing more of it is sent, its
uncertain recipients stay listed as uncertain, and it is not offered again. The dialog is
non-modal and only shows ``Interrupted`` values; the window does the journal work in workers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.application.sending import Interrupted
from usosmail_gui.ui.numbers import counted

from .colours import Tone, text_style
from .sending import counts_text, local_time
from .texts import subject_as_written

__all__ = ["ResumeDialog"]

_SEQ_ROLE = Qt.ItemDataRole.UserRole + 1


class ResumeDialog(QDialog):
    """Choose what to do with interrupted campaigns.

    Signals:
        resumeRequested(object, object): the ``CampaignRecord`` and the tuple of seqs of
            the uncertain recipients the user ticked (sent again, each once).
        leaveRequested(object, object): the ``CampaignRecord`` and the seqs of all its
            undecided uncertain recipients (left as they are).
        connectRequested(object, object): connect to the ``CampaignRecord``'s installation
            (the key is missing, or the window is connected elsewhere), then resume it with
            the seqs ticked now.
        closeRequested(object): the ``Interrupted`` campaign to close (once confirmed).
    """

    resumeRequested = Signal(object, object)
    leaveRequested = Signal(object, object)
    connectRequested = Signal(object, object)
    closeRequested = Signal(object)

    def __init__(self, found: Sequence[Interrupted], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeDialog")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self._found: list[Interrupted] = []
        self._problem: Callable[[], str] = lambda: ""
        self._build()
        self.set_found(found)

    def _build(self) -> None:
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.campaign_list = QListWidget()
        self.campaign_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.campaign_list.currentRowChanged.connect(lambda _row: self._show_current())
        self.details_label = QLabel()
        self.details_label.setObjectName("campaignDetails")
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)

        self.uncertain_box = QGroupBox()
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.uncertain_list = QListWidget()
        self.uncertain_list.setObjectName("uncertainList")
        self.uncertain_list.itemChanged.connect(lambda _item: self._update_buttons())
        box_layout = QVBoxLayout(self.uncertain_box)
        box_layout.addWidget(self.explain)
        box_layout.addWidget(self.uncertain_list)

        self.problem_label = QLabel()
        self.problem_label.setObjectName("resumeProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setStyleSheet(text_style(Tone.ERROR, self.palette()))
        self.problem_label.hide()
        self.connect_button = QPushButton()
        self.connect_button.setObjectName("resumeConnect")
        self.connect_button.setAutoDefault(False)
        self.connect_button.clicked.connect(self._connect)
        self.connect_button.hide()

        self.buttons = QDialogButtonBox()
        self.resume_button = QPushButton()
        self.resume_button.setAutoDefault(False)
        self.resume_button.clicked.connect(self._resume)
        self.leave_button = QPushButton()
        self.leave_button.setAutoDefault(False)
        self.leave_button.clicked.connect(self._leave)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeCampaignButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self._close_campaign)
        self.later_button = QPushButton()
        self.later_button.clicked.connect(self.reject)
        self.later_button.setDefault(True)  # Enter never sends
        self.buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.leave_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.campaign_list)
        layout.addWidget(self.details_label)
        layout.addWidget(self.uncertain_box, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.resize(620, 560)
        self._retranslate_fixed()

    def _retranslate_fixed(self) -> None:
        """The texts that do not depend on the campaigns shown."""
        self.setWindowTitle(self.tr("Interrupted campaigns"))
        self.intro.setText(
            self.tr(
                "These campaigns were not finished. Nothing was lost: every recipient is recorded "
                "in the journal, and those never sent can be sent now."
            )
        )
        self.campaign_list.setAccessibleName(self.tr("Interrupted campaigns"))
        self.details_label.setAccessibleName(self.tr("Campaign details"))
        self.uncertain_box.setTitle(self.tr("Uncertain recipients"))
        self.explain.setText(
            self.tr(
                "Their request was under way when the connection failed or the app stopped, so "
                "USOS may already have their message. Tick only those you are sure did not get "
                "it: they will be sent again. Unticked ones are not sent."
            )
        )
        self.uncertain_list.setAccessibleName(self.tr("Uncertain recipients to send again"))
        self.problem_label.setAccessibleName(self.tr("Why it cannot be resumed now"))
        self.connect_button.setText(self.tr("&Connect…"))
        self.connect_button.setAccessibleName(self.tr("Connect to the campaign's installation"))
        self.connect_button.setToolTip(
            self.tr("Enter the key and secret of the campaign's installation; the campaign is resumed after.")
        )
        self.resume_button.setAccessibleName(self.tr("Resume"))
        self.leave_button.setText(self.tr("&Leave uncertain as they are"))
        self.leave_button.setAccessibleName(self.tr("Leave uncertain as they are"))
        self.leave_button.setToolTip(
            self.tr(
                "Record that the uncertain recipients are not to be sent again; the campaign stops asking."
            )
        )
        self.close_button.setText(self.tr("&Close campaign…"))
        self.close_button.setAccessibleName(self.tr("Close the campaign"))
        self.close_button.setToolTip(
            self.tr(
                "End this campaign: nothing more of it will be sent, and it is not offered again. "
                "Uncertain recipients stay listed as uncertain."
            )
        )
        self.later_button.setText(self.tr("Later"))
        self.later_button.setAccessibleName(self.tr("Later"))
        self.later_button.setToolTip(
            self.tr("Leave everything as it is; the app asks again at the next start.")
        )

    def retranslate(self) -> None:
        """Every text in the language now installed; the campaign chosen, the recipients
        ticked, the scroll and a problem shown stay (the problem's text is the caller's)."""
        self._retranslate_fixed()
        ticked = set(self.chosen())
        scrolled = self.uncertain_list.verticalScrollBar().value()
        problem = self.problem_label.isVisibleTo(self), self.connect_button.isVisibleTo(self)
        self.set_found(self._found)
        self.uncertain_list.blockSignals(True)
        for entry in self.uncertain_items():
            if int(entry.data(_SEQ_ROLE)) in ticked:
                entry.setCheckState(Qt.CheckState.Checked)
        self.uncertain_list.blockSignals(False)
        self.uncertain_list.verticalScrollBar().setValue(scrolled)
        if problem[0]:
            self.problem_label.setText(self._problem())
        self.problem_label.setVisible(problem[0])
        self.connect_button.setVisible(problem[1])
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a label with a style sheet hears nothing
            self.problem_label.setStyleSheet(text_style(Tone.ERROR, self.palette()))
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # --- content ----------------------------------------------------------------------
    def set_found(self, found: Sequence[Interrupted]) -> None:
        """Show these campaigns (newest first), keeping the one selected if still there."""
        current = self.current()
        keep = current.campaign.id if current is not None else None
        self._found = list(found)
        self.campaign_list.blockSignals(True)
        self.campaign_list.clear()
        for item in self._found:
            c = item.campaign
            test = self.tr(" (test)") if c.is_test else ""
            entry = QListWidgetItem(
                counted(
                    self.tr("{date}{test} · “{subject}” · %n message(s)", "", item.counts.total),
                    item.counts.total,
                ).format(
                    date=local_time(c.created_at), test=test, subject=subject_as_written(c.template.subject)
                )
            )
            entry.setData(_SEQ_ROLE, c.id)
            self.campaign_list.addItem(entry)
        ids = [item.campaign.id for item in self._found]
        self.campaign_list.setCurrentRow(ids.index(keep) if keep in ids else 0 if ids else -1)
        self.campaign_list.blockSignals(False)
        self.campaign_list.setVisible(len(self._found) > 1)
        self._show_current()

    def found(self) -> list[Interrupted]:
        return list(self._found)

    def current(self) -> Interrupted | None:
        row = self.campaign_list.currentRow()
        return self._found[row] if 0 <= row < len(self._found) else None

    def select_campaign(self, campaign: str) -> None:
        ids = [item.campaign.id for item in self._found]
        if campaign in ids:
            self.campaign_list.setCurrentRow(ids.index(campaign))

    def _show_current(self) -> None:
        self.problem_label.hide()
        self.connect_button.hide()
        item = self.current()
        self.uncertain_list.blockSignals(True)
        self.uncertain_list.clear()
        if item is None:
            self.details_label.setText(self.tr("No campaign is interrupted: nothing is waiting to be sent."))
            self.uncertain_box.hide()
            self.uncertain_list.blockSignals(False)
            self._update_buttons()
            return
        c, counts = item.campaign, item.counts
        lines = [
            self.tr("Campaign {id}, started {date}").format(id=c.id, date=local_time(c.created_at)),
            self.tr("Subject: {subject}").format(subject=subject_as_written(c.template.subject)),
            self.tr("Installation: {url}").format(url=c.installation),
            self.tr("So far: {counts}").format(counts=counts_text(counts)),
            counted(
                self.tr("Never sent (Resume sends them): %Ln recipient(s)", "", counts.not_sent),
                counts.not_sent,
            ),
        ]
        self.details_label.setText("\n".join(lines))
        for record in item.uncertain:
            entry = QListWidgetItem(
                self.tr("row {row}: {addresses}").format(
                    row=record.row, addresses=", ".join(record.addresses)
                )
            )
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            entry.setData(_SEQ_ROLE, record.seq)
            if record.error:
                entry.setToolTip(record.error)
            self.uncertain_list.addItem(entry)
        self.uncertain_box.setTitle(
            counted(self.tr("Uncertain recipients (%n)", "", len(item.uncertain)), len(item.uncertain))
        )
        self.uncertain_box.setVisible(bool(item.uncertain))
        self.uncertain_list.blockSignals(False)
        self._update_buttons()

    def chosen(self) -> tuple[int, ...]:
        """Seqs of the ticked uncertain recipients of the current campaign."""
        found = []
        for index in range(self.uncertain_list.count()):
            entry = self.uncertain_list.item(index)
            if entry.checkState() == Qt.CheckState.Checked:
                found.append(int(entry.data(_SEQ_ROLE)))
        return tuple(found)

    def uncertain_items(self) -> list[QListWidgetItem]:
        return [self.uncertain_list.item(i) for i in range(self.uncertain_list.count())]

    def _update_buttons(self) -> None:
        item = self.current()
        chosen = len(self.chosen())
        to_send = (item.counts.not_sent if item is not None else 0) + chosen
        self.resume_button.setEnabled(to_send > 0)
        self.resume_button.setText(counted(self.tr("&Resume: send %Ln message(s)", "", to_send), to_send))
        self.resume_button.setAccessibleName(
            counted(self.tr("Resume: send %Ln message(s)", "", to_send), to_send)
        )
        self.leave_button.setEnabled(item is not None and bool(item.uncertain))
        self.close_button.setEnabled(item is not None)

    def show_problem(self, text: str | Callable[[], str], *, connect: bool = False) -> None:
        """Why the current campaign cannot be resumed now (another installation…), or what
        writes it (said again after a language switch); ``connect``: connecting to its
        installation would let it resume (Connect… shown)."""
        self._problem = text if callable(text) else (lambda: text)
        self.problem_label.setText(self._problem())
        self.problem_label.show()
        self.connect_button.setVisible(connect)
        if connect:
            self.connect_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_problem(self) -> None:
        self.problem_label.hide()
        self.connect_button.hide()

    def _connect(self) -> None:
        item = self.current()
        if item is not None:
            self.connectRequested.emit(item.campaign, self.chosen())

    def _resume(self) -> None:
        item = self.current()
        if item is not None and self.resume_button.isEnabled():
            self.resumeRequested.emit(item.campaign, self.chosen())

    def _leave(self) -> None:
        item = self.current()
        if item is not None and item.uncertain:
            self.leaveRequested.emit(item.campaign, tuple(r.seq for r in item.uncertain))

    def _close_campaign(self) -> None:
        item = self.current()
        if item is not None:
            self.closeRequested.emit(item)
