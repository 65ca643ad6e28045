"""``ui.throttle``: the first call runs at once, the ones that follow while it waits fold into
one, run by its timer or by ``flush``; ``cancel`` drops it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from usosmail_gui.ui.throttle import Throttle


def test_throttle_runs_first_call_now_and_folds_the_rest(qtbot: QtBot) -> None:
    calls: list[str] = []
    throttle = Throttle(lambda: calls.append("slow"), 60_000)
    assert throttle.idle
    throttle()
    assert calls == ["slow"] and not throttle.idle
    throttle()
    throttle()
    throttle()
    assert calls == ["slow"] and throttle.pending
    throttle.flush()
    assert calls == ["slow", "slow"] and not throttle.pending
    throttle()
    throttle.cancel()
    assert not throttle.pending and calls == ["slow", "slow"]
    quick = Throttle(lambda: calls.append("quick"), 30)
    quick()
    quick()
    qtbot.waitUntil(lambda: calls.count("quick") == 2, timeout=2000)  # the timer runs the last one
    throttle.deleteLater()
    quick.deleteLater()
