"""The one worker pattern: results, errors, progress, cancellation, and no callback into
a widget that is gone."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from usosmail_gui.ui import workers


def test_result_arrives_in_the_gui_thread(qtbot: QtBot) -> None:
    seen: dict[str, object] = {}

    def job(a: int, b: int) -> int:
        seen["thread"] = QThread.currentThread()
        return a + b

    def got(value: int) -> None:
        seen["value"] = value
        seen["callback_thread"] = QThread.currentThread()

    task = workers.run_in_background(job, 2, b=3, on_result=got)
    qtbot.waitSignal(task.finished, timeout=5000).wait()  # the signal is already on its way
    assert seen["value"] == 5
    assert seen["thread"] is not seen["callback_thread"]
    assert seen["callback_thread"] is qtbot_main_thread()


def qtbot_main_thread() -> QThread:
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    assert app is not None
    return app.thread()


def test_error_is_delivered_not_raised(qtbot: QtBot) -> None:
    def job() -> None:
        raise ValueError("broken")

    task = workers.run_in_background(job)
    blocker = qtbot.waitSignal(task.failed, timeout=5000)
    blocker.wait()  # the signal is already on its way
    assert isinstance(blocker.args[0], ValueError)


def test_generator_yields_progress_and_stops_when_cancelled(qtbot: QtBot) -> None:
    release = threading.Event()
    stopped = threading.Event()

    def job() -> Iterator[int]:
        try:
            for i in range(1000):
                yield i
                release.wait(5)
        finally:
            stopped.set()
        return -1

    progress: list[int] = []
    results: list[int] = []
    task = workers.run_in_background(job, on_progress=progress.append, on_result=results.append)
    qtbot.waitUntil(lambda: progress == [0], timeout=5000)
    task.cancel()
    release.set()
    qtbot.waitSignal(task.finished, timeout=5000).wait()  # the signal is already on its way
    assert stopped.is_set()
    assert results == []
    assert progress[-1] < 999


def test_no_callback_into_a_deleted_widget(qtbot: QtBot) -> None:
    release = threading.Event()
    calls: list[object] = []
    widget = QWidget()
    workers.run_in_background(lambda: release.wait(5), parent=widget, on_result=calls.append,
                              on_finished=lambda: calls.append("finished"))
    assert workers.active_task_count() == 1
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: workers.active_task_count() == 0, timeout=5000)
    assert calls == []


def _alive(obj: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


@pytest.mark.parametrize("parent", [True, False])
def test_task_is_released_after_the_job(qtbot: QtBot, parent: bool) -> None:
    owner = QWidget() if parent else None
    task = workers.run_in_background(lambda: 1, parent=owner)
    qtbot.waitSignal(task.finished, timeout=5000).wait()  # the signal is already on its way
    qtbot.waitUntil(lambda: workers.active_task_count() == 0, timeout=5000)
    assert not task.running
