"""What the Campaigns window's table says: its column headers and their tips, and each
campaign's cells (date, subject with its placeholders marked, installation, state,
counts, tracking, the students' data), written in the language installed when asked, so
the window writes them again after a language switch. The texts keep the translation
context ``HistoryWindow`` they had in ``ui/history_window.py``; fitting the columns to
their content is here too."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidget

from usosmail_gui.application.campaigns import CampaignRow
from usosmail_gui.core.counts import campaign_counts_of
from usosmail_gui.ui.numbers import number
from usosmail_gui.ui.status_display import campaign_counts_text, finished_text
from usosmail_gui.ui.texts import subject_as_written

__all__ = [
    "COLUMNS",
    "DATA",
    "DATE",
    "INSTALLATION",
    "RECIPIENTS",
    "STATE",
    "STATUSES",
    "SUBJECT",
    "TRACKING",
    "fit_columns",
    "header_texts",
    "header_tips",
    "row_cells",
    "widen_to_headers",
]

# the table's columns
DATE, SUBJECT, INSTALLATION, STATE, RECIPIENTS, STATUSES, TRACKING, DATA = range(8)
COLUMNS = 8


translate = QCoreApplication.translate  # pyside6-lupdate reads translate("HistoryWindow", "…")


def local_date(text: str) -> str:
    try:
        return f"{datetime.fromisoformat(text).astimezone():%Y-%m-%d}"
    except ValueError:
        return text[:10]


def header_texts() -> list[str]:
    return [
        translate("HistoryWindow", "Date"),
        translate("HistoryWindow", "Subject"),
        translate("HistoryWindow", "Installation"),
        translate("HistoryWindow", "State"),
        translate("HistoryWindow", "Recipients"),
        translate("HistoryWindow", "Statuses"),
        translate("HistoryWindow", "Tracking"),
        translate("HistoryWindow", "Students' data"),
    ]


def header_tips() -> list[str]:
    return [
        translate("HistoryWindow", "When the campaign was sent."),
        translate(
            "HistoryWindow",
            "The subject as written in the template: each ‹placeholder› was filled in from the "
            "student's row (the tip shows what the first student got).",
        ),
        translate(
            "HistoryWindow", "The USOS installation the campaign was sent through, or the local sandbox."
        ),
        translate(
            "HistoryWindow",
            "Finished, interrupted (Send ▸ Interrupted campaigns… resumes it) or closed "
            "(nothing more of it is sent).",
        ),
        translate(
            "HistoryWindow", "How many recipients the campaign has (rows left out of the list not counted)."
        ),
        translate(
            "HistoryWindow",
            "How many messages are sent, failed or waiting, as last asked from USOS, and how many "
            "rows were left out of the list.",
        ),
        translate("HistoryWindow", "Whether USOS still knows the statuses: it keeps them for 7 days."),
        translate(
            "HistoryWindow",
            "Until when the journal keeps the students' names, addresses and cells of the "
            "campaign, or when they were deleted (its counts and dates stay).",
        ),
    ]


def subject_text(row: CampaignRow) -> str:
    """The subject as written, each placeholder shown as ‹name› (not as the raw {name})."""
    return subject_as_written(row.subject)


def subject_tip(row: CampaignRow) -> str:
    written = subject_text(row)
    if row.first_subject is None or row.first_subject == written:
        return written
    return translate("HistoryWindow", "{subject}\nThe first student got: “{first}”").format(
        subject=written, first=row.first_subject
    )


def installation_text(row: CampaignRow) -> str:
    if row.sandbox:
        return translate("HistoryWindow", "Sandbox (practice)")
    parts = urlsplit(row.installation)
    return (parts.netloc + parts.path.rstrip("/")) or row.installation


def state_text(row: CampaignRow) -> str:
    if row.closed_at is not None:
        return translate("HistoryWindow", "closed {date}").format(date=local_date(row.closed_at))
    if row.interrupted:
        return translate("HistoryWindow", "interrupted")
    return translate("HistoryWindow", "sending finished")


def row_cells(row: CampaignRow) -> dict[int, tuple[str, str]]:
    """Each column's text and tip for one campaign."""
    created = row.created_at
    try:
        created = datetime.fromisoformat(row.created_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        pass
    counts = campaign_counts_of(row.counts)  # as the Statuses panel counts them
    statuses = campaign_counts_text(counts)
    if counts.messages:
        statuses += " · " + finished_text(counts)
    tracking = (
        translate("HistoryWindow", "trackable") if row.trackable else translate("HistoryWindow", "expired")
    )
    subject = subject_text(row) + (" " + translate("HistoryWindow", "(test)") if row.is_test else "")
    if row.purged_at is not None:
        data = translate("HistoryWindow", "deleted {date}").format(date=local_date(row.purged_at))
    elif row.kept_until is not None:
        data = translate("HistoryWindow", "kept until {date}").format(
            date=f"{row.kept_until.astimezone():%Y-%m-%d}"
        )
    else:
        data = ""
    texts = {
        DATE: created,
        SUBJECT: subject,
        INSTALLATION: installation_text(row),
        STATE: state_text(row),
        RECIPIENTS: number(row.total),
        STATUSES: statuses,
        TRACKING: tracking,
        DATA: data,
    }
    tips = {SUBJECT: subject_tip(row), INSTALLATION: row.installation}
    return {column: (text, tips.get(column) or text) for column, text in texts.items()}


def fit_columns(table: QTableWidget, room: int) -> int:
    """Every column as wide as its header's text and its content; when they do not all fit
    ``room`` pixels, the widest ones (the subject, the statuses first) give way, never below
    their header's text or a dozen characters (their tips show the rest). Returns the width
    the columns take."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    em = metrics.horizontalAdvance("x")
    padding = em + header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) * 2
    least: list[int] = []
    wanted: list[int] = []
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        title = metrics.horizontalAdvance(item.text() if item is not None else "") + padding + em
        content = table.sizeHintForColumn(column) + padding if table.rowCount() else 0
        least.append(max(title, min(content, em * 12)))
        wanted.append(max(title, content))
    excess = sum(wanted) - room
    # the long texts give way first: the subject, the statuses, the installation, then any
    for column in (SUBJECT, STATUSES, INSTALLATION, *range(table.columnCount())):
        if excess <= 0:
            break
        give = min(excess, wanted[column] - least[column])
        wanted[column] -= give
        excess -= give
    for column, width in enumerate(wanted):
        header.resizeSection(column, width)
    return sum(wanted)


def widen_to_headers(table: QTableWidget) -> None:
    """Only the columns now too narrow for their header (translated) widen; the widths the
    user chose stay."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    padding = (
        metrics.horizontalAdvance("xx")
        + header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) * 2
    )
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        title = metrics.horizontalAdvance(item.text() if item is not None else "") + padding
        if header.sectionSize(column) < title:
            header.resizeSection(column, title)
