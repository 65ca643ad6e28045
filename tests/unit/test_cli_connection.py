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
