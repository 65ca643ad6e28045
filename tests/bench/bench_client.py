"""Client overhead: a MailingClient call vs a bare signed requests.post to the same endpoint."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import requests
from requests_oauthlib import OAuth1

from tests.bench.harness import Result, interleaved_medians
from usosmail_gui.core.usos.client import MailingClient
from usosmail_gui.sandbox import Sandbox, SandboxConfig


def run(report: Callable[[Result], None]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Sandbox(SandboxConfig(maildir=Path(tmp) / "mail")) as sb:
        client = MailingClient(sb.url, sb.admin_key, sb.admin_secret)
        message_id = "1"
        bare_session = requests.Session()
        auth = OAuth1(sb.admin_key, client_secret=sb.admin_secret)
        url = sb.url + "services/mailing/check_messages_status"

        def bare() -> object:
            response = bare_session.post(
                url, data={"message_ids": message_id, "format": "json"}, auth=auth, timeout=10
            )
            response.raise_for_status()
            return response.json()

        def with_client() -> object:
            return client.check_messages_status([message_id])

        subject, baseline = interleaved_medians(with_client, bare, calls=2000)
        report(
            Result(
                "client.check_messages_status per call",
                subject * 1000,
                "ms",
                "bare signed requests.post",
                baseline * 1000,
                "<= 1.3x",
            )
        )
        client.close()
        bare_session.close()
