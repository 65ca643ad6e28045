"""``usosmail send`` and ``resume`` (``cli.sending``) as a user runs them: real processes, a
real sandbox over loopback (in this process, so the test sees every request it serves) and
the journal in the test's own data dir; ``usosmail campaigns`` shows what they did."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.cli import usosmail
from tests.helpers.maildir import per_address
from usosmail_gui.core.journal import Journal, RecipientState
from usosmail_gui.core.usos import wire
from usosmail_gui.sandbox import Sandbox

USOSMAIL = str(Path(sys.executable).with_name("usosmail"))
SEND_PATHS = (wire.SEND_SIMPLE_MESSAGE, wire.SEND_SIMPLE_MESSAGES, wire.SEND_SIMPLE_BY_TEMPLATE)
MESSAGE = ("--subject", "Decyzja dla {Imię}", "--content", "Dzień dobry {Imię} {Nazwisko}.")


def env_for(sb: Sandbox, key: str | None = None, secret: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["USOSMAIL_CONSUMER_KEY"] = key or sb.admin_key
    env["USOSMAIL_CONSUMER_SECRET"] = secret or sb.admin_secret
    return env


run = usosmail


def students(tmp_path: Path, count: int, *, bad: tuple[int, ...] = (), refused: tuple[int, ...] = ()) -> Path:
    lines = ["Imię;Nazwisko;PESEL;E-mail"]
    for i in range(count):
        address = f"student{i}@student.example.edu.pl"
        if i in bad:
            address = "zly adres"
        if i in refused:
            address = f"żółw{i}@student.example.edu.pl"  # the app accepts it, USOS refuses it
        lines.append(f"Imię{i};Nazwisko{i};9901010000{i};{address}")
    path = tmp_path / f"lista{count}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def send_args(sb: Sandbox, path: Path, *extra: str) -> list[str]:
    return ["send", "--recipients", str(path), *MESSAGE, "--installation", sb.url, *extra]


def sends_served(sb: Sandbox) -> int:
    served = sb.requests_served
    return sum(served[p] for p in SEND_PATHS)


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Poll ``condition`` until it holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    tick = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition did not hold in time")
        tick.wait(0.002)


def campaigns() -> list[dict[str, object]]:
    result = run("campaigns", "--json")
    assert result.returncode == 0, result.stderr
    listed: list[dict[str, object]] = json.loads(result.stdout)
    return listed


def test_without_a_terminal_and_without_yes_nothing_is_sent(sandbox: Sandbox, tmp_path: Path) -> None:
    result = run(*send_args(sandbox, students(tmp_path, 3, bad=(1,))), env=env_for(sandbox))
    assert result.returncode == 1
    assert "no terminal to ask for confirmation" in result.stderr and "--yes" in result.stderr
    # what would have been sent was shown first
    assert "2 messages to 2 addresses" in result.stderr and "not a valid address: 1 row (3)" in result.stderr
    assert "Subject:      Decyzja dla Imię0" in result.stderr
    assert sends_served(sandbox) == 0 and sum(sandbox.requests_served.values()) == 0
    assert campaigns() == []
    assert "no terminal" in run("send", "--help").stdout


def test_confirmation_on_a_terminal(sandbox: Sandbox, tmp_path: Path) -> None:
    import pty

    path = students(tmp_path, 2)
    for answer, code in ((b"n\n", 1), (b"y\n", 0)):
        leader, follower = pty.openpty()
        proc = subprocess.Popen(
            [USOSMAIL, *send_args(sandbox, path, "--json")],
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env_for(sandbox),
        )
        os.close(follower)
        os.write(leader, answer)
        out, err = proc.communicate(timeout=60)
        os.close(leader)
        assert proc.returncode == code, err
        assert b"Send 2 messages now? [y/N]" in err
    assert sends_served(sandbox) == 1
    assert json.loads(out) == {
        "campaign": campaigns()[0]["campaign"],
        "enqueued": 2,
        "rejected": 0,
        "uncertain": 0,
        "not_sent": 0,
    }


def test_send_json_and_exit_codes(sandbox: Sandbox, tmp_path: Path) -> None:
    good = run(
        *send_args(sandbox, students(tmp_path, 7), "--yes", "--json", "--batch-size", "3"),
        env=env_for(sandbox),
    )
    assert good.returncode == 0, good.stderr
    data = json.loads(good.stdout)
    assert data == {"campaign": data["campaign"], "enqueued": 7, "rejected": 0, "uncertain": 0, "not_sent": 0}
    assert good.stderr.count("  batch ") == 3  # a progress line per request

    refused = run(*send_args(sandbox, students(tmp_path, 4, refused=(2,)), "--yes"), env=env_for(sandbox))
    assert refused.returncode == 1
    assert "3 enqueued · 1 rejected · 0 uncertain · 0 not sent" in refused.stdout
    assert "row 4 (żółw2@student.example.edu.pl): The server refused parameter 'recipients'" in refused.stdout

    listed = campaigns()
    assert [c["campaign"] for c in listed][1] == data["campaign"]  # newest first
    assert listed[0]["created_at"] >= listed[1]["created_at"]  # type: ignore[operator]
    assert set(listed[0]) == {
        "campaign", "created_at", "installation", "mode", "is_test", "state", "subject",
        "recipients", "enqueued", "rejected", "uncertain", "not_sent", "interrupted", "excluded",
        "purged_at", "kept_until", "closed_at",
    }  # fmt: skip
    assert (listed[0]["recipients"], listed[0]["rejected"], listed[0]["state"]) == (4, 1, "done")
    human = run("campaigns")
    assert human.stdout.index(str(listed[0]["campaign"])) < human.stdout.index(data["campaign"])


def test_credentials_problems_exit_like_ping_and_create_nothing(sandbox: Sandbox, tmp_path: Path) -> None:
    path = students(tmp_path, 2)
    wrong = run(*send_args(sandbox, path, "--yes"), env=env_for(sandbox, secret="Wrong-Secret-Value-12345"))
    assert wrong.returncode == 2 and "rejected the consumer key" in wrong.stderr
    assert "Wrong-Secret-Value-12345" not in wrong.stdout + wrong.stderr
    not_admin = run(
        *send_args(sandbox, path, "--yes"), env=env_for(sandbox, sandbox.user_key, sandbox.user_secret)
    )
    assert not_admin.returncode == 3 and "not an Administrative Consumer Key" in not_admin.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/"
    unreachable = run(
        "send", "--recipients", str(path), *MESSAGE, "--installation", closed, "--yes", env=env_for(sandbox)
    )
    assert unreachable.returncode == 4 and "Could not reach" in unreachable.stderr
    no_credentials = run(*send_args(sandbox, path, "--yes"))
    assert no_credentials.returncode == 2 and "USOSMAIL_CONSUMER_KEY" in no_credentials.stderr
    assert sends_served(sandbox) == 0 and campaigns() == []


def test_resume_of_a_finished_campaign_has_nothing_to_send(sandbox: Sandbox, tmp_path: Path) -> None:
    sent = run(*send_args(sandbox, students(tmp_path, 3), "--yes", "--json"), env=env_for(sandbox))
    campaign = json.loads(sent.stdout)["campaign"]
    again = run("resume", campaign, "--yes", env=env_for(sandbox))
    assert again.returncode == 0, again.stderr
    assert "Nothing to send" in again.stdout and "3 enqueued" in again.stdout
    assert sends_served(sandbox) == 1
    unknown = run("resume", "2020-01-01-0000-0000", "--yes")
    assert unknown.returncode == 1 and "usosmail campaigns" in unknown.stderr


def test_sigkill_mid_campaign_then_resume_never_doubles_or_loses(
    make_sandbox: Callable[..., Sandbox], tmp_path: Path
) -> None:
    """(b) killed with SIGKILL after the sandbox received the 1st, 3rd and 5th send request
    (each time while that request was being processed), resumed each time."""
    sb = make_sandbox(latency_ms=60)
    path = students(tmp_path, 40)
    command = send_args(sb, path, "--yes", "--batch-size", "4")
    campaign = ""
    for kill_after in (1, 3, 5):
        proc = subprocess.Popen(
            [USOSMAIL, *command],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env_for(sb),
        )
        wait_for(lambda n=kill_after: sends_served(sb) >= n)  # type: ignore[misc]
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        if not campaign:
            with Journal.open() as journal:
                campaign = journal.campaigns()[0].campaign.id
        command = ["resume", campaign, "--yes"]
    final = run("resume", campaign, "--yes", "--json", env=env_for(sb))
    assert final.returncode == 1, final.stderr  # some are uncertain
    data = json.loads(final.stdout)
    assert data["enqueued"] + data["uncertain"] == 40 and data["not_sent"] == data["rejected"] == 0
    assert data["uncertain"] >= 4  # at least the first killed request's batch

    assert sb.wait_delivered(20)
    counts = per_address(sb.maildir)
    assert max(counts.values()) == 1  # nobody got it twice
    with Journal.open() as journal:
        recipients = journal.recipients(campaign)
        assert {r.state for r in recipients} <= {RecipientState.ENQUEUED, RecipientState.UNCERTAIN}
        enqueued = [r for r in recipients if r.state == RecipientState.ENQUEUED]
        uncertain = [r for r in recipients if r.state == RecipientState.UNCERTAIN]
        assert len(enqueued) <= sum(counts.values()) <= len(enqueued) + len(uncertain)
        assert all(counts[r.addresses[0]] == 1 for r in enqueued)
        assert all(r.attempts == 1 for r in uncertain)  # uncertain ones were not sent again
        assert len(journal.batches(campaign)) == sends_served(sb)
    assert "uncertain" in final.stderr and "--resend-uncertain" in final.stderr


def test_resend_uncertain_lists_the_addresses_and_sends_only_the_chosen_rows(
    make_sandbox: Callable[..., Sandbox], tmp_path: Path
) -> None:
    from usosmail_gui.core.campaign import key_fingerprint
    from usosmail_gui.core.drafts import build_campaign
    from usosmail_gui.core.recipients import load
    from usosmail_gui.core.sending import send_campaign
    from usosmail_gui.core.template import MessageTemplate
    from usosmail_gui.core.usos.client import MailingClient

    sb = make_sandbox(drop_rate=1.0)  # every request processed, then its connection dropped
    template = MessageTemplate(subject=MESSAGE[1], content=MESSAGE[3])
    fingerprint = key_fingerprint(sb.admin_key)
    table = load(students(tmp_path, 4))
    draft = build_campaign(table, template, installation=sb.url, key_fingerprint=fingerprint, batch_size=2)
    with Journal.open() as journal, MailingClient(sb.url, sb.admin_key, sb.admin_secret) as client:
        campaign = journal.create_campaign(draft).id
        result = send_campaign(journal, client, campaign)
    assert (result.counts.uncertain, result.counts.enqueued) == (4, 0)
    sb.faults.drop_rate = 0.0
    plain = run("resume", campaign, "--yes", env=env_for(sb))
    assert plain.returncode == 1 and "Nothing to send" in plain.stdout
    assert "row 2: student0@student.example.edu.pl" in plain.stdout
    refused = run("resume", campaign, "--resend-uncertain", "3", env=env_for(sb))
    assert refused.returncode == 1 and "no terminal" in refused.stderr
    assert "MAY HAVE ARRIVED" in refused.stderr and "row 3: student1@student.example.edu.pl" in refused.stderr
    chosen = run("resume", campaign, "--yes", "--json", "--resend-uncertain", "3", env=env_for(sb))
    assert chosen.returncode == 1, chosen.stderr
    assert json.loads(chosen.stdout) == {
        "campaign": campaign, "enqueued": 1, "rejected": 0, "uncertain": 3, "not_sent": 0,
    }  # fmt: skip
    assert sb.wait_delivered(10)
    counts = per_address(sb.maildir)
    assert counts["student1@student.example.edu.pl"] == 2  # chosen by the user
    assert [counts[f"student{i}@student.example.edu.pl"] for i in (0, 2, 3)] == [1, 1, 1]
    wrong_row = run("resume", campaign, "--yes", "--resend-uncertain", "99", env=env_for(sb))
    assert wrong_row.returncode == 1 and "not uncertain" in wrong_row.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_ctrl_c_stops_after_the_current_request_and_resume_sends_the_rest(
    make_sandbox: Callable[..., Sandbox], tmp_path: Path
) -> None:
    sb = make_sandbox(latency_ms=60)
    proc = subprocess.Popen(
        [USOSMAIL, *send_args(sb, students(tmp_path, 30), "--yes", "--json", "--batch-size", "3")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env_for(sb),
        text=True,
    )
    wait_for(lambda: sends_served(sb) >= 2)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "stopping after the request under way" in err and "Traceback" not in err
    data = json.loads(out)
    assert data["uncertain"] == 0 and data["enqueued"] >= 6 and data["not_sent"] == 30 - data["enqueued"]
    rest = run("resume", data["campaign"], "--yes", "--json", env=env_for(sb))
    assert rest.returncode == 0, rest.stderr
    assert json.loads(rest.stdout)["enqueued"] == 30
    assert sb.wait_delivered(10)
    assert sorted(per_address(sb.maildir).values()) == [1] * 30
