"""The two ways loading a spreadsheet can end without a table.

Every bad input (missing, unreadable, empty, damaged, protected, not a spreadsheet, too
big, a sheet/row/column the user named that is not there) is one ``SpreadsheetError``
whose text is the whole message for the user: what happened and what to do. The GUI
shows it and keeps the previous list; the CLI prints it and exits 1.
"""

from __future__ import annotations

from pathlib import Path

from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, Sentence, english, say


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


# --- the messages for a file that cannot be read (one place for each) -----------------


def file_name(path: Path) -> str:
    return path.name or str(path)


def os_error(path: Path, exc: OSError) -> SpreadsheetError:
    detail = exc.strerror or exc.__class__.__name__
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} could not be read ({detail}). Check that the disk or network drive it is on is "
                "available, then try again.",
            ),
            name=file_name(path),
            detail=detail,
        ),
        path=path,
        reason="os_error",
    )


def damaged(path: Path) -> SpreadsheetError:
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} looks like an Excel or LibreOffice workbook but is damaged (incomplete or corrupt), "
                "perhaps because a download or copy was interrupted. Get the file again, or open it in "
                "Excel or LibreOffice and save it anew.",
            ),
            name=file_name(path),
        ),
        path=path,
        reason="damaged",
    )


def password_protected(path: Path) -> SpreadsheetError:
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} is protected with a password, so it cannot be read. Open it in Excel or "
                "LibreOffice, save a copy without the password, and open that copy.",
            ),
            name=file_name(path),
        ),
        path=path,
        reason="password",
    )


def not_a_spreadsheet(path: Path, what: str) -> SpreadsheetError:
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} is {what}, not a spreadsheet. Choose the recipient list saved as .xlsx, .xls, .ods "
                "or .csv.",
            ),
            name=file_name(path),
            what=say(what),
        ),
        path=path,
        reason="not_spreadsheet",
    )


def too_large(path: Path) -> SpreadsheetError:
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} is too large or damaged: a part of it would take far more memory than a list of "
                "recipients needs (such files are usually damaged, or made to crash programs). Open it in "
                "Excel or LibreOffice and save it anew, or export the list again.",
            ),
            name=file_name(path),
        ),
        path=path,
        reason="too_large",
    )


def too_many_rows(path: Path, max_rows: int) -> SpreadsheetError:
    """The one message for a list longer than the app takes."""
    return SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} has more than {max_rows} rows of recipients; this app sends to at most {max_rows} at "
                "once. Split the list into smaller files (or delete the rows you do not need) and open them "
                "one by one.",
            ),
            name=file_name(path),
            max_rows=max_rows,
        ),
        path=path,
        reason="too_many_rows",
    )
