"""First names: gender and vocative from Morfeusz 2 and its SGJP dictionary.

Morfeusz 2 (Institute of Computer Science, Polish Academy of Sciences) is the reference
analyser and generator of Polish, and SGJP (Grammatical Dictionary of Polish) marks each
lemma that is a first name (``imię``) with its gender and every inflected form. So a
first name is looked up as a lemma: the entries marked ``imię`` whose singular
nominative is the name as written give its gender (``f`` woman, ``m1`` man) and their
singular vocative (Anna → Anno, Jan → Janie, Kuba → Kubo, Maciek → Maćku). A name with
no such entry (Siobhan, Oluwaseun…), or with both a woman's and a man's entry, is
``known=False``: its vocative is the name as written and its gender unknown, and the
letter machinery flags the row. Nothing is guessed from endings.

The dictionary costs ~36 MiB of memory and ~0.2 s to load; ``morfeusz2`` is imported
only when a derived column needs it (never at start-up; ruff bans a module-level
import), and each distinct name is looked up once (``NameBook`` caches them). The window
keeps it in a child process (``lexicon_process``): its loader holds the GIL.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from .gender import Gender

__all__ = ["Lexicon", "MorfeuszLexicon", "NameBook", "NameInfo", "default_book", "use_default_book"]


@dataclass(frozen=True, slots=True)
class NameInfo:
    """What the dictionary says of one first name (``known``: it has one clear entry)."""

    name: str
    gender: Gender
    vocative: str
    known: bool


class Lexicon(Protocol):
    """Singular nominative and vocative forms of first-name lemmas: ``(gender, vocative)``
    for each entry of ``lemma`` marked as a first name whose nominative is ``lemma``."""

    def first_name_entries(self, lemma: str) -> list[tuple[Gender, str]]: ...


class MorfeuszLexicon:
    """SGJP through Morfeusz 2's generator (loaded on first use, thread-safe)."""

    def __init__(self) -> None:
        self._morfeusz: Any = None
        self._lock = threading.Lock()

    def load(self) -> Any:
        """The dictionary, loaded now if it is not yet (~0.2 s, holding the GIL: Morfeusz's
        C++ code does not release it, so the GUI loads it before it is needed)."""
        with self._lock:
            if self._morfeusz is None:
                import morfeusz2  # type: ignore[import-untyped]  # lazy: ~45 MiB, ~0.1 s; no stubs

                self._morfeusz = morfeusz2.Morfeusz(analyse=False, generate=True, expand_tags=False)
            return self._morfeusz

    @property
    def dictionary(self) -> str:
        """The dictionary's identifier and edition, e.g. "pl.sgjp.sgjp-2026.06.01"."""
        return str(self.load().dict_id())

    def first_name_entries(self, lemma: str) -> list[tuple[Gender, str]]:
        morfeusz = self.load()
        try:
            with self._lock:  # one Morfeusz object: one call at a time (its thread safety is not documented)
                forms = morfeusz.generate(lemma)
        except RuntimeError:  # a lemma the generator rejects: not a name it knows
            return []
        nominative: dict[str, Gender] = {}
        vocative: dict[str, str] = {}
        for orth, entry, tag, categories, _labels in forms:
            if "imię" not in categories:
                continue
            parts = str(tag).split(":")
            if len(parts) < 4 or parts[0] != "subst" or "sg" not in parts[1].split("."):
                continue
            gender = {"f": Gender.FEMALE, "m1": Gender.MALE}.get(parts[3])
            if gender is None:
                continue
            cases = parts[2].split(".")
            if "nom" in cases and orth == lemma:
                nominative[entry] = gender
            if "voc" in cases:
                vocative.setdefault(entry, orth)  # the first variant is SGJP's main form
        return [(gender, vocative.get(entry, lemma)) for entry, gender in nominative.items()]


def _looked_up(word: str) -> str:
    """The spelling a dictionary lemma has: "ANNA", "anna" → "Anna" (mixed case as written)."""
    if word.isupper() or word.islower():
        return word[:1].upper() + word[1:].lower()
    return word


def _as_written(model: str, form: str) -> str:
    """``form`` in the letter case of ``model`` ("ANNA" → "ANNO")."""
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model.islower():
        return form.lower()
    return form


class NameBook:
    """First names looked up once each (a list of 50,000 students has a few thousand)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon: Lexicon = lexicon if lexicon is not None else MorfeuszLexicon()
        self._cache: dict[str, NameInfo] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._cache)

    def preload(self) -> None:
        """Load the dictionary now (when the lexicon loads one), not at the first name."""
        load = getattr(self.lexicon, "load", None)
        if callable(load):
            load()

    def info(self, cell: str) -> NameInfo:
        """The name of a cell: "Anna", "ANNA", " anna ", "Anna Maria" (each part declined,
        the gender of the first), "Anna-Maria". Empty: unknown, not known."""
        found = self._cache.get(cell)
        if found is None:
            found = self._info(cell)
            with self._lock:
                self._cache[cell] = found
        return found

    def _info(self, cell: str) -> NameInfo:
        text = " ".join(unicodedata.normalize("NFC", cell).split())
        if not text:
            return NameInfo(text, Gender.UNKNOWN, "", known=False)
        words = text.split(" ")
        parts = [self._word(part) for word in words for part in word.split("-")]
        if len(parts) == 1:
            return parts[0]
        vocative = " ".join("-".join(self._word(p).vocative for p in word.split("-")) for word in words)
        first = parts[0]
        known = all(p.known for p in parts) and all(p.gender is first.gender for p in parts)
        return NameInfo(text, first.gender if known else Gender.UNKNOWN, vocative, known)

    def _word(self, word: str) -> NameInfo:
        found = self._cache.get(word)
        if found is not None:
            return found
        return self._store(word, self.lexicon.first_name_entries(_looked_up(word)) if word else [])

    def _store(self, word: str, entries: list[tuple[Gender, str]]) -> NameInfo:
        genders = {gender for gender, _ in entries}
        if len(genders) == 1:
            gender = genders.pop()
            vocative = next(v for g, v in entries if g is gender)
            info = NameInfo(word, gender, _as_written(word, vocative), known=True)
        else:  # not a first name SGJP knows, or one of both genders: nothing is guessed
            info = NameInfo(word, Gender.UNKNOWN, word, known=False)
        with self._lock:
            self._cache[word] = info
        return info

    def prefetch(self, cells: Iterable[str]) -> None:
        """Look up every word of ``cells`` not looked up yet in one request, when the lexicon
        takes many at once (``first_name_entries_many``: the window's child process answers
        2,000 names in one round trip instead of 2,000)."""
        many = getattr(self.lexicon, "first_name_entries_many", None)
        if many is None:
            return
        cache = self._cache
        words: dict[str, None] = {}
        for cell in dict.fromkeys(cells):
            if cell in cache:
                continue
            for word in unicodedata.normalize("NFC", cell).split():
                for part in word.split("-"):
                    if part and part not in cache:
                        words[part] = None
        if words:
            found: list[list[tuple[Gender, str]]] = many([_looked_up(w) for w in words])
            for word, entries in zip(words, found, strict=True):
                self._store(word, entries)

    def warm(self, cells: Iterable[str], cancelled: Callable[[], bool] | None = None) -> int:
        """Look up every distinct cell now (for a worker); returns how many are known."""
        for cell in dict.fromkeys(cells):
            if cancelled is not None and cancelled():
                break
            self.info(cell)
        return len(self._cache)


_DEFAULT: NameBook | None = None
_DEFAULT_LOCK = threading.Lock()


def use_default_book(book: NameBook) -> None:
    """Make ``book`` the process's NameBook (the window's composition root gives one whose
    dictionary is in a child process: ``lexicon_process``)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        _DEFAULT = book


def default_book() -> NameBook:
    """The process's one NameBook (its cache outlives one list): Morfeusz in this process
    unless ``use_default_book`` gave another."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = NameBook()
        return _DEFAULT
