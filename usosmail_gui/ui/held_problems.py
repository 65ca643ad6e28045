"""Problems the user has not met yet: a fresh window is not red.

An empty subject or text (``HELD_BACK``) of a new template is not called an error before
the user has touched that field — written in it, or left it (empty now means empty) — or
tried to send or test (``reveal_all``). An opened template says all its problems at once.
A part the ``ComposerPanel`` owns: Problems, the preview's notice and the check's list
show ``unheld`` problems only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QPlainTextEdit

from usosmail_gui.core.problems import Problem
from usosmail_gui.core.template.messages import Code

__all__ = ["HELD_BACK", "HeldProblems"]

# what an untouched field of a new template does not yet call an error, and its field
HELD_BACK = {Code.SUBJECT_EMPTY: "subject", Code.CONTENT_EMPTY: "content"}


class HeldProblems(QObject):
    """Which of ``HELD_BACK`` are not shown yet, following the template's ``subject`` and
    ``content`` fields (their text written, their focus left).

    Signals:
        revealed(): a problem held back until now is to be shown (its field was left,
            or ``reveal_all``): the problems are to be listed again.
    """

    revealed = Signal()

    def __init__(
        self, subject: QPlainTextEdit, content: QPlainTextEdit, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._fields = {subject: Code.SUBJECT_EMPTY, content: Code.CONTENT_EMPTY}
        self._held: set[str] = set(HELD_BACK)
        for field in self._fields:
            # (textChanged also comes when the highlighter restyles: only written text counts)
            field.textChanged.connect(lambda f=field: self._typed_in(f))
            field.installEventFilter(self)

    @property
    def codes(self) -> frozenset[str]:
        """The codes held back now."""
        return frozenset(self._held)

    def unheld(self, problems: Sequence[Problem]) -> list[Problem]:
        """``problems`` without those held back (an untouched empty field; rows hold none)."""
        held = self._held
        return [p for p in problems if p.row is not None or p.code not in held]

    def holds_any(self, problems: Sequence[Problem]) -> bool:
        """Whether one of ``problems`` is held back."""
        held = self._held
        return bool(held) and any(p.row is None and p.code in held for p in problems)

    def restart(self, *, new: bool) -> None:
        """Another template is shown: a new empty one is quiet until touched (``new``),
        an opened one says all at once."""
        self._held = set(HELD_BACK) if new else set()

    def reveal_all(self) -> bool:
        """The user tried to send or test: nothing is held back any more; False: nothing was."""
        if not self._held:
            return False
        self._held.clear()
        self.revealed.emit()
        return True

    def _typed_in(self, field: QPlainTextEdit) -> None:
        if field.toPlainText():
            self._held.discard(self._fields[field])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QPlainTextEdit):
            code = self._fields.get(watched)  # left the field: empty now means empty
            if code is not None and code in self._held:
                self._held.discard(code)
                self.revealed.emit()
        return super().eventFilter(watched, event)
