"""A campaign as data: the snapshot of what will be sent, and how it is cut into requests.

A campaign is frozen the moment the user confirms: the template and sender fields, and
for every included recipient either the rendered message (``messages`` mode, exactly
what the preview showed) or only the placeholders the template uses (``template`` mode:
no other column of the spreadsheet leaves the machine). Recipients whose row has a
blocking problem are excluded and listed with the reason, so nobody is skipped silently.
Nothing here touches the network or the journal; ``journal.create_campaign`` stores a
``CampaignDraft`` and ``sending`` sends it.

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
from typing import Protocol
from urllib.parse import quote_plus, urlencode

from usosmail_gui.core.problems import Problem
from usosmail_gui.core.readiness import same_installation
from usosmail_gui.core.recipients.table import RecipientTable
from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, Sentence, english, say
from usosmail_gui.core.template.compiler import CompiledTemplate, compile_template
from usosmail_gui.core.template.model import MessageTemplate
from usosmail_gui.core.template.render import RenderError, render
from usosmail_gui.core.template.validate import CheckResult, check_all, check_row
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
    "PastMessage",
    "PlannedBatch",
    "PlannedMessage",
    "SendMode",
    "build_campaign",
    "build_retry_campaign",
    "build_test_campaign",
    "is_campaign_source",
    "key_fingerprint",
    "plan_batches",
    "request_overhead",
    "simple_message_of",
    "template_message_of",
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


def _simple_bytes(message: SimpleMessage) -> int:
    return len(quote_plus(wire.json_dumps(wire.simple_message_params(message))))


def _template_recipient_bytes(recipient: TemplateRecipient) -> int:
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


# --- building the snapshot ------------------------------------------------------------


def _check_settings(batch_size: int, max_body_bytes: int) -> None:
    if not 1 <= batch_size <= MAX_BATCH_SIZE:
        raise CampaignError(
            f"The batch size must be between 1 and {MAX_BATCH_SIZE} recipients per request, not {batch_size}."
        )
    if max_body_bytes < 64 * 1024:
        raise CampaignError("The request size limit must be at least 64 KiB.")


def _first_errors(problems: Sequence[Problem], limit: int = 3) -> str:
    errors = [p.message for p in problems if p.is_error][:limit]
    return " ".join(errors)


def _exclusions(table: RecipientTable, check: CheckResult) -> list[Excluded]:
    """Every row that gets nothing, with the reason in the list's own words."""
    blocked = set(check.blocked_rows)
    found: list[Excluded] = []
    for row in range(table.row_count):
        number = table.row_number(row)
        if not table.is_included(row):
            if table.is_hidden(row):
                hidden = say(
                    QT_TRANSLATE_NOOP(
                        "Problems", "Hidden in the sheet, so left out (tick the row to send to it)."
                    )
                )
                found.append(Excluded(number, table.emails(row), HIDDEN_IN_SHEET, str(hidden), (hidden,)))
                continue
            unticked = say(QT_TRANSLATE_NOOP("Problems", "Excluded from the list (unticked)."))
            found.append(
                Excluded(
                    number, table.emails(row), EXCLUDED_BY_USER, str(unticked), (unticked,), table.record(row)
                )
            )
            continue
        if row not in blocked:
            continue
        problems = [*table.problems(row), *check.problems_of(row)]
        reasons = [p for p in problems if p.is_error] or problems
        if reasons:
            code, reason = reasons[0].code, " ".join(p.message for p in reasons)
            sentences = tuple(s for p in reasons for s in (p.sentences or (say("{text}", text=p.message),)))
        else:  # pragma: no cover - a blocked row always has a problem
            sentences = (say(QT_TRANSLATE_NOOP("Problems", "This row cannot be sent.")),)
            code, reason = "blocked", english(sentences)
        found.append(Excluded(number, table.emails(row), code, reason, sentences, table.record(row)))
    return found


def build_campaign(
    table: RecipientTable,
    template: MessageTemplate,
    *,
    installation: str,
    key_fingerprint: str,
    mode: SendMode = SendMode.MESSAGES,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    is_test: bool = False,
    check: CheckResult | None = None,
) -> CampaignDraft:
    """The snapshot of a campaign to every sendable row of ``table``.

    ``check``: the pre-flight result the user saw, if already computed (else computed
    here). Raises ``CampaignError`` when nothing can be sent.
    """
    _check_settings(batch_size, max_body_bytes)
    compiled = compile_template(template, table.columns)
    result = check if check is not None else check_all(compiled, table)
    if result.template_blocks:
        raise CampaignError(
            "The message has errors, so nothing can be sent: "
            f"{_first_errors(compiled.problems)} Correct them (`usosmail check` lists every "
            "problem) and try again."
        )
    if not result.sendable_rows:
        raise CampaignError(
            "No recipient can be sent this message: every row is excluded or has a problem "
            "(a missing, invalid or repeated address, or a message over the limits). "
            "Correct the list (`usosmail check` lists every problem) and try again."
        )
    messages = _plan_messages(table, compiled, mode, result.sendable_rows)
    return CampaignDraft(
        installation=wire.normalize_base_url(installation),
        key_fingerprint=key_fingerprint,
        mode=mode,
        template=template,
        batch_size=batch_size,
        max_body_bytes=max_body_bytes,
        is_test=is_test,
        source_path=str(table.source.path),
        source_sheet=table.source.sheet,
        columns=tuple(table.column_names),
        email_column=table.email_column_name,
        messages=tuple(messages),
        excluded=tuple(_exclusions(table, result)),
        first_subject=_first_subject(table, compiled, messages),
    )


def _first_subject(
    table: RecipientTable, compiled: CompiledTemplate, messages: Sequence[PlannedMessage]
) -> str:
    first = messages[0]
    if first.subject is not None:
        return first.subject
    index = table.row_index(first.row)
    assert index is not None
    return render(compiled, table.params(index), row=first.row).subject


def _plan_messages(
    table: RecipientTable, compiled: CompiledTemplate, mode: SendMode, rows: Sequence[int]
) -> list[PlannedMessage]:
    template = compiled.template
    used = compiled.used_columns
    planned: list[PlannedMessage] = []
    for row in rows:
        number = table.row_number(row)
        addresses = table.recipients(row)
        record = table.record(row)
        values = table.params(row)
        if mode is SendMode.MESSAGES:
            try:
                rendered = render(compiled, values, row=number)
            except RenderError as exc:  # pragma: no cover - check_all blocks such rows
                raise CampaignError(f"Row {number} cannot be rendered: {exc}") from None
            message = simple_message_of(template, rendered.subject, rendered.content, addresses)
            planned.append(
                PlannedMessage(
                    seq=len(planned) + 1,
                    row=number,
                    addresses=addresses,
                    record=record,
                    params=None,
                    subject=rendered.subject,
                    content=rendered.content,
                    body_bytes=_simple_bytes(message),
                )
            )
            continue
        params = {name: values[name] for name in used}
        for address in addresses:
            planned.append(
                PlannedMessage(
                    seq=len(planned) + 1,
                    row=number,
                    addresses=(address,),
                    record=record,
                    params=params,
                    subject=None,
                    content=None,
                    body_bytes=_template_recipient_bytes(TemplateRecipient(address, params)),
                )
            )
    return planned


def build_test_campaign(
    table: RecipientTable,
    template: MessageTemplate,
    row: int,
    to: str,
    *,
    installation: str,
    key_fingerprint: str,
    mode: SendMode = SendMode.MESSAGES,
) -> CampaignDraft:
    """ "Send test to me": row ``row``'s (table index) message, to ``to`` only, recorded as
    a test campaign. The row must be one that would be sent."""
    compiled = compile_template(template, table.columns)
    if compiled.blocks:
        raise CampaignError(
            f"The message has errors, so no test can be sent: {_first_errors(compiled.problems)}"
        )
    number = table.row_number(row)
    values = table.params(row)
    row_errors = [p for p in check_row(compiled, values, number) if p.is_error]
    if row_errors:  # the same verdict as for the campaign: a line break, a control character…
        raise CampaignError(f"Row {number}'s message cannot be sent: {_first_errors(row_errors)}")
    try:
        rendered = render(compiled, values, row=number)
    except RenderError as exc:
        raise CampaignError(f"Row {number}'s message cannot be made: {exc}") from None
    if mode is SendMode.MESSAGES:
        message = simple_message_of(template, rendered.subject, rendered.content, (to,))
        planned = PlannedMessage(
            1,
            number,
            (to,),
            table.record(row),
            None,
            rendered.subject,
            rendered.content,
            _simple_bytes(message),
        )
    else:
        params = {name: values[name] for name in compiled.used_columns}
        planned = PlannedMessage(
            1,
            number,
            (to,),
            table.record(row),
            params,
            None,
            None,
            _template_recipient_bytes(TemplateRecipient(to, params)),
        )
    return CampaignDraft(
        installation=wire.normalize_base_url(installation),
        key_fingerprint=key_fingerprint,
        mode=mode,
        template=template,
        batch_size=1,
        max_body_bytes=DEFAULT_MAX_BODY_BYTES,
        is_test=True,
        source_path=str(table.source.path),
        source_sheet=table.source.sheet,
        columns=tuple(table.column_names),
        email_column=table.email_column_name,
        messages=(planned,),
        excluded=(),
        first_subject=rendered.subject,
    )


# --- sending again ---------------------------------------------------------------------


class PastMessage(Protocol):
    """What a retry needs of an earlier campaign's recipient (a journal ``RecipientRecord``)."""

    @property
    def row(self) -> int: ...
    @property
    def addresses(self) -> tuple[str, ...]: ...
    @property
    def record(self) -> Mapping[str, str]: ...
    @property
    def params(self) -> Mapping[str, str] | None: ...
    @property
    def subject(self) -> str | None: ...
    @property
    def content(self) -> str | None: ...
    @property
    def body_bytes(self) -> int: ...


def build_retry_campaign(
    template: MessageTemplate,
    past: Sequence[PastMessage],
    *,
    mode: SendMode,
    installation: str,
    key_fingerprint: str,
    columns: Sequence[str] = (),
    email_column: str | None = None,
    source_path: str | None = None,
    source_sheet: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> CampaignDraft:
    """A new campaign of ``past`` messages exactly as stored (same template, sender, rendered
    text or placeholder values, addresses), numbered afresh. Raises ``CampaignError`` if
    ``past`` is empty or a message lacks what ``mode`` needs."""
    _check_settings(batch_size, max_body_bytes)
    if not past:
        raise CampaignError(
            say(
                QT_TRANSLATE_NOOP(
                    "Problems", "There is nobody to send again to: no recipient of that campaign qualifies."
                )
            )
        )
    messages: list[PlannedMessage] = []
    for item in past:
        if mode is SendMode.MESSAGES and (item.subject is None or item.content is None):
            raise CampaignError(f"Row {item.row}'s message was not kept, so it cannot be sent again.")
        if mode is SendMode.TEMPLATE and item.params is None:
            raise CampaignError(f"Row {item.row}'s values were not kept, so it cannot be sent again.")
        messages.append(
            PlannedMessage(
                seq=len(messages) + 1,
                row=item.row,
                addresses=tuple(item.addresses),
                record=dict(item.record),
                params=None if item.params is None else dict(item.params),
                subject=item.subject,
                content=item.content,
                body_bytes=item.body_bytes,
            )
        )
    first = messages[0]
    if first.subject is not None:
        first_subject = first.subject
    else:
        assert first.params is not None
        try:
            first_subject = render(compile_template(template), first.params, row=first.row).subject
        except RenderError:
            first_subject = template.subject
    return CampaignDraft(
        installation=wire.normalize_base_url(installation),
        key_fingerprint=key_fingerprint,
        mode=mode,
        template=template,
        batch_size=batch_size,
        max_body_bytes=max_body_bytes,
        is_test=False,
        source_path=source_path,
        source_sheet=source_sheet,
        columns=tuple(columns),
        email_column=email_column,
        messages=tuple(messages),
        excluded=(),
        first_subject=first_subject,
    )


def is_campaign_source(table: RecipientTable, source_path: str | None, source_sheet: str | None) -> bool:
    """Whether ``table`` is the list a campaign was made from (same file, same sheet), so
    its row numbers are the campaign's: the grid may then show the campaign's statuses."""
    source = table.source
    return source_path is not None and str(source.path) == source_path and source.sheet == source_sheet
