"""OAuth 1.0a consumer-only (2-legged) verification, done by oauthlib as a real server would.

The sandbox must reject exactly what a USOS installation rejects (unknown key, wrong
secret, stale timestamp, replayed nonce), or the client's handling of 401 is never
exercised. oauthlib does the cryptography and the checks; this module configures it for
a loopback server and turns its yes/no into a reason a person can act on.
"""

from __future__ import annotations

import heapq
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import cast

from oauthlib.common import Request
from oauthlib.oauth1 import RequestValidator, SignatureOnlyEndpoint
from oauthlib.oauth1.rfc5849 import SIGNATURE_HMAC_SHA1

from .config import GENERATED_SECRET_LENGTH, KEY_CHARACTERS, MAX_KEY_LENGTH, generate_token

log = logging.getLogger(__name__)

TIMESTAMP_LIFETIME = 600  # seconds either way; also how long a nonce is remembered
MAX_NONCE_LENGTH = 128
_MANDATORY = (
    "oauth_consumer_key",
    "oauth_nonce",
    "oauth_timestamp",
    "oauth_signature",
    "oauth_signature_method",
)
_REPLAY = "sandbox_replay"


class ConsumerValidator(RequestValidator):
    """Consumer keys and secrets of one sandbox, plus the nonces seen lately.

    Loosened where oauthlib's defaults assume its own token generator: keys given on the
    command line may be 1..100 characters, nonces of common clients up to 128. http is
    allowed because the server only listens on loopback.
    """

    def __init__(self, consumers: Mapping[str, str], now: Callable[[], float] = time.time) -> None:
        super().__init__()
        self._secrets = dict(consumers)
        self._dummy_secret = generate_token(GENERATED_SECRET_LENGTH)
        self._now = now
        self._seen: set[tuple[str, str, str]] = set()
        self._expiry: list[tuple[int, tuple[str, str, str]]] = []
        self._lock = threading.Lock()

    @property
    def enforce_ssl(self) -> bool:
        return False

    @property
    def allowed_signature_methods(self) -> tuple[str, ...]:
        return (SIGNATURE_HMAC_SHA1,)

    @property
    def safe_characters(self) -> set[str]:
        return set(KEY_CHARACTERS)

    @property
    def client_key_length(self) -> tuple[int, int]:
        return 1, MAX_KEY_LENGTH

    @property
    def nonce_length(self) -> tuple[int, int]:
        return 1, MAX_NONCE_LENGTH

    @property
    def timestamp_lifetime(self) -> int:
        return TIMESTAMP_LIFETIME

    @property
    def dummy_client(self) -> str:
        return "sandbox-dummy-consumer"

    def validate_client_key(self, client_key: str, request: Request) -> bool:
        return client_key in self._secrets

    def get_client_secret(self, client_key: str, request: Request) -> str:
        # An unknown key gets a dummy secret, so a wrong key costs the same time.
        return self._secrets.get(client_key, self._dummy_secret)

    def validate_timestamp_and_nonce(
        self,
        client_key: str,
        timestamp: str,
        nonce: str,
        request: Request,
        request_token: str | None = None,
        access_token: str | None = None,
    ) -> bool:
        """Refuse a (key, timestamp, nonce) seen before: a replayed request.

        Only triples whose timestamp could still pass the lifetime check are kept, so
        the memory is bounded by the request rate of the last 20 minutes at most.
        """
        seen = (client_key, timestamp, nonce)
        now = self._now()
        with self._lock:
            while self._expiry and self._expiry[0][0] + TIMESTAMP_LIFETIME < now:
                self._seen.discard(heapq.heappop(self._expiry)[1])
            if seen in self._seen:
                request.validator_log[_REPLAY] = True
                return False
            self._seen.add(seen)
            heapq.heappush(self._expiry, (int(timestamp), seen))
        return True


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one verification; ``reason`` is for the 401 answer's message."""

    ok: bool
    consumer_key: str | None = None
    reason: str = ""


class OAuthVerifier:
    """Verifies HMAC-SHA1 consumer-only signatures with oauthlib's SignatureOnlyEndpoint."""

    def __init__(self, consumers: Mapping[str, str], now: Callable[[], float] = time.time) -> None:
        self.validator = ConsumerValidator(consumers, now)
        self._endpoint = SignatureOnlyEndpoint(self.validator)
        self._now = now

    def verify(
        self, uri: str, http_method: str, body: str, headers: Mapping[str, str]
    ) -> Verdict:
        """``uri`` is the full URL the client used (scheme, Host, path and query)."""
        try:
            valid, request = self._endpoint.validate_request(
                uri, http_method=http_method, body=body, headers=dict(headers)
            )
        except Exception as exc:  # oauthlib raises ValueError & co. on garbage input
            log.debug("OAuth parameters unreadable: %r", exc)
            return Verdict(False, reason="The request's OAuth parameters could not be read.")
        if valid and request is not None:
            return Verdict(True, consumer_key=request.client_key)
        return Verdict(False, reason=self._explain(request))

    def _explain(self, request: Request | None) -> str:
        if request is None:
            return (
                "The OAuth parameters are malformed: each must be given once, and all in one "
                "place (the Authorization header, the query string or the form body)."
            )
        checks = request.validator_log
        if checks.get(_REPLAY):
            return (
                "This nonce and timestamp were already used by an earlier request "
                "(a replayed request). Sign every request anew."
            )
        if "client" in checks:
            if not checks["client"]:
                return "The consumer key is not known to this server."
            return (
                "The signature does not match. Check the consumer secret, and that the "
                "URL, method and parameters signed are those sent."
            )
        return self._explain_parameters(request)

    def _explain_parameters(self, request: Request) -> str:
        """Why oauthlib's parameter checks failed (it does not say, so look again)."""
        params = cast(dict[str, str], request.oauth_params)
        missing = [name for name in _MANDATORY if not params.get(name)]
        if missing:
            return "The request lacks OAuth parameters: " + ", ".join(missing) + "."
        method = params["oauth_signature_method"]
        if method != SIGNATURE_HMAC_SHA1:
            return f"Only {SIGNATURE_HMAC_SHA1} signatures are accepted, not {method}."
        version = params.get("oauth_version")
        if version is not None and version != "1.0":
            return f"oauth_version must be 1.0, not {version}."
        timestamp = params["oauth_timestamp"]
        if len(timestamp) != 10 or not timestamp.isdigit():
            return "oauth_timestamp must be the time in whole seconds since 1970 (10 digits)."
        skew = int(timestamp) - self._now()
        if abs(skew) > TIMESTAMP_LIFETIME:
            ahead = "ahead of" if skew > 0 else "behind"
            return (
                f"The request's timestamp is {abs(int(skew))} seconds {ahead} the server's "
                f"clock (at most {TIMESTAMP_LIFETIME} are allowed). Check the computer's clock."
            )
        if not self.validator.check_client_key(params["oauth_consumer_key"]):
            return (
                f"The consumer key must be 1 to {MAX_KEY_LENGTH} letters, digits or - _ . ~."
            )
        if not self.validator.check_nonce(params["oauth_nonce"]):
            return (
                f"oauth_nonce must be 1 to {MAX_NONCE_LENGTH} letters, digits or - _ . ~."
            )
        return "The request's OAuth parameters are not valid."
