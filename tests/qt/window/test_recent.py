"""ui/window/recent.py: File ▸ Open Recent remembers the templates saved, across starts, and
opens and forgets them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.ui.main_window import MainWindow

TIMEOUT = 15000


def test_recent_templates_are_remembered(
    qtbot: QtBot, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    first = make_window()
    first.composer.set_template(MessageTemplate(subject="Saved", content="Text"))
    path = tmp_path / "saved.usosmail"
    with qtbot.waitSignal(first.recentTemplatesChanged, timeout=TIMEOUT) as blocker:
        first.composer.save_as(path)
    assert blocker.args == [[str(path)]]
    first.close()

    second = make_window()
    qtbot.waitUntil(lambda: second.recent.templates.paths() == [str(path)], timeout=TIMEOUT)
    menu = second.recent.templates_menu
    assert menu in [a.menu() for a in second.file_menu.actions()]
    entry = next(a for a in menu.actions() if a.data() == str(path))
    qtbot.waitUntil(entry.isEnabled, timeout=TIMEOUT)
    with qtbot.waitSignal(second.composer.fileChanged, timeout=TIMEOUT):
        entry.trigger()
    assert second.composer.template().subject == "Saved"
    second.recent.clear_templates_action.trigger()
    assert second.recent.templates.paths() == []
