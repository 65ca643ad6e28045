"""The recipient list as loaded: cells as text, e-mail verdicts, include flags, edits.

Built for a Qt table model sitting directly on it: every cell is ``value(row, column)``
(two list look-ups), cells are stored by column, per-row problems are made only for rows
that have some, search and sort return row orders (``view``), and each change returns
the rows whose state it changed, so the model repaints just those.

Who receives: a row is sent when it is included, its e-mail cell holds at least one
address, none of its addresses is invalid (a half-valid cell is never sent in part), and
it still has an address no earlier included row has (a later duplicate is skipped, the
first stays sendable). Edits are an overlay: the file on disk is never written.

Its concepts apart: ``facts`` (where the list came from, what the sheet says beyond the
cells), ``receiving`` (duplicates and who receives), ``address_problems`` (the list's
problem codes and texts), ``summary`` (the counts and the ``--json`` shape). Their names
are importable from here as before.
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Generator, Iterable, Sequence

from usosmail_gui.core.problems import Problem, Severity

from .address_problems import FIXABLE_CODES, Code, no_email_column_problem, problem_counts, row_problems
from .emails import CellVerdict, EmailChecker, Verdict, as_verdict
from .facts import ListFacts, SourceInfo, StoredLater
from .headers import Column, find_column
from .ordering import RowKey, RowOrdering
from .progress import LoadProgress, Stage
from .receiving import find_duplicates
from .summary import RecipientsJson, RowJson, Summary

__all__ = [
    "FIXABLE_CODES",
    "Code",
    "ListFacts",
    "RecipientTable",
    "RecipientsJson",
    "RowJson",
    "SourceInfo",
    "StoredLater",
    "Summary",
]

_CHUNK = 5000


class RecipientTable:
    """Rows of text cells with their spreadsheet row numbers, e-mail verdicts and flags.

    Row and column arguments are 0-based indices into the table (``row_number(i)`` is
    what the user sees). Build one with ``recipients.load()``.
    """

    def __init__(
        self,
        *,
        source: SourceInfo,
        columns: Sequence[Column],
        data: Sequence[Sequence[str]],
        row_numbers: Sequence[int],
        email_column: int | None,
        facts: ListFacts | None = None,
    ) -> None:
        if len(data) != len(columns):
            raise ValueError("one sequence of cells per column")
        self.source = source
        self._columns = tuple(columns)
        self._facts = facts if facts is not None else ListFacts()
        self._shown: list[Sequence[str]] = list(data)  # as the sheet shows them
        self._as_stored: set[int] = set()  # columns switched to their stored values
        self._original: list[Sequence[str]] = list(data)
        self._data: list[Sequence[str]] = list(data)  # a column is copied at its first edit
        self._copied: dict[int, list[str]] = {}
        self._numbers = list(row_numbers)
        n = len(self._numbers)
        if any(len(column) != n for column in data):
            raise ValueError("every column needs one cell per row")
        self._n = n
        self._included = bytearray(b"\x01") * n
        for row in self._facts.hidden:  # hidden in the sheet: left out until the user includes it
            self._included[row] = 0
        self._edits: dict[tuple[int, int], str] = {}  # (row, column) -> the original text
        self._email_column = email_column
        self._checker = EmailChecker()
        self._verdicts: list[Verdict] = []
        # row -> ((address, row index of its first occurrence), ...)
        self._duplicates: dict[int, tuple[tuple[str, int], ...]] = {}
        self._problem_rows: list[int] = []
        self._problems: dict[int, tuple[Problem, ...]] = {}
        self._counts: tuple[int, int] | None = None  # (errors, warnings) of included rows
        self._will_receive = 0
        self._ordering = RowOrdering(lambda: self._data, n, self._row_state)

    # --- shape and cells -----------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return self._n

    def __len__(self) -> int:
        return self._n

    @property
    def column_count(self) -> int:
        return len(self._columns)

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self._columns]

    def value(self, row: int, column: int) -> str:
        """The cell's text as shown (an edit, if there is one)."""
        return self._data[column][row]

    def original_value(self, row: int, column: int) -> str:
        return self._original[column][row]

    def row_number(self, row: int) -> int:
        """The row's number in the spreadsheet, as the user sees it."""
        return self._numbers[row]

    @property
    def row_numbers(self) -> Sequence[int]:
        return self._numbers

    def row_index(self, row_number: int) -> int | None:
        """The index of the row with this spreadsheet number, or None."""
        i = bisect.bisect_left(self._numbers, row_number)
        return i if i < self._n and self._numbers[i] == row_number else None

    def row_values(self, row: int) -> list[str]:
        return [column[row] for column in self._data]

    def column_values(self, column: int) -> Sequence[str]:
        """A whole column (edits included); do not modify it."""
        return self._data[column]

    # --- as the sheet shows it, or as stored ----------------------------------------------

    def has_stored_values(self, column: int) -> bool:
        """Whether the column's stored values differ from what the sheet shows (a format)."""
        return column in self._facts.stored

    def stored_values(self, column: int) -> Sequence[str]:
        """The column's cells as stored (``12345``, ``0.8512``, ISO dates); as shown when the
        column has no stored values of its own."""
        found = self._facts.stored.get(column)
        if found is None:
            return self._shown[column]
        if isinstance(found, StoredLater):
            found = self._facts.stored[column] = found.texts()
        return found

    def shows_stored(self, column: int) -> bool:
        return column in self._as_stored

    def set_shows_stored(self, column: int, stored: bool) -> bool:
        """Show (and send) the column's stored values, or (False) the sheet's; True if it changed.

        Edits stay on top of either. A change of the e-mail column checks every row again.
        """
        if column not in self._facts.stored or stored == (column in self._as_stored):
            return False
        base = self.stored_values(column) if stored else self._shown[column]
        if stored:
            self._as_stored.add(column)
        else:
            self._as_stored.discard(column)
        self._original[column] = base
        edited = {r: text for (r, c), text in self.edits.items() if c == column}
        for row in edited:
            self._edits[(row, column)] = base[row]
        if edited:
            current = self._copied[column] = list(base)
            for row, text in edited.items():
                current[row] = text
            self._data[column] = current
        else:
            self._copied.pop(column, None)
            self._data[column] = base
        self._ordering.invalidate(column)
        if column == self._email_column:
            for _ in self.check_steps():
                pass
        return True

    def unrendered_formats(self, column: int) -> tuple[str, ...]:
        """Format codes of the column that could not be rendered (those cells show the stored value)."""
        return self._facts.unrendered.get(column, ())

    def cell_error(self, row: int, column: int) -> str | None:
        """The error a cell shows (``#N/A``, ``#DIV/0!``), or None."""
        return self._facts.errors.get((row, column))

    def cell_errors(self, row: int) -> dict[str, str]:
        """Placeholder → the error its cell shows in this row (``#N/A``), for the template check."""
        return {
            self._columns[c].placeholder: text for (r, c), text in self._facts.errors.items() if r == row
        }

    def error_rows(self, column: int) -> list[int]:
        """Rows whose cell in ``column`` is an error cell, in order."""
        return sorted(r for r, c in self._facts.errors if c == column)

    def is_merged_cell(self, row: int, column: int) -> bool:
        """Whether the cell's value comes from a vertically merged cell above it."""
        return (row, column) in self._facts.merged

    def is_hidden(self, row: int) -> bool:
        """Whether the row is hidden in the sheet (or by its autofilter)."""
        return row in self._facts.hidden

    @property
    def hidden_rows(self) -> list[int]:
        return sorted(self._facts.hidden)

    def record(self, row: int) -> dict[str, str]:
        """Column name → text: what ``--json`` shows as ``values``."""
        return {c.name: self._data[c.index][row] for c in self._columns}

    def params(self, row: int) -> dict[str, str]:
        """Placeholder → text: what a template is rendered with for this row."""
        return {c.placeholder: self._data[c.index][row] for c in self._columns}

    def find_column(self, spec: str) -> int | None:
        """A column by name or placeholder (exact, then ignoring case), else by letter ("C")."""
        return find_column(self._columns, spec)

    def with_columns(
        self, columns: Sequence[Column], data: Sequence[Sequence[str]], rows: Sequence[int] | None = None
    ) -> RecipientTable:
        """This table with ``columns`` after its own (``data``: their cells, one sequence per
        column, one cell per row of the result): what templates see once derived columns are
        computed (core/letters). ``rows`` (indices, in order): only those rows, each included
        (one per group of rows); otherwise every row, sharing this table's cells, flags and
        e-mail verdicts. A snapshot: later changes of this table are not seen in it."""
        if rows is None:
            extended = copy.copy(self)
            extended._columns = self._columns + tuple(columns)
            extended._shown = [*self._shown, *data]
            extended._as_stored = set(self._as_stored)
            extended._original = [*self._original, *data]
            extended._data = [*self._data, *data]
            extended._copied = {}
            extended._included = bytearray(self._included)
            extended._edits = dict(self._edits)
            extended._verdicts = list(self._verdicts)
            extended._problems = dict(self._problems)
            extended._ordering = RowOrdering(lambda: extended._data, self._n, extended._row_state)
            return extended
        index = {old: new for new, old in enumerate(rows)}
        facts = self._facts
        picked = RecipientTable(
            source=self.source,
            columns=self._columns + tuple(columns),
            data=[[column[i] for i in rows] for column in self._data] + [list(cells) for cells in data],
            row_numbers=[self._numbers[i] for i in rows],
            email_column=self._email_column,
            # the sheet's facts of the rows picked (error cells, merges), at their new indices;
            # every picked row is meant to be sent, so none is hidden
            facts=ListFacts(
                unrendered=dict(facts.unrendered),
                errors={(index[r], c): text for (r, c), text in facts.errors.items() if r in index},
                merged={(index[r], c) for r, c in facts.merged if r in index},
            ),
        )
        if self._verdicts:
            picked._verdicts = [self._verdicts[i] for i in rows]
            picked._find_duplicates()
        else:
            for _ in picked.check_steps():
                pass
        return picked

    # --- edits ---------------------------------------------------------------------------

    def set_value(self, row: int, column: int, text: str) -> list[int]:
        """Overlay an edit on a cell; returns the rows whose state changed (to repaint).

        Editing the e-mail cell re-checks the row and the duplicates of the whole list.
        Setting the original text again removes the edit.
        """
        if self._data[column][row] == text:
            return []
        current = self._copied.get(column)
        if current is None:  # the first edit of a column copies it
            current = self._copied[column] = list(self._data[column])
            self._data[column] = current
        original = self._original[column][row]
        if text == original:
            self._edits.pop((row, column), None)
        else:
            self._edits.setdefault((row, column), original)
        current[row] = text
        self._ordering.invalidate(column, row)
        if column == self._email_column:
            return self._recheck([row])
        return [row]

    def revert_value(self, row: int, column: int) -> list[int]:
        return self.set_value(row, column, self._original[column][row])

    def is_edited(self, row: int, column: int) -> bool:
        return (row, column) in self._edits

    @property
    def edits(self) -> dict[tuple[int, int], str]:
        """(row, column) → the edited text, for every edited cell."""
        return {key: self._data[key[1]][key[0]] for key in self._edits}

    # --- include flags -------------------------------------------------------------------

    def is_included(self, row: int) -> bool:
        return bool(self._included[row])

    def set_included(self, rows: Iterable[int], included: bool) -> list[int]:
        """Include or exclude rows; returns every row whose state changed."""
        flag = 1 if included else 0
        changed = [r for r in rows if self._included[r] != flag]
        for r in changed:
            self._included[r] = flag
        if not changed:
            return []
        self._ordering.invalidate()
        return self._recheck([], also=changed)

    # --- the e-mail column ---------------------------------------------------------------

    @property
    def email_column(self) -> int | None:
        return self._email_column

    @property
    def email_column_name(self) -> str | None:
        return None if self._email_column is None else self._columns[self._email_column].name

    def set_email_column(self, column: int | None) -> None:
        """Use another column for the addresses (None: none); every row is checked again."""
        if column is not None and not 0 <= column < len(self._columns):
            raise IndexError(column)
        self._email_column = column
        for _ in self.check_steps():
            pass

    def verdict(self, row: int) -> CellVerdict:
        """What the row's e-mail cell holds (empty when there is no e-mail column)."""
        return as_verdict(self._verdicts[row]) if self._verdicts else CellVerdict()

    def emails(self, row: int) -> tuple[str, ...]:
        """The valid addresses written in the row's e-mail cell (normalised)."""
        if not self._verdicts:
            return ()
        verdict = self._verdicts[row]
        return (verdict,) if isinstance(verdict, str) else verdict.addresses

    def recipients(self, row: int) -> tuple[str, ...]:
        """The addresses this row's message goes to (empty when it is not sent)."""
        if not self.will_receive(row):
            return ()
        addresses = self.emails(row)
        duplicates = self._duplicates.get(row)
        if duplicates:
            skipped = {a.casefold() for a, _ in duplicates}
            return tuple(a for a in addresses if a.casefold() not in skipped)
        return addresses

    def will_receive(self, row: int) -> bool:
        """Included, with valid addresses only, and at least one not taken by an earlier row."""
        if self._email_column is None or not self._included[row]:
            return False
        verdict = self._verdicts[row]
        if isinstance(verdict, str):
            return row not in self._duplicates
        if verdict.invalid or not verdict.addresses:
            return False
        duplicates = self._duplicates.get(row)
        return not duplicates or len(duplicates) < len(verdict.addresses)

    def sendable_rows(self) -> list[int]:
        """Indices of the rows that will receive, in the spreadsheet's order."""
        return [r for r in range(self._n) if self.will_receive(r)]

    # --- checking --------------------------------------------------------------------------

    def check_steps(self) -> Generator[LoadProgress, None, None]:
        """Check every e-mail cell (yielding progress), then find duplicates."""
        column = self._email_column
        total = self._n
        if column is None:
            self._verdicts = [CellVerdict()] * total
        else:
            check = self._checker.check_cells
            cells = self._data[column]
            verdicts: list[Verdict] = []
            for start in range(0, total, _CHUNK):
                yield LoadProgress(Stage.CHECKING, start, total)
                verdicts += check(cells[start : start + _CHUNK])
            self._verdicts = verdicts
        self._find_duplicates()
        self._ordering.invalidate()

    def _recheck(self, rows: Sequence[int], also: Iterable[int] = ()) -> list[int]:
        """Re-check some e-mail cells and the duplicates; the rows whose state changed."""
        column = self._email_column
        if column is not None:
            cells = self._data[column]
            for r, verdict in zip(rows, self._checker.check_cells([cells[r] for r in rows]), strict=True):
                self._verdicts[r] = verdict
        before = self._duplicates
        self._find_duplicates()
        after = self._duplicates
        changed = set(rows) | set(also)
        changed.update(r for r in before.keys() | after.keys() if before.get(r) != after.get(r))
        self._ordering.invalidate()
        return sorted(changed)

    def _find_duplicates(self) -> None:
        """First included, sendable occurrence of an address wins; later rows skip it."""
        has_column = self._email_column is not None
        found = find_duplicates(self._verdicts, self._included, has_email_column=has_column)
        self._duplicates = found.duplicates
        self._will_receive = found.will_receive
        self._problem_rows = found.problem_rows
        self._problems = {}
        self._counts = None

    # --- problems ------------------------------------------------------------------------

    def table_problems(self) -> tuple[Problem, ...]:
        """Problems of the whole list (row None)."""
        if self._email_column is not None:
            return ()
        return (no_email_column_problem(),)

    def problems(self, row: int) -> tuple[Problem, ...]:
        """The row's problems (none for most rows)."""
        known = self._problems.get(row)
        if known is None:
            known = self._make_problems(row)
            self._problems[row] = known
        return known

    def has_problems(self, row: int) -> bool:
        return bool(self.problems(row))

    def worst_severity(self, row: int) -> Severity | None:
        found = self.problems(row)
        if not found:
            return None
        return Severity.ERROR if any(p.is_error for p in found) else Severity.WARNING

    @property
    def problem_rows(self) -> list[int]:
        """Indices of the rows that have at least one problem, in order."""
        return list(self._problem_rows)

    def all_problems(self, *, included_only: bool = False) -> list[Problem]:
        """The list's problems, then every row's, in the spreadsheet's order."""
        found = list(self.table_problems())
        for row in self._problem_rows:
            if included_only and not self._included[row]:
                continue
            found.extend(self.problems(row))
        return found

    def _make_problems(self, row: int) -> tuple[Problem, ...]:
        column = self._email_column
        if column is None or not self._verdicts:
            return ()
        return row_problems(
            as_verdict(self._verdicts[row]),
            self._duplicates.get(row, ()),
            number=self._numbers[row],
            field=self._columns[column].name,
            first_number=self._numbers,
        )

    # --- the summary and the Qt model's extra columns ------------------------------------

    def summary(self) -> Summary:
        """Counts for the status bar: "N recipients · M will receive · K problems".

        Counted from the verdicts, without building the problems' texts: the GUI asks
        after every edit or checkbox, and a list where every row has a problem would
        otherwise cost ~250 ms of the GUI thread at 50,000 rows.
        """
        if self._counts is None:
            errors = warnings = 0
            for problem in self.table_problems():
                if problem.is_error:
                    errors += 1
                else:
                    warnings += 1
            included = self._included
            for row in self._problem_rows:
                if included[row]:
                    row_errors, row_warnings = self._problem_counts(row)
                    errors += row_errors
                    warnings += row_warnings
            self._counts = (errors, warnings)
        errors, warnings = self._counts
        excluded = self._n - sum(self._included)
        return Summary(self._n, self._will_receive, errors + warnings, errors, warnings, excluded)

    def _problem_counts(self, row: int) -> tuple[int, int]:
        """``(errors, warnings)`` of ``problems(row)``, counted the way ``_make_problems`` builds them."""
        if self._email_column is None or not self._verdicts:
            return 0, 0
        return problem_counts(self._verdicts[row], len(self._duplicates.get(row, ())))

    def _row_state(self, key: RowKey) -> list[int]:
        if key is RowKey.INCLUDED:
            return list(self._included)
        rank = [0] * self._n
        for row in self._problem_rows:
            severity = self.worst_severity(row)
            rank[row] = 0 if severity is None else (2 if severity is Severity.ERROR else 1)
        return [-r for r in rank]  # errors first when sorted ascending

    def view(
        self, search: str = "", sort_by: int | RowKey | None = None, descending: bool = False
    ) -> list[int]:
        """Row indices to show: rows matching ``search`` (every word, anywhere, ignoring
        case and diacritics), sorted by a column index or a ``RowKey`` (stable; empty
        cells last). Both computed on the data (plain lists), ≤150 ms at 50,000 rows."""
        return self._ordering.view(search, sort_by, descending)

    def prepare_view(self) -> None:
        """Fold the search text of every row now (tens of ms at 50,000 rows), so the user's
        first keystroke in the search box does not pay for it. Meant for a worker thread
        right after loading; the table must not change meanwhile."""
        self._ordering.matches("a")

    # --- output --------------------------------------------------------------------------

    def to_json(self) -> RecipientsJson:
        """The ``usosmail recipients --json`` shape of docs/cli.md."""
        names = self.column_names
        rows: list[RowJson] = []
        for row in range(self._n):
            rows.append(
                {
                    "row": self._numbers[row],
                    "values": dict(zip(names, (column[row] for column in self._data), strict=True)),
                    "emails": list(self.emails(row)),
                    "problems": [p.to_json() for p in self.problems(row)],
                }
            )
        return {"columns": names, "email_column": self.email_column_name, "rows": rows}
