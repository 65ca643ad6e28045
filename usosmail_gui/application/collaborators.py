"""The collaborators a use case is given: the journal, the USOS client, the clock.

The defaults are the real ones (the user's journal file, a ``MailingClient`` over HTTPS,
the system clock); tests pass their own (a journal in a temporary folder, a client of the
sandbox, a fixed moment).

Which journal file the defaults open is the composition root's choice (``use_journal_file``):
the user's journal, or the built-in sandbox's own one while the window talks to the
sandbox, so practice campaigns never mix with real ones. It is a context variable: the
GUI's workers run in a copy of the context their job was started in (ui/workers.py), so a
job keeps the journal it was started for even if the choice changes meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from usosmail_gui.core.journal import Journal

if TYPE_CHECKING:
    from usosmail_gui.core.usos.client import MailingClient, RetryPolicy

__all__ = [
    "ClientFactory",
    "Clock",
    "JournalFactory",
    "journal_file",
    "mailing_client",
    "open_journal",
    "read_journal",
    "use_journal_file",
    "utc_now",
]

_JOURNAL_FILE: ContextVar[Path | None] = ContextVar("usosmail_journal_file", default=None)


def use_journal_file(path: Path | None) -> None:
    """Open ``path`` as the journal from now on (None: the user's journal,
    ``core.journal.journal_path``), in this context and the jobs started from it."""
    _JOURNAL_FILE.set(path)


def journal_file() -> Path | None:
    """The journal file chosen by ``use_journal_file`` (None: the user's journal)."""
    return _JOURNAL_FILE.get()

JournalFactory = Callable[[], Journal]
"""Opens the journal (a context manager that closes it): ``open_journal`` to write,
``read_journal`` to read (a read-only journal is then shown, not refused)."""

Clock = Callable[[], datetime]
"""An aware "now": the real time, or a test's."""


class ClientFactory(Protocol):
    """Makes the USOS mailing client of one installation and consumer key (a context
    manager that closes its connections)."""

    def __call__(
        self,
        base_url: str,
        consumer_key: str,
        consumer_secret: str,
        *,
        lang: str = "en",
        retry: RetryPolicy | None = None,
        on_answer: Callable[[str, object], None] | None = None,
    ) -> MailingClient: ...


def open_journal() -> Journal:
    """The journal chosen (the user's unless ``use_journal_file`` said), to write (``Journal.open``)."""
    return Journal.open(_JOURNAL_FILE.get())


def read_journal() -> Journal:
    """The journal chosen, to read (``Journal.open_to_read``)."""
    return Journal.open_to_read(_JOURNAL_FILE.get())


def mailing_client(
    base_url: str,
    consumer_key: str,
    consumer_secret: str,
    *,
    lang: str = "en",
    retry: RetryPolicy | None = None,
    on_answer: Callable[[str, object], None] | None = None,
) -> MailingClient:
    """The real client (imported here, in the worker: requests and oauthlib load late)."""
    from usosmail_gui.core.usos.client import MailingClient, RetryPolicy

    return MailingClient(
        base_url,
        consumer_key,
        consumer_secret,
        retry=retry if retry is not None else RetryPolicy(),
        lang=lang,
        on_answer=on_answer,
    )


def utc_now() -> datetime:
    return datetime.now(UTC)
