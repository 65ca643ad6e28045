"""The sandbox's delivered mail read back for people: the GUI's "Sandbox mailbox".

The sandbox "delivers" every message as a real e-mail into a Maildir (delivery.py); a clerk
practising with it should see exactly what a student would receive, without looking for
a temporary folder. This reads that Maildir — newest first, each message's headers as a
mail client shows them, its plain text and its HTML part — with the standard library, and
never runs or fetches anything from a message (the GUI shows the HTML without loading any
resource). Qt-free: the GUI calls it in a worker.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import cast

from .delivery import HEADER_MESSAGE_ID, HEADER_SUMMARY_FOR

__all__ = ["DeliveredMail", "MailEnvelope", "read_mail", "read_mailbox"]

SHOWN_HEADERS = ("From", "To", "Subject", "Date", HEADER_MESSAGE_ID)
MAX_LISTED = 20_000  # a practice mailbox; more is listed as the newest this many


@dataclass(frozen=True, slots=True)
class MailEnvelope:
    """One delivered message as the list shows it."""

    key: str  # the Maildir key, to open it
    received: datetime | None
    sender: str
    to: str
    subject: str
    is_summary: bool  # USOS's error report to the "summary to" address, not a student's mail


@dataclass(frozen=True, slots=True)
class DeliveredMail:
    """One message as the student would see it."""

    headers: tuple[tuple[str, str], ...]
    text: str  # the plain-text part ("" when there is none)
    html: str | None  # the HTML part, if any


def _parser() -> BytesParser:
    return BytesParser(_class=EmailMessage, policy=policy.default)


def _date(message: EmailMessage) -> datetime | None:
    value = message.get("Date")
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value)).astimezone()
    except (TypeError, ValueError):
        return None


def _files(folder: Path) -> list[tuple[int, str, Path]]:
    """(modified, key, path) of every message file: a Maildir keeps new mail in ``new/`` and
    read mail in ``cur/`` (with ``:2,FLAGS`` after the key)."""
    found: list[tuple[int, str, Path]] = []
    for part in ("new", "cur"):
        try:
            entries = list(os.scandir(folder / part))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                modified = entry.stat().st_mtime_ns
            except OSError:  # removed meanwhile
                continue
            found.append((modified, entry.name.split(":", 1)[0], Path(entry.path)))
    return found


def read_mailbox(folder: Path) -> list[MailEnvelope]:
    """The delivered messages of the Maildir at ``folder``, newest first (by the time each
    was written: the Date header has whole seconds only); none when it does not exist yet."""
    files = sorted(_files(folder), reverse=True)[:MAX_LISTED]
    found: list[MailEnvelope] = []
    for _, key, path in files:
        try:
            with path.open("rb") as handle:
                message = cast(EmailMessage, _parser().parse(handle, headersonly=True))
        except OSError:  # removed meanwhile
            continue
        found.append(
            MailEnvelope(
                key=key,
                received=_date(message),
                sender=str(message.get("From", "")),
                to=str(message.get("To", "")),
                subject=str(message.get("Subject", "")),
                is_summary=message.get(HEADER_SUMMARY_FOR) is not None,
            )
        )
    return found


def read_mail(folder: Path, key: str) -> DeliveredMail:
    """One message of the Maildir: its shown headers, plain text and HTML. ``KeyError`` when
    it is no longer there."""
    path = next((p for _, k, p in _files(folder) if k == key), None)
    if path is None:
        raise KeyError(key)
    with path.open("rb") as handle:
        message = cast(EmailMessage, _parser().parse(handle))
    headers = tuple((name, str(message[name])) for name in SHOWN_HEADERS if message[name] is not None)
    text_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    text = text_part.get_content() if isinstance(text_part, EmailMessage) else ""
    html = html_part.get_content() if isinstance(html_part, EmailMessage) else None
    return DeliveredMail(headers=headers, text=str(text), html=None if html is None else str(html))
