"""The two ways loading a spreadsheet can end without a table.

Every bad input (missing, unreadable, empty, damaged, protected, not a spreadsheet, too
big, a sheet/row/column the user named that is not there) is one ``SpreadsheetError``
whose text is the whole message for the user: what happened and what to do. The GUI
shows it and keeps the previous list; the CLI prints it and exits 1.
"""

from __future__ import annotations

from pathlib import Path


class SpreadsheetError(Exception):
    """The file could not be turned into a recipient list; ``str()`` says why in plain words."""

    def __init__(self, message: str, *, path: Path | None = None, reason: str = "unreadable") -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        # a stable identifier for tests and scripts: "missing", "empty", "password", ...
        self.reason = reason

    def __str__(self) -> str:
        return self.message


class LoadCancelled(Exception):
    """The user cancelled loading; nothing is wrong with the file."""
