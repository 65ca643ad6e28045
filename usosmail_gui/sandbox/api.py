"""What the sandbox answers: routing, signing rules, faults and the six mailing methods.

Free of HTTP plumbing (``server.py`` turns sockets into ``HttpRequest``s), so every rule
of the API reference lives in one readable place: section A's methods, section D's
documented shapes (system_status fields, installations with http base URLs and contacts,
error codes with user messages, apiref), and a switch for each thing that is not known
(``Behaviour``: sparse statuses, the status of method_forbidden, strict IDs, a stopped
mail daemon).
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl

from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.models import Installation, LangText

from . import apiref
from .config import Behaviour, Faults, SandboxConfig
from .errors import ApiError, param_invalid, param_missing, plain
from .oauth import OAuthVerifier
from .store import MessageStore, MessageView
from .validation import (
    parse_message_ids,
    parse_param_sets,
    try_simple,
    validate_simple,
    validate_template,
)

log = logging.getLogger(__name__)

MAILING_PREFIX = wire.SYSTEM_STATUS.rsplit("/", 1)[0] + "/"  # "services/mailing/"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
JSON_FORMAT = "json"

SANDBOX_NAME_PL = "Piaskownica (lokalny serwer testowy)"
SANDBOX_NAME_EN = "Sandbox (local test server)"
# Made-up universities on reserved example domains: something to pick from in the
# installation list that can never reach a real server. Listed with http:// base URLs, as
# the mother server lists them (D3: "always starts with http://, but https:// should be used").
EXAMPLE_INSTALLATIONS = (
    Installation(
        "http://usosapi.uniwersytet-przykladowy.example/",
        "Uniwersytet Przykładowy", "Example University", "7.1",
        ("usosapi@uniwersytet-przykladowy.example",),
    ),
    Installation(
        "http://usosapi.politechnika-testowa.example/",
        "Politechnika Testowa", "Test University of Technology", "7.1",
        ("usosapi@politechnika-testowa.example", "admin@politechnika-testowa.example"),
    ),
    Installation(
        "http://usosapi.akademia-wzorcowa.example.org/",
        "Akademia Wzorcowa im. Jana Kowalskiego", "Jan Kowalski Model Academy", "7.0",
    ),
)
NOT_ADMINISTRATIVE = LangText(
    "Ta aplikacja nie ma uprawnień administracyjnych do tej metody. Skontaktuj się z "
    "administratorami USOS API swojej uczelni.",
    "This application has no administrative access to this method. Contact your "
    "university's USOS API administrators.",
)


@dataclass(frozen=True, slots=True)
class HttpRequest:
    """One request as received; ``url`` is the full URL the client used (for OAuth)."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]  # names lower-cased
    body: bytes
    url: str


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """A JSON answer; ``drop`` means: do not answer at all, just close the connection."""

    status: int
    body: object
    headers: tuple[tuple[str, str], ...] = ()
    drop: bool = False


def error_response(error: ApiError, headers: tuple[tuple[str, str], ...] = ()) -> HttpResponse:
    return HttpResponse(error.status, error.body(), headers)


def status_json(view: MessageView, *, sparse: bool = False) -> dict[str, object]:
    """D5 ``finished``, plus B3's per-recipient list unless ``sparse``."""
    if sparse:
        return {wire.K_FINISHED: view.finished}
    return {
        wire.K_FINISHED: view.finished,
        wire.K_STATUS_RECIPIENTS: [
            {
                wire.K_RECIPIENT_EMAIL: email,
                wire.K_RECIPIENT_STATUS: str(status),
                wire.K_RECIPIENT_ERROR: error,
            }
            for email, status, error in view.recipients
        ],
    }


@dataclass(frozen=True, slots=True)
class _Params:
    """Parameters of one call (OAuth ones set apart) and the form body as signed."""

    values: dict[str, str]
    signed: bool
    form_body: str


Handler = Callable[[Mapping[str, str], str | None], object]


class MailingApi:
    """Answers requests; thread-safe (the store and the verifier lock themselves)."""

    def __init__(
        self,
        *,
        store: MessageStore,
        verifier: OAuthVerifier,
        admin_keys: frozenset[str],
        faults: Faults,
        stopping: threading.Event,
        on_enqueue: Callable[[], None] = lambda: None,
        behaviour: Behaviour | None = None,
    ) -> None:
        self.store = store
        self.verifier = verifier
        self.admin_keys = admin_keys
        self.faults = faults
        self.behaviour = behaviour or Behaviour(SandboxConfig())
        self.base_url = "http://127.0.0.1/"  # set by the Sandbox once the port is known
        self._stopping = stopping
        self._on_enqueue = on_enqueue
        self._served: Counter[str] = Counter()
        self._served_lock = threading.Lock()
        self._methods: dict[str, Handler] = {
            wire.SEND_SIMPLE_MESSAGE: self._send_simple_message,
            wire.SEND_SIMPLE_MESSAGES: self._send_simple_messages,
            wire.SEND_SIMPLE_BY_TEMPLATE: self._send_simple_by_template,
            wire.CHECK_MESSAGE_STATUS: self._check_message_status,
            wire.CHECK_MESSAGES_STATUS: self._check_messages_status,
            wire.SYSTEM_STATUS: self._system_status,
        }

    # --- entry point ---------------------------------------------------------------
    def handle(self, request: HttpRequest) -> HttpResponse:
        name = request.path.lstrip("/")
        with self._served_lock:
            self._served[name] += 1
        if name.startswith(MAILING_PREFIX):
            return self._mailing(name, request)
        try:
            if name == wire.INSTALLATIONS:
                self._check_http_method(request)
                self._check_format(self._params(request).values)
                return HttpResponse(200, self.installations())
            if name == wire.APIREF_METHOD:
                self._check_http_method(request)
                values = self._params(request).values
                self._check_format(values)
                return HttpResponse(200, self._apiref(values))
            raise plain(404, f"There is no method at /{name}.")
        except ApiError as exc:
            return error_response(exc)

    def requests_served(self) -> Counter[str]:
        """A snapshot: method path -> HTTP requests received (faulted ones included)."""
        with self._served_lock:
            return Counter(self._served)

    def installations(self) -> list[dict[str, object]]:
        contacts = self.behaviour.contact_emails
        own = Installation(self.base_url, SANDBOX_NAME_PL, SANDBOX_NAME_EN, "sandbox", contacts)
        return [wire.installation_to_json(i) for i in (own, *EXAMPLE_INSTALLATIONS)]

    def _apiref(self, values: Mapping[str, str]) -> object:
        """D6: a method's description (public: no signature needed)."""
        name = values.get(wire.P_NAME, "").strip()
        if not name:
            raise param_missing(wire.P_NAME)
        described = apiref.references(
            base_url=self.base_url,
            sparse=self.behaviour.sparse_status,
            system_status_fields=self.behaviour.system_status_fields,
        )
        if name not in described:
            raise param_invalid(wire.P_NAME, f"Method {name!r} does not exist.")
        return apiref.select(described[name], values.get(wire.P_FIELDS))

    # --- the mailing module ---------------------------------------------------------
    def _mailing(self, name: str, request: HttpRequest) -> HttpResponse:
        """Faults first (latency, 500 without processing), then the call, then maybe a drop."""
        latency = self.faults.latency_ms
        if latency > 0:
            self._stopping.wait(latency / 1000)
        fail, drop = self.faults.draw()
        if fail:
            injected = plain(500, "Internal server error (a fault the sandbox injected).")
            return HttpResponse(500, injected.body())
        try:
            response = HttpResponse(200, self._call(name, request))
        except ApiError as exc:
            extra: tuple[tuple[str, str], ...] = ()
            if exc.status == 401:
                extra = (("WWW-Authenticate", f'OAuth realm="{self.base_url}"'),)
            response = error_response(exc, extra)
        return replace(response, drop=drop)

    def _call(self, name: str, request: HttpRequest) -> object:
        handler = self._methods.get(name)
        if handler is None:
            raise plain(404, f"The mailing module has no method /{name}.")
        self._check_http_method(request)
        params = self._params(request)
        consumer = self._authenticate(name, request, params)
        self._check_format(params.values)
        return handler(params.values, consumer)

    def _authenticate(self, name: str, request: HttpRequest, params: _Params) -> str | None:
        """The verified consumer key; ``None`` only for an unsigned ``system_status``."""
        if not params.signed:
            if name == wire.SYSTEM_STATUS:
                return None
            raise plain(
                401,
                "This method needs a request signed with OAuth 1.0a (HMAC-SHA1) by an "
                "Administrative Consumer Key; this request is not signed.",
            )
        verdict = self.verifier.verify(
            request.url, request.method, params.form_body, request.headers
        )
        if not verdict.ok or verdict.consumer_key is None:
            raise plain(401, verdict.reason)
        if name != wire.SYSTEM_STATUS and verdict.consumer_key not in self.admin_keys:
            raise ApiError(
                self.behaviour.forbidden_status,
                wire.ERROR_METHOD_FORBIDDEN,
                "This method requires an Administrative Consumer Key; this consumer key "
                "is valid but not administrative.",
                reason="administrative_only",
                user_message=NOT_ADMINISTRATIVE,
            )
        return verdict.consumer_key

    # --- request parsing --------------------------------------------------------------
    @staticmethod
    def _check_http_method(request: HttpRequest) -> None:
        if request.method not in ("GET", "POST"):
            raise plain(405, f"Use GET or POST, not {request.method}.")

    @staticmethod
    def _check_format(values: Mapping[str, str]) -> None:
        value = values.get(wire.P_FORMAT)
        if value is not None and value != JSON_FORMAT:
            raise param_invalid(
                wire.P_FORMAT, f"This server answers only in {JSON_FORMAT!r} format, not {value!r}."
            )

    @staticmethod
    def _params(request: HttpRequest) -> _Params:
        """Query string and form body (UTF-8), as the OAuth signature covers them."""
        form_body = ""
        content_type = request.headers.get("content-type", "").lower()
        try:
            pairs = parse_qsl(request.query, keep_blank_values=True, errors="strict")
            if request.body and FORM_CONTENT_TYPE in content_type:
                form_body = request.body.decode("utf-8")
                pairs += parse_qsl(form_body, keep_blank_values=True, errors="strict")
        except UnicodeDecodeError:
            raise param_invalid(None, "The request's parameters are not valid UTF-8.") from None
        authorization = request.headers.get("authorization", "")
        signed = authorization[:6].lower() == "oauth " or any(
            key.startswith("oauth_") for key, _ in pairs
        )
        values = {key: value for key, value in pairs if not key.startswith("oauth_")}
        return _Params(values, signed, form_body)

    # --- the six methods ----------------------------------------------------------------
    def _send_simple_message(self, params: Mapping[str, str], consumer: str | None) -> object:
        assert consumer is not None
        mail = validate_simple(params)
        (message_id,) = self.store.enqueue(consumer, [mail])
        self._on_enqueue()  # wake the delivery thread
        return {wire.K_MESSAGE_ID: message_id}

    def _send_simple_messages(self, params: Mapping[str, str], consumer: str | None) -> object:
        """Each entry checked on its own; invalid ones answer ``false`` (A), others queue."""
        assert consumer is not None
        mails = [try_simple(item) for item in parse_param_sets(params.get(wire.P_PARAM_SETS))]
        ids = iter(self.store.enqueue(consumer, [m for m in mails if m is not None]))
        self._on_enqueue()  # wake the delivery thread
        return [False if mail is None else next(ids) for mail in mails]

    def _send_simple_by_template(self, params: Mapping[str, str], consumer: str | None) -> object:
        assert consumer is not None
        mails = validate_template(params)  # all checked before any is queued
        ids = self.store.enqueue(consumer, mails)
        self._on_enqueue()  # wake the delivery thread
        return ids

    def _check_message_status(self, params: Mapping[str, str], consumer: str | None) -> object:
        assert consumer is not None
        message_id = params.get(wire.P_MESSAGE_ID, "").strip()
        if not message_id:
            raise param_missing(wire.P_MESSAGE_ID)
        view = self.store.view(consumer, message_id)
        if view is None:
            raise _not_found(message_id)
        return status_json(view)  # the "detailed status": always per recipient

    def _check_messages_status(self, params: Mapping[str, str], consumer: str | None) -> object:
        assert consumer is not None
        ids = parse_message_ids(params.get(wire.P_MESSAGE_IDS), wire.P_MESSAGE_IDS)
        views = self.store.views(consumer, ids)
        if self.behaviour.strict_ids:
            stale = next((mid for mid, view in views.items() if view is None), None)
            if stale is not None:
                raise _not_found(stale)
        sparse = self.behaviour.sparse_status
        return {
            mid: None if view is None else status_json(view, sparse=sparse) for mid, view in views.items()
        }

    def _system_status(self, params: Mapping[str, str], consumer: str | None) -> object:
        """D2: the queue, chosen with ``fields`` (default: every field this installation has)."""
        known = self.behaviour.system_status_fields
        raw = params.get(wire.P_FIELDS, "")
        wanted = [f for f in raw.split(wire.FIELD_SEPARATOR) if f] if raw else sorted(known)
        for name in wanted:
            if name not in known:
                raise ApiError(
                    400,
                    wire.ERROR_FIELD_NOT_FOUND,
                    f"Field {name!r} does not exist in {wire.SYSTEM_STATUS}.",
                    field_name=name,
                    method_name=wire.SYSTEM_STATUS,
                )
        values: dict[str, object] = {
            wire.K_TOTAL_PENDING: self.store.unsent_count(),
            wire.K_MY_PENDING: None if consumer is None else self.store.unsent_count(consumer),
            wire.K_DAEMON_RUNNING: self.behaviour.daemon_running,
        }
        return {name: values[name] for name in wanted}


def _not_found(message_id: str) -> ApiError:
    """D4: ``object_not_found`` comes as HTTP 400 with a ``reason``."""
    return ApiError(
        400,
        wire.ERROR_OBJECT_NOT_FOUND,
        f"No message {message_id!r} for this consumer key: the ID is unknown, was sent with "
        f"another key, or is older than {wire.RETENTION_DAYS} days.",
        reason="message_not_found",
    )
