"""What is known of a recipient list beyond its cells' texts: where it came from and how it
was read (``SourceInfo``), and what the sheet says of its cells (``ListFacts``: stored
values behind formats, error cells, merges, hidden rows)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .cells import format_column
from .sources import FileKind, SheetInfo

__all__ = ["ListFacts", "SourceInfo", "StoredLater"]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where the table came from and how it was read (shown to the user, kept for reloads)."""

    path: Path
    kind: FileKind
    sheet: str | None = None  # None for CSV
    sheets: tuple[SheetInfo, ...] = ()
    header_row: int | None = None  # 1-based row number; None: the sheet has no header row
    header_row_detected: bool = True
    encoding: str | None = None  # CSV only
    delimiter: str | None = None  # CSV only
    email_column_detected: bool = True
    language: str = "en"  # the separators and names numbers and dates are shown with
    encoding_alternative: str | None = None  # CSV: the other encoding that reads it differently
    encoding_detected: bool = True  # CSV: found by the app (False: the user chose it)


@dataclass(slots=True)
class StoredLater:
    """A formatted column's stored values, made into text only when asked for (most lists
    are never switched to their stored values): the raw values and the error cells' texts."""

    values: Sequence[object]
    errors: dict[int, str] = field(default_factory=dict)

    def texts(self) -> list[str]:
        texts = list(format_column(self.values))
        for row, text in self.errors.items():
            texts[row] = text
        return texts


@dataclass(slots=True)
class ListFacts:
    """What the sheet says beyond each cell's text (indices are the table's rows and columns)."""

    # column -> its cells as stored (``12345``, ``0.8512``, ISO dates), where they differ
    # from what the sheet shows (``012345``, ``85,12%``, ``17.06.2024``)
    stored: dict[int, Sequence[str] | StoredLater] = field(default_factory=dict)
    unrendered: dict[int, tuple[str, ...]] = field(default_factory=dict)  # formats shown as stored
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> "#N/A"
    merged: set[tuple[int, int]] = field(default_factory=set)  # cells given their value by a merge
    hidden: set[int] = field(default_factory=set)  # rows hidden in the sheet (or by its filter)
