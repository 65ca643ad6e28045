"""Typed values the USOS mailing client takes and returns.

They carry no wire names: ``wire.py`` translates between them and JSON, so a corrected
assumption about the API changes one module only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class ContentFormat(StrEnum):
    PLAIN = "plain"
    HTML = "html"


class Lang(StrEnum):
    PL = "pl"
    EN = "en"


@dataclass(frozen=True, slots=True)
class LangText:
    """A USOS "LangDict": the same text in Polish and English (either may be empty)."""

    pl: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("pl…" or anything else for English), else the other one."""
        first, second = (self.pl, self.en) if lang.startswith("pl") else (self.en, self.pl)
        return first or second

    def __bool__(self) -> bool:
        return bool(self.pl or self.en)


class DeliveryStatus(StrEnum):
    """What USOS says of one recipient of one message (B3)."""

    WAITING = "waiting"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"  # a value this app does not know yet: shown, never guessed


@dataclass(frozen=True, slots=True)
class Sender:
    """Fields every send method shares; ``None`` leaves the server's default."""

    from_name: str | None = None
    from_email: str | None = None
    send_summary_to: str | None = None
    lang: Lang | None = None


@dataclass(frozen=True, slots=True)
class SimpleMessage:
    """One ``send_simple_message`` call: the same message to one or more addresses."""

    subject: str
    content: str
    recipients: tuple[str, ...]
    content_format: ContentFormat = ContentFormat.PLAIN
    sender: Sender = field(default_factory=Sender)


@dataclass(frozen=True, slots=True)
class TemplateRecipient:
    """One recipient of ``send_simple_by_template`` with the values its template uses."""

    email: str
    params: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class TemplateMessage:
    """The template part of ``send_simple_by_template`` (Python format strings)."""

    subject_template: str
    content_template: str
    sender: Sender = field(default_factory=Sender)


@dataclass(frozen=True, slots=True)
class Enqueued:
    """Answer of ``send_simple_message``: the new message's ID."""

    message_id: str


@dataclass(frozen=True, slots=True)
class EnqueuedBatch:
    """Answer of ``send_simple_messages`` / ``send_simple_by_template``.

    ``message_ids[n]`` belongs to the n-th message sent; ``None`` means the server did
    not enqueue it (``false`` on the wire) and gave no reason.
    """

    message_ids: tuple[str | None, ...]

    @property
    def enqueued_count(self) -> int:
        return sum(1 for m in self.message_ids if m is not None)


class RecipientStatus(NamedTuple):
    """One address of a message status (B3). A named tuple, not a frozen dataclass: a poll
    cycle builds 10,000 of these, and a tuple is built four times faster."""

    email: str
    status: DeliveryStatus
    error: str | None = None
    raw_status: str = ""


class MessageStatus(NamedTuple):
    """D5/B3: whether USOS has finished with a message, and how it went per address
    (a named tuple for the same reason as ``RecipientStatus``)."""

    finished: bool
    recipients: tuple[RecipientStatus, ...] = ()


@dataclass(frozen=True, slots=True)
class SystemStatus:
    """D2: the mail queue as USOS reports it; ``None`` where the answer did not say.

    ``pending``: recipients waiting in the whole installation's queue
    (``total_pending_message_count``); ``mine``: those of this consumer key
    (``my_pending_message_count``); ``daemon_running``: ``False`` means USOS's mail
    daemon is stopped and nothing leaves the queue.
    """

    pending: int | None
    mine: int | None = None
    daemon_running: bool | None = None
    extra: Mapping[str, object] = field(default_factory=dict)

    @property
    def unsent_count(self) -> int | None:
        """The name this app used before D2 (``ping --json`` keeps it, equal to pending)."""
        return self.pending

    @property
    def daemon_stopped(self) -> bool:
        """USOS says outright that its mail daemon does not run."""
        return self.daemon_running is False


@dataclass(frozen=True, slots=True)
class Installation:
    """One USOS API installation (one university)."""

    base_url: str
    name_pl: str
    name_en: str
    version: str | None = None
    contact_emails: tuple[str, ...] = ()  # its USOS API administrators (D3)

    def name(self, lang: str = "en") -> str:
        if lang.startswith("pl"):
            return self.name_pl or self.name_en or self.base_url
        return self.name_en or self.name_pl or self.base_url
