"""Placeholder highlighting for the subject and content editors, driven by the core's parse.

What is marked comes only from ``compile_template`` (the same parse and checks that
decide what is sent): known placeholders in one style, placeholders naming no column in
another, and a wavy underline under everything the checker reports in the text (broken
braces, CSS braces, ``{Imię.upper}``…; red for errors, amber for warnings). Escaped
braces (``{{``) are greyed. The colours come from the editor's palette (``colours``) and
follow it when it changes (a dark scheme, say).

``QSyntaxHighlighter`` thinks in lines (blocks); str.format does not (a field may span
lines, an unclosed ``{`` changes what follows). So the marks are computed for the whole
text on each edit, kept as UTF-16 spans, and after an edit every block whose marks
changed is re-highlighted, not only the edited one. The highlighter hears of an edit
before Qt re-highlights the edited lines, because it connects to the document's
``contentsChange`` before ``setDocument`` connects Qt's own handler (slots run in the
order they were connected).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from enum import IntFlag

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from usosmail_gui.core.template import Code, CompiledPart, Literal

from .colours import GRAPHIC_CONTRAST, tone
from .text_spans import Utf16Index

__all__ = ["Mark", "PlaceholderHighlighter", "Span", "spans_of"]


class Mark(IntFlag):
    """What a span of the text is (several can overlap)."""

    ESCAPE = 1  # "{{" or "}}": one brace of text
    KNOWN = 2  # a placeholder naming a column (or any placeholder when no list is loaded)
    UNKNOWN = 4  # a placeholder naming no column
    WARNING = 8  # the checker warns about this text
    ERROR = 16  # the checker reports an error here


Span = tuple[int, int, Mark]  # (start, end, mark) in UTF-16 units of the document

# problems about the whole text: underlining all of it would hide the real places
_WHOLE_TEXT = frozenset(
    {Code.SUBJECT_TOO_LONG, Code.CONTENT_TOO_LONG, Code.SUBJECT_EMPTY, Code.CONTENT_EMPTY}
)

# hues for light backgrounds; ``_format_for`` shades them for the palette in use
KNOWN_COLOR = QColor("#1a5fb4")
UNKNOWN_COLOR = QColor("#a51d2d")
ESCAPE_COLOR = QColor("#77767b")
ERROR_COLOR = QColor("#e01b24")
WARNING_COLOR = QColor("#c88800")


def spans_of(part: CompiledPart) -> list[Span]:
    """The marks of one compiled text, in UTF-16 units, sorted by start."""
    index = Utf16Index(part.text)
    u16 = index.to_utf16
    spans: list[Span] = []
    for placeholder in part.placeholders:
        mark = Mark.KNOWN if placeholder.known else Mark.UNKNOWN
        spans.append((u16(placeholder.start), u16(placeholder.end), mark))
    for segment in part.parsed.segments:
        if isinstance(segment, Literal) and segment.escape:
            spans.append((u16(segment.end - 2), u16(segment.end), Mark.ESCAPE))
    for issue in part.parsed.issues:
        spans.append((u16(issue.offset), u16(issue.offset + max(1, issue.length)), Mark.ERROR))
    for problem in part.problems:
        position = problem.position
        if position is None or problem.code in _WHOLE_TEXT:
            continue
        mark = Mark.ERROR if problem.is_error else Mark.WARNING
        spans.append((u16(position.offset), u16(position.offset + max(1, position.length)), mark))
    spans.sort()
    return spans


def _format_for(marks: Mark, palette: QPalette) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if marks & Mark.UNKNOWN:
        fmt.setForeground(tone(UNKNOWN_COLOR, palette))
        fmt.setFontWeight(QFont.Weight.Bold)
    elif marks & Mark.KNOWN:
        fmt.setForeground(tone(KNOWN_COLOR, palette))
        fmt.setFontWeight(QFont.Weight.Bold)
    elif marks & Mark.ESCAPE:
        fmt.setForeground(tone(ESCAPE_COLOR, palette))
    if marks & (Mark.ERROR | Mark.WARNING):
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        hue = ERROR_COLOR if marks & Mark.ERROR else WARNING_COLOR
        fmt.setUnderlineColor(tone(hue, palette, minimum=GRAPHIC_CONTRAST))
        fmt.setToolTip("")  # the problems panel explains; no per-character tooltips
    return fmt


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Marks placeholders and problems in ``document``.

    ``source()`` returns the compiled text currently in the document (the editor caches
    the compilation, so asking twice costs nothing); call ``refresh()`` when what it
    would return changed without an edit (another recipient list, plain ↔ HTML).
    """

    def __init__(self, document: QTextDocument, source: Callable[[], CompiledPart], parent: QObject) -> None:
        # ``parent`` must be neither the document nor a QTextEdit: with those, Qt's
        # constructor would connect its own handler at once, before ours
        if isinstance(parent, QTextDocument | QTextEdit):
            raise TypeError("the highlighter's parent must not be its document or a QTextEdit")
        super().__init__(parent)
        self._source = source
        self._part: CompiledPart | None = None
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._longest = 0
        self._formats: dict[int, QTextCharFormat] = {}
        # the colours follow the palette of the widget showing the document (its parent)
        self._widget = parent if isinstance(parent, QWidget) else None
        if self._widget is not None:
            self._widget.installEventFilter(self)
        # before setDocument: this slot must run before Qt re-highlights the edited lines
        document.contentsChange.connect(self._contents_changed)
        self.setDocument(document)

    # --- the spans -----------------------------------------------------------------------

    @property
    def spans(self) -> list[Span]:
        """The current marks (for tests and the benchmark)."""
        return list(self._spans)

    def refresh(self) -> None:
        """Compute the marks again and re-highlight every line."""
        self._part = None
        self._take(self._source())
        self.rehighlight()

    def _take(self, part: CompiledPart) -> list[Span]:
        old = self._spans
        self._part = part
        self._spans = spans_of(part)
        self._starts = [s for s, _, _ in self._spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)
        return old

    def _contents_changed(self, position: int, removed: int, added: int) -> None:
        part = self._source()
        if part is self._part:
            return  # a format change (ours), not an edit
        old = self._take(part)
        if removed == added == 0:
            return
        self._rehighlight_changed(old, position, removed, added)

    def _rehighlight_changed(self, old: list[Span], position: int, removed: int, added: int) -> None:
        """Re-highlight the blocks outside the edited lines whose marks changed (Qt does
        the edited lines itself, right after this)."""
        delta = added - removed
        edit_end_old = position + removed
        edit_end_new = position + added
        shifted: set[Span] = set()
        for start, end, mark in old:
            if end <= position:
                shifted.add((start, end, mark))
            elif start >= edit_end_old:
                shifted.add((start + delta, end + delta, mark))
            else:  # cut by the edit: what was marked around it must be redrawn
                shifted.add((min(start, position), max(end + delta, edit_end_new), mark))
        changed = shifted.symmetric_difference(self._spans)
        if not changed:
            return
        document = self.document()
        first_edited = document.findBlock(position).blockNumber()
        last_edited = document.findBlock(edit_end_new).blockNumber()
        done: set[int] = set()
        for start, end, _ in changed:
            block = document.findBlock(start)
            while block.isValid() and block.position() < max(end, start + 1):
                number = block.blockNumber()
                if number not in done and not first_edited <= number <= last_edited:
                    done.add(number)
                    self.rehighlightBlock(block)
                block = block.next()

    # --- painting ------------------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:
        if self._part is None:
            self._take(self._source())
        spans = self._spans
        if not spans:
            return
        block = self.currentBlock()
        first = block.position()
        last = first + block.length() - 1  # the separator is not the line's
        lo = bisect.bisect_left(self._starts, first - self._longest)
        hi = bisect.bisect_left(self._starts, last)
        inside = [
            (max(s, first) - first, min(e, last) - first, m)
            for s, e, m in spans[lo:hi]
            if e > first and s < last
        ]
        if not inside:
            return
        cuts = sorted({c for s, e, _ in inside for c in (s, e)})
        for a, b in itertools.pairwise(cuts):
            marks = Mark(0)
            for s, e, m in inside:
                if s <= a and b <= e:
                    marks |= m
            if marks:
                self.setFormat(a, b - a, self.format_for(marks))

    def format_for(self, marks: Mark) -> QTextCharFormat:
        """How text with these marks is drawn, in the current palette's colours."""
        fmt = self._formats.get(marks.value)
        if fmt is None:
            palette = QGuiApplication.palette() if self._widget is None else self._widget.palette()
            fmt = self._formats[marks.value] = _format_for(marks, palette)
        return fmt

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.PaletteChange:
            self._formats.clear()
            self.rehighlight()
        return False
