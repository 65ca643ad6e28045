"""The preview of one recipient's message: To, subject and content exactly as rendered.

Plain text is shown verbatim in a read-only editor (every space and line kept); while the
user types, the preview is changed by one cursor edit of the part that changed, so a
keystroke re-lays out a line, not 15,000 characters. HTML is shown in ``SafeTextBrowser``,
changed in place where a keystroke only changed text between tags (html_update.py),
which never fetches anything (see there) and never follows a link; "Show HTML source"
shows the exact text that is sent. A template that cannot be rendered is shown as the
core's ``render_pieces``: what renders, with the broken places marked, and a line that
says the message cannot be sent.
"""

from __future__ import annotations

import base64
import binascii
import urllib.parse
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QFontDatabase, QImage, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.core.template import (
    CompiledPart,
    Literal,
    PieceKind,
    RenderedMessage,
    render_pieces,
    utf16_offset,
)
from usosmail_gui.ui.numbers import counted, number

from .colours import GRAPHIC_CONTRAST, Tone, readable, tint
from .html_update import update_html
from .text_spans import changed_span, document_text

__all__ = ["MarkedPiece", "PreviewPane", "SafeTextBrowser", "Shown", "marked_pieces"]

MAX_DATA_URL_BYTES = 5_000_000


class Shown(Enum):
    """How a run of an unrenderable preview is drawn."""

    TEXT = "text"  # the template's own text
    VALUE = "value"  # a placeholder filled in
    MISSING = "missing"  # a placeholder shown as written: no recipient list to fill it from
    BROKEN = "broken"  # what str.format rejects, as written


MarkedPiece = tuple[str, Shown]


def marked_pieces(part: CompiledPart, values: Mapping[str, str]) -> list[MarkedPiece]:
    """``render_pieces`` with a field that has no value because no list is loaded told
    apart from text that is really broken (both are "broken" to the core)."""
    out: list[MarkedPiece] = []
    # render_pieces makes one piece per segment of the parse, in order
    for piece, segment in zip(render_pieces(part, values), part.parsed.segments, strict=True):
        if piece.kind is PieceKind.TEXT:
            out.append((piece.text, Shown.TEXT))
        elif piece.kind is PieceKind.VALUE:
            out.append((piece.text, Shown.VALUE))
        elif not values and not isinstance(segment, Literal):
            out.append((piece.text, Shown.MISSING))
        else:
            out.append((piece.text, Shown.BROKEN))
    return out


def _blocked_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image


class SafeTextBrowser(QTextBrowser):
    """A QTextBrowser that shows HTML without loading anything from anywhere.

    ``loadResource`` answers every image, style sheet or document the HTML asks for:
    ``data:`` URLs are decoded here; anything else gets an empty stand-in and is listed
    in ``blocked``. Not ``None``: for a null answer QTextDocument falls back to reading
    ``file:`` and relative URLs from disk itself (checked by the tests), and a letter
    must look the same here as anywhere. Links are never followed (``setOpenLinks(False)``).
    """

    MAX_BLOCKED = 50

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.blocked: list[str] = []  # URLs asked for and refused, oldest first (at most MAX_BLOCKED)
        self._blocked_image = _blocked_image()

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        if isinstance(name, str):
            name = QUrl(name)
        image = type == QTextDocument.ResourceType.ImageResource.value
        if name.scheme().lower() == "data":
            data = _decode_data_url(name)
            if data is not None:
                if image:
                    decoded = QImage.fromData(data)
                    if not decoded.isNull():
                        return decoded
                elif type == QTextDocument.ResourceType.StyleSheetResource.value:
                    return data.decode("utf-8", errors="replace") or " "
                elif data:
                    return QByteArray(data)
        elif len(self.blocked) < self.MAX_BLOCKED:
            self.blocked.append(name.toString())
        if image:
            return self._blocked_image
        return " "  # a harmless non-null stand-in (see the class docstring)


def _decode_data_url(url: QUrl) -> bytes | None:
    encoded = bytes(url.toEncoded().data())
    if len(encoded) > MAX_DATA_URL_BYTES * 2:
        return None
    header, comma, payload = encoded[len(b"data:") :].partition(b",")
    if not comma:
        return None
    try:
        raw = urllib.parse.unquote_to_bytes(payload)
        if header.lower().endswith(b";base64"):
            return base64.b64decode(raw, validate=False)
        return raw
    except (ValueError, binascii.Error):
        return None


class _TextView(QPlainTextEdit):
    """Read-only, no undo history; follows a text by the smallest edit when it can."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self._shown: str | None = ""  # the text shown, None when it carries marks (formats)
        self._pieces: Sequence[MarkedPiece] = ()  # what show_marked showed last

    def show_text(self, text: str) -> None:
        shown = self._shown
        if shown is None:
            self.setPlainText(text)
        elif shown != text:
            start, end, replacement = changed_span(shown, text)
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            cursor.setPosition(utf16_offset(shown, start))
            cursor.setPosition(utf16_offset(shown, end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
            cursor.endEditBlock()
        self._shown = text

    def show_marked(self, pieces: Sequence[MarkedPiece]) -> None:
        self.clear()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        formats = piece_formats(self.palette())
        for text, shown in pieces:
            cursor.insertText(text, formats[shown])
        cursor.endEditBlock()
        self._shown = None
        self._pieces = tuple(pieces)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown is None:
            self.show_marked(self._pieces)  # the marks in the new palette's colours

    def text(self) -> str:
        return document_text(self.document())


def piece_formats(palette: QPalette) -> dict[Shown, QTextCharFormat]:
    """How each kind of run is drawn, in ``palette``'s colours (light or dark)."""
    plain = QTextCharFormat()
    value = QTextCharFormat()
    missing = QTextCharFormat()
    missing.setBackground(tint(Tone.MUTED, palette))
    missing.setFontItalic(True)
    broken = QTextCharFormat()
    broken_background = tint(Tone.ERROR, palette)
    broken.setBackground(broken_background)
    broken.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    broken.setUnderlineColor(readable(Tone.ERROR.hue(), [broken_background], GRAPHIC_CONTRAST))
    return {Shown.TEXT: plain, Shown.VALUE: value, Shown.MISSING: missing, Shown.BROKEN: broken}


class PreviewPane(QWidget):
    """One recipient's message as it will be sent.

    Signals:
        previousRequested(): the "previous recipient" button was clicked.
        nextRequested(): the "next recipient" button was clicked.
    """

    previousRequested = Signal()
    nextRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.message: RenderedMessage | None = None  # what is shown, when it renders
        self._html = False
        self._html_shown: str | None = None
        self._build()

    def _build(self) -> None:
        title = self._title = QLabel()
        self.previous_button = QToolButton()
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button = QToolButton()
        self.next_button.clicked.connect(self.nextRequested)
        self.position_label = QLabel()
        nav = QHBoxLayout()
        nav.addWidget(title)
        nav.addStretch(1)
        nav.addWidget(self.position_label)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)

        self.from_label = QLabel()
        self.from_label.setObjectName("previewFrom")
        self.from_label.setWordWrap(True)
        self.from_label.setTextFormat(Qt.TextFormat.PlainText)
        self.from_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.to_label = QLabel()
        self.to_label.setWordWrap(True)
        self.to_label.setTextFormat(Qt.TextFormat.PlainText)
        self.to_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.subject_view = _TextView()
        self.subject_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        margins = 2 * int(self.subject_view.document().documentMargin()) + 2 * self.subject_view.frameWidth()
        self.subject_view.setFixedHeight(2 * self.subject_view.fontMetrics().lineSpacing() + margins)

        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self._style_notice()
        self.notice_label.hide()

        self.plain_view = _TextView()
        self.plain_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.html_view = SafeTextBrowser()
        self.html_view.highlighted.connect(lambda url: self.html_view.setToolTip(url.toString()))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plain_view)
        self.stack.addWidget(self.html_view)

        self.source_check = QCheckBox()
        self.source_check.toggled.connect(self._show_content)
        self.source_check.hide()

        subject_label = self._subject_title = QLabel()
        subject_label.setBuddy(self.subject_view)
        to_title = self._to_title = QLabel()
        to_title.setBuddy(self.to_label)
        from_title = self._from_title = QLabel()
        from_title.setBuddy(self.from_label)
        header = QVBoxLayout()
        from_row = QHBoxLayout()
        from_row.addWidget(from_title)
        from_row.addWidget(self.from_label, 1)
        header.addLayout(from_row)
        to_row = QHBoxLayout()
        to_row.addWidget(to_title)
        to_row.addWidget(self.to_label, 1)
        subject_row = QHBoxLayout()
        subject_row.addWidget(subject_label)
        subject_row.addWidget(self.subject_view, 1)
        header.addLayout(to_row)
        header.addLayout(subject_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(nav)
        layout.addLayout(header)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.source_check)
        self.retranslate()
        self.set_position(None, 0, None)
        self.set_recipients(None)
        self.set_sender("", "")

    def retranslate(self) -> None:
        """The pane's own texts in the language now installed (what it shows of a message
        the composer sets again)."""
        self._title.setText(self.tr("<b>Preview</b>"))
        self.source_check.setText(self.tr("Show HTML &source"))
        self._subject_title.setText(self.tr("Subject:"))
        self._to_title.setText(self.tr("To:"))
        self._from_title.setText(self.tr("From:"))
        self.previous_button.setText(self.tr("◀ Previous"))
        self.previous_button.setAccessibleName(self.tr("Previous recipient"))
        self.previous_button.setToolTip(self.tr("Preview the message of the previous recipient in the list."))
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setAccessibleName(self.tr("Next recipient"))
        self.next_button.setToolTip(self.tr("Preview the message of the next recipient in the list."))
        self.position_label.setAccessibleName(self.tr("Previewed recipient"))
        self.from_label.setAccessibleName(self.tr("Sender of the previewed message"))
        self.to_label.setAccessibleName(self.tr("Recipients of the previewed message"))
        self.subject_view.setAccessibleName(self.tr("Previewed subject"))
        self.notice_label.setAccessibleName(self.tr("Preview notice"))
        self.plain_view.setAccessibleName(self.tr("Previewed message text"))
        self.html_view.setAccessibleName(self.tr("Previewed HTML message"))
        self.source_check.setAccessibleName(self.tr("Show the HTML source of the message"))
        self.from_label.setToolTip(
            self.tr(
                "The sender students see when the campaign is sent in messages mode (the default). "
                'In template mode USOS sends every message from its "USOS Notifier" address instead.'
            )
        )
        self.source_check.setToolTip(
            self.tr(
                "The exact text sent. The page view is an approximation: e-mail programs draw HTML "
                "differently."
            )
        )

    def _style_notice(self) -> None:
        """The notice's warning colours, from the pane's palette (the label's own is the
        style sheet's)."""
        palette = self.palette()
        window = QPalette.ColorRole.Window
        background = tint(Tone.WARNING, palette, role=window, amount=0.2)
        border = readable(Tone.WARNING.hue(), [background, palette.color(window)], GRAPHIC_CONTRAST)
        text = readable(palette.color(QPalette.ColorRole.WindowText), [background])
        self.notice_label.setStyleSheet(
            f"color: {text.name()}; background: {background.name()}; border: 1px solid {border.name()};"
            " border-radius: 3px; padding: 4px;"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() == QEvent.Type.PaletteChange:
            self._style_notice()

    # --- what the owner tells it ---------------------------------------------------------

    def set_position(self, index: int | None, count: int, row_number: int | None) -> None:
        """``index`` (0-based) of the previewed recipient among ``count`` in the grid's order."""
        if index is None or count == 0:
            self.position_label.setText(self.tr("No recipient selected") if count else "")
        else:
            text = counted(self.tr("Recipient {position} of %Ln", "", count), count).format(
                position=number(index + 1)
            )
            if row_number is not None:
                text += " · " + self.tr("row {row}").format(row=row_number)
            self.position_label.setText(text)
        self.previous_button.setEnabled(index is not None and index > 0)
        self.next_button.setEnabled(index is not None and index + 1 < count)

    def set_sender(self, from_name: str, from_email: str) -> None:
        """The sender of messages mode, and what template mode shows instead (D: "all messages
        will be from the USOS Notifier address")."""
        name, email = from_name.strip(), from_email.strip()
        if name and email:
            sender = f"{name} <{email}>"
        elif name:
            sender = self.tr("{name}, from USOS's no-reply address").format(name=name)
        else:
            sender = self.tr("USOS (the server's default sender)")
        self.from_label.setText(
            self.tr("{sender}   ·   in template mode: the USOS Notifier address").format(sender=sender)
        )

    def sender_text(self) -> str:
        return self.from_label.text()

    def set_recipients(self, addresses: Sequence[str] | None) -> None:
        """The addresses the message goes to (empty: none; None: no recipient list)."""
        if addresses is None:
            self.to_label.setText(self.tr("(no recipient list is open)"))
        elif not addresses:
            self.to_label.setText(
                self.tr("nobody: this row is not sent (excluded, no valid address, or a duplicate)")
            )
        else:
            self.to_label.setText(", ".join(addresses))

    def show_message(self, message: RenderedMessage, notice: str = "") -> None:
        """The message exactly as rendered."""
        self.message = message
        self._set_notice(notice)
        self.subject_view.show_text(message.subject)
        self._html = message.content_format.value == "html"
        self.source_check.setVisible(self._html)
        self._show_content()

    def show_pieces(
        self, subject: Sequence[MarkedPiece], content: Sequence[MarkedPiece], notice: str
    ) -> None:
        """A template that does not render: its pieces, broken places marked."""
        self.message = None
        self._set_notice(notice)
        self.subject_view.show_marked(subject)
        self.plain_view.show_marked(content)
        self.source_check.hide()
        self.stack.setCurrentWidget(self.plain_view)

    def _set_notice(self, notice: str) -> None:
        self.notice_label.setText(notice)
        self.notice_label.setVisible(bool(notice))

    def _show_content(self) -> None:
        message = self.message
        if message is None:
            return
        if self._html and not self.source_check.isChecked():
            if self._html_shown != message.content:
                # a keystroke in the text of a paragraph changes that paragraph only
                if not update_html(self.html_view.document(), self._html_shown, message.content):
                    self.html_view.setHtml(message.content)
                self._html_shown = message.content
            self.stack.setCurrentWidget(self.html_view)
        else:
            self.plain_view.show_text(message.content)
            self.stack.setCurrentWidget(self.plain_view)

    # --- for tests and the composer ------------------------------------------------------

    def subject_text(self) -> str:
        return self.subject_view.text()

    def content_text(self) -> str:
        """The text in the plain view (the message, or the HTML source)."""
        return self.plain_view.text()
