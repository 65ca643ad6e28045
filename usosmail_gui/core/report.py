"""The campaign report for the dean: one row per row of the sheet, as .xlsx or .csv.

Columns: the spreadsheet's own columns (as stored in the journal), then "Sent to",
"Message ID", "Status", "Error", "Enqueued at", "Finished at" (local time). Rows the
campaign left out are there too (status "excluded", the reason in "Error"). The report also
says until when the journal keeps the campaign's personal data (core/retention.py), or
that it was deleted (then it has the counts only): .xlsx in a second sheet, "Campaign",
.csv in a line after the table.
When rows were
grouped into one message per student (core/letters), every sheet row has its line, in
sheet order, and a last column, "In the message of row", names the row whose message it
went out in.

Spreadsheet cells come from students' data and USOS error texts, so any of them may look
like a formula (``=HYPERLINK(...)``). Nothing is ever run as one:

- .xlsx: every text is stored as a string cell (never type "f"), so Excel and LibreOffice
  show ``=1+1`` as typed; the text itself is unchanged.
- .csv: a value starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets an
  apostrophe in front (the usual CSV-injection defence; Excel hides the apostrophe).
  The file is UTF-8 with a BOM (so Excel shows Polish letters) and uses ``;`` between
  fields, as Excel does with Polish regional settings (where ``,`` is the decimal mark).

The file is written next to its target and then renamed over it, so a failed export
never leaves a half-written report.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from .journal import Journal, UnknownCampaign
from .retention import kept_until, retention_days
from .statuses import RecipientStatusView, Status, campaign_counts, campaign_statuses

__all__ = [
    "FIXED_COLUMNS",
    "FORMULA_STARTS",
    "GROUPED_COLUMN",
    "ReportError",
    "neutralise_csv",
    "report_rows",
    "write_report",
]

FIXED_COLUMNS = ("Sent to", "Message ID", "Status", "Error", "Enqueued at", "Finished at")
GROUPED_COLUMN = "In the message of row"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"


class ReportError(Exception):
    """The report could not be made; the text says why in plain words."""


def neutralise_csv(value: str) -> str:
    """An apostrophe before anything a spreadsheet would run as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _local(text: str | None) -> str:
    if not text:
        return ""
    return datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def report_rows(
    journal: Journal, campaign: str, *, now: datetime | None = None
) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of the report, every cell as text."""
    try:
        record = journal.campaign(campaign)
    except UnknownCampaign as exc:
        raise ReportError(str(exc)) from None
    views: Sequence[RecipientStatusView] = campaign_statuses(journal, campaign, now=now)
    columns = list(record.columns)
    header = [*columns, *FIXED_COLUMNS]

    def line(view: RecipientStatusView, values: Mapping[str, str]) -> list[str]:
        return [
            *(values.get(column, "") for column in columns),
            view.email,
            view.message_id or "",
            str(view.status).replace("_", " "),
            view.error or "",
            _local(view.enqueued_at),
            _local(view.finished_at),
        ]

    grouped = journal.message_rows(campaign)
    if not grouped:
        return header, [line(view, view.values) for view in views]
    numbered: list[tuple[int, list[str]]] = []
    for view in views:
        went_in = "" if view.status is Status.EXCLUDED else str(view.row)  # a left-out row: in none
        numbered.append((view.row, [*line(view, view.values), went_in]))
        for row, values in grouped.get(view.seq or 0, ()):
            numbered.append((row, [*line(view, values), str(view.row)]))
    numbered.sort(key=lambda item: item[0])  # stable: a row's messages in their order
    return [*header, GROUPED_COLUMN], [cells for _, cells in numbered]


def report_about(journal: Journal, campaign: str) -> list[tuple[str, str]]:
    """The campaign in a few lines (label, text): what it was, its counts, and until when
    its personal data is kept."""
    record = journal.campaign(campaign)
    counts = campaign_counts(journal, campaign, campaign_statuses(journal, campaign))
    numbers = ", ".join(f"{n:,} {name}" for name, n in counts.as_json().items() if n)
    if record.purged_at is not None:
        data = (
            f"The students' personal data of this campaign was deleted from the journal on "
            f"{_local(record.purged_at)[:10]}; only its counts and dates are kept."
        )
    else:
        until = kept_until(journal, campaign)
        assert until is not None
        data = (
            f"The students' personal data of this campaign is kept in the journal until "
            f"{until.astimezone():%Y-%m-%d} ({retention_days(journal)} days after its last status), "
            "then deleted; only its counts and dates stay."
        )
    return [
        ("Campaign", record.id),
        ("Created", _local(record.created_at)),
        ("Subject", record.template.subject),
        ("Counts", numbers or "none"),
        ("Personal data", data),
    ]


def _write_csv(path: Path, header: list[str], rows: list[list[str]], about: list[tuple[str, str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_MINIMAL)
        for line in (header, *rows):
            writer.writerow([neutralise_csv(cell) for cell in line])
        writer.writerow([])  # after the table, so it reads as a table
        writer.writerow([neutralise_csv(about[-1][1])])


def _write_xlsx(
    path: Path, header: list[str], rows: list[list[str]], title: str, about: list[tuple[str, str]]
) -> None:
    # lazy: heavy; no type stubs are installed for openpyxl
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31] or "Report")
    bold = Font(bold=True)

    def text_cell(value: str, *, header_cell: bool = False) -> Any:
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text, even when it starts with "=": never a formula
        if header_cell:
            cell.font = bold
        return cell

    sheet.append([text_cell(h, header_cell=True) for h in header])
    for row in rows:
        sheet.append([text_cell(value) for value in row])
    info = book.create_sheet(title="Campaign")
    for label, text in about:
        info.append([text_cell(label, header_cell=True), text_cell(text)])
    book.save(path)


def write_report(journal: Journal, campaign: str, output: Path, *, now: datetime | None = None) -> int:
    """Write the report of ``campaign`` to ``output`` (.xlsx or .csv by its suffix);
    returns the number of rows (of the sheet). Raises ``ReportError`` in plain words."""
    kind = output.suffix.lower()
    if kind not in (".xlsx", ".csv"):
        raise ReportError(f"{output.name}: the report can be written as .xlsx or .csv only.")
    header, rows = report_rows(journal, campaign, now=now)
    about = report_about(journal, campaign)
    folder = output.parent if str(output.parent) else Path(".")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=".report-", suffix=kind, dir=folder)
    except OSError as exc:
        raise ReportError(f"Cannot write the report to {output}: {exc.strerror or exc}.") from None
    os.close(fd)
    temp = Path(temp_name)
    try:
        if kind == ".csv":
            _write_csv(temp, header, rows, about)
        else:
            _write_xlsx(temp, header, rows, f"Campaign {campaign}", about)
        os.replace(temp, output)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ReportError(f"Cannot write the report to {output}: {exc.strerror or exc}.") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return len(rows)
