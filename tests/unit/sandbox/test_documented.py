"""The sandbox answers with the documented shapes of section D and imitates each unknown
with a switch: over real HTTP, as any client would see it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
import requests

from tests.unit.sandbox.test_sandbox import call, read_maildir, simple
from usosmail_gui.core.usos import wire
from usosmail_gui.sandbox import Sandbox, SandboxConfig


@pytest.fixture
def http() -> Any:
    with requests.Session() as session:
        yield session


def test_system_status_answers_the_documented_fields_with_a_selector(
    make_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    sb = make_sandbox(delay=3600)
    call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple(recipients="a@example.com|b@example.com"))
    signed = call(sb, http, wire.SYSTEM_STATUS, wire.system_status_params()).json()
    assert signed == {"total_pending_message_count": 2, "my_pending_message_count": 2, "daemon_running": True}
    unsigned = call(sb, http, wire.SYSTEM_STATUS, {"fields": "total_pending_message_count"}, signed=False)
    assert unsigned.json() == {"total_pending_message_count": 2}
    other = call(
        sb, http, wire.SYSTEM_STATUS, wire.system_status_params(), key=sb.user_key, secret=sb.user_secret
    )
    assert other.json()["my_pending_message_count"] == 0  # another consumer's queue is not "mine"


def test_a_field_the_installation_lacks_is_field_not_found(
    make_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    sb = make_sandbox(system_status_fields=frozenset({wire.K_TOTAL_PENDING}))
    answer = call(sb, http, wire.SYSTEM_STATUS, wire.system_status_params())
    assert answer.status_code == 400
    body = answer.json()
    assert body["error"] == "field_not_found" and body["method_name"] == wire.SYSTEM_STATUS
    assert body["field_name"] == wire.K_MY_PENDING
    assert call(sb, http, wire.SYSTEM_STATUS).json() == {wire.K_TOTAL_PENDING: 0}


def test_a_stopped_daemon_delivers_nothing_until_started(
    make_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    sb = make_sandbox(daemon_stopped=True)
    call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple())
    assert call(sb, http, wire.SYSTEM_STATUS).json()[wire.K_DAEMON_RUNNING] is False
    assert not sb.wait_delivered(0.3) and read_maildir(sb.maildir) == []
    sb.start_daemon()
    assert sb.wait_delivered(10) and len(read_maildir(sb.maildir)) == 1


@pytest.mark.parametrize("status", [400, 401, 403])
def test_method_forbidden_comes_with_the_chosen_status_a_reason_and_user_messages(
    make_sandbox: Callable[..., Sandbox], http: requests.Session, status: int
) -> None:
    sb = make_sandbox(forbidden_status=status)
    answer = call(
        sb, http, wire.CHECK_MESSAGES_STATUS, {"message_ids": "1"}, key=sb.user_key, secret=sb.user_secret
    )
    body = answer.json()
    assert answer.status_code == status
    assert body["error"] == "method_forbidden" and body["reason"]
    assert body["user_messages"]["generic_message"]["pl"] and body["user_messages"]["generic_message"]["en"]


def test_sparse_statuses_give_only_finished_while_the_singular_gives_detail(
    make_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    sb = make_sandbox(status_detail="sparse")
    message_id = call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple()).json()[wire.K_MESSAGE_ID]
    assert sb.wait_delivered(10)
    plural = call(sb, http, wire.CHECK_MESSAGES_STATUS, {"message_ids": message_id}).json()
    assert plural == {message_id: {"finished": True}}
    single = call(sb, http, wire.CHECK_MESSAGE_STATUS, {"message_id": message_id}).json()
    assert single["recipients"][0]["status"] == "sent"


def test_strict_ids_refuse_the_whole_request_over_one_unknown_id(
    make_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    sb = make_sandbox(strict_ids=True)
    message_id = call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple()).json()[wire.K_MESSAGE_ID]
    refused = call(sb, http, wire.CHECK_MESSAGES_STATUS, {"message_ids": f"{message_id}|424242"})
    assert refused.status_code == 400 and refused.json()["error"] == "object_not_found"
    alone = call(sb, http, wire.CHECK_MESSAGES_STATUS, {"message_ids": message_id})
    assert alone.status_code == 200 and message_id in alone.json()


def test_apiref_describes_the_six_methods_as_the_sandbox_behaves(
    make_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    full = make_sandbox()
    sparse = make_sandbox(status_detail="sparse")
    for sb in (full, sparse):
        for method in wire.MAILING_METHODS:
            answer = http.get(sb.url + wire.APIREF_METHOD, params=wire.apiref_params(method), timeout=10)
            assert answer.status_code == 200
            body = answer.json()
            assert set(body) == set(wire.APIREF_FIELDS)
            assert body["auth_options"]["administrative_only"] is (method != wire.SYSTEM_STATUS)
            names = {a["name"] for a in body["arguments"]}
            assert set(wire.SENT_ARGUMENTS[method]) <= names

    def returns(sb: Sandbox) -> str:
        params = wire.apiref_params(wire.CHECK_MESSAGES_STATUS)
        return str(http.get(sb.url + wire.APIREF_METHOD, params=params, timeout=10).json()["returns"])

    assert "recipients" in returns(full) and "recipients" not in returns(sparse)
    unknown = http.get(full.url + wire.APIREF_METHOD, params={"name": "services/mailing/nope"}, timeout=10)
    assert unknown.status_code == 400 and unknown.json()["param_name"] == "name"


def test_installations_come_with_http_base_urls_and_contacts(
    make_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    sb = make_sandbox()
    listed = http.get(sb.url + wire.INSTALLATIONS, timeout=10).json()
    assert all(entry["base_url"].startswith("http://") for entry in listed)
    assert all(isinstance(entry["contact_emails"], list) for entry in listed)
    assert listed[0]["contact_emails"] == ["usosapi@sandbox.example.edu.pl"]


def test_only_documented_error_codes_are_ever_sent(
    make_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    sb = make_sandbox(error_rate=0.0)
    answers = [
        call(sb, http, wire.SEND_SIMPLE_MESSAGE, simple(recipients="nie-adres")),
        call(sb, http, wire.SEND_SIMPLE_MESSAGE, {}),
        call(sb, http, wire.CHECK_MESSAGE_STATUS, {"message_id": "999"}),
        call(sb, http, wire.CHECK_MESSAGES_STATUS, {"message_ids": "1"}, secret="wrong-secret"),
        call(
            sb, http, wire.CHECK_MESSAGES_STATUS, {"message_ids": "1"}, key=sb.user_key, secret=sb.user_secret
        ),
        http.post(sb.url + "services/mailing/nope", timeout=10),
        http.delete(sb.url + wire.SYSTEM_STATUS, timeout=10),
    ]
    for answer in answers:
        body = answer.json()
        assert answer.status_code >= 400 and body["message"]
        assert body.get("error") is None or body["error"] in wire.DOCUMENTED_ERRORS, body


def test_template_mode_mail_comes_from_the_usos_notifier(
    make_sandbox: Callable[..., Sandbox], http: requests.Session
) -> None:
    sb = make_sandbox()
    recipients = json.dumps([{"email": "ola@example.com", "params": {"imie": "Ola"}}])
    call(
        sb,
        http,
        wire.SEND_SIMPLE_BY_TEMPLATE,
        {
            "subject_template": "Dla {imie}",
            "content_template": "Dzień dobry, {imie}.",
            "recipients": recipients,
            "from_name": "Dziekanat",
            "from_email": "dziekanat@example.edu.pl",
        },
    )
    assert sb.wait_delivered(10)
    [mail] = read_maildir(sb.maildir)
    assert "USOS Notifier" in mail["From"] and "dziekanat@example.edu.pl" not in mail["From"]


def test_switches_are_checked_when_built() -> None:
    with pytest.raises(ValueError, match="status_detail"):
        SandboxConfig(status_detail="some")
    with pytest.raises(ValueError, match="forbidden_status"):
        SandboxConfig(forbidden_status=418)


def test_command_line_switches(tmp_path: Any) -> None:
    import subprocess
    import sys

    command = [
        sys.executable, "-m", "usosmail_gui.sandbox", "--status-detail", "sparse",
        "--forbidden-status", "400", "--strict-ids", "--daemon-stopped", "--maildir", str(tmp_path / "mail"),
    ]  # fmt: skip
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            ready = json.loads(process.stdout.readline())
            status = requests.get(ready["url"] + wire.SYSTEM_STATUS, timeout=10).json()
            assert status[wire.K_DAEMON_RUNNING] is False
            params = wire.apiref_params(wire.CHECK_MESSAGES_STATUS)
            returns = requests.get(ready["url"] + wire.APIREF_METHOD, params=params, timeout=10).json()[
                "returns"
            ]
            assert "recipients" not in returns
        finally:
            process.terminate()
            process.wait(10)
