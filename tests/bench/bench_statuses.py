"""One poll cycle over 10,000 enqueued messages: requests used (target <= 20, i.e. 500 IDs
per POST) and wall time vs the same number of bare signed check_messages_status posts."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import requests
from requests_oauthlib import OAuth1

from tests.bench.harness import Result
from tests.helpers.campaigns import new_campaign
from tests.helpers.tables import demo_rows
from usosmail_gui.core.campaign import SendMode
from usosmail_gui.core.journal import Journal
from usosmail_gui.core.sending import send_campaign
from usosmail_gui.core.statuses import DEFAULT_MAX_IDS, poll_once
from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.client import MailingClient
from usosmail_gui.sandbox import Sandbox, SandboxConfig

MESSAGES = 10_000
ROUNDS = 3


def run(report: Callable[[Result], None]) -> None:

    with (
        tempfile.TemporaryDirectory() as tmp,
        Sandbox(
            SandboxConfig(maildir=Path(tmp) / "mail", delay=3600.0)  # all stay waiting: every cycle asks all
        ) as sb,
        Journal.open(Path(tmp) / "journal.sqlite3") as journal,
    ):
        client = MailingClient(sb.url, sb.admin_key, sb.admin_secret)
        campaign = new_campaign(
            journal, sb.url, sb.admin_key, demo_rows(MESSAGES), mode=SendMode.TEMPLATE, batch_size=1000
        )
        assert send_campaign(journal, client, campaign).counts.enqueued == MESSAGES
        ids = [mid for mid, _, _, _ in journal.messages_to_poll(campaign)]
        chunks = [ids[i : i + DEFAULT_MAX_IDS] for i in range(0, len(ids), DEFAULT_MAX_IDS)]

        before = sb.requests_served[wire.CHECK_MESSAGES_STATUS]
        result = poll_once(journal, client, campaign)
        used = sb.requests_served[wire.CHECK_MESSAGES_STATUS] - before
        assert result.checked == MESSAGES and not result.all_finished
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
        auth = OAuth1(sb.admin_key, client_secret=sb.admin_secret)
        url = sb.url + wire.CHECK_MESSAGES_STATUS

        def bare() -> None:
            for chunk in chunks:
                response = session.post(
                    url, data={"message_ids": "|".join(chunk), "format": "json"}, auth=auth, timeout=60
                )
                response.raise_for_status()
                response.json()

        def cycle() -> None:
            poll_once(journal, client, campaign)

        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(ROUNDS):
            for fn, samples in ((cycle, ours), (bare, theirs)):
                start = time.perf_counter()
                fn()
                samples.append(time.perf_counter() - start)
        report(
            Result(
                "poll cycle over 10,000 messages: wall time (incl. journal writes)",
                statistics.median(ours),
                "s",
                f"{len(chunks)} bare signed check_messages_status posts",
                statistics.median(theirs),
                "none, for scale",
            )
        )
        client.close()
        session.close()
