"""The collector policy for big tables (ui/heap.py): thresholds set at start, and what is
alive after a big result leaves later collections (frozen), yet is still freed as usual."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from usosmail_gui.ui import heap


@pytest.fixture(autouse=True)
def collector() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)
    gc.unfreeze()


class Row:
    pass


def test_tune_and_settle() -> None:
    heap.tune_collector()
    assert gc.get_threshold() == heap.THRESHOLDS
    rows = [Row() for _ in range(1000)]
    gone = weakref.ref(rows[0])
    frozen = gc.get_freeze_count()
    heap.settle()
    assert gc.get_freeze_count() >= frozen + 1000  # out of the collector's sight
    del rows
    assert gone() is None  # frozen objects are still freed when nothing refers to them


def test_renew_collects_what_settle_kept() -> None:
    cycle = [Row(), Row()]
    cycle[0].other = cycle[1]  # type: ignore[attr-defined]
    cycle[1].other = cycle[0]  # type: ignore[attr-defined]
    gone = weakref.ref(cycle[0])
    del cycle
    heap.settle()  # the garbage cycle is frozen: no collection sees it
    gc.collect()
    assert gone() is not None
    heap.renew()  # a new list: collected once, then the rest frozen again
    assert gone() is None
    assert gc.get_freeze_count() > 0
