"""Offsets between the core's code points and Qt's UTF-16 positions, and the one edit that
turns one text into another.

The core counts characters as Python does (code points); ``QTextCursor``, ``QTextBlock``
and ``QSyntaxHighlighter.setFormat`` count UTF-16 code units, so every character outside
the Basic Multilingual Plane (an emoji) counts twice there. ``core.template.utf16_offset``
converts one offset by encoding the prefix, which is right for a single cursor move;
``Utf16Index`` converts hundreds of offsets of the same text (highlighting) in
O(log n) each.

``changed_span`` finds the smallest replacement between two versions of a text, so an
edit made by code (a quick fix, the preview following the editor) goes through one
``QTextCursor`` operation: a single undo step in an editor, and a re-layout of only the
lines that changed in the preview.
"""

from __future__ import annotations

import bisect
import re

from PySide6.QtGui import QTextDocument

__all__ = ["Utf16Index", "changed_span", "document_text"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Code-point offsets of one text → UTF-16 offsets, fast for many look-ups."""

    __slots__ = ("_astral",)

    def __init__(self, text: str) -> None:
        # where the characters that take two UTF-16 units are (none in most letters)
        self._astral: list[int] = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]

    @property
    def identity(self) -> bool:
        """Whether both counts agree everywhere (no astral character)."""
        return not self._astral

    def to_utf16(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect.bisect_left(self._astral, offset)


def _common_prefix(a: str, b: str, limit: int) -> int:
    """Length of the common start of ``a`` and ``b`` (at most ``limit``); slice compares
    run in C, so a binary search beats a Python loop over 15,000 characters."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    la, lb = len(a), len(b)
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def changed_span(old: str, new: str) -> tuple[int, int, str]:
    """``(start, end, replacement)``: ``old[:start] + replacement + old[end:] == new``,
    with the replaced part as short as possible (code points)."""
    if old == new:
        return len(old), len(old), ""
    shortest = min(len(old), len(new))
    prefix = _common_prefix(old, new, shortest)
    suffix = _common_suffix(old, new, shortest - prefix)
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]


def document_text(document: QTextDocument) -> str:
    """The document's text exactly as typed: ``toPlainText`` would turn no-break spaces
    into spaces (changing what is sent); only the block separators become ``\\n``."""
    return document.toRawText().replace("\u2029", "\n")
