""" "Test connection": the one check shared by ``usosmail ping`` and the Connection dialog.

1. ``system_status`` (is this a USOS API at all; the queue and whether USOS's mail daemon
   runs, D2);
2. one signed administrative call, ``check_messages_status`` of a made-up ID, which tells a
   wrong secret from a key that is not administrative (``method_forbidden``, whatever its
   HTTP status, D4);
3. the self-check against the installation's own method reference (``selfcheck``).

"ok" needs positive evidence: an answer that shows the call went past the signature and
the administrative check (the made-up ID answered ``null``, or refused as unknown). An
answer the app cannot interpret is the verdict "answer not understood", with the answer
shortened, never "ok". All of it fits in ``INTERACTIVE_BUDGET_S`` seconds: a silent server
is given up on and said so. Nothing is sent to anyone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from . import wire
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
from .models import LangText
from .selfcheck import Compatibility

if TYPE_CHECKING:
    from .client import MailingClient

PROBE_MESSAGE_ID = "0"  # an ID no installation hands out: the answer maps it to null
ANSWER_SHOWN = 300  # characters of an answer not understood that are shown


class Verdict(StrEnum):
    OK = "ok"
    CREDENTIALS_REJECTED = "credentials_rejected"
    NOT_ADMINISTRATIVE = "not_administrative"
    UNREACHABLE = "unreachable"
    INSECURE_URL = "insecure_url"
    SERVER_TROUBLE = "server_trouble"
    NOT_USOS = "not_usos"
    NOT_UNDERSTOOD = "not_understood"


EXIT_CODES = {
    Verdict.OK: 0,
    Verdict.CREDENTIALS_REJECTED: 2,
    Verdict.NOT_ADMINISTRATIVE: 3,
    Verdict.UNREACHABLE: 4,
    Verdict.INSECURE_URL: 4,
    Verdict.SERVER_TROUBLE: 4,
    Verdict.NOT_USOS: 4,
    Verdict.NOT_UNDERSTOOD: 5,
}


class ConnectionWarning(StrEnum):
    """Something the user must know even when the connection works."""

    DAEMON_STOPPED = "daemon_stopped"


WARNING_TEXTS = {
    ConnectionWarning.DAEMON_STOPPED: (
        "USOS reports that its mail daemon is not running: messages are accepted into the "
        "queue but nothing leaves it until the installation's administrators start it again."
    ),
}


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    base_url: str
    verdict: Verdict
    unsent_count: int | None = None  # recipients waiting in the whole queue (D2's pending)
    detail: str = ""  # the error's own words, never containing the secret
    mine: int | None = None  # of them, this key's
    daemon_running: bool | None = None
    user_message: LangText | None = None  # USOS's own words for the user (user_messages)
    answer: str = ""  # an answer not understood, shortened
    contacts: tuple[str, ...] = ()  # the installation's USOS API administrators (D3)
    compatibility: Compatibility | None = None
    extra: Mapping[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.OK

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]

    @property
    def warnings(self) -> tuple[ConnectionWarning, ...]:
        return (ConnectionWarning.DAEMON_STOPPED,) if self.daemon_running is False else ()

    def warning_texts(self) -> list[str]:
        return [WARNING_TEXTS[w] for w in self.warnings]

    def queue_json(self) -> dict[str, object]:
        return {"pending": self.unsent_count, "mine": self.mine, "daemon_running": self.daemon_running}

    def user_text(self, lang: str = "en") -> str:
        return self.user_message.get(lang) if self.user_message else ""

    def explanation(self, lang: str = "en") -> str:
        """What happened and what to do, in plain (English) words, with USOS's own user
        message (in ``lang``) when it sent one; the GUI translates by verdict instead."""
        text = {
            Verdict.OK: (
                "Connected. The key is an Administrative Consumer Key and may send mail."
                + (
                    f" The USOS API mail queue holds {self.unsent_count} unsent message(s)."
                    if self.unsent_count is not None
                    else " The server did not say how many messages wait in its queue."
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
                + (f"({', '.join(self.contacts)}) " if self.contacts else "")
                + "for an administrative key."
            ),
            Verdict.UNREACHABLE: (
                f"Could not reach {self.base_url}. Check the address and your network "
                "connection, then try again."
            ),
            Verdict.INSECURE_URL: (
                "The address was refused before anything was sent: it uses plain http, or it "
                "could be read as pointing to another server. Use the installation's plain "
                "https:// address; plain http is allowed only for a test server on this computer."
            ),
            Verdict.SERVER_TROUBLE: (
                "The server answered with an error. It may be busy or under maintenance: "
                "try again in a few minutes."
            ),
            Verdict.NOT_USOS: (
                f"{self.base_url} answered, but not like a USOS API. Check the address: "
                "it is the installation's API address, e.g. https://usosapps.example.edu.pl/."
            ),
            Verdict.NOT_UNDERSTOOD: (
                f"{self.base_url} answered in a way this app does not understand, so it cannot "
                "say whether the key may send mail. Nothing was sent. Ask your USOS API "
                "administrators, or report it with `usosmail diagnostics`."
            ),
        }[self.verdict]
        said = self.user_text(lang)
        return f"{text} USOS says: {said}" if said else text


def shorten(answer: object) -> str:
    """An answer as compact JSON (or text), cut to ``ANSWER_SHOWN`` characters."""
    try:
        text = json.dumps(answer, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        text = repr(answer)
    return text if len(text) <= ANSWER_SHOWN else text[:ANSWER_SHOWN] + "…"


def _probe_understood(answer: object) -> bool:
    """``check_messages_status`` of the made-up ID, answered 200: the expected shape is a
    dictionary keyed by message ID (``{"0": null}``), or nothing at all for it."""
    return isinstance(answer, Mapping) and (not answer or PROBE_MESSAGE_ID in answer)


def _from_error(url: str, exc: UsosError, **kw: Any) -> ConnectionReport:
    words = {"detail": str(exc), "user_message": exc.user_message, **kw}
    if isinstance(exc, CredentialsRejected):
        return ConnectionReport(url, Verdict.CREDENTIALS_REJECTED, **words)
    if isinstance(exc, NotAdministrative):
        return ConnectionReport(url, Verdict.NOT_ADMINISTRATIVE, **words)
    if isinstance(exc, Unreachable):
        return ConnectionReport(url, Verdict.UNREACHABLE, **words)
    if isinstance(exc, InsecureUrl):
        return ConnectionReport(url, Verdict.INSECURE_URL, **words)
    if isinstance(exc, ServerError):
        return ConnectionReport(url, Verdict.SERVER_TROUBLE, **words)
    if isinstance(exc, ProtocolError):
        return ConnectionReport(url, Verdict.NOT_USOS, **words)
    return ConnectionReport(url, Verdict.NOT_UNDERSTOOD, **words)


def check_connection(
    base_url: str,
    consumer_key: str,
    consumer_secret: str,
    *,
    client_factory: Callable[..., object] | None = None,
    compatibility: bool = True,
    contacts: tuple[str, ...] = (),
    budget: float | None = None,
) -> ConnectionReport:
    """Run the check and turn every outcome into a verdict; never raises a UsosError.

    ``contacts``: the installation's administrators, named when the key is not
    administrative; ``compatibility``: also run the self-check (the pre-send check does
    not); ``budget``: seconds for all of it (default ``INTERACTIVE_BUDGET_S``)."""
    from .addresses import check_url_security
    from .client import (
        INTERACTIVE_BUDGET_S,
        INTERACTIVE_RETRY,
        INTERACTIVE_TIMEOUTS,
        Deadline,
        MailingClient,
    )
    from .selfcheck import default_cache, self_check

    try:
        url = check_url_security(base_url)
    except InsecureUrl as exc:
        return ConnectionReport(base_url, Verdict.INSECURE_URL, detail=str(exc))
    deadline = Deadline(INTERACTIVE_BUDGET_S if budget is None else budget)
    answers: dict[str, object] = {}
    factory = client_factory or MailingClient
    try:
        client = factory(
            url,
            consumer_key,
            consumer_secret,
            timeouts=INTERACTIVE_TIMEOUTS,
            retry=INTERACTIVE_RETRY,
            deadline=deadline,
            on_answer=answers.__setitem__,
        )
    except InsecureUrl as exc:
        return ConnectionReport(url, Verdict.INSECURE_URL, detail=str(exc))
    assert isinstance(client, MailingClient)
    with client:
        report = _verdict(url, client, answers, contacts)
        if compatibility and report.verdict not in (
            Verdict.UNREACHABLE, Verdict.INSECURE_URL, Verdict.NOT_USOS
        ):
            checked = self_check(url, client.method_reference, cache=default_cache())
            report = replace(report, compatibility=checked)
    return report


def _verdict(
    url: str, client: MailingClient, answers: Mapping[str, object], contacts: tuple[str, ...]
) -> ConnectionReport:
    """Steps 1 and 2: the queue, then the administrative probe."""
    try:
        queue = client.system_status()
    except NotFound as exc:
        if exc.code is None:  # a bare 404: no mailing module at this address
            return ConnectionReport(url, Verdict.NOT_USOS, detail=str(exc))
        return _from_error(url, exc, contacts=contacts)
    except UsosError as exc:
        return _from_error(url, exc, contacts=contacts)
    known: dict[str, Any] = {
        "unsent_count": queue.pending,
        "mine": queue.mine,
        "daemon_running": queue.daemon_running,
        "extra": dict(queue.extra),
    }
    try:
        client.check_messages_status([PROBE_MESSAGE_ID])
    except NotFound:
        return ConnectionReport(url, Verdict.OK, **known)  # the method ran: the key is administrative
    except BadParameter as exc:
        if exc.param_name == wire.P_MESSAGE_IDS:  # it validated its own parameter: same evidence
            return ConnectionReport(url, Verdict.OK, **known)
        return _from_error(url, exc, contacts=contacts, **known)
    except ProtocolError as exc:
        raw = answers.get(wire.CHECK_MESSAGES_STATUS)
        shown = shorten(raw) if wire.CHECK_MESSAGES_STATUS in answers else ""
        return ConnectionReport(url, Verdict.NOT_UNDERSTOOD, detail=str(exc), answer=shown, **known)
    except UsosError as exc:
        return _from_error(url, exc, contacts=contacts, **known)
    probe = answers.get(wire.CHECK_MESSAGES_STATUS)
    if _probe_understood(probe):
        return ConnectionReport(url, Verdict.OK, **known)
    return ConnectionReport(
        url,
        Verdict.NOT_UNDERSTOOD,
        detail="check_messages_status answered with something other than statuses keyed by message ID.",
        answer=shorten(probe),
        **known,
    )
