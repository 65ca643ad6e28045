"""Messages for people, kept as translatable sentences rather than finished English text.

The core explains problems in English (the CLI prints that), but the GUI speaks the
user's language. So a message is built from ``Sentence`` values: an English template
marked for Qt's ``pyside6-lupdate`` with ``QT_TRANSLATE_NOOP`` (a no-op here — the core
never imports Qt; lupdate only reads the name), plus the values to put into it. The GUI
translates each template and fills in the same values; the CLI joins the English ones.

Templates name their values as ``{name}``. Only names present in ``values`` are
replaced, so braces meant for the reader ("write {{ and }}", "{Imię}") stay as written,
for translators too. A value may itself be a ``Sentence`` (a phrase translated too).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeAlias

CONTEXT = "Problems"  # the translation context of every core sentence

Value: TypeAlias = "str | int | Sentence"
_FIELD = re.compile(r"\{(\w+)\}")
_NO_VALUES: Mapping[str, Value] = MappingProxyType({})


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for translation in ``context``; returns it unchanged."""
    return source


def english_number(value: int) -> str:
    return f"{value:,}"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or a few) of a message: a template and its values."""

    template: str
    values: Mapping[str, Value] = field(default_factory=lambda: _NO_VALUES)

    def fill(
        self, translate: Callable[[str], str] | None = None, number: Callable[[int], str] = english_number
    ) -> str:
        """The template (through ``translate``, if given) with the values put in."""
        values = self.values

        def put(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in values:
                return match.group(0)
            value = values[name]
            if isinstance(value, Sentence):
                return value.fill(translate, number)
            return number(value) if isinstance(value, int) and not isinstance(value, bool) else str(value)

        return _FIELD.sub(put, self.template if translate is None else translate(self.template))

    def __str__(self) -> str:
        return self.fill()


def say(template: str, **values: Value) -> Sentence:
    """A sentence: ``say(QT_TRANSLATE_NOOP("Problems", "Row {row} is empty."), row=4)``."""
    return Sentence(template, MappingProxyType(dict(values)) if values else _NO_VALUES)


def english(sentences: Iterable[Sentence]) -> str:
    """The sentences as one English message (how the CLI and the logs show it)."""
    return " ".join(filter(None, (s.fill() for s in sentences)))


def sentences_to_json(sentences: Iterable[Sentence]) -> list[dict[str, object]]:
    """Sentences as JSON-ready data (to keep them, e.g. an excluded row's reason in the journal)."""

    def one(sentence: Sentence) -> dict[str, object]:
        values = {k: one(v) if isinstance(v, Sentence) else v for k, v in sentence.values.items()}
        return {"template": sentence.template, "values": values}

    return [one(s) for s in sentences]


def sentences_from_json(data: object) -> tuple[Sentence, ...]:
    """``sentences_to_json``'s data back as sentences; anything else gives ``()``."""

    def one(item: object) -> Sentence | None:
        if not isinstance(item, dict) or not isinstance(item.get("template"), str):
            return None
        values: dict[str, Value] = {}
        raw = item.get("values")
        for key, value in (raw.items() if isinstance(raw, dict) else ()):
            if isinstance(value, dict):
                nested = one(value)
                if nested is None:
                    return None
                values[str(key)] = nested
            elif isinstance(value, str | int):
                values[str(key)] = value
            else:
                return None
        return say(item["template"], **values)

    if not isinstance(data, list):
        return ()
    found = [one(item) for item in data]
    return () if any(s is None for s in found) else tuple(s for s in found if s is not None)
