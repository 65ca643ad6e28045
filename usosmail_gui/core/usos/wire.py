"""Every name the USOS API uses on the wire, and the translation to and from models.

Section A of docs/usos-mailing-api.md documents the request parameters; section D is what
real installations' documentation and clients show (system_status, installations,
errors, apiref); section B is still assumed where both are silent (the per-recipient part
of a message status). Each name below says which it comes from: if a real installation
answers differently, this is the one module to correct. Parsing is tolerant: unknown keys
are ignored and optional keys get defaults, so a server that says more still works.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .addresses import as_https
from .addresses import normalize_base_url as normalize_base_url  # re-exported: URLs are read here too
from .errors import ProtocolError
from .models import (
    ContentFormat,
    DeliveryStatus,
    Enqueued,
    EnqueuedBatch,
    Installation,
    LangText,
    MessageStatus,
    RecipientStatus,
    Sender,
    SimpleMessage,
    SystemStatus,
    TemplateMessage,
    TemplateRecipient,
)

# --- method paths (A) ---------------------------------------------------------------
SEND_SIMPLE_MESSAGE = "services/mailing/send_simple_message"
SEND_SIMPLE_MESSAGES = "services/mailing/send_simple_messages"
SEND_SIMPLE_BY_TEMPLATE = "services/mailing/send_simple_by_template"
CHECK_MESSAGE_STATUS = "services/mailing/check_message_status"
CHECK_MESSAGES_STATUS = "services/mailing/check_messages_status"
SYSTEM_STATUS = "services/mailing/system_status"
INSTALLATIONS = "services/apisrv/installations"
APIREF_METHOD = "services/apiref/method"  # D6: a method's machine-readable description

SEND_METHODS = frozenset({SEND_SIMPLE_MESSAGE, SEND_SIMPLE_MESSAGES, SEND_SIMPLE_BY_TEMPLATE})
MAILING_METHODS = (
    SEND_SIMPLE_MESSAGE,
    SEND_SIMPLE_MESSAGES,
    SEND_SIMPLE_BY_TEMPLATE,
    CHECK_MESSAGE_STATUS,
    CHECK_MESSAGES_STATUS,
    SYSTEM_STATUS,
)

# --- request parameters (A) ---------------------------------------------------------
P_FORMAT = "format"
P_SUBJECT = "subject"
P_CONTENT = "content"
P_RECIPIENTS = "recipients"
P_FROM_NAME = "from_name"
P_FROM_EMAIL = "from_email"
P_CONTENT_FORMAT = "content_format"
P_SEND_SUMMARY_TO = "send_summary_to"
P_LANG = "lang"
P_PARAM_SETS = "param_sets"
P_SUBJECT_TEMPLATE = "subject_template"
P_CONTENT_TEMPLATE = "content_template"
P_MESSAGE_ID = "message_id"
P_MESSAGE_IDS = "message_ids"
P_FIELDS = "fields"  # D1/D2: a field selector, names joined by "|"
P_NAME = "name"  # D6: services/apiref/method's method name
FIELD_SEPARATOR = "|"

RECIPIENT_SEPARATOR = "|"  # recipients of send_simple_message, message_ids (A)

# documented limits (A)
MAX_SUBJECT = 200
MAX_CONTENT = 15_000
MAX_FROM_NAME = 100
MAX_FROM_EMAIL = 100
RETENTION_DAYS = 7

# --- answer keys (B) ----------------------------------------------------------------
K_MESSAGE_ID = "message_id"  # B1
K_TEMPLATE_EMAIL = "email"  # B2
K_TEMPLATE_PARAMS = "params"  # B2
K_FINISHED = "finished"  # B3 (documented)
K_STATUS_RECIPIENTS = "recipients"  # B3
K_RECIPIENT_EMAIL = "email"  # B3
K_RECIPIENT_STATUS = "status"  # B3
K_RECIPIENT_ERROR = "error"  # B3
# system_status (D2, as usos4j asks for them)
K_TOTAL_PENDING = "total_pending_message_count"
K_MY_PENDING = "my_pending_message_count"
K_DAEMON_RUNNING = "daemon_running"
K_UNSENT_COUNT = "unsent_count"  # the name assumed before D2: read only as a fallback
SYSTEM_STATUS_FIELDS = (K_TOTAL_PENDING, K_MY_PENDING, K_DAEMON_RUNNING)
# error bodies (D4)
K_ERROR_MESSAGE = "message"
K_ERROR_CODE = "error"
K_ERROR_PARAM_NAME = "param_name"
K_ERROR_REASON = "reason"
K_ERROR_FIELD_NAME = "field_name"
K_ERROR_METHOD_NAME = "method_name"
K_USER_MESSAGES = "user_messages"
K_USER_GENERIC = "generic_message"
K_USER_FIELDS = "fields"
K_LANG_PL = "pl"
K_LANG_EN = "en"
# services/apisrv/installations (D3)
K_INST_BASE_URL = "base_url"
K_INST_NAME = "institution_name"
K_INST_VERSION = "version"
K_INST_CONTACTS = "contact_emails"
# services/apiref/method (D6)
APIREF_FIELDS = ("name", "returns", "errors", "arguments", "result_fields", "auth_options")
K_REF_NAME = "name"
K_REF_RETURNS = "returns"
K_REF_ERRORS = "errors"
K_REF_ARGUMENTS = "arguments"
K_REF_RESULT_FIELDS = "result_fields"
K_REF_AUTH = "auth_options"
K_ARG_NAME = "name"
K_ARG_REQUIRED = "is_required"
K_FIELD_NAME = "name"
K_AUTH_CONSUMER = "consumer"
K_AUTH_ADMIN_ONLY = "administrative_only"

# documented error codes (D4)
ERROR_METHOD_FORBIDDEN = "method_forbidden"
ERROR_PARAM_MISSING = "param_missing"
ERROR_PARAM_INVALID = "param_invalid"
ERROR_PARAM_FORBIDDEN = "param_forbidden"
ERROR_OBJECT_NOT_FOUND = "object_not_found"
ERROR_FIELD_NOT_FOUND = "field_not_found"
ERROR_FIELD_INVALID = "field_invalid"
PARAM_ERRORS = frozenset({ERROR_PARAM_MISSING, ERROR_PARAM_INVALID, ERROR_PARAM_FORBIDDEN})
FIELD_ERRORS = frozenset({ERROR_FIELD_NOT_FOUND, ERROR_FIELD_INVALID})
DOCUMENTED_ERRORS = frozenset(
    {ERROR_METHOD_FORBIDDEN, ERROR_OBJECT_NOT_FOUND, *PARAM_ERRORS, *FIELD_ERRORS}
)


# What the app sends to each method (A; pinned by a test against the builders below) and
# the answer keys it reads (D2, D5, and B3 where D is silent): the self-check compares
# these with what the user's own installation documents in services/apiref/method (D6).
SENT_ARGUMENTS: Mapping[str, tuple[str, ...]] = {
    SEND_SIMPLE_MESSAGE: (
        P_SUBJECT, P_CONTENT, P_RECIPIENTS, P_FROM_NAME, P_FROM_EMAIL, P_CONTENT_FORMAT,
        P_SEND_SUMMARY_TO, P_LANG,
    ),
    SEND_SIMPLE_MESSAGES: (P_PARAM_SETS,),
    SEND_SIMPLE_BY_TEMPLATE: (
        P_SUBJECT_TEMPLATE, P_CONTENT_TEMPLATE, P_RECIPIENTS, P_FROM_NAME, P_FROM_EMAIL,
        P_SEND_SUMMARY_TO, P_LANG,
    ),
    CHECK_MESSAGE_STATUS: (P_MESSAGE_ID,),
    CHECK_MESSAGES_STATUS: (P_MESSAGE_IDS,),
    SYSTEM_STATUS: (),  # ``fields`` is the standard selector, checked through result_fields
}
STANDARD_ARGUMENTS = frozenset({P_FORMAT, "callback", P_FIELDS})  # every method takes these
ADMINISTRATIVE_METHODS = frozenset(MAILING_METHODS) - {SYSTEM_STATUS}


def json_dumps(value: Any) -> str:
    """JSON as the API takes it: UTF-8 text, no ASCII escaping, compact."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# --- encoding requests --------------------------------------------------------------
def sender_params(sender: Sender) -> dict[str, str]:
    params: dict[str, str] = {}
    if sender.from_name is not None:
        params[P_FROM_NAME] = sender.from_name
        if sender.from_email is not None:  # only valid together with from_name (A)
            params[P_FROM_EMAIL] = sender.from_email
    if sender.send_summary_to:
        params[P_SEND_SUMMARY_TO] = sender.send_summary_to
    if sender.lang is not None:
        params[P_LANG] = str(sender.lang)
    return params


def simple_message_params(message: SimpleMessage) -> dict[str, str]:
    params = {
        P_SUBJECT: message.subject,
        P_CONTENT: message.content,
        P_RECIPIENTS: RECIPIENT_SEPARATOR.join(message.recipients),
    }
    if message.content_format is not ContentFormat.PLAIN:
        params[P_CONTENT_FORMAT] = str(message.content_format)
    params.update(sender_params(message.sender))
    return params


def simple_messages_params(messages: Sequence[SimpleMessage]) -> dict[str, str]:
    return {P_PARAM_SETS: json_dumps([simple_message_params(m) for m in messages])}


def by_template_params(template: TemplateMessage, recipients: Sequence[TemplateRecipient]) -> dict[str, str]:
    params = {
        P_SUBJECT_TEMPLATE: template.subject_template,
        P_CONTENT_TEMPLATE: template.content_template,
        P_RECIPIENTS: json_dumps(
            [{K_TEMPLATE_EMAIL: r.email, K_TEMPLATE_PARAMS: dict(r.params)} for r in recipients]
        ),
    }
    params.update(sender_params(template.sender))
    return params


# --- parsing answers ----------------------------------------------------------------
def _fail(what: str, value: object) -> ProtocolError:
    shown = repr(value)
    if len(shown) > 200:
        shown = shown[:200] + "…"
    return ProtocolError(f"The server's answer is not what USOS API sends ({what}): {shown}")


def _as_id(value: object) -> str | None:
    """A message ID as text; ``False``/``None`` mean "not enqueued"."""
    if value is None or value is False:
        return None
    if isinstance(value, bool):
        raise _fail("a message ID", value)
    if isinstance(value, (str, int)):
        return str(value)
    raise _fail("a message ID", value)


def parse_enqueued(data: object) -> Enqueued:
    value = data.get(K_MESSAGE_ID) if isinstance(data, Mapping) else None
    if value is not None and value is not False and value != "":  # an ID of 0 is an ID (not False)
        message_id = _as_id(value)
        if message_id is not None:
            return Enqueued(message_id)
    if isinstance(data, (str, int)) and not isinstance(data, bool):  # tolerate a bare ID
        return Enqueued(str(data))
    raise _fail("expected the new message's ID", data)


def parse_enqueued_batch(data: object, expected: int) -> EnqueuedBatch:
    if not isinstance(data, list):
        raise _fail("expected a list of message IDs", data)
    ids = tuple(
        _as_id(item[K_MESSAGE_ID] if isinstance(item, Mapping) and K_MESSAGE_ID in item else item)
        for item in data
    )
    if len(ids) != expected:
        raise _fail(f"expected {expected} message IDs, got {len(ids)}", data)
    return EnqueuedBatch(ids)


_DELIVERY = {str(s): s for s in DeliveryStatus if s is not DeliveryStatus.UNKNOWN}


def _delivery_status(raw: str) -> DeliveryStatus:
    found = _DELIVERY.get(raw)
    return found if found is not None else _DELIVERY.get(raw.lower(), DeliveryStatus.UNKNOWN)


def _error_text(value: object, lang: str) -> str | None:
    """A recipient's error: plain text, or a LangDict read in ``lang``; ``None`` if none."""
    if value is None or value == "" or value is False:
        return None
    if isinstance(value, Mapping):
        return parse_lang_text(value).get(lang) or None
    if isinstance(value, (str, int, float)):
        return str(value)
    return None


def parse_message_status(data: object, lang: str = "en") -> MessageStatus:
    """D5: ``finished`` is documented; the per-recipient list (B3) is what we assume. An
    entry that is not a dictionary is skipped, never allowed to hide the ones after it.
    (Written for speed: a poll cycle parses 10,000 of these.)"""
    if type(data) is not dict and not isinstance(data, Mapping):  # JSON gives dicts: checked first
        raise _fail("expected a message status", data)
    finished = data.get(K_FINISHED, False)
    if finished is not True and finished is not False:
        finished = finished in (1, "1", "true", "True")
    entries = data.get(K_STATUS_RECIPIENTS)
    if not entries or not isinstance(entries, list):
        return MessageStatus(finished, ())
    recipients = []
    for entry in entries:
        if type(entry) is not dict and not isinstance(entry, Mapping):
            continue
        raw = entry.get(K_RECIPIENT_STATUS)
        raw_text = raw if type(raw) is str else ("" if raw is None else str(raw))
        error = entry.get(K_RECIPIENT_ERROR)
        email = entry.get(K_RECIPIENT_EMAIL)
        recipients.append(
            RecipientStatus(
                email if type(email) is str else str(email or ""),
                _delivery_status(raw_text) if raw_text else DeliveryStatus.UNKNOWN,
                None if error is None else _error_text(error, lang),
                raw_text,
            )
        )
    return MessageStatus(finished, tuple(recipients))


def parse_messages_status(data: object, lang: str = "en") -> dict[str, MessageStatus | None]:
    """Statuses by ID; ``None`` for an ID the server answered ``null`` for."""
    if type(data) is not dict and not isinstance(data, Mapping):
        raise _fail("expected statuses keyed by message ID", data)
    parse = parse_message_status
    return {str(k): (None if v is None else parse(v, lang)) for k, v in data.items()}


def _count(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _flag(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def system_status_params() -> dict[str, str]:
    """D2: the fields asked for; on ``field_not_found`` the client asks again without."""
    return {P_FIELDS: FIELD_SEPARATOR.join(SYSTEM_STATUS_FIELDS)}


def parse_system_status(data: object) -> SystemStatus:
    """D2: ``total_pending_message_count`` (``unsent_count`` only as a fallback name),
    ``my_pending_message_count``, ``daemon_running``; anything else kept in ``extra``."""
    if not isinstance(data, Mapping):
        raise _fail("expected the module's status", data)
    pending = _count(data.get(K_TOTAL_PENDING))
    if pending is None:
        pending = _count(data.get(K_UNSENT_COUNT))
    known = {K_TOTAL_PENDING, K_MY_PENDING, K_DAEMON_RUNNING, K_UNSENT_COUNT}
    extra = {str(k): v for k, v in data.items() if k not in known}
    return SystemStatus(
        pending=pending,
        mine=_count(data.get(K_MY_PENDING)),
        daemon_running=_flag(data.get(K_DAEMON_RUNNING)),
        extra=extra,
    )


def parse_lang_text(value: object) -> LangText:
    """A LangDict ``{"pl": …, "en": …}`` (a bare string counts for both)."""
    if isinstance(value, str):
        return LangText(value, value)
    if not isinstance(value, Mapping):
        return LangText()

    def one(key: str) -> str:
        text = value.get(key)
        return text if isinstance(text, str) else ""

    return LangText(one(K_LANG_PL), one(K_LANG_EN))


def _lang_text(value: object, lang: str) -> str:
    if isinstance(value, Mapping):
        text = value.get(lang)
        return str(text) if text else ""
    return value if isinstance(value, str) else ""


def parse_installations(data: object) -> list[Installation]:
    """The mother server's list; entries without a usable base URL are skipped."""
    if not isinstance(data, list):
        raise _fail("expected a list of installations", data)
    found: list[Installation] = []
    for entry in data:
        if not isinstance(entry, Mapping):
            continue
        base_url = entry.get(K_INST_BASE_URL)
        if not isinstance(base_url, str) or not base_url.strip():
            continue
        name = entry.get(K_INST_NAME) or entry.get("name") or ""
        version = entry.get(K_INST_VERSION)
        contacts = entry.get(K_INST_CONTACTS)
        found.append(
            Installation(
                base_url=as_https(base_url),
                name_pl=_lang_text(name, "pl"),
                name_en=_lang_text(name, "en"),
                version=None if version is None else str(version),
                contact_emails=tuple(
                    c.strip() for c in (contacts if isinstance(contacts, list) else ()) if isinstance(c, str)
                    and c.strip()
                ),
            )
        )
    return found


def installation_to_json(inst: Installation) -> dict[str, object]:
    """The mother server's shape, used for the bundled list and by the sandbox."""
    data: dict[str, object] = {
        K_INST_BASE_URL: inst.base_url,
        K_INST_NAME: {"pl": inst.name_pl, "en": inst.name_en},
    }
    if inst.version is not None:
        data[K_INST_VERSION] = inst.version
    data[K_INST_CONTACTS] = list(inst.contact_emails)
    return data


@dataclass(frozen=True, slots=True)
class ErrorBody:
    """D4: what a 4xx answer's JSON says; every key optional (``message`` "at least")."""

    message: str | None = None
    code: str | None = None
    param_name: str | None = None
    reason: str | None = None
    field_name: str | None = None
    method_name: str | None = None
    user_message: LangText = field(default_factory=LangText)
    field_messages: dict[str, LangText] = field(default_factory=dict)


def parse_error_body(data: object) -> ErrorBody:
    """D4 error body, tolerant: a body that is not a dictionary gives an empty one."""
    if not isinstance(data, Mapping):
        return ErrorBody()

    def text(key: str) -> str | None:
        value = data.get(key)
        return str(value) if value not in (None, "") and not isinstance(value, (Mapping, list)) else None

    user = data.get(K_USER_MESSAGES)
    generic = LangText()
    fields: dict[str, LangText] = {}
    if isinstance(user, Mapping):
        generic = parse_lang_text(user.get(K_USER_GENERIC))
        raw_fields = user.get(K_USER_FIELDS)
        if isinstance(raw_fields, Mapping):
            fields = {str(k): parse_lang_text(v) for k, v in raw_fields.items()}
    return ErrorBody(
        message=text(K_ERROR_MESSAGE),
        code=text(K_ERROR_CODE),
        param_name=text(K_ERROR_PARAM_NAME),
        reason=text(K_ERROR_REASON),
        field_name=text(K_ERROR_FIELD_NAME),
        method_name=text(K_ERROR_METHOD_NAME),
        user_message=generic,
        field_messages={k: v for k, v in fields.items() if v},
    )


def apiref_params(method: str) -> dict[str, str]:
    """D6: what ``services/apiref/method`` is asked for one method."""
    return {P_NAME: method, P_FIELDS: FIELD_SEPARATOR.join(APIREF_FIELDS)}
