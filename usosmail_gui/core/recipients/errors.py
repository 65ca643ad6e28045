"""The two ways loading a spreadsheet can end without a table.

Every bad input (missing, unreadable, empty, damaged, protected, not a spreadsheet, too
big, a sheet/row/column the user named that is not there) is one ``SpreadsheetError``
whose text is the whole message for the user: what happened and what to do. The GUI
shows it and keeps the previous list; the CLI prints it and exits 1.
"""

from __future__ import annotations

from pathlib import Path

from usosmail_gui.core.sentences import Sentence, english


class SpreadsheetError(Exception):
    """The file could not be turned into a recipient list; ``str()`` says why in plain words."""

    def __init__(
        self, message: str | Sentence, *, path: Path | None = None, reason: str = "unreadable"
    ) -> None:
        # the message as a translatable sentence (core/sentences.py); ``message`` is its English
        self.sentences: tuple[Sentence, ...] = (message,) if isinstance(message, Sentence) else ()
        text = english(self.sentences) if isinstance(message, Sentence) else message
        super().__init__(text)
        self.message = text
        self.path = path
        # a stable identifier for tests and scripts: "missing", "empty", "password", ...
        self.reason = reason

    def __str__(self) -> str:
        return self.message


class LoadCancelled(Exception):
    """The user cancelled loading; nothing is wrong with the file."""
