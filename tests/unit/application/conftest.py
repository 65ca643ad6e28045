"""What the application layer's tests share: a journal file of the test's own (passed to
each use case as its journal factory), campaigns sent through a real sandbox."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.application.sending import SendOutcome, SendRequest, send_job
from usosmail_gui.core.campaign import key_fingerprint
from usosmail_gui.core.credentials import Credentials
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.sandbox import Sandbox

TEMPLATE = MessageTemplate(subject="Decyzja dla {Imię}", content="Dzień dobry {Imię} {Nazwisko}.")

JournalFactory = Callable[[], Journal]


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    return tmp_path / "own" / "journal.sqlite3"


@pytest.fixture
def journals(journal_file: Path) -> JournalFactory:
    """Opens the test's own journal (to write)."""
    journal_file.parent.mkdir(exist_ok=True)
    return lambda: Journal.open(journal_file)


def run_to_end(request: SendRequest, journals: JournalFactory) -> SendOutcome:
    import threading

    steps = send_job(request, threading.Event(), journals=journals)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            outcome: SendOutcome = done.value
            return outcome


def sent_campaign(sandbox: Sandbox, journals: JournalFactory, count: int = 3) -> SendOutcome:
    """A campaign of ``count`` demo students sent through ``sandbox`` into ``journals``."""
    draft = build_campaign(
        make_table(demo_rows(count)),
        TEMPLATE,
        installation=sandbox.url,
        key_fingerprint=key_fingerprint(sandbox.admin_key),
    )
    credentials = Credentials(sandbox.admin_key, sandbox.admin_secret)
    return run_to_end(SendRequest(sandbox.url, credentials, draft=lambda: draft), journals)
