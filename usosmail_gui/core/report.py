"""The campaign report for the dean: one row per row of the sheet, as .xlsx or .csv.

Columns: the spreadsheet's own columns (as stored in the journal), then "Sent to",
"Message ID", "Status", "Error", "Enqueued at", "Finished at" (local time). Rows the
campaign left out are there too (status "excluded", the reason in "Error"). When rows were
grouped into one message per student (core/letters), every sheet row has its line, in
sheet order, and a last column, "In the message of row", names the row whose message it
went out in.

The report speaks the language it is asked for (``lang``: "pl" or "en"; the GUI passes
its own, the CLI ``--lang``): headers, status names, sheet names, the summary and the
app's own reasons. Its words are data here (``WORDS``), not Qt translations, because the
core has no Qt and the command line must write a Polish report too; the reasons the app
wrote as translatable sentences (why a row was left out) go through ``translate`` when
the caller has a translator (the GUI).

The .xlsx is made to be read by a person: times are real date cells (local time), columns
are as wide as their contents (within limits), the header row is bold, frozen and has an
autofilter, and a second sheet, the summary, holds the campaign, its counts (as numbers)
and until when the journal keeps the campaign's personal data (core/retention.py), or
that it was deleted. The .csv has that last sentence in a line after the table.

Spreadsheet cells come from students' data and USOS error texts, so any of them may look
like a formula (``=HYPERLINK(...)``). Nothing is ever run as one:

- .xlsx: every text is stored as a string cell (never type "f"), so Excel and LibreOffice
  show ``=1+1`` as typed; the text itself is unchanged.
- .csv: a value starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets an
  apostrophe in front (the usual CSV-injection defence; Excel hides the apostrophe).
  The file is UTF-8 with a BOM (so Excel shows Polish letters) and uses ``;`` between
  fields, as Excel does with Polish regional settings (where ``,`` is the decimal mark).

The file is written whole or not at all, with the user's normal permissions
(core/atomic_file.py), so a failed export never leaves a half-written report and
colleagues on a shared folder can open it.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .atomic_file import replacing
from .counts import CampaignCounts, campaign_counts_of
from .journal import CRASH_REASON, INTERRUPTED_REASON, NOT_ENQUEUED, Journal, UnknownCampaign
from .retention import kept_until, retention_days
from .sentences import CONTEXT as SENTENCE_CONTEXT
from .statuses import (
    DETAIL_PENDING_ERROR,
    EXPIRED_ERROR,
    NO_DETAIL_ERROR,
    RecipientStatusView,
    Status,
    StatusCounts,
    campaign_counts,
    campaign_statuses,
)

__all__ = [
    "FIXED_COLUMNS",
    "FORMULA_STARTS",
    "GROUPED_COLUMN",
    "LANGUAGES",
    "WORDS",
    "ReportError",
    "ReportWords",
    "neutralise_csv",
    "report_about",
    "report_rows",
    "write_report",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
LANGUAGES = ("pl", "en")
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"  # the .xlsx number format of the time columns
MAX_WIDTH = 60  # characters: a longer cell wraps in the reader's eye, not the sheet's width
MEASURED_ROWS = 2_000  # rows measured for the column widths (enough to see the shape)

Translate = Callable[[str, str], str]  # (context, English text) -> the text in the language


@dataclass(frozen=True, slots=True)
class ReportWords:
    """Every word the report itself writes, in one language."""

    fixed_columns: tuple[str, str, str, str, str, str]
    grouped_column: str
    statuses: Mapping[Status, str]
    reasons: Mapping[str, str]  # the app's own English reasons -> this language (en: empty)
    report_sheet: str  # with {id}
    summary_sheet: str
    labels: Mapping[str, str]  # the summary's labels
    counts: Mapping[str, str]  # count name -> its label in the summary
    none: str
    deleted: str  # with {date}
    kept: str  # with {until} and {days}
    thousands: str  # the thousands separator of this language's numbers

    def number(self, value: int) -> str:
        return f"{value:,}".replace(",", self.thousands)


_COUNT_NAMES = (
    "sent",
    "failed",
    "waiting",
    "uncertain",
    "rejected",
    "expired",
    "not_sent",
    "excluded",
    "detail_pending",
    "no_detail",
    "unknown",
)

WORDS: Mapping[str, ReportWords] = {
    "en": ReportWords(
        fixed_columns=("Sent to", "Message ID", "Status", "Error", "Enqueued at", "Finished at"),
        grouped_column="In the message of row",
        statuses={status: str(status).replace("_", " ") for status in Status},
        reasons={},
        report_sheet="Campaign {id}",
        summary_sheet="Campaign",
        labels={
            "campaign": "Campaign",
            "created": "Created",
            "installation": "Installation",
            "subject": "Subject",
            "counts": "Counts",
            "rows": "Rows of the sheet",
            "messages": "Messages",
            "finished": "Finished (USOS is done with them)",
            "data": "Personal data",
        },
        counts={name: name.replace("_", " ") for name in _COUNT_NAMES},
        none="none",
        deleted=(
            "The students' personal data of this campaign was deleted from the journal on "
            "{date}; only its counts and dates are kept."
        ),
        kept=(
            "The students' personal data of this campaign is kept in the journal until "
            "{until} ({days} days after its last status), then deleted; only its counts and "
            "dates stay."
        ),
        thousands=",",
    ),
    "pl": ReportWords(
        fixed_columns=("Wysłano do", "Identyfikator wiadomości", "Status", "Błąd", "Przyjęto", "Zakończono"),
        grouped_column="W wiadomości wiersza",
        statuses={
            Status.WAITING: "oczekuje",
            Status.SENT: "wysłana",
            Status.FAILED: "nieudana",
            Status.UNCERTAIN: "niepewna",
            Status.REJECTED: "odrzucona",
            Status.EXPIRED: "wygasła",
            Status.NOT_SENT: "niewysłana",
            Status.EXCLUDED: "pominięty",
            Status.DETAIL_PENDING: "zakończona — pytam o szczegóły",
            Status.NO_DETAIL: "zakończona — USOS nie podał szczegółów",
            Status.UNKNOWN: "nieznany status",
        },
        reasons={
            CRASH_REASON: (
                "Program przestał działać (awaria, zabicie procesu lub brak zasilania) w trakcie "
                "tego żądania; mogło ono dotrzeć do USOS, więc wiadomość mogła zostać przyjęta "
                "albo nie."
            ),
            INTERRUPTED_REASON: (
                "Żądanie przerwano w trakcie; mogło ono dotrzeć do USOS, więc wiadomość mogła "
                "zostać przyjęta albo nie."
            ),
            NOT_ENQUEUED: "USOS nie przyjął tej wiadomości (odpowiedział false) i nie podał powodu.",
            EXPIRED_ERROR: (
                "USOS nie zna już tej wiadomości: przechowuje statusy tylko przez 7 dni (i pokazuje "
                "je tylko kluczowi, który ją wysłał). Ostatni znany status przepadł."
            ),
            NO_DETAIL_ERROR: (
                "USOS zakończył obsługę tej wiadomości, ale nie podał szczegółów doręczenia "
                "(ani check_messages_status, ani check_message_status nie powiedziały, czy ją wysłano)."
            ),
            DETAIL_PENDING_ERROR: "USOS zakończył obsługę tej wiadomości; program pyta o szczegóły.",
        },
        report_sheet="Kampania {id}",
        summary_sheet="Podsumowanie",
        labels={
            "campaign": "Kampania",
            "created": "Utworzono",
            "installation": "Instalacja USOS",
            "subject": "Temat",
            "counts": "Liczby",
            "rows": "Wiersze arkusza",
            "messages": "Wiadomości",
            "finished": "Zakończone (USOS zakończył ich obsługę)",
            "data": "Dane osobowe",
        },
        counts={
            "sent": "wysłane",
            "failed": "nieudane",
            "waiting": "oczekujące",
            "uncertain": "niepewne",
            "rejected": "odrzucone",
            "expired": "wygasłe",
            "not_sent": "niewysłane",
            "excluded": "pominięte wiersze",
            "detail_pending": "zakończone — pytam o szczegóły",
            "no_detail": "zakończone bez szczegółów",
            "unknown": "o nieznanym statusie",
        },
        none="brak",
        deleted=(
            "Dane osobowe studentów z tej kampanii usunięto z dziennika {date}; zostały tylko "
            "liczby i daty."
        ),
        kept=(
            "Dane osobowe studentów z tej kampanii są przechowywane w dzienniku do {until} "
            "({days} dni od ostatniego statusu), potem zostaną usunięte; zostaną tylko liczby i daty."
        ),
        thousands="\u00a0",
    ),
}

FIXED_COLUMNS = WORDS["en"].fixed_columns
GROUPED_COLUMN = WORDS["en"].grouped_column


class ReportError(Exception):
    """The report could not be made; the text says why in plain words."""


def neutralise_csv(value: str) -> str:
    """An apostrophe before anything a spreadsheet would run as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _words(lang: str) -> ReportWords:
    try:
        return WORDS[lang]
    except KeyError:
        raise ReportError(
            f"The report can be written in Polish (pl) or English (en), not “{lang}”."
        ) from None


def _local_time(text: str | None) -> datetime | None:
    """A journal time (ISO, UTC) as a naive local time: what a spreadsheet's date cell holds."""
    if not text:
        return None
    return datetime.fromisoformat(text).astimezone().replace(tzinfo=None, microsecond=0)


def _local(text: str | None) -> str:
    moment = _local_time(text)
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S")


Cell = str | datetime | None


def _reason(view: RecipientStatusView, words: ReportWords, translate: Translate | None) -> str:
    if view.sentences and translate is not None:
        return " ".join(
            s.fill(lambda text: translate(SENTENCE_CONTEXT, text), words.number) for s in view.sentences
        )
    error = view.error or ""
    return words.reasons.get(error, error)


def _table(
    journal: Journal,
    campaign: str,
    words: ReportWords,
    translate: Translate | None,
    now: datetime | None,
) -> tuple[list[str], list[list[Cell]], Sequence[RecipientStatusView]]:
    try:
        record = journal.campaign(campaign)
    except UnknownCampaign as exc:
        raise ReportError(str(exc)) from None
    views: Sequence[RecipientStatusView] = campaign_statuses(journal, campaign, now=now)
    columns = list(record.columns)
    header = [*columns, *words.fixed_columns]

    def status(view: RecipientStatusView) -> str:
        shown = words.statuses[view.status]
        if view.status is Status.UNKNOWN and view.raw_status is not None:
            return f"{shown} ({view.raw_status})"
        return shown

    def line(view: RecipientStatusView, values: Mapping[str, str]) -> list[Cell]:
        return [
            *(values.get(column, "") for column in columns),
            view.email,
            view.message_id or "",
            status(view),
            _reason(view, words, translate),
            _local_time(view.enqueued_at),
            _local_time(view.finished_at),
        ]

    grouped = journal.message_rows(campaign)
    if not grouped:
        return header, [line(view, view.values) for view in views], views
    numbered: list[tuple[int, list[Cell]]] = []
    for view in views:
        went_in = "" if view.status is Status.EXCLUDED else str(view.row)  # a left-out row: in none
        numbered.append((view.row, [*line(view, view.values), went_in]))
        for row, values in grouped.get(view.seq or 0, ()):
            numbered.append((row, [*line(view, values), str(view.row)]))
    numbered.sort(key=lambda item: item[0])  # stable: a row's messages in their order
    return [*header, words.grouped_column], [cells for _, cells in numbered], views


def _as_text(cell: Cell) -> str:
    if isinstance(cell, datetime):
        return cell.strftime("%Y-%m-%d %H:%M:%S")
    return cell or ""


def report_rows(
    journal: Journal,
    campaign: str,
    *,
    lang: str = "en",
    translate: Translate | None = None,
    now: datetime | None = None,
) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of the report, every cell as text (times in local time)."""
    header, rows, _ = _table(journal, campaign, _words(lang), translate, now)
    return header, [[_as_text(cell) for cell in row] for row in rows]


def _tally(journal: Journal, campaign: str, views: Sequence[RecipientStatusView]) -> CampaignCounts:
    """The campaign's counts as every view of it counts them (core/counts.py)."""
    counts: StatusCounts = campaign_counts(journal, campaign, views)
    return campaign_counts_of(counts)


def _counts(tally: CampaignCounts) -> dict[str, int]:
    found = tally.as_json()
    found["not_sent"] = tally.to_send
    return {name: found.get(name, 0) for name in _COUNT_NAMES}


def report_about(
    journal: Journal,
    campaign: str,
    *,
    lang: str = "en",
    views: Sequence[RecipientStatusView] | None = None,
) -> list[tuple[str, str]]:
    """The campaign in a few lines (label, text): what it was, its counts, and until when
    its personal data is kept (always the last line)."""
    words = _words(lang)
    record = journal.campaign(campaign)
    if views is None:
        views = campaign_statuses(journal, campaign)
    counts = _counts(_tally(journal, campaign, views))
    numbers = ", ".join(f"{words.number(n)} {words.counts[name]}" for name, n in counts.items() if n)
    if record.purged_at is not None:
        data = words.deleted.format(date=_local(record.purged_at)[:10])
    else:
        until = kept_until(journal, campaign)
        assert until is not None
        data = words.kept.format(until=f"{until.astimezone():%Y-%m-%d}", days=retention_days(journal))
    label = words.labels
    return [
        (label["campaign"], record.id),
        (label["created"], _local(record.created_at)),
        (label["installation"], record.installation),
        (label["subject"], record.template.subject),
        (label["counts"], numbers or words.none),
        (label["data"], data),
    ]


def _write_csv(path: Path, header: list[str], rows: list[list[Cell]], about: list[tuple[str, str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_MINIMAL)
        writer.writerow([neutralise_csv(cell) for cell in header])
        for line in rows:
            writer.writerow([neutralise_csv(_as_text(cell)) for cell in line])
        writer.writerow([])  # after the table, so it reads as a table
        writer.writerow([neutralise_csv(about[-1][1])])


def _widths(header: list[str], rows: list[list[Cell]]) -> list[int]:
    widths = [len(h) for h in header]
    for line in rows[:MEASURED_ROWS]:
        for index, cell in enumerate(line):
            size = len(TIME_FORMAT) if isinstance(cell, datetime) else max(
                (len(part) for part in (cell or "").splitlines()), default=0
            )
            widths[index] = max(widths[index], size)
    return [min(MAX_WIDTH, w) + 2 for w in widths]


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _write_xlsx(
    path: Path,
    header: list[str],
    rows: list[list[Cell]],
    words: ReportWords,
    campaign: str,
    about: list[tuple[str, str]],
    tally: CampaignCounts,
) -> None:
    # lazy: heavy; no type stubs are installed for openpyxl
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=words.report_sheet.format(id=campaign)[:31])
    bold = Font(bold=True)
    top = Alignment(vertical="top")

    def cell(value: Cell, *, header_cell: bool = False) -> Any:
        made = WriteOnlyCell(sheet, value=value)
        if isinstance(value, datetime):
            made.number_format = TIME_FORMAT
        elif value is not None:
            made.data_type = "s"  # text, even when it starts with "=": never a formula
        if header_cell:
            made.font = bold
        made.alignment = top
        return made

    for index, width in enumerate(_widths(header, rows), start=1):
        sheet.column_dimensions[_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{_column_letter(len(header))}{len(rows) + 1}"
    sheet.append([cell(h, header_cell=True) for h in header])
    for row in rows:
        sheet.append([cell(value) for value in row])

    summary = book.create_sheet(title=words.summary_sheet)
    summary.column_dimensions["A"].width = max(len(label) for label, _ in about) + 4
    summary.column_dimensions["B"].width = MAX_WIDTH + 2
    for label, text in about:
        summary.append([cell(label, header_cell=True), cell(text)])
    summary.append([])
    summary.append([cell(words.labels["rows"], header_cell=True), len(rows)])
    summary.append([cell(words.labels["messages"], header_cell=True), tally.messages])
    summary.append([cell(words.labels["finished"], header_cell=True), tally.finished])
    for name, number in _counts(tally).items():
        summary.append([cell(words.counts[name]), number])
    book.save(path)


def write_report(
    journal: Journal,
    campaign: str,
    output: Path,
    *,
    lang: str = "en",
    translate: Translate | None = None,
    now: datetime | None = None,
) -> int:
    """Write the report of ``campaign`` to ``output`` (.xlsx or .csv by its suffix) in
    ``lang``; returns the number of rows (of the sheet). Raises ``ReportError`` in plain
    words."""
    kind = output.suffix.lower()
    if kind not in (".xlsx", ".csv"):
        raise ReportError(f"{output.name}: the report can be written as .xlsx or .csv only.")
    words = _words(lang)
    header, rows, views = _table(journal, campaign, words, translate, now)
    about = report_about(journal, campaign, lang=lang, views=views)
    try:
        with replacing(output, suffix=kind) as temporary:
            if kind == ".csv":
                _write_csv(temporary, header, rows, about)
            else:
                tally = _tally(journal, campaign, views)
                _write_xlsx(temporary, header, rows, words, campaign, about, tally)
    except OSError as exc:
        raise ReportError(f"Cannot write the report to {output}: {exc.strerror or exc}.") from None
    return len(rows)
