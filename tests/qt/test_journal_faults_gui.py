"""The window when the journal lets it down: it starts anyway (without history), says in
plain words what is wrong with which file, and the user's work can still be saved."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.core.journal import Counts, journal_path
from usosmail_gui.core.sending import SendResult, StopReason
from usosmail_gui.core.template import MessageTemplate, load_template
from usosmail_gui.ui.main_window import MainWindow
from usosmail_gui.ui.sending import outcome_text

TIMEOUT = 20000

pytestmark = pytest.mark.usefixtures("english_plurals")


@pytest.fixture
def empty_journal() -> Path:
    path = journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path.resolve()


def test_a_damaged_journal_is_explained_at_start_and_the_template_can_still_be_saved(
    qtbot: QtBot,
    memory_store: tuple[CredentialStore, MemoryKeyring],
    empty_journal: Path,
    tmp_path: Path,
) -> None:
    window = MainWindow(memory_store[0], restore_last=False, offer_resume=True)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.interruptedFound, timeout=TIMEOUT) as blocker:
        pass
    assert blocker.args[0] == []
    box = window.message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.windowTitle() == "The journal cannot be read"
    assert str(empty_journal) in box.text() and "is empty (0 bytes)" in box.text()
    assert "go on working" in box.informativeText()
    assert "Traceback" not in box.text()
    box.close()

    # the user's work survives: the template is written to a file
    template = MessageTemplate("Decyzja dla {Imię}", "Dzień dobry.")
    window.composer.set_template(template)
    target = tmp_path / "decyzja.usosmail"
    with qtbot.waitSignal(window.composer.fileChanged, timeout=TIMEOUT):
        window.composer.save_as(target)
    assert load_template(target).subject == template.subject

    # the history says the same, with the path
    history = window.statuses.open_history()
    qtbot.waitUntil(lambda: not history.busy, timeout=TIMEOUT)
    assert "The journal cannot be read" in history.state_label.text()
    assert str(empty_journal) in history.state_label.text()
    assert history.table.rowCount() == 0
    assert empty_journal.stat().st_size == 0  # left as it was


def test_a_full_disk_stop_says_nothing_more_was_sent_and_to_free_space() -> None:
    result = SendResult("c", Counts(enqueued=50, uncertain=50, pending=200), StopReason.DISK_FULL, "", 2, 1.0)
    text = outcome_text(SimpleNamespace(result=result, uncertain=()))  # type: ignore[arg-type]
    assert "The disk holding the journal of sent messages is full" in text
    assert "nothing more was sent" in text and "Free space on the disk, then resume" in text
