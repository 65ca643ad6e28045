"""``load()``: a spreadsheet file → a ``RecipientTable``, cancellable, with progress.

Two ways to call it, one pipeline: ``load_steps`` is a generator whose every ``yield`` is
a ``LoadProgress`` and a point where the caller may stop it (the Qt worker runs
generator functions exactly so); ``load`` drives it with a progress callback and a
``cancelled()`` check and raises ``LoadCancelled``. Both raise ``SpreadsheetError`` for
every bad input.

Speed budget: the whole load may add at most 30% to python-calamine's own read of the
sheet, so nothing here does Python work per cell that a C-level pass can do (see
``cells.format_column``) and e-mail checks reuse one domain verdict per domain.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, Sentence, say

from .cells import format_column
from .emails import detect_email_column
from .errors import LoadCancelled, SpreadsheetError
from .grid import MAX_ROWS, RawGrid, gc_paused
from .headers import Column, detect_header, find_column, header_texts, make_columns
from .numformat import Locale, locale_for
from .progress import CancelCheck, LoadProgress, ProgressCallback, Stage
from .sheetfacts import SheetFacts, display_column, durations
from .sources import SheetInfo, TextSource, WorkbookSource, open_source, too_many_rows
from .table import ListFacts, RecipientTable, SourceInfo, StoredLater

__all__ = ["list_sheets", "load", "load_steps"]


def _name(path: Path) -> str:
    return path.name or str(path)


def list_sheets(path: str | os.PathLike[str]) -> list[SheetInfo]:
    """The workbook's worksheets in order ([] for a CSV file); ``SpreadsheetError`` if unreadable."""
    with open_source(Path(path)) as source:
        return list(source.sheets)


def _choose_sheet(
    source: WorkbookSource, wanted: str | None, max_rows: int, locale: Locale
) -> Generator[LoadProgress, None, tuple[str, RawGrid]]:
    path = source.path
    names = [s.name for s in source.sheets]
    if not names:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "{name} has no worksheets (only charts or macros). Open the file with the list of "
                    "recipients.",
                ),
                name=_name(path),
            ),
            path=path,
            reason="no_sheets",
        )
    if wanted is not None:
        if wanted not in names:
            matches = [n for n in names if n.casefold() == wanted.strip().casefold()]
            if len(matches) != 1:
                raise SpreadsheetError(
                    say(
                        QT_TRANSLATE_NOOP(
                            "Problems", "{name} has no sheet named “{wanted}”. Its sheets are: {sheets}."
                        ),
                        name=_name(path),
                        wanted=wanted,
                        sheets=", ".join(f"“{n}”" for n in names),
                    ),
                    path=path,
                    reason="no_such_sheet",
                )
            wanted = matches[0]
        grid = yield from source.read(wanted, max_rows=max_rows, locale=locale)
        if not len(grid):
            others = [n for n in names if n != wanted]
            if others:
                text = say(
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "The sheet “{wanted}” of {name} is empty. Choose another sheet ({sheets}).",
                    ),
                    wanted=wanted,
                    name=_name(path),
                    sheets=", ".join(f"“{n}”" for n in others),
                )
            else:
                text = say(
                    QT_TRANSLATE_NOOP("Problems", "The sheet “{wanted}” of {name} is empty."),
                    wanted=wanted,
                    name=_name(path),
                )
            raise SpreadsheetError(
                text,
                path=path,
                reason="empty_sheet",
            )
        return wanted, grid
    # the first visible sheet with data, else the first hidden one with data
    order = [s for s in source.sheets if not s.hidden] + [s for s in source.sheets if s.hidden]
    for sheet in order:
        grid = yield from source.read(sheet.name, max_rows=max_rows, locale=locale)
        if len(grid):
            return sheet.name, grid
    raise SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{name} holds no data: every sheet is empty. Check that you chose the right file, or export "
                "the list again.",
            ),
            name=_name(path),
        ),
        path=path,
        reason="empty",
    )


def _header_index(grid: RawGrid, header_row: int | None, path: Path, where: Sentence) -> int | None:
    """Index (into the grid's rows) of the header: as asked (1-based row number, 0 = none) or found."""
    if header_row is None:
        return detect_header(grid.top)
    if header_row == 0:
        return None
    if header_row < 0:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "The header row must be a row number (1 or more), or 0 for a sheet without column names, "
                    "not {header_row}.",
                ),
                header_row=str(header_row),
            ),
            path=path,
            reason="bad_header_row",
        )
    numbers = grid.row_numbers
    i = bisect.bisect_left(numbers, header_row)
    if i < len(numbers) and numbers[i] == header_row:
        return i
    first, last = numbers[0], numbers[-1]
    if header_row > last:
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "Row {header_row} is below the last row with data in {where} (row {last}). Give the "
                    "number of the row that holds the column names.",
                ),
                header_row=str(header_row),
                where=where,
                last=str(last),
            ),
            path=path,
            reason="bad_header_row",
        )
    raise SpreadsheetError(
        say(
            QT_TRANSLATE_NOOP(
                "Problems",
                "Row {header_row} of {where} is blank, so it cannot hold the column names. Give the "
                "number of the row that does (rows with data: {first}–{last}).",
            ),
            header_row=str(header_row),
            where=where,
            first=str(first),
            last=str(last),
        ),
        path=path,
        reason="bad_header_row",
    )


def _resolve_email_column(columns: Sequence[Column], spec: str, path: Path, where: Sentence) -> int:
    found = find_column(columns, spec)
    if found is None and spec.strip().isdigit():
        number = int(spec)
        if 1 <= number <= len(columns):
            found = number - 1
    if found is None:
        listed = ", ".join(f"{c.letter}: “{c.name}”" for c in columns)
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "There is no column “{spec}” in {where}. Give a column's name or letter; the columns are "
                    "{listed}.",
                ),
                spec=spec,
                where=where,
                listed=listed,
            ),
            path=path,
            reason="no_such_column",
        )
    return found


def load_steps(
    path: str | os.PathLike[str],
    sheet: str | None = None,
    header_row: int | None = None,
    email_column: str | None = None,
    *,
    max_rows: int = MAX_ROWS,
    language: str = "en",
    raw_values: bool = False,
    encoding: str | None = None,
) -> Generator[LoadProgress, None, RecipientTable]:
    """Load a recipient list, yielding progress; the generator's return value is the table.

    ``sheet``: a sheet name (default: the first non-empty visible sheet; ignored for CSV).
    ``header_row``: the 1-based row number of the column names (default: detected; 0: the
    sheet has none). ``email_column``: a column name or letter, or a 1-based position
    (default: detected by header, else by content). ``language`` ("pl", "en"): the
    separators and names numbers and dates are shown with, as the sheet's formats say;
    ``raw_values``: every column as stored instead (``12345``, ``0.8512``, ISO dates).
    ``encoding``: a CSV file's encoding (default: detected).
    """
    path = Path(path)
    locale = locale_for(language)
    yield LoadProgress(Stage.OPENING)
    with open_source(path, encoding=encoding) as source:
        if isinstance(source, TextSource):
            grid = yield from source.read(max_rows=max_rows)
            sheet_name: str | None = None
            where = say("{name}", name=_name(path))
            if not len(grid):
                raise SpreadsheetError(
                    say(
                        QT_TRANSLATE_NOOP(
                            "Problems",
                            "{name} holds no data: it has only blank lines. Check that you chose the right "
                            "file, or export the list again.",
                        ),
                        name=_name(path),
                    ),
                    path=path,
                    reason="empty",
                )
        else:
            sheet_name, grid = yield from _choose_sheet(source, sheet, max_rows, locale)
            where = say(
                QT_TRANSLATE_NOOP("Problems", "the sheet “{sheet}” of {name}"),
                sheet=sheet_name,
                name=_name(path),
            )
        header_index = _header_index(grid, header_row, path, where)
        header_number = None if header_index is None else grid.row_numbers[header_index]
        columns, cells, numbers, facts = yield from _columns(
            grid, header_index, path, where, max_rows, locale
        )
        info = SourceInfo(
            path=path,
            kind=source.kind,
            sheet=sheet_name,
            sheets=tuple(source.sheets),
            header_row=header_number,
            header_row_detected=header_row is None,
            encoding=source.encoding,
            delimiter=source.delimiter,
            email_column_detected=email_column is None,
            language=locale.language,
            encoding_alternative=source.encoding_alternative,
            encoding_detected=encoding is None,
        )
    chosen: int | None
    if email_column is not None:
        chosen = _resolve_email_column(columns, email_column, path, where)
    else:
        chosen = detect_email_column(columns, cells)
    table = RecipientTable(
        source=info, columns=columns, data=cells, row_numbers=numbers, email_column=chosen, facts=facts
    )
    if raw_values:
        for column in list(facts.stored):
            table.set_shows_stored(column, True)
    yield from table.check_steps()
    return table


def _columns(
    grid: RawGrid, header_index: int | None, path: Path, where: Sentence, max_rows: int, locale: Locale
) -> Generator[LoadProgress, None, tuple[list[Column], list[Sequence[str]], list[int], ListFacts]]:
    """The columns (named, blank ones dropped), their cells as text, the row numbers, and
    what the sheet says beyond the values (stored texts, errors, merges, hidden rows)."""
    start = 0 if header_index is None else header_index + 1
    numbers = grid.row_numbers[start:]
    if not numbers:
        header_number = grid.row_numbers[header_index or 0]
        raise SpreadsheetError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems",
                    "There are column names in {where} (row {header_row}) but no rows below them, so "
                    "there is nobody to write to. Check that you chose the right file and sheet (or the "
                    "right header row).",
                ),
                where=where,
                header_row=str(header_number),
            ),
            path=path,
            reason="only_header",
        )
    if len(numbers) > max_rows:
        raise too_many_rows(path, max_rows)
    width = grid.width
    raw_columns: list[Any] = grid.columns
    header = None if header_index is None else [column[header_index] for column in raw_columns]
    grid.columns = []  # the raw cells go as soon as their text exists
    headers = header_texts(header, width)
    sheet = grid.facts
    first = grid.first_column
    merged = _apply_merges(raw_columns, grid.row_numbers, sheet, start, first)
    booleans_by_column: dict[int, list[int]] = {}
    for number, file_column in sheet.booleans:
        booleans_by_column.setdefault(file_column, []).append(number)
    errors_by_column: dict[int, dict[int, str]] = {}
    for (number, file_column), text in sheet.errors.items():
        errors_by_column.setdefault(file_column, {})[number] = text
    keep: list[int] = []
    texts: list[Sequence[str]] = []
    stored_texts: dict[int, Sequence[str] | StoredLater] = {}
    unrendered: dict[int, tuple[str, ...]] = {}
    error_cells: dict[tuple[int, int], str] = {}
    for j in range(width):
        with gc_paused():
            column = raw_columns[j]
            raw_columns[j] = None
            values = column[start:] if start else column
            del column
            codes = sheet.codes_for(first + j)
            if codes is not None and sheet.iso_durations:
                values = durations(values)
            # a formatted column's stored texts are made only if asked for (the switch,
            # --raw-values): its raw values wait in a StoredLater
            stored: Sequence[str] | StoredLater
            if codes is None:
                kinds = set(map(type, values))  # once for both
                stored = format_column(values, kinds)
                shown = display_column(values, numbers, None, locale, stored, kinds)
            else:
                stored = StoredLater(values)
                shown = display_column(values, numbers, codes, locale)
            cells = shown.texts
            del values
        truths = booleans_by_column.get(first + j)
        if truths:  # numbers the sheet shows as TRUE/FALSE
            cells = list(cells)
            for number in truths:
                i = bisect.bisect_left(numbers, number)
                if i < len(numbers) and numbers[i] == number and cells[i] in ("1", "0"):
                    cells[i] = locale.true if cells[i] == "1" else locale.false
        column_errors = errors_by_column.get(first + j)
        if column_errors:
            cells = list(cells)
            overrides: dict[int, str] = {}
            for number, text in column_errors.items():
                i = bisect.bisect_left(numbers, number)
                if i < len(numbers) and numbers[i] == number:
                    cells[i] = overrides[i] = text
                    error_cells[(i, len(keep))] = text
            if isinstance(stored, StoredLater):
                stored.errors.update(overrides)
            else:
                stored = list(stored)
                for i, text in overrides.items():
                    stored[i] = text
        yield LoadProgress(Stage.CONVERTING, j + 1, width)
        if not headers[j] and _all_blank(cells):
            continue  # a blank column: no header, no data
        index = len(keep)
        keep.append(j)
        texts.append(cells)
        if isinstance(stored, StoredLater) or (cells is not stored and cells != stored):
            stored_texts[index] = stored
        if shown.unrendered:
            unrendered[index] = shown.unrendered
    columns = make_columns([headers[j] for j in keep], [first + j for j in keep])
    kept = {j: index for index, j in enumerate(keep)}
    facts = ListFacts(
        stored=stored_texts,
        unrendered=unrendered,
        errors={(i, c): text for (i, c), text in error_cells.items() if c < len(keep)},
        merged={(i, kept[j]) for i, j in merged if j in kept},
        hidden=_indices(numbers, sheet.hidden_rows),
    )
    return columns, texts, numbers, facts


def _indices(numbers: Sequence[int], wanted: set[int]) -> set[int]:
    """The indices of the rows whose numbers are ``wanted``."""
    if not wanted:
        return set()
    return {i for i, number in enumerate(numbers) if number in wanted}


def _apply_merges(
    raw_columns: list[Any], row_numbers: Sequence[int], sheet: SheetFacts, start: int, first: int
) -> set[tuple[int, int]]:
    """Give a vertically merged cell's value to every data row it covers; the (data row
    index, grid column) of each cell so filled. Merges reaching into the header or above
    are left alone (a title, a two-row header)."""
    filled: set[tuple[int, int]] = set()
    if not sheet.merges:
        return filled
    header_number = row_numbers[start - 1] if start else 0
    for top, left, bottom, _right in sheet.merges:
        if bottom <= top or top <= header_number:
            continue
        j = left - first
        if not 0 <= j < len(raw_columns):
            continue
        column = raw_columns[j]
        source = bisect.bisect_left(row_numbers, top)
        if source >= len(row_numbers) or row_numbers[source] != top:
            continue
        value = column[source]
        for i in range(source + 1, bisect.bisect_right(row_numbers, bottom)):
            if column[i] == "" or column[i] is None:
                column[i] = value
                filled.add((i - start, j))
    return filled


def _all_blank(cells: Sequence[str]) -> bool:
    if cells.count("") == len(cells):
        return True
    return all(not c or c.isspace() for c in cells)


def load(
    path: str | os.PathLike[str],
    sheet: str | None = None,
    header_row: int | None = None,
    email_column: str | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    max_rows: int = MAX_ROWS,
    language: str = "en",
    raw_values: bool = False,
    encoding: str | None = None,
) -> RecipientTable:
    """Load a recipient list (see ``load_steps``), reporting to ``progress``.

    ``cancelled()`` is asked between steps; when it says True, ``LoadCancelled`` is raised.
    Every bad input raises ``SpreadsheetError`` with a message for the user.
    """
    steps = load_steps(
        path,
        sheet,
        header_row,
        email_column,
        max_rows=max_rows,
        language=language,
        raw_values=raw_values,
        encoding=encoding,
    )
    while True:
        if cancelled is not None and cancelled():
            steps.close()
            raise LoadCancelled(f"Loading {Path(path).name} was cancelled.")
        try:
            step = next(steps)
        except StopIteration as done:
            table: RecipientTable = done.value
            return table
        if progress is not None:
            progress(step)
