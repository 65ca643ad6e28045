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

from tests.helpers.standin import answering
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
    wire,
)
from usosmail_gui.core.usos.client import Deadline, MailingClient, RetryPolicy, Timeouts, fetch_installations
from usosmail_gui.core.usos.errors import ProtocolError
from usosmail_gui.core.usos.installations import MOTHER_URL_ENV, bundled_contacts, known_installations

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
    ("url", "words"),
    [
        ("https://[zz]/", "is not a valid web address."),
        ("http://usosapps.example.edu.pl:99999/", "is not a valid web address."),
        ("https:///services/", "is not a web address. Use the installation's https:// address."),
        ("https://:443/", "is not a web address. Use the installation's https:// address."),
    ],
)
def test_an_address_that_is_no_web_address_is_refused_with_why(url: str, words: str) -> None:
    with pytest.raises(InsecureUrl) as info:
        MailingClient(url, "k", "s")
    assert str(info.value) == f"'{url}' {words}"


def test_a_listed_installation_with_a_user_name_is_not_made_https_but_refused() -> None:
    """The mother server's http:// addresses become https://, except one that cannot be
    read safely: that one is kept as listed, and refused (with the reason) when used."""
    [listed] = wire.parse_installations([{"base_url": "http://admin@usosapps.example.edu.pl"}])
    assert listed.base_url == "http://admin@usosapps.example.edu.pl/"
    with pytest.raises(InsecureUrl, match="has a user name or '@' before the server name"):
        MailingClient(listed.base_url, "k", "s")
    [broken] = wire.parse_installations([{"base_url": "http://[zz]/"}])
    assert broken.base_url == "http://[zz]/"


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


# --- answers no USOS API gives, from a stand-in on 127.0.0.1 (issue 19: branches no test reached)
NOT_JSON = b"<html><body>Service temporarily moved</body></html>"


def stand_in_client(url: str, **kw: Any) -> MailingClient:
    kw.setdefault("retry", NO_WAIT)
    return MailingClient(url, "key", "secret", **kw)


def test_a_send_answered_with_a_web_page_is_uncertain_and_not_repeated() -> None:
    with answering({wire.SEND_SIMPLE_MESSAGE: (200, NOT_JSON)}) as (url, asked):
        with stand_in_client(url) as client, pytest.raises(OutcomeUncertain) as info:
            client.send_simple_message(message())
    assert asked == [wire.SEND_SIMPLE_MESSAGE]
    assert "answered the send request, but not with JSON; the messages may have been enqueued" in str(
        info.value
    )
    assert (info.value.http_status, info.value.method) == (200, wire.SEND_SIMPLE_MESSAGE)


def test_a_read_answered_with_a_web_page_says_the_address_is_not_a_usos_api() -> None:
    with answering({wire.CHECK_MESSAGE_STATUS: (200, NOT_JSON)}) as (url, asked):
        with stand_in_client(url) as client, pytest.raises(ProtocolError) as info:
            client.check_message_status("7")
    assert str(info.value) == (
        f"{url} answered, but not like a USOS API (no JSON). Check the installation's address."
    )
    assert asked == [wire.CHECK_MESSAGE_STATUS]  # an answer that cannot be read is not asked again


@pytest.mark.parametrize("body", [None, {"answer": "ok"}], ids=["json null", "no message id"])
def test_a_send_whose_json_answer_cannot_be_read_is_uncertain(body: object) -> None:
    """USOS took the request and answered 200: the message may well be enqueued."""
    with answering({wire.SEND_SIMPLE_MESSAGE: (200, body)}) as (url, asked):
        with stand_in_client(url) as client, pytest.raises(OutcomeUncertain) as info:
            client.send_simple_message(message())
    assert asked == [wire.SEND_SIMPLE_MESSAGE]
    assert str(info.value).startswith("The server accepted the request but its answer could not be read (")
    assert str(info.value).endswith("The messages may have been enqueued.")
    assert info.value.http_status == 200


def test_a_redirect_is_not_followed_and_names_the_address() -> None:
    with answering({wire.CHECK_MESSAGE_STATUS: (302, b"")}) as (url, asked):
        with stand_in_client(url) as client, pytest.raises(ProtocolError) as info:
            client.check_message_status("7")
    assert asked == [wire.CHECK_MESSAGE_STATUS]
    assert "redirected the request (HTTP 302). Check the installation's address" in str(info.value)


def test_https_to_a_server_that_speaks_plain_http_sends_nothing_and_says_why() -> None:
    """The TLS handshake fails before any byte of the request: certainly not sent."""
    with answering({}) as (url, asked):
        secure = url.replace("http://", "https://")
        with stand_in_client(secure) as client, pytest.raises(Unreachable) as info:
            client.send_simple_message(message())
    assert not isinstance(info.value, OutcomeUncertain)
    assert "the secure (TLS) connection could not be established" in str(info.value)
    assert wire.SEND_SIMPLE_MESSAGE not in asked and client.requests_made == 1


def test_a_spent_deadline_asks_nothing_and_says_it_gave_up() -> None:
    clock = [100.0]
    deadline = Deadline(5, clock=lambda: clock[0])
    with answering({wire.CHECK_MESSAGE_STATUS: (200, {"finished": True})}) as (url, asked):
        with stand_in_client(url, deadline=deadline) as client:
            assert client.check_message_status("7").finished
            clock[0] += 6
            with pytest.raises(Unreachable) as info:
                client.check_message_status("7")
    assert asked == [wire.CHECK_MESSAGE_STATUS]
    assert str(info.value).startswith(f"{url} did not answer within 5 seconds, so the check gave up.")


def test_a_failing_answer_note_does_not_break_the_status_check() -> None:
    noted: list[str] = []

    def note(path: str, body: object) -> None:
        noted.append(path)
        raise RuntimeError("the diagnostics file is gone")

    answer = {"finished": True, "recipients": [{"email": "a@example.edu.pl", "status": "sent"}]}
    with answering({wire.CHECK_MESSAGE_STATUS: (200, answer)}) as (url, _):
        with stand_in_client(url, on_answer=note) as client:
            status = client.check_message_status("7")
    assert noted == [wire.CHECK_MESSAGE_STATUS]
    assert [(r.email, r.status) for r in status.recipients] == [("a@example.edu.pl", DeliveryStatus.SENT)]


def test_an_unsigned_client_asks_public_methods_without_a_signature() -> None:
    seen: list[dict[str, str]] = []

    def route(path: str, params: dict[str, str]) -> tuple[int, object]:
        seen.append(params)
        return 200, {"name": path}

    with answering(route) as (url, asked):
        with MailingClient.unsigned(url, retry=NO_WAIT) as client:
            assert client.public_answer("services/apisrv/now") == {"name": "services/apisrv/now"}
            assert client.method_reference(wire.SEND_SIMPLE_MESSAGE) == {"name": wire.APIREF_METHOD}
    assert asked == ["services/apisrv/now", wire.APIREF_METHOD]
    assert all("oauth_signature" not in params and params[wire.P_FORMAT] == "json" for params in seen)


# --- the mother server's list of installations ---------------------------------------------
def test_a_mother_server_in_trouble_is_asked_again_then_named() -> None:
    with answering({wire.INSTALLATIONS: (503, {"message": "maintenance"})}) as (url, asked):
        with pytest.raises(ServerError) as info:
            fetch_installations(url, sleep=lambda _: None)
    assert asked == [wire.INSTALLATIONS] * 2
    assert str(info.value) == f"{url} had trouble (HTTP 503)." and info.value.http_status == 503


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ((404, {"message": "no such method"}), "answered HTTP 404."),
        ((200, NOT_JSON), "did not answer with JSON."),
    ],
)
def test_a_mother_server_that_answers_no_list_is_named_once(answer: tuple[int, object], words: str) -> None:
    with answering({wire.INSTALLATIONS: answer}) as (url, asked):
        with pytest.raises(ProtocolError) as info:
            fetch_installations(url, sleep=lambda _: None)
    assert asked == [wire.INSTALLATIONS]
    assert str(info.value) == f"{url} {words}"


def test_a_mother_server_without_the_list_gives_the_bundled_list_with_the_reason() -> None:
    url = f"http://127.0.0.1:{closed_port()}/"
    with pytest.raises(Unreachable, match=r"^Could not reach "):
        fetch_installations(url, retry=NO_WAIT)
    with answering({}) as (url, _):  # 404 for every path: no list there (and no retry)
        listing = known_installations(url)
    assert not listing.live and listing.installations == known_installations(live=False).installations
    assert listing.problem == f"{url} answered HTTP 404."
    assert "https://usosapps.uw.edu.pl/" in [i.base_url for i in listing.installations]


def test_the_live_list_is_sorted_by_polish_name_and_an_empty_one_is_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    live = [
        {"base_url": "https://usosapps.umk.pl/", "institution_name": {"pl": "Uniwersytet Mikołaja Kopernika"},
         "contact_emails": ["usosapi@umk.pl"]},
        {"base_url": "https://apps.usos.pw.edu.pl/", "institution_name": {"pl": "Politechnika Warszawska"}},
    ]
    with answering({wire.INSTALLATIONS: (200, live)}) as (url, _):
        monkeypatch.setenv(MOTHER_URL_ENV, url)
        listing = known_installations()
    assert listing.live and listing.problem is None
    assert [i.name("pl") for i in listing.installations] == [
        "Politechnika Warszawska",
        "Uniwersytet Mikołaja Kopernika",
    ]
    with answering({wire.INSTALLATIONS: (200, [])}) as (url, _):
        empty = known_installations(url)
    assert not empty.live and empty.problem == "The mother server sent an empty list."
    assert empty.installations == known_installations(live=False).installations
    assert bundled_contacts("usosapps.uw.edu.pl") == () and bundled_contacts("https://unknown.example/") == ()
