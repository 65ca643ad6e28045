"""Typed errors of the USOS API client.

Each says in plain words what happened. None of them ever holds the consumer secret: the
client builds their texts only from the URL, the HTTP status and the server's JSON.

USOS classifies its own errors by an ``error`` code (D4 of the API reference); the client
maps the documented codes to these classes and falls back to the HTTP status only when an
answer carries no code. Where USOS sent text meant for the end user (``user_messages``),
the error keeps it in both languages: ``user_text(lang)`` / ``described(lang)``.
"""

from __future__ import annotations

from collections.abc import Mapping

from .models import LangText


class UsosError(Exception):
    """Base of every error the client raises."""

    def __init__(
        self,
        message: str,
        *,
        http_status: int | None = None,
        code: str | None = None,
        method: str | None = None,
        reason: str | None = None,
        user_message: LangText | None = None,
        field_messages: Mapping[str, LangText] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.http_status = http_status
        self.code = code
        self.method = method
        self.reason = reason
        self.user_message = user_message if user_message else None
        self.field_messages: dict[str, LangText] = {
            name: text for name, text in (field_messages or {}).items() if text
        }

    def __str__(self) -> str:
        return self.message

    def user_text(self, lang: str = "en") -> str | None:
        """USOS's own words for the end user (``user_messages``) in ``lang``, if it sent any."""
        parts: list[str] = []
        if self.user_message:
            parts.append(self.user_message.get(lang))
        for name, text in self.field_messages.items():
            parts.append(f"{name}: {text.get(lang)}")
        shown = " ".join(p for p in parts if p)
        return shown or None

    def described(self, lang: str = "en") -> str:
        """The app's (English) words, then USOS's own user message in ``lang`` if it sent one:
        what is recorded as a refusal's reason, so the user reads USOS's words in their
        language wherever the reason is shown."""
        said = self.user_text(lang)
        return f"{self.message} USOS says: {said}" if said else self.message


class InsecureUrl(UsosError):
    """Plain http to a host that is not loopback, or an address that could be read two
    ways (user info, backslash, spaces): refused before any byte is sent."""


class Unreachable(UsosError):
    """The server could not be reached (DNS, refused, TLS, connect timeout), or a request
    that only reads got no answer in time.

    Nothing was delivered to the server by a send that raises this, so a send may be
    tried again.
    """


class CredentialsRejected(UsosError):
    """HTTP 401: unknown consumer key, wrong secret, stale timestamp or reused nonce."""


class NotAdministrative(UsosError):
    """``method_forbidden`` (HTTP 400, 401 or 403 alike), or a bare 403: the key is valid
    but is not an Administrative Consumer Key."""


class BadParameter(UsosError):
    """``param_missing`` / ``param_invalid`` / ``param_forbidden`` (or a bare 400): a
    parameter is refused; ``param_name`` names it when known."""

    def __init__(self, message: str, *, param_name: str | None = None, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.param_name = param_name


class FieldProblem(BadParameter):
    """``field_not_found`` / ``field_invalid``: a ``fields`` selector asked for something
    the installation does not have (``field_name`` names it)."""

    def __init__(
        self, message: str, *, field_name: str | None = None, method_name: str | None = None, **kw: object
    ) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.field_name = field_name
        self.method_name = method_name


class NotFound(UsosError):
    """``object_not_found`` (HTTP 400 or 404): the message ID is unknown or older than 7 days."""


class UnrecognisedError(UsosError):
    """An error code this app does not know (USOS may add codes): shown with USOS's own
    message, never guessed into something it may not be."""


class ServerError(UsosError):
    """HTTP 5xx on a request that only reads (safe to try again later)."""


class ProtocolError(UsosError):
    """The answer was not what the USOS API sends (not JSON, wrong shape)."""


class OutcomeUncertain(UsosError):
    """A send request may have reached the server, but no answer says what happened.

    Raised by the three send methods for a read timeout, a connection dropped after the
    request was written, or a 5xx answer. The messages may or may not be enqueued; the
    client never retries them and the caller must let the user decide.
    """
