"""``services/apiref/method`` of the sandbox: the six mailing methods described the way a
real installation describes them (D6), and as this sandbox really behaves.

The descriptions follow the installations' own pages (usos-mailing-module.seed.txt) and
the apiref answer's documented keys (name, short_name, description, brief_description,
ref_url, auth_options, arguments, returns, errors, result_fields, beta, deprecated,
admin_access, is_internal). ``returns`` says what the sandbox answers, so with
``--status-detail sparse`` the plural status method documents only ``finished`` — the
difference the app's self-check must notice.
"""

from __future__ import annotations

from collections.abc import Mapping

from usosmail_gui.core.usos import wire

_STANDARD = (
    (wire.P_FORMAT, False, "json", "Format in which to return values. See supported output formats."),
    ("callback", False, None, "Required only if you've chosen jsonp as a return format."),
)
_SENDER = (
    (
        wire.P_FROM_NAME,
        False,
        "USOS",
        "Name to be inserted into the From header (no more than 100 characters).",
    ),
    (
        wire.P_FROM_EMAIL,
        False,
        None,
        "Email to be inserted into the From header (no more than 100 characters). Valid only "
        "is passed along the from_name argument. If not given, this will be a default no-reply address.",
    ),
    (
        wire.P_SEND_SUMMARY_TO,
        False,
        None,
        "Email address. If given, USOS API will send a summary report to this address.",
    ),
    (
        wire.P_LANG,
        False,
        "pl",
        "Either pl or en - the language, in which USOS API will generate headers and signatures.",
    ),
)

_ERRORS = (
    "<p>Standard USOS API errors: <code>method_forbidden</code>, <code>param_missing</code>, "
    "<code>param_invalid</code>, <code>object_not_found</code>.</p>"
)

_RECIPIENT_STATUS = (
    "<li><b>recipients</b> - a list of dictionaries, one for each of the recipients:"
    "<ul><li><b>email</b> - the recipient's address,</li>"
    "<li><b>status</b> - one of: <i>waiting</i>, <i>sent</i>, <i>failed</i>,</li>"
    "<li><b>error</b> - the reason of a failure, or null.</li></ul></li>"
)
_FINISHED = (
    "<li><b>finished</b> - true, if USOS API has finished working with this message; if false, "
    "then the message is still waiting in a queue.</li>"
)


def _argument(name: str, required: bool, default: str | None, description: str) -> dict[str, object]:
    return {
        "name": name,
        "is_required": required,
        "is_deprecated": False,
        "default_value": default,
        "description": description,
    }


def _method(
    method: str,
    brief: str,
    arguments: tuple[tuple[str, bool, str | None, str], ...],
    returns: str,
    *,
    administrative: bool = True,
    result_fields: tuple[tuple[str, str, bool], ...] = (),
    base_url: str,
) -> dict[str, object]:
    return {
        "name": method,
        "short_name": method.rsplit("/", 1)[-1],
        "description": f"<p>{brief}</p>",
        "brief_description": brief,
        "ref_url": f"{base_url}developers/api/services/mailing/#{method.rsplit('/', 1)[-1]}",
        "auth_options": {
            "consumer": "required" if administrative else "optional",
            "token": "ignored",
            "administrative_only": administrative,
            "ssl_required": False,
            "scopes": [],
        },
        "arguments": [_argument(*a) for a in (*arguments, *_STANDARD)],
        "returns": returns,
        "errors": _ERRORS,
        "result_fields": [
            {"name": name, "description": description, "is_primary": primary, "is_secondary": not primary}
            for name, description, primary in result_fields
        ],
        "beta": False,
        "deprecated": None,
        "is_internal": False,
    }


def references(
    *, base_url: str, sparse: bool, system_status_fields: frozenset[str]
) -> dict[str, dict[str, object]]:
    """Every mailing method's description, keyed by its full name."""
    status_entry = f"<ul>{_FINISHED}</ul>" if sparse else f"<ul>{_FINISHED}{_RECIPIENT_STATUS}</ul>"
    system_fields = tuple(
        (name, description, primary)
        for name, description, primary in (
            (wire.K_TOTAL_PENDING, "Number of messages (recipients) waiting in the queue.", True),
            (wire.K_MY_PENDING, "Number of your messages (recipients) waiting in the queue.", False),
            (wire.K_DAEMON_RUNNING, "True if the mailing daemon is running.", True),
        )
        if name in system_status_fields
    )
    described = (
        _method(
            wire.SEND_SIMPLE_MESSAGE,
            "Send an email message, to any given email address(es).",
            (
                (wire.P_SUBJECT, True, None, "Subject of the message (no more than 200 characters)."),
                (wire.P_CONTENT, True, None, "Content of the message (no more than 15000 characters)."),
                (wire.P_RECIPIENTS, True, None, "Pipe-separated list of email addresses."),
                (wire.P_CONTENT_FORMAT, False, "plain", "Type of content argument: plain or html."),
                *_SENDER,
            ),
            "<p>The method returns a dictionary of the following structure:</p>"
            "<ul><li><b>message_id</b> - ID of the message which you can use to check its status.</li></ul>",
            base_url=base_url,
        ),
        _method(
            wire.SEND_SIMPLE_MESSAGES,
            "Send multiple email messages.",
            (
                (
                    wire.P_PARAM_SETS,
                    True,
                    None,
                    "JSON-formatted list of dictionaries of send_simple_message arguments.",
                ),
            ),
            "<p>A list of message IDs; the n-th entry is <i>false</i> if the n-th call failed.</p>",
            base_url=base_url,
        ),
        _method(
            wire.SEND_SIMPLE_BY_TEMPLATE,
            'Send multiple messages using a template. All messages will be from the "USOS Notifier" address.',
            (
                (
                    wire.P_SUBJECT_TEMPLATE,
                    True,
                    None,
                    "Subject of the message, might include template placeholders.",
                ),
                (
                    wire.P_CONTENT_TEMPLATE,
                    True,
                    None,
                    "Content of the message, might include template placeholders.",
                ),
                (wire.P_RECIPIENTS, True, None, "JSON-formatted list of dictionaries: email and params."),
                *_SENDER,
            ),
            "<p>A list of message IDs generated for your messages (one for each of the recipients).</p>",
            base_url=base_url,
        ),
        _method(
            wire.CHECK_MESSAGE_STATUS,
            "Check detailed status of a message.",
            ((wire.P_MESSAGE_ID, True, None, "ID of the message."),),
            f"<p>A dictionary of the following structure:</p><ul>{_FINISHED}{_RECIPIENT_STATUS}</ul>",
            base_url=base_url,
        ),
        _method(
            wire.CHECK_MESSAGES_STATUS,
            "Check status of a messages.",
            ((wire.P_MESSAGE_IDS, True, None, "Pipe-separated list of message IDs."),),
            "<p>Returns a dictionary where your message_ids will be mapped to a dictionary of the "
            f"following structure:</p>{status_entry}",
            base_url=base_url,
        ),
        _method(
            wire.SYSTEM_STATUS,
            "Get the status of the mailing subsystem.",
            (),
            "<p>A dictionary of the selected fields.</p>",
            administrative=False,
            result_fields=system_fields,
            base_url=base_url,
        ),
    )
    return {str(d["name"]): d for d in described}


def select(reference: Mapping[str, object], fields: str | None) -> dict[str, object]:
    """The keys ``fields`` asks for (all when not given); unknown ones are left out, as
    USOS's selector does for apiref's own answers."""
    if not fields:
        return dict(reference)
    wanted = [f for f in fields.split(wire.FIELD_SEPARATOR) if f]
    return {k: reference[k] for k in wanted if k in reference}
