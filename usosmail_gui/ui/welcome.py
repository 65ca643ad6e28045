"""The first-run page: what the app does, in two sentences, and the two ways to begin.

Shown by the main window in place of the work area (``MainWindow(welcome=True)``, and
Help ▸ Welcome page); the page itself only says which way the user chose — or that the
user wants to go back (Escape, or "Back to the list" when a list is open).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QCommandLinkButton, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

__all__ = ["WelcomePage"]


class WelcomePage(QWidget):
    """A title, a few plain sentences and two large buttons.

    Signals:
        sandboxChosen(): "Try it with the sandbox" was pressed.
        connectChosen(): "Connect to my university" was pressed.
        backChosen(): Escape or "Back to the list" was pressed: the work area again.
    """

    sandboxChosen = Signal()
    connectChosen = Signal()
    backChosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self._back_name: str | None = None

        self.title_label = QLabel()
        self.title_label.setObjectName("welcomeTitle")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)

        self.intro_label = QLabel()
        self.intro_label.setObjectName("welcomeIntro")
        self.intro_label.setWordWrap(True)
        self.intro_label.setTextFormat(Qt.TextFormat.PlainText)

        self.sandbox_button = self._big_button()
        self.sandbox_button.setObjectName("welcomeSandboxButton")
        self.sandbox_button.clicked.connect(self.sandboxChosen)

        self.connect_button = self._big_button()
        self.connect_button.setObjectName("welcomeConnectButton")
        self.connect_button.clicked.connect(self.connectChosen)

        self.back_button = QPushButton()
        self.back_button.setObjectName("welcomeBackButton")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.backChosen)
        self.back_button.hide()
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._escape.activated.connect(self.backChosen)

        column = QWidget()
        column.setMaximumWidth(640)
        inner = QVBoxLayout(column)
        inner.setSpacing(14)
        inner.addWidget(self.title_label)
        inner.addWidget(self.intro_label)
        inner.addSpacing(10)
        inner.addWidget(self.sandbox_button)
        inner.addWidget(self.connect_button)
        inner.addSpacing(6)
        inner.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        QWidget.setTabOrder(self.sandbox_button, self.connect_button)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the page, in the language now installed."""
        self.setAccessibleName(self.tr("Welcome"))
        self.title_label.setText(self.tr("Welcome to usosmail-gui"))
        self.title_label.setAccessibleName(self.tr("Welcome to usosmail-gui"))
        self.intro_label.setText(
            self.tr(
                "Send a personal e-mail to every student on a list — with their name, their "
                "grade or anything else your spreadsheet holds — through your university's "
                "USOS. You see each message before it goes, and the app follows every one "
                "until USOS has sent it. If you are not sure yet, try the sandbox first: it "
                "works like the real thing, but no e-mail leaves your computer."
            )
        )
        self.intro_label.setAccessibleName(self.tr("About usosmail-gui"))
        self._describe(
            self.sandbox_button,
            self.tr("Try it with the sandbox"),
            self.tr("A demo list of students and a sample letter. Nothing is sent to anyone."),
            self.tr(
                "Starts a practice server on this computer with a demo list and a sample letter. "
                "Messages stay on this computer."
            ),
        )
        self._describe(
            self.connect_button,
            self.tr("Connect to my university"),
            self.tr("With the administrative key from your USOS API administrators."),
            self.tr(
                "Choose your university and enter the consumer key and secret you received from "
                "the people who run your USOS API."
            ),
        )
        self.back_button.setToolTip(self.tr("Back to the open list and template (Esc)"))
        self.offer_back(self._back_name)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def offer_back(self, list_name: str | None) -> None:
        """Show "Back to the list" naming ``list_name`` (the list open), or hide it (none)."""
        self._back_name = list_name
        if list_name is None:
            self.back_button.setText(self.tr("Back to the list"))
            self.back_button.setAccessibleName(self.tr("Back to the list"))
            self.back_button.hide()
            return
        text = self.tr("Back to the list: {name}").format(name=list_name)
        self.back_button.setText(text.replace("&", "&&"))
        self.back_button.setAccessibleName(text)
        self.back_button.show()

    @staticmethod
    def _describe(button: QCommandLinkButton, title: str, description: str, tip: str) -> None:
        button.setText(title)
        button.setDescription(description)
        button.setAccessibleName(title)
        button.setAccessibleDescription(description)
        button.setToolTip(tip)

    def _big_button(self) -> QCommandLinkButton:
        button = QCommandLinkButton()
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setAutoDefault(False)
        button.setMinimumHeight(72)
        return button

    def showEvent(self, event: QShowEvent) -> None:
        """The first button takes the keyboard, so Space starts the sandbox at once."""
        super().showEvent(event)
        self.sandbox_button.setFocus(Qt.FocusReason.OtherFocusReason)
