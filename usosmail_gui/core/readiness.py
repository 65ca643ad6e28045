"""Whether a send may start now, and if not, the first reason why: one rule for a new
campaign, a test to oneself, a retry of failed recipients and a resume.

The window (and anything else that starts sends) describes its situation; the answer is a
``Blocker`` its caller puts in words. The order of the checks is the order a user fixes
things in: wait for the send under way, for the list being opened, open a list, connect.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .usos.addresses import as_https, host_of, is_loopback_host
from .usos.errors import InsecureUrl
from .usos.wire import normalize_base_url

__all__ = [
    "Blocker",
    "Situation",
    "offered_at_start",
    "resume_blocker",
    "retry_blocker",
    "same_installation",
    "send_blocker",
]


class Blocker(StrEnum):
    """Why a send cannot start now."""

    SENDING = "sending"  # a campaign (a resume, a test) is being sent
    LOADING = "loading"  # a list of recipients is being opened
    NO_LIST = "no_list"  # no list of recipients is open
    NOT_CONNECTED = "not_connected"  # no installation with its key and secret
    NO_RECIPIENT = "no_recipient"  # a test: no recipient is chosen (the test is their message)
    CONFIRMATION_OPEN = "confirmation_open"  # another confirmation waits for an answer
    OTHER_INSTALLATION = "other_installation"  # the campaign belongs to another installation
    KEY_MISSING = "key_missing"  # its installation is chosen, but its key is not loaded (not saved)


@dataclass(frozen=True, slots=True)
class Situation:
    """What decides whether a send may start: ``connected_to`` is the installation's base
    URL once its key and secret are loaded (None before); ``chosen`` the installation the
    window is set to, with or without its key (e.g. restored at start, but its key is not
    saved on this computer: no keyring, so it was kept for one session only)."""

    sending: bool = False
    loading: bool = False
    has_list: bool = False
    connected_to: str | None = None
    recipient_chosen: bool = False
    confirmation_open: bool = False
    chosen: str | None = None


def same_installation(a: str, b: str) -> bool:
    """Whether two base URLs name the same installation (``https://x/`` and ``https://x``;
    ``http://x`` too, which the app always contacts as ``https://x``, D3)."""
    return normalize_base_url(a) == normalize_base_url(b) or as_https(a) == as_https(b)


def send_blocker(situation: Situation, *, test: bool = False) -> Blocker | None:
    """A new campaign of the open list (``test``: its chosen recipient's message to oneself)."""
    if situation.sending:
        return Blocker.SENDING
    if situation.loading:
        return Blocker.LOADING
    if not situation.has_list:
        return Blocker.NO_LIST
    if situation.connected_to is None:
        return Blocker.NOT_CONNECTED
    if test and not situation.recipient_chosen:
        return Blocker.NO_RECIPIENT
    return None


def retry_blocker(situation: Situation) -> Blocker | None:
    """A new campaign of an earlier one's failed recipients (no open list needed)."""
    if situation.sending:
        return Blocker.SENDING
    if situation.connected_to is None:
        return Blocker.NOT_CONNECTED
    if situation.confirmation_open:
        return Blocker.CONFIRMATION_OPEN
    return None


def resume_blocker(situation: Situation, installation: str) -> Blocker | None:
    """The rest of an interrupted campaign started on ``installation``: only through it.
    Its installation chosen without its key is ``KEY_MISSING``, not another installation."""
    if situation.sending:
        return Blocker.SENDING
    if situation.connected_to is None:
        if situation.chosen is not None and same_installation(situation.chosen, installation):
            return Blocker.KEY_MISSING
        return Blocker.NOT_CONNECTED
    if not same_installation(situation.connected_to, installation):
        return Blocker.OTHER_INSTALLATION
    return None


def offered_at_start(installation: str, connected_to: str | None) -> bool:
    """Whether an interrupted campaign of ``installation`` is offered at start, unasked: not
    one sent to a local test server while the window talks to none (a sandbox of an earlier
    run, in a journal older than the sandbox's own: its address is gone, so it can never be
    resumed; it stays in Send ▸ Interrupted campaigns…, where it can be closed)."""
    return not _local(installation) or (connected_to is not None and _local(connected_to))


def _local(url: str) -> bool:
    try:
        return is_loopback_host(host_of(url))
    except InsecureUrl:
        return False
