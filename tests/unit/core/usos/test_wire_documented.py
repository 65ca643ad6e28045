"""Wire parsing of the answers section D of the API reference documents: system_status's
fields (D2), the installation list (D3), error bodies with codes and user messages (D4),
statuses that say less than B3 assumed (D5). Each body here is the documented shape."""

from __future__ import annotations

import pytest

from usosmail_gui.core.usos import DeliveryStatus, LangText, wire

# D4: shapes as the errors page and MUCI/jquery-usos doc/api/forms.md show them
METHOD_FORBIDDEN = {
    "message": "This method requires an Administrative Consumer Key.",
    "error": "method_forbidden",
    "reason": "consumer_not_administrative",
}
PARAM_INVALID_WITH_USER_MESSAGES = {
    "message": "Invalid value of 'recipients'.",
    "error": "param_invalid",
    "param_name": "recipients",
    "user_messages": {
        "generic_message": {"pl": "Formularz zawiera błędy.", "en": "The form contains errors."},
        "fields": {"recipients": {"pl": "Nieprawidłowy adres e-mail.", "en": "Invalid e-mail address."}},
    },
}
FIELD_NOT_FOUND = {
    "message": "Field 'daemon_running' not found.",
    "error": "field_not_found",
    "field_name": "daemon_running",
    "method_name": "services/mailing/system_status",
}
OBJECT_NOT_FOUND = {"message": "Message not found.", "error": "object_not_found", "reason": "message_expired"}


def test_error_body_with_user_messages_in_both_languages() -> None:
    body = wire.parse_error_body(PARAM_INVALID_WITH_USER_MESSAGES)
    assert body.code == "param_invalid" and body.param_name == "recipients"
    assert body.user_message == LangText("Formularz zawiera błędy.", "The form contains errors.")
    assert body.field_messages == {
        "recipients": LangText("Nieprawidłowy adres e-mail.", "Invalid e-mail address.")
    }


def test_error_body_reason_field_and_method_names() -> None:
    assert wire.parse_error_body(METHOD_FORBIDDEN).reason == "consumer_not_administrative"
    body = wire.parse_error_body(FIELD_NOT_FOUND)
    assert (body.code, body.field_name, body.method_name) == (
        "field_not_found",
        "daemon_running",
        "services/mailing/system_status",
    )
    assert wire.parse_error_body(OBJECT_NOT_FOUND).reason == "message_expired"


def test_error_body_with_only_a_message_and_odd_values() -> None:
    body = wire.parse_error_body(
        {"message": "Invalid signature.", "user_messages": "not a dict", "error": ["x"]}
    )
    assert body.message == "Invalid signature." and body.code is None and not body.user_message


def test_system_status_documented_fields() -> None:
    status = wire.parse_system_status(
        {"total_pending_message_count": 4918, "my_pending_message_count": 12, "daemon_running": False}
    )
    assert (status.pending, status.mine, status.daemon_running) == (4918, 12, False)
    assert status.daemon_stopped and status.unsent_count == 4918


def test_system_status_falls_back_to_the_old_name_only_when_the_documented_one_is_absent() -> None:
    assert wire.parse_system_status({"unsent_count": 7}).pending == 7
    assert wire.parse_system_status({"unsent_count": 7, "total_pending_message_count": 3}).pending == 3
    empty = wire.parse_system_status({})
    assert (empty.pending, empty.mine, empty.daemon_running) == (None, None, None)
    assert not empty.daemon_stopped  # unknown is not stopped


@pytest.mark.parametrize("value", ["yes", None, 2, [], {}])
def test_daemon_running_that_is_not_a_boolean_is_unknown(value: object) -> None:
    assert wire.parse_system_status({"daemon_running": value}).daemon_running is None


def test_system_status_is_asked_with_the_documented_field_selector() -> None:
    assert wire.system_status_params() == {
        "fields": "total_pending_message_count|my_pending_message_count|daemon_running"
    }


def test_live_installations_are_used_as_https_with_their_contacts() -> None:
    found = wire.parse_installations(
        [
            {
                "base_url": "http://usosapps.uw.edu.pl/",
                "version": "7.1.0.0-1",
                "institution_name": {"pl": "Uniwersytet Warszawski", "en": "University of Warsaw"},
                "contact_emails": ["usosapi@adm.uw.edu.pl", "", 7],
            },
            {"base_url": "http://127.0.0.1:8765/", "institution_name": None, "contact_emails": []},
            {"base_url": "http://localhost:9000/", "institution_name": None},
        ]
    )
    assert [i.base_url for i in found] == [
        "https://usosapps.uw.edu.pl/",
        "http://127.0.0.1:8765/",  # loopback keeps plain http: a test server on this computer
        "http://localhost:9000/",
    ]
    assert found[0].contact_emails == ("usosapi@adm.uw.edu.pl",)
    assert found[1].contact_emails == () and found[1].name_en == ""


def test_plural_status_with_only_finished_has_no_recipients() -> None:
    statuses = wire.parse_messages_status({"11": {"finished": True}, "12": {"finished": False}, "13": None})
    assert statuses["11"] is not None and statuses["11"].finished and statuses["11"].recipients == ()
    assert statuses["12"] is not None and not statuses["12"].finished
    assert statuses["13"] is None


def test_a_junk_entry_hides_no_later_address() -> None:
    status = wire.parse_message_status(
        {
            "finished": True,
            "recipients": [
                "junk",
                None,
                {"email": "b@example.edu.pl", "status": "failed", "error": None},
                {"email": "c@example.edu.pl", "status": "sent"},
            ],
        }
    )
    assert [(r.email, r.status) for r in status.recipients] == [
        ("b@example.edu.pl", DeliveryStatus.FAILED),
        ("c@example.edu.pl", DeliveryStatus.SENT),
    ]
    assert status.recipients[0].error is None  # a missing error is no error, never "None"


def test_recipient_error_as_a_langdict_is_read_in_the_clients_language() -> None:
    data = {
        "finished": True,
        "recipients": [
            {"email": "a@x.pl", "status": "failed", "error": {"pl": "Skrzynka pełna", "en": "Mailbox full"}}
        ],
    }
    assert wire.parse_message_status(data, "pl").recipients[0].error == "Skrzynka pełna"
    assert wire.parse_message_status(data, "en").recipients[0].error == "Mailbox full"


def test_a_recipient_without_a_status_is_unknown_not_waiting() -> None:
    status = wire.parse_message_status({"finished": True, "recipients": [{"email": "a@x.pl"}]})
    assert status.recipients[0].status is DeliveryStatus.UNKNOWN


def test_batch_answer_of_message_id_dictionaries() -> None:
    batch = wire.parse_enqueued_batch([{"message_id": "5"}, False, {"message_id": 6}], 3)
    assert batch.message_ids == ("5", None, "6")


def test_sent_argument_names_are_the_ones_the_builders_use() -> None:
    """D1: a misspelled optional parameter is silently ignored by a real server; the names
    the self-check compares are exactly what the request builders send."""
    from usosmail_gui.core.usos import (
        ContentFormat,
        Lang,
        Sender,
        SimpleMessage,
        TemplateMessage,
        TemplateRecipient,
    )

    sender = Sender("Dziekanat", "d@example.edu.pl", "s@example.edu.pl", Lang.EN)
    simple = wire.simple_message_params(SimpleMessage("S", "C", ("a@x.pl",), ContentFormat.HTML, sender))
    assert set(simple) == set(wire.SENT_ARGUMENTS[wire.SEND_SIMPLE_MESSAGE])
    template = wire.by_template_params(TemplateMessage("S", "C", sender), [TemplateRecipient("a@x.pl", {})])
    assert set(template) == set(wire.SENT_ARGUMENTS[wire.SEND_SIMPLE_BY_TEMPLATE])
    assert set(wire.simple_messages_params([])) == set(wire.SENT_ARGUMENTS[wire.SEND_SIMPLE_MESSAGES])
