"""The length of the selected recipient's subject or message against USOS's limit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from usosmail_gui.ui.numbers import counted, number

from .colours import Tone, text_style

__all__ = ["LengthCounter"]


class LengthCounter(QLabel):
    """ "57 of 200 characters": a rendered text's length against USOS's limit, red when over."""

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.length: int | None = None
        self.over_limit = False
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.set_length(None)

    def set_length(self, length: int | None, *, for_recipient: bool = True) -> None:
        """``length`` of the selected recipient's text (``for_recipient`` False: of the
        template as written, no recipient being selected; None: it cannot be rendered)."""
        self.length = length
        self.over_limit = length is not None and length > self.limit
        count = "–" if length is None else number(length)
        self.setText(
            counted(self.tr("{count} of %Ln character(s)", "", self.limit), self.limit).format(count=count)
        )
        if length is None:
            tip = self.tr("The message cannot be put together for this recipient: see the problems.")
        elif for_recipient:
            tip = counted(
                self.tr(
                    "Length of the selected recipient's message; USOS accepts at most %Ln character(s).",
                    "",
                    self.limit,
                ),
                self.limit,
            )
        else:
            tip = self.tr("No recipient is selected: the length of the template as written.")
        self.setToolTip(tip)
        self.restyle()

    def restyle(self) -> None:
        """Red and bold when over the limit, in a red readable on the palette of the widget
        it sits on (called again by the editor when that palette changes)."""
        parent = self.parentWidget()
        palette = QGuiApplication.palette() if parent is None else parent.palette()
        self.setStyleSheet(text_style(Tone.ERROR, palette, bold=True) if self.over_limit else "")
