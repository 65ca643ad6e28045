"""Send ▸ My address for tests: a wrong address keeps the prompt open, with what was typed
and why it is wrong; a right one closes it and is remembered."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.ui.main_window import MainWindow

TIMEOUT = 15000
MY_ADDRESS = "tester@dziekanat.example.edu.pl"


def test_an_invalid_address_keeps_the_prompt_open_with_the_text(qtbot: QtBot) -> None:
    window = MainWindow(CredentialStore(backend=MemoryKeyring()), restore_last=False)
    qtbot.addWidget(window)
    window.show()
    chosen: list[str] = []
    dialog = window.send_flow.ask_test_address(then=chosen.append)
    qtbot.waitExposed(dialog)
    error = dialog.findChild(QLabel, "testAddressError")
    assert error is not None and not error.isVisible()

    dialog.setTextValue("jan.kowalski@")
    dialog.done(QDialog.DialogCode.Accepted)
    assert dialog.isVisible() and dialog.textValue() == "jan.kowalski@"
    assert error.isVisible() and "jan.kowalski@" in error.text() and "not a valid" in error.text()
    assert chosen == [] and window.send_flow.test_address() == ""
    assert window.message_box is None  # said in the prompt, not in a box over it

    dialog.setTextValue(f"  {MY_ADDRESS} ")
    assert not error.isVisible()  # typing again clears the complaint
    dialog.done(QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    assert chosen == [MY_ADDRESS] and window.send_flow.test_address() == MY_ADDRESS
