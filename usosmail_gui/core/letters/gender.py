"""Reading a gender cell as USOS and dean's offices write it.

USOS exports a person's sex as ``K``/``M`` (kobieta/mężczyzna); English exports and other
systems write ``F``/``M``, whole words, or ``Pani``/``Pan``. Anything else is not read
as either (never guessed from an odd value): the salutation then falls back to the
first name, and the row says so.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

__all__ = ["Gender", "read_gender"]


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"


_WORDS = {
    Gender.FEMALE: ("k", "f", "kobieta", "kobiety", "ż", "żeńska", "żeński", "pani", "female", "woman", "w"),
    Gender.MALE: ("m", "mężczyzna", "mezczyzna", "męska", "męski", "pan", "male", "man"),
}
_LOOKUP = {word: gender for gender, words in _WORDS.items() for word in words}


def read_gender(cell: str) -> Gender | None:
    """The gender a cell says (``UNKNOWN`` for an empty cell), or None when the cell holds
    something that is neither (e.g. "X", "?" or a typo)."""
    text = unicodedata.normalize("NFC", cell).strip().rstrip(".").casefold()
    if not text:
        return Gender.UNKNOWN
    return _LOOKUP.get(text)
