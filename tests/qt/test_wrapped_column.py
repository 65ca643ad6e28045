"""Send… at a laptop's width: the reason each excluded row gets nothing is read whole
(the "Why" column wraps its text instead of cutting it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from tests.qt.test_sending_gui import demo_like, load, make_window, open_confirmation, window_for
from usosmail_gui.sandbox import Sandbox
from usosmail_gui.ui.main_window import MainWindow

__all__ = ["make_window"]  # the fixture, imported so that pytest finds it here


def test_every_reason_is_whole_at_1120_pixels(
    qtbot: QtBot,
    english_plurals: None,
    make_window: Callable[..., MainWindow],
    make_sandbox: Callable[..., Sandbox],
    tmp_path: Path,
) -> None:
    sb = make_sandbox()
    window = window_for(make_window, sb)
    load(qtbot, window, demo_like(tmp_path / "studenci.csv"))
    dialog, _prepared = open_confirmation(qtbot, window)
    dialog.resize(1120, 700)
    qtbot.waitUntil(lambda: dialog.width() == 1120)
    tree = dialog.excluded_tree
    assert tree.isVisible() and tree.wordWrap()
    reasons = []
    for group in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(group)
        assert top is not None
        for child in range(top.childCount()):
            item = top.child(child)
            index = tree.indexFromItem(item, 2)
            tree.scrollTo(index)
            rect = tree.visualRect(index)
            text = item.text(2)
            reasons.append(text)
            wrapped = tree.fontMetrics().boundingRect(
                QRect(0, 0, rect.width() - 8, 10_000), int(Qt.TextFlag.TextWordWrap), text
            )
            assert wrapped.height() <= rect.height() and wrapped.width() <= rect.width(), text
            assert rect.right() <= tree.viewport().width()  # in view, not past the edge
    assert len(reasons) == 3 and any(len(r) > 60 for r in reasons)
