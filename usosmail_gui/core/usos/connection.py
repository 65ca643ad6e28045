""" "Test connection": the one check shared by ``usosmail ping`` and the Connection dialog.

First ``system_status`` (is this a USOS API at all, how long is the queue), then one
signed administrative call (``check_messages_status`` of a made-up ID) that tells a wrong
secret (401) from a key that is not administrative (403). Nothing is sent to anyone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from .errors import (
    BadParameter,
    CredentialsRejected,
    InsecureUrl,
    NotAdministrative,
    NotFound,
    ProtocolError,
    ServerError,
    Unreachable,
    UsosError,
)

PROBE_MESSAGE_ID = "0"  # an ID no installation hands out: the answer maps it to null


class Verdict(StrEnum):
    OK = "ok"
    CREDENTIALS_REJECTED = "credentials_rejected"
    NOT_ADMINISTRATIVE = "not_administrative"
    UNREACHABLE = "unreachable"
    INSECURE_URL = "insecure_url"
    SERVER_TROUBLE = "server_trouble"
    NOT_USOS = "not_usos"


EXIT_CODES = {
    Verdict.OK: 0,
    Verdict.CREDENTIALS_REJECTED: 2,
    Verdict.NOT_ADMINISTRATIVE: 3,
    Verdict.UNREACHABLE: 4,
    Verdict.INSECURE_URL: 4,
    Verdict.SERVER_TROUBLE: 4,
    Verdict.NOT_USOS: 4,
}


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    base_url: str
    verdict: Verdict
    unsent_count: int | None = None
    detail: str = ""  # the error's own words, never containing the secret

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.OK

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]

    def explanation(self) -> str:
        """What happened and what to do, in plain (English) words; the GUI translates by verdict."""
        return {
            Verdict.OK: (
                "Connected. The key is an Administrative Consumer Key and may send mail."
                + (
                    f" The USOS API mail queue holds {self.unsent_count} unsent message(s)."
                    if self.unsent_count is not None
                    else ""
                )
            ),
            Verdict.CREDENTIALS_REJECTED: (
                "The USOS API rejected the consumer key or secret. Check that both were "
                "copied exactly (no spaces), that they belong to this installation, and "
                "that this computer's clock is right."
            ),
            Verdict.NOT_ADMINISTRATIVE: (
                "The key is valid but it is not an Administrative Consumer Key, which the "
                "mailing module requires. Ask your university's USOS API administrators "
                "for an administrative key."
            ),
            Verdict.UNREACHABLE: (
                f"Could not reach {self.base_url}. Check the address and your network "
                "connection, then try again."
            ),
            Verdict.INSECURE_URL: (
                "The address uses plain http. Use the installation's https:// address; "
                "plain http is allowed only for a test server on this computer."
            ),
            Verdict.SERVER_TROUBLE: (
                "The server answered with an error. It may be busy or under maintenance: "
                "try again in a few minutes."
            ),
            Verdict.NOT_USOS: (
                f"{self.base_url} answered, but not like a USOS API. Check the address: "
                "it is the installation's API address, e.g. https://usosapps.example.edu.pl/."
            ),
        }[self.verdict]


def check_connection(
    base_url: str,
    consumer_key: str,
    consumer_secret: str,
    *,
    client_factory: Callable[..., object] | None = None,
) -> ConnectionReport:
    """Run the check and turn every outcome into a verdict; never raises a UsosError."""
    from .addresses import check_url_security
    from .client import MailingClient

    try:
        url = check_url_security(base_url)
    except InsecureUrl as exc:
        return ConnectionReport(base_url, Verdict.INSECURE_URL, detail=str(exc))
    factory = client_factory or MailingClient
    unsent: int | None = None
    try:
        client = factory(url, consumer_key, consumer_secret)
        assert isinstance(client, MailingClient)
        with client:
            unsent = client.system_status().unsent_count
            try:
                client.check_messages_status([PROBE_MESSAGE_ID])
            except (BadParameter, NotFound):
                pass  # the key got past signature and admin checks: that is all we asked
    except CredentialsRejected as exc:
        return ConnectionReport(url, Verdict.CREDENTIALS_REJECTED, detail=str(exc))
    except NotAdministrative as exc:
        return ConnectionReport(url, Verdict.NOT_ADMINISTRATIVE, unsent, detail=str(exc))
    except Unreachable as exc:
        return ConnectionReport(url, Verdict.UNREACHABLE, detail=str(exc))
    except InsecureUrl as exc:
        return ConnectionReport(url, Verdict.INSECURE_URL, detail=str(exc))
    except ServerError as exc:
        return ConnectionReport(url, Verdict.SERVER_TROUBLE, detail=str(exc))
    except (ProtocolError, BadParameter, NotFound) as exc:
        return ConnectionReport(url, Verdict.NOT_USOS, detail=str(exc))
    except UsosError as exc:
        return ConnectionReport(url, Verdict.SERVER_TROUBLE, detail=str(exc))
    return ConnectionReport(url, Verdict.OK, unsent)
