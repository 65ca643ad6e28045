"""What a support person needs when USOS answers something unexpected, and nothing else.

- ``AnswerLog``: the last raw answers of the status methods (``check_messages_status``,
  ``check_message_status``, ``system_status``), per installation and campaign, kept in a
  small file in the data directory. They are masked *before* they are written: every
  e-mail address becomes ``j***@u***.pl`` and every message ID ``id-1``, ``id-2``…, so the
  file holds the shape of the answers, never a student's address or a usable ID.
- ``collect``: the report of ``usosmail diagnostics``: the app's version, the platform,
  the installation's method references (services/apiref/method) and the self-check's
  differences, an unsigned system_status, the recent campaigns' counts and their last
  raw answers. No credential is read or written: nothing here can hold a secret.
"""

from __future__ import annotations

import json
import logging
import platform
import re
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .paths import data_dir

log = logging.getLogger(__name__)

FILE_NAME = "status-answers.jsonl"
KEEP = 200  # answers kept (the file is trimmed to this when it doubles)
MAX_ANSWER_CHARS = 20_000  # an answer is cut to this before it is kept

_EMAIL = re.compile(r"[^\s@\"'<>|,;]+@[^\s@\"'<>|,;]+")
_ID_KEYS = frozenset({"message_id", "message_ids"})
_STATUS_METHODS = ("check_messages_status", "check_message_status", "system_status")


def mask_email(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        local, _, domain = match.group(0).partition("@")
        labels = domain.split(".")
        tld = labels[-1] if len(labels) > 1 else ""
        masked_domain = (labels[0][:1] + "***") + (f".{tld}" if tld else "")
        return f"{local[:1]}***@{masked_domain}"

    return _EMAIL.sub(one, text)


class _Masker:
    """Masks one answer; the same ID gets the same mask within it."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}

    def id(self, value: object) -> str:
        key = str(value)
        if key not in self.ids:
            self.ids[key] = f"id-{len(self.ids) + 1}"
        return self.ids[key]

    def value(self, value: object, *, key: str | None = None, id_keys: bool = False) -> object:
        if key in _ID_KEYS and isinstance(value, (str, int)) and not isinstance(value, bool):
            return self.id(value)
        if isinstance(value, Mapping):
            return {(self.id(k) if id_keys else str(k)): self.value(v, key=str(k)) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(v, key=key) for v in value]
        if isinstance(value, str):
            return mask_email(value)
        return value


def mask_answer(method: str, body: object) -> object:
    """The answer with its addresses and message IDs masked (the plural status method is
    keyed by message ID: its keys are masked too)."""
    return _Masker().value(body, id_keys=method.endswith("check_messages_status"))


class AnswerLog:
    """The masked raw answers of status methods, newest last; thread-safe appends."""

    _lock = threading.Lock()

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir(create=False) / FILE_NAME

    def recorder(self, installation: str, campaign: str | None = None) -> Callable[[str, object], None]:
        """An ``on_answer`` hook for ``MailingClient`` that keeps status answers here."""

        def record(method: str, body: object) -> None:
            if method.rsplit("/", 1)[-1] in _STATUS_METHODS:
                self.add(installation, campaign, method, body)

        return record

    def add(self, installation: str, campaign: str | None, method: str, body: object) -> None:
        masked = json.dumps(mask_answer(method, body), ensure_ascii=False, separators=(",", ":"))
        if len(masked) > MAX_ANSWER_CHARS:
            masked = json.dumps(masked[:MAX_ANSWER_CHARS] + "…", ensure_ascii=False)
        line = json.dumps(
            {
                "at": datetime.now(UTC).isoformat(timespec="seconds"),
                "installation": installation,
                "campaign": campaign,
                "method": method,
                "answer": json.loads(masked),
            },
            ensure_ascii=False,
        )
        try:
            with self._lock:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as handle:
                    handle.write(line + "\n")
                self._trim()
        except OSError as exc:  # a diagnostics note is never a reason to fail
            log.debug("status answer not kept: %s", exc)

    def _trim(self) -> None:
        lines = self.path.read_text("utf-8").splitlines()
        if len(lines) > 2 * KEEP:
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text("\n".join(lines[-KEEP:]) + "\n", "utf-8")
            temporary.replace(self.path)

    def entries(self, installation: str | None = None) -> list[dict[str, Any]]:
        try:
            text = self.path.read_text("utf-8")
        except OSError:
            return []
        found = []
        for line in text.splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and (
                installation is None or entry.get("installation") == installation
            ):
                found.append(entry)
        return found


def app_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("usosmail-gui")
    except metadata.PackageNotFoundError:
        from usosmail_gui import __version__

        return __version__


def collect(
    base_url: str,
    *,
    references: Mapping[str, object] | None,
    reference_problem: str | None,
    differences: Iterable[Mapping[str, str]],
    system_status: object,
    campaigns: Iterable[Mapping[str, object]],
    log_entries: Iterable[Mapping[str, Any]],
) -> dict[str, object]:
    """The diagnostics report as one JSON-able dictionary."""
    return {
        "app": {"name": "usosmail-gui", "version": app_version()},
        "platform": {
            "python": sys.version.split()[0],
            "system": platform.system(),
            "release": platform.release(),
            "machine": platform.machine(),
        },
        "installation": base_url,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "method_references": dict(references or {}),
        "method_references_problem": reference_problem,
        "compatibility_differences": list(differences),
        "system_status_unsigned": system_status,
        "recent_campaigns": list(campaigns),
        "recent_status_answers": list(log_entries),
        "note": "E-mail addresses and message IDs are masked; no key or secret is included.",
    }
