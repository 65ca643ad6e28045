"""View ▸ Language reaches the open sending window at once: its heading, counts, requests
and summary are written again from what the session said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.helpers.open_windows import OWN_POLISH, polish_left, words
from tests.qt.test_sending_gui import (  # the sending tests' window and list, reused
    confirm_and_send,
    demo_like,
    finished,
    load,
    make_window,
    open_confirmation,
    window_for,
)
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.sending import SendProgressDialog

TIMEOUT = 20000
REAL_USOS = "https://usosapps.example.edu.pl/"

__all__ = ["make_window"]  # the fixture, imported so that pytest finds it here


def test_the_sending_window_rewrites_its_summary_from_the_outcome(
    qtbot: QtBot,
    switch_language: Callable[[str], None],
    make_window: Callable[..., MainWindow],
    make_sandbox: Callable[..., Sandbox],
    tmp_path: Path,
) -> None:
    sb = make_sandbox()
    window = window_for(make_window, sb)
    load(qtbot, window, demo_like(tmp_path / "studenci.csv"))
    dialog, _prepared = open_confirmation(qtbot, window)
    finished(qtbot, window, lambda: confirm_and_send(dialog, window))
    progress = window.send_flow.progress_dialog
    assert isinstance(progress, SendProgressDialog)
    qtbot.waitUntil(lambda: progress.close_button.isVisibleTo(progress), timeout=TIMEOUT)
    polish = (progress.heading.text(), progress.summary_label.text(), progress.counts_label.text())
    assert progress.windowTitle() == "Wysyłanie" and "przyjętych" in polish[2]

    switch_language("en")
    qtbot.waitUntil(lambda: progress.windowTitle() == "Sending", timeout=TIMEOUT)
    assert progress.heading.text().endswith(": sending finished.")
    assert (
        progress.summary_label.text().startswith("All ")
        and "accepted by USOS" in progress.summary_label.text()
    )
    assert (
        progress.counts_label.text().endswith("0 still to send")
        and " accepted · " in progress.counts_label.text()
    )
    assert progress.time_label.text().endswith("request") or "request" in progress.time_label.text()
    assert progress.close_button.text() == "&Close" and progress.counts_title.text() == "Messages:"
    assert polish_left(words(progress), data=OWN_POLISH) == []

    switch_language("pl")
    qtbot.waitUntil(lambda: progress.windowTitle() == "Wysyłanie", timeout=TIMEOUT)
    assert (progress.heading.text(), progress.summary_label.text(), progress.counts_label.text()) == polish
    progress.close()
