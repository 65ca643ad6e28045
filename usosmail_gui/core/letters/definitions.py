"""What the user defines: derived columns and the grouping of rows into one message.

USOS renders templates with ``str.format``, which has no conditions and no loops, so
whatever a letter needs beyond the sheet's own cells (a salutation that fits the
student, a first name in the vocative, a value or a fallback, one message listing many
rows) is computed by the app, per row, into columns of its own. These are the
definitions only (plain data, saved in the ``.usosmail`` file: docs/template-file.md);
``derive`` computes them. Nothing here imports the template package, so the file format
can read them without a cycle.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeAlias

__all__ = [
    "DEFAULT_FEMALE",
    "DEFAULT_MALE",
    "DEFAULT_UNKNOWN",
    "NEUTRAL_UNKNOWN",
    "DefinitionError",
    "DerivedColumn",
    "Fallback",
    "Grouping",
    "LetterSetup",
    "Salutation",
    "Transform",
    "TransformKind",
    "UnknownKind",
    "Vocative",
    "forbidden_in_name",
]

DEFAULT_FEMALE = "Szanowna Pani"
DEFAULT_MALE = "Szanowny Panie"
DEFAULT_UNKNOWN = "Szanowni Państwo"
NEUTRAL_UNKNOWN = "Szanowna Pani / Szanowny Panie"  # the other common choice when the gender is unknown

_FORBIDDEN = "{}[].:!"


def forbidden_in_name(name: str) -> str | None:
    """The first character that keeps ``name`` from being a placeholder, if any."""
    if not name.strip():
        return " "
    return next((c for c in name if c in _FORBIDDEN), None)


class DefinitionError(ValueError):
    """A definition read from a file is not usable; the text names the key."""


class UnknownKind(DefinitionError):
    """A derived column of a kind this version does not know (saved by a newer one)."""


class TransformKind(StrEnum):
    UPPER = "upper"  # KOWALSKA
    LOWER = "lower"  # kowalska
    TITLE = "title"  # Anna Maria Kowalska-Nowak (every word capitalised)
    CAPITALIZE = "capitalize"  # Anna maria (only the first letter)


@dataclass(frozen=True, slots=True)
class Salutation:
    """ "Szanowna Pani" / "Szanowny Panie" (or the user's forms) by the student's gender.

    The gender comes from ``gender_column`` (K/M, kobieta/mężczyzna, F/M…) when it is
    given and its cell says; otherwise it is inferred from ``first_name_column`` with the
    Polish dictionary (a guess: each such row is a warning). ``with_name`` appends the
    first name in the vocative ("Szanowna Pani Anno"). ``unknown`` is used when the gender
    cannot be told ("Szanowni Państwo", or a neutral form the user prefers).
    """

    name: str
    gender_column: str | None = None
    first_name_column: str | None = None
    with_name: bool = False
    female: str = DEFAULT_FEMALE
    male: str = DEFAULT_MALE
    unknown: str = DEFAULT_UNKNOWN

    kind = "salutation"

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(c for c in (self.gender_column, self.first_name_column) if c)


@dataclass(frozen=True, slots=True)
class Vocative:
    """The first name of ``column`` in the vocative (Anna → Anno, Jan → Janie); a name
    the dictionary does not know is left as written, and flagged."""

    name: str
    column: str

    kind = "vocative"

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.column,)


@dataclass(frozen=True, slots=True)
class Fallback:
    """The cell of ``column``, or ``fallback`` where it is empty (or only spaces)."""

    name: str
    column: str
    fallback: str = ""

    kind = "fallback"

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.column,)


@dataclass(frozen=True, slots=True)
class Transform:
    """The cell of ``column`` in upper case, lower case, title case or capitalised."""

    name: str
    column: str
    transform: TransformKind = TransformKind.UPPER

    kind = "transform"

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.column,)


DerivedColumn: TypeAlias = Salutation | Vocative | Fallback | Transform


@dataclass(frozen=True, slots=True)
class Grouping:
    """One message per address: the rows sharing an e-mail address become one message.

    ``line`` is rendered (``str.format``, as USOS would) for each of the group's rows, in
    sheet order, and the lines joined by ``separator`` fill the derived column ``column``
    (``{lista}``); every other column comes from the group's first row.
    """

    line: str
    column: str = "lista"
    separator: str = "\n"


@dataclass(frozen=True, slots=True)
class LetterSetup:
    """Every derived column (in order: one may read an earlier one) and the grouping."""

    derived: tuple[DerivedColumn, ...] = ()
    grouping: Grouping | None = None

    @property
    def empty(self) -> bool:
        return not self.derived and self.grouping is None

    @property
    def names(self) -> tuple[str, ...]:
        """The columns these definitions add, in order (the grouping's list last)."""
        names = tuple(d.name for d in self.derived)
        return names + ((self.grouping.column,) if self.grouping is not None else ())

    def to_json(self) -> dict[str, Any]:
        """The keys this setup adds to a ``.usosmail`` file (none when empty)."""
        data: dict[str, Any] = {}
        if self.derived:
            data["derived_columns"] = [_column_json(d) for d in self.derived]
        if self.grouping is not None:
            data["group_by_email"] = {
                "column": self.grouping.column,
                "line": self.grouping.line,
                "separator": self.grouping.separator,
            }
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LetterSetup:
        """The setup of a ``.usosmail`` file's object; ``DefinitionError`` names the bad key."""
        raw = data.get("derived_columns")
        derived: list[DerivedColumn] = []
        if raw is not None:
            if not isinstance(raw, list):
                raise DefinitionError("“derived_columns” should be a list")
            derived = [_column_of(item, i) for i, item in enumerate(raw)]
        group = data.get("group_by_email")
        grouping = None
        if group is not None:
            if not isinstance(group, dict):
                raise DefinitionError("“group_by_email” should be an object")
            grouping = Grouping(
                line=_text(group, "line", "group_by_email", required=True),
                column=_text(group, "column", "group_by_email", default="lista"),
                separator=_text(group, "separator", "group_by_email", default="\n"),
            )
        return cls(tuple(derived), grouping)


def _column_json(column: DerivedColumn) -> dict[str, Any]:
    data: dict[str, Any] = {"name": column.name, "kind": column.kind}
    if isinstance(column, Salutation):
        data.update(
            gender_column=column.gender_column,
            first_name_column=column.first_name_column,
            with_name=column.with_name,
            female=column.female,
            male=column.male,
            unknown=column.unknown,
        )
    elif isinstance(column, Vocative):
        data["column"] = column.column
    elif isinstance(column, Fallback):
        data.update(column=column.column, fallback=column.fallback)
    else:
        data.update(column=column.column, transform=str(column.transform))
    return data


def _text(data: Mapping[str, Any], key: str, where: str, *, default: str = "", required: bool = False) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise DefinitionError(f"“{where}” needs “{key}”")
        return default
    if not isinstance(value, str):
        raise DefinitionError(f"“{where}.{key}” should be text")
    return value


def _column_of(item: object, index: int) -> DerivedColumn:
    where = f"derived_columns[{index}]"
    if not isinstance(item, dict):
        raise DefinitionError(f"“{where}” should be an object")
    name = _text(item, "name", where, required=True)
    kind = _text(item, "kind", where, required=True)
    if kind not in (Salutation.kind, Vocative.kind, Fallback.kind, Transform.kind):
        raise UnknownKind(f"“{where}.kind” is “{kind}”, a kind of derived column this version does not know")
    if kind == Salutation.kind:
        with_name = item.get("with_name", False)
        if not isinstance(with_name, bool):
            raise DefinitionError(f"“{where}.with_name” should be true or false")
        return Salutation(
            name=name,
            gender_column=_text(item, "gender_column", where) or None,
            first_name_column=_text(item, "first_name_column", where) or None,
            with_name=with_name,
            female=_text(item, "female", where, default=DEFAULT_FEMALE),
            male=_text(item, "male", where, default=DEFAULT_MALE),
            unknown=_text(item, "unknown", where, default=DEFAULT_UNKNOWN),
        )
    column = _text(item, "column", where, required=True)
    if kind == Vocative.kind:
        return Vocative(name, column)
    if kind == Fallback.kind:
        return Fallback(name, column, _text(item, "fallback", where))
    if kind == Transform.kind:
        value = _text(item, "transform", where, default=str(TransformKind.UPPER))
        try:
            transform = TransformKind(value.strip().lower())
        except ValueError:
            allowed = ", ".join(f"“{t.value}”" for t in TransformKind)
            raise DefinitionError(f"“{where}.transform” should be one of {allowed}") from None
        return Transform(name, column, transform)
    raise AssertionError(kind)  # pragma: no cover - every kind is handled above
