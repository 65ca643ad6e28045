"""Loading a list of recipients: what the window asks for (``LoadRequest``) and the job a
worker runs.

The job is a generator (each ``yield`` a ``LoadProgress`` and a point where Cancel stops
it); after the core's ``load_steps`` it also prepares the table's search data, so the
rows are folded off the GUI thread, not on the user's first keystroke.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from pathlib import Path

from usosmail_gui.core.recipients import LoadProgress, RecipientTable, load_steps

__all__ = ["SPREADSHEET_SUFFIXES", "LoadRequest", "is_spreadsheet_path", "load_job", "missing_files"]

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".tsv", ".txt")


@dataclass(frozen=True, slots=True)
class LoadRequest:
    """A file and how to read it; None means "find it out" (first sheet with data,
    detected header row, detected e-mail column). ``header_row`` 0: no header row."""

    path: Path
    sheet: str | None = None
    header_row: int | None = None
    email_column: str | None = None
    remember: bool = True  # put it in File ▸ Open Recent once loaded
    encoding: str | None = None  # a text file's encoding as the user chose it (None: detected)
    language: str = "en"  # the separators and names of numbers and dates: the app's language


def load_job(request: LoadRequest) -> Generator[LoadProgress, None, RecipientTable]:
    """Load the list, then make its first search instant (run in a worker)."""
    table = yield from load_steps(
        request.path,
        request.sheet,
        request.header_row,
        request.email_column,
        language=request.language,
        encoding=request.encoding,
    )
    table.prepare_view()
    return table


def is_spreadsheet_path(path: Path) -> bool:
    """Whether the name says it is a file the loader reads (the content is checked when loading)."""
    return path.suffix.lower() in SPREADSHEET_SUFFIXES


def missing_files(paths: Sequence[str]) -> set[str]:
    """Which of these paths are not files (any more): a recent list's check, run in a
    worker (a stat may hang on a network drive)."""
    return {path for path in paths if not os.path.isfile(path)}
