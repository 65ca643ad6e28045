"""core/counts.py: one count of who will receive and of what became of a campaign's
messages, for the status bar, Send…, the Statuses panel, Campaigns, the CLI and the report."""

from __future__ import annotations

from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.core.counts import campaign_counts_of, draft_counts, list_counts
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.statuses import StatusCounts
from usosmail_gui.core.template import MessageTemplate, check_all

TEMPLATE = MessageTemplate(
    subject="Decyzja dla {Imię} {Nazwisko}", content="Dzień dobry {Imię}", from_name="D"
)


def rows_with_long_names(count: int, long: tuple[int, ...]) -> list[list[str]]:
    rows = demo_rows(count)
    for i in long:
        rows[i][0] = "Ł" * 210  # the subject goes over USOS's 200 characters
    return rows


def test_before_the_check_the_list_alone_counts_after_it_the_check_does() -> None:
    rows = rows_with_long_names(10, long=(2, 5, 7))
    rows[9][3] = "not an address"
    table = make_table(rows)
    before = list_counts(table.summary())
    assert (before.rows, before.will_receive, before.excluded, before.checked) == (10, 9, 1, False)
    result = check_all(TEMPLATE, table)
    after = list_counts(table.summary(), result)
    assert (after.rows, after.will_receive, after.excluded, after.checked) == (10, 6, 4, True)
    # Send… counts the same from the campaign it would send
    draft = build_campaign(table, TEMPLATE, installation="https://usos.example.edu.pl", key_fingerprint="x")
    sent = draft_counts(draft)
    assert (sent.rows, sent.will_receive, sent.excluded) == (after.rows, after.will_receive, after.excluded)
    assert sent.reasons == {"subject_too_long": 3, "email_invalid": 1}


def test_a_check_of_another_list_is_not_counted() -> None:
    table = make_table(demo_rows(4))
    stale = check_all(TEMPLATE, make_table(demo_rows(3)))
    assert not list_counts(table.summary(), stale).checked


def test_an_error_in_the_message_leaves_nobody_to_receive() -> None:
    table = make_table(demo_rows(4))
    result = check_all(MessageTemplate(subject="Decyzja {Brak}", content="x"), table)
    counts = list_counts(table.summary(), result)
    assert counts.template_blocks and counts.will_receive == 0 and counts.excluded == 4


def test_a_row_with_two_addresses_in_template_mode_is_one_row_receiving() -> None:
    from usosmail_gui.core.campaign import SendMode

    rows = demo_rows(3)
    rows[1][3] = f"{rows[1][3]}, drugi@student.example.edu.pl"
    table = make_table(rows)
    draft = build_campaign(
        table,
        TEMPLATE,
        installation="https://usos.example.edu.pl",
        key_fingerprint="x",
        mode=SendMode.TEMPLATE,
    )
    assert draft.recipient_count == 4
    counts = draft_counts(draft)
    assert (counts.rows, counts.will_receive) == (3, 3)


def test_never_sent_messages_are_not_finished() -> None:
    """An interrupted campaign of 5,000: 82 sent, 4,918 never put in flight."""
    counts = campaign_counts_of(StatusCounts(sent=82, not_sent=4918, excluded=7))
    assert (counts.messages, counts.finished, counts.unfinished, counts.to_send) == (5000, 82, 4918, 4918)
    assert counts.as_json()["finished"] == 82 and counts.as_json()["excluded"] == 7


def test_what_usos_is_done_with_is_finished_and_nothing_else() -> None:
    counts = campaign_counts_of(
        StatusCounts(
            sent=1,
            failed=2,
            rejected=3,
            expired=4,
            no_detail=5,
            detail_pending=6,
            waiting=7,
            uncertain=8,
            unknown=9,
        )
    )
    assert counts.finished == 1 + 2 + 3 + 4 + 5 + 6
    assert counts.unfinished == 7 + 8 + 9
