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
from usosmail_gui.core.usos.wire import SYSTEM_STATUS_FIELDS

# Characters a consumer key may use: what OAuth clients put in a header unescaped.
KEY_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-_.~")
MAX_KEY_LENGTH = 100
GENERATED_KEY_LENGTH = 20
GENERATED_SECRET_LENGTH = 40

DEFAULT_FAIL_DOMAIN = "fail.example.com"

# What is not known about real installations, imitated by a switch each (docs/cli.md):
STATUS_DETAIL_FULL = "full"  # check_messages_status gives the per-recipient list (B3)
STATUS_DETAIL_SPARSE = "sparse"  # it gives only "finished" (D5: less than the singular method)
STATUS_DETAILS = (STATUS_DETAIL_FULL, STATUS_DETAIL_SPARSE)
FORBIDDEN_STATUSES = (400, 401, 403)  # the HTTP status of method_forbidden (D4 gives none)


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

    The unknowns of the real API, one switch each: ``status_detail`` ("full" or "sparse":
    the plural status method gives only ``finished``), ``forbidden_status`` (400, 401 or
    403 for ``method_forbidden``), ``strict_ids`` (one unknown ID refuses a whole
    ``check_messages_status``), ``daemon_stopped`` (USOS's mail daemon does not run:
    nothing leaves the queue), ``system_status_fields`` (the fields this installation
    knows; asking for another is ``field_not_found``), ``contact_emails`` (listed for
    every installation of the mother-server list).
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
    status_detail: str = STATUS_DETAIL_FULL
    forbidden_status: int = 403
    strict_ids: bool = False
    daemon_stopped: bool = False
    system_status_fields: frozenset[str] | None = None  # None: the three documented ones
    contact_emails: tuple[str, ...] = ("usosapi@sandbox.example.edu.pl",)

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
        if self.status_detail not in STATUS_DETAILS:
            raise ValueError(
                f"status_detail must be one of {', '.join(STATUS_DETAILS)}, not {self.status_detail!r}."
            )
        if self.forbidden_status not in FORBIDDEN_STATUSES:
            raise ValueError(
                f"forbidden_status must be one of {', '.join(map(str, FORBIDDEN_STATUSES))}, "
                f"not {self.forbidden_status}."
            )
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


class Behaviour:
    """How the sandbox imitates the unknowns of the real API; changeable at runtime (a test
    may start the mail daemon again). Plain attributes: assignment is atomic."""

    def __init__(self, config: SandboxConfig) -> None:
        self.sparse_status = config.status_detail == STATUS_DETAIL_SPARSE
        self.forbidden_status = config.forbidden_status
        self.strict_ids = config.strict_ids
        self.daemon_running = not config.daemon_stopped
        fields = config.system_status_fields
        self.system_status_fields = frozenset(SYSTEM_STATUS_FIELDS) if fields is None else fields
        self.contact_emails = config.contact_emails

    def __repr__(self) -> str:
        return (
            f"Behaviour(sparse_status={self.sparse_status}, forbidden_status={self.forbidden_status}, "
            f"strict_ids={self.strict_ids}, daemon_running={self.daemon_running})"
        )
