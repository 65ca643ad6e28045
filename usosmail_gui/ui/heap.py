"""Python's garbage collector tuned for a window that holds big tables.

A loaded sheet of 50,000 rows, its derived letters and the check's warnings are hundreds
of thousands of long-lived Python objects. With CPython's default thresholds (700, 10,
10) a worker that derives or checks the list triggers full collections that walk all of
them while holding the GIL: measured, up to 250 ms during one derive, so the GUI thread
froze although the work was in a worker. So, measured with
``gc.callbacks`` in tests/bench/bench_letters_gui.py' setup (the longest collection during
derive + check: 180–200 ms with CPython's defaults, 9 ms with these, in the same run;
50,000 young objects gave 21 ms, 25,000 18 ms):

- ``tune_collector`` (at start): a young generation of 10,000 objects, and 50 young
  collections before a middle one, so a 50,000-row job is not interrupted every 700
  allocations nor by a full collection;
- ``settle`` (when a big result has arrived in the GUI thread: the derived letters, a
  check): ``gc.freeze()`` moves every object alive now out of the collector's sight. They
  are freed as usual when nothing refers to them; only garbage in reference cycles at
  that moment (a closed dialog's wrappers, say) would stay;
- ``renew`` (when another list is loaded, a moment the user expects to wait a little):
  everything back in sight, one full collection — so what ``settle`` kept is collected
  once per list, not never — then frozen again.
"""

from __future__ import annotations

import gc

__all__ = ["THRESHOLDS", "renew", "settle", "tune_collector"]

THRESHOLDS = (10_000, 50, 100)


def tune_collector() -> None:
    """Set the collector's thresholds for big tables (once, at start)."""
    gc.set_threshold(*THRESHOLDS)


def settle() -> None:
    """A big result is in place: leave what is alive now out of later collections."""
    gc.freeze()


def renew() -> None:
    """Another list is in place: collect what earlier ``settle`` calls kept, then freeze."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
