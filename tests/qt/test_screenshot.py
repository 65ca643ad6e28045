"""``usosmail-gui --sandbox --demo --screenshot FILE``: a picture of the window at rest, for
the README and for tests; exit code 1 with a plain message when there is none."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QImage, qGray
from pytestqt.qtbot import QtBot

from tests.helpers.memory_keyring import MemoryKeyring
from usosmail_gui import app
from usosmail_gui.app import screenshot
from usosmail_gui.core.credentials import CredentialStore
from usosmail_gui.ui import workers
from usosmail_gui.ui.main_window import MainWindow

TIMEOUT = 30000


def build(
    qtbot: QtBot, options: list[str], store: CredentialStore, session: app.SandboxSession | None = None
) -> tuple[MainWindow, screenshot.ScreenshotTaker, Callable[[], None]]:
    window, shutdown = app.build_main_window(  # deferred, as main() builds it
        app.parse_args(options), credential_store=store, sandbox_session=session, deferred=True
    )
    qtbot.addWidget(window)
    taker = window.findChild(screenshot.ScreenshotTaker)
    assert taker is not None
    return window, taker, shutdown


def close(qtbot: QtBot, window: MainWindow, shutdown: Callable[[], None]) -> None:
    window.close()
    assert not window.isVisible()  # nothing asked to save the sample template
    qtbot.waitUntil(lambda: workers.active_task_count() == 0, timeout=TIMEOUT)
    shutdown()


def test_picture_of_the_third_student(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], tmp_path: Path
) -> None:
    picture = tmp_path / "window.png"
    session = app.SandboxSession()
    options = ["--sandbox", "--screenshot", str(picture)]
    window, taker, shutdown = build(qtbot, options, memory_store[0], session)
    assert app.parse_args(["--sandbox", "--screenshot", str(picture)]).demo  # implied
    with qtbot.waitSignal(taker.finished, timeout=TIMEOUT) as blocker:
        window.show()
    assert blocker.args == [0]
    image = QImage(str(picture))
    assert image.size() == QSize(*screenshot.SCREENSHOT_SIZE)
    # what the picture shows: the sandbox checked, the demo list, the sample letter to Zofia
    composer = window.composer
    assert window.window_connection.last_report is not None and window.window_connection.last_report.ok  # type: ignore[union-attr]
    assert composer.current_row() == screenshot.SCREENSHOT_ROW
    assert composer.preview.subject_text() == "Missing documents – Wójcik Zofia, student no. 004527"
    assert not composer.is_modified() and not composer.preview_pending and not composer.check_pending
    close(qtbot, window, shutdown)
    assert session.sandbox is None


def test_picture_of_the_statuses_of_the_demo_sent_to_the_sandbox(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("USOSMAIL_DATA_DIR", str(tmp_path / "data"))  # the test's own journal
    picture = tmp_path / "statuses.png"
    session = app.SandboxSession()
    options = ["--sandbox", "--screenshot", str(picture), "--screenshot-view", "statuses"]
    window, taker, shutdown = build(qtbot, options, memory_store[0], session)
    with qtbot.waitSignal(taker.finished, timeout=90000) as blocker:
        window.show()
    assert blocker.args == [0]
    assert QImage(str(picture)).size() == QSize(*screenshot.SCREENSHOT_SIZE)
    dock = window.status_dock
    assert dock.isVisible() and dock.campaign is not None and not dock.visibleRegion().isEmpty()
    assert not window.status_poller.polling  # every status final when pictured
    assert dock.model.rowCount() == 40 and dock.progress.value() == dock.progress.maximum()
    close(qtbot, window, shutdown)


def take(
    qtbot: QtBot, store: CredentialStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, view: str
) -> tuple[MainWindow, Path, Callable[[], None]]:
    """The picture of ``view`` taken in the test's own data folder (its own journal)."""
    monkeypatch.setenv("USOSMAIL_DATA_DIR", str(tmp_path / "data"))
    picture = tmp_path / f"{view}.png"
    options = ["--sandbox", "--screenshot", str(picture), "--screenshot-view", view]
    window, taker, shutdown = build(qtbot, options, store, app.SandboxSession())
    with qtbot.waitSignal(taker.finished, timeout=90000) as blocker:
        window.show()
    assert blocker.args == [0]
    assert QImage(str(picture)).size() == QSize(*screenshot.SCREENSHOT_SIZE)
    return window, picture, shutdown


def test_picture_of_send_before_confirming(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from usosmail_gui.ui.send_dialog import SendDialog

    window, picture, shutdown = take(qtbot, memory_store[0], tmp_path, monkeypatch, "send")
    dialog = window.send_flow.dialog
    assert isinstance(dialog, SendDialog) and dialog.isVisible()
    draft = dialog.draft()
    assert draft is not None and not dialog.preparing  # prepared: what will be sent is shown
    assert not dialog.confirm_box.isChecked() and not dialog.send_button.isEnabled()  # nothing confirmed
    assert window.status_poller.campaign is None  # nothing was sent
    # the dialog is drawn over the window's middle: the picture differs from the bare window there
    bare = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    shot = QImage(str(picture)).convertToFormat(QImage.Format.Format_RGB32)
    middle = QPoint(bare.width() // 2, bare.height() // 2)
    corner = QPoint(2, bare.height() - 2)  # the status bar, beside no dialog

    def differs(at: QPoint) -> bool:  # beyond what 256 colours change
        return abs(qGray(shot.pixel(at)) - qGray(bare.pixel(at))) > 12

    assert not differs(corner)
    assert sum(differs(middle + QPoint(dx, dy)) for dx in range(-200, 200, 10) for dy in (-60, 0, 60)) > 20
    dialog.reject()
    close(qtbot, window, shutdown)


def test_picture_of_campaigns_after_the_demo_was_sent(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _picture, shutdown = take(qtbot, memory_store[0], tmp_path, monkeypatch, "campaigns")
    history = window.statuses.history
    assert history is not None and history.isVisible() and not history.busy
    assert len(history.rows) == 1 and history.rows[0].id == window.status_poller.campaign
    assert history.table.selectionModel().hasSelection()
    assert not window.status_poller.polling  # pictured once every status was final
    close(qtbot, window, shutdown)


def test_picture_of_the_sandbox_mailbox_with_a_student_message_opened(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from usosmail_gui.ui.sandbox_mailbox import SandboxMailbox

    window, _picture, shutdown = take(qtbot, memory_store[0], tmp_path, monkeypatch, "mailbox")
    mailbox = window.findChild(SandboxMailbox)
    assert mailbox is not None and mailbox.isVisible() and mailbox.envelopes
    opened = mailbox.current
    assert opened is not None
    chosen = next(m for m in mailbox.envelopes if m.key == mailbox.selected_key())
    assert not chosen.is_summary and chosen.to.endswith("@student.example.edu.pl")
    subject = dict(opened.headers)["Subject"]
    assert subject == chosen.subject and subject.startswith("Missing documents – ")
    assert "Dear" in opened.text  # the body as the student reads it
    close(qtbot, window, shutdown)


def test_every_view_can_be_asked_for_by_name() -> None:
    from usosmail_gui.app.command_line import SCREENSHOT_VIEWS

    assert tuple(screenshot.VIEWS) == SCREENSHOT_VIEWS
    options = app.parse_args(["--sandbox", "--screenshot", "s.png", "--screenshot-view", "statuses"])
    assert options.screenshot_view == "statuses"


def test_an_unwritable_file_exits_with_1_and_says_why(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    picture = tmp_path / "no such folder" / "window.png"
    window, taker, shutdown = build(qtbot, ["--sandbox", "--screenshot", str(picture)], memory_store[0])
    with qtbot.waitSignal(taker.finished, timeout=TIMEOUT) as blocker:
        window.show()
    assert blocker.args == [1]
    assert not picture.exists()
    assert f"The picture could not be saved to {picture}." in capsys.readouterr().err
    close(qtbot, window, shutdown)


def test_a_sandbox_that_does_not_start_exits_with_1(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def no_config() -> object:
        raise OSError("no free port")

    options = ["--sandbox", "--screenshot", str(tmp_path / "w.png")]
    window, taker, shutdown = build(qtbot, options, memory_store[0], app.SandboxSession(no_config))
    with qtbot.waitSignal(taker.finished, timeout=TIMEOUT) as blocker:
        window.show()
    assert blocker.args == [1]
    assert "The local sandbox could not be started: no free port" in capsys.readouterr().err
    assert not (tmp_path / "w.png").exists()
    close(qtbot, window, shutdown)


def test_no_rest_within_the_time_limit_exits_with_1(
    qtbot: QtBot, memory_store: tuple[CredentialStore, MemoryKeyring], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    window = MainWindow(memory_store[0])  # never connected to a sandbox: never at rest
    qtbot.addWidget(window)
    taker = screenshot.ScreenshotTaker(window, tmp_path / "w.png", timeout_s=0.3)
    with qtbot.waitSignal(taker.finished, timeout=TIMEOUT) as blocker:
        window.show()
    assert blocker.args == [1]
    assert "The window did not come to rest within 0.3 s; no picture was taken." in capsys.readouterr().err
    assert not (tmp_path / "w.png").exists()


def test_screenshot_needs_the_sandbox(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        app.parse_args(["--screenshot", "window.png"])
    assert raised.value.code == 2
    assert "--screenshot works only with --sandbox" in capsys.readouterr().err


def test_the_command_saves_a_png_and_exits_0(tmp_path: Path) -> None:
    """The real ``main()`` in its own process, as documentation scripts run it."""
    picture = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "usosmail_gui", "--sandbox", "--demo", "--language", "en",
         "--screenshot", str(picture)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    image = QImage(str(picture))
    assert image.size() == QSize(*screenshot.SCREENSHOT_SIZE)
    assert not list((tmp_path / "config").glob("**/*.conf"))  # fresh settings, nothing of the user's touched
