"""Reading USOS's answers at their edges: what each odd value becomes (issue 19).

Each case is an answer a server could give; the assertion is what the app then records
or shows (an ID or "not enqueued", a status, an error text, a count)."""

from __future__ import annotations

import pytest

from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.errors import ProtocolError
from usosmail_gui.core.usos.models import (
    ContentFormat,
    DeliveryStatus,
    LangText,
    Sender,
    SimpleMessage,
    TemplateMessage,
    TemplateRecipient,
)


# --- the answer of a send --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"message_id": "m1"}, "m1"), ({"message_id": 17}, "17"), ({"message_id": "0"}, "0"),
        ({"message_id": 0}, "0"), ("m2", "m2"), (42, "42"), ({"message_id": "m3", "extra": 1}, "m3"),
    ],
)
def test_the_id_of_a_lone_send(answer: object, expected: str) -> None:
    assert wire.parse_enqueued(answer).message_id == expected


@pytest.mark.parametrize(
    "answer",
    [{"message_id": None}, {"message_id": False}, {"message_id": ""}, {"message_id": True}, {}, None, True,
     False, ["m1"], 1.5, {"message_id": ["m1"]}],
)
def test_a_lone_send_answer_without_an_id_is_not_taken_for_one(answer: object) -> None:
    with pytest.raises(ProtocolError, match="not what USOS API sends"):
        wire.parse_enqueued(answer)


def test_a_batch_answer_in_every_form_usos_uses() -> None:
    answer = [{"message_id": "m1"}, {"message_id": False}, "m3", None, False, 5, {"message_id": None},
              {"message_id": 8}]
    assert wire.parse_enqueued_batch(answer, 8).message_ids == ("m1", None, "m3", None, None, "5", None, "8")
    assert wire.parse_enqueued_batch(answer, 8).enqueued_count == 4


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        (["m1"], "expected 2 message IDs, got 1"),
        (["m1", "m2", "m3"], "expected 2 message IDs, got 3"),
        ({"0": "m1", "1": "m2"}, "expected a list of message IDs"),
        (["m1", True], "a message ID"),
        (["m1", ["m2"]], "a message ID"),
        (["m1", {"id": "m2"}], "a message ID"),
    ],
)
def test_a_batch_answer_that_does_not_match_the_request_is_refused(answer: object, why: str) -> None:
    with pytest.raises(ProtocolError) as raised:
        wire.parse_enqueued_batch(answer, 2)
    assert why in str(raised.value)


def test_the_words_of_an_answer_without_an_id() -> None:
    with pytest.raises(ProtocolError) as raised:
        wire.parse_enqueued({"message_id": True})
    assert str(raised.value) == "The server's answer is not what USOS API sends (a message ID): True"
    with pytest.raises(ProtocolError) as raised:
        wire.parse_enqueued({"message_id": False})
    assert str(raised.value) == (
        "The server's answer is not what USOS API sends (expected the new message's ID): "
        "{'message_id': False}"
    )


def test_an_odd_answer_is_shown_whole_up_to_200_characters() -> None:
    with pytest.raises(ProtocolError) as raised:
        wire.parse_enqueued_batch("x" * 199, 1)  # with its quotes: 201 characters, cut to 200
    assert str(raised.value).endswith(": '" + "x" * 199 + "…")


def test_a_long_odd_answer_is_shown_cut() -> None:
    with pytest.raises(ProtocolError) as raised:
        wire.parse_enqueued_batch("x" * 500, 1)
    text = str(raised.value)
    assert text.endswith("…") and "x" * 199 in text and "x" * 201 not in text
    with pytest.raises(ProtocolError) as short:
        wire.parse_enqueued_batch("x" * 198, 1)  # with its quotes: exactly 200, shown whole
    assert str(short.value).endswith("'" + "x" * 198 + "'")


# --- a message's status -----------------------------------------------------------------------
def entry(**kw: object) -> dict[str, object]:
    return {"email": "a@x.pl", "status": "sent", **kw}


def test_junk_entries_hide_no_later_address() -> None:
    status = wire.parse_message_status(
        {"finished": True, "recipients": ["junk", None, 7, ["b@x.pl"], entry(email="c@x.pl")]}
    )
    assert [(r.email, r.status) for r in status.recipients] == [("c@x.pl", DeliveryStatus.SENT)]


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (None, None), ("", None), (False, None), ({"pl": "", "en": ""}, None), ({}, None), ([], None),
        ("Mailbox full", "Mailbox full"), (550, "550"), (5.5, "5.5"),
        ({"pl": "Skrzynka pełna", "en": "Mailbox full"}, "Mailbox full"),
        ({"pl": "Skrzynka pełna"}, "Skrzynka pełna"),
    ],
)
def test_a_missing_error_stays_missing_never_the_text_none(error: object, shown: str | None) -> None:
    (recipient,) = wire.parse_message_status({"recipients": [entry(status="failed", error=error)]}).recipients
    assert recipient.error == shown


def test_an_entry_without_an_error_key_has_no_error() -> None:
    (recipient,) = wire.parse_message_status({"recipients": [entry()]}).recipients
    assert recipient.error is None


def test_a_langdict_error_is_read_in_the_clients_language() -> None:
    data = {"recipients": [entry(status="failed", error={"pl": "Skrzynka pełna", "en": "Mailbox full"})]}
    assert wire.parse_message_status(data, "pl").recipients[0].error == "Skrzynka pełna"
    assert wire.parse_message_status(data).recipients[0].error == "Mailbox full"
    statuses = wire.parse_messages_status({"m1": data}, "pl")
    assert statuses["m1"] is not None and statuses["m1"].recipients[0].error == "Skrzynka pełna"


@pytest.mark.parametrize(
    ("raw", "status", "kept"),
    [
        ("sent", DeliveryStatus.SENT, "sent"), ("SENT", DeliveryStatus.SENT, "SENT"),
        ("Waiting", DeliveryStatus.WAITING, "Waiting"), ("failed", DeliveryStatus.FAILED, "failed"),
        ("bounced", DeliveryStatus.UNKNOWN, "bounced"), ("unknown", DeliveryStatus.UNKNOWN, "unknown"),
        (None, DeliveryStatus.UNKNOWN, ""), ("", DeliveryStatus.UNKNOWN, ""),
        (3, DeliveryStatus.UNKNOWN, "3"),
    ],
)
def test_each_recipient_status_value(raw: object, status: DeliveryStatus, kept: str) -> None:
    (recipient,) = wire.parse_message_status({"recipients": [entry(status=raw)]}).recipients
    assert (recipient.status, recipient.raw_status) == (status, kept)


@pytest.mark.parametrize(("email", "shown"), [("a@x.pl", "a@x.pl"), (None, ""), (12, "12"), ("", "")])
def test_the_address_of_a_status_entry(email: object, shown: str) -> None:
    (recipient,) = wire.parse_message_status({"recipients": [entry(email=email)]}).recipients
    assert recipient.email == shown


@pytest.mark.parametrize(
    ("finished", "expected"),
    [(True, True), (False, False), (1, True), ("1", True), ("true", True), ("True", True), (0, False),
     ("0", False), ("false", False), (None, False), ("yes", False), (2, False)],
)
def test_finished_in_every_form(finished: object, expected: bool) -> None:
    assert wire.parse_message_status({"finished": finished}).finished is expected


def test_a_status_without_finished_is_not_finished_and_recipients_that_are_no_list_are_none() -> None:
    assert wire.parse_message_status({}) == (False, ())
    assert wire.parse_message_status({"finished": True, "recipients": {"email": "a@x.pl"}}) == (True, ())
    assert wire.parse_message_status({"finished": True, "recipients": []}) == (True, ())


@pytest.mark.parametrize("answer", [None, [], "sent", 3])
def test_an_answer_that_is_no_status_is_refused(answer: object) -> None:
    with pytest.raises(ProtocolError, match="expected a message status"):
        wire.parse_message_status(answer)
    with pytest.raises(ProtocolError, match="expected statuses keyed by message ID"):
        wire.parse_messages_status(answer)


def test_statuses_by_id_keep_null_for_unknown_ids_and_read_the_rest() -> None:
    found = wire.parse_messages_status({"m1": None, 7: {"finished": True, "recipients": [entry()]}})
    assert found == {"m1": None, "7": (True, (("a@x.pl", DeliveryStatus.SENT, None, "sent"),))}


# --- the module's status ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "count"),
    [(0, 0), (5, 5), (-1, None), ("12", 12), (" 12 ", 12), ("1.5", None), ("-3", None), (True, None),
     (None, None), (1.0, None)],
)
def test_queue_counts(value: object, count: int | None) -> None:
    status = wire.parse_system_status({wire.K_TOTAL_PENDING: value, wire.K_MY_PENDING: value})
    assert (status.pending, status.mine) == (count, count)


def test_the_old_count_name_is_read_only_when_the_documented_one_says_nothing() -> None:
    assert wire.parse_system_status({wire.K_TOTAL_PENDING: 3, wire.K_UNSENT_COUNT: 9}).pending == 3
    assert wire.parse_system_status({wire.K_TOTAL_PENDING: 0, wire.K_UNSENT_COUNT: 9}).pending == 0
    assert wire.parse_system_status({wire.K_TOTAL_PENDING: "x", wire.K_UNSENT_COUNT: 9}).pending == 9
    status = wire.parse_system_status({wire.K_UNSENT_COUNT: 9, "queue_age": 4})
    assert (status.pending, status.extra) == (9, {"queue_age": 4})


@pytest.mark.parametrize(
    ("value", "running"),
    [(True, True), (False, False), (1, True), (0, False), ("true", True), ("TRUE", True), ("False", False),
     ("yes", None), (2, None), (None, None)],
)
def test_daemon_running_in_every_form(value: object, running: bool | None) -> None:
    assert wire.parse_system_status({wire.K_DAEMON_RUNNING: value}).daemon_running is running


def test_a_module_status_that_is_no_dictionary_is_refused() -> None:
    with pytest.raises(ProtocolError, match="expected the module's status"):
        wire.parse_system_status([1])


# --- texts in two languages, installations, error bodies --------------------------------------
def test_lang_texts() -> None:
    assert wire.parse_lang_text("Tekst") == LangText("Tekst", "Tekst")
    assert wire.parse_lang_text({"pl": "Tak", "en": "Yes", "de": "Ja"}) == LangText("Tak", "Yes")
    assert wire.parse_lang_text({"pl": 5, "en": None}) == LangText("", "")
    assert wire.parse_lang_text(None) == LangText()


def test_installations_as_the_mother_server_lists_them() -> None:
    found = wire.parse_installations([
        {"base_url": "http://usosapps.uw.edu.pl/",
         "institution_name": {"pl": "Uniwersytet", "en": "University"}, "version": 7,
         "contact_emails": [" it@uw.edu.pl ", "", 5, "help@uw.edu.pl"]},
        {"base_url": "https://usos.x.pl/", "name": "X", "contact_emails": "it@x.pl"},
        {"base_url": "  "}, {"base_url": 5}, "junk",
        {"base_url": "https://usos.y.pl/", "institution_name": {"pl": None}},
    ])
    assert [(i.base_url, i.name_pl, i.name_en, i.version, i.contact_emails) for i in found] == [
        ("https://usosapps.uw.edu.pl/", "Uniwersytet", "University", "7", ("it@uw.edu.pl", "help@uw.edu.pl")),
        ("https://usos.x.pl/", "X", "X", None, ()),
        ("https://usos.y.pl/", "", "", None, ()),
    ]
    with pytest.raises(ProtocolError) as raised:
        wire.parse_installations({"base_url": "https://usos.x.pl/"})
    assert str(raised.value) == (
        "The server's answer is not what USOS API sends (expected a list of installations): "
        "{'base_url': 'https://usos.x.pl/'}"
    )
    (odd,) = wire.parse_installations([{"base_url": "https://usos.x.pl/", "institution_name": 5}])
    assert (odd.name_pl, odd.name_en) == ("", "")


def test_an_installation_goes_back_to_the_mother_servers_shape() -> None:
    (inst,) = wire.parse_installations([{"base_url": "https://usos.x.pl/", "institution_name": "X"}])
    assert wire.installation_to_json(inst) == {
        "base_url": "https://usos.x.pl/", "institution_name": {"pl": "X", "en": "X"}, "contact_emails": [],
    }
    (versioned,) = wire.parse_installations([{"base_url": "https://usos.x.pl/", "version": "7.1"}])
    assert wire.installation_to_json(versioned)["version"] == "7.1"


def test_error_bodies_keep_only_texts() -> None:
    body = wire.parse_error_body({
        "message": "Bad", "error": "param_invalid", "param_name": "recipients", "reason": ["x"],
        "field_name": {"a": 1}, "method_name": "", "user_messages": {
            "generic_message": {"pl": "Źle", "en": "Wrong"},
            "fields": {
                "recipients": {"pl": "Zły adres", "en": "Bad address"}, "subject": {"pl": "", "en": ""}
            },
        },
    })
    assert (body.message, body.code, body.param_name, body.reason, body.field_name, body.method_name) == (
        "Bad", "param_invalid", "recipients", None, None, None
    )
    assert body.user_message == LangText("Źle", "Wrong")
    assert body.field_messages == {"recipients": LangText("Zły adres", "Bad address")}
    assert wire.parse_error_body("oops") == wire.ErrorBody()
    assert wire.parse_error_body({"message": 5, "user_messages": "x"}).message == "5"
    assert wire.parse_error_body({"user_messages": {"fields": ["x"]}}).field_messages == {}


# --- what is sent -----------------------------------------------------------------------------
def test_sender_parameters_go_only_where_usos_takes_them() -> None:
    assert wire.sender_params(Sender()) == {}
    assert wire.sender_params(Sender(from_email="dziekanat@x.pl")) == {}  # only with a name
    assert wire.sender_params(Sender(from_name="Dziekanat", from_email="d@x.pl", send_summary_to="s@x.pl",
                                     lang="pl")) == {  # type: ignore[arg-type]
        "from_name": "Dziekanat", "from_email": "d@x.pl", "send_summary_to": "s@x.pl", "lang": "pl",
    }


def test_request_parameters_of_each_send_method() -> None:
    html = SimpleMessage("Temat", "<p>Treść</p>", ("a@x.pl", "b@x.pl"), content_format=ContentFormat.HTML)
    assert wire.simple_message_params(html) == {
        "subject": "Temat", "content": "<p>Treść</p>", "recipients": "a@x.pl|b@x.pl",
        "content_format": "html",
    }
    plain = SimpleMessage("Temat", "Treść", ("a@x.pl",))
    assert "content_format" not in wire.simple_message_params(plain)
    assert wire.simple_messages_params([plain]) == {
        "param_sets": '[{"subject":"Temat","content":"Treść","recipients":"a@x.pl"}]'
    }
    template = TemplateMessage("Temat {a}", "Treść {a}", Sender(from_name="D"))
    assert wire.by_template_params(template, [TemplateRecipient("a@x.pl", {"a": "ż"})]) == {
        "subject_template": "Temat {a}", "content_template": "Treść {a}",
        "recipients": '[{"email":"a@x.pl","params":{"a":"ż"}}]', "from_name": "D",
    }
    assert wire.system_status_params() == {
        "fields": "total_pending_message_count|my_pending_message_count|daemon_running"
    }
    assert wire.apiref_params(wire.SEND_SIMPLE_MESSAGE) == {
        "name": "services/mailing/send_simple_message",
        "fields": "name|returns|errors|arguments|result_fields|auth_options",
    }


# --- the exact words of each refusal, and answers that are mappings but not dicts ------------
@pytest.mark.parametrize(
    ("parse", "answer", "words"),
    [
        (lambda a: wire.parse_enqueued_batch(a, 1), {"a": 1}, "expected a list of message IDs): {'a': 1}"),
        (lambda a: wire.parse_enqueued_batch(a, 2), ["m1"], "expected 2 message IDs, got 1): ['m1']"),
        (lambda a: wire.parse_enqueued_batch(a, 1), [1.5], "a message ID): 1.5"),
        (wire.parse_message_status, [1], "expected a message status): [1]"),
        (wire.parse_messages_status, [1], "expected statuses keyed by message ID): [1]"),
        (wire.parse_system_status, [1], "expected the module's status): [1]"),
    ],
)
def test_the_words_of_each_refused_answer(parse: object, answer: object, words: str) -> None:
    with pytest.raises(ProtocolError) as raised:
        parse(answer)  # type: ignore[operator]
    assert str(raised.value) == "The server's answer is not what USOS API sends (" + words


def test_answers_that_are_mappings_but_not_dicts_are_read_alike() -> None:
    from types import MappingProxyType

    entry = MappingProxyType({"email": "a@x.pl", "status": "sent"})
    status = wire.parse_message_status(MappingProxyType({"finished": True, "recipients": [entry]}))
    assert status == (True, (("a@x.pl", DeliveryStatus.SENT, None, "sent"),))
    assert wire.parse_messages_status(MappingProxyType({"m1": None})) == {"m1": None}


def test_recipients_that_are_no_list_give_no_recipients() -> None:
    for odd in (5, "a@x.pl", {"email": "a@x.pl"}, True):
        assert wire.parse_message_status({"finished": True, "recipients": odd}) == (True, ())


def test_an_error_body_without_user_messages_has_an_empty_user_message() -> None:
    body = wire.parse_error_body({"message": "Bad"})
    assert body.user_message == LangText() and not body.user_message and body.field_messages == {}
