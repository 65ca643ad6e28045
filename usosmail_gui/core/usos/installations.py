"""Known USOS API installations: the mother server's live list, or the bundled one.

The live list is fetched only when a user asks for it (never at start-up, never in a
test unless pointed at the sandbox); the bundled list keeps the app useful offline.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from importlib import resources

from . import wire
from .errors import UsosError
from .models import Installation

DEFAULT_MOTHER_URL = "https://apps.usos.edu.pl/"
MOTHER_URL_ENV = "USOSMAIL_MOTHER_URL"


def mother_url() -> str:
    """The mother server to ask; tests and air-gapped sites set ``USOSMAIL_MOTHER_URL``."""
    return os.environ.get(MOTHER_URL_ENV) or DEFAULT_MOTHER_URL


def bundled_installations() -> list[Installation]:
    text = resources.files("usosmail_gui").joinpath("resources/installations.json").read_text("utf-8")
    return wire.parse_installations(json.loads(text))


def bundled_contacts(base_url: str) -> tuple[str, ...]:
    """The USOS API administrators of an installation, as far as the bundled list knows
    them (offline: a ping never asks the mother server)."""
    from .addresses import as_https

    url = as_https(base_url)
    for inst in bundled_installations():
        if inst.base_url == url:
            return inst.contact_emails
    return ()


@dataclass(frozen=True, slots=True)
class InstallationList:
    installations: tuple[Installation, ...]
    live: bool
    problem: str | None = None  # why the live list could not be had, in plain words


def known_installations(url: str | None = None, *, live: bool = True) -> InstallationList:
    """The live list when reachable (``live=True``), otherwise the bundled one."""
    bundled = tuple(bundled_installations())
    if not live:
        return InstallationList(bundled, live=False)
    from .client import fetch_installations  # lazy: requests is not needed for the bundled list

    try:
        found = fetch_installations(url or mother_url())
    except UsosError as exc:
        return InstallationList(bundled, live=False, problem=str(exc))
    if not found:
        return InstallationList(bundled, live=False, problem="The mother server sent an empty list.")
    return InstallationList(tuple(sorted(found, key=lambda i: i.name("pl").casefold())), live=True)
