"""What loading reports while it works, so a Qt worker can show it and offer Cancel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class Stage(StrEnum):
    OPENING = "opening"  # finding out what the file is
    READING = "reading"  # the spreadsheet library parses the sheet (no finer progress)
    CONVERTING = "converting"  # cells become text, header and columns are found
    CHECKING = "checking"  # e-mail addresses are cleaned, validated, de-duplicated


@dataclass(frozen=True, slots=True)
class LoadProgress:
    """``done`` of ``total`` units of ``stage``; ``total == 0`` means "no idea how long"."""

    stage: Stage
    done: int = 0
    total: int = 0

    @property
    def fraction(self) -> float | None:
        """0..1 within the stage, or None for an indeterminate (busy) indicator."""
        if self.total <= 0:
            return None
        return min(1.0, self.done / self.total)

    def text(self) -> str:
        words = {
            Stage.OPENING: "Opening the file…",
            Stage.READING: "Reading the sheet…",
            Stage.CONVERTING: "Reading the cells…",
            Stage.CHECKING: "Checking e-mail addresses…",
        }[self.stage]
        if self.total > 0:
            return f"{words} {self.done:,} of {self.total:,}"
        return words


ProgressCallback = Callable[[LoadProgress], None]
CancelCheck = Callable[[], bool]
