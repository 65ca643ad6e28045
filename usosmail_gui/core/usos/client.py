"""The USOS API client for one installation: OAuth 1.0a consumer-only signing, the six
mailing methods, and the mapping of every failure to one typed error.

Why sends never retry: USOS API has no idempotency key, so a send whose answer was lost
may already be enqueued. Such a request raises ``OutcomeUncertain`` and the caller (the
journal) records it for the user to decide. Requests that only read are retried with
backoff, each attempt signed anew (a fresh nonce; a replayed one is rejected).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import requests
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

from . import wire
from .addresses import check_url_security
from .errors import (
    BadParameter,
    CredentialsRejected,
    NotAdministrative,
    NotFound,
    OutcomeUncertain,
    ProtocolError,
    ServerError,
    Unreachable,
    UsosError,
)
from .models import (
    Enqueued,
    EnqueuedBatch,
    Installation,
    MessageStatus,
    SimpleMessage,
    SystemStatus,
    TemplateMessage,
    TemplateRecipient,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

USER_AGENT = "usosmail-gui"


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds to connect and to wait for an answer (a big batch takes the server a while)."""

    connect: float = 10.0
    read: float = 120.0


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How read-only requests are retried; sends ignore it."""

    attempts: int = 4
    initial_wait: float = 0.5
    max_wait: float = 8.0


class _Secret:
    """Holds the consumer secret so that no repr, log or traceback can show it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "<secret>"

    __str__ = __repr__


def _retrying(policy: RetryPolicy, sleep: Callable[[float], None]) -> Retrying:
    """Backoff with jitter for requests that only read; each attempt is signed anew."""
    return Retrying(
        stop=stop_after_attempt(max(1, policy.attempts)),
        wait=wait_exponential_jitter(
            multiplier=policy.initial_wait, max=policy.max_wait, jitter=policy.initial_wait
        ),
        retry=retry_if_exception_type((Unreachable, ServerError)),
        sleep=sleep,
        reraise=True,
    )


def _describe_connection_failure(exc: requests.RequestException) -> str:
    """A short cause for a network failure, without the request's contents."""
    text = str(exc.__class__.__name__)
    reason: Any = exc.args[0] if exc.args else None
    inner = getattr(reason, "reason", None)
    if inner is not None:
        text = inner.__class__.__name__
    return {
        "NameResolutionError": "the server name could not be resolved",
        "NewConnectionError": "the connection was refused or the server is down",
        "ConnectTimeout": "the connection timed out",
        "ConnectTimeoutError": "the connection timed out",
        "SSLError": "the secure (TLS) connection could not be established",
        "ReadTimeout": "the server did not answer in time",
        "ProxyError": "the proxy refused the connection",
    }.get(text, "the connection was lost")


def _nothing_was_sent(exc: requests.RequestException) -> bool:
    """True when the failure happened before the request could reach the server."""
    if isinstance(
        exc,
        (
            requests.exceptions.ConnectTimeout,
            requests.exceptions.SSLError,
            requests.exceptions.ProxyError,
            requests.exceptions.InvalidURL,
        ),
    ):
        return True
    reason: Any = exc.args[0] if exc.args else None
    inner = getattr(reason, "reason", reason)
    import urllib3.exceptions as u3

    return isinstance(inner, (u3.NewConnectionError, u3.ConnectTimeoutError))


class MailingClient:
    """The six ``services/mailing`` methods of one USOS API installation.

    The consumer secret is kept in a wrapper that never prints; the object's repr shows
    only the URL and the key.
    """

    def __init__(
        self,
        base_url: str,
        consumer_key: str,
        consumer_secret: str,
        *,
        timeouts: Timeouts = Timeouts(),
        retry: RetryPolicy = RetryPolicy(),
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        from requests_oauthlib import OAuth1  # lazy: keeps app start-up light

        self.base_url = check_url_security(base_url)
        self.consumer_key = consumer_key
        self._secret = _Secret(consumer_secret)
        self._auth = OAuth1(consumer_key, client_secret=consumer_secret, signature_method="HMAC-SHA1")
        self.timeouts = timeouts
        self.retry = retry
        self._sleep = sleep
        self._session = session or requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT
        self.requests_made = 0

    def __repr__(self) -> str:
        return f"MailingClient(base_url={self.base_url!r}, consumer_key={self.consumer_key!r})"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> MailingClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the six methods -----------------------------------------------------------
    def send_simple_message(self, message: SimpleMessage) -> Enqueued:
        data = self._send(wire.SEND_SIMPLE_MESSAGE, wire.simple_message_params(message))
        return self._parse_sent(wire.parse_enqueued, data)

    def send_simple_messages(self, messages: Sequence[SimpleMessage]) -> EnqueuedBatch:
        data = self._send(wire.SEND_SIMPLE_MESSAGES, wire.simple_messages_params(messages))
        return self._parse_sent(lambda d: wire.parse_enqueued_batch(d, len(messages)), data)

    def send_simple_by_template(
        self, template: TemplateMessage, recipients: Sequence[TemplateRecipient]
    ) -> EnqueuedBatch:
        params = wire.by_template_params(template, recipients)
        data = self._send(wire.SEND_SIMPLE_BY_TEMPLATE, params)
        return self._parse_sent(lambda d: wire.parse_enqueued_batch(d, len(recipients)), data)

    def check_message_status(self, message_id: str) -> MessageStatus:
        data = self._read(wire.CHECK_MESSAGE_STATUS, {wire.P_MESSAGE_ID: message_id})
        return wire.parse_message_status(data)

    def check_messages_status(self, message_ids: Sequence[str]) -> dict[str, MessageStatus | None]:
        """Statuses by ID; ``None`` for an ID the server does not know (or no longer)."""
        if not message_ids:
            return {}
        joined = wire.RECIPIENT_SEPARATOR.join(message_ids)
        data = self._read(wire.CHECK_MESSAGES_STATUS, {wire.P_MESSAGE_IDS: joined})
        return wire.parse_messages_status(data)

    def system_status(self) -> SystemStatus:
        return wire.parse_system_status(self._read(wire.SYSTEM_STATUS, {}))

    # --- transport -----------------------------------------------------------------
    def _parse_sent(self, parse: Callable[[object], T], data: object) -> T:
        try:
            return parse(data)
        except ProtocolError as exc:
            # The server took the request and answered 200: it may well have enqueued.
            raise OutcomeUncertain(
                f"The server accepted the request but its answer could not be read ({exc}). "
                "The messages may have been enqueued.",
                http_status=200,
            ) from None

    def _send(self, path: str, params: Mapping[str, str]) -> object:
        return self._call(path, params, sending=True)

    def _read(self, path: str, params: Mapping[str, str]) -> object:
        return _retrying(self.retry, self._sleep)(self._call, path, params, sending=False)

    def _call(self, path: str, params: Mapping[str, str], *, sending: bool) -> object:
        url = self.base_url + path
        data = dict(params)
        data[wire.P_FORMAT] = "json"
        self.requests_made += 1
        try:
            response = self._session.post(
                url,
                data=data,  # a dict: requests form-encodes it and OAuth1 signs its params
                auth=self._auth,
                timeout=(self.timeouts.connect, self.timeouts.read),
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            cause = _describe_connection_failure(exc)
            if sending and not _nothing_was_sent(exc):
                raise OutcomeUncertain(
                    f"The request to {path.rsplit('/', 1)[-1]} was sent but {cause}; "
                    "the messages may or may not have been enqueued.",
                    method=path,
                ) from None
            raise Unreachable(f"Could not reach {self.base_url}: {cause}.", method=path) from None
        return self._interpret(path, response, sending=sending)

    def _interpret(self, path: str, response: requests.Response, *, sending: bool) -> object:
        status = response.status_code
        try:
            body: object = response.json()
        except ValueError:
            body = None
        if 200 <= status < 300:
            if body is None and not response.content.strip().startswith(b"null"):
                if sending:
                    raise OutcomeUncertain(
                        "The server answered the send request, but not with JSON; "
                        "the messages may have been enqueued.",
                        http_status=status,
                        method=path,
                    )
                raise ProtocolError(
                    f"{self.base_url} answered, but not like a USOS API (no JSON). "
                    "Check the installation's address.",
                    http_status=status,
                    method=path,
                )
            return body
        message, code, param_name = wire.parse_error_body(body)
        said = f" The server said: {message}" if message else ""
        kw: dict[str, Any] = {"http_status": status, "code": code, "method": path}
        if status == 400:
            named = f" '{param_name}'" if param_name else ""
            raise BadParameter(f"The server refused parameter{named}.{said}", param_name=param_name, **kw)
        if status == 401:
            raise CredentialsRejected(
                "The USOS API rejected the consumer key or secret (or the request's signature)." + said,
                **kw,
            )
        if status == 403:
            raise NotAdministrative(
                "This consumer key is valid but not an Administrative Consumer Key, "
                "which the mailing module requires." + said,
                **kw,
            )
        if status == 404:
            raise NotFound("The server does not know this object (or it has expired)." + said, **kw)
        if status >= 500:
            if sending:
                raise OutcomeUncertain(
                    f"The server failed while handling the send request (HTTP {status}); "
                    "the messages may or may not have been enqueued." + said,
                    **kw,
                )
            raise ServerError(f"The server had trouble (HTTP {status})." + said, **kw)
        if 300 <= status < 400:
            raise ProtocolError(
                f"The server redirected the request (HTTP {status}). Check the installation's "
                "address (it should be the API's own https:// address).",
                **kw,
            )
        raise UsosError(f"Unexpected answer HTTP {status}." + said, **kw)


def fetch_installations(
    mother_url: str,
    *,
    timeouts: Timeouts = Timeouts(connect=5.0, read=20.0),
    retry: RetryPolicy = RetryPolicy(attempts=2),
    session: requests.Session | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Installation]:
    """The mother server's live list (``services/apisrv/installations``, unsigned)."""
    base = check_url_security(mother_url)
    own_session = session is None
    sess = session or requests.Session()
    sess.headers["User-Agent"] = USER_AGENT

    def once() -> object:
        try:
            response = sess.get(
                base + wire.INSTALLATIONS,
                params={wire.P_FORMAT: "json"},
                timeout=(timeouts.connect, timeouts.read),
            )
        except requests.RequestException as exc:
            raise Unreachable(f"Could not reach {base}: {_describe_connection_failure(exc)}.") from None
        if response.status_code >= 500:
            raise ServerError(
                f"{base} had trouble (HTTP {response.status_code}).", http_status=response.status_code
            )
        if response.status_code != 200:
            raise ProtocolError(
                f"{base} answered HTTP {response.status_code}.", http_status=response.status_code
            )
        try:
            return response.json()
        except ValueError:
            raise ProtocolError(f"{base} did not answer with JSON.") from None

    try:
        return wire.parse_installations(_retrying(retry, sleep)(once))
    finally:
        if own_session:
            sess.close()
