"""The loading strip: what is opened, the step in words (in the window's language), how
far it is when known, and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from usosmail_gui.core.recipients import LoadProgress, Stage
from usosmail_gui.ui.loading_strip import LoadingStrip


def strip(qtbot: QtBot) -> LoadingStrip:
    widget = LoadingStrip()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_step_and_how_far_then_cancel(qtbot: QtBot) -> None:
    widget = strip(qtbot)
    widget.start("Opening lista.xlsx…")
    assert widget.busy_label.text() == "Opening lista.xlsx…" and widget.progress_bar.maximum() == 0
    widget.show_progress(LoadProgress(Stage.CONVERTING, 3, 4))
    assert widget.stage_label.text() == "Reading the cells…"
    assert (widget.progress_bar.maximum(), widget.progress_bar.value()) == (1000, 750)
    assert widget.progress_bar.accessibleDescription() == "Reading the cells…"
    with qtbot.waitSignal(widget.cancelRequested, timeout=1000):
        qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)


def test_the_strip_speaks_polish(qtbot: QtBot, polish: None) -> None:
    widget = strip(qtbot)
    widget.show_progress(LoadProgress(Stage.CHECKING))
    assert widget.stage_label.text() == "Sprawdzanie adresów e-mail…"
    assert widget.cancel_button.text() == "Anuluj"
    assert widget.cancel_button.accessibleName() == "Anuluj wczytywanie"
