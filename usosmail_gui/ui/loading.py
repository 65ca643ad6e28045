"""The Open dialog's file filters (the loading itself: ``application.loading``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from usosmail_gui.application.loading import SPREADSHEET_SUFFIXES

__all__ = ["file_dialog_filter"]


def file_dialog_filter() -> str:
    """The Open dialog's filters: every spreadsheet first, then all files."""
    patterns = " ".join(f"*{suffix}" for suffix in SPREADSHEET_SUFFIXES)
    spreadsheets = QCoreApplication.translate("LoadRequest", "Spreadsheets ({patterns})").format(
        patterns=patterns
    )
    everything = QCoreApplication.translate("LoadRequest", "All files (*)")
    return f"{spreadsheets};;{everything}"
