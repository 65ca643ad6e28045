"""Exporting a campaign's report: each recipient with the status USOS gave, to .xlsx or
.csv (cells a spreadsheet would run as formulas neutralised: ``core.report``)."""

from __future__ import annotations

from pathlib import Path

from usosmail_gui.core.report import Translate, write_report

from .collaborators import JournalFactory, read_journal

__all__ = ["export_report"]


def export_report(
    campaign: str,
    path: Path,
    lang: str = "en",
    translate: Translate | None = None,
    *,
    journals: JournalFactory = read_journal,
) -> int:
    """Write the campaign's report (.xlsx or .csv, by the name) in ``lang`` (its words
    through ``translate``); returns its number of rows. Raises ``ReportError`` in plain
    words, ``JournalError``."""
    with journals() as journal:
        return write_report(journal, campaign, path, lang=lang, translate=translate)
