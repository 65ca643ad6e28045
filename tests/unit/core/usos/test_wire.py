"""Wire parsing is tolerant: unknown keys ignored, optional ones defaulted, odd values named."""

from __future__ import annotations

import json

import pytest

from usosmail_gui.core.usos import (
    ContentFormat,
    DeliveryStatus,
    Lang,
    ProtocolError,
    Sender,
    SimpleMessage,
    wire,
)


def test_message_status_ignores_unknown_keys_and_defaults_missing_ones() -> None:
    status = wire.parse_message_status(
        {
            "finished": True,
            "extra": 1,
            "recipients": [
                {"email": "a@example.edu.pl", "status": "sent", "error": None, "when": "now"},
                {"email": "b@example.edu.pl", "status": "bounced-later", "error": "550 no"},
                {"status": "waiting"},
                "garbage",
            ],
        }
    )
    assert status.finished is True
    assert [r.status for r in status.recipients] == [
        DeliveryStatus.SENT,
        DeliveryStatus.UNKNOWN,
        DeliveryStatus.WAITING,
    ]
    assert status.recipients[1].raw_status == "bounced-later"
    assert status.recipients[1].error == "550 no"
    assert wire.parse_message_status({}).finished is False


def test_messages_status_keeps_null_for_unknown_ids() -> None:
    parsed = wire.parse_messages_status({"1": {"finished": False}, "2": None})
    assert parsed["2"] is None
    assert parsed["1"] is not None and parsed["1"].finished is False


def test_batch_false_entries_become_none_and_length_is_checked() -> None:
    assert wire.parse_enqueued_batch(["10", False, 12], 3).message_ids == ("10", None, "12")
    with pytest.raises(ProtocolError):
        wire.parse_enqueued_batch(["10"], 2)
    with pytest.raises(ProtocolError):
        wire.parse_enqueued_batch({"a": 1}, 1)


def test_enqueued_accepts_dict_or_bare_id() -> None:
    assert wire.parse_enqueued({"message_id": 77, "other": "x"}).message_id == "77"
    assert wire.parse_enqueued("78").message_id == "78"
    with pytest.raises(ProtocolError):
        wire.parse_enqueued({"message_id": False})


def test_system_status_keeps_extra_keys() -> None:
    status = wire.parse_system_status({"unsent_count": 5, "workers": 3})
    assert status.unsent_count == 5 and status.extra == {"workers": 3}
    assert wire.parse_system_status({}).unsent_count is None


def test_installations_skip_entries_without_base_url() -> None:
    found = wire.parse_installations(
        [
            {
                "base_url": "https://USOSAPPS.example.edu.pl",
                "institution_name": {"pl": "Uczelnia", "en": "University"},
                "contact_emails": [],
            },
            {"institution_name": {"pl": "Bez adresu"}},
            {"base_url": "https://b.example.edu.pl/", "institution_name": "Plain name"},
        ]
    )
    assert [i.base_url for i in found] == ["https://usosapps.example.edu.pl/", "https://b.example.edu.pl/"]
    assert found[0].name("pl") == "Uczelnia" and found[0].name("en") == "University"
    assert found[1].name("pl") == "Plain name"


def test_error_body() -> None:
    body = wire.parse_error_body({"message": "Too long", "error": "param_invalid", "param_name": "subject"})
    assert (body.message, body.code, body.param_name) == ("Too long", "param_invalid", "subject")
    assert wire.parse_error_body("html page") == wire.ErrorBody()


def test_simple_message_params_omit_defaults_and_pair_from_email_with_from_name() -> None:
    plain = wire.simple_message_params(SimpleMessage("S", "C", ("a@example.edu.pl", "b@example.edu.pl")))
    assert plain == {"subject": "S", "content": "C", "recipients": "a@example.edu.pl|b@example.edu.pl"}
    full = wire.simple_message_params(
        SimpleMessage(
            "S",
            "C",
            ("a@example.edu.pl",),
            ContentFormat.HTML,
            Sender(
                from_name="Dziekanat",
                from_email="d@example.edu.pl",
                send_summary_to="s@example.edu.pl",
                lang=Lang.EN,
            ),
        )
    )
    assert (
        full["content_format"] == "html" and full["from_email"] == "d@example.edu.pl" and full["lang"] == "en"
    )
    lone = wire.simple_message_params(
        SimpleMessage("S", "C", ("a@example.edu.pl",), sender=Sender(from_email="d@example.edu.pl"))
    )
    assert "from_email" not in lone  # only valid together with from_name (A)


def test_param_sets_are_utf8_json() -> None:
    params = wire.simple_messages_params([SimpleMessage("Zażółć", "C", ("a@example.edu.pl",))])
    assert "Zażółć" in params["param_sets"]
    assert json.loads(params["param_sets"])[0]["subject"] == "Zażółć"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("usosapps.example.edu.pl", "https://usosapps.example.edu.pl/"),
        ("HTTPS://Usosapps.Example.edu.pl//", "https://usosapps.example.edu.pl/"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/"),
        ("https://example.edu.pl/usosapi", "https://example.edu.pl/usosapi/"),
    ],
)
def test_normalize_base_url(given: str, expected: str) -> None:
    assert wire.normalize_base_url(given) == expected
