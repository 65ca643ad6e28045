"""The collaborators a use case is given: the journal, the USOS client, the clock.

The defaults are the real ones (the user's journal file, a ``MailingClient`` over HTTPS,
the system clock); tests pass their own (a journal in a temporary folder, a client of the
sandbox, a fixed moment).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

from usosmail_gui.core.journal import Journal

if TYPE_CHECKING:
    from usosmail_gui.core.usos.client import MailingClient, RetryPolicy

__all__ = [
    "ClientFactory",
    "Clock",
    "JournalFactory",
    "mailing_client",
    "open_journal",
    "read_journal",
    "utc_now",
]

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
    """The user's journal, to write (``Journal.open``)."""
    return Journal.open()


def read_journal() -> Journal:
    """The user's journal, to read (``Journal.open_to_read``)."""
    return Journal.open_to_read()


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
