"""The editors of a template's subject and content: placeholder completion as the user types
``{``, inserting a placeholder, going to a problem's place, and leaving template-file drops
to the composer.

The subject is a one-line ``QPlainTextEdit`` (``SubjectEdit``), not a ``QLineEdit``, so that
it gets the same highlighting, completion and undo as the content: Return moves on to the
content instead of breaking the line. Texts are read with ``toRawText`` (see
``text_spans.document_text``) so a no-break space typed by the user is sent as one.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QCompleter, QPlainTextEdit, QSizePolicy, QWidget

from usosmail_gui.core.template import EXTENSION, Part, from_utf16_offset, utf16_offset

from .text_spans import changed_span, document_text

__all__ = ["SELECT_AT_MOST", "PlaceholderEdit", "SubjectEdit", "is_template_file_drop"]

# a problem's span longer than this is not selected when the cursor goes there (typing
# would replace it all)
SELECT_AT_MOST = 200

_POPUP_KEYS = (Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def is_template_file_drop(mime: QMimeData) -> bool:
    """Whether a drag carries a template file (the composer opens it; editors ignore it)."""
    return mime.hasUrls() and any(
        url.isLocalFile() and url.toLocalFile().lower().endswith(EXTENSION) for url in mime.urls()
    )


class PlaceholderEdit(QPlainTextEdit):
    """A plain-text editor that completes column placeholders after ``{``.

    Typing ``{`` opens a list of the columns, filtered by what follows the brace;
    choosing one writes ``{Name}`` with its closing brace (one undo step). Ctrl+Space
    opens the list inside a half-typed placeholder.
    """

    focused = Signal()

    def __init__(self, part: Part, columns: QStringListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.part = part
        self._brace: int | None = None  # document position of the "{" being completed
        self.completer = QCompleter(columns, self)
        self.completer.setWidget(self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated.connect(self.complete_placeholder)
        popup = self.completer.popup()
        assert popup is not None  # a QCompleter always has one
        self.popup = popup
        self.popup.setAccessibleName(self.tr("Column placeholders"))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    # --- completion --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.popup
        if popup.isVisible() and event.key() in _POPUP_KEYS:
            event.ignore()  # the completer takes it (choose, or close the list)
            return
        if event.key() == Qt.Key.Key_Space and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.update_completion(force=True)
            return
        super().keyPressEvent(event)
        typed = event.text()
        if typed == "{" or popup.isVisible():
            self.update_completion(force=typed == "{")

    def update_completion(self, *, force: bool = False) -> None:
        """Show, filter or hide the list of columns for the placeholder being typed."""
        popup = self.popup
        found = self._placeholder_being_typed()
        model = self.completer.model()
        if found is None or model is None or model.rowCount() == 0 or not (force or popup.isVisible()):
            popup.hide()
            if found is None:
                self._brace = None
            return
        self._brace, prefix = found
        if prefix != self.completer.completionPrefix():
            self.completer.setCompletionPrefix(prefix)
        if self.completer.completionCount() == 0:
            popup.hide()
            return
        popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        rect = self.cursorRect()
        rect.setWidth(popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width() + 8)
        self.completer.complete(rect)

    def _placeholder_being_typed(self) -> tuple[int, str] | None:
        """The ``{`` before the cursor on its line and the name typed after it, if the
        cursor is in a placeholder being written (not after ``{{``, ``}``, ``:`` or ``!``)."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            return None
        block = cursor.block()
        line = block.text()
        before = line[: from_utf16_offset(line, cursor.positionInBlock())]
        brace = before.rfind("{")
        if brace < 0:
            return None
        prefix = before[brace + 1 :]
        if any(c in prefix for c in "{}:!") or before[brace - 1 : brace] == "{":
            return None
        return block.position() + utf16_offset(line, brace), prefix

    def complete_placeholder(self, name: str) -> None:
        """Replace the half-typed placeholder with ``{name}`` (one undo step)."""
        brace = self._brace
        self._brace = None
        document = self.document()
        here = self.textCursor().position()
        if brace is None or document.characterAt(brace) != "{" or here <= brace:
            return
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.setPosition(brace + 1)
        cursor.setPosition(here, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(name)
        if document.characterAt(cursor.position()) == "}":
            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        else:
            cursor.insertText("}")
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def insert_placeholder(self, name: str) -> None:
        """Write ``{name}`` at the cursor (over the selection), one undo step."""
        self.textCursor().insertText("{" + name + "}")
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- editing by code -----------------------------------------------------------------

    def text(self) -> str:
        return document_text(self.document())

    def replace_text(self, new: str) -> None:
        """Turn the text into ``new`` with one cursor edit (so Ctrl+Z undoes it at once)."""
        old = self.text()
        start, end, replacement = changed_span(old, new)
        if start == end and not replacement:
            return
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(utf16_offset(old, start))
        cursor.setPosition(utf16_offset(old, end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def go_to(self, offset: int, length: int = 0, *, focus: bool = True) -> None:
        """Put the cursor at ``offset`` (code points), selecting ``length`` when short."""
        text = self.text()
        start = utf16_offset(text, min(max(0, offset), len(text)))
        end = utf16_offset(text, min(max(0, offset + length), len(text)))
        cursor = QTextCursor(self.document())
        if 0 < end - start <= SELECT_AT_MOST:
            cursor.setPosition(end)
            cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)  # the cursor at the start
        else:
            cursor.setPosition(start)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        if focus:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- drops ---------------------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if is_template_file_drop(source):
            return False  # ignored here, so the drop reaches the composer, which opens it
        return super().canInsertFromMimeData(source)


class SubjectEdit(PlaceholderEdit):
    """One line of text with the content editor's highlighting and completion.

    Signals:
        returnPressed(): Return or Enter was pressed (a subject has no line breaks).
    """

    returnPressed = Signal()

    def __init__(self, columns: QStringListModel, parent: QWidget | None = None) -> None:
        super().__init__(Part.SUBJECT, columns, parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:
        margin = int(self.document().documentMargin())
        frame = self.frameWidth()
        height = self.fontMetrics().lineSpacing() + 2 * margin + 2 * frame
        return QSize(super().sizeHint().width(), height)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.popup.isVisible():
            self.returnPressed.emit()  # a subject is one line: Return goes on to the text
            return
        super().keyPressEvent(event)
