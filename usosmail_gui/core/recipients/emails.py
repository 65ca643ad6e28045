"""E-mail cells: cleaned, split into addresses, each checked by ``email-validator``.

Cells copied from web pages and e-mails carry non-breaking and zero-width spaces, and
decomposed Polish letters; they are removed or normalised (NFC) before anything else. A
cell may hold several addresses separated by ``,`` ``;`` or line breaks: all of them
receive the message. Validation is syntax only (no DNS): an address is sendable exactly
when ``email_validator.validate_email(address, check_deliverability=False)`` accepts it.

Why a fast path: ``validate_email`` costs ~50 µs, 2.5 s for 50,000 rows, and nearly all
of it is the domain (IDNA) check, which is the same for every student of a university.
So the domain's verdict is computed by ``validate_email`` once per domain and reused for
addresses whose local part is plain ASCII dot-atom, where ``validate_email`` does nothing
else but the length checks, repeated here; anything else goes through ``validate_email``
itself. ``tests/unit/core/recipients/test_emails.py`` checks with hypothesis that both ways
agree.
"""

from __future__ import annotations

import collections
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from email_validator.rfc_constants import (
    ATEXT,
    CASE_INSENSITIVE_MAILBOX_NAMES,
    DOT_ATOM_TEXT,
    EMAIL_MAX_LENGTH,
)

from .headers import EMAIL_LIKE, Column

__all__ = [
    "CellVerdict",
    "EmailChecker",
    "Verdict",
    "as_verdict",
    "clean_email_cell",
    "detect_email_column",
    "email_header_score",
    "split_addresses",
]

# zero-width characters vanish; the many spaces of Unicode become plain spaces
_CLEAN = {
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None),
    **dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u3000"), " "),
    **dict.fromkeys(range(0x2000, 0x200B), " "),
}
_SEPARATORS = re.compile(r"[,;\r\n]+")
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
_CASE_INSENSITIVE = frozenset(CASE_INSENSITIVE_MAILBOX_NAMES)
# a cell that is exactly one ASCII address with a dot-atom local part (after trimming)
# "|" is atext for RFC 5322 but separates recipients for USOS: never on a fast path
_ATEXT = ATEXT.replace("\\|", "")
_SIMPLE_CELL = re.compile(rf"([{_ATEXT}]+(?:\.[{_ATEXT}]+)*)@([^\s@,;|]+)\Z")
# the bytes of dot-atoms (RFC 5322 atext and the dot), for the column-at-once check
_ATOM_BYTES = bytes(b for b in range(128) if re.fullmatch(rf"[{_ATEXT}.]", chr(b)))
_DOMAINS = re.compile(r"@([^\n]*)")
_EMPTY_LOCAL = re.compile(rb"\n@")
_SPECIAL_MAILBOXES = tuple(f"{name}@" for name in sorted(_CASE_INSENSITIVE))


PIPE_IN_ADDRESS = (
    "The address contains “|”, which USOS reads as the end of one address and the start of "
    "another, so this student's message could go to another address."
)
PIPE_BETWEEN_ADDRESSES = (
    "“|” separates addresses here, and USOS would read them as separate recipients. Separate them "
    "with commas (the “Split at |” fix does it)."
)
SPACES_BETWEEN_ADDRESSES = (
    "These look like several addresses separated by spaces or “/”. Separate them with commas "
    "(the “Split into separate addresses” fix does it)."
)
COMMA_IN_DOMAIN = (
    "A comma where a dot belongs? The part after the @-sign has a comma (the “Replace the comma "
    "with a dot” fix does it)."
)
_COMMA_DOMAIN = re.compile(r"(@[^@\s,;|]+),([A-Za-z]{2,6})(?=\s*(?:$|[;,\n]))")
_LOOSE_SEPARATORS = re.compile(r"[\s/]+")


def _as_written(domain: str) -> str:
    """The domain as the sheet writes it: an IDNA ``xn--`` domain is not rewritten to Unicode,
    nor a Unicode one to ``xn--`` (email-validator's ``normalized`` does the first), so what
    is sent is what the sheet says; ASCII letters are lower-cased (domains ignore case)."""
    return domain.lower() if domain.isascii() else domain


def _has_special_mailbox(lowered: str) -> bool:
    """Whether a line of ``lowered`` starts with "postmaster@" or another RFC 2142 name.

    Searching "name@" (the "@" last lets the search skip ahead) and checking the line
    start only on a hit is ~10x faster than searching "\nname@".
    """
    for name in _SPECIAL_MAILBOXES:
        at = lowered.find(name)
        while at >= 0:
            if at == 0 or lowered[at - 1] == "\n":
                return True
            at = lowered.find(name, at + 1)
    return False


def clean_email_cell(text: str) -> str:
    """Trimmed, without zero-width characters, odd spaces made plain, Unicode NFC."""
    if text.isascii():
        return text.strip()
    return unicodedata.normalize("NFC", text.translate(_CLEAN)).strip()


def split_addresses(cleaned: str) -> list[str]:
    """The addresses written in one (cleaned) cell, in order; empty pieces are dropped."""
    if "," in cleaned or ";" in cleaned or "\n" in cleaned or "\r" in cleaned:
        pieces = (_MAILTO.sub("", p.strip()) for p in _SEPARATORS.split(cleaned))
        return [p for p in pieces if p]
    if cleaned[:7].lower() == "mailto:":
        cleaned = cleaned[7:].strip()
    return [cleaned] if cleaned else []


@dataclass(frozen=True, slots=True)
class CellVerdict:
    """What one e-mail cell holds.

    ``addresses``: the valid ones, normalised by email-validator, each once, in order;
    ``invalid``: ``(address as written, what is wrong)``; ``repeated``: valid addresses
    written more than once in the cell (they receive one message).
    """

    addresses: tuple[str, ...] = ()
    invalid: tuple[tuple[str, str], ...] = ()
    repeated: tuple[str, ...] = ()
    written: int = 0  # how many addresses the cell holds, valid or not
    keys: tuple[str, ...] = ()  # ``addresses`` case-folded, to find duplicates across rows
    fix: str | None = None  # the cell corrected, when the correction is obvious (a quick fix)
    non_ascii: tuple[str, ...] = ()  # valid addresses with letters like "ł" before the "@"

    @property
    def empty(self) -> bool:
        return self.written == 0


_EMPTY = CellVerdict()

Verdict = str | CellVerdict
"""What ``EmailChecker.check_cells`` gives per cell: a ``str`` is the one valid address
(normalised) of a cell that holds just that, the common case kept light (50,000 rows
would otherwise make 50,000 objects); anything else is a ``CellVerdict``."""


def as_verdict(verdict: Verdict) -> CellVerdict:
    """The full ``CellVerdict`` of either form."""
    if isinstance(verdict, str):
        return CellVerdict((verdict,), (), (), 1, (verdict.casefold(),))
    return verdict


class EmailChecker:
    """Validates addresses and cells, remembering every answer (edits re-check cheaply)."""

    def __init__(self) -> None:
        self._addresses: dict[str, tuple[str | None, str]] = {}
        # domain as written -> (normalised, IDNA ASCII, UTF-8 bytes of the longest of the
        # three forms), or None when validate_email rejects it
        self._domains: dict[str, tuple[str, str, int] | None] = {}
        self._cells: dict[str, Verdict] = {"": _EMPTY}

    def check_address(self, address: str) -> tuple[str | None, str]:
        """``(normalised address, "")`` when valid, ``(None, what is wrong)`` when not."""
        known = self._addresses.get(address)
        if known is None:
            known = self._fast(address) or self._full(address)
            self._addresses[address] = known
        return known

    def _full(self, address: str) -> tuple[str | None, str]:
        try:
            info = validate_email(address, check_deliverability=False)
        except EmailNotValidError as exc:
            return None, str(exc)
        if "|" in info.local_part:
            return None, PIPE_IN_ADDRESS
        return info.local_part + "@" + _as_written(address.rpartition("@")[2]), ""

    def _domain(self, domain: str) -> tuple[str, str, int] | None:
        if domain not in self._domains:
            try:
                info = validate_email("a@" + domain, check_deliverability=False)
            except EmailNotValidError:
                self._domains[domain] = None
            else:
                longest = max(len(d.encode("utf-8")) for d in (domain, info.domain, info.ascii_domain))
                self._domains[domain] = (info.domain, info.ascii_domain, longest)
        return self._domains[domain]

    def _fast(self, address: str) -> tuple[str | None, str] | None:
        """The verdict of ``validate_email`` for a common address, or None to ask it."""
        local, at, domain = address.rpartition("@")
        if not at or not local.isascii() or not DOT_ATOM_TEXT.match(local):
            return None
        if local.lower() in _CASE_INSENSITIVE:
            return None
        known = self._domain(domain)
        if known is None:
            return None
        _normal_domain, _ascii_domain, longest_domain = known
        # validate_email_length: the address as written, normalised and with the IDNA
        # domain, each at most 254 UTF-8 bytes (the local part here is ASCII)
        if len(local) + 1 + longest_domain > EMAIL_MAX_LENGTH or "|" in local:
            return None
        return local + "@" + _as_written(domain), ""

    def _check_plain_cells(self, cells: list[str]) -> list[Verdict] | None:
        """All verdicts at once when every cell is empty or one plain ASCII address whose
        domain is valid and already normalised (lower case); None otherwise.

        Each test is a C-level pass over the whole chunk joined by newlines: only the
        characters of a dot-atom may remain besides one "@" per line, the local part is
        not empty and (when it has dots at all) neither starts, ends nor doubles them, and
        every distinct domain is one ``validate_email`` accepts as written.
        """
        if not cells:
            return []
        joined = "\n" + "\n".join(cells) + "\n"
        if not joined.isascii() or joined.count("\n") != len(cells) + 1:
            return None  # non-ASCII, or a line break inside a cell
        data = joined.encode("ascii")
        if data.translate(None, _ATOM_BYTES).replace(b"@\n", b"").replace(b"\n", b""):
            return None  # a character outside dot-atoms, or a line without exactly one "@"
        filled = len(cells) - cells.count("")
        if data.count(b"@") != filled:
            return None  # a non-empty cell without "@"
        if _EMPTY_LOCAL.search(data) or max(map(len, cells)) > EMAIL_MAX_LENGTH:
            return None
        first = _DOMAINS.search(joined)
        if first is not None and joined.count(f"@{first.group(1)}\n") == filled:
            counts = {first.group(1): filled}  # the usual case: everyone at one university
        else:
            counts = collections.Counter(_DOMAINS.findall(joined))
        for domain in counts:
            facts = self._domain(domain)
            if facts is None or not domain.islower() or facts[2] > len(domain):
                return None
        domain_dots = sum(domain.count(".") * n for domain, n in counts.items())
        if data.count(b".") != domain_dots and (b"\n." in data or b".@" in data or b".." in data):
            return None  # a local part with a dot at its start or end, or two in a row
        # validate_email lower-cases "Postmaster@" and the like; without capitals, no change
        if data.lower() != data and _has_special_mailbox(joined.lower()):
            return None
        if filled != len(cells):
            return [cell or _EMPTY for cell in cells]
        return list(cells)

    def check_cells(self, cells: Iterable[str]) -> list[Verdict]:
        """``check_cell`` for many cells at once, the common case without a call per cell."""
        cells = list(cells)
        plain = self._check_plain_cells(cells)
        if plain is not None:
            return plain
        known = self._cells
        domains = self._domains
        simple = _SIMPLE_CELL.match
        case_insensitive = _CASE_INSENSITIVE
        result: list[Verdict] = []
        append = result.append
        for text in cells:
            verdict = known.get(text)
            if verdict is None:
                trimmed = text.strip() if text.isascii() else ""
                match = simple(trimmed)
                if match is not None:
                    local, domain = match.groups()
                    facts = domains[domain] if domain in domains else self._domain(domain)
                    if (
                        facts is not None
                        and len(local) + 1 + facts[2] <= EMAIL_MAX_LENGTH
                        and local.lower() not in case_insensitive
                    ):
                        verdict = trimmed if domain.islower() else local + "@" + domain.lower()
                        known[text] = verdict
                if verdict is None:
                    verdict = self.check_cell(text)
            append(verdict)
        return result

    def check_cell(self, text: str) -> CellVerdict:
        """The verdict for a whole e-mail cell, as written in the sheet."""
        known = self._cells.get(text)
        if known is not None:
            return as_verdict(known)
        cleaned = clean_email_cell(text)
        written = split_addresses(cleaned)
        valid: list[str] = []
        seen: set[str] = set()
        invalid: list[tuple[str, str]] = []
        repeated: list[str] = []
        fix = self._obvious_fix(cleaned, written)
        if fix is not None:
            _fixed, reason, culprit = fix
            invalid.append((culprit, reason))
            gone = {culprit, *split_addresses(culprit)}
            written = [a for a in written if a not in gone]
        for address in written:
            normalized, reason = self.check_address(address)
            if normalized is None:
                invalid.append((address, reason))
                continue
            key = normalized.casefold()
            if key in seen:
                repeated.append(normalized)
            else:
                seen.add(key)
                valid.append(normalized)
        if fix is not None:
            written = [*written, fix[2]]
        keys = tuple(a.casefold() for a in valid)
        non_ascii = tuple(a for a in valid if not a.rpartition("@")[0].isascii())
        verdict = CellVerdict(
            tuple(valid),
            tuple(invalid),
            tuple(repeated),
            len(written),
            keys,
            fix[0] if fix is not None else None,
            non_ascii,
        )
        self._cells[text] = verdict
        return verdict

    def _all_valid(self, addresses: Sequence[str]) -> bool:
        return len(addresses) > 1 and all(self.check_address(a)[0] is not None for a in addresses)

    def _obvious_fix(self, cleaned: str, written: Sequence[str]) -> tuple[str, str, str] | None:
        """(the corrected cell, why, the address as written it corrects) for the mistakes
        whose correction is obvious: "|", spaces or "/" between whole addresses, and a comma
        where the domain's dot belongs. None when there is no such mistake."""
        comma = _COMMA_DOMAIN.search(cleaned)
        if comma is not None:
            fixed = cleaned[: comma.start()] + comma.group(1) + "." + comma.group(2) + cleaned[comma.end() :]
            pieces = split_addresses(fixed)
            if pieces and all(self.check_address(a)[0] is not None for a in pieces):
                begin = max(cleaned.rfind(separator, 0, comma.start()) for separator in ",; \n") + 1
                return fixed, COMMA_IN_DOMAIN, cleaned[begin : comma.end()]
        for address in written:
            if "|" in address:
                parts = [p.strip() for p in address.split("|") if p.strip()]
                if self._all_valid(parts):
                    return cleaned.replace(address, ", ".join(parts)), PIPE_BETWEEN_ADDRESSES, address
                continue
            if address.count("@") > 1:
                parts = [p for p in _LOOSE_SEPARATORS.split(address) if p]
                if all("@" in p for p in parts) and self._all_valid(parts):
                    return cleaned.replace(address, ", ".join(parts)), SPACES_BETWEEN_ADDRESSES, address
        return None


# --- which column holds the addresses ----------------------------------------------------

_EXACT_HEADERS = frozenset(
    {
        "email",
        "e mail",
        "emails",
        "e mails",
        "mail",
        "adres email",
        "adres e mail",
        "adresy email",
        "adresy e mail",
        "adres mailowy",
        "poczta",
        "poczta elektroniczna",
        "adres poczty elektronicznej",
        "email address",
        "e mail address",
        "mail address",
    }
)
_HEADER_WORDS = frozenset({"email", "emaile", "emails", "mail", "maile", "mailowy", "poczta", "poczty"})


def _fold(text: str) -> str:
    text = text.casefold().replace("ł", "l")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def email_header_score(header: str) -> int:
    """2: the header names an e-mail column exactly; 1: it mentions e-mail; 0: no."""
    folded = _fold(header)
    if folded in _EXACT_HEADERS:
        return 2
    words = folded.split()
    if _HEADER_WORDS.intersection(words) or "e mail" in f" {folded} ":
        return 1
    return 0


def _content_share(values: Sequence[str], sample: int = 200) -> float:
    """Share of the first ``sample`` non-empty cells that look like e-mail addresses."""
    seen = hits = 0
    for value in values:
        if not value or value.isspace():
            continue
        seen += 1
        if "@" in value and EMAIL_LIKE.search(value):
            hits += 1
        if seen >= sample:
            break
    return hits / seen if seen else 0.0


def detect_email_column(columns: Sequence[Column], values: Sequence[Sequence[str]]) -> int | None:
    """The index of the column holding the addresses, or None when nothing looks like one.

    By header first (of several, the one whose cells look most like addresses, then the
    more exact name, then the first); by content when no header says e-mail: the column
    where most cells look like addresses, if at least half do.
    """
    by_header: list[tuple[float, int, int]] = []
    for column in columns:
        score = email_header_score(column.name)
        if score:
            share = _content_share(values[column.index])
            by_header.append((share, score, -column.index))
    best_header = max(by_header) if by_header else None
    if best_header is not None and best_header[0] > 0:
        return -best_header[2]
    shares = [(_content_share(values[c.index]), -c.index) for c in columns]
    best_share = max(shares, default=None)
    if best_share is not None and best_share[0] >= 0.5:
        return -best_share[1]
    if best_header is not None:
        return -best_header[2]  # named e-mail but empty: the user sees every row's problem
    return None
