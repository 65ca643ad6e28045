"""Computing derived columns for a recipient list: ``prepare_letters``.

The result, a ``LetterList``, holds the table templates see (the sheet's columns, then
the derived ones; with a grouping, one row per address), so the preview, the problems
list, the limit counters, the CLI and what is sent all read the same values: in
template mode they travel as params like any used column. Each derived value is
computed once per distinct input (a list of 50,000 students has a few thousand first
names), and the per-row warnings are prototypes given their row only when listed.
``Overrides`` are the values a user typed over derived ones, per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat

from usosmail_gui.core.problems import Problem
from usosmail_gui.core.recipients.headers import Column
from usosmail_gui.core.recipients.table import RecipientTable

from . import messages as msg
from .definitions import (
    DerivedColumn,
    Fallback,
    LetterSetup,
    Salutation,
    Transform,
    TransformKind,
    Vocative,
    forbidden_in_name,
)
from .gender import Gender, read_gender
from .names import NameBook, default_book

__all__ = ["PAUSE_ROWS", "LetterList", "Overrides", "Pause", "prepare_letters"]

Pause = Callable[[], None]
PAUSE_ROWS = 2_000  # rows between two calls of ``prepare_letters``'s ``pause``

_TRANSFORMS: dict[TransformKind, Callable[[str], str]] = {
    TransformKind.UPPER: str.upper,
    TransformKind.LOWER: str.lower,
    TransformKind.TITLE: str.title,
    TransformKind.CAPITALIZE: str.capitalize,
}


class Overrides:
    """Values typed over derived ones: (derived column, sheet row number) → text.

    The GUI's per-row edit of a derived cell writes here; an overridden value is the
    user's decision, so its row has no warning for that column. ``version`` grows with
    every change (for caches). For a grouped list, the list column's rows are the groups'
    first rows."""

    def __init__(self, values: Mapping[tuple[str, int], str] | None = None) -> None:
        self._values: dict[tuple[str, int], str] = dict(values or {})
        self.version = 0

    def set(self, column: str, row: int, text: str) -> None:
        self._values[(column, row)] = text
        self.version += 1

    def clear(self, column: str, row: int) -> None:
        if self._values.pop((column, row), None) is not None:
            self.version += 1

    def get(self, column: str, row: int) -> str | None:
        return self._values.get((column, row))

    def of_column(self, column: str) -> dict[int, str]:
        return {row: text for (name, row), text in self._values.items() if name == column}

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(dict(self._values))


@dataclass(frozen=True, slots=True)
class _Computed:
    values: list[str]
    notes: list[Problem | None]  # prototypes (row None), one per row of the source table


@dataclass(frozen=True, eq=False)
class LetterList:
    """A recipient list with its derived columns computed (see the module docstring).

    ``table``: what templates see; ``source``: the list as loaded. ``derived``: the
    derived columns' names in order (the grouping's list column last). ``problems``: the
    definitions' own (row None). ``members``: with a grouping, the source row indices
    of each row of ``table``, in sheet order (None without one).
    """

    source: RecipientTable
    setup: LetterSetup
    table: RecipientTable
    derived: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    members: tuple[tuple[int, ...], ...] | None = None
    reads: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # derived → the columns it reads
    line_columns: tuple[str, ...] = ()  # the columns the grouping's line reads
    _notes: Mapping[str, list[Problem | None]] = field(default_factory=dict)
    _per_row: Mapping[str, list[str]] = field(default_factory=dict)
    _group_of: Mapping[int, int] = field(default_factory=dict)

    @property
    def grouped(self) -> bool:
        return self.members is not None

    def is_derived(self, name: str) -> bool:
        return name in self.derived

    def index_of(self, row_number: int) -> int | None:
        """The row of ``table`` holding the sheet's row ``row_number`` (its group's, when grouped)."""
        if self.members is None:
            return self.table.row_index(row_number)
        source = self.source.row_index(row_number)
        return None if source is None else self._group_of.get(source)

    def source_rows(self, index: int) -> tuple[int, ...]:
        """The source row indices behind row ``index`` of ``table``."""
        return (index,) if self.members is None else self.members[index]

    def note(self, column: str, source_index: int) -> Problem | None:
        """The warning of a derived value (prototype, row None), if it has one."""
        notes = self._notes.get(column)
        return None if notes is None else notes[source_index]

    def derived_value(self, column: str, source_index: int) -> str:
        """A per-row derived value of a source row (not the grouping's list)."""
        return self._per_row[column][source_index]

    def record(self, source_index: int) -> dict[str, str]:
        """A source row's cells and its per-row derived values (for reports)."""
        record = self.source.record(source_index)
        for name, values in self._per_row.items():
            record[name] = values[source_index]
        return record

    def depends_on(self, names: Sequence[str]) -> set[str]:
        """``names`` and every derived column they read, directly or through another."""
        found: set[str] = set()
        todo = [n for n in names if n in self.reads]
        while todo:
            name = todo.pop()
            if name in found:
                continue
            found.add(name)
            todo += [n for n in self.reads.get(name, ()) if n in self.reads]
        return found


def prepare_letters(
    table: RecipientTable,
    setup: LetterSetup,
    overrides: Overrides | None = None,
    book: NameBook | None = None,
    *,
    pause: Pause | None = None,
) -> LetterList:
    """``table`` with ``setup``'s derived columns computed (and grouped, if asked).

    Morfeusz is loaded (once per process) only when a value needs the dictionary: a
    vocative, or a salutation whose gender a cell does not say. ``pause`` is called every
    ``PAUSE_ROWS`` rows of each long loop (the GUI's worker sleeps a little there, so the
    GUI thread gets the GIL); the values do not depend on it."""
    if setup.empty:
        return LetterList(table, setup, table)
    overrides = overrides or Overrides()
    names_book = book
    problems: list[Problem] = []
    taken = {c.name for c in table.columns} | {c.placeholder for c in table.columns}
    computed: dict[str, _Computed] = {}
    reads: dict[str, tuple[str, ...]] = {}
    n = table.row_count

    def column(spec: str) -> Sequence[str] | None:
        if spec in computed:
            return computed[spec].values
        index = table.find_column(spec)
        return None if index is None else table.column_values(index)

    def lexicon() -> NameBook:
        nonlocal names_book
        if names_book is None:
            names_book = default_book()
        return names_book

    for definition in setup.derived:
        name = definition.name
        bad = forbidden_in_name(name)
        if bad is not None or name in taken:  # the sheet's column (or the first definition) wins
            problems.append(msg.name_invalid(name, bad) if bad is not None else msg.name_taken(name))
            continue
        taken.add(name)
        reads[name] = definition.sources
        sources = {s: column(s) for s in definition.sources}
        missing = [s for s, values in sources.items() if values is None]
        if missing:
            problems += [msg.source_missing(name, s) for s in missing]
            computed[name] = _Computed([""] * n, [None] * n)
            continue
        try:
            result = _compute(definition, sources, n, lexicon, pause)
        except ImportError as exc:  # morfeusz2 missing from this installation
            problems.append(msg.dictionary_missing(name, str(exc) or type(exc).__name__))
            result = _Computed([""] * n, [None] * n)
        computed[name] = _overridden(result, overrides.of_column(name), table)

    derived = tuple(computed)
    new_columns = [Column(table.column_count + i, d, d, "", d) for i, d in enumerate(derived)]
    per_row = {name: c.values for name, c in computed.items()}
    notes = {name: c.notes for name, c in computed.items()}
    grouping = setup.grouping
    if grouping is None:
        extended = table.with_columns(new_columns, [c.values for c in computed.values()])
        return LetterList(table, setup, extended, derived, tuple(problems), None, reads, (), notes, per_row)

    from .grouping import group_rows, render_lines

    list_name = grouping.column
    bad = forbidden_in_name(list_name)
    if bad is not None:
        problems.append(msg.name_invalid(list_name, bad))
    elif list_name in taken:
        problems.append(msg.name_taken(list_name))
    groups = group_rows(table, pause=pause)
    lines, line_columns, line_problems, line_notes = render_lines(
        grouping, table, new_columns, per_row, [i for g in groups for i in g], pause=pause
    )
    problems += line_problems
    notes[list_name] = line_notes
    reads[list_name] = line_columns
    listed = [grouping.separator.join(lines[i] for i in members) for members in groups]
    for row, text in overrides.of_column(list_name).items():
        source = table.row_index(row)
        if source is not None:
            for g, members in enumerate(groups):  # few overrides: a scan is fine
                if members[0] == source:
                    listed[g] = text
                    for i in members:
                        line_notes[i] = None
    firsts = [members[0] for members in groups]
    list_column = Column(table.column_count + len(derived), list_name, list_name, "", list_name)
    grouped = table.with_columns(
        [*new_columns, list_column],
        [[values[i] for i in firsts] for values in per_row.values()] + [listed],
        rows=firsts,
    )
    members_of = tuple(tuple(g) for g in groups)
    group_of = {i: g for g, members in enumerate(members_of) for i in members}
    return LetterList(
        table,
        setup,
        grouped,
        (*derived, list_name),
        tuple(problems),
        members_of,
        reads,
        line_columns,
        notes,
        per_row,
        group_of,
    )


def _overridden(result: _Computed, typed: Mapping[int, str], table: RecipientTable) -> _Computed:
    if not typed:
        return result
    for row, text in typed.items():
        index = table.row_index(row)
        if index is not None:
            result.values[index] = text
            result.notes[index] = None
    return result


def _compute(
    definition: DerivedColumn,
    sources: Mapping[str, Sequence[str] | None],
    n: int,
    lexicon: Callable[[], NameBook],
    pause: Pause | None = None,
) -> _Computed:
    if isinstance(definition, Salutation):
        return _salutation(definition, sources, n, lexicon, pause)
    if isinstance(definition, Vocative):
        return _vocative(definition, sources[definition.column] or [], lexicon, pause)
    cells = sources[definition.column] or []
    if isinstance(definition, Fallback):
        fallback = definition.fallback
        return _Computed([c if c.strip() else fallback for c in cells], [None] * n)
    assert isinstance(definition, Transform)
    return _Computed(list(map(_TRANSFORMS[definition.transform], cells)), [None] * n)


def _vocative(
    definition: Vocative, cells: Sequence[str], lexicon: Callable[[], NameBook], pause: Pause | None = None
) -> _Computed:
    book = lexicon()
    book.prefetch(cells)
    cache: dict[str, tuple[str, Problem | None]] = {}
    values: list[str] = []
    notes: list[Problem | None] = []
    for i, cell in enumerate(cells):
        if pause is not None and i % PAUSE_ROWS == 0:
            pause()
        hit = cache.get(cell)
        if hit is None:
            info = book.info(cell)
            note = None if info.known or not info.name else msg.name_not_declined(definition.name, info.name)
            hit = cache[cell] = (info.vocative, note)
        values.append(hit[0])
        notes.append(hit[1])
    return _Computed(values, notes)


def _salutation(
    definition: Salutation,
    sources: Mapping[str, Sequence[str] | None],
    n: int,
    lexicon: Callable[[], NameBook],
    pause: Pause | None = None,
) -> _Computed:
    gender_column = definition.gender_column
    name_column = definition.first_name_column
    genders = sources.get(gender_column) if gender_column else None
    names = sources.get(name_column) if name_column else None
    forms = {
        Gender.FEMALE: definition.female,
        Gender.MALE: definition.male,
        Gender.UNKNOWN: definition.unknown,
    }
    if names is not None:  # the names to look up, at once (one request to the window's child)
        if definition.with_name or genders is None:
            wanted: Sequence[str] = names
        else:
            told = {g: read_gender(g) in (Gender.FEMALE, Gender.MALE) for g in dict.fromkeys(genders)}
            wanted = [name for g, name in zip(genders, names, strict=False) if not told[g]]
        if wanted:
            lexicon().prefetch(wanted)
    cache: dict[tuple[str, str], tuple[str, Problem | None]] = {}
    values: list[str] = []
    notes: list[Problem | None] = []
    gender_cells = repeat("", n) if genders is None else genders
    name_cells = repeat("", n) if names is None else names
    has_gender, has_name = genders is not None, names is not None
    for i, key in enumerate(zip(gender_cells, name_cells, strict=False)):  # repeat() is endless
        if pause is not None and i % PAUSE_ROWS == 0:
            pause()
        hit = cache.get(key)
        if hit is None:
            hit = cache[key] = _one_salutation(definition, forms, has_gender, has_name, *key, lexicon)
        values.append(hit[0])
        notes.append(hit[1])
    return _Computed(values, notes)


def _one_salutation(
    definition: Salutation,
    forms: Mapping[Gender, str],
    has_gender: bool,
    has_name: bool,
    gender_cell: str,
    name_cell: str,
    lexicon: Callable[[], NameBook],
) -> tuple[str, Problem | None]:
    said = read_gender(gender_cell) if has_gender else None
    told = said is Gender.FEMALE or said is Gender.MALE
    note: Problem | None = None
    name = " ".join(name_cell.split())
    needs_name = has_name and (definition.with_name or not told)
    info = lexicon().info(name_cell) if needs_name else None
    column = definition.name
    where = definition.gender_column if has_gender else None
    gender: Gender
    if said is not None and told:
        gender = said
    elif info is not None and info.known:
        gender = info.gender
    else:
        gender = Gender.UNKNOWN
    value = forms[gender]
    if definition.with_name and gender is not Gender.UNKNOWN and info is not None and info.vocative:
        value = f"{value} {info.vocative}"
    if not told:
        maker = msg.gender_guessed if gender is not Gender.UNKNOWN else msg.gender_unknown
        note = maker(column, where, gender_cell if has_gender else "", name, value)
    elif definition.with_name and info is not None and name and not info.known:
        note = msg.name_not_declined(column, name)
    return value, note
