"""A worker's long job in slices, with a breath after each, so the GUI thread gets the GIL.

The worker holds the GIL while it checks or derives, and the GUI thread needs the GIL for
every Python call it makes (a timer slot, a model's ``data`` while painting), waiting up
to ``sys.getswitchinterval()`` for each. A short sleep after each slice releases the GIL
and gives the GUI thread a window it always gets (measured in tests/bench/bench_composer.py:
stalls under 10 ms at 50,000 rows, for about 20 % more time in the worker). Each ``yield``
is still the point where the worker may be cancelled.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from typing import TypeVar

__all__ = ["BREATH_S", "SLICE_ROWS", "with_breaths"]

SLICE_ROWS = 2_000  # rows a slice of a check or a derivation covers
BREATH_S = 0.0005  # the pause after each slice

_Step = TypeVar("_Step")
_Result = TypeVar("_Result")


def with_breaths(steps: Generator[_Step, None, _Result]) -> Generator[_Step, None, _Result]:
    """``steps`` as they come, with a breath after each; returns what ``steps`` returns
    (and closes it when the caller stops early)."""
    try:
        while True:
            try:
                step = next(steps)
            except StopIteration as done:
                result: _Result = done.value
                return result
            yield step
            time.sleep(BREATH_S)
    finally:
        steps.close()
