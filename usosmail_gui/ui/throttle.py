"""Fold a burst of calls into few: the first at once, the rest into one call per interval.

The shape of qutebrowser's ``Throttle`` (qutebrowser/misc/throttle.py): a call after a
quiet spell runs now (the preview answers the first keystroke without delay), calls in
quick succession are remembered and run once, ``delay_ms`` after the last run, by a
single-shot timer (typing fast costs one preview per interval, not one per key).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

__all__ = ["Throttle"]


class Throttle(QObject):
    """Calls ``func()`` at most once per ``delay_ms``; the last request always runs."""

    def __init__(self, func: Callable[[], object], delay_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._func = func
        self._delay_ms = delay_ms
        self._last_call: float | None = None  # time.monotonic() of the last run
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run_pending)

    @property
    def delay_ms(self) -> int:
        return self._delay_ms

    def set_delay(self, delay_ms: int) -> None:
        self._delay_ms = delay_ms

    @property
    def pending(self) -> bool:
        """Whether a call waits for its turn."""
        return self._pending

    @property
    def idle(self) -> bool:
        """Whether a call now would run at once (nothing waits, the interval is over)."""
        if self._pending:
            return False
        since = self._since_last_ms()
        return since is None or since >= self._delay_ms

    def _since_last_ms(self) -> float | None:
        return None if self._last_call is None else (time.monotonic() - self._last_call) * 1000

    def __call__(self) -> None:
        if self._pending:
            return  # folded into the call already waiting
        since = self._since_last_ms()
        if since is None or since >= self._delay_ms:
            self._run()
            return
        self._pending = True
        self._timer.start(max(0, int(self._delay_ms - since)))

    def flush(self) -> None:
        """Run the waiting call now (nothing happens when none waits)."""
        if self._pending:
            self._timer.stop()
            self._run_pending()

    def cancel(self) -> None:
        """Forget the waiting call."""
        self._timer.stop()
        self._pending = False

    def _run_pending(self) -> None:
        self._pending = False
        self._run()

    def _run(self) -> None:
        self._last_call = time.monotonic()
        self._func()
