"""Campaign snapshots: who is excluded and why, what each mode keeps, how batches are cut."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest
import requests

from tests.helpers.tables import DEMO_COLUMNS, demo_rows, make_table
from usosmail_gui.core.campaign import (
    DEFAULT_MAX_BODY_BYTES,
    CampaignDraft,
    CampaignError,
    SendMode,
    key_fingerprint,
    plan_batches,
    request_overhead,
    simple_message_of,
    template_message_of,
)
from usosmail_gui.core.drafts import build_campaign, build_test_campaign
from usosmail_gui.core.template import MessageTemplate, compile_template, render
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.models import TemplateRecipient

TEMPLATE = MessageTemplate(
    subject="Decyzja dla {Imię}",
    content="Dzień dobry {Imię} {Nazwisko},\nrok {Rok}. {{nawiasy}}",
    from_name="Dziekanat",
    from_email="dziekanat@uni.example.edu.pl",
)
URL = "https://usosapi.example.edu.pl"


def build(
    rows: list[list[str]],
    mode: SendMode = SendMode.MESSAGES,
    *,
    batch_size: int = 100,
    max_body_bytes: int = 2**21,
) -> CampaignDraft:
    return build_campaign(
        make_table(rows),
        TEMPLATE,
        installation=URL,
        key_fingerprint="sha256:x",
        mode=mode,
        batch_size=batch_size,
        max_body_bytes=max_body_bytes,
    )


def test_blocked_and_unticked_rows_are_excluded_and_listed_with_the_reason() -> None:
    rows = demo_rows(6)
    rows[1][3] = "zly adres"
    rows[2][3] = rows[0][3]  # a duplicate of row 2's address
    rows[3][5] = ""  # {Rok} renders empty: a warning only, still sent
    table = make_table(rows)
    table.set_included([4], False)
    draft = build_campaign(table, TEMPLATE, installation=URL, key_fingerprint="sha256:x")
    assert [m.row for m in draft.messages] == [2, 5, 7]
    assert [(e.row, e.code) for e in draft.excluded] == [
        (3, "email_invalid"),
        (4, "email_duplicate"),
        (6, "excluded_by_user"),
    ]
    assert "not a valid e-mail address" in draft.excluded[0].reason
    assert "already in row 2" in draft.excluded[1].reason
    assert draft.excluded[1].addresses == (rows[0][3],)
    assert set(draft.excluded_by_reason()) == {"email_invalid", "email_duplicate", "excluded_by_user"}
    assert draft.sender_text() == "Dziekanat <dziekanat@uni.example.edu.pl>"
    assert draft.installation == "https://usosapi.example.edu.pl/"


def test_nothing_sendable_cannot_become_a_campaign() -> None:
    rows = demo_rows(2)
    for row in rows:
        row[3] = "nie-adres"
    with pytest.raises(CampaignError, match="No recipient can be sent"):
        build(rows)
    broken = MessageTemplate(subject="Dla {Imie}", content="x")
    with pytest.raises(CampaignError, match="Did you mean"):
        build_campaign(make_table(demo_rows(2)), broken, installation=URL, key_fingerprint="k")


def test_messages_mode_keeps_exactly_the_previewed_text() -> None:
    table = make_table(demo_rows(4))
    compiled = compile_template(TEMPLATE, table.columns)
    draft = build_campaign(table, TEMPLATE, installation=URL, key_fingerprint="k")
    for index, message in enumerate(draft.messages):
        preview = render(compiled, table.params(index), row=table.row_number(index))
        assert (message.subject, message.content) == (preview.subject, preview.content)
        assert message.params is None
        assert message.record == table.record(index)
    assert draft.first_subject == "Decyzja dla Anna"


def test_template_mode_keeps_only_the_placeholders_the_template_uses() -> None:
    rows = demo_rows(3)
    rows[1][3] = "a@uni.example.edu.pl, b@uni.example.edu.pl"
    draft = build(rows, SendMode.TEMPLATE)
    # one message per address: send_simple_by_template takes one address per recipient
    assert [(m.row, m.addresses) for m in draft.messages][1:3] == [
        (3, ("a@uni.example.edu.pl",)),
        (3, ("b@uni.example.edu.pl",)),
    ]
    for message in draft.messages:
        assert message.subject is None and message.content is None
        assert set(message.params or {}) == {"Imię", "Nazwisko", "Rok"}
    assert draft.first_subject == "Decyzja dla Anna"
    messages = build(rows)
    assert len(messages.messages) == 3
    assert messages.messages[1].addresses == ("a@uni.example.edu.pl", "b@uni.example.edu.pl")


def test_a_test_campaign_goes_to_the_given_address_only() -> None:
    table = make_table(demo_rows(3))
    draft = build_test_campaign(
        table, TEMPLATE, 1, "me@uni.example.edu.pl", installation=URL, key_fingerprint="k"
    )
    (message,) = draft.messages
    assert draft.is_test and message.addresses == ("me@uni.example.edu.pl",) and message.row == 3
    assert message.subject == "Decyzja dla Jan"


def test_a_row_whose_cell_brings_a_nul_into_the_subject_is_left_out_and_never_sent() -> None:
    rows = demo_rows(3)
    rows[1][0] = "Jan\x00Bcc"
    draft = build(rows)
    assert [m.row for m in draft.messages] == [2, 4]
    (left_out,) = draft.excluded
    assert (left_out.row, left_out.code) == (3, "control_character")
    assert "control character" in left_out.reason
    with pytest.raises(CampaignError, match="control character"):  # nor as a test to oneself
        build_test_campaign(
            make_table(rows), TEMPLATE, 1, "me@uni.example.edu.pl", installation=URL, key_fingerprint="k"
        )


def test_the_key_fingerprint_is_one_way_and_stable() -> None:
    key = "Abc123KeyOfTheDeansOffice"
    assert key_fingerprint(key) == key_fingerprint(key)
    assert key not in key_fingerprint(key) and key_fingerprint(key) != key_fingerprint(key + "x")


def test_batches_respect_the_size_and_the_body_bound() -> None:
    items = [(seq, 100, False) for seq in range(1, 26)]
    plan = plan_batches(items, batch_size=10, max_body_bytes=10_000, overhead=20)
    assert [len(b.seqs) for b in plan] == [10, 10, 5]
    assert plan[0].body_bytes == 20 + 10 * 100 + 9 * 3
    small = plan_batches(items, batch_size=10, max_body_bytes=20 + 4 * 100 + 3 * 3, overhead=20)
    assert [len(b.seqs) for b in small] == [4] * 6 + [1]
    assert all(b.body_bytes <= 20 + 4 * 100 + 3 * 3 for b in small)
    solo = plan_batches(
        [(1, 5, False), (2, 5, True), (3, 5, False)], batch_size=10, max_body_bytes=999, overhead=1
    )
    assert [(b.seqs, b.solo) for b in solo] == [((1,), False), ((2,), True), ((3,), False)]
    huge = plan_batches([(1, 5000, False), (2, 5000, False)], batch_size=10, max_body_bytes=100, overhead=1)
    assert [b.seqs for b in huge] == [(1,), (2,)]  # one message over the bound still goes, alone


@pytest.mark.parametrize("mode", list(SendMode))
def test_the_planned_body_size_is_the_real_form_encoded_body(mode: SendMode) -> None:
    rows = demo_rows(7)
    rows[2][0] = "Zażółć gęślą jaźń & co = 100% + więcej"
    draft = build(rows, mode)
    (batch,) = draft.batches()
    template = TEMPLATE
    if mode is SendMode.MESSAGES:
        params = wire.simple_messages_params(
            [simple_message_of(template, m.subject, m.content, m.addresses) for m in draft.messages]
        )
    else:
        recipients = [TemplateRecipient(m.addresses[0], m.params) for m in draft.messages]
        params = wire.by_template_params(template_message_of(template), recipients)
    params[wire.P_FORMAT] = "json"
    body = requests.Request("POST", URL, data=params).prepare().body
    assert isinstance(body, str)
    assert batch.body_bytes == len(body.encode())
    assert request_overhead(mode, template) < batch.body_bytes
    if mode is SendMode.TEMPLATE:  # and only the used placeholders travel
        sent = json.loads(parse_qs(body)["recipients"][0])
        sent_keys = {k for r in sent for k in r["params"]}
        assert sent_keys == {"Imię", "Nazwisko", "Rok"} < set(DEMO_COLUMNS)
        assert rows[0][2] not in body  # "Nr albumu" is not used, so it never travels


def test_bad_settings_are_refused_in_plain_words() -> None:
    with pytest.raises(CampaignError, match="between 1 and 1000"):
        build(demo_rows(1), batch_size=0)
    with pytest.raises(CampaignError, match="at least 64 KiB"):
        build(demo_rows(1), max_body_bytes=100)
    assert DEFAULT_MAX_BODY_BYTES == 2 * 1024 * 1024


def test_rows_hidden_in_the_sheet_are_left_out_with_that_reason() -> None:
    """Issue 15, item 2: hidden rows (by hand or by the autofilter) were sent with no notice."""
    from tests.helpers.spreadsheets import RECIPIENT_FIXTURES
    from usosmail_gui.core.campaign import HIDDEN_IN_SHEET
    from usosmail_gui.core.recipients import load

    table = load(RECIPIENT_FIXTURES / "formats" / "formats-lo.xlsx", language="pl")
    template = MessageTemplate("Numer {Nr albumu}", "Kwota: {Kwota}")
    draft = build_campaign(table, template, installation=URL, key_fingerprint="sha256:x")
    hidden = [e for e in draft.excluded if e.code == HIDDEN_IN_SHEET]
    assert [e.row for e in hidden] == [6, 7]
    assert hidden[0].reason == "Hidden in the sheet, so left out (tick the row to send to it)."
    assert [m.row for m in draft.messages] == [2, 3, 4, 5, 8]
    first = draft.messages[0]
    assert "Numer 012345" in first.subject  # what is sent is what the sheet shows
    assert "1\u00a0234,50" in first.content
