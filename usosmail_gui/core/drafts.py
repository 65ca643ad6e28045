"""Making a campaign's draft (core/campaign.py): for every sendable row of a list, as a test
of one row to one address, or again from an earlier campaign's stored messages.

Rows that get nothing are listed with the reason (``Excluded``), so nobody is skipped
silently; the checks are the ones the user saw (``template.validate``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from usosmail_gui.core.problems import Problem
from usosmail_gui.core.recipients.table import RecipientTable
from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, english, say
from usosmail_gui.core.template.compiler import CompiledTemplate, compile_template
from usosmail_gui.core.template.model import MessageTemplate
from usosmail_gui.core.template.render import RenderError, render
from usosmail_gui.core.template.validate import CheckResult, check_all, check_row
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.models import TemplateRecipient

from .campaign import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_BODY_BYTES,
    EXCLUDED_BY_USER,
    HIDDEN_IN_SHEET,
    MAX_BATCH_SIZE,
    CampaignDraft,
    CampaignError,
    Excluded,
    PlannedMessage,
    SendMode,
    simple_bytes,
    simple_message_of,
    template_recipient_bytes,
)

__all__ = ["PastMessage", "build_campaign", "build_retry_campaign", "build_test_campaign"]


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
                    body_bytes=simple_bytes(message),
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
                    body_bytes=template_recipient_bytes(TemplateRecipient(address, params)),
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
            simple_bytes(message),
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
            template_recipient_bytes(TemplateRecipient(to, params)),
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
