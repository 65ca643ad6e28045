"""Plain, translatable words for the core's verdicts, shared by the dialog and the window.

The core explains itself in English (for the CLI and logs); the GUI speaks through Qt's
translation system instead, keyed by ``Verdict``, so Polish can be added with a .qm file.
The core's own text is shown only as a "Details" line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from usosmail_gui.core.usos.connection import ConnectionReport, Verdict
from usosmail_gui.ui.numbers import counted
from usosmail_gui.ui.plurals import TextContext

translate = QCoreApplication.translate


class ConnectionTexts(TextContext):
    """The translation context of this module's counted texts (see ``TextContext``)."""


def subject_as_written(subject: str) -> str:
    """A subject template for a list of campaigns: each placeholder shown as ‹name› (filled in
    per student), ``{{``/``}}`` as the braces they stand for; as stored if it cannot be read."""
    import string

    try:
        parts = list(string.Formatter().parse(subject))
    except ValueError:
        return subject
    return "".join(literal + (f"‹{field}›" if field is not None else "") for literal, field, _s, _c in parts)


def ui_lang() -> str:
    """ "pl" or "en": the language USOS's own texts (LangDicts) are shown in."""
    return "pl" if QLocale().name().startswith("pl") else "en"


def verdict_explanation(report: ConnectionReport, contacts: tuple[str, ...] = ()) -> str:
    """What the test found and what to do next, in a sentence or three; ``contacts``: the
    installation's USOS API administrators, when the report does not name them itself."""
    verdict = report.verdict
    url = report.base_url
    if verdict is Verdict.OK:
        if report.unsent_count is None:
            return translate(
                "ConnectionTexts",
                "Connected. The key is an administrative key, so it may send mail. "
                "The server did not say how many messages wait in its queue.",
            )
        return counted(
            ConnectionTexts.tr(
                "Connected. The key is an administrative key, so it may send mail. "
                "The USOS API mail queue holds %n unsent message(s).",
                "",
                report.unsent_count,
            ),
            report.unsent_count,
        )
    if verdict is Verdict.CREDENTIALS_REJECTED:
        return translate(
            "ConnectionTexts",
            "Rejected: the USOS API did not accept this consumer key or secret. Check that "
            "both were copied exactly (no spaces), that they belong to this installation, "
            "and that this computer's clock is right.",
        )
    if verdict is Verdict.NOT_ADMINISTRATIVE:
        named = report.contacts or contacts
        if named:
            return translate(
                "ConnectionTexts",
                "The key and secret are right, but the key is not administrative. Sending mail "
                "needs an Administrative Consumer Key: ask your university's USOS API "
                "administrators for one ({contacts}).",
            ).format(contacts=", ".join(named))
        return translate(
            "ConnectionTexts",
            "The key and secret are right, but the key is not administrative. Sending mail "
            "needs an Administrative Consumer Key: ask your university's USOS API "
            "administrators for one.",
        )
    if verdict is Verdict.NOT_UNDERSTOOD:
        return translate(
            "ConnectionTexts",
            "{url} answered in a way this app does not understand, so it cannot say whether the "
            "key may send mail. Nothing was sent. Ask your university's USOS API administrators, "
            "or give them the report of `usosmail diagnostics`.",
        ).format(url=url)
    if verdict is Verdict.UNREACHABLE:
        return translate(
            "ConnectionTexts",
            "Could not reach {url}. Check the address and your network connection, then try again.",
        ).format(url=url)
    if verdict is Verdict.INSECURE_URL:
        return translate(
            "ConnectionTexts",
            "Refused: this address uses plain http (the key and the messages would travel "
            "unencrypted), or it has a user name, a backslash or a space that could make it lead "
            "to another server. Nothing was sent. Use the installation's plain https:// address "
            "(plain http is allowed only for a test server on this computer).",
        )
    if verdict is Verdict.SERVER_TROUBLE:
        return translate(
            "ConnectionTexts",
            "The server answered with an error. It may be busy or under maintenance: try "
            "again in a few minutes.",
        )
    # Verdict.NOT_USOS
    return translate(
        "ConnectionTexts",
        "{url} answered, but not like a USOS API. Check the address: it must be the "
        "installation's API address, e.g. https://usosapps.example.edu.pl/.",
    ).format(url=url)


def verdict_state(verdict: Verdict) -> str:
    """A few words for the status bar."""
    return {
        Verdict.OK: translate("ConnectionTexts", "Connected"),
        Verdict.CREDENTIALS_REJECTED: translate("ConnectionTexts", "Key or secret rejected"),
        Verdict.NOT_ADMINISTRATIVE: translate("ConnectionTexts", "Key is not administrative"),
        Verdict.UNREACHABLE: translate("ConnectionTexts", "Offline: server not reachable"),
        Verdict.INSECURE_URL: translate("ConnectionTexts", "Refused: not an https address"),
        Verdict.SERVER_TROUBLE: translate("ConnectionTexts", "Server trouble"),
        Verdict.NOT_USOS: translate("ConnectionTexts", "Not a USOS API"),
        Verdict.NOT_UNDERSTOOD: translate("ConnectionTexts", "Answer not understood"),
    }.get(verdict, translate("ConnectionTexts", "Unknown state"))


def usos_says(report: ConnectionReport) -> str:
    """USOS's own words for the user (``user_messages``), in the UI's language, or ""."""
    said = report.user_text(ui_lang())
    return translate("ConnectionTexts", "USOS says: {text}").format(text=said) if said else ""


def daemon_stopped_text() -> str:
    """Said wherever the queue is shown while USOS reports ``daemon_running: false``."""
    return translate(
        "ConnectionTexts",
        "USOS reports that its mail daemon is not running: messages are accepted into the queue, "
        "but none is sent until the university's USOS API administrators start it again.",
    )


def compatibility_lines(report: ConnectionReport) -> list[str]:
    """The self-check's outcome as lines for the dialog (empty: not run)."""
    from .problem_texts import sentences_text

    checked = report.compatibility
    if checked is None:
        return []
    if not checked.checked:
        return [
            translate(
                "ConnectionTexts",
                "The self-check could not be done: the installation's method reference could not "
                "be read. This is not an error.",
            )
        ]
    if not checked.differences:
        return [
            translate(
                "ConnectionTexts",
                "Self-check: this installation documents the answers the app reads, as the app expects.",
            )
        ]
    lines = [
        translate(
            "ConnectionTexts",
            "Self-check: this installation documents some answers differently from what the app "
            "expects (sending still works; statuses may need more requests or say less):",
        )
    ]
    lines += [f"• {d.method}: {sentences_text([d.sentence], d.detail)}" for d in checked.differences]
    return lines


def answer_line(answer: str) -> str:
    """An answer the app did not understand, shortened, for whoever helps the user."""
    return translate("ConnectionTexts", "The answer was: {answer}").format(answer=answer)


def details_line(detail: str) -> str:
    """The core's own (English) words, labelled as details."""
    return translate("ConnectionTexts", "Details: {detail}").format(detail=detail)


def session_only_notice() -> str:
    """Said when the keyring could not keep the credentials."""
    return translate(
        "ConnectionTexts",
        "No secure password store (keyring) is available, so the key and secret are kept "
        "only for this session: you will have to enter them again after closing the app. "
        "To have them remembered, install and unlock a keyring (e.g. GNOME Keyring or "
        "KWallet) and save again.",
    )
