"""Who receives of a recipient list: the first included, sendable occurrence of an address
wins, a later row skips it (and receives nothing when all its addresses are taken); which
rows have problems, decided from the verdicts without building their texts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .emails import Verdict

__all__ = ["Receiving", "find_duplicates"]


@dataclass(frozen=True, slots=True)
class Receiving:
    # row -> ((address, row index of its first occurrence), ...)
    duplicates: dict[int, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    will_receive: int = 0  # rows sent a message
    problem_rows: list[int] = field(default_factory=list)  # rows with a problem, in order


def find_duplicates(verdicts: Sequence[Verdict], included: bytearray, *, has_email_column: bool) -> Receiving:
    """The duplicates, the rows that receive and the rows with problems of a list whose
    e-mail cells hold ``verdicts`` (``included``: one flag per row)."""
    if has_email_column and _no_duplicates_possible(verdicts, included):
        return Receiving(will_receive=len(verdicts))
    seen: dict[str, int] = {}
    duplicates: dict[int, tuple[tuple[str, int], ...]] = {}
    will_receive = 0
    problem_rows: list[int] = []
    no_column = not has_email_column
    for row, verdict in enumerate(verdicts):
        if isinstance(verdict, str):
            if included[row]:
                first = seen.setdefault(verdict.casefold(), row)
                if first == row:
                    will_receive += 1
                else:
                    duplicates[row] = ((verdict, first),)
                    problem_rows.append(row)
            continue
        flagged = verdict.invalid or verdict.repeated or verdict.written != 1 or verdict.non_ascii
        if not included[row] or verdict.invalid or not verdict.keys:
            if flagged and not no_column:
                problem_rows.append(row)
            continue
        found: list[tuple[str, int]] | None = None
        for address, key in zip(verdict.addresses, verdict.keys, strict=True):
            first = seen.setdefault(key, row)
            if first != row:
                if found is None:
                    found = []
                found.append((address, first))
        if found is None:
            will_receive += 1
        else:
            duplicates[row] = tuple(found)
            if len(found) < len(verdict.keys):
                will_receive += 1
        if flagged or found is not None:
            problem_rows.append(row)
    return Receiving(duplicates, 0 if no_column else will_receive, problem_rows)


def _no_duplicates_possible(verdicts: Sequence[Verdict], included: bytearray) -> bool:
    """The common case, decided without a loop: every row included, each cell one valid
    address, no address twice."""
    if not verdicts or included.count(0) or set(map(type, verdicts)) != {str}:
        return False
    keys = ("\n".join(verdicts).casefold()).split("\n")  # type: ignore[arg-type]
    return len(keys) == len(verdicts) and len(set(keys)) == len(keys)
