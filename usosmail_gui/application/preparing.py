"""Preparing a send: every row of the list checked against the template, then the
campaign's snapshot (``CampaignDraft``) built — or, for a retry, read from an earlier
campaign's recipients in the journal — ready for the user to confirm.

The check runs in slices (``check_in_slices``), so a 50,000-row list never makes the GUI
thread wait for the GIL while a worker prepares it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Generator
from dataclasses import dataclass

from usosmail_gui.core.campaign import CampaignDraft, SendMode
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.problems import Problem, Severity, count_by_severity
from usosmail_gui.core.recipients import RecipientTable
from usosmail_gui.core.retry import retry_draft
from usosmail_gui.core.template import (
    CheckProgress,
    CheckResult,
    CompiledTemplate,
    MessageTemplate,
    check_steps,
    compile_template,
)

from .breathing import BREATH_S, SLICE_ROWS, with_breaths
from .collaborators import JournalFactory, open_journal
from .letters import LetterInputs

__all__ = [
    "CHECK_BREATH_S",
    "CHECK_SLICE_ROWS",
    "CheckSteps",
    "ListedCheck",
    "NothingToSend",
    "Prepared",
    "RetrySource",
    "check_in_slices",
    "listed_check",
    "prepare_retry",
    "prepare_steps",
]

CheckSteps = Callable[[CompiledTemplate, RecipientTable], Generator[CheckProgress, None, CheckResult]]


CHECK_SLICE_ROWS = SLICE_ROWS
CHECK_BREATH_S = BREATH_S


def check_in_slices(
    compiled: CompiledTemplate, table: RecipientTable
) -> Generator[CheckProgress, None, CheckResult]:
    """``check_steps`` in slices of 2,000 rows, with a pause of half a millisecond after each.

    Why: the worker holds the GIL while it checks, and the GUI thread needs the GIL for
    every Python call it makes (a timer slot, a model's ``data`` while painting), waiting
    up to ``sys.getswitchinterval()`` (5 ms) for each. With the core's 10,000-row chunks
    the GUI stalled for up to 25-40 ms at 50,000 rows; a sleep releases the GIL and gives
    the GUI thread a window it always gets: stalls stay under 10 ms, for about 20 % more
    time in the worker (tests/bench/bench_composer.py). Each ``yield`` is still the point
    where the worker may be cancelled.
    """
    return (yield from with_breaths(check_steps(compiled, table, chunk=CHECK_SLICE_ROWS)))


@dataclass(frozen=True, slots=True)
class ListedCheck:
    """A check's result with what the problems list shows of it, made in the worker: at
    50,000 rows, sorting and counting the problems took ~25 ms of the GUI thread."""

    result: CheckResult
    head: tuple[Problem, ...]  # the list's own and the template's (row None)
    rows: tuple[Problem, ...]  # the recipients' (row not None), in spreadsheet order
    counts: dict[Severity, int]


def listed_check(
    steps: Generator[CheckProgress, None, CheckResult],
) -> Generator[CheckProgress, None, ListedCheck]:
    """``steps``' result as the problems list shows it (``ListedCheck``)."""
    result: CheckResult = yield from steps
    problems = result.problems
    rows = tuple(p for p in problems if p.row is not None)
    head = tuple(p for p in problems if p.row is None) if len(rows) != len(problems) else ()
    return ListedCheck(result, head, rows, count_by_severity(problems))


@dataclass(frozen=True, slots=True)
class Prepared:
    """A campaign snapshot ready to confirm, the check it was built from, its request count."""

    draft: CampaignDraft
    check: CheckResult | None  # None: a retry (no list was checked)
    requests: int


@dataclass(frozen=True, slots=True)
class RetrySource:
    """Send again to an earlier campaign's failed recipients (and uncertain ones, if asked)."""

    campaign: str
    include_uncertain: bool = False


def prepare_retry(
    source: RetrySource,
    *,
    installation: str,
    key_fingerprint: str,
    batch_size: int,
    previous: Prepared | None = None,
    journals: JournalFactory = open_journal,
) -> Prepared:
    """The retry campaign's snapshot, read from the journal (``core.retry``)."""

    if previous is not None:
        draft = dataclasses.replace(previous.draft, batch_size=batch_size)
        return Prepared(draft, None, len(draft.batches()))
    with journals() as journal:
        draft = retry_draft(
            journal,
            source.campaign,
            installation=installation,
            key_fingerprint=key_fingerprint,
            include_uncertain=source.include_uncertain,
        )
    draft = dataclasses.replace(draft, batch_size=batch_size)
    return Prepared(draft, None, len(draft.batches()))


class NothingToSend(Exception):
    """No message can be sent: ``template`` (the message has errors) or every row is blocked."""

    def __init__(self, template_blocks: bool) -> None:
        super().__init__("template" if template_blocks else "rows")
        self.template_blocks = template_blocks


def prepare_steps(
    table: RecipientTable,
    template: MessageTemplate,
    *,
    installation: str,
    key_fingerprint: str,
    mode: SendMode,
    batch_size: int,
    previous: Prepared | None = None,
    letters: LetterInputs | None = None,
) -> Generator[CheckProgress, None, Prepared]:
    """Check every row (progress per slice), then build the snapshot.

    With ``previous`` of the same mode only the batch size changes (no new check, no new
    rendering); of another mode, its check is reused. ``letters``: the derived columns
    and grouping (and overrides), computed and sent as ``usosmail send`` does
    (``prepare_letters``, then ``build_letter_campaign``).
    """
    if letters is not None and not letters.empty:
        return (
            yield from _prepare_letter_steps(
                table,
                template,
                letters,
                installation=installation,
                key_fingerprint=key_fingerprint,
                mode=mode,
                batch_size=batch_size,
                previous=previous,
            )
        )
    if previous is not None and previous.draft.mode is mode:
        draft = dataclasses.replace(previous.draft, batch_size=batch_size)
        return Prepared(draft, previous.check, len(draft.batches()))
    if previous is not None and previous.check is not None:
        check = previous.check
    else:
        check = yield from check_in_slices(compile_template(template, table.columns), table)
    if check.template_blocks or not check.sendable_rows:
        raise NothingToSend(check.template_blocks)
    draft = build_campaign(
        table,
        template,
        installation=installation,
        key_fingerprint=key_fingerprint,
        mode=mode,
        batch_size=batch_size,
        check=check,
    )
    return Prepared(draft, check, len(draft.batches()))


def _prepare_letter_steps(
    table: RecipientTable,
    template: MessageTemplate,
    inputs: LetterInputs,
    *,
    installation: str,
    key_fingerprint: str,
    mode: SendMode,
    batch_size: int,
    previous: Prepared | None,
) -> Generator[CheckProgress, None, Prepared]:
    from usosmail_gui.core.letters.campaign import build_letter_campaign

    from .letters import check_letters_in_slices, derive

    if previous is not None and previous.draft.mode is mode:
        draft = dataclasses.replace(previous.draft, batch_size=batch_size)
        return Prepared(draft, previous.check, len(draft.batches()))
    letters = derive(table, inputs)
    check = yield from check_letters_in_slices(template, letters)
    if check.template_blocks or not check.sendable_rows:
        raise NothingToSend(check.template_blocks)
    draft = build_letter_campaign(
        letters,
        template,
        check=check,
        installation=installation,
        key_fingerprint=key_fingerprint,
        mode=mode,
        batch_size=batch_size,
    )
    return Prepared(draft, check, len(draft.batches()))
