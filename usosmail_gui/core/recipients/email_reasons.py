"""Why an address is invalid, in words the GUI can translate.

``email-validator`` explains in English. The reasons staff meet in real lists (no "@",
nothing before or after it, two dots, no dot in the domain, spaces or other stray
characters, too long) are marked for translation here; any other reason is shown as the
library wrote it.
"""

from __future__ import annotations

from usosmail_gui.core.sentences import QT_TRANSLATE_NOOP, Sentence, say

from .emails import COMMA_IN_DOMAIN, PIPE_BETWEEN_ADDRESSES, PIPE_IN_ADDRESS, SPACES_BETWEEN_ADDRESSES

# the app's own reasons (emails.py), marked here for translation with the same text
_OWN = (
    QT_TRANSLATE_NOOP(
        "Problems",
        "The address contains “|”, which USOS reads as the end of one address and the start of "
        "another, so this student's message could go to another address.",
    ),
    QT_TRANSLATE_NOOP(
        "Problems",
        "“|” separates addresses here, and USOS would read them as separate recipients. Separate them "
        "with commas (the “Split at |” fix does it).",
    ),
    QT_TRANSLATE_NOOP(
        "Problems",
        "These look like several addresses separated by spaces or “/”. Separate them with commas "
        "(the “Split into separate addresses” fix does it).",
    ),
    QT_TRANSLATE_NOOP(
        "Problems",
        "A comma where a dot belongs? The part after the @-sign has a comma (the “Replace the comma "
        "with a dot” fix does it).",
    ),
)
assert _OWN == (PIPE_IN_ADDRESS, PIPE_BETWEEN_ADDRESSES, SPACES_BETWEEN_ADDRESSES, COMMA_IN_DOMAIN)

_KNOWN = {
    text: say(text)
    for text in (
        *_OWN,
        QT_TRANSLATE_NOOP("Problems", "An email address must have an @-sign."),
        QT_TRANSLATE_NOOP("Problems", "There must be something before the @-sign."),
        QT_TRANSLATE_NOOP("Problems", "There must be something after the @-sign."),
        QT_TRANSLATE_NOOP("Problems", "An email address cannot have two periods in a row."),
        QT_TRANSLATE_NOOP(
            "Problems", "An email address cannot have a period and a hyphen next to each other."
        ),
        QT_TRANSLATE_NOOP("Problems", "The part after the @-sign is not valid. It should have a period."),
        QT_TRANSLATE_NOOP(
            "Problems", "The part after the @-sign is not valid. It is not within a valid top-level domain."
        ),
        QT_TRANSLATE_NOOP(
            "Problems",
            "The part after the @-sign is a special-use or reserved name that cannot be used with email.",
        ),
        QT_TRANSLATE_NOOP("Problems", "The email address contains invalid characters before the @-sign."),
        QT_TRANSLATE_NOOP("Problems", "The email address contains an invalid character."),
        QT_TRANSLATE_NOOP("Problems", "The email address is not valid ASCII."),
        QT_TRANSLATE_NOOP("Problems", "There can't be anything after the email address."),
        QT_TRANSLATE_NOOP(
            "Problems", "A display name and angle brackets around the email address are not permitted here."
        ),
        QT_TRANSLATE_NOOP("Problems", "Quoting the part before the @-sign is not allowed here."),
        QT_TRANSLATE_NOOP("Problems", "A bracketed IP address after the @-sign is not allowed here."),
        QT_TRANSLATE_NOOP(
            "Problems",
            'The email address has the "small commercial at" character instead of a regular at-sign.',
        ),
    )
}
_PREFIXES = (
    # reasons that end with the offending characters: the prefix is translated, the rest kept
    QT_TRANSLATE_NOOP("Problems", "The email address contains invalid characters before the @-sign: {rest}"),
    QT_TRANSLATE_NOOP("Problems", "The part after the @-sign contains invalid characters: {rest}"),
    QT_TRANSLATE_NOOP("Problems", "The email address contains unsafe characters: {rest}"),
    QT_TRANSLATE_NOOP("Problems", "The email address is too long {rest}"),
    QT_TRANSLATE_NOOP("Problems", "The email address is too long before the @-sign {rest}"),
    QT_TRANSLATE_NOOP("Problems", "The email address is too long after the @-sign {rest}"),
)


def reason_sentence(reason: str) -> Sentence | str:
    """The reason as a translatable sentence when it is a known one, else as written."""
    known = _KNOWN.get(reason)
    if known is not None:
        return known
    for template in sorted(_PREFIXES, key=len, reverse=True):
        prefix = template.removesuffix("{rest}")
        if reason.startswith(prefix) and "{" not in reason:
            return say(template, rest=reason[len(prefix) :])
    return reason
