"""Poll cycles over 10,000 enqueued messages, against a sandbox in a process of its own (as
USOS is: the server's work does not share this process's interpreter lock).

- Full detail, nothing changed: requests used (target <= 20, i.e. 500 IDs per POST) and
  wall time vs the same number of bare signed check_messages_status posts (target <= 1.5x:
  a cycle in which nothing changed writes nothing to the journal).
- ``--status-detail sparse`` (the plural method gives only ``finished``): every finished
  message is asked about once with check_message_status. Reported: the requests until
  every status is known, the cycles they are spread over (DEFAULT_MAX_DETAIL a cycle,
  DEFAULT_IN_FLIGHT at a time), and the wall time against the same number of bare signed
  posts made one after another.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import requests
from requests_oauthlib import OAuth1

from tests.bench.harness import Result
from tests.helpers.campaigns import new_campaign
from tests.helpers.tables import demo_rows
from usosmail_gui.core.campaign import SendMode
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.polling import DEFAULT_IN_FLIGHT, DEFAULT_MAX_DETAIL, DEFAULT_MAX_IDS, poll_once
from usosmail_gui.core.sending import send_campaign
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.client import MailingClient

MESSAGES = 10_000
ROUNDS = 7


@contextmanager
def external_sandbox(tmp: Path, *switches: str) -> Iterator[dict[str, str]]:
    """``python -m usosmail_gui.sandbox`` in its own process; its ready line."""
    command = [sys.executable, "-m", "usosmail_gui.sandbox", "--maildir", str(tmp / "mail"), *switches]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as process:
        try:
            assert process.stdout is not None
            yield json.loads(process.stdout.readline())
        finally:
            process.terminate()
            process.wait(30)


def _sent(journal: Journal, ready: dict[str, str]) -> tuple[MailingClient, str]:
    client = MailingClient(ready["url"], ready["admin_key"], ready["admin_secret"])
    campaign = new_campaign(
        journal,
        ready["url"],
        ready["admin_key"],
        demo_rows(MESSAGES),
        mode=SendMode.TEMPLATE,
        batch_size=1000,
    )
    assert send_campaign(journal, client, campaign).counts.enqueued == MESSAGES
    return client, campaign


def run(report: Callable[[Result], None]) -> None:
    _full(report)
    _sparse(report)


def _full(report: Callable[[Result], None]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # a long delay: all stay waiting, so every cycle asks about all and changes nothing
        with (
            external_sandbox(folder, "--delay", "3600") as ready,
            Journal.open(folder / "j.sqlite3") as journal,
        ):
            client, campaign = _sent(journal, ready)
            ids = [mid for mid, _, _, _ in journal.messages_to_poll(campaign)]
            chunks = [ids[i : i + DEFAULT_MAX_IDS] for i in range(0, len(ids), DEFAULT_MAX_IDS)]
            before = client.requests_made
            result = poll_once(journal, client, campaign)
            used = client.requests_made - before
            assert result.checked == MESSAGES and not result.all_finished and used == result.requests
            report(
                Result(
                    "poll cycle over 10,000 messages: requests",
                    used,
                    "requests",
                    f"ceil(10000/{DEFAULT_MAX_IDS})",
                    len(chunks),
                    "<= 20",
                )
            )

            session = requests.Session()
            auth = OAuth1(ready["admin_key"], client_secret=ready["admin_secret"])
            url = ready["url"] + wire.CHECK_MESSAGES_STATUS

            def bare() -> None:
                for chunk in chunks:
                    data = {"message_ids": "|".join(chunk), "format": "json"}
                    response = session.post(url, data=data, auth=auth, timeout=60)
                    response.raise_for_status()
                    response.json()

            def cycle() -> None:
                changed = poll_once(journal, client, campaign).changed
                assert changed == 0

            ours: list[float] = []
            theirs: list[float] = []
            for _ in range(ROUNDS):
                for fn, samples in ((cycle, ours), (bare, theirs)):
                    start = time.perf_counter()
                    fn()
                    samples.append(time.perf_counter() - start)
            report(
                Result(
                    "poll cycle over 10,000 messages, nothing changed: wall time (journal included)",
                    statistics.median(ours),
                    "s",
                    f"{len(chunks)} bare signed check_messages_status posts",
                    statistics.median(theirs),
                    "<= 1.5x",
                )
            )
            client.close()
            session.close()


def _sparse(report: Callable[[Result], None]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        switches = ("--status-detail", "sparse", "--fail-domain", "")
        with external_sandbox(folder, *switches) as ready, Journal.open(folder / "j.sqlite3") as journal:
            client, campaign = _sent(journal, ready)
            ids = [mid for mid, _, _, _ in journal.messages_to_poll(campaign)]
            cycles = plural = singular = 0
            started = time.perf_counter()
            while True:
                cycles += 1
                result = poll_once(journal, client, campaign)
                plural += result.requests - result.detail_requests - result.split_requests
                singular += result.detail_requests
                if result.all_finished:
                    break
                assert cycles < 1000, result
            ours = time.perf_counter() - started
            used = plural + singular
            report(
                Result(
                    "sparse detail, 10,000 finished messages: requests until every status is known",
                    used,
                    "requests",
                    f"one check_message_status per message + ceil(10000/{DEFAULT_MAX_IDS})",
                    MESSAGES + -(-MESSAGES // DEFAULT_MAX_IDS),
                    f"each message asked once ({plural} plural + {singular} singular; {cycles} cycles "
                    f"of <= {DEFAULT_MAX_DETAIL}, {DEFAULT_IN_FLIGHT} in flight)",
                )
            )
            session = requests.Session()
            auth = OAuth1(ready["admin_key"], client_secret=ready["admin_secret"])
            single = ready["url"] + wire.CHECK_MESSAGE_STATUS
            bulk = ready["url"] + wire.CHECK_MESSAGES_STATUS
            started = time.perf_counter()
            for i in range(0, len(ids), DEFAULT_MAX_IDS):
                data = {"message_ids": "|".join(ids[i : i + DEFAULT_MAX_IDS]), "format": "json"}
                session.post(bulk, data=data, auth=auth, timeout=60).json()
            for message_id in ids:
                session.post(
                    single, data={"message_id": message_id, "format": "json"}, auth=auth, timeout=60
                ).json()
            theirs = time.perf_counter() - started
            report(
                Result(
                    "sparse detail, 10,000 finished messages: wall time until every status is known",
                    ours,
                    "s",
                    f"{used} bare signed posts, one after another",
                    theirs,
                    "none, for scale",
                )
            )
            client.close()
            session.close()
