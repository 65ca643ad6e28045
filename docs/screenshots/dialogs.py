"""Pictures of the Campaigns window and the Sandbox mailbox for the user guides, in both
languages, at sizes that fit a 1366×768 screen:

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/dialogs.py

Everything is real: a local sandbox, the demo list and letter sent through it into the
sandbox's own journal (in a temporary data folder), statuses polled, one campaign stopped
half-way and one closed. Writes campaigns-{en,pl}.png and sandbox-mailbox-{en,pl}.png
beside this file.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
CAMPAIGNS_SIZE = (1300, 460)
MAILBOX_SIZE = (1100, 700)


def wait(app: object, done: Callable[[], bool], seconds: float = 30.0) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        QApplication.processEvents()
        time.sleep(0.02)


def campaigns(language: str) -> None:
    from usosmail_gui.app.sandbox_launcher import demo_list_path, demo_template_path
    from usosmail_gui.application.statuses import poll_statuses
    from usosmail_gui.core.campaign import SendMode, build_campaign, key_fingerprint
    from usosmail_gui.core.journal import Journal, sandbox_journal_path
    from usosmail_gui.core.recipients import load
    from usosmail_gui.core.sending import send_campaign
    from usosmail_gui.core.template import load_template
    from usosmail_gui.core.usos.client import MailingClient, RetryPolicy
    from usosmail_gui.sandbox import Sandbox, SandboxConfig

    sandbox = Sandbox(SandboxConfig(delay=0.0)).start()
    table = load(demo_list_path())
    template = load_template(demo_template_path(language))
    path = sandbox_journal_path()

    def draft() -> object:
        return build_campaign(
            table,
            template,
            installation=sandbox.url,
            key_fingerprint=key_fingerprint(sandbox.admin_key),
            mode=SendMode.MESSAGES,
        )

    with Journal.open(path) as journal, MailingClient(
        sandbox.url, sandbox.admin_key, sandbox.admin_secret, retry=RetryPolicy(attempts=1)
    ) as client:
        closed = journal.create_campaign(draft()).id  # type: ignore[arg-type]
        journal.close_campaign(closed)
        stopped = journal.create_campaign(draft()).id  # type: ignore[arg-type]
        sent = journal.create_campaign(draft()).id  # type: ignore[arg-type]
        send_campaign(journal, client, sent)
        del stopped
    for _ in range(3):
        poll_statuses(
            sent, sandbox.url, sandbox.admin_key, sandbox.admin_secret, None,
            journals=lambda: Journal.open(path),
        )
        time.sleep(0.3)
    return sandbox  # type: ignore[return-value]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = tempfile.mkdtemp(prefix="usosmail-pictures-")
    os.environ["USOSMAIL_DATA_DIR"] = data
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from usosmail_gui.application.collaborators import use_journal_file
    from usosmail_gui.core.journal import sandbox_journal_path
    from usosmail_gui.ui.history_window import HistoryWindow
    from usosmail_gui.ui.i18n import install_translations
    from usosmail_gui.ui.sandbox_mailbox import SandboxMailbox

    app = QApplication(sys.argv[:1])
    language = sys.argv[1] if len(sys.argv) > 1 else None
    languages = [language] if language else ["en", "pl"]
    if len(languages) > 1:  # one process per language: translators are installed once
        import subprocess

        for each in languages:
            subprocess.run([sys.executable, __file__, each], check=True)
        return 0
    settings = QSettings(str(Path(data) / "settings.ini"), QSettings.Format.IniFormat)
    install_translations(app, settings, language)
    sandbox = campaigns(language or "en")
    use_journal_file(sandbox_journal_path())

    history = HistoryWindow()
    history.show()
    wait(app, lambda: len(history.rows) == 3 and not history.busy)
    history.resize(*CAMPAIGNS_SIZE)
    history.table.selectRow(1)
    wait(app, lambda: True)
    for _ in range(10):
        QApplication.processEvents()
    history.grab().save(str(HERE / f"campaigns-{language}.png"))

    mailbox = SandboxMailbox(sandbox.maildir)  # type: ignore[attr-defined]
    mailbox.show()
    mailbox.resize(*MAILBOX_SIZE)
    wait(app, lambda: len(mailbox.envelopes) > 0 and mailbox.current is not None)
    for _ in range(10):
        QApplication.processEvents()
    mailbox.grab().save(str(HERE / f"sandbox-mailbox-{language}.png"))
    sandbox.stop()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
