"""Every name the USOS API uses on the wire, and the translation to and from models.

Section A of docs/usos-mailing-api.md documents the request parameters; section B is
assumed (the published page cuts its "Returned value" structures off). Everything here
that comes from B is marked so: if a real installation answers differently, this is the
one module to correct. Parsing is tolerant: unknown keys are ignored and optional keys
get defaults, so a server that says more than we expect still works.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import ProtocolError
from .models import (
    ContentFormat,
    DeliveryStatus,
    Enqueued,
    EnqueuedBatch,
    Installation,
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
K_UNSENT_COUNT = "unsent_count"  # B4
K_ERROR_MESSAGE = "message"  # B5
K_ERROR_CODE = "error"  # B5
K_ERROR_PARAM_NAME = "param_name"  # B5
# services/apisrv/installations
K_INST_BASE_URL = "base_url"
K_INST_NAME = "institution_name"
K_INST_VERSION = "version"

ERROR_PARAM_MISSING = "param_missing"
ERROR_PARAM_INVALID = "param_invalid"
ERROR_METHOD_FORBIDDEN = "method_forbidden"
ERROR_OBJECT_NOT_FOUND = "object_not_found"


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
    if isinstance(data, Mapping) and data.get(K_MESSAGE_ID) not in (None, False, ""):
        message_id = _as_id(data[K_MESSAGE_ID])
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


def _delivery_status(raw: object) -> DeliveryStatus:
    try:
        return DeliveryStatus(str(raw).lower())
    except ValueError:
        return DeliveryStatus.UNKNOWN


def parse_message_status(data: object) -> MessageStatus:
    if not isinstance(data, Mapping):
        raise _fail("expected a message status", data)
    recipients = []
    for entry in data.get(K_STATUS_RECIPIENTS) or ():
        if not isinstance(entry, Mapping):
            continue
        error = entry.get(K_RECIPIENT_ERROR)
        raw = entry.get(K_RECIPIENT_STATUS, "")
        recipients.append(
            RecipientStatus(
                email=str(entry.get(K_RECIPIENT_EMAIL) or ""),
                status=_delivery_status(raw),
                error=None if error in (None, "") else str(error),
                raw_status=str(raw or ""),
            )
        )
    return MessageStatus(finished=bool(data.get(K_FINISHED, False)), recipients=tuple(recipients))


def parse_messages_status(data: object) -> dict[str, MessageStatus | None]:
    if not isinstance(data, Mapping):
        raise _fail("expected statuses keyed by message ID", data)
    return {str(k): (None if v is None else parse_message_status(v)) for k, v in data.items()}


def parse_system_status(data: object) -> SystemStatus:
    if not isinstance(data, Mapping):
        raise _fail("expected the module's status", data)
    raw = data.get(K_UNSENT_COUNT)
    unsent = raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if unsent is None and isinstance(raw, str) and raw.isdigit():
        unsent = int(raw)
    extra = {str(k): v for k, v in data.items() if k != K_UNSENT_COUNT}
    return SystemStatus(unsent_count=unsent, extra=extra)


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
        found.append(
            Installation(
                base_url=normalize_base_url(base_url),
                name_pl=_lang_text(name, "pl"),
                name_en=_lang_text(name, "en"),
                version=None if version is None else str(version),
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
    return data


def parse_error_body(data: object) -> tuple[str | None, str | None, str | None]:
    """B5: ``(message, code, param_name)``, each ``None`` when not given."""
    if not isinstance(data, Mapping):
        return None, None, None

    def text(key: str) -> str | None:
        value = data.get(key)
        return str(value) if value not in (None, "") else None

    return text(K_ERROR_MESSAGE), text(K_ERROR_CODE), text(K_ERROR_PARAM_NAME)


def normalize_base_url(url: str) -> str:
    """``https://host/`` form: scheme and host lower-case, exactly one trailing slash."""
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    scheme, rest = url.split("://", 1)
    host, _, path = rest.partition("/")
    path = path.strip("/")
    return f"{scheme.lower()}://{host.lower()}/" + (path + "/" if path else "")
