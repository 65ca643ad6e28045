"""The USOS client against the sandbox over real loopback HTTP: all six methods, every error."""

from __future__ import annotations

import logging
import mailbox
import socket
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
import requests

from usosmail_gui.core.usos import (
    BadParameter,
    ContentFormat,
    CredentialsRejected,
    DeliveryStatus,
    InsecureUrl,
    Lang,
    NotAdministrative,
    NotFound,
    OutcomeUncertain,
    Sender,
    ServerError,
    SimpleMessage,
    TemplateMessage,
    TemplateRecipient,
    Unreachable,
)
from usosmail_gui.core.usos.client import MailingClient, RetryPolicy, Timeouts, fetch_installations

POLISH_SUBJECT = "Zażółć gęślą jaźń — decyzja stypendialna"
NO_WAIT = RetryPolicy(attempts=3, initial_wait=0, max_wait=0)


def admin(sb: Any, **kw: Any) -> MailingClient:
    kw.setdefault("retry", NO_WAIT)
    return MailingClient(sb.url, sb.admin_key, sb.admin_secret, **kw)


def read_maildir(path: Path) -> list[Any]:
    box = mailbox.Maildir(path, create=False)
    return [BytesParser(policy=policy.default).parsebytes(box.get_bytes(key)) for key in box.iterkeys()]


def message(to: str = "jan.kowalski@student.example.edu.pl", **kw: Any) -> SimpleMessage:
    kw.setdefault("subject", POLISH_SUBJECT)
    kw.setdefault("content", "Szanowny Panie,\nprzyznano stypendium.")
    return SimpleMessage(recipients=(to,), **kw)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- the six methods -------------------------------------------------------------------
def test_send_simple_message_is_delivered_with_polish_subject(sandbox: Any) -> None:
    with admin(sandbox) as client:
        sent = client.send_simple_message(
            message(
                sender=Sender(
                    from_name="Dziekanat Wydziału", from_email="dziekanat@example.edu.pl", lang=Lang.PL
                )
            )
        )
        assert sent.message_id
        assert sandbox.wait_delivered(10)
        status = client.check_message_status(sent.message_id)
    assert status.finished
    assert [(r.email, r.status) for r in status.recipients] == [
        ("jan.kowalski@student.example.edu.pl", DeliveryStatus.SENT)
    ]
    [mail] = read_maildir(sandbox.maildir)
    assert mail["Subject"] == POLISH_SUBJECT
    assert mail["To"] == "jan.kowalski@student.example.edu.pl"
    assert "Dziekanat Wydziału" in str(mail["From"])
    assert mail["X-USOS-Message-ID"] == sent.message_id
    assert "przyznano stypendium" in mail.get_content()


def test_send_simple_messages_reports_false_entries_as_none(sandbox: Any) -> None:
    batch = [
        message("a@student.example.edu.pl"),
        message("b@student.example.edu.pl", subject="x" * 201),
        message("c@student.example.edu.pl", content="<p>Hello</p>", content_format=ContentFormat.HTML),
    ]
    with admin(sandbox) as client:
        result = client.send_simple_messages(batch)
    assert result.message_ids[1] is None
    assert result.message_ids[0] and result.message_ids[2]
    assert result.enqueued_count == 2
    assert sandbox.wait_delivered(10)
    assert sorted(str(m["To"]) for m in read_maildir(sandbox.maildir)) == [
        "a@student.example.edu.pl",
        "c@student.example.edu.pl",
    ]


def test_send_simple_by_template_renders_per_recipient(sandbox: Any) -> None:
    template = TemplateMessage("Decyzja dla {Imię}", "Dzień dobry {Imię} {Nazwisko}, {{klamry}} zostają.")
    recipients = [
        TemplateRecipient("ania@student.example.edu.pl", {"Imię": "Anna", "Nazwisko": "Żak"}),
        TemplateRecipient("olek@student.example.edu.pl", {"Imię": "Aleksander", "Nazwisko": "Łoś"}),
    ]
    with admin(sandbox) as client:
        result = client.send_simple_by_template(template, recipients)
    assert len(result.message_ids) == 2 and all(result.message_ids)
    assert sandbox.wait_delivered(10)
    mails = {str(m["To"]): m for m in read_maildir(sandbox.maildir)}
    assert mails["ania@student.example.edu.pl"]["Subject"] == "Decyzja dla Anna"
    assert (
        "Dzień dobry Aleksander Łoś, {klamry} zostają." in mails["olek@student.example.edu.pl"].get_content()
    )


def test_check_messages_status_maps_unknown_ids_to_none(sandbox: Any) -> None:
    with admin(sandbox) as client:
        sent = client.send_simple_message(message())
        statuses = client.check_messages_status([sent.message_id, "999999999"])
        assert client.check_messages_status([]) == {}
    assert statuses["999999999"] is None
    assert statuses[sent.message_id] is not None


def test_system_status_counts_waiting_recipients(make_sandbox: Any) -> None:
    sb = make_sandbox(delay=3600)
    with admin(sb) as client:
        before = client.system_status().unsent_count
        client.send_simple_message(
            SimpleMessage("S", "C", ("a@student.example.edu.pl", "b@student.example.edu.pl"))
        )
        after = client.system_status().unsent_count
    assert before == 0
    assert after == 2


def test_request_is_a_signed_form_post_with_format_json(sandbox: Any) -> None:
    seen: list[requests.PreparedRequest] = []
    session = requests.Session()
    session.hooks["response"].append(lambda r, *a, **k: seen.append(r.request))
    with admin(sandbox, session=session) as client:
        client.send_simple_message(message(content="zażółć & ünïcode = ok?"))
    [request] = seen
    assert request.method == "POST"
    headers = {k: v.decode() if isinstance(v, bytes) else v for k, v in request.headers.items()}
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert "format=json" in str(request.body)
    assert 'oauth_signature_method="HMAC-SHA1"' in headers["Authorization"]
    assert "oauth_token" not in headers["Authorization"]


# --- errors ------------------------------------------------------------------------------
def test_wrong_secret_is_rejected(sandbox: Any) -> None:
    with MailingClient(sandbox.url, sandbox.admin_key, "not-the-secret", retry=NO_WAIT) as client:
        with pytest.raises(CredentialsRejected) as info:
            client.check_messages_status(["1"])
        with pytest.raises(CredentialsRejected):
            client.send_simple_message(message())
    assert info.value.http_status == 401


def test_unknown_key_is_rejected(sandbox: Any) -> None:
    with MailingClient(sandbox.url, "nobody-knows-this-key", "whatever", retry=NO_WAIT) as client:
        with pytest.raises(CredentialsRejected):
            client.check_message_status("1")


def test_non_administrative_key_is_forbidden_but_may_read_system_status(sandbox: Any) -> None:
    with MailingClient(sandbox.url, sandbox.user_key, sandbox.user_secret, retry=NO_WAIT) as client:
        assert client.system_status().unsent_count == 0
        with pytest.raises(NotAdministrative) as info:
            client.send_simple_message(message())
    assert info.value.http_status == 403
    assert sandbox.wait_delivered(5)
    assert read_maildir(sandbox.maildir) == []


def test_bad_parameter_names_the_parameter(sandbox: Any) -> None:
    with admin(sandbox) as client:
        with pytest.raises(BadParameter) as info:
            client.send_simple_message(message(subject="x" * 201))
        with pytest.raises(BadParameter) as missing:
            client.send_simple_by_template(
                TemplateMessage("{nope}", "c"), [TemplateRecipient("a@student.example.edu.pl", {})]
            )
    assert info.value.param_name == "subject"
    assert "subject" in str(info.value)
    assert missing.value.param_name == "subject_template"


def test_unknown_message_is_not_found(sandbox: Any) -> None:
    with admin(sandbox) as client, pytest.raises(NotFound):
        client.check_message_status("424242")


def test_server_error_on_read_is_retried_then_raised(make_sandbox: Any) -> None:
    sb = make_sandbox(error_rate=1.0)
    with admin(sb) as client, pytest.raises(ServerError) as info:
        client.check_messages_status(["1"])
    assert info.value.http_status == 500
    assert client.requests_made == NO_WAIT.attempts


def test_read_recovers_when_the_server_recovers(make_sandbox: Any) -> None:
    sb = make_sandbox(error_rate=1.0)
    slept: list[float] = []

    def heal(seconds: float) -> None:  # the backoff's sleep: the server comes back meanwhile
        slept.append(seconds)
        sb.faults.error_rate = 0.0

    with MailingClient(
        sb.url, sb.admin_key, sb.admin_secret, retry=RetryPolicy(3, 0.01, 0.02), sleep=heal
    ) as client:
        assert client.system_status().unsent_count == 0
    assert len(slept) == 1


def test_server_error_on_send_is_uncertain_and_never_retried(make_sandbox: Any) -> None:
    sb = make_sandbox(error_rate=1.0)
    with admin(sb) as client, pytest.raises(OutcomeUncertain) as info:
        client.send_simple_messages([message()])
    assert info.value.http_status == 500
    assert client.requests_made == 1


def test_dropped_connection_on_send_is_uncertain_yet_delivered(make_sandbox: Any) -> None:
    sb = make_sandbox(drop_rate=1.0)
    with admin(sb) as client, pytest.raises(OutcomeUncertain):
        client.send_simple_message(message())
    assert client.requests_made == 1
    assert sb.wait_delivered(10)
    [mail] = read_maildir(sb.maildir)
    assert mail["Subject"] == POLISH_SUBJECT


def test_dropped_connection_on_read_is_retried(make_sandbox: Any) -> None:
    sb = make_sandbox(drop_rate=1.0)
    with admin(sb) as client, pytest.raises(Unreachable):
        client.system_status()
    assert client.requests_made == NO_WAIT.attempts


def test_read_timeout_on_send_is_uncertain(make_sandbox: Any) -> None:
    sb = make_sandbox(latency_ms=1500)
    with admin(sb, timeouts=Timeouts(connect=2, read=0.3)) as client, pytest.raises(OutcomeUncertain):
        client.send_simple_message(message())


def test_unreachable_server(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/"
    with MailingClient(url, "k", "s", retry=NO_WAIT) as client:
        with pytest.raises(Unreachable):
            client.system_status()
        with pytest.raises(Unreachable):  # nothing was sent: a send may be tried again
            client.send_simple_message(message())


@pytest.mark.parametrize(
    "url", ["http://usosapps.example.edu.pl/", "ftp://usosapps.example.edu.pl/", "http://10.0.0.1/"]
)
def test_plain_http_refused_unless_loopback(url: str) -> None:
    with pytest.raises(InsecureUrl):
        MailingClient(url, "k", "s")


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000", "http://localhost/", "http://[::1]:80/", "https://usosapps.example.edu.pl"],
)
def test_https_and_loopback_accepted(url: str) -> None:
    assert MailingClient(url, "k", "s").base_url.endswith("/")


def test_secret_never_shown(make_sandbox: Any, caplog: pytest.LogCaptureFixture) -> None:
    sb = make_sandbox(drop_rate=0.0)
    secret = "S3cr3t-Never-Shown-Anywhere"
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    with MailingClient(sb.url, sb.admin_key, secret, retry=NO_WAIT) as client:
        texts += [repr(client), str(client), repr(vars(client))]
        for call in (lambda: client.send_simple_message(message()), lambda: client.check_message_status("1")):
            with pytest.raises(CredentialsRejected) as info:
                call()
            texts += [str(info.value), repr(info.value), repr(info.value.__dict__)]
    texts += [record.getMessage() for record in caplog.records]
    assert caplog.records, "debug logging was expected to say something"
    assert not [t for t in texts if secret in t]


def test_installations_from_mother_server(sandbox: Any) -> None:
    found = fetch_installations(sandbox.url)
    assert any(inst.base_url == sandbox.url for inst in found)
    assert all(inst.base_url.endswith("/") for inst in found)
