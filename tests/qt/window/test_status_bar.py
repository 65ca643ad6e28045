"""ui/window/status_bar.py: a confirmation is shown whole: in Polish, "Kampania … wysłana:
37 przyjętych · 0 odrzuconych …" beside the sandbox's long installation label was cut to
"0 odrzucon" (seen in the screenshots); the installation's label steps aside while such a
message is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from usosmail_gui.ui.window.status_bar import WindowStatusBar

SANDBOX = "Lokalna piaskownica (do wypróbowania; poczta nie jest naprawdę wysyłana) — http://127.0.0.1:41435/"
SENT = (
    "Kampania 2026-12-02-0541-10eb wysłana: 37 przyjętych · 0 odrzuconych · 0 niepewnych · "
    "0 do wysłania."
)


def make_bar(qtbot: QtBot) -> tuple[QMainWindow, WindowStatusBar]:
    window = QMainWindow()
    qtbot.addWidget(window)
    status = WindowStatusBar(window.statusBar())
    status.installation.setText(SANDBOX)
    status.state.setText("Połączono")
    status.queue.setText("Kolejka: 0 niewysłanych wiadomości")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window, status


def test_a_long_message_is_whole_and_the_installation_comes_back_after_it(qtbot: QtBot) -> None:
    window, status = make_bar(qtbot)
    bar = window.statusBar()
    assert status.installation.isVisible()
    bar.showMessage(SENT, 10000)
    assert not status.installation.isVisible()
    # the message's room: the bar up to the first label still shown
    def room() -> int:
        return min(label.geometry().left() for label in (status.state, status.queue))

    qtbot.waitUntil(lambda: room() >= bar.fontMetrics().horizontalAdvance(SENT) + 8)
    assert status.state.isVisible() and status.queue.isVisible()
    bar.clearMessage()
    assert status.installation.isVisible() and status.installation.text() == SANDBOX


def test_a_short_message_leaves_the_installation_shown(qtbot: QtBot) -> None:
    window, status = make_bar(qtbot)
    window.statusBar().showMessage("Otwarto plik studenci.csv.", 10000)
    assert status.installation.isVisible()
