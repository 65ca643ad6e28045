"""The USOS API client for one installation: OAuth 1.0a consumer-only signing, the six
mailing methods, the method reference (apiref), and the mapping of every failure to one
typed error.

Why sends never retry: USOS API has no idempotency key, so a send whose answer was lost
may already be enqueued. Such a request raises ``OutcomeUncertain`` and the caller (the
journal) records it for the user to decide. Requests that only read are retried with
backoff, each attempt signed anew (a fresh nonce; a replayed one is rejected).

Errors are classified by USOS's documented ``error`` code first and by the HTTP status
only when there is no code (D4): ``method_forbidden`` comes as 400, 401 or 403 alike.

What ``-v`` may log: method names, body sizes, timings and HTTP statuses. Never a
signature, a signature base string, a message body or a recipient list: oauthlib's and
requests-oauthlib's loggers (which log the base string at DEBUG) are held at WARNING.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import requests
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)
from tenacity.stop import stop_base

from . import wire
from .addresses import check_url_security, host_of
from .errors import (
    BadParameter,
    CredentialsRejected,
    FieldProblem,
    InsecureUrl,
    NotAdministrative,
    NotFound,
    OutcomeUncertain,
    ProtocolError,
    ServerError,
    Unreachable,
    UnrecognisedError,
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

# oauthlib logs the signature base string (enough to test guesses of the secret offline)
# and requests-oauthlib the signed request at DEBUG: never let ``-v`` show them.
QUIET_LOGGERS = ("oauthlib", "requests_oauthlib")


def hold_signing_loggers_at_warning() -> None:
    for name in QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.WARNING or logger.level < logging.WARNING:
            logger.setLevel(logging.WARNING)


hold_signing_loggers_at_warning()

T = TypeVar("T")

USER_AGENT = "usosmail-gui"
INTERACTIVE_BUDGET_S = 30.0  # ping, Test connection, the pre-send check: all of it


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds to connect and to wait for an answer (a big batch takes the server a while)."""

    connect: float = 10.0
    read: float = 120.0


INTERACTIVE_TIMEOUTS = Timeouts(connect=5.0, read=10.0)
"""A check a person waits for: a silent server is given up on quickly."""


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


INTERACTIVE_RETRY = RetryPolicy(attempts=2, initial_wait=0.5, max_wait=2.0)


class Deadline:
    """A budget of seconds shared by every request of one interactive check.

    ``remaining()`` bounds each request's timeouts; once it is spent, no request (and
    no retry) starts, and the check says it gave up and after how long.
    """

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._end = clock() + seconds

    def remaining(self) -> float:
        return self._end - self._clock()

    @property
    def spent(self) -> bool:
        return self.remaining() <= 0

    def gave_up(self, base_url: str) -> Unreachable:
        return Unreachable(
            f"{base_url} did not answer within {self.seconds:.0f} seconds, so the check gave up. "
            "The server may be overloaded or a firewall may hold the connection: try again later."
        )


class _DeadlineStop(stop_base):
    """Stop retrying once too little of the deadline is left for another attempt."""

    def __init__(self, deadline: Deadline, margin: float) -> None:
        self._deadline = deadline
        self._margin = margin

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self._deadline.remaining() <= self._margin


def _retrying(
    policy: RetryPolicy, sleep: Callable[[float], None], deadline: Deadline | None = None
) -> Retrying:
    """Backoff with jitter for requests that only read; each attempt is signed anew.
    With a deadline, no retry starts once its budget is spent."""
    stop: stop_base = stop_after_attempt(max(1, policy.attempts))
    if deadline is not None:
        stop = stop | _DeadlineStop(deadline, policy.initial_wait)
    return Retrying(
        stop=stop,
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
        lang: str = "en",
        deadline: Deadline | None = None,
        on_answer: Callable[[str, object], None] | None = None,
    ) -> None:
        """``lang``: the language in which USOS's LangDict texts (a recipient's error) are
        read; ``deadline``: a budget shared by every request (interactive checks);
        ``on_answer(method, body)``: called with the raw JSON of every answer to a request
        that only reads (kept, masked, for ``usosmail diagnostics``)."""
        from requests_oauthlib import OAuth1  # lazy: keeps app start-up light

        self.base_url = check_url_security(base_url)
        self._host = host_of(self.base_url)
        self.consumer_key = consumer_key
        self._secret = _Secret(consumer_secret)
        self._auth: OAuth1 | None = OAuth1(
            consumer_key, client_secret=consumer_secret, signature_method="HMAC-SHA1"
        )
        self.timeouts = timeouts
        self.retry = retry
        self.lang = lang
        self.deadline = deadline
        self._on_answer = on_answer
        self._sleep = sleep
        self._session = session or requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT
        self._count_lock = threading.Lock()
        self.requests_made = 0

    @classmethod
    def unsigned(cls, base_url: str, **kw: Any) -> MailingClient:
        """A client without credentials: only public methods work (apiref, an unsigned
        system_status), e.g. for ``usosmail diagnostics`` when no key is at hand."""
        client = cls(base_url, "", "", **kw)
        client._auth = None
        return client

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
        """The "detailed status" of one message (D5); ``NotFound`` if unknown or expired."""
        data = self._read(wire.CHECK_MESSAGE_STATUS, {wire.P_MESSAGE_ID: message_id})
        return wire.parse_message_status(data, self.lang)

    def check_messages_status(self, message_ids: Sequence[str]) -> dict[str, MessageStatus | None]:
        """Statuses by ID; ``None`` for an ID the server does not know (or no longer).

        A strict installation may instead refuse the whole call over one unknown ID
        (``NotFound`` or ``BadParameter`` naming ``message_ids``); the poller splits then."""
        if not message_ids:
            return {}
        joined = wire.RECIPIENT_SEPARATOR.join(message_ids)
        data = self._read(wire.CHECK_MESSAGES_STATUS, {wire.P_MESSAGE_IDS: joined})
        return wire.parse_messages_status(data, self.lang)

    def system_status(self) -> SystemStatus:
        """D2: asked with ``fields``; asked again without them if the installation lacks one."""
        try:
            data = self._read(wire.SYSTEM_STATUS, wire.system_status_params())
        except FieldProblem as exc:
            log.debug("system_status lacks field %s; asking without fields", exc.field_name)
            data = self._read(wire.SYSTEM_STATUS, {})
        return wire.parse_system_status(data)

    def public_answer(self, path: str, params: Mapping[str, str] | None = None) -> object:
        """The raw JSON of an unsigned call of a public method (for diagnostics)."""
        return self._read(path, dict(params or {}), signed=False)

    def method_reference(self, method: str) -> object:
        """D6: ``services/apiref/method`` for ``method`` (unsigned: it is public), raw JSON."""
        return self._read(wire.APIREF_METHOD, wire.apiref_params(method), signed=False)

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

    def _read(self, path: str, params: Mapping[str, str], *, signed: bool = True) -> object:
        body = _retrying(self.retry, self._sleep, self.deadline)(
            self._call, path, params, sending=False, signed=signed
        )
        if self._on_answer is not None:
            try:
                self._on_answer(path, body)
            except Exception:  # a diagnostics note must never break a status check
                log.debug("recording the answer of %s failed", path, exc_info=True)
        return body

    def _timeouts(self) -> tuple[float, float]:
        connect, read = self.timeouts.connect, self.timeouts.read
        if self.deadline is not None:
            left = self.deadline.remaining()
            if left <= 0:
                raise self.deadline.gave_up(self.base_url)
            connect, read = min(connect, left), min(read, left)
        return connect, read

    def _call(self, path: str, params: Mapping[str, str], *, sending: bool, signed: bool = True) -> object:
        url = self.base_url + path
        data = dict(params)
        data[wire.P_FORMAT] = "json"
        timeout = self._timeouts()
        prepared = self._session.prepare_request(
            requests.Request(
                "POST",
                url,
                data=data,  # a dict: requests form-encodes it and OAuth1 signs its params
                auth=self._auth if signed else None,  # None for an unsigned client too
            )
        )
        if host_of(prepared.url or "") != self._host:  # never, by construction: checked anyway
            raise InsecureUrl(f"The request would go to {prepared.url!r}, not to {self.base_url}.")
        with self._count_lock:
            self.requests_made += 1
        size = len(prepared.body or b"")
        started = time.perf_counter()
        try:
            response = self._session.send(prepared, timeout=timeout, allow_redirects=False)
        except requests.RequestException as exc:
            cause = _describe_connection_failure(exc)
            log.debug("POST %s: %d bytes, no answer (%s) after %.0f ms", path, size, cause,
                      (time.perf_counter() - started) * 1000)
            if sending and not _nothing_was_sent(exc):
                raise OutcomeUncertain(
                    f"The request to {path.rsplit('/', 1)[-1]} was sent but {cause}; "
                    "the messages may or may not have been enqueued.",
                    method=path,
                ) from None
            if self.deadline is not None and self.deadline.spent:
                raise self.deadline.gave_up(self.base_url) from None
            raise Unreachable(f"Could not reach {self.base_url}: {cause}.", method=path) from None
        log.debug("POST %s: %d bytes, HTTP %d, %d bytes back in %.0f ms", path, size, response.status_code,
                  len(response.content), (time.perf_counter() - started) * 1000)
        return interpret_response(self.base_url, path, response, sending=sending)


def _usos_words(body: wire.ErrorBody) -> str:
    return f" The server said: {body.message}" if body.message else ""


def error_from_body(status: int, body: wire.ErrorBody, path: str | None = None) -> UsosError:
    """The typed error of a 4xx answer: by its documented ``error`` code first (D4), by
    the HTTP status only when it carries no code. An unknown code is shown as such."""
    said = _usos_words(body)
    kw: dict[str, Any] = {
        "http_status": status,
        "code": body.code,
        "method": path,
        "reason": body.reason,
        "user_message": body.user_message,
        "field_messages": body.field_messages,
    }
    code = body.code
    if code == wire.ERROR_METHOD_FORBIDDEN:
        return NotAdministrative(
            "This consumer key is valid but not an Administrative Consumer Key, which the "
            "mailing module requires." + said,
            **kw,
        )
    if code in wire.PARAM_ERRORS:
        named = f" '{body.param_name}'" if body.param_name else ""
        why = {
            wire.ERROR_PARAM_MISSING: " (it is missing)",
            wire.ERROR_PARAM_FORBIDDEN: " (it may not be used here)",
        }.get(code, "")
        return BadParameter(
            f"The server refused parameter{named}{why}.{said}", param_name=body.param_name, **kw
        )
    if code == wire.ERROR_OBJECT_NOT_FOUND:
        return NotFound("The server does not know this object (or it has expired)." + said, **kw)
    if code in wire.FIELD_ERRORS:
        named = f" '{body.field_name}'" if body.field_name else ""
        return FieldProblem(
            f"The installation has no field{named}" + (f" in {body.method_name}" if body.method_name else "")
            + "." + said,
            field_name=body.field_name,
            method_name=body.method_name,
            **kw,
        )
    if status == 401:
        # An authentication failure at the HTTP level is unambiguous, whatever its code.
        return CredentialsRejected(
            "The USOS API rejected the consumer key or secret (or the request's signature)." + said, **kw
        )
    if code is not None:
        return UnrecognisedError(
            f"USOS refused the request with an error this app does not know ({code!r}, HTTP {status})."
            + (said or " It gave no explanation."),
            **kw,
        )
    if status == 400:
        return BadParameter("The server refused a parameter." + said, **kw)
    if status == 403:
        return NotAdministrative(
            "This consumer key is valid but not an Administrative Consumer Key, which the "
            "mailing module requires." + said,
            **kw,
        )
    if status == 404:
        return NotFound("The server does not know this object (or it has expired)." + said, **kw)
    return UsosError(f"Unexpected answer HTTP {status}." + said, **kw)


def interpret_response(base_url: str, path: str, response: requests.Response, *, sending: bool) -> object:
    """The JSON of a 2xx answer, or the typed error of any other."""
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
                f"{base_url} answered, but not like a USOS API (no JSON). "
                "Check the installation's address.",
                http_status=status,
                method=path,
            )
        return body
    parsed = wire.parse_error_body(body)
    if status >= 500:
        kw: dict[str, Any] = {"http_status": status, "code": parsed.code, "method": path}
        if sending:  # whatever its code: the server may have acted before it failed
            raise OutcomeUncertain(
                f"The server failed while handling the send request (HTTP {status}); "
                "the messages may or may not have been enqueued." + _usos_words(parsed),
                **kw,
            )
        raise ServerError(f"The server had trouble (HTTP {status})." + _usos_words(parsed), **kw)
    if 300 <= status < 400:
        raise ProtocolError(
            f"The server redirected the request (HTTP {status}). Check the installation's "
            "address (it should be the API's own https:// address).",
            http_status=status,
            method=path,
        )
    raise error_from_body(status, parsed, path)


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
