"""How a campaign is cut into requests, measured against the requests themselves (issue 19).

The planner counts each request's body before it is sent, so that no request is bigger than
the limit USOS takes; the reference is the body the client really sends (the wire module's
parameters, form-encoded, with ``format=json``)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.core.campaign import (
    MAX_BATCH_SIZE,
    NOTIFIER_SENDER,
    CampaignDraft,
    CampaignError,
    PlannedBatch,
    SendMode,
    key_fingerprint,
    plan_batches,
    request_overhead,
    sender_text,
    simple_message_of,
    template_message_of,
)
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.models import TemplateRecipient

TEMPLATE = MessageTemplate(
    subject="Decyzja dla {Imię}", content="Dzień dobry {Imię} {Nazwisko} ({Kierunek})."
)
MIN_BODY = 64 * 1024


def draft(count: int, mode: SendMode, **kw: int) -> CampaignDraft:
    return build_campaign(
        make_table(demo_rows(count)), TEMPLATE, installation="https://usos.example.edu.pl/",
        key_fingerprint="f", mode=mode, **kw,
    )


def body_of(d: CampaignDraft, batch: PlannedBatch) -> int:
    """The length of the body the client sends for ``batch``."""
    messages = [d.messages[seq - 1] for seq in batch.seqs]
    if d.mode is SendMode.MESSAGES:
        params = wire.simple_messages_params(
            [simple_message_of(d.template, m.subject or "", m.content or "", m.addresses) for m in messages]
        )
    else:
        params = wire.by_template_params(
            template_message_of(d.template),
            [TemplateRecipient(m.addresses[0], dict(m.params or {})) for m in messages],
        )
    params[wire.P_FORMAT] = "json"
    return len(urlencode(params))


@pytest.mark.parametrize("mode", list(SendMode))
def test_each_planned_request_is_exactly_as_big_as_the_request_sent(mode: SendMode) -> None:
    d = draft(23, mode, batch_size=5)
    batches = d.batches()
    assert [len(b.seqs) for b in batches] == [5, 5, 5, 5, 3]
    assert [s for b in batches for s in b.seqs] == list(range(1, 24))
    for batch in batches:
        assert batch.body_bytes == body_of(d, batch)


@pytest.mark.parametrize("mode", list(SendMode))
def test_a_request_may_be_exactly_as_big_as_the_limit_and_not_a_byte_more(mode: SendMode) -> None:
    d = draft(40, mode, batch_size=MAX_BATCH_SIZE)
    overhead = request_overhead(mode, d.template)
    items = [(m.seq, m.body_bytes, False) for m in d.messages]
    three = body_of(d, PlannedBatch((1, 2, 3), 0))
    exact = plan_batches(items, batch_size=MAX_BATCH_SIZE, max_body_bytes=three, overhead=overhead)
    assert exact[0].seqs == (1, 2, 3) and exact[0].body_bytes == three
    assert all(b.body_bytes <= three for b in exact)
    under = plan_batches(items, batch_size=MAX_BATCH_SIZE, max_body_bytes=three - 1, overhead=overhead)
    assert under[0].seqs == (1, 2)
    for batch in exact + under:
        assert batch.body_bytes == body_of(d, batch)


def test_a_message_bigger_than_the_limit_still_goes_alone() -> None:
    items = [(1, 10, False), (2, 500, False), (3, 10, False)]
    assert plan_batches(items, batch_size=10, max_body_bytes=100, overhead=20) == [
        PlannedBatch((1,), 30), PlannedBatch((2,), 520), PlannedBatch((3,), 30),
    ]


def test_recipients_to_send_alone_go_alone_in_their_place() -> None:
    items = [(1, 10, False), (2, 10, False), (3, 10, True), (4, 10, False), (5, 10, True), (6, 10, True)]
    assert plan_batches(items, batch_size=10, max_body_bytes=10_000, overhead=20) == [
        PlannedBatch((1, 2), 43), PlannedBatch((3,), 30, solo=True), PlannedBatch((4,), 30),
        PlannedBatch((5,), 30, solo=True), PlannedBatch((6,), 30, solo=True),
    ]
    assert plan_batches([], batch_size=1, max_body_bytes=1, overhead=1) == []


@pytest.mark.parametrize(("size", "counts"), [(1, [1, 1, 1]), (2, [2, 1]), (3, [3]), (4, [3])])
def test_the_batch_size_is_the_most_recipients_in_one_request(size: int, counts: list[int]) -> None:
    items = [(i, 10, False) for i in range(1, 4)]
    batches = plan_batches(items, batch_size=size, max_body_bytes=10_000, overhead=0)
    assert [len(b.seqs) for b in batches] == counts


@pytest.mark.parametrize(
    ("kw", "words"),
    [
        ({"batch_size": 0}, "between 1 and 1000 recipients per request, not 0"),
        ({"batch_size": MAX_BATCH_SIZE + 1}, "not 1001"),
        ({"max_body_bytes": MIN_BODY - 1}, "at least 64 KiB"),
    ],
)
def test_settings_out_of_range_are_refused_in_plain_words(kw: dict[str, int], words: str) -> None:
    with pytest.raises(CampaignError, match=words):
        draft(2, SendMode.MESSAGES, **kw)


def test_settings_at_their_limits_are_accepted() -> None:
    assert draft(2, SendMode.MESSAGES, batch_size=1, max_body_bytes=MIN_BODY).batch_size == 1
    assert draft(2, SendMode.MESSAGES, batch_size=MAX_BATCH_SIZE).batch_size == MAX_BATCH_SIZE


def test_what_students_see_as_the_sender() -> None:
    named = MessageTemplate("s", "c", from_name="Dziekanat", from_email="dziekanat@uni.example")
    assert sender_text(named, SendMode.MESSAGES) == "Dziekanat <dziekanat@uni.example>"
    assert sender_text(named, SendMode.TEMPLATE) == NOTIFIER_SENDER
    assert sender_text(MessageTemplate("s", "c", from_name="Dziekanat"), SendMode.MESSAGES) == "Dziekanat"
    assert sender_text(MessageTemplate("s", "c"), SendMode.MESSAGES) == "USOS (the server's default)"
    assert draft(1, SendMode.MESSAGES).sender_text() == "USOS (the server's default)"


def test_the_key_fingerprint_is_short_one_way_and_stable() -> None:
    tag = key_fingerprint("abcdef")
    assert tag == "sha256:bef57ec7f53a6d40" and "abcdef" not in tag
    assert key_fingerprint("abcdeg") != tag


def test_counts_of_a_draft() -> None:
    rows = demo_rows(3)
    rows[1][3] = "a@student.example.edu.pl, b@student.example.edu.pl"
    where = {"installation": "https://u.example/", "key_fingerprint": "f"}
    messages = build_campaign(make_table(rows), TEMPLATE, **where)
    assert (messages.recipient_count, messages.address_count) == (3, 4)
    template = build_campaign(make_table(rows), TEMPLATE, **where, mode=SendMode.TEMPLATE)
    assert (template.recipient_count, template.address_count) == (4, 4)  # one message per address
    assert messages.first_subject == "Decyzja dla Anna"


@pytest.mark.parametrize("mode", list(SendMode))
def test_a_test_message_is_the_rows_message_to_the_given_address_only(mode: SendMode) -> None:
    from usosmail_gui.core.drafts import build_test_campaign

    table = make_table(demo_rows(3))
    d = build_test_campaign(table, TEMPLATE, 2, "me@uni.example.edu.pl", installation="https://usos.example.edu.pl",
                            key_fingerprint="k", mode=mode)
    (message,) = d.messages
    assert (d.is_test, d.mode, d.batch_size, d.installation) == (True, mode, 1, "https://usos.example.edu.pl/")
    assert (message.seq, message.row, message.addresses) == (1, 4, ("me@uni.example.edu.pl",))
    assert d.first_subject == "Decyzja dla Łukasz" and d.excluded == ()
    assert message.record["E-mail"] == "student2@student.example.edu.pl"  # whose message it is
    if mode is SendMode.MESSAGES:
        assert (message.subject, message.params) == ("Decyzja dla Łukasz", None)
    else:
        assert message.subject is None
        assert message.params == {"Imię": "Łukasz", "Nazwisko": "Kowalska", "Kierunek": "Filologia polska"}
    (batch,) = d.batches()
    assert batch.body_bytes == body_of(d, batch)
    assert d.columns == tuple(table.column_names) and d.email_column == "E-mail"


def test_no_test_message_of_a_template_with_errors() -> None:
    from usosmail_gui.core.drafts import build_test_campaign

    broken = MessageTemplate(subject="Decyzja {Imie}", content="x")
    with pytest.raises(CampaignError, match="The message has errors, so no test can be sent: "):
        build_test_campaign(make_table(demo_rows(2)), broken, 0, "me@uni.example.edu.pl",
                            installation="https://u.example/", key_fingerprint="k")
