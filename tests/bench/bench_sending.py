"""Sending 10,000 recipients to the sandbox (no faults, delay 0) in messages mode, batch 100:
requests used vs ceil(10000/100), and the send loop's wall time (journal commits with fsync
included) vs the same number of bare signed requests.post calls with the same bodies."""

from __future__ import annotations

import json
import math
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import requests
from requests_oauthlib import OAuth1

from tests.bench.harness import Result
from tests.helpers.tables import demo_rows, make_table
from usosmail_gui.core.campaign import (
    CampaignDraft,
    SendMode,
    key_fingerprint,
    simple_message_of,
)
from usosmail_gui.core.drafts import build_campaign
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.sending import send_campaign
from usosmail_gui.core.template import MessageTemplate
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.client import MailingClient
from usosmail_gui.sandbox import Sandbox, SandboxConfig

RECIPIENTS = 10_000
BATCH = 100
ROUNDS = 3
SEND_PATHS = (wire.SEND_SIMPLE_MESSAGE, wire.SEND_SIMPLE_MESSAGES, wire.SEND_SIMPLE_BY_TEMPLATE)
TEMPLATE = MessageTemplate(
    subject="Decyzja w sprawie stypendium: {Imię} {Nazwisko}",
    content=(
        "Szanowna Pani / Szanowny Panie {Imię} {Nazwisko},\n\n"
        "uprzejmie informujemy, że wniosek studenta nr albumu {Nr albumu} (kierunek {Kierunek}, "
        "rok {Rok}) został rozpatrzony pozytywnie. Decyzja jest dostępna w USOSweb.\n\n"
        "Z poważaniem\nDziekanat"
    ),
    from_name="Dziekanat",
)


def _sends(sb: Sandbox) -> int:
    served = sb.requests_served
    return sum(served[p] for p in SEND_PATHS)


def _bodies(draft: CampaignDraft) -> list[dict[str, str]]:
    """The exact form parameters of every request the send loop makes for ``draft``."""
    by_seq = {m.seq: m for m in draft.messages}
    bodies = []
    for batch in draft.batches():
        messages = [by_seq[s] for s in batch.seqs]
        params = wire.simple_messages_params(
            [
                simple_message_of(draft.template, m.subject or "", m.content or "", m.addresses)
                for m in messages
            ]
        )
        params[wire.P_FORMAT] = "json"
        bodies.append(params)
    return bodies


class _Server:
    """The sandbox in its own process (as a real USOS API would be) or in this one."""

    def __init__(self, tmp: Path, in_process: bool) -> None:
        self.sandbox: Sandbox | None = None
        self.process: subprocess.Popen[str] | None = None
        if in_process:
            self.sandbox = Sandbox(SandboxConfig(maildir=tmp / "mail")).start()
            self.url, self.key, self.secret = (
                self.sandbox.url,
                self.sandbox.admin_key,
                self.sandbox.admin_secret,
            )
            return
        self.process = subprocess.Popen(
            [sys.executable, "-m", "usosmail_gui.sandbox", "--maildir", str(tmp / "mail")],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        ready = json.loads(self.process.stdout.readline())
        self.url, self.key, self.secret = ready["url"], ready["admin_key"], ready["admin_secret"]

    def wait_delivered(self) -> None:
        if self.sandbox is not None:
            self.sandbox.wait_delivered(600)
            return
        with MailingClient(self.url, self.key, self.secret) as client:
            idle = threading.Event()
            while client.system_status().unsent_count:
                idle.wait(0.05)

    def stop(self) -> None:
        if self.sandbox is not None:
            self.sandbox.stop()
        if self.process is not None:
            self.process.send_signal(signal.SIGINT)
            self.process.communicate(timeout=30)


def _measure(
    tmp: Path, in_process: bool, rounds: int
) -> tuple[list[int], list[float], list[float], list[float], int]:
    """(requests per round, send loop s, bare s, build+store s, bare request count)."""
    server = _Server(tmp, in_process)
    try:
        table = make_table(demo_rows(RECIPIENTS))
        started = time.perf_counter()
        draft = build_campaign(
            table,
            TEMPLATE,
            installation=server.url,
            key_fingerprint=key_fingerprint(server.key),
            mode=SendMode.MESSAGES,
            batch_size=BATCH,
        )
        built = time.perf_counter() - started
        bodies = _bodies(draft)
        url = server.url + wire.SEND_SIMPLE_MESSAGES
        auth = OAuth1(server.key, client_secret=server.secret)
        session = requests.Session()

        def bare() -> float:
            start = time.perf_counter()
            for params in bodies:
                response = session.post(url, data=params, auth=auth, timeout=120)
                response.raise_for_status()
                response.json()
            return time.perf_counter() - start

        requests_used: list[int] = []
        loop_times: list[float] = []
        bare_times: list[float] = []
        prepared: list[float] = []
        with Journal.open(tmp / f"journal-{in_process}.sqlite3") as journal:
            for _ in range(rounds):
                start = time.perf_counter()
                campaign = journal.create_campaign(draft).id
                prepared.append(built + time.perf_counter() - start)
                with MailingClient(server.url, server.key, server.secret) as client:
                    start = time.perf_counter()
                    result = send_campaign(journal, client, campaign)
                    loop_times.append(time.perf_counter() - start)
                    requests_used.append(client.requests_made)
                assert result.counts.enqueued == RECIPIENTS, result
                server.wait_delivered()
                bare_times.append(bare())
                server.wait_delivered()
        session.close()
        return requests_used, loop_times, bare_times, prepared, len(bodies)
    finally:
        server.stop()


def run(report: Callable[[Result], None]) -> None:
    baseline = math.ceil(RECIPIENTS / BATCH)
    with tempfile.TemporaryDirectory() as tmp:
        used, loop, bare, prepared, count = _measure(Path(tmp), in_process=False, rounds=ROUNDS)
        report(
            Result(
                f"requests for {RECIPIENTS:,} recipients (batch {BATCH})",
                max(used),
                "requests",
                f"ceil({RECIPIENTS}/{BATCH})",
                baseline,
                f"<= {baseline + math.ceil(baseline / 100)} (+1%)",
            )
        )
        report(
            Result(
                f"send loop, {RECIPIENTS:,} recipients, sandbox in its own process (median of {ROUNDS})",
                statistics.median(loop),
                "s",
                f"{count} bare signed requests.post",
                statistics.median(bare),
                "<= 1.3x",
            )
        )
        report(
            Result(
                "building the campaign (check, render, sizes) + storing it in the journal",
                statistics.median(prepared),
                "s",
                f"{count} bare signed requests.post",
                statistics.median(bare),
                "none (once, before the first request)",
            )
        )
        _, loop, bare, _, count = _measure(Path(tmp) / "in-process", in_process=True, rounds=1)
        report(
            Result(
                "send loop wall time, sandbox in this process (its delivery thread competes for the GIL)",
                loop[0],
                "s",
                f"{count} bare signed requests.post",
                bare[0],
                "informational",
            )
        )
