"""Send ▸ My address for tests…: the question for the user's own address. An address that
is not one keeps the dialog open, with what was typed and why it is wrong beneath it (it
used to close the prompt and lose the typing)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from usosmail_gui.ui.colours import Tone, text_style

__all__ = ["TestAddressDialog"]


class TestAddressDialog(QDialog):
    """A line for the address; ``check(text)`` says what is wrong with it (None: nothing).

    Signals:
        textValueSelected(str): an address that passed ``check``, stripped; the dialog closes.
    """

    __test__ = False  # not a pytest class, whatever its name

    textValueSelected = Signal(str)

    def __init__(self, check: Callable[[str], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("testAddressDialog")
        self._check = check
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.line = QLineEdit()
        self.line.setObjectName("testAddressEdit")
        self.label.setBuddy(self.line)
        self.error_label = QLabel()
        self.error_label.setObjectName("testAddressError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.line.textChanged.connect(lambda _text: self.error_label.hide())
        layout = QVBoxLayout(self)
        for widget in (self.label, self.line, self.error_label, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.retranslate()

    def retranslate(self) -> None:
        """The dialog's texts in the language now installed (a complaint shown stays: it is
        said again on the next try)."""
        self.setWindowTitle(self.tr("Your address for tests"))
        self.label.setText(
            self.tr(
                "Test messages go to your own e-mail address. Which one? (It is remembered on this "
                "computer; change it in Send ▸ My address for tests….)"
            )
        )
        self.line.setAccessibleName(self.tr("Your address for tests"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Use this address"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def setTextValue(self, text: str) -> None:  # named as QInputDialog's, which it replaces
        self.line.setText(text)

    def textValue(self) -> str:
        return self.line.text()

    def done(self, result: int) -> None:
        """Accepted: only with an address that passes the check (else it says why, and stays)."""
        if result == QDialog.DialogCode.Accepted:
            text = self.line.text().strip()
            problem = self._check(text)
            if problem is not None:
                self.error_label.setStyleSheet(text_style(Tone.ERROR, self.palette()))
                self.error_label.setText(problem)
                self.error_label.setAccessibleDescription(problem)
                self.error_label.show()
                self.line.setFocus(Qt.FocusReason.OtherFocusReason)
                self.line.selectAll()
                return
            self.textValueSelected.emit(text)
        super().done(result)
