"""Which rows changed, told to the views in short runs.

Qt repaints only the visible part of a short ``dataChanged`` range, but the whole viewport
for a range of about 200 rows or more (measured with Qt 6.11), even when none of it is on
screen. So a batch of changes is told in runs of neighbouring rows, each at most
``SPAN_ROWS`` long; when the changes are scattered over more than ``MAX_SPANS`` runs the
whole range is told in such chunks instead.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Mapping, Sequence
from itertools import compress

from usosmail_gui.core.statuses import RecipientStatusView

__all__ = ["MAX_SPANS", "SPAN_ROWS", "changed_numbers", "changed_places", "row_spans", "shown_status"]

# what a status cell shows of a recipient's status view (compared to find the changed rows)
shown_status = operator.attrgetter("status", "error", "raw_status", "sentences", "row")

SPAN_ROWS = 128
MAX_SPANS = 2048


def row_spans(positions: Sequence[int]) -> Iterator[tuple[int, int]]:
    """(first, last) runs of the sorted row ``positions``, each at most ``SPAN_ROWS`` long."""
    spans: list[tuple[int, int]] = []
    for position in positions:
        if spans and position <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], position)
        else:
            spans.append((position, position))
    if len(spans) > MAX_SPANS:
        spans = [(spans[0][0], spans[-1][1])]
    for start, end in spans:
        for first in range(start, end + 1, SPAN_ROWS):
            yield first, min(end, first + SPAN_ROWS - 1)


def changed_places(before: Sequence[RecipientStatusView], after: Sequence[RecipientStatusView]) -> list[int]:
    """The places where two equally long sequences of status views show something else,
    found in C (``map`` over ``operator.ne``): a 10,000-row batch in about a millisecond."""
    differs = map(operator.ne, map(shown_status, before), map(shown_status, after))
    return list(compress(range(len(after)), differs))


def changed_numbers(
    before: Mapping[int, RecipientStatusView], after: Mapping[int, RecipientStatusView]
) -> list[int]:
    """The row numbers whose shown status differs between two batches (or that are in one
    only). Successive batches of a campaign hold the same rows: then the comparison runs
    in C, as ``changed_places``; otherwise row by row."""
    if before.keys() == after.keys():
        numbers = list(after)
        old = map(shown_status, map(before.__getitem__, numbers))
        return list(compress(numbers, map(operator.ne, old, map(shown_status, after.values()))))
    changed = [
        number
        for number, view in after.items()
        if number not in before or shown_status(before[number]) != shown_status(view)
    ]
    changed += [number for number in before if number not in after]
    return changed
