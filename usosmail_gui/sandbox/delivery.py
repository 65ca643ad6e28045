""""Delivery" of queued messages: real RFC 5322 mail written into a Maildir.

A Maildir can be opened by any mail client and read back by tests with the standard
library, so what the sandbox "sent" is exactly inspectable: one file per recipient, with
headers naming the USOS message ID and the consumer key (to spot duplicates).
"""

from __future__ import annotations

import html
import logging
import mailbox
from collections.abc import Callable
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address as HeaderAddress
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from usosmail_gui.core.usos.models import ContentFormat, DeliveryStatus, Lang

from .store import Outcome, StoredMessage
from .validation import Address

log = logging.getLogger(__name__)

DEFAULT_FROM_NAME = "USOS"
DEFAULT_FROM_EMAIL = "no-reply@usos.sandbox.example.com"
NOTIFIER_NAME = "USOS Notifier"
NOTIFIER_EMAIL = "usos-notifier@usos.sandbox.example.com"
MESSAGE_ID_DOMAIN = "usos.sandbox.example.com"
HEADER_MESSAGE_ID = "X-USOS-Message-ID"
HEADER_CONSUMER = "X-USOS-Consumer"
HEADER_SUMMARY_FOR = "X-USOS-Summary-For"
FAILING_DOMAIN_ERROR = "550 Mailbox unavailable (sandbox failing domain)"
FOOTERS = {
    Lang.PL: "Wiadomość wysłana przez USOS API (piaskownica).",
    Lang.EN: "Message sent by USOS API (sandbox).",
}
SUMMARY_SUBJECTS = {
    Lang.PL: "Raport wysyłki wiadomości {id} (piaskownica USOS API)",
    Lang.EN: "Delivery report for message {id} (USOS API sandbox)",
}
SUMMARY_INTROS = {
    Lang.PL: "Nie udało się dostarczyć wiadomości „{subject}” do następujących adresatów:",
    Lang.EN: "The message \u201c{subject}\u201d could not be delivered to these recipients:",
}


class _CachedHeaderRegistry(HeaderRegistry):
    """The stdlib builds a new header class on every lookup; once per name is enough.

    That lookup was a quarter of the time spent writing each message.
    """

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, type[BaseHeader]] = {}

    def __getitem__(self, name: str) -> type[BaseHeader]:
        key = name.lower()
        cls = self._classes.get(key)
        if cls is None:
            cls = self._classes[key] = super().__getitem__(name)
        return cls


# policy.default: RFC 2047 for non-ASCII headers, "\n" line ends as Maildir files use
MAIL_POLICY = policy.default.clone(header_factory=_CachedHeaderRegistry())


def ensure_maildir(path: Path) -> mailbox.Maildir:
    """Open ``path`` as a Maildir, creating it (and its tmp/new/cur) if needed."""
    path.mkdir(parents=True, exist_ok=True)
    for sub in ("tmp", "new", "cur"):
        (path / sub).mkdir(exist_ok=True)
    return mailbox.Maildir(path, create=True)


def _one_line(text: str) -> str:
    """Header text without line breaks (a header value cannot hold them)."""
    return " ".join(text.splitlines())


def body_with_footer(content: str, content_format: ContentFormat, lang: Lang) -> str:
    """The content plus the signature USOS appends, in ``lang``."""
    footer = FOOTERS[lang]
    if content_format is ContentFormat.HTML:
        return f"{content}\n<p>-- <br>\n{html.escape(footer)}</p>\n"
    return f"{content}\n\n-- \n{footer}\n"


class MaildirDelivery:
    """Delivers each recipient of a message, or fails it if its domain is the failing one."""

    def __init__(
        self, path: Path, fail_domain: str | None, clock: Callable[[], float]
    ) -> None:
        self.path = path
        self.fail_domain = fail_domain.strip().lower() if fail_domain else None
        self._clock = clock
        self._box = ensure_maildir(path)

    def deliver(self, message: StoredMessage) -> list[Outcome]:
        outcomes: list[Outcome] = []
        copy: EmailMessage | None = None  # built once; only To and Message-ID change
        for address in message.mail.recipients:
            if self.fail_domain and address.in_domain(self.fail_domain):
                outcomes.append((DeliveryStatus.FAILED, FAILING_DOMAIN_ERROR))
                continue
            try:
                if copy is None:
                    copy = self._build(message, address)
                else:
                    copy.replace_header("To", HeaderAddress(addr_spec=address.ascii))
                    copy.replace_header("Message-ID", make_msgid(domain=MESSAGE_ID_DOMAIN))
                self._box.add(copy.as_bytes())
            except (OSError, ValueError, TypeError) as exc:
                log.warning("Sandbox could not write message %s: %s", message.message_id, exc)
                outcomes.append((DeliveryStatus.FAILED, f"451 Local delivery error: {exc}"))
            else:
                outcomes.append((DeliveryStatus.SENT, None))
        self._summarise(message, outcomes)
        return outcomes

    def _headers(self, message: StoredMessage, to: str, subject: str) -> EmailMessage:
        mail = message.mail
        email = EmailMessage(policy=MAIL_POLICY)
        if mail.from_notifier:  # template mode: documented to come from the USOS Notifier
            email["From"] = HeaderAddress(display_name=NOTIFIER_NAME, addr_spec=NOTIFIER_EMAIL)
        else:
            email["From"] = HeaderAddress(
                display_name=_one_line(mail.from_name or DEFAULT_FROM_NAME),
                addr_spec=mail.from_email.ascii if mail.from_email else DEFAULT_FROM_EMAIL,
            )
        email["To"] = HeaderAddress(addr_spec=to)
        email["Subject"] = _one_line(subject)
        email["Date"] = format_datetime(datetime.fromtimestamp(self._clock(), UTC))
        email["Message-ID"] = make_msgid(domain=MESSAGE_ID_DOMAIN)
        email[HEADER_CONSUMER] = message.consumer_key
        return email

    def _build(self, message: StoredMessage, address: Address) -> EmailMessage:
        mail = message.mail
        email = self._headers(message, address.ascii, mail.subject)
        email[HEADER_MESSAGE_ID] = message.message_id
        email.set_content(
            body_with_footer(mail.content, mail.content_format, mail.lang),
            subtype=str(mail.content_format),
            charset="utf-8",
        )
        email["Content-Language"] = str(mail.lang)  # after set_content, which clears Content-*
        return email

    def _summarise(self, message: StoredMessage, outcomes: list[Outcome]) -> None:
        """The error report ``send_summary_to`` asks for (A), only when something failed.

        It carries ``X-USOS-Summary-For`` instead of ``X-USOS-Message-ID`` so that
        counting delivered copies of a message never counts a report.
        """
        mail = message.mail
        target = mail.send_summary_to
        failures = [
            (address.given, error or "")
            for address, (status, error) in zip(mail.recipients, outcomes, strict=True)
            if status is DeliveryStatus.FAILED
        ]
        if target is None or not failures:
            return
        if self.fail_domain and target.in_domain(self.fail_domain):
            return
        subject = SUMMARY_SUBJECTS[mail.lang].format(id=message.message_id)
        report = self._headers(message, target.ascii, subject)
        report[HEADER_SUMMARY_FOR] = message.message_id
        lines = [SUMMARY_INTROS[mail.lang].format(subject=_one_line(mail.subject)), ""]
        lines += [f"{email}: {error}" for email, error in failures]
        report.set_content(
            body_with_footer("\n".join(lines), ContentFormat.PLAIN, mail.lang), charset="utf-8"
        )
        try:
            self._box.add(report.as_bytes())
        except (OSError, ValueError, TypeError) as exc:
            log.warning("Sandbox could not write the summary of %s: %s", message.message_id, exc)
