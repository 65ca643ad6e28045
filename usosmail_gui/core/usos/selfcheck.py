"""The self-check: does the user's own installation document the answers this app reads?

Every installation publishes each method's machine-readable description at
``services/apiref/method`` (D6: public, no key needed). Test connection and
``usosmail ping`` fetch it for the six mailing methods and compare it with what the app
sends and reads (``wire.SENT_ARGUMENTS`` and the answer keys):

- the method exists on the installation;
- every parameter the app sends is documented (USOS silently ignores unknown ones, D1, so
  a renamed parameter would stop working without any error), and every parameter the
  installation requires is one the app sends;
- the methods the app treats as administrative are so (``auth_options``);
- ``system_status`` lists the fields the app asks for (``result_fields``);
- the "Returned value" text (``returns``) mentions the keys the app reads: the message
  ID of a send, ``finished`` and the per-recipient ``recipients``/``email``/``status``
  of a message status (section B3 is assumed; a "sparse" installation documents less).

Differences are plain words, never an error: not being able to fetch the reference is
``checked=False`` with the reason. Answers are cached per installation for a day (a file
in the data directory), so repeated tests of a connection cost no requests.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, Sentence, say

from . import wire
from .errors import BadParameter, NotFound, UsosError

log = logging.getLogger(__name__)

CACHE_SECONDS = 24 * 3600
CACHE_DIR = "apiref-cache"

Fetch = Callable[[str], object]
"""``fetch(method_name)`` → the raw JSON of ``services/apiref/method`` for it."""


@dataclass(frozen=True, slots=True)
class Difference:
    """One thing the installation documents differently from what the app does."""

    method: str  # the method's short name, e.g. "check_messages_status"
    sentence: Sentence

    @property
    def detail(self) -> str:
        return self.sentence.fill()

    def as_json(self) -> dict[str, str]:
        return {"method": self.method, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class Compatibility:
    """The self-check's outcome; ``references`` are the raw answers (for diagnostics)."""

    checked: bool
    differences: tuple[Difference, ...] = ()
    reason: str | None = None  # why it could not be checked, in plain words
    from_cache: bool = False
    references: Mapping[str, object] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "checked": self.checked,
            "differences": [d.as_json() for d in self.differences],
        }
        if self.reason:
            data["reason"] = self.reason
        return data

    @property
    def sparse_status(self) -> bool:
        """The plural status method documents no per-recipient detail."""
        return any(d.sentence.template == _PLURAL_NO_DETAIL for d in self.differences)


def short(method: str) -> str:
    return method.rsplit("/", 1)[-1]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(html: str) -> str:
    """The words of the reference's HTML ("returns", "errors"), tags dropped."""
    parser = _Text()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # malformed HTML: read what could be read
        pass
    return " ".join(" ".join(parser.parts).split())


def mentions(text: str, key: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(key)}(?![\w])", text) is not None


# --- the comparison -------------------------------------------------------------------------

_MISSING_METHOD = QT_TRANSLATE_NOOP(
    "Problems", "The installation does not have this method, which the app uses to {purpose}."
)
_UNDOCUMENTED_ARG = QT_TRANSLATE_NOOP(
    "Problems",
    "The installation does not document the parameter '{name}', which the app sends. USOS "
    "ignores parameters it does not know, so what the app sets with it may have no effect.",
)
_REQUIRED_ARG = QT_TRANSLATE_NOOP(
    "Problems",
    "The installation requires the parameter '{name}', which this app does not send: the "
    "call would be refused.",
)
_NOT_ADMIN_METHOD = QT_TRANSLATE_NOOP(
    "Problems",
    "The installation does not mark this method as administrative, although the app "
    "expects it to need an Administrative Consumer Key.",
)
_MISSING_FIELD = QT_TRANSLATE_NOOP(
    "Problems",
    "The installation does not list the field '{name}', so the app cannot learn {what}.",
)
_UNREAD_KEY = QT_TRANSLATE_NOOP(
    "Problems",
    "The installation's description of the answer does not mention '{name}', which the app "
    "reads: {consequence}",
)
_PLURAL_NO_DETAIL = QT_TRANSLATE_NOOP(
    "Problems",
    "The installation documents no per-recipient statuses for this method, so for every "
    "finished message the app also asks check_message_status (one request per message).",
)
_NO_DETAIL_ANYWHERE = QT_TRANSLATE_NOOP(
    "Problems",
    "Neither status method documents per-recipient statuses here: a finished message may "
    'be shown as "finished — USOS gave no details".',
)

_PURPOSES = {
    wire.SEND_SIMPLE_MESSAGE: QT_TRANSLATE_NOOP("Problems", "send single messages and tests"),
    wire.SEND_SIMPLE_MESSAGES: QT_TRANSLATE_NOOP("Problems", "send campaigns in messages mode"),
    wire.SEND_SIMPLE_BY_TEMPLATE: QT_TRANSLATE_NOOP("Problems", "send campaigns in template mode"),
    wire.CHECK_MESSAGE_STATUS: QT_TRANSLATE_NOOP("Problems", "read the detailed status of a message"),
    wire.CHECK_MESSAGES_STATUS: QT_TRANSLATE_NOOP("Problems", "read the statuses of a campaign"),
    wire.SYSTEM_STATUS: QT_TRANSLATE_NOOP("Problems", "read the mail queue"),
}
_FIELD_MEANINGS = {
    wire.K_TOTAL_PENDING: QT_TRANSLATE_NOOP("Problems", "how many messages wait in the queue"),
    wire.K_MY_PENDING: QT_TRANSLATE_NOOP("Problems", "how many of your messages wait in the queue"),
    wire.K_DAEMON_RUNNING: QT_TRANSLATE_NOOP("Problems", "that the mail daemon has stopped"),
}
_SEND_ID = QT_TRANSLATE_NOOP(
    "Problems", "the app may not recognise the new message's ID and will treat the send as uncertain."
)
_FINISHED = QT_TRANSLATE_NOOP("Problems", "the app may not tell a finished message from a waiting one.")


def _arguments(reference: Mapping[str, object]) -> dict[str, bool] | None:
    raw = reference.get(wire.K_REF_ARGUMENTS)
    if not isinstance(raw, list):
        return None
    found: dict[str, bool] = {}
    for entry in raw:
        if isinstance(entry, Mapping) and isinstance(entry.get(wire.K_ARG_NAME), str):
            found[str(entry[wire.K_ARG_NAME])] = entry.get(wire.K_ARG_REQUIRED) is True
    return found


def _result_fields(reference: Mapping[str, object]) -> set[str] | None:
    raw = reference.get(wire.K_REF_RESULT_FIELDS)
    if not isinstance(raw, list):
        return None
    return {
        str(entry[wire.K_FIELD_NAME])
        for entry in raw
        if isinstance(entry, Mapping) and isinstance(entry.get(wire.K_FIELD_NAME), str)
    }


def _returns(reference: Mapping[str, object]) -> str | None:
    raw = reference.get(wire.K_REF_RETURNS)
    return html_text(raw) if isinstance(raw, str) else None


def compare(references: Mapping[str, object]) -> list[Difference]:
    """Every difference between the references (method → apiref answer, or ``None`` when
    the installation has no such method) and what the app sends and reads."""
    differences: list[Difference] = []

    def add(method: str, sentence: Sentence) -> None:
        differences.append(Difference(short(method), sentence))

    detail_documented: dict[str, bool] = {}
    for method in wire.MAILING_METHODS:
        if method not in references:
            continue
        reference = references[method]
        if not isinstance(reference, Mapping):
            add(method, say(_MISSING_METHOD, purpose=Sentence(_PURPOSES[method])))
            continue
        arguments = _arguments(reference)
        if arguments is not None:
            for name in wire.SENT_ARGUMENTS[method]:
                if name not in arguments:
                    add(method, say(_UNDOCUMENTED_ARG, name=name))
            sent = set(wire.SENT_ARGUMENTS[method]) | wire.STANDARD_ARGUMENTS
            for name, required in arguments.items():
                if required and name not in sent:
                    add(method, say(_REQUIRED_ARG, name=name))
        auth = reference.get(wire.K_REF_AUTH)
        if (
            method in wire.ADMINISTRATIVE_METHODS
            and isinstance(auth, Mapping)
            and auth.get(wire.K_AUTH_ADMIN_ONLY) is False
        ):
            add(method, Sentence(_NOT_ADMIN_METHOD))
        returns = _returns(reference)
        if method == wire.SYSTEM_STATUS:
            fields = _result_fields(reference)
            if fields is not None:
                for name in wire.SYSTEM_STATUS_FIELDS:
                    if name not in fields:
                        add(method, say(_MISSING_FIELD, name=name, what=Sentence(_FIELD_MEANINGS[name])))
        elif method == wire.SEND_SIMPLE_MESSAGE and returns is not None:
            if not mentions(returns, wire.K_MESSAGE_ID):
                add(method, say(_UNREAD_KEY, name=wire.K_MESSAGE_ID, consequence=Sentence(_SEND_ID)))
        elif method in (wire.CHECK_MESSAGE_STATUS, wire.CHECK_MESSAGES_STATUS) and returns is not None:
            if not mentions(returns, wire.K_FINISHED):
                add(method, say(_UNREAD_KEY, name=wire.K_FINISHED, consequence=Sentence(_FINISHED)))
            detail_documented[method] = all(
                mentions(returns, key)
                for key in (wire.K_STATUS_RECIPIENTS, wire.K_RECIPIENT_EMAIL, wire.K_RECIPIENT_STATUS)
            )
    plural = detail_documented.get(wire.CHECK_MESSAGES_STATUS)
    singular = detail_documented.get(wire.CHECK_MESSAGE_STATUS)
    if plural is False and singular is not False:
        add(wire.CHECK_MESSAGES_STATUS, Sentence(_PLURAL_NO_DETAIL))
    if plural is False and singular is False:
        add(wire.CHECK_MESSAGE_STATUS, Sentence(_NO_DETAIL_ANYWHERE))
    return differences


# --- fetching, with a day's cache ---------------------------------------------------------------


class ReferenceCache:
    """The apiref answers of each installation, kept for a day in the data directory."""

    def __init__(self, directory: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.directory = directory
        self._clock = clock

    def _path(self, base_url: str) -> Path:
        digest = hashlib.sha256(base_url.encode("utf-8")).hexdigest()[:24]
        return self.directory / f"{digest}.json"

    def load(self, base_url: str) -> dict[str, object] | None:
        try:
            data = json.loads(self._path(base_url).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if (
            not isinstance(data, dict)
            or data.get("base_url") != base_url
            or not isinstance(data.get("fetched_at"), (int, float))
            or not isinstance(data.get("references"), dict)
            or not 0 <= self._clock() - data["fetched_at"] < CACHE_SECONDS
        ):
            return None
        return dict(data["references"])

    def save(self, base_url: str, references: Mapping[str, object]) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            path = self._path(base_url)
            temporary = path.with_suffix(".tmp")
            temporary.write_text(
                json.dumps(
                    {"base_url": base_url, "fetched_at": self._clock(), "references": dict(references)},
                    ensure_ascii=False,
                ),
                "utf-8",
            )
            temporary.replace(path)
        except OSError as exc:  # a cache is a nicety: a read-only disk only costs requests
            log.debug("apiref cache not written: %s", exc)


def default_cache() -> ReferenceCache:
    from usosmail_gui.core.paths import data_dir

    return ReferenceCache(data_dir(create=False) / CACHE_DIR)


def fetch_references(fetch: Fetch, methods: Sequence[str] = wire.MAILING_METHODS) -> dict[str, object]:
    """method → its apiref answer, or ``None`` when the installation has no such method.

    Raises the ``UsosError`` that kept it from answering (unreachable, server trouble…)."""
    found: dict[str, object] = {}
    for method in methods:
        try:
            found[method] = fetch(method)
        except (NotFound, BadParameter) as exc:
            if isinstance(exc, BadParameter) and exc.param_name not in (None, wire.P_NAME):
                raise
            found[method] = None  # "no such method" comes as object_not_found or param_invalid(name)
    return found


def self_check(
    base_url: str, fetch: Fetch, *, cache: ReferenceCache | None = None, use_cache: bool = True
) -> Compatibility:
    """Fetch (or reuse) the references and compare; never raises a ``UsosError``."""
    references: dict[str, object] | None = cache.load(base_url) if cache is not None and use_cache else None
    from_cache = references is not None
    if references is None:
        try:
            references = fetch_references(fetch)
        except UsosError as exc:
            return Compatibility(
                False,
                reason="The installation's method reference (services/apiref/method) could not "
                f"be read: {exc}",
            )
        if cache is not None:
            cache.save(base_url, references)
    if all(r is None for r in references.values()):
        return Compatibility(
            False,
            reason="The installation's method reference knows none of the mailing methods.",
            references=references,
        )
    return Compatibility(True, tuple(compare(references)), from_cache=from_cache, references=references)
