"""The sandbox over real loopback HTTP: sections A and B of the API reference, OAuth,
delivery into a Maildir, faults, retention and the command line.

Every test starts its own sandbox and stops it; nothing sleeps (tests wait on
``wait_delivered``, events or the subprocess's own output).
"""

from __future__ import annotations

import email
import email.policy
import json
import mailbox
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

import pytest
import requests
from requests_oauthlib import OAuth1

from usosmail_gui.core.usos import wire
from usosmail_gui.sandbox import Sandbox, SandboxConfig
from usosmail_gui.sandbox.store import MessageStore
from usosmail_gui.sandbox.validation import Address, Mail

REPO = Path(__file__).resolve().parents[3]
POLISH_SUBJECT = "Zażółć gęślą jaźń — decyzja stypendialna"
FOOTER_PL = "-- \nWiadomość wysłana przez USOS API (piaskownica)."
FOOTER_EN = "-- \nMessage sent by USOS API (sandbox)."
WEEK = wire.RETENTION_DAYS * 24 * 3600
ADMIN_METHODS = [m for m in wire.MAILING_METHODS if m != wire.SYSTEM_STATUS]


class FakeClock:
    """A clock the test moves by hand (the sandbox's delay and retention follow it)."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def start_sandbox(tmp_path: Path) -> Iterator[Callable[..., Sandbox]]:
    started: list[Sandbox] = []

    def start(clock: Callable[[], float] = time.time, **config: Any) -> Sandbox:
        config.setdefault("maildir", tmp_path / f"maildir{len(started)}")
        sandbox = Sandbox(SandboxConfig(**config), clock=clock)
        started.append(sandbox.start())
        return sandbox

    yield start
    for sandbox in started:
        sandbox.stop()


@pytest.fixture
def sb(start_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return start_sandbox()


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with requests.Session() as session:
        yield session


def call(
    sb: Sandbox,
    session: requests.Session,
    method: str,
    data: dict[str, str] | None = None,
    *,
    key: str | None = None,
    secret: str | None = None,
    signed: bool = True,
    **oauth: Any,
) -> requests.Response:
    auth = None
    if signed:
        auth = OAuth1(key or sb.admin_key, client_secret=secret or sb.admin_secret, **oauth)
    return session.post(sb.url + method, data=data or {}, auth=auth, timeout=10)


def simple(**overrides: str) -> dict[str, str]:
    params = {
        wire.P_SUBJECT: POLISH_SUBJECT,
        wire.P_CONTENT: "Szanowna Pani,\ndecyzja jest pozytywna.",
        wire.P_RECIPIENTS: "anna.nowak@example.com",
    }
    params.update(overrides)
    return params


def read_maildir(path: Path) -> list[EmailMessage]:
    box = mailbox.Maildir(path, create=False)
    return [
        email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
        for key in box.iterkeys()  # iterating a Mailbox gives messages, not keys
    ]


def by_recipient(messages: list[EmailMessage]) -> dict[str, EmailMessage]:
    return {str(m["To"]): m for m in messages}


# --- sending and delivery -------------------------------------------------------------
def test_send_simple_message_delivers_one_mail_per_recipient(sb: Sandbox, http: requests.Session) -> None:
    recipients = "anna.nowak@example.com|jan@fail.example.com|Piotr@Example.org"
    answer = call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple(**{wire.P_RECIPIENTS: recipients}))
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/json; charset=utf-8"
    message_id = answer.json()[wire.K_MESSAGE_ID]
    assert isinstance(message_id, str)
    assert sb.wait_delivered(5)

    status = call(sb, http, wire.CHECK_MESSAGE_STATUS, {wire.P_MESSAGE_ID: message_id}).json()
    assert status == {
        wire.K_FINISHED: True,
        wire.K_STATUS_RECIPIENTS: [
            {"email": "anna.nowak@example.com", "status": "sent", "error": None},
            {
                "email": "jan@fail.example.com",
                "status": "failed",
                "error": "550 Mailbox unavailable (sandbox failing domain)",
            },
            {"email": "Piotr@Example.org", "status": "sent", "error": None},
        ],
    }
    mails = by_recipient(read_maildir(sb.maildir))
    assert set(mails) == {"anna.nowak@example.com", "Piotr@example.org"}  # not the failing one
    mail = mails["anna.nowak@example.com"]
    assert mail["Subject"] == POLISH_SUBJECT
    assert "=?utf-8?" in mail.as_string().split("\n\n", 1)[0]  # encoded on the wire (RFC 2047)
    assert mail["From"] == "USOS <no-reply@usos.sandbox.example.com>"
    assert mail["X-USOS-Message-ID"] == message_id
    assert mail["X-USOS-Consumer"] == sb.admin_key
    assert mail["Message-ID"] and mail["Date"]
    assert mail.get_content_type() == "text/plain"
    assert mail.get_content() == "Szanowna Pani,\ndecyzja jest pozytywna.\n\n" + FOOTER_PL + "\n"


def test_html_english_message_and_sender_fields(sb: Sandbox, http: requests.Session) -> None:
    params = simple(
        **{
            wire.P_CONTENT: "<p>Dear student,</p>",
            wire.P_CONTENT_FORMAT: "html",
            wire.P_LANG: "en",
            wire.P_FROM_NAME: "Dziekanat Wydziału Fizyki",
            wire.P_FROM_EMAIL: "dziekanat@fuw.example.edu",
        }
    )
    assert call(sb, http, wire.SEND_SIMPLE_MESSAGE, params).status_code == 200
    assert sb.wait_delivered(5)
    (mail,) = read_maildir(sb.maildir)
    assert mail.get_content_type() == "text/html"
    body = mail.get_content()
    assert body.startswith("<p>Dear student,</p>")
    assert "<p>-- <br>\nMessage sent by USOS API (sandbox).</p>" in body
    assert mail["From"].addresses[0].display_name == "Dziekanat Wydziału Fizyki"
    assert mail["From"].addresses[0].addr_spec == "dziekanat@fuw.example.edu"


def test_summary_report_goes_to_send_summary_to_when_something_failed(
    sb: Sandbox, http: requests.Session
) -> None:
    params = simple(
        **{
            wire.P_RECIPIENTS: "ok@example.com|bad@FAIL.example.com",
            wire.P_SEND_SUMMARY_TO: "sekretariat@example.com",
            wire.P_LANG: "en",
        }
    )
    message_id = call(sb, http, wire.SEND_SIMPLE_MESSAGE, params).json()[wire.K_MESSAGE_ID]
    assert sb.wait_delivered(5)
    mails = by_recipient(read_maildir(sb.maildir))
    assert set(mails) == {"ok@example.com", "sekretariat@example.com"}
    report = mails["sekretariat@example.com"]
    assert report["X-USOS-Summary-For"] == message_id
    assert report["X-USOS-Message-ID"] is None  # never counted as a copy of the message
    assert "bad@FAIL.example.com: 550" in report.get_content()


def test_send_simple_messages_answers_false_for_each_invalid_entry(
    sb: Sandbox, http: requests.Session
) -> None:
    param_sets = [
        simple(**{wire.P_RECIPIENTS: "a@example.com"}),
        simple(**{wire.P_SUBJECT: "x" * (wire.MAX_SUBJECT + 1)}),
        "not a dict",
        simple(**{wire.P_RECIPIENTS: "b@example.com", wire.P_SUBJECT: "Druga"}),
        {wire.P_SUBJECT: "no content", wire.P_RECIPIENTS: "c@example.com"},
    ]
    answer = call(sb, http, wire.SEND_SIMPLE_MESSAGES, {wire.P_PARAM_SETS: wire.json_dumps(param_sets)})
    assert answer.status_code == 200
    ids = answer.json()
    assert [type(i) for i in ids] == [str, bool, bool, str, bool]
    assert ids[1] is False and ids[2] is False and ids[4] is False
    assert sb.wait_delivered(5)
    mails = by_recipient(read_maildir(sb.maildir))
    assert set(mails) == {"a@example.com", "b@example.com"}
    assert mails["b@example.com"]["X-USOS-Message-ID"] == ids[3]
    assert mails["b@example.com"]["Subject"] == "Druga"


@pytest.mark.parametrize(
    "template",
    ["Hello {name}!", "{name!r} {{literal}} {name:>12}|{name[0]}", "{name:{width}}.", "Stałe {{}}"],
)
def test_templates_render_exactly_like_str_format(
    sb: Sandbox, http: requests.Session, template: str
) -> None:
    values = {"name": "Zofia", "width": "8"}
    recipients = [{"email": "zofia@example.com", "params": values}]
    params = {
        wire.P_SUBJECT_TEMPLATE: template,
        wire.P_CONTENT_TEMPLATE: template,
        wire.P_RECIPIENTS: wire.json_dumps(recipients),
    }
    answer = call(sb, http, wire.SEND_SIMPLE_BY_TEMPLATE, params)
    assert answer.status_code == 200, answer.text
    assert sb.wait_delivered(5)
    (mail,) = read_maildir(sb.maildir)
    assert mail["Subject"] == template.format(**values)
    assert mail.get_content() == template.format(**values) + "\n\n" + FOOTER_PL + "\n"


def test_send_simple_by_template_one_message_per_recipient(sb: Sandbox, http: requests.Session) -> None:
    recipients = [
        {"email": "ala@example.com", "params": {"imie": "Ala", "kwota": "1200"}},
        {"email": "ola@example.com", "params": {"imie": "Ola", "kwota": "900"}},
    ]
    params = {
        wire.P_SUBJECT_TEMPLATE: "Stypendium dla {imie}",
        wire.P_CONTENT_TEMPLATE: "Droga {imie}, kwota: {kwota} zł. {{bez zmian}}",
        wire.P_RECIPIENTS: wire.json_dumps(recipients),
        wire.P_LANG: "en",
    }
    answer = call(sb, http, wire.SEND_SIMPLE_BY_TEMPLATE, params)
    assert answer.status_code == 200
    ids = answer.json()
    assert len(ids) == 2 and len(set(ids)) == 2
    assert sb.wait_delivered(5)
    mails = by_recipient(read_maildir(sb.maildir))
    assert mails["ola@example.com"]["Subject"] == "Stypendium dla Ola"
    assert mails["ola@example.com"]["X-USOS-Message-ID"] == ids[1]
    assert mails["ala@example.com"].get_content().startswith("Droga Ala, kwota: 1200 zł. {bez zmian}\n")
    assert FOOTER_EN in mails["ala@example.com"].get_content()


def test_template_error_rejects_the_whole_call(sb: Sandbox, http: requests.Session) -> None:
    recipients = [
        {"email": "ala@example.com", "params": {"imie": "Ala"}},
        {"email": "ola@example.com", "params": {"name": "Ola"}},  # lacks {imie}
    ]
    params = {
        wire.P_SUBJECT_TEMPLATE: "Hej",
        wire.P_CONTENT_TEMPLATE: "Droga {imie}",
        wire.P_RECIPIENTS: wire.json_dumps(recipients),
    }
    answer = call(sb, http, wire.SEND_SIMPLE_BY_TEMPLATE, params)
    assert answer.status_code == 400
    body = answer.json()
    assert body["error"] == wire.ERROR_PARAM_INVALID
    assert body["param_name"] == wire.P_CONTENT_TEMPLATE
    assert "{imie}" in body["message"] and "ola@example.com" in body["message"]
    assert sb.wait_delivered(5)
    assert read_maildir(sb.maildir) == []
    assert call(sb, http, wire.SYSTEM_STATUS).json()[wire.K_TOTAL_PENDING] == 0


# --- limits and parameters --------------------------------------------------------------
def _template_params(**overrides: str) -> dict[str, str]:
    params = {
        wire.P_SUBJECT_TEMPLATE: "Hej {imie}",
        wire.P_CONTENT_TEMPLATE: "Treść",
        wire.P_RECIPIENTS: wire.json_dumps([{"email": "a@example.com", "params": {"imie": "A"}}]),
    }
    params.update(overrides)
    return params


def _without(params: dict[str, str], name: str) -> dict[str, str]:
    return {k: v for k, v in params.items() if k != name}


LIMIT_CASES = [
    (wire.SEND_SIMPLE_MESSAGE, _without(simple(), wire.P_SUBJECT), wire.ERROR_PARAM_MISSING, wire.P_SUBJECT),
    (wire.SEND_SIMPLE_MESSAGE, simple(subject="s" * 201), wire.ERROR_PARAM_INVALID, wire.P_SUBJECT),
    (wire.SEND_SIMPLE_MESSAGE, _without(simple(), wire.P_CONTENT), wire.ERROR_PARAM_MISSING, wire.P_CONTENT),
    (wire.SEND_SIMPLE_MESSAGE, simple(content="c" * 15_001), wire.ERROR_PARAM_INVALID, wire.P_CONTENT),
    (wire.SEND_SIMPLE_MESSAGE, _without(simple(), wire.P_RECIPIENTS), wire.ERROR_PARAM_MISSING,
     wire.P_RECIPIENTS),
    (wire.SEND_SIMPLE_MESSAGE, simple(recipients="a@example.com|nie-adres"), wire.ERROR_PARAM_INVALID,
     wire.P_RECIPIENTS),
    (wire.SEND_SIMPLE_MESSAGE, simple(recipients="a@example.com|"), wire.ERROR_PARAM_INVALID,
     wire.P_RECIPIENTS),
    (wire.SEND_SIMPLE_MESSAGE, simple(from_name="n" * 101), wire.ERROR_PARAM_INVALID, wire.P_FROM_NAME),
    (wire.SEND_SIMPLE_MESSAGE, simple(from_email="x@example.com"), wire.ERROR_PARAM_INVALID,
     wire.P_FROM_EMAIL),
    (wire.SEND_SIMPLE_MESSAGE, simple(from_name="N", from_email="e" * 90 + "@example.com"),
     wire.ERROR_PARAM_INVALID, wire.P_FROM_EMAIL),
    (wire.SEND_SIMPLE_MESSAGE, simple(content_format="markdown"), wire.ERROR_PARAM_INVALID,
     wire.P_CONTENT_FORMAT),
    (wire.SEND_SIMPLE_MESSAGE, simple(lang="de"), wire.ERROR_PARAM_INVALID, wire.P_LANG),
    (wire.SEND_SIMPLE_MESSAGE, simple(send_summary_to="kto@"), wire.ERROR_PARAM_INVALID,
     wire.P_SEND_SUMMARY_TO),
    (wire.SEND_SIMPLE_MESSAGE, simple(format="xml"), wire.ERROR_PARAM_INVALID, wire.P_FORMAT),
    (wire.SEND_SIMPLE_MESSAGES, {wire.P_PARAM_SETS: "[{"}, wire.ERROR_PARAM_INVALID, wire.P_PARAM_SETS),
    (wire.SEND_SIMPLE_MESSAGES, {wire.P_PARAM_SETS: '{"a": 1}'}, wire.ERROR_PARAM_INVALID,
     wire.P_PARAM_SETS),
    (wire.SEND_SIMPLE_MESSAGES, {}, wire.ERROR_PARAM_MISSING, wire.P_PARAM_SETS),
    (wire.SEND_SIMPLE_BY_TEMPLATE, _without(_template_params(), wire.P_SUBJECT_TEMPLATE),
     wire.ERROR_PARAM_MISSING, wire.P_SUBJECT_TEMPLATE),
    (wire.SEND_SIMPLE_BY_TEMPLATE, _template_params(subject_template="{imie}" + "s" * 200),
     wire.ERROR_PARAM_INVALID, wire.P_SUBJECT_TEMPLATE),
    (wire.SEND_SIMPLE_BY_TEMPLATE, _template_params(content_template="{imie:>20000}"),
     wire.ERROR_PARAM_INVALID, wire.P_CONTENT_TEMPLATE),
    (wire.SEND_SIMPLE_BY_TEMPLATE, _template_params(content_template="Dzień {}"),
     wire.ERROR_PARAM_INVALID, wire.P_CONTENT_TEMPLATE),
    (wire.SEND_SIMPLE_BY_TEMPLATE, _template_params(content_template="Nawias {"),
     wire.ERROR_PARAM_INVALID, wire.P_CONTENT_TEMPLATE),
    (wire.SEND_SIMPLE_BY_TEMPLATE, _template_params(recipients="[{"), wire.ERROR_PARAM_INVALID,
     wire.P_RECIPIENTS),
    (wire.SEND_SIMPLE_BY_TEMPLATE, _template_params(recipients='[{"email": "zly"}]'),
     wire.ERROR_PARAM_INVALID, wire.P_RECIPIENTS),
    (wire.SEND_SIMPLE_BY_TEMPLATE,
     _template_params(recipients='[{"email": "a@example.com", "params": {"x": 1}}]'),
     wire.ERROR_PARAM_INVALID, wire.P_RECIPIENTS),
    (wire.CHECK_MESSAGE_STATUS, {}, wire.ERROR_PARAM_MISSING, wire.P_MESSAGE_ID),
    (wire.CHECK_MESSAGES_STATUS, {wire.P_MESSAGE_IDS: " | "}, wire.ERROR_PARAM_MISSING, wire.P_MESSAGE_IDS),
]


@pytest.mark.parametrize(("method", "params", "code", "param_name"), LIMIT_CASES)
def test_invalid_parameters_answer_400_naming_the_parameter(
    sb: Sandbox, http: requests.Session, method: str, params: dict[str, str], code: str, param_name: str
) -> None:
    answer = call(sb, http, method, params)
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert body["error"] == code
    assert body["param_name"] == param_name
    assert body["message"]


def test_values_at_the_limits_are_accepted(sb: Sandbox, http: requests.Session) -> None:
    params = simple(
        subject="s" * wire.MAX_SUBJECT,
        content="c" * wire.MAX_CONTENT,
        from_name="n" * wire.MAX_FROM_NAME,
        from_email="e" * 88 + "@example.com",
        format="json",
    )
    assert len(params[wire.P_FROM_EMAIL]) == wire.MAX_FROM_EMAIL
    assert call(sb, http, wire.SEND_SIMPLE_MESSAGE, params).status_code == 200


def test_params_may_travel_in_the_query_string(sb: Sandbox, http: requests.Session) -> None:
    auth = OAuth1(sb.admin_key, client_secret=sb.admin_secret)
    answer = http.get(sb.url + wire.SEND_SIMPLE_MESSAGE, params=simple(), auth=auth, timeout=10)
    assert answer.status_code == 200
    assert wire.K_MESSAGE_ID in answer.json()


@pytest.mark.parametrize("signature_type", ["query", "body"])
def test_oauth_params_in_query_or_body_are_accepted(
    sb: Sandbox, http: requests.Session, signature_type: str
) -> None:
    answer = call(sb, http, wire.CHECK_MESSAGES_STATUS, {wire.P_MESSAGE_IDS: "0"},
                  signature_type=signature_type)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"0": None}


# --- statuses -------------------------------------------------------------------------
def test_statuses_while_waiting_then_after_delivery(
    start_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    clock = FakeClock()
    sb = start_sandbox(clock=clock, delay=30.0)
    three = "a@example.com|b@example.com|c@example.com"
    first = call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple(recipients=three)).json()[wire.K_MESSAGE_ID]
    second = call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple()).json()[wire.K_MESSAGE_ID]

    assert call(sb, http, wire.SYSTEM_STATUS, signed=False).json()[wire.K_TOTAL_PENDING] == 4
    assert sb.deliver_due() == 0  # the clock has not moved
    status = call(sb, http, wire.CHECK_MESSAGE_STATUS, {wire.P_MESSAGE_ID: first}).json()
    assert status[wire.K_FINISHED] is False
    assert {r["status"] for r in status[wire.K_STATUS_RECIPIENTS]} == {"waiting"}
    assert not sb.wait_delivered(0.05)

    clock.advance(31)
    assert sb.wait_delivered(5)
    statuses = call(sb, http, wire.CHECK_MESSAGES_STATUS, {wire.P_MESSAGE_IDS: f"{first}|424242|{second}"})
    body = statuses.json()
    assert set(body) == {first, "424242", second}
    assert body["424242"] is None
    assert body[first][wire.K_FINISHED] is True
    assert [r["status"] for r in body[first][wire.K_STATUS_RECIPIENTS]] == ["sent"] * 3
    assert call(sb, http, wire.SYSTEM_STATUS).json()[wire.K_TOTAL_PENDING] == 0
    assert len(read_maildir(sb.maildir)) == 4


def test_unknown_message_id_is_object_not_found_under_400(sb: Sandbox, http: requests.Session) -> None:
    """D4: the derived reference "confirmed against live responses" shows 400, not 404."""
    answer = call(sb, http, wire.CHECK_MESSAGE_STATUS, {wire.P_MESSAGE_ID: "999"})
    assert answer.status_code == 400
    assert answer.json()["error"] == wire.ERROR_OBJECT_NOT_FOUND
    assert answer.json()["reason"]


def test_messages_are_forgotten_after_seven_days(
    start_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    clock = FakeClock()
    sb = start_sandbox(clock=clock)
    message_id = call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple()).json()[wire.K_MESSAGE_ID]
    assert sb.wait_delivered(5)

    clock.advance(WEEK - 60)
    still = call(sb, http, wire.CHECK_MESSAGE_STATUS, {wire.P_MESSAGE_ID: message_id})
    assert still.status_code == 200

    clock.advance(61)
    gone = call(sb, http, wire.CHECK_MESSAGE_STATUS, {wire.P_MESSAGE_ID: message_id})
    assert gone.status_code == 400
    assert gone.json()["error"] == wire.ERROR_OBJECT_NOT_FOUND
    many = call(sb, http, wire.CHECK_MESSAGES_STATUS, {wire.P_MESSAGE_IDS: message_id})
    assert many.json() == {message_id: None}


def test_a_status_is_visible_only_to_the_consumer_that_sent_it() -> None:
    store = MessageStore(clock=lambda: 100.0, delay=0.0)
    mail = Mail("S", "C", (Address("a@example.com", "a@example.com"),))
    (message_id,) = store.enqueue("consumer-one", [mail])
    assert store.view("consumer-one", message_id) is not None
    assert store.view("consumer-two", message_id) is None
    assert store.views("consumer-two", [message_id]) == {message_id: None}


# --- OAuth -----------------------------------------------------------------------------
@pytest.mark.parametrize("method", ADMIN_METHODS)
def test_unsigned_admin_methods_are_401(sb: Sandbox, http: requests.Session, method: str) -> None:
    answer = call(sb, http, method, {wire.P_MESSAGE_IDS: "1"}, signed=False)
    assert answer.status_code == 401
    assert answer.json()["message"]


@pytest.mark.parametrize("method", ADMIN_METHODS)
def test_non_administrative_key_is_403(sb: Sandbox, http: requests.Session, method: str) -> None:
    answer = call(sb, http, method, {wire.P_MESSAGE_IDS: "1"}, key=sb.user_key, secret=sb.user_secret)
    assert answer.status_code == 403
    assert answer.json()["error"] == wire.ERROR_METHOD_FORBIDDEN


@pytest.mark.parametrize("who", ["wrong secret", "unknown key"])
def test_bad_credentials_are_401(sb: Sandbox, http: requests.Session, who: str) -> None:
    if who == "wrong secret":
        answer = call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple(), secret="not-the-secret")
    else:
        answer = call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple(), key="someone-else", secret="x")
    assert answer.status_code == 401
    assert "error" not in answer.json()  # OAuth failures carry only a message (D4)
    assert answer.json()["message"]
    assert sb.wait_delivered(5)
    assert read_maildir(sb.maildir) == []


def test_system_status_may_be_unsigned_but_a_signature_must_verify(
    sb: Sandbox, http: requests.Session
) -> None:
    assert call(sb, http, wire.SYSTEM_STATUS, signed=False).status_code == 200
    assert call(sb, http, wire.SYSTEM_STATUS, key=sb.user_key, secret=sb.user_secret).status_code == 200
    assert call(sb, http, wire.SYSTEM_STATUS, secret="wrong").status_code == 401


def test_a_replayed_request_is_refused(sb: Sandbox, http: requests.Session) -> None:
    request = requests.Request(
        "POST", sb.url + wire.SEND_SIMPLE_MESSAGE, data=simple(),
        auth=OAuth1(sb.admin_key, client_secret=sb.admin_secret),
    )
    prepared = http.prepare_request(request)
    assert http.send(prepared, timeout=10).status_code == 200
    replay = http.send(prepared, timeout=10)
    assert replay.status_code == 401
    assert "replay" in replay.json()["message"]
    assert sb.wait_delivered(5)
    assert len(read_maildir(sb.maildir)) == 1


def test_a_stale_timestamp_is_refused(sb: Sandbox, http: requests.Session) -> None:
    eleven_minutes_ago = str(int(time.time()) - 11 * 60)
    answer = call(
        sb, http, wire.CHECK_MESSAGES_STATUS, {wire.P_MESSAGE_IDS: "1"}, timestamp=eleven_minutes_ago
    )
    assert answer.status_code == 401
    assert "clock" in answer.json()["message"]


def test_configured_admin_key_works(start_sandbox: Callable[..., Sandbox], http: requests.Session) -> None:
    sb = start_sandbox(admin_key="k", admin_secret="my-secret.~_")
    assert (sb.admin_key, sb.admin_secret) == ("k", "my-secret.~_")
    assert call(sb, http, wire.CHECK_MESSAGES_STATUS, {wire.P_MESSAGE_IDS: "0"}).status_code == 200


# --- faults ----------------------------------------------------------------------------
def test_dropped_connection_after_the_message_was_queued(
    start_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    sb = start_sandbox(drop_rate=1.0)
    with pytest.raises(requests.exceptions.ConnectionError):
        call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple())
    assert sb.wait_delivered(5)
    (mail,) = read_maildir(sb.maildir)
    assert mail["Subject"] == POLISH_SUBJECT


def test_error_rate_answers_500_without_processing(
    start_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    sb = start_sandbox(error_rate=1.0, seed=7)
    answer = call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple())
    assert answer.status_code == 500
    assert "error" not in answer.json() and answer.json()["message"]  # no invented codes
    sb.faults.error_rate = 0.0  # faults change at runtime
    assert call(sb, http, wire.SYSTEM_STATUS).json()[wire.K_TOTAL_PENDING] == 0
    assert sb.wait_delivered(5)
    assert read_maildir(sb.maildir) == []


def test_latency_delays_mailing_answers(sb: Sandbox, http: requests.Session) -> None:
    sb.faults.latency_ms = 150
    started = time.monotonic()
    assert call(sb, http, wire.SYSTEM_STATUS).status_code == 200
    assert time.monotonic() - started >= 0.15


# --- HTTP and the rest ----------------------------------------------------------------
def test_keep_alive_and_request_counts(sb: Sandbox) -> None:
    host, port = sb.url.removeprefix("http://").rstrip("/").rsplit(":", 1)
    connection = HTTPConnection(host, int(port), timeout=10)
    try:
        for _ in range(3):
            connection.request("GET", "/" + wire.SYSTEM_STATUS)
            response = connection.getresponse()
            assert response.status == 200
            assert json.loads(response.read())[wire.K_TOTAL_PENDING] == 0
        connection.request("POST", "/services/mailing/no_such_method")
        missing = connection.getresponse()
        assert missing.status == 404
        assert json.loads(missing.read())["message"]
        connection.request("GET", "/nowhere")
        assert connection.getresponse().status == 404
    finally:
        connection.close()
    served = sb.requests_served
    assert served[wire.SYSTEM_STATUS] == 3
    assert served["services/mailing/no_such_method"] == 1
    assert served["nowhere"] == 1


def test_installations_lists_the_sandbox_itself(sb: Sandbox, http: requests.Session) -> None:
    answer = http.get(sb.url + wire.INSTALLATIONS, params={"format": "json"}, timeout=10)
    assert answer.status_code == 200
    installations = wire.parse_installations(answer.json())
    assert len(installations) >= 3
    own = installations[0]
    assert own.base_url == sb.url
    assert own.name("en") == "Sandbox (local test server)"
    assert own.name("pl") == "Piaskownica (lokalny serwer testowy)"
    assert all(i.base_url.startswith("https://") for i in installations[1:])


def test_concurrent_sends_get_distinct_ids(sb: Sandbox) -> None:
    ids: list[str] = []
    lock = threading.Lock()

    def sender(n: int) -> None:
        with requests.Session() as session:
            for i in range(5):
                params = simple(recipients=f"s{n}.{i}@example.com")
                answer = call(sb, session, wire.SEND_SIMPLE_MESSAGE, params)
                with lock:
                    ids.append(answer.json()[wire.K_MESSAGE_ID])

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(ids)) == 30
    assert sb.wait_delivered(10)
    assert len(read_maildir(sb.maildir)) == 30


def test_stop_is_idempotent_closes_the_port_and_removes_a_temp_maildir() -> None:
    sb = Sandbox(SandboxConfig()).start()
    url, maildir = sb.url, sb.maildir
    assert maildir.is_dir()
    sb.stop()
    sb.stop()
    assert not maildir.exists()
    with requests.Session() as session, pytest.raises(requests.exceptions.ConnectionError):
        session.get(url + wire.SYSTEM_STATUS, timeout=5)


def test_only_loopback_hosts_are_allowed() -> None:
    with pytest.raises(ValueError, match="only on this computer"):
        SandboxConfig(host="0.0.0.0")


def _read_line(stream: Any, timeout: float) -> str:
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    return lines.get(timeout=timeout)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_command_line_prints_the_ready_line_and_stops_on_sigterm(tmp_path: Path) -> None:
    maildir = tmp_path / "mail"
    command = [sys.executable, "-m", "usosmail_gui.sandbox", "--port", "0", "--maildir", str(maildir)]
    with subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            ready = json.loads(_read_line(process.stdout, timeout=30))
            assert set(ready) == {"url", "admin_key", "admin_secret", "user_key", "user_secret", "maildir"}
            assert ready["url"].startswith("http://127.0.0.1:")
            assert Path(ready["maildir"]) == maildir.resolve()
            with requests.Session() as session:
                answer = session.get(ready["url"] + wire.SYSTEM_STATUS, timeout=10)
            assert answer.json()[wire.K_TOTAL_PENDING] == 0
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=10) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert (maildir / "new").is_dir()  # kept for the user to look at


def test_command_line_refuses_a_non_loopback_host() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "usosmail_gui.sandbox", "--host", "0.0.0.0"],
        cwd=REPO, capture_output=True, text=True, timeout=30, check=False,
    )
    assert result.returncode == 2
    assert "loopback" in result.stderr
    assert result.stdout == ""
