"""Typed errors of the USOS API client.

Each says in plain words what happened. None of them ever holds the consumer secret: the
client builds their texts only from the URL, the HTTP status and the server's JSON.
"""

from __future__ import annotations


class UsosError(Exception):
    """Base of every error the client raises."""

    def __init__(
        self,
        message: str,
        *,
        http_status: int | None = None,
        code: str | None = None,
        method: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.http_status = http_status
        self.code = code
        self.method = method

    def __str__(self) -> str:
        return self.message


class InsecureUrl(UsosError):
    """Plain http to a host that is not loopback: refused before any byte is sent."""


class Unreachable(UsosError):
    """The server could not be reached (DNS, refused, TLS, connect timeout).

    Nothing was delivered to the server, so even a send may be tried again.
    """


class CredentialsRejected(UsosError):
    """HTTP 401: unknown consumer key, wrong secret, stale timestamp or reused nonce."""


class NotAdministrative(UsosError):
    """HTTP 403: the key is valid but is not an Administrative Consumer Key."""


class BadParameter(UsosError):
    """HTTP 400: a parameter is missing or invalid; ``param_name`` names it when known."""

    def __init__(self, message: str, *, param_name: str | None = None, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.param_name = param_name


class NotFound(UsosError):
    """HTTP 404: the message ID is unknown or older than 7 days."""


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
