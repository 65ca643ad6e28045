"""How a sandbox is set up: its address, its mailbox, its keys and its faults.

Checked when built, so a bad value fails at start-up with a plain message instead of
half-way through a test run.
"""

from __future__ import annotations

import random
import secrets
import string
import threading
from dataclasses import dataclass
from pathlib import Path

from usosmail_gui.core.usos.addresses import is_loopback_host

# Characters a consumer key may use: what OAuth clients put in a header unescaped.
KEY_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-_.~")
MAX_KEY_LENGTH = 100
GENERATED_KEY_LENGTH = 20
GENERATED_SECRET_LENGTH = 40

DEFAULT_FAIL_DOMAIN = "fail.example.com"


def key_problem(value: str, what: str) -> str | None:
    """Why ``value`` cannot be a consumer key or secret, or ``None`` if it can."""
    if not 1 <= len(value) <= MAX_KEY_LENGTH:
        return f"{what} must be 1 to {MAX_KEY_LENGTH} characters long"
    bad = sorted(set(value) - KEY_CHARACTERS)
    if bad:
        return f"{what} may use only letters, digits and - _ . ~ (found {''.join(bad)!r})"
    return None


def generate_token(length: int) -> str:
    """A random key or secret from letters and digits (safe in any OAuth client)."""
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


@dataclass(frozen=True, slots=True)
class SandboxConfig:
    """Settings of one sandbox; ``None`` keys are generated, ``None`` maildir is a temp dir.

    ``delay`` is the time (by the sandbox's clock) a queued message waits before it is
    "delivered"; ``fail_domain`` recipients are marked failed instead of delivered;
    ``error_rate``/``drop_rate``/``latency_ms`` are the starting values of the faults.
    """

    host: str = "127.0.0.1"
    port: int = 0
    maildir: Path | None = None
    delay: float = 0.0
    fail_domain: str | None = DEFAULT_FAIL_DOMAIN
    error_rate: float = 0.0
    drop_rate: float = 0.0
    latency_ms: int = 0
    admin_key: str | None = None
    admin_secret: str | None = None
    seed: int | None = None

    def __post_init__(self) -> None:
        if not is_loopback_host(self.host):
            raise ValueError(
                f"The sandbox listens only on this computer (127.0.0.1, ::1 or localhost), "
                f"not on {self.host!r}."
            )
        if not 0 <= self.port <= 65535:
            raise ValueError(f"Port {self.port} is not between 0 and 65535.")
        if self.delay < 0:
            raise ValueError("The delivery delay cannot be negative.")
        for name in ("error_rate", "drop_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value}.")
        if self.latency_ms < 0:
            raise ValueError("latency_ms cannot be negative.")
        for value, what in ((self.admin_key, "The admin key"), (self.admin_secret, "The admin secret")):
            if value is not None and (problem := key_problem(value, what)):
                raise ValueError(problem + ".")


class Faults:
    """Switchable misbehaviour, shared by all request threads and changeable at runtime.

    Plain attributes (assignment is atomic); the random draws go through one lock so a
    seeded sandbox gives the same sequence of draws.
    """

    def __init__(
        self,
        error_rate: float = 0.0,
        drop_rate: float = 0.0,
        latency_ms: int = 0,
        seed: int | None = None,
    ) -> None:
        self.error_rate = error_rate
        self.drop_rate = drop_rate
        self.latency_ms = latency_ms
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def draw(self) -> tuple[bool, bool]:
        """``(fail_with_500, drop_after_processing)`` for one request."""
        error_rate, drop_rate = self.error_rate, self.drop_rate
        with self._lock:
            error = error_rate > 0 and self._rng.random() < error_rate
            drop = drop_rate > 0 and self._rng.random() < drop_rate
        return error, drop

    def __repr__(self) -> str:
        return (
            f"Faults(error_rate={self.error_rate}, drop_rate={self.drop_rate}, latency_ms={self.latency_ms})"
        )
