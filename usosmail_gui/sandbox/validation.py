"""Parameter checks of the three send methods, and template rendering.

Strict on purpose: the sandbox refuses what the documentation (section A) says is
invalid, so an app that passes against it does not surprise a real installation. Every
refusal is an ``ApiError`` with the offending parameter named.
"""

from __future__ import annotations

import functools
import json
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.models import ContentFormat, Lang, LangText

from .errors import ApiError, param_invalid, param_missing


@dataclass(frozen=True, slots=True)
class Address:
    """A recipient as the client wrote it (echoed in statuses) and in ASCII (for headers)."""

    given: str
    ascii: str

    def in_domain(self, domain: str) -> bool:
        wanted = domain.strip().lower()
        return any(a.rpartition("@")[2].lower() == wanted for a in (self.given, self.ascii))


@dataclass(frozen=True, slots=True)
class Mail:
    """One validated message, ready to be queued."""

    subject: str
    content: str
    recipients: tuple[Address, ...]
    content_format: ContentFormat = ContentFormat.PLAIN
    from_name: str | None = None
    from_email: Address | None = None
    send_summary_to: Address | None = None
    lang: Lang = Lang.PL
    from_notifier: bool = False  # send_simple_by_template: "from the USOS Notifier address"


@dataclass(frozen=True, slots=True)
class _SenderFields:
    from_name: str | None
    from_email: Address | None
    send_summary_to: Address | None
    lang: Lang


@functools.lru_cache(maxsize=65536)
def _check_address(value: str) -> tuple[str | None, str | None]:
    """``(ascii_form, None)`` for a valid address, ``(None, reason)`` otherwise (cached:
    a campaign repeats addresses across calls)."""
    try:
        result = validate_email(value, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as exc:
        return None, str(exc)
    return result.ascii_email or result.normalized, None


def parse_address(value: str, param: str) -> Address:
    """A syntactically valid e-mail address, or 400 ``param_invalid`` naming ``param``."""
    address = value.strip()
    if not address:
        raise param_invalid(param, f"'{param}' contains an empty e-mail address.")
    ascii_form, reason = _check_address(address)
    if ascii_form is None:
        raise param_invalid(
            param,
            f"'{address}' is not a valid e-mail address: {reason}",
            LangText(
                f"Adres e-mail {address!r} jest nieprawidłowy.", f"The e-mail address {address!r} is invalid."
            ),
        )
    return Address(address, ascii_form)


def _text(
    params: Mapping[str, object], name: str, *, required: bool = False, limit: int | None = None
) -> str | None:
    """A text parameter; empty counts as absent (that is what a blank form field sends)."""
    value = params.get(name)
    if value is None or value == "":
        if required:
            raise param_missing(name)
        return None
    if not isinstance(value, str):
        raise param_invalid(name, f"'{name}' must be text, not {type(value).__name__}.")
    if limit is not None and len(value) > limit:
        raise param_invalid(
            name,
            f"'{name}' is {len(value)} characters long; the limit is {limit}.",
            LangText(
                f"Tekst może mieć najwyżej {limit} znaków.", f"The text may have at most {limit} characters."
            ),
        )
    return value


def _required(params: Mapping[str, object], name: str, *, limit: int | None = None) -> str:
    value = _text(params, name, required=True, limit=limit)
    if value is None:  # pragma: no cover - _text raised already
        raise param_missing(name)
    return value


def _sender(params: Mapping[str, object]) -> _SenderFields:
    from_name = _text(params, wire.P_FROM_NAME, limit=wire.MAX_FROM_NAME)
    raw_from_email = _text(params, wire.P_FROM_EMAIL, limit=wire.MAX_FROM_EMAIL)
    from_email = None
    if raw_from_email is not None:
        if from_name is None:
            raise param_invalid(
                wire.P_FROM_EMAIL,
                f"'{wire.P_FROM_EMAIL}' is valid only together with '{wire.P_FROM_NAME}'.",
            )
        from_email = parse_address(raw_from_email, wire.P_FROM_EMAIL)
    raw_summary = _text(params, wire.P_SEND_SUMMARY_TO)
    summary = None if raw_summary is None else parse_address(raw_summary, wire.P_SEND_SUMMARY_TO)
    raw_lang = _text(params, wire.P_LANG)
    try:
        lang = Lang.PL if raw_lang is None else Lang(raw_lang)
    except ValueError:
        allowed = ", ".join(repr(str(v)) for v in Lang)
        raise param_invalid(
            wire.P_LANG, f"'{wire.P_LANG}' must be one of {allowed}, not {raw_lang!r}."
        ) from None
    return _SenderFields(from_name, from_email, summary, lang)


def validate_simple(params: Mapping[str, object]) -> Mail:
    """The parameters of one ``send_simple_message`` call, checked against section A."""
    subject = _required(params, wire.P_SUBJECT, limit=wire.MAX_SUBJECT)
    content = _required(params, wire.P_CONTENT, limit=wire.MAX_CONTENT)
    raw_recipients = _required(params, wire.P_RECIPIENTS)
    recipients = tuple(
        parse_address(part, wire.P_RECIPIENTS)
        for part in raw_recipients.split(wire.RECIPIENT_SEPARATOR)
    )
    raw_format = _text(params, wire.P_CONTENT_FORMAT)
    try:
        content_format = ContentFormat.PLAIN if raw_format is None else ContentFormat(raw_format)
    except ValueError:
        allowed = ", ".join(repr(str(v)) for v in ContentFormat)
        raise param_invalid(
            wire.P_CONTENT_FORMAT,
            f"'{wire.P_CONTENT_FORMAT}' must be one of {allowed}, not {raw_format!r}.",
        ) from None
    sender = _sender(params)
    return Mail(
        subject=subject,
        content=content,
        recipients=recipients,
        content_format=content_format,
        from_name=sender.from_name,
        from_email=sender.from_email,
        send_summary_to=sender.send_summary_to,
        lang=sender.lang,
    )


def parse_param_sets(raw: str | None) -> list[object]:
    """``param_sets``: a JSON list (its items are checked one by one by the caller)."""
    if raw is None or raw == "":
        raise param_missing(wire.P_PARAM_SETS)
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise param_invalid(wire.P_PARAM_SETS, f"'{wire.P_PARAM_SETS}' is not valid JSON: {exc}.") from None
    if not isinstance(data, list):
        raise param_invalid(
            wire.P_PARAM_SETS, f"'{wire.P_PARAM_SETS}' must be a JSON list of dictionaries."
        )
    return data


def try_simple(item: object) -> Mail | None:
    """One entry of ``param_sets``: the message, or ``None`` (``false`` on the wire)."""
    if not isinstance(item, dict) or not all(isinstance(k, str) for k in item):
        return None
    try:
        return validate_simple(item)
    except ApiError:
        return None


# --- templates (send_simple_by_template) --------------------------------------------
_RENDER_ERRORS = (KeyError, IndexError, ValueError, AttributeError, TypeError)
_WIDTH = re.compile(r"(?<![.\d])\d+")


def _expands_beyond(template: str, params: Mapping[str, str], limit: int) -> bool:
    """True if a field's width alone exceeds ``limit`` (``{x:>999999999}``).

    Such a result would be refused as too long anyway; checking first keeps a typo from
    making the sandbox build a gigabyte string. Malformed templates are left to
    ``str.format`` to report.
    """
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return False
    for _literal, field, spec, _conversion in fields:
        if field is None or not spec:
            continue
        if "{" in spec:
            try:
                spec = spec.format(**params)
            except _RENDER_ERRORS:
                return False
        for match in _WIDTH.finditer(spec):
            digits = match.group()
            if len(digits) > 9 or int(digits) > limit:
                return True
    return False


def _render(
    template: str, params: Mapping[str, str], *, param: str, limit: int, what: str, who: str
) -> str:
    """``template.format(**params)`` exactly, with every failure as 400 naming ``param``."""
    if _expands_beyond(template, params, limit):
        raise param_invalid(param, f"For {who} the {what} would be longer than {limit} characters.")
    try:
        text = template.format(**params)
    except KeyError as exc:
        name = exc.args[0] if exc.args else "?"
        raise param_invalid(
            param, f"The {what} template uses the variable {{{name}}}, but {who} has no such parameter."
        ) from None
    except IndexError:
        raise param_invalid(
            param,
            f"The {what} template has a positional placeholder ({{}} or {{0}}); "
            "use named ones like {name}.",
        ) from None
    except _RENDER_ERRORS as exc:
        raise param_invalid(
            param, f"The {what} template is not a valid Python format string for {who}: {exc}."
        ) from None
    if len(text) > limit:
        raise param_invalid(
            param,
            f"For {who} the {what} is {len(text)} characters long after substitution; "
            f"the limit is {limit}.",
        )
    return text


def _template_recipients(raw: str) -> list[tuple[Address, dict[str, str]]]:
    name = wire.P_RECIPIENTS
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise param_invalid(name, f"'{name}' is not valid JSON: {exc}.") from None
    if not isinstance(data, list):
        raise param_invalid(name, f"'{name}' must be a JSON list of dictionaries.")
    if not data:
        raise param_invalid(name, f"'{name}' lists no recipients.")
    found: list[tuple[Address, dict[str, str]]] = []
    for n, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            raise param_invalid(name, f"Recipient #{n} is not a dictionary.")
        email = entry.get(wire.K_TEMPLATE_EMAIL)
        if not isinstance(email, str) or not email.strip():
            raise param_invalid(
                name, f"Recipient #{n} has no '{wire.K_TEMPLATE_EMAIL}' text."
            )
        address = parse_address(email, name)
        params = entry.get(wire.K_TEMPLATE_PARAMS, {})
        if params is None:
            params = {}
        if not isinstance(params, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in params.items()
        ):
            raise param_invalid(
                name,
                f"Recipient #{n} ({address.given}): '{wire.K_TEMPLATE_PARAMS}' must map "
                "variable names to text values.",
            )
        found.append((address, params))
    return found


def validate_template(params: Mapping[str, object]) -> list[Mail]:
    """All messages of one ``send_simple_by_template`` call, or the first problem.

    Everything is checked before anything is queued: the call is all or nothing.
    """
    subject_template = _required(params, wire.P_SUBJECT_TEMPLATE)
    content_template = _required(params, wire.P_CONTENT_TEMPLATE)
    raw_recipients = _required(params, wire.P_RECIPIENTS)
    recipients = _template_recipients(raw_recipients)
    sender = _sender(params)
    mails: list[Mail] = []
    for n, (address, values) in enumerate(recipients, start=1):
        who = f"recipient #{n} ({address.given})"
        subject = _render(
            subject_template, values, param=wire.P_SUBJECT_TEMPLATE,
            limit=wire.MAX_SUBJECT, what="subject", who=who,
        )
        content = _render(
            content_template, values, param=wire.P_CONTENT_TEMPLATE,
            limit=wire.MAX_CONTENT, what="content", who=who,
        )
        mails.append(
            Mail(
                subject=subject,
                content=content,
                recipients=(address,),
                from_name=sender.from_name,
                from_email=sender.from_email,
                send_summary_to=sender.send_summary_to,
                lang=sender.lang,
                from_notifier=True,
            )
        )
    return mails


def parse_message_ids(raw: str | None, name: str) -> list[str]:
    """Pipe-separated IDs (blank entries skipped), at least one."""
    if raw is None or not raw.strip():
        raise param_missing(name)
    ids = [part.strip() for part in raw.split(wire.RECIPIENT_SEPARATOR) if part.strip()]
    if not ids:
        raise param_missing(name)
    return ids
