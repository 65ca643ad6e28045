"""application/preparing.py: a list checked in slices, a campaign's snapshot built from it
or from an earlier campaign's failed recipients, and nothing to send said as such."""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

import pytest

from tests.helpers.tables import demo_rows, make_table
from tests.unit.application.conftest import TEMPLATE, JournalFactory, sent_campaign
from usosmail_gui.application.preparing import (
    CHECK_SLICE_ROWS,
    NothingToSend,
    Prepared,
    RetrySource,
    check_in_slices,
    listed_check,
    prepare_retry,
    prepare_steps,
)
from usosmail_gui.core.campaign import CampaignError, SendMode
from usosmail_gui.core.journal import StatusUpdate
from usosmail_gui.core.problems import Severity
from usosmail_gui.core.template import MessageTemplate, check_all, compile_template
from usosmail_gui.sandbox import Sandbox

URL = "https://usosapps.example.edu.pl/"
T = TypeVar("T")


def finish(steps: Generator[object, None, T]) -> tuple[int, T]:
    """Run ``steps`` to its end: how many steps it yielded, and what it returned."""
    count = 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return count, done.value
        count += 1


def test_the_check_in_slices_is_the_whole_check_a_slice_a_step() -> None:
    table = make_table(demo_rows(2 * CHECK_SLICE_ROWS + 1))
    compiled = compile_template(TEMPLATE, table.columns)
    steps, result = finish(check_in_slices(compiled, table))
    assert steps >= 3
    assert result == check_all(compiled, table)


def test_the_listed_check_splits_and_counts_the_problems_as_the_list_shows_them() -> None:
    rows = demo_rows(6)
    rows[2][3] = "not-an-address"
    rows[4][3] = ""
    table = make_table(rows)
    compiled = compile_template(MessageTemplate(subject="Dla {Imię} {Nieznana}", content="x"), table.columns)
    _, listed = finish(listed_check(check_in_slices(compiled, table)))
    result = listed.result
    assert result == check_all(compiled, table)
    assert listed.head and all(p.row is None for p in listed.head)  # the unknown placeholder
    assert {p.row for p in listed.rows} == {4, 6}  # spreadsheet rows of the two bad addresses
    assert (*listed.head, *listed.rows) == result.problems
    errors = sum(p.is_error for p in result.problems)
    assert listed.counts == {Severity.ERROR: errors, Severity.WARNING: len(result.problems) - errors}


def test_a_prepared_campaign_holds_every_sendable_row_and_a_new_batch_size_only_replans() -> None:
    table = make_table(demo_rows(25))
    _, prepared = finish(
        prepare_steps(
            table, TEMPLATE, installation=URL, key_fingerprint="k", mode=SendMode.MESSAGES, batch_size=10
        )
    )
    assert isinstance(prepared, Prepared) and prepared.check is not None
    assert prepared.draft.recipient_count == 25 and prepared.requests == 3
    steps, replanned = finish(
        prepare_steps(
            table, TEMPLATE, installation=URL, key_fingerprint="k", mode=SendMode.MESSAGES,
            batch_size=25, previous=prepared,
        )
    )
    assert steps == 0 and replanned.requests == 1 and replanned.check is prepared.check
    assert replanned.draft.messages == prepared.draft.messages


def test_a_template_with_errors_leaves_nothing_to_send() -> None:
    broken = MessageTemplate(subject="Dla {Nieznana}", content="x")
    with pytest.raises(NothingToSend) as raised:
        finish(
            prepare_steps(
                make_table(demo_rows(3)), broken, installation=URL, key_fingerprint="k",
                mode=SendMode.MESSAGES, batch_size=10,
            )
        )
    assert raised.value.template_blocks


def test_a_retry_is_read_from_the_given_journal(sandbox: Sandbox, journals: JournalFactory) -> None:
    campaign = sent_campaign(sandbox, journals, 3).campaign
    source = RetrySource(campaign.id)
    with pytest.raises(CampaignError, match="nobody"):
        prepare_retry(source, installation=sandbox.url, key_fingerprint="k", batch_size=10, journals=journals)
    with journals() as journal:
        ids = [r.message_id for r in journal.recipients(campaign.id)]
        journal.record_statuses(campaign.id, [StatusUpdate(ids[1] or "", "failed", "full", finished=True)])
    prepared = prepare_retry(
        source, installation=sandbox.url, key_fingerprint="k", batch_size=10, journals=journals
    )
    assert prepared.check is None and prepared.draft.recipient_count == 1 and prepared.requests == 1
