"""The strip a list shows while a file loads over it: what is opened, the step in words,
how far it is when known, and Cancel (the owner cancels the load)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from usosmail_gui.core.recipients import LoadProgress, Stage

__all__ = ["LoadingStrip"]


class LoadingStrip(QFrame):
    """Loading under way, shown over the previous list (which stays usable).

    Signals:
        cancelRequested(): Cancel was clicked.
    """

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.busy_label = QLabel()
        self.stage_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(220)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancelRequested)
        row = QHBoxLayout(self)
        row.addWidget(self.busy_label)
        row.addWidget(self.stage_label, 1)
        row.addWidget(self.progress_bar)
        row.addWidget(self.cancel_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.busy_label.setAccessibleName(self.tr("Loading"))
        self.stage_label.setAccessibleName(self.tr("Loading step"))
        self.progress_bar.setAccessibleName(self.tr("Loading progress"))
        self.cancel_button.setAccessibleName(self.tr("Cancel loading"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def start(self, text: str) -> None:
        """Loading started: ``text`` says what is opened; how far is not known yet."""
        self.busy_label.setText(text)
        self.stage_label.clear()
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)

    def show_progress(self, progress: LoadProgress) -> None:
        """A step of loading: the stage in words and, when known, how far it is."""
        words = {
            Stage.OPENING: self.tr("Opening the file…"),
            Stage.READING: self.tr("Reading the sheet…"),
            Stage.CONVERTING: self.tr("Reading the cells…"),
            Stage.CHECKING: self.tr("Checking the e-mail addresses…"),
        }
        self.progress_bar.setToolTip(words.get(progress.stage, ""))
        self.progress_bar.setAccessibleDescription(words.get(progress.stage, ""))
        fraction = progress.fraction
        if fraction is None:
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(fraction * 1000))
        self.stage_label.setText(words.get(progress.stage, ""))
