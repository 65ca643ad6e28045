"""The Edit menu: undo, redo, cut, copy and paste on the window's focused text field (its
own keys do the same while it has the keyboard; the menu reaches it with the mouse), kept
enabled exactly when the field can do them; then the list's Find."""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QObject, Slot
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

__all__ = ["EditActions"]

TextField = QLineEdit | QPlainTextEdit | QTextEdit


class EditActions(QObject):
    """The Edit menu of ``window``: ``undo``, ``redo``, ``cut``, ``copy``, ``paste``."""

    def __init__(self, window: QWidget, menu: QMenu, find: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._connections: list[QMetaObject.Connection] = []  # of the focused text field
        self._find = find
        self.undo = self._action(QKeySequence.StandardKey.Undo, "undo")
        self.redo = self._action(QKeySequence.StandardKey.Redo, "redo")
        self.cut = self._action(QKeySequence.StandardKey.Cut, "cut")
        self.copy = self._action(QKeySequence.StandardKey.Copy, "copy")
        self.paste = self._action(QKeySequence.StandardKey.Paste, "paste")
        self.retranslate()
        menu.addActions([self.undo, self.redo])
        menu.addSeparator()
        menu.addActions([self.cut, self.copy, self.paste])
        menu.addSeparator()
        menu.addAction(find)
        menu.aboutToShow.connect(self.update)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def retranslate(self) -> None:
        """The actions' texts in the language now installed."""
        self.undo.setText(self.tr("&Undo"))
        self.redo.setText(self.tr("&Redo"))
        self.cut.setText(self.tr("Cu&t"))
        self.copy.setText(self.tr("&Copy"))
        self.paste.setText(self.tr("&Paste"))
        self._find.setStatusTip(self.tr("Search the list of recipients."))

    def _action(self, key: QKeySequence.StandardKey, operation: str) -> QAction:
        action = QAction(QIcon.fromTheme(f"edit-{operation}"), "", self._window)
        action.setShortcuts(key)
        action.setEnabled(False)
        action.triggered.connect(lambda: self._edit(operation))
        return action

    def target(self) -> TextField | None:
        """The text field of the window that has (or last had) the keyboard."""
        widget = self._window.focusWidget()
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            return widget
        return None

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self._window:
            return
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        target = self.target()
        update = self.update
        if isinstance(target, QLineEdit):
            self._connections = [target.textChanged.connect(update), target.selectionChanged.connect(update)]
        elif isinstance(target, (QPlainTextEdit, QTextEdit)):
            self._connections = [
                target.undoAvailable.connect(update),
                target.redoAvailable.connect(update),
                target.copyAvailable.connect(update),
            ]
        update()

    @Slot()
    def update(self) -> None:
        target = self.target()
        undo = redo = selected = writable = False
        if isinstance(target, QLineEdit):
            writable = not target.isReadOnly()
            undo, redo = target.isUndoAvailable(), target.isRedoAvailable()
            selected = target.hasSelectedText() and target.echoMode() == QLineEdit.EchoMode.Normal
        elif isinstance(target, (QPlainTextEdit, QTextEdit)):
            writable = not target.isReadOnly()
            document = target.document()
            undo = target.isUndoRedoEnabled() and document.isUndoAvailable()
            redo = target.isUndoRedoEnabled() and document.isRedoAvailable()
            selected = target.textCursor().hasSelection()
        self.undo.setEnabled(writable and undo)
        self.redo.setEnabled(writable and redo)
        self.cut.setEnabled(writable and selected)
        self.copy.setEnabled(selected)
        self.paste.setEnabled(writable)

    def _edit(self, operation: str) -> None:
        target = self.target()
        if target is not None:
            getattr(target, operation)()
            self.update()
