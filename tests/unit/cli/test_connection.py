"""``usosmail ping`` and ``usosmail installations`` as a user runs them: real processes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

USOSMAIL = str(Path(sys.executable).with_name("usosmail"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([USOSMAIL, *args], capture_output=True, text=True, env=full_env, timeout=60)


def creds(key: str, secret: str) -> dict[str, str]:
    return {"USOSMAIL_CONSUMER_KEY": key, "USOSMAIL_CONSUMER_SECRET": secret}


def test_ping_ok(sandbox: Any) -> None:
    result = run("ping", "--installation", sandbox.url, env=creds(sandbox.admin_key, sandbox.admin_secret))
    assert result.returncode == 0, result.stderr
    assert "Connected" in result.stdout
    assert "0 unsent" in result.stdout


def test_ping_json(sandbox: Any) -> None:
    result = run(
        "ping", "--installation", sandbox.url, "--json", env=creds(sandbox.admin_key, sandbox.admin_secret)
    )
    data = json.loads(result.stdout)
    assert result.returncode == 0
    assert data["verdict"] == "ok" and data["unsent_count"] == 0


def test_ping_wrong_secret_exits_2_without_printing_it(sandbox: Any) -> None:
    wrong = "Wrong-Secret-Value-12345"
    result = run("ping", "--installation", sandbox.url, env=creds(sandbox.admin_key, wrong))
    assert result.returncode == 2
    assert "rejected" in result.stderr
    assert wrong not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_ping_non_administrative_key_exits_3(sandbox: Any) -> None:
    result = run("ping", "--installation", sandbox.url, env=creds(sandbox.user_key, sandbox.user_secret))
    assert result.returncode == 3
    assert "not an Administrative Consumer Key" in result.stderr


def test_ping_unreachable_exits_4() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = run("ping", "--installation", f"http://127.0.0.1:{port}/", env=creds("k", "s"))
    assert result.returncode == 4
    assert "Could not reach" in result.stderr


def test_ping_plain_http_exits_4() -> None:
    result = run("ping", "--installation", "http://usosapps.example.edu.pl/", env=creds("k", "s"))
    assert result.returncode == 4
    assert "https" in result.stderr


def test_ping_without_credentials_says_where_to_put_them(sandbox: Any) -> None:
    result = run("ping", "--installation", sandbox.url)
    assert result.returncode == 2
    assert "USOSMAIL_CONSUMER_KEY" in result.stderr


def test_installations_live_from_the_mother_server(sandbox: Any) -> None:
    result = run("installations", "--json", env={"USOSMAIL_MOTHER_URL": sandbox.url})
    assert result.returncode == 0, result.stderr
    urls = [i["base_url"] for i in json.loads(result.stdout)]
    assert sandbox.url in urls
    assert result.stderr == ""


def test_installations_fall_back_to_the_bundled_list() -> None:
    result = run("installations")  # the fixture points the mother server at a closed port
    assert result.returncode == 0
    assert "https://usosapps.uw.edu.pl/" in result.stdout
    assert "bundled" in result.stderr


@pytest.mark.parametrize("command", [[], ["ping"], ["installations"]])
def test_help_is_available(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "usage: usosmail" in result.stdout


# --- issue 12: the documented answers ------------------------------------------------------
def test_ping_json_has_queue_warnings_and_compatibility(make_sandbox: Any) -> None:
    sb = make_sandbox(daemon_stopped=True, status_detail="sparse")
    result = run("ping", "--installation", sb.url, "--json", env=creds(sb.admin_key, sb.admin_secret))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["unsent_count"] == 0 == data["queue"]["pending"]
    assert data["queue"] == {"pending": 0, "mine": 0, "daemon_running": False}
    assert len(data["warnings"]) == 1 and "mail daemon" in data["warnings"][0]
    assert data["compatibility"]["checked"] is True
    assert [d["method"] for d in data["compatibility"]["differences"]] == ["check_messages_status"]
    plain = run("ping", "--installation", sb.url, env=creds(sb.admin_key, sb.admin_secret))
    assert plain.returncode == 0
    assert "Warning: USOS reports that its mail daemon is not running" in plain.stdout
    assert "check_messages_status: " in plain.stdout


@pytest.mark.parametrize("status", ["400", "401", "403"])
def test_ping_not_administrative_under_every_status_names_usos_words(make_sandbox: Any, status: str) -> None:
    sb = make_sandbox(forbidden_status=int(status))
    result = run("ping", "--installation", sb.url, "--lang", "pl", env=creds(sb.user_key, sb.user_secret))
    assert result.returncode == 3, result.stdout + result.stderr
    assert "USOS says: Ta aplikacja nie ma uprawnień administracyjnych" in result.stderr


def test_ping_answer_not_understood_exits_5() -> None:
    from tests.helpers.standin import answering
    from usosmail_gui.core.usos import wire

    routes = {
        wire.SYSTEM_STATUS: (200, {"total_pending_message_count": 1}),
        wire.CHECK_MESSAGES_STATUS: (200, ["what", "is", "this"]),
    }
    with answering(routes) as (url, _):
        result = run("ping", "--installation", url, "--json", env=creds("k", "s"))
    assert result.returncode == 5
    data = json.loads(result.stdout)
    assert data["verdict"] == "not_understood" and data["ok"] is False
    assert data["answer"] == '["what","is","this"]'


@pytest.mark.parametrize("address", ["http://x@127.0.0.1:8/", "http://usos.example.edu.pl\\@127.0.0.1:8/"])
def test_ping_refuses_an_address_with_user_info_or_backslash(address: str) -> None:
    result = run("ping", "--installation", address, env=creds("k", "s"))
    assert result.returncode == 4
    assert "Traceback" not in result.stderr and "refused" in result.stderr


def test_verbose_logs_never_show_a_signature_base_string_or_a_body(sandbox: Any, tmp_path: Path) -> None:
    secret_word = "Zażółć-treść-listu"
    sheet = tmp_path / "lista.csv"
    sheet.write_text("Imię;E-mail\nAnna;anna.nowak@student.example.edu.pl\n", encoding="utf-8")
    result = run(
        "-v", "send", "--recipients", str(sheet), "--subject", "Temat",
        "--content", f"{secret_word} {{Imię}}", "--installation", sandbox.url, "--yes",
        env=creds(sandbox.admin_key, sandbox.admin_secret),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    log = result.stderr
    assert "services/mailing/send_simple_messages" in log and "HTTP 200" in log  # method, status
    for leak in ("oauth_signature", "Base signature string", "signature base", secret_word,
                 "anna.nowak", sandbox.admin_secret):  # fmt: skip
        assert leak not in log, leak


def test_installations_json_lists_contacts(sandbox: Any) -> None:
    result = run("installations", "--json", "--mother-url", sandbox.url)
    data = json.loads(result.stdout)
    assert result.returncode == 0
    assert all(entry["base_url"].startswith(("https://", "http://127.0.0.1")) for entry in data)
    assert any(entry["contact_emails"] for entry in data)


def test_diagnostics_masks_addresses_and_ids_and_holds_no_secret(make_sandbox: Any, tmp_path: Path) -> None:
    from tests.helpers.campaigns import rows_failing, sent_campaign
    from usosmail_gui.core.journal import Journal

    sb = make_sandbox(status_detail="sparse")
    with Journal.open() as journal:
        campaign = sent_campaign(journal, sb, rows_failing(3))
    assert sb.wait_delivered(10)
    env = creds(sb.admin_key, sb.admin_secret)
    assert run("status", campaign, env=env).returncode == 0
    output = tmp_path / "diagnostics.json"
    result = run("diagnostics", "--installation", sb.url, "--output", str(output))
    assert result.returncode == 0, result.stderr
    text = output.read_text("utf-8")
    data = json.loads(text)
    assert data["app"]["version"] and data["installation"] == sb.url
    assert set(data["method_references"]) == set(wire_methods())
    assert [d["method"] for d in data["compatibility_differences"]] == ["check_messages_status"]
    assert data["recent_campaigns"][0]["campaign"] == campaign
    answers = [e for e in data["recent_status_answers"] if e["campaign"] == campaign]
    assert answers and all(key.startswith("id-") for key in answers[0]["answer"])
    assert "@student.example.edu.pl" not in text and "s***@s***.pl" in text
    for secret in (sb.admin_key, sb.admin_secret):
        assert secret not in text + result.stdout + result.stderr


def wire_methods() -> tuple[str, ...]:
    from usosmail_gui.core.usos import wire

    return wire.MAILING_METHODS
