"""A campaign as data: the snapshot of what will be sent, and how it is cut into requests.

A campaign is frozen the moment the user confirms: the template and sender fields, and
for every included recipient either the rendered message (``messages`` mode, exactly
what the preview showed) or only the placeholders the template uses (``template`` mode:
no other column of the spreadsheet leaves the machine). Recipients whose row has a
blocking problem are excluded and listed with the reason, so nobody is skipped silently.
Nothing here touches the network or the journal; core/drafts.py makes a ``CampaignDraft``
(from a list, as a test, as a retry), ``journal.create_campaign`` stores it and ``sending``
sends it.

One journal recipient is one message (one message ID): in ``messages`` mode a row's
message goes to all of the row's addresses at once; ``send_simple_by_template`` takes
one address per message, so in ``template`` mode a row with two addresses is two
messages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import quote_plus, urlencode

from usosmail_gui.core.readiness import same_installation
from usosmail_gui.core.recipients.table import RecipientTable
from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, Sentence, english, say
from usosmail_gui.core.template.model import MessageTemplate
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.models import SimpleMessage, TemplateMessage, TemplateRecipient

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MAX_BODY_BYTES",
    "MAX_BATCH_SIZE",
    "CampaignDraft",
    "CampaignError",
    "Excluded",
    "OtherInstallation",
    "PlannedBatch",
    "PlannedMessage",
    "SendMode",
    "is_campaign_source",
    "key_fingerprint",
    "plan_batches",
    "request_overhead",
    "simple_bytes",
    "simple_message_of",
    "template_message_of",
    "template_recipient_bytes",
]

DEFAULT_BATCH_SIZE = 100
MAX_BATCH_SIZE = 1000
# Each request's form-encoded body stays under this (a batch that would exceed it is
# split). 100 maximal messages (15,000 Polish characters, 6 bytes each once encoded)
# would be ~9 MB; real servers and proxies commonly refuse bodies far smaller.
DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
_LIST_SEPARATOR = len(quote_plus(","))  # between two items of an encoded JSON list

EXCLUDED_BY_USER = "excluded_by_user"
HIDDEN_IN_SHEET = "hidden_in_sheet"  # a row hidden in the sheet (or by its filter), left out by default


class SendMode(StrEnum):
    """``messages``: the app renders each message (send_simple_messages); ``template``:
    USOS renders (send_simple_by_template) from the used placeholders only."""

    MESSAGES = "messages"
    TEMPLATE = "template"


class CampaignError(Exception):
    """A campaign cannot be made as asked; the text says why and what to do.

    ``sentences``: the same words as translatable sentences (core/sentences.py) when the
    GUI may show them in its language; the text is their English.
    """

    def __init__(self, message: str | Sentence) -> None:
        self.sentences: tuple[Sentence, ...] = (message,) if isinstance(message, Sentence) else ()
        super().__init__(english(self.sentences) if isinstance(message, Sentence) else message)


_OTHER_INSTALLATION = QT_TRANSLATE_NOOP(
    "Problems",
    "Campaign {campaign} was sent through {installation}, not {url}. Connect to {installation} "
    "to send it again or continue it.",
)


class OtherInstallation(CampaignError):
    """``campaign`` belongs to ``installation`` and must not be sent again or continued
    through ``url`` (the GUI words it in its language, the CLI prints the English)."""

    def __init__(self, campaign: str, installation: str, url: str) -> None:
        self.campaign, self.installation, self.url = campaign, installation, wire.normalize_base_url(url)
        super().__init__(say(_OTHER_INSTALLATION, campaign=campaign, installation=installation, url=self.url))


@dataclass(frozen=True, slots=True)
class Excluded:
    """A row of the list that gets nothing, and why (``code``: the first problem's code)."""

    row: int
    addresses: tuple[str, ...]
    code: str
    reason: str
    # the reason as translatable sentences (core/sentences.py), for the GUI
    sentences: tuple[Sentence, ...] = field(default=(), compare=False)
    # the row's cells (kept on this computer only), so the report lists every row of the sheet
    record: Mapping[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class PlannedMessage:
    """One message of the campaign (one journal recipient).

    ``row``: its sheet row (the first of its rows when rows are grouped, see ``also``);
    ``record``: the row's cells (for reports, kept on this computer only); ``params``:
    template mode's placeholder values sent to USOS; ``subject``/``content``: messages
    mode's rendered text; ``body_bytes``: its form-encoded size inside a batch request.
    """

    seq: int
    row: int
    addresses: tuple[str, ...]
    record: Mapping[str, str]
    params: Mapping[str, str] | None
    subject: str | None
    content: str | None
    body_bytes: int
    # the other sheet rows (number, cells) this message was made of, when rows were grouped
    # into one message per student (core/letters): the report has a line for each
    also: tuple[tuple[int, Mapping[str, str]], ...] = ()


@dataclass(frozen=True, slots=True)
class CampaignDraft:
    """Everything the journal stores for a campaign before its first request."""

    installation: str
    key_fingerprint: str
    mode: SendMode
    template: MessageTemplate
    batch_size: int
    max_body_bytes: int
    is_test: bool
    source_path: str | None
    source_sheet: str | None
    columns: tuple[str, ...]
    email_column: str | None
    messages: tuple[PlannedMessage, ...]
    excluded: tuple[Excluded, ...]
    first_subject: str  # the first message's subject, for the confirmation

    @property
    def recipient_count(self) -> int:
        """Messages to send (see the module docstring for rows with several addresses)."""
        return len(self.messages)

    @property
    def address_count(self) -> int:
        return sum(len(m.addresses) for m in self.messages)

    def excluded_by_reason(self) -> dict[str, list[Excluded]]:
        """Excluded rows grouped by problem code, for the confirmation's "excluded and why"."""
        groups: dict[str, list[Excluded]] = {}
        for item in self.excluded:
            groups.setdefault(item.code, []).append(item)
        return groups

    def sender_text(self) -> str:
        """What the student will see as the sender in this draft's mode, in words."""
        return sender_text(self.template, self.mode)

    def batches(self) -> list[PlannedBatch]:
        """How the messages would be cut into requests (for the confirmation's estimate)."""
        return plan_batches(
            [(m.seq, m.body_bytes, False) for m in self.messages],
            batch_size=self.batch_size,
            max_body_bytes=self.max_body_bytes,
            overhead=request_overhead(self.mode, self.template),
        )


@dataclass(frozen=True, slots=True)
class PlannedBatch:
    """One request: these recipients (by seq) together; ``solo``: one sent alone."""

    seqs: tuple[int, ...]
    body_bytes: int
    solo: bool = False


def key_fingerprint(consumer_key: str) -> str:
    """A short one-way tag of the consumer key: lets a later status check warn that a
    different key is used (USOS shows statuses only to the sending key), without the key."""
    return "sha256:" + hashlib.sha256(consumer_key.encode("utf-8")).hexdigest()[:16]


def other_installation(campaign: str, installation: str, url: str) -> OtherInstallation | None:
    """Why ``campaign`` (sent through ``installation``) must not be continued or retried
    through ``url``, or None when ``url`` is that installation. Retrying a practice campaign
    through the real USOS would send real mail; the words (``str``) name the right installation."""
    if same_installation(installation, url):
        return None
    return OtherInstallation(campaign, installation, url)


# --- the wire size of requests ------------------------------------------------------------


def simple_message_of(
    template: MessageTemplate, subject: str, content: str, addresses: Sequence[str]
) -> SimpleMessage:
    """The ``send_simple_message`` call of one rendered message of a campaign."""
    return SimpleMessage(
        subject=subject,
        content=content,
        recipients=tuple(addresses),
        content_format=template.content_format,
        sender=template.sender(),
    )


NOTIFIER_SENDER = (
    "the USOS Notifier address (USOS documents that template mode sends every message from "
    "it, so the sender name and address set here are not what students see)"
)


def sender_text(template: MessageTemplate, mode: SendMode) -> str:
    """ "Dziekanat <dziekanat@uni.example>", the server's default, or — in template mode,
    whose messages USOS documents as "from the USOS Notifier address" — that, in words."""
    if mode is SendMode.TEMPLATE:
        return NOTIFIER_SENDER
    name = template.from_name or "USOS (the server's default)"
    if template.from_name and template.from_email:
        return f"{template.from_name} <{template.from_email}>"
    return name


def template_message_of(template: MessageTemplate) -> TemplateMessage:
    return TemplateMessage(template.subject, template.content, template.sender())


def simple_bytes(message: SimpleMessage) -> int:
    """Bytes one message adds to a ``send_simple_messages`` body (URL-encoded JSON)."""
    return len(quote_plus(wire.json_dumps(wire.simple_message_params(message))))


def template_recipient_bytes(recipient: TemplateRecipient) -> int:
    """Bytes one recipient adds to a by-template request's body (URL-encoded JSON)."""
    item = {wire.K_TEMPLATE_EMAIL: recipient.email, wire.K_TEMPLATE_PARAMS: dict(recipient.params)}
    return len(quote_plus(wire.json_dumps(item)))


def request_overhead(mode: SendMode, template: MessageTemplate) -> int:
    """Bytes of a batch request's body with an empty list (the client adds ``format``)."""
    if mode is SendMode.MESSAGES:
        params = wire.simple_messages_params([])
    else:
        params = wire.by_template_params(template_message_of(template), [])
    params[wire.P_FORMAT] = "json"
    return len(urlencode(params))


def plan_batches(
    items: Sequence[tuple[int, int, bool]],
    *,
    batch_size: int,
    max_body_bytes: int,
    overhead: int,
) -> list[PlannedBatch]:
    """Cut ``(seq, body_bytes, solo)`` items, in order, into requests of at most
    ``batch_size`` recipients and ``max_body_bytes`` of body; ``solo`` items go alone.

    A batch's body is ``overhead`` + its items + one encoded comma between two items.
    """
    batches: list[PlannedBatch] = []
    seqs: list[int] = []
    size = overhead
    for seq, body, solo in items:
        if solo:
            if seqs:
                batches.append(PlannedBatch(tuple(seqs), size))
                seqs, size = [], overhead
            batches.append(PlannedBatch((seq,), overhead + body, solo=True))
            continue
        grown = size + body + (_LIST_SEPARATOR if seqs else 0)
        if seqs and (len(seqs) >= batch_size or grown > max_body_bytes):
            batches.append(PlannedBatch(tuple(seqs), size))
            seqs, size = [], overhead
            grown = size + body
        seqs.append(seq)
        size = grown
    if seqs:
        batches.append(PlannedBatch(tuple(seqs), size))
    return batches


def is_campaign_source(table: RecipientTable, source_path: str | None, source_sheet: str | None) -> bool:
    """Whether ``table`` is the list a campaign was made from (same file, same sheet), so
    its row numbers are the campaign's: the grid may then show the campaign's statuses."""
    source = table.source
    return source_path is not None and str(source.path) == source_path and source.sheet == source_sheet
