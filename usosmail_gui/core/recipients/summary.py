"""The recipient list counted (``Summary``: the status bar's "N recipients · M will receive
· K problems") and its ``usosmail recipients --json`` shape (docs/cli.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from usosmail_gui.core.problems import ProblemJson

__all__ = ["RecipientsJson", "RowJson", "Summary"]


@dataclass(frozen=True, slots=True)
class Summary:
    recipients: int  # rows of the list
    will_receive: int  # rows that will be sent a message
    problems: int  # problems of included rows, plus the list's own
    errors: int
    warnings: int
    excluded: int

    def text(self) -> str:
        """ "1,204 recipients · 1,198 will receive · 6 problems"."""

        def plural(n: int, word: str) -> str:
            return f"{n:,} {word}" + ("" if n == 1 else "s")

        return (
            f"{plural(self.recipients, 'recipient')} · {self.will_receive:,} will receive · "
            f"{plural(self.problems, 'problem')}"
        )


class RowJson(TypedDict):
    row: int
    values: dict[str, str]
    emails: list[str]
    problems: list[ProblemJson]


class RecipientsJson(TypedDict):
    columns: list[str]
    email_column: str | None
    rows: list[RowJson]
